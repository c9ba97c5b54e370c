//! [`Record`]: the native base class of every Python model (`zexa.Model` subclasses it). Each
//! instance holds a core model, decoded by the core exactly as for Rust users, and converts a
//! field to a Python object only when it is read (`field.rs`): iterating 100 000 contacts
//! for their phone numbers makes 100 000 model objects and 100 000 strings, nothing else.
//!
//! The binding builds the instances of the Python class registered for each core model
//! (`models.rs`); `Class(dict)` decodes the dict into that core model, so a model built by
//! hand is checked like one from the API.

use std::cell::Cell;

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};

use crate::convert::py_to_value;
use crate::errors::decode_error;
use crate::models::{class_of, decode_for_class, CoreModel, CoreValue};

/// The base class of the Python models: a core model, read-only.
#[pyclass(frozen, subclass, module = "zexa._native")]
pub struct Record {
    model: CoreValue,
}

thread_local! {
    /// The core model that the instance [`ModelClass::instance`] is building takes.
    static PENDING: Cell<Option<CoreValue>> = const { Cell::new(None) };
}

/// The private argument with which the binding calls `Record`'s constructor to make it take
/// [`PENDING`]: Python code cannot pass it, so no other construction on this thread (say, in a
/// finalizer run during the allocation) can take the pending model.
static BUILD_TOKEN: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn build_token(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    BUILD_TOKEN
        .get_or_try_init(py, || py.get_type::<PyAny>().call0().map(Bound::unbind))
        .map(|token| token.bind(py))
}

/// `(BUILD_TOKEN,)`: the arguments with which the binding calls `Record`'s constructor.
static TOKEN_ARGS: PyOnceLock<Py<PyTuple>> = PyOnceLock::new();

#[pymethods]
impl Record {
    /// `Class(data)`: decodes the JSON fields `data` into the class's core model
    /// (`DecodeError` when they do not fit it).
    #[new]
    #[classmethod]
    #[pyo3(signature = (data=None))]
    fn new(cls: &Bound<'_, PyType>, data: Option<&Bound<'_, PyAny>>) -> PyResult<Record> {
        let py = cls.py();
        let Some(data) = data else {
            return Err(PyTypeError::new_err(format!(
                "{}() takes a dict of JSON fields",
                cls.name()?
            )));
        };
        if data.is(build_token(py)?) {
            return PENDING
                .take()
                .map(|model| Record { model })
                .ok_or_else(|| PyRuntimeError::new_err("no core model is pending"));
        }
        let Ok(core) = cls.getattr(intern!(py, "_core")) else {
            return Err(PyTypeError::new_err(format!(
                "{} is not a concrete model class (it has no _core)",
                cls.name()?
            )));
        };
        let core: String = core.extract()?;
        let dict = as_dict(cls, data)?;
        match decode_for_class(&core, py_to_value(dict.as_any())?)? {
            Ok(model) => Ok(Record { model }),
            Err(e) => Err(decode_error(py, format!("not a valid {core}: {e}"))),
        }
    }

    /// The whole model as a new dict of its JSON fields.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        Ok(self.model.to_py(py)?.cast_into::<PyDict>()?)
    }
}

impl Record {
    /// The JSON field `key` as a Python object; `None` when the model does not have it.
    pub fn field<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.model.field(py, key)
    }
}

/// `data` as a dict: itself, or `dict(data)` for another mapping.
fn as_dict<'py>(cls: &Bound<'py, PyType>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    if let Ok(dict) = data.cast::<PyDict>() {
        return Ok(dict.clone());
    }
    let py = cls.py();
    let mapping = py
        .import(intern!(py, "collections.abc"))?
        .getattr(intern!(py, "Mapping"))?;
    if data.is_instance(&mapping)? {
        return Ok(py.get_type::<PyDict>().call1((data,))?.cast_into::<PyDict>()?);
    }
    Err(PyTypeError::new_err(format!(
        "{} takes a mapping of JSON fields, not {}",
        cls.name()?,
        data.get_type().name()?
    )))
}

/// `Record`'s `tp_new`, which builds an instance of any subclass with that subclass's layout.
static RECORD_NEW: PyOnceLock<ffi::newfunc> = PyOnceLock::new();

/// A model class, checked to be a subclass of [`Record`], whose instances the binding builds.
struct ModelClass<'py> {
    cls: Bound<'py, PyType>,
    new: ffi::newfunc,
    /// `(BUILD_TOKEN,)`, the constructor's arguments.
    token_args: Bound<'py, PyTuple>,
}

impl<'py> ModelClass<'py> {
    fn new(cls: Bound<'py, PyType>) -> PyResult<ModelClass<'py>> {
        let py = cls.py();
        if !cls.is_subclass_of::<Record>()? {
            return Err(PyTypeError::new_err(format!(
                "{} is not a model class",
                cls.name()?
            )));
        }
        let new = *RECORD_NEW.get_or_try_init(py, || {
            let record = py.get_type::<Record>();
            // SAFETY: `record` is a live type object; a heap type (pyo3 makes them with
            // PyType_FromSpec) answers PyType_GetSlot on every supported Python.
            let slot = unsafe { ffi::PyType_GetSlot(record.as_type_ptr(), ffi::Py_tp_new) };
            if slot.is_null() {
                return Err(PyRuntimeError::new_err("Record has no tp_new"));
            }
            // SAFETY: a non-NULL `Py_tp_new` slot holds a `newfunc`.
            Ok(unsafe { std::mem::transmute::<*mut std::ffi::c_void, ffi::newfunc>(slot) })
        })?;
        Ok(ModelClass {
            cls,
            new,
            token_args: TOKEN_ARGS
                .get_or_try_init(py, || PyTuple::new(py, [build_token(py)?]).map(Bound::unbind))?
                .bind(py)
                .clone(),
        })
    }

    /// An instance holding `model`. The class's own `__new__` and `__init__` are not run;
    /// `Record`'s constructor, given the build token, takes `model` from [`PENDING`].
    fn instance(&self, model: CoreValue) -> PyResult<Bound<'py, PyAny>> {
        PENDING.set(Some(model));
        // SAFETY: `cls` is a subclass of Record (checked in `new`), the kind of type Record's
        // tp_new allocates; `token_args` is a live tuple and no keywords are passed.
        let made = unsafe {
            (self.new)(
                self.cls.as_type_ptr(),
                self.token_args.as_ptr(),
                std::ptr::null_mut(),
            )
        };
        // Dropped here if the constructor failed before taking it.
        drop(PENDING.take());
        // SAFETY: `made` is a new reference, or NULL with an exception set.
        unsafe { Bound::from_owned_ptr_or_err(self.cls.py(), made) }
    }
}

/// A core model as an instance of its registered Python class.
pub fn into_model<T: CoreModel>(py: Python<'_>, model: T) -> PyResult<Py<PyAny>> {
    let class = ModelClass::new(class_of(py, T::NAME)?)?;
    Ok(class.instance(model.into())?.unbind())
}

/// Core models (a page's items) as a list of instances of their registered Python class.
pub fn into_models<T: CoreModel>(py: Python<'_>, models: Vec<T>) -> PyResult<Bound<'_, PyList>> {
    let class = ModelClass::new(class_of(py, T::NAME)?)?;
    let list = PyList::empty(py);
    for model in models {
        list.append(class.instance(model.into())?)?;
    }
    Ok(list)
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
