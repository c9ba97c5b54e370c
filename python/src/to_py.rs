//! A serde `Serializer` that builds Python objects straight from a model (a field that is read,
//! or the whole model for `to_dict()`): no `serde_json::Value` or JSON text in between.
//!
//! Objects become dicts, sequences lists, `None`/unit `None`; it covers what the core's models
//! and `serde_json::Value` produce (enum variants other than unit ones are not needed there).

use std::fmt;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::BoundObject;
use serde::ser::{self, Serialize};

/// Serializes into Python objects holding the GIL of `py`.
#[derive(Clone, Copy)]
pub struct ToPy<'py>(pub Python<'py>);

/// A Python error raised while building objects.
#[derive(Debug)]
pub struct ToPyError(pub PyErr);

impl fmt::Display for ToPyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for ToPyError {}

impl ser::Error for ToPyError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ToPyError(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for ToPyError {
    fn from(e: PyErr) -> Self {
        ToPyError(e)
    }
}

type Result<'py> = std::result::Result<Bound<'py, PyAny>, ToPyError>;

fn object<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> Result<'py> {
    Ok(value
        .into_pyobject(py)
        .map_err(Into::into)?
        .into_any()
        .into_bound())
}

/// A list under construction.
pub struct SeqToPy<'py> {
    py: Python<'py>,
    list: Bound<'py, PyList>,
}

/// A dict under construction, and the key waiting for its value.
pub struct MapToPy<'py> {
    py: Python<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::Serializer for ToPy<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    type SerializeSeq = SeqToPy<'py>;
    type SerializeTuple = SeqToPy<'py>;
    type SerializeTupleStruct = SeqToPy<'py>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, ToPyError>;
    type SerializeMap = MapToPy<'py>;
    type SerializeStruct = MapToPy<'py>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, ToPyError>;

    fn serialize_bool(self, v: bool) -> Result<'py> {
        Ok(pyo3::types::PyBool::new(self.0, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_i16(self, v: i16) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_i32(self, v: i32) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_i64(self, v: i64) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_u8(self, v: u8) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_u16(self, v: u16) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_u32(self, v: u32) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_u64(self, v: u64) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_f32(self, v: f32) -> Result<'py> {
        object(self.0, f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<'py> {
        object(self.0, v)
    }
    fn serialize_char(self, v: char) -> Result<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<'py> {
        Ok(PyString::new(self.0, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<'py> {
        Ok(pyo3::types::PyBytes::new(self.0, v).into_any())
    }
    fn serialize_none(self) -> Result<'py> {
        Ok(self.0.None().into_bound(self.0))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<'py> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _value: &T,
    ) -> Result<'py> {
        Err(ser::Error::custom(format!(
            "variant {variant} with data is not supported"
        )))
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<SeqToPy<'py>, ToPyError> {
        Ok(SeqToPy {
            py: self.0,
            list: PyList::empty(self.0),
        })
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<SeqToPy<'py>, ToPyError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> std::result::Result<SeqToPy<'py>, ToPyError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, ToPyError> {
        Err(ser::Error::custom(format!(
            "variant {variant} with data is not supported"
        )))
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<MapToPy<'py>, ToPyError> {
        Ok(MapToPy {
            py: self.0,
            dict: PyDict::new(self.0),
            key: None,
        })
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> std::result::Result<MapToPy<'py>, ToPyError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, ToPyError> {
        Err(ser::Error::custom(format!(
            "variant {variant} with data is not supported"
        )))
    }
}

impl<'py> SeqToPy<'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), ToPyError> {
        self.list.append(value.serialize(ToPy(self.py))?)?;
        Ok(())
    }
}

/// Sequences, tuples and tuple structs all become lists: one impl each, the same body.
macro_rules! list_serializer {
    ($trait:ident, $method:ident) => {
        impl<'py> ser::$trait for SeqToPy<'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = ToPyError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), ToPyError> {
                self.push(value)
            }
            fn end(self) -> Result<'py> {
                Ok(self.list.into_any())
            }
        }
    };
}

list_serializer!(SerializeSeq, serialize_element);
list_serializer!(SerializeTuple, serialize_element);
list_serializer!(SerializeTupleStruct, serialize_field);

impl<'py> ser::SerializeMap for MapToPy<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> std::result::Result<(), ToPyError> {
        self.key = Some(key.serialize(ToPy(self.py))?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), ToPyError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <ToPyError as ser::Error>::custom("a map value came without its key"))?;
        self.dict.set_item(key, value.serialize(ToPy(self.py))?)?;
        Ok(())
    }
    fn end(self) -> Result<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for MapToPy<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> std::result::Result<(), ToPyError> {
        self.dict.set_item(key, value.serialize(ToPy(self.py))?)?;
        Ok(())
    }
    fn end(self) -> Result<'py> {
        Ok(self.dict.into_any())
    }
}
