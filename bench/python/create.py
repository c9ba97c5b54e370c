"""Create throughput: ``POST /contacts`` of N contacts with distinct E.164 phones.

``create.py --client sdk|requests --url BASE --n N --prefix PP``

``PP`` (two digits) keeps the phones of one run apart from every other run against the same
sandbox: phone i is ``+2449PP`` followed by i on six digits.
"""

import time

from common import API_KEY, emit, parse_args, sdk_client, sdk_create


def main():
    args = parse_args()
    kind = args["client"]
    base = args["url"]
    n = int(args.get("n", 10000))
    prefix = int(args.get("prefix", 0))
    if not (0 <= prefix <= 99 and 0 < n <= 1_000_000):
        raise SystemExit("--prefix must be 0..99 and --n 1..1000000")
    phones = [f"+2449{prefix:02d}{i:06d}" for i in range(n)]
    if kind == "sdk":
        client = sdk_client(base)

        def create(i):
            sdk_create(client, f"Bench {i}", phones[i])

    elif kind == "requests":
        import requests

        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {API_KEY}"
        url = f"{base}/contacts"

        def create(i):
            r = session.post(url, json={"name": f"Bench {i}", "phone": phones[i]}, timeout=30)
            r.raise_for_status()
            return r.json()

    else:
        raise SystemExit(f"unknown --client {kind!r}")
    started = time.perf_counter()
    for i in range(n):
        create(i)
    secs = time.perf_counter() - started
    emit("create", f"py-{kind}", n=n, secs=secs, calls_per_s=n / secs)


if __name__ == "__main__":
    main()
