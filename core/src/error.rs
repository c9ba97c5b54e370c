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
    #[error("transport error after {attempts} attempt(s): {message}{}", effect_note(*may_have_executed))]
    #[non_exhaustive]
    Transport {
        /// What failed, without any secret.
        message: String,
        /// How many attempts were made before giving up.
        attempts: u32,
        /// See [`Error::may_have_executed`].
        may_have_executed: bool,
        /// The underlying failure (an `std::io::Error` for socket errors), also reachable
        /// through [`std::error::Error::source`].
        #[source]
        cause: Option<Cause>,
    },

    /// The call did not finish within its timeout (per attempt, or the total timeout).
    #[error("request timed out after {attempts} attempt(s) ({message}){}", effect_note(*may_have_executed))]
    #[non_exhaustive]
    Timeout {
        /// Which phase timed out.
        message: String,
        /// How many attempts were made before giving up.
        attempts: u32,
        /// See [`Error::may_have_executed`].
        may_have_executed: bool,
        /// The underlying failure, when there is one (see [`Error::Transport`]).
        #[source]
        cause: Option<Cause>,
    },

    /// A campaign wait whose time ran out before it was final. It carries the campaign as
    /// last seen.
    #[error("campaign {} still {} after waiting {:?} ({polls} poll(s))", campaign.id, campaign.status, waited)]
    #[non_exhaustive]
    WaitTimeout {
        /// The campaign as the last poll saw it.
        campaign: Box<crate::models::Campaign>,
        /// How long the wait lasted.
        waited: std::time::Duration,
        /// How many polls were made.
        polls: u32,
    },

    /// An export wait whose time ran out before the export was final. It carries the export
    /// as last seen; its kind is [`ErrorKind::WaitTimeout`], as a campaign's.
    #[error("export {} still {} after waiting {:?} ({polls} poll(s))", export.id, export.status, waited)]
    #[non_exhaustive]
    ExportWaitTimeout {
        /// The export as the last poll saw it.
        export: Box<crate::models::Export>,
        /// How long the wait lasted.
        waited: std::time::Duration,
        /// How many polls were made.
        polls: u32,
    },

    /// A successful (2xx) answer whose body is not the JSON this SDK expects, or an answer
    /// larger than the configured body limit.
    #[error("could not decode the response (HTTP {status}): {message}; body starts with: {excerpt:?}")]
    #[non_exhaustive]
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
        /// See [`Error::may_have_executed`]: a 2xx answer that cannot be read still means the
        /// server did what was asked.
        may_have_executed: bool,
    },

    /// The SDK refused the input before sending anything.
    #[error("invalid {field}: {reason}")]
    #[non_exhaustive]
    InvalidInput {
        /// The argument or field at fault, e.g. `phone` or `per_page`.
        field: String,
        /// Why it was refused.
        reason: String,
    },

    /// The call was stopped through its [`crate::CancelToken`] (in Python: Ctrl-C).
    #[error("interrupted after {attempts} attempt(s){}", effect_note(*may_have_executed))]
    #[non_exhaustive]
    Interrupted {
        /// How many attempts had started.
        attempts: u32,
        /// See [`Error::may_have_executed`]: true when a request that can take effect was on
        /// the wire when the call stopped.
        may_have_executed: bool,
    },

    /// The writer given to a download failed (a full disk, a closed pipe); the download
    /// stopped there.
    #[error("writing the download failed after {written} byte(s): {message}")]
    #[non_exhaustive]
    Write {
        /// The writer's error.
        message: String,
        /// How many bytes had been written.
        written: u64,
        /// The writer's own error, to read its `io::ErrorKind`.
        #[source]
        cause: Option<Cause>,
    },
}

/// The underlying failure of a transport error or timeout, shared so that [`Error`] stays
/// `Clone`.
pub type Cause = std::sync::Arc<dyn std::error::Error + Send + Sync + 'static>;

/// The end of the message of an error that may have taken effect.
fn effect_note(may_have_executed: bool) -> &'static str {
    if may_have_executed {
        "; the request may have taken effect"
    } else {
        ""
    }
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
    /// See [`Error::may_have_executed`]: true for a 5xx answer to a request that can take
    /// effect, false for every 4xx (429 included).
    pub may_have_executed: bool,
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
    /// See [`Error::Interrupted`].
    Interrupted,
    /// See [`Error::WaitTimeout`].
    WaitTimeout,
    /// See [`Error::Write`].
    Write,
}

impl std::fmt::Display for ErrorKind {
    /// A short lower-case name: `not found`, `rate limited`, `transport`...
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ErrorKind::InvalidRequest => "invalid request",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::NotFound => "not found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Validation => "validation error",
            ErrorKind::InsufficientCredits => "insufficient credits",
            ErrorKind::RateLimited => "rate limited",
            ErrorKind::Server => "server error",
            ErrorKind::OtherApi => "API error",
            ErrorKind::Transport => "transport error",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Decode => "decode error",
            ErrorKind::InvalidInput => "invalid input",
            ErrorKind::Interrupted => "interrupted",
            ErrorKind::WaitTimeout => "wait timed out",
            ErrorKind::Write => "write failed",
        })
    }
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
            Error::Interrupted { .. } => ErrorKind::Interrupted,
            Error::WaitTimeout { .. } | Error::ExportWaitTimeout { .. } => ErrorKind::WaitTimeout,
            Error::Write { .. } => ErrorKind::Write,
        }
    }

    /// An [`Error::InvalidInput`] for `field`: for code outside this crate (the bindings)
    /// that refuses an argument before the core sees it.
    pub fn invalid_input(field: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::invalid(field, reason)
    }

    /// An [`Error::Interrupted`] of a call stopped outside the core (the Python binding's,
    /// when Ctrl-C lands in a callback), with no attempt in flight.
    pub fn interrupted(may_have_executed: bool) -> Error {
        Error::Interrupted {
            attempts: 0,
            may_have_executed,
        }
    }

    /// The underlying failure of a transport error or timeout, itself (an `std::io::Error`
    /// for a socket error, to `downcast_ref`). [`std::error::Error::source`] gives the same
    /// failure, wrapped in the shared [`Cause`].
    pub fn cause(&self) -> Option<&(dyn std::error::Error + Send + Sync + 'static)> {
        match self {
            Error::Transport { cause, .. } | Error::Timeout { cause, .. } | Error::Write { cause, .. } => {
                cause.as_deref()
            }
            _ => None,
        }
    }

    /// The kind of I/O failure under a transport error, timeout or write error (connection
    /// refused, reset, disk full...), when there is one.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = self.cause().map(|c| c as _);
        while let Some(error) = cause {
            if let Some(io) = error.downcast_ref::<std::io::Error>() {
                return Some(io.kind());
            }
            cause = error.source();
        }
        None
    }

    /// Whether the request may have taken effect on the server although the call failed.
    ///
    /// `false` means it surely did not: nothing was sent (a local refusal, a connection never
    /// made, a refused TLS certificate or proxy), the server refused it (every 4xx, 429
    /// included), or it was a `GET`, which changes nothing. Such a call is safe to fix and send
    /// again.
    ///
    /// `true` means it may have: the connection failed or timed out after the request may
    /// have left, the server answered 5xx, a 2xx answer could not be read, or the call was
    /// interrupted while the request was on the wire. Never resend such a message or campaign
    /// blindly: look it up first (see the README's section on errors).
    pub fn may_have_executed(&self) -> bool {
        match self {
            Error::Api(api) => api.may_have_executed,
            Error::Transport {
                may_have_executed, ..
            }
            | Error::Timeout {
                may_have_executed, ..
            }
            | Error::Decode {
                may_have_executed, ..
            }
            | Error::Interrupted {
                may_have_executed, ..
            } => *may_have_executed,
            // Polls are GETs.
            // A download's body is fetched with a GET.
            Error::InvalidInput { .. }
            | Error::WaitTimeout { .. }
            | Error::ExportWaitTimeout { .. }
            | Error::Write { .. } => false,
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
            | Error::Decode { attempts, .. }
            | Error::Interrupted { attempts, .. } => *attempts,
            Error::WaitTimeout { polls, .. } | Error::ExportWaitTimeout { polls, .. } => *polls,
            Error::InvalidInput { .. } => 0,
            // The download whose body was being written was one attempt.
            Error::Write { .. } => 1,
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
    pub(crate) fn decode(
        status: u16,
        message: impl Into<String>,
        body: &[u8],
        attempts: u32,
        may_have_executed: bool,
    ) -> Error {
        Error::Decode {
            status,
            message: message.into(),
            excerpt: excerpt(body),
            attempts,
            may_have_executed,
        }
    }

    /// This error with every occurrence of `secret` replaced by a marker, wherever the text
    /// came from (a server that echoes request headers puts the key into its error body).
    pub(crate) fn redacted(mut self, secret: &str) -> Error {
        match &mut self {
            Error::Api(api) => {
                redact(&mut api.code, secret);
                redact(&mut api.message, secret);
                if let Some(id) = &mut api.request_id {
                    redact(id, secret);
                }
                if let Some(details) = &mut api.details {
                    redact_value(details, secret);
                }
            }
            Error::Transport { message, .. }
            | Error::Timeout { message, .. }
            | Error::Write { message, .. } => redact(message, secret),
            Error::Decode { message, excerpt, .. } => {
                redact(message, secret);
                redact(excerpt, secret);
            }
            Error::InvalidInput { field, reason } => {
                redact(field, secret);
                redact(reason, secret);
            }
            Error::Interrupted { .. } | Error::WaitTimeout { .. } | Error::ExportWaitTimeout { .. } => {}
        }
        self
    }
}

/// What stands in the place of a secret in errors and logs.
pub(crate) const REDACTED: &str = "<redacted>";

/// Replaces every occurrence of `secret` in `text` with [`REDACTED`].
pub(crate) fn redact(text: &mut String, secret: &str) {
    if !secret.is_empty() && text.contains(secret) {
        *text = text.replace(secret, REDACTED);
    }
}

/// [`redact`] in every string of a JSON value, keys included.
fn redact_value(value: &mut Value, secret: &str) {
    match value {
        Value::String(text) => redact(text, secret),
        Value::Array(items) => items.iter_mut().for_each(|v| redact_value(v, secret)),
        Value::Object(map) => {
            if map.keys().any(|k| k.contains(secret)) {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(mut k, v)| {
                        redact(&mut k, secret);
                        (k, v)
                    })
                    .collect();
            }
            map.values_mut().for_each(|v| redact_value(v, secret));
        }
        _ => {}
    }
}

/// At most this many characters of a value given by the caller are quoted in an error.
pub(crate) const VALUE_CHARS: usize = 64;

/// A value given by the caller, quoted for an error message: at most [`VALUE_CHARS`]
/// characters, with its full length when it was cut (a 1 MiB phone must not make a 1 MiB
/// message).
pub(crate) fn quoted(value: &str) -> String {
    let count = value.chars().count();
    if count <= VALUE_CHARS {
        format!("{value:?}")
    } else {
        let head: String = value.chars().take(VALUE_CHARS).collect();
        format!("{:?}… ({count} characters)", head)
    }
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub(crate) fn truncated(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// At most this many characters of a body are quoted in an error.
pub(crate) const EXCERPT_CHARS: usize = 200;

/// The first characters of a body as lossy UTF-8, whitespace collapsed, for error messages.
/// A body that is not text (compressed bytes, an image) is described, never quoted: its bytes
/// would be junk in a message and a log line.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let head = &body[..body.len().min(EXCERPT_CHARS * 4)];
    let text = String::from_utf8_lossy(head);
    let unreadable = text
        .chars()
        .filter(|c| *c == char::REPLACEMENT_CHARACTER || (c.is_control() && !c.is_whitespace()))
        .count();
    // A cut in the middle of a UTF-8 sequence at the end of `head` makes at most one.
    if unreadable > 1 || (unreadable == 1 && head.len() == body.len()) {
        let what = if body.starts_with(&[0x1f, 0x8b]) {
            "gzip-compressed data"
        } else {
            "binary data"
        };
        return format!("<{} bytes of {what}>", body.len());
    }
    let mut out: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(char::REPLACEMENT_CHARACTER, "");
    if out.chars().count() > EXCERPT_CHARS {
        out = out.chars().take(EXCERPT_CHARS).collect::<String>() + "…";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_of_binary_bodies_are_printable() {
        assert_eq!(excerpt(b"  not\n json "), "not json");
        assert_eq!(
            excerpt(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff]),
            "<11 bytes of gzip-compressed data>"
        );
        assert_eq!(
            excerpt(&[0xce, 0xb2, 0x00, 0x01, 0x02]),
            "<5 bytes of binary data>"
        );
        // A body cut in the middle of a character is still text.
        let long = "é".repeat(500);
        assert!(!excerpt(long.as_bytes()).contains(char::REPLACEMENT_CHARACTER));
        assert!(excerpt("Olá".as_bytes()) == "Olá");
    }
}
