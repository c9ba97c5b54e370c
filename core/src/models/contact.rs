use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Extra;

/// A contact: a recipient with a phone number in E.164 and optional email.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contact {
    /// `cnt_...`
    pub id: String,
    /// Full name.
    pub name: String,
    /// Phone number in E.164 (`+244912345678`).
    pub phone: String,
    /// Email address, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// IDs of the lists the contact belongs to (may be absent in list responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<String>>,
    /// Custom fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<BTreeMap<String, String>>,
    /// Gender, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Whether the number is valid for delivery, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid: Option<bool>,
    /// Creation time, ISO 8601 UTC.
    pub created_at: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
