//! Webhooks: registering a delivery-status webhook, and parsing the events it receives.

use std::ffi::c_char;

use crate::client::ZexaClient;
use crate::handle;
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaWebhook, ZexaWebhookEvent};
use crate::status::ZexaStatus;
use crate::strings::{bytes_arg, str_arg, str_array};

/// A webhook registration: an https URL (plain http to loopback is accepted by the sandbox)
/// and the event types to deliver there.
#[repr(C)]
pub struct ZexaCreateWebhook {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// Where events are POSTed.
    pub url: *const c_char,
    /// Event types, e.g. `message.delivered`.
    pub events: *const *const c_char,
    /// Number of `events`.
    pub events_len: usize,
}

/// `POST /webhooks`: registers a delivery-status webhook. `*out` is freed with
/// `zexa_webhook_free`. The core refuses a non-http(s) URL or no events with
/// `ZEXA_INVALID_INPUT`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_webhooks_create(
    client: *const ZexaClient,
    webhook: *const ZexaCreateWebhook,
    out: *mut *mut ZexaWebhook,
) -> ZexaStatus {
    emit(out, || {
        let w = handle::sized_arg(webhook, "webhook")?;
        let events = str_array(w.events, w.events_len, "events")?;
        let request = zexa::CreateWebhook::new(str_arg(w.url, "url")?, events);
        recorded(client, |c| c.webhooks().create(&request))
    })
}

/// Frees a webhook. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_webhook_free(webhook: *mut ZexaWebhook) {
    free(webhook)
}

/// Parses the body of a webhook request (`len` bytes) into a typed event. `*out` is freed
/// with `zexa_webhook_event_free`. Returns `ZEXA_DECODE_ERROR` when the payload is not such
/// an event. Thread-safe; needs no client.
///
/// Statuses: `ZEXA_OK`; `ZEXA_DECODE_ERROR` when the payload is not an event;
/// `ZEXA_INVALID_ARGUMENT` for NULL or non-UTF-8 text or a NULL `out`.
#[no_mangle]
pub extern "C" fn zexa_webhook_event_parse(
    payload: *const u8,
    len: usize,
    out: *mut *mut ZexaWebhookEvent,
) -> ZexaStatus {
    emit(out, || {
        Ok(zexa::parse_webhook_event(bytes_arg(payload, len, "payload")?)?)
    })
}

/// Frees a webhook event. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_webhook_event_free(event: *mut ZexaWebhookEvent) {
    free(event)
}

handle::sized_args!(ZexaCreateWebhook);
