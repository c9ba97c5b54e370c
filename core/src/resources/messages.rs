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

    pub(crate) fn check(&self) -> Result<()> {
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

    /// Sends many messages concurrently (at most [`BulkOptions::concurrency`] at once, on the
    /// client's shared connections), within the rate limit (a 429 pauses every worker for its
    /// `Retry-After`, and the concurrency adapts), and exactly once across crashes when
    /// [`BulkOptions::journal`] is set. `messages` is read lazily; each item is a
    /// [`SendMessage`] (keyed by its position) or a [`BulkMessage`] with the caller's `ref`.
    ///
    /// `on_result` gets each message's [`BulkResult`] on this thread as soon as it is known,
    /// and may return [`ControlFlow::Break`](std::ops::ControlFlow::Break) to stop: sends in
    /// flight finish, nothing more is sent, and the summary covers what was reached.
    ///
    /// Every message is checked first (recipient, body or template, `max_segments`); one that
    /// fails is reported failed and costs no request. With [`BulkOptions::dry_run`], nothing is
    /// sent and the summary counts the valid messages and their SMS segments.
    ///
    /// With a journal, a rerun skips what was sent, reports what an earlier run started
    /// without recording an outcome (or ended ambiguous) as ambiguous and never resends it,
    /// and sends the rest. A journal whose `ref` was written for another message is refused.
    ///
    /// ```
    /// # let sandbox = zexa_sandbox::Sandbox::start().unwrap();
    /// # let client = zexa::Client::builder(sandbox.api_key()).base_url(sandbox.base_url()).build()?;
    /// use zexa::{BulkMessage, BulkOptions, Channel, SendMessage};
    ///
    /// let invoices = [("inv-1234", "+244912345678", "Maria"), ("inv-1235", "+244923456789", "João")];
    /// let messages = invoices.iter().map(|(invoice, phone, name)| {
    ///     let body = format!("Olá {name}, a sua fatura {invoice} está pronta");
    ///     BulkMessage::new(*invoice, SendMessage::text(Channel::Sms, *phone, "ZEXA", body))
    /// });
    /// let summary = client.messages().send_many(messages, &BulkOptions::new().concurrency(16), |_| {})?;
    /// assert_eq!(summary.sent.len(), 2);
    /// # Ok::<(), zexa::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a concurrency outside 1..=256, a journal that cannot be
    /// read or written or belongs to another input; [`Error::Interrupted`] when the thread's
    /// [`CancelToken`](crate::CancelToken) stops the run (what finished is in the journal and
    /// was given to `on_result`).
    pub fn send_many<I, R>(
        &self,
        messages: I,
        options: &crate::BulkOptions,
        on_result: impl FnMut(&crate::BulkResult) -> R,
    ) -> Result<crate::BulkSummary>
    where
        I: IntoIterator,
        I::Item: Into<crate::BulkMessage>,
        R: crate::WaitControl,
    {
        crate::bulk::send_many(self.client, messages, options, on_result)
    }

    /// `GET /messages/{id}`: the message and its delivery status.
    pub fn get(&self, message_id: &str) -> Result<Message> {
        let path = format!("/messages/{}", segment("message_id", message_id)?);
        self.client.call(Method::Get, &path, &[], &Payload::Empty)
    }
}
