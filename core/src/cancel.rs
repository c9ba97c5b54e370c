//! [`CancelToken`]: stopping a call from another thread.
//!
//! Calls made inside [`CancelToken::run`] check the token before every attempt, and their
//! waits (retry back-off, `Retry-After`, campaign polls) end as soon as the token is cancelled.
//! The call then returns [`crate::Error::Interrupted`], which says whether a request that may
//! take effect was on the wire when it stopped.
//!
//! The token is bound to the thread that runs the calls (a scope, not a client setting), so
//! everything a scope does stops with it: a call, the page fetches of an iterator, a campaign
//! wait, on any client.
//!
//! A token may also carry a check, asked on the calling thread every few milliseconds while a
//! call waits (for an answer, see `slicing.rs`, or in a back-off): the Python package's check
//! asks Python whether Ctrl-C came, so a call is stopped from the thread that makes it.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::slicing::SLICE;

/// A flag shared by the thread that runs a call and the threads that may stop it.
///
/// Cheap to clone: clones share the flag. Once cancelled, a token stays cancelled.
///
/// ```no_run
/// let client = zexa::Client::new("zx_live_key")?;
/// let token = zexa::CancelToken::new();
/// let stopper = token.clone();
/// std::thread::spawn(move || {
///     std::thread::sleep(std::time::Duration::from_secs(5));
///     stopper.cancel(); // ends the wait below at once
/// });
/// let result = token.run(|| client.campaigns().wait("cmp_1", std::time::Duration::from_secs(2), None));
/// assert_eq!(result.unwrap_err().kind(), zexa::ErrorKind::Interrupted);
/// # Ok::<(), zexa::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct CancelToken {
    state: Arc<State>,
}

/// A check asked while a call waits; `true` cancels the token.
type Check = dyn Fn() -> bool + Send + Sync;

#[derive(Default)]
struct State {
    check: Option<Box<Check>>,
    cancelled: Mutex<bool>,
    woken: Condvar,
    /// A request that can take effect (not a GET) may be on the wire now.
    effectful_in_flight: AtomicBool,
    /// A request that can take effect may have reached the server during this call (an
    /// attempt that ended without a clear "not processed").
    effect_possible: AtomicBool,
    attempts: AtomicU32,
}

impl std::fmt::Debug for CancelToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelToken")
            .field("cancelled", &self.is_cancelled())
            .finish_non_exhaustive()
    }
}

impl CancelToken {
    /// A token that is not cancelled.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// A token that also cancels itself when `check` returns `true`. The check is called on
    /// the thread that runs the calls, inside [`Self::run`], every few milliseconds while a
    /// call waits for an answer or sleeps before a retry (not while it connects, resolves a
    /// name or writes). It must be cheap.
    pub fn with_check(check: impl Fn() -> bool + Send + Sync + 'static) -> CancelToken {
        CancelToken {
            state: Arc::new(State {
                check: Some(Box::new(check)),
                ..State::default()
            }),
        }
    }

    /// Whether this token has a check to ask while calls wait.
    pub(crate) fn has_check(&self) -> bool {
        self.state.check.is_some()
    }

    /// Whether the token is cancelled, asking its check first (and cancelling when it says so).
    pub(crate) fn poll(&self) -> bool {
        if let Some(check) = &self.state.check {
            if check() {
                self.cancel();
            }
        }
        self.is_cancelled()
    }

    /// Stops the calls of clients made with this token: a wait ends at once, no further
    /// attempt starts. An attempt already on the wire runs to its end (its answer is dropped).
    pub fn cancel(&self) {
        let mut cancelled = self.state.cancelled.lock().unwrap_or_else(|e| e.into_inner());
        *cancelled = true;
        self.state.woken.notify_all();
    }

    /// Runs `body` with this token bound to the current thread: every call `body` makes on
    /// this thread, with any client, stops when the token is cancelled. Scopes nest; the
    /// innermost token is the one checked.
    pub fn run<R>(&self, body: impl FnOnce() -> R) -> R {
        struct Restore(Option<CancelToken>);
        impl Drop for Restore {
            fn drop(&mut self) {
                CURRENT.with(|current| *current.borrow_mut() = self.0.take());
            }
        }
        let _restore = Restore(CURRENT.with(|current| current.replace(Some(self.clone()))));
        body()
    }

    /// Whether [`Self::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        *self.state.cancelled.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The error a call stopped by this token returns: whether a request that can take effect
    /// was on the wire (or may have been processed) when it stopped, and how many attempts
    /// had started.
    pub fn interrupted_error(&self) -> Error {
        let may_have_executed = self.state.effectful_in_flight.load(Ordering::SeqCst)
            || self.state.effect_possible.load(Ordering::SeqCst);
        Error::Interrupted {
            attempts: self.state.attempts.load(Ordering::SeqCst),
            may_have_executed,
        }
    }

    /// Waits `pause`, or less if the token is cancelled meanwhile. Returns `false` when
    /// cancelled.
    pub(crate) fn sleep(&self, pause: Duration) -> bool {
        let deadline = Instant::now() + pause;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if self.is_cancelled() {
                return false;
            }
            if left.is_zero() {
                return true;
            }
            // With a check, wake up every slice to ask it.
            let wait = if self.has_check() { left.min(SLICE) } else { left };
            let cancelled = self.state.cancelled.lock().unwrap_or_else(|e| e.into_inner());
            if !*cancelled {
                drop(
                    self.state
                        .woken
                        .wait_timeout(cancelled, wait)
                        .unwrap_or_else(|e| e.into_inner()),
                );
            }
            if self.has_check() && self.poll() {
                return false;
            }
        }
    }

    /// Notes that an attempt starts; `effectful` when the method can change something.
    pub(crate) fn attempt_started(&self, effectful: bool) {
        self.state.attempts.fetch_add(1, Ordering::SeqCst);
        self.state.effectful_in_flight.store(effectful, Ordering::SeqCst);
    }

    /// Notes that the attempt ended; `may_have_executed` when it may have taken effect.
    pub(crate) fn attempt_ended(&self, may_have_executed: bool) {
        if may_have_executed {
            self.state.effect_possible.store(true, Ordering::SeqCst);
        }
        self.state.effectful_in_flight.store(false, Ordering::SeqCst);
    }
}

thread_local! {
    /// The token of the innermost [`CancelToken::run`] on this thread.
    static CURRENT: RefCell<Option<CancelToken>> = const { RefCell::new(None) };
}

/// The token the calls of this thread obey now, if any.
pub(crate) fn current() -> Option<CancelToken> {
    CURRENT.with(|current| current.borrow().clone())
}

/// A sleep that a token may cut short; a plain sleep without one.
pub(crate) fn pause(token: Option<&CancelToken>, wait: Duration) -> Result<(), Error> {
    match token {
        Some(token) if !token.sleep(wait) => Err(token.interrupted_error()),
        Some(_) => Ok(()),
        None => {
            std::thread::sleep(wait);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_sleep_ends_at_once_and_stays_cancelled() {
        let token = CancelToken::new();
        let other = token.clone();
        let sleeper = std::thread::spawn(move || other.sleep(Duration::from_secs(600)));
        token.cancel();
        assert!(!sleeper.join().unwrap(), "the sleep saw the cancellation");
        assert!(token.is_cancelled());
        assert!(
            !token.sleep(Duration::from_secs(600)),
            "a later sleep does not wait"
        );
    }

    #[test]
    fn scopes_bind_the_token_to_the_thread_and_nest() {
        let outer = CancelToken::new();
        let inner = CancelToken::new();
        assert!(current().is_none());
        outer.run(|| {
            inner.cancel();
            inner.run(|| assert!(current().unwrap().is_cancelled()));
            assert!(!current().unwrap().is_cancelled(), "the outer token is back");
            std::thread::spawn(|| assert!(current().is_none(), "other threads are not bound"))
                .join()
                .unwrap();
        });
        assert!(current().is_none());
    }

    #[test]
    fn a_check_cancels_a_sleep_from_the_sleeping_thread() {
        let asked = Arc::new(AtomicU32::new(0));
        let count = Arc::clone(&asked);
        let token = CancelToken::with_check(move || count.fetch_add(1, Ordering::SeqCst) >= 2);
        let started = Instant::now();
        assert!(!token.sleep(Duration::from_secs(600)));
        assert!(started.elapsed() < Duration::from_secs(60));
        assert_eq!(
            asked.load(Ordering::SeqCst),
            3,
            "asked every slice until it said stop"
        );
        assert!(token.is_cancelled());
    }

    #[test]
    fn an_uncancelled_sleep_runs_its_course() {
        let token = CancelToken::new();
        let started = Instant::now();
        assert!(token.sleep(Duration::from_millis(20)));
        assert!(started.elapsed() >= Duration::from_millis(20));
    }

    #[test]
    fn the_interrupted_error_says_whether_an_effectful_request_was_out() {
        let token = CancelToken::new();
        assert!(!token.interrupted_error().may_have_executed());
        token.attempt_started(false);
        assert!(
            !token.interrupted_error().may_have_executed(),
            "a GET has no effect"
        );
        token.attempt_ended(false);
        token.attempt_started(true);
        assert!(
            token.interrupted_error().may_have_executed(),
            "a POST was on the wire"
        );
        token.attempt_ended(false);
        let error = token.interrupted_error();
        assert!(!error.may_have_executed(), "the POST was refused");
        assert_eq!(error.attempts(), 2);
    }
}
