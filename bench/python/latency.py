"""Single-call latency, one thread, keep-alive: ``GET /contacts/{id}`` decoded.

``latency.py --client sdk|requests|httpx|urllib3 --url BASE --n N [--warmup W]``

``sdk`` is ``client.contacts.get(id)`` (a model); the peers decode the JSON into a dict,
as a hand-written client would. Prints one JSON line with ``calls_per_s``.
"""

import time

from common import API_KEY, CONTACT_ID, emit, parse_args, sdk_client, sdk_get

HEADERS = {"Authorization": f"Bearer {API_KEY}", "Accept": "application/json"}


def make_call(kind, base, contact_id):
    """A no-argument function doing one call with client ``kind``."""
    url = f"{base}/contacts/{contact_id}"
    if kind == "sdk":
        client = sdk_client(base)
        return lambda: sdk_get(client, contact_id)
    if kind == "requests":
        import requests

        session = requests.Session()
        session.headers.update(HEADERS)

        def call():
            r = session.get(url, timeout=30)
            r.raise_for_status()
            return r.json()

        return call
    if kind == "httpx":
        import httpx

        client = httpx.Client(headers=HEADERS, timeout=30)

        def call():
            r = client.get(url)
            r.raise_for_status()
            return r.json()

        return call
    if kind == "urllib3":
        import json

        import urllib3

        pool = urllib3.PoolManager(headers=HEADERS, timeout=30.0)

        def call():
            r = pool.request("GET", url)
            if r.status != 200:
                raise RuntimeError(f"HTTP {r.status}")
            return json.loads(r.data)

        return call
    raise SystemExit(f"unknown --client {kind!r}")


def main():
    args = parse_args()
    kind = args["client"]
    n = int(args.get("n", 5000))
    call = make_call(kind, args["url"], args.get("id", CONTACT_ID))
    for _ in range(int(args.get("warmup", 200))):
        call()
    started = time.perf_counter()
    for _ in range(n):
        call()
    secs = time.perf_counter() - started
    emit("latency", f"py-{kind}", n=n, secs=secs, calls_per_s=n / secs, us_per_call=secs * 1e6 / n)


if __name__ == "__main__":
    main()
