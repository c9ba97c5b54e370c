//! JSON text straight into Python objects (a serde `DeserializeSeed`): the items of a page go
//! from the bytes of the answer to dicts in one pass, with no Rust model or `Value` between.

use std::cell::RefCell;
use std::fmt;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// Object keys already made into Python strings. The items of a page share their keys, so a
/// key is made (and hashed, the hash being kept in the string) once per page, not per item.
#[derive(Default)]
pub struct KeyCache {
    keys: RefCell<Vec<(Box<str>, Py<PyString>)>>,
}

/// Beyond this many distinct keys, new ones are not cached (a page of objects with ever new
/// keys would make the linear search slow).
const MAX_CACHED_KEYS: usize = 64;

impl KeyCache {
    fn key<'py>(&self, py: Python<'py>, key: &str) -> Bound<'py, PyString> {
        let mut keys = self.keys.borrow_mut();
        if let Some((_, cached)) = keys.iter().find(|(k, _)| &**k == key) {
            return cached.bind(py).clone();
        }
        let made = PyString::new(py, key);
        if keys.len() < MAX_CACHED_KEYS {
            keys.push((key.into(), made.clone().unbind()));
        }
        made
    }
}

/// One JSON document as the matching Python object: dict, list, str, int, float, bool or None.
pub fn json_to_py<'py>(py: Python<'py>, json: &str, keys: &KeyCache) -> PyResult<Bound<'py, PyAny>> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    ToPyObject { py, keys }
        .deserialize(&mut deserializer)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("invalid JSON item: {e}")))
}

/// Builds the Python object of whatever value comes next.
#[derive(Clone, Copy)]
struct ToPyObject<'a, 'py> {
    py: Python<'py>,
    keys: &'a KeyCache,
}

/// Builds the Python string of an object key, through the cache.
struct ToPyKey<'a, 'py>(ToPyObject<'a, 'py>);

impl<'de, 'py> DeserializeSeed<'de> for ToPyKey<'_, 'py> {
    type Value = Bound<'py, PyString>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, 'py> Visitor<'de> for ToPyKey<'_, 'py> {
    type Value = Bound<'py, PyString>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.keys.key(self.0.py, v))
    }
}

/// Turns a Python error into the deserializer's error (it carries only a message).
fn py_err<E: de::Error>(e: PyErr) -> E {
    E::custom(e)
}

impl<'de, 'py> DeserializeSeed<'de> for ToPyObject<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, 'py> Visitor<'de> for ToPyObject<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(PyFloat::new(self.py, v).into_any())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(PyString::new(self.py, v).into_any())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let list = PyList::empty(self.py);
        while let Some(item) = seq.next_element_seed(self)? {
            list.append(item).map_err(py_err)?;
        }
        Ok(list.into_any())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let dict = PyDict::new(self.py);
        while let Some(key) = map.next_key_seed(ToPyKey(self))? {
            let value = map.next_value_seed(self)?;
            dict.set_item(key, value).map_err(py_err)?;
        }
        Ok(dict.into_any())
    }
}
