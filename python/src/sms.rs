//! SMS segments and cost: the core's `zexa::sms_segments`, `zexa::sms_smart_encode` and
//! `Campaigns::preview`, returned as the package's models (`zexa.SmsSegments`...).

use pyo3::prelude::*;
use zexa::Channel;

use crate::client::NativeClient;

use crate::models::into_model;

/// The encoding and billed segments of an SMS body, as `zexa.SmsSegments`.
#[pyfunction]
pub fn sms_segments(py: Python<'_>, text: &str) -> PyResult<Py<PyAny>> {
    into_model(py, zexa::sms_segments(text))
}

/// `text` with GSM-7 look-alikes, as `zexa.SmsSmartEncoded`.
#[pyfunction]
#[pyo3(signature = (text, transliterate))]
pub fn sms_smart_encode(py: Python<'_>, text: &str, transliterate: bool) -> PyResult<Py<PyAny>> {
    into_model(py, zexa::sms_smart_encode(text, transliterate))
}

/// `client.campaigns.preview(...)` (GIL released during the request), as `zexa.CampaignPreview`.
#[pyfunction]
#[pyo3(signature = (native, contact_list_id, channel, body))]
pub fn campaigns_preview(
    py: Python<'_>,
    native: PyRef<'_, NativeClient>,
    contact_list_id: &str,
    channel: &str,
    body: &str,
) -> PyResult<Py<PyAny>> {
    let client = native.core();
    let preview = crate::run::call(py, || {
        client
            .campaigns()
            .preview(contact_list_id, Channel::from(channel), body)
    })?;
    into_model(py, preview)
}

/// Registers the functions of this file in `_native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sms_segments, m)?)?;
    m.add_function(wrap_pyfunction!(sms_smart_encode, m)?)?;
    m.add_function(wrap_pyfunction!(campaigns_preview, m)?)?;
    Ok(())
}
