//! Faults: each test points a client at a loopback server that misbehaves on purpose (the
//! sandbox's fault injection or a raw `TcpListener`), then checks the error kind the caller
//! gets, how many times the request reached the server, and how long the call took. Every
//! case adds a row to `target/reliability/faults.md`.

use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::json;
use zexa::{Channel, Client, ErrorKind, SendMessage};
use zexa_reliability::{
    closed_port, describe, peak_growth_kib, record_fault, respond, respond_json, Admin, Ctx, FaultRow,
    RawRequest, RawServer, CANARY_KEY,
};
use zexa_sandbox::{Sandbox, SandboxConfig};

const GET_CREDITS: &str = "GET /v1/credits";
const POST_MESSAGES: &str = "POST /v1/messages";
/// Per-attempt timeout of the clients that meet a slow server.
const TIMEOUT: Duration = Duration::from_millis(500);

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn client(base: &str) -> Client {
    Client::builder(CANARY_KEY)
        .base_url(base)
        .no_proxy()
        .retry_backoff(ms(5), ms(20))
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client builds")
}

fn sms() -> SendMessage {
    SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "reliability")
}

fn sandbox() -> (Sandbox, Admin) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        api_key: CANARY_KEY.to_owned(),
        delivery_ms: 10,
        ..SandboxConfig::default()
    })
    .expect("sandbox starts");
    let admin = Admin::new(sandbox.addr());
    (sandbox, admin)
}

/// Runs `call`, records its row, and returns its result and duration.
fn timed<T>(call: impl FnOnce() -> zexa::Result<T>) -> (zexa::Result<T>, Duration) {
    let started = Instant::now();
    let result = call();
    (result, started.elapsed())
}

fn row<T>(
    key: &str,
    fault: &str,
    call: &str,
    result: &zexa::Result<T>,
    reached: impl ToString,
    took: Duration,
) {
    record_fault(
        key,
        FaultRow {
            fault: fault.to_owned(),
            call: call.to_owned(),
            outcome: describe(result),
            reached: reached.to_string(),
            elapsed: took,
        },
    );
}

/// Asserts that `result` failed with `expected` after `tries` attempts, and that the server
/// counted `reached` requests (`want` expected).
fn expect_failure<T: std::fmt::Debug>(
    result: &zexa::Result<T>,
    expected: ErrorKind,
    tries: u32,
    reached: impl TryInto<u64> + std::fmt::Debug + Copy,
    want: u64,
) {
    assert_eq!(kind(result), expected, "{result:?}");
    assert_eq!(attempts(result), tries, "{result:?}");
    let reached: u64 = reached.try_into().unwrap_or(u64::MAX);
    assert_eq!(reached, want, "requests that reached the server");
}

/// Against raw servers answering with `behaviour`: a GET ends in a transport error after 3
/// attempts, all reaching the server; a POST after exactly 1. Records rows `{key}a`, `{key}b`.
fn get_retried_post_sent_once(
    key: &str,
    fault: &str,
    behaviour: impl Fn(&mut TcpStream, &RawRequest, &Ctx) + Clone + Send + Sync + 'static,
) {
    let server = RawServer::start(behaviour.clone());
    let c = client(&server.base_url());
    let (get, took) = timed(|| c.credits().get());
    expect_failure(&get, ErrorKind::Transport, 3, server.requests().len(), 3);
    row(&format!("{key}a"), fault, "GET /credits", &get, 3, took);

    let server = RawServer::start(behaviour);
    let c = client(&server.base_url());
    let (post, took) = timed(|| c.messages().send(&sms()));
    expect_failure(&post, ErrorKind::Transport, 1, server.requests().len(), 1);
    row(&format!("{key}b"), fault, "POST /messages", &post, 1, took);
}

/// Against the sandbox with `fault` on every attempt: a GET fails with `expected` after 3
/// attempts, a POST after exactly 1, as the sandbox counts them. Records rows `{key}a`,
/// `{key}b` and returns how long the GET and the POST took.
fn sandbox_fault_get_retried_post_once(
    key: &str,
    fault: &str,
    with: serde_json::Value,
    expected: ErrorKind,
    timeout: Option<Duration>,
) -> (Duration, Duration) {
    let (sandbox, admin) = sandbox();
    let mut c = client(&sandbox.base_url());
    if let Some(t) = timeout {
        c = c.with_timeout(t).expect("timeout");
    }
    let queue = |path: &str| {
        let mut f = with.clone();
        f["count"] = json!(3);
        f["path"] = json!(path);
        admin.fault(f);
    };
    queue("/credits");
    let (get, get_took) = timed(|| c.credits().get());
    expect_failure(&get, expected, 3, admin.count(GET_CREDITS), 3);
    row(&format!("{key}a"), fault, "GET /credits", &get, 3, get_took);

    queue("/messages");
    let (post, post_took) = timed(|| c.messages().send(&sms()));
    expect_failure(&post, expected, 1, admin.count(POST_MESSAGES), 1);
    row(&format!("{key}b"), fault, "POST /messages", &post, 1, post_took);
    (get_took, post_took)
}

fn kind<T: std::fmt::Debug>(result: &zexa::Result<T>) -> ErrorKind {
    result.as_ref().expect_err("the call must fail").kind()
}

fn attempts<T: std::fmt::Debug>(result: &zexa::Result<T>) -> u32 {
    result.as_ref().expect_err("the call must fail").attempts()
}

#[test]
fn connection_refused_is_retried_for_every_method() {
    let base = format!("http://127.0.0.1:{}/v1", closed_port());
    let c = client(&base);
    let (get, took) = timed(|| c.credits().get());
    assert_eq!(kind(&get), ErrorKind::Transport);
    assert_eq!(
        attempts(&get),
        3,
        "a refused connection never reached the server: GET retried"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
    row(
        "01a",
        "connection refused",
        "GET /credits",
        &get,
        "0 (nothing listens)",
        took,
    );

    let (post, took) = timed(|| c.messages().send(&sms()));
    assert_eq!(kind(&post), ErrorKind::Transport);
    assert_eq!(
        attempts(&post),
        3,
        "a POST that never connected is safe to resend"
    );
    row(
        "01b",
        "connection refused",
        "POST /messages",
        &post,
        "0 (nothing listens)",
        took,
    );
}

#[test]
fn connection_closed_before_any_answer() {
    let (sandbox, admin) = sandbox();
    let c = client(&sandbox.base_url());

    admin.fault(json!({"kind": "close", "count": 3, "path": "/credits"}));
    let (get, took) = timed(|| c.credits().get());
    assert_eq!(kind(&get), ErrorKind::Transport);
    assert_eq!(attempts(&get), 3);
    assert_eq!(admin.count(GET_CREDITS), 3, "GET retried twice");
    row(
        "02a",
        "closed before any answer (every attempt)",
        "GET /credits",
        &get,
        3,
        took,
    );

    admin.reset();
    admin.fault(json!({"kind": "close", "count": 1, "path": "/credits"}));
    let (get, took) = timed(|| c.credits().get());
    assert!(get.is_ok(), "{get:?}");
    assert_eq!(admin.count(GET_CREDITS), 2, "one close, one retry that succeeds");
    row(
        "02b",
        "closed before any answer (once)",
        "GET /credits",
        &get,
        2,
        took,
    );

    admin.reset();
    admin.fault(json!({"kind": "close", "count": 3, "path": "/messages"}));
    let (post, took) = timed(|| c.messages().send(&sms()));
    assert_eq!(kind(&post), ErrorKind::Transport);
    assert_eq!(attempts(&post), 1, "a POST that may have arrived is never resent");
    assert_eq!(admin.count(POST_MESSAGES), 1);
    row(
        "02c",
        "closed before any answer",
        "POST /messages",
        &post,
        1,
        took,
    );
}

/// Sends the head and 10 bytes of a 1000-byte body, then resets the connection (RST).
fn reset_mid_body(stream: &mut TcpStream, _: &RawRequest, _: &Ctx) {
    let _ = stream
        .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n");
    let _ = stream.write_all(b"{\"balance\"");
    let _ = stream.flush();
    std::thread::sleep(ms(20));
    let _ = socket2::SockRef::from(&*stream).set_linger(Some(Duration::ZERO));
}

#[test]
fn reset_in_the_middle_of_the_body() {
    get_retried_post_sent_once("03", "reset in the middle of the body", reset_mid_body);
}

#[test]
fn truncated_body() {
    let fault = json!({"kind": "truncate"});
    sandbox_fault_get_retried_post_once(
        "04",
        "truncated body (< Content-Length)",
        fault,
        ErrorKind::Transport,
        None,
    );
}

#[test]
fn dripping_body_ends_at_the_timeout() {
    // 150 ms per byte: the answer would take several seconds.
    let fault = json!({"kind": "drip", "ms": 150});
    let (get, post) = sandbox_fault_get_retried_post_once(
        "05",
        "body drips 1 byte / 150 ms (timeout 500 ms)",
        fault,
        ErrorKind::Timeout,
        Some(TIMEOUT),
    );
    assert!(get >= TIMEOUT * 3 && get < TIMEOUT * 3 + ms(1500), "{get:?}");
    assert!(post >= TIMEOUT && post < TIMEOUT + ms(1000), "{post:?}");
}

#[test]
fn server_that_never_answers() {
    let fault = json!({"kind": "hang"});
    let (get, post) = sandbox_fault_get_retried_post_once(
        "06",
        "accepts, never answers (timeout 500 ms)",
        fault,
        ErrorKind::Timeout,
        Some(TIMEOUT),
    );
    assert!(get >= TIMEOUT * 3 && get < TIMEOUT * 3 + ms(1500), "{get:?}");
    assert!(post >= TIMEOUT && post < TIMEOUT + ms(1000), "{post:?}");
}

#[test]
fn garbage_instead_of_a_status_line() {
    let garbage = |s: &mut TcpStream, _: &RawRequest, _: &Ctx| {
        let _ = s.write_all(b"SSH-2.0-OpenSSH_9.6 garbage \x00\xff\r\n\r\n");
    };
    get_retried_post_sent_once("07", "garbage instead of a status line", garbage);
}

#[test]
fn success_status_with_malformed_json() {
    let server = RawServer::start(|s, _, _| {
        respond(
            s,
            200,
            &[("Content-Type", "application/json")],
            b"{\"balance\": 12.5, \"curr",
        );
    });
    let c = client(&server.base_url());
    let (get, took) = timed(|| c.credits().get());
    assert_eq!(kind(&get), ErrorKind::Decode, "{get:?}");
    assert_eq!(get.as_ref().unwrap_err().status(), Some(200));
    assert_eq!(server.requests().len(), 1, "a 2xx is never resent");
    row("08a", "2xx with malformed JSON", "GET /credits", &get, 1, took);

    let (post, took) = timed(|| c.messages().send(&sms()));
    assert_eq!(kind(&post), ErrorKind::Decode, "{post:?}");
    assert_eq!(server.requests().len(), 2);
    row("08b", "2xx with malformed JSON", "POST /messages", &post, 1, took);

    // Valid JSON of the wrong shape is a Decode error too.
    let server = RawServer::start(|s, _, _| respond_json(s, 200, &json!({"balance": "lots"})));
    let c = client(&server.base_url());
    let (get, took) = timed(|| c.credits().get());
    assert_eq!(kind(&get), ErrorKind::Decode, "{get:?}");
    row(
        "08c",
        "2xx with JSON of the wrong shape",
        "GET /credits",
        &get,
        1,
        took,
    );
}

const HUGE: u64 = 200 * 1024 * 1024;

/// Streams a 200 MiB body from one 64 KiB buffer, stopping when the client goes away.
fn huge_body(stream: &mut TcpStream, _: &RawRequest, _: &Ctx) {
    let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {HUGE}\r\n\r\n");
    stream_huge(stream, &head);
}

/// The same without `Content-Length` (the body ends when the connection closes), so the
/// client cannot refuse it from the header and must stop reading at the cap.
fn huge_body_until_close(stream: &mut TcpStream, _: &RawRequest, _: &Ctx) {
    stream_huge(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n",
    );
}

fn stream_huge(stream: &mut TcpStream, head: &str) {
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let chunk = [b' '; 64 * 1024];
    let mut sent = 0;
    while sent < HUGE {
        if stream.write_all(&chunk).is_err() {
            return;
        }
        sent += chunk.len() as u64;
    }
}

#[test]
fn body_of_200_mib_is_refused_at_the_cap_with_flat_memory() {
    let server = RawServer::start(huge_body);
    let c = client(&server.base_url());
    let ((get, took), grown_kib) = peak_growth_kib(|| timed(|| c.credits().get()));
    let grown_mib = grown_kib / 1024;
    let err = get.as_ref().expect_err("over the cap");
    assert_eq!(err.kind(), ErrorKind::Decode, "{err:?}");
    assert!(err.to_string().contains("limit"), "{err}");
    assert_eq!(server.requests().len(), 1, "the cap is final: not retried");
    // The cap is 16 MiB; allow the read buffer's growth, far below the 200 MiB sent.
    assert!(grown_mib < 48, "RSS grew by {grown_mib} MiB");
    row(
        "09a",
        &format!("200 MiB body, default cap 16 MiB (peak RSS +{grown_mib} MiB)"),
        "GET /credits",
        &get,
        1,
        took,
    );

    // Without Content-Length the body is read, and reading stops at the cap.
    let server = RawServer::start(huge_body_until_close);
    let c = client(&server.base_url());
    let ((get, took), grown_kib) = peak_growth_kib(|| timed(|| c.credits().get()));
    let grown_mib = grown_kib / 1024;
    let err = get.as_ref().expect_err("over the cap");
    assert_eq!(err.kind(), ErrorKind::Decode, "{err:?}");
    assert!(err.to_string().contains("limit"), "{err}");
    assert_eq!(server.requests().len(), 1);
    assert!(grown_mib < 64, "RSS grew by {grown_mib} MiB");
    row(
        "09b",
        &format!("200 MiB body without Content-Length, cap 16 MiB (peak RSS +{grown_mib} MiB)"),
        "GET /credits",
        &get,
        1,
        took,
    );

    // A lower cap set on the builder holds just as well.
    let c = Client::builder(CANARY_KEY)
        .base_url(server.base_url())
        .no_proxy()
        .max_response_bytes(1024)
        .build()
        .expect("client");
    let (post, took) = timed(|| c.messages().send(&sms()));
    assert_eq!(kind(&post), ErrorKind::Decode, "{post:?}");
    assert_eq!(server.requests().len(), 2);
    row("09c", "200 MiB body, cap 1 KiB", "POST /messages", &post, 1, took);
}

#[test]
fn rate_limit_storms() {
    let (sandbox, admin) = sandbox();
    let c = client(&sandbox.base_url());

    // Inside the cap: waited for (1 s, as Retry-After says), then served.
    admin.fault(json!({"kind": "rate_limit", "retry_after": 1, "count": 1, "path": "/credits"}));
    let (get, took) = timed(|| c.credits().get());
    assert!(get.is_ok(), "{get:?}");
    assert_eq!(admin.count(GET_CREDITS), 2);
    assert!(took >= Duration::from_secs(1), "Retry-After honoured: {took:?}");
    row(
        "10a",
        "429, Retry-After 1 s (inside the 60 s cap), once",
        "GET /credits",
        &get,
        2,
        took,
    );

    // A 429 was not processed, so even a POST is sent again.
    admin.reset();
    admin.fault(json!({"kind": "rate_limit", "retry_after": 1, "count": 1, "path": "/messages"}));
    let (post, took) = timed(|| c.messages().send(&sms()));
    assert!(post.is_ok(), "{post:?}");
    assert_eq!(admin.count(POST_MESSAGES), 2);
    row(
        "10b",
        "429, Retry-After 1 s, once",
        "POST /messages",
        &post,
        2,
        took,
    );

    // A storm longer than the retry budget: the 429 comes back with its Retry-After.
    admin.reset();
    let fast = c.with_max_retries(2);
    // The sandbox's smallest Retry-After is 1 s.
    admin.fault(json!({"kind": "rate_limit", "retry_after": 1, "count": 10, "path": "/credits"}));
    let (get, took) = timed(|| fast.credits().get());
    assert_eq!(kind(&get), ErrorKind::RateLimited);
    assert_eq!(attempts(&get), 3);
    assert_eq!(admin.count(GET_CREDITS), 3);
    row(
        "10c",
        "429 storm (10 in a row, Retry-After 1 s)",
        "GET /credits",
        &get,
        3,
        took,
    );

    // Beyond the cap: returned at once, with the server's Retry-After.
    admin.reset();
    admin.fault(json!({"kind": "rate_limit", "retry_after": 120, "count": 1, "path": "/credits"}));
    let (get, took) = timed(|| c.credits().get());
    let err = get.as_ref().expect_err("429");
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(err.attempts(), 1);
    assert_eq!(
        err.api().and_then(|a| a.retry_after),
        Some(Duration::from_secs(120))
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert_eq!(admin.count(GET_CREDITS), 1);
    row(
        "10d",
        "429, Retry-After 120 s (beyond the 60 s cap)",
        "GET /credits",
        &get,
        1,
        took,
    );
}

#[test]
fn server_error_bursts() {
    let (sandbox, admin) = sandbox();
    let c = client(&sandbox.base_url());

    admin.fault(json!({"kind": "status", "status": 503, "count": 2, "path": "/credits"}));
    let (get, took) = timed(|| c.credits().get());
    assert!(get.is_ok(), "{get:?}");
    assert_eq!(admin.count(GET_CREDITS), 3);
    row(
        "11a",
        "503 burst of 2, then healthy",
        "GET /credits",
        &get,
        3,
        took,
    );

    admin.reset();
    admin.fault(json!({"kind": "status", "status": 502, "json": false, "count": 5, "path": "/credits"}));
    let (get, took) = timed(|| c.credits().get());
    let err = get.as_ref().expect_err("502");
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!((err.status(), err.attempts()), (Some(502), 3));
    assert_eq!(
        err.api().map(|a| a.code.as_str()),
        Some("http_502"),
        "HTML body: {err}"
    );
    assert_eq!(admin.count(GET_CREDITS), 3);
    row("11b", "502 HTML page burst of 5", "GET /credits", &get, 3, took);

    admin.reset();
    admin.fault(json!({"kind": "status", "status": 500, "count": 3, "path": "/messages"}));
    let (post, took) = timed(|| c.messages().send(&sms()));
    assert_eq!(kind(&post), ErrorKind::Server);
    assert_eq!(
        attempts(&post),
        1,
        "a POST answered 500 may have been processed: never resent"
    );
    assert_eq!(admin.count(POST_MESSAGES), 1);
    row("11c", "500 burst of 3", "POST /messages", &post, 1, took);
}

#[test]
fn redirect_to_another_host_is_not_followed() {
    let other = RawServer::start_on("127.0.0.2", |s, _, _| respond_json(s, 200, &json!({})));
    let location = format!("http://{}/v1/credits", other.addr());
    let server = RawServer::start(move |s, _, _| {
        respond(s, 307, &[("Location", &location)], b"");
    });
    let c = client(&server.base_url());
    let (get, took) = timed(|| c.credits().get());
    let err = get.as_ref().expect_err("307");
    assert_eq!(err.kind(), ErrorKind::OtherApi, "{err:?}");
    assert_eq!(err.status(), Some(307));
    let (post, _) = timed(|| c.messages().send(&sms()));
    assert_eq!(post.as_ref().expect_err("307").status(), Some(307));
    assert_eq!(server.requests().len(), 2);
    assert_eq!(other.connections(), 0, "the other host saw nothing");
    for req in server.requests() {
        assert_eq!(
            req.header("authorization"),
            Some(format!("Bearer {CANARY_KEY}").as_str())
        );
    }
    row(
        "12a",
        "307 to another host (127.0.0.2)",
        "GET /credits",
        &get,
        "1 (other host: 0)",
        took,
    );
}
