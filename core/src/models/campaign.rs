use serde::{Deserialize, Serialize};

use super::Extra;
use crate::enums::{CampaignStatus, Channel};

/// A broadcast campaign and its delivery statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Campaign {
    /// `cmp_...`
    pub id: String,
    /// Internal name.
    pub name: String,
    /// Where the campaign is in its life.
    pub status: CampaignStatus,
    /// Channel it sends on.
    pub channel: Channel,
    /// Contacts targeted.
    #[serde(default)]
    pub total_recipients: u64,
    /// Messages delivered so far (on `get`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered: Option<u64>,
    /// Messages failed so far (on `get`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<u64>,
    /// Creation time, ISO 8601 UTC.
    pub created_at: String,
    /// When sending began; `None` until it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    /// When every message reached a final status; `None` until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
