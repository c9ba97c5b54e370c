//! Sender IDs, webhooks, credits, the raw `request`, `to_e164` and webhook events.
mod common;

use common::*;
use httpmock::Method::{DELETE, GET, PATCH, POST, PUT};
use httpmock::MockServer;
use serde_json::{json, Value};
use zexa::{Channel, CreateWebhook, ErrorKind, ListParams, Method, SenderIdStatus, WebhookEventType};

fn sender(id: &str, status: &str) -> Value {
    json!({"id": id, "name": "ZEXA", "channel": "sms", "status": status})
}

#[test]
fn sender_ids_list_and_iter() {
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        query_exact(req(when, GET, "/sender-ids"), &[("page", "1"), ("per_page", "2")]);
        json(
            then,
            200,
            page(
                vec![sender("sid_1", "approved"), sender("sid_2", "pending")],
                3,
                1,
                2,
            ),
        );
    });
    let p2 = server.mock(|when, then| {
        query_exact(req(when, GET, "/sender-ids"), &[("page", "2"), ("per_page", "2")]);
        json(then, 200, page(vec![sender("sid_3", "suspended")], 3, 2, 2));
    });
    let c = client(&server);
    let first = c.sender_ids().list(&ListParams::new().per_page(2u32)).unwrap();
    assert_eq!(first.data[0].status, SenderIdStatus::Approved);
    assert_eq!(first.data[0].channel, Channel::Sms);
    assert_eq!(first.data[1].status, SenderIdStatus::Pending);
    let all: Vec<_> = c
        .sender_ids()
        .iter(&ListParams::new().per_page(2u32))
        .map(|s| s.unwrap().status)
        .collect();
    assert_eq!(all[2], SenderIdStatus::Unknown("suspended".into()));
    assert_eq!(all.len(), 3);
    p1.assert_calls(2);
    p2.assert_calls(1);
}

#[test]
fn sender_ids_default_paging() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/sender-ids"),
            &[("page", "1"), ("per_page", "50")],
        );
        json(then, 200, page(vec![sender("sid_1", "rejected")], 1, 1, 50));
    });
    let p = client(&server).sender_ids().list(&ListParams::new()).unwrap();
    assert_eq!(p.data[0].status, SenderIdStatus::Rejected);
    mock.assert_calls(1);
}

#[test]
fn webhooks_create() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/webhooks",
            json!({"url": "https://hooks.example.com/zexa", "events": ["message.delivered", "campaign.completed"]}),
        );
        json(then, 201, json!({"id": "wh_1", "url": "https://hooks.example.com/zexa",
            "events": ["message.delivered", "campaign.completed"], "created_at": "2026-06-24T10:00:00Z",
            "secret": "whsec_x"}));
    });
    let w = client(&server)
        .webhooks()
        .create(&CreateWebhook::new(
            "https://hooks.example.com/zexa",
            ["message.delivered", "campaign.completed"],
        ))
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(w.id, "wh_1");
    assert_eq!(w.events.len(), 2);
    assert_eq!(w.extra["secret"], "whsec_x");
}

#[test]
fn credits_get() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 200, json!({"balance": 1234.5, "currency": "AOA"}));
    });
    let credits = client(&server).credits().get().unwrap();
    mock.assert_calls(1);
    assert_eq!(credits.balance, 1234.5);
    assert_eq!(credits.currency, "AOA");
}

#[test]
fn raw_request_get_with_query_and_post_with_body() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/reports/daily"),
            &[("day", "2026-06-24"), ("q", "a b&c")],
        )
        .header_missing("content-type");
        json(then, 200, json!({"sent": 3}));
    });
    let post = server.mock(|when, then| {
        json_req(when, POST, "/reports", json!({"kind": "weekly"}));
        json(then, 201, json!({"id": "rep_1"}));
    });
    let c = client(&server);
    let v = c
        .request(
            Method::Get,
            "/reports/daily",
            &[("day", "2026-06-24"), ("q", "a b&c")],
            None,
        )
        .unwrap();
    assert_eq!(v, json!({"sent": 3}));
    let v = c
        .request(Method::Post, "/reports", &[], Some(&json!({"kind": "weekly"})))
        .unwrap();
    assert_eq!(v["id"], "rep_1");
    get.assert_calls(1);
    post.assert_calls(1);
}

#[test]
fn raw_request_put_patch_delete_and_204_is_null() {
    let server = MockServer::start();
    let put = server.mock(|when, then| {
        json_req(when, PUT, "/things/1", json!({"a": 1}));
        json(then, 200, json!({"a": 1}));
    });
    let patch = server.mock(|when, then| {
        json_req(when, PATCH, "/things/1", json!({"b": 2}));
        json(then, 200, json!({"b": 2}));
    });
    let delete = server.mock(|when, then| {
        bare(when, DELETE, "/things/1");
        then.status(204);
    });
    let c = client(&server);
    assert_eq!(
        c.request(Method::Put, "/things/1", &[], Some(&json!({"a": 1})))
            .unwrap()["a"],
        1
    );
    assert_eq!(
        c.request(Method::Patch, "/things/1", &[], Some(&json!({"b": 2})))
            .unwrap()["b"],
        2
    );
    assert_eq!(
        c.request(Method::Delete, "/things/1", &[], None).unwrap(),
        Value::Null
    );
    put.assert_calls(1);
    patch.assert_calls(1);
    delete.assert_calls(1);
}

#[test]
fn raw_request_refuses_a_path_with_a_query_or_without_slash() {
    let server = MockServer::start();
    let any = catch_all(&server);
    let c = client(&server);
    for path in [
        "credits",
        "/credits?x=1",
        "/credits#frag",
        "/../admin",
        "/contacts/./x",
        "/contacts/%2e%2E/credits",
        "/a/..",
    ] {
        expect_kind(c.request(Method::Get, path, &[], None), ErrorKind::InvalidInput);
    }
    any.assert_calls(0);
}

#[test]
fn request_as_decodes_into_the_callers_type() {
    #[derive(serde::Deserialize)]
    struct Balance {
        balance: f64,
    }
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 200, json!({"balance": 12.5, "currency": "AOA"}));
    });
    let c = client(&server);
    let mine: Balance = c.request_as(Method::Get, "/credits", &[], None).unwrap();
    assert_eq!(mine.balance, 12.5);
    let model: zexa::Credits = c.request_as(Method::Get, "/credits", &[], None).unwrap();
    assert_eq!(model.currency, "AOA");
    let wrong = c
        .request_as::<Vec<u8>>(Method::Get, "/credits", &[], None)
        .unwrap_err();
    assert_eq!(wrong.kind(), ErrorKind::Decode);
}

#[test]
fn to_e164_documented_examples() {
    assert_eq!(
        zexa::to_e164("0912 345 678", Some("244")).unwrap(),
        "+244912345678"
    );
    assert_eq!(zexa::to_e164("912345678", Some("244")).unwrap(), "+244912345678");
    assert_eq!(zexa::to_e164("00351 912 345 678", None).unwrap(), "+351912345678");
    assert_eq!(zexa::to_e164("+1 (415) 555-0100", None).unwrap(), "+14155550100");
    assert_eq!(
        zexa::to_e164("091-234.5678", Some("+244")).unwrap(),
        "+244912345678"
    );
    let err = zexa::to_e164("0912345678", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(zexa::is_e164("+244912345678"));
    assert!(!zexa::is_e164("0912345678"));
}

#[test]
fn parse_the_documented_webhook_event() {
    let body = br#"{"id": "evt_1", "type": "message.delivered", "created_at": "2026-06-24T10:00:00Z",
        "data": {"message_id": "msg_1", "campaign_id": null, "status": "delivered", "to": "+244912345678", "error": null}}"#;
    let e = zexa::parse_webhook_event(body).unwrap();
    assert_eq!(e.id, "evt_1");
    assert_eq!(e.event_type, WebhookEventType::MessageDelivered);
    assert_eq!(e.created_at, "2026-06-24T10:00:00Z");
    assert_eq!(e.data.message_id.as_deref(), Some("msg_1"));
    assert_eq!(e.data.campaign_id, None);
    assert_eq!(e.data.status.as_deref(), Some("delivered"));
    assert_eq!(e.data.to.as_deref(), Some("+244912345678"));
    assert_eq!(e.data.error, None);
}

#[test]
fn parse_a_webhook_event_of_unknown_type_and_garbage() {
    let body = br#"{"id": "evt_2", "type": "contact.merged", "created_at": "2026-06-24T10:00:00Z",
        "data": {"contact_id": "cnt_1"}, "attempt": 2}"#;
    let e = zexa::parse_webhook_event(body).unwrap();
    assert_eq!(e.event_type, WebhookEventType::Unknown("contact.merged".into()));
    assert_eq!(e.data.extra["contact_id"], "cnt_1");
    assert_eq!(e.data.message_id, None);
    assert_eq!(e.extra["attempt"], 2);
    let err = zexa::parse_webhook_event(b"<html>nope</html>").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.to_string().contains("<html>nope</html>"), "{err}");
}

#[test]
fn webhooks_accept_plain_http_to_loopback_for_the_sandbox() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/webhooks",
            json!({"url": "http://127.0.0.1:9000/hook", "events": ["message.failed"]}),
        );
        json(
            then,
            201,
            json!({"id": "wh_2", "url": "http://127.0.0.1:9000/hook",
            "events": ["message.failed"], "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    client(&server)
        .webhooks()
        .create(&CreateWebhook::new(
            "http://127.0.0.1:9000/hook",
            ["message.failed"],
        ))
        .unwrap();
    mock.assert_calls(1);
}
