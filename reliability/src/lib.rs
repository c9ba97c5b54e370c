//! Shared helpers of the reliability tests: a raw loopback HTTP server that misbehaves on
//! purpose, a tiny independent HTTP client for the sandbox's admin endpoints, process memory
//! readings, a capturing `log` logger, and the fault table written to
//! `target/reliability/faults.md`.
//!
//! Everything here talks to loopback only and every loop is bounded in count and time.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The API key used by the reliability tests: distinctive, so a leak is easy to grep for.
pub const CANARY_KEY: &str = "zx_live_CANARYk3y_7f3a9c1e5b";

/// The most bytes of a request head the raw server reads.
const MAX_HEAD: usize = 64 * 1024;

/// Locks a mutex, ignoring poisoning (a panicked test must not hide the others' results).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `target/reliability` of the workspace (created if missing).
pub fn report_dir() -> PathBuf {
    let dir = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(t) => PathBuf::from(t),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"),
    }
    .join("reliability");
    std::fs::create_dir_all(&dir).expect("create target/reliability");
    dir
}

/// Memory of this process from `/proc/self/status`, in KiB: (`VmRSS`, `VmHWM`).
pub fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or_else(|| panic!("{name} missing in /proc/self/status"))
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Resets this process's peak RSS (`VmHWM`) to its current RSS, where the kernel allows it
/// (`/proc/self/clear_refs`, value 5); returns whether it did. Then [`peak_growth_kib`] measures
/// the peak of one operation.
pub fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Runs `op` and returns its result and how far the process's peak RSS rose above the RSS
/// before it, in KiB: an upper bound of the memory `op` needed (other threads count too).
pub fn peak_growth_kib<T>(op: impl FnOnce() -> T) -> (T, u64) {
    reset_peak();
    let (before, _) = memory_kib();
    let out = op();
    let (_, peak) = memory_kib();
    (out, peak.saturating_sub(before))
}

/// One request as the raw server read it.
#[derive(Debug, Clone)]
pub struct RawRequest {
    /// Request line and headers, as received (lossy UTF-8).
    pub head: String,
    /// The body (by `Content-Length`).
    pub body: Vec<u8>,
}

impl RawRequest {
    /// The request line, e.g. `GET /v1/credits HTTP/1.1`.
    pub fn line(&self) -> &str {
        self.head.lines().next().unwrap_or("")
    }

    /// The method.
    pub fn method(&self) -> &str {
        self.line().split(' ').next().unwrap_or("")
    }

    /// The request target exactly as sent (path and query).
    pub fn target(&self) -> &str {
        self.line().split(' ').nth(1).unwrap_or("")
    }

    /// A header value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// What a raw server's handler gets besides the stream.
pub struct Ctx {
    /// Set when the server is being dropped: a handler that waits must poll it and return.
    pub stop: Arc<AtomicBool>,
}

impl Ctx {
    /// Waits until the server stops or `max` passes, polling every 10 ms.
    pub fn wait_stop(&self, max: Duration) {
        let deadline = Instant::now() + max;
        while !self.stop.load(Ordering::Relaxed) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

type Handler = dyn Fn(&mut TcpStream, &RawRequest, &Ctx) + Send + Sync;

/// A loopback HTTP/1.1 server that hands every request to a closure, one request per
/// connection, and counts connections and requests.
pub struct RawServer {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<RawRequest>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl RawServer {
    /// A server on `127.0.0.1` and a free port.
    pub fn start(handler: impl Fn(&mut TcpStream, &RawRequest, &Ctx) + Send + Sync + 'static) -> RawServer {
        RawServer::start_on("127.0.0.1", handler)
    }

    /// A server on a loopback `ip` (such as `127.0.0.2`) and a free port.
    pub fn start_on(
        ip: &str,
        handler: impl Fn(&mut TcpStream, &RawRequest, &Ctx) + Send + Sync + 'static,
    ) -> RawServer {
        let listener = TcpListener::bind((ip, 0)).expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        assert!(addr.ip().is_loopback(), "raw servers listen on loopback only");
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let thread = {
            let (connections, requests, stop) = (connections.clone(), requests.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let Ok(mut stream) = stream else { continue };
                    connections.fetch_add(1, Ordering::SeqCst);
                    let (handler, requests, stop) = (handler.clone(), requests.clone(), stop.clone());
                    std::thread::spawn(move || {
                        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                        let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
                        if let Some(req) = read_request(&mut stream) {
                            lock(&requests).push(req.clone());
                            handler(&mut stream, &req, &Ctx { stop });
                        }
                    });
                }
            })
        };
        RawServer {
            addr,
            connections,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    /// `http://IP:PORT/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Requests read so far.
    pub fn requests(&self) -> Vec<RawRequest> {
        lock(&self.requests).clone()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Reads a request head and its `Content-Length` body; `None` when the peer closes first.
fn read_request(stream: &mut TcpStream) -> Option<RawRequest> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > MAX_HEAD {
            return None;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut req = RawRequest {
        head,
        body: buf[head_end..].to_vec(),
    };
    let length: usize = req
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while req.body.len() < length.min(64 * 1024 * 1024) {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => req.body.extend_from_slice(&chunk[..n]),
        }
    }
    Some(req)
}

/// Writes a complete response with `Connection: close`.
pub fn respond(stream: &mut TcpStream, status: u16, headers: &[(&str, &str)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        let _ = write!(head, "{k}: {v}\r\n");
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

/// A JSON response with `Connection: close`.
pub fn respond_json(stream: &mut TcpStream, status: u16, body: &Value) {
    respond(
        stream,
        status,
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    );
}

/// A loopback port nothing listens on (bound, then released).
pub fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

/// A minimal, independent HTTP/1.1 client for the sandbox's admin endpoints, so the SDK under
/// test never drives its own test set-up. Returns status and body.
pub fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("connect admin");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("write admin request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read admin answer");
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("answer head")
        + 4;
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let mut body = raw[end..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, body)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(i) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..i]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = i + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

/// The sandbox's admin API, driven by [`http`].
pub struct Admin {
    addr: SocketAddr,
}

impl Admin {
    /// The admin API of the sandbox at `addr`.
    pub fn new(addr: SocketAddr) -> Admin {
        Admin { addr }
    }

    /// `POST /_sandbox/reset`.
    pub fn reset(&self) {
        let (status, _) = http(self.addr, "POST", "/_sandbox/reset", None);
        assert_eq!(status, 204, "reset");
    }

    /// Queues one-shot faults: `POST /_sandbox/faults`.
    pub fn fault(&self, fault: Value) {
        let (status, body) = http(self.addr, "POST", "/_sandbox/faults", Some(&fault));
        assert_eq!(status, 200, "queue fault: {}", String::from_utf8_lossy(&body));
    }

    /// Sets the random fault rate: `POST /_sandbox/fault-rate`.
    pub fn fault_rate(&self, rate: Value) {
        let (status, body) = http(self.addr, "POST", "/_sandbox/fault-rate", Some(&rate));
        assert_eq!(status, 204, "fault rate: {}", String::from_utf8_lossy(&body));
    }

    /// `GET /_sandbox/stats`.
    pub fn stats(&self) -> Value {
        let (status, body) = http(self.addr, "GET", "/_sandbox/stats", None);
        assert_eq!(status, 200, "stats");
        serde_json::from_slice(&body).expect("stats JSON")
    }

    /// How many requests reached the route `"METHOD /v1/template"` since the last reset.
    pub fn count(&self, route: &str) -> u64 {
        self.stats()["by_route"][route].as_u64().unwrap_or(0)
    }

    /// How many API requests reached the sandbox since the last reset.
    pub fn total(&self) -> u64 {
        self.stats()["requests"].as_u64().unwrap_or(0)
    }
}

/// A `log::Log` that keeps every record (formatted, with level and target) and counts the
/// SDK's per-attempt debug lines by method.
pub struct CaptureLogger {
    keep: AtomicBool,
    lines: Mutex<Vec<String>>,
    attempts: Mutex<BTreeMap<String, u64>>,
    records: AtomicU64,
}

impl CaptureLogger {
    /// Installs the process's logger (once) at trace level. With `keep`, every line is stored.
    pub fn install(keep: bool) -> &'static CaptureLogger {
        static LOGGER: OnceLock<CaptureLogger> = OnceLock::new();
        let logger = LOGGER.get_or_init(|| CaptureLogger {
            keep: AtomicBool::new(keep),
            lines: Mutex::new(Vec::new()),
            attempts: Mutex::new(BTreeMap::new()),
            records: AtomicU64::new(0),
        });
        if log::set_logger(logger).is_ok() {
            log::set_max_level(log::LevelFilter::Trace);
        }
        logger.keep.store(keep, Ordering::Relaxed);
        logger
    }

    /// Every stored line.
    pub fn lines(&self) -> Vec<String> {
        lock(&self.lines).clone()
    }

    /// How many records were logged.
    pub fn records(&self) -> u64 {
        self.records.load(Ordering::Relaxed)
    }

    /// SDK attempts seen so far for `method` (one `debug` line per attempt).
    pub fn attempts(&self, method: &str) -> u64 {
        lock(&self.attempts).get(method).copied().unwrap_or(0)
    }
}

impl log::Log for CaptureLogger {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }

    fn log(&self, record: &log::Record<'_>) {
        self.records.fetch_add(1, Ordering::Relaxed);
        let text = record.args().to_string();
        if record.level() == log::Level::Debug && record.target() == "zexa" && text.contains("(attempt ") {
            if let Some(method) = text.split(' ').next() {
                *lock(&self.attempts).entry(method.to_owned()).or_insert(0) += 1;
            }
        }
        if self.keep.load(Ordering::Relaxed) {
            let line = format!("{} {} {}", record.level(), record.target(), text);
            lock(&self.lines).push(line);
        }
    }

    fn flush(&self) {}
}

/// One row of the fault table.
#[derive(Debug, Clone)]
pub struct FaultRow {
    /// The fault, e.g. `connection refused`.
    pub fault: String,
    /// The call, e.g. `GET /credits`.
    pub call: String,
    /// What the caller got, e.g. `Err(Transport), attempts 3`.
    pub outcome: String,
    /// How many times the request reached the server.
    pub reached: String,
    /// How long the call took.
    pub elapsed: Duration,
}

/// Records a row of the fault table under `key` (its sort key) and rewrites
/// `target/reliability/faults.md` from every row recorded so far by any run.
pub fn record_fault(key: &str, row: FaultRow) {
    static WRITE: Mutex<()> = Mutex::new(());
    let _guard = lock(&WRITE);
    let dir = report_dir().join("faults");
    std::fs::create_dir_all(&dir).expect("create faults dir");
    let line = format!(
        "| {} | `{}` | {} | {} | {} ms |\n",
        row.fault,
        row.call,
        row.outcome,
        row.reached,
        row.elapsed.as_millis()
    );
    std::fs::write(dir.join(format!("{key}.row")), line).expect("write row");
    let mut rows: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("read faults dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "row"))
        .filter_map(|e| {
            Some((
                e.file_name().into_string().ok()?,
                std::fs::read_to_string(e.path()).ok()?,
            ))
        })
        .collect();
    rows.sort();
    let mut table = String::from(
        "| fault or input | call | what the caller gets | reached the server | time |\n|---|---|---|---|---|\n",
    );
    for (_, line) in rows {
        table.push_str(&line);
    }
    std::fs::write(report_dir().join("faults.md"), table).expect("write faults.md");
}

/// A short description of a call's result: `Ok` or `Err(Kind) status S, attempts N`.
pub fn describe<T>(result: &zexa::Result<T>) -> String {
    match result {
        Ok(_) => "`Ok`".to_owned(),
        Err(e) => {
            let status = e.status().map(|s| format!(" HTTP {s},")).unwrap_or_default();
            format!("`Err({:?})`{status} attempts {}", e.kind(), e.attempts())
        }
    }
}

/// The repository README's Rust examples, compiled as doctests so they stay true (here, in a
/// crate that is not published, because the README lives outside the `zexa` package).
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct RepositoryReadmeDoctests;
