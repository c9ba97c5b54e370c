//! How a core call runs from Python: with the GIL released, stoppable by Ctrl-C, its log
//! records emitted afterwards.
//!
//! Python runs signal handlers only on the main thread, and only when that thread runs Python
//! code. A main thread blocked in a socket read would hear a Ctrl-C only once the read ends
//! (up to the timeout, 30 s by default, three times with retries). So a call made on the main
//! thread runs on a worker thread, inside a [`zexa::CancelToken`] scope, while the main thread
//! waits for its result in short slices and checks for signals between them. On a
//! `KeyboardInterrupt` the token is cancelled (no further attempt, every wait ends) and the
//! call is abandoned at once: an attempt already on the wire finishes on the worker, its
//! answer dropped. Other threads never receive signals, so their calls run in place.
//!
//! The worker is one long-lived thread per process, reused from call to call (a thread per
//! call would cost more than a fast call). A worker whose call was abandoned finishes it and
//! exits; the next call starts a new one.

use std::cell::{Cell, RefCell};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use pyo3::exceptions::PyKeyboardInterrupt;
use pyo3::prelude::*;

use crate::errors::{interrupted, to_py_err};
use crate::logging::{self, Pending};

/// How often the main thread checks for signals while a call runs: well within the half
/// second in which Ctrl-C must take effect, and rare enough to cost nothing.
const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(20);

/// Runs `call` with the GIL released and raises its error, if any, as its Python exception.
pub fn call<T, F>(py: Python<'_>, call: F) -> PyResult<T>
where
    F: FnOnce() -> zexa::Result<T> + Send + 'static,
    T: Send + 'static,
{
    let result = call_raw(py, call)?;
    result.map_err(|e| to_py_err(py, e))
}

/// [`call`], handing back the core's result as it is: `Err` only for a Python exception
/// (Ctrl-C, or a log handler that raised).
pub fn call_raw<T, F>(py: Python<'_>, call: F) -> PyResult<zexa::Result<T>>
where
    F: FnOnce() -> zexa::Result<T> + Send + 'static,
    T: Send + 'static,
{
    logging::refresh_level(py);
    if !is_main_thread(py) {
        let result = py.detach(call);
        logging::emit_pending(py)?;
        return Ok(result);
    }
    let token = zexa::CancelToken::new();
    let scope = token.clone();
    let (done, outcome) = mpsc::sync_channel::<(zexa::Result<T>, Vec<Pending>)>(1);
    submit(Box::new(move || {
        let result = scope.run(call);
        // The receiver is gone when the call was abandoned: nothing to do then.
        let _ = done.send((result, logging::take_pending()));
    }));
    wait(py, &token, outcome)
}

/// Waits on the main thread for a worker's outcome, checking for signals between slices.
fn wait<T>(
    py: Python<'_>,
    token: &zexa::CancelToken,
    mut outcome: Receiver<(zexa::Result<T>, Vec<Pending>)>,
) -> PyResult<zexa::Result<T>>
where
    T: Send,
{
    loop {
        // A receiver is Send but not Sync: it goes into the GIL-free part and comes back.
        let (back, received) = py.detach(move || {
            let received = outcome.recv_timeout(SIGNAL_CHECK_INTERVAL);
            (outcome, received)
        });
        outcome = back;
        match received {
            Ok((result, records)) => {
                logging::emit(py, records)?;
                return Ok(result);
            }
            Err(RecvTimeoutError::Timeout) => {
                // The handler's exception (KeyboardInterrupt for the default SIGINT handler)
                // comes back as a value: nothing is pending while we clean up.
                if let Err(signal) = py.check_signals() {
                    token.cancel();
                    forget_worker();
                    if signal.is_instance_of::<PyKeyboardInterrupt>(py) {
                        return Err(interrupted(py, &token.interrupted_error()));
                    }
                    return Err(signal);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                // The worker died (a panic in the core): say so instead of hanging.
                forget_worker();
                return Err(pyo3::exceptions::PySystemError::new_err(
                    "zexa: the call's worker thread failed (a bug: please report it)",
                ));
            }
        }
    }
}

/// Whether this is Python's main thread (the one that runs signal handlers), remembered per
/// thread and per process (after a fork, the forking thread is the child's main thread).
fn is_main_thread(py: Python<'_>) -> bool {
    thread_local! {
        static MAIN: Cell<Option<(u32, bool)>> = const { Cell::new(None) };
    }
    let pid = std::process::id();
    if let Some((seen_in, is_main)) = MAIN.with(Cell::get) {
        if seen_in == pid {
            return is_main;
        }
    }
    let ask = || -> PyResult<bool> {
        let threading = py.import("threading")?;
        let main = threading.call_method0("main_thread")?;
        Ok(main.is(&threading.call_method0("current_thread")?))
    };
    // If Python cannot tell, run in place: correct, only not interruptible.
    let is_main = ask().unwrap_or(false);
    MAIN.with(|m| m.set(Some((pid, is_main))));
    is_main
}

type Job = Box<dyn FnOnce() + Send>;

/// The main thread's worker: where to send jobs, and the process it belongs to.
struct Worker {
    jobs: Sender<Job>,
    pid: u32,
}

thread_local! {
    /// Only the main thread submits jobs, so the worker lives in its thread-local: no lock,
    /// nothing that a fork could leave locked.
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// Runs `job` on the main thread's worker, starting one when there is none (first call, a
/// call abandoned, or a forked child, which inherits no threads).
fn submit(job: Job) {
    let pid = std::process::id();
    let job = WORKER.with(|worker| match worker.borrow().as_ref() {
        Some(w) if w.pid == pid => w.jobs.send(job).err().map(|e| e.0),
        _ => Some(job),
    });
    if let Some(job) = job {
        let jobs = start_worker(job);
        WORKER.with(|worker| *worker.borrow_mut() = Some(Worker { jobs, pid }));
    }
}

/// Drops the main thread's worker: it ends once its current job is done.
fn forget_worker() {
    WORKER.with(|worker| worker.borrow_mut().take());
}

/// Starts a worker running `first`, then every job sent to it, until its sender is dropped.
fn start_worker(first: Job) -> Sender<Job> {
    let (jobs, queue) = mpsc::channel::<Job>();
    let spawned = std::thread::Builder::new()
        .name("zexa-call".to_owned())
        .spawn(move || {
            first();
            while let Ok(job) = queue.recv() {
                job();
            }
        });
    if let Err(e) = spawned {
        // Without a thread, the job cannot run; its sender is dropped with it, which the
        // waiting side reports.
        log::error!(target: "zexa", "cannot start a worker thread: {e}");
    }
    jobs
}
