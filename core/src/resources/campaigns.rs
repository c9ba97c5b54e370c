use serde::de::{DeserializeOwned, IgnoredAny};
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

use super::wait::{Poll, WaitControl};
use super::ListParams;
use crate::client::{json_payload, Client};
use crate::enums::Channel;
use crate::error::{Error, Result};
use crate::models::{Campaign, CampaignPreview};
use crate::page::{Page, PageIter, PageSource};
use crate::sms::{check_max_segments, sms_segments};
use crate::transport::{Method, Payload};
use crate::url::segment;
use crate::validate;

/// The campaign endpoints. Get it from [`Client::campaigns`].
#[derive(Debug, Clone, Copy)]
pub struct Campaigns<'a> {
    client: &'a Client,
}

/// A new campaign: a message to every contact of a list. Needs a body or a template.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CreateCampaign {
    /// Internal name (recipients do not see it).
    pub name: String,
    /// Channel to send on.
    pub channel: Channel,
    /// The audience.
    pub contact_list_id: String,
    /// Registered sender ID (or verified email sender).
    pub sender_id: String,
    /// Plain-text body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// A pre-approved template (WhatsApp), as the API expects it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<Value>,
    /// When to start, ISO 8601 UTC (`2026-07-01T08:00:00Z`); unset starts now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_at: Option<String>,
    /// For SMS: the most segments the body may be billed as, per message. A longer body is
    /// refused with [`Error::InvalidInput`] naming its encoding, segment count and the
    /// characters that forced UCS-2; nothing is sent. See [`crate::sms_segments`].
    #[serde(skip)]
    pub max_segments: Option<u32>,
}

impl CreateCampaign {
    /// A campaign with its required fields; add a [`Self::body`] or a [`Self::template`].
    pub fn new(
        name: impl Into<String>,
        channel: Channel,
        contact_list_id: impl Into<String>,
        sender_id: impl Into<String>,
    ) -> CreateCampaign {
        CreateCampaign {
            name: name.into(),
            channel,
            contact_list_id: contact_list_id.into(),
            sender_id: sender_id.into(),
            body: None,
            template: None,
            scheduled_at: None,
            max_segments: None,
        }
    }

    fn check(&self) -> Result<()> {
        validate::non_empty("name", &self.name)?;
        validate::non_empty("contact_list_id", &self.contact_list_id)?;
        validate::non_empty("sender_id", &self.sender_id)?;
        validate::content(self.body.as_deref(), self.template.is_some())?;
        check_max_segments(&self.channel, self.body.as_deref(), self.max_segments)
    }
}

setters!(CreateCampaign {
    /// Sets the plain-text body.
    body: String,
    /// Sets the template.
    template: Value,
});

impl CreateCampaign {
    /// Schedules the start: an RFC 3339 UTC string, a `SystemTime`, or (feature `time`) a
    /// `time::OffsetDateTime`. A past instant starts the campaign now.
    pub fn scheduled_at(mut self, at: impl Into<crate::Timestamp>) -> Self {
        self.scheduled_at = Some(at.into().into_string());
        self
    }
}

value_setters!(CreateCampaign {
    /// Refuses an SMS body of more segments than this, before sending.
    max_segments: u32,
});

impl<'a> Campaigns<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Campaigns { client }
    }

    /// `POST /campaigns`: creates and launches (or schedules) a campaign. Never retried once
    /// it may have reached the server: a resent campaign would be sent and paid twice.
    pub fn create(&self, campaign: &CreateCampaign) -> Result<Campaign> {
        campaign.check()?;
        self.client
            .call(Method::Post, "/campaigns", &[], &json_payload(campaign)?)
    }

    /// What a campaign of `body` on `channel` to the list `contact_list_id` would use, without
    /// creating anything: the list's recipient count (from ONE request, the first page of its
    /// members with `per_page=1`, whose `total` counts them all), and for SMS the segments each
    /// message is billed as and the total for the campaign.
    ///
    /// An empty `contact_list_id` or `body` is refused locally; an unknown list is
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound); an answer without `meta.total` is
    /// [`Error::Decode`] (one page cannot count the list then).
    ///
    /// ```no_run
    /// # let client = zexa::Client::new("k")?;
    /// let preview = client.campaigns().preview("lst_1", zexa::Channel::Sms, "Informação: a sua encomenda chegou")?;
    /// println!("{} recipients x {:?} segments = {:?}", preview.recipients,
    ///          preview.segments_per_message, preview.total_segments);
    /// # Ok::<(), zexa::Error>(())
    /// ```
    pub fn preview(&self, contact_list_id: &str, channel: Channel, body: &str) -> Result<CampaignPreview> {
        validate::non_empty("contact_list_id", contact_list_id)?;
        validate::content(Some(body), false)?;
        let sms = (channel == Channel::Sms).then(|| sms_segments(body));
        let first = self
            .client
            .contact_lists()
            .contacts_as::<IgnoredAny>(contact_list_id, &ListParams::new().per_page(1u32))?;
        if !first.total_reported() {
            return Err(Error::decode(
                200,
                "the page of the list's members has no meta.total: its recipients cannot be counted",
                b"",
                1,
                // A GET of the members: nothing was executed.
                false,
            ));
        }
        let recipients = first.total;
        let segments_per_message = sms.as_ref().map(|s| s.segments);
        Ok(CampaignPreview {
            contact_list_id: contact_list_id.to_owned(),
            channel,
            recipients,
            total_segments: segments_per_message.map(|n| recipients.saturating_mul(u64::from(n))),
            segments_per_message,
            sms,
        })
    }

    /// `GET /campaigns/{id}`: status and delivery statistics.
    pub fn get(&self, campaign_id: &str) -> Result<Campaign> {
        let path = format!("/campaigns/{}", segment("campaign_id", campaign_id)?);
        self.client.call(Method::Get, &path, &[], &Payload::Empty)
    }

    /// `GET /campaigns`: one page of campaigns.
    pub fn list(&self, params: &ListParams) -> Result<Page<Campaign>> {
        self.list_as(params)
    }

    /// [`Self::list`] with each item decoded into `T` instead of the model: a struct with
    /// only the fields you need, or `serde_json::Value`. Paging is the same.
    pub fn list_as<T: DeserializeOwned>(&self, params: &ListParams) -> Result<Page<T>> {
        let (page, per_page) = params.checked()?;
        self.source().fetch(page, per_page)
    }

    /// Every campaign, fetched lazily page by page. The first page is fetched on the first
    /// `next()`; parameters that are invalid come out as its first item (an error), and nothing
    /// is sent.
    pub fn iter(&self, params: &ListParams) -> PageIter<Campaign> {
        PageIter::lazy(params.checked().map(|first| (self.source(), first)))
    }

    fn source(&self) -> PageSource {
        PageSource::new(self.client, "/campaigns".to_owned(), Vec::new())
    }

    /// Polls the campaign every `poll_interval` ([`DEFAULT_POLL_INTERVAL`](crate::DEFAULT_POLL_INTERVAL)
    /// when `None`) until it is `completed` or `failed`, and returns it. With a `timeout`,
    /// gives up with [`Error::WaitTimeout`] (carrying the campaign as last seen) once it has
    /// passed. A zero `poll_interval` is refused ([`Error::InvalidInput`]): it would poll in a
    /// busy loop.
    pub fn wait(
        &self,
        campaign_id: &str,
        poll_interval: impl Into<Option<Duration>>,
        timeout: Option<Duration>,
    ) -> Result<Campaign> {
        self.wait_with_progress(campaign_id, poll_interval, timeout, |_| {})
    }

    /// [`Self::wait`], calling `progress` with the campaign after every poll. `progress` may
    /// return nothing, or a [`ControlFlow`](std::ops::ControlFlow): `ControlFlow::Break(())`
    /// stops the wait at once, which then returns the campaign as last polled (not
    /// necessarily final).
    ///
    /// ```no_run
    /// # use std::time::Duration;
    /// # let client = zexa::Client::new("k")?;
    /// let done = client.campaigns().wait_with_progress("cmp_1", Duration::from_secs(2), None, |c| {
    ///     println!("{}: {:?} delivered", c.status, c.delivered);
    /// })?;
    /// # Ok::<(), zexa::Error>(())
    /// ```
    pub fn wait_with_progress<R: WaitControl>(
        &self,
        campaign_id: &str,
        poll_interval: impl Into<Option<Duration>>,
        timeout: Option<Duration>,
        progress: impl FnMut(&Campaign) -> R,
    ) -> Result<Campaign> {
        let poll = Poll {
            interval: poll_interval.into(),
            timeout,
        };
        poll.run(
            self.client,
            || self.get(campaign_id),
            |campaign| campaign.status.is_final(),
            progress,
            |campaign, waited, polls| Error::WaitTimeout {
                campaign: Box::new(campaign),
                waited,
                polls,
            },
        )
    }
}
