//! `max_segments` on messages and campaigns, and `campaigns().preview`.
mod common;

use common::*;
use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use serde_json::json;
use zexa::{Channel, CreateCampaign, Error, ErrorKind, SendMessage, SmsEncoding};

const PT: &str = "Informação: a sua encomenda chegou. Obrigado pela preferência, volte sempre à nossa loja!";

fn reason(err: &Error) -> (&str, &str) {
    match err {
        Error::InvalidInput { field, reason, .. } => (field, reason),
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

#[test]
fn a_message_over_max_segments_is_refused_and_nothing_is_sent() {
    let server = MockServer::start();
    let any = catch_all(&server);
    assert_eq!(PT.chars().count(), 89);
    let message = SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", PT).max_segments(1u32);
    let err = expect_kind(client(&server).messages().send(&message), ErrorKind::InvalidInput);
    let (field, reason) = reason(&err);
    assert_eq!(field, "body");
    assert!(
        reason.starts_with(
            "is 2 SMS segments in UCS-2 (89 UTF-16 units, 67 per segment), more than max_segments 1"
        ),
        "{reason}"
    );
    assert!(reason.contains(r#""ç" at character 7, "ã" at character 8, "ê" at character 56 (sms_smart_encode may make it GSM-7)"#), "{reason}");
    any.assert_calls(0);
}

#[test]
fn a_message_within_max_segments_is_sent_without_the_field() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/messages",
            json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": PT}),
        );
        json(
            then,
            201,
            json!({"id": "msg_1", "status": "queued", "channel": "sms", "to": "+244912345678",
                   "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let message = SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", PT).max_segments(2u32);
    client(&server).messages().send(&message).unwrap();
    mock.assert_calls(1);
}

#[test]
fn max_segments_only_limits_sms_bodies() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        req(when, POST, "/messages");
        json(
            then,
            201,
            json!({"id": "msg_1", "status": "queued", "channel": "whatsapp", "to": "+244912345678",
                   "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let long = PT.repeat(5);
    let message = SendMessage::text(Channel::Whatsapp, "+244912345678", "ZEXA", long).max_segments(1u32);
    client(&server).messages().send(&message).unwrap();
    mock.assert_calls(1);
}

#[test]
fn a_campaign_over_max_segments_is_refused_and_nothing_is_sent() {
    let server = MockServer::start();
    let any = catch_all(&server);
    let gsm = "a".repeat(307);
    let campaign = CreateCampaign::new("Promo", Channel::Sms, "lst_1", "ZEXA")
        .body(gsm)
        .max_segments(2u32);
    let err = expect_kind(
        client(&server).campaigns().create(&campaign),
        ErrorKind::InvalidInput,
    );
    assert_eq!(
        reason(&err),
        (
            "body",
            "is 3 SMS segments in GSM-7 (307 septets, 153 per segment), more than max_segments 2"
        )
    );
    let zero = CreateCampaign::new("Promo", Channel::Sms, "lst_1", "ZEXA")
        .body("hi")
        .max_segments(0u32);
    let err = expect_kind(client(&server).campaigns().create(&zero), ErrorKind::InvalidInput);
    assert_eq!(reason(&err).0, "max_segments");
    any.assert_calls(0);
}

#[test]
fn a_campaign_within_max_segments_is_created_without_the_field() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/campaigns",
            json!({"name": "Promo", "channel": "sms", "contact_list_id": "lst_1", "sender_id": "ZEXA",
                   "body": "a".repeat(306)}),
        );
        json(
            then,
            201,
            json!({"id": "cmp_1", "status": "processing", "name": "Promo", "channel": "sms",
                   "total_recipients": 3, "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let campaign = CreateCampaign::new("Promo", Channel::Sms, "lst_1", "ZEXA")
        .body("a".repeat(306))
        .max_segments(2u32);
    client(&server).campaigns().create(&campaign).unwrap();
    mock.assert_calls(1);
}

fn members_page(total: u64) -> serde_json::Value {
    json!({"data": [{"id": "cnt_1", "name": "Maria", "phone": "+244912345678",
                     "created_at": "2026-06-24T10:00:00Z"}],
           "meta": {"total": total, "page": 1, "per_page": 1}})
}

#[test]
fn preview_counts_recipients_with_one_page_request_and_creates_nothing() {
    let server = MockServer::start();
    let members = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts/list/lst_1/contacts"),
            &[("page", "1"), ("per_page", "1")],
        );
        json(then, 200, members_page(850));
    });
    let preview = client(&server)
        .campaigns()
        .preview("lst_1", Channel::Sms, PT)
        .unwrap();
    members.assert_calls(1);
    assert_eq!(preview.contact_list_id, "lst_1");
    assert_eq!(preview.channel, Channel::Sms);
    assert_eq!(preview.recipients, 850);
    assert_eq!(preview.segments_per_message, Some(2));
    assert_eq!(preview.total_segments, Some(1700));
    let sms = preview.sms.unwrap();
    assert_eq!(
        (sms.encoding, sms.units, sms.per_segment),
        (SmsEncoding::Ucs2, 89, 67)
    );
}

#[test]
fn preview_of_another_channel_has_no_segments() {
    let server = MockServer::start();
    let members = server.mock(|when, then| {
        req(when, GET, "/contacts/list/lst_1/contacts");
        json(then, 200, members_page(12));
    });
    let preview = client(&server)
        .campaigns()
        .preview("lst_1", Channel::Email, PT)
        .unwrap();
    members.assert_calls(1);
    assert_eq!(preview.recipients, 12);
    assert_eq!(
        (preview.sms, preview.segments_per_message, preview.total_segments),
        (None, None, None)
    );
}

#[test]
fn preview_without_a_total_is_a_decode_error() {
    let server = MockServer::start();
    server.mock(|when, then| {
        req(when, GET, "/contacts/list/lst_1/contacts");
        json(then, 200, json!({"data": []}));
    });
    expect_kind(
        client(&server).campaigns().preview("lst_1", Channel::Sms, "hi"),
        ErrorKind::Decode,
    );
}

#[test]
fn preview_refuses_empty_arguments_and_reports_an_unknown_list() {
    let server = MockServer::start();
    let missing = server.mock(|when, then| {
        req(when, GET, "/contacts/list/lst_missing/contacts");
        json(then, 404, api_error("not_found", "Contact list not found"));
    });
    let c = client(&server);
    expect_kind(
        c.campaigns().preview("", Channel::Sms, "hi"),
        ErrorKind::InvalidInput,
    );
    expect_kind(
        c.campaigns().preview("lst_1", Channel::Sms, ""),
        ErrorKind::InvalidInput,
    );
    missing.assert_calls(0);
    expect_kind(
        c.campaigns().preview("lst_missing", Channel::Sms, "hi"),
        ErrorKind::NotFound,
    );
    missing.assert_calls(1);
}

#[test]
fn preview_against_the_sandbox_matches_the_campaign() {
    let sandbox = zexa_sandbox::Sandbox::start().unwrap();
    let client = zexa::Client::builder(sandbox.api_key())
        .base_url(sandbox.base_url())
        .build()
        .unwrap();
    let list = client
        .contact_lists()
        .create(&zexa::CreateContactList::new("VIP"))
        .unwrap();
    let mut ids = Vec::new();
    for (i, name) in ["Maria", "João", "Ana"].iter().enumerate() {
        let contact = client
            .contacts()
            .create(&zexa::CreateContact::new(*name, format!("+24491234567{i}")))
            .unwrap();
        ids.push(contact.id);
    }
    client
        .contact_lists()
        .add_contacts(&zexa::ListMembership::new(&[&list.id], &ids))
        .unwrap();
    let preview = client.campaigns().preview(&list.id, Channel::Sms, PT).unwrap();
    assert_eq!((preview.recipients, preview.total_segments), (3, Some(6)));
    let campaigns_before = client.campaigns().list(&zexa::ListParams::new()).unwrap().total;
    assert_eq!(campaigns_before, 0, "the preview created nothing");
    let campaign = client
        .campaigns()
        .create(
            &CreateCampaign::new("Promo", Channel::Sms, &list.id, "ZEXA")
                .body(PT)
                .max_segments(2u32),
        )
        .unwrap();
    assert_eq!(campaign.total_recipients, preview.recipients);
}
