//! `/messages`: send one message (debits one credit) and read its delivery status.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::campaigns::{check_channel, check_content};
use crate::errors::{ApiError, ApiResult};
use crate::json::{json_response, Body};
use crate::simulation::{
    campaign_message_json, message_json, message_outcome_failed, parse_campaign_message_id,
};
use crate::state::{App, Message};
use crate::time::format_ms;
use crate::validate::is_valid_to;

/// `POST /messages` → 201 with status `queued`.
pub async fn create(State(app): State<Arc<App>>, b: Body) -> ApiResult<Response> {
    let channel = b.req_str("channel")?;
    let to = b.req_str("to")?;
    let from = b.req_str("from")?;
    check_channel("channel", &channel)?;
    if !is_valid_to(&channel, &to) {
        let expected = match channel.as_str() {
            "email" => "an email address",
            "slack" => "a non-empty channel or user ID",
            _ => "an E.164 phone number",
        };
        return Err(ApiError::validation(
            "to",
            &to,
            format!("'to' must be {expected} for channel {channel}"),
        ));
    }
    let content = check_content(&b)?;
    let now = app.now();
    let mut store = app.store();
    if !store
        .sender_ids
        .iter()
        .any(|s| s.name == from && s.channel == channel)
    {
        return Err(ApiError::validation(
            "from",
            &from,
            format!("sender '{from}' is not registered for channel {channel}"),
        ));
    }
    if store.credits < 1.0 {
        return Err(ApiError::insufficient_credits(1.0, store.credits));
    }
    store.credits -= 1.0;
    store.message_seq += 1;
    let failed = message_outcome_failed(app.config.seed, store.message_seq, app.config.failure_rate);
    let id = store.ids.next("msg_");
    let v = json!({
        "id": id,
        "status": "queued",
        "channel": channel,
        "to": to,
        "from": from,
        "campaign_id": null,
        "created_at": format_ms(now),
    });
    store.messages.insert(
        id.clone(),
        Message {
            id: id.clone(),
            channel,
            to,
            from,
            created_ms: now,
            failed,
            content,
        },
    );
    store.active_messages.push(id);
    drop(store);
    Ok(json_response(StatusCode::CREATED, &v))
}

/// `GET /messages/{id}`: standalone messages and campaign recipients' messages.
pub async fn get_one(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Response> {
    let now = app.now();
    let d = app.config.delivery_ms;
    let store = app.store();
    let v = if let Some(m) = store.messages.get(&id) {
        Some(message_json(m, d, now))
    } else {
        parse_campaign_message_id(&id).and_then(|(cmp, i)| {
            let c = store.campaigns.get(&cmp)?;
            (i < c.recipients.len()).then(|| campaign_message_json(c, i, d, now))
        })
    };
    drop(store);
    match v {
        Some(v) => Ok(json_response(StatusCode::OK, &v)),
        None => {
            Err(ApiError::not_found(format!("No message with id '{id}'")).with_details(json!({ "id": id })))
        }
    }
}
