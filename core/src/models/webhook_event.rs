use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Extra;
use crate::enums::WebhookEventType;
use crate::error::{Error, Result};

/// A delivery-status event that Zexa POSTs to a registered webhook URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookEvent {
    /// `evt_...`: use it to ignore a redelivered event.
    pub id: String,
    /// What happened; unknown types are kept as [`WebhookEventType::Unknown`].
    #[serde(rename = "type")]
    pub event_type: WebhookEventType,
    /// When it happened, ISO 8601 UTC.
    pub created_at: String,
    /// About which message or campaign.
    pub data: WebhookEventData,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The subject of a [`WebhookEvent`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookEventData {
    /// The message, for `message.*` events.
    #[serde(default)]
    pub message_id: Option<String>,
    /// The campaign the message belongs to, or the campaign of `campaign.*` events.
    #[serde(default)]
    pub campaign_id: Option<String>,
    /// The new status (`delivered`, `failed`, `completed`...).
    #[serde(default)]
    pub status: Option<String>,
    /// The recipient, for message events.
    #[serde(default)]
    pub to: Option<String>,
    /// Why delivery failed, when it did.
    #[serde(default)]
    pub error: Option<Value>,
    /// Fields this version does not model (e.g. campaign counters).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Parses the body of a webhook request into a typed event.
///
/// ```
/// let body = br#"{"id":"evt_1","type":"message.delivered","created_at":"2026-06-24T10:00:00Z",
///   "data":{"message_id":"msg_1","campaign_id":null,"status":"delivered","to":"+244912345678","error":null}}"#;
/// let event = zexa::parse_webhook_event(body)?;
/// assert_eq!(event.event_type, zexa::WebhookEventType::MessageDelivered);
/// # Ok::<(), zexa::Error>(())
/// ```
///
/// # Errors
/// [`Error::Decode`] (with status 0) when the payload is not such an event.
pub fn parse_webhook_event(payload: &[u8]) -> Result<WebhookEvent> {
    serde_json::from_slice(payload)
        .map_err(|e| Error::decode(0, format!("not a webhook event: {e}"), payload, 0, false))
}
