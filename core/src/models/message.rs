use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Extra;
use crate::enums::{Channel, MessageStatus};

/// A single message and its delivery status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// `msg_...`
    pub id: String,
    /// Delivery status.
    pub status: MessageStatus,
    /// Channel it was sent on.
    pub channel: Channel,
    /// Recipient.
    pub to: String,
    /// Sender ID it was sent from.
    pub from: String,
    /// Creation time, ISO 8601 UTC.
    pub created_at: String,
    /// Why delivery failed, when it did (a string or an object, as the API sends it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
    /// When it was delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
