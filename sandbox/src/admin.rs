//! `/_sandbox/...` admin endpoints: reset, fault injection, statistics, webhook delivery log
//! and export downloads. They need no API key, are not counted, and never take faults.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use bytes::Bytes;
use serde_json::{json, Value};

use crate::errors::{ApiError, ApiResult};
use crate::faults::{FaultKind, QueuedFault};
use crate::json::{json_response, Body};
use crate::state::{lock, App};

/// The admin routes.
pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/_sandbox/reset", post(reset))
        .route("/_sandbox/faults", post(add_faults).delete(clear_faults))
        .route("/_sandbox/fault-rate", post(fault_rate))
        .route("/_sandbox/stats", get(stats))
        .route("/_sandbox/webhook-deliveries", get(deliveries))
        .route("/_sandbox/exports/{file}", get(download))
        // Also under /v1 so `<base_url>/_sandbox/exports/...` resolves too.
        .route("/v1/_sandbox/exports/{file}", get(download))
        .layer(axum::middleware::from_fn(request_id))
}

/// Gives admin answers an `X-Request-Id` too (and error bodies the same ID).
async fn request_id(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let rid = crate::ids::request_id();
    let header = HeaderValue::from_str(&rid).expect("ascii request id");
    let mut resp = crate::errors::REQUEST_ID.scope(rid, next.run(req)).await;
    resp.headers_mut().insert("x-request-id", header);
    resp
}

/// `POST /_sandbox/reset` → 204: everything back to the start configuration.
async fn reset(State(app): State<Arc<App>>) -> StatusCode {
    app.reset();
    StatusCode::NO_CONTENT
}

/// `POST /_sandbox/faults` `{"kind", "count"?, "path"?, ...}` → 200 `{"queued": n}`.
async fn add_faults(State(app): State<Arc<App>>, body: Bytes) -> ApiResult<Response> {
    let b = Body::parse(&body)?;
    let v = Value::Object(b.0.clone());
    let kind = FaultKind::from_json(&v).map_err(ApiError::invalid)?;
    let count = match b.get("count") {
        None => 1,
        Some(c) => c
            .as_u64()
            .ok_or_else(|| ApiError::invalid_field("count", "'count' must be a non-negative integer"))?,
    };
    let path = b.opt_str("path")?;
    let mut faults = lock(&app.faults);
    for _ in 0..count {
        faults.queue.push_back(QueuedFault {
            kind: kind.clone(),
            path: path.clone(),
        });
    }
    let queued = faults.queue.len();
    drop(faults);
    Ok(json_response(StatusCode::OK, &json!({ "queued": queued })))
}

/// `DELETE /_sandbox/faults` → 204: empties the queue.
async fn clear_faults(State(app): State<Arc<App>>) -> StatusCode {
    lock(&app.faults).queue.clear();
    StatusCode::NO_CONTENT
}

/// `POST /_sandbox/fault-rate` `{"rate", "kinds": [fault, ...]}` → 204.
async fn fault_rate(State(app): State<Arc<App>>, body: Bytes) -> ApiResult<StatusCode> {
    let b = Body::parse(&body)?;
    let rate = b
        .get("rate")
        .and_then(Value::as_f64)
        .filter(|r| (0.0..=1.0).contains(r))
        .ok_or_else(|| ApiError::invalid_field("rate", "'rate' must be a number in 0..=1"))?;
    let kinds = match b.get("kinds") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(FaultKind::from_json)
            .collect::<Result<Vec<_>, _>>()
            .map_err(ApiError::invalid)?,
        Some(_) => return Err(ApiError::invalid_field("kinds", "'kinds' must be an array")),
    };
    if rate > 0.0 && kinds.is_empty() {
        return Err(ApiError::invalid_field(
            "kinds",
            "a positive rate needs at least one kind",
        ));
    }
    let mut faults = lock(&app.faults);
    faults.rate = rate;
    faults.kinds = kinds;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /_sandbox/stats` → `{"requests", "by_route", "faults_applied"}`.
async fn stats(State(app): State<Arc<App>>) -> Response {
    let by_route = lock(&app.stats.by_route).clone();
    json_response(
        StatusCode::OK,
        &json!({
            "requests": app.stats.requests.load(Ordering::Relaxed),
            "by_route": by_route,
            "faults_applied": app.stats.faults_applied.load(Ordering::Relaxed),
        }),
    )
}

/// `GET /_sandbox/webhook-deliveries` → `[{url, event_type, status_code or error}, ...]`.
async fn deliveries(State(app): State<Arc<App>>) -> Response {
    let list = lock(&app.deliveries).clone();
    json_response(StatusCode::OK, &list)
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
