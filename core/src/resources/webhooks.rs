use serde::Serialize;

use crate::base_url::is_loopback;
use crate::client::{json_payload, Client};
use crate::enums::WebhookEventType;
use crate::error::{Error, Result};
use crate::models::Webhook;
use crate::transport::Method;
use crate::validate;

/// The webhook endpoints. Get it from [`Client::webhooks`].
#[derive(Debug, Clone, Copy)]
pub struct Webhooks<'a> {
    client: &'a Client,
}

/// A webhook registration: an https URL and the events to deliver there.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CreateWebhook {
    /// Where events are POSTed (https).
    pub url: String,
    /// Event types: [`WebhookEventType`] values, or strings for types this version does not
    /// know yet.
    pub events: Vec<WebhookEventType>,
}

impl CreateWebhook {
    /// A webhook at `url` for `events`: typed values or their names.
    ///
    /// ```
    /// use zexa::{CreateWebhook, WebhookEventType};
    /// let typed = CreateWebhook::new("https://example.com/hook", [WebhookEventType::MessageDelivered]);
    /// let named = CreateWebhook::new("https://example.com/hook", ["message.delivered", "message.read"]);
    /// assert_eq!(typed.events[0], named.events[0]);
    /// ```
    pub fn new<E: Into<WebhookEventType>>(
        url: impl Into<String>,
        events: impl IntoIterator<Item = E>,
    ) -> CreateWebhook {
        CreateWebhook {
            url: url.into(),
            events: events.into_iter().map(Into::into).collect(),
        }
    }

    fn check(&self) -> Result<()> {
        // The API takes https only; the sandbox also takes plain http to a loopback host.
        let uri: Option<ureq::http::Uri> = self.url.parse().ok();
        let allowed = match uri.as_ref().and_then(|u| Some((u.scheme_str()?, u.host()?))) {
            Some(("https", _)) => true,
            Some(("http", host)) => is_loopback(host),
            _ => false,
        };
        if !allowed {
            return Err(Error::invalid(
                "url",
                format!(
                    "{:?} is not an https URL (plain http only to a loopback host)",
                    self.url
                ),
            ));
        }
        if self.events.is_empty() {
            return Err(Error::invalid("events", "must name at least one event type"));
        }
        self.events
            .iter()
            .try_for_each(|e| validate::non_empty("events", e.as_str()))
    }
}

impl<'a> Webhooks<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Webhooks { client }
    }

    /// `POST /webhooks`: registers a delivery-status webhook. Parse what it receives with
    /// [`crate::parse_webhook_event`].
    pub fn create(&self, webhook: &CreateWebhook) -> Result<Webhook> {
        webhook.check()?;
        self.client
            .call(Method::Post, "/webhooks", &[], &json_payload(webhook)?)
    }
}
