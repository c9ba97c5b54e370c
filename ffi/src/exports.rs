//! Contact exports: start one, follow it.

use std::ffi::c_char;

use crate::client::{core_client, ZexaClient};
use crate::handle;
use crate::models::{emit, free, ZexaExport};
use crate::status::ZexaStatus;
use crate::strings::{opt_string, str_arg};

/// A contact export: every field may be NULL (all contacts, CSV).
#[repr(C)]
pub struct ZexaCreateExport {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// Only this list's contacts, or NULL.
    pub list_id: *const c_char,
    /// File format, or NULL for `csv`.
    pub format: *const c_char,
}

/// `POST /exports/contacts`: starts an export of contacts (`request` NULL: all, as CSV); poll
/// it with `zexa_exports_get`. `*out` is freed with `zexa_export_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_contacts_export(
    client: *const ZexaClient,
    request: *const ZexaCreateExport,
    out: *mut *mut ZexaExport,
) -> ZexaStatus {
    emit(out, || {
        let mut export = zexa::CreateExport::new();
        if let Some(e) = handle::opt_sized_arg(request, "request")? {
            export.list_id = opt_string(e.list_id, "list_id")?;
            export.format = opt_string(e.format, "format")?.map(zexa::ExportFormat::from);
        }
        Ok(core_client(client)?.contacts().export(&export)?)
    })
}

/// `GET /exports/{id}`: an export's progress, with `download_url` once completed. `*out` is
/// freed with `zexa_export_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_exports_get(
    client: *const ZexaClient,
    export_id: *const c_char,
    out: *mut *mut ZexaExport,
) -> ZexaStatus {
    emit(out, || {
        Ok(core_client(client)?
            .exports()
            .get(str_arg(export_id, "export_id")?)?)
    })
}

/// Frees an export. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_export_free(export_info: *mut ZexaExport) {
    free(export_info)
}

handle::sized_args!(ZexaCreateExport);
