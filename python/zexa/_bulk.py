"""``messages.send_many``: the summary of a bulk send (the sending is the core's)."""

from __future__ import annotations

import os
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from ._exceptions import ZexaError
from ._models import Message

#: One outcome as the core reports it: ``(ref, kind, value)``, where ``kind`` is ``"sent"``
#: (value: the Message), ``"failed"`` (the ZexaError), ``"ambiguous"`` (the ZexaError of this
#: run, or the text an earlier run left in the journal), ``"skipped"`` (the message ID an
#: earlier run recorded, or None) or ``"checked"`` (a dry run: the SMS segments).
Outcome = Tuple[str, str, Any]

#: What ``on_progress`` is called with for every message, as soon as its outcome is known.
ProgressCallback = Callable[[Outcome], object]

#: One message of a bulk send: ``messages.send``'s arguments (``channel``, ``to``, ``from_``,
#: ``body`` or ``template``, ``max_segments``) and an optional ``ref``, the caller's key for it
#: (default: its position, from 0).
BulkMessage = Mapping[str, Any]


class BulkResult:
    """The end of a bulk send: every message in exactly one group.

    ``sent``: ref -> Message. ``failed``: ref -> error that surely had no effect (safe to fix
    and resend). ``ambiguous``: ref -> error (or an earlier run's reason) for a message that may
    have been sent: never resent automatically, check before sending it again. ``skipped``:
    ref -> message ID (or None) of messages an earlier run with the journal sent. A dry run
    counts the valid messages in ``checked`` and their SMS segments in ``segments``.
    """

    def __init__(self, checked: int = 0, segments: int = 0) -> None:
        self.sent: Dict[str, Message] = {}
        self.failed: Dict[str, ZexaError] = {}
        self.ambiguous: Dict[str, Union[ZexaError, str]] = {}
        self.skipped: Dict[str, Optional[str]] = {}
        self.checked = checked
        self.segments = segments

    def __repr__(self) -> str:
        return (
            f"BulkResult(sent={len(self.sent)}, failed={len(self.failed)}, ambiguous={len(self.ambiguous)}, "
            f"skipped={len(self.skipped)}, checked={self.checked}, segments={self.segments})"
        )

    @property
    def total(self) -> int:
        """How many messages the result accounts for."""
        return len(self.sent) + len(self.failed) + len(self.ambiguous) + len(self.skipped) + self.checked

    @classmethod
    def _from_native(cls, outcomes: List[Outcome], checked: int, segments: int) -> "BulkResult":
        result = cls(checked=checked, segments=segments)
        groups: Dict[str, Dict[str, Any]] = {
            "sent": result.sent,
            "failed": result.failed,
            "ambiguous": result.ambiguous,
            "skipped": result.skipped,
        }
        for reference, kind, value in outcomes:
            groups[kind][reference] = value
        return result


def journal_path(journal: Union[str, "os.PathLike[str]", None]) -> Optional[str]:
    """The journal argument as the core takes it."""
    return None if journal is None else os.fspath(journal)


__all__ = ["BulkMessage", "BulkResult", "Outcome", "ProgressCallback", "journal_path"]

