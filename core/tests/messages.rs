//! Message endpoints.
mod common;

use common::*;
use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use serde_json::json;
use zexa::{Channel, MessageStatus, SendMessage};

#[test]
fn send_sms_uses_the_from_field_and_decodes_the_message() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/messages",
            json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "Hello!"}),
        );
        json(
            then,
            201,
            json!({"id": "msg_1", "status": "queued", "channel": "sms", "to": "+244912345678",
            "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let m = client(&server)
        .messages()
        .send(&SendMessage::text(
            Channel::Sms,
            "+244912345678",
            "ZEXA",
            "Hello!",
        ))
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(m.id, "msg_1");
    assert_eq!(m.status, MessageStatus::Queued);
    assert_eq!(m.from, "ZEXA");
    assert_eq!(m.to, "+244912345678");
    assert_eq!((m.error.clone(), m.delivered_at.clone()), (None, None));
}

#[test]
fn send_whatsapp_template_without_body() {
    let server = MockServer::start();
    let template = json!({"name": "otp", "language": "pt_PT", "parameters": ["123456"]});
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/messages",
            json!({"channel": "whatsapp", "to": "+351912345678", "from": "BRAND", "template": template.clone()}),
        );
        json(then, 201, json!({"id": "msg_2", "status": "sent", "channel": "whatsapp",
            "to": "+351912345678", "from": "BRAND", "created_at": "2026-06-24T10:00:00Z"}));
    });
    let m = client(&server)
        .messages()
        .send(&SendMessage::new(Channel::Whatsapp, "+351912345678", "BRAND").template(template.clone()))
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(m.status, MessageStatus::Sent);
}

#[test]
fn send_email_and_slack_recipients() {
    let server = MockServer::start();
    let email = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/messages",
            json!({"channel": "email", "to": "joao@example.com", "from": "news@zexa.ao", "body": "Oi"}),
        );
        json(
            then,
            201,
            json!({"id": "msg_3", "status": "queued", "channel": "email",
            "to": "joao@example.com", "from": "news@zexa.ao", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let slack = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/messages",
            json!({"channel": "slack", "to": "C0123ABC", "from": "bot", "body": "deploy done"}),
        );
        json(
            then,
            201,
            json!({"id": "msg_4", "status": "queued", "channel": "slack",
            "to": "C0123ABC", "from": "bot", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let c = client(&server);
    c.messages()
        .send(&SendMessage::text(
            Channel::Email,
            "joao@example.com",
            "news@zexa.ao",
            "Oi",
        ))
        .unwrap();
    c.messages()
        .send(&SendMessage::text(
            Channel::Slack,
            "C0123ABC",
            "bot",
            "deploy done",
        ))
        .unwrap();
    email.assert_calls(1);
    slack.assert_calls(1);
}

#[test]
fn get_decodes_delivery_status_error_and_unknown_status() {
    let server = MockServer::start();
    let failed = server.mock(|when, then| {
        bare(when, GET, "/messages/msg_1");
        json(
            then,
            200,
            json!({"id": "msg_1", "status": "failed", "channel": "sms", "to": "+244912345678",
            "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z",
            "error": {"code": "unreachable", "message": "handset off"}, "delivered_at": null}),
        );
    });
    let delivered = server.mock(|when, then| {
        bare(when, GET, "/messages/msg_2");
        json(
            then,
            200,
            json!({"id": "msg_2", "status": "delivered", "channel": "sms", "to": "+244912345678",
            "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z", "delivered_at": "2026-06-24T10:00:05Z",
            "cost": 1.5}),
        );
    });
    let unknown = server.mock(|when, then| {
        bare(when, GET, "/messages/msg_3");
        json(
            then,
            200,
            json!({"id": "msg_3", "status": "read", "channel": "whatsapp", "to": "+244912345678",
            "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let c = client(&server);
    let m1 = c.messages().get("msg_1").unwrap();
    assert_eq!(m1.status, MessageStatus::Failed);
    assert!(m1.status.is_final());
    assert_eq!(m1.error.unwrap()["code"], "unreachable");
    assert_eq!(m1.delivered_at, None);
    let m2 = c.messages().get("msg_2").unwrap();
    assert_eq!(m2.status, MessageStatus::Delivered);
    assert_eq!(m2.delivered_at.as_deref(), Some("2026-06-24T10:00:05Z"));
    assert_eq!(m2.extra["cost"], json!(1.5));
    let m3 = c.messages().get("msg_3").unwrap();
    assert_eq!(m3.status, MessageStatus::Unknown("read".into()));
    assert!(!m3.status.is_final());
    failed.assert_calls(1);
    delivered.assert_calls(1);
    unknown.assert_calls(1);
}
