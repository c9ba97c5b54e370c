//! The connection buffers are small (16 KiB), yet large pages and uploads pass through them
//! whole, within the response cap; and the idle-connection settings do what they say.
mod common;

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use common::*;
use zexa::{Client, ErrorKind, Method};

/// Answers every request on the connection with `answer(request)`, keeping it alive.
fn serving(answer: fn(&[u8]) -> Vec<u8>) -> RawServer {
    RawServer::start(move |mut stream: TcpStream| {
        while let Some(request) = read_request(&mut stream) {
            if stream.write_all(&answer(&request)).is_err() {
                return;
            }
        }
    })
}

fn response(head_extra: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{head_extra}\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out =
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n".to_vec();
    // Chunks of odd sizes, some larger than the 16 KiB buffer.
    for part in body.chunks(40_001) {
        out.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        out.extend_from_slice(part);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// A credits answer padded to about `bytes`.
fn big_credits(bytes: usize) -> Vec<u8> {
    format!(
        r#"{{"balance": 7, "currency": "AOA", "pad": "{}"}}"#,
        "z".repeat(bytes)
    )
    .into_bytes()
}

const FIFTEEN_MIB: usize = 15 * 1024 * 1024;

fn client_of(server: &RawServer) -> Client {
    builder_at(&server.base_url()).max_retries(0).build().unwrap()
}

#[test]
fn a_page_of_15_mib_is_read_whole_and_the_connection_reused() {
    let server = serving(|_| response("", &big_credits(FIFTEEN_MIB)));
    let client = client_of(&server);
    for _ in 0..2 {
        let credits = client.credits().get().unwrap();
        assert_eq!(credits.currency, "AOA");
        let pad = credits.extra.get("pad").and_then(|v| v.as_str()).unwrap();
        assert_eq!(pad.len(), FIFTEEN_MIB);
    }
    assert_eq!(server.accepted(), 1, "both calls on one connection");
}

#[test]
fn a_chunked_page_of_15_mib_is_read_whole() {
    let server = serving(|_| chunked(&big_credits(FIFTEEN_MIB)));
    let credits = client_of(&server).credits().get().unwrap();
    assert_eq!(credits.extra["pad"].as_str().unwrap().len(), FIFTEEN_MIB);
}

#[test]
fn a_page_over_the_cap_is_still_refused() {
    let server = serving(|_| response("", &big_credits(17 * 1024 * 1024)));
    let err = client_of(&server).credits().get().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
    assert!(err.to_string().contains("limit"), "{err}");
}

#[test]
fn an_upload_of_8_mib_reaches_the_server_intact() {
    // The file: 8 MiB of numbered CSV lines, ending in a marker.
    let mut file = String::from("name,phone\n");
    let mut i = 0u64;
    while file.len() < 8 * 1024 * 1024 {
        file.push_str(&format!("Contact {i},+2449{i:08}\n"));
        i += 1;
    }
    file.push_str("END,OF FILE\n");
    let server = serving(|request| {
        // The server counts the file's rows in the multipart body and echoes the count.
        let text = String::from_utf8_lossy(request);
        let rows = text.matches(",+2449").count();
        let complete = text.contains("END,OF FILE\n");
        let body = format!(
            r#"{{"upload_id": "upl_1", "total_rows": {}}}"#,
            if complete { rows } else { 0 }
        );
        response("", body.as_bytes())
    });
    let preview = client_of(&server)
        .contacts()
        .upload(file.as_bytes(), "big.csv")
        .unwrap();
    assert_eq!(preview.total_rows, i, "every row arrived, in one piece");
}

#[test]
fn a_large_json_body_is_sent_whole() {
    let server = serving(|request| {
        let text = String::from_utf8_lossy(request);
        let body_len = text.split_once("\r\n\r\n").map_or(0, |(_, b)| b.len());
        response("", format!(r#"{{"received": {body_len}}}"#).as_bytes())
    });
    let note = "n".repeat(3 * 1024 * 1024);
    let body = serde_json::json!({ "note": note });
    let sent = serde_json::to_vec(&body).unwrap().len();
    let answer = client_of(&server)
        .request(Method::Post, "/notes", &[], Some(&body))
        .unwrap();
    assert_eq!(answer["received"], sent);
}

#[test]
fn a_response_head_of_12_kib_is_read() {
    let server = serving(|_| {
        let header = format!("x-padding: {}\r\n", "h".repeat(12 * 1024));
        response(&header, br#"{"balance": 1, "currency": "AOA"}"#)
    });
    assert_eq!(client_of(&server).credits().get().unwrap().currency, "AOA");
}

#[test]
fn a_response_head_over_the_buffer_is_refused_as_too_large() {
    let server = serving(|_| {
        let header = format!("x-padding: {}\r\n", "h".repeat(20 * 1024));
        response(&header, br#"{"balance": 1, "currency": "AOA"}"#)
    });
    let err = client_of(&server).credits().get().unwrap_err();
    assert!(err.to_string().to_lowercase().contains("header"), "{err}");
}

#[test]
fn with_no_idle_connection_kept_every_call_connects() {
    let server = serving(|_| response("", br#"{"balance": 1, "currency": "AOA"}"#));
    let client = builder_at(&server.base_url())
        .max_idle_connections(0)
        .build()
        .unwrap();
    for _ in 0..3 {
        client.credits().get().unwrap();
    }
    assert_eq!(server.accepted(), 3);
}

#[test]
fn a_connection_idle_past_the_timeout_is_not_reused() {
    let server = serving(|_| response("", br#"{"balance": 1, "currency": "AOA"}"#));
    let client = builder_at(&server.base_url())
        .idle_timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    client.credits().get().unwrap();
    client.credits().get().unwrap();
    assert_eq!(server.accepted(), 1, "reused while fresh");
    // Not a race being waited out: the connection's age passing the timeout is what is tested.
    std::thread::sleep(Duration::from_millis(250));
    client.credits().get().unwrap();
    assert_eq!(
        server.accepted(),
        2,
        "a new connection once the idle one is too old"
    );
}

#[test]
fn idle_settings_out_of_range_are_refused() {
    let b = || Client::builder(KEY).base_url("http://127.0.0.1:1/v1");
    for (builder, field) in [
        (b().idle_timeout(Duration::ZERO), "idle_timeout"),
        (
            b().idle_timeout(zexa::MAX_IDLE_TIMEOUT + Duration::from_millis(1)),
            "idle_timeout",
        ),
        (
            b().max_idle_connections(zexa::MAX_IDLE_CONNECTIONS + 1),
            "max_idle_connections",
        ),
    ] {
        let err = builder.build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    assert!(b()
        .idle_timeout(zexa::MAX_IDLE_TIMEOUT)
        .max_idle_connections(0)
        .build()
        .is_ok());
    assert_eq!(zexa::DEFAULT_IDLE_TIMEOUT, Duration::from_secs(30));
    assert_eq!(zexa::DEFAULT_MAX_IDLE_CONNECTIONS, 64);
}
