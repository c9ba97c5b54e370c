//! The thread-local record of the last failure, and the `zexa_last_error_*` getters.
//!
//! Every function returning `ZexaStatus` clears the record when it starts and fills it when it
//! fails, so after a failure the getters describe exactly that failure.

use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::ptr;

use crate::status::ZexaStatus;
use crate::strings::to_cstring;

/// Why a call failed, before it becomes a status and a last-error record.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core returned an error: it carries every detail.
    Core(zexa::Error),
    /// A C argument was unusable (NULL, not UTF-8, not JSON).
    Argument(String),
    /// A panic was caught at the boundary.
    Panic(String),
    /// The caller's callback asked to stop (nothing it may have caused is in flight).
    Cancelled(String),
}

impl From<zexa::Error> for Failure {
    fn from(error: zexa::Error) -> Failure {
        Failure::Core(error)
    }
}

/// Shorthand for a [`Failure::Argument`].
pub(crate) fn bad_argument(name: &str, why: &str) -> Failure {
    Failure::Argument(format!("invalid argument {name}: {why}"))
}

#[derive(Default)]
struct Record {
    status: Option<ZexaStatus>,
    http_status: u16,
    code: Option<CString>,
    message: Option<CString>,
    details_json: Option<CString>,
    request_id: Option<CString>,
    field: Option<CString>,
    retry_after_ms: Option<u64>,
    attempts: u32,
    may_have_executed: bool,
}

thread_local! {
    static LAST: RefCell<Record> = RefCell::new(Record::default());
}

/// Forgets the previous failure of this thread.
pub(crate) fn clear() {
    LAST.with(|last| *last.borrow_mut() = Record::default());
}

/// Records `failure` as this thread's last error and returns its status.
pub(crate) fn record(failure: Failure) -> ZexaStatus {
    let (status, record) = match failure {
        Failure::Core(error) => (ZexaStatus::of(&error), core_record(&error)),
        Failure::Argument(message) => (ZexaStatus::ZEXA_INVALID_ARGUMENT, plain(&message)),
        Failure::Panic(message) => (ZexaStatus::ZEXA_INTERNAL_ERROR, plain(&message)),
        Failure::Cancelled(message) => (ZexaStatus::ZEXA_CANCELLED, plain(&message)),
    };
    LAST.with(|last| {
        *last.borrow_mut() = Record {
            status: Some(status),
            ..record
        }
    });
    status
}

fn plain(message: &str) -> Record {
    Record {
        message: Some(to_cstring(message)),
        ..Record::default()
    }
}

fn core_record(error: &zexa::Error) -> Record {
    let mut record = Record {
        http_status: error.status().unwrap_or(0),
        message: Some(to_cstring(&error.to_string())),
        attempts: error.attempts(),
        may_have_executed: error.may_have_executed(),
        ..Record::default()
    };
    if let Some(api) = error.api() {
        record.code = Some(to_cstring(&api.code));
        record.details_json = api.details.as_ref().map(|d| to_cstring(&d.to_string()));
        record.request_id = api.request_id.as_deref().map(to_cstring);
        record.retry_after_ms = api
            .retry_after
            .map(|d| d.as_millis().try_into().unwrap_or(u64::MAX));
    }
    if let zexa::Error::InvalidInput { field, .. } = error {
        record.field = Some(to_cstring(field));
    }
    record
}

fn string_of(pick: impl Fn(&Record) -> &Option<CString>) -> *const c_char {
    LAST.with(|last| pick(&last.borrow()).as_ref().map_or(ptr::null(), |s| s.as_ptr()))
}

/// The status of this thread's last failure, or `ZEXA_OK` if the last `ZexaStatus` call
/// succeeded. Thread-local: failures of other threads are never visible here.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_last_error_status() -> ZexaStatus {
    LAST.with(|last| last.borrow().status.unwrap_or(ZexaStatus::ZEXA_OK))
}

/// The HTTP status of the last failure's answer (e.g. 404), or 0 when no answer came back
/// (local refusal, transport error, timeout).
#[no_mangle]
pub extern "C" fn zexa_last_error_http_status() -> u16 {
    LAST.with(|last| last.borrow().http_status)
}

/// A readable description of the last failure (status, code, message, request ID...), or NULL
/// when the last call succeeded.
///
/// Owned by the library: valid until the next call, on this thread, of a function that
/// returns `ZexaStatus`. Do not free it.
#[no_mangle]
pub extern "C" fn zexa_last_error_message() -> *const c_char {
    string_of(|r| &r.message)
}

/// The API's machine-readable error code of the last failure (`validation_error`,
/// `insufficient_credits`, or `http_<status>` for a body without one), or NULL when the
/// failure was not an API error answer. Same lifetime as `zexa_last_error_message()`.
#[no_mangle]
pub extern "C" fn zexa_last_error_code() -> *const c_char {
    string_of(|r| &r.code)
}

/// The `details` object of the last API error as a JSON string, or NULL when the answer had
/// none. Same lifetime as `zexa_last_error_message()`.
#[no_mangle]
pub extern "C" fn zexa_last_error_details_json() -> *const c_char {
    string_of(|r| &r.details_json)
}

/// The request ID of the last API error (to quote to Zexa support), or NULL. Same lifetime as
/// `zexa_last_error_message()`.
#[no_mangle]
pub extern "C" fn zexa_last_error_request_id() -> *const c_char {
    string_of(|r| &r.request_id)
}

/// The argument or field the core refused, for `ZEXA_INVALID_INPUT` (e.g. `"phone"`), or
/// NULL. Same lifetime as `zexa_last_error_message()`.
#[no_mangle]
pub extern "C" fn zexa_last_error_field() -> *const c_char {
    string_of(|r| &r.field)
}

/// How long the server asked to wait, in milliseconds (the `Retry-After` of a 429), or -1 when
/// it did not say.
#[no_mangle]
pub extern "C" fn zexa_last_error_retry_after_ms() -> i64 {
    LAST.with(|last| {
        last.borrow()
            .retry_after_ms
            .map_or(-1, |ms| ms.min(i64::MAX as u64) as i64)
    })
}

/// How many HTTP attempts the last failed call made, retries included (0 when nothing was
/// sent).
#[no_mangle]
pub extern "C" fn zexa_last_error_attempts() -> u32 {
    LAST.with(|last| last.borrow().attempts)
}

/// Whether the last failed call may have taken effect on the server although it failed.
///
/// `false` when it surely did not: nothing was sent (a local refusal, `ZEXA_INVALID_ARGUMENT`,
/// a connection never made, a refused TLS certificate or proxy), the server refused it (any
/// 4xx, 429 included), or it was a GET. `true` when it may have: the connection failed or timed
/// out after the request may have left, the server answered 5xx, or a 2xx answer could not be
/// read. A message or campaign whose send failed with `true` must be looked up before it is
/// sent again: resending may deliver (and bill) it twice.
#[no_mangle]
pub extern "C" fn zexa_last_error_may_have_executed() -> bool {
    LAST.with(|last| last.borrow().may_have_executed)
}
