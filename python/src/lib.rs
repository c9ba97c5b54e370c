//! `zexa._native`: the Python binding of the `zexa` crate. The Python package `zexa` wraps it;
//! validation, retries, paging and error classification all stay in the core.

mod arg;
mod bulk;
mod call;
mod cli;
mod client;
mod convert;
mod errors;
mod keepalive;
mod logging;
mod models;
mod network;
mod page;
mod pool;
mod raw;
mod resources;
mod run;
mod sms;
mod testing;

use pyo3::prelude::*;

use crate::errors::check;
use crate::models::into_model;

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
    // The values of the core's enums, which the `Literal` types of `zexa/_types.py` spell out
    // for the type checkers (a test keeps them equal).
    m.add("CHANNELS", zexa::Channel::KNOWN)?;
    m.add("CAMPAIGN_STATUSES", zexa::CampaignStatus::KNOWN)?;
    m.add("MESSAGE_STATUSES", zexa::MessageStatus::KNOWN)?;
    m.add("EXPORT_STATUSES", zexa::ExportStatus::KNOWN)?;
    m.add("SENDER_ID_STATUSES", zexa::SenderIdStatus::KNOWN)?;
    m.add("WEBHOOK_EVENT_TYPES", zexa::WebhookEventType::KNOWN)?;
    // The default size of `zexa.AsyncClient`'s worker pool: one worker per idle connection
    // the core keeps for reuse.
    m.add("DEFAULT_MAX_IDLE_CONNECTIONS", zexa::DEFAULT_MAX_IDLE_CONNECTIONS)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<network::NetworkOptions>()?;
    models::register(m)?;
    m.add_class::<page::Page>()?;
    m.add_class::<page::Items>()?;
    m.add_class::<page::Pages>()?;
    m.add_class::<arg::NotGiven>()?;
    m.add("NOT_GIVEN", arg::not_given(m.py())?.clone_ref(m.py()))?;
    m.add_class::<pool::WorkerPool>()?;
    m.add_class::<pool::Ticket>()?;
    m.add_class::<pool::ResultChannel>()?;
    resources::register(m)?;
    m.add_class::<testing::NativeSandbox>()?;
    m.add_function(wrap_pyfunction!(to_e164, m)?)?;
    m.add_function(wrap_pyfunction!(parse_webhook_event, m)?)?;
    sms::register(m)?;
    m.add_function(wrap_pyfunction!(cli::run_cli, m)?)?;
    Ok(())
}
