//! The one mapping from the core's [`zexa::ErrorKind`] to the Python exception classes, which
//! are defined in `zexa/_exceptions.py` and raised from here.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};

use crate::convert::value_to_py;

static EXCEPTIONS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The name of the exception class, in `zexa._exceptions`, for each kind of core error.
fn class_name(kind: zexa::ErrorKind) -> &'static str {
    use zexa::ErrorKind as K;
    match kind {
        K::InvalidRequest => "BadRequestError",
        K::Unauthorized => "AuthenticationError",
        K::NotFound => "NotFoundError",
        K::Conflict => "ConflictError",
        K::Validation => "ValidationError",
        K::InsufficientCredits => "InsufficientCreditsError",
        K::RateLimited => "RateLimitError",
        K::Server => "ServerError",
        K::OtherApi => "APIError",
        K::Transport => "APIConnectionError",
        K::Timeout => "APITimeoutError",
        K::Decode => "DecodeError",
        K::InvalidInput => "InvalidInputError",
        K::Interrupted => "Interrupted",
        K::WaitTimeout => "WaitTimeoutError",
        K::Write => "DownloadWriteError",
        _ => "ZexaError",
    }
}

/// The Python exception for a core error.
pub fn to_py_err(py: Python<'_>, err: zexa::Error) -> PyErr {
    build(py, &err).unwrap_or_else(|e| e)
}

/// The exception class `name` of `zexa._exceptions`.
fn exception_class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let module = EXCEPTIONS.get_or_try_init(py, || py.import("zexa._exceptions").map(Bound::unbind))?;
    module.bind(py).getattr(name)
}

fn build(py: Python<'_>, err: &zexa::Error) -> PyResult<PyErr> {
    let class = exception_class(py, class_name(err.kind()))?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("may_have_executed", err.may_have_executed())?;
    match err {
        zexa::Error::Api(api) => {
            kwargs.set_item("status_code", api.status)?;
            kwargs.set_item("code", &api.code)?;
            kwargs.set_item("message", &api.message)?;
            let details = match &api.details {
                Some(details) => value_to_py(py, details)?,
                None => py.None().into_bound(py),
            };
            kwargs.set_item("details", details)?;
            kwargs.set_item("request_id", api.request_id.as_deref())?;
            kwargs.set_item("retry_after", api.retry_after.map(|d| d.as_secs_f64()))?;
            kwargs.set_item("attempts", api.attempts)?;
        }
        zexa::Error::InvalidInput { field, reason, .. } => {
            kwargs.set_item("field", field)?;
            kwargs.set_item("reason", reason)?;
        }
        zexa::Error::Decode { status, .. } => {
            kwargs.set_item("status_code", *status)?;
        }
        zexa::Error::WaitTimeout { campaign, polls, .. } => {
            kwargs.set_item("attempts", *polls)?;
            kwargs.set_item("campaign", crate::models::into_model(py, (**campaign).clone())?)?;
        }
        zexa::Error::ExportWaitTimeout { export, polls, .. } => {
            kwargs.set_item("attempts", *polls)?;
            kwargs.set_item("export", crate::models::into_model(py, (**export).clone())?)?;
        }
        zexa::Error::Transport { attempts, .. }
        | zexa::Error::Timeout { attempts, .. }
        | zexa::Error::Interrupted { attempts, .. } => {
            kwargs.set_item("attempts", *attempts)?;
        }
        _ => {}
    }
    let instance = class.call((err.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}

/// An input error raised by the binding itself (an argument the core takes in another type).
pub fn invalid(field: &str, reason: impl Into<String>) -> zexa::Error {
    zexa::Error::invalid_input(field, reason)
}

/// Converts a core result, raising its error.
pub fn check<T>(py: Python<'_>, result: zexa::Result<T>) -> PyResult<T> {
    result.map_err(|e| to_py_err(py, e))
}

/// A `zexa.DecodeError` raised by the binding (JSON fields that do not fit a model).
pub fn decode_error(py: Python<'_>, message: String) -> PyErr {
    exception_class(py, "DecodeError")
        .and_then(|class| class.call1((message,)))
        .map_or_else(|e| e, PyErr::from_value)
}

/// A plain `zexa.ZexaError` raised by the binding (e.g. a call on a closed client).
pub fn zexa_error(py: Python<'_>, message: &str) -> PyErr {
    exception_class(py, "ZexaError")
        .and_then(|class| class.call1((message,)))
        .map_or_else(|e| e, PyErr::from_value)
}
