use std::ffi::c_char;

use super::{opt_count, Arena, ToC};

/// A contact list. Owned as described for `ZexaContact`; freed with `zexa_contact_list_free`.
#[repr(C)]
pub struct ZexaContactList {
    /// `lst_...`
    pub id: *const c_char,
    /// Name of the list.
    pub name: *const c_char,
    /// Description, or NULL.
    pub description: *const c_char,
    /// Number of contacts in the list, or -1 when the API did not say.
    pub contact_count: i64,
    /// Creation time, ISO 8601 UTC.
    pub created_at: *const c_char,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::ContactList {
    type C = ZexaContactList;

    fn to_c(&self, a: &mut Arena) -> ZexaContactList {
        ZexaContactList {
            id: a.str(&self.id),
            name: a.str(&self.name),
            description: a.opt(self.description.as_deref()),
            contact_count: opt_count(self.contact_count),
            created_at: a.str(&self.created_at),
            extra_json: a.extra(&self.extra),
        }
    }
}
