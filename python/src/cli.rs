//! `zexa` (the console script) and `python -m zexa`: the CLI crate's program, run here so that
//! the Python package and the Rust binary are one implementation.

use std::ffi::OsString;

use pyo3::prelude::*;

/// Runs the `zexa` command line on `argv` (the arguments after the program's name), printing
/// on stdout and stderr, and returns its exit code. The GIL is released while it runs; the
/// program catches Ctrl-C itself (see `python/zexa/__main__.py`).
#[pyfunction]
pub fn run_cli(py: Python<'_>, argv: Vec<OsString>) -> i32 {
    let args = std::iter::once(OsString::from("zexa")).chain(argv);
    let code = py.detach(move || zexa_cli::run(args));
    // The core's log records of the run were kept for Python's `logging` (see logging.rs); the
    // program has printed what it means to, so they are dropped rather than replayed late.
    drop(crate::logging::take_pending());
    code
}
