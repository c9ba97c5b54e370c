//! A local, stateful, in-memory emulator of the Zexa messaging REST API, for offline
//! development, SDK tests, demos and benchmarks.
//!
//! ```no_run
//! let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! println!("API at {} with key {}", sandbox.base_url(), sandbox.api_key());
//! println!("inbox page at {}", sandbox.inbox_url());
//! sandbox.shutdown();
//! ```
//!
//! As a test double, a sandbox on a manual clock needs no sleeps:
//!
//! ```no_run
//! use std::time::Duration;
//! use zexa_sandbox::{Fault, MessageFilter, Sandbox, SandboxConfig};
//!
//! let sandbox = Sandbox::start_with(SandboxConfig { manual_clock: true, ..Default::default() })?;
//! sandbox.inject_fault(Fault::Status { status: 503, json: true });
//! // ... the code under test sends a message to +244912345678 ...
//! sandbox.advance(Duration::from_secs(1)); // every message reaches its final status
//! let sent = sandbox.messages(&MessageFilter { recipient: Some("+244912345678".into()), ..Default::default() });
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! The server listens on loopback only and answers only loopback `Host` names. See
//! `README.md` for the endpoints, the admin and fault-injection API, the inbox page and what
//! the sandbox does not emulate.

#![warn(missing_docs)]

mod admin;
mod args;
mod control;
mod errors;
mod faults;
mod ids;
mod inbox;
mod inspect;
mod json;
mod routes;
mod server;
mod simulation;
mod state;
mod time;
mod validate;

pub use args::SandboxArgs;
pub use faults::Fault;
pub use inspect::{MessageFilter, SentMessage, Stats, WebhookDelivery};

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::watch;

/// Configuration of a sandbox; every field has a default (see [`SandboxConfig::default`]).
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Listen address; must be a loopback address. Default `127.0.0.1:0` (a free port).
    pub addr: SocketAddr,
    /// The only accepted API key. Default `zx_sandbox_key`.
    pub api_key: String,
    /// Starting credit balance. Default 10000.
    pub credits: f64,
    /// Registered senders: `(name, channels)`. Default `ZEXA` on sms, whatsapp, telegram,
    /// slack and `noreply@zexa.ao` on email.
    pub sender_ids: Vec<(String, Vec<String>)>,
    /// Synthetic contacts created at start (and on reset). Default 0.
    pub seed_contacts: usize,
    /// Requests per second per API key; `None` (default) for no limit.
    pub rate_limit: Option<u32>,
    /// Time for a message or campaign to reach its final status, in ms. Default 500.
    pub delivery_ms: u64,
    /// Probability that a message fails. Default 0.05.
    pub failure_rate: f64,
    /// Seed of every deterministic choice (IDs, outcomes, random faults). Default 42.
    pub seed: u64,
    /// Delay added before every API answer, in ms (for concurrency benchmarks). Default 0.
    pub latency_ms: u64,
    /// Run on a manual clock that starts at the current time and moves only with
    /// [`Sandbox::advance`], so tests drive scheduled campaigns and deliveries without
    /// sleeping. Default `false` (the wall clock).
    pub manual_clock: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            api_key: "zx_sandbox_key".to_string(),
            credits: 10_000.0,
            sender_ids: default_sender_ids(),
            seed_contacts: 0,
            rate_limit: None,
            delivery_ms: 500,
            failure_rate: 0.05,
            seed: 42,
            latency_ms: 0,
            manual_clock: false,
        }
    }
}

/// The channels of a sender called `name`: email for an address, the others otherwise.
pub fn channels_for_sender(name: &str) -> Vec<String> {
    let chans: &[&str] = if name.contains('@') {
        &["email"]
    } else {
        &["sms", "whatsapp", "telegram", "slack"]
    };
    chans.iter().map(|c| c.to_string()).collect()
}

fn default_sender_ids() -> Vec<(String, Vec<String>)> {
    ["ZEXA", "noreply@zexa.ao"]
        .iter()
        .map(|n| (n.to_string(), channels_for_sender(n)))
        .collect()
}

/// A running sandbox server. Dropping it (or [`Sandbox::shutdown`]) stops the server and
/// joins its thread.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    api_key: String,
    app: Arc<state::App>,
    stop: Option<watch::Sender<bool>>,
    thread: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox with the default configuration on a free loopback port.
    pub fn start() -> std::io::Result<Sandbox> {
        Self::start_with(SandboxConfig::default())
    }

    /// Starts a sandbox; returns once the socket is bound and listening.
    pub fn start_with(config: SandboxConfig) -> std::io::Result<Sandbox> {
        if !config.addr.ip().is_loopback() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("the sandbox listens on loopback only, not {}", config.addr),
            ));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("zexa-sandbox-worker")
            .enable_all()
            .build()?;
        let listener = {
            let _guard = runtime.enter();
            let socket = if config.addr.is_ipv4() {
                tokio::net::TcpSocket::new_v4()?
            } else {
                tokio::net::TcpSocket::new_v6()?
            };
            socket.set_reuseaddr(true)?;
            socket.bind(config.addr)?;
            // A deep backlog so benchmark clients opening many connections are not refused.
            socket.listen(1024)?
        };
        let addr = listener.local_addr()?;
        let api_key = config.api_key.clone();
        let app = Arc::new(state::App::new(config, format!("http://{addr}")));
        simulation::start_delivery_thread(&app)?;
        let (stop, stop_rx) = watch::channel(false);
        let server_app = app.clone();
        let thread = std::thread::Builder::new()
            .name("zexa-sandbox".into())
            .spawn(move || {
                runtime.block_on(server::serve(listener, server_app, stop_rx));
                // Connection tasks stop on the same signal; give them a moment, then drop.
                runtime.shutdown_timeout(Duration::from_millis(200));
            })?;
        Ok(Sandbox {
            addr,
            api_key,
            app,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// `http://127.0.0.1:PORT/`, the inbox page.
    pub fn inbox_url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Queues a one-shot fault for the next API request (any path).
    ///
    /// # Panics
    /// As [`Sandbox::inject_faults`].
    pub fn inject_fault(&self, fault: Fault) {
        self.inject_faults(fault, 1, None);
    }

    /// Queues `count` copies of `fault` for the requests whose path starts with `path`
    /// (`"/messages"` or `"/v1/messages"`), or any request when `path` is `None`.
    ///
    /// # Panics
    /// When a [`Fault::Status`] has a status outside 400..=599 (a mistake in the test).
    pub fn inject_faults(&self, fault: Fault, count: u64, path: Option<&str>) {
        if let Err(e) = self.app.queue_faults(fault, count, path.map(str::to_string)) {
            panic!("Sandbox::inject_faults: {e}");
        }
    }

    /// Empties the fault queue.
    pub fn clear_faults(&self) {
        self.app.clear_faults();
    }

    /// Makes each API request take a random fault of `kinds` with probability `rate`
    /// (seeded by [`SandboxConfig::seed`]); `rate` 0 turns it off.
    ///
    /// # Errors
    /// When `rate` is outside 0..=1, or positive with no `kinds`.
    pub fn set_fault_rate(&self, rate: f64, kinds: Vec<Fault>) -> Result<(), String> {
        self.app.set_fault_rate(rate, kinds)
    }

    /// The request counters since the start or the last reset.
    pub fn stats(&self) -> Stats {
        self.app.stats_snapshot()
    }

    /// Returns every piece of state to the start configuration (same seeded IDs, no faults,
    /// counters and logs emptied). A manual clock keeps its time.
    pub fn reset(&self) {
        self.app.reset();
    }

    /// Every message sent so far (standalone and campaign recipients), oldest first, with its
    /// current status and content.
    pub fn sent_messages(&self) -> Vec<SentMessage> {
        self.app.sent_messages(&MessageFilter::default())
    }

    /// The messages matching `filter`, oldest first.
    pub fn messages(&self, filter: &MessageFilter) -> Vec<SentMessage> {
        self.app.sent_messages(filter)
    }

    /// Every webhook POST attempted so far, oldest first, with its payload.
    pub fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        self.app.webhook_deliveries()
    }

    /// Moves the manual clock forward by `by`: scheduled campaigns start, messages and
    /// campaigns progress, and the webhook events that became due are POSTed before this
    /// returns (each with the delivery thread's 2 s timeout).
    ///
    /// # Panics
    /// When the sandbox runs on the wall clock ([`SandboxConfig::manual_clock`] is false):
    /// that is a mistake in the test.
    pub fn advance(&self, by: Duration) {
        assert!(
            self.app.advance(by),
            "Sandbox::advance needs SandboxConfig {{ manual_clock: true, .. }}"
        );
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The accepted API key.
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Whether this sandbox runs on a manual clock ([`SandboxConfig::manual_clock`]).
    pub fn manual_clock(&self) -> bool {
        self.app.clock.is_manual()
    }

    /// Stops the server and joins its thread.
    pub fn shutdown(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
        // Closing the outbox ends the webhook delivery thread once its queue drains.
        state::lock(&self.app.outbox).take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}
