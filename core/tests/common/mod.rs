//! Helpers shared by the integration tests: clients pointed at a mock server, request
//! matchers, canned answers, raw TCP servers for what httpmock cannot do, and redaction checks.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use httpmock::{HttpMockRequest, HttpMockResponse, Method as HttpMethod, MockServer, Then, When};
use serde_json::Value;
use zexa::{Client, ClientBuilder, Error, ErrorKind};

/// The API key of every test client; no output of the SDK may contain it.
pub const KEY: &str = "zx_test_Sup3rS3cretKey9";
/// The `Authorization` header every request must carry.
pub const AUTH: &str = "Bearer zx_test_Sup3rS3cretKey9";

/// Short backoff so retry tests stay fast.
pub const BACKOFF: (Duration, Duration) = (Duration::from_millis(10), Duration::from_millis(50));

/// A builder for a client of `base` (no proxy, fast backoff).
pub fn builder_at(base: &str) -> ClientBuilder {
    Client::builder(KEY)
        .base_url(base)
        .no_proxy()
        .retry_backoff(BACKOFF.0, BACKOFF.1)
}

/// A builder for a client of `server`'s `/v1`.
pub fn builder(server: &MockServer) -> ClientBuilder {
    builder_at(&server.url("/v1"))
}

/// A client of `server`'s `/v1` with default retries and fast backoff.
pub fn client(server: &MockServer) -> Client {
    builder(server).build().expect("test client builds")
}

/// Method, exact path under `/v1`, and the bearer key.
pub fn req(when: When, method: HttpMethod, path: &str) -> When {
    when.method(method)
        .path(format!("/v1{path}"))
        .header("authorization", AUTH)
}

/// A bodiless request (GET, DELETE without body): no query, no content type, empty body.
pub fn bare(when: When, method: HttpMethod, path: &str) -> When {
    query_exact(req(when, method, path), &[])
        .header_missing("content-type")
        .is_true(|r: &HttpMockRequest| r.body_ref().is_empty())
}

/// A request with exactly this JSON body (unset optional fields must be absent, not null).
pub fn json_req(when: When, method: HttpMethod, path: &str, body: Value) -> When {
    query_exact(req(when, method, path), &[])
        .header("content-type", "application/json")
        .json_body(body)
}

/// The query string has exactly these pairs (decoded), in any order, and nothing else.
pub fn query_exact(when: When, pairs: &[(&str, &str)]) -> When {
    let mut expected: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    expected.sort();
    when.is_true(move |r: &HttpMockRequest| {
        let mut got = r.query_params();
        got.sort();
        got == expected
    })
}

/// A JSON answer.
pub fn json(then: Then, status: u16, body: Value) -> Then {
    then.status(status)
        .header("content-type", "application/json")
        .json_body(body)
}

/// One canned answer of a [`sequence`].
#[derive(Clone)]
pub struct Step {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// A canned JSON answer.
pub fn step(status: u16, body: Value) -> Step {
    Step {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: if body.is_null() {
            String::new()
        } else {
            body.to_string()
        },
    }
}

impl Step {
    /// Adds a header to the answer.
    pub fn header(mut self, name: &str, value: &str) -> Step {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// Answers with `steps` in order, repeating the last one.
pub fn sequence(then: Then, steps: Vec<Step>) -> Then {
    let counter = AtomicUsize::new(0);
    then.respond_with(move |_req: &HttpMockRequest| {
        let n = counter.fetch_add(1, Ordering::SeqCst).min(steps.len() - 1);
        let s = &steps[n];
        let mut b = HttpMockResponse::builder().status(s.status);
        for (k, v) in &s.headers {
            b = b.header(k.clone(), v.clone());
        }
        b.body(s.body.clone()).build()
    })
}

/// A standard API error body.
pub fn api_error(code: &str, message: &str) -> Value {
    serde_json::json!({"error": code, "message": message, "request_id": "req_abc123"})
}

/// Asserts that neither Display nor Debug of `err` contains the key.
pub fn assert_redacted(err: &Error) {
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(KEY), "key leaked in error: {shown}");
    assert!(!shown.contains("Sup3rS3cret"), "key leaked in error: {shown}");
}

/// Asserts the error's kind, checks redaction, and returns it.
#[track_caller]
pub fn expect_kind<T: std::fmt::Debug>(result: zexa::Result<T>, kind: ErrorKind) -> Error {
    let err = result.expect_err("expected an error");
    assert_eq!(err.kind(), kind, "unexpected error: {err:?}");
    assert_redacted(&err);
    err
}

/// The API error inside `err`, which must be one.
#[track_caller]
pub fn api(err: &Error) -> &zexa::ApiError {
    err.api().unwrap_or_else(|| panic!("not an API error: {err:?}"))
}

/// A mock that answers any request; tests of local validation assert it gets no hit.
pub fn catch_all(server: &MockServer) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        when.any_request();
        then.status(500);
    })
}

/// A hand-made HTTP server on 127.0.0.1 for behaviours httpmock cannot produce (dropped
/// connections, silence, dripping bodies). Each connection runs `handler` on its own thread.
pub struct RawServer {
    pub addr: SocketAddr,
    /// Connections accepted so far.
    pub accepted: Arc<AtomicUsize>,
}

impl RawServer {
    pub fn start<F>(handler: F) -> RawServer
    where
        F: Fn(TcpStream) + Send + Sync + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().unwrap();
        let accepted = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&accepted);
        let handler = Arc::new(handler);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                count.fetch_add(1, Ordering::SeqCst);
                let handler = Arc::clone(&handler);
                std::thread::spawn(move || handler(stream));
            }
        });
        RawServer { addr, accepted }
    }

    /// The `/v1` root of this server.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }
}

/// Reads one HTTP request (head and `Content-Length` body); `None` if the peer closed first.
pub fn read_request(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                return Some(buf);
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Blocks until the peer closes the connection (or an error), reading and discarding.
pub fn wait_for_close(stream: &mut TcpStream) {
    let mut chunk = [0u8; 1024];
    while let Ok(n) = stream.read(&mut chunk) {
        if n == 0 {
            break;
        }
    }
}

/// A server that reads each request and closes the connection without answering.
pub fn closing_server() -> RawServer {
    RawServer::start(|mut s| {
        let _ = read_request(&mut s);
        let _ = s.shutdown(std::net::Shutdown::Both);
    })
}

/// A server that reads each request and never answers (until the client goes away).
pub fn silent_server() -> RawServer {
    RawServer::start(|mut s| {
        let _ = read_request(&mut s);
        wait_for_close(&mut s);
    })
}

/// A server that sends a 200 head announcing 100 000 bytes, then one byte every 50 ms.
pub fn dripping_server() -> RawServer {
    RawServer::start(|mut s| {
        let _ = read_request(&mut s);
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{";
        if s.write_all(head.as_bytes()).is_err() {
            return;
        }
        for _ in 0..2000 {
            std::thread::sleep(Duration::from_millis(50));
            if s.write_all(b" ").and_then(|()| s.flush()).is_err() {
                return;
            }
        }
    })
}

/// An address on 127.0.0.1 where nothing listens (bound, then released).
pub fn refused_base_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}/v1")
}

/// The documented contact of the 201 example.
pub fn maria() -> Value {
    serde_json::json!({
        "id": "cnt_def456",
        "name": "Maria Santos",
        "phone": "+244912345678",
        "email": "maria@example.com",
        "lists": ["lst_abc123"],
        "created_at": "2026-06-24T10:00:00Z"
    })
}

/// A minimal contact with this id.
pub fn contact(id: &str) -> Value {
    serde_json::json!({
        "id": id, "name": format!("Name {id}"), "phone": "+244923456789",
        "created_at": "2026-06-23T14:30:00Z"
    })
}

/// `bytes` gzip-compressed (the compression tests' bodies).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// No control character and no U+FFFD: nothing a terminal or a log would show as junk.
pub fn assert_printable(text: &str) {
    assert!(
        text.chars()
            .all(|c| !c.is_control() && c != char::REPLACEMENT_CHARACTER),
        "not printable: {text:?}"
    );
}

/// A page body.
pub fn page(data: Vec<Value>, total: u64, page: u32, per_page: u32) -> Value {
    serde_json::json!({"data": data, "meta": {"total": total, "page": page, "per_page": per_page}})
}

/// A small `CONNECT` proxy on 127.0.0.1, for the proxy tests: it records every request head it
/// gets, answers each `CONNECT` with `answer` (e.g. `403 Forbidden`), and on `200` tunnels the
/// connection to the requested target, recording the bytes the client sent through it.
pub struct ConnectProxy {
    pub server: RawServer,
    /// The request heads received (`CONNECT host:port HTTP/1.1 ...`).
    pub heads: Arc<std::sync::Mutex<Vec<String>>>,
    /// The bytes the client sent inside the tunnels.
    pub tunnelled: Arc<std::sync::Mutex<Vec<u8>>>,
}

impl ConnectProxy {
    pub fn start(answer: &'static str) -> ConnectProxy {
        let heads = Arc::new(std::sync::Mutex::new(Vec::new()));
        let tunnelled = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (h, t) = (Arc::clone(&heads), Arc::clone(&tunnelled));
        let server = RawServer::start(move |mut client| {
            let Some(head) = read_request(&mut client) else {
                return;
            };
            let head = String::from_utf8_lossy(&head).into_owned();
            h.lock().unwrap().push(head.clone());
            if !answer.starts_with("200") {
                let _ = write!(client, "HTTP/1.1 {answer}\r\ncontent-length: 0\r\n\r\n");
                return;
            }
            let target = head.split_whitespace().nth(1).unwrap_or_default().to_owned();
            let Ok(mut upstream) = TcpStream::connect(target) else {
                return;
            };
            let _ = write!(client, "HTTP/1.1 200 Connection established\r\n\r\n");
            let (mut from_client, mut to_upstream) =
                (client.try_clone().unwrap(), upstream.try_clone().unwrap());
            let record = Arc::clone(&t);
            std::thread::spawn(move || {
                let mut chunk = [0u8; 4096];
                while let Ok(n) = from_client.read(&mut chunk) {
                    if n == 0 || to_upstream.write_all(&chunk[..n]).is_err() {
                        break;
                    }
                    record.lock().unwrap().extend_from_slice(&chunk[..n]);
                }
                let _ = to_upstream.shutdown(std::net::Shutdown::Write);
            });
            let _ = std::io::copy(&mut upstream, &mut client);
        });
        ConnectProxy {
            server,
            heads,
            tunnelled,
        }
    }

    /// `http://127.0.0.1:port`.
    pub fn url(&self) -> String {
        format!("http://{}", self.server.addr)
    }

    pub fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}
