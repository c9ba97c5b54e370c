//! Forwards the core's `log` records to Python's `logging`, all under the logger `zexa`.

use log::{LevelFilter, Log, Metadata, Record};
use pyo3::prelude::*;
use pyo3_log::{Caching, Logger};

/// Hands the core's records to pyo3-log under the target `zexa`; records of the libraries
/// under it (ureq's wire chatter) are dropped.
struct ZexaLogger(Logger);

const TARGET: &str = "zexa";

fn is_core(target: &str) -> bool {
    target == TARGET || target.starts_with("zexa::")
}

impl Log for ZexaLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        is_core(metadata.target())
            && self
                .0
                .enabled(&Metadata::builder().level(metadata.level()).target(TARGET).build())
    }

    fn log(&self, record: &Record) {
        if !is_core(record.target()) {
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

/// Installs the forwarder once per process. Loggers are cached but levels are not, so a level
/// set on `logging.getLogger("zexa")` at any time takes effect at once.
pub fn install(py: Python<'_>) -> PyResult<()> {
    let logger = Logger::new(py, Caching::Loggers)?.filter(LevelFilter::Debug);
    if log::set_boxed_logger(Box::new(ZexaLogger(logger))).is_ok() {
        log::set_max_level(LevelFilter::Debug);
    }
    Ok(())
}
