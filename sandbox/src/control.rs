//! The controls of a running sandbox, shared by the typed [`crate::Sandbox`] methods and the
//! `/_sandbox/...` admin endpoints so both do exactly the same thing.

use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

use crate::faults::{Fault, QueuedFault};
use crate::inspect::{MessageFilter, SentMessage, Stats, WebhookDelivery};
use crate::simulation::{announce_due, campaign_json, campaign_message_json, message_json};
use crate::state::{lock, App, Campaign, Message, Outbound};

/// Where a listed message comes from.
enum Source<'a> {
    /// A `POST /messages`.
    Message(&'a Message),
    /// Recipient `i` of a campaign.
    Recipient(&'a Campaign, usize),
}

/// Longest wait for the webhook delivery thread after an `advance` (each POST has a 2 s
/// timeout; this bounds a backlog of a few unanswered receivers).
const FLUSH_TIMEOUT: Duration = Duration::from_secs(30);

impl App {
    /// Queues `count` copies of `fault`, taken by requests whose path starts with `path`
    /// (any request when `None`); returns the queue length.
    pub(crate) fn queue_faults(
        &self,
        fault: Fault,
        count: u64,
        path: Option<String>,
    ) -> Result<usize, String> {
        fault.validate()?;
        let mut faults = lock(&self.faults);
        for _ in 0..count {
            faults.queue.push_back(QueuedFault {
                kind: fault.clone(),
                path: path.clone(),
            });
        }
        Ok(faults.queue.len())
    }

    /// Empties the fault queue.
    pub(crate) fn clear_faults(&self) {
        lock(&self.faults).queue.clear();
    }

    /// Each API request takes a random fault of `kinds` with probability `rate` (seeded).
    pub(crate) fn set_fault_rate(&self, rate: f64, kinds: Vec<Fault>) -> Result<(), String> {
        if !(0.0..=1.0).contains(&rate) {
            return Err("'rate' must be a number in 0..=1".into());
        }
        if rate > 0.0 && kinds.is_empty() {
            return Err("a positive rate needs at least one kind".into());
        }
        kinds.iter().try_for_each(Fault::validate)?;
        let mut faults = lock(&self.faults);
        faults.rate = rate;
        faults.kinds = kinds;
        Ok(())
    }

    /// The request counters.
    pub(crate) fn stats_snapshot(&self) -> Stats {
        Stats {
            requests: self.stats.requests.load(Ordering::Relaxed),
            by_route: lock(&self.stats.by_route)
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            faults_applied: self.stats.faults_applied.load(Ordering::Relaxed),
        }
    }

    /// The webhook deliveries attempted so far, oldest first.
    pub(crate) fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        lock(&self.deliveries).clone()
    }

    /// The messages matching `filter`, oldest first, with their status now and content.
    pub(crate) fn sent_messages(&self, filter: &MessageFilter) -> Vec<SentMessage> {
        self.sent_messages_at(filter, self.now())
    }

    /// [`App::sent_messages`] as of `now`.
    fn sent_messages_at(&self, filter: &MessageFilter, now: u64) -> Vec<SentMessage> {
        let d = self.config.delivery_ms;
        let store = self.store();
        let wanted = |channel: &str, to: &str, campaign: Option<&str>| {
            filter.channel.as_deref().is_none_or(|c| c == channel)
                && filter.recipient.as_deref().is_none_or(|r| r == to)
                && filter.campaign.as_deref().is_none_or(|c| Some(c) == campaign)
        };
        // (creation time, source): standalone messages, then campaign recipients, merged by
        // time with a stable sort so equal times keep this order. The JSON is built only for
        // what `limit` keeps, so the page's poll stays cheap next to a 100k-recipient campaign.
        let mut found: Vec<(u64, Source<'_>)> = Vec::new();
        if filter.campaign.is_none() {
            for m in store.messages.values() {
                if wanted(&m.channel, &m.to, None) {
                    found.push((m.created_ms, Source::Message(m)));
                }
            }
        }
        for c in store.campaigns.values() {
            let other_channel = filter.channel.as_deref().is_some_and(|ch| ch != c.channel);
            let other_campaign = filter.campaign.as_deref().is_some_and(|id| id != c.id);
            if other_channel || other_campaign {
                continue;
            }
            for (i, to) in c.recipients.iter().enumerate() {
                if wanted(&c.channel, to, Some(&c.id)) {
                    found.push((c.created_ms, Source::Recipient(c, i)));
                }
            }
        }
        found.sort_by_key(|(t, _)| *t);
        let skip = filter.limit.map_or(0, |l| found.len().saturating_sub(l));
        found
            .into_iter()
            .skip(skip)
            .filter_map(|(_, source)| {
                let (mut v, content) = match source {
                    Source::Message(m) => (message_json(m, d, now), &m.content),
                    Source::Recipient(c, i) => (campaign_message_json(c, i, d, now), &c.content),
                };
                v["body"] = json!(content.body);
                v["template"] = content.template.clone().unwrap_or(Value::Null);
                serde_json::from_value(v).ok()
            })
            .collect()
    }

    /// Everything the inbox page shows, as of one instant so the campaigns' progress and
    /// their recipients' messages agree: the newest `limit` messages, campaigns with live
    /// progress, the newest `limit` webhook deliveries, lists, the newest `limit` contacts,
    /// the balance and the clock.
    pub(crate) fn overview(&self, limit: usize) -> Value {
        let now = self.now();
        let d = self.config.delivery_ms;
        let messages = self.sent_messages_at(
            &MessageFilter {
                limit: Some(limit),
                ..MessageFilter::default()
            },
            now,
        );
        let mut deliveries = self.webhook_deliveries();
        deliveries.drain(..deliveries.len().saturating_sub(limit));
        let store = self.store();
        let skip = store.contacts.len().saturating_sub(limit);
        json!({
            "messages": messages,
            "webhook_deliveries": deliveries,
            "campaigns": store.campaigns.values().map(|c| campaign_json(c, d, now)).collect::<Vec<_>>(),
            "lists": store.lists.values().map(|l| l.to_json()).collect::<Vec<_>>(),
            "contacts": store.contacts.values().skip(skip).collect::<Vec<_>>(),
            "contacts_total": store.contacts.len(),
            "credits": crate::routes::credits::amount(store.credits),
            "manual_clock": self.clock.is_manual(),
            "now": crate::time::format_ms(now),
        })
    }

    /// Moves a manual clock forward by `by`, then queues the webhook events that became due
    /// and waits (bounded) until the delivery thread has attempted them, so a test reads
    /// the outcome right after. `false` for a wall clock.
    pub(crate) fn advance(&self, by: Duration) -> bool {
        if !self.clock.advance(by) {
            return false;
        }
        announce_due(self);
        let (tx, rx) = mpsc::channel();
        let sent = lock(&self.outbox)
            .as_ref()
            .is_some_and(|out| out.send(Outbound::Flush(tx)).is_ok());
        if sent {
            let _ = rx.recv_timeout(FLUSH_TIMEOUT);
        }
        true
    }
}
