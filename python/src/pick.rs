//! One field of a model, by its JSON name, as a Python object: the model is serialized with a
//! serializer that skips every field but that one, so nothing else is converted or allocated.
//!
//! Models are structs (`serialize_struct`), or maps when they keep unknown fields
//! (`#[serde(flatten)]` makes serde emit the struct as a map of entries); both are walked.

use pyo3::prelude::*;
use serde::ser::{self, Impossible, Serialize};

use crate::to_py::{ToPy, ToPyError};

/// The JSON field `key` of `model`, or `None` when it is absent.
pub fn pick_field<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    model: &T,
    key: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    model.serialize(Pick { py, key }).map_err(|e| e.0)
}

/// Serializes a model keeping only the field `key`.
struct Pick<'a, 'py> {
    py: Python<'py>,
    key: &'a str,
}

/// Walks the fields of an object, converting the one named `key`.
struct PickFields<'a, 'py> {
    py: Python<'py>,
    key: &'a str,
    /// Whether the map key just given is `key` (its value comes next).
    next_is_wanted: bool,
    found: Option<Bound<'py, PyAny>>,
}

type Found<'py> = Result<Option<Bound<'py, PyAny>>, ToPyError>;

impl<'py> PickFields<'_, 'py> {
    fn keep<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), ToPyError> {
        // The first occurrence wins, as it does for a known field shadowing an unknown one.
        if self.found.is_none() {
            self.found = Some(value.serialize(ToPy(self.py))?);
        }
        Ok(())
    }
}

/// Serializer methods that answer `$answer` whatever the value: the scalars (`scalars`) and
/// the sequences and variants (`compounds`), which neither serializer here walks into.
macro_rules! answer {
    (scalars $ok:ty => $answer:expr) => {
        answer!(@each $ok => $answer;
            serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
            serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
            serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
            serialize_bytes(&[u8]); serialize_none(); serialize_unit();
            serialize_unit_struct(&'static str);
            serialize_unit_variant(&'static str, u32, &'static str););
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<$ok, ToPyError> {
            $answer
        }
    };
    (@each $ok:ty => $answer:expr; $($method:ident($($arg:ty),*);)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, ToPyError> { $answer })*
    };
    (compounds $message:expr) => {
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, ToPyError> {
            Err(ser::Error::custom($message))
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, ToPyError> {
            Err(ser::Error::custom($message))
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, ToPyError> {
            Err(ser::Error::custom($message))
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, ToPyError> {
            Err(ser::Error::custom($message))
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, ToPyError> {
            Err(ser::Error::custom($message))
        }
    };
}

const NOT_AN_OBJECT: &str = "a model must serialize as a JSON object";

impl<'a, 'py> ser::Serializer for Pick<'a, 'py> {
    type Ok = Option<Bound<'py, PyAny>>;
    type Error = ToPyError;
    type SerializeSeq = Impossible<Self::Ok, ToPyError>;
    type SerializeTuple = Impossible<Self::Ok, ToPyError>;
    type SerializeTupleStruct = Impossible<Self::Ok, ToPyError>;
    type SerializeTupleVariant = Impossible<Self::Ok, ToPyError>;
    type SerializeMap = PickFields<'a, 'py>;
    type SerializeStruct = PickFields<'a, 'py>;
    type SerializeStructVariant = Impossible<Self::Ok, ToPyError>;

    answer!(scalars Option<Bound<'py, PyAny>> => Err(ser::Error::custom(NOT_AN_OBJECT)));
    answer!(compounds NOT_AN_OBJECT);

    fn serialize_str(self, _: &str) -> Found<'py> {
        Err(ser::Error::custom(NOT_AN_OBJECT))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Found<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Found<'py> {
        value.serialize(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<PickFields<'a, 'py>, ToPyError> {
        Ok(PickFields {
            py: self.py,
            key: self.key,
            next_is_wanted: false,
            found: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<PickFields<'a, 'py>, ToPyError> {
        self.serialize_map(Some(len))
    }
}

impl<'py> ser::SerializeStruct for PickFields<'_, 'py> {
    type Ok = Option<Bound<'py, PyAny>>;
    type Error = ToPyError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), ToPyError> {
        if name == self.key {
            self.keep(value)?;
        }
        Ok(())
    }

    fn end(self) -> Found<'py> {
        Ok(self.found)
    }
}

impl<'py> ser::SerializeMap for PickFields<'_, 'py> {
    type Ok = Option<Bound<'py, PyAny>>;
    type Error = ToPyError;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), ToPyError> {
        self.next_is_wanted = key.serialize(IsKey(self.key))?;
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), ToPyError> {
        if std::mem::take(&mut self.next_is_wanted) {
            self.keep(value)?;
        }
        Ok(())
    }

    fn end(self) -> Found<'py> {
        Ok(self.found)
    }
}

/// Tells whether a map key is the string `.0` (a key that is not a string never is).
struct IsKey<'a>(&'a str);

impl ser::Serializer for IsKey<'_> {
    type Ok = bool;
    type Error = ToPyError;
    type SerializeSeq = Impossible<bool, ToPyError>;
    type SerializeTuple = Impossible<bool, ToPyError>;
    type SerializeTupleStruct = Impossible<bool, ToPyError>;
    type SerializeTupleVariant = Impossible<bool, ToPyError>;
    type SerializeMap = Impossible<bool, ToPyError>;
    type SerializeStruct = Impossible<bool, ToPyError>;
    type SerializeStructVariant = Impossible<bool, ToPyError>;

    answer!(scalars bool => Ok(false));
    answer!(compounds "a map key must be a string");

    fn serialize_str(self, v: &str) -> Result<bool, ToPyError> {
        Ok(v == self.0)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<bool, ToPyError> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<bool, ToPyError> {
        value.serialize(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, ToPyError> {
        Err(ser::Error::custom("a map key must be a string"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, ToPyError> {
        Err(ser::Error::custom("a map key must be a string"))
    }
}
