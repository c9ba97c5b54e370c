"""The ``zexa`` logger: silent unless the application configures logging or sets ``ZEXA_LOG``.

A library must not print on its own: the ``NullHandler`` keeps Python's last-resort handler
from writing the SDK's warnings (a retried call) to stderr of an application that configured
no logging. ``ZEXA_LOG=debug|info|warning`` adds a stderr handler at that level, as
``OPENAI_LOG`` does for openai-python.
"""

from __future__ import annotations

import logging
import os
import warnings

__all__ = ["logger"]

logger = logging.getLogger("zexa")
"""Where the core's records go: each attempt at DEBUG, each retry and give-up at WARNING."""

logger.addHandler(logging.NullHandler())

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}


def _from_environment() -> None:
    """Adds the stderr handler that ``ZEXA_LOG`` asks for, if it does."""
    wanted = os.environ.get("ZEXA_LOG", "").strip().lower()
    if not wanted:
        return
    level = _LEVELS.get(wanted)
    if level is None:
        warnings.warn(f"ZEXA_LOG={wanted!r} is not one of debug, info, warning; ignored", stacklevel=3)
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


_from_environment()
