//! The command-line options of a sandbox, in one place for both programs that start one.

use std::net::SocketAddr;

use crate::{channels_for_sender, SandboxConfig};

/// The options of a sandbox on the command line, shared by `zexa-sandbox` and `zexa sandbox`
/// (the CLI crate flattens them into its own command). The accepted key is not among them: each
/// program takes it from its own `--api-key`.
#[derive(Debug, Clone, clap::Args)]
#[non_exhaustive]
pub struct SandboxArgs {
    /// Listen address; loopback only (127.0.0.0/8 or [::1]). Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8787", value_parser = loopback_addr)]
    pub addr: SocketAddr,
    /// Starting credit balance.
    #[arg(long, default_value_t = 10_000.0, value_parser = non_negative)]
    pub credits: f64,
    /// A registered sender (repeatable; replaces the defaults). A name with `@` is an email
    /// sender, any other name is registered for sms, whatsapp, telegram and slack.
    #[arg(long = "sender-id", value_name = "NAME")]
    pub sender_ids: Vec<String>,
    /// Synthetic contacts created at start (and on reset).
    #[arg(long, default_value_t = 0)]
    pub seed_contacts: usize,
    /// Requests per second per API key (0 for no limit); beyond it, 429 with Retry-After.
    #[arg(long, default_value_t = 0)]
    pub rate_limit: u32,
    /// Milliseconds for messages and campaigns to reach their final statuses.
    #[arg(long, default_value_t = 500)]
    pub delivery_ms: u64,
    /// Probability that a message fails, 0 to 1.
    #[arg(long, default_value_t = 0.05, value_parser = probability)]
    pub failure_rate: f64,
    /// Seed of IDs, outcomes and random faults (one seed, one run).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Milliseconds added before every API answer.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Run on a manual clock, moved only by `POST /_sandbox/clock/advance {"ms": N}`.
    #[arg(long)]
    pub manual_clock: bool,
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

impl SandboxArgs {
    /// The configuration these options describe.
    pub fn into_config(self, api_key: String) -> SandboxConfig {
        let mut config = SandboxConfig {
            addr: self.addr,
            api_key,
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
