"""Shared helpers of the Python benchmark scripts: flags, the result line, memory readings,
and the one place that knows how the Python SDK is called (``sdk_*`` functions)."""

import json
import resource
import sys

API_KEY = "zx_sandbox_key"
CONTACT_ID = "cnt_def456"


def parse_args(argv=None):
    """``--name value`` pairs as a dict of strings."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) % 2:
        raise SystemExit(f"expected --name value pairs, got {argv}")
    out = {}
    for flag, value in zip(argv[::2], argv[1::2]):
        if not flag.startswith("--"):
            raise SystemExit(f"unexpected argument {flag!r}")
        out[flag[2:]] = value
    return out


def emit(section, client, **fields):
    """Prints one JSON result line, the format ``bench/report.py`` reads."""
    print(json.dumps({"section": section, "client": client, **fields}), flush=True)


def rss_mb(field="VmRSS"):
    """A ``/proc/self/status`` reading in MiB: ``VmRSS`` now, or ``VmHWM`` (the peak)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def peak_rss_mb():
    """Peak RSS of this process in MiB from ``resource.getrusage`` (ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# --- the Python SDK, in one place -----------------------------------------------------------


def sdk_client(base_url):
    """A ``zexa.Client`` for the benchmark server."""
    import zexa

    return zexa.Client(API_KEY, base_url=base_url)


def sdk_get(client, contact_id):
    """``client.contacts.get(id)``: one contact model."""
    return client.contacts.get(contact_id)


def sdk_iter_all(client, per_page):
    """Every contact, lazily, one page in memory at a time: iterate the first page."""
    return iter(client.contacts.list(per_page=per_page))


def sdk_create(client, name, phone):
    """``client.contacts.create(name=..., phone=...)``."""
    return client.contacts.create(name=name, phone=phone)


def sdk_first_contact_id(client):
    """The ID of the first contact of the (seeded) server."""
    return client.contacts.list(per_page=1).data[0].id
