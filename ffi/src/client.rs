//! `ZexaClient` and `ZexaClientBuilder`: creating, configuring and freeing a client.

use std::ffi::c_char;
use std::time::Duration;

use crate::handle;
use crate::last_error::Failure;
use crate::panic::run;
use crate::status::ZexaStatus;
use crate::strings::{bytes_arg, opt_str, str_arg};

/// A client of the Zexa API (opaque).
///
/// Thread-safe: one client may be used from several threads at once, and should be shared
/// (it holds a connection pool). Create it with `zexa_client_new` or a `ZexaClientBuilder`;
/// free it once with `zexa_client_free`, after every call using it has returned.
pub struct ZexaClient {
    inner: zexa::Client,
}

/// Settings of a client being built (opaque). Not thread-safe: configure it from one thread.
/// Free it with `zexa_client_builder_free` (building does not consume it).
pub struct ZexaClientBuilder {
    inner: zexa::ClientBuilder,
}

/// The core client behind a handle, for the duration of a call.
pub(crate) fn core_client<'a>(client: *const ZexaClient) -> Result<&'a zexa::Client, Failure> {
    handle::get(client, "client").map(|c| &c.inner)
}

/// A new client handle owning `inner`.
pub(crate) fn wrap(inner: zexa::Client) -> *mut ZexaClient {
    handle::new(ZexaClient { inner })
}

/// Applies `change` to the builder behind `builder`.
pub(crate) fn configure(
    builder: *mut ZexaClientBuilder,
    change: impl FnOnce(zexa::ClientBuilder) -> Result<zexa::ClientBuilder, Failure>,
) -> ZexaStatus {
    run(|| {
        let b = handle::get_mut(builder, "builder")?;
        b.inner = change(b.inner.clone())?;
        Ok(())
    })
}

/// Creates a client with `api_key`, talking to `base_url` (NULL: the production API
/// `https://api.zexa.ao/v1`), with default settings (30 s timeout, 2 retries).
///
/// On success `*out` is a client the caller frees with `zexa_client_free`; on failure it is
/// NULL. Returns `ZEXA_INVALID_INPUT` for an empty or malformed key or base URL (plain http is
/// only accepted to a loopback host), `ZEXA_INVALID_ARGUMENT` for NULL `api_key`/`out` or
/// strings that are not UTF-8. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_client_new(
    api_key: *const c_char,
    base_url: *const c_char,
    out: *mut *mut ZexaClient,
) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        let mut builder = zexa::Client::builder(str_arg(api_key, "api_key")?);
        if let Some(url) = opt_str(base_url, "base_url")? {
            builder = builder.base_url(url);
        }
        *slot = handle::new(ZexaClient {
            inner: builder.build()?,
        });
        Ok(())
    })
}

/// Creates a client from the environment, as every zexa SDK does: the key from `ZEXA_API_KEY`
/// (required) and the API root from `ZEXA_BASE_URL` when it is set, with default settings.
///
/// On success `*out` is a client the caller frees with `zexa_client_free`. Statuses: `ZEXA_OK`;
/// `ZEXA_INVALID_INPUT` when `ZEXA_API_KEY` is not set or a variable is invalid;
/// `ZEXA_INVALID_ARGUMENT` for a NULL `out`. Thread-safe (reads the environment).
#[no_mangle]
pub extern "C" fn zexa_client_from_env(out: *mut *mut ZexaClient) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        *slot = handle::new(ZexaClient {
            inner: zexa::Client::from_env()?,
        });
        Ok(())
    })
}

/// Starts the settings of a client from the environment (`ZEXA_API_KEY`, and `ZEXA_BASE_URL`
/// when set), to adjust before `zexa_client_builder_build`. `*out` is freed with
/// `zexa_client_builder_free`. Statuses: `ZEXA_OK`; `ZEXA_INVALID_INPUT` when `ZEXA_API_KEY`
/// is not set; `ZEXA_INVALID_ARGUMENT` for a NULL `out`.
#[no_mangle]
pub extern "C" fn zexa_client_builder_from_env(out: *mut *mut ZexaClientBuilder) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        *slot = handle::new(ZexaClientBuilder {
            inner: zexa::Client::builder_from_env()?,
        });
        Ok(())
    })
}

/// Frees a client. NULL is a no-op. No call may be using the client any more.
#[no_mangle]
pub extern "C" fn zexa_client_free(client: *mut ZexaClient) {
    handle::free(client)
}

/// Starts the settings of a client with `api_key` and the defaults. The key is checked when
/// the client is built.
///
/// `*out` is a builder the caller frees with `zexa_client_builder_free`. Returns
/// `ZEXA_INVALID_ARGUMENT` for a NULL or non-UTF-8 key or NULL `out`.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_client_builder_new(
    api_key: *const c_char,
    out: *mut *mut ZexaClientBuilder,
) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        *slot = handle::new(ZexaClientBuilder {
            inner: zexa::Client::builder(str_arg(api_key, "api_key")?),
        });
        Ok(())
    })
}

/// Frees a builder. NULL is a no-op. Clients built from it are not affected.
#[no_mangle]
pub extern "C" fn zexa_client_builder_free(builder: *mut ZexaClientBuilder) {
    handle::free(builder)
}

/// Sets the API root (default `https://api.zexa.ao/v1`); checked when the client is built.
/// Returns `ZEXA_INVALID_ARGUMENT` for a NULL builder or a NULL/non-UTF-8 URL.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_base_url(
    builder: *mut ZexaClientBuilder,
    base_url: *const c_char,
) -> ZexaStatus {
    configure(builder, |b| Ok(b.base_url(str_arg(base_url, "base_url")?)))
}

/// Sets the bound of each attempt in milliseconds (default 30000); 0 or more than a day is
/// refused with `ZEXA_INVALID_INPUT` when the client is built. Returns
/// `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_timeout_ms(
    builder: *mut ZexaClientBuilder,
    timeout_ms: u64,
) -> ZexaStatus {
    configure(builder, |b| Ok(b.timeout(Duration::from_millis(timeout_ms))))
}

/// Sets the bound of a whole call in milliseconds: every attempt, retry back-off and
/// `Retry-After` wait included (default: none). 0 or more than a day is refused with
/// `ZEXA_INVALID_INPUT` when the client is built; a call that runs out of it fails with
/// `ZEXA_TIMEOUT`. Returns `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_total_timeout_ms(
    builder: *mut ZexaClientBuilder,
    total_timeout_ms: u64,
) -> ZexaStatus {
    configure(builder, |b| {
        Ok(b.total_timeout(Duration::from_millis(total_timeout_ms)))
    })
}

/// Sets how many times a failed call is sent again (default 2; 0 disables retries; at most
/// 1000, more is refused with `ZEXA_INVALID_INPUT` when the client is built). A POST that may
/// have reached the server is never resent. Returns `ZEXA_INVALID_ARGUMENT` for a NULL or
/// dead builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_max_retries(
    builder: *mut ZexaClientBuilder,
    max_retries: u32,
) -> ZexaStatus {
    configure(builder, |b| Ok(b.max_retries(max_retries)))
}

/// Adds `name/version` to the User-Agent. `version` may be NULL.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_app_info(
    builder: *mut ZexaClientBuilder,
    name: *const c_char,
    version: *const c_char,
) -> ZexaStatus {
    configure(builder, |b| {
        let version = opt_str(version, "version")?.unwrap_or("");
        Ok(b.app_info(str_arg(name, "name")?, version))
    })
}

/// Trusts the CA certificates of this PEM document (`len` bytes, copied) instead of the
/// built-in roots. May be called more than once; the PEM is checked when the client is built.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_add_root_certificate_pem(
    builder: *mut ZexaClientBuilder,
    pem: *const u8,
    len: usize,
) -> ZexaStatus {
    configure(builder, |b| {
        Ok(b.add_root_certificate_pem(bytes_arg(pem, len, "pem")?.to_vec()))
    })
}

/// Builds a client from the builder's settings (the builder stays usable and must still be
/// freed). On success `*out` is a client to free with `zexa_client_free`. Returns
/// `ZEXA_INVALID_INPUT` when a setting is refused (empty key, bad base URL, zero timeout,
/// invalid PEM), `ZEXA_INVALID_ARGUMENT` for NULL arguments.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_client_builder_build(
    builder: *const ZexaClientBuilder,
    out: *mut *mut ZexaClient,
) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        let builder = handle::get(builder, "builder")?;
        *slot = handle::new(ZexaClient {
            inner: builder.inner.clone().build()?,
        });
        Ok(())
    })
}

/// Sets the bound of opening a connection in milliseconds (default 10000; never longer than
/// the timeout of an attempt). 0 or an out-of-range value is refused with
/// `ZEXA_INVALID_INPUT` when the client is built. Returns `ZEXA_INVALID_ARGUMENT` for a NULL
/// or dead builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_connect_timeout_ms(
    builder: *mut ZexaClientBuilder,
    connect_timeout_ms: u64,
) -> ZexaStatus {
    configure(builder, |b| {
        Ok(b.connect_timeout(Duration::from_millis(connect_timeout_ms)))
    })
}

/// Sets the back-off before a retry: `initial_ms` before the first (default 500), doubled for
/// each further retry up to `max_ms` (default 8000), with jitter. `initial_ms` over `max_ms`,
/// or `max_ms` over a day, gives `ZEXA_INVALID_INPUT` when the client is built.
/// Returns `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_retry_backoff_ms(
    builder: *mut ZexaClientBuilder,
    initial_ms: u64,
    max_ms: u64,
) -> ZexaStatus {
    configure(builder, |b| {
        Ok(b.retry_backoff(Duration::from_millis(initial_ms), Duration::from_millis(max_ms)))
    })
}

/// Sets the longest `Retry-After` of a 429 that is waited for, in milliseconds (default
/// 60000); a longer one is returned at once as `ZEXA_RATE_LIMITED`. More than a day gives
/// `ZEXA_INVALID_INPUT` when the client is built. Returns `ZEXA_INVALID_ARGUMENT` for a
/// NULL or dead builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_max_retry_after_ms(
    builder: *mut ZexaClientBuilder,
    max_retry_after_ms: u64,
) -> ZexaStatus {
    configure(builder, |b| {
        Ok(b.max_retry_after(Duration::from_millis(max_retry_after_ms)))
    })
}

/// Sets the largest response body accepted, in bytes (default 16 MiB); a larger answer fails
/// (nothing past the limit is read into memory). 0 gives `ZEXA_INVALID_INPUT` when the
/// client is built. Returns `ZEXA_INVALID_ARGUMENT` for a NULL
/// or dead builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_max_response_bytes(
    builder: *mut ZexaClientBuilder,
    max_response_bytes: u64,
) -> ZexaStatus {
    configure(builder, |b| Ok(b.max_response_bytes(max_response_bytes)))
}
