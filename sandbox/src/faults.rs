//! Fault injection: a FIFO queue of one-shot faults (optionally bound to a path prefix) and
//! a random fault rate, plus the response bodies that misbehave on purpose.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http_body::Frame;
use serde::{Deserialize, Serialize};

use crate::errors::ApiError;
use crate::ids::Rng;

/// One kind of injected misbehaviour, as the admin API takes it: `{"kind": "status",
/// "status": 503, "json": false}`, `{"kind": "close"}`, `{"kind": "delay", "ms": 200}`...
/// Omitted fields take the defaults documented on each field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Answer `status` without executing; JSON error body or an HTML proxy page.
    Status {
        /// HTTP status, 400..=599 (default 500).
        #[serde(default = "default_status")]
        status: u16,
        /// JSON body (`server_error`) when true (default), an HTML page when false.
        #[serde(default = "default_true")]
        json: bool,
    },
    /// Close the connection without a response byte.
    Close,
    /// Wait, then handle normally.
    Delay {
        /// Milliseconds (default 1000).
        #[serde(default = "default_delay_ms")]
        ms: u64,
    },
    /// Handle normally, then send fewer body bytes than `Content-Length` and close.
    Truncate,
    /// 429 `rate_limit_exceeded` with `Retry-After`, without executing.
    RateLimit {
        /// Seconds (default 1).
        #[serde(default = "default_retry_after")]
        retry_after: u64,
    },
    /// Handle normally, then send the body one byte every `ms`.
    Drip {
        /// Milliseconds between bytes (default 50).
        #[serde(default = "default_drip_ms")]
        ms: u64,
    },
    /// Never answer (until the client gives up or the sandbox stops).
    Hang,
}

fn default_status() -> u16 {
    500
}
fn default_true() -> bool {
    true
}
fn default_delay_ms() -> u64 {
    1000
}
fn default_retry_after() -> u64 {
    1
}
fn default_drip_ms() -> u64 {
    50
}

impl Fault {
    /// Checks what serde cannot express: a `status` fault's code must be 400..=599.
    ///
    /// # Errors
    /// The reason, for a status outside that range.
    pub fn validate(&self) -> Result<(), String> {
        match self {
            Fault::Status { status, .. } if !(400..=599).contains(status) => {
                Err("'status' must be 400..=599".into())
            }
            _ => Ok(()),
        }
    }
}

/// A queued one-shot fault.
#[derive(Debug, Clone)]
pub(crate) struct QueuedFault {
    /// What to do.
    pub kind: Fault,
    /// Only requests whose path starts with this prefix take it.
    pub path: Option<String>,
}

/// Queue plus random rate.
#[derive(Debug)]
pub(crate) struct FaultState {
    /// FIFO of one-shot faults.
    pub queue: VecDeque<QueuedFault>,
    /// Probability that a request takes a random fault from `kinds`.
    pub rate: f64,
    /// Candidates for the random rate.
    pub kinds: Vec<Fault>,
    rng: Rng,
}

impl FaultState {
    /// Empty state; the random stream is seeded from `seed` for reproducible runs.
    pub fn new(seed: u64) -> Self {
        FaultState {
            queue: VecDeque::new(),
            rate: 0.0,
            kinds: Vec::new(),
            rng: Rng::new(seed ^ 0xFA17),
        }
    }

    /// The fault the request to `path` takes, if any: the first matching queued fault, else
    /// a random draw.
    pub fn take(&mut self, path: &str) -> Option<Fault> {
        if !self.queue.is_empty() {
            let short = path.strip_prefix("/v1").unwrap_or(path);
            let pos = self.queue.iter().position(|f| match &f.path {
                None => true,
                Some(p) => path.starts_with(p.as_str()) || short.starts_with(p.as_str()),
            });
            if let Some(pos) = pos {
                return self.queue.remove(pos).map(|f| f.kind);
            }
        }
        if self.rate > 0.0 && !self.kinds.is_empty() && self.rng.next_f64() < self.rate {
            let i = (self.rng.next_u64() % self.kinds.len() as u64) as usize;
            return Some(self.kinds[i].clone());
        }
        None
    }
}

/// The answer of a `status` fault.
pub fn status_response(status: u16, json: bool) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if json {
        return ApiError::server_error(status).into_response();
    }
    let html = format!(
        "<html><body><h1>{} {}</h1></body></html>",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let mut resp = (status, html).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    resp
}

/// Re-sends `resp` with a `Content-Length` larger than what is sent, then errors so the
/// connection is aborted mid-body.
pub async fn truncate(resp: Response) -> Response {
    let (mut parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    // Announce more than we have, and send at most half, so even an empty body is short.
    let announced = bytes.len() + 16;
    let sent = bytes.slice(..bytes.len() / 2);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(announced));
    Response::from_parts(
        parts,
        Body::new(TruncatedBody {
            data: Some(sent),
            pause: None,
        }),
    )
}

/// Re-sends `resp` one byte every `ms` milliseconds (with the correct `Content-Length`).
pub async fn drip(resp: Response, ms: u64) -> Response {
    let (mut parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    Response::from_parts(
        parts,
        Body::new(DripBody {
            data: bytes,
            pos: 0,
            every: Duration::from_millis(ms),
            sleep: None,
        }),
    )
}

/// Yields its data, pauses briefly so hyper flushes headers and data to the socket, then
/// errors (hyper aborts the connection on a body error, leaving the body short).
struct TruncatedBody {
    data: Option<Bytes>,
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl http_body::Body for TruncatedBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if let Some(d) = self.data.take() {
            if !d.is_empty() {
                return Poll::Ready(Some(Ok(Frame::data(d))));
            }
        }
        let pause = self
            .pause
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(Duration::from_millis(20))));
        if pause.as_mut().poll(cx).is_pending() {
            return Poll::Pending;
        }
        Poll::Ready(Some(Err(std::io::Error::other("sandbox fault: truncated"))))
    }
}

/// Yields one byte per tick.
struct DripBody {
    data: Bytes,
    pos: usize,
    every: Duration,
    sleep: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl http_body::Body for DripBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if self.pos >= self.data.len() {
            return Poll::Ready(None);
        }
        if self.pos > 0 {
            let every = self.every;
            let sleep = self
                .sleep
                .get_or_insert_with(|| Box::pin(tokio::time::sleep(every)));
            if sleep.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            self.sleep = None;
        }
        let pos = self.pos;
        let byte = self.data.slice(pos..pos + 1);
        self.pos += 1;
        Poll::Ready(Some(Ok(Frame::data(byte))))
    }

    fn is_end_stream(&self) -> bool {
        self.pos >= self.data.len()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact((self.data.len() - self.pos) as u64)
    }
}
