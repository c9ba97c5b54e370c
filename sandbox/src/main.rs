//! `zexa-sandbox`: runs the Zexa API emulator until Ctrl-C or SIGTERM.
//!
//! Prints the base URL on its first line once the server is listening (scripts read that
//! line), then the inbox page's address on a second line.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Parser;
use zexa_sandbox::{channels_for_sender, Sandbox, SandboxConfig};

/// A local, stateful emulator of the Zexa messaging API, with an inbox page at `/`.
#[derive(Debug, Parser)]
#[command(name = "zexa-sandbox", version, about)]
struct Args {
    /// Listen address; loopback only (127.0.0.0/8 or [::1]). Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8787", value_parser = loopback_addr)]
    addr: SocketAddr,
    /// The one accepted API key (Bearer).
    #[arg(long, default_value = "zx_sandbox_key")]
    api_key: String,
    /// Starting credit balance.
    #[arg(long, default_value_t = 10_000.0, value_parser = non_negative)]
    credits: f64,
    /// A registered sender (repeatable; replaces the defaults). A name with `@` is an email
    /// sender, any other name is registered for sms, whatsapp, telegram and slack.
    #[arg(long = "sender-id", value_name = "NAME")]
    sender_ids: Vec<String>,
    /// Synthetic contacts created at start (and on reset).
    #[arg(long, default_value_t = 0)]
    seed_contacts: usize,
    /// Requests per second per API key (0 for no limit); beyond it, 429 with Retry-After.
    #[arg(long, default_value_t = 0)]
    rate_limit: u32,
    /// Milliseconds for messages and campaigns to reach their final statuses.
    #[arg(long, default_value_t = 500)]
    delivery_ms: u64,
    /// Probability that a message fails, 0 to 1.
    #[arg(long, default_value_t = 0.05, value_parser = probability)]
    failure_rate: f64,
    /// Seed of IDs, outcomes and random faults (one seed, one run).
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Milliseconds added before every API answer.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Run on a manual clock, moved only by `POST /_sandbox/clock/advance {"ms": N}`.
    #[arg(long)]
    manual_clock: bool,
}

fn loopback_addr(s: &str) -> Result<SocketAddr, String> {
    let addr: SocketAddr = s
        .parse()
        .map_err(|_| "expected IP:PORT, e.g. 127.0.0.1:8787".to_string())?;
    if addr.ip().is_loopback() {
        Ok(addr)
    } else {
        Err("the sandbox only listens on loopback addresses".into())
    }
}

fn probability(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err("expected a number from 0 to 1".into()),
    }
}

fn non_negative(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(f) if f.is_finite() && f >= 0.0 => Ok(f),
        _ => Err("expected a non-negative number".into()),
    }
}

impl Args {
    fn into_config(self) -> SandboxConfig {
        let mut config = SandboxConfig {
            addr: self.addr,
            api_key: self.api_key,
            credits: self.credits,
            seed_contacts: self.seed_contacts,
            rate_limit: (self.rate_limit > 0).then_some(self.rate_limit),
            delivery_ms: self.delivery_ms,
            failure_rate: self.failure_rate,
            seed: self.seed,
            latency_ms: self.latency_ms,
            manual_clock: self.manual_clock,
            ..SandboxConfig::default()
        };
        if !self.sender_ids.is_empty() {
            config.sender_ids = self
                .sender_ids
                .into_iter()
                .map(|name| {
                    let channels = channels_for_sender(&name);
                    (name, channels)
                })
                .collect();
        }
        config
    }
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn main() -> ExitCode {
    let config = Args::parse().into_config();
    // Signals are handled on a small runtime of their own; the server has its own threads.
    let signals = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("zexa-sandbox: {e}");
            return ExitCode::FAILURE;
        }
    };
    let sandbox = match Sandbox::start_with(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("zexa-sandbox: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", sandbox.base_url());
    let _ = writeln!(out, "inbox: {}", sandbox.inbox_url());
    let _ = out.flush();
    drop(out);
    signals.block_on(wait_for_signal());
    sandbox.shutdown();
    ExitCode::SUCCESS
}
