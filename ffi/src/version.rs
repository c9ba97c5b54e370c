//! The version of the library, as a string and as a number comparable with the header's
//! `ZEXA_VERSION_NUMBER` (the macros are written into `include/zexa.h` by ffi/tests/header.rs
//! from the same Cargo version).

use std::ffi::{c_char, CStr};

const VERSION: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(version) => version,
    Err(_) => panic!("the version has no NUL"),
};

/// A decimal version component from Cargo, at compile time.
const fn component(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut value = 0;
    let mut i = 0;
    while i < bytes.len() {
        assert!(bytes[i].is_ascii_digit(), "a version component is decimal");
        value = value * 10 + (bytes[i] - b'0') as u32;
        i += 1;
    }
    value
}

/// `MAJOR * 1000000 + MINOR * 1000 + PATCH`, the encoding of `ZEXA_VERSION_NUMBER`.
pub(crate) const VERSION_NUMBER: u32 = component(env!("CARGO_PKG_VERSION_MAJOR")) * 1_000_000
    + component(env!("CARGO_PKG_VERSION_MINOR")) * 1_000
    + component(env!("CARGO_PKG_VERSION_PATCH"));

/// The version of this library, e.g. `"0.1.0"`. Static: never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_version() -> *const c_char {
    VERSION.as_ptr()
}

/// The version of the library loaded at run time, encoded as `ZEXA_VERSION_NUMBER` is
/// (`MAJOR * 1000000 + MINOR * 1000 + PATCH`, so 0.1.0 is 1000). A program built against
/// header version N runs with any library of the same major version whose number is at
/// least N; `zexa_version_number() >= ZEXA_VERSION_NUMBER` checks it. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_version_number() -> u32 {
    VERSION_NUMBER
}
