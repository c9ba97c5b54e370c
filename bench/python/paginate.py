"""Pagination: every contact of a seeded sandbox, with the SDK or a ``requests`` loop.

``paginate.py --client sdk|requests --url BASE [--per-page 100] [--expect N]``

Reports the time, the peak RSS of the process and the RSS growth from just before to just
after the iteration (the SDK must hold one page at a time, so this stays small).
"""

import gc
import time

from common import API_KEY, emit, parse_args, peak_rss_mb, rss_mb, sdk_client, sdk_iter_all


def iter_requests(base, per_page):
    """The loop a user writes by hand: pages until ``page * per_page >= total``."""
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {API_KEY}"
    page = 1
    while page <= 1_000_000:  # bounded: 10^8 contacts at most
        r = session.get(f"{base}/contacts", params={"page": page, "per_page": per_page}, timeout=30)
        r.raise_for_status()
        body = r.json()
        yield from body["data"]
        meta = body.get("meta") or {}
        if not body["data"] or page * per_page >= meta.get("total", 0):
            return
        page += 1


def main():
    args = parse_args()
    kind = args["client"]
    base = args["url"]
    per_page = int(args.get("per-page", 100))
    expect = int(args.get("expect", 0))
    if kind == "sdk":
        client = sdk_client(base)
        items = lambda: sdk_iter_all(client, per_page)  # noqa: E731
        phone = lambda c: c.phone  # noqa: E731
    elif kind == "requests":
        import requests  # noqa: F401  (imported before the RSS baseline)

        items = lambda: iter_requests(base, per_page)  # noqa: E731
        phone = lambda c: c["phone"]  # noqa: E731
    else:
        raise SystemExit(f"unknown --client {kind!r}")
    gc.collect()
    before = rss_mb()
    started = time.perf_counter()
    count = 0
    for contact in items():
        phone(contact)
        count += 1
    secs = time.perf_counter() - started
    gc.collect()
    growth = rss_mb() - before
    if expect and count != expect:
        raise SystemExit(f"iterated {count} contacts, expected {expect}")
    emit(
        "paginate",
        f"py-{kind}",
        items=count,
        secs=secs,
        peak_rss_mb=peak_rss_mb(),
        rss_growth_mb=growth,
    )


if __name__ == "__main__":
    main()
