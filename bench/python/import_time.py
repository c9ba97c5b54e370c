"""Import time: ``python -c 'import X'`` minus ``python -c 'pass'``, fresh interpreter each,
interleaved, median of R runs.

``import_time.py --python PATH --modules zexa,requests [--repeat 10]``

A module that cannot be imported is reported with ``error`` instead of a time.
"""

import statistics
import subprocess
import time

from common import emit, parse_args


def wall(python, code):
    """Seconds to start ``python``, run ``code`` and exit."""
    started = time.perf_counter()
    subprocess.run([python, "-c", code], check=True, timeout=60)
    return time.perf_counter() - started


def main():
    args = parse_args()
    python = args["python"]
    repeat = int(args.get("repeat", 10))
    modules = [m for m in args["modules"].split(",") if m]
    usable = []
    for m in modules:
        try:
            wall(python, f"import {m}")
            usable.append(m)
        except subprocess.CalledProcessError:
            emit("import", m, error=f"import {m} fails in {python}")
    samples = {m: [] for m in ["pass", *usable]}
    for _ in range(repeat):
        for m in samples:
            samples[m].append(wall(python, "pass" if m == "pass" else f"import {m}"))
    base = statistics.median(samples["pass"])
    for m in usable:
        med = statistics.median(samples[m])
        emit("import", m, repeat=repeat, total_ms=med * 1e3, import_ms=(med - base) * 1e3)


if __name__ == "__main__":
    main()
