//! Local validation: a bad value is an InvalidInput naming its field, and nothing is sent.
mod common;

use std::collections::BTreeMap;

use common::*;
use httpmock::MockServer;
use serde_json::json;
use zexa::{
    Channel, Client, CreateCampaign, CreateContact, CreateContactList, CreateWebhook, ErrorKind,
    ImportMapped, ImportVcard, ListContacts, ListMembership, ListParams, SendMessage, UpdateContact,
};

/// One call that must be refused, as a closure over the client.
type Call = Box<dyn Fn(&Client) -> zexa::Result<()>>;

/// Runs `calls` against a client whose server must receive nothing; each must fail locally
/// with InvalidInput on the named field.
fn refused(calls: Vec<(&str, Call)>) {
    let server = MockServer::start();
    let any = catch_all(&server);
    let c = client(&server);
    for (field, call) in calls {
        let err = call(&c).expect_err(field);
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{field}: {err:?}");
        assert_eq!(err.attempts(), 0);
        assert_redacted(&err);
        match &err {
            zexa::Error::InvalidInput { field: f, .. } => assert_eq!(f, field, "{err}"),
            other => panic!("{other:?}"),
        }
    }
    any.assert_calls(0);
}

macro_rules! call {
    ($field:expr, |$c:ident| $body:expr) => {
        (
            $field,
            Box::new(|$c: &Client| $body.map(|_| ())) as Box<dyn Fn(&Client) -> zexa::Result<()>>,
        )
    };
}

#[test]
fn contacts_are_checked_before_sending() {
    refused(vec![
        call!("phone", |c| c
            .contacts()
            .create(&CreateContact::new("Maria", "0912345678"))),
        call!("phone", |c| c
            .contacts()
            .create(&CreateContact::new("Maria", "+0912345678"))),
        call!("phone", |c| c
            .contacts()
            .create(&CreateContact::new("Maria", "+244 912 345 678"))),
        call!("name", |c| c
            .contacts()
            .create(&CreateContact::new("", "+244912345678"))),
        call!("name", |c| c
            .contacts()
            .create(&CreateContact::new("   ", "+244912345678"))),
        call!("email", |c| c.contacts().create(
            &CreateContact::new("Maria", "+244912345678").email("maria@")
        )),
        call!("phone", |c| c
            .contacts()
            .update("cnt_1", &UpdateContact::new().phone("912345678"))),
        call!("name", |c| c
            .contacts()
            .update("cnt_1", &UpdateContact::new().name(""))),
        call!("contact_id", |c| c.contacts().get("")),
        call!("contact_id", |c| c.contacts().delete("")),
        call!("contact_ids", |c| c.contacts().delete_many::<&str>(&[])),
        call!("contact_ids", |c| c.contacts().delete_many(&["cnt_1", " "])),
    ]);
}

#[test]
fn paging_parameters_are_checked() {
    refused(vec![
        call!("per_page", |c| c
            .contacts()
            .list(&ListContacts::new().per_page(0u32))),
        call!("per_page", |c| c
            .contacts()
            .list(&ListContacts::new().per_page(101u32))),
        call!("page", |c| c.contacts().list(&ListContacts::new().page(0u32))),
        call!("per_page", |c| c
            .contacts()
            .iter(&ListContacts::new().per_page(101))
            .next()
            .expect("the refusal is the first item")),
        call!("per_page", |c| c
            .campaigns()
            .list(&ListParams::new().per_page(0u32))),
        call!("page", |c| c
            .campaigns()
            .iter(&ListParams::new().page(0))
            .next()
            .expect("the refusal is the first item")),
        call!("per_page", |c| c
            .sender_ids()
            .list(&ListParams::new().per_page(101u32))),
        call!("per_page", |c| c
            .contact_lists()
            .list(&ListParams::new().per_page(101u32))),
        call!("per_page", |c| c
            .contact_lists()
            .contacts("lst_1", &ListParams::new().per_page(0u32))),
        call!("list_id", |c| c
            .contact_lists()
            .iter_contacts("", &ListParams::new())
            .next()
            .expect("the refusal is the first item")),
    ]);
}

#[test]
fn messages_are_checked_per_channel() {
    refused(vec![
        call!("to", |c| c.messages().send(&SendMessage::text(
            Channel::Sms,
            "912345678",
            "ZEXA",
            "hi"
        ))),
        call!("to", |c| c.messages().send(&SendMessage::text(
            Channel::Whatsapp,
            "0912345678",
            "ZEXA",
            "hi"
        ))),
        call!("to", |c| c.messages().send(&SendMessage::text(
            Channel::Telegram,
            "@maria",
            "ZEXA",
            "hi"
        ))),
        call!("to", |c| c.messages().send(&SendMessage::text(
            Channel::Email,
            "+244912345678",
            "news@zexa.ao",
            "hi"
        ))),
        call!("to", |c| c.messages().send(&SendMessage::text(
            Channel::Slack,
            " ",
            "bot",
            "hi"
        ))),
        call!("from", |c| c.messages().send(&SendMessage::text(
            Channel::Sms,
            "+244912345678",
            "",
            "hi"
        ))),
        call!("body", |c| c.messages().send(&SendMessage::new(
            Channel::Sms,
            "+244912345678",
            "ZEXA"
        ))),
        call!("body", |c| c.messages().send(&SendMessage::text(
            Channel::Sms,
            "+244912345678",
            "ZEXA",
            ""
        ))),
        call!("message_id", |c| c.messages().get("")),
    ]);
}

#[test]
fn campaigns_lists_imports_and_webhooks_are_checked() {
    refused(vec![
        call!("body", |c| c.campaigns().create(&CreateCampaign::new(
            "Promo",
            Channel::Sms,
            "lst_1",
            "ZEXA"
        ))),
        call!("name", |c| c.campaigns().create(
            &CreateCampaign::new("", Channel::Sms, "lst_1", "ZEXA").body("x")
        )),
        call!("contact_list_id", |c| c.campaigns().create(
            &CreateCampaign::new("Promo", Channel::Sms, "", "ZEXA").body("x")
        )),
        call!("sender_id", |c| c.campaigns().create(
            &CreateCampaign::new("Promo", Channel::Sms, "lst_1", " ").body("x")
        )),
        call!("campaign_id", |c| c.campaigns().get("")),
        call!("name", |c| c.contact_lists().create(&CreateContactList::new(""))),
        call!("list_ids", |c| c
            .contact_lists()
            .add_contacts(&ListMembership::new::<&str, &str>(&[], &["cnt_1"]))),
        call!("contact_ids", |c| c.contact_lists().remove_contacts(
            &ListMembership::new::<&str, &str>(&["lst_1"], &[])
        )),
        call!("mapping", |c| c.contacts().import_mapped(&ImportMapped::new(
            "upl_1",
            BTreeMap::<String, String>::new()
        ))),
        call!("upload_id", |c| c.contacts().import_vcard(&ImportVcard::new(""))),
        call!("filename", |c| c.contacts().upload(b"a,b", "")),
        call!("url", |c| c.webhooks().create(&CreateWebhook::new(
            "ftp://x.example.com",
            ["message.delivered"]
        ))),
        call!("url", |c| c.webhooks().create(&CreateWebhook::new(
            "http://hooks.example.com/zexa",
            ["message.delivered"]
        ))),
        call!("url", |c| c
            .webhooks()
            .create(&CreateWebhook::new("not a url", ["message.delivered"]))),
        call!("events", |c| c.webhooks().create(&CreateWebhook::new(
            "https://x.example.com",
            Vec::<zexa::WebhookEventType>::new()
        ))),
        call!("export_id", |c| c.exports().get("")),
        call!("method", |c| "TRACE"
            .parse::<zexa::Method>()
            .and_then(|m| c.request(m, "/x", &[], Some(&json!({}))))),
    ]);
}
