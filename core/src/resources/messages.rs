use serde::Serialize;
use serde_json::Value;

use crate::client::{json_payload, Client};
use crate::enums::Channel;
use crate::error::Result;
use crate::models::Message;
use crate::sms::check_max_segments;
use crate::transport::{Method, Payload};
use crate::url::segment;
use crate::validate;

/// The message endpoints. Get it from [`Client::messages`].
#[derive(Debug, Clone, Copy)]
pub struct Messages<'a> {
    client: &'a Client,
}

/// A single message. Needs a body or a template.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SendMessage {
    /// Channel to send on.
    pub channel: Channel,
    /// Recipient: E.164 for sms/whatsapp/telegram, an email address for email, a channel or
    /// user ID for Slack. Checked before sending.
    pub to: String,
    /// Registered sender ID.
    pub from: String,
    /// Plain-text body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// A pre-approved template (WhatsApp).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<Value>,
    /// For SMS: the most segments the body may be billed as. A longer body is refused with
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) naming its encoding, segment count and
    /// the characters that forced UCS-2; nothing is sent. See [`crate::sms_segments`].
    #[serde(skip)]
    pub max_segments: Option<u32>,
}

impl SendMessage {
    /// A message on `channel` from sender `from` to `to`; add a body or a template.
    pub fn new(channel: Channel, to: impl Into<String>, from: impl Into<String>) -> SendMessage {
        SendMessage {
            channel,
            to: to.into(),
            from: from.into(),
            body: None,
            template: None,
            max_segments: None,
        }
    }

    /// A plain-text message.
    ///
    /// ```
    /// let sms = zexa::SendMessage::text(zexa::Channel::Sms, "+244912345678", "ZEXA", "Olá!");
    /// assert_eq!(sms.body.as_deref(), Some("Olá!"));
    /// ```
    pub fn text(
        channel: Channel,
        to: impl Into<String>,
        from: impl Into<String>,
        body: impl Into<String>,
    ) -> SendMessage {
        SendMessage::new(channel, to, from).body(body)
    }

    fn check(&self) -> Result<()> {
        validate::recipient(&self.channel, &self.to)?;
        validate::non_empty("from", &self.from)?;
        validate::content(self.body.as_deref(), self.template.is_some())?;
        check_max_segments(&self.channel, self.body.as_deref(), self.max_segments)
    }
}

setters!(SendMessage {
    /// Sets the plain-text body.
    body: String,
    /// Sets the template.
    template: Value,
});

value_setters!(SendMessage {
    /// Refuses an SMS body of more segments than this, before sending.
    max_segments: u32,
});

impl<'a> Messages<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Messages { client }
    }

    /// `POST /messages`: sends one message. Never retried once it may have reached the
    /// server: a resent message is a duplicate the user pays for.
    pub fn send(&self, message: &SendMessage) -> Result<Message> {
        message.check()?;
        self.client
            .call(Method::Post, "/messages", &[], &json_payload(message)?)
    }

    /// `GET /messages/{id}`: the message and its delivery status.
    pub fn get(&self, message_id: &str) -> Result<Message> {
        let path = format!("/messages/{}", segment("message_id", message_id)?);
        self.client.call(Method::Get, &path, &[], &Payload::Empty)
    }
}
