//! Contacts: create, get, update, delete, list, iterate.

use std::collections::BTreeMap;
use std::ffi::c_char;

use crate::client::{core_client, ZexaClient};
use crate::handle;
use crate::iter::{self, ZexaContactIter};
use crate::last_error::{bad_argument, Failure};
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaContact, ZexaContactPage};
use crate::panic::run;
use crate::status::ZexaStatus;
use crate::strings::{opt_str, opt_string, opt_string_array, str_arg, str_array, str_pairs};
use crate::tristate::{self, ZexaTristate};

/// A new contact. `name` and `phone` (E.164) are required; every other pointer may be NULL.
/// The library copies what it needs during the call.
#[repr(C)]
pub struct ZexaCreateContact {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// Full name.
    pub name: *const c_char,
    /// Phone number in E.164 (`+244912345678`); see `zexa_to_e164`.
    pub phone: *const c_char,
    /// Email address, or NULL.
    pub email: *const c_char,
    /// IDs of lists to add the contact to, or NULL.
    pub lists: *const *const c_char,
    /// Number of `lists`.
    pub lists_len: usize,
    /// Custom field names, parallel to `custom_field_values`, or NULL.
    pub custom_field_keys: *const *const c_char,
    /// Custom field values.
    pub custom_field_values: *const *const c_char,
    /// Number of custom fields.
    pub custom_fields_len: usize,
}

/// Changes to a contact: only the non-NULL fields are sent. A non-NULL array with length 0
/// sets an empty list; a NULL array leaves the field unchanged.
#[repr(C)]
pub struct ZexaUpdateContact {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// New name, or NULL.
    pub name: *const c_char,
    /// New phone (E.164), or NULL.
    pub phone: *const c_char,
    /// New email, or NULL.
    pub email: *const c_char,
    /// New list memberships, or NULL.
    pub lists: *const *const c_char,
    /// Number of `lists`.
    pub lists_len: usize,
    /// New custom field names, parallel to `custom_field_values`, or NULL.
    pub custom_field_keys: *const *const c_char,
    /// New custom field values.
    pub custom_field_values: *const *const c_char,
    /// Number of custom fields.
    pub custom_fields_len: usize,
    /// `true`: remove the email (sent as `null`); `email` must then be NULL.
    pub clear_email: bool,
    /// `true`: remove every custom field (sent as `null`); the custom field arrays must then
    /// be NULL.
    pub clear_custom_fields: bool,
}

/// Filters and paging of a contact search. `ZEXA_STRUCT_INIT(ZexaListContacts)` is no filter,
/// page 1 and the default size; NULL strings are no filter.
#[repr(C)]
pub struct ZexaListContacts {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// Only members of this list.
    pub list_id: *const c_char,
    /// Name contains.
    pub name: *const c_char,
    /// Phone number.
    pub phone: *const c_char,
    /// Email address.
    pub email: *const c_char,
    /// Gender.
    pub gender: *const c_char,
    /// `ZEXA_TRISTATE_TRUE`: only valid numbers; `ZEXA_TRISTATE_FALSE`: only invalid ones;
    /// `ZEXA_TRISTATE_UNSET` (0): no filter.
    pub valid: ZexaTristate,
    /// Only contacts reachable on this channel (`sms`, `email`...).
    pub channel: *const c_char,
    /// Page number from 1; 0 means the first page.
    pub page: u32,
    /// Items per page, 1 to 100; 0 means the default (50).
    pub per_page: u32,
}

/// A custom-field map from parallel arrays; NULL keys with length 0 is `None`.
fn custom_fields(
    keys: *const *const c_char,
    values: *const *const c_char,
    len: usize,
) -> Result<Option<BTreeMap<String, String>>, Failure> {
    if keys.is_null() && len == 0 {
        return Ok(None);
    }
    let pairs = str_pairs(keys, values, len, "custom_fields")?;
    Ok(Some(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
    ))
}

impl ZexaCreateContact {
    fn to_core(&self) -> Result<zexa::CreateContact, Failure> {
        let mut c = zexa::CreateContact::new(str_arg(self.name, "name")?, str_arg(self.phone, "phone")?);
        c.email = opt_string(self.email, "email")?;
        c.lists = opt_string_array(self.lists, self.lists_len, "lists")?;
        c.custom_fields = custom_fields(
            self.custom_field_keys,
            self.custom_field_values,
            self.custom_fields_len,
        )?;
        Ok(c)
    }
}

impl ZexaUpdateContact {
    fn to_core(&self) -> Result<zexa::UpdateContact, Failure> {
        let mut u = zexa::UpdateContact::new();
        u.name = opt_string(self.name, "name")?;
        u.phone = opt_string(self.phone, "phone")?;
        u.email = opt_string(self.email, "email")?.map(Some);
        u.lists = opt_string_array(self.lists, self.lists_len, "lists")?;
        u.custom_fields = custom_fields(
            self.custom_field_keys,
            self.custom_field_values,
            self.custom_fields_len,
        )?
        .map(Some);
        if self.clear_email {
            if u.email.is_some() {
                return Err(bad_argument("clear_email", "is true while email is set"));
            }
            u = u.clear_email();
        }
        if self.clear_custom_fields {
            if u.custom_fields.is_some() {
                return Err(bad_argument(
                    "clear_custom_fields",
                    "is true while custom fields are set",
                ));
            }
            u = u.clear_custom_fields();
        }
        Ok(u)
    }
}

/// The core's search parameters from an optional `ZexaListContacts` (NULL: no filter).
fn list_contacts(filters: *const ZexaListContacts) -> Result<zexa::ListContacts, Failure> {
    let mut out = zexa::ListContacts::new();
    let Some(f) = handle::opt_sized_arg(filters, "filters")? else {
        return Ok(out);
    };
    out.list_id = opt_string(f.list_id, "list_id")?;
    out.name = opt_string(f.name, "name")?;
    out.phone = opt_string(f.phone, "phone")?;
    out.email = opt_string(f.email, "email")?;
    out.gender = opt_string(f.gender, "gender")?;
    out.valid =
        tristate::from_c(f.valid).ok_or_else(|| bad_argument("valid", "must be a ZEXA_TRISTATE_* value"))?;
    out.channel = opt_str(f.channel, "channel")?.map(zexa::Channel::from);
    out.page = (f.page != 0).then_some(f.page);
    out.per_page = (f.per_page != 0).then_some(f.per_page);
    Ok(out)
}

/// `POST /contacts`: creates a contact.
///
/// On success `*out` is the new contact, freed with `zexa_contact_free`; on failure NULL.
/// Returns `ZEXA_INVALID_INPUT` when the core refuses the input locally (phone not E.164,
/// empty name, bad email), `ZEXA_CONFLICT` when the phone exists, any API or transport
/// status, or `ZEXA_INVALID_ARGUMENT` for NULL `client`/`contact`/`out`/required fields.
/// Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_create(
    client: *const ZexaClient,
    contact: *const ZexaCreateContact,
    out: *mut *mut ZexaContact,
) -> ZexaStatus {
    emit(out, || {
        let request = handle::sized_arg(contact, "contact")?.to_core()?;
        recorded(client, |c| c.contacts().create(&request))
    })
}

/// `GET /contacts/{id}`. `*out` is freed with `zexa_contact_free`. `ZEXA_NOT_FOUND` when no
/// such contact exists. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_get(
    client: *const ZexaClient,
    contact_id: *const c_char,
    out: *mut *mut ZexaContact,
) -> ZexaStatus {
    emit(out, || {
        let id = str_arg(contact_id, "contact_id")?;
        recorded(client, |c| c.contacts().get(id))
    })
}

/// `PUT /contacts/{id}`: changes the non-NULL fields of `changes`. `*out` is the updated
/// contact, freed with `zexa_contact_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_update(
    client: *const ZexaClient,
    contact_id: *const c_char,
    changes: *const ZexaUpdateContact,
    out: *mut *mut ZexaContact,
) -> ZexaStatus {
    emit(out, || {
        let changes = handle::sized_arg(changes, "changes")?.to_core()?;
        let id = str_arg(contact_id, "contact_id")?;
        recorded(client, |c| c.contacts().update(id, &changes))
    })
}

/// `DELETE /contacts/{id}`: deletes a contact permanently. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_delete(client: *const ZexaClient, contact_id: *const c_char) -> ZexaStatus {
    run(|| {
        let id = str_arg(contact_id, "contact_id")?;
        recorded(client, |c| c.contacts().delete(id))
    })
}

/// `DELETE /contacts`: deletes `ids_len` contacts at once. The core refuses an empty array
/// with `ZEXA_INVALID_INPUT`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_delete_many(
    client: *const ZexaClient,
    contact_ids: *const *const c_char,
    ids_len: usize,
) -> ZexaStatus {
    run(|| {
        let ids = str_array(contact_ids, ids_len, "contact_ids")?;
        recorded(client, |c| c.contacts().delete_many(&ids))
    })
}

/// `GET /contacts`: one page of contacts matching `filters` (NULL: no filter, first page).
/// `*out` is freed with `zexa_contact_page_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_list(
    client: *const ZexaClient,
    filters: *const ZexaListContacts,
    out: *mut *mut ZexaContactPage,
) -> ZexaStatus {
    emit(out, || {
        let filters = list_contacts(filters)?;
        recorded(client, |c| c.contacts().list(&filters))
    })
}

/// An iterator over every contact matching `filters` (NULL: all), from `filters->page` on.
/// Nothing is fetched until the first `zexa_contact_iter_next`. `*out` is freed with
/// `zexa_contact_iter_free`; it keeps its own reference to the client's connection pool.
///
/// Statuses: `ZEXA_OK` (nothing is fetched yet: a refused parameter comes out of the first
/// `_iter_next`); `ZEXA_INVALID_ARGUMENT` for NULL or dead arguments.
#[no_mangle]
pub extern "C" fn zexa_contact_iter_new(
    client: *const ZexaClient,
    filters: *const ZexaListContacts,
    out: *mut *mut ZexaContactIter,
) -> ZexaStatus {
    iter::start(out, || {
        let filters = list_contacts(filters)?;
        Ok(ZexaContactIter(core_client(client)?.contacts().iter(&filters)))
    })
}

/// The next contact: `*out` is a contact freed with `zexa_contact_free`, or NULL with
/// `ZEXA_OK` when the iteration is over. Pages are fetched as needed (one in memory). A
/// failure is returned once and ends the iteration (later calls give `ZEXA_OK` and NULL).
///
/// Statuses: `ZEXA_OK` (with `*out` NULL at the end); `ZEXA_INVALID_INPUT` for refused page
/// parameters; the API statuses; `ZEXA_INVALID_ARGUMENT` for a NULL or dead iterator or NULL
/// `out`.
#[no_mangle]
pub extern "C" fn zexa_contact_iter_next(
    iter: *mut ZexaContactIter,
    out: *mut *mut ZexaContact,
) -> ZexaStatus {
    iter::next(iter, out)
}

/// Frees a contact iterator. NULL is a no-op. Items already returned stay valid.
#[no_mangle]
pub extern "C" fn zexa_contact_iter_free(iter: *mut ZexaContactIter) {
    handle::free(iter)
}

/// Frees a contact and every string it holds. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_contact_free(contact: *mut ZexaContact) {
    free(contact)
}

/// Frees a page of contacts and its items. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_contact_page_free(page: *mut ZexaContactPage) {
    free(page)
}

handle::sized_args!(ZexaCreateContact, ZexaListContacts);

// SAFETY: `#[repr(C)]`, starts with `struct_size`, and holds raw pointers, integers and
// bools, for which zero means "not given".
unsafe impl handle::SizedArg for ZexaUpdateContact {
    /// The layout before `clear_email` and `clear_custom_fields` were appended: a caller built
    /// with that header is still served (the clear flags read as false).
    const MIN_SIZE: usize = std::mem::offset_of!(ZexaUpdateContact, clear_email);
    const NAME: &'static str = "ZexaUpdateContact";
}
