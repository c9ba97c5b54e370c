//! Every documented error status and code, error bodies that are partial or not JSON, and
//! forward-compatible decoding.
mod common;

use std::time::Duration;

use common::*;
use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use serde_json::json;
use zexa::{CreateContact, Error, ErrorKind};

/// A GET of `/contacts/cnt_1` answered with `status` and `body` (never retried: 4xx).
fn get_error(status: u16, body: serde_json::Value) -> (Error, usize) {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/contacts/cnt_1");
        json(then, status, body);
    });
    let err = client(&server).contacts().get("cnt_1").unwrap_err();
    assert_redacted(&err);
    (err, mock.calls())
}

#[test]
fn every_documented_code_maps_to_its_kind() {
    let cases = [
        (400, "invalid_request", ErrorKind::InvalidRequest),
        (401, "unauthorized", ErrorKind::Unauthorized),
        (404, "not_found", ErrorKind::NotFound),
        (409, "conflict", ErrorKind::Conflict),
        (422, "validation_error", ErrorKind::Validation),
        (422, "insufficient_credits", ErrorKind::InsufficientCredits),
    ];
    for (status, code, kind) in cases {
        let (err, hits) = get_error(status, api_error(code, "went wrong"));
        assert_eq!(err.kind(), kind, "{status} {code}");
        assert_eq!(hits, 1, "{status} is not retried");
        let api = api(&err);
        assert_eq!(api.status, status);
        assert_eq!(api.code, code);
        assert_eq!(api.message, "went wrong");
        assert_eq!(api.request_id.as_deref(), Some("req_abc123"));
        assert_eq!(api.retry_after, None);
        assert_eq!(api.attempts, 1);
        assert_eq!(err.status(), Some(status));
        let shown = err.to_string();
        assert!(
            shown.contains(&status.to_string()) && shown.contains(code),
            "{shown}"
        );
        assert!(shown.contains("req_abc123"), "{shown}");
    }
}

#[test]
fn details_are_kept() {
    let (err, _) = get_error(
        400,
        json!({"error": "invalid_request", "message": "The 'to' field must be in E.164 format.",
               "details": {"field": "to", "value": "912345678"}, "request_id": "req_abc123"}),
    );
    let api = api(&err);
    assert_eq!(api.details, Some(json!({"field": "to", "value": "912345678"})));
    assert_eq!(api.message, "The 'to' field must be in E.164 format.");
}

#[test]
fn error_body_without_details_or_request_id() {
    let (err, _) = get_error(404, json!({"error": "not_found", "message": "No contact"}));
    let api = api(&err);
    assert_eq!(api.details, None);
    assert_eq!(api.request_id, None);
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn request_id_comes_from_the_header_when_the_body_has_none() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 401, json!({"error": "unauthorized", "message": "bad key"}))
            .header("X-Request-Id", "req_hdr42");
    });
    let err = expect_kind(client(&server).credits().get(), ErrorKind::Unauthorized);
    assert_eq!(api(&err).request_id.as_deref(), Some("req_hdr42"));
}

#[test]
fn request_id_of_the_body_wins_over_the_header() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 409, api_error("conflict", "dup")).header("X-Request-Id", "req_hdr42");
    });
    let err = expect_kind(client(&server).credits().get(), ErrorKind::Conflict);
    assert_eq!(api(&err).request_id.as_deref(), Some("req_abc123"));
}

#[test]
fn rate_limited_reads_retry_after() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 429, api_error("rate_limit_exceeded", "slow down")).header("Retry-After", "120");
    });
    let err = expect_kind(client(&server).credits().get(), ErrorKind::RateLimited);
    let api = api(&err);
    assert_eq!(api.code, "rate_limit_exceeded");
    assert_eq!(api.retry_after, Some(Duration::from_secs(120)));
    mock.assert_calls(1);
}

#[test]
fn server_error_500_after_retries() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 500, api_error("internal_error", "boom"));
    });
    let err = expect_kind(client(&server).credits().get(), ErrorKind::Server);
    assert_eq!(api(&err).status, 500);
    assert_eq!(api(&err).code, "internal_error");
    assert_eq!(err.attempts(), 3);
    mock.assert_calls(3);
}

#[test]
fn html_502_gives_an_api_error_with_an_excerpt() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        then.status(502)
            .header("content-type", "text/html")
            .body("<html><head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>");
    });
    let err = expect_kind(
        builder(&server).max_retries(0).build().unwrap().credits().get(),
        ErrorKind::Server,
    );
    let api = api(&err);
    assert_eq!(api.status, 502);
    assert_eq!(api.code, "http_502");
    assert!(api.message.contains("502 Bad Gateway"), "{}", api.message);
    assert!(api.message.len() < 300);
    assert!(err.to_string().contains("502"));
}

#[test]
fn long_html_error_is_cut_to_an_excerpt() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        then.status(503)
            .body(format!("<html>{}</html>", "x".repeat(5000)));
    });
    let err = expect_kind(
        builder(&server).max_retries(0).build().unwrap().credits().get(),
        ErrorKind::Server,
    );
    assert!(
        api(&err).message.chars().count() <= 201,
        "{}",
        api(&err).message.len()
    );
}

#[test]
fn empty_error_body_still_names_the_status() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        then.status(404);
    });
    let err = expect_kind(client(&server).credits().get(), ErrorKind::NotFound);
    assert_eq!(api(&err).code, "http_404");
    assert!(api(&err).message.contains("404"), "{}", api(&err).message);
}

#[test]
fn unexpected_status_is_other_api() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 418, api_error("teapot", "short and stout"));
    });
    let err = expect_kind(client(&server).credits().get(), ErrorKind::OtherApi);
    assert_eq!(api(&err).status, 418);
}

#[test]
fn insufficient_credits_on_message_send() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        req(when, POST, "/messages");
        json(then, 422, api_error("insufficient_credits", "Not enough credits"));
    });
    let err = expect_kind(
        client(&server).messages().send(&zexa::SendMessage::text(
            zexa::Channel::Sms,
            "+244912345678",
            "ZEXA",
            "hi",
        )),
        ErrorKind::InsufficientCredits,
    );
    assert_eq!(api(&err).status, 422);
    mock.assert_calls(1);
}

#[test]
fn malformed_json_on_2xx_is_a_decode_error_with_an_excerpt() {
    let server = MockServer::start();
    server.mock(|when, then| {
        req(when, POST, "/contacts");
        then.status(201)
            .header("content-type", "application/json")
            .body("{\"id\": \"cnt_1\", oops");
    });
    let err = expect_kind(
        client(&server)
            .contacts()
            .create(&CreateContact::new("A", "+244912345678")),
        ErrorKind::Decode,
    );
    match &err {
        Error::Decode { status, excerpt, .. } => {
            assert_eq!(*status, 201);
            assert!(excerpt.contains("oops"), "{excerpt}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.status(), Some(201));
    assert!(err.to_string().contains("oops"));
}

#[test]
fn a_2xx_missing_a_required_field_is_a_decode_error() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/contacts/cnt_1");
        json(then, 200, json!({"id": "cnt_1"}));
    });
    let err = expect_kind(client(&server).contacts().get("cnt_1"), ErrorKind::Decode);
    assert!(err.to_string().contains("name"), "{err}");
}

#[test]
fn unknown_fields_are_kept_in_extra() {
    let server = MockServer::start();
    let mut body = maria();
    body["loyalty"] = json!({"points": 10});
    body["tags"] = json!(["a"]);
    server.mock(|when, then| {
        bare(when, GET, "/contacts/cnt_def456");
        json(then, 200, body);
    });
    let c = client(&server).contacts().get("cnt_def456").unwrap();
    assert_eq!(c.extra["loyalty"], json!({"points": 10}));
    assert_eq!(c.extra["tags"], json!(["a"]));
    assert_eq!(c.extra.len(), 2);
}

#[test]
fn page_without_meta_and_with_unknown_meta_fields() {
    let server = MockServer::start();
    server.mock(|when, then| {
        req(when, GET, "/contacts");
        json(
            then,
            200,
            json!({"data": [contact("cnt_1")], "meta": {"total": 1, "cursor": "abc"}}),
        );
    });
    let p = client(&server)
        .contacts()
        .list(&zexa::ListContacts::new())
        .unwrap();
    assert_eq!(p.total, 1);
    assert_eq!(p.page, 1);
    assert_eq!(p.per_page, 50);
    assert!(!p.has_next_page());
}
