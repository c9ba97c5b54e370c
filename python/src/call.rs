//! How a resource method runs a core call: the client (refused once closed), the per-call
//! options of its `**options` keywords (`timeout=`, `max_retries=`, `extra_headers=`,
//! `extra_query=`, translated into the core's `RequestOptions`), and the answer as a model or,
//! through `with_raw_response`, as a `zexa.APIResponse` around it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyMapping};

use crate::arg::{opt_count, opt_seconds};
use crate::errors::{check, zexa_error};
use crate::pool::call_or_defer;

/// The state every resource of one `zexa.Client` shares.
pub struct Shared {
    client: zexa::Client,
    closed: AtomicBool,
}

impl Shared {
    /// The shared state of a new client.
    pub fn new(client: zexa::Client) -> Arc<Shared> {
        Arc::new(Shared {
            client,
            closed: AtomicBool::new(false),
        })
    }

    /// The core client, or a `zexa.ZexaError` once `close()` was called.
    pub fn client(&self, py: Python<'_>) -> PyResult<&zexa::Client> {
        if self.closed.load(Ordering::Acquire) {
            return Err(zexa_error(py, "this zexa client is closed; create a new one"));
        }
        Ok(&self.client)
    }

    /// The core client whatever its state (settings, fork handling).
    pub fn core(&self) -> &zexa::Client {
        &self.client
    }

    /// Refuses every later call (calls already running finish).
    pub fn close(&self) {
        self.closed.store(true, Ordering::Release);
    }

    /// Whether `close()` was called.
    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }
}

/// What every resource holds: the client's shared state and whether its methods answer with
/// `APIResponse`s (the `with_raw_response` view of the resource).
#[derive(Clone)]
pub struct Base {
    pub shared: Arc<Shared>,
    pub raw: bool,
}

impl Base {
    /// The resource's ordinary view.
    pub fn new(shared: Arc<Shared>) -> Base {
        Base { shared, raw: false }
    }

    /// The same resource answering with `APIResponse`s.
    pub fn raw(&self) -> Base {
        Base {
            shared: Arc::clone(&self.shared),
            raw: true,
        }
    }

    /// Runs `call` with the per-call `options` (GIL released, Ctrl-C heard, see `run.rs`; or
    /// on a worker of `zexa.AsyncClient`, see `pool.rs`) and turns its value into Python with
    /// `convert`; in the raw view, wrapped in an `APIResponse` whose `parse()` gives it.
    pub fn call<T, F, C>(
        &self,
        py: Python<'_>,
        options: Option<&Bound<'_, PyDict>>,
        call: F,
        convert: C,
    ) -> PyResult<Py<PyAny>>
    where
        T: Send + 'static,
        F: FnOnce(&zexa::Client) -> zexa::Result<T> + Send + 'static,
        C: FnOnce(Python<'_>, T) -> PyResult<Py<PyAny>> + Send + 'static,
    {
        let client = self.scoped(py, options)?;
        if !self.raw {
            return call_or_defer(py, move || call(&client), convert);
        }
        call_or_defer(
            py,
            move || client.with_response(call),
            move |py, response: zexa::Response<T>| {
                let (value, info) = response.into_parts();
                let parsed = convert(py, value)?;
                crate::raw::api_response(py, &info, parsed)
            },
        )
    }

    /// The client with the per-call options applied (the shared one when there are none).
    pub fn scoped(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<zexa::Client> {
        let client = self.shared.client(py)?;
        match options.filter(|o| !o.is_empty()) {
            None => Ok(client.clone()),
            Some(options) => {
                let options = request_options(options)?;
                check(py, client.with_options(&check(py, options)?))
            }
        }
    }
}

/// The per-call keywords every resource method takes.
const OPTION_NAMES: &str = "timeout, max_retries, extra_headers, extra_query";

/// The core's `RequestOptions` for the keywords given; `None` values are left out (the
/// client's setting applies), unknown keywords are a `TypeError` as for any Python function.
fn request_options(options: &Bound<'_, PyDict>) -> PyResult<zexa::Result<zexa::RequestOptions>> {
    let mut timeout = None;
    let mut max_retries = None;
    let mut headers = Vec::new();
    let mut query = Vec::new();
    for (key, value) in options.iter() {
        let key: String = key.extract()?;
        if value.is_none() {
            continue;
        }
        match key.as_str() {
            "timeout" => timeout = opt_seconds("timeout", Some(&value))?,
            "max_retries" => max_retries = opt_count("max_retries", Some(&value))?,
            "extra_headers" => headers = pairs("extra_headers", &value)?,
            "extra_query" => query = pairs("extra_query", &value)?,
            other => {
                return Err(PyTypeError::new_err(format!(
                    "got an unexpected keyword argument '{other}' (the per-call options are {OPTION_NAMES})"
                )))
            }
        }
    }
    Ok((|| {
        let mut built = zexa::RequestOptions::new();
        if let Some(timeout) = timeout {
            built = built.timeout(timeout.duration("timeout")?);
        }
        if let Some(retries) = max_retries {
            built = built.max_retries(retries.get("max_retries")?);
        }
        for (name, value) in &headers {
            built = built.header(name, value);
        }
        for (name, value) in &query {
            built = built.query(name, value);
        }
        Ok(built)
    })())
}

/// The entries of a mapping of str to str (`extra_query` also takes int, float and bool).
fn pairs(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let mapping = value
        .cast::<PyMapping>()
        .map_err(|_| PyTypeError::new_err(format!("{field} must be a mapping, not {}", type_name(value))))?;
    let mut out = Vec::new();
    for item in mapping.items()?.iter() {
        let (key, item): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let key: String = key.extract().map_err(|_| {
            PyTypeError::new_err(format!("{field} keys must be str, not {}", type_name(&key)))
        })?;
        out.push((key, query_text(field, &item)?));
    }
    Ok(out)
}

/// A header or query value as text: `str` as is, and for `extra_query` a number or a bool
/// (`true`/`false`, as the API spells them).
fn query_text(field: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = value.extract::<String>() {
        return Ok(text);
    }
    if field == "extra_query" {
        if let Ok(flag) = value.cast::<PyBool>() {
            return Ok(if flag.is_true() { "true" } else { "false" }.to_owned());
        }
        if value.is_instance_of::<pyo3::types::PyInt>() || value.is_instance_of::<pyo3::types::PyFloat>() {
            return Ok(value.str()?.to_string());
        }
        return Err(PyTypeError::new_err(format!(
            "extra_query values must be str, int, float or bool, not {}",
            type_name(value)
        )));
    }
    Err(PyTypeError::new_err(format!(
        "{field} values must be str, not {}",
        type_name(value)
    )))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}
