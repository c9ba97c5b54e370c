//! One HTTP attempt on the wire, and the classification of how it ended.
//!
//! This module knows ureq; nothing else in the crate does. It never retries: the retry loop in
//! [`crate::client`] asks [`crate::retry::RetryPolicy`] what to do with each [`Attempt`].

use std::io::ErrorKind as IoKind;
use std::sync::Arc;
use std::time::Duration;

use ureq::http;

use crate::error::Cause;

/// The HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending the request twice has the same effect as sending it once, so that it
    /// may be retried after it possibly reached the server. PATCH is treated like POST.
    pub fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }

    /// Whether a request of this method can change anything on the server: every method but
    /// `GET`. A failed `GET` never "may have executed".
    pub fn may_take_effect(self) -> bool {
        !matches!(self, Method::Get)
    }

    fn to_http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
        }
    }
}

impl std::str::FromStr for Method {
    type Err = crate::Error;

    /// Parses a method name, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_uppercase().as_str() {
            "GET" => Ok(Method::Get),
            "POST" => Ok(Method::Post),
            "PUT" => Ok(Method::Put),
            "PATCH" => Ok(Method::Patch),
            "DELETE" => Ok(Method::Delete),
            _ => Err(crate::Error::invalid(
                "method",
                format!("unsupported HTTP method {s:?}"),
            )),
        }
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A request body, already encoded.
#[derive(Debug, Clone, Default)]
pub(crate) enum Payload {
    /// No body.
    #[default]
    Empty,
    /// A JSON document.
    Json(Vec<u8>),
    /// A `multipart/form-data` document with its boundary in `content_type`.
    Multipart { content_type: String, bytes: Vec<u8> },
}

/// Everything that is the same for every request of one client.
pub(crate) struct Wire<'a> {
    pub agent: &'a ureq::Agent,
    pub authorization: &'a str,
    pub timeout: Duration,
    pub max_body: u64,
    /// Headers a call added (checked by `RequestOptions::check`).
    pub extra_headers: &'a [(String, String)],
}

/// How one attempt ended.
#[derive(Debug)]
pub(crate) enum Attempt {
    /// The server answered (any status).
    Answered {
        status: u16,
        retry_after: Option<Duration>,
        request_id: Option<String>,
        /// Kept for [`crate::Response`]; moved out of the answer, not copied.
        headers: http::HeaderMap,
        body: Vec<u8>,
    },
    /// The request surely never reached the server (refused, DNS failure): safe to resend.
    NotConnected { message: String, cause: Option<Cause> },
    /// The connection failed after it may have carried the request (reset, garbage answer).
    Failed { message: String, cause: Option<Cause> },
    /// A timeout elapsed; `before_sending` when it was while resolving or connecting, so the
    /// request surely never left.
    TimedOut {
        message: String,
        before_sending: bool,
        cause: Option<Cause>,
    },
    /// Sending again cannot help (TLS certificate refused, proxy refused, invalid URL, body
    /// over the limit). With a `status`, the server answered; without one, nothing was sent.
    Fatal {
        message: String,
        status: Option<u16>,
        cause: Option<Cause>,
    },
}

impl Attempt {
    pub(crate) fn not_connected(message: String) -> Attempt {
        Attempt::NotConnected { message, cause: None }
    }

    pub(crate) fn failed(message: String) -> Attempt {
        Attempt::Failed { message, cause: None }
    }

    pub(crate) fn fatal(message: String, status: Option<u16>) -> Attempt {
        Attempt::Fatal {
            message,
            status,
            cause: None,
        }
    }

    /// The underlying error of a failed attempt.
    fn set_cause(&mut self, error: Cause) {
        match self {
            Attempt::Answered { .. } => {}
            Attempt::NotConnected { cause, .. }
            | Attempt::Failed { cause, .. }
            | Attempt::TimedOut { cause, .. }
            | Attempt::Fatal { cause, .. } => *cause = Some(error),
        }
    }

    /// The underlying error of a failed attempt, when there is one.
    pub(crate) fn cause(&self) -> Option<Cause> {
        match self {
            Attempt::Answered { .. } => None,
            Attempt::NotConnected { cause, .. }
            | Attempt::Failed { cause, .. }
            | Attempt::TimedOut { cause, .. }
            | Attempt::Fatal { cause, .. } => cause.clone(),
        }
    }

    /// Whether this attempt of a `method` request may have taken effect on the server.
    pub(crate) fn may_have_executed(&self, method: Method) -> bool {
        let reached_server = match self {
            // A 4xx (429 included) is the server saying it did not do it.
            Attempt::Answered { status, .. }
            | Attempt::Fatal {
                status: Some(status), ..
            } => !(400..500).contains(status),
            Attempt::NotConnected { .. } | Attempt::Fatal { status: None, .. } => false,
            Attempt::TimedOut { before_sending, .. } => !before_sending,
            Attempt::Failed { .. } => true,
        };
        reached_server && method.may_take_effect()
    }
}

/// The header carrying the server's request ID (a constant: looking it up by `&str` would
/// parse the name on every call).
static X_REQUEST_ID: http::HeaderName = http::HeaderName::from_static("x-request-id");

/// Sends one request and reads the whole answer, within `wire.timeout`.
pub(crate) fn send_once(wire: &Wire<'_>, method: Method, url: &str, payload: &Payload) -> Attempt {
    let builder = http::Request::builder()
        .method(method.to_http())
        .uri(url)
        .header(http::header::AUTHORIZATION, wire.authorization);
    let builder = wire
        .extra_headers
        .iter()
        .fold(builder, |builder, (name, value)| builder.header(name, value));
    let (builder, body): (_, &[u8]) = match payload {
        Payload::Empty => (builder, &[]),
        Payload::Json(bytes) => (
            builder.header(http::header::CONTENT_TYPE, "application/json"),
            bytes,
        ),
        Payload::Multipart { content_type, bytes } => (
            builder.header(http::header::CONTENT_TYPE, content_type.as_str()),
            bytes,
        ),
    };
    let request = match builder.body(body) {
        Ok(request) => request,
        Err(e) => return Attempt::fatal(format!("invalid request: {e}"), None),
    };
    let request = wire
        .agent
        .configure_request(request)
        .timeout_global(Some(wire.timeout))
        .build();
    let (parts, mut body) = match wire.agent.run(request) {
        Ok(response) => response.into_parts(),
        Err(e) => return classify(e, None),
    };
    let status = parts.status.as_u16();
    let headers = &parts.headers;
    let retry_after = headers
        .get(http::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after);
    let request_id = headers
        .get(&X_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(message) = unasked_encoding(headers) {
        return Attempt::fatal(message, Some(status));
    }
    // ureq decodes gzip under this limit: it caps the decompressed bytes as they are read, so
    // a small compressed bomb stops at the limit instead of filling memory.
    match body.with_config().limit(wire.max_body).read_to_vec() {
        Ok(body) => Attempt::Answered {
            status,
            retry_after,
            request_id,
            headers: parts.headers,
            body,
        },
        Err(e) => classify(e, Some(status)),
    }
}

/// Why a body in a `Content-Encoding` the client cannot read is refused, or `None` when it can
/// be read. ureq decodes a body whose header is exactly `gzip` and passes any other one
/// through undecoded (`br`, `zstd`, but also `GZIP` or `gzip, gzip`), and the JSON error would
/// then quote compressed bytes.
fn unasked_encoding(headers: &http::HeaderMap) -> Option<String> {
    let mut values = headers.get_all(http::header::CONTENT_ENCODING).iter();
    let first = values.next()?;
    let readable = first == "gzip"
        || first
            .to_str()
            .is_ok_and(|v| v.trim().eq_ignore_ascii_case("identity"));
    if readable && values.next().is_none() {
        return None;
    }
    let all: Vec<&str> = headers
        .get_all(http::header::CONTENT_ENCODING)
        .iter()
        .map(|v| v.to_str().unwrap_or("?"))
        .collect();
    Some(format!(
        "the body is compressed with {}, which the client did not ask for (it accepts gzip only)",
        crate::error::quoted(&all.join(", "))
    ))
}

/// Sorts a ureq error into how safe it is to send again, keeping the error as the cause.
pub(crate) fn classify(error: ureq::Error, status: Option<u16>) -> Attempt {
    let mut attempt = sort(&error, status);
    attempt.set_cause(match error {
        // The socket's own error, so that callers can read its `io::ErrorKind`.
        ureq::Error::Io(io) => Arc::new(io) as Cause,
        other => Arc::new(other),
    });
    attempt
}

fn sort(error: &ureq::Error, status: Option<u16>) -> Attempt {
    if let ureq::Error::Io(io) = error {
        if let Some(proxy) = io
            .get_ref()
            .and_then(|e| e.downcast_ref::<crate::proxy::ProxyFailure>())
        {
            // The request never reached the API. A refusal is given again; an unreachable
            // proxy may come back, like an unreachable server.
            let message = proxy.message.clone();
            return if proxy.timed_out {
                Attempt::TimedOut {
                    message,
                    before_sending: true,
                    cause: None,
                }
            } else if proxy.refused {
                Attempt::fatal(message, None)
            } else {
                Attempt::not_connected(message)
            };
        }
    }
    let message = error.to_string();
    match error {
        // A corrupt compressed body is an answer that cannot be read, like bad JSON.
        // The decoder also reports the socket's failures: a connection dropped or timed out in
        // the middle of a compressed body is a transport failure, like one of a plain body.
        ureq::Error::Decompress(coding, cause) => match cause.kind() {
            IoKind::TimedOut | IoKind::WouldBlock => Attempt::TimedOut {
                message: format!("timed out reading the {coding}-compressed body"),
                before_sending: false,
                cause: None,
            },
            // "Peer disconnected" is ureq's word for a connection closed before the end of the
            // body; the decoder says UnexpectedEof too for a stream that ends early inside a
            // complete body, which is corrupt. The wording is pinned by Cargo.lock and checked
            // by the compression tests (one of each).
            IoKind::UnexpectedEof if cause.to_string() != "Peer disconnected" => Attempt::fatal(
                format!("the {coding}-compressed body is corrupt: {cause}"),
                status,
            ),
            IoKind::UnexpectedEof
            | IoKind::ConnectionReset
            | IoKind::ConnectionAborted
            | IoKind::BrokenPipe => Attempt::failed(format!(
                "the connection failed while reading the {coding}-compressed body: {cause}"
            )),
            _ => Attempt::fatal(
                format!("the {coding}-compressed body is corrupt: {cause}"),
                status,
            ),
        },
        ureq::Error::Timeout(phase) => Attempt::TimedOut {
            message,
            before_sending: matches!(phase, ureq::Timeout::Resolve | ureq::Timeout::Connect),
            cause: None,
        },
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => Attempt::not_connected(message),
        ureq::Error::Io(io) => match io.kind() {
            IoKind::ConnectionRefused | IoKind::AddrNotAvailable => Attempt::not_connected(message),
            IoKind::TimedOut | IoKind::WouldBlock => Attempt::TimedOut {
                message,
                before_sending: false,
                cause: None,
            },
            // ureq wraps a TLS failure (a refused certificate) in an io::Error; sending again
            // cannot make the certificate trusted.
            IoKind::InvalidData if io.get_ref().is_some_and(|e| e.is::<rustls::Error>()) => {
                Attempt::fatal(message, status)
            }
            _ => Attempt::failed(message),
        },
        ureq::Error::BodyExceedsLimit(limit) => Attempt::fatal(
            format!("response body is larger than the limit of {limit} bytes"),
            status,
        ),
        ureq::Error::Protocol(_) => Attempt::failed(message),
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => Attempt::fatal(message, status),
        // A proxy that refused the CONNECT (403, 407) refuses it again; the request never
        // reached the API.
        ureq::Error::BadUri(_)
        | ureq::Error::Http(_)
        | ureq::Error::InvalidProxyUrl
        | ureq::Error::ConnectProxyFailed(_) => Attempt::fatal(message, status),
        _ => Attempt::failed(message),
    }
}

/// `Retry-After` in seconds (integer or decimal). An HTTP date is not used by the API and is
/// ignored, which falls back to exponential backoff.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let secs: f64 = value.trim().parse().ok()?;
    (secs.is_finite() && (0.0..1e9).contains(&secs)).then(|| Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_parses_seconds_only() {
        assert_eq!(parse_retry_after("1"), Some(Duration::from_secs(1)));
        assert_eq!(parse_retry_after(" 2.5 "), Some(Duration::from_millis(2500)));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("NaN"), None);
    }

    #[test]
    fn only_get_put_delete_are_idempotent() {
        assert!(Method::Get.is_idempotent() && Method::Put.is_idempotent() && Method::Delete.is_idempotent());
        assert!(!Method::Post.is_idempotent() && !Method::Patch.is_idempotent());
        assert_eq!("delete".parse::<Method>().unwrap(), Method::Delete);
        assert!("TRACE".parse::<Method>().is_err());
    }
}
