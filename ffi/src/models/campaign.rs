use std::ffi::c_char;

use super::{opt_count, Arena, ToC};

/// A campaign and its delivery statistics. Owned as described for `ZexaContact`; freed with
/// `zexa_campaign_free`.
#[repr(C)]
pub struct ZexaCampaign {
    /// `cmp_...`
    pub id: *const c_char,
    /// Internal name.
    pub name: *const c_char,
    /// `draft`, `scheduled`, `processing`, `sent`, `completed`, `failed`, or a newer value as
    /// the API sent it.
    pub status: *const c_char,
    /// `sms`, `whatsapp`, `telegram`, `email`, `slack`, or a newer value.
    pub channel: *const c_char,
    /// Contacts targeted.
    pub total_recipients: u64,
    /// Messages delivered so far, or -1 when not reported.
    pub delivered: i64,
    /// Messages failed so far, or -1 when not reported.
    pub failed: i64,
    /// Creation time, ISO 8601 UTC.
    pub created_at: *const c_char,
    /// When sending began, or NULL.
    pub sent_at: *const c_char,
    /// When every message reached a final status, or NULL.
    pub completed_at: *const c_char,
    /// Whether `status` is final (`completed` or `failed`), as the core decides.
    pub is_final: bool,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::Campaign {
    type C = ZexaCampaign;

    fn to_c(&self, a: &mut Arena) -> ZexaCampaign {
        ZexaCampaign {
            id: a.str(&self.id),
            name: a.str(&self.name),
            status: a.str(self.status.as_str()),
            channel: a.str(self.channel.as_str()),
            total_recipients: self.total_recipients,
            delivered: opt_count(self.delivered),
            failed: opt_count(self.failed),
            created_at: a.str(&self.created_at),
            sent_at: a.opt(self.sent_at.as_deref()),
            completed_at: a.opt(self.completed_at.as_deref()),
            is_final: self.status.is_final(),
            extra_json: a.extra(&self.extra),
        }
    }
}
