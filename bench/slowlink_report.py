"""The slow-link section of bench/RESULTS.md, from the ``slowlink`` lines of the results and
nginx's access log of the run: ``slowlink_report.py --results R.jsonl --access-log LOG
--rate-bps 2000000 --burst-bytes B --out bench/RESULTS.md``.

The section sits between two markers in RESULTS.md and is replaced in place, so this
section can be run alone (``bash bench/run.sh --only slowlink``) and a full run keeps it."""

import argparse
import json
import statistics

START, END = "<!-- slowlink:start -->", "<!-- slowlink:end -->"
CLIENTS = ["py-sdk", "py-requests", "py-httpx", "rust-sdk", "c-sdk", "py-requests-identity"]


def wire_bytes(log, compressed=True):
    """Median response bytes (head + body) and request bytes, per method, of the requests that
    asked for gzip (``compressed``) or for no compression; and how many were sent compressed."""
    sizes = {"GET": [], "POST": []}
    requests = {"GET": [], "POST": []}
    gzip_ok = {"GET": 0, "POST": 0}
    with open(log) as f:
        for line in f:
            fields = line.split()
            method, status, sent, length, ratio = fields[:5]
            asked = "gzip" in " ".join(fields[5:])
            if method in sizes and status in ("200", "201") and asked == compressed:
                sizes[method].append(int(sent))
                requests[method].append(int(length))
                gzip_ok[method] += ratio != "-"
    return {
        m: (statistics.median(sizes[m]), statistics.median(requests[m]), gzip_ok[m], len(sizes[m]))
        for m in sizes
        if sizes[m]
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", required=True)
    p.add_argument("--access-log", required=True)
    p.add_argument("--rate-bps", type=float, required=True)
    p.add_argument("--burst-bytes", type=int, required=True)
    p.add_argument("--gzip-level", default="1")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    lines = [json.loads(l) for l in open(args.results) if '"slowlink' in l]
    skipped = [l for l in lines if l.get("error")]
    runs = {c: [l for l in lines if l["client"] == c and not l.get("error")] for c in CLIENTS}
    bytes_ = wire_bytes(args.access_log) if not skipped else {}
    plain = wire_bytes(args.access_log, compressed=False) if not skipped else {}
    ms = lambda b: b * 8 / args.rate_bps * 1e3  # noqa: E731
    out = [START, "## 7. Slow link: 2 Mbit/s, nginx with `gzip on`", ""]
    if skipped or "GET" not in bytes_:
        reason = skipped[0]["error"] if skipped else "no measurement"
        out += [f"Skipped: {reason}.", "", END]
    else:
        page_resp, page_req, page_gz, n_pages = bytes_["GET"]
        post_resp, post_req, _, _ = bytes_.get("POST", (0, 0, 0, 0))
        limit, post_limit = ms(page_resp), ms(post_resp + post_req)
        out += [
            "Made by `bash bench/run.sh --only slowlink` (also part of a full run). A network namespace of",
            "its own (`ip netns add`), its loopback at MTU 1500 behind a `tbf` qdisc of 2 Mbit/s",
            f"(burst {args.burst_bytes} bytes, about one packet); nginx inside it serving pages of 100",
            f"realistic contacts (~19 kB of JSON each, `bench/slowlink_pages.py`) with `gzip on`",
            f"(`gzip_comp_level {args.gzip_level}`), and a fixed 201 body to `POST /contacts`. Each client",
            "fetches pages 1..N one after another on one keep-alive connection, then creates contacts one by",
            "one; the figures are the medians of the per-call medians over the rounds.",
            "",
            f"On the wire (nginx's `$bytes_sent`, head included): a page is **{page_resp:.0f} bytes**"
            f" ({page_gz} of {n_pages} pages sent gzip-compressed), its request {page_req:.0f} bytes; a create sends"
            f" {post_req:.0f} bytes and gets {post_resp:.0f}.",
            f"**Physical limit of a page: {page_resp:.0f} B × 8 / 2 Mbit/s = {limit:.1f} ms**; of a create"
            f" (both ways share the one link): {post_limit:.1f} ms. The request, TCP/IP headers and ACKs",
            "cross the same qdisc, so no client can reach the limit exactly.",
        ]
        if "GET" in plain:
            out.append(
                f"Uncompressed (`py-requests-identity`, `Accept-Encoding: identity`, what the SDK downloaded before it"
                f" asked for gzip) a page is {plain['GET'][0]:.0f} bytes: a limit of {ms(plain['GET'][0]):.1f} ms."
            )
        out += [
            "",
            "| client | page (ms, median) | vs limit | vs py-requests | create (ms, median) | 1,000 creates (s) | vs py-requests | rounds |",
            "|---|---|---|---|---|---|---|---|",
        ]

        def med(c, field):
            vals = [r[field] for r in runs[c] if r.get(field) is not None]
            return statistics.median(vals) if vals else None

        req_page, req_create = med("py-requests", "page_ms"), med("py-requests", "create_ms")
        for c in CLIENTS:
            page, create, total = med(c, "page_ms"), med(c, "create_ms"), med(c, "creates_secs")
            if page is None:
                out.append(f"| {c} | n/a | | | | | | 0 |")
                continue
            out.append(
                f"| {c} | {page:.1f} | {page / limit:.2f}x | {page / req_page:.2f}x | {create:.2f} | {total:.2f} |"
                f" {create / req_create:.2f}x | {len(runs[c])} |"
            )
        sdk_page, sdk_create = med("py-sdk", "page_ms"), med("py-sdk", "create_ms")
        goals = [
            ("Python SDK page time <= `requests`", f"{sdk_page / req_page:.2f}x", "<= 1", sdk_page <= req_page),
            ("Python SDK page time within 15 % of the limit", f"{sdk_page / limit:.2f}x", "<= 1.15", sdk_page <= 1.15 * limit),
            ("Python SDK create time <= `requests`", f"{sdk_create / req_create:.2f}x", "<= 1", sdk_create <= req_create),
        ]
        out += ["", "| goal | measured | target | status |", "|---|---|---|---|"]
        out += [f"| {g} | {m} | {t} | {'met' if ok else 'NOT met'} |" for g, m, t, ok in goals]
        out += ["", END]
    block = "\n".join(out)
    try:
        doc = open(args.out).read()
    except FileNotFoundError:
        doc = ""
    if START in doc and END in doc:
        doc = doc[: doc.index(START)] + block + doc[doc.index(END) + len(END) :]
    elif "\n## Notes" in doc:
        at = doc.index("\n## Notes")
        doc = doc[:at] + "\n" + block + "\n" + doc[at:]
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    with open(args.out, "w") as f:
        f.write(doc)
    print(block)


if __name__ == "__main__":
    main()
