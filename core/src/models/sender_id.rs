use serde::{Deserialize, Serialize};

use super::Extra;
use crate::enums::{Channel, SenderIdStatus};

/// A registered sender ID (or verified email sender).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SenderId {
    /// Identifier of the registration.
    pub id: String,
    /// The name recipients see, used as `from` / `sender_id`.
    pub name: String,
    /// Channel it is registered for.
    pub channel: Channel,
    /// Review status.
    pub status: SenderIdStatus,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
