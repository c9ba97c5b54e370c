//! Which core model each Python model class wraps. A Python model class names its core model
//! in `_core` and registers itself (`Model.__init_subclass__` calls [`register_model`]); the
//! binding then builds instances of that class for every core model of that type it returns,
//! and decodes `Class(dict)` into that core model.

use std::sync::Mutex;

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::PyType;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::pick::pick_field;
use crate::record::Record;
use crate::to_py::ToPy;

/// A core model the Python package wraps, with the name its Python class gives in `_core`.
pub trait CoreModel: DeserializeOwned + Into<CoreValue> + Send + Sync + 'static {
    /// The model's name, as in `_core`.
    const NAME: &'static str;
}

/// Declares [`CoreValue`] with a variant per core model, and what each model needs.
macro_rules! core_models {
    ($($ty:ident),* $(,)?) => {
        /// Any core model, held inline (not boxed): a page's items need no allocation of their
        /// own beyond the Python object that holds each one.
        pub enum CoreValue {
            $(#[doc = concat!("A `zexa::", stringify!($ty), "`.")] $ty(zexa::$ty),)*
        }

        $(impl CoreModel for zexa::$ty {
            const NAME: &'static str = stringify!($ty);
        }

        impl From<zexa::$ty> for CoreValue {
            fn from(model: zexa::$ty) -> CoreValue {
                CoreValue::$ty(model)
            }
        })*

        /// Every model name [`decode_named`] knows.
        pub const NAMES: &[&str] = &[$(stringify!($ty)),*];

        /// Decodes `value` into the core model named `name` (`None`: no such model).
        fn decode_named(name: &str, value: serde_json::Value) -> Option<serde_json::Result<CoreValue>> {
            match name {
                $(stringify!($ty) => Some(serde_json::from_value::<zexa::$ty>(value).map(CoreValue::from)),)*
                _ => None,
            }
        }

        impl CoreValue {
            /// The JSON field `key` as a Python object; `None` when the model does not have it.
            pub fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
                match self {
                    $(CoreValue::$ty(model) => pick_field(py, model, key),)*
                }
            }

            /// The whole model as a dict of its JSON fields (unknown fields included).
            pub fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                match self {
                    $(CoreValue::$ty(model) => model.serialize(ToPy(py)).map_err(|e| e.0),)*
                }
            }
        }
    };
}

core_models!(
    Contact,
    ContactList,
    Campaign,
    Message,
    SenderId,
    Webhook,
    Credits,
    Export,
    UploadPreview,
    ImportRowError,
    ImportResult,
    WebhookEventData,
    WebhookEvent,
    SmsCharacter,
    SmsSegments,
    SmsReplacement,
    SmsSmartEncoded,
    CampaignPreview,
);

/// Decodes the JSON fields of `Class(data)` into the core model the class wraps.
pub fn decode_for_class(name: &str, value: serde_json::Value) -> PyResult<serde_json::Result<CoreValue>> {
    decode_named(name, value).ok_or_else(|| PyTypeError::new_err(format!("no core model is named {name:?}")))
}

/// The registered Python class of each core model, by name (a handful: a list is enough).
static CLASSES: Mutex<Vec<(&'static str, Py<PyType>)>> = Mutex::new(Vec::new());

/// Registers `cls` as the Python class of the core model named by its `_core`.
#[pyfunction]
pub fn register_model(cls: &Bound<'_, PyType>) -> PyResult<()> {
    if !cls.is_subclass_of::<Record>()? {
        return Err(PyTypeError::new_err(format!(
            "{} is not a subclass of Record",
            cls.name()?
        )));
    }
    let core: String = cls.getattr("_core")?.extract()?;
    let Some(name) = NAMES.iter().copied().find(|name| *name == core) else {
        return Err(PyTypeError::new_err(format!(
            "{} names an unknown core model {core:?} in _core",
            cls.name()?
        )));
    };
    let mut classes = CLASSES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    classes.retain(|(known, _)| *known != name);
    classes.push((name, cls.clone().unbind()));
    Ok(())
}

/// The Python class registered for the core model named `name`.
pub fn class_of<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    let classes = CLASSES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    classes
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, cls)| cls.bind(py).clone())
        .ok_or_else(|| PyRuntimeError::new_err(format!("no Python class is registered for {name}")))
}
