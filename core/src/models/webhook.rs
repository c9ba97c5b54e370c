use serde::{Deserialize, Serialize};

use super::Extra;

/// A registered delivery-status webhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Webhook {
    /// `wh_...`
    pub id: String,
    /// Where events are POSTed.
    pub url: String,
    /// Event types delivered, e.g. `message.delivered`.
    #[serde(default)]
    pub events: Vec<String>,
    /// Creation time, ISO 8601 UTC.
    pub created_at: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
