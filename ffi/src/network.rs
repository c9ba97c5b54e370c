//! Builder settings for real networks: proxies, whether the environment is read, and the
//! trust store. Each one only passes the value to the core's builder, which checks it when
//! the client is built.

use std::ffi::c_char;

use crate::client::{configure, ZexaClientBuilder};
use crate::status::ZexaStatus;
use crate::strings::str_arg;

/// Sends every request through this proxy (`http://host:port`, `socks5://user:pass@host:port`;
/// no scheme means http), whatever the environment says, loopback API URLs included. An https
/// API is reached through a `CONNECT` tunnel the proxy cannot read; a plain-http (loopback)
/// API only through a loopback proxy. The URL is checked when the client is built
/// (`ZEXA_INVALID_INPUT` for a malformed one, or a non-loopback proxy to a plain-http API);
/// its credentials are never logged nor put in an error. Returns `ZEXA_INVALID_ARGUMENT` for
/// a NULL builder or a NULL/non-UTF-8 URL.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_proxy(
    builder: *mut ZexaClientBuilder,
    proxy_url: *const c_char,
) -> ZexaStatus {
    configure(builder, |b| Ok(b.proxy(str_arg(proxy_url, "proxy_url")?)))
}

/// Uses no proxy at all, even one set in the environment. Returns `ZEXA_INVALID_ARGUMENT` for
/// a NULL builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_no_proxy(builder: *mut ZexaClientBuilder) -> ZexaStatus {
    configure(builder, |b| Ok(b.no_proxy()))
}

/// Whether the environment is read (default true): `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
/// `NO_PROXY` (curl's conventions; a loopback API is never proxied from them) and
/// `SSL_CERT_FILE` / `SSL_CERT_DIR`. A malformed variable makes the build fail with
/// `ZEXA_INVALID_INPUT`, naming it. Returns `ZEXA_INVALID_ARGUMENT` for a NULL builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_trust_env(
    builder: *mut ZexaClientBuilder,
    trust_env: bool,
) -> ZexaStatus {
    configure(builder, |b| Ok(b.trust_env(trust_env)))
}

/// Whether the operating system's certificate store is trusted instead of the Mozilla roots
/// bundled in the library (default false), for a corporate CA installed on the machine.
/// `SSL_CERT_FILE` / `SSL_CERT_DIR` and `zexa_client_builder_add_root_certificate_pem` still
/// take precedence. A store without any certificate makes the build fail with
/// `ZEXA_INVALID_INPUT`. Returns `ZEXA_INVALID_ARGUMENT` for a NULL builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_use_os_trust_store(
    builder: *mut ZexaClientBuilder,
    use_os: bool,
) -> ZexaStatus {
    configure(builder, |b| Ok(b.use_os_trust_store(use_os)))
}
