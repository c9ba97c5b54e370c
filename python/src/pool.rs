//! The worker threads of `zexa.AsyncClient`: core calls run on plain Rust threads that never
//! take the GIL, and their results reach the event loop through a socket it watches.
//!
//! A method of a resource called inside [`WorkerPool::submit`] does its Python work there, on
//! the loop's thread (arguments translated into the core's request types), and hands its core
//! call over instead of running it ([`defer`]). A worker runs the call inside the job's
//! [`zexa::CancelToken`], queues the outcome on the loop's [`ResultChannel`] and writes one byte to
//! its socket; the loop, woken by `add_reader`, calls [`ResultChannel::drain`], which turns every
//! queued outcome into its Python value (models, exceptions, log records) and resolves the
//! awaiting futures. So the loop's thread does all the Python work, once per call and in
//! batches, and the workers never compete with it for the GIL.

use std::cell::RefCell;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::errors::to_py_err;
use crate::logging;

/// What the loop does with a finished call: its Python value, made with the GIL.
type Finish = Box<dyn FnOnce(Python<'_>) -> PyResult<Py<PyAny>> + Send>;
/// A core call handed over by a resource method, to run on a worker.
type Work = Box<dyn FnOnce() -> Finish + Send>;

thread_local! {
    /// Set by [`WorkerPool::submit`] while it calls a resource method: where the method puts
    /// its core call instead of running it.
    static DEFERRED: RefCell<Option<Option<Work>>> = const { RefCell::new(None) };
}

/// Runs `call` and converts its value with `convert`, now (the GIL released during the
/// call), or, inside [`WorkerPool::submit`], later on a worker (then `None` is returned
/// here and the value goes to the awaiting future).
pub fn call_or_defer<T, F, C>(py: Python<'_>, call: F, convert: C) -> PyResult<Py<PyAny>>
where
    T: Send + 'static,
    F: FnOnce() -> zexa::Result<T> + Send + 'static,
    C: FnOnce(Python<'_>, T) -> PyResult<Py<PyAny>> + Send + 'static,
{
    let deferring = DEFERRED.with(|slot| slot.borrow().is_some());
    if !deferring {
        let value = crate::run::call(py, call)?;
        return convert(py, value);
    }
    let work: Work = Box::new(move || {
        let result = call();
        let records = logging::take_pending();
        Box::new(move |py: Python<'_>| {
            logging::emit(py, records)?;
            convert(py, result.map_err(|e| to_py_err(py, e))?)
        })
    });
    DEFERRED.with(|slot| *slot.borrow_mut() = Some(Some(work)));
    Ok(py.None())
}

/// A job: the work, its cancel token, and where its outcome goes.
struct Job {
    work: Work,
    token: zexa::CancelToken,
    future: Py<PyAny>,
    channel: Arc<ChannelState>,
}

/// The bounded set of worker threads of one `AsyncClient` (and of the clients derived from
/// it), started as calls need them.
#[pyclass(frozen, module = "zexa._native")]
pub struct WorkerPool {
    max_workers: usize,
    state: Mutex<PoolState>,
}

struct PoolState {
    sender: Option<Sender<Job>>,
    receiver: Arc<Mutex<Receiver<Job>>>,
    started: usize,
    /// Jobs submitted and not finished yet (queued or running).
    outstanding: Arc<AtomicUsize>,
}

#[pymethods]
impl WorkerPool {
    #[new]
    fn new(max_workers: usize) -> PyResult<WorkerPool> {
        if max_workers == 0 {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "max_workers must be at least 1, got 0",
            ));
        }
        let (sender, receiver) = channel();
        Ok(WorkerPool {
            max_workers,
            state: Mutex::new(PoolState {
                sender: Some(sender),
                receiver: Arc::new(Mutex::new(receiver)),
                started: 0,
                outstanding: Arc::default(),
            }),
        })
    }

    /// How many calls run at once, at most.
    #[getter]
    fn max_workers(&self) -> usize {
        self.max_workers
    }

    /// Calls `function(*args, **kwargs)` (a resource method) here, taking the core call it
    /// hands over to a worker; its value or exception will resolve `future` through
    /// `channel`. Returns the call's [`Ticket`]. (`args` and `kwargs` as values, so that a
    /// method's own keywords never meet these parameters.)
    #[pyo3(signature = (channel, future, function, args, kwargs=None))]
    fn submit(
        &self,
        channel: &ResultChannel,
        future: Py<PyAny>,
        function: &Bound<'_, PyAny>,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Ticket> {
        DEFERRED.with(|slot| *slot.borrow_mut() = Some(None));
        let called = function.call(args, kwargs);
        let work = DEFERRED.with(|slot| slot.borrow_mut().take()).flatten();
        called?;
        let work =
            work.ok_or_else(|| PyRuntimeError::new_err("zexa: this call cannot run on the worker pool"))?;
        let token = zexa::CancelToken::new();
        let job = Job {
            work,
            token: token.clone(),
            future,
            channel: Arc::clone(&channel.state),
        };
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let Some(sender) = &state.sender else {
            return Err(crate::errors::zexa_error(
                function.py(),
                "this zexa client is closed; create a new one",
            ));
        };
        // Counted before it is queued: a worker may finish it (and count it off) at once.
        let outstanding = state.outstanding.fetch_add(1, Ordering::SeqCst) + 1;
        if sender.send(job).is_err() {
            state.outstanding.fetch_sub(1, Ordering::SeqCst);
            return Err(PyRuntimeError::new_err("zexa: the worker pool has stopped"));
        }
        // A new worker whenever more jobs are out than workers, up to the bound.
        if outstanding > state.started && state.started < self.max_workers {
            state.started += 1;
            let receiver = Arc::clone(&state.receiver);
            let outstanding = Arc::clone(&state.outstanding);
            std::thread::Builder::new()
                .name("zexa-async".into())
                .spawn(move || work_loop(&receiver, &outstanding))
                .map_err(|e| PyRuntimeError::new_err(format!("zexa: cannot start a worker thread: {e}")))?;
        }
        Ok(Ticket { token })
    }

    /// Starts no further call; the workers end once the calls already queued are done.
    fn close(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).sender = None;
    }
}

/// A worker: runs jobs until the pool is closed.
fn work_loop(receiver: &Mutex<Receiver<Job>>, outstanding: &AtomicUsize) {
    loop {
        let job = match receiver.lock().unwrap_or_else(|e| e.into_inner()).recv() {
            Ok(job) => job,
            Err(_) => return,
        };
        let Job {
            work,
            token,
            future,
            channel,
        } = job;
        // A job cancelled while queued never starts.
        let finish: Finish = if token.is_cancelled() {
            Box::new(|py: Python<'_>| Ok(py.None()))
        } else {
            token.run(work)
        };
        channel.done(future, finish);
        outstanding.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One call's cancellation handle.
#[pyclass(frozen, module = "zexa._native")]
pub struct Ticket {
    token: zexa::CancelToken,
}

#[pymethods]
impl Ticket {
    /// Stops the call (from the loop; never blocks): a queued call never starts, a running
    /// one stops waiting and starts no further attempt.
    fn cancel(&self) {
        self.token.cancel();
    }

    /// Whether a request that can take effect was on the wire, or may have been processed.
    #[getter]
    fn may_have_executed(&self) -> bool {
        self.token.interrupted_error().may_have_executed()
    }

    /// How many attempts have started.
    #[getter]
    fn attempts(&self) -> u32 {
        self.token.interrupted_error().attempts()
    }
}

/// Where the workers leave the outcomes of one event loop's calls.
struct ChannelState {
    done: Mutex<Vec<(Py<PyAny>, Finish)>>,
    wake: UnixStream,
}

impl ChannelState {
    fn done(&self, future: Py<PyAny>, finish: Finish) {
        let first = {
            let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
            done.push((future, finish));
            done.len() == 1
        };
        // One byte per batch is enough: the loop drains the whole queue when it wakes. A full
        // socket (EAGAIN) means the loop has a wake-up pending already.
        if first {
            let _ = (&self.wake).write(&[1]);
        }
    }
}

/// The outcomes of the calls of one event loop, and the socket that wakes it.
#[pyclass(frozen, module = "zexa._native")]
pub struct ResultChannel {
    state: Arc<ChannelState>,
    readable: UnixStream,
}

#[pymethods]
impl ResultChannel {
    #[new]
    fn new() -> PyResult<ResultChannel> {
        let (readable, wake) = UnixStream::pair().map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        readable
            .set_nonblocking(true)
            .and_then(|()| wake.set_nonblocking(true))
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        Ok(ResultChannel {
            state: Arc::new(ChannelState {
                done: Mutex::default(),
                wake,
            }),
            readable,
        })
    }

    /// The socket to watch with `loop.add_reader`.
    fn fileno(&self) -> i32 {
        self.readable.as_raw_fd()
    }

    /// Resolves the futures of every finished call (on the loop's thread): its value, or its
    /// exception; a future cancelled meanwhile is left alone.
    fn drain(&self, py: Python<'_>) -> PyResult<()> {
        let mut sink = [0u8; 256];
        while matches!((&self.readable).read(&mut sink), Ok(n) if n > 0) {}
        let done = std::mem::take(&mut *self.state.done.lock().unwrap_or_else(|e| e.into_inner()));
        for (future, finish) in done {
            let future = future.bind(py);
            if future.call_method0(pyo3::intern!(py, "cancelled"))?.is_truthy()? {
                continue;
            }
            match finish(py) {
                Ok(value) => future.call_method1(pyo3::intern!(py, "set_result"), (value,))?,
                Err(err) => future.call_method1(pyo3::intern!(py, "set_exception"), (err.into_value(py),))?,
            };
        }
        Ok(())
    }
}
