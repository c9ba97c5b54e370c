//! What a client's pool keeps between calls: its idle connections, and the I/O buffers of each.
//!
//! ureq's defaults suit one client per process: 128 KiB of input and 128 KiB of output
//! buffer per connection (twice over TLS: once under rustls, once above it). A server with
//! a client per tenant keeps one live connection per client, so those buffers were almost
//! all of a client's memory: 263 KiB over plain HTTP, 543 KiB over TLS. A call of this API
//! needs far less: a response head of a few hundred bytes, bodies that are read (and
//! uploads that are written) through the buffer in as many passes as they need, so a
//! smaller buffer costs a few more `read`/`write` calls on a large page, never a failure.
//! 16 KiB holds a whole TLS record (16 KiB of plaintext), so over TLS a record still goes
//! out in one write.

use std::time::Duration;

use crate::error::{Error, Result};

/// Input buffer of a connection: the most read from the socket at once, and the largest
/// response head accepted (status line and headers).
pub(crate) const INPUT_BUFFER_BYTES: usize = 16 * 1024;
/// Output buffer of a connection: the most written to the socket at once.
pub(crate) const OUTPUT_BUFFER_BYTES: usize = 16 * 1024;

/// Default bound of the idle connections a client keeps for reuse.
pub const DEFAULT_MAX_IDLE_CONNECTIONS: usize = 64;
/// The largest accepted [`crate::ClientBuilder::max_idle_connections`].
pub const MAX_IDLE_CONNECTIONS: usize = 4096;
/// Default idle timeout: a connection unused for longer is closed instead of reused. Below
/// the keep-alive timeouts of common servers and load balancers (nginx 75 s, AWS ALB 60 s),
/// so the SDK is the one that closes, not a server racing a new request.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest accepted [`crate::ClientBuilder::idle_timeout`].
pub const MAX_IDLE_TIMEOUT: Duration = Duration::from_secs(3600);

/// Checks the idle settings of a builder.
pub(crate) fn check(max_idle_connections: usize, idle_timeout: Duration) -> Result<()> {
    if max_idle_connections > MAX_IDLE_CONNECTIONS {
        return Err(Error::invalid(
            "max_idle_connections",
            format!("is {max_idle_connections}, over the limit of {MAX_IDLE_CONNECTIONS}"),
        ));
    }
    if idle_timeout.is_zero() {
        return Err(Error::invalid(
            "idle_timeout",
            "must be greater than zero (to keep no idle connection, set max_idle_connections to 0)",
        ));
    }
    if idle_timeout > MAX_IDLE_TIMEOUT {
        return Err(Error::invalid(
            "idle_timeout",
            format!(
                "is {} s, over the limit of {} s",
                idle_timeout.as_secs_f64(),
                MAX_IDLE_TIMEOUT.as_secs()
            ),
        ));
    }
    Ok(())
}

/// Applies the buffer sizes and the idle timeout to ureq's configuration (the bound of idle
/// connections is set with the builder's other settings).
pub(crate) fn apply(
    config: ureq::config::ConfigBuilder<ureq::typestate::AgentScope>,
    idle_timeout: Duration,
) -> ureq::config::ConfigBuilder<ureq::typestate::AgentScope> {
    config
        .input_buffer_size(INPUT_BUFFER_BYTES)
        .output_buffer_size(OUTPUT_BUFFER_BYTES)
        // A head must fit in the input buffer; one that does not is refused as too large
        // (ureq counts it against this limit with `>`), not as a connection that "made no
        // progress".
        .max_response_header_size(INPUT_BUFFER_BYTES - 1)
        .max_idle_age(idle_timeout)
}
