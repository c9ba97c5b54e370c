//! Sender IDs, webhooks, credits, exports, the raw request escape hatch, phone numbers,
//! webhook events and the version.

use std::ffi::{c_char, CStr};

use crate::client::{client, ZexaClient};
use crate::handle;
use crate::iter::{self, list_params, ZexaListParams, ZexaSenderIdIter};
use crate::models::{
    emit, free, ZexaCredits, ZexaExport, ZexaSenderId, ZexaSenderIdPage, ZexaWebhook, ZexaWebhookEvent,
};
use crate::panic::{guard, run};
use crate::status::zexa_status;
use crate::strings::{bytes_arg, into_raw, json_arg, opt_str, opt_string, str_arg, str_array, str_pairs};

/// A webhook registration: an https URL (plain http to loopback is accepted by the sandbox)
/// and the event types to deliver there.
#[repr(C)]
pub struct ZexaCreateWebhook {
    /// Where events are POSTed.
    pub url: *const c_char,
    /// Event types, e.g. `message.delivered`.
    pub events: *const *const c_char,
    /// Number of `events`.
    pub events_len: usize,
}

/// A contact export: every field may be NULL (all contacts, CSV).
#[repr(C)]
pub struct ZexaCreateExport {
    /// Only this list's contacts, or NULL.
    pub list_id: *const c_char,
    /// File format, or NULL for `csv`.
    pub format: *const c_char,
}

/// `GET /sender-ids`: one page of registered sender IDs (`params` NULL: first page). `*out`
/// is freed with `zexa_sender_id_page_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_sender_ids_list(
    client_: *const ZexaClient,
    params: *const ZexaListParams,
    out: *mut *mut ZexaSenderIdPage,
) -> zexa_status {
    emit(out, || {
        Ok(client(client_)?.sender_ids().list(&list_params(params)?)?)
    })
}

/// An iterator over every sender ID. `*out` is freed with `zexa_sender_id_iter_free`.
#[no_mangle]
pub extern "C" fn zexa_sender_id_iter_new(
    client_: *const ZexaClient,
    params: *const ZexaListParams,
    out: *mut *mut ZexaSenderIdIter,
) -> zexa_status {
    iter::start(out, || {
        let params = list_params(params)?;
        Ok(ZexaSenderIdIter(client(client_)?.sender_ids().iter(&params)))
    })
}

/// The next sender ID: `*out` is freed with `zexa_sender_id_free`, or NULL with `ZEXA_OK` at
/// the end. A failure is returned once and ends the iteration.
#[no_mangle]
pub extern "C" fn zexa_sender_id_iter_next(
    iter: *mut ZexaSenderIdIter,
    out: *mut *mut ZexaSenderId,
) -> zexa_status {
    iter::next(iter, out)
}

/// Frees a sender-ID iterator. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_sender_id_iter_free(iter: *mut ZexaSenderIdIter) {
    handle::free(iter)
}

/// Frees a sender ID. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_sender_id_free(sender_id: *mut ZexaSenderId) {
    free(sender_id)
}

/// Frees a page of sender IDs and its items. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_sender_id_page_free(page: *mut ZexaSenderIdPage) {
    free(page)
}

/// `POST /webhooks`: registers a delivery-status webhook. `*out` is freed with
/// `zexa_webhook_free`. The core refuses a non-http(s) URL or no events with
/// `ZEXA_INVALID_INPUT`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_webhooks_create(
    client_: *const ZexaClient,
    webhook: *const ZexaCreateWebhook,
    out: *mut *mut ZexaWebhook,
) -> zexa_status {
    emit(out, || {
        let w = handle::arg(webhook, "webhook")?;
        let events = str_array(w.events, w.events_len, "events")?;
        let request = zexa::CreateWebhook::new(str_arg(w.url, "url")?, events);
        Ok(client(client_)?.webhooks().create(&request)?)
    })
}

/// Frees a webhook. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_webhook_free(webhook: *mut ZexaWebhook) {
    free(webhook)
}

/// `GET /credits`: the balance. `*out` is freed with `zexa_credits_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_credits_get(client_: *const ZexaClient, out: *mut *mut ZexaCredits) -> zexa_status {
    emit(out, || Ok(client(client_)?.credits().get()?))
}

/// Frees a credit balance. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_credits_free(credits: *mut ZexaCredits) {
    free(credits)
}

/// `POST /exports/contacts`: starts an export of contacts (`export` NULL: all, as CSV); poll
/// it with `zexa_exports_get`. `*out` is freed with `zexa_export_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_contacts_export(
    client_: *const ZexaClient,
    export: *const ZexaCreateExport,
    out: *mut *mut ZexaExport,
) -> zexa_status {
    emit(out, || {
        let mut request = zexa::CreateExport::new();
        if !export.is_null() {
            let e = handle::arg(export, "export")?;
            request.list_id = opt_string(e.list_id, "list_id")?;
            request.format = opt_string(e.format, "format")?.map(zexa::ExportFormat::from);
        }
        Ok(client(client_)?.contacts().export(&request)?)
    })
}

/// `GET /exports/{id}`: an export's progress, with `download_url` once completed. `*out` is
/// freed with `zexa_export_free`. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_exports_get(
    client_: *const ZexaClient,
    export_id: *const c_char,
    out: *mut *mut ZexaExport,
) -> zexa_status {
    emit(out, || {
        Ok(client(client_)?.exports().get(str_arg(export_id, "export_id")?)?)
    })
}

/// Frees an export. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_export_free(export: *mut ZexaExport) {
    free(export)
}

/// Calls an endpoint this version does not model, with the client's authentication, retries
/// and errors: `method` (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`), `path` appended to the base
/// URL (e.g. `/credits`, no query), `query_len` query pairs from the parallel arrays
/// `query_keys`/`query_values` (NULL when 0), and an optional JSON body (NULL: none).
///
/// On success `*out_json` is the JSON answer (`null` for an empty answer), freed with
/// `zexa_string_free`. Returns `ZEXA_INVALID_INPUT` for a bad method or path (refused by the
/// core), `ZEXA_INVALID_ARGUMENT` when `json_body` is not JSON, any API status. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_request(
    client_: *const ZexaClient,
    method: *const c_char,
    path: *const c_char,
    query_keys: *const *const c_char,
    query_values: *const *const c_char,
    query_len: usize,
    json_body: *const c_char,
    out_json: *mut *mut c_char,
) -> zexa_status {
    run(|| {
        let slot = handle::out(out_json)?;
        let method: zexa::Method = str_arg(method, "method")?.parse()?;
        let query = str_pairs(query_keys, query_values, query_len, "query")?;
        let body = json_arg(json_body, "json_body")?;
        let answer = client(client_)?.request(method, str_arg(path, "path")?, &query, body.as_ref())?;
        *slot = into_raw(&answer.to_string());
        Ok(())
    })
}

/// Turns a phone number as people write it (`0912 345 678`) into E.164 (`+244912345678`),
/// with `default_country_code` (e.g. `"244"`, may be NULL) for national numbers.
///
/// On success `*out` is the E.164 string, freed with `zexa_string_free`. Returns
/// `ZEXA_INVALID_INPUT` when the number cannot be converted, `ZEXA_INVALID_ARGUMENT` for NULL
/// `number`/`out`. Thread-safe; needs no client.
#[no_mangle]
pub extern "C" fn zexa_to_e164(
    number: *const c_char,
    default_country_code: *const c_char,
    out: *mut *mut c_char,
) -> zexa_status {
    run(|| {
        let slot = handle::out(out)?;
        let code = opt_str(default_country_code, "default_country_code")?;
        *slot = into_raw(&zexa::to_e164(str_arg(number, "number")?, code)?);
        Ok(())
    })
}

/// Whether `number` is E.164 (`+`, first digit 1-9, 7 to 15 digits). NULL or invalid UTF-8
/// is `false`. Thread-safe; does not touch the last error.
#[no_mangle]
pub extern "C" fn zexa_is_e164(number: *const c_char) -> bool {
    guard(false, || str_arg(number, "number").is_ok_and(zexa::is_e164))
}

/// Parses the body of a webhook request (`len` bytes) into a typed event. `*out` is freed
/// with `zexa_webhook_event_free`. Returns `ZEXA_DECODE_ERROR` when the payload is not such
/// an event. Thread-safe; needs no client.
#[no_mangle]
pub extern "C" fn zexa_webhook_event_parse(
    payload: *const u8,
    len: usize,
    out: *mut *mut ZexaWebhookEvent,
) -> zexa_status {
    emit(out, || {
        Ok(zexa::parse_webhook_event(bytes_arg(payload, len, "payload")?)?)
    })
}

/// Frees a webhook event. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_webhook_event_free(event: *mut ZexaWebhookEvent) {
    free(event)
}

const VERSION: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(version) => version,
    Err(_) => panic!("the version has no NUL"),
};

/// The version of this library, e.g. `"0.1.0"`. Static: never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn zexa_version() -> *const c_char {
    VERSION.as_ptr()
}
