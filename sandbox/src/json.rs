//! Request bodies and query strings through axum's `Json` and `Query` extractors, with
//! their rejections mapped to the API's error shape: a malformed body, a missing required
//! field or a field of the wrong type is 400 `invalid_request` (axum's own rejections are
//! plain text, which no client of the API expects).
//!
//! Bodies are extracted as a JSON object and read field by field (rather than into one
//! typed struct per route) so each missing or mistyped field gets its own message and
//! `details.field`, and so `PUT` can tell an absent field from an explicit `null`.

use std::collections::BTreeMap;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::errors::{ApiError, ApiResult};

/// A JSON object body (`Content-Type: application/json`).
#[derive(Debug, Default)]
pub(crate) struct Body(pub(crate) Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<Value>::from_request(req, state).await {
            Ok(axum::Json(Value::Object(m))) => Ok(Body(m)),
            Ok(_) => Err(ApiError::invalid("Request body must be a JSON object")),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

/// A JSON body deserialized into `T` (admin requests, whose shapes are fixed); a
/// malformed or mistyped body is 400 with serde's message, which names the field.
#[derive(Debug)]
pub(crate) struct TypedBody<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for TypedBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(TypedBody(v)),
            Err(JsonRejection::JsonDataError(e)) => Err(ApiError::invalid(
                std::error::Error::source(&e)
                    .map(ToString::to_string)
                    .unwrap_or_else(|| e.body_text()),
            )),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

/// A body that may be empty (an empty object then); otherwise as [`Body`].
#[derive(Debug, Default)]
pub(crate) struct OptionalBody(pub(crate) Body);

impl<S: Send + Sync> FromRequest<S> for OptionalBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(|e| ApiError::invalid(format!("Cannot read the request body: {e}")))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(OptionalBody::default());
        }
        let req = Request::from_parts(parts, axum::body::Body::from(bytes));
        Ok(OptionalBody(Body::from_request(req, state).await?))
    }
}

/// Our error for a rejected JSON body.
fn json_rejection(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            ApiError::invalid("Content-Type must be application/json")
        }
        JsonRejection::JsonSyntaxError(e) => {
            let text = std::error::Error::source(&e)
                .map(ToString::to_string)
                .unwrap_or_else(|| e.body_text());
            if text.contains("EOF while parsing a value at line 1 column 0") {
                ApiError::invalid("Request body is empty; a JSON object is required")
            } else {
                ApiError::invalid(format!("Malformed JSON body: {text}"))
            }
        }
        other => ApiError::invalid(format!("Unreadable request body: {}", other.body_text())),
    }
}

impl Body {
    /// The raw value of `field`, treating JSON `null` as absent.
    pub(crate) fn get(&self, field: &str) -> Option<&Value> {
        self.0.get(field).filter(|v| !v.is_null())
    }

    /// Whether `field` is present (even as `null`).
    pub(crate) fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    /// `field` deserialized as `T`, `None` when absent or `null`; a value of another shape
    /// is 400 naming the field and what was `expected`.
    pub(crate) fn opt<T: DeserializeOwned>(&self, field: &str, expected: &str) -> ApiResult<Option<T>> {
        match self.get(field) {
            None => Ok(None),
            Some(v) => T::deserialize(v)
                .map(Some)
                .map_err(|_| wrong_type(field, expected)),
        }
    }

    /// A required string.
    pub(crate) fn req_str(&self, field: &str) -> ApiResult<String> {
        self.opt_str(field)?.ok_or_else(|| missing(field))
    }

    /// An optional string.
    pub(crate) fn opt_str(&self, field: &str) -> ApiResult<Option<String>> {
        self.opt(field, "a string")
    }

    /// An optional boolean.
    pub(crate) fn opt_bool(&self, field: &str) -> ApiResult<Option<bool>> {
        self.opt(field, "a boolean")
    }

    /// A required array of strings.
    pub(crate) fn req_str_array(&self, field: &str) -> ApiResult<Vec<String>> {
        self.opt_str_array(field)?.ok_or_else(|| missing(field))
    }

    /// An optional array of strings.
    pub(crate) fn opt_str_array(&self, field: &str) -> ApiResult<Option<Vec<String>>> {
        self.opt(field, "an array of strings")
    }

    /// An optional object of string to string.
    pub(crate) fn opt_str_map(&self, field: &str) -> ApiResult<Option<BTreeMap<String, String>>> {
        self.opt(field, "an object of strings")
    }
}

fn missing(field: &str) -> ApiError {
    ApiError::invalid_field(field, format!("Missing required field '{field}'"))
}

fn wrong_type(field: &str, what: &str) -> ApiError {
    ApiError::invalid_field(field, format!("Field '{field}' must be {what}"))
}

/// Axum's `Query` extractor with its rejection in the API's error shape.
#[derive(Debug)]
pub(crate) struct ApiQuery<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(q)) => Ok(ApiQuery(q)),
            Err(QueryRejection::FailedToDeserializeQueryString(e)) => Err(ApiError::invalid(format!(
                "Invalid query string: {}",
                e.body_text()
            ))),
            Err(e) => Err(ApiError::invalid(format!(
                "Invalid query string: {}",
                e.body_text()
            ))),
        }
    }
}

/// The `page` and `per_page` query parameters, as given (checked by [`Page::from_params`]
/// so a bad value gets the documented message and `details.value`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageParams {
    /// 1-based page number.
    pub(crate) page: Option<String>,
    /// Items per page.
    pub(crate) per_page: Option<String>,
}

/// Page selection of a list endpoint.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page {
    /// 1-based page number.
    pub(crate) page: usize,
    /// Items per page, 1..=100.
    pub(crate) per_page: usize,
}

/// Largest page size; larger requests are clamped rather than refused, like the live API.
pub(crate) const MAX_PER_PAGE: usize = 100;

impl Page {
    /// Reads `page` (default 1) and `per_page` (default 50, clamped to 100); zero, negative
    /// or non-numeric values are 400.
    pub(crate) fn from_params(q: &PageParams) -> ApiResult<Page> {
        let read = |key: &str, raw: &Option<String>, default: usize| -> ApiResult<usize> {
            match raw {
                None => Ok(default),
                Some(raw) => match raw.trim().parse::<i64>() {
                    Ok(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
                    _ => Err(
                        ApiError::invalid_field(key, format!("'{key}' must be a positive integer"))
                            .with_details(json!({"field": key, "value": raw})),
                    ),
                },
            }
        };
        Ok(Page {
            page: read("page", &q.page, 1)?,
            per_page: read("per_page", &q.per_page, 50)?.min(MAX_PER_PAGE),
        })
    }

    /// Index of the first item of this page.
    pub(crate) fn offset(&self) -> usize {
        (self.page - 1).saturating_mul(self.per_page)
    }

    /// Renders `{"data", "meta"}`.
    pub(crate) fn respond(&self, data: Vec<Value>, total: usize) -> Response {
        json_response(
            StatusCode::OK,
            &json!({
                "data": data,
                "meta": {"total": total, "page": self.page, "per_page": self.per_page},
            }),
        )
    }
}

/// A JSON response with `status`.
pub(crate) fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Response {
    (status, axum::Json(value)).into_response()
}
