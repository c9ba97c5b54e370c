//! Memory per client: N clients, each with one live keep-alive connection.
//!
//! `memory --url BASE --n N --transport plain|tls [--ca PEM_FILE]`
//!
//! One client is made and used first, so what every process pays once (the shared TLS
//! configuration, the code pages, the allocator's first arenas) is not counted per client.
//! Then N clients are made, each calling `GET /credits` once and kept alive with its pooled
//! connection; the growth of VmRSS divided by N is the cost of one client. The time of each
//! `build()` + first call (a TCP connect, and the TLS handshake over https) is reported as
//! its median. Prints one JSON line.

use std::time::{Duration, Instant};

use serde_json::json;
use zexa_bench::{emit, proc_status_bytes, API_KEY};

fn client(base: &str, ca: Option<&[u8]>) -> zexa::Client {
    let mut builder = zexa::Client::builder(API_KEY).base_url(base);
    if let Some(pem) = ca {
        builder = builder.add_root_certificate_pem(pem);
    }
    builder.build().expect("SDK client for the benchmark server")
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map_or(0, Iterator::count)
}

fn main() {
    let args = zexa_bench::Args::from_env();
    let base = args.required("url");
    let n = usize::try_from(args.num_or("n", 100)).expect("--n fits in usize");
    let transport = args.str_or("transport", "plain");
    let ca = args
        .optional("ca")
        .map(|path| std::fs::read(&path).unwrap_or_else(|e| panic!("reading --ca {path}: {e}")));

    let warm = client(&base, ca.as_deref());
    warm.credits().get().expect("first call of the warm-up client");

    let fds_before = open_fds();
    let rss_before = proc_status_bytes("VmRSS");
    let mut clients = Vec::with_capacity(n);
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        let c = client(&base, ca.as_deref());
        c.credits().get().expect("first call of a client");
        times.push(started.elapsed());
        clients.push(c);
    }
    let rss_after = proc_status_bytes("VmRSS");
    let live = open_fds().saturating_sub(fds_before);
    times.sort();
    let median: Duration = times[times.len() / 2];
    emit(
        "memory",
        "rust-sdk",
        json!({
            "transport": transport,
            "n": n,
            "kib_per_client": (rss_after.saturating_sub(rss_before)) as f64 / n as f64 / 1024.0,
            "first_call_ms": median.as_secs_f64() * 1e3,
            "live_connections": live,
        }),
    );
    drop(clients);
    drop(warm);
}
