use serde::{Deserialize, Serialize};

use crate::enums::Channel;
use crate::sms::SmsSegments;

/// What a campaign would use, computed without creating it: made by
/// [`Campaigns::preview`](crate::Campaigns::preview).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CampaignPreview {
    /// The audience.
    pub contact_list_id: String,
    /// The channel it would send on.
    pub channel: Channel,
    /// How many contacts the list has now (one message each).
    pub recipients: u64,
    /// For SMS: the body's encoding and segments (each message is billed this many segments);
    /// `None` on other channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<SmsSegments>,
    /// For SMS: segments per message (`sms.segments`); `None` on other channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments_per_message: Option<u32>,
    /// For SMS: segments the whole campaign uses (recipients × segments per message); `None` on
    /// other channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_segments: Option<u64>,
}
