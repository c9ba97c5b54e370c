//! Forwards the core's `log` records to Python's `logging`, all under the logger `zexa`.
//!
//! The core logs while the GIL is released (during a call). Asking Python whether a record's
//! level is enabled would take the GIL for every record, mostly to drop it (debug records at
//! the default WARNING level). So the levels `zexa` has enabled are read from Python at the
//! start of every call ([`refresh_level`], the GIL held then) and records below them are
//! dropped without the GIL. A level set on `logging.getLogger("zexa")` applies from the next
//! call on.

use std::sync::atomic::{AtomicUsize, Ordering};

use log::{Level, LevelFilter, Log, Metadata, Record};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3_log::{Caching, Logger};

/// Hands the core's records to pyo3-log under the target `zexa`; records of the libraries
/// under it (ureq's wire chatter) are dropped.
struct ZexaLogger(Logger);

const TARGET: &str = "zexa";

/// The most verbose level `logging.getLogger("zexa")` had enabled at the last refresh (a
/// `LevelFilter` as a number). Until the first refresh every record goes to pyo3-log, which
/// asks Python itself.
static ENABLED: AtomicUsize = AtomicUsize::new(LevelFilter::Debug as usize);

/// The Python logger `zexa`.
static PY_LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn is_core(target: &str) -> bool {
    target == TARGET || target.starts_with("zexa::")
}

fn passes(level: Level) -> bool {
    level as usize <= ENABLED.load(Ordering::Relaxed)
}

impl Log for ZexaLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        is_core(metadata.target())
            && passes(metadata.level())
            && self
                .0
                .enabled(&Metadata::builder().level(metadata.level()).target(TARGET).build())
    }

    fn log(&self, record: &Record) {
        if !is_core(record.target()) || !passes(record.level()) {
            return;
        }
        self.0.log(
            &Record::builder()
                .args(*record.args())
                .level(record.level())
                .target(TARGET)
                .file(record.file())
                .line(record.line())
                .module_path(record.module_path())
                .build(),
        );
    }

    fn flush(&self) {}
}

/// Installs the forwarder once per process. Loggers are cached by pyo3-log; levels are read at
/// each call ([`refresh_level`]).
pub fn install(py: Python<'_>) -> PyResult<()> {
    let logger = Logger::new(py, Caching::Loggers)?.filter(LevelFilter::Debug);
    if log::set_boxed_logger(Box::new(ZexaLogger(logger))).is_ok() {
        log::set_max_level(LevelFilter::Debug);
    }
    refresh_level(py);
    Ok(())
}

/// Reads which levels `logging.getLogger("zexa")` has enabled now (GIL held), as its
/// `isEnabledFor` would answer: not disabled, above `logging.disable()`'s level, at or above
/// the effective level. On a Python error the previous reading stays.
pub fn refresh_level(py: Python<'_>) {
    let read = || -> PyResult<LevelFilter> {
        let logger = PY_LOGGER.get_or_try_init(py, || {
            py.import("logging")?
                .call_method1("getLogger", (TARGET,))
                .map(Bound::unbind)
        })?;
        let logger = logger.bind(py);
        if logger.getattr(intern!(py, "disabled"))?.is_truthy()? {
            return Ok(LevelFilter::Off);
        }
        let disabled_up_to: i64 = logger
            .getattr(intern!(py, "manager"))?
            .getattr(intern!(py, "disable"))?
            .extract()?;
        let effective: i64 = logger.call_method0(intern!(py, "getEffectiveLevel"))?.extract()?;
        let lowest_enabled = effective.max(disabled_up_to + 1);
        // Python's numbers for the levels the core uses, as pyo3-log maps them.
        Ok(match lowest_enabled {
            ..=10 => LevelFilter::Debug,
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
