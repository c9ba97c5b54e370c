//! Simulated delivery: how campaigns and messages progress with time, and the background
//! ticker that turns final outcomes into webhook events for the delivery thread.
//!
//! Progress is a pure function of timestamps (so reads never need a background task), with
//! `d = delivery_ms`:
//! - a message is `queued` for `d/3`, then `sent`, and final (`delivered`/`failed`) at `d`;
//! - a campaign starting at `S` with `N` recipients dispatches them over `[S, S + d/2)`
//!   (`processing`), then is `sent` while outcomes arrive evenly over `[S + d/2, S + d)`,
//!   and is `completed` at `S + d`.
//!
//! Outcomes are drawn from the seed: recipient `i` of campaign number `k` fails when
//! `unit(mix(seed, k, i)) < failure_rate`, so runs with one seed are reproducible.

use std::sync::{mpsc, Arc};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::sync::watch;

use crate::ids::{mix, unit};
use crate::state::{lock, App, Campaign, Message, Outbound, Outgoing, Store};
use crate::time::format_ms;
use crate::validate::is_loopback_url;
use crate::WebhookDelivery;

/// How often the ticker looks for newly final outcomes.
const TICK: Duration = Duration::from_millis(10);

/// The error object of a failed message.
pub fn failure_error() -> Value {
    json!({
        "code": "carrier_rejected",
        "message": "The carrier rejected the message (simulated failure)",
    })
}

/// Whether recipient `i` of campaign `seq` fails.
pub fn campaign_outcome_failed(seed: u64, seq: u64, i: u64, rate: f64) -> bool {
    unit(mix(mix(seed ^ 0xCA3A_1617 ^ mix(seq)).wrapping_add(i))) < rate
}

/// Whether standalone message `seq` fails.
pub fn message_outcome_failed(seed: u64, seq: u64, rate: f64) -> bool {
    unit(mix(mix(seed ^ 0x3E55_A6E5).wrapping_add(seq))) < rate
}

fn halves(d: u64) -> (u64, u64) {
    (d / 2, d - d / 2)
}

/// Number of campaign recipients with a final outcome at `now`.
pub fn finalized(c: &Campaign, d: u64, now: u64) -> usize {
    let n = c.recipients.len();
    let (half, rest) = halves(d);
    if now >= c.start_ms + d {
        n
    } else if now < c.start_ms + half {
        0
    } else {
        let elapsed = (now - c.start_ms - half) as u128;
        ((elapsed * n as u128 / rest as u128) as usize).min(n)
    }
}

/// The API representation of a campaign at `now`.
pub fn campaign_json(c: &Campaign, d: u64, now: u64) -> Value {
    let k = finalized(c, d, now);
    let failed = c.fail_prefix[k] as usize;
    let status = if now < c.start_ms {
        "scheduled"
    } else if now >= c.start_ms + d {
        "completed"
    } else if now < c.start_ms + d / 2 {
        "processing"
    } else {
        "sent"
    };
    json!({
        "id": c.id,
        "name": c.name,
        "status": status,
        "channel": c.channel,
        "contact_list_id": c.contact_list_id,
        "sender_id": c.sender_id,
        "total_recipients": c.recipients.len(),
        "delivered": k - failed,
        "failed": failed,
        "created_at": format_ms(c.created_ms),
        "scheduled_at": c.scheduled.then(|| format_ms(c.start_ms)),
        "sent_at": (now >= c.start_ms).then(|| format_ms(c.start_ms)),
        "completed_at": (now >= c.start_ms + d).then(|| format_ms(c.start_ms + d)),
    })
}

/// The ID of recipient `i`'s message: the campaign's ID body plus the index, so it can be
/// resolved without storing one record per recipient.
pub fn campaign_message_id(c: &Campaign, i: usize) -> String {
    format!("msg_{}{}", &c.id[4..], i)
}

/// Splits a campaign message ID into `(campaign id, index)`.
pub fn parse_campaign_message_id(id: &str) -> Option<(String, usize)> {
    let body = id.strip_prefix("msg_")?;
    if body.len() <= 11 || !body.is_char_boundary(11) {
        return None;
    }
    let (cmp, idx) = body.split_at(11);
    Some((format!("cmp_{cmp}"), idx.parse().ok()?))
}

/// The API representation of recipient `i` of campaign `c`.
pub fn campaign_message_json(c: &Campaign, i: usize, d: u64, now: u64) -> Value {
    let n = c.recipients.len() as u128;
    let (half, rest) = halves(d);
    let dispatch = c.start_ms + (half as u128 * i as u128 / n) as u64;
    let final_at = c.start_ms + half + (rest as u128 * (i as u128 + 1)).div_ceil(n) as u64;
    let failed = c.fail_prefix[i + 1] > c.fail_prefix[i];
    message_view(MessageView {
        id: campaign_message_id(c, i),
        channel: &c.channel,
        to: &c.recipients[i],
        from: &c.sender_id,
        campaign_id: Some(&c.id),
        created_ms: c.created_ms,
        sent_ms: dispatch.max(c.start_ms),
        final_ms: final_at.max(dispatch),
        failed,
        now,
    })
}

/// The API representation of a standalone message.
pub fn message_json(m: &Message, d: u64, now: u64) -> Value {
    message_view(MessageView {
        id: m.id.clone(),
        channel: &m.channel,
        to: &m.to,
        from: &m.from,
        campaign_id: None,
        created_ms: m.created_ms,
        sent_ms: m.created_ms + d / 3,
        final_ms: m.created_ms + d,
        failed: m.failed,
        now,
    })
}

struct MessageView<'a> {
    id: String,
    channel: &'a str,
    to: &'a str,
    from: &'a str,
    campaign_id: Option<&'a str>,
    created_ms: u64,
    sent_ms: u64,
    final_ms: u64,
    failed: bool,
    now: u64,
}

fn message_view(v: MessageView<'_>) -> Value {
    let is_final = v.now >= v.final_ms;
    let status = match (is_final, v.failed, v.now >= v.sent_ms) {
        (true, true, _) => "failed",
        (true, false, _) => "delivered",
        (false, _, true) => "sent",
        (false, _, false) => "queued",
    };
    json!({
        "id": v.id,
        "status": status,
        "channel": v.channel,
        "to": v.to,
        "from": v.from,
        "campaign_id": v.campaign_id,
        "created_at": format_ms(v.created_ms),
        "sent_at": (v.now >= v.sent_ms).then(|| format_ms(v.sent_ms)),
        "delivered_at": (is_final && !v.failed).then(|| format_ms(v.final_ms)),
        "failed_at": (is_final && v.failed).then(|| format_ms(v.final_ms)),
        "error": (is_final && v.failed).then(failure_error),
    })
}

/// Starts the thread that POSTs webhook events (blocking `ureq`, one at a time, loopback
/// only) so request handling never waits on a webhook receiver.
pub fn start_delivery_thread(app: &App) -> std::io::Result<()> {
    let (tx, rx) = mpsc::channel::<Outbound>();
    *lock(&app.outbox) = Some(tx);
    let deliveries = app.deliveries.clone();
    std::thread::Builder::new()
        .name("zexa-sandbox-webhooks".into())
        .spawn(move || {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(Duration::from_secs(2)))
                .build()
                .into();
            // Ends when the sandbox drops the sender at shutdown.
            for item in rx {
                match item {
                    Outbound::Event(out) => {
                        let record = deliver(&agent, out);
                        let mut log = lock(&deliveries);
                        // Bounded so a long benchmark cannot grow memory without limit.
                        if log.len() < 100_000 {
                            log.push(record);
                        }
                    }
                    Outbound::Flush(done) => {
                        let _ = done.send(());
                    }
                }
            }
        })?;
    Ok(())
}

fn deliver(agent: &ureq::Agent, out: Outgoing) -> WebhookDelivery {
    let mut record = WebhookDelivery {
        url: out.url,
        event_type: out.event_type,
        payload: out.payload,
        status_code: None,
        error: None,
    };
    if !is_loopback_url(&record.url) {
        record.error = Some("not delivered: the sandbox only delivers to loopback hosts".into());
        return record;
    }
    match agent
        .post(&record.url)
        .header("content-type", "application/json")
        .header("x-zexa-event", &record.event_type)
        .send(record.payload.to_string().as_bytes())
    {
        Ok(resp) => record.status_code = Some(resp.status().as_u16()),
        Err(e) => record.error = Some(e.to_string()),
    }
    record
}

/// Calls [`announce_due`] every [`TICK`] until shutdown.
pub async fn ticker(app: Arc<App>, mut shutdown: watch::Receiver<bool>) {
    let mut interval = tokio::time::interval(TICK);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            _ = interval.tick() => {}
            _ = shutdown.changed() => return,
        }
        announce_due(&app);
    }
}

/// Queues the webhook events of every outcome that became final by now.
///
/// The events are handed to the delivery thread while the store is still locked, so two
/// callers (the ticker and [`App::advance`]) can never queue them out of order.
pub fn announce_due(app: &App) {
    let now = app.now();
    let mut store = app.store();
    let events = collect_events(&mut store, app, now);
    if events.is_empty() {
        return;
    }
    if let Some(tx) = lock(&app.outbox).as_ref() {
        for e in events {
            let _ = tx.send(Outbound::Event(e));
        }
    }
    drop(store);
}

fn event(url: &str, kind: &str, data: Value, now: u64) -> Outgoing {
    Outgoing {
        url: url.to_string(),
        event_type: kind.to_string(),
        payload: json!({
            "id": crate::ids::global_id("evt_"),
            "type": kind,
            "created_at": format_ms(now),
            "data": data,
        }),
    }
}

/// Advances the announcement cursors and returns the events due at `now`.
fn collect_events(store: &mut Store, app: &App, now: u64) -> Vec<Outgoing> {
    let mut out = Vec::new();
    if store.active_messages.is_empty() && store.active_campaigns.is_empty() {
        return out;
    }
    let d = app.config.delivery_ms;
    let hooks: Vec<(String, Vec<String>)> = store
        .webhooks
        .values()
        .map(|w| (w.url.clone(), w.events.clone()))
        .collect();
    let targets = |kind: &str| -> Vec<&str> {
        hooks
            .iter()
            .filter(|(_, ev)| ev.iter().any(|e| e == kind))
            .map(|(u, _)| u.as_str())
            .collect()
    };
    let (on_delivered, on_failed, on_completed) = (
        targets("message.delivered"),
        targets("message.failed"),
        targets("campaign.completed"),
    );
    let message_event = |out: &mut Vec<Outgoing>, id: &str, cmp: Option<&str>, to: &str, failed: bool| {
        let (kind, urls) = if failed {
            ("message.failed", &on_failed)
        } else {
            ("message.delivered", &on_delivered)
        };
        for url in urls {
            let data = json!({
                "message_id": id,
                "campaign_id": cmp,
                "status": if failed { "failed" } else { "delivered" },
                "to": to,
                "error": if failed { failure_error() } else { Value::Null },
            });
            out.push(event(url, kind, data, now));
        }
    };
    let mut i = 0;
    while i < store.active_messages.len() {
        let id = &store.active_messages[i];
        match store.messages.get(id) {
            Some(m) if now < m.created_ms + d => i += 1,
            Some(m) => {
                message_event(&mut out, &m.id, None, &m.to, m.failed);
                store.active_messages.swap_remove(i);
            }
            None => {
                store.active_messages.swap_remove(i);
            }
        }
    }
    let mut i = 0;
    while i < store.active_campaigns.len() {
        let id = store.active_campaigns[i].clone();
        let Some(c) = store.campaigns.get_mut(&id) else {
            store.active_campaigns.swap_remove(i);
            continue;
        };
        let k = finalized(c, d, now);
        if !on_delivered.is_empty() || !on_failed.is_empty() {
            for r in c.reported..k {
                let failed = c.fail_prefix[r + 1] > c.fail_prefix[r];
                let mid = campaign_message_id(c, r);
                message_event(&mut out, &mid, Some(&c.id), &c.recipients[r], failed);
            }
        }
        c.reported = k;
        if now >= c.start_ms + d {
            let failed = c.fail_prefix[k] as usize;
            for url in &on_completed {
                let data = json!({
                    "campaign_id": c.id,
                    "status": "completed",
                    "delivered": k - failed,
                    "failed": failed,
                });
                out.push(event(url, "campaign.completed", data, now));
            }
            c.completion_reported = true;
            store.active_campaigns.swap_remove(i);
        } else {
            i += 1;
        }
    }
    out
}
