//! Bulk sends (`messages().send_many`) against an embedded sandbox that delays every answer
//! by 50 ms, as a realistic round trip would: one by one vs 4, 16 and 64 workers, then a run
//! at a 100/s rate limit.
//!
//! `bulk --n 2000 --serial-n 200`
//!
//! Prints the markdown block that `bench/run.sh` puts into `bench/RESULTS.md`. One by one is
//! timed on `--serial-n` messages (2,000 would take 100 s at 50 ms each) and compared as a
//! rate (messages per second).

use std::time::{Duration, Instant};

use zexa::{BulkMessage, BulkOptions, Channel, Client, ErrorKind, SendMessage};
use zexa_bench::Args;
use zexa_sandbox::{Sandbox, SandboxConfig};

fn messages(run: usize, count: usize) -> impl Iterator<Item = BulkMessage> {
    (0..count).map(move |i| {
        let to = format!("+2449{:02}{:06}", run, i);
        let body = format!("Olá cliente {i}, a sua fatura {} está pronta", 1000 + i);
        BulkMessage::new(
            format!("r{run}-{i}"),
            SendMessage::text(Channel::Sms, to, "ZEXA", body),
        )
    })
}

fn client(sandbox: &Sandbox) -> Client {
    Client::builder(sandbox.api_key())
        .base_url(sandbox.base_url())
        .no_proxy()
        .build()
        .expect("client")
}

fn per_second(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

fn main() {
    let args = Args::from_env();
    let n = args.num_or("n", 2000) as usize;
    let serial_n = args.num_or("serial-n", 200) as usize;
    let latency = SandboxConfig {
        latency_ms: 50,
        failure_rate: 0.0,
        ..Default::default()
    };
    let sandbox = Sandbox::start_with(latency.clone()).expect("sandbox");
    let c = client(&sandbox);

    let started = Instant::now();
    for message in messages(0, serial_n) {
        c.messages().send(&message.message).expect("send");
    }
    let serial = per_second(serial_n, started.elapsed());

    let mut rows = vec![format!(
        "| one by one (`send` in a loop, {serial_n} messages) | {serial:.1} | 1.0x | – |"
    )];
    let mut sixteen = 0.0;
    for (run, workers) in [(1, 4usize), (2, 16), (3, 64)] {
        let started = Instant::now();
        let summary = c
            .messages()
            .send_many(messages(run, n), &BulkOptions::new().concurrency(workers), |_| {})
            .expect("send_many");
        let rate = per_second(n, started.elapsed());
        assert_eq!(summary.sent.len(), n, "every message sent");
        if workers == 16 {
            sixteen = rate / serial;
        }
        rows.push(format!(
            "| `send_many`, {workers} workers ({n} messages) | {rate:.1} | {:.1}x | {} failed |",
            rate / serial,
            summary.failed.len()
        ));
    }
    sandbox.shutdown();

    let limited = Sandbox::start_with(SandboxConfig {
        rate_limit: Some(100),
        ..latency
    })
    .expect("sandbox");
    let c = client(&limited);
    let started = Instant::now();
    let summary = c
        .messages()
        .send_many(messages(4, n), &BulkOptions::new().concurrency(16), |_| {})
        .expect("send_many");
    let limited_rate = per_second(n, started.elapsed());
    let surfaced = summary
        .failed
        .iter()
        .filter(|(_, e)| e.kind() == ErrorKind::RateLimited)
        .count();
    let server_429s = limited.stats().requests.saturating_sub(n as u64 + 1);
    limited.shutdown();

    let goal16 = if sixteen >= 12.0 { "met" } else { "NOT met" };
    let within = (limited_rate - 100.0).abs() <= 10.0;
    let goal_rate = if within && surfaced == 0 { "met" } else { "NOT met" };
    println!(
        "<!-- bulk:begin -->
## 8. Bulk sends: `messages().send_many`, sandbox `--latency-ms 50`

Each message goes to its own recipient; every run is checked to have sent each one once.

| how | messages/s | vs one by one | errors |
|---|---|---|---|
{}

At the account's rate limit (sandbox `--rate-limit 100`, 16 workers, {n} messages):
**{limited_rate:.1} messages/s**, {surfaced} rate-limit errors surfaced to the caller
({server_429s} 429s absorbed: one shared pause each, then a pace learnt from the limit).

Goals: 16 workers >= 12x one by one: **{sixteen:.1}x, {goal16}**; at the limit, within 10 % of
100/s and no rate-limit error surfaced: **{limited_rate:.1}/s, {surfaced} errors, {goal_rate}**.
<!-- bulk:end -->",
        rows.join("\n")
    );
}
