use std::ffi::c_char;

use super::{Arena, ToC};

/// A registered sender ID. Owned as described for `ZexaContact`; freed with
/// `zexa_sender_id_free`.
#[repr(C)]
pub struct ZexaSenderId {
    /// Identifier of the registration.
    pub id: *const c_char,
    /// The name recipients see, used as `from` / `sender_id`.
    pub name: *const c_char,
    /// Channel it is registered for.
    pub channel: *const c_char,
    /// `pending`, `approved`, `rejected`, or a newer value.
    pub status: *const c_char,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::SenderId {
    type C = ZexaSenderId;

    fn to_c(&self, a: &mut Arena) -> ZexaSenderId {
        ZexaSenderId {
            id: a.str(&self.id),
            name: a.str(&self.name),
            channel: a.str(self.channel.as_str()),
            status: a.str(self.status.as_str()),
            extra_json: a.extra(&self.extra),
        }
    }
}

/// A registered delivery-status webhook. Freed with `zexa_webhook_free`.
#[repr(C)]
pub struct ZexaWebhook {
    /// `wh_...`
    pub id: *const c_char,
    /// Where events are POSTed.
    pub url: *const c_char,
    /// Event types delivered.
    pub events: *const *const c_char,
    /// Number of `events`.
    pub events_len: usize,
    /// Creation time, ISO 8601 UTC.
    pub created_at: *const c_char,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::Webhook {
    type C = ZexaWebhook;

    fn to_c(&self, a: &mut Arena) -> ZexaWebhook {
        let (events, events_len) = a.strs(&self.events);
        ZexaWebhook {
            id: a.str(&self.id),
            url: a.str(&self.url),
            events,
            events_len,
            created_at: a.str(&self.created_at),
            extra_json: a.extra(&self.extra),
        }
    }
}

/// The account's credit balance. Freed with `zexa_credits_free`.
#[repr(C)]
pub struct ZexaCredits {
    /// Credits left.
    pub balance: f64,
    /// Currency code, e.g. `AOA`.
    pub currency: *const c_char,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::Credits {
    type C = ZexaCredits;

    fn to_c(&self, a: &mut Arena) -> ZexaCredits {
        ZexaCredits {
            balance: self.balance,
            currency: a.str(&self.currency),
            extra_json: a.extra(&self.extra),
        }
    }
}
