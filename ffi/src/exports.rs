//! Contact exports: start one, follow it, wait for it, download its file.

use std::ffi::{c_char, c_int, c_void};
use std::io::{self, Write};
use std::time::Duration;

use crate::client::ZexaClient;
use crate::handle;
use crate::last_error::{bad_argument, Failure};
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaExport};
use crate::panic::run;
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
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
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
        recorded(client, |c| c.contacts().export(&export))
    })
}

/// `GET /exports/{id}`: an export's progress, with `download_url` once completed. `*out` is
/// freed with `zexa_export_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_exports_get(
    client: *const ZexaClient,
    export_id: *const c_char,
    out: *mut *mut ZexaExport,
) -> ZexaStatus {
    emit(out, || {
        let id = str_arg(export_id, "export_id")?;
        recorded(client, |c| c.exports().get(id))
    })
}

/// Frees an export. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_export_free(export_info: *mut ZexaExport) {
    free(export_info)
}

handle::sized_args!(ZexaCreateExport);

/// Polls an export every `poll_interval_ms` (0: the library's default, 2 s) until it is
/// `completed` or `failed`, and returns it in `*out` (freed with `zexa_export_free`).
/// `timeout_ms` 0 waits without limit.
///
/// Statuses: `ZEXA_OK` (also for a `failed` export: check `status`); `ZEXA_TIMEOUT`;
/// `ZEXA_NOT_FOUND`; the API statuses; `ZEXA_INVALID_ARGUMENT` for NULL or dead arguments.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_exports_wait(
    client: *const ZexaClient,
    export_id: *const c_char,
    poll_interval_ms: u64,
    timeout_ms: u64,
    out: *mut *mut ZexaExport,
) -> ZexaStatus {
    emit(out, || {
        let id = str_arg(export_id, "export_id")?;
        // 0 is "not given": the core's default applies.
        let interval = (poll_interval_ms != 0).then(|| Duration::from_millis(poll_interval_ms));
        let timeout = (timeout_ms != 0).then(|| Duration::from_millis(timeout_ms));
        recorded(client, |c| c.exports().wait(id, interval, timeout))
    })
}

/// Receives the bytes of a download, in order: `len` bytes at `data` (valid only during the
/// call), and the caller's `userdata`. Returns 0 to go on, non-zero to stop the download with
/// `ZEXA_CANCELLED`. Runs on the calling thread; must not unwind.
pub type ZexaWriteFn =
    Option<unsafe extern "C" fn(data: *const u8, len: usize, userdata: *mut c_void) -> c_int>;

/// A `Write` over the caller's callback; remembers whether the callback asked to stop.
struct CallbackWriter {
    write: unsafe extern "C" fn(data: *const u8, len: usize, userdata: *mut c_void) -> c_int,
    userdata: *mut c_void,
    stopped: bool,
}

impl Write for CallbackWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // SAFETY: the caller's function of the documented signature, given `buf.len()`
        // readable bytes that live during the call and its own `userdata`.
        if unsafe { (self.write)(buf.as_ptr(), buf.len(), self.userdata) } != 0 {
            self.stopped = true;
            return Err(io::Error::other("the write callback stopped the download"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Streams a completed export's file (`export_id`) to `write`, chunk by chunk (never whole in
/// memory), and sets `*out_bytes` (may be NULL) to the number of bytes written. The API key is
/// sent only when the file is on the API's own host; the size is capped by the core.
///
/// Statuses: `ZEXA_OK`; `ZEXA_CANCELLED` when `write` returned non-zero; `ZEXA_INVALID_INPUT`
/// when the export is not completed; `ZEXA_NOT_FOUND`; the API statuses (a failure after bytes
/// were written is not retried); `ZEXA_INVALID_ARGUMENT` for NULL or dead arguments.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_exports_download(
    client: *const ZexaClient,
    export_id: *const c_char,
    write: ZexaWriteFn,
    userdata: *mut c_void,
    out_bytes: *mut u64,
) -> ZexaStatus {
    run(|| {
        let id = str_arg(export_id, "export_id")?;
        let write = write.ok_or_else(|| bad_argument("write", "must not be NULL"))?;
        let mut writer = CallbackWriter {
            write,
            userdata,
            stopped: false,
        };
        let written = recorded(client, |c| c.exports().download(id, &mut writer));
        if writer.stopped {
            return Err(Failure::Cancelled(format!(
                "the write callback stopped the download of export {id}"
            )));
        }
        let written = written?;
        // SAFETY: a non-NULL `out_bytes` points to writable storage for one u64.
        if let Some(slot) = unsafe { out_bytes.as_mut() } {
            *slot = written;
        }
        Ok(())
    })
}

/// Streams a completed export's file to the open file descriptor `fd` (a file, a pipe, a
/// socket; not closed), as `zexa_exports_download`. Statuses: as `zexa_exports_download`,
/// with a failed write to `fd` reported as `ZEXA_IO_ERROR`.
#[cfg(unix)]
#[no_mangle]
pub extern "C" fn zexa_exports_download_to_fd(
    client: *const ZexaClient,
    export_id: *const c_char,
    fd: c_int,
    out_bytes: *mut u64,
) -> ZexaStatus {
    use std::os::fd::FromRawFd;
    run(|| {
        let id = str_arg(export_id, "export_id")?;
        if fd < 0 {
            return Err(bad_argument("fd", "must be an open file descriptor"));
        }
        // SAFETY: the caller passes an open descriptor it owns; ManuallyDrop keeps it open.
        let mut file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
        let written = recorded(client, |c| c.exports().download(id, &mut *file))?;
        // SAFETY: a non-NULL `out_bytes` points to writable storage for one u64.
        if let Some(slot) = unsafe { out_bytes.as_mut() } {
            *slot = written;
        }
        Ok(())
    })
}
