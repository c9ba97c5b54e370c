//! Bulk sends in C: `zexa_messages_send_many`, on the core's `send_many`. The caller hands
//! messages one at a time through a `next` callback (so a million rows need not sit in an
//! array) and hears each outcome through a result callback; both run on the calling thread.

use std::cell::{Cell, RefCell};
use std::ffi::{c_char, c_int, c_void, CString};
use std::ops::ControlFlow;

use crate::client::{core_client, ZexaClient};
use crate::handle;
use crate::last_error::Failure;
use crate::messages::{send_message, ZexaSendMessage};
use crate::panic::run;
use crate::status::ZexaStatus;
use crate::strings::{opt_str, to_cstring};
use crate::tristate::{ZexaTristate, ZEXA_TRISTATE_TRUE};

/// How a bulk send runs; NULL for the defaults. Set `struct_size` with `ZEXA_STRUCT_INIT`.
#[repr(C)]
pub struct ZexaBulkOptions {
    /// `sizeof` this struct (see ffi/ABI.md).
    pub struct_size: usize,
    /// The most sends in flight at once, 1..=256 (0: the library's default, 8).
    pub concurrency: u32,
    /// The journal file (JSON lines) that makes a rerun skip what was sent and never resend
    /// what may have been; NULL for none.
    pub journal: *const c_char,
    /// `ZEXA_TRISTATE_TRUE`: check every message and count SMS segments, send nothing.
    pub dry_run: ZexaTristate,
}

handle::sized_args!(ZexaBulkOptions);

/// How one message of a bulk send ended (`ZexaBulkResult.outcome`).
pub type ZexaBulkOutcome = c_int;
/// Sent now; `message_id` is set.
pub const ZEXA_BULK_SENT: ZexaBulkOutcome = 1;
/// Not sent, surely without effect (refused locally or by the API): safe to fix and resend.
pub const ZEXA_BULK_FAILED: ZexaBulkOutcome = 2;
/// Maybe sent: never resent automatically; look it up before sending it again.
pub const ZEXA_BULK_AMBIGUOUS: ZexaBulkOutcome = 3;
/// Sent by an earlier run with this journal; `message_id` is set when it was recorded.
pub const ZEXA_BULK_SKIPPED: ZexaBulkOutcome = 4;
/// A dry run found it valid; `segments` is set.
pub const ZEXA_BULK_CHECKED: ZexaBulkOutcome = 5;

/// One message's outcome, given to the result callback (valid only during the call).
#[repr(C)]
pub struct ZexaBulkResult {
    /// The size of this struct as the library built it (fields are only ever appended).
    pub struct_size: usize,
    /// The message's ref (the caller's, or its position from 0).
    pub reference: *const c_char,
    /// One of `ZEXA_BULK_*`.
    pub outcome: ZexaBulkOutcome,
    /// The message ID (`SENT`, and `SKIPPED` when known), else NULL.
    pub message_id: *const c_char,
    /// The error's status (`FAILED`; `AMBIGUOUS` when this run saw the error), else `ZEXA_OK`.
    pub status: ZexaStatus,
    /// What went wrong (`FAILED`, `AMBIGUOUS`), else NULL.
    pub error_message: *const c_char,
    /// `CHECKED`: the SMS segments of its body.
    pub segments: u32,
}

/// The totals of a bulk send, from `zexa_messages_send_many`; freed with
/// `zexa_bulk_summary_free`. Every message is in exactly one count.
#[repr(C)]
pub struct ZexaBulkSummary {
    /// Sent now.
    pub sent: u64,
    /// Not sent, surely without effect.
    pub failed: u64,
    /// Maybe sent, not resent.
    pub ambiguous: u64,
    /// Sent by an earlier run with this journal.
    pub skipped: u64,
    /// Dry run: valid messages.
    pub checked: u64,
    /// Dry run: their SMS segments.
    pub segments: u64,
}

/// Gives the next message: sets `*message` (and `*reference`, or leaves it NULL to key the
/// message by its position) and returns 1, or returns 0 when there are no more. What it
/// points to must stay valid until `next` is called again or `zexa_messages_send_many`
/// returns. Runs on the calling thread; it must not unwind.
pub type ZexaBulkNextFn = Option<
    unsafe extern "C" fn(
        message: *mut *const ZexaSendMessage,
        reference: *mut *const c_char,
        userdata: *mut c_void,
    ) -> c_int,
>;

/// Hears each outcome as soon as it is known, on the calling thread (the struct is valid only
/// during the call). Returns 0 to go on, non-zero to stop: sends in flight finish, nothing
/// more is sent, and `zexa_messages_send_many` returns `ZEXA_CANCELLED`. It may call the
/// library; it must not unwind.
pub type ZexaBulkResultFn =
    Option<unsafe extern "C" fn(result: *const ZexaBulkResult, userdata: *mut c_void) -> c_int>;

/// Sends the messages `next` gives, concurrently (`options->concurrency` at once on the
/// client's connections), within the rate limit (a 429 pauses every worker once, and the
/// concurrency adapts), and with `options->journal` exactly once across crashes: a rerun with
/// the same journal skips what was sent and reports what may have been sent as ambiguous,
/// never resending it. Every message is checked before it is sent (recipient, body or
/// template, `max_segments`); one that fails costs no request. `on_result` (may be NULL) hears
/// each outcome; `*out` gets the totals (freed with `zexa_bulk_summary_free`).
///
/// Statuses: `ZEXA_OK` (even when some messages failed: see the summary); `ZEXA_CANCELLED`
/// when `on_result` stopped the run; `ZEXA_INVALID_INPUT` for a concurrency outside 1..=256
/// or a journal that cannot be used or belongs to another input; `ZEXA_INVALID_ARGUMENT` for
/// NULL or dead arguments, a NULL `next`, or a message `next` gave that cannot be read (the
/// run stops there; what was sent is in the journal and was reported).
#[no_mangle]
pub extern "C" fn zexa_messages_send_many(
    client: *const ZexaClient,
    next: ZexaBulkNextFn,
    next_userdata: *mut c_void,
    options: *const ZexaBulkOptions,
    on_result: ZexaBulkResultFn,
    result_userdata: *mut c_void,
    out: *mut *mut ZexaBulkSummary,
) -> ZexaStatus {
    run(|| {
        let slot = handle::out(out)?;
        let client = core_client(client)?;
        let next = next.ok_or_else(|| crate::last_error::bad_argument("next", "must not be NULL"))?;
        let options = bulk_options(options)?;
        let bad_item: RefCell<Option<Failure>> = RefCell::new(None);
        let items = std::iter::from_fn(|| {
            let mut message: *const ZexaSendMessage = std::ptr::null();
            let mut reference: *const c_char = std::ptr::null();
            // SAFETY: `next` is the caller's function of the documented signature, given two
            // writable slots and its own userdata.
            if unsafe { next(&mut message, &mut reference, next_userdata) } == 0 {
                return None;
            }
            let item = send_message(message).and_then(|message| {
                Ok(match opt_str(reference, "reference")? {
                    Some(reference) => zexa::BulkMessage::new(reference, message),
                    None => zexa::BulkMessage::from(message),
                })
            });
            match item {
                Ok(item) => Some(item),
                Err(failure) => {
                    *bad_item.borrow_mut() = Some(failure);
                    None
                }
            }
        });
        let stopped = Cell::new(false);
        let report = |result: &zexa::BulkResult| {
            let Some(callback) = on_result else {
                return ControlFlow::Continue(());
            };
            let view = ResultView::new(result);
            // SAFETY: the caller's function of the documented signature; the view and its
            // strings live until it returns.
            if unsafe { callback(&view.c, result_userdata) } != 0 {
                stopped.set(true);
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        };
        let summary = client.messages().send_many(items, &options, report)?;
        if let Some(failure) = bad_item.into_inner() {
            return Err(failure);
        }
        if stopped.get() {
            return Err(Failure::Cancelled(
                "the result callback stopped the bulk send".to_owned(),
            ));
        }
        *slot = handle::new(ZexaBulkSummary {
            sent: summary.sent.len() as u64,
            failed: summary.failed.len() as u64,
            ambiguous: summary.ambiguous.len() as u64,
            skipped: summary.skipped.len() as u64,
            checked: summary.checked,
            segments: summary.segments,
        });
        Ok(())
    })
}

/// Frees a bulk summary. NULL and a pointer freed before are ignored.
#[no_mangle]
pub extern "C" fn zexa_bulk_summary_free(summary: *mut ZexaBulkSummary) {
    handle::free(summary)
}

fn bulk_options(options: *const ZexaBulkOptions) -> Result<zexa::BulkOptions, Failure> {
    let mut core = zexa::BulkOptions::new();
    let Some(o) = handle::opt_sized_arg(options, "options")? else {
        return Ok(core);
    };
    // 0 is "not given": the core's default applies.
    if o.concurrency != 0 {
        core = core.concurrency(o.concurrency as usize);
    }
    if let Some(journal) = opt_str(o.journal, "journal")? {
        core = core.journal(journal);
    }
    Ok(core.dry_run(o.dry_run == ZEXA_TRISTATE_TRUE))
}

/// A result's C view and the strings it points into.
struct ResultView {
    c: ZexaBulkResult,
    _strings: Vec<CString>,
}

impl ResultView {
    fn new(result: &zexa::BulkResult) -> ResultView {
        let mut strings = Vec::new();
        let mut keep = |text: &str| {
            let s = to_cstring(text);
            let ptr = s.as_ptr();
            strings.push(s);
            ptr
        };
        let reference = keep(&result.reference);
        let none = std::ptr::null();
        let (outcome, message_id, status, error_message, segments) = match &result.outcome {
            zexa::BulkOutcome::Sent(message) => {
                (ZEXA_BULK_SENT, keep(&message.id), ZexaStatus::ZEXA_OK, none, 0)
            }
            zexa::BulkOutcome::Failed(error) => (
                ZEXA_BULK_FAILED,
                none,
                ZexaStatus::of(error),
                keep(&error.to_string()),
                0,
            ),
            zexa::BulkOutcome::Ambiguous(why) => {
                let status = match why {
                    zexa::Ambiguity::Error(error) => ZexaStatus::of(error),
                    _ => ZexaStatus::ZEXA_OK,
                };
                (ZEXA_BULK_AMBIGUOUS, none, status, keep(&why.to_string()), 0)
            }
            zexa::BulkOutcome::Skipped { message_id } => (
                ZEXA_BULK_SKIPPED,
                message_id.as_deref().map_or(none, &mut keep),
                ZexaStatus::ZEXA_OK,
                none,
                0,
            ),
            zexa::BulkOutcome::Checked { segments } => {
                (ZEXA_BULK_CHECKED, none, ZexaStatus::ZEXA_OK, none, *segments)
            }
            _ => (0, none, ZexaStatus::ZEXA_OK, none, 0),
        };
        ResultView {
            c: ZexaBulkResult {
                struct_size: std::mem::size_of::<ZexaBulkResult>(),
                reference,
                outcome,
                message_id,
                status,
                error_message,
                segments,
            },
            _strings: strings,
        }
    }
}
