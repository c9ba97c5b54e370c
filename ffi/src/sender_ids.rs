//! Sender IDs: list and iterate the registered sender names.

use crate::client::{core_client, ZexaClient};
use crate::handle;
use crate::iter::{self, list_params, ZexaListParams, ZexaSenderIdIter};
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaSenderId, ZexaSenderIdPage};
use crate::status::ZexaStatus;

/// `GET /sender-ids`: one page of registered sender IDs (`params` NULL: first page). `*out`
/// is freed with `zexa_sender_id_page_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_sender_ids_list(
    client: *const ZexaClient,
    params: *const ZexaListParams,
    out: *mut *mut ZexaSenderIdPage,
) -> ZexaStatus {
    emit(out, || {
        let params = list_params(params)?;
        recorded(client, |c| c.sender_ids().list(&params))
    })
}

/// An iterator over every sender ID. `*out` is freed with `zexa_sender_id_iter_free`.
///
/// Statuses: `ZEXA_OK` (nothing is fetched yet: a refused parameter comes out of the first
/// `_iter_next`); `ZEXA_INVALID_ARGUMENT` for NULL or dead arguments.
#[no_mangle]
pub extern "C" fn zexa_sender_id_iter_new(
    client: *const ZexaClient,
    params: *const ZexaListParams,
    out: *mut *mut ZexaSenderIdIter,
) -> ZexaStatus {
    iter::start(out, || {
        let params = list_params(params)?;
        Ok(ZexaSenderIdIter(core_client(client)?.sender_ids().iter(&params)))
    })
}

/// The next sender ID: `*out` is freed with `zexa_sender_id_free`, or NULL with `ZEXA_OK` at
/// the end. A failure is returned once and ends the iteration.
///
/// Statuses: `ZEXA_OK` (with `*out` NULL at the end); `ZEXA_INVALID_INPUT` for refused page
/// parameters; the API statuses; `ZEXA_INVALID_ARGUMENT` for a NULL or dead iterator or NULL
/// `out`.
#[no_mangle]
pub extern "C" fn zexa_sender_id_iter_next(
    iter: *mut ZexaSenderIdIter,
    out: *mut *mut ZexaSenderId,
) -> ZexaStatus {
    iter::next(iter, out)
}

/// Frees a sender-ID iterator. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_sender_id_iter_free(iter: *mut ZexaSenderIdIter) {
    handle::free(iter)
}

/// Frees a sender ID. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_sender_id_free(sender_id: *mut ZexaSenderId) {
    free(sender_id)
}

/// Frees a page of sender IDs and its items. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_sender_id_page_free(page: *mut ZexaSenderIdPage) {
    free(page)
}
