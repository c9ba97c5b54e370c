//! `/webhooks`: register delivery-status webhooks (plus list and delete, which the sandbox
//! offers for convenience).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::errors::{ApiError, ApiResult};
use crate::json::{json_response, ApiQuery, Body, Page, PageParams};
use crate::state::{App, Webhook};
use crate::time::format_ms;
use crate::validate::is_valid_webhook_url;

/// Event types the sandbox emits.
pub const EVENTS: [&str; 3] = ["message.delivered", "message.failed", "campaign.completed"];

/// `POST /webhooks` `{"url","events"}` → 201.
pub async fn create(State(app): State<Arc<App>>, b: Body) -> ApiResult<Response> {
    let url = b.req_str("url")?;
    let events = b.req_str_array("events")?;
    if !is_valid_webhook_url(&url) {
        return Err(ApiError::validation(
            "url",
            &url,
            "url must be https (or http to a loopback host in the sandbox)",
        ));
    }
    if events.is_empty() {
        return Err(ApiError::validation("events", "", "events must not be empty"));
    }
    if let Some(bad) = events.iter().find(|e| !EVENTS.contains(&e.as_str())) {
        return Err(ApiError::validation(
            "events",
            bad,
            format!("unknown event type; expected one of {EVENTS:?}"),
        ));
    }
    let mut store = app.store();
    let id = store.ids.next("wh_");
    let hook = Webhook {
        id: id.clone(),
        url,
        events,
        created_at: format_ms(app.now()),
    };
    let v = serde_json::to_value(&hook).expect("serializable");
    store.webhooks.insert(id, hook);
    drop(store);
    Ok(json_response(StatusCode::CREATED, &v))
}

/// `GET /webhooks`, paginated.
pub async fn list(State(app): State<Arc<App>>, ApiQuery(q): ApiQuery<PageParams>) -> ApiResult<Response> {
    let page = Page::from_params(&q)?;
    let store = app.store();
    let total = store.webhooks.len();
    let data = store
        .webhooks
        .values()
        .skip(page.offset())
        .take(page.per_page)
        .map(|w| serde_json::to_value(w).expect("serializable"))
        .collect();
    drop(store);
    Ok(page.respond(data, total))
}

/// `DELETE /webhooks/{id}` → 204.
pub async fn delete_one(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<StatusCode> {
    match app.store().webhooks.shift_remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => {
            Err(ApiError::not_found(format!("No webhook with id '{id}'")).with_details(json!({ "id": id })))
        }
    }
}
