//! `--verbose`: the core's own log lines (one per attempt, one per retry) on stderr.
//!
//! Only the target `zexa` is shown: the HTTP library's `trace` records carry the raw request,
//! `Authorization` header included, and the core's lines never hold the key.

use std::sync::atomic::{AtomicBool, Ordering};

use log::{LevelFilter, Log, Metadata, Record};

static ON: AtomicBool = AtomicBool::new(false);

struct Stderr;

fn is_core(target: &str) -> bool {
    target == "zexa" || target.starts_with("zexa::")
}

impl Log for Stderr {
    fn enabled(&self, metadata: &Metadata) -> bool {
        ON.load(Ordering::Relaxed) && is_core(metadata.target()) && metadata.level() <= log::Level::Debug
    }

    fn log(&self, record: &Record) {
        if self.enabled(record.metadata()) {
            eprintln!(
                "zexa: {}: {}",
                record.level().as_str().to_lowercase(),
                record.args()
            );
        }
    }

    fn flush(&self) {}
}

static LOGGER: Stderr = Stderr;

/// Turns the core's log lines on stderr on for this run. When the process already has a
/// logger (the Python package forwards the core's records to Python's `logging`), that one
/// stays and receives them instead.
pub fn enable(on: bool) {
    ON.store(on, Ordering::Relaxed);
    // Fails when a logger is installed already (ours, by an earlier run; or another).
    let _ = log::set_logger(&LOGGER);
    if on {
        log::set_max_level(LevelFilter::Debug);
    }
}
