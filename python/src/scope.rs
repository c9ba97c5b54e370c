//! [`CancelScope`]: how `zexa.AsyncClient` abandons a call whose task was cancelled. The call
//! runs on a worker thread inside the scope (a core `CancelToken` bound to that thread); the
//! event loop cancels the scope, which stops the call's waits and further attempts at once,
//! and reads at that moment whether a request that can take effect was on the wire: the
//! `may_have_executed` of the `zexa.CallCancelled` raised in the task, without waiting for the
//! worker.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// A cancellation scope for one call made on a worker thread.
#[pyclass(frozen, module = "zexa._native")]
pub struct CancelScope {
    token: zexa::CancelToken,
}

#[pymethods]
impl CancelScope {
    #[new]
    fn new() -> CancelScope {
        CancelScope {
            token: zexa::CancelToken::new(),
        }
    }

    /// Calls `function(*args, **kwargs)` with this scope bound to the calling thread.
    #[pyo3(signature = (function, *args, **kwargs))]
    fn run(
        &self,
        py: Python<'_>,
        function: &Bound<'_, PyAny>,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let _ = py;
        self.token.run(|| function.call(args, kwargs).map(Bound::unbind))
    }

    /// Stops the call running in this scope (from any thread; never blocks).
    fn cancel(&self) {
        self.token.cancel();
    }

    /// Whether a request that can take effect (not a GET) was on the wire, or may have been
    /// processed, so far.
    #[getter]
    fn may_have_executed(&self) -> bool {
        self.token.interrupted_error().may_have_executed()
    }

    /// How many attempts have started in this scope.
    #[getter]
    fn attempts(&self) -> u32 {
        self.token.interrupted_error().attempts()
    }
}
