//! Raw responses: the core's `ResponseInfo` of a call (status, headers, request ID, attempts,
//! elapsed time) with its parsed value, as a `zexa.APIResponse` (a Python class of
//! `zexa/_response.py`, built here like the exceptions are).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple};

static API_RESPONSE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `zexa.APIResponse(...)` of a call's metadata and its already converted value.
pub fn api_response(py: Python<'_>, info: &zexa::ResponseInfo, parsed: Py<PyAny>) -> PyResult<Py<PyAny>> {
    let class = API_RESPONSE.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("zexa._response")?.getattr("APIResponse")?.unbind())
    })?;
    let headers = PyList::empty(py);
    for (name, value) in info.headers.iter() {
        headers.append(PyTuple::new(py, [name, value])?)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("status_code", info.status)?;
    kwargs.set_item("headers", headers)?;
    kwargs.set_item("request_id", info.request_id.as_deref())?;
    kwargs.set_item("attempts", info.attempts)?;
    kwargs.set_item("elapsed", info.elapsed)?;
    kwargs.set_item("parsed", parsed)?;
    Ok(class.bind(py).call((), Some(&kwargs))?.unbind())
}
