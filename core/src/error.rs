//! The one error type of the SDK, and the classification of every failure into a [`ErrorKind`].
//!
//! Every layer (the C ABI, the Python package) maps failures from [`Error::kind`], so the
//! classification lives here once.

use std::time::Duration;

use serde_json::Value;

/// The result type of every fallible call in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong with a call.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with an error status (4xx, 5xx, or an unexpected 3xx).
    #[error(transparent)]
    Api(Box<ApiError>),

    /// The request could not be delivered or the answer could not be read:
    /// connection refused or reset, DNS failure, TLS failure, a malformed HTTP response.
    #[error("transport error after {attempts} attempt(s): {message}")]
    Transport {
        /// What failed, without any secret.
        message: String,
        /// How many attempts were made before giving up.
        attempts: u32,
    },

    /// The call did not finish within its timeout.
    #[error("request timed out after {attempts} attempt(s) ({message})")]
    Timeout {
        /// Which phase timed out.
        message: String,
        /// How many attempts were made before giving up.
        attempts: u32,
    },

    /// A successful (2xx) answer whose body is not the JSON this SDK expects, or an answer
    /// larger than the configured body limit.
    #[error("could not decode the response (HTTP {status}): {message}; body starts with: {excerpt:?}")]
    Decode {
        /// HTTP status of the answer.
        status: u16,
        /// Why decoding failed.
        message: String,
        /// The first bytes of the body (lossy UTF-8), to help diagnose what came back.
        excerpt: String,
        /// How many attempts were made, retries included (0 when not from an HTTP answer,
        /// as for a webhook payload).
        attempts: u32,
    },

    /// The SDK refused the input before sending anything.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The argument or field at fault, e.g. `phone` or `per_page`.
        field: String,
        /// Why it was refused.
        reason: String,
    },
}

/// An error answer of the API, with everything the API said about it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status code, e.g. 422.
    pub status: u16,
    /// Machine-readable code from the body (`validation_error`, ...), or `http_<status>` when
    /// the body carried none (an HTML page from a proxy).
    pub code: String,
    /// Human-readable message from the body, or an excerpt of a non-JSON body.
    pub message: String,
    /// Extra context from the body, such as the invalid field and value.
    pub details: Option<Value>,
    /// The request ID to quote to Zexa support (body `request_id` or `X-Request-Id` header).
    pub request_id: Option<String>,
    /// How long the server asked to wait (the `Retry-After` header), on 429.
    pub retry_after: Option<Duration>,
    /// How many attempts were made, retries included.
    pub attempts: u32,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP {} {}: {}", self.status, self.code, self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " (request_id {id})")?;
        }
        if let Some(wait) = self.retry_after {
            write!(f, " (retry after {}s)", wait.as_secs_f64())?;
        }
        if self.attempts > 1 {
            write!(f, " after {} attempts", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// The kind of this API error, from its status and code.
    pub fn kind(&self) -> ErrorKind {
        match (self.status, self.code.as_str()) {
            (_, "insufficient_credits") => ErrorKind::InsufficientCredits,
            (400, _) => ErrorKind::InvalidRequest,
            (401, _) => ErrorKind::Unauthorized,
            (404, _) => ErrorKind::NotFound,
            (409, _) => ErrorKind::Conflict,
            (422, _) => ErrorKind::Validation,
            (429, _) => ErrorKind::RateLimited,
            (500..=599, _) => ErrorKind::Server,
            _ => ErrorKind::OtherApi,
        }
    }
}

/// A flat classification of every [`Error`], stable across layers: the C status codes and
/// the Python exception classes are chosen from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// HTTP 400 `invalid_request`.
    InvalidRequest,
    /// HTTP 401 `unauthorized`.
    Unauthorized,
    /// HTTP 404 `not_found`.
    NotFound,
    /// HTTP 409 `conflict`.
    Conflict,
    /// HTTP 422 `validation_error`.
    Validation,
    /// HTTP 422 (or any status) with code `insufficient_credits`.
    InsufficientCredits,
    /// HTTP 429 `rate_limit_exceeded`.
    RateLimited,
    /// HTTP 5xx.
    Server,
    /// Any other error status.
    OtherApi,
    /// See [`Error::Transport`].
    Transport,
    /// See [`Error::Timeout`].
    Timeout,
    /// See [`Error::Decode`].
    Decode,
    /// See [`Error::InvalidInput`].
    InvalidInput,
}

impl Error {
    /// The classification of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Api(api) => api.kind(),
            Error::Transport { .. } => ErrorKind::Transport,
            Error::Timeout { .. } => ErrorKind::Timeout,
            Error::Decode { .. } => ErrorKind::Decode,
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
        }
    }

    /// The API error, when the server answered with an error status.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }

    /// The HTTP status of the answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(api) => Some(api.status),
            Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// How many attempts were made before this error was returned (0 when nothing was sent).
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Api(api) => api.attempts,
            Error::Transport { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::Decode { attempts, .. } => *attempts,
            Error::InvalidInput { .. } => 0,
        }
    }

    /// Shorthand for an [`Error::InvalidInput`].
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// Shorthand for an [`Error::Decode`] with an excerpt of `body`.
    pub(crate) fn decode(status: u16, message: impl Into<String>, body: &[u8], attempts: u32) -> Error {
        Error::Decode {
            status,
            message: message.into(),
            excerpt: excerpt(body),
            attempts,
        }
    }
}

/// At most this many characters of a body are quoted in an error.
const EXCERPT_CHARS: usize = 200;

/// The first characters of a body as lossy UTF-8, whitespace collapsed, for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let head = &body[..body.len().min(EXCERPT_CHARS * 4)];
    let text = String::from_utf8_lossy(head);
    let mut out: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.chars().count() > EXCERPT_CHARS {
        out = out.chars().take(EXCERPT_CHARS).collect::<String>() + "…";
    }
    out
}
