//! `zexa._native`: the Python binding of the `zexa` crate. The Python package `zexa` wraps it;
//! validation, retries, paging and error classification all stay in the core.

mod bulk;
mod cli;
mod client;
mod convert;
mod errors;
mod keepalive;
mod logging;
mod models;
mod network;
mod page;
mod record;
mod run;
mod sms;
mod testing;

use pyo3::prelude::*;

use crate::errors::check;
use crate::record::into_model;

/// Converts a written phone number to E.164, as the core's `zexa::to_e164`.
#[pyfunction]
#[pyo3(signature = (number, default_country_code=None))]
fn to_e164(py: Python<'_>, number: &str, default_country_code: Option<&str>) -> PyResult<String> {
    check(py, zexa::to_e164(number, default_country_code))
}

/// Parses a webhook request body into a `WebhookEvent` model.
#[pyfunction]
fn parse_webhook_event(py: Python<'_>, payload: &[u8]) -> PyResult<Py<PyAny>> {
    into_model(py, check(py, zexa::parse_webhook_event(payload))?)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install(m.py());
    m.add("CORE_VERSION", zexa::VERSION)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<network::NetworkOptions>()?;
    m.add_class::<page::NativePage>()?;
    models::register(m)?;
    m.add_class::<testing::NativeSandbox>()?;
    m.add_function(wrap_pyfunction!(to_e164, m)?)?;
    m.add_function(wrap_pyfunction!(parse_webhook_event, m)?)?;
    sms::register(m)?;
    bulk::register(m)?;
    m.add_function(wrap_pyfunction!(cli::run_cli, m)?)?;
    Ok(())
}
