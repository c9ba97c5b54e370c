//! `/campaigns`: create (debits one credit per recipient), read, list.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use crate::errors::{ApiError, ApiResult};
use crate::json::{json_response, ApiQuery, Body, Page, PageParams};
use crate::simulation::{campaign_json, campaign_outcome_failed};
use crate::state::{App, Campaign, Content};
use crate::time::parse_iso;
use crate::validate::CHANNELS;

/// Checks the channel, sender and content rules shared with `POST /messages`.
pub fn check_channel(field: &str, channel: &str) -> ApiResult<()> {
    if CHANNELS.contains(&channel) {
        Ok(())
    } else {
        Err(ApiError::validation(
            field,
            channel,
            "channel must be one of sms, whatsapp, telegram, email, slack",
        ))
    }
}

/// `body` (non-empty string) or `template` (object) must be present; returns what the
/// message says, for the sandbox's message store.
pub fn check_content(b: &Body) -> ApiResult<Content> {
    let body = b.opt_str("body")?;
    let template = match b.get("template") {
        None => None,
        Some(v @ Value::Object(_)) => Some(v),
        Some(_) => {
            return Err(ApiError::invalid_field(
                "template",
                "Field 'template' must be an object",
            ))
        }
    };
    let body = body.filter(|b| !b.is_empty());
    if body.is_none() && template.is_none() {
        return Err(
            ApiError::validation_msg("one of 'body' or 'template' is required")
                .with_details(json!({ "field": "body" })),
        );
    }
    Ok(Content {
        body,
        template: template.cloned(),
    })
}

/// `POST /campaigns` → 201; `scheduled` when `scheduled_at` is in the future.
pub async fn create(State(app): State<Arc<App>>, b: Body) -> ApiResult<Response> {
    let name = b.req_str("name")?;
    let channel = b.req_str("channel")?;
    let list_id = b.req_str("contact_list_id")?;
    let sender = b.req_str("sender_id")?;
    let scheduled_at = b.opt_str("scheduled_at")?;
    check_channel("channel", &channel)?;
    let content = check_content(&b)?;
    let scheduled_ms = match &scheduled_at {
        None => None,
        Some(s) => Some(parse_iso(s).ok_or_else(|| {
            ApiError::validation(
                "scheduled_at",
                s,
                "scheduled_at must be an ISO 8601 UTC timestamp",
            )
        })?),
    };
    let now = app.now();
    let d = app.config.delivery_ms;
    let mut store = app.store();
    if !store
        .sender_ids
        .iter()
        .any(|s| s.name == sender && s.channel == channel)
    {
        return Err(ApiError::validation(
            "sender_id",
            &sender,
            format!("sender_id '{sender}' is not registered for channel {channel}"),
        ));
    }
    let list = store.lists.get(&list_id).ok_or_else(|| {
        ApiError::not_found(format!("No contact list with id '{list_id}'"))
            .with_details(json!({ "field": "contact_list_id", "value": list_id }))
    })?;
    let recipients: Vec<String> = list
        .members
        .iter()
        .filter_map(|id| store.contacts.get(id))
        .filter(|c| c.valid)
        .filter_map(|c| {
            if channel == "email" {
                c.email.clone()
            } else {
                Some(c.phone.clone())
            }
        })
        .collect();
    let cost = recipients.len() as f64;
    if store.credits < cost {
        return Err(ApiError::insufficient_credits(cost, store.credits));
    }
    store.credits -= cost;
    store.campaign_seq += 1;
    let seq = store.campaign_seq;
    let (seed, rate) = (app.config.seed, app.config.failure_rate);
    let mut fail_prefix = Vec::with_capacity(recipients.len() + 1);
    fail_prefix.push(0u32);
    for i in 0..recipients.len() {
        let f = campaign_outcome_failed(seed, seq, i as u64, rate);
        fail_prefix.push(fail_prefix[i] + u32::from(f));
    }
    let id = store.ids.next("cmp_");
    // A past instant (even before 1970) starts the campaign now.
    let start_ms = scheduled_ms.map_or(now, |s| u64::try_from(s).unwrap_or(0).max(now));
    let campaign = Campaign {
        id: id.clone(),
        name,
        channel,
        contact_list_id: list_id,
        sender_id: sender,
        created_ms: now,
        start_ms,
        scheduled: start_ms > now,
        content,
        recipients,
        fail_prefix,
        reported: 0,
        completion_reported: false,
    };
    let mut v = campaign_json(&campaign, d, now);
    // The creation answer reports the start of the lifecycle even with delivery_ms = 0.
    if !campaign.scheduled {
        v["status"] = json!("processing");
        v["delivered"] = json!(0);
        v["failed"] = json!(0);
        v["completed_at"] = Value::Null;
    }
    store.campaigns.insert(id.clone(), campaign);
    store.active_campaigns.push(id);
    drop(store);
    Ok(json_response(StatusCode::CREATED, &v))
}

/// `GET /campaigns/{id}` with live `status`, `delivered`, `failed`, `sent_at`, `completed_at`.
pub async fn get_one(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Response> {
    let store = app.store();
    let c = store.campaigns.get(&id).ok_or_else(|| {
        ApiError::not_found(format!("No campaign with id '{id}'")).with_details(json!({ "id": id }))
    })?;
    let v = campaign_json(c, app.config.delivery_ms, app.now());
    drop(store);
    Ok(json_response(StatusCode::OK, &v))
}

/// `GET /campaigns`, paginated, oldest first.
pub async fn list(State(app): State<Arc<App>>, ApiQuery(q): ApiQuery<PageParams>) -> ApiResult<Response> {
    let page = Page::from_params(&q)?;
    let now = app.now();
    let store = app.store();
    let total = store.campaigns.len();
    let data = (page.offset()..(page.offset() + page.per_page).min(total))
        .filter_map(|i| store.campaigns.get_index(i))
        .map(|(_, c)| campaign_json(c, app.config.delivery_ms, now))
        .collect();
    drop(store);
    Ok(page.respond(data, total))
}
