"""Turns the JSON lines of one benchmark run into bench/RESULTS.md (stdlib only).

``report.py --results bench/out/results.jsonl --out bench/RESULTS.md [--mode full|quick]
[--python PATH] [--nginx PATH] [--only SECTION]``

With ``--only memory`` (what ``run.sh --only memory`` passes), only that section is rendered,
and it replaces the same section of the existing ``--out`` file (between its
``<!-- memory:begin -->`` and ``<!-- memory:end -->`` markers); the rest of the file is kept.

Each line is one measurement: ``{"section", "client", ...numbers}`` or ``{..., "error"}``.
The k-th line of a (section, client, threads) series is round k; rounds are interleaved,
so a ratio is taken round by round (same moment, same load) and the median reported.
The table is printed too. Goals are shown as met / not met; nothing here ever fails on a
number.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
from collections import defaultdict

NAMES = {
    "rust-sdk": "Rust SDK `client.contacts().get(id)`",
    "rust-ureq": "raw ureq 3 Agent + serde_json (Rust floor)",
    "rust-ureq-timeout": "raw ureq 3 + serde_json, `timeout_global(30 s)` set (as the SDK)",
    "c-sdk": "C library `libzexa` (bench/c/latency.c)",
    "py-sdk": "Python SDK `client.contacts.get(id)`",
    "py-requests": "Python `requests.Session`",
    "py-httpx": "Python `httpx.Client`",
    "py-urllib3": "Python `urllib3.PoolManager`",
    "wrk": "server limit: `wrk -t1 -c1` (no client work)",
}


def load(path):
    """Series keyed by (section, client, threads): the lines in run order, and errors."""
    series, errors = defaultdict(list), {}
    with open(path) as f:
        for raw in f:
            raw = raw.strip()
            if not raw.startswith("{"):
                continue
            line = json.loads(raw)
            key = (line["section"], line["client"], line.get("threads"))
            if "error" in line:
                errors[key] = line["error"]
            else:
                series[key].append(line)
    return series, errors


class Results:
    """Medians and round-by-round ratios over the loaded series."""

    def __init__(self, series, errors):
        self.series, self.errors = series, errors

    def values(self, section, client, field, threads=None):
        return [r[field] for r in self.series.get((section, client, threads), []) if field in r]

    def median(self, section, client, field, threads=None):
        v = self.values(section, client, field, threads)
        return statistics.median(v) if v else None

    def ratio(self, a, b, field="calls_per_s", section="latency", ta=None, tb=None):
        """Median over rounds of a/b, pairing the k-th runs of each series."""
        xs, ys = self.values(section, a, field, ta), self.values(section, b, field, tb)
        pairs = [x / y for x, y in zip(xs, ys) if y]
        return statistics.median(pairs) if pairs else None

    def why_missing(self, section, client, threads=None):
        return self.errors.get((section, client, threads), "not measured")


def fmt(x, digits=0, suffix=""):
    if x is None:
        return "n/a"
    return f"{x:,.{digits}f}{suffix}"


def fmt_ratio(x):
    return "n/a" if x is None else f"{x:.2f}x"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def spread(values, digits=0):
    return f"{min(values):,.{digits}f} – {max(values):,.{digits}f}" if values else "n/a"


def latency_section(res):
    peers = ["py-requests", "py-httpx", "py-urllib3", "rust-ureq", "rust-sdk", "wrk"]
    header = ["client", "calls/s (median)", "µs/call", "min – max", "rounds"]
    header += [f"vs {p}" for p in peers]
    rows = []
    for client in NAMES:
        vals = res.values("latency", client, "calls_per_s")
        med = res.median("latency", client, "calls_per_s")
        if med is None:
            rows.append([NAMES[client], f"n/a ({res.why_missing('latency', client)})"] + [""] * 9)
            continue
        row = [NAMES[client], fmt(med), fmt(1e6 / med, 1), spread(vals), len(vals)]
        row += ["–" if p == client else fmt_ratio(res.ratio(client, p)) for p in peers]
        rows.append(row)
    return table(header, rows)


def concurrency_section(res):
    header = ["threads", "Python SDK calls/s", "vs 1 thread", "Rust SDK calls/s", "vs 1 thread"]
    rows = []
    for t in (1, 4, 8):
        row = [t]
        for client in ("py-sdk", "rust-sdk"):
            med = res.median("concurrency", client, "calls_per_s", t)
            if med is None:
                row += [f"n/a ({res.why_missing('concurrency', client, None)})", ""]
                continue
            row += [fmt(med), fmt_ratio(res.ratio(client, client, section="concurrency", ta=t, tb=1))]
        rows.append(row)
    return table(header, rows)


def async_section(res):
    """64 awaits on one AsyncClient against 64 threads on one Client (issue 15's goals)."""
    threads = res.median("async", "py-sdk-threads", "calls_per_s")
    awaits = res.median("async", "py-sdk-async", "calls_per_s")
    if threads is None or awaits is None:
        return f"n/a ({res.why_missing('async', 'py-sdk-async')})"
    ratio = res.ratio("py-sdk-async", "py-sdk-threads", section="async")
    lag = res.median("async", "py-sdk-async", "timer_lag_max_ms")
    idle = res.median("async", "py-sdk-async", "idle_timer_lag_max_ms")
    rows = [
        ["64 threads, one `zexa.Client`", fmt(threads), "1.00x", ""],
        ["64 awaits, one `zexa.AsyncClient`", fmt(awaits), fmt_ratio(ratio), f"{fmt(lag, 1)} ms (idle loop: {fmt(idle, 1)} ms)"],
    ]
    return table(["how", "calls/s", "vs threads", "10 ms timer's worst lag"], rows)


def paginate_section(res):
    header = [
        "client",
        "items",
        "time s (median)",
        "items/s",
        "max RSS MB (/usr/bin/time)",
        "RSS growth MB",
        "time vs Rust SDK",
    ]
    rows = []
    # client: (name, the Rust SDK series its time is compared with, round by round)
    names = {
        "rust-sdk": ("Rust SDK `contacts().iter()`", "rust-sdk"),
        "c-sdk": ("C library iterator", "rust-sdk"),
        "py-sdk": ("Python SDK (iterate the page)", "rust-sdk"),
        "py-requests": ("Python `requests` page loop", "rust-sdk"),
        "rust-sdk-unpinned": ("Rust SDK, unpinned (check)", "rust-sdk-unpinned"),
        "py-sdk-unpinned": ("Python SDK, unpinned (check)", "rust-sdk-unpinned"),
    }
    for client, (name, base) in names.items():
        secs = res.median("paginate", client, "secs")
        if secs is None:
            if client.endswith("-unpinned"):
                continue
            rows.append([name, f"n/a ({res.why_missing('paginate', client)})", "", "", "", "", ""])
            continue
        items = res.median("paginate", client, "items")
        rows.append(
            [
                name,
                fmt(items),
                fmt(secs, 2),
                fmt(items / secs if secs else None),
                fmt(res.median("paginate", client, "max_rss_mb"), 1),
                fmt(res.median("paginate", client, "rss_growth_mb"), 1),
                fmt_ratio(res.ratio(client, base, field="secs", section="paginate")),
            ]
        )
    return table(header, rows)


def placement_note(res):
    """How the pagination processes were placed on the CPUs."""
    pinned = res.values("paginate-placement", "all", "pinned")
    if pinned and pinned[-1]:
        return (
            "The sandbox ran on CPU 0 and every client on CPU 1 (`taskset`), as on separate hosts;\n"
            "the \"unpinned\" rows repeat the Rust and Python SDK rounds with placement left to the\n"
            "scheduler (their ratio compares them with each other)."
        )
    return "Processes were not pinned to CPUs (one CPU, or no `taskset`)."


def create_section(res):
    rows = []
    for client, name in (("py-sdk", "Python SDK `contacts.create`"), ("py-requests", "`requests.Session.post`")):
        med = res.median("create", client, "calls_per_s")
        if med is None:
            rows.append([name, f"n/a ({res.why_missing('create', client)})", "", ""])
            continue
        n = res.median("create", client, "n")
        vs = fmt_ratio(res.ratio(client, "py-requests", section="create"))
        rows.append([name, fmt(n), fmt(med), vs])
    return table(["client", "contacts", "creates/s (median)", "vs requests"], rows)


def import_section(res):
    rows = []
    for module in ("zexa", "requests"):
        ms = res.median("import", module, "import_ms")
        if ms is None:
            rows.append([f"`import {module}`", f"n/a ({res.why_missing('import', module)})", ""])
            continue
        rows.append([f"`import {module}`", fmt(ms, 1), fmt(res.median("import", module, "total_ms"), 1)])
    z, r = res.median("import", "zexa", "import_ms"), res.median("import", "requests", "import_ms")
    note = f"\n\n`import zexa` / `import requests`: {fmt_ratio(z / r if z and r else None)}"
    return table(["statement", "import ms (minus `pass`)", "interpreter total ms"], rows) + note


MEMORY_CLIENTS = {
    "rust-sdk": "Rust SDK",
    "py-sdk": "Python SDK",
    "py-requests": "`requests.Session`",
    "py-httpx": "`httpx.Client`",
}
# Goals of issue 20, KiB per client with one live connection.
MEMORY_GOALS = {"plain": 64.0, "tls": 128.0}
# Before issue 20 (ureq's 128 KiB buffers each way, a TLS configuration per client), 300
# clients, measured with the same programs.
MEMORY_BEFORE = {("rust-sdk", "plain"): 264, ("rust-sdk", "tls"): 538, ("py-sdk", "plain"): 260, ("py-sdk", "tls"): 524}


def memory_lines(res, client, transport, n):
    return [r for r in res.series.get(("memory", client, None), []) if r.get("transport") == transport and r.get("n") == n]


def memory_median(res, client, transport, n, field):
    v = [r[field] for r in memory_lines(res, client, transport, n) if field in r]
    return statistics.median(v) if v else None


def memory_ratio(res, a, b, transport, n, field):
    xs = [r[field] for r in memory_lines(res, a, transport, n)]
    ys = [r[field] for r in memory_lines(res, b, transport, n)]
    pairs = [x / y for x, y in zip(xs, ys) if y]
    return statistics.median(pairs) if pairs else None


def memory_section(res):
    ns = sorted({r["n"] for (sec, _, _), rows in res.series.items() if sec == "memory" for r in rows})
    header = [
        "transport",
        "clients",
        "client",
        "KiB per client",
        "vs requests",
        "vs httpx",
        "create + first call ms",
        "vs requests",
        "vs httpx",
        "rounds",
    ]
    rows = []
    for transport in ("plain", "tls"):
        for n in ns:
            for client, name in MEMORY_CLIENTS.items():
                kib = memory_median(res, client, transport, n, "kib_per_client")
                if kib is None:
                    why = res.why_missing("memory", client)
                    rows.append([transport, fmt(n), name, f"n/a ({why})"] + [""] * 6)
                    continue
                ms = memory_median(res, client, transport, n, "first_call_ms")
                row = [transport, fmt(n), name, fmt(kib, 1)]
                peers = ("py-requests", "py-httpx")
                row += ["–" if p == client else fmt_ratio(memory_ratio(res, client, p, transport, n, "kib_per_client")) for p in peers]
                row += [fmt(ms, 2)]
                row += ["–" if p == client else fmt_ratio(memory_ratio(res, client, p, transport, n, "first_call_ms")) for p in peers]
                row += [len(memory_lines(res, client, transport, n))]
                rows.append(row)
    goal_rows = []
    n_goal = max(ns) if ns else None
    for client in ("rust-sdk", "py-sdk"):
        for transport, target in MEMORY_GOALS.items():
            kib = memory_median(res, client, transport, n_goal, "kib_per_client") if n_goal else None
            verdict = "n/a" if kib is None else ("met" if kib <= target else "**not met**")
            before = MEMORY_BEFORE.get((client, transport))
            goal_rows.append(
                [f"{MEMORY_CLIENTS[client]}, {transport}, {fmt(n_goal)} clients", fmt(kib, 1, " KiB"), f"<= {target:g} KiB", verdict, f"{before} KiB"]
            )
    goals_table = table(["goal (KiB per client, one live connection)", "measured", "target", "status", "before issue 20"], goal_rows)
    return f"""{table(header, rows)}

{goals_table}"""


def memory_block(res, args):
    """Section 6 with its markers, as it appears in RESULTS.md."""
    machine = (res.series.get(("memory-machine", "all", None)) or [{}])[-1]
    when, load = machine.get("date", "unknown date"), machine.get("load", "unknown")
    return f"""<!-- memory:begin -->
## 6. Memory per client: N clients, each with one live keep-alive connection

A server with a client per tenant: N clients made one after the other, each calling
`GET /credits` once and kept alive with its pooled connection. "KiB per client" is the growth
of VmRSS over the N clients divided by N (after a first client, so that what a process pays
once is not counted; Python after `gc.collect()`); "create + first call" is the median time
to construct one client and make its first call (TCP connect, and over TLS the handshake).
Plain HTTP: the sandbox; TLS: nginx on 127.0.0.1 with a certificate of a private CA made for
the run (every client is given that CA: `ca_cert` / `verify=`). Measured {when}, {args.mode}
mode, load average at the end {load} (memory does not depend on the load; the times do).
A ratio is this client's figure divided by the peer's, round by round (below 1: less memory,
or faster).

{memory_section(res)}

Where the memory went before issue 20: ureq's default buffers, 128 KiB of input and 128 KiB of
output per connection (256 of the 264 KiB over plain HTTP), and twice that over TLS (one pair
under rustls, one above it: 512 of the 538 KiB), plus a rustls configuration (web roots,
verifier, a 256-server session cache) built per client. Now the buffers are 16 KiB each way
(`core/src/keepalive.rs`; large pages and uploads still stream through them, see
`core/tests/buffers.rs`) and clients with equal TLS settings share one configuration per
process (`core/src/tls.rs`). `httpx.Client` builds an SSL context with the whole CA bundle
per client even for plain HTTP, hence its plain-HTTP cost.
<!-- memory:end -->"""


def replace_block(path, block, name):
    """The file at `path` with its `name` section replaced by `block` (inserted before
    "## Notes" when the file has none yet)."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    try:
        with open(path) as f:
            doc = f.read()
    except FileNotFoundError:
        return f"# Zexa SDK benchmarks (section {name} only)\n\n{block}\n"
    if begin in doc and end in doc:
        head, rest = doc.split(begin, 1)
        return head + block + rest.split(end, 1)[1]
    if "## Notes" in doc:
        head, rest = doc.split("## Notes", 1)
        return head + block + "\n\n## Notes" + rest
    return doc.rstrip("\n") + "\n\n" + block + "\n"


def goals(res):
    def conc(client, t):
        return res.ratio(client, client, section="concurrency", ta=t, tb=1)

    items = [
        ("Python SDK >= 4x `requests.Session` calls/s", res.ratio("py-sdk", "py-requests"), 4.0, ">="),
        ("Python SDK >= 2.5x `httpx.Client` calls/s", res.ratio("py-sdk", "py-httpx"), 2.5, ">="),
        ("Rust SDK >= 0.9x raw ureq + serde_json", res.ratio("rust-sdk", "rust-ureq"), 0.9, ">="),
        ("C library >= 0.95x Rust SDK", res.ratio("c-sdk", "rust-sdk"), 0.95, ">="),
        ("8 Python threads >= 6x 1 thread (10 ms server)", conc("py-sdk", 8), 6.0, ">="),
        (
            "Pagination: Python SDK RSS growth < 30 MB",
            res.median("paginate", "py-sdk", "rss_growth_mb"),
            30.0,
            "<",
        ),
        (
            "Pagination: Python SDK time <= 1.2x Rust SDK",
            res.ratio("py-sdk", "rust-sdk", field="secs", section="paginate"),
            1.2,
            "<=",
        ),
    ]
    rows = []
    for name, value, target, op in items:
        if value is None:
            verdict = "n/a"
        else:
            ok = {">=": value >= target, "<": value < target, "<=": value <= target}[op]
            verdict = "met" if ok else "**not met**"
        shown = fmt(value, 1, " MB") if "MB" in name else fmt_ratio(value)
        rows.append([name, shown, f"{op} {target:g}", verdict])
    return table(["goal", "measured", "target", "status"], rows)


def run_text(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def machine(args):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    rows = [
        ["date", datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")],
        ["mode", args.mode],
        ["nproc", os.cpu_count()],
        ["CPU", cpu],
        ["kernel", platform.release()],
        ["load average at the end (1, 5, 15 min)", load],
        ["rustc", run_text(["rustc", "--version"])],
        ["python", run_text([args.python, "--version"])],
        ["nginx", run_text([args.nginx, "-v"])],
    ]
    return table(["", ""], rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--mode", default="full")
    parser.add_argument("--python", default="python3")
    parser.add_argument("--nginx", default="nginx")
    parser.add_argument("--only", choices=["memory"], help="update this section of --out only")
    args = parser.parse_args()
    res = Results(*load(args.results))
    if args.only:
        doc = replace_block(args.out, memory_block(res, args), args.only)
        with open(args.out, "w") as f:
            f.write(doc)
        print(memory_block(res, args))
        return
    doc = f"""# Zexa SDK benchmarks

Produced by `bash bench/run.sh` (raw lines in `bench/out/results.jsonl`). Rounds are
interleaved; every number is the median of the rounds, every ratio the median of the
round-by-round ratios. Single loopback machine: clients and servers share the cores.

## Machine

{machine(args)}

## Goals

{goals(res)}

## 1. Single-call latency: `GET /contacts/{{id}}`, one thread, keep-alive

Server: **nginx** (1 worker, `access_log off`, high `keepalive_requests`) on 127.0.0.1 with
`return 200` of the documented contact JSON, so the server is not the bottleneck. Each client
decodes the body: into a model (SDKs, raw ureq) or a dict (Python peers).

{latency_section(res)}

## 2. Concurrency: threads sharing one client, sandbox `--latency-ms 10`

Every answer is delayed 10 ms; the ideal is N threads = N x one thread.

{concurrency_section(res)}

Async (`bench/python/async_concurrency.py`): 64 concurrent awaits on one `zexa.AsyncClient`
against 64 threads on one `zexa.Client`, with a 10 ms timer on the event loop meanwhile.

{async_section(res)}

## 3. Pagination: every contact of a `--seed-contacts` sandbox, `per_page=100`

Max RSS is the whole process's peak (`/usr/bin/time -v` "Maximum resident set size");
RSS growth is VmRSS after the iteration minus before it (after a `gc.collect()` in Python).
{placement_note(res)}

{paginate_section(res)}

## 4. Create throughput: `POST /contacts` from Python (sandbox)

{create_section(res)}

## 5. Import time (fresh interpreter each, median)

{import_section(res)}

{memory_block(res, args)}

## Notes

- The row "raw ureq + `timeout_global(30 s)`" is raw ureq configured like the SDK but with
  ureq's own resolver: with any timeout set, ureq 3 resolves the host on a new thread for
  every request. The SDK replaces that resolver (`core/src/resolver.rs`); see
  `bench/PROFILES.md` for the profiles behind each fix.
- Numbers from a loaded machine are noisy (see "min – max" and the load average above).
"""
    with open(args.out, "w") as f:
        f.write(doc)
    print(doc)


if __name__ == "__main__":
    main()
