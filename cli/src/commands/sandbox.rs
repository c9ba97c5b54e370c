//! `zexa sandbox`: runs the API emulator in this process (the `zexa-sandbox` crate, with the same
//! options) and prints its API and inbox addresses, until Ctrl-C or SIGTERM.

use serde_json::json;
use signal_hook::consts::{SIGINT, SIGTERM};

use crate::args::SandboxCommand;
use crate::failure::Failure;
use crate::Ctx;

/// Runs the sandbox.
pub fn run(ctx: &Ctx, args: SandboxCommand) -> Result<(), Failure> {
    // The accepted key: --api-key, or the sandbox's own default (never ZEXA_API_KEY, which
    // may hold a live key).
    let key = ctx
        .global
        .api_key
        .clone()
        .unwrap_or_else(|| zexa_sandbox::SandboxConfig::default().api_key);
    // Waiting on the signals with their own iterator: the run's Ctrl-C flag is a poll, this
    // blocks until one comes.
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])
        .map_err(Failure::io("catching SIGINT and SIGTERM"))?;
    let sandbox = zexa_sandbox::Sandbox::start_with(args.options.into_config(key))
        .map_err(Failure::io("starting the sandbox"))?;
    if ctx.out.json {
        ctx.out
            .json_line(&json!({ "api": sandbox.base_url(), "inbox": sandbox.inbox_url() }))?;
    } else {
        // The first line is the base URL alone, as `zexa-sandbox` prints it (scripts read it).
        ctx.out.line(sandbox.base_url())?;
        ctx.out.line(format!("inbox: {}", sandbox.inbox_url()))?;
        ctx.out.note(format!(
            "use it with: export ZEXA_BASE_URL={}  (and the sandbox's key); Ctrl-C stops it",
            sandbox.base_url()
        ));
    }
    let signal = signals.forever().next();
    signals.handle().close();
    sandbox.shutdown();
    match signal {
        Some(SIGTERM) => Ok(()),
        _ => Err(Failure::Interrupted("sandbox stopped".to_owned())),
    }
}
