//! Request-body and query-string access with the API's error rules: a malformed body, a
//! missing required field or a field of the wrong type is 400 `invalid_request`.
//!
//! Bodies are parsed into a `serde_json` map by hand (rather than axum's `Json` extractor)
//! because the extractor answers 415/422 with plain-text bodies, not the API's error shape.

use std::collections::BTreeMap;

use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::errors::{ApiError, ApiResult};

/// A parsed JSON object body.
#[derive(Debug, Default)]
pub struct Body(pub Map<String, Value>);

impl Body {
    /// Parses `bytes` as a JSON object; an empty body is an error.
    pub fn parse(bytes: &[u8]) -> ApiResult<Body> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(ApiError::invalid(
                "Request body is empty; a JSON object is required",
            ));
        }
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(m)) => Ok(Body(m)),
            Ok(_) => Err(ApiError::invalid("Request body must be a JSON object")),
            Err(e) => Err(ApiError::invalid(format!("Malformed JSON body: {e}"))),
        }
    }

    /// Like [`Body::parse`] but an empty body is an empty object (for optional bodies).
    pub fn parse_optional(bytes: &[u8]) -> ApiResult<Body> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Ok(Body::default());
        }
        Self::parse(bytes)
    }

    /// The raw value of `field`, treating JSON `null` as absent.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.0.get(field).filter(|v| !v.is_null())
    }

    /// Whether `field` is present (even as `null`).
    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    /// A required string.
    pub fn req_str(&self, field: &str) -> ApiResult<String> {
        self.opt_str(field)?
            .ok_or_else(|| ApiError::invalid_field(field, format!("Missing required field '{field}'")))
    }

    /// An optional string.
    pub fn opt_str(&self, field: &str) -> ApiResult<Option<String>> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(wrong_type(field, "a string")),
        }
    }

    /// An optional boolean.
    pub fn opt_bool(&self, field: &str) -> ApiResult<Option<bool>> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(wrong_type(field, "a boolean")),
        }
    }

    /// A required array of strings.
    pub fn req_str_array(&self, field: &str) -> ApiResult<Vec<String>> {
        self.opt_str_array(field)?
            .ok_or_else(|| ApiError::invalid_field(field, format!("Missing required field '{field}'")))
    }

    /// An optional array of strings.
    pub fn opt_str_array(&self, field: &str) -> ApiResult<Option<Vec<String>>> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .map(Some)
                .ok_or_else(|| wrong_type(field, "an array of strings")),
            Some(_) => Err(wrong_type(field, "an array of strings")),
        }
    }

    /// An optional object of string to string.
    pub fn opt_str_map(&self, field: &str) -> ApiResult<Option<BTreeMap<String, String>>> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::Object(m)) => m
                .iter()
                .map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                .collect::<Option<BTreeMap<_, _>>>()
                .map(Some)
                .ok_or_else(|| wrong_type(field, "an object of strings")),
            Some(_) => Err(wrong_type(field, "an object of strings")),
        }
    }
}

fn wrong_type(field: &str, what: &str) -> ApiError {
    ApiError::invalid_field(field, format!("Field '{field}' must be {what}"))
}

/// Decoded query-string pairs.
#[derive(Debug, Default)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Parses the query string of `uri`.
    pub fn from_uri(uri: &Uri) -> Query {
        Query(
            uri.query()
                .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
                .unwrap_or_default(),
        )
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Page selection of a list endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// 1-based page number.
    pub page: usize,
    /// Items per page, 1..=100.
    pub per_page: usize,
}

/// Largest page size; larger requests are clamped rather than refused, like the live API.
pub const MAX_PER_PAGE: usize = 100;

impl Page {
    /// Reads `page` (default 1) and `per_page` (default 50, clamped to 100); zero, negative
    /// or non-numeric values are 400.
    pub fn from_query(q: &Query) -> ApiResult<Page> {
        let read = |key: &str, default: usize| -> ApiResult<usize> {
            match q.get(key) {
                None => Ok(default),
                Some(raw) => match raw.trim().parse::<i64>() {
                    Ok(n) if n >= 1 => Ok(n as usize),
                    _ => Err(
                        ApiError::invalid_field(key, format!("'{key}' must be a positive integer"))
                            .with_details(serde_json::json!({"field": key, "value": raw})),
                    ),
                },
            }
        };
        Ok(Page {
            page: read("page", 1)?,
            per_page: read("per_page", 50)?.min(MAX_PER_PAGE),
        })
    }

    /// Index of the first item of this page.
    pub fn offset(&self) -> usize {
        (self.page - 1).saturating_mul(self.per_page)
    }

    /// Renders `{"data", "meta"}`.
    pub fn respond(&self, data: Vec<Value>, total: usize) -> Response {
        json_response(
            StatusCode::OK,
            &serde_json::json!({
                "data": data,
                "meta": {"total": total, "page": self.page, "per_page": self.per_page},
            }),
        )
    }
}

/// A JSON response with `status`.
pub fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Response {
    (status, axum::Json(value)).into_response()
}
