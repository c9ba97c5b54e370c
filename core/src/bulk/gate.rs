//! The gate every bulk worker passes before a send. Three things keep a run at the account's
//! rate limit without surfacing 429s:
//! - one shared pause after a 429, for its `Retry-After` (not one per worker);
//! - a concurrency limit that halves on a 429 and grows back by one after a run of successes
//!   (additive increase, multiplicative decrease, as TCP does);
//! - a pace learnt from the 429: the sends that succeeded in the second before it are what
//!   the account allows per second, so afterwards at most 95 % of that many sends start in
//!   any second. Without it, each probe past the limit would cost a whole `Retry-After`
//!   pause. The pace grows by 5 % after [`PACE_PROBE`] without a 429, in case the limit rose.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The window over which sends are counted for the pace.
const WINDOW: Duration = Duration::from_secs(1);

/// How long the pace holds without a 429 before it grows.
const PACE_PROBE: Duration = Duration::from_secs(30);

/// How long a waiting worker sleeps before it looks at the stop flag again.
const RECHECK: Duration = Duration::from_millis(20);

pub(crate) struct Gate {
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    /// How many sends may be in flight now (1..=max).
    limit: usize,
    max: usize,
    active: usize,
    /// Successes since the limit last changed.
    successes: usize,
    paused_until: Option<Instant>,
    stopped: bool,
    /// Sends allowed to start per [`WINDOW`], once a 429 taught it.
    pace: Option<usize>,
    paced_since: Instant,
    /// When recent sends started, and when recent ones succeeded (the last [`WINDOW`]).
    starts: VecDeque<Instant>,
    successes_at: VecDeque<Instant>,
}

/// Drops the instants older than one window.
fn trim(instants: &mut VecDeque<Instant>, now: Instant) {
    while instants.front().is_some_and(|t| now.duration_since(*t) >= WINDOW) {
        instants.pop_front();
    }
}

/// How a send that passed the gate ended, for the gate.
pub(crate) enum Passage {
    /// Sent: counts towards growing the limit again.
    Done,
    /// Failed otherwise: changes nothing.
    Failed,
    RateLimited(Duration),
}

impl Gate {
    pub(crate) fn new(max: usize) -> Gate {
        Gate {
            state: Mutex::new(State {
                limit: max,
                max,
                active: 0,
                successes: 0,
                paused_until: None,
                stopped: false,
                pace: None,
                paced_since: Instant::now(),
                starts: VecDeque::new(),
                successes_at: VecDeque::new(),
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until a send may start; `false` when the run is stopping.
    pub(crate) fn enter(&self) -> bool {
        let mut state = self.lock();
        loop {
            if state.stopped {
                return false;
            }
            let now = Instant::now();
            match state.paused_until {
                Some(until) if until > now => {
                    let wait = (until - now).min(RECHECK);
                    state = self
                        .changed
                        .wait_timeout(state, wait)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                    continue;
                }
                Some(_) => state.paused_until = None,
                None => {}
            }
            if let Some(pace) = state.pace {
                if now.duration_since(state.paced_since) >= PACE_PROBE {
                    state.pace = Some(pace + pace.div_ceil(20));
                    state.paced_since = now;
                }
                trim(&mut state.starts, now);
                if state.starts.len() >= state.pace.unwrap_or(usize::MAX) {
                    let oldest = *state.starts.front().expect("the window is full");
                    let wait = (oldest + WINDOW).saturating_duration_since(now).min(RECHECK);
                    state = self
                        .changed
                        .wait_timeout(state, wait)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                    continue;
                }
            }
            if state.active < state.limit {
                state.active += 1;
                state.starts.push_back(now);
                return true;
            }
            state = self
                .changed
                .wait_timeout(state, RECHECK)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// Records how a send that entered ended.
    pub(crate) fn leave(&self, passage: Passage) {
        let mut state = self.lock();
        state.active -= 1;
        match passage {
            Passage::Done => {
                let now = Instant::now();
                trim(&mut state.successes_at, now);
                state.successes_at.push_back(now);
                state.successes += 1;
                if state.successes >= state.limit && state.limit < state.max {
                    state.limit += 1;
                    state.successes = 0;
                }
            }
            Passage::Failed => {}
            Passage::RateLimited(wait) => {
                let now = Instant::now();
                trim(&mut state.successes_at, now);
                // Only the first 429 of a burst teaches the pace; the ones in flight with it
                // say the same.
                if state.paused_until.is_none_or(|until| until <= now) {
                    let allowed = state.successes_at.len() * 95 / 100;
                    state.pace = Some(allowed.max(1));
                    state.paced_since = now;
                }
                let until = now + wait;
                state.paused_until = Some(state.paused_until.map_or(until, |u| u.max(until)));
                state.limit = (state.limit / 2).max(1);
                state.successes = 0;
            }
        }
        drop(state);
        self.changed.notify_all();
    }

    /// Makes every waiting and later [`Gate::enter`] return `false`.
    pub(crate) fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }

    #[cfg(test)]
    fn limit(&self) -> usize {
        self.lock().limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_429_halves_the_limit_and_successes_grow_it_back() {
        let gate = Gate::new(8);
        for _ in 0..20 {
            assert!(gate.enter());
            gate.leave(Passage::Done);
        }
        assert!(gate.enter());
        gate.leave(Passage::RateLimited(Duration::from_millis(1)));
        assert_eq!(gate.limit(), 4);
        // 20 sends succeeded in the last second: the pace is 95 % of that.
        assert_eq!(gate.lock().pace, Some(19));
        for _ in 0..4 {
            assert!(gate.enter());
            gate.leave(Passage::Done);
        }
        assert_eq!(gate.limit(), 5);
        gate.stop();
        assert!(!gate.enter());
    }

    #[test]
    fn a_pause_holds_every_worker_until_it_ends() {
        let gate = Gate::new(4);
        assert!(gate.enter());
        gate.leave(Passage::RateLimited(Duration::from_millis(150)));
        let started = Instant::now();
        assert!(gate.enter());
        assert!(
            started.elapsed() >= Duration::from_millis(140),
            "{:?}",
            started.elapsed()
        );
    }
}
