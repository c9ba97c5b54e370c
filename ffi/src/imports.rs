//! Bulk import: upload a CSV/Excel or vCard file, then import it.

use std::collections::BTreeMap;
use std::ffi::c_char;

use crate::client::ZexaClient;
use crate::handle;
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaImportResult, ZexaUploadPreview};
use crate::status::ZexaStatus;
use crate::strings::{bytes_arg, opt_string_array, str_arg, str_pairs};

/// Imports an uploaded CSV/Excel file: the column mapping is given as parallel arrays
/// (`columns[i]` maps to `fields[i]`: `name`, `phone`, `email`, `gender` or `custom:<key>`).
#[repr(C)]
pub struct ZexaImportMapped {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// From `ZexaUploadPreview.upload_id`.
    pub upload_id: *const c_char,
    /// Column names of the file.
    pub columns: *const *const c_char,
    /// The contact field of each column.
    pub fields: *const *const c_char,
    /// Number of `columns` and `fields`.
    pub mapping_len: usize,
    /// Lists to add the imported contacts to, or NULL.
    pub lists: *const *const c_char,
    /// Number of `lists`.
    pub lists_len: usize,
}

/// Imports an uploaded vCard file.
#[repr(C)]
pub struct ZexaImportVcard {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// From `ZexaUploadPreview.upload_id`.
    pub upload_id: *const c_char,
    /// Lists to add the imported contacts to, or NULL.
    pub lists: *const *const c_char,
    /// Number of `lists`.
    pub lists_len: usize,
}

/// `POST /contacts/upload`: uploads `len` bytes of a CSV or Excel file named `filename` (its
/// extension chooses the content type) and returns its preview, freed with
/// `zexa_upload_preview_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_upload(
    client: *const ZexaClient,
    data: *const u8,
    len: usize,
    filename: *const c_char,
    out: *mut *mut ZexaUploadPreview,
) -> ZexaStatus {
    emit(out, || {
        let (data, name) = (bytes_arg(data, len, "data")?, str_arg(filename, "filename")?);
        recorded(client, |c| c.contacts().upload(data, name))
    })
}

/// `POST /contacts/upload/vcard`: uploads `len` bytes of a `.vcf` file; as
/// `zexa_contacts_upload`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_upload_vcard(
    client: *const ZexaClient,
    data: *const u8,
    len: usize,
    filename: *const c_char,
    out: *mut *mut ZexaUploadPreview,
) -> ZexaStatus {
    emit(out, || {
        let (data, name) = (bytes_arg(data, len, "data")?, str_arg(filename, "filename")?);
        recorded(client, |c| c.contacts().upload_vcard(data, name))
    })
}

/// `POST /contacts/mapped/file`: imports an uploaded file with a column mapping. `*out` is
/// freed with `zexa_import_result_free`. The core refuses an empty mapping with
/// `ZEXA_INVALID_INPUT`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_import_mapped(
    client: *const ZexaClient,
    import: *const ZexaImportMapped,
    out: *mut *mut ZexaImportResult,
) -> ZexaStatus {
    emit(out, || {
        let i = handle::sized_arg(import, "import")?;
        let mapping: BTreeMap<String, String> = str_pairs(i.columns, i.fields, i.mapping_len, "mapping")?
            .into_iter()
            .map(|(column, field)| (column.to_owned(), field.to_owned()))
            .collect();
        let mut request = zexa::ImportMapped::new(str_arg(i.upload_id, "upload_id")?, mapping);
        request.lists = opt_string_array(i.lists, i.lists_len, "lists")?;
        recorded(client, |c| c.contacts().import_mapped(&request))
    })
}

/// `POST /contacts/mapped/vcard`: imports an uploaded vCard file. `*out` is freed with
/// `zexa_import_result_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_contacts_import_vcard(
    client: *const ZexaClient,
    import: *const ZexaImportVcard,
    out: *mut *mut ZexaImportResult,
) -> ZexaStatus {
    emit(out, || {
        let i = handle::sized_arg(import, "import")?;
        let mut request = zexa::ImportVcard::new(str_arg(i.upload_id, "upload_id")?);
        request.lists = opt_string_array(i.lists, i.lists_len, "lists")?;
        recorded(client, |c| c.contacts().import_vcard(&request))
    })
}

/// Frees an upload preview. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_upload_preview_free(preview: *mut ZexaUploadPreview) {
    free(preview)
}

/// Frees an import result. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_import_result_free(result: *mut ZexaImportResult) {
    free(result)
}

handle::sized_args!(ZexaImportMapped, ZexaImportVcard);
