use std::ffi::c_char;

use super::{Arena, ToC};
use crate::tristate::{self, ZexaTristate};

/// A contact. Every pointer is owned by the struct (freed with `zexa_contact_free`, or with
/// the page or iterator item it belongs to); optional strings are NULL when absent.
#[repr(C)]
pub struct ZexaContact {
    /// `cnt_...`
    pub id: *const c_char,
    /// Full name.
    pub name: *const c_char,
    /// Phone number in E.164.
    pub phone: *const c_char,
    /// Email address, or NULL.
    pub email: *const c_char,
    /// IDs of the lists the contact belongs to (NULL when none or not sent).
    pub lists: *const *const c_char,
    /// Number of `lists`.
    pub lists_len: usize,
    /// Custom field names, parallel to `custom_field_values`.
    pub custom_field_keys: *const *const c_char,
    /// Custom field values.
    pub custom_field_values: *const *const c_char,
    /// Number of custom fields.
    pub custom_fields_len: usize,
    /// Gender, or NULL.
    pub gender: *const c_char,
    /// Whether the number is valid for delivery (`ZEXA_TRISTATE_UNSET` when the API did not say).
    pub valid: ZexaTristate,
    /// Creation time, ISO 8601 UTC.
    pub created_at: *const c_char,
    /// Fields this version does not model, as a JSON object string (`"{}"` when none).
    pub extra_json: *const c_char,
}

impl ToC for zexa::Contact {
    type C = ZexaContact;

    fn to_c(&self, a: &mut Arena) -> ZexaContact {
        let (lists, lists_len) = a.strs(self.lists.as_deref().unwrap_or_default());
        let (custom_field_keys, custom_field_values, custom_fields_len) = a.map(self.custom_fields.as_ref());
        ZexaContact {
            id: a.str(&self.id),
            name: a.str(&self.name),
            phone: a.str(&self.phone),
            email: a.opt(self.email.as_deref()),
            lists,
            lists_len,
            custom_field_keys,
            custom_field_values,
            custom_fields_len,
            gender: a.opt(self.gender.as_deref()),
            valid: tristate::to_c(self.valid),
            created_at: a.str(&self.created_at),
            extra_json: a.extra(&self.extra),
        }
    }
}
