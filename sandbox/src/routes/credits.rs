//! `GET /credits`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use crate::json::json_response;
use crate::state::App;

/// A credit amount as JSON: an integer when whole, so `10000` is not rendered `10000.0`.
pub fn amount(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

/// `GET /credits` → `{"balance", "currency": "AOA"}`.
pub async fn get(State(app): State<Arc<App>>) -> Response {
    let balance = app.store().credits;
    json_response(
        StatusCode::OK,
        &json!({ "balance": amount(balance), "currency": "AOA" }),
    )
}
