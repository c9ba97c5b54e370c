//! The thread-local record of the last successful call's answer (status, headers, request ID,
//! attempts, time), and the `zexa_last_response_*` getters: the C face of the core's
//! `Client::with_response`.
//!
//! Every call that talks to the API goes through [`recorded`], which clears the record, makes
//! the call through `with_response`, and keeps the metadata when it succeeded.

use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::ptr;

use crate::client::{core_client, ZexaClient};
use crate::last_error::Failure;
use crate::strings::{opt_str, to_cstring};

/// The metadata of one answer, with its strings ready for C.
struct Record {
    status: u16,
    headers: Vec<(CString, CString)>,
    request_id: Option<CString>,
    attempts: u32,
    elapsed_ms: u64,
}

thread_local! {
    static LAST: RefCell<Option<Record>> = const { RefCell::new(None) };
}

/// Makes `call` through a client that records the answer, and keeps what it recorded as this
/// thread's last response. A failure leaves no last response.
pub(crate) fn recorded<T>(
    client: *const ZexaClient,
    call: impl FnOnce(&zexa::Client) -> zexa::Result<T>,
) -> Result<T, Failure> {
    LAST.with(|last| *last.borrow_mut() = None);
    let client = core_client(client)?;
    let (value, info) = client.with_response(call)?.into_parts();
    let record = Record {
        status: info.status,
        headers: info
            .headers
            .iter()
            .map(|(name, value)| (to_cstring(name), to_cstring(value)))
            .collect(),
        request_id: info.request_id.as_deref().map(to_cstring),
        attempts: info.attempts,
        elapsed_ms: info.elapsed.as_millis().try_into().unwrap_or(u64::MAX),
    };
    LAST.with(|last| *last.borrow_mut() = Some(record));
    Ok(value)
}

fn with_last<R>(fallback: R, read: impl FnOnce(&Record) -> R) -> R {
    LAST.with(|last| last.borrow().as_ref().map_or(fallback, read))
}

/// The HTTP status (2xx) of the answer to this thread's last successful call to the API, or 0
/// when the last call failed or made none. Calls that need no server (`zexa_to_e164`...) do
/// not change it.
///
/// Every `zexa_last_response_*` getter describes the same answer: with several attempts, the
/// last one's; for a wait or a page fetched by an iterator, the last request's. The strings
/// they return are owned by the library, valid until the next call to the API on this thread.
/// They never touch the last error. Thread-local.
#[no_mangle]
pub extern "C" fn zexa_last_response_status() -> u16 {
    with_last(0, |r| r.status)
}

/// The `X-Request-Id` of the last response (for Zexa support), or NULL.
#[no_mangle]
pub extern "C" fn zexa_last_response_request_id() -> *const c_char {
    with_last(ptr::null(), |r| {
        r.request_id.as_ref().map_or(ptr::null(), |id| id.as_ptr())
    })
}

/// How many attempts the last successful call took (1 when it was not retried), or 0.
#[no_mangle]
pub extern "C" fn zexa_last_response_attempts() -> u32 {
    with_last(0, |r| r.attempts)
}

/// How long the last successful call took in milliseconds, retries and waits included.
#[no_mangle]
pub extern "C" fn zexa_last_response_elapsed_ms() -> u64 {
    with_last(0, |r| r.elapsed_ms)
}

/// The first value of the header `name` (compared without case) in the last response, or
/// NULL when it had none, `name` is NULL or not UTF-8. A header that would reveal the API key
/// is redacted by the core.
#[no_mangle]
pub extern "C" fn zexa_last_response_header(name: *const c_char) -> *const c_char {
    crate::panic::guard(ptr::null(), || {
        let Ok(Some(name)) = opt_str(name, "name") else {
            return ptr::null();
        };
        with_last(ptr::null(), |r| {
            r.headers
                .iter()
                .find(|(n, _)| n.to_str().is_ok_and(|n| n.eq_ignore_ascii_case(name)))
                .map_or(ptr::null(), |(_, v)| v.as_ptr())
        })
    })
}

/// How many headers the last response had (0 when there is no last response).
#[no_mangle]
pub extern "C" fn zexa_last_response_header_count() -> usize {
    with_last(0, |r| r.headers.len())
}

/// The header at `index` (0 to `zexa_last_response_header_count() - 1`) of the last response:
/// `*name` and `*value` are set and `true` returned; `false` (and NULLs) when `index` is out
/// of range. `name` and `value` must not be NULL.
#[no_mangle]
pub extern "C" fn zexa_last_response_header_at(
    index: usize,
    name: *mut *const c_char,
    value: *mut *const c_char,
) -> bool {
    crate::panic::guard(false, || {
        if name.is_null() || value.is_null() {
            return false;
        }
        let found = with_last(None, |r| {
            r.headers.get(index).map(|(n, v)| (n.as_ptr(), v.as_ptr()))
        });
        let (n, v) = found.unwrap_or((ptr::null(), ptr::null()));
        // SAFETY: both out-pointers were checked non-NULL and point to writable storage for
        // one pointer each (the documented contract).
        unsafe {
            *name = n;
            *value = v;
        }
        found.is_some()
    })
}
