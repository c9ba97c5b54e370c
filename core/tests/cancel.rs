//! `CancelToken` and `total_timeout`: a call stops when told to, or when its whole budget is
//! spent, instead of sitting out every back-off and `Retry-After`.
mod common;

use std::time::{Duration, Instant};

use common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;
use zexa::{CancelToken, Channel, ErrorKind, SendMessage};

/// Runs `call` inside `token`'s scope while another thread cancels the token once `reached`
/// says the call is where it should be stopped (polled, bounded to 10 s).
fn cancelled_when<T: Send>(
    token: &CancelToken,
    reached: impl Fn() -> bool + Sync,
    call: impl FnOnce() -> T + Send,
) -> T {
    std::thread::scope(|s| {
        s.spawn(|| {
            let until = Instant::now() + Duration::from_secs(10);
            while !reached() && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(5));
            }
            token.cancel();
        });
        token.run(call)
    })
}

#[test]
fn cancelling_ends_a_retry_after_wait_at_once() {
    let server = MockServer::start();
    let limited = server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 429, api_error("rate_limit_exceeded", "slow down")).header("retry-after", "20");
    });
    let token = CancelToken::new();
    let client = client(&server);
    let started = Instant::now();
    // Cancelled once the 429 is in: the client is then in its 20 s wait.
    let err = cancelled_when(&token, || limited.calls() >= 1, || client.credits().get()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Interrupted, "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "not the 20 s Retry-After"
    );
    assert!(!err.may_have_executed(), "a GET, and a 429 is not processed");
    assert_eq!(err.attempts(), 1);
    limited.assert_calls(1);
}

#[test]
fn a_cancelled_client_sends_nothing() {
    let server = MockServer::start();
    let any = catch_all(&server);
    let token = CancelToken::new();
    token.cancel();
    let client = client(&server);
    let err = token
        .run(|| {
            client
                .messages()
                .send(&SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "x"))
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Interrupted);
    assert!(!err.may_have_executed());
    any.assert_calls(0);
}

#[test]
fn cancelling_stops_a_campaign_wait_between_polls() {
    let server = MockServer::start();
    let polled = server.mock(|when, then| {
        bare(when, GET, "/campaigns/cmp_1");
        json(
            then,
            200,
            json!({"id": "cmp_1", "name": "n", "channel": "sms", "contact_list_id": "lst_1",
                   "sender_id": "ZEXA", "status": "scheduled", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let token = CancelToken::new();
    let client = client(&server);
    // Cancelled after the first poll, during the 30 s pause before the next.
    let err = cancelled_when(
        &token,
        || polled.calls() >= 1,
        || client.campaigns().wait("cmp_1", Duration::from_secs(30), None),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Interrupted, "{err}");
    // Outside the scope, the same client is not bound to the token.
    assert!(client.campaigns().get("cmp_1").is_ok());
}

#[test]
fn the_total_timeout_bounds_retries_and_their_waits() {
    let server = MockServer::start();
    let failing = server.mock(|when, then| {
        bare(when, GET, "/credits");
        then.status(503);
    });
    let client = builder(&server)
        .max_retries(50)
        .retry_backoff(Duration::from_millis(200), Duration::from_millis(200))
        .total_timeout(Duration::from_millis(700))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.credits().get().unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "50 retries were not all made"
    );
    assert!(err.attempts() < 10, "{err}");
    assert_eq!(failing.calls(), err.attempts() as usize);
    assert_eq!(client.total_timeout(), Some(Duration::from_millis(700)));
}

#[test]
fn the_total_timeout_cuts_a_hanging_attempt() {
    let silent = silent_server();
    let client = builder_at(&silent.base_url())
        .timeout(Duration::from_secs(30))
        .total_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .messages()
        .send(&SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "x"))
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "not the 30 s attempt timeout"
    );
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(err.may_have_executed(), "the POST had left: {err}");
}

#[test]
fn a_zero_total_timeout_is_refused() {
    let err = zexa::Client::builder(KEY)
        .total_timeout(Duration::ZERO)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn a_checking_token_stops_a_call_that_waits_for_an_answer() {
    // The check runs on the calling thread while the read waits: no other thread is needed.
    let silent = silent_server();
    let client = builder_at(&silent.base_url())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let caller = std::thread::current().id();
    let started = Instant::now();
    let token = CancelToken::with_check(move || {
        assert_eq!(std::thread::current().id(), caller);
        started.elapsed() > Duration::from_millis(200)
    });
    let err = token
        .run(|| {
            client
                .messages()
                .send(&SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "x"))
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Interrupted, "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "not the 30 s timeout"
    );
    assert!(err.may_have_executed(), "the POST was on the wire: {err}");
    assert_eq!(err.attempts(), 1);
}

#[test]
fn a_token_without_a_check_leaves_reads_alone() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 200, json!({"balance": 1, "currency": "AOA"}));
    });
    let client = client(&server);
    let token = CancelToken::new();
    assert_eq!(token.run(|| client.credits().get()).unwrap().currency, "AOA");
}
