//! The one encoding of an optional boolean in the C API (`ZexaTristate`).
//!
//! Zero is "not given" in a request and "not known" in a result, so that a zero-initialised
//! struct (and a field a newer release appends, see ffi/ABI.md) means "no value".

/// An optional boolean: `ZEXA_TRISTATE_UNSET` (0), `ZEXA_TRISTATE_TRUE` or `ZEXA_TRISTATE_FALSE`.
pub type ZexaTristate = i32;

/// No value: not given (in a request) or not known (in a result).
pub const ZEXA_TRISTATE_UNSET: ZexaTristate = 0;
/// True.
pub const ZEXA_TRISTATE_TRUE: ZexaTristate = 1;
/// False.
pub const ZEXA_TRISTATE_FALSE: ZexaTristate = 2;

/// The C value of an optional boolean.
pub(crate) fn to_c(value: Option<bool>) -> ZexaTristate {
    match value {
        None => ZEXA_TRISTATE_UNSET,
        Some(true) => ZEXA_TRISTATE_TRUE,
        Some(false) => ZEXA_TRISTATE_FALSE,
    }
}

/// An optional boolean from a caller's value; `None` for a value that is not a `ZEXA_TRISTATE_*`.
pub(crate) fn from_c(value: ZexaTristate) -> Option<Option<bool>> {
    match value {
        ZEXA_TRISTATE_UNSET => Some(None),
        ZEXA_TRISTATE_TRUE => Some(Some(true)),
        ZEXA_TRISTATE_FALSE => Some(Some(false)),
        _ => None,
    }
}
