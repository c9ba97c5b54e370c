//! `ZexaRequestOptions`: per-call settings (timeout, retries, deadline, extra headers and query
//! parameters), applied by deriving a client from another with `zexa_client_with_options`.
//! The core (`zexa::RequestOptions`, `Client::with_options`) checks them all.

use std::ffi::c_char;
use std::time::Duration;

use crate::client::{core_client, wrap, ZexaClient};
use crate::handle;
use crate::last_error::Failure;
use crate::panic::run;
use crate::status::ZexaStatus;
use crate::strings::str_arg;

/// Per-call settings being gathered (opaque). Not thread-safe: configure it from one thread.
/// Free it with `zexa_request_options_free`; clients derived from it are not affected.
pub struct ZexaRequestOptions {
    inner: zexa::RequestOptions,
}

fn change(
    options: *mut ZexaRequestOptions,
    edit: impl FnOnce(zexa::RequestOptions) -> Result<zexa::RequestOptions, Failure>,
) -> ZexaStatus {
    run(|| {
        let o = handle::get_mut(options, "options")?;
        o.inner = edit(o.inner.clone())?;
        Ok(())
    })
}

/// Starts empty per-call options (every setting the client's). `*out` is freed with
/// `zexa_request_options_free`. Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL `out`.
#[no_mangle]
pub extern "C" fn zexa_request_options_new(out: *mut *mut ZexaRequestOptions) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        *slot = handle::new(ZexaRequestOptions {
            inner: zexa::RequestOptions::new(),
        });
        Ok(())
    })
}

/// Frees options. NULL, and a pointer that is not live options, are ignored.
#[no_mangle]
pub extern "C" fn zexa_request_options_free(options: *mut ZexaRequestOptions) {
    handle::free(options)
}

/// The bound of each attempt, in milliseconds (0 is refused by `zexa_client_with_options`).
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for NULL or dead options.
#[no_mangle]
pub extern "C" fn zexa_request_options_set_timeout_ms(
    options: *mut ZexaRequestOptions,
    timeout_ms: u64,
) -> ZexaStatus {
    change(options, |o| Ok(o.timeout(Duration::from_millis(timeout_ms))))
}

/// How many times a failed call is sent again. Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT`
/// for NULL or dead options.
#[no_mangle]
pub extern "C" fn zexa_request_options_set_max_retries(
    options: *mut ZexaRequestOptions,
    max_retries: u32,
) -> ZexaStatus {
    change(options, |o| Ok(o.max_retries(max_retries)))
}

/// The deadline of a whole call, in milliseconds (0 is refused by `zexa_client_with_options`).
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for NULL or dead options.
#[no_mangle]
pub extern "C" fn zexa_request_options_set_total_timeout_ms(
    options: *mut ZexaRequestOptions,
    total_timeout_ms: u64,
) -> ZexaStatus {
    change(options, |o| {
        Ok(o.total_timeout(Duration::from_millis(total_timeout_ms)))
    })
}

/// Removes the client's deadline of a whole call for these calls. Statuses: `ZEXA_OK`;
/// `ZEXA_INVALID_ARGUMENT` for NULL or dead options.
#[no_mangle]
pub extern "C" fn zexa_request_options_set_no_total_timeout(options: *mut ZexaRequestOptions) -> ZexaStatus {
    change(options, |o| Ok(o.no_total_timeout()))
}

/// Adds a header to every request of the calls. `Authorization`, `Content-Type`, `Host`,
/// `Content-Length`, `Transfer-Encoding`, `Connection`, `Proxy-Authorization` and malformed
/// names or values are refused by `zexa_client_with_options` (`ZEXA_INVALID_INPUT`).
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for NULL or dead options, NULL or non-UTF-8
/// strings.
#[no_mangle]
pub extern "C" fn zexa_request_options_add_header(
    options: *mut ZexaRequestOptions,
    name: *const c_char,
    value: *const c_char,
) -> ZexaStatus {
    change(options, |o| {
        Ok(o.header(str_arg(name, "name")?, str_arg(value, "value")?))
    })
}

/// Appends a query parameter to every request of the calls. Statuses: `ZEXA_OK`;
/// `ZEXA_INVALID_ARGUMENT` for NULL or dead options, NULL or non-UTF-8 strings.
#[no_mangle]
pub extern "C" fn zexa_request_options_add_query(
    options: *mut ZexaRequestOptions,
    key: *const c_char,
    value: *const c_char,
) -> ZexaStatus {
    change(options, |o| {
        Ok(o.query(str_arg(key, "key")?, str_arg(value, "value")?))
    })
}

/// A client sharing `client`'s connection pool whose calls use `options` (the options are
/// copied: changing or freeing them later does not affect it). `*out` is freed with
/// `zexa_client_free`, independently of `client`.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_INPUT` when the core refuses an option (a zero timeout,
/// a refused or malformed header); `ZEXA_INVALID_ARGUMENT` for NULL or dead handles, NULL
/// `out`. Thread-safe for `client`.
#[no_mangle]
pub extern "C" fn zexa_client_with_options(
    client: *const ZexaClient,
    options: *const ZexaRequestOptions,
    out: *mut *mut ZexaClient,
) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        let options = &handle::get(options, "options")?.inner;
        *slot = wrap(core_client(client)?.with_options(options)?);
        Ok(())
    })
}
