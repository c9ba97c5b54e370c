//! What can never succeed is refused locally, before anything is sent, and never retried:
//! oversized IDs and URLs, keys and app info that cannot be header values, a proxy's refusal.
mod common;

use std::io::Write;

use common::*;
use httpmock::MockServer;
use zexa::{Client, ErrorKind, ListContacts};

#[test]
fn a_huge_contact_id_is_refused_before_sending() {
    let server = MockServer::start();
    let any = catch_all(&server);
    let err = expect_kind(
        client(&server).contacts().get(&"a".repeat(100_000)),
        ErrorKind::InvalidInput,
    );
    assert_eq!(err.attempts(), 0);
    assert!(err.to_string().contains("contact_id"), "{err}");
    assert!(
        err.to_string().len() < 300,
        "the ID is not echoed whole: {} bytes",
        err.to_string().len()
    );
    any.assert_calls(0);
}

#[test]
fn a_url_over_the_limit_is_refused_before_sending() {
    let server = MockServer::start();
    let any = catch_all(&server);
    let search = ListContacts::new().name("x".repeat(zexa::MAX_URL_BYTES));
    let err = expect_kind(client(&server).contacts().list(&search), ErrorKind::InvalidInput);
    assert_eq!(err.attempts(), 0);
    assert!(err.to_string().contains("limit of 8192"), "{err}");
    any.assert_calls(0);
}

#[test]
fn keys_that_cannot_be_sent_are_refused_at_build() {
    for (key, says) in [
        ("\u{feff}zx_live_key", "byte-order mark"),
        ("zx_live_\u{200b}key", "zero-width"),
        ("zx_live_chave_ção", "not printable ASCII"),
        ("zx_live key", "whitespace"),
    ] {
        let err = Client::builder(key).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{key:?}");
        assert!(err.to_string().contains(says), "{key:?}: {err}");
        assert!(
            !err.to_string().contains("zx_live"),
            "the key is not echoed: {err}"
        );
    }
    let huge = "k".repeat(128 * 1024);
    let err = Client::builder(&huge).build().unwrap_err();
    assert!(err.to_string().contains("limit of 1024"), "{err}");
    assert!(err.to_string().len() < 200);
}

#[test]
fn app_info_that_cannot_be_a_header_is_refused_at_build() {
    let err = Client::builder(KEY)
        .app_info(&"a".repeat(128 * 1024), "1")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("limit of 256"), "{err}");
    let err = Client::builder(KEY)
        .app_info("faturação", "1")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("printable ASCII"), "{err}");
    assert!(Client::builder(KEY)
        .app_info("billing service", "2.1")
        .build()
        .is_ok());
}

#[test]
fn a_proxy_that_refuses_connect_is_not_asked_again() {
    let proxy = RawServer::start(|mut s| {
        let _ = read_request(&mut s);
        let _ = s.write_all(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    });
    let client = Client::builder(KEY)
        .base_url("https://api.zexa.invalid/v1")
        .proxy(format!("http://{}", proxy.addr))
        .max_retries(3)
        .retry_backoff(BACKOFF.0, BACKOFF.1)
        .build()
        .unwrap();
    let err = client.credits().get().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    assert_eq!(err.attempts(), 1, "{err}");
    assert!(!err.may_have_executed());
    assert_eq!(proxy.accepted(), 1, "one CONNECT, no retry");
    assert_redacted(&err);
}

#[test]
fn a_huge_phone_makes_a_short_message() {
    let phone = "9".repeat(1 << 20);
    let err = zexa::to_e164(&phone, Some("244")).unwrap_err();
    assert!(err.to_string().len() < 300, "{} bytes", err.to_string().len());
    let err = Client::builder(KEY)
        .build()
        .unwrap()
        .contacts()
        .create(&zexa::CreateContact::new("Maria", phone))
        .unwrap_err();
    assert!(err.to_string().len() < 300, "{} bytes", err.to_string().len());
}
