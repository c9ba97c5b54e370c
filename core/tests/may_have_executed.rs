//! `Error::may_have_executed`: false only when the request surely had no effect.
mod common;

use common::*;
use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use zexa::{Channel, Client, ErrorKind, SendMessage};

fn sms() -> SendMessage {
    SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", "Olá")
}

fn send_via(base: &str) -> zexa::Error {
    builder_at(base)
        .timeout(std::time::Duration::from_millis(300))
        .build()
        .unwrap()
        .messages()
        .send(&sms())
        .unwrap_err()
}

#[test]
fn a_send_that_may_have_arrived_says_so() {
    // Timed out after the request left: the server may have created the message.
    let silent = silent_server();
    let err = send_via(&silent.base_url());
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(err.may_have_executed(), "{err}");
    assert!(err.to_string().contains("may have taken effect"), "{err}");
    // The connection dropped after the request was read.
    let err = send_via(&closing_server().base_url());
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(err.may_have_executed(), "{err}");
}

#[test]
fn a_send_that_surely_did_not_arrive_says_so() {
    let err = send_via(&refused_base_url());
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(!err.may_have_executed(), "never connected: {err}");
    assert!(!err.to_string().contains("may have taken effect"), "{err}");
    let local = Client::builder(KEY)
        .no_proxy()
        .build()
        .unwrap()
        .messages()
        .send(&SendMessage::text(Channel::Sms, "912", "ZEXA", "x"))
        .unwrap_err();
    assert_eq!(local.kind(), ErrorKind::InvalidInput);
    assert!(!local.may_have_executed());
}

#[test]
fn answers_decide_by_status_and_method() {
    let server = MockServer::start();
    let cases = [
        (422, "validation_error", false),
        (429, "rate_limit_exceeded", false),
        (404, "not_found", false),
        (500, "internal_error", true),
        (503, "unavailable", true),
    ];
    for (status, code, effect) in cases {
        let mut mock = server.mock(|when, then| {
            req(when, POST, "/messages");
            // Retry-After beyond the cap: the 429 is returned, not waited for.
            json(then, status, api_error(code, "no")).header("retry-after", "3600");
        });
        let err = client(&server).messages().send(&sms()).unwrap_err();
        assert_eq!(err.may_have_executed(), effect, "POST answered {status}: {err}");
        assert_eq!(api(&err).may_have_executed, effect);
        mock.delete();
    }
    // A GET changes nothing, whatever the answer.
    server.mock(|when, then| {
        bare(when, GET, "/messages/msg_1");
        then.status(500);
    });
    let err = client(&server).messages().get("msg_1").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert!(!err.may_have_executed(), "{err}");
}

#[test]
fn an_unreadable_2xx_to_a_send_did_execute() {
    let server = MockServer::start();
    server.mock(|when, then| {
        req(when, POST, "/messages");
        then.status(201)
            .header("content-type", "application/json")
            .body("{not json");
    });
    let err = client(&server).messages().send(&sms()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.may_have_executed(), "the server created it: {err}");
}

#[test]
fn a_refused_connection_keeps_its_io_error_as_the_source() {
    use std::error::Error as _;
    let err = send_via(&refused_base_url());
    assert_eq!(
        err.io_kind(),
        Some(std::io::ErrorKind::ConnectionRefused),
        "{err:?}"
    );
    assert!(err.source().is_some(), "std's source() reaches it too");
    let cause = err.cause().expect("a cause");
    assert!(cause.downcast_ref::<std::io::Error>().is_some(), "{cause:?}");
    assert_eq!(ErrorKind::Transport.to_string(), "transport error");
    assert_eq!(ErrorKind::NotFound.to_string(), "not found");
}
