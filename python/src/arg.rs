//! Python arguments as the core takes them: "not given" told apart from `None`, counts and
//! durations checked into the core's integer and `Duration` types, channels and event types
//! refused when this version does not know them. Only translation: every default and every
//! rule about values stays in the core.

use std::time::Duration;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDateTime, PyFloat, PyInt, PyString};

use crate::errors::invalid;

/// The type of `zexa.NOT_GIVEN`: the default of an argument that, left out, is not sent at
/// all (where `None` means "clear it").
#[pyclass(frozen, module = "zexa")]
pub struct NotGiven;

#[pymethods]
impl NotGiven {
    fn __repr__(&self) -> &'static str {
        "NOT_GIVEN"
    }

    /// `NOT_GIVEN` is falsy, as in openai-python.
    fn __bool__(&self) -> bool {
        false
    }

    /// The single instance survives copying and pickling.
    fn __reduce__(&self) -> &'static str {
        "NOT_GIVEN"
    }
}

static NOT_GIVEN: PyOnceLock<Py<NotGiven>> = PyOnceLock::new();

/// The one `NOT_GIVEN` instance.
pub fn not_given(py: Python<'_>) -> PyResult<&Py<NotGiven>> {
    NOT_GIVEN.get_or_try_init(py, || Py::new(py, NotGiven))
}

/// An argument of an update: left out (not sent), `None` (sent as `null`: clear the field), or
/// a value. The default of such a parameter is `Arg::NotGiven`.
pub enum Arg<T> {
    /// Left out, or `NOT_GIVEN` passed explicitly.
    NotGiven,
    /// `None`.
    Null,
    /// A value.
    Value(T),
}

impl<'a, 'py, T> FromPyObject<'a, 'py> for Arg<T>
where
    T: FromPyObject<'a, 'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_none() {
            Ok(Arg::Null)
        } else if obj.is_instance_of::<NotGiven>() {
            Ok(Arg::NotGiven)
        } else {
            obj.extract::<T>().map(Arg::Value).map_err(Into::into)
        }
    }
}

impl<T> Arg<T> {
    /// The value converted by `convert`; not given and `None` stay as they are.
    pub fn map<U>(self, convert: impl FnOnce(T) -> PyResult<U>) -> PyResult<Arg<U>> {
        Ok(match self {
            Arg::NotGiven => Arg::NotGiven,
            Arg::Null => Arg::Null,
            Arg::Value(value) => Arg::Value(convert(value)?),
        })
    }

    /// The value of a field that cannot be cleared: `None` is refused, naming the argument.
    pub fn required(self, name: &str) -> zexa::Result<Option<T>> {
        match self {
            Arg::NotGiven => Ok(None),
            Arg::Null => Err(invalid(name, "cannot be cleared; leave it out to keep it")),
            Arg::Value(value) => Ok(Some(value)),
        }
    }
}

/// A non-negative integer the core takes as `u32` (a page number, a page size, a count).
/// `True` is refused (a `bool` is an `int` in Python); a number too large for the core is an
/// `InvalidInputError` naming the argument (see [`Count::get`]), not an `OverflowError`. The
/// core then checks the range it allows.
pub struct Count(Result<u32, String>);

impl<'a, 'py> FromPyObject<'a, 'py> for Count {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
            return Err(PyTypeError::new_err(format!(
                "must be an int, not {}",
                obj.get_type().name()?
            )));
        }
        // Kept as text: the error needs the argument's name, which only the caller knows.
        Ok(Count(obj.extract::<u32>().map_err(|_| {
            obj.str().map_or_else(|_| "?".to_owned(), |s| s.to_string())
        })))
    }
}

impl Count {
    /// The number, or the input error naming `field`.
    pub fn get(&self, field: &str) -> zexa::Result<u32> {
        self.0
            .clone()
            .map_err(|shown| invalid(field, format!("must be between 0 and {}, got {shown}", u32::MAX)))
    }
}

/// [`Count::get`] of an optional argument.
pub fn count(field: &str, value: Option<Count>) -> zexa::Result<Option<u32>> {
    value.map(|c| c.get(field)).transpose()
}

/// A number of seconds (an `int` or a `float`, not a `bool`) as a `Duration`; negative,
/// infinite and NaN values are refused naming the argument, and zero is the core's to judge.
pub struct Seconds(pub f64);

impl<'a, 'py> FromPyObject<'a, 'py> for Seconds {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyBool>()
            || !(obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>())
        {
            return Err(PyTypeError::new_err(format!(
                "must be a number of seconds (int or float), not {}",
                obj.get_type().name()?
            )));
        }
        Ok(Seconds(obj.extract::<f64>()?))
    }
}

impl Seconds {
    /// The duration, or the input error naming `field`.
    pub fn duration(&self, field: &str) -> zexa::Result<Duration> {
        Duration::try_from_secs_f64(self.0).map_err(|_| {
            invalid(
                field,
                format!("must be a non-negative number of seconds, got {}", self.0),
            )
        })
    }
}

/// [`Seconds::duration`] of an optional argument.
pub fn duration(field: &str, value: Option<Seconds>) -> zexa::Result<Option<Duration>> {
    value.map(|s| s.duration(field)).transpose()
}

/// A channel this version knows; another is refused here with the list of known ones (the
/// escape hatch `client.request` still sends anything).
pub fn channel(field: &str, value: &str) -> zexa::Result<zexa::Channel> {
    match zexa::Channel::from(value) {
        zexa::Channel::Unknown(_) => Err(unknown(field, value, zexa::Channel::KNOWN)),
        known => Ok(known),
    }
}

/// A webhook event type this version knows (as [`channel`]).
pub fn event_type(field: &str, value: &str) -> zexa::Result<zexa::WebhookEventType> {
    match zexa::WebhookEventType::from(value) {
        zexa::WebhookEventType::Unknown(_) => Err(unknown(field, value, zexa::WebhookEventType::KNOWN)),
        known => Ok(known),
    }
}

fn unknown(field: &str, value: &str, known: &[&str]) -> zexa::Error {
    invalid(
        field,
        format!(
            "{value:?} is not one this version of the SDK knows ({}); client.request(...) sends any value",
            known.join(", ")
        ),
    )
}

/// A point in time for the API: an ISO 8601 `str` as given, or a `datetime` (naive means UTC)
/// as its UTC ISO 8601 form.
pub fn timestamp(field: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    if !value.is_instance_of::<PyDateTime>() {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a datetime or an ISO 8601 str, not {}",
            value.get_type().name()?
        )));
    }
    let py = value.py();
    let utc = py.import("datetime")?.getattr("timezone")?.getattr("utc")?;
    let mut moment = value.clone();
    if moment.getattr("tzinfo")?.is_none() {
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("tzinfo", &utc)?;
        moment = moment.call_method("replace", (), Some(&kwargs))?;
    }
    let iso: String = moment
        .call_method1("astimezone", (utc,))?
        .call_method0("isoformat")?
        .extract()?;
    Ok(match iso.strip_suffix("+00:00") {
        Some(base) => format!("{base}Z"),
        None => iso,
    })
}

// ---- arguments converted here so that a wrong type names the argument ----
//
// pyo3 only adds the argument's name as a note (shown in tracebacks from Python 3.11, absent
// from `str(error)`): "'None' is not an instance of 'str'" alone does not say which argument.

fn wrong(name: &str, wanted: &str, value: &Bound<'_, PyAny>) -> PyErr {
    let got = value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string());
    PyTypeError::new_err(format!("{name} must be {wanted}, not {got}"))
}

/// A required `str` argument.
pub fn text(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(text) => Ok(text.to_cow()?.into_owned()),
        Err(_) => Err(wrong(name, "a str", value)),
    }
}

/// An optional `str` argument (`None`: not given).
pub fn opt_text(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    value.filter(|v| !v.is_none()).map(|v| text(name, v)).transpose()
}

/// A list (or any iterable but a `str`) of `str`.
pub fn texts(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if value.is_instance_of::<PyString>() || value.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(wrong(name, "a list of str", value));
    }
    let items = value
        .try_iter()
        .map_err(|_| wrong(name, "a list of str", value))?;
    items
        .map(|item| {
            let item = item?;
            text(&format!("every item of {name}"), &item)
        })
        .collect()
}

/// An optional list of `str`.
pub fn opt_texts(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<String>>> {
    value.filter(|v| !v.is_none()).map(|v| texts(name, v)).transpose()
}

/// A mapping of `str` to `str`.
pub fn text_map(
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<std::collections::BTreeMap<String, String>> {
    let mapping = value
        .cast::<pyo3::types::PyMapping>()
        .map_err(|_| wrong(name, "a mapping of str to str", value))?;
    let mut out = std::collections::BTreeMap::new();
    for item in mapping.items()?.iter() {
        let (key, item): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        out.insert(
            text(&format!("the keys of {name}"), &key)?,
            text(&format!("the values of {name}"), &item)?,
        );
    }
    Ok(out)
}

/// An optional mapping of `str` to `str`.
pub fn opt_text_map(
    name: &str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<std::collections::BTreeMap<String, String>>> {
    value
        .filter(|v| !v.is_none())
        .map(|v| text_map(name, v))
        .transpose()
}

/// An optional `bool`.
pub fn opt_flag(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<bool>> {
    match value.filter(|v| !v.is_none()) {
        None => Ok(None),
        Some(v) => v
            .cast::<PyBool>()
            .map(|b| Some(b.is_true()))
            .map_err(|_| wrong(name, "a bool", v)),
    }
}

/// An optional count (see [`Count`]), its type error naming the argument.
pub fn opt_count(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Count>> {
    value
        .filter(|v| !v.is_none())
        .map(|v| v.extract::<Count>().map_err(|e| prefixed(name, v.py(), e)))
        .transpose()
}

/// An optional number of seconds (see [`Seconds`]), its type error naming the argument.
pub fn opt_seconds(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Seconds>> {
    value
        .filter(|v| !v.is_none())
        .map(|v| v.extract::<Seconds>().map_err(|e| prefixed(name, v.py(), e)))
        .transpose()
}

/// A `TypeError` whose message starts with the argument's name.
pub fn prefixed(name: &str, py: Python<'_>, err: PyErr) -> PyErr {
    if err.is_instance_of::<PyTypeError>(py) {
        PyTypeError::new_err(format!("{name} {}", err.value(py)))
    } else {
        err
    }
}
