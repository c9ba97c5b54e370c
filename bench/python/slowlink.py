"""The slow-link benchmark's Python clients: GET pages of 100 contacts one after another, then
POST contacts one by one, on one keep-alive connection; prints the median time of each.

``slowlink.py --client sdk|requests|httpx|requests-identity --url BASE --pages N --creates M``

``requests-identity`` asks for no compression (``Accept-Encoding: identity``): what every
client paid before the SDK asked for gzip, for comparison.
"""

import statistics
import time

from common import API_KEY, emit, parse_args, sdk_client, sdk_create


def main():
    args = parse_args()
    kind, base = args["client"], args["url"]
    pages, creates = int(args.get("pages", 30)), int(args.get("creates", 1000))
    if not (0 < pages <= 10_000 and 0 <= creates <= 100_000):
        raise SystemExit("--pages must be 1..10000 and --creates 0..100000")
    if kind == "sdk":
        client = sdk_client(base)

        def page(i):
            return len(client.contacts.list(page=i, per_page=100).data)

        def create(i):
            sdk_create(client, f"Bench {i}", f"+244923{i:06d}")

    elif kind in ("requests", "httpx", "requests-identity"):
        if kind.startswith("requests"):
            import requests

            session = requests.Session()
            if kind == "requests-identity":
                session.headers["Accept-Encoding"] = "identity"
        else:
            import httpx

            session = httpx.Client()
        session.headers["Authorization"] = f"Bearer {API_KEY}"

        def page(i):
            r = session.get(f"{base}/contacts", params={"page": i, "per_page": 100}, timeout=30)
            r.raise_for_status()
            return len(r.json()["data"])

        def create(i):
            r = session.post(f"{base}/contacts", json={"name": f"Bench {i}", "phone": f"+244923{i:06d}"}, timeout=30)
            r.raise_for_status()
            return r.json()

    else:
        raise SystemExit(f"unknown --client {kind!r}")
    page(1)  # opens the connection: not counted
    times = []
    for i in range(1, pages + 1):
        started = time.perf_counter()
        if page(i) != 100:
            raise SystemExit("a page did not hold 100 contacts")
        times.append(time.perf_counter() - started)
    create_times = []
    for i in range(creates):
        started = time.perf_counter()
        create(i)
        create_times.append(time.perf_counter() - started)
    emit(
        "slowlink",
        f"py-{kind}",
        pages=pages,
        page_ms=statistics.median(times) * 1e3,
        creates=creates,
        create_ms=statistics.median(create_times) * 1e3 if create_times else None,
        creates_secs=sum(create_times),
    )


if __name__ == "__main__":
    main()
