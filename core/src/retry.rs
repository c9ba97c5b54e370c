//! When a failed attempt may be sent again, and how long to wait first.
//!
//! The rule that protects users' money: a POST that may have reached the server is never
//! sent again. It is retried only when the connection was never made (refused, DNS failure)
//! or when the server answered 429 (a rate-limited request was not processed).

use std::time::Duration;

use crate::transport::{Attempt, Method};

/// Retry settings of a client. See [`crate::ClientBuilder::max_retries`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RetryPolicy {
    /// Retries after the first attempt (so at most `max_retries + 1` attempts).
    pub max_retries: u32,
    /// The first backoff; doubled on every further retry.
    pub initial_backoff: Duration,
    /// No backoff is longer than this.
    pub max_backoff: Duration,
    /// A 429 whose `Retry-After` is longer than this is returned at once instead of waited for.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

/// The most retries a client or a call may ask for: beyond it a setting is a mistake (a
/// negative number cast to unsigned), not a policy.
pub const MAX_RETRIES: u32 = 1000;

/// The longest time setting accepted (timeouts, back-off, `Retry-After` cap): one day. Longer
/// is a mistake, and a deadline that far would overflow the clock on some platforms.
pub const MAX_SETTING_DURATION: Duration = Duration::from_secs(24 * 3600);

/// Refuses a duration setting over [`MAX_SETTING_DURATION`].
pub(crate) fn check_duration(field: &str, value: Duration) -> crate::Result<()> {
    if value > MAX_SETTING_DURATION {
        return Err(crate::Error::invalid(
            field,
            format!("is {} ms, over the limit of one day", value.as_millis()),
        ));
    }
    Ok(())
}

/// Refuses a retry count over [`MAX_RETRIES`].
pub(crate) fn check_retries(max_retries: u32) -> crate::Result<()> {
    if max_retries > MAX_RETRIES {
        return Err(crate::Error::invalid(
            "max_retries",
            format!("is {max_retries}, over the limit of {MAX_RETRIES}"),
        ));
    }
    Ok(())
}

impl RetryPolicy {
    /// Checks the ranges of every setting.
    pub(crate) fn check(&self) -> crate::Result<()> {
        check_retries(self.max_retries)?;
        check_duration("retry_backoff", self.max_backoff)?;
        check_duration("max_retry_after", self.max_retry_after)?;
        if self.initial_backoff > self.max_backoff {
            return Err(crate::Error::invalid(
                "retry_backoff",
                "the initial back-off is longer than the maximum",
            ));
        }
        Ok(())
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Decision {
    /// Give up and return this attempt's outcome.
    GiveUp,
    /// Wait this long, then send again.
    RetryAfter(Duration),
}

impl RetryPolicy {
    /// Decides whether attempt number `attempt` (1-based) of a `method` request, which ended as
    /// `outcome`, is sent again.
    pub(crate) fn decide(&self, method: Method, attempt: u32, outcome: &Attempt) -> Decision {
        if attempt > self.max_retries {
            return Decision::GiveUp;
        }
        let idempotent = method.is_idempotent();
        match outcome {
            Attempt::Answered {
                status: 429,
                retry_after,
                ..
            } => match retry_after {
                Some(wait) if *wait <= self.max_retry_after => Decision::RetryAfter(*wait),
                Some(_) => Decision::GiveUp,
                None => Decision::RetryAfter(self.backoff(attempt)),
            },
            Attempt::Answered { status, .. } if *status >= 500 && idempotent => {
                Decision::RetryAfter(self.backoff(attempt))
            }
            Attempt::Answered { .. } => Decision::GiveUp,
            Attempt::NotConnected { .. }
            | Attempt::TimedOut {
                before_sending: true, ..
            } => Decision::RetryAfter(self.backoff(attempt)),
            Attempt::Failed { .. } | Attempt::TimedOut { .. } if idempotent => {
                Decision::RetryAfter(self.backoff(attempt))
            }
            Attempt::Failed { .. } | Attempt::TimedOut { .. } | Attempt::Fatal { .. } => Decision::GiveUp,
        }
    }

    /// Exponential backoff with jitter: a random wait between half and all of
    /// `initial * 2^(attempt-1)`, capped at `max_backoff`. Jitter keeps many clients that failed
    /// together from retrying together.
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .initial_backoff
            .saturating_mul(1u32 << (attempt - 1).min(16))
            .min(self.max_backoff);
        exp.mul_f64(0.5 + fastrand::f64() * 0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(status: u16, retry_after: Option<Duration>) -> Attempt {
        Attempt::Answered {
            status,
            retry_after,
            body: Vec::new(),
            request_id: None,
            headers: Default::default(),
        }
    }

    #[test]
    fn post_is_never_retried_after_it_may_have_arrived() {
        let p = RetryPolicy::default();
        assert_eq!(p.decide(Method::Post, 1, &answered(500, None)), Decision::GiveUp);
        assert_eq!(p.decide(Method::Post, 1, &answered(503, None)), Decision::GiveUp);
        let reset = Attempt::failed("reset".into());
        assert_eq!(p.decide(Method::Post, 1, &reset), Decision::GiveUp);
        let timeout = Attempt::TimedOut {
            message: "global".into(),
            before_sending: false,
            cause: None,
        };
        assert_eq!(p.decide(Method::Post, 1, &timeout), Decision::GiveUp);
    }

    #[test]
    fn post_is_retried_when_it_never_connected_or_was_rate_limited() {
        let p = RetryPolicy::default();
        let refused = Attempt::not_connected("refused".into());
        assert!(matches!(
            p.decide(Method::Post, 1, &refused),
            Decision::RetryAfter(_)
        ));
        let wait = Duration::from_secs(1);
        assert_eq!(
            p.decide(Method::Post, 1, &answered(429, Some(wait))),
            Decision::RetryAfter(wait)
        );
    }

    #[test]
    fn idempotent_methods_retry_on_5xx_and_failures() {
        let p = RetryPolicy::default();
        for m in [Method::Get, Method::Put, Method::Delete] {
            assert!(matches!(
                p.decide(m, 1, &answered(502, None)),
                Decision::RetryAfter(_)
            ));
            let reset = Attempt::failed("reset".into());
            assert!(matches!(p.decide(m, 2, &reset), Decision::RetryAfter(_)));
            assert_eq!(p.decide(m, 3, &reset), Decision::GiveUp, "retries are spent");
            assert_eq!(p.decide(m, 1, &answered(404, None)), Decision::GiveUp);
        }
    }

    #[test]
    fn retry_after_beyond_the_cap_gives_up() {
        let p = RetryPolicy::default();
        let long = answered(429, Some(Duration::from_secs(61)));
        assert_eq!(p.decide(Method::Get, 1, &long), Decision::GiveUp);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy::default();
        for attempt in 1..10 {
            let b = p.backoff(attempt);
            let full = (p.initial_backoff * (1 << (attempt - 1))).min(p.max_backoff);
            assert!(b >= full / 2 && b <= full, "attempt {attempt}: {b:?} vs {full:?}");
        }
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;

    fn build(b: crate::ClientBuilder) -> Option<String> {
        b.build().err().map(|e| e.to_string())
    }

    #[test]
    fn out_of_range_settings_are_refused_at_build() {
        let base = || crate::Client::builder("zx_test_key").base_url("http://127.0.0.1:9/v1");
        // Seen: 4000000000 retries accepted from C.
        assert!(build(base().max_retries(4_000_000_000))
            .unwrap()
            .contains("max_retries"));
        assert!(build(base().max_retries(MAX_RETRIES)).is_none());
        let day = MAX_SETTING_DURATION;
        let over = day + Duration::from_millis(1);
        assert!(build(base().timeout(over)).unwrap().contains("timeout"));
        assert!(build(base().connect_timeout(Duration::ZERO))
            .unwrap()
            .contains("connect_timeout"));
        assert!(build(base().total_timeout(over))
            .unwrap()
            .contains("total_timeout"));
        assert!(build(base().retry_backoff(Duration::from_secs(2), Duration::from_secs(1))).is_some());
        assert!(build(base().retry_backoff(Duration::ZERO, over))
            .unwrap()
            .contains("retry_backoff"));
        assert!(build(base().max_retry_after(over))
            .unwrap()
            .contains("max_retry_after"));
        assert!(build(base().max_response_bytes(0))
            .unwrap()
            .contains("max_response_bytes"));
        assert!(build(base().timeout(day).retry_backoff(Duration::ZERO, day)).is_none());
    }

    #[test]
    fn out_of_range_call_options_are_refused() {
        let client = crate::Client::builder("zx_test_key")
            .base_url("http://127.0.0.1:9/v1")
            .build()
            .unwrap();
        let refused = |o: crate::RequestOptions| client.with_options(&o).is_err();
        assert!(refused(crate::RequestOptions::new().max_retries(MAX_RETRIES + 1)));
        assert!(refused(
            crate::RequestOptions::new().timeout(MAX_SETTING_DURATION * 2)
        ));
        assert!(!refused(crate::RequestOptions::new().max_retries(3)));
    }
}
