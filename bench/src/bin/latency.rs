//! Single-call latency, one thread, keep-alive: `GET /contacts/{id}` decoded into a model.
//!
//! `latency --client sdk|ureq|ureq-timeout --url BASE --n N [--warmup W] [--id ID]`
//!
//! `sdk` is `zexa::Client::contacts().get(id)`; `ureq` is a raw ureq 3 agent with
//! `serde_json` into an equivalent struct, the floor a hand-written Rust client reaches;
//! `ureq-timeout` is the same agent with a 30 s `timeout_global`, as the SDK configures
//! every call (ureq then resolves the host on a new thread per call: see RESULTS.md).
//! Prints one JSON line with `calls_per_s` and `us_per_call`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::json;
use zexa_bench::{emit, rate, sdk_client, Args, RawContact, API_KEY, CONTACT_ID};

fn main() {
    let args = Args::from_env();
    let client = args.required("client");
    let base = args.required("url");
    let n = args.num_or("n", 5000);
    let warmup = args.num_or("warmup", 200);
    let id = args.str_or("id", CONTACT_ID);
    let mut call: Box<dyn FnMut()> = match client.as_str() {
        "sdk" => {
            let sdk = sdk_client(&base);
            Box::new(move || {
                let contact = sdk.contacts().get(&id).expect("SDK get");
                black_box(contact);
            })
        }
        "ureq" | "ureq-timeout" => {
            let timeout = (client == "ureq-timeout").then_some(Duration::from_secs(30));
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(timeout)
                .build()
                .into();
            let url = format!("{base}/contacts/{id}");
            let auth = format!("Bearer {API_KEY}");
            Box::new(move || {
                let mut response = agent
                    .get(&url)
                    .header("Authorization", &auth)
                    .call()
                    .expect("ureq get");
                assert_eq!(response.status(), 200, "ureq get status");
                let body = response.body_mut().read_to_vec().expect("ureq body");
                let contact: RawContact = serde_json::from_slice(&body).expect("ureq decode");
                black_box(contact);
            })
        }
        other => panic!("--client must be sdk, ureq or ureq-timeout, not {other:?}"),
    };
    for _ in 0..warmup {
        call();
    }
    let started = Instant::now();
    for _ in 0..n {
        call();
    }
    let elapsed = started.elapsed();
    let label = format!("rust-{client}");
    emit(
        "latency",
        &label,
        json!({
            "n": n,
            "secs": elapsed.as_secs_f64(),
            "calls_per_s": rate(n, elapsed),
            "us_per_call": elapsed.as_secs_f64() * 1e6 / n as f64,
        }),
    );
}
