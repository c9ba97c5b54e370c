use std::ffi::c_char;

use super::{Arena, ToC};

/// An asynchronous contact export. Owned as described for `ZexaContact`; freed with
/// `zexa_export_free`.
#[repr(C)]
pub struct ZexaExport {
    /// `exp_...`
    pub id: *const c_char,
    /// `pending`, `processing`, `completed`, `failed`, or a newer value.
    pub status: *const c_char,
    /// Where to download the file once completed, or NULL.
    pub download_url: *const c_char,
    /// Creation time, ISO 8601 UTC.
    pub created_at: *const c_char,
    /// Whether `status` is final, as the core decides.
    pub is_final: bool,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::Export {
    type C = ZexaExport;

    fn to_c(&self, a: &mut Arena) -> ZexaExport {
        ZexaExport {
            id: a.str(&self.id),
            status: a.str(self.status.as_str()),
            download_url: a.opt(self.download_url.as_deref()),
            created_at: a.str(&self.created_at),
            is_final: self.is_final(),
            extra_json: a.extra(&self.extra),
        }
    }
}
