//! API error responses: `{"error", "message", "details"?, "request_id"}` with the matching
//! status, and the request-ID plumbing that lets any handler include the current ID.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

tokio::task_local! {
    /// The `req_...` ID of the request being handled on this task; set by the API middleware
    /// so error bodies and the `X-Request-Id` header agree without threading it everywhere.
    pub static REQUEST_ID: String;
}

/// The request ID of the current request, or a fresh one outside a request scope.
pub fn current_request_id() -> String {
    REQUEST_ID
        .try_with(|r| r.clone())
        .unwrap_or_else(|_| crate::ids::request_id())
}

/// An API error, rendered as the documented JSON error body.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Machine-readable code, e.g. `validation_error`.
    pub code: &'static str,
    /// Human-readable text.
    pub message: String,
    /// Extra context (field, value, unknown IDs...).
    pub details: Option<Value>,
    /// `Retry-After` seconds for 429 answers.
    pub retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            details: None,
            retry_after: None,
        }
    }

    /// Adds `details`.
    pub fn with_details(mut self, details: Value) -> Self {
        self.details = Some(details);
        self
    }

    /// 400 `invalid_request`.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_request", message)
    }

    /// 400 `invalid_request` about one field.
    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        Self::invalid(message).with_details(json!({ "field": field }))
    }

    /// 401 `unauthorized`.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "API key is missing or invalid",
        )
    }

    /// 403 `forbidden` (a request the sandbox refuses to serve, e.g. a foreign `Host`).
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 415 `unsupported_media_type` (a non-JSON body on a state-changing admin request).
    pub fn unsupported_media_type(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            message,
        )
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 409 `conflict`.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    /// 422 `validation_error` about `field` holding `value`.
    pub fn validation(field: &str, value: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_error", message)
            .with_details(json!({ "field": field, "value": value }))
    }

    /// 422 `validation_error` without a single offending field.
    pub fn validation_msg(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_error", message)
    }

    /// 422 `insufficient_credits`.
    pub fn insufficient_credits(needed: f64, balance: f64) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "insufficient_credits",
            format!("Not enough credits: {needed} needed, {balance} available"),
        )
        .with_details(json!({
            "required": crate::routes::credits::amount(needed),
            "balance": crate::routes::credits::amount(balance),
        }))
    }

    /// 429 `rate_limit_exceeded` with `Retry-After`.
    pub fn rate_limited(retry_after: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limit_exceeded",
            "Too many requests; retry after the time indicated in Retry-After",
        );
        e.retry_after = Some(retry_after.max(1));
        e
    }

    /// A 5xx `server_error` (used by injected faults).
    pub fn server_error(status: StatusCode) -> Self {
        Self::new(
            status,
            "server_error",
            format!("Simulated server error ({status})"),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({
            "error": self.code,
            "message": self.message,
            "request_id": current_request_id(),
        });
        if let Some(d) = self.details {
            body["details"] = d;
        }
        let mut resp = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        resp
    }
}

/// Result type of handlers.
pub type ApiResult<T> = Result<T, ApiError>;
