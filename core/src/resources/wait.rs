//! The poll loop behind [`Campaigns::wait`](crate::Campaigns::wait) and
//! [`Exports::wait`](crate::Exports::wait): one implementation of the interval, the deadline
//! and the cancellation of a wait.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use crate::client::Client;
use crate::error::{Error, Result};

/// How often a wait polls when no interval is given.
pub const DEFAULT_POLL_INTERVAL: Duration = Duration::from_secs(2);

/// What a wait's progress callback returns: nothing (keep waiting) or a [`ControlFlow`]
/// (`Break` stops the wait).
pub trait WaitControl {
    /// Whether the wait goes on.
    fn keep_waiting(self) -> bool;
}

impl WaitControl for () {
    fn keep_waiting(self) -> bool {
        true
    }
}

impl WaitControl for ControlFlow<()> {
    fn keep_waiting(self) -> bool {
        self.is_continue()
    }
}

/// How one wait polls.
pub(crate) struct Poll {
    /// `None`: [`DEFAULT_POLL_INTERVAL`].
    pub interval: Option<Duration>,
    /// `None`: wait as long as it takes.
    pub timeout: Option<Duration>,
}

impl Poll {
    /// Fetches with `fetch` until `is_final` says so or `progress` stops the wait, pausing
    /// `interval` between polls on the client's cancel token. Once `timeout` has passed, the
    /// last value seen goes to `timed_out` (with the time waited and the number of polls).
    pub(crate) fn run<T, R: WaitControl>(
        self,
        client: &Client,
        mut fetch: impl FnMut() -> Result<T>,
        is_final: impl Fn(&T) -> bool,
        mut progress: impl FnMut(&T) -> R,
        timed_out: impl FnOnce(T, Duration, u32) -> Error,
    ) -> Result<T> {
        let interval = self.interval.unwrap_or(DEFAULT_POLL_INTERVAL);
        if interval.is_zero() {
            return Err(Error::invalid("poll_interval", "must be greater than zero"));
        }
        let deadline = self.timeout.map(|t| Instant::now() + t);
        let mut polls = 0;
        loop {
            let value = fetch()?;
            polls += 1;
            let keep_waiting = progress(&value).keep_waiting();
            if !keep_waiting || is_final(&value) {
                return Ok(value);
            }
            let mut pause = interval;
            if let Some(deadline) = deadline {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(timed_out(value, self.timeout.unwrap_or_default(), polls));
                }
                pause = pause.min(left);
            }
            client.pause(pause)?;
        }
    }
}
