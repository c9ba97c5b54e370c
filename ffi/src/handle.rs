//! Pointers that cross the boundary: opaque handles (`ZexaClient`, iterators), out-pointers,
//! and the null checks on them.
//!
//! A handle is a `Box` turned into a raw pointer; the caller gives it back exactly once to its
//! `_free` function, which turns it back into the `Box` and drops it.

use crate::last_error::{bad_argument, Failure};
use crate::panic::guard;

/// Moves `value` to the heap; the caller owns the pointer until it passes it to [`free`].
pub(crate) fn new<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Drops a value made by [`new`]; NULL is a no-op.
pub(crate) fn free<T>(ptr: *mut T) {
    guard((), || {
        if !ptr.is_null() {
            // SAFETY: `ptr` came from `Box::into_raw` in `new::<T>` (the `_free` function of
            // each type only accepts pointers of that type) and is freed once, per the contract.
            drop(unsafe { Box::from_raw(ptr) });
        }
    })
}

/// Borrows the value behind a handle for the duration of a call; NULL is an argument failure.
pub(crate) fn get<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    // SAFETY: a non-NULL handle points to a live value made by `new` (the documented contract:
    // not freed yet); only shared access is taken.
    unsafe { ptr.as_ref() }.ok_or_else(|| bad_argument(name, "must not be NULL"))
}

/// Borrows the value behind a handle mutably; the caller must not use it on two threads at once.
pub(crate) fn get_mut<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: a non-NULL handle points to a live value made by `new`, and the contract of the
    // functions taking a mutable handle is that no other thread uses it during the call.
    unsafe { ptr.as_mut() }.ok_or_else(|| bad_argument(name, "must not be NULL"))
}

/// Checks an out-pointer and sets `*out = NULL`, so it holds NULL on every failure.
pub(crate) fn out<'a, T>(out: *mut *mut T) -> Result<&'a mut *mut T, Failure> {
    // SAFETY: a non-NULL out-pointer points to writable storage for one pointer, valid during
    // the call (the documented contract of every `out` argument).
    let slot = unsafe { out.as_mut() }.ok_or_else(|| bad_argument("out", "must not be NULL"))?;
    *slot = std::ptr::null_mut();
    Ok(slot)
}
