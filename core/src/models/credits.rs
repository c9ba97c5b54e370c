use serde::{Deserialize, Serialize};

use super::Extra;

/// The account's credit balance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Credits {
    /// Credits left.
    pub balance: f64,
    /// Currency code of the balance, e.g. `AOA`.
    pub currency: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
