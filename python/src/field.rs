//! [`NativeField`]: the descriptor behind every field of the Python models (`zexa.Field`
//! subclasses it for its type parameter). Reading `contact.phone` is one native call that
//! picks the field out of the model's core model (a [`Record`]), with no Python frame.

use pyo3::exceptions::PyAttributeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::record::{set_slot, Record};

/// A read-only field of a model: the JSON value of `key`, converted by `convert` (if given)
/// the first time it is read and kept in the model's `_cache`.
#[pyclass(frozen, subclass, module = "zexa._native")]
pub struct NativeField {
    key: Py<PyString>,
    /// `key` as Rust text, to pick the field out of a record without converting it.
    name: Box<str>,
    convert: Option<Py<PyAny>>,
}

#[pymethods]
impl NativeField {
    #[new]
    #[pyo3(signature = (key, convert=None))]
    fn new(key: Bound<'_, PyString>, convert: Option<Py<PyAny>>) -> PyResult<NativeField> {
        Ok(NativeField {
            name: key.to_cow()?.into(),
            key: key.unbind(),
            convert,
        })
    }

    /// The JSON field's name.
    #[getter]
    fn key(&self, py: Python<'_>) -> Py<PyString> {
        self.key.clone_ref(py)
    }

    /// The conversion applied to the JSON value, if any.
    #[getter]
    fn convert(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.convert.as_ref().map(|c| c.clone_ref(py))
    }

    fn __get__<'py>(
        slf: &Bound<'py, Self>,
        obj: Option<&Bound<'py, PyAny>>,
        _owner: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let Some(obj) = obj.filter(|obj| !obj.is_none()) else {
            return Ok(slf.clone().into_any());
        };
        let field = slf.get();
        let key = field.key.bind(py);
        let record = obj.cast::<Record>()?;
        let value = record.get().field(py, &field.name)?;
        let Some(value) = value.filter(|value| !value.is_none()) else {
            return Ok(py.None().into_bound(py));
        };
        let Some(convert) = &field.convert else {
            return Ok(value);
        };
        let cache = match obj.getattr(intern!(py, "_cache")) {
            Ok(cache) => cache.cast_into::<PyDict>()?,
            Err(e) if e.is_instance_of::<PyAttributeError>(py) => {
                let cache = PyDict::new(py);
                set_slot(obj, intern!(py, "_cache"), cache.as_any())?;
                cache
            }
            Err(e) => return Err(e),
        };
        if let Some(converted) = cache.get_item(key)? {
            return Ok(converted);
        }
        let converted = convert.bind(py).call1((value,))?;
        cache.set_item(key, &converted)?;
        Ok(converted)
    }
}
