use std::ffi::c_char;

use super::{Arena, ToC};

/// An array of strings (one row of an upload preview).
#[repr(C)]
pub struct ZexaStrings {
    /// The strings.
    pub items: *const *const c_char,
    /// Number of `items`.
    pub len: usize,
}

/// What an uploaded file contains, to map its columns from. Freed with
/// `zexa_upload_preview_free`.
#[repr(C)]
pub struct ZexaUploadPreview {
    /// `upl_...`: pass it to the import call.
    pub upload_id: *const c_char,
    /// Column names found in the file.
    pub columns: *const *const c_char,
    /// Number of `columns`.
    pub columns_len: usize,
    /// The first rows of the file, one string per column.
    pub rows: *const *const ZexaStrings,
    /// Number of `rows`.
    pub rows_len: usize,
    /// How many data rows the file has.
    pub total_rows: u64,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::UploadPreview {
    type C = ZexaUploadPreview;

    fn to_c(&self, a: &mut Arena) -> ZexaUploadPreview {
        let (columns, columns_len) = a.strs(&self.columns);
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let (items, len) = a.strs(row);
                ZexaStrings { items, len }
            })
            .collect();
        let (rows, rows_len) = a.structs(rows);
        ZexaUploadPreview {
            upload_id: a.str(&self.upload_id),
            columns,
            columns_len,
            rows,
            rows_len,
            total_rows: self.total_rows,
            extra_json: a.extra(&self.extra),
        }
    }
}

/// One row of an import that was not imported.
#[repr(C)]
pub struct ZexaImportRowError {
    /// Row number in the file (1-based, over data rows).
    pub row: u64,
    /// Machine-readable code, e.g. `validation_error`.
    pub error: *const c_char,
    /// Human-readable reason.
    pub message: *const c_char,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::ImportRowError {
    type C = ZexaImportRowError;

    fn to_c(&self, a: &mut Arena) -> ZexaImportRowError {
        ZexaImportRowError {
            row: self.row,
            error: a.str(&self.error),
            message: a.str(&self.message),
            extra_json: a.extra(&self.extra),
        }
    }
}

/// The outcome of an import. Freed with `zexa_import_result_free`.
#[repr(C)]
pub struct ZexaImportResult {
    /// Contacts created.
    pub imported: u64,
    /// Rows not imported.
    pub skipped: u64,
    /// Why rows were skipped.
    pub errors: *const *const ZexaImportRowError,
    /// Number of `errors`.
    pub errors_len: usize,
    /// Fields this version does not model, as a JSON object string.
    pub extra_json: *const c_char,
}

impl ToC for zexa::ImportResult {
    type C = ZexaImportResult;

    fn to_c(&self, a: &mut Arena) -> ZexaImportResult {
        let (errors, errors_len) = a.views(&self.errors);
        ZexaImportResult {
            imported: self.imported,
            skipped: self.skipped,
            errors,
            errors_len,
            extra_json: a.extra(&self.extra),
        }
    }
}
