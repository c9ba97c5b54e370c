//! `zexa messages send-bulk FILE.csv`: one personalised message per row, through the core's
//! `send_many` (concurrent, within the rate limit, resumable from a journal). This file only
//! reads the CSV, fills the body template and reports; every rule of the send is the core's.

use std::collections::HashSet;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use crate::args::SendBulk;
use crate::failure::Failure;
use crate::Ctx;

/// Where a row's body comes from.
enum Body {
    /// `--body`: a template whose `{column}` parts are filled from the row.
    Template(Template),
    /// `--body-column`: the column's value as it is.
    Column(usize),
}

/// A `--body` template, split once into text and column references.
///
/// Hand-written on purpose: the whole format is `{column}` (and `{{`/`}}` for braces), which
/// a template engine would only make less predictable for people writing SMS texts.
struct Template(Vec<Part>);

enum Part {
    Text(String),
    Column(usize),
}

impl Template {
    fn parse(text: &str, headers: &csv::StringRecord) -> Result<Template, Failure> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    literal.push('}');
                }
                '{' => {
                    let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    let index = column(headers, name.trim(), "--body")?;
                    parts.push(Part::Text(std::mem::take(&mut literal)));
                    parts.push(Part::Column(index));
                }
                other => literal.push(other),
            }
        }
        parts.push(Part::Text(literal));
        Ok(Template(parts))
    }

    fn fill(&self, row: &csv::StringRecord) -> String {
        self.0
            .iter()
            .map(|part| match part {
                Part::Text(text) => text.as_str(),
                Part::Column(i) => row.get(*i).unwrap_or(""),
            })
            .collect()
    }
}

fn column(headers: &csv::StringRecord, name: &str, option: &str) -> Result<usize, Failure> {
    headers.iter().position(|h| h.trim() == name).ok_or_else(|| {
        let known: Vec<&str> = headers.iter().collect();
        Failure::Usage(format!(
            "{option}: no column {name:?} in the file (columns: {})",
            known.join(", ")
        ))
    })
}

fn reader(path: &Path) -> Result<csv::Reader<File>, Failure> {
    let file = File::open(path).map_err(Failure::io(format!("reading {}", path.display())))?;
    Ok(csv::ReaderBuilder::new().flexible(true).from_reader(file))
}

fn csv_failure(path: &Path, error: &csv::Error) -> Failure {
    Failure::Usage(format!("{} is not readable CSV: {error}", path.display()))
}

/// Runs `send-bulk`.
pub fn run(ctx: &Ctx, args: SendBulk) -> Result<(), Failure> {
    let client = ctx.client()?;
    let mut rows = reader(&args.file)?;
    let headers = rows.headers().map_err(|e| csv_failure(&args.file, &e))?.clone();
    let to = column(&headers, &args.to_column, "--to-column")?;
    let reference = args
        .ref_column
        .as_deref()
        .map(|name| column(&headers, name, "--ref-column"))
        .transpose()?;
    let body = match (&args.body, &args.body_column) {
        (Some(template), None) => Body::Template(Template::parse(template, &headers)?),
        (None, Some(name)) => Body::Column(column(&headers, name, "--body-column")?),
        _ => {
            return Err(Failure::Usage(
                "give --body TEMPLATE or --body-column COLUMN".to_owned(),
            ))
        }
    };
    // One quick pass for the bar's length; the send reads the file again, row by row.
    let total = reader(&args.file)?.records().count() as u64;

    let mut options = zexa::BulkOptions::new().dry_run(args.dry_run);
    if let Some(concurrency) = args.concurrency {
        options = options.concurrency(concurrency);
    }
    if let Some(journal) = &args.journal {
        options = options.journal(journal);
    }
    let channel = zexa::Channel::from(args.channel.clone());
    let mut csv_error = None;
    let messages = rows.records().map_while(|row| match row {
        Ok(row) => {
            let text = match &body {
                Body::Template(template) => template.fill(&row),
                Body::Column(i) => row.get(*i).unwrap_or("").to_owned(),
            };
            let recipient = row.get(to).unwrap_or("").trim().to_owned();
            let mut message = zexa::SendMessage::text(channel.clone(), recipient, args.from.clone(), text);
            message.max_segments = args.max_segments;
            let key = reference.map(|i| row.get(i).unwrap_or("").to_owned());
            Some(match key {
                Some(key) => zexa::BulkMessage::new(key, message),
                None => zexa::BulkMessage::from(message),
            })
        }
        Err(error) => {
            csv_error = Some(csv_failure(&args.file, &error));
            None
        }
    });

    let bar = if ctx.out.json {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut print_failure = None;
    let summary = client.messages().send_many(messages, &options, |result| {
        bar.inc(1);
        if ctx.out.json {
            if let Err(e) = ctx.out.json_line(&result_json(result)) {
                print_failure.get_or_insert(e);
            }
        }
    });
    bar.finish_and_clear();
    if let Some(failure) = csv_error {
        return Err(failure);
    }
    let summary = summary?;
    if let Some(failure) = print_failure {
        return Err(failure);
    }
    let ambiguous_file = if summary.ambiguous.is_empty() {
        None
    } else {
        Some(write_ambiguous(&args, &summary)?)
    };
    report(ctx, &args, &summary, ambiguous_file.as_deref())?;
    if summary.failed.is_empty() && summary.ambiguous.is_empty() {
        Ok(())
    } else {
        Err(Failure::Ended(format!(
            "{} failed, {} ambiguous (see above)",
            summary.failed.len(),
            summary.ambiguous.len()
        )))
    }
}

fn result_json(result: &zexa::BulkResult) -> serde_json::Value {
    use zexa::BulkOutcome::*;
    let reference = &result.reference;
    match &result.outcome {
        Sent(message) => json!({"ref": reference, "outcome": "sent", "message_id": message.id}),
        Failed(error) => json!({"ref": reference, "outcome": "failed", "error": error.to_string()}),
        Ambiguous(why) => json!({"ref": reference, "outcome": "ambiguous", "reason": why.to_string()}),
        Skipped { message_id } => json!({"ref": reference, "outcome": "skipped", "message_id": message_id}),
        Checked { segments } => json!({"ref": reference, "outcome": "checked", "segments": segments}),
        _ => json!({"ref": reference, "outcome": "other"}),
    }
}

/// The ambiguous refs, one per line with the reason, beside the input (`FILE.ambiguous.csv`)
/// unless `--ambiguous-out` says where.
fn write_ambiguous(args: &SendBulk, summary: &zexa::BulkSummary) -> Result<PathBuf, Failure> {
    let path = args.ambiguous_out.clone().unwrap_or_else(|| {
        let mut name = args.file.clone().into_os_string();
        name.push(".ambiguous.csv");
        PathBuf::from(name)
    });
    let doing = format!("writing {}", path.display());
    let mut out = csv::Writer::from_path(&path).map_err(|e| Failure::Usage(format!("{doing}: {e}")))?;
    let mut seen = HashSet::new();
    out.write_record(["ref", "reason"])
        .map_err(|e| Failure::Usage(format!("{doing}: {e}")))?;
    for (reference, why) in &summary.ambiguous {
        if seen.insert(reference) {
            out.write_record([reference.as_str(), why.to_string().as_str()])
                .map_err(|e| Failure::Usage(format!("{doing}: {e}")))?;
        }
    }
    out.flush().map_err(Failure::io(doing))?;
    Ok(path)
}

fn report(
    ctx: &Ctx,
    args: &SendBulk,
    summary: &zexa::BulkSummary,
    ambiguous: Option<&Path>,
) -> Result<(), Failure> {
    if ctx.out.json {
        return ctx.out.json_line(&json!({
            "summary": {
                "sent": summary.sent.len(),
                "failed": summary.failed.len(),
                "ambiguous": summary.ambiguous.len(),
                "skipped": summary.skipped.len(),
                "checked": summary.checked,
                "segments": summary.segments,
                "ambiguous_file": ambiguous.map(|p| p.display().to_string()),
            }
        }));
    }
    if args.dry_run {
        ctx.out.line(format!(
            "dry run: {} valid message(s), {} SMS segment(s); {} invalid; nothing sent",
            summary.checked,
            summary.segments,
            summary.failed.len()
        ))?;
    } else {
        ctx.out.line(format!(
            "sent {}, failed {}, ambiguous {}, skipped {} (sent by an earlier run)",
            summary.sent.len(),
            summary.failed.len(),
            summary.ambiguous.len(),
            summary.skipped.len()
        ))?;
    }
    let mut stderr = std::io::stderr().lock();
    for (reference, error) in summary.failed.iter().take(20) {
        let _ = writeln!(stderr, "failed {reference}: {error}");
    }
    if summary.failed.len() > 20 {
        let _ = writeln!(stderr, "... and {} more failed", summary.failed.len() - 20);
    }
    if let Some(path) = ambiguous {
        let _ = writeln!(
            stderr,
            "{} ref(s) may have been sent and were not resent: listed in {} (check them before sending again)",
            summary.ambiguous.len(),
            path.display()
        );
    }
    Ok(())
}
