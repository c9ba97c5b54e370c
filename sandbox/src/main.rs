//! `zexa-sandbox`: runs the Zexa API emulator until Ctrl-C or SIGTERM.
//!
//! Prints exactly one line, the base URL, once the server is listening.

use std::io::Write;
use std::process::ExitCode;

use zexa_sandbox::{channels_for_sender, Sandbox, SandboxConfig};

const USAGE: &str = "usage: zexa-sandbox [--addr 127.0.0.1:8787] [--api-key KEY] [--credits N] \
[--sender-id NAME ...] [--seed-contacts N] [--rate-limit N] [--delivery-ms MS] \
[--failure-rate F] [--seed S] [--latency-ms MS]";

fn parse_args(args: Vec<String>) -> Result<SandboxConfig, String> {
    let mut config = SandboxConfig {
        addr: "127.0.0.1:8787".parse().expect("valid literal"),
        ..SandboxConfig::default()
    };
    let mut senders: Vec<(String, Vec<String>)> = Vec::new();
    let mut it = args.into_iter();
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_string());
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = |what: &str| format!("invalid {flag} value '{value}': {what}");
        match flag.as_str() {
            "--addr" => {
                let addr: std::net::SocketAddr = value.parse().map_err(|_| bad("expected IP:PORT"))?;
                if !addr.ip().is_loopback() {
                    return Err(bad("the sandbox only listens on loopback addresses"));
                }
                config.addr = addr;
            }
            "--api-key" => config.api_key = value,
            "--credits" => config.credits = value.parse().map_err(|_| bad("expected a number"))?,
            "--sender-id" => {
                let channels = channels_for_sender(&value);
                senders.push((value, channels));
            }
            "--seed-contacts" => config.seed_contacts = value.parse().map_err(|_| bad("expected a count"))?,
            "--rate-limit" => {
                let n: u32 = value.parse().map_err(|_| bad("expected a count"))?;
                config.rate_limit = (n > 0).then_some(n);
            }
            "--delivery-ms" => {
                config.delivery_ms = value.parse().map_err(|_| bad("expected milliseconds"))?
            }
            "--failure-rate" => {
                let f: f64 = value.parse().map_err(|_| bad("expected 0..=1"))?;
                if !(0.0..=1.0).contains(&f) {
                    return Err(bad("expected 0..=1"));
                }
                config.failure_rate = f;
            }
            "--seed" => config.seed = value.parse().map_err(|_| bad("expected an integer"))?,
            "--latency-ms" => config.latency_ms = value.parse().map_err(|_| bad("expected milliseconds"))?,
            _ => return Err(format!("unknown argument '{flag}'\n{USAGE}")),
        }
    }
    if !senders.is_empty() {
        config.sender_ids = senders;
    }
    Ok(config)
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
    let config = match parse_args(std::env::args().skip(1).collect()) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
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
    let _ = out.flush();
    drop(out);
    signals.block_on(wait_for_signal());
    sandbox.shutdown();
    ExitCode::SUCCESS
}
