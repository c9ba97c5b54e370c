//! The one status enum of the C API, and its mapping from the core's [`zexa::ErrorKind`].

use std::ffi::c_char;

use zexa::ErrorKind;

/// The outcome of every fallible `zexa_` function.
///
/// `ZEXA_OK` is 0; every other value is a failure whose details are readable with the
/// `zexa_last_error_*` functions on the same thread. The API-error values follow the core's
/// error classification one to one. New values may be added: treat an unknown one as a failure.
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum zexa_status {
    /// Success.
    ZEXA_OK = 0,
    /// The core refused the input before sending anything (bad phone, empty name, per_page out
    /// of range...). `zexa_last_error_field()` names the field.
    ZEXA_INVALID_INPUT = 1,
    /// HTTP 400 `invalid_request`.
    ZEXA_INVALID_REQUEST = 2,
    /// HTTP 401: the API key was refused.
    ZEXA_UNAUTHORIZED = 3,
    /// HTTP 404.
    ZEXA_NOT_FOUND = 4,
    /// HTTP 409 (for example a phone number that already exists).
    ZEXA_CONFLICT = 5,
    /// HTTP 422 `validation_error`.
    ZEXA_VALIDATION_ERROR = 6,
    /// Code `insufficient_credits` (HTTP 422).
    ZEXA_INSUFFICIENT_CREDITS = 7,
    /// HTTP 429; `zexa_last_error_retry_after_ms()` tells how long the server asked to wait.
    ZEXA_RATE_LIMITED = 8,
    /// HTTP 5xx.
    ZEXA_SERVER_ERROR = 9,
    /// Any other error status.
    ZEXA_API_ERROR = 10,
    /// The request could not be delivered or the answer read (connection refused, TLS...).
    ZEXA_TRANSPORT_ERROR = 11,
    /// The call (or a campaign wait) did not finish in time.
    ZEXA_TIMEOUT = 12,
    /// A 2xx answer (or a webhook payload) that is not the expected JSON.
    ZEXA_DECODE_ERROR = 13,
    /// A C argument is unusable: NULL where a value is required, a string that is not UTF-8,
    /// a JSON argument that does not parse. Nothing was sent.
    ZEXA_INVALID_ARGUMENT = 14,
    /// A bug in the library (a caught panic). Nothing unwound into the caller.
    ZEXA_INTERNAL_ERROR = 15,
}

impl zexa_status {
    /// The status of a core error, from its kind.
    pub(crate) fn of(error: &zexa::Error) -> zexa_status {
        match error.kind() {
            ErrorKind::InvalidInput => zexa_status::ZEXA_INVALID_INPUT,
            ErrorKind::InvalidRequest => zexa_status::ZEXA_INVALID_REQUEST,
            ErrorKind::Unauthorized => zexa_status::ZEXA_UNAUTHORIZED,
            ErrorKind::NotFound => zexa_status::ZEXA_NOT_FOUND,
            ErrorKind::Conflict => zexa_status::ZEXA_CONFLICT,
            ErrorKind::Validation => zexa_status::ZEXA_VALIDATION_ERROR,
            ErrorKind::InsufficientCredits => zexa_status::ZEXA_INSUFFICIENT_CREDITS,
            ErrorKind::RateLimited => zexa_status::ZEXA_RATE_LIMITED,
            ErrorKind::Server => zexa_status::ZEXA_SERVER_ERROR,
            ErrorKind::OtherApi => zexa_status::ZEXA_API_ERROR,
            ErrorKind::Transport => zexa_status::ZEXA_TRANSPORT_ERROR,
            ErrorKind::Timeout | ErrorKind::WaitTimeout => zexa_status::ZEXA_TIMEOUT,
            ErrorKind::Decode => zexa_status::ZEXA_DECODE_ERROR,
            // A kind added to the core later: an answer with a status is an API error.
            _ if error.status().is_some() => zexa_status::ZEXA_API_ERROR,
            _ => zexa_status::ZEXA_INTERNAL_ERROR,
        }
    }

    fn name(code: u32) -> &'static std::ffi::CStr {
        match code {
            0 => c"ZEXA_OK",
            1 => c"ZEXA_INVALID_INPUT",
            2 => c"ZEXA_INVALID_REQUEST",
            3 => c"ZEXA_UNAUTHORIZED",
            4 => c"ZEXA_NOT_FOUND",
            5 => c"ZEXA_CONFLICT",
            6 => c"ZEXA_VALIDATION_ERROR",
            7 => c"ZEXA_INSUFFICIENT_CREDITS",
            8 => c"ZEXA_RATE_LIMITED",
            9 => c"ZEXA_SERVER_ERROR",
            10 => c"ZEXA_API_ERROR",
            11 => c"ZEXA_TRANSPORT_ERROR",
            12 => c"ZEXA_TIMEOUT",
            13 => c"ZEXA_DECODE_ERROR",
            14 => c"ZEXA_INVALID_ARGUMENT",
            15 => c"ZEXA_INTERNAL_ERROR",
            _ => c"ZEXA_UNKNOWN_STATUS",
        }
    }
}

/// The name of a status, such as `"ZEXA_NOT_FOUND"`, or `"ZEXA_UNKNOWN_STATUS"` for a value
/// this version does not define.
///
/// Takes the status as an integer so that any value is safe to pass. The string is static:
/// never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_status_name(status: u32) -> *const c_char {
    zexa_status::name(status).as_ptr()
}
