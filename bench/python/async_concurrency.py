"""Async: 64 concurrent awaits on one ``zexa.AsyncClient`` against 64 threads sharing one
``zexa.Client``, against a sandbox that delays each answer (``--latency-ms 10``); and how
responsive the event loop stays meanwhile: a 10 ms timer's worst lag.

Goals (issue 15): async calls/s >= 0.8x the threads'; the timer never lags more than 5 ms.

``async_concurrency.py --url BASE --tasks 64 --n-per-task N``: two JSON lines, section
``async``, clients ``py-sdk-threads`` and ``py-sdk-async`` (with ``timer_lag_max_ms`` and
``timer_lag_p99_ms``, and the same timer's lag with no call running, ``idle_timer_lag_*``:
what the machine adds by itself).
"""

import asyncio
import threading
import time

from common import API_KEY, emit, parse_args, sdk_client, sdk_first_contact_id, sdk_get


def threads_run(client, contact_id, threads, calls):
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


async def async_run(client, contact_id, tasks, calls):
    """``tasks`` tasks each awaiting ``calls`` calls, and a 10 ms ticker measuring its lag;
    returns the wall time and the ticker's lags in seconds."""
    lags = []
    done = asyncio.Event()

    async def ticker():
        while not done.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.010)
            lags.append(time.perf_counter() - before - 0.010)

    async def worker():
        for _ in range(calls):
            await client.contacts.get(contact_id)

    tick = asyncio.ensure_future(ticker())
    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(tasks)))
    secs = time.perf_counter() - started
    done.set()
    await tick
    return secs, lags


def main():
    import zexa

    args = parse_args()
    tasks = max(1, int(args.get("tasks", 64)))
    per_task = int(args.get("n-per-task", 100))
    total = tasks * per_task

    client = sdk_client(args["url"])
    contact_id = sdk_first_contact_id(client)
    threads_run(client, contact_id, tasks, 1)  # opens the connections the run reuses
    secs = threads_run(client, contact_id, tasks, per_task)
    emit("async", "py-sdk-threads", tasks=tasks, n=total, secs=secs, calls_per_s=total / secs)
    client.close()

    async def idle_lags(ticks):
        """The same timer with no call running: what the machine itself adds."""
        lags = []
        for _ in range(ticks):
            before = time.perf_counter()
            await asyncio.sleep(0.010)
            lags.append(time.perf_counter() - before - 0.010)
        return sorted(lags)

    async def measure():
        async with zexa.AsyncClient(API_KEY, base_url=args["url"], max_workers=tasks) as aclient:
            await async_run(aclient, contact_id, tasks, 1)  # warm: connections and workers
            idle = await idle_lags(100)
            return idle, await async_run(aclient, contact_id, tasks, per_task)

    idle, (secs, lags) = asyncio.run(measure())
    lags.sort()
    p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))] if lags else 0.0
    idle_p99 = idle[min(len(idle) - 1, int(len(idle) * 0.99))]
    emit(
        "async",
        "py-sdk-async",
        tasks=tasks,
        n=total,
        secs=secs,
        calls_per_s=total / secs,
        timer_ticks=len(lags),
        timer_lag_max_ms=(lags[-1] if lags else 0.0) * 1000,
        timer_lag_p99_ms=p99 * 1000,
        idle_timer_lag_max_ms=idle[-1] * 1000,
        idle_timer_lag_p99_ms=idle_p99 * 1000,
    )


if __name__ == "__main__":
    main()
