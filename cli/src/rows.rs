//! The columns each kind of item shows in a table or CSV list. `--json` prints the whole item.

use zexa::{Campaign, Contact, ContactList, Message, SenderId, Webhook};

/// An item that a list command prints as a row.
pub trait Row: serde::Serialize + serde::de::DeserializeOwned {
    /// The column names.
    const HEADERS: &'static [&'static str];
    /// The cells, in the order of [`Self::HEADERS`].
    fn cells(&self) -> Vec<String>;
}

/// A missing value in a table.
pub fn or_dash(value: Option<impl ToString>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

impl Row for Contact {
    const HEADERS: &'static [&'static str] = &["id", "name", "phone", "email", "lists"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            self.phone.clone(),
            or_dash(self.email.as_ref()),
            self.lists
                .as_ref()
                .map_or_else(|| "-".to_owned(), |l| l.join(" ")),
        ]
    }
}

impl Row for ContactList {
    const HEADERS: &'static [&'static str] = &["id", "name", "contacts", "description"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            or_dash(self.contact_count),
            or_dash(self.description.as_ref()),
        ]
    }
}

impl Row for Campaign {
    const HEADERS: &'static [&'static str] = &[
        "id",
        "name",
        "channel",
        "status",
        "recipients",
        "delivered",
        "failed",
        "created_at",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            self.channel.to_string(),
            self.status.to_string(),
            self.total_recipients.to_string(),
            or_dash(self.delivered),
            or_dash(self.failed),
            self.created_at.clone(),
        ]
    }
}

impl Row for Message {
    const HEADERS: &'static [&'static str] = &["id", "channel", "to", "from", "status", "created_at"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.channel.to_string(),
            self.to.clone(),
            self.from.clone(),
            self.status.to_string(),
            self.created_at.clone(),
        ]
    }
}

impl Row for SenderId {
    const HEADERS: &'static [&'static str] = &["id", "name", "channel", "status"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            self.channel.to_string(),
            self.status.to_string(),
        ]
    }
}

impl Row for Webhook {
    const HEADERS: &'static [&'static str] = &["id", "url", "events", "created_at"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.url.clone(),
            self.events.join(" "),
            self.created_at.clone(),
        ]
    }
}
