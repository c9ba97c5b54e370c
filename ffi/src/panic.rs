//! The panic boundary: no panic ever unwinds into C.
//!
//! [`run`] wraps every function that returns `ZexaStatus`: it clears the thread's last
//! error, runs the body, and turns a failure (or a caught panic) into a status and a record.
//! [`guard`] wraps the others (free functions, getters) and returns a default on panic.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::last_error::{self, Failure};
use crate::status::ZexaStatus;

/// Runs the body of a fallible entry point.
pub(crate) fn run(body: impl FnOnce() -> Result<(), Failure>) -> ZexaStatus {
    last_error::clear();
    // The body only touches its own arguments and values it creates; after a panic nothing
    // of it is observed again, so asserting unwind safety is sound.
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|panic| Err(panic_failure(&panic)));
    match outcome {
        // Cleared again: a callback of this call (a campaign's progress) may have called the
        // library and left its own failure, which is not this call's.
        Ok(()) => {
            last_error::clear();
            ZexaStatus::ZEXA_OK
        }
        Err(failure) => last_error::record(failure),
    }
}

/// Runs the body of an infallible entry point, returning `fallback` if it panics.
pub(crate) fn guard<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

fn panic_failure(panic: &Box<dyn std::any::Any + Send>) -> Failure {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    Failure::Panic(format!("internal error (panic caught at the C boundary): {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_internal_error() {
        let status = run(|| panic!("boom"));
        assert_eq!(status, ZexaStatus::ZEXA_INTERNAL_ERROR);
        assert_eq!(
            crate::last_error::zexa_last_error_status(),
            ZexaStatus::ZEXA_INTERNAL_ERROR
        );
        assert_eq!(guard(7, || panic!("boom")), 7);
    }
}
