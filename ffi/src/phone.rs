//! Phone numbers: E.164 conversion and checking (the core's `to_e164` and `is_e164`).

use std::ffi::c_char;

use crate::handle;
use crate::panic::{guard, run};
use crate::status::ZexaStatus;
use crate::strings::{into_raw, opt_str, str_arg};

/// Turns a phone number as people write it (`0912 345 678`) into E.164 (`+244912345678`),
/// with `default_country_code` (e.g. `"244"`, may be NULL) for national numbers.
///
/// On success `*out` is the E.164 string, freed with `zexa_string_free`. Returns
/// `ZEXA_INVALID_INPUT` when the number cannot be converted, `ZEXA_INVALID_ARGUMENT` for NULL
/// `number`/`out`. Thread-safe; needs no client.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_INPUT` when the number cannot be converted;
/// `ZEXA_INVALID_ARGUMENT` for NULL or non-UTF-8 text or a NULL `out`.
#[no_mangle]
pub extern "C" fn zexa_to_e164(
    number: *const c_char,
    default_country_code: *const c_char,
    out: *mut *mut c_char,
) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        let code = opt_str(default_country_code, "default_country_code")?;
        *slot = into_raw(&zexa::to_e164(str_arg(number, "number")?, code)?);
        Ok(())
    })
}

/// Whether `number` is E.164 (`+`, first digit 1-9, 7 to 15 digits). NULL or invalid UTF-8
/// is `false`. Thread-safe; does not touch the last error.
#[no_mangle]
pub extern "C" fn zexa_is_e164(number: *const c_char) -> bool {
    guard(false, || str_arg(number, "number").is_ok_and(zexa::is_e164))
}
