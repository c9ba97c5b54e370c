//! [`Timestamp`]: an instant as the API spells it (RFC 3339, UTC), from what users hold.

use std::time::SystemTime;

/// An instant for a request field such as `scheduled_at`: an RFC 3339 UTC string
/// (`2026-07-01T09:00:00Z`), from a `&str`/`String` given as such, a [`SystemTime`], or with
/// the `time` feature a `time::OffsetDateTime`.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// let at = zexa::Timestamp::from(UNIX_EPOCH + Duration::from_secs(1_900_000_000));
/// assert_eq!(at.as_str(), "2030-03-17T17:46:40Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    /// The instant as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The instant as sent, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Timestamp {
    /// Taken as written (the API checks it).
    fn from(text: &str) -> Timestamp {
        Timestamp(text.to_owned())
    }
}

impl From<String> for Timestamp {
    /// Taken as written (the API checks it).
    fn from(text: String) -> Timestamp {
        Timestamp(text)
    }
}

impl From<SystemTime> for Timestamp {
    /// Whole seconds, UTC (humantime formats it: no calendar arithmetic of our own).
    fn from(at: SystemTime) -> Timestamp {
        Timestamp(humantime::format_rfc3339_seconds(at).to_string())
    }
}

#[cfg(feature = "time")]
impl From<time::OffsetDateTime> for Timestamp {
    /// Converted to UTC, whole seconds.
    fn from(at: time::OffsetDateTime) -> Timestamp {
        let utc = at
            .to_offset(time::UtcOffset::UTC)
            .replace_nanosecond(0)
            .unwrap_or(at);
        Timestamp(
            utc.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_else(|_| utc.to_string()),
        )
    }
}

#[cfg(all(test, feature = "time"))]
mod tests {
    use super::*;

    #[test]
    fn offset_date_times_become_utc() {
        let at = time::macros::datetime!(2030-03-17 18:46:40.5 +01:00);
        assert_eq!(Timestamp::from(at).as_str(), "2030-03-17T17:46:40Z");
    }
}
