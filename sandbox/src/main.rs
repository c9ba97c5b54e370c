//! `zexa-sandbox`: runs the Zexa API emulator until Ctrl-C or SIGTERM.
//!
//! Prints the base URL on its first line once the server is listening (scripts read that
//! line), then the inbox page's address on a second line.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use zexa_sandbox::{Sandbox, SandboxArgs};

/// A local, stateful emulator of the Zexa messaging API, with an inbox page at `/`.
#[derive(Debug, Parser)]
#[command(name = "zexa-sandbox", version, about)]
struct Args {
    /// The one accepted API key (Bearer).
    #[arg(long, default_value = "zx_sandbox_key")]
    api_key: String,
    #[command(flatten)]
    sandbox: SandboxArgs,
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
    let args = Args::parse();
    let config = args.sandbox.into_config(args.api_key);
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
