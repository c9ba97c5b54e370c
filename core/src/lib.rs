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
//!
//! ## Examples
//!
//! Each example runs as a test against the [`zexa-sandbox`](https://docs.rs/zexa-sandbox)
//! emulator; against the real API, make the client with [`Client::new`] or
//! [`Client::from_env`].
//!
//! ### Errors by kind
//!
//! Every error has a [`kind`](Error::kind) to branch on, says whether the request
//! [may have taken effect](Error::may_have_executed), and keeps the API's code, message and
//! request ID:
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! use zexa::ErrorKind;
//!
//! match client.contacts().get("cnt_missing") {
//!     Err(e) if e.kind() == ErrorKind::NotFound => println!("no such contact"),
//!     Err(e) if e.kind() == ErrorKind::RateLimited => println!("slow down: {:?}", e.api().and_then(|a| a.retry_after)),
//!     Err(e) if e.may_have_executed() => println!("it may have happened: look before retrying ({e})"),
//!     Err(e) => println!("failed, safe to fix and retry: {e}"),
//!     Ok(contact) => println!("{}", contact.name),
//! }
//! let error = client.contacts().get("cnt_missing").unwrap_err();
//! assert_eq!(error.kind(), ErrorKind::NotFound);
//! assert_eq!(error.status(), Some(404));
//! assert!(!error.may_have_executed());
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ### Pagination
//!
//! A [`Page`] iterates its own items; `iter` walks every page lazily (one page in memory at a
//! time) and [`Page::pages`] goes page by page:
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! use zexa::{CreateContact, ListContacts};
//!
//! for i in 0..5 {
//!     client.contacts().create(&CreateContact::new(format!("Cliente {i}"), format!("+24491200000{i}")))?;
//! }
//! let first = client.contacts().list(&ListContacts::new().per_page(2))?;
//! assert_eq!(first.data.len(), 2);            // this page only
//! assert_eq!(first.total, 5);
//! let every: Vec<_> = client.contacts().iter(&ListContacts::new().per_page(2)).collect::<Result<_, _>>()?;
//! assert_eq!(every.len(), 5);                  // three requests, made as the loop goes
//! for page in first.pages() {
//!     let page = page?;
//!     println!("page {} has {} contacts", page.page, page.data.len());
//! }
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ### Contact lists
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! use zexa::{CreateContact, CreateContactList, ListMembership, ListParams};
//!
//! let vip = client.contact_lists().create(&CreateContactList::new("VIP").description("best clients"))?;
//! let maria = client.contacts().create(&CreateContact::new("Maria", "+244912345678"))?;
//! client.contact_lists().add_contacts(&ListMembership::new(&[&vip.id], &[&maria.id]))?;
//! let members = client.contact_lists().contacts(&vip.id, &ListParams::new())?;
//! assert_eq!(members.data[0].id, maria.id);
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ### Importing a CSV file
//!
//! An upload returns a preview (columns and first rows); the import maps columns to fields:
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! use zexa::{ImportField, ImportMapped};
//!
//! let csv = "Nome,Telefone,Cidade\nMaria,+244912345678,Luanda\nJoão,+244923456789,Huambo\n";
//! let preview = client.contacts().upload(csv.as_bytes(), "clientes.csv")?;
//! let mapping = [
//!     ("Nome", ImportField::Name),
//!     ("Telefone", ImportField::Phone),
//!     ("Cidade", ImportField::custom("city")),
//! ];
//! let result = client.contacts().import_mapped(&ImportMapped::new(preview.upload_id, mapping))?;
//! assert_eq!(result.imported, 2);
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ### Exports
//!
//! An export is produced in the background: wait for it, then stream the file to any writer.
//! The key is sent only to the API's own host, never to the storage host of the file:
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! # client.contacts().create(&zexa::CreateContact::new("Maria", "+244912345678"))?;
//! let export = client.exports().create(&zexa::CreateExport::new())?;
//! let export = client.exports().wait(&export.id, None, Some(std::time::Duration::from_secs(60)))?;
//! let mut file = Vec::new();                  // or std::fs::File::create("contacts.csv")?
//! let bytes = client.exports().download(&export, &mut file)?;
//! assert!(bytes > 0 && String::from_utf8_lossy(&file).contains("+244912345678"));
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ### Webhooks
//!
//! Register an endpoint for delivery events, and parse what it receives:
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! use zexa::{CreateWebhook, WebhookEventType};
//!
//! let events = [WebhookEventType::MessageDelivered, WebhookEventType::MessageFailed];
//! let hook = client.webhooks().create(&CreateWebhook::new("http://127.0.0.1:9/zexa", events))?;
//! assert_eq!(hook.events.len(), 2);
//! // In the endpoint's handler, with the request body:
//! let body = br#"{"id":"evt_1","type":"message.delivered","created_at":"2026-06-24T10:00:00Z","data":{"message_id":"msg_1"}}"#;
//! let event = zexa::parse_webhook_event(body)?;
//! assert_eq!(event.event_type, WebhookEventType::MessageDelivered);
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ### Per-call options
//!
//! One call (or a few) can have its own timeout, retries, deadline, headers and query, on a
//! handle that shares the client's connections:
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! use std::time::Duration;
//! use zexa::RequestOptions;
//!
//! let options = RequestOptions::new()
//!     .timeout(Duration::from_secs(2))
//!     .max_retries(0)
//!     .total_timeout(Duration::from_secs(5))
//!     .header("X-Trace-Id", "order-1234");
//! let balance = client.with_options(&options)?.credits().get()?.balance;
//! // Authorization, Content-Type and Host belong to the client:
//! assert!(client.with_options(&RequestOptions::new().header("Authorization", "x")).is_err());
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ### Response metadata
//!
//! The status, headers, request ID (for support), attempts and time of a successful call,
//! without a second request:
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! let response = client.with_response(|c| c.credits().get())?;
//! assert_eq!(response.status(), 200);
//! println!("request {:?} took {:?} in {} attempt(s)", response.request_id(), response.elapsed(), response.attempts());
//! let credits = response.into_value();
//! # Ok::<(), zexa::Error>(())
//! ```
//!
//! ### From async code
//!
//! The client blocks its thread while it waits. In an async runtime, run calls where blocking
//! is allowed, e.g. tokio's `spawn_blocking` (the client is cheap to clone and `Send + Sync`):
//!
//! ```
//! # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
//! # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
//! # let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
//! # runtime.block_on(async {
//! let c = client.clone();
//! let credits = tokio::task::spawn_blocking(move || c.credits().get()).await.expect("task ran")?;
//! println!("{} {}", credits.balance, credits.currency);
//! # Ok::<(), zexa::Error>(())
//! # })?;
//! # Ok::<(), zexa::Error>(())
//! ```

#![warn(missing_docs)]

mod base_url;
mod builder;
mod bulk;
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
pub use bulk::{
    Ambiguity, BulkMessage, BulkOptions, BulkOutcome, BulkResult, BulkSummary, DEFAULT_BULK_CONCURRENCY,
    MAX_BULK_CONCURRENCY,
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
pub use retry::{MAX_RETRIES, MAX_SETTING_DURATION};
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

/// The crate's README (shown on crates.io), compiled as doctests so it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
