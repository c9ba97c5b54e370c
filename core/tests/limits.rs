//! Response-size cap and timeouts.
mod common;

use std::time::{Duration, Instant};

use common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use zexa::{Client, Error, ErrorKind};

#[test]
fn a_body_over_the_cap_is_a_decode_error_naming_the_limit() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        then.status(200)
            .header("content-type", "application/json")
            .body(format!(
                "{{\"balance\": 1, \"currency\": \"AOA\", \"pad\": \"{}\"}}",
                "x".repeat(10 * 1024)
            ));
    });
    let c = builder(&server).max_response_bytes(1024).build().unwrap();
    let err = expect_kind(c.credits().get(), ErrorKind::Decode);
    assert!(matches!(err, Error::Decode { status: 200, .. }), "{err:?}");
    assert!(err.to_string().contains("limit"), "{err}");
    assert!(err.to_string().contains("1024"), "{err}");
    mock.assert_calls(1);
}

#[test]
fn an_error_body_over_the_cap_is_refused_too() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        then.status(404).body("y".repeat(10 * 1024));
    });
    let c = builder(&server).max_response_bytes(1024).build().unwrap();
    let err = c.credits().get().unwrap_err();
    assert_redacted(&err);
    assert!(err.to_string().contains("limit"), "{err}");
}

#[test]
fn a_body_within_the_cap_is_read() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 200, serde_json::json!({"balance": 5, "currency": "AOA"}));
    });
    let c = builder(&server).max_response_bytes(1024).build().unwrap();
    assert_eq!(c.credits().get().unwrap().currency, "AOA");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let raw = silent_server();
    let c = builder_at(&raw.base_url())
        .timeout(Duration::from_millis(300))
        .max_retries(0)
        .build()
        .unwrap();
    assert_eq!(c.timeout(), Duration::from_millis(300));
    let started = Instant::now();
    let err = expect_kind(c.credits().get(), ErrorKind::Timeout);
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(250), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    assert_eq!(err.attempts(), 1);
    assert_eq!(raw.accepted(), 1);
}

#[test]
fn a_dripping_body_cannot_stretch_the_call_past_the_timeout() {
    let raw = dripping_server();
    let c = builder_at(&raw.base_url())
        .timeout(Duration::from_millis(300))
        .max_retries(0)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = expect_kind(c.credits().get(), ErrorKind::Timeout);
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(250), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    assert_eq!(err.attempts(), 1);
}

#[test]
fn with_timeout_applies_to_a_derived_client() {
    let raw = silent_server();
    let c = builder_at(&raw.base_url()).max_retries(0).build().unwrap();
    assert_eq!(c.timeout(), zexa::DEFAULT_TIMEOUT);
    let short = c.with_timeout(Duration::from_millis(200)).unwrap();
    let started = Instant::now();
    expect_kind(short.credits().get(), ErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_zero_timeout_is_refused() {
    let err = Client::builder(KEY).timeout(Duration::ZERO).build().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let c = Client::builder(KEY).build().unwrap();
    assert_eq!(
        c.with_timeout(Duration::ZERO).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
}
