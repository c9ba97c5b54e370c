//! Contacts: create, get, update, delete, list, iterate.

use std::collections::BTreeMap;
use std::ffi::c_char;

use crate::client::{client, ZexaClient};
use crate::handle;
use crate::iter::{self, ZexaContactIter};
use crate::last_error::{bad_argument, Failure};
use crate::models::{emit, free, ZexaContact, ZexaContactPage};
use crate::panic::run;
use crate::status::zexa_status;
use crate::strings::{opt_str, opt_string, opt_string_array, str_arg, str_array, str_pairs};

/// `ZexaListContacts.valid`: no filter on validity.
pub const ZEXA_VALID_ANY: i32 = 0;
/// `ZexaListContacts.valid`: only contacts whose number is valid.
pub const ZEXA_VALID_ONLY: i32 = 1;
/// `ZexaListContacts.valid`: only contacts whose number is not valid.
pub const ZEXA_VALID_NOT: i32 = 2;

/// A new contact. `name` and `phone` (E.164) are required; every other pointer may be NULL.
/// The library copies what it needs during the call.
#[repr(C)]
pub struct ZexaCreateContact {
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
}

/// Filters and paging of a contact search. Zero-initialise it (`ZexaListContacts f = {0};`)
/// for no filter, page 1 and the default size; NULL strings are no filter.
#[repr(C)]
pub struct ZexaListContacts {
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
    /// `ZEXA_VALID_ANY` (0), `ZEXA_VALID_ONLY` or `ZEXA_VALID_NOT`.
    pub valid: i32,
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
        Ok(u)
    }
}

/// The core's search parameters from an optional `ZexaListContacts` (NULL: no filter).
fn list_contacts(filters: *const ZexaListContacts) -> Result<zexa::ListContacts, Failure> {
    let mut out = zexa::ListContacts::new();
    if filters.is_null() {
        return Ok(out);
    }
    let f = handle::arg(filters, "filters")?;
    out.list_id = opt_string(f.list_id, "list_id")?;
    out.name = opt_string(f.name, "name")?;
    out.phone = opt_string(f.phone, "phone")?;
    out.email = opt_string(f.email, "email")?;
    out.gender = opt_string(f.gender, "gender")?;
    out.valid = match f.valid {
        ZEXA_VALID_ANY => None,
        ZEXA_VALID_ONLY => Some(true),
        ZEXA_VALID_NOT => Some(false),
        _ => return Err(bad_argument("valid", "must be ZEXA_VALID_ANY, _ONLY or _NOT")),
    };
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
#[no_mangle]
pub extern "C" fn zexa_contacts_create(
    client_: *const ZexaClient,
    contact: *const ZexaCreateContact,
    out: *mut *mut ZexaContact,
) -> zexa_status {
    emit(out, || {
        let request = handle::arg(contact, "contact")?.to_core()?;
        Ok(client(client_)?.contacts().create(&request)?)
    })
}

/// `GET /contacts/{id}`. `*out` is freed with `zexa_contact_free`. `ZEXA_NOT_FOUND` when no
/// such contact exists. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_contacts_get(
    client_: *const ZexaClient,
    contact_id: *const c_char,
    out: *mut *mut ZexaContact,
) -> zexa_status {
    emit(out, || {
        Ok(client(client_)?
            .contacts()
            .get(str_arg(contact_id, "contact_id")?)?)
    })
}

/// `PUT /contacts/{id}`: changes the non-NULL fields of `changes`. `*out` is the updated
/// contact, freed with `zexa_contact_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_contacts_update(
    client_: *const ZexaClient,
    contact_id: *const c_char,
    changes: *const ZexaUpdateContact,
    out: *mut *mut ZexaContact,
) -> zexa_status {
    emit(out, || {
        let changes = handle::arg(changes, "changes")?.to_core()?;
        let id = str_arg(contact_id, "contact_id")?;
        Ok(client(client_)?.contacts().update(id, &changes)?)
    })
}

/// `DELETE /contacts/{id}`: deletes a contact permanently. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_contacts_delete(client_: *const ZexaClient, contact_id: *const c_char) -> zexa_status {
    run(|| {
        Ok(client(client_)?
            .contacts()
            .delete(str_arg(contact_id, "contact_id")?)?)
    })
}

/// `DELETE /contacts`: deletes `ids_len` contacts at once. The core refuses an empty array
/// with `ZEXA_INVALID_INPUT`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_contacts_delete_many(
    client_: *const ZexaClient,
    contact_ids: *const *const c_char,
    ids_len: usize,
) -> zexa_status {
    run(|| {
        let ids = str_array(contact_ids, ids_len, "contact_ids")?;
        Ok(client(client_)?.contacts().delete_many(&ids)?)
    })
}

/// `GET /contacts`: one page of contacts matching `filters` (NULL: no filter, first page).
/// `*out` is freed with `zexa_contact_page_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_contacts_list(
    client_: *const ZexaClient,
    filters: *const ZexaListContacts,
    out: *mut *mut ZexaContactPage,
) -> zexa_status {
    emit(out, || {
        let filters = list_contacts(filters)?;
        Ok(client(client_)?.contacts().list(&filters)?)
    })
}

/// An iterator over every contact matching `filters` (NULL: all), from `filters->page` on.
/// Nothing is fetched until the first `zexa_contact_iter_next`. `*out` is freed with
/// `zexa_contact_iter_free`; it keeps its own reference to the client's connection pool.
#[no_mangle]
pub extern "C" fn zexa_contact_iter_new(
    client_: *const ZexaClient,
    filters: *const ZexaListContacts,
    out: *mut *mut ZexaContactIter,
) -> zexa_status {
    iter::start(out, || {
        let filters = list_contacts(filters)?;
        Ok(ZexaContactIter(client(client_)?.contacts().iter(&filters)))
    })
}

/// The next contact: `*out` is a contact freed with `zexa_contact_free`, or NULL with
/// `ZEXA_OK` when the iteration is over. Pages are fetched as needed (one in memory). A
/// failure is returned once and ends the iteration (later calls give `ZEXA_OK` and NULL).
#[no_mangle]
pub extern "C" fn zexa_contact_iter_next(
    iter: *mut ZexaContactIter,
    out: *mut *mut ZexaContact,
) -> zexa_status {
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
