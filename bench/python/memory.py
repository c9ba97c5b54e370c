"""Memory per client: N clients, each with one live keep-alive connection.

``memory.py --client sdk|requests|httpx --url BASE --n N --transport plain|tls [--ca PEM_FILE]``

One client is made and used first, so what the process pays once (imports, the shared TLS
configuration) is not counted per client. Then N clients are made, each calling
``GET /credits`` once and kept alive with its pooled connection; the growth of VmRSS (after a
``gc.collect()``) divided by N is the cost of one client. The time of each construction +
first call (a TCP connect, and the TLS handshake over https) is reported as its median.
Prints one JSON line.
"""

import gc
import os
import statistics
import time

from common import API_KEY, emit, parse_args, rss_mb

HEADERS = {"Authorization": f"Bearer {API_KEY}", "Accept": "application/json"}


def factory(kind, base, ca):
    """A no-argument function making one client and doing its first call; returns the client."""
    url = f"{base}/credits"
    if kind == "sdk":
        import zexa

        def make():
            client = zexa.Client(API_KEY, base_url=base, ca_cert=ca)
            client.credits.get()
            return client

        return make
    if kind == "requests":
        import requests

        def make():
            session = requests.Session()
            session.headers.update(HEADERS)
            # Per call, as requests documents: a REQUESTS_CA_BUNDLE in the environment
            # would override session.verify.
            r = session.get(url, timeout=30, verify=ca or True)
            r.raise_for_status()
            r.json()
            return session

        return make
    if kind == "httpx":
        import httpx

        def make():
            client = httpx.Client(headers=HEADERS, timeout=30, verify=ca or True)
            r = client.get(url)
            r.raise_for_status()
            r.json()
            return client

        return make
    raise SystemExit(f"unknown --client {kind!r}")


def main():
    args = parse_args()
    kind, base, n = args["client"], args["url"], int(args.get("n", "100"))
    ca = args.get("ca")
    make = factory(kind, base, ca)
    warm = make()
    gc.collect()
    fds_before = len(os.listdir("/proc/self/fd"))
    before = rss_mb()
    clients, times = [], []
    for _ in range(n):
        started = time.perf_counter()
        clients.append(make())
        times.append(time.perf_counter() - started)
    gc.collect()
    after = rss_mb()
    live = len(os.listdir("/proc/self/fd")) - fds_before
    emit(
        "memory",
        f"py-{kind}",
        transport=args.get("transport", "plain"),
        n=n,
        kib_per_client=(after - before) * 1024.0 / n,
        first_call_ms=statistics.median(times) * 1e3,
        live_connections=live,
    )
    del clients, warm


if __name__ == "__main__":
    main()
