//! What a test (or the inbox page) can read back from a sandbox: the messages sent, the
//! webhook deliveries attempted and the request counters. The same types back the Rust
//! methods of [`crate::Sandbox`] and the JSON of the `/_sandbox/...` admin endpoints.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A message the sandbox accepted: a `POST /messages` or one recipient of a campaign,
/// with its status at the time of reading and what it said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentMessage {
    /// `msg_...`
    pub id: String,
    /// `queued`, `sent`, `delivered` or `failed`.
    pub status: String,
    /// `sms`, `whatsapp`, `telegram`, `email` or `slack`.
    pub channel: String,
    /// Recipient.
    pub to: String,
    /// Sender ID.
    pub from: String,
    /// The campaign it belongs to, for campaign recipients.
    pub campaign_id: Option<String>,
    /// The text body, when it was sent with one.
    pub body: Option<String>,
    /// The template object, when it was sent with one.
    pub template: Option<Value>,
    /// Creation time (`2026-06-24T10:00:00Z`).
    pub created_at: String,
    /// When it left the queue.
    pub sent_at: Option<String>,
    /// When it was delivered.
    pub delivered_at: Option<String>,
    /// When it failed.
    pub failed_at: Option<String>,
    /// `{"code", "message"}` of a failed message.
    pub error: Option<Value>,
}

/// Which messages [`crate::Sandbox::messages`] (and `GET /_sandbox/messages`) return; the
/// default matches every message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct MessageFilter {
    /// Only messages to this recipient.
    pub recipient: Option<String>,
    /// Only messages on this channel.
    pub channel: Option<String>,
    /// Only the recipients' messages of this campaign.
    pub campaign: Option<String>,
    /// Only the most recent `limit` matches (still oldest first).
    pub limit: Option<usize>,
}

/// One webhook POST the sandbox attempted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhookDelivery {
    /// Target URL.
    pub url: String,
    /// Event type, e.g. `message.delivered`.
    pub event_type: String,
    /// The event POSTed (`{"id", "type", "created_at", "data"}`).
    pub payload: Value,
    /// HTTP status the receiver answered, when it answered.
    pub status_code: Option<u16>,
    /// Why there was no answer (connection refused, timeout, not a loopback host...).
    pub error: Option<String>,
}

/// Request counters since the start or the last reset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Every API request received, faulted ones included.
    pub requests: u64,
    /// Requests per route template, e.g. `"GET /v1/contacts/{id}"`; unknown routes count as
    /// `"METHOD (unmatched)"`.
    pub by_route: BTreeMap<String, u64>,
    /// Faults applied.
    pub faults_applied: u64,
}
