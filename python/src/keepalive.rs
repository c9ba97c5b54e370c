//! The idle-connection settings of `zexa.Client(...)`: translated, then checked by the core.

use crate::client::{seconds, to_u32};

/// Applies the settings that were given (`None`: the core's default) to `builder`.
pub(crate) fn apply(
    mut builder: zexa::ClientBuilder,
    max_idle_connections: Option<i64>,
    idle_timeout: Option<f64>,
) -> zexa::Result<zexa::ClientBuilder> {
    if let Some(n) = max_idle_connections {
        // Bounded by the core (MAX_IDLE_CONNECTIONS); u32 only rejects what no usize holds.
        builder = builder.max_idle_connections(to_u32("max_idle_connections", n)? as usize);
    }
    if let Some(secs) = idle_timeout {
        builder = builder.idle_timeout(seconds("idle_timeout", secs)?);
    }
    Ok(builder)
}
