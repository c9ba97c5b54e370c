//! Pointers that cross the boundary: opaque handles (`ZexaClient`, builders, iterators),
//! struct arguments, out-pointers, and the checks on them.
//!
//! A handle is a `Box` turned into a raw pointer; the caller gives it back exactly once to its
//! `_free` function, which turns it back into the `Box` and drops it. Each handle starts with a
//! tag naming its type, so that a pointer that is not a live handle of the expected type (a
//! never-created pointer, a handle of another type, most freed handles) is refused with
//! `ZEXA_INVALID_ARGUMENT` instead of being used. This is a best effort: a freed handle whose
//! memory was reused can still go unnoticed, so using one stays a caller bug.

use crate::last_error::{bad_argument, Failure};
use crate::panic::guard;

/// The heap block behind a handle: the tag first, so it is read at the pointer itself.
#[repr(C)]
struct Tagged<T> {
    tag: u64,
    value: T,
}

/// The tag of a freed handle.
const DEAD: u64 = 0;

/// The tag of a live handle of type `T`: a hash of the type's name (FNV-1a), never `DEAD`.
fn tag_of<T>() -> u64 {
    let hash = std::any::type_name::<T>()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    hash | 1
}

/// Moves `value` to the heap; the caller owns the pointer until it passes it to [`free`].
pub(crate) fn new<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(Tagged {
        tag: tag_of::<T>(),
        value,
    }))
    .cast()
}

/// Moves a result struct to the heap, untagged: C reads its fields at the pointer itself.
/// The caller owns it until it passes it to [`free_untagged`].
pub(crate) fn new_untagged<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Drops a value made by [`new_untagged`]; NULL is a no-op.
pub(crate) fn free_untagged<T>(ptr: *mut T) {
    guard((), || {
        if !ptr.is_null() {
            // SAFETY: `ptr` came from `Box::into_raw` in `new_untagged::<T>` (each `_free`
            // function only takes pointers of its own type) and is freed once, per the contract.
            drop(unsafe { Box::from_raw(ptr) });
        }
    })
}

/// Whether `ptr` (not NULL) carries the live tag of `T`.
fn is_live<T>(ptr: *const T) -> bool {
    // SAFETY: per the contract, a non-NULL handle points to at least the 8 readable bytes of
    // a block made by `new` (the tag is read before anything else is trusted); a volatile read
    // keeps the check from being optimised on the assumption that the pointer is valid.
    unsafe { std::ptr::read_volatile(ptr.cast::<u64>()) == tag_of::<T>() }
}

/// Drops a handle made by [`new`]; NULL is a no-op, and so is a pointer that is not a live
/// handle of this type (it is not ours to free).
pub(crate) fn free<T>(ptr: *mut T) {
    guard((), || {
        if ptr.is_null() || !is_live(ptr) {
            return;
        }
        let tagged = ptr.cast::<Tagged<T>>();
        // SAFETY: the tag says `ptr` came from `new::<T>` and is live; it is freed once, per
        // the contract, and marked dead first so that a second `_free` is caught.
        unsafe {
            (*tagged).tag = DEAD;
            drop(Box::from_raw(tagged));
        }
    })
}

/// Borrows the value behind a handle for the duration of a call.
pub(crate) fn get<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    if ptr.is_null() {
        return Err(bad_argument(name, "must not be NULL"));
    }
    if !is_live(ptr) {
        return Err(bad_argument(
            name,
            "is not a live handle of its type (freed, or never created)",
        ));
    }
    // SAFETY: the tag says `ptr` points to a live `Tagged<T>` made by `new`; only shared
    // access is taken, for the duration of the call.
    Ok(unsafe { &(*ptr.cast::<Tagged<T>>()).value })
}

/// Borrows the value behind a handle mutably; the caller must not use it on two threads at once.
pub(crate) fn get_mut<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    get(ptr.cast_const(), name)?;
    // SAFETY: checked live just above; the contract of the functions taking a mutable handle
    // is that no other thread uses it during the call.
    Ok(unsafe { &mut (*ptr.cast::<Tagged<T>>()).value })
}

/// Borrows a struct the caller owns (a request, filters), for the duration of a call; NULL is
/// an argument failure. Unlike handles, these are plain C structs and carry no tag.
pub(crate) fn arg<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    // SAFETY: a non-NULL argument points to a valid, initialised struct of this type for the
    // duration of the call (the documented contract of every struct argument).
    unsafe { ptr.as_ref() }.ok_or_else(|| bad_argument(name, "must not be NULL"))
}

/// Checks an out-pointer and sets `*out = NULL`, so it holds NULL on every failure.
pub(crate) fn out<'a, T>(out: *mut *mut T) -> Result<&'a mut *mut T, Failure> {
    // SAFETY: a non-NULL out-pointer points to writable storage for one pointer, valid during
    // the call (the documented contract of every `out` argument).
    let slot = unsafe { out.as_mut() }.ok_or_else(|| bad_argument("out", "must not be NULL"))?;
    *slot = std::ptr::null_mut();
    Ok(slot)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct A(u32);
    struct B(#[allow(dead_code)] u64);

    #[test]
    fn handles_of_another_type_or_never_created_are_refused() {
        let a = new(A(7));
        assert_eq!(get(a, "a").map(|a| a.0).ok(), Some(7));
        assert!(
            get(a.cast::<B>().cast_const(), "b").is_err(),
            "a handle of another type"
        );
        let zeros = [0u64; 4];
        assert!(
            get(zeros.as_ptr().cast::<A>(), "a").is_err(),
            "a never-created pointer"
        );
        free(a.cast::<B>()); // not a B: ignored, not freed
        assert!(get(a, "a").is_ok());
        free(a);
        let b = new(B(1));
        assert!(get(b, "b").is_ok());
        free(b);
    }
}
