//! The idle-connection settings of a `ZexaClientBuilder` (see the core's `ClientBuilder`).

use std::time::Duration;

use crate::client::{configure, ZexaClientBuilder};
use crate::status::ZexaStatus;

/// Sets how many idle connections the client keeps open for reuse (default 64, at most 4096;
/// 0 keeps none). Each holds a socket and about 36 KiB (76 KiB over TLS): a server with a
/// client per tenant sets 1 or 2. Over 4096 is refused with `ZEXA_INVALID_INPUT` when the
/// client is built; `ZEXA_INVALID_ARGUMENT` for a NULL builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_max_idle_connections(
    builder: *mut ZexaClientBuilder,
    max_idle_connections: u32,
) -> ZexaStatus {
    // u32 to usize never truncates on the platforms libzexa builds for (32 and 64 bits); a
    // value the core refuses is refused at build time, like every other setting.
    configure(builder, |b| {
        Ok(b.max_idle_connections(max_idle_connections as usize))
    })
}

/// Sets, in milliseconds, how long an unused connection is kept for reuse (default 30000;
/// from 1 up to 3600000, one hour). An older one is closed at the client's next call;
/// `zexa_client_free` closes them all. Out of range is refused with `ZEXA_INVALID_INPUT` when
/// the client is built; `ZEXA_INVALID_ARGUMENT` for a NULL builder.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for a NULL or dead builder or a NULL/non-UTF-8
/// string (the value itself is checked by `zexa_client_builder_build`).
#[no_mangle]
pub extern "C" fn zexa_client_builder_set_idle_timeout_ms(
    builder: *mut ZexaClientBuilder,
    idle_timeout_ms: u64,
) -> ZexaStatus {
    configure(builder, |b| {
        Ok(b.idle_timeout(Duration::from_millis(idle_timeout_ms)))
    })
}
