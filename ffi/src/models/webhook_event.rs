use std::ffi::c_char;

use super::{Arena, ToC};

/// A delivery-status event POSTed to a webhook. Freed with `zexa_webhook_event_free`.
#[repr(C)]
pub struct ZexaWebhookEvent {
    /// `evt_...`: use it to ignore a redelivered event.
    pub id: *const c_char,
    /// `message.delivered`, `message.failed`, `campaign.completed`, or a newer value.
    pub event_type: *const c_char,
    /// When it happened, ISO 8601 UTC.
    pub created_at: *const c_char,
    /// The message, for `message.*` events, or NULL.
    pub message_id: *const c_char,
    /// The campaign, or NULL.
    pub campaign_id: *const c_char,
    /// The new status (`delivered`, `failed`, `completed`...), or NULL.
    pub status: *const c_char,
    /// The recipient, for message events, or NULL.
    pub to: *const c_char,
    /// Why delivery failed, as JSON, or NULL.
    pub error_json: *const c_char,
    /// Fields of `data` this version does not model (e.g. campaign counters), as a JSON object.
    pub data_extra_json: *const c_char,
    /// Top-level fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::WebhookEvent {
    type C = ZexaWebhookEvent;

    fn to_c(&self, a: &mut Arena) -> ZexaWebhookEvent {
        let d = &self.data;
        ZexaWebhookEvent {
            id: a.str(&self.id),
            event_type: a.str(self.event_type.as_str()),
            created_at: a.str(&self.created_at),
            message_id: a.opt(d.message_id.as_deref()),
            campaign_id: a.opt(d.campaign_id.as_deref()),
            status: a.opt(d.status.as_deref()),
            to: a.opt(d.to.as_deref()),
            error_json: a.json(d.error.as_ref()),
            data_extra_json: a.extra(&d.extra),
            extra_json: a.extra(&self.extra),
        }
    }
}
