//! [`ToPyField`]: one field of a core model as the Python value its getter returns. Text and
//! numbers as such, lists as tuples (models are immutable), maps as new dicts, the core's
//! string enums as their text (unknown values included), nested models as their classes.
//! Timestamps are kept as text by the core and become aware UTC `datetime`s here ([`Timestamp`]).

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::{OffsetDateTime, PrimitiveDateTime, UtcDateTime};

use crate::convert::value_to_py;
use crate::errors::decode_error;

/// A field value as the Python object its getter returns.
pub trait ToPyField {
    /// The value as a new Python object.
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl ToPyField for String {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

/// Numbers and booleans: pyo3's own conversion.
macro_rules! plain {
    ($($ty:ty),*) => {$(
        impl ToPyField for $ty {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.into_pyobject(py)?.to_owned().into_any())
            }
        }
    )*};
}
plain!(bool, u32, u64, usize, f64);

/// The core's string enums: their text as the API spells it.
macro_rules! text {
    ($($ty:ty),*) => {$(
        impl ToPyField for $ty {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(PyString::new(py, self.as_str()).into_any())
            }
        }
    )*};
}
text!(
    zexa::Channel,
    zexa::CampaignStatus,
    zexa::MessageStatus,
    zexa::ExportStatus,
    zexa::SenderIdStatus,
    zexa::WebhookEventType,
    zexa::SmsEncoding
);

impl<T: ToPyField> ToPyField for Option<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_py(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: ToPyField> ToPyField for Vec<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|item| item.to_py(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyTuple::new(py, items)?.into_any())
    }
}

impl ToPyField for BTreeMap<String, String> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let dict = PyDict::new(py);
        for (key, value) in self {
            dict.set_item(key, value)?;
        }
        Ok(dict.into_any())
    }
}

impl ToPyField for serde_json::Value {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value_to_py(py, self)
    }
}

/// A timestamp field (`created_at`...): the core keeps the text as received; its getter returns
/// an aware UTC `datetime`, and text that is not a timestamp raises `DecodeError` when read.
pub trait Timestamp {
    /// The timestamp as an aware UTC `datetime` (`None` stays `None`).
    fn timestamp_to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl Timestamp for String {
    fn timestamp_to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let at = parse_timestamp(self)
            .ok_or_else(|| decode_error(py, format!("not an ISO 8601 timestamp: {self:?}")))?;
        Ok(at.into_pyobject(py)?.into_any())
    }
}

impl Timestamp for Option<String> {
    fn timestamp_to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(text) => text.timestamp_to_py(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

/// RFC 3339 (`2026-06-24T10:00:00Z`, any offset, up to nanoseconds: Python keeps microseconds),
/// or an ISO 8601 time without offset, taken as UTC.
fn parse_timestamp(text: &str) -> Option<UtcDateTime> {
    if let Ok(at) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(at.to_utc());
    }
    PrimitiveDateTime::parse(text, &Iso8601::DEFAULT)
        .ok()
        .map(PrimitiveDateTime::as_utc)
}
