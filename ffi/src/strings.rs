//! C strings in and out: borrowing NUL-terminated UTF-8 arguments, and making owned C strings.
//!
//! Every argument string is copied (or only read during the call); nothing keeps a caller's
//! pointer after the call returns.

use std::ffi::{c_char, CStr, CString};

use serde_json::Value;

use crate::last_error::{bad_argument, Failure};

/// A required string argument: NULL or invalid UTF-8 is a [`Failure::Argument`].
pub(crate) fn str_arg<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Failure> {
    opt_str(ptr, name)?.ok_or_else(|| bad_argument(name, "must not be NULL"))
}

/// An optional string argument: NULL is `None`; invalid UTF-8 is a [`Failure::Argument`].
pub(crate) fn opt_str<'a>(ptr: *const c_char, name: &str) -> Result<Option<&'a str>, Failure> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: the caller passes a NUL-terminated string (the documented contract of every
    // string argument) that stays valid for the duration of this call.
    let text = unsafe { CStr::from_ptr(ptr) };
    text.to_str()
        .map(Some)
        .map_err(|_| bad_argument(name, "is not valid UTF-8"))
}

/// An optional string argument, copied.
pub(crate) fn opt_string(ptr: *const c_char, name: &str) -> Result<Option<String>, Failure> {
    Ok(opt_str(ptr, name)?.map(str::to_owned))
}

/// A byte buffer argument: NULL is accepted only with `len == 0`.
pub(crate) fn bytes_arg<'a>(ptr: *const u8, len: usize, name: &str) -> Result<&'a [u8], Failure> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(bad_argument(name, "must not be NULL when its length is not 0"));
    }
    // SAFETY: the caller passes `len` readable bytes at `ptr`, valid during this call.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// An array of `len` required strings; NULL is accepted only with `len == 0`.
pub(crate) fn str_array<'a>(
    ptr: *const *const c_char,
    len: usize,
    name: &str,
) -> Result<Vec<&'a str>, Failure> {
    if len == 0 {
        return Ok(Vec::new());
    }
    if ptr.is_null() {
        return Err(bad_argument(name, "must not be NULL when its length is not 0"));
    }
    // SAFETY: the caller passes `len` string pointers at `ptr`, valid during this call.
    let items = unsafe { std::slice::from_raw_parts(ptr, len) };
    items.iter().map(|item| str_arg(*item, name)).collect()
}

/// An optional array of strings, copied: a NULL array is `None` (not set), a non-NULL one with
/// `len == 0` is an empty list.
pub(crate) fn opt_string_array(
    ptr: *const *const c_char,
    len: usize,
    name: &str,
) -> Result<Option<Vec<String>>, Failure> {
    if ptr.is_null() && len == 0 {
        return Ok(None);
    }
    Ok(Some(
        str_array(ptr, len, name)?
            .into_iter()
            .map(str::to_owned)
            .collect(),
    ))
}

/// Two parallel arrays of `len` strings as pairs (keys and values of a map).
pub(crate) fn str_pairs<'a>(
    keys: *const *const c_char,
    values: *const *const c_char,
    len: usize,
    name: &str,
) -> Result<Vec<(&'a str, &'a str)>, Failure> {
    let keys = str_array(keys, len, name)?;
    let values = str_array(values, len, name)?;
    Ok(keys.into_iter().zip(values).collect())
}

/// An optional JSON argument (a template, a request body): NULL is `None`.
pub(crate) fn json_arg(ptr: *const c_char, name: &str) -> Result<Option<Value>, Failure> {
    opt_str(ptr, name)?
        .map(|text| serde_json::from_str(text).map_err(|e| bad_argument(name, &format!("is not JSON: {e}"))))
        .transpose()
}

/// An owned C string of `text`; a NUL inside (which no C string can hold) becomes U+FFFD.
pub(crate) fn to_cstring(text: &str) -> CString {
    CString::new(text)
        .unwrap_or_else(|_| CString::new(text.replace('\0', "\u{FFFD}")).expect("every NUL was replaced"))
}

/// The type under which strings handed to the caller are registered (see `handle.rs`).
struct OwnedString;

/// A string handed to the caller, to be freed with `zexa_string_free`.
pub(crate) fn into_raw(text: &str) -> *mut c_char {
    let raw = to_cstring(text).into_raw();
    crate::handle::register(raw.cast_const().cast::<OwnedString>());
    raw
}

/// Frees a string returned by this library (`zexa_to_e164`, `zexa_request`). NULL is a no-op,
/// and so is a pointer that is not such a string still live (freed already, never returned,
/// or a string inside a result struct, which its own `_free` frees). Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_string_free(text: *mut c_char) {
    crate::panic::guard((), || {
        if !text.is_null() && crate::handle::unregister(text.cast_const().cast::<OwnedString>()) {
            // SAFETY: the registry says `text` came from `CString::into_raw` in `into_raw` and
            // was not freed since; it has just been removed, so it is freed exactly once.
            drop(unsafe { CString::from_raw(text) });
        }
    })
}
