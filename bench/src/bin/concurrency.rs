//! Concurrency: T threads sharing one `zexa::Client` (one connection pool) against a
//! sandbox that delays every answer (`--latency-ms 10`).
//!
//! `concurrency --url BASE --threads T --n-per-thread N`
//!
//! Every thread makes exactly N `GET /contacts/{id}` calls; prints one JSON line with the
//! aggregate `calls_per_s`.

use std::time::Instant;

use serde_json::json;
use zexa_bench::{emit, first_contact_id, rate, sdk_client, Args};

fn main() {
    let args = Args::from_env();
    let client = sdk_client(&args.required("url"));
    let threads = args.num_or("threads", 1).max(1);
    let per_thread = args.num_or("n-per-thread", 200);
    let id = first_contact_id(&client);
    // One warm-up call per thread opens the connections the run will reuse.
    let work = |calls: u64| {
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    for _ in 0..calls {
                        client.contacts().get(&id).expect("SDK get");
                    }
                });
            }
        })
    };
    work(1);
    let started = Instant::now();
    work(per_thread);
    let elapsed = started.elapsed();
    let total = threads * per_thread;
    emit(
        "concurrency",
        "rust-sdk",
        json!({
            "threads": threads,
            "n": total,
            "secs": elapsed.as_secs_f64(),
            "calls_per_s": rate(total, elapsed),
        }),
    );
}
