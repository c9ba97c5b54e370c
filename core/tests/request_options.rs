//! Per-call options (`Client::with_options`) and response metadata (`Client::with_response`).
mod common;

use std::time::{Duration, Instant};

use common::*;
use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use serde_json::json;
use zexa::{Channel, ErrorKind, ListParams, RequestOptions, SendMessage};

#[test]
fn extra_headers_and_query_reach_the_server_on_every_request_of_the_handle() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        query_exact(req(when, GET, "/credits"), &[("trace", "t1"), ("expand", "all")])
            .header("x-trace-id", "order-1234")
            .header("x-second", "2");
        json(then, 200, json!({"balance": 5, "currency": "AOA"}));
    });
    let client = client(&server);
    let options = RequestOptions::new()
        .header("X-Trace-Id", "order-1234")
        .query("trace", "t1")
        .query("expand", "all");
    let scoped = client.with_options(&options).unwrap();
    // Options add up over a handle that already has some.
    let both = scoped
        .with_options(&RequestOptions::new().header("X-Second", "2"))
        .unwrap();
    assert_eq!(both.credits().get().unwrap().balance, 5.0);
    assert_eq!(both.credits().get().unwrap().balance, 5.0);
    mock.assert_calls(2);
    // The original client is unchanged: its request has neither.
    let plain = server.mock(|when, then| {
        bare(when, GET, "/credits").header_missing("x-trace-id");
        json(then, 200, json!({"balance": 1, "currency": "AOA"}));
    });
    assert_eq!(client.credits().get().unwrap().balance, 1.0);
    plain.assert_calls(1);
}

#[test]
fn every_page_of_an_iteration_carries_the_extra_query() {
    let server = MockServer::start();
    let first = server.mock(|when, then| {
        req(when, GET, "/campaigns")
            .query_param("tag", "x")
            .query_param("page", "1");
        json(then, 200, page(vec![json!({"id": "cmp_1", "status": "draft", "name": "a", "channel": "sms", "total_recipients": 1, "created_at": "2026-01-01T00:00:00Z"})], 2, 1, 1));
    });
    let second = server.mock(|when, then| {
        req(when, GET, "/campaigns").query_param("tag", "x").query_param("page", "2");
        json(then, 200, page(vec![json!({"id": "cmp_2", "status": "draft", "name": "b", "channel": "sms", "total_recipients": 1, "created_at": "2026-01-01T00:00:00Z"})], 2, 2, 1));
    });
    let scoped = client(&server)
        .with_options(&RequestOptions::new().query("tag", "x"))
        .unwrap();
    let ids: Vec<String> = scoped
        .campaigns()
        .iter(&ListParams::new().per_page(1))
        .map(|c| c.unwrap().id)
        .collect();
    assert_eq!(ids, ["cmp_1", "cmp_2"]);
    first.assert_calls(1);
    second.assert_calls(1);
}

#[test]
fn reserved_headers_are_refused_before_anything_is_sent() {
    let server = MockServer::start();
    let any = catch_all(&server);
    let client = client(&server);
    for name in ["Authorization", "content-type", "HOST", "Transfer-Encoding"] {
        let error = client
            .with_options(&RequestOptions::new().header(name, "x"))
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{name}");
    }
    let error = client
        .with_options(&RequestOptions::new().header("X-Split", "a\r\nAuthorization: Bearer other"))
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    any.assert_calls(0);
}

#[test]
fn max_retries_per_call_overrides_the_client() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 503, api_error("unavailable", "down"));
    });
    let client = builder(&server).max_retries(3).build().unwrap();
    let error = client
        .with_options(&RequestOptions::new().max_retries(0))
        .unwrap()
        .credits()
        .get()
        .unwrap_err();
    assert_eq!(error.attempts(), 1);
    mock.assert_calls(1);
}

#[test]
fn a_per_call_timeout_and_total_timeout_bound_the_call() {
    let raw = silent_server();
    let client = builder_at(&raw.base_url()).max_retries(0).build().unwrap();
    let started = Instant::now();
    let error = client
        .with_options(&RequestOptions::new().timeout(Duration::from_millis(200)))
        .unwrap()
        .credits()
        .get()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    // The client's own timeout is 30 s: only the option can have ended it this early.
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );

    let started = Instant::now();
    let error = client
        .with_options(
            &RequestOptions::new()
                .max_retries(5)
                .total_timeout(Duration::from_millis(300)),
        )
        .unwrap()
        .credits()
        .get()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn with_response_returns_status_headers_request_id_and_attempts() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        sequence(
            then,
            vec![
                step(503, api_error("unavailable", "down")),
                step(200, json!({"balance": 7, "currency": "AOA"}))
                    .header("x-request-id", "req_meta_1")
                    .header("x-ratelimit-remaining", "99")
                    .header("x-echo", AUTH),
            ],
        );
    });
    let response = client(&server).with_response(|c| c.credits().get()).unwrap();
    mock.assert_calls(2);
    assert_eq!(response.status(), 200);
    assert_eq!(response.request_id(), Some("req_meta_1"));
    assert_eq!(response.headers().get("X-RateLimit-Remaining"), Some("99"));
    assert_eq!(response.attempts(), 2);
    assert!(response.elapsed() > Duration::ZERO);
    // A server echoing the key does not put it into the metadata.
    let shown = format!("{response:?}");
    assert!(!shown.contains(KEY), "{shown}");
    assert_eq!(response.into_value().balance, 7.0);
}

#[test]
fn with_response_of_a_post_sends_it_once_and_reports_201() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        req(when, POST, "/messages");
        json(then, 201, json!({"id": "msg_1", "status": "queued", "channel": "sms", "to": "+244912345678", "from": "ZEXA", "created_at": "2026-01-01T00:00:00Z"}));
    });
    let message = SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "Olá");
    let response = client(&server)
        .with_response(|c| c.messages().send(&message))
        .unwrap();
    assert_eq!(response.status(), 201);
    assert_eq!(response.value().id, "msg_1");
    mock.assert_calls(1);
}

#[test]
fn with_response_passes_errors_through_and_refuses_a_call_that_sent_nothing() {
    let server = MockServer::start();
    let _missing = server.mock(|when, then| {
        bare(when, GET, "/contacts/cnt_x");
        json(then, 404, api_error("not_found", "no"));
    });
    let client = client(&server);
    let error = client.with_response(|c| c.contacts().get("cnt_x")).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    let error = client.with_response(|_| Ok(1)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
}
