//! # zexa
//!
//! A blocking client for the [Zexa](https://zexa.ao) messaging REST API: SMS, WhatsApp,
//! Telegram, email and Slack from one API; contacts, contact lists, campaigns, delivery
//! webhooks and credits.
//!
//! ```no_run
//! use zexa::{Channel, Client, CreateContact, SendMessage};
//!
//! let client = Client::from_env()?; // ZEXA_API_KEY, and optionally ZEXA_BASE_URL
//! let phone = zexa::to_e164("0912 345 678", Some("244"))?;
//! let contact = client.contacts().create(&CreateContact::new("Maria Santos", phone))?;
//! let message = client.messages().send(&SendMessage::text(Channel::Sms, &contact.phone, "ZEXA", "Olá!"))?;
//! println!("{} is {}", message.id, message.status);
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ## What the client does for you
//! - **Timeouts**: every attempt is bounded (30 s by default), from connect to the last byte.
//! - **Retries** (2 by default, exponential backoff with jitter, each one logged at `warn`):
//!   GET, PUT and DELETE after a 5xx, a connection failure or a timeout; any request after a
//!   429, waiting `Retry-After` when it is at most 60 s. A POST that may have reached the
//!   server is **never** sent again: a resent message or campaign is paid twice.
//! - **Local checks**: phone numbers must be E.164, names non-empty, `per_page` within
//!   1..=100, an SMS body within its `max_segments`; a bad value is an
//!   [`Error::InvalidInput`] and nothing is sent.
//! - **SMS cost before sending**: [`sms_segments`] gives the encoding (GSM-7 or UCS-2) and the
//!   segments a body is billed as, [`sms_smart_encode`] makes it GSM-7 where that keeps its
//!   meaning, and [`Campaigns::preview`] the segments a whole campaign will use.
//! - **Paging**: list calls return a [`Page`]; `iter` methods and [`Page::into_items`]
//!   walk every item lazily, one page in memory at a time.
//! - **Secrets**: the key is in no `Debug` output, error or log line, and is sent over plain
//!   http only to a loopback host. Redirects are not followed.
//! - **Real networks**: gzip is asked for and decoded (the body cap counts decompressed bytes);
//!   proxies come from the environment by curl's conventions, or are set with
//!   [`ClientBuilder::proxy`], [`ClientBuilder::no_proxy`] and [`ClientBuilder::trust_env`],
//!   and never see the key in clear; `SSL_CERT_FILE` / `SSL_CERT_DIR` are honoured and
//!   [`ClientBuilder::use_os_trust_store`] trusts the system's CAs.
//! - **Forward compatibility**: unknown response fields are kept in each model's `extra`,
//!   unknown enum values as `Unknown(String)`.
//!
//! Logging goes through the [`log`](https://docs.rs/log) facade: one `debug` line per attempt
//! (method, path, status, duration, attempt number), `warn` for each retry and give-up.
//! The HTTP library underneath (ureq) logs redacted headers at `debug`, but at `trace` its
//! targets `ureq` and `ureq_proto` dump the raw wire bytes, `Authorization` header included:
//! never enable `trace` for those targets where logs are kept.

#![warn(missing_docs)]

mod base_url;
mod builder;
mod cancel;
mod client;
mod download;
mod enums;
mod error;
mod keepalive;
mod models;
mod multipart;
mod options;
mod page;
mod phone;
mod pool;
mod proxy;
mod proxy_env;
mod resolver;
mod resources;
mod response;
mod retry;
mod secret;
mod slicing;
mod sms;
mod timestamp;
mod tls;
mod transport;
mod trust;
mod url;
mod validate;

pub use base_url::DEFAULT_BASE_URL;
pub use builder::{
    ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_DOWNLOAD_BYTES, DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT, USER_AGENT,
};
pub use cancel::CancelToken;
pub use client::{Client, MAX_URL_BYTES};
pub use download::DEFAULT_DOWNLOAD_TIMEOUT;
pub use enums::{CampaignStatus, Channel, ExportStatus, MessageStatus, SenderIdStatus, WebhookEventType};
pub use error::{ApiError, Cause, Error, ErrorKind, Result};
pub use keepalive::{
    DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_IDLE_CONNECTIONS, MAX_IDLE_CONNECTIONS, MAX_IDLE_TIMEOUT,
};
pub use models::{
    parse_webhook_event, Campaign, CampaignPreview, Contact, ContactList, Credits, Export, Extra,
    ImportResult, ImportRowError, Message, SenderId, UploadPreview, Webhook, WebhookEvent, WebhookEventData,
};
pub use options::RequestOptions;
pub use page::{Page, PageIter, Pages, DEFAULT_PER_PAGE, MAX_PER_PAGE};
pub use phone::{is_e164, to_e164};
/// The credits handler type, named apart from the [`Credits`] model.
pub use resources::Credits as CreditsHandler;
pub use resources::{
    Campaigns, ContactLists, Contacts, CreateCampaign, CreateContact, CreateContactList, CreateExport,
    CreateWebhook, ExportFormat, ExportRef, Exports, ImportField, ImportMapped, ImportVcard, ListContacts,
    ListMembership, ListParams, Messages, SendMessage, SenderIds, UpdateContact, WaitControl, Webhooks,
    DEFAULT_POLL_INTERVAL,
};
pub use response::{Headers, Response, ResponseInfo};
pub use sms::{
    sms_segments, sms_smart_encode, SmsCharacter, SmsEncoding, SmsReplacement, SmsSegments, SmsSmartEncoded,
    GSM7_CONCATENATED, GSM7_SINGLE, UCS2_CONCATENATED, UCS2_SINGLE,
};
pub use timestamp::Timestamp;
pub use transport::Method;
pub use url::MAX_ID_BYTES;

/// The version of this crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn client_is_send_sync_clone() {
        assert_send_sync::<crate::Client>();
        assert_send_sync::<crate::Error>();
    }
}

/// The README's Rust examples, compiled as doctests so they stay true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
