//! `zexa campaigns wait ID`: follows a campaign until it is final. On a terminal, a live
//! progress bar (delivered, failed, total, status) that ends on the completed line; otherwise a
//! plain line per change, or with `--json` a JSON line per poll, the final campaign last.
//! Ctrl-C stops the waiting, not the campaign, and says so (exit 130).

use std::io::IsTerminal;
use std::ops::ControlFlow;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::Polling;
use crate::failure::Failure;
use crate::Ctx;

/// How progress is shown.
enum Display {
    Bar(ProgressBar),
    Lines { last: Option<String> },
    Json,
}

impl Display {
    fn for_output(ctx: &Ctx) -> Display {
        if ctx.out.json {
            Display::Json
        } else if std::io::stdout().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stdout());
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            Display::Bar(bar)
        } else {
            Display::Lines { last: None }
        }
    }

    /// Shows the campaign as a poll saw it; fails when stdout does (a closed pipe).
    fn update(&mut self, ctx: &Ctx, campaign: &zexa::Campaign) -> Result<(), Failure> {
        let (delivered, failed) = (campaign.delivered.unwrap_or(0), campaign.failed.unwrap_or(0));
        let summary = format!(
            "{}: delivered {delivered}, failed {failed} of {} ({})",
            campaign.id, campaign.total_recipients, campaign.status
        );
        match self {
            Display::Bar(bar) => {
                bar.set_length(campaign.total_recipients);
                bar.set_position(delivered + failed);
                bar.set_message(format!(
                    "delivered {delivered} · failed {failed} · {}",
                    campaign.status
                ));
                Ok(())
            }
            Display::Lines { last } => {
                // A line only when something changed, so a slow campaign does not flood a log.
                if last.as_deref() != Some(summary.as_str()) {
                    ctx.out.line(&summary)?;
                    *last = Some(summary);
                }
                Ok(())
            }
            Display::Json => ctx.out.json_line(campaign),
        }
    }

    /// Leaves the bar drawn in its last state, and the cursor on the next line; `done` when
    /// the campaign is final, otherwise the bar stays as it was when the wait stopped.
    fn end(self, done: bool) {
        if let Display::Bar(bar) = self {
            if done {
                bar.finish();
            } else {
                bar.abandon();
            }
            // indicatif leaves the cursor at the end of the bar's line: end that line, so what
            // is printed next (and the shell's prompt) starts on a line of its own.
            if !bar.is_hidden() {
                println!();
            }
        }
    }
}

/// Waits for the campaign `id`.
pub fn run(ctx: &Ctx, client: &zexa::Client, id: &str, polling: &Polling) -> Result<(), Failure> {
    let mut display = Display::for_output(ctx);
    // A failed write stops the wait (nobody reads the progress any more) and is the outcome.
    let mut write_failure = None;
    let on_poll = |campaign: &zexa::Campaign| match display.update(ctx, campaign) {
        Ok(()) => ControlFlow::Continue(()),
        Err(failure) => {
            write_failure = Some(failure);
            ControlFlow::Break(())
        }
    };
    let campaigns = client.campaigns();
    let outcome = campaigns.wait_with_progress(id, polling.poll_interval, polling.wait_timeout, on_poll);
    if let Some(failure) = write_failure {
        return Err(failure);
    }
    match outcome {
        Ok(campaign) => {
            display.end(true);
            if !ctx.out.json {
                ctx.out.line(format!("{} {}", campaign.id, campaign.status))?;
            }
            Ok(())
        }
        Err(e) => {
            display.end(false);
            match e.kind() {
                zexa::ErrorKind::Interrupted => Err(Failure::Interrupted(format!(
                    "stopped waiting for {id}; the campaign goes on (`zexa campaigns wait {id}` to follow it again)"
                ))),
                _ => Err(e.into()),
            }
        }
    }
}
