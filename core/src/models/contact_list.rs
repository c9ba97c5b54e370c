use serde::{Deserialize, Serialize};

use super::Extra;

/// A named segment of contacts, the audience of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContactList {
    /// `lst_...`
    pub id: String,
    /// Name of the list.
    pub name: String,
    /// Description, if any.
    #[serde(default)]
    pub description: Option<String>,
    /// Number of contacts in the list, when the API says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_count: Option<u64>,
    /// Creation time, ISO 8601 UTC.
    pub created_at: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
