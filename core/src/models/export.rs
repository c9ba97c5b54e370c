use serde::{Deserialize, Serialize};

use super::Extra;
use crate::enums::ExportStatus;

/// An asynchronous export of contacts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Export {
    /// `exp_...`
    pub id: String,
    /// Progress; `download_url` is set once `completed`.
    pub status: ExportStatus,
    /// Where to download the file once completed.
    #[serde(default)]
    pub download_url: Option<String>,
    /// Creation time, ISO 8601 UTC.
    pub created_at: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Export {
    /// `completed` or `failed`.
    pub fn is_final(&self) -> bool {
        self.status.is_final()
    }
}
