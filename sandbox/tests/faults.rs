//! Fault injection, rate limiting, statistics and reset, verified on raw sockets where the
//! fault is about the connection itself.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::{assert_error, fast, start, Client};
use serde_json::json;
use zexa_sandbox::SandboxConfig;

/// Sends a raw GET /v1/credits and returns everything read until EOF, error or timeout.
fn raw_get(addr: SocketAddr, timeout: Duration) -> (Vec<u8>, Option<std::io::ErrorKind>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(timeout)).unwrap();
    s.write_all(
        b"GET /v1/credits HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer zx_sandbox_key\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return (out, None),
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) => return (out, Some(e.kind())),
        }
    }
}

fn split(resp: &[u8]) -> (String, Vec<u8>) {
    let pos = resp.windows(4).position(|w| w == b"\r\n\r\n").expect("headers");
    (
        String::from_utf8_lossy(&resp[..pos]).to_lowercase(),
        resp[pos + 4..].to_vec(),
    )
}

fn content_length(head: &str) -> usize {
    head.lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .expect("content-length")
        .trim()
        .parse()
        .unwrap()
}

fn fault(c: &Client, spec: serde_json::Value) {
    let r = c.admin_post("/_sandbox/faults", &spec);
    assert_eq!(r.status, 200, "{}", r.text);
}

#[test]
fn close_truncate_hang_drip_on_the_wire() {
    let c = start(fast());
    let addr = c.sandbox.addr();

    fault(&c, json!({"kind": "close"}));
    let (bytes, err) = raw_get(addr, Duration::from_secs(5));
    assert!(bytes.is_empty(), "close sends nothing");
    assert!(
        err.is_none() || err == Some(std::io::ErrorKind::ConnectionReset),
        "{err:?}"
    );

    fault(&c, json!({"kind": "truncate"}));
    let (bytes, _) = raw_get(addr, Duration::from_secs(5));
    let (head, body) = split(&bytes);
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(
        body.len() < content_length(&head),
        "truncated: {} bytes",
        body.len()
    );

    fault(&c, json!({"kind": "hang"}));
    let t = Instant::now();
    let (bytes, err) = raw_get(addr, Duration::from_millis(300));
    assert!(bytes.is_empty());
    assert!(
        matches!(
            err,
            Some(std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut)
        ),
        "{err:?}"
    );
    assert!(t.elapsed() >= Duration::from_millis(300));

    fault(&c, json!({"kind": "drip", "ms": 5}));
    let t = Instant::now();
    let (bytes, _) = raw_get(addr, Duration::from_secs(10));
    let (head, body) = split(&bytes);
    assert_eq!(body.len(), content_length(&head));
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["currency"], "AOA");
    assert!(t.elapsed() >= Duration::from_millis(5 * (body.len() as u64 - 1)));

    // After the faults the server answers normally again.
    assert_eq!(c.get("/credits").status, 200);
    let stats = c.admin_get("/_sandbox/stats").json;
    assert_eq!(stats["faults_applied"], 4);
    assert_eq!(stats["by_route"]["GET /v1/credits"], 5);
}

#[test]
fn status_rate_limit_and_delay_faults() {
    let c = start(fast());
    fault(&c, json!({"kind": "status", "status": 502, "json": false}));
    let r = c.get("/credits");
    assert_eq!(r.status, 502);
    assert!(r.content_type.unwrap().starts_with("text/html"));
    assert_eq!(r.text, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    assert!(r.request_id.is_some());

    fault(&c, json!({"kind": "status", "status": 503, "count": 2}));
    assert_error(&c.get("/credits"), 503, "server_error");
    assert_error(&c.get("/credits"), 503, "server_error");
    assert_eq!(c.get("/credits").status, 200);

    fault(&c, json!({"kind": "rate_limit", "retry_after": 7}));
    let r = c.get("/credits");
    assert_error(&r, 429, "rate_limit_exceeded");
    assert_eq!(r.retry_after.as_deref(), Some("7"));

    fault(&c, json!({"kind": "delay", "ms": 200}));
    let t = Instant::now();
    let r = c.post("/contacts", &json!({"name": "A", "phone": "+244912345678"}));
    assert_eq!(r.status, 201, "delay still executes");
    assert!(t.elapsed() >= Duration::from_millis(200));

    assert_error(
        &c.admin_post("/_sandbox/faults", &json!({"kind": "explode"})),
        400,
        "invalid_request",
    );
}

#[test]
fn faults_that_prevent_handling_do_not_execute() {
    let c = start(fast());
    let before = c.credits();
    for kind in [
        json!({"kind": "status", "status": 500}),
        json!({"kind": "rate_limit"}),
    ] {
        let mut spec = kind.clone();
        spec["path"] = json!("/v1/messages");
        fault(&c, spec);
        // A request elsewhere does not consume the path-bound fault.
        assert_eq!(c.get("/credits").status, 200);
        let r = c.post(
            "/messages",
            &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "x"}),
        );
        assert!(r.status == 500 || r.status == 429, "{}", r.text);
    }
    fault(&c, json!({"kind": "close", "path": "/contacts"}));
    let addr = c.sandbox.addr();
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let body = r#"{"name":"A","phone":"+244912345678"}"#;
    write!(
        s,
        "POST /v1/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer zx_sandbox_key\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    assert!(buf.is_empty());
    assert_eq!(c.credits(), before, "no credits debited");
    assert_eq!(c.get("/contacts").json["meta"]["total"], 0, "no contact created");
    let stats = c.admin_get("/_sandbox/stats").json;
    assert_eq!(stats["by_route"]["POST /v1/messages"], 2);
    assert_eq!(stats["by_route"]["POST /v1/contacts"], 1);
    assert_eq!(stats["faults_applied"], 3);
}

#[test]
fn random_fault_rate() {
    let c = start(fast());
    let r = c.admin_post(
        "/_sandbox/fault-rate",
        &json!({"rate": 1.0, "kinds": [{"kind": "status", "status": 503}]}),
    );
    assert_eq!(r.status, 204, "{}", r.text);
    for _ in 0..5 {
        assert_eq!(c.get("/credits").status, 503);
    }
    c.admin_post(
        "/_sandbox/fault-rate",
        &json!({"rate": 0.5, "kinds": [{"kind": "status", "status": 500}]}),
    );
    let failures = (0..200).filter(|_| c.get("/credits").status == 500).count();
    assert!((60..=140).contains(&failures), "{failures} of 200");
    c.admin_post("/_sandbox/fault-rate", &json!({"rate": 0}));
    assert!((0..20).all(|_| c.get("/credits").status == 200));
}

#[test]
fn rate_limit_per_key() {
    let c = start(SandboxConfig {
        rate_limit: Some(5),
        ..fast()
    });
    let statuses: Vec<_> = (0..12).map(|_| c.get("/credits")).collect();
    let limited: Vec<_> = statuses.iter().filter(|r| r.status == 429).collect();
    assert!(
        !limited.is_empty(),
        "more than 5 requests within a second are limited"
    );
    assert!(statuses.iter().filter(|r| r.status == 200).count() <= 10); // at most two windows
    for r in limited {
        assert_error(r, 429, "rate_limit_exceeded");
        let secs: u64 = r.retry_after.as_deref().unwrap().parse().unwrap();
        assert!(secs >= 1);
    }
    // Admin endpoints are not limited.
    assert!((0..10).all(|_| c.admin_get("/_sandbox/stats").status == 200));
}

#[test]
fn stats_and_reset() {
    let c = start(SandboxConfig {
        seed_contacts: 5,
        credits: 10.0,
        ..fast()
    });
    let r = c.get("/contacts?per_page=1");
    let id = r.json["data"][0]["id"].as_str().unwrap().to_string();
    c.get(&format!("/contacts/{id}"));
    c.get("/contacts/cnt_other");
    c.post(
        "/messages",
        &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "x"}),
    );
    c.get_noauth("/credits");
    let stats = c.admin_get("/_sandbox/stats").json;
    assert_eq!(stats["requests"], 5);
    assert_eq!(stats["by_route"]["GET /v1/contacts/{id}"], 2);
    assert_eq!(stats["by_route"]["POST /v1/messages"], 1);
    assert_eq!(stats["by_route"]["GET /v1/contacts"], 1);
    fault(&c, json!({"kind": "status", "status": 500}));

    assert_eq!(c.admin_post("/_sandbox/reset", &json!({})).status, 204);
    assert_eq!(
        c.admin_get("/_sandbox/stats").json,
        json!({"requests": 0, "by_route": {}, "faults_applied": 0})
    );
    assert_eq!(
        c.get("/credits").json["balance"],
        10,
        "credits restored, queued fault gone"
    );
    assert_eq!(c.get("/contacts").json["meta"]["total"], 5);
    assert_eq!(
        c.get(&format!("/contacts/{id}")).status,
        200,
        "seeded IDs are reproducible"
    );
}
