//! SMS segments and cost: the calculator, smart encoding and the campaign preview. All three
//! are the core's (`zexa::sms_segments`, `zexa::sms_smart_encode`, `Campaigns::preview`).

use std::ffi::c_char;

use crate::client::ZexaClient;
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaCampaignPreview, ZexaSmsSegments, ZexaSmsSmartEncoded};
use crate::status::ZexaStatus;
use crate::strings::str_arg;

/// The encoding and billed segments of the SMS body `text` (GSM 03.38): GSM-7 when every
/// character is in its tables, UCS-2 otherwise, with the characters that forced it. A
/// user-perceived character (escaped pair, surrogate pair, emoji sequence, letter with its
/// marks) is never split across segments; CR LF counts 2.
///
/// `*out` is freed with `zexa_sms_segments_free`. Returns `ZEXA_INVALID_ARGUMENT` for a NULL
/// or non-UTF-8 `text`. Thread-safe; needs no client.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for NULL or non-UTF-8 text or a NULL `out`.
#[no_mangle]
pub extern "C" fn zexa_sms_segments(text: *const c_char, out: *mut *mut ZexaSmsSegments) -> ZexaStatus {
    emit(out, || Ok(zexa::sms_segments(str_arg(text, "text")?)))
}

/// Frees a result of `zexa_sms_segments`. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_sms_segments_free(segments: *mut ZexaSmsSegments) {
    free(segments)
}

/// `text` with look-alikes that keep its meaning so that it can go as GSM-7 where possible
/// (curly quotes, dashes, ellipsis, odd spaces, zero-width characters...), and the list of
/// changes. With `transliterate`, accented letters GSM-7 lacks also lose their accents
/// (`ç` -> `c`): that changes the text, so it is opt-in.
///
/// `*out` is freed with `zexa_sms_smart_encoded_free`. Thread-safe; needs no client.
///
/// Statuses: `ZEXA_OK`; `ZEXA_INVALID_ARGUMENT` for NULL or non-UTF-8 text or a NULL `out`.
#[no_mangle]
pub extern "C" fn zexa_sms_smart_encode(
    text: *const c_char,
    transliterate: bool,
    out: *mut *mut ZexaSmsSmartEncoded,
) -> ZexaStatus {
    emit(out, || {
        Ok(zexa::sms_smart_encode(str_arg(text, "text")?, transliterate))
    })
}

/// Frees a result of `zexa_sms_smart_encode`. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_sms_smart_encoded_free(encoded: *mut ZexaSmsSmartEncoded) {
    free(encoded)
}

/// What a campaign of `body` on `channel` to the list `contact_list_id` would use, creating
/// nothing: the recipients (from one request of the list's first page of members) and, for
/// SMS, the segments per message and in all.
///
/// `*out` is freed with `zexa_campaign_preview_free`. Returns `ZEXA_INVALID_INPUT` for an empty
/// list ID or body, `ZEXA_NOT_FOUND` for an unknown list. Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_campaigns_preview(
    client: *const ZexaClient,
    contact_list_id: *const c_char,
    channel: *const c_char,
    body: *const c_char,
    out: *mut *mut ZexaCampaignPreview,
) -> ZexaStatus {
    emit(out, || {
        let list = str_arg(contact_list_id, "contact_list_id")?;
        let channel = zexa::Channel::from(str_arg(channel, "channel")?);
        let body = str_arg(body, "body")?;
        recorded(client, |c| c.campaigns().preview(list, channel, body))
    })
}

/// Frees a campaign preview and the segments it holds. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_campaign_preview_free(preview: *mut ZexaCampaignPreview) {
    free(preview)
}
