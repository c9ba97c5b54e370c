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
use serde_json::Value;

use crate::errors::ApiError;
use crate::ids::Rng;

/// One kind of injected misbehaviour.
#[derive(Debug, Clone, PartialEq)]
pub enum FaultKind {
    /// Answer `status` without executing; JSON error body or an HTML proxy page.
    Status {
        /// HTTP status.
        status: u16,
        /// JSON body (`server_error`) when true, HTML when false.
        json: bool,
    },
    /// Close the connection without a response byte.
    Close,
    /// Wait, then handle normally.
    Delay {
        /// Milliseconds.
        ms: u64,
    },
    /// Handle normally, then send fewer body bytes than `Content-Length` and close.
    Truncate,
    /// 429 with `Retry-After`, without executing.
    RateLimit {
        /// Seconds.
        retry_after: u64,
    },
    /// Handle normally, then send the body one byte every `ms`.
    Drip {
        /// Milliseconds between bytes.
        ms: u64,
    },
    /// Never answer.
    Hang,
}

impl FaultKind {
    /// Parses a fault object such as `{"kind":"status","status":503,"json":false}`.
    pub fn from_json(v: &Value) -> Result<FaultKind, String> {
        let kind = v
            .get("kind")
            .and_then(Value::as_str)
            .ok_or("fault needs a string 'kind'")?;
        let num = |key: &str, default: u64| -> Result<u64, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(default),
                Some(x) => x
                    .as_u64()
                    .ok_or(format!("'{key}' must be a non-negative integer")),
            }
        };
        Ok(match kind {
            "status" => {
                let status = num("status", 500)?;
                if !(400..=599).contains(&status) {
                    return Err("'status' must be 400..=599".into());
                }
                let json = match v.get("json") {
                    None | Some(Value::Null) => true,
                    Some(Value::Bool(b)) => *b,
                    Some(_) => return Err("'json' must be a boolean".into()),
                };
                FaultKind::Status {
                    status: status as u16,
                    json,
                }
            }
            "close" => FaultKind::Close,
            "delay" => FaultKind::Delay { ms: num("ms", 1000)? },
            "truncate" => FaultKind::Truncate,
            "rate_limit" => FaultKind::RateLimit {
                retry_after: num("retry_after", 1)?,
            },
            "drip" => FaultKind::Drip { ms: num("ms", 50)? },
            "hang" => FaultKind::Hang,
            other => return Err(format!("unknown fault kind '{other}'")),
        })
    }
}

/// A queued one-shot fault.
#[derive(Debug, Clone)]
pub struct QueuedFault {
    /// What to do.
    pub kind: FaultKind,
    /// Only requests whose path starts with this prefix take it.
    pub path: Option<String>,
}

/// Queue plus random rate.
#[derive(Debug)]
pub struct FaultState {
    /// FIFO of one-shot faults.
    pub queue: VecDeque<QueuedFault>,
    /// Probability that a request takes a random fault from `kinds`.
    pub rate: f64,
    /// Candidates for the random rate.
    pub kinds: Vec<FaultKind>,
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
    pub fn take(&mut self, path: &str) -> Option<FaultKind> {
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
