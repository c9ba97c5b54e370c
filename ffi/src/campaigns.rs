//! Campaigns: create, get, list, iterate, wait for completion.

use std::cell::Cell;
use std::ffi::{c_char, c_int, c_void};
use std::ops::ControlFlow;
use std::time::Duration;

use crate::client::{core_client, ZexaClient};
use crate::handle;
use crate::iter::{self, list_params, ZexaCampaignIter, ZexaListParams};
use crate::last_error::Failure;
use crate::last_response::recorded;
use crate::models::{emit, free, with_view, ZexaCampaign, ZexaCampaignPage};
use crate::status::ZexaStatus;
use crate::strings::{json_arg, opt_string, str_arg};

/// A new campaign: every field but `body`, `template_json` and `scheduled_at` required, and one
/// of `body` or `template_json`.
#[repr(C)]
pub struct ZexaCreateCampaign {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// Internal name.
    pub name: *const c_char,
    /// Channel to send on (`sms`, `whatsapp`...).
    pub channel: *const c_char,
    /// The audience (`lst_...`).
    pub contact_list_id: *const c_char,
    /// Registered sender ID.
    pub sender_id: *const c_char,
    /// Plain-text body, or NULL.
    pub body: *const c_char,
    /// A template as a JSON object string, or NULL.
    pub template_json: *const c_char,
    /// When to start, ISO 8601 UTC, or NULL to start now.
    pub scheduled_at: *const c_char,
    /// For SMS: the most segments the body may be billed as, per message (0: no limit). A
    /// longer body is refused with `ZEXA_INVALID_INPUT` (field `body`); nothing is created.
    pub max_segments: u32,
}

/// Called by `zexa_campaigns_wait` after every poll with the campaign as it is now (valid only
/// during the call: copy what you keep) and the caller's `userdata`. Returns 0 to keep
/// waiting, non-zero to stop the wait at once with `ZEXA_CANCELLED`.
///
/// It runs on the thread that called `zexa_campaigns_wait` and may call the library (what
/// those calls leave in the last error is replaced by the wait's own outcome). It must not
/// unwind (no C++ exception, no longjmp): `zexa.hpp` catches exceptions in its callbacks and
/// rethrows them from `wait`.
pub type ZexaCampaignProgressFn =
    Option<unsafe extern "C" fn(campaign: *const ZexaCampaign, userdata: *mut c_void) -> c_int>;

/// `POST /campaigns`: creates and launches (or schedules) a campaign; never resent once it
/// may have reached the server. `*out` is freed with `zexa_campaign_free`. Returns
/// `ZEXA_VALIDATION_ERROR` for an unregistered sender, `ZEXA_INSUFFICIENT_CREDITS`,
/// `ZEXA_NOT_FOUND` for an unknown list, `ZEXA_INVALID_INPUT` when the core refuses it
/// locally (empty fields, neither body nor template, an SMS body over `max_segments`). Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_campaigns_create(
    client: *const ZexaClient,
    campaign: *const ZexaCreateCampaign,
    out: *mut *mut ZexaCampaign,
) -> ZexaStatus {
    emit(out, || {
        let c = handle::sized_arg(campaign, "campaign")?;
        let mut request = zexa::CreateCampaign::new(
            str_arg(c.name, "name")?,
            zexa::Channel::from(str_arg(c.channel, "channel")?),
            str_arg(c.contact_list_id, "contact_list_id")?,
            str_arg(c.sender_id, "sender_id")?,
        );
        request.body = opt_string(c.body, "body")?;
        request.template = json_arg(c.template_json, "template_json")?;
        request.scheduled_at = opt_string(c.scheduled_at, "scheduled_at")?;
        request.max_segments = (c.max_segments != 0).then_some(c.max_segments);
        recorded(client, |c| c.campaigns().create(&request))
    })
}

/// `GET /campaigns/{id}`: status and delivery statistics. `*out` is freed with
/// `zexa_campaign_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_campaigns_get(
    client: *const ZexaClient,
    campaign_id: *const c_char,
    out: *mut *mut ZexaCampaign,
) -> ZexaStatus {
    emit(out, || {
        let id = str_arg(campaign_id, "campaign_id")?;
        recorded(client, |c| c.campaigns().get(id))
    })
}

/// `GET /campaigns`: one page of campaigns (`params` NULL: first page). `*out` is freed with
/// `zexa_campaign_page_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_campaigns_list(
    client: *const ZexaClient,
    params: *const ZexaListParams,
    out: *mut *mut ZexaCampaignPage,
) -> ZexaStatus {
    emit(out, || {
        let params = list_params(params)?;
        recorded(client, |c| c.campaigns().list(&params))
    })
}

/// An iterator over every campaign. `*out` is freed with `zexa_campaign_iter_free`.
///
/// Statuses: `ZEXA_OK` (nothing is fetched yet: a refused parameter comes out of the first
/// `_iter_next`); `ZEXA_INVALID_ARGUMENT` for NULL or dead arguments.
#[no_mangle]
pub extern "C" fn zexa_campaign_iter_new(
    client: *const ZexaClient,
    params: *const ZexaListParams,
    out: *mut *mut ZexaCampaignIter,
) -> ZexaStatus {
    iter::start(out, || {
        let params = list_params(params)?;
        Ok(ZexaCampaignIter(core_client(client)?.campaigns().iter(&params)))
    })
}

/// The next campaign: `*out` is freed with `zexa_campaign_free`, or NULL with `ZEXA_OK` at the
/// end. A failure is returned once and ends the iteration.
///
/// Statuses: `ZEXA_OK` (with `*out` NULL at the end); `ZEXA_INVALID_INPUT` for refused page
/// parameters; the API statuses; `ZEXA_INVALID_ARGUMENT` for a NULL or dead iterator or NULL
/// `out`.
#[no_mangle]
pub extern "C" fn zexa_campaign_iter_next(
    iter: *mut ZexaCampaignIter,
    out: *mut *mut ZexaCampaign,
) -> ZexaStatus {
    iter::next(iter, out)
}

/// Frees a campaign iterator. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_campaign_iter_free(iter: *mut ZexaCampaignIter) {
    handle::free(iter)
}

/// Polls a campaign every `poll_interval_ms` (0: the library's default, 2 s) until it is
/// `completed` or `failed`, and returns it in `*out` (freed with `zexa_campaign_free`).
///
/// `timeout_ms` 0 waits without limit; otherwise `ZEXA_TIMEOUT` is returned once it has
/// passed. `progress` (may be NULL) is called after every poll with `userdata`; when it
/// returns non-zero the wait stops with `ZEXA_CANCELLED`. Blocks the calling thread; other
/// threads may use the client meanwhile.
///
/// Statuses: `ZEXA_OK`; `ZEXA_TIMEOUT`; `ZEXA_CANCELLED`; `ZEXA_NOT_FOUND` for an unknown
/// campaign; the API statuses; `ZEXA_INVALID_ARGUMENT` for NULL or dead arguments.
#[no_mangle]
pub extern "C" fn zexa_campaigns_wait(
    client: *const ZexaClient,
    campaign_id: *const c_char,
    poll_interval_ms: u64,
    timeout_ms: u64,
    progress: ZexaCampaignProgressFn,
    userdata: *mut c_void,
    out: *mut *mut ZexaCampaign,
) -> ZexaStatus {
    emit(out, || {
        let id = str_arg(campaign_id, "campaign_id")?;
        // 0 is "not given": the core's default applies.
        let interval = (poll_interval_ms != 0).then(|| Duration::from_millis(poll_interval_ms));
        let timeout = (timeout_ms != 0).then(|| Duration::from_millis(timeout_ms));
        let stopped = Cell::new(false);
        let report = |campaign: &zexa::Campaign| {
            let Some(callback) = progress else {
                return ControlFlow::Continue(());
            };
            // SAFETY: `callback` is the caller's function of the documented signature; the
            // view lives until `with_view` returns, and `userdata` is passed back untouched.
            if with_view(campaign, |view| unsafe { callback(view, userdata) }) != 0 {
                stopped.set(true);
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        };
        let campaign = recorded(client, |c| {
            c.campaigns().wait_with_progress(id, interval, timeout, report)
        })?;
        // Asked to stop at the poll that saw it final: the wait is over anyway.
        if stopped.get() && !campaign.status.is_final() {
            return Err(Failure::Cancelled(format!(
                "the progress callback stopped the wait for campaign {id} (status {})",
                campaign.status.as_str()
            )));
        }
        Ok(campaign)
    })
}

/// Frees a campaign. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_campaign_free(campaign: *mut ZexaCampaign) {
    free(campaign)
}

/// Frees a page of campaigns and its items. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_campaign_page_free(page: *mut ZexaCampaignPage) {
    free(page)
}

handle::sized_args!(ZexaCreateCampaign);
