use std::ffi::c_char;

use super::{Arena, ToC};

/// A single message and its delivery status. Owned as described for `ZexaContact`; freed
/// with `zexa_message_free`.
#[repr(C)]
pub struct ZexaMessage {
    /// `msg_...`
    pub id: *const c_char,
    /// `queued`, `sent`, `delivered`, `failed`, `undelivered`, or a newer value.
    pub status: *const c_char,
    /// The channel it was sent on.
    pub channel: *const c_char,
    /// Recipient.
    pub to: *const c_char,
    /// Sender ID.
    pub from: *const c_char,
    /// Creation time, ISO 8601 UTC.
    pub created_at: *const c_char,
    /// Why delivery failed, as JSON (a string or an object), or NULL.
    pub error_json: *const c_char,
    /// When it was delivered, or NULL.
    pub delivered_at: *const c_char,
    /// Whether `status` is final, as the core decides.
    pub is_final: bool,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::Message {
    type C = ZexaMessage;

    fn to_c(&self, a: &mut Arena) -> ZexaMessage {
        ZexaMessage {
            id: a.str(&self.id),
            status: a.str(self.status.as_str()),
            channel: a.str(self.channel.as_str()),
            to: a.str(&self.to),
            from: a.str(&self.from),
            created_at: a.str(&self.created_at),
            error_json: a.json(self.error.as_ref()),
            delivered_at: a.opt(self.delivered_at.as_deref()),
            is_final: self.status.is_final(),
            extra_json: a.extra(&self.extra),
        }
    }
}
