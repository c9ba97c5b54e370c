//! Pointers that cross the boundary: what the library hands out (handles, results, strings),
//! the structs the caller fills, out-pointers, and the checks on them.
//!
//! Everything the library hands out is a `Box` (or `CString`) turned into a raw pointer and
//! entered in a registry of live pointers with its type; the caller gives it back exactly once
//! to its `_free` function, which removes it from the registry and drops it. So a pointer that
//! is not a live one of the expected type (never created, of another type, already freed) is
//! never dereferenced: a call refuses it with `ZEXA_INVALID_ARGUMENT` and a `_free` ignores
//! it. The one case the registry cannot tell is a freed pointer whose address was handed out
//! again for a new object of the same type: that is the new object.

use std::any::TypeId;
use std::collections::HashMap;
use std::mem::{size_of, MaybeUninit};
use std::sync::{LazyLock, Mutex};

use crate::last_error::{bad_argument, Failure};
use crate::panic::guard;

/// Every pointer handed out and not yet freed, with the type it was made as.
static LIVE: LazyLock<Mutex<HashMap<usize, TypeId>>> = LazyLock::new(Mutex::default);

fn live() -> std::sync::MutexGuard<'static, HashMap<usize, TypeId>> {
    // A panic while the lock is held cannot leave the map half-changed (each use is one
    // insert, remove or lookup), so a poisoned lock is still sound to use.
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Enters `ptr` as a live pointer of type `T`.
pub(crate) fn register<T: 'static>(ptr: *const T) {
    live().insert(ptr as usize, TypeId::of::<T>());
}

/// Removes `ptr` from the registry if it is a live pointer of type `T`; whether it was.
pub(crate) fn unregister<T: 'static>(ptr: *const T) -> bool {
    let mut live = live();
    if live.get(&(ptr as usize)) == Some(&TypeId::of::<T>()) {
        live.remove(&(ptr as usize));
        true
    } else {
        false
    }
}

/// Whether `ptr` is a live pointer of type `T`.
fn is_live<T: 'static>(ptr: *const T) -> bool {
    live().get(&(ptr as usize)) == Some(&TypeId::of::<T>())
}

/// Moves `value` to the heap and registers it; the caller owns the pointer until it passes it
/// to [`free`].
pub(crate) fn new<T: 'static>(value: T) -> *mut T {
    let ptr = Box::into_raw(Box::new(value));
    register(ptr.cast_const());
    ptr
}

/// Drops a value made by [`new`]; NULL, and a pointer that is not a live one of this type,
/// are ignored (they are not ours to free).
pub(crate) fn free<T: 'static>(ptr: *mut T) {
    guard((), || {
        if !ptr.is_null() && unregister(ptr.cast_const()) {
            // SAFETY: the registry says `ptr` came from `Box::into_raw` in `new::<T>` and was
            // not freed since; it has just been removed, so it is dropped exactly once.
            drop(unsafe { Box::from_raw(ptr) });
        }
    })
}

/// Borrows the value behind a handle for the duration of a call.
pub(crate) fn get<'a, T: 'static>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    if ptr.is_null() {
        return Err(bad_argument(name, "must not be NULL"));
    }
    if !is_live(ptr) {
        return Err(bad_argument(
            name,
            "is not a live handle of its type (freed, never created, or of another type)",
        ));
    }
    // SAFETY: the registry says `ptr` points to a live `T` made by `new`; only shared access
    // is taken, for the duration of the call (freeing it meanwhile breaks the contract).
    Ok(unsafe { &*ptr })
}

/// Borrows the value behind a handle mutably; the caller must not use it on two threads at once.
pub(crate) fn get_mut<'a, T: 'static>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    get(ptr.cast_const(), name)?;
    // SAFETY: checked live just above; the contract of the functions taking a mutable handle
    // is that no other thread uses it during the call.
    Ok(unsafe { &mut *ptr })
}

/// A struct the caller fills (a request, filters), starting with `size_t struct_size`.
///
/// # Safety
/// The type is `#[repr(C)]`, its first field is a `usize` (`struct_size`), and all-zero bytes
/// are a valid value of it in which every field means "not given" (raw pointers, integers).
pub(crate) unsafe trait SizedArg: Sized + 'static {
    /// The smallest `struct_size` accepted: the size of the struct in the first release that
    /// had it. Fields added later are appended, and read only when `struct_size` covers them.
    const MIN_SIZE: usize;
    /// The name of the C type, for the error message.
    const NAME: &'static str;
}

/// Reads a caller's struct: the first `struct_size` bytes of it, the rest zero (not given).
/// NULL, or a `struct_size` this library does not know, is an argument failure.
pub(crate) fn sized_arg<T: SizedArg>(ptr: *const T, name: &str) -> Result<T, Failure> {
    if ptr.is_null() {
        return Err(bad_argument(name, "must not be NULL"));
    }
    // SAFETY: a non-NULL struct argument points to at least its `struct_size` field (the
    // documented contract); it is read alone before anything else is trusted.
    let size = unsafe { ptr.cast::<usize>().read_unaligned() };
    if size < T::MIN_SIZE || size > size_of::<T>() {
        return Err(bad_argument(
            name,
            &format!(
                "has struct_size {size}: initialise it with ZEXA_STRUCT_INIT({}) \
                 (this library reads {} to {} bytes)",
                T::NAME,
                T::MIN_SIZE,
                size_of::<T>()
            ),
        ));
    }
    let mut value = MaybeUninit::<T>::zeroed();
    // SAFETY: the caller's struct has `size` readable bytes (its own `struct_size`), and `size`
    // is at most `size_of::<T>()`; the bytes not copied stay zero, a valid "not given" value
    // per the `SizedArg` contract.
    unsafe {
        std::ptr::copy_nonoverlapping(ptr.cast::<u8>(), value.as_mut_ptr().cast::<u8>(), size);
        Ok(value.assume_init())
    }
}

/// Implements [`SizedArg`] for request structs of the first release (their size now is their
/// minimum size).
macro_rules! sized_args {
    ($($ty:ident),+ $(,)?) => {$(
        // SAFETY: `$ty` is `#[repr(C)]`, starts with `struct_size: usize`, and holds only raw
        // pointers and integers, for which zero means "not given".
        unsafe impl $crate::handle::SizedArg for $ty {
            const MIN_SIZE: usize = std::mem::size_of::<$ty>();
            const NAME: &'static str = stringify!($ty);
        }
    )+};
}
pub(crate) use sized_args;

/// Reads an optional caller's struct: NULL is `None`.
pub(crate) fn opt_sized_arg<T: SizedArg>(ptr: *const T, name: &str) -> Result<Option<T>, Failure> {
    if ptr.is_null() {
        Ok(None)
    } else {
        sized_arg(ptr, name).map(Some)
    }
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
    fn handles_of_another_type_never_created_or_freed_are_refused() {
        let a = new(A(7));
        assert_eq!(get(a, "a").map(|a| a.0).ok(), Some(7));
        assert!(
            get(a.cast::<B>().cast_const(), "b").is_err(),
            "a handle of another type"
        );
        assert!(get(0x10 as *const A, "a").is_err(), "a never-created pointer");
        free(a.cast::<B>()); // not a B: ignored, not freed
        assert!(get(a, "a").is_ok());
        free(a);
        assert!(get(a, "a").is_err(), "a freed handle");
        free(a); // a second free is ignored
        free(0x10 as *mut A); // never created: ignored, not dereferenced
    }

    #[repr(C)]
    struct Req {
        struct_size: usize,
        x: u32,
    }
    sized_args!(Req);

    #[test]
    fn struct_size_is_checked() {
        let ok = Req {
            struct_size: size_of::<Req>(),
            x: 3,
        };
        assert_eq!(sized_arg(&ok, "req").map(|r| r.x).ok(), Some(3));
        let zero = Req { struct_size: 0, x: 3 };
        assert!(sized_arg(&zero, "req").is_err(), "a struct never initialised");
        let big = Req {
            struct_size: 4096,
            x: 3,
        };
        assert!(sized_arg(&big, "req").is_err(), "a struct from a newer header");
    }
}
