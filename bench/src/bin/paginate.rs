//! Pagination: every contact of a seeded sandbox with `client.contacts().iter(...)`.
//!
//! `paginate --url BASE [--per-page 100] [--expect N]`
//!
//! Prints one JSON line with the item count, the time and the process's peak RSS
//! (`VmHWM`, the same number `/usr/bin/time -v` reports as "Maximum resident set size").

use std::hint::black_box;
use std::time::Instant;

use serde_json::json;
use zexa_bench::{emit, proc_status_bytes, sdk_client, Args};

fn main() {
    let args = Args::from_env();
    let client = sdk_client(&args.required("url"));
    let per_page = u32::try_from(args.num_or("per-page", 100)).expect("--per-page fits in u32");
    let expect = args.num_or("expect", 0);
    let rss_before = proc_status_bytes("VmRSS");
    let started = Instant::now();
    let mut count = 0u64;
    let iter = client
        .contacts()
        .iter(&zexa::ListContacts::new().per_page(per_page));
    for contact in iter {
        black_box(contact.expect("SDK page").phone);
        count += 1;
    }
    let elapsed = started.elapsed();
    assert!(
        expect == 0 || count == expect,
        "iterated {count} contacts, expected {expect}"
    );
    emit(
        "paginate",
        "rust-sdk",
        json!({
            "items": count,
            "secs": elapsed.as_secs_f64(),
            "peak_rss_mb": proc_status_bytes("VmHWM") as f64 / 1048576.0,
            "rss_growth_mb": (proc_status_bytes("VmRSS") as f64 - rss_before as f64) / 1048576.0,
        }),
    );
}
