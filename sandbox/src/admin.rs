//! `/_sandbox/...` admin endpoints: reset, fault injection, statistics, the message store,
//! the webhook delivery log, the manual clock and export downloads. They need no API key,
//! are not counted and never take faults; the ones that change state take only JSON bodies
//! (see [`json_only`]).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::json;

use crate::errors::{ApiError, ApiResult};
use crate::faults::Fault;
use crate::inspect::MessageFilter;
use crate::json::{json_response, ApiQuery, OptionalBody, TypedBody};
use crate::state::App;

/// The admin routes.
pub(crate) fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/_sandbox/reset", post(reset))
        .route("/_sandbox/faults", post(add_faults).delete(clear_faults))
        .route("/_sandbox/fault-rate", post(fault_rate))
        .route("/_sandbox/clock/advance", post(advance))
        .route("/_sandbox/stats", get(stats))
        .route("/_sandbox/messages", get(messages))
        .route("/_sandbox/webhook-deliveries", get(deliveries))
        .route("/_sandbox/overview", get(overview))
        .route("/_sandbox/exports/{file}", get(download))
        // Also under /v1 so `<base_url>/_sandbox/exports/...` resolves too.
        .route("/v1/_sandbox/exports/{file}", get(download))
        .layer(axum::middleware::from_fn(json_only))
        .layer(axum::middleware::from_fn(request_id))
}

/// Gives admin answers an `X-Request-Id` too (and error bodies the same ID).
async fn request_id(req: Request, next: Next) -> Response {
    let rid = crate::ids::request_id();
    let header = HeaderValue::from_str(&rid).expect("ascii request id");
    let mut resp = crate::errors::REQUEST_ID.scope(rid, next.run(req)).await;
    resp.headers_mut().insert("x-request-id", header);
    resp
}

/// State-changing admin requests must say `Content-Type: application/json` (even with an
/// empty body). A web page on another site can send a form or a `text/plain` POST to the
/// sandbox without the browser asking first, but not a JSON one: that needs a CORS
/// preflight, which the sandbox never grants.
async fn json_only(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let is_json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    if is_json {
        next.run(req).await
    } else {
        crate::server::drain(req).await;
        ApiError::unsupported_media_type(
            "admin requests that change state must have Content-Type: application/json",
        )
        .into_response()
    }
}

/// `POST /_sandbox/reset` → 204: everything back to the start configuration.
async fn reset(State(app): State<Arc<App>>, _: OptionalBody) -> StatusCode {
    app.reset();
    StatusCode::NO_CONTENT
}

/// Body of `POST /_sandbox/faults`: a fault plus how many and where.
#[derive(Debug, Deserialize)]
struct FaultRequest {
    #[serde(flatten)]
    fault: Fault,
    /// Copies to queue (default 1).
    count: Option<u64>,
    /// Path prefix the fault is bound to.
    path: Option<String>,
}

/// `POST /_sandbox/faults` `{"kind", "count"?, "path"?, ...}` → 200 `{"queued": n}`.
async fn add_faults(
    State(app): State<Arc<App>>,
    TypedBody(req): TypedBody<FaultRequest>,
) -> ApiResult<Response> {
    let queued = app
        .queue_faults(req.fault, req.count.unwrap_or(1), req.path)
        .map_err(ApiError::invalid)?;
    Ok(json_response(StatusCode::OK, &json!({ "queued": queued })))
}

/// `DELETE /_sandbox/faults` → 204: empties the queue.
async fn clear_faults(State(app): State<Arc<App>>, _: OptionalBody) -> StatusCode {
    app.clear_faults();
    StatusCode::NO_CONTENT
}

/// Body of `POST /_sandbox/fault-rate`.
#[derive(Debug, Deserialize)]
struct FaultRateRequest {
    rate: f64,
    #[serde(default)]
    kinds: Vec<Fault>,
}

/// `POST /_sandbox/fault-rate` `{"rate", "kinds": [fault, ...]}` → 204.
async fn fault_rate(
    State(app): State<Arc<App>>,
    TypedBody(req): TypedBody<FaultRateRequest>,
) -> ApiResult<StatusCode> {
    app.set_fault_rate(req.rate, req.kinds)
        .map_err(ApiError::invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Body of `POST /_sandbox/clock/advance`.
#[derive(Debug, Deserialize)]
struct AdvanceRequest {
    ms: u64,
}

/// `POST /_sandbox/clock/advance` `{"ms"}` → 204 once due webhooks were attempted; 409 when
/// the sandbox runs on the wall clock.
async fn advance(
    State(app): State<Arc<App>>,
    TypedBody(req): TypedBody<AdvanceRequest>,
) -> ApiResult<StatusCode> {
    // The flush waits on the delivery thread: keep it off the async workers.
    let moved = tokio::task::spawn_blocking(move || app.advance(Duration::from_millis(req.ms)))
        .await
        .unwrap_or(false);
    if moved {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::conflict(
            "the sandbox runs on the wall clock; start it with --manual-clock to advance it",
        ))
    }
}

/// `GET /_sandbox/stats` → `{"requests", "by_route", "faults_applied"}`.
async fn stats(State(app): State<Arc<App>>) -> Response {
    json_response(StatusCode::OK, &app.stats_snapshot())
}

/// `GET /_sandbox/messages?recipient=&channel=&campaign=&limit=` → `[message, ...]`.
async fn messages(State(app): State<Arc<App>>, ApiQuery(filter): ApiQuery<MessageFilter>) -> Response {
    json_response(StatusCode::OK, &app.sent_messages(&filter))
}

/// Query of `GET /_sandbox/webhook-deliveries`.
#[derive(Debug, Deserialize)]
struct DeliveryQuery {
    /// Only the most recent `limit` deliveries.
    limit: Option<usize>,
}

/// `GET /_sandbox/webhook-deliveries?limit=` → `[{url, event_type, payload, status_code|error}]`.
async fn deliveries(State(app): State<Arc<App>>, ApiQuery(q): ApiQuery<DeliveryQuery>) -> Response {
    let mut all = app.webhook_deliveries();
    if let Some(limit) = q.limit {
        all.drain(..all.len().saturating_sub(limit));
    }
    json_response(StatusCode::OK, &all)
}

/// `GET /_sandbox/overview` → the inbox page's feed: the newest 500 messages, webhook
/// deliveries and contacts, every campaign and list, credits and the clock.
async fn overview(State(app): State<Arc<App>>) -> Response {
    json_response(StatusCode::OK, &app.overview(500))
}

/// `GET /_sandbox/exports/{id}.csv`: the CSV of a completed export.
async fn download(State(app): State<Arc<App>>, Path(file): Path<String>) -> Response {
    let id = file.strip_suffix(".csv").unwrap_or(&file);
    match crate::routes::exports::completed_csv(&app, id) {
        Some(csv) => {
            let mut resp = (StatusCode::OK, csv.as_str().to_owned()).into_response();
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            resp
        }
        None => ApiError::not_found(format!("No completed export '{id}'")).into_response(),
    }
}
