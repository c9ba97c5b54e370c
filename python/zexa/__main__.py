"""``python -m zexa`` and the ``zexa`` console script: the ``zexa`` command line.

The program is the Rust one (``zexa_cli``), run by the native module, so both installs of
``zexa`` behave the same. See ``zexa --help``.
"""

from __future__ import annotations

import signal
import sys

from zexa._native import run_cli


def main() -> int:
    """Runs ``zexa`` on the process's arguments and returns its exit code."""
    # The program handles Ctrl-C itself (a wait stops and it exits 130). Python's handler,
    # chained behind it, would raise a KeyboardInterrupt once it returned.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    return run_cli(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
