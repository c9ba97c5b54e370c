use serde::{Deserialize, Serialize};

use super::Extra;

/// What an uploaded file contains, to map its columns from before importing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UploadPreview {
    /// `upl_...`: pass it to the import call.
    pub upload_id: String,
    /// Column names found in the file.
    #[serde(default)]
    pub columns: Vec<String>,
    /// The first rows of the file, one string per column.
    #[serde(default)]
    pub rows: Vec<Vec<String>>,
    /// How many data rows the file has.
    #[serde(default)]
    pub total_rows: u64,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportResult {
    /// Contacts created.
    pub imported: u64,
    /// Rows not imported.
    pub skipped: u64,
    /// Why rows were skipped.
    #[serde(default)]
    pub errors: Vec<ImportRowError>,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One row of an import that was not imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportRowError {
    /// Row number in the file (1-based, over data rows).
    pub row: u64,
    /// Machine-readable code, e.g. `validation_error`.
    pub error: String,
    /// Human-readable reason.
    #[serde(default)]
    pub message: String,
    /// Fields this version does not model.
    #[serde(flatten)]
    pub extra: Extra,
}
