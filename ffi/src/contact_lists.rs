//! Contact lists: create, list, iterate, add and remove members, page and iterate members.

use std::ffi::c_char;

use crate::client::{core_client, ZexaClient};
use crate::handle;
use crate::iter::{self, list_params, ZexaContactIter, ZexaContactListIter, ZexaListParams};
use crate::last_error::Failure;
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaContactList, ZexaContactListPage, ZexaContactPage};
use crate::panic::run;
use crate::status::ZexaStatus;
use crate::strings::{opt_string, str_arg, str_array};

/// A new contact list: `name` required, `description` may be NULL.
#[repr(C)]
pub struct ZexaCreateContactList {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// Name of the list.
    pub name: *const c_char,
    /// Description, or NULL.
    pub description: *const c_char,
}

/// `POST /contacts/list`: creates a list. `*out` is freed with `zexa_contact_list_free`.
/// Returns `ZEXA_INVALID_INPUT` for an empty name (refused by the core). Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contact_lists_create(
    client: *const ZexaClient,
    list: *const ZexaCreateContactList,
    out: *mut *mut ZexaContactList,
) -> ZexaStatus {
    emit(out, || {
        let list = handle::sized_arg(list, "list")?;
        let mut request = zexa::CreateContactList::new(str_arg(list.name, "name")?);
        request.description = opt_string(list.description, "description")?;
        recorded(client, |c| c.contact_lists().create(&request))
    })
}

/// `GET /contacts/list`: one page of lists (`params` NULL: first page, default size).
/// `*out` is freed with `zexa_contact_list_page_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contact_lists_list(
    client: *const ZexaClient,
    params: *const ZexaListParams,
    out: *mut *mut ZexaContactListPage,
) -> ZexaStatus {
    emit(out, || {
        let params = list_params(params)?;
        recorded(client, |c| c.contact_lists().list(&params))
    })
}

/// An iterator over every contact list (`params` NULL: from the first page). `*out` is freed
/// with `zexa_contact_list_iter_free`.
///
/// Statuses: `ZEXA_OK` (nothing is fetched yet: a refused parameter comes out of the first
/// `_iter_next`); `ZEXA_INVALID_ARGUMENT` for NULL or dead arguments.
#[no_mangle]
pub extern "C" fn zexa_contact_list_iter_new(
    client: *const ZexaClient,
    params: *const ZexaListParams,
    out: *mut *mut ZexaContactListIter,
) -> ZexaStatus {
    iter::start(out, || {
        let params = list_params(params)?;
        Ok(ZexaContactListIter(
            core_client(client)?.contact_lists().iter(&params),
        ))
    })
}

/// The next list: `*out` is freed with `zexa_contact_list_free`, or NULL with `ZEXA_OK` at the
/// end. A failure is returned once and ends the iteration.
///
/// Statuses: `ZEXA_OK` (with `*out` NULL at the end); `ZEXA_INVALID_INPUT` for refused page
/// parameters; the API statuses; `ZEXA_INVALID_ARGUMENT` for a NULL or dead iterator or NULL
/// `out`.
#[no_mangle]
pub extern "C" fn zexa_contact_list_iter_next(
    iter: *mut ZexaContactListIter,
    out: *mut *mut ZexaContactList,
) -> ZexaStatus {
    iter::next(iter, out)
}

/// Frees a contact-list iterator. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_contact_list_iter_free(iter: *mut ZexaContactListIter) {
    handle::free(iter)
}

/// The core's membership change from the C arrays.
fn membership(
    list_ids: *const *const c_char,
    list_ids_len: usize,
    contact_ids: *const *const c_char,
    contact_ids_len: usize,
) -> Result<zexa::ListMembership, Failure> {
    let lists = str_array(list_ids, list_ids_len, "list_ids")?;
    let contacts = str_array(contact_ids, contact_ids_len, "contact_ids")?;
    Ok(zexa::ListMembership::new(&lists, &contacts))
}

/// `POST /contacts/list/contacts`: adds every contact of `contact_ids` to every list of
/// `list_ids`. The core refuses empty arrays with `ZEXA_INVALID_INPUT`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contact_lists_add_contacts(
    client: *const ZexaClient,
    list_ids: *const *const c_char,
    list_ids_len: usize,
    contact_ids: *const *const c_char,
    contact_ids_len: usize,
) -> ZexaStatus {
    run(|| {
        let change = membership(list_ids, list_ids_len, contact_ids, contact_ids_len)?;
        recorded(client, |c| c.contact_lists().add_contacts(&change))
    })
}

/// `DELETE /contacts/list/contacts`: removes contacts from lists (the contacts remain).
/// Same arguments and statuses as `zexa_contact_lists_add_contacts`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contact_lists_remove_contacts(
    client: *const ZexaClient,
    list_ids: *const *const c_char,
    list_ids_len: usize,
    contact_ids: *const *const c_char,
    contact_ids_len: usize,
) -> ZexaStatus {
    run(|| {
        let change = membership(list_ids, list_ids_len, contact_ids, contact_ids_len)?;
        recorded(client, |c| c.contact_lists().remove_contacts(&change))
    })
}

/// `GET /contacts/list/{id}/contacts`: one page of a list's members (`params` NULL: first
/// page). `*out` is freed with `zexa_contact_page_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_contact_lists_members(
    client: *const ZexaClient,
    list_id: *const c_char,
    params: *const ZexaListParams,
    out: *mut *mut ZexaContactPage,
) -> ZexaStatus {
    emit(out, || {
        let params = list_params(params)?;
        let id = str_arg(list_id, "list_id")?;
        recorded(client, |c| c.contact_lists().contacts(id, &params))
    })
}

/// An iterator over every member of a list; advance it with `zexa_contact_iter_next` and
/// free it with `zexa_contact_iter_free`.
///
/// Statuses: `ZEXA_OK` (nothing is fetched yet: a refused parameter comes out of the first
/// `_iter_next`); `ZEXA_INVALID_ARGUMENT` for NULL or dead arguments.
#[no_mangle]
pub extern "C" fn zexa_contact_lists_members_iter_new(
    client: *const ZexaClient,
    list_id: *const c_char,
    params: *const ZexaListParams,
    out: *mut *mut ZexaContactIter,
) -> ZexaStatus {
    iter::start(out, || {
        let params = list_params(params)?;
        let id = str_arg(list_id, "list_id")?;
        Ok(ZexaContactIter(
            core_client(client)?.contact_lists().iter_contacts(id, &params),
        ))
    })
}

/// Frees a contact list. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_contact_list_free(list: *mut ZexaContactList) {
    free(list)
}

/// Frees a page of contact lists and its items. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_contact_list_page_free(page: *mut ZexaContactListPage) {
    free(page)
}

handle::sized_args!(ZexaCreateContactList);
