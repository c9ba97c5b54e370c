//! The slow-link benchmark's Rust client: pages of 100 contacts one after another, then
//! contacts created one by one, on one keep-alive connection; prints the median of each.
//!
//! `slowlink --url BASE [--pages 30] [--creates 1000]`

use std::time::{Duration, Instant};

use serde_json::json;
use zexa_bench::{emit, sdk_client, Args};

fn median_ms(mut times: Vec<Duration>) -> Option<f64> {
    times.sort();
    times.get(times.len() / 2).map(|t| t.as_secs_f64() * 1e3)
}

fn main() {
    let args = Args::from_env();
    let client = sdk_client(&args.required("url"));
    let pages = u32::try_from(args.num_or("pages", 30).clamp(1, 10_000)).expect("bounded");
    let creates = args.num_or("creates", 1000).min(100_000);
    let page = |i: u32| {
        client
            .contacts()
            .list(&zexa::ListContacts::new().per_page(100u32).page(i))
            .expect("a page")
            .data
            .len()
    };
    page(1); // opens the connection: not counted
    let mut times = Vec::new();
    for i in 1..=pages {
        let started = Instant::now();
        assert_eq!(page(i), 100, "a page holds 100 contacts");
        times.push(started.elapsed());
    }
    let mut create_times = Vec::new();
    for i in 0..creates {
        let started = Instant::now();
        let phone = format!("+244923{i:06}");
        client
            .contacts()
            .create(&zexa::CreateContact::new(format!("Bench {i}"), phone))
            .expect("a create");
        create_times.push(started.elapsed());
    }
    let creates_secs: f64 = create_times.iter().map(Duration::as_secs_f64).sum();
    emit(
        "slowlink",
        "rust-sdk",
        json!({
            "pages": pages,
            "page_ms": median_ms(times),
            "creates": creates,
            "create_ms": median_ms(create_times),
            "creates_secs": creates_secs,
        }),
    );
}
