"""Concurrency: T Python threads sharing one SDK client against a sandbox that delays each
answer (``--latency-ms 10``). With the GIL released during I/O, T threads approach T times
the calls/s of one.

``concurrency.py --url BASE --threads T --n-per-thread N``
"""

import threading
import time

from common import emit, parse_args, sdk_client, sdk_first_contact_id, sdk_get


def run(client, contact_id, threads, calls):
    """``threads`` threads each making ``calls`` calls; returns the wall time."""
    errors = []

    def worker():
        try:
            for _ in range(calls):
                sdk_get(client, contact_id)
        except Exception as e:  # reported after the join
            errors.append(e)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    started = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    if errors:
        raise errors[0]
    return time.perf_counter() - started


def main():
    args = parse_args()
    threads = max(1, int(args.get("threads", 1)))
    per_thread = int(args.get("n-per-thread", 200))
    client = sdk_client(args["url"])
    contact_id = sdk_first_contact_id(client)
    run(client, contact_id, threads, 1)  # opens the connections the run reuses
    secs = run(client, contact_id, threads, per_thread)
    total = threads * per_thread
    emit("concurrency", "py-sdk", threads=threads, n=total, secs=secs, calls_per_s=total / secs)


if __name__ == "__main__":
    main()
