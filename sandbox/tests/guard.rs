//! Who the sandbox answers and how: the DNS-rebinding guard on `Host`, no CORS grants,
//! JSON-only state-changing admin requests, and gzip when the client asks for it.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use common::{fast, start};
use serde_json::{json, Value};

/// Sends `request` as is and returns (status, lower-cased head, body).
fn raw(addr: SocketAddr, request: &str) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let pos = out.windows(4).position(|w| w == b"\r\n\r\n").expect("a response");
    let head = String::from_utf8_lossy(&out[..pos]).to_lowercase();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head, out[pos + 4..].to_vec())
}

fn get_with_host(addr: SocketAddr, path: &str, host: Option<&str>) -> (u16, String, Vec<u8>) {
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    raw(
        addr,
        &format!(
            "GET {path} HTTP/1.1\r\n{host}Authorization: Bearer zx_sandbox_key\r\nConnection: close\r\n\r\n"
        ),
    )
}

#[test]
fn only_loopback_host_names_are_answered() {
    let c = start(fast());
    let addr = c.sandbox.addr();
    let port = addr.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
        format!("app.localhost:{port}"),
        format!("127.1.2.3:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_string(),
    ] {
        for path in ["/v1/credits", "/_sandbox/stats", "/"] {
            let (status, _, _) = get_with_host(addr, path, Some(&host));
            assert_eq!(status, 200, "{host} {path}");
        }
    }
    for host in [
        Some(format!("evil.example:{port}")),
        Some(format!("127.0.0.1.nip.io:{port}")),
        Some(format!("localhost.evil.example:{port}")),
        Some(format!("10.0.0.1:{port}")),
        Some(format!("evil.example@127.0.0.1:{port}")),
        Some(format!("127.0.0.1:{port}/evil.example")),
        Some("".to_string()),
        None,
    ] {
        for path in ["/v1/credits", "/_sandbox/stats", "/", "/_sandbox/messages"] {
            let (status, _, body) = get_with_host(addr, path, host.as_deref());
            assert_eq!(status, 403, "{host:?} {path}");
            let v: Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(v["error"], "forbidden");
        }
    }
    // Refused requests never reach the API (so they are not counted either).
    assert_eq!(c.sandbox.stats().requests, 7, "the 7 accepted /v1 requests only");
}

#[test]
fn no_cors_headers_are_granted() {
    let c = start(fast());
    let addr = c.sandbox.addr();
    let host = format!("127.0.0.1:{}", addr.port());
    for req in [
        format!("OPTIONS /_sandbox/reset HTTP/1.1\r\nHost: {host}\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n"),
        format!("GET /_sandbox/messages HTTP/1.1\r\nHost: {host}\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n"),
        format!("GET /v1/credits HTTP/1.1\r\nHost: {host}\r\nOrigin: https://evil.example\r\nAuthorization: Bearer zx_sandbox_key\r\nConnection: close\r\n\r\n"),
        format!("GET / HTTP/1.1\r\nHost: {host}\r\nOrigin: null\r\nConnection: close\r\n\r\n"),
    ] {
        let (_, head, _) = raw(addr, &req);
        assert!(!head.contains("access-control-"), "{req}\n{head}");
    }
}

#[test]
fn state_changing_admin_requests_take_only_json() {
    let c = start(fast());
    let addr = c.sandbox.addr();
    let host = format!("127.0.0.1:{}", addr.port());
    c.post("/contacts", &json!({"name": "Maria", "phone": "+244912345678"}));
    let forms = [
        (
            "POST",
            "/_sandbox/reset",
            Some("application/x-www-form-urlencoded"),
            "a=1",
        ),
        ("POST", "/_sandbox/reset", Some("text/plain"), "{}"),
        (
            "POST",
            "/_sandbox/reset",
            Some("multipart/form-data; boundary=x"),
            "--x--",
        ),
        ("POST", "/_sandbox/reset", None, ""),
        (
            "POST",
            "/_sandbox/faults",
            Some("text/plain"),
            r#"{"kind":"close"}"#,
        ),
        ("DELETE", "/_sandbox/faults", None, ""),
        (
            "POST",
            "/_sandbox/fault-rate",
            Some("text/plain"),
            r#"{"rate":1,"kinds":[{"kind":"close"}]}"#,
        ),
    ];
    for (method, path, ctype, body) in forms {
        let ctype = ctype
            .map(|t| format!("Content-Type: {t}\r\n"))
            .unwrap_or_default();
        let (status, _, resp) = raw(
            addr,
            &format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\n{ctype}Content-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()),
        );
        assert_eq!(status, 415, "{method} {path} {ctype}");
        let v: Value = serde_json::from_slice(&resp).unwrap();
        assert_eq!(v["error"], "unsupported_media_type");
    }
    assert_eq!(c.get("/contacts").json["meta"]["total"], 1, "no reset happened");
    assert_eq!(c.get("/credits").status, 200, "no fault was queued");
    // The JSON forms work, with or without a body.
    let (status, _, _) = raw(
        addr,
        &format!("POST /_sandbox/reset HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(status, 204);
    assert_eq!(c.get("/contacts").json["meta"]["total"], 0);
}

#[test]
fn gzip_when_the_request_asks_for_it() {
    let c = start(SandboxConfig {
        seed_contacts: 100,
        ..fast()
    });
    let addr = c.sandbox.addr();
    let host = format!("127.0.0.1:{}", addr.port());
    let request = |encoding: &str| {
        raw(
            addr,
            &format!("GET /v1/contacts?per_page=100 HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer zx_sandbox_key\r\n{encoding}Connection: close\r\n\r\n"),
        )
    };
    let (status, head, plain) = request("");
    assert_eq!(status, 200);
    assert!(!head.contains("content-encoding"), "{head}");
    let plain = dechunk_if(&head, plain);
    let (status, head, zipped) = request("Accept-Encoding: gzip\r\n");
    assert_eq!(status, 200);
    assert!(head.contains("content-encoding: gzip"), "{head}");
    let zipped = dechunk_if(&head, zipped);
    assert!(
        zipped.len() * 3 < plain.len(),
        "{} vs {}",
        zipped.len(),
        plain.len()
    );
    let mut text = String::new();
    flate2::read::GzDecoder::new(&zipped[..])
        .read_to_string(&mut text)
        .unwrap();
    let a: Value = serde_json::from_str(&text).unwrap();
    let b: Value = serde_json::from_slice(&plain).unwrap();
    assert_eq!(a["meta"]["total"], 100);
    assert_eq!(a["data"], b["data"]);
    // Admin JSON too; an encoding the sandbox does not offer gets identity.
    let (_, head, _) = raw(
        addr,
        &format!("GET /_sandbox/overview HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"),
    );
    assert!(head.contains("content-encoding: gzip"), "{head}");
    let (_, head, _) = request("Accept-Encoding: br\r\n");
    assert!(!head.contains("content-encoding"), "{head}");
}

use zexa_sandbox::SandboxConfig;

fn dechunk_if(head: &str, body: Vec<u8>) -> Vec<u8> {
    if !head.contains("transfer-encoding: chunked") {
        return body;
    }
    let mut out = Vec::new();
    let mut data = &body[..];
    while let Some(i) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&data[..i]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[i + 2..i + 2 + size]);
        data = &data[i + 2 + size + 2..];
    }
    out
}
