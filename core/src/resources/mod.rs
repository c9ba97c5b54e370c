//! Resource handlers: each file declares the endpoints of one resource and their request
//! types. The wire, retries, paging and errors are in [`crate::client`] and [`crate::page`].

/// Adds chainable setters for `Option` fields of a request type.
macro_rules! setters {
    ($ty:ident { $($(#[$doc:meta])* $field:ident: $arg:ty,)+ }) => {
        impl $ty {
            $(
                $(#[$doc])*
                pub fn $field(mut self, value: impl Into<$arg>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )+
        }
    };
}

/// Adds chainable setters for `Option` fields that take their value as it is: numbers (so that
/// `per_page(100)` infers `u32`, where `impl Into<u32>` would not) and flags.
macro_rules! value_setters {
    ($ty:ident { $($(#[$doc:meta])* $field:ident: $arg:ty,)+ }) => {
        impl $ty {
            $(
                $(#[$doc])*
                pub fn $field(mut self, value: $arg) -> Self {
                    self.$field = Some(value);
                    self
                }
            )+
        }
    };
}

mod campaigns;
mod contact_lists;
mod contacts;
mod credits;
mod exports;
mod list_params;
mod messages;
mod sender_ids;
mod wait;
mod webhooks;

pub use campaigns::{Campaigns, CreateCampaign};
pub use contact_lists::{ContactLists, CreateContactList, ListMembership};
pub use contacts::{
    Contacts, CreateContact, ImportField, ImportMapped, ImportVcard, ListContacts, UpdateContact,
};
pub use credits::Credits;
pub use exports::{CreateExport, ExportFormat, ExportRef, Exports};
pub use list_params::ListParams;
pub use messages::{Messages, SendMessage};
pub use sender_ids::SenderIds;
pub use wait::{WaitControl, DEFAULT_POLL_INTERVAL};
pub use webhooks::{CreateWebhook, Webhooks};
