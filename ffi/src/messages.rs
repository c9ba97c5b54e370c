//! Single messages: send and get.

use std::ffi::c_char;

use crate::client::ZexaClient;
use crate::handle;
use crate::last_response::recorded;
use crate::models::{emit, free, ZexaMessage};
use crate::status::ZexaStatus;
use crate::strings::{json_arg, opt_string, str_arg};

/// A single message: `channel`, `to` and `from` required, and `body` or `template_json`.
#[repr(C)]
pub struct ZexaSendMessage {
    /// `sizeof` this struct, set by `ZEXA_STRUCT_INIT` (see ffi/ABI.md): the library reads
    /// only the fields it covers, and refuses a size it does not know.
    pub struct_size: usize,
    /// `sms`, `whatsapp`, `telegram`, `email` or `slack`.
    pub channel: *const c_char,
    /// Recipient: E.164 for phone channels, an email address, or a Slack channel/user ID.
    pub to: *const c_char,
    /// Registered sender ID.
    pub from: *const c_char,
    /// Plain-text body, or NULL.
    pub body: *const c_char,
    /// A pre-approved template as a JSON object string, or NULL.
    pub template_json: *const c_char,
    /// For SMS: the most segments the body may be billed as (0: no limit). A longer body is
    /// refused with `ZEXA_INVALID_INPUT` (field `body`) before anything is sent.
    pub max_segments: u32,
}

/// `POST /messages`: sends one message (never resent once it may have reached the server).
/// `*out` is freed with `zexa_message_free`. Returns `ZEXA_INVALID_INPUT` for a recipient the
/// core refuses locally, `ZEXA_VALIDATION_ERROR` for an unregistered sender,
/// `ZEXA_INSUFFICIENT_CREDITS`, `ZEXA_INVALID_INPUT` for an SMS body over `max_segments`,
/// `ZEXA_INVALID_ARGUMENT` when `template_json` is not JSON.
/// Thread-safe.
///
/// Statuses: `ZEXA_OK`; the API statuses (see the top of zexa.h); `ZEXA_INVALID_INPUT` when the
/// core refuses an argument before sending; `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8
/// arguments.
#[no_mangle]
pub extern "C" fn zexa_messages_send(
    client: *const ZexaClient,
    message: *const ZexaSendMessage,
    out: *mut *mut ZexaMessage,
) -> ZexaStatus {
    emit(out, || {
        let m = handle::sized_arg(message, "message")?;
        let channel = zexa::Channel::from(str_arg(m.channel, "channel")?);
        let mut request = zexa::SendMessage::new(channel, str_arg(m.to, "to")?, str_arg(m.from, "from")?);
        request.body = opt_string(m.body, "body")?;
        request.template = json_arg(m.template_json, "template_json")?;
        request.max_segments = (m.max_segments != 0).then_some(m.max_segments);
        recorded(client, |c| c.messages().send(&request))
    })
}

/// `GET /messages/{id}`: a message and its delivery status. `*out` is freed with
/// `zexa_message_free`. Thread-safe.
///
/// Statuses: `ZEXA_OK`; `ZEXA_NOT_FOUND` for an unknown ID; the API statuses (see the top of
/// zexa.h); `ZEXA_INVALID_INPUT` when the core refuses an argument before sending;
/// `ZEXA_INVALID_ARGUMENT` for NULL, dead or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn zexa_messages_get(
    client: *const ZexaClient,
    message_id: *const c_char,
    out: *mut *mut ZexaMessage,
) -> ZexaStatus {
    emit(out, || {
        let id = str_arg(message_id, "message_id")?;
        recorded(client, |c| c.messages().get(id))
    })
}

/// Frees a message. NULL is a no-op.
#[no_mangle]
pub extern "C" fn zexa_message_free(message: *mut ZexaMessage) {
    free(message)
}

handle::sized_args!(ZexaSendMessage);
