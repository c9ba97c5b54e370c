//! Forwards the core's `log` records to Python's `logging`, all under the logger `zexa`.
//!
//! The core logs while the GIL is released (during a call), often on a worker thread (see
//! `run.rs`). Calling into Python from there would mean taking the GIL in the middle of a
//! call, and running Python code at a moment when an exception (a Ctrl-C's
//! `KeyboardInterrupt`) may be pending, which CPython turns into a `SystemError`. So a record
//! is only kept, on the thread that made it, and emitted once the GIL is held again, at the
//! end of the call, with no exception pending.
//!
//! Asking Python whether a level is enabled would take the GIL for every record, mostly to
//! drop it (debug records at the default WARNING level). So the levels `zexa` has enabled are
//! read from Python at the start of every call ([`refresh_level`], the GIL held then) and
//! records below them are dropped at once. A level set on `logging.getLogger("zexa")` applies
//! from the next call on.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use log::{Level, LevelFilter, Log, Metadata, Record};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

const TARGET: &str = "zexa";

/// The most verbose level `logging.getLogger("zexa")` had enabled at the last refresh (a
/// `LevelFilter` as a number).
static ENABLED: AtomicUsize = AtomicUsize::new(LevelFilter::Warn as usize);

/// The Python logger `zexa`.
static PY_LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A record made by the core, waiting for the GIL.
pub struct Pending {
    level: Level,
    message: String,
}

thread_local! {
    /// Records made on this thread and not emitted yet.
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the core's records (and only those: ureq's wire chatter is dropped).
struct Keeper;

fn is_core(target: &str) -> bool {
    target == TARGET || target.starts_with("zexa::")
}

fn passes(level: Level) -> bool {
    level as usize <= ENABLED.load(Ordering::Relaxed)
}

impl Log for Keeper {
    fn enabled(&self, metadata: &Metadata) -> bool {
        is_core(metadata.target()) && passes(metadata.level())
    }

    fn log(&self, record: &Record) {
        if self.enabled(record.metadata()) {
            let pending = Pending {
                level: record.level(),
                message: record.args().to_string(),
            };
            PENDING.with(|p| p.borrow_mut().push(pending));
        }
    }

    fn flush(&self) {}
}

/// Installs the keeper once per process; levels are read at each call ([`refresh_level`]).
pub fn install(py: Python<'_>) {
    static KEEPER: Keeper = Keeper;
    if log::set_logger(&KEEPER).is_ok() {
        log::set_max_level(LevelFilter::Debug);
    }
    refresh_level(py);
}

/// Takes the records this thread made and has not emitted (to hand them to another thread).
pub fn take_pending() -> Vec<Pending> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// Emits `records` to `logging.getLogger("zexa")`. The GIL is held and no exception is
/// pending; an exception raised by a handler is returned (never swallowed).
pub fn emit(py: Python<'_>, records: Vec<Pending>) -> PyResult<()> {
    if records.is_empty() {
        return Ok(());
    }
    let logger = logger(py)?.bind(py);
    for record in records {
        // Python's numbers for the levels, as `logging` defines them (5 for trace).
        let number: u8 = match record.level {
            Level::Error => 40,
            Level::Warn => 30,
            Level::Info => 20,
            Level::Debug => 10,
            Level::Trace => 5,
        };
        logger.call_method1(intern!(py, "log"), (number, "%s", record.message))?;
    }
    Ok(())
}

/// Emits the records this thread made during a call that has just ended.
pub fn emit_pending(py: Python<'_>) -> PyResult<()> {
    emit(py, take_pending())
}

fn logger(py: Python<'_>) -> PyResult<&Py<PyAny>> {
    PY_LOGGER.get_or_try_init(py, || {
        py.import("logging")?
            .call_method1("getLogger", (TARGET,))
            .map(Bound::unbind)
    })
}

/// Reads which levels `logging.getLogger("zexa")` has enabled now (GIL held), as its
/// `isEnabledFor` would answer: not disabled, above `logging.disable()`'s level, at or above
/// the effective level. On a Python error the previous reading stays.
pub fn refresh_level(py: Python<'_>) {
    let read = || -> PyResult<LevelFilter> {
        let logger = logger(py)?.bind(py);
        if logger.getattr(intern!(py, "disabled"))?.is_truthy()? {
            return Ok(LevelFilter::Off);
        }
        let disabled_up_to: i64 = logger
            .getattr(intern!(py, "manager"))?
            .getattr(intern!(py, "disable"))?
            .extract()?;
        let effective: i64 = logger.call_method0(intern!(py, "getEffectiveLevel"))?.extract()?;
        let lowest_enabled = effective.max(disabled_up_to + 1);
        Ok(match lowest_enabled {
            ..=5 => LevelFilter::Trace,
            6..=10 => LevelFilter::Debug,
            11..=20 => LevelFilter::Info,
            21..=30 => LevelFilter::Warn,
            31..=40 => LevelFilter::Error,
            _ => LevelFilter::Off,
        })
    };
    if let Ok(filter) = read() {
        ENABLED.store(filter as usize, Ordering::Relaxed);
    }
}
