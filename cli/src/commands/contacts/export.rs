//! `zexa contacts export --output FILE`: starts an export, waits for it, downloads the file,
//! with a spinner (then a byte counter) on a terminal.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};
use serde_json::json;

use crate::args::Polling;
use crate::failure::Failure;
use crate::Ctx;

/// Counts the bytes written through it into the progress indicator.
struct Counting<'a, W> {
    inner: W,
    progress: &'a ProgressBar,
}

impl<W: Write> Write for Counting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.progress.inc(n as u64);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Runs the export.
pub fn run(
    ctx: &Ctx,
    client: &zexa::Client,
    list_id: Option<String>,
    output: &Path,
    polling: &Polling,
) -> Result<(), Failure> {
    let mut request = zexa::CreateExport::new();
    request.list_id = list_id;
    // On a terminal only (indicatif draws nothing when stderr is not one), and not for
    // scripts; cleared when the command ends, however it ends.
    let progress = if ctx.out.json {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
            .with_finish(ProgressFinish::AndClear)
    };
    progress.set_style(
        ProgressStyle::with_template("{spinner} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    progress.enable_steady_tick(std::time::Duration::from_millis(120));
    progress.set_message("exporting");
    let export = client.exports().create(&request)?;
    progress.set_message(format!("waiting for {}", export.id));
    let export = client
        .exports()
        .wait(&export.id, polling.poll_interval, polling.wait_timeout)?;
    if export.status != zexa::ExportStatus::Completed {
        return Err(Failure::Ended(format!(
            "export {} ended {}",
            export.id, export.status
        )));
    }
    progress.set_style(
        ProgressStyle::with_template("{spinner} downloading {msg}: {bytes} ({bytes_per_sec})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    progress.set_message(output.display().to_string());
    let doing = format!("writing {}", output.display());
    let file = File::create(output).map_err(Failure::io(doing.clone()))?;
    let mut sink = Counting {
        inner: BufWriter::new(file),
        progress: &progress,
    };
    let written = client
        .exports()
        .download(&export, &mut sink)
        .map_err(Failure::from)
        .and_then(|bytes| sink.flush().map(|()| bytes).map_err(Failure::io(doing)));
    drop(sink);
    let bytes = match written {
        Ok(bytes) => bytes,
        Err(failure) => {
            // A partial file would pass for the export: remove it.
            let _ = std::fs::remove_file(output);
            return Err(failure);
        }
    };
    progress.finish_and_clear();
    if ctx.out.json {
        return ctx
            .out
            .json_line(&json!({ "export": export, "file": output.display().to_string(), "bytes": bytes }));
    }
    ctx.out.line(format!(
        "exported {} to {} ({bytes} bytes)",
        export.id,
        output.display()
    ))
}
