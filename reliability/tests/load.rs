//! Load and soak: one client shared by 16 threads for 100 000 calls against the embedded
//! sandbox with 5 % of requests faulted (500, 503, connection closed, 5 ms delay), 10 % of
//! the calls `POST /messages`. Checks that no call is lost, no POST is sent twice, nothing
//! deadlocks (a watchdog ends the process past a deadline) and memory stays flat from the
//! first half to the second. Figures go to `target/reliability/load.md`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::json;
use zexa::{Channel, Client, Error, ErrorKind, SendMessage};
use zexa_reliability::{memory_kib, report_dir, Admin, CaptureLogger, CANARY_KEY};
use zexa_sandbox::{Sandbox, SandboxConfig};

const THREADS: usize = 16;
const CALLS: usize = 100_000;
/// One call in this many is a POST.
const POST_EVERY: usize = 10;
/// The whole test must end within this, or the watchdog fails the process.
const DEADLINE: Duration = Duration::from_secs(150);

/// What one thread saw.
#[derive(Default)]
struct Tally {
    get_ok: u64,
    get_err: u64,
    post_ok: u64,
    post_err: u64,
    /// POST errors whose call made more than one attempt (allowed only if never connected).
    post_resent: u64,
    /// POST errors that say the message may have been created (`may_have_executed`).
    post_ambiguous: u64,
    kinds: BTreeMap<String, u64>,
    /// Latency of every call, in microseconds.
    micros: Vec<u32>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.get_ok += other.get_ok;
        self.get_err += other.get_err;
        self.post_ok += other.post_ok;
        self.post_err += other.post_err;
        self.post_resent += other.post_resent;
        self.post_ambiguous += other.post_ambiguous;
        for (k, n) in other.kinds {
            *self.kinds.entry(k).or_insert(0) += n;
        }
        self.micros.extend(other.micros);
    }

    fn calls(&self) -> u64 {
        self.get_ok + self.get_err + self.post_ok + self.post_err
    }
}

fn error(tally: &mut Tally, e: &Error) {
    *tally.kinds.entry(format!("{:?}", e.kind())).or_insert(0) += 1;
}

/// Runs calls `start..end` on `THREADS` threads sharing `client`.
fn phase(client: &Client, start: usize, end: usize) -> Tally {
    let next = AtomicUsize::new(start);
    let message = SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "load");
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..THREADS)
            .map(|_| {
                s.spawn(|| {
                    let mut t = Tally {
                        micros: Vec::with_capacity((end - start) / THREADS + 64),
                        ..Tally::default()
                    };
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= end {
                            break t;
                        }
                        let started = Instant::now();
                        if i % POST_EVERY == 0 {
                            match client.messages().send(&message) {
                                Ok(_) => t.post_ok += 1,
                                Err(e) => {
                                    t.post_err += 1;
                                    if e.attempts() != 1 {
                                        t.post_resent += 1;
                                    }
                                    if e.may_have_executed() {
                                        t.post_ambiguous += 1;
                                    }
                                    error(&mut t, &e);
                                }
                            }
                        } else {
                            match client.credits().get() {
                                Ok(_) => t.get_ok += 1,
                                Err(e) => {
                                    t.get_err += 1;
                                    error(&mut t, &e);
                                }
                            }
                        }
                        t.micros
                            .push(started.elapsed().as_micros().min(u32::MAX as u128) as u32);
                    }
                })
            })
            .collect();
        let mut all = Tally::default();
        for w in workers {
            all.merge(w.join().expect("worker thread"));
        }
        all
    })
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[i]) / 1000.0
}

#[test]
fn shared_client_under_faults_loses_nothing_and_never_resends_a_post() {
    let (done, finished) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if finished.recv_timeout(DEADLINE) == Err(mpsc::RecvTimeoutError::Timeout) {
            eprintln!("load test still running after {DEADLINE:?}: deadlock or livelock; aborting");
            std::process::exit(101);
        }
    });
    let logger = CaptureLogger::install(false);
    let sandbox = Sandbox::start_with(SandboxConfig {
        api_key: CANARY_KEY.to_owned(),
        credits: 1e12,
        delivery_ms: 50,
        ..SandboxConfig::default()
    })
    .expect("sandbox starts");
    let admin = Admin::new(sandbox.addr());
    admin.fault_rate(json!({"rate": 0.05, "kinds": [
        {"kind": "status", "status": 500},
        {"kind": "status", "status": 503},
        {"kind": "close"},
        {"kind": "delay", "ms": 5},
        // Executes, then breaks the answer: a message created while the caller gets an error.
        {"kind": "truncate"},
    ]}));
    let client = Client::builder(CANARY_KEY)
        .base_url(sandbox.base_url())
        .no_proxy()
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(10))
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client builds");

    let started = Instant::now();
    let mut tally = phase(&client, 0, CALLS / 2);
    let first_half = started.elapsed();
    let (rss_half, _) = memory_kib();
    tally.merge(phase(&client, CALLS / 2, CALLS));
    let elapsed = started.elapsed();
    let (rss_end, hwm) = memory_kib();

    // Every message costs one credit: what the balance lost is what the server created.
    let created = (1e12 - client.credits().get().expect("credits").balance).round() as u64;
    let stats = admin.stats();
    let server_posts = stats["by_route"]["POST /v1/messages"].as_u64().unwrap_or(0);
    let server_gets = stats["by_route"]["GET /v1/credits"].as_u64().unwrap_or(0);
    let faults = stats["faults_applied"].as_u64().unwrap_or(0);
    let (client_posts, client_gets) = (logger.attempts("POST"), logger.attempts("GET"));
    let post_calls = tally.post_ok + tally.post_err;

    let mut micros = std::mem::take(&mut tally.micros);
    micros.sort_unstable();
    let rate = CALLS as f64 / elapsed.as_secs_f64();
    let report = format!(
        "| figure | value |\n|---|---|\n\
         | calls (16 threads, one shared client) | {CALLS} ({post_calls} POST /messages, {} GET /credits) |\n\
         | wall time | {:.1} s (first half {:.1} s) |\n\
         | throughput | {rate:.0} calls/s |\n\
         | latency p50 / p99 / max | {:.2} / {:.2} / {:.1} ms |\n\
         | faults injected by the sandbox | {faults} of {} requests ({:.1} %) |\n\
         | GET: ok / err | {} / {} |\n\
         | POST: ok / err (of which may have executed) | {} / {} ({}) |\n\
         | messages created by the server (credits spent) | {created} |\n\
         | errors by kind | {:?} |\n\
         | GET attempts: client / server | {client_gets} / {server_gets} |\n\
         | POST attempts: client / server / calls | {client_posts} / {server_posts} / {post_calls} |\n\
         | VmRSS after half / end (peak) | {} / {} ({}) MiB |\n",
        tally.get_ok + tally.get_err,
        elapsed.as_secs_f64(),
        first_half.as_secs_f64(),
        percentile(&micros, 0.5),
        percentile(&micros, 0.99),
        percentile(&micros, 1.0),
        stats["requests"],
        100.0 * faults as f64 / stats["requests"].as_f64().unwrap_or(1.0),
        tally.get_ok,
        tally.get_err,
        tally.post_ok,
        tally.post_err,
        tally.post_ambiguous,
        tally.kinds,
        rss_half / 1024,
        rss_end / 1024,
        hwm / 1024,
    );
    println!("{report}");
    std::fs::write(report_dir().join("load.md"), &report).expect("write load.md");

    // No call lost: every one of them returned, Ok or Err.
    assert_eq!(tally.calls(), CALLS as u64);
    assert_eq!(micros.len(), CALLS);
    // The faults really happened, and some calls failed because of them.
    assert!(faults > (CALLS as u64) / 40, "only {faults} faults applied");
    assert!(tally.post_err > 0 && tally.get_ok > 0 && tally.post_ok > 0);
    // Only fault-induced kinds: nothing else went wrong.
    for kind in tally.kinds.keys() {
        assert!(
            [
                format!("{:?}", ErrorKind::Server),
                format!("{:?}", ErrorKind::Transport)
            ]
            .contains(kind),
            "unexpected error kind {kind}"
        );
    }
    // Every message created while its caller got an error was reported as may_have_executed:
    // an error that says "surely not" never hides a created message.
    assert!(
        created >= tally.post_ok,
        "{created} created, {} sends succeeded",
        tally.post_ok
    );
    assert!(
        created - tally.post_ok <= tally.post_ambiguous,
        "{} messages created behind errors, only {} errors said they may have executed",
        created - tally.post_ok,
        tally.post_ambiguous
    );
    assert!(
        created > tally.post_ok,
        "the truncate fault created messages behind errors"
    );
    // No duplicate POST: one attempt per POST call, and the server saw exactly those.
    assert_eq!(tally.post_resent, 0, "a POST was sent more than once");
    assert_eq!(client_posts, post_calls, "client POST attempts");
    assert!(
        server_posts <= post_calls,
        "the server saw more POSTs ({server_posts}) than calls"
    );
    // The server never saw a GET the client did not send. It may see a few less: an attempt on
    // a pooled connection that the server had just closed never reaches it (and is retried).
    assert!(
        server_gets <= client_gets,
        "{server_gets} GETs at the server, {client_gets} sent"
    );
    assert!(
        client_gets - server_gets <= CALLS as u64 / 1000,
        "{} GET attempts lost on the way",
        client_gets - server_gets
    );
    assert!(
        client_gets > tally.get_ok + tally.get_err,
        "faulted GETs were retried"
    );
    // Memory flat: the second half adds at most a small margin (the sandbox keeps the
    // messages it accepted, a few MiB).
    let grown_mib = rss_end.saturating_sub(rss_half) / 1024;
    assert!(grown_mib <= 16, "RSS grew by {grown_mib} MiB in the second half");

    drop(client);
    sandbox.shutdown();
    let _ = done.send(());
    watchdog.join().expect("watchdog");
}
