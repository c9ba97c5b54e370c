//! The C views of the core's models: `#[repr(C)]` structs of pointers into storage that the
//! struct owns, and the [`ToC`] conversions that build them.
//!
//! A result handed to the caller is an [`Owned`]: the public struct first, then the
//! [`Arena`] holding every string and array it points to. The caller sees a pointer to the
//! public struct, and gives it back to its `_free` function, which drops the whole `Owned`.

mod campaign;
mod contact;
mod contact_list;
mod export;
mod import;
mod message;
mod misc;
mod page;
mod sms;
mod webhook_event;

pub use campaign::ZexaCampaign;
pub use contact::ZexaContact;
pub use contact_list::ZexaContactList;
pub use export::ZexaExport;
pub use import::{ZexaImportResult, ZexaUploadPreview};
pub use message::ZexaMessage;
pub use misc::{ZexaCredits, ZexaSenderId, ZexaWebhook};
pub use page::{ZexaCampaignPage, ZexaContactListPage, ZexaContactPage, ZexaSenderIdPage};
pub use sms::{ZexaCampaignPreview, ZexaSmsSegments, ZexaSmsSmartEncoded};
pub use webhook_event::ZexaWebhookEvent;

use std::any::Any;
use std::collections::BTreeMap;
use std::ffi::{c_char, CString};
use std::ptr;

use serde_json::{Map, Value};

use crate::handle;
use crate::last_error::Failure;
use crate::panic::run;
use crate::status::ZexaStatus;
use crate::strings::to_cstring;

/// A core model that has a C view.
pub(crate) trait ToC {
    /// The public `#[repr(C)]` struct.
    type C: 'static;
    /// Builds the C view, storing what it points to in `arena`.
    fn to_c(&self, arena: &mut Arena) -> Self::C;
}

/// Storage for the strings and arrays a C view points to. Moving the arena (or the `Owned`
/// holding it) does not move that storage: each item is its own heap block.
#[derive(Default)]
pub(crate) struct Arena {
    strings: Vec<CString>,
    blocks: Vec<Box<dyn Any>>,
}

impl Arena {
    /// A C string of `text`.
    pub(crate) fn str(&mut self, text: &str) -> *const c_char {
        let owned = to_cstring(text);
        let ptr = owned.as_ptr();
        self.strings.push(owned);
        ptr
    }

    /// A C string of `text`, or NULL.
    pub(crate) fn opt(&mut self, text: Option<&str>) -> *const c_char {
        text.map_or(ptr::null(), |t| self.str(t))
    }

    /// A JSON string of `value`, or NULL.
    pub(crate) fn json(&mut self, value: Option<&Value>) -> *const c_char {
        value.map_or(ptr::null(), |v| self.str(&v.to_string()))
    }

    /// The unknown fields of a model as a JSON object string (`"{}"` when there are none).
    pub(crate) fn extra(&mut self, extra: &Map<String, Value>) -> *const c_char {
        let text = serde_json::to_string(extra).unwrap_or_else(|_| "{}".to_owned());
        self.str(&text)
    }

    /// An array of `items`, or NULL when there are none.
    pub(crate) fn slice<T: 'static>(&mut self, items: Vec<T>) -> (*const T, usize) {
        if items.is_empty() {
            return (ptr::null(), 0);
        }
        let block: Box<[T]> = items.into_boxed_slice();
        let (ptr, len) = (block.as_ptr(), block.len());
        self.blocks.push(Box::new(block));
        (ptr, len)
    }

    /// An array of C strings, or NULL when there are none.
    pub(crate) fn strs<S: AsRef<str>>(&mut self, items: &[S]) -> (*const *const c_char, usize) {
        let ptrs = items.iter().map(|s| self.str(s.as_ref())).collect();
        self.slice(ptrs)
    }

    /// An array of pointers to `items` (NULL when there are none). Results hold arrays of
    /// pointers, never arrays of structs, so that a struct can grow without changing where
    /// the next item starts (see ffi/ABI.md).
    pub(crate) fn structs<T: 'static>(&mut self, items: Vec<T>) -> (*const *const T, usize) {
        if items.is_empty() {
            return (ptr::null(), 0);
        }
        let block: Box<[T]> = items.into_boxed_slice();
        let ptrs: Vec<*const T> = block.iter().map(|item| item as *const T).collect();
        self.blocks.push(Box::new(block));
        self.slice(ptrs)
    }

    /// A pointer to `item`, stored in the arena.
    pub(crate) fn one<T: 'static>(&mut self, item: T) -> *const T {
        let block = Box::new(item);
        let ptr: *const T = &*block;
        self.blocks.push(block);
        ptr
    }

    /// The C views of `items`, as an array of pointers.
    pub(crate) fn views<M: ToC>(&mut self, items: &[M]) -> (*const *const M::C, usize) {
        let views = items.iter().map(|m| m.to_c(self)).collect();
        self.structs(views)
    }

    /// A string map as parallel arrays of keys and values, and their length.
    pub(crate) fn map(
        &mut self,
        map: Option<&BTreeMap<String, String>>,
    ) -> (*const *const c_char, *const *const c_char, usize) {
        let (keys, values): (Vec<&String>, Vec<&String>) = map.into_iter().flatten().unzip();
        let (keys, len) = self.strs(&keys);
        let (values, _) = self.strs(&values);
        (keys, values, len)
    }
}

/// An optional count as a C integer: -1 when absent.
pub(crate) fn opt_count(count: Option<u64>) -> i64 {
    count.map_or(-1, |c| i64::try_from(c).unwrap_or(i64::MAX))
}

/// A C view and the storage it points into. `value` must stay the first field: the caller's
/// pointer to it is also a pointer to the whole `Owned`.
#[repr(C)]
struct Owned<C> {
    value: C,
    arena: Arena,
}

/// The C view of `model`, owned by the caller until it passes it to [`free`].
pub(crate) fn owned<M: ToC>(model: &M) -> *mut M::C {
    let mut arena = Arena::default();
    let value = model.to_c(&mut arena);
    handle::new(Owned { value, arena }).cast::<M::C>()
}

/// Calls `use_view` with a C view of `model` that lives only during the call.
pub(crate) fn with_view<M: ToC, R>(model: &M, use_view: impl FnOnce(&M::C) -> R) -> R {
    let mut arena = Arena::default();
    let value = model.to_c(&mut arena);
    use_view(&value)
}

/// Frees a view made by [`owned`]; NULL, a pointer freed before and one that is not such a
/// view of this type are ignored (the registry of `handle.rs` tells them apart).
pub(crate) fn free<C: 'static>(view: *mut C) {
    // `Owned<C>` is `repr(C)` with the view first, so the pointer to the view is the pointer
    // to the `Owned` that `owned` boxed.
    handle::free(view.cast::<Owned<C>>())
}

/// The body of every call that returns one model through `out`: checks `out`, makes the call,
/// and hands the caller the model's C view.
pub(crate) fn emit<M: ToC>(out: *mut *mut M::C, call: impl FnOnce() -> Result<M, Failure>) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        let model = call()?;
        *slot = owned(&model);
        Ok(())
    })
}
