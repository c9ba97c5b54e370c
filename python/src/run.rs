//! How a core call runs from Python: with the GIL released, stoppable by Ctrl-C, its log
//! records emitted afterwards.
//!
//! Python runs signal handlers only on the main thread, and only when that thread runs Python
//! code: a main thread blocked in a socket read would hear a Ctrl-C only once the read ends
//! (up to the timeout, 30 s by default, three times with retries). So a call made on the main
//! thread runs inside a [`zexa::CancelToken`] scope whose check takes the GIL back and runs
//! the pending signal handlers (`PyErr_CheckSignals`). The core asks the check every few
//! milliseconds while the call waits for an answer or sleeps before a retry; when a handler
//! raises (`KeyboardInterrupt` for the default SIGINT handler), the call stops at once and
//! that exception is raised, as `zexa.Interrupted` for a `KeyboardInterrupt`.
//!
//! The call stays on the calling thread: handing every call to a worker thread would also
//! hear Ctrl-C during a connect, but costs two thread wake-ups per call, which is most of a
//! fast call on a busy machine (see bench/PROFILES.md). Other threads never receive signals,
//! so their calls run without a check.

use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyKeyboardInterrupt;
use pyo3::prelude::*;

use crate::errors::to_py_err;
use crate::logging;

/// Runs `call` with the GIL released and raises its error, if any, as its Python exception.
pub fn call<T, F>(py: Python<'_>, call: F) -> PyResult<T>
where
    F: FnOnce() -> zexa::Result<T> + Send,
    T: Send,
{
    let result = call_raw(py, call)?;
    result.map_err(|e| to_py_err(py, e))
}

/// [`call`], handing back the core's result as it is: `Err` only for a Python exception
/// (a signal handler's, or a log handler's).
pub fn call_raw<T, F>(py: Python<'_>, call: F) -> PyResult<zexa::Result<T>>
where
    F: FnOnce() -> zexa::Result<T> + Send,
    T: Send,
{
    logging::refresh_level(py);
    if !is_main_thread(py) {
        let result = py.detach(call);
        logging::emit_pending(py)?;
        return Ok(result);
    }
    let raised: Arc<Mutex<Option<PyErr>>> = Arc::default();
    let token = {
        let raised = Arc::clone(&raised);
        zexa::CancelToken::with_check(move || {
            Python::attach(|py| match py.check_signals() {
                Ok(()) => false,
                Err(error) => {
                    // Kept as a value: nothing is pending while the call winds down.
                    *raised.lock().unwrap_or_else(|e| e.into_inner()) = Some(error);
                    true
                }
            })
        })
    };
    let result = py.detach(|| token.run(call));
    logging::emit_pending(py)?;
    let signal = raised.lock().unwrap_or_else(|e| e.into_inner()).take();
    match signal {
        // Ctrl-C: what the token saw (attempts, whether a send was on the wire).
        Some(signal) if signal.is_instance_of::<PyKeyboardInterrupt>(py) => {
            Err(to_py_err(py, token.interrupted_error()))
        }
        Some(signal) => Err(signal),
        None => Ok(result),
    }
}

/// Whether this is Python's main thread (the one that runs signal handlers), remembered per
/// thread and per process (after a fork, the forking thread is the child's main thread).
fn is_main_thread(py: Python<'_>) -> bool {
    thread_local! {
        static MAIN: std::cell::Cell<Option<(u32, bool)>> = const { std::cell::Cell::new(None) };
    }
    let pid = std::process::id();
    if let Some((seen_in, is_main)) = MAIN.with(std::cell::Cell::get) {
        if seen_in == pid {
            return is_main;
        }
    }
    let ask = || -> PyResult<bool> {
        let threading = py.import("threading")?;
        let main = threading.call_method0("main_thread")?;
        Ok(main.is(&threading.call_method0("current_thread")?))
    };
    // If Python cannot tell, run without a check: correct, only not interruptible.
    let is_main = ask().unwrap_or(false);
    MAIN.with(|m| m.set(Some((pid, is_main))));
    is_main
}
