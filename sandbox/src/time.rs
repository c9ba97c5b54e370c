//! Time: the sandbox's clock (the wall clock, or a manual one tests move with
//! [`crate::Sandbox::advance`]) and ISO 8601 / RFC 3339 text via the `time` crate.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Milliseconds since the Unix epoch on the wall clock.
fn wall_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Where "now" comes from: the wall clock, or a manual clock that only moves on `advance`.
#[derive(Debug)]
pub(crate) struct Clock {
    /// `Some(ms)` for a manual clock standing at `ms`.
    manual: Option<AtomicU64>,
}

impl Clock {
    /// A wall clock, or a manual clock starting at the current wall-clock time.
    pub(crate) fn new(manual: bool) -> Clock {
        Clock {
            manual: manual.then(|| AtomicU64::new(wall_ms())),
        }
    }

    /// Whether this clock only moves on [`Clock::advance`].
    pub(crate) fn is_manual(&self) -> bool {
        self.manual.is_some()
    }

    /// Milliseconds since the Unix epoch, now.
    pub(crate) fn now_ms(&self) -> u64 {
        match &self.manual {
            Some(ms) => ms.load(Ordering::SeqCst),
            None => wall_ms(),
        }
    }

    /// Moves a manual clock forward by `by`; `false` (and no effect) for the wall clock.
    pub(crate) fn advance(&self, by: Duration) -> bool {
        match &self.manual {
            Some(ms) => {
                let by = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
                let _ = ms.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| Some(v.saturating_add(by)));
                true
            }
            None => false,
        }
    }
}

/// Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SSZ` (the sub-second part dropped, as the
/// API's timestamps are whole seconds).
pub(crate) fn format_ms(ms: u64) -> String {
    let secs = i64::try_from(ms / 1000).unwrap_or(i64::MAX);
    match OffsetDateTime::from_unix_timestamp(secs) {
        Ok(t) => t.format(&Rfc3339).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Parses an RFC 3339 timestamp (`2026-07-01T08:00:00Z`, optional fractional seconds, `Z`
/// or a `+HH:MM` offset) into epoch milliseconds, which are negative before 1970.
///
/// Impossible dates (`2031-02-29`) and times (`08:00:60`, not a leap second) are `None`.
pub(crate) fn parse_iso(s: &str) -> Option<i64> {
    let t = OffsetDateTime::parse(s, &Rfc3339).ok()?;
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let ms = parse_iso("2026-06-24T10:00:00Z").unwrap();
        assert_eq!(format_ms(ms as u64), "2026-06-24T10:00:00Z");
        assert_eq!(format_ms(0), "1970-01-01T00:00:00Z");
        assert_eq!(parse_iso("2026-06-24T11:00:00.5+01:00"), Some(ms + 500));
        assert_eq!(parse_iso("2026-13-01T00:00:00Z"), None);
        assert_eq!(parse_iso("tomorrow"), None);
        assert_eq!(
            format_ms(parse_iso("2024-02-29T23:59:59Z").unwrap() as u64),
            "2024-02-29T23:59:59Z"
        );
    }

    /// The conformance deviations of issue 17: impossible dates were silently moved, and
    /// instants before 1970 were refused.
    #[test]
    fn impossible_dates_are_refused_and_old_instants_accepted() {
        assert_eq!(parse_iso("2031-02-29T10:00:00Z"), None);
        assert_eq!(parse_iso("2030-02-30T08:00:00Z"), None);
        assert_eq!(parse_iso("2030-01-01T08:00:60Z"), None);
        assert_eq!(parse_iso("1969-07-20T20:17:40Z"), Some(-14_182_940_000));
    }

    #[test]
    fn manual_clock_moves_only_when_advanced() {
        let c = Clock::new(true);
        let t0 = c.now_ms();
        assert!(c.advance(Duration::from_secs(5)));
        assert_eq!(c.now_ms(), t0 + 5000);
        assert!(!Clock::new(false).advance(Duration::from_secs(1)));
    }
}
