//! Response models. Every model keeps the fields this version does not know in `extra`, so a
//! field added to the API is reachable (and re-encoded) without an SDK upgrade.

mod campaign;
mod campaign_preview;
mod contact;
mod contact_list;
mod credits;
mod export;
mod import;
mod message;
mod sender_id;
mod webhook;
mod webhook_event;

pub use campaign::Campaign;
pub use campaign_preview::CampaignPreview;
pub use contact::Contact;
pub use contact_list::ContactList;
pub use credits::Credits;
pub use export::Export;
pub use import::{ImportResult, ImportRowError, UploadPreview};
pub use message::Message;
pub use sender_id::SenderId;
pub use webhook::Webhook;
pub use webhook_event::{parse_webhook_event, WebhookEvent, WebhookEventData};

/// Fields of a response that this version of the SDK does not model, as received.
pub type Extra = serde_json::Map<String, serde_json::Value>;
