//! Paging plumbing shared by every list endpoint: page parameters, and iterator handles over
//! the core's lazy `PageIter` (one page in memory at a time; the core fetches the next).

use zexa::PageIter;

use crate::handle;
use crate::last_error::Failure;
use crate::models::{owned, ToC};
use crate::panic::run;
use crate::status::ZexaStatus;

/// Page number and size of a list call. Zero-initialise it for the defaults; the core checks
/// the values (`per_page` 1 to 100) and refuses others with `ZEXA_INVALID_INPUT`.
#[repr(C)]
pub struct ZexaListParams {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// Page number from 1; 0 means the first page.
    pub page: u32,
    /// Items per page, 1 to 100; 0 means the API's default (50).
    pub per_page: u32,
}

/// An iterator over every contact of a search or of a list's members (opaque). Not
/// thread-safe: use it from one thread at a time. Free it with `zexa_contact_iter_free`.
pub struct ZexaContactIter(pub(crate) PageIter<zexa::Contact>);

/// An iterator over every contact list (opaque). Free it with `zexa_contact_list_iter_free`.
pub struct ZexaContactListIter(pub(crate) PageIter<zexa::ContactList>);

/// An iterator over every campaign (opaque). Free it with `zexa_campaign_iter_free`.
pub struct ZexaCampaignIter(pub(crate) PageIter<zexa::Campaign>);

/// An iterator over every sender ID (opaque). Free it with `zexa_sender_id_iter_free`.
pub struct ZexaSenderIdIter(pub(crate) PageIter<zexa::SenderId>);

/// An iterator handle over the core's `PageIter` of one model.
pub(crate) trait IterHandle {
    /// The core model it yields.
    type Item: ToC;
    /// The next item from the core iterator; `None` after the last one or after an error.
    fn next_item(&mut self) -> Option<zexa::Result<Self::Item>>;
}

/// Implements [`IterHandle`] for iterator handles wrapping a `PageIter`.
macro_rules! iter_handles {
    ($($handle:ident => $item:ty),+ $(,)?) => {$(
        impl IterHandle for $handle {
            type Item = $item;
            fn next_item(&mut self) -> Option<zexa::Result<$item>> {
                self.0.next()
            }
        }
    )+};
}

iter_handles! {
    ZexaContactIter => zexa::Contact,
    ZexaContactListIter => zexa::ContactList,
    ZexaCampaignIter => zexa::Campaign,
    ZexaSenderIdIter => zexa::SenderId,
}

/// The core's page parameters from an optional `ZexaListParams` (NULL: defaults).
pub(crate) fn list_params(params: *const ZexaListParams) -> Result<zexa::ListParams, Failure> {
    let mut out = zexa::ListParams::new();
    if let Some(p) = handle::opt_sized_arg(params, "params")? {
        out.page = (p.page != 0).then_some(p.page);
        out.per_page = (p.per_page != 0).then_some(p.per_page);
    }
    Ok(out)
}

/// The body of every `_iter_new` function: checks `out`, then makes the iterator handle.
pub(crate) fn start<H: 'static>(out: *mut *mut H, make: impl FnOnce() -> Result<H, Failure>) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        *slot = handle::new(make()?);
        Ok(())
    })
}

/// The body of every `_iter_next` function: `*out` is the next item (owned by the caller), or
/// NULL with `ZEXA_OK` at the end. An error is returned once and ends the iteration.
pub(crate) fn next<H: IterHandle + 'static>(iter: *mut H, out: *mut *mut <H::Item as ToC>::C) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        let iter = handle::get_mut(iter, "iter")?;
        if let Some(item) = iter.next_item() {
            *slot = owned(&item?);
        }
        Ok(())
    })
}

handle::sized_args!(ZexaListParams);
