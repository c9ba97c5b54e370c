//! The retry policy on the wire: what is sent again, how often, and what is never resent.
mod common;

use std::time::{Duration, Instant};

use common::*;
use httpmock::Method::{DELETE, GET, POST, PUT};
use httpmock::MockServer;
use serde_json::json;
use zexa::{Channel, Client, CreateContact, ErrorKind, SendMessage, UpdateContact};

fn sms() -> SendMessage {
    SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "Olá")
}

#[test]
fn get_500_then_200_succeeds_on_the_second_attempt() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        sequence(
            then,
            vec![
                step(500, api_error("internal_error", "boom")),
                step(200, json!({"balance": 10, "currency": "AOA"})),
            ],
        );
    });
    let credits = client(&server).credits().get().unwrap();
    assert_eq!(credits.balance, 10.0);
    mock.assert_calls(2);
}

#[test]
fn a_decode_error_after_a_retry_counts_both_attempts() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        let garbage = Step {
            status: 200,
            headers: Vec::new(),
            body: "<html>not json</html>".into(),
        };
        sequence(
            then,
            vec![step(500, api_error("internal_error", "boom")), garbage],
        );
    });
    let err = client(&server).credits().get().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.attempts(), 2);
    mock.assert_calls(2);
}

#[test]
fn put_and_delete_are_retried_on_5xx() {
    let server = MockServer::start();
    let put = server.mock(|when, then| {
        json_req(when, PUT, "/contacts/cnt_1", json!({"name": "New"}));
        sequence(then, vec![step(503, json!(null)), step(200, contact("cnt_1"))]);
    });
    let delete = server.mock(|when, then| {
        bare(when, DELETE, "/contacts/cnt_1");
        sequence(
            then,
            vec![
                step(502, json!(null)),
                step(504, json!(null)),
                step(204, json!(null)),
            ],
        );
    });
    let c = client(&server);
    c.contacts()
        .update("cnt_1", &UpdateContact::new().name("New"))
        .unwrap();
    c.contacts().delete("cnt_1").unwrap();
    put.assert_calls(2);
    delete.assert_calls(3);
}

#[test]
fn post_message_answered_500_is_sent_exactly_once() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        req(when, POST, "/messages");
        json(then, 500, api_error("internal_error", "boom"));
    });
    let err = expect_kind(client(&server).messages().send(&sms()), ErrorKind::Server);
    assert_eq!(err.attempts(), 1);
    assert_eq!(api(&err).attempts, 1);
    mock.assert_calls(1);
}

#[test]
fn post_contact_answered_500_or_503_is_sent_exactly_once() {
    for status in [500, 503] {
        let server = MockServer::start();
        let mock = server.mock(|when, then| {
            req(when, POST, "/contacts");
            then.status(status);
        });
        let err = expect_kind(
            client(&server)
                .contacts()
                .create(&CreateContact::new("A", "+244912345678")),
            ErrorKind::Server,
        );
        assert_eq!(err.attempts(), 1);
        mock.assert_calls(1);
    }
}

#[test]
fn post_on_a_connection_closed_after_the_request_is_sent_once() {
    let raw = closing_server();
    let c = builder_at(&raw.base_url()).build().unwrap();
    let err = expect_kind(c.messages().send(&sms()), ErrorKind::Transport);
    assert_eq!(err.attempts(), 1);
    assert_eq!(
        raw.accepted(),
        1,
        "a POST that may have arrived must not be resent"
    );
}

#[test]
fn get_on_a_connection_closed_after_the_request_is_retried() {
    let raw = closing_server();
    let c = builder_at(&raw.base_url()).build().unwrap();
    let err = expect_kind(c.credits().get(), ErrorKind::Transport);
    assert_eq!(err.attempts(), 3);
    assert_eq!(raw.accepted(), 3);
}

#[test]
fn post_to_a_refused_port_is_retried_and_reports_every_attempt() {
    let c = builder_at(&refused_base_url()).max_retries(3).build().unwrap();
    let err = expect_kind(c.messages().send(&sms()), ErrorKind::Transport);
    assert_eq!(err.attempts(), 4);
    let c = builder_at(&refused_base_url()).build().unwrap();
    let err = expect_kind(c.messages().send(&sms()), ErrorKind::Transport);
    assert_eq!(err.attempts(), c.max_retries() + 1);
}

#[test]
fn post_timing_out_is_not_resent_but_get_is() {
    let raw = silent_server();
    let c = builder_at(&raw.base_url())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = expect_kind(c.messages().send(&sms()), ErrorKind::Timeout);
    assert_eq!(err.attempts(), 1);
    assert_eq!(raw.accepted(), 1);
    let err = expect_kind(c.with_max_retries(1).credits().get(), ErrorKind::Timeout);
    assert_eq!(err.attempts(), 2);
    assert_eq!(raw.accepted(), 3);
}

#[test]
fn rate_limited_get_waits_retry_after_then_succeeds() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        sequence(
            then,
            vec![
                step(429, api_error("rate_limit_exceeded", "slow down")).header("Retry-After", "1"),
                step(200, json!({"balance": 1, "currency": "AOA"})),
            ],
        );
    });
    let started = Instant::now();
    client(&server).credits().get().unwrap();
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(900), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    mock.assert_calls(2);
}

#[test]
fn rate_limited_post_is_retried_because_it_was_not_processed() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        req(when, POST, "/messages");
        sequence(
            then,
            vec![
                step(429, api_error("rate_limit_exceeded", "slow down")).header("Retry-After", "0"),
                step(
                    201,
                    json!({"id": "msg_1", "status": "queued", "channel": "sms",
                    "to": "+244912345678", "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z"}),
                ),
            ],
        );
    });
    let m = client(&server).messages().send(&sms()).unwrap();
    assert_eq!(m.id, "msg_1");
    mock.assert_calls(2);
}

#[test]
fn retry_after_beyond_the_cap_returns_at_once() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 429, api_error("rate_limit_exceeded", "come back later")).header("Retry-After", "120");
    });
    let started = Instant::now();
    let err = expect_kind(client(&server).credits().get(), ErrorKind::RateLimited);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(api(&err).retry_after, Some(Duration::from_secs(120)));
    assert_eq!(err.attempts(), 1);
    mock.assert_calls(1);
}

#[test]
fn max_retries_zero_means_one_attempt() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        then.status(500);
    });
    let c = builder(&server).max_retries(0).build().unwrap();
    assert_eq!(c.max_retries(), 0);
    let err = expect_kind(c.credits().get(), ErrorKind::Server);
    assert_eq!(err.attempts(), 1);
    mock.assert_calls(1);
}

#[test]
fn spent_retries_return_the_last_error() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        sequence(
            then,
            vec![
                step(500, api_error("internal_error", "first")),
                step(502, api_error("bad_gateway", "second")),
                step(503, api_error("unavailable", "third")),
            ],
        );
    });
    let err = expect_kind(client(&server).credits().get(), ErrorKind::Server);
    let api = api(&err);
    assert_eq!(
        (api.status, api.code.as_str(), api.message.as_str()),
        (503, "unavailable", "third")
    );
    assert_eq!(api.attempts, 3);
    assert!(err.to_string().contains("after 3 attempts"), "{err}");
    mock.assert_calls(3);
}

#[test]
fn a_4xx_is_never_retried() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/contacts/cnt_1");
        json(then, 404, api_error("not_found", "nope"));
    });
    expect_kind(client(&server).contacts().get("cnt_1"), ErrorKind::NotFound);
    mock.assert_calls(1);
}

#[test]
fn derived_clients_share_settings_but_change_the_budget() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        then.status(500);
    });
    let c: Client = client(&server);
    let more = c.with_max_retries(4);
    assert_eq!(more.max_retries(), 4);
    assert_eq!(more.base_url(), c.base_url());
    let err = expect_kind(more.credits().get(), ErrorKind::Server);
    assert_eq!(err.attempts(), 5);
    mock.assert_calls(5);
}
