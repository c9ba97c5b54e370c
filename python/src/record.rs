//! [`Record`]: a response model of the core, handed to Python as it is. The Python models
//! (`zexa/_models.py`) read it one field at a time, so a field nobody reads is never turned
//! into a Python object: iterating 100 000 contacts for their phone numbers makes 100 000
//! strings, not a dict of ten values per contact.
//!
//! Pages and single calls go through the same typed models as the Rust SDK, so what is
//! valid (and what is a `DecodeError`) is decided once, in the core.

use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};
use serde::Serialize;

use crate::pick::pick_field;
use crate::to_py::ToPy;

/// A core model whose fields can be read by their JSON name. Every `Serialize` model is one.
pub trait AnyModel: Send + Sync {
    /// The JSON field `key` as a Python object; `None` when the model does not have it.
    fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>>;

    /// The whole model as a dict of its JSON fields (unknown fields included).
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl<T: Serialize + Send + Sync> AnyModel for T {
    fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        pick_field(py, self, key)
    }

    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.serialize(ToPy(py)).map_err(|e| e.0)
    }
}

/// A core model, read-only, its fields read by JSON name (`get`) or all at once (`to_dict`).
#[pyclass(frozen, module = "zexa._native")]
pub struct Record {
    model: Box<dyn AnyModel>,
}

impl Record {
    /// Wraps a core model.
    pub fn new<T: Serialize + Send + Sync + 'static>(model: T) -> Record {
        Record {
            model: Box::new(model),
        }
    }

    /// Wraps an already boxed core model.
    pub fn from_box(model: Box<dyn AnyModel>) -> Record {
        Record { model }
    }

    /// The JSON field `key` as a Python object; `None` when the model does not have it.
    pub fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.model.field(py, key)
    }
}

#[pymethods]
impl Record {
    /// The JSON field `key`, converted to Python; `default` when the model does not have it.
    #[pyo3(signature = (key, default=None))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        Ok(match self.model.field(py, key)? {
            Some(value) => value,
            None => default.unwrap_or_else(|| py.None().into_bound(py)),
        })
    }

    /// The whole model as a new dict of its JSON fields.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        Ok(self.model.to_py(py)?.cast_into::<PyDict>()?)
    }
}

static MODEL_BASE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Checks that `cls` is a model class: a subclass of `zexa._models.Model`.
pub fn check_model_class(cls: &Bound<'_, PyType>) -> PyResult<()> {
    let py = cls.py();
    let base = MODEL_BASE.get_or_try_init(py, || {
        py.import("zexa._models")?
            .getattr("Model")?
            .cast_into::<PyType>()
            .map(Bound::unbind)
            .map_err(PyErr::from)
    })?;
    if cls.is_subclass(base.bind(py))? {
        Ok(())
    } else {
        Err(PyTypeError::new_err(format!(
            "{} is not a zexa model class",
            cls.name()?
        )))
    }
}

/// An instance of the model class `cls` holding `record` in its `_raw` slot, as `Model._of`
/// is documented to give, at a fraction of the cost of a Python-level constructor (a page
/// builds one per item). `__init__` is not called.
pub fn model_of<'py>(cls: &Bound<'py, PyType>, record: Bound<'py, Record>) -> PyResult<Bound<'py, PyAny>> {
    check_model_class(cls)?;
    // SAFETY: `cls` was just checked to be a model class.
    unsafe { model_of_unchecked(cls, record) }
}

/// [`model_of`] without the class check, for a page's items (checked once per page).
///
/// # Safety
/// `cls` must have passed [`check_model_class`]: a subclass of the pure-Python class `Model`
/// has the plain object layout (plus slots) that `PyType_GenericAlloc` sets up, as
/// `object.__new__` does.
pub unsafe fn model_of_unchecked<'py>(
    cls: &Bound<'py, PyType>,
    record: Bound<'py, Record>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = cls.py();
    // SAFETY: see the function's contract; a NULL result is a raised MemoryError.
    let instance =
        unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyType_GenericAlloc(cls.as_type_ptr(), 0))? };
    set_slot(&instance, intern!(py, "_raw"), record.as_any())?;
    Ok(instance)
}

/// Sets the attribute `name` of `obj` the way `object.__setattr__` does, bypassing the
/// models' own `__setattr__`, which refuses every assignment (they are read-only).
pub fn set_slot(
    obj: &Bound<'_, PyAny>,
    name: &Bound<'_, PyString>,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    // SAFETY: the three pointers are live objects borrowed for the duration of the call, and
    // PyObject_GenericSetAttr takes no ownership of them.
    let status = unsafe { ffi::PyObject_GenericSetAttr(obj.as_ptr(), name.as_ptr(), value.as_ptr()) };
    if status < 0 {
        Err(PyErr::take(obj.py()).unwrap_or_else(|| PyTypeError::new_err("cannot set a model slot")))
    } else {
        Ok(())
    }
}
