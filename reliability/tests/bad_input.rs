//! Bad input: every refusal is an `InvalidInput` naming the field, and sends nothing (the
//! sandbox's request counter stays put); IDs with reserved or odd characters travel as one
//! percent-encoded path segment (checked on the wire by a raw server, and by the sandbox's
//! route match); a key with CR/LF is refused at construction; huge strings end cleanly.

use std::time::{Duration, Instant};

use serde_json::json;
use zexa::{
    Channel, Client, CreateContact, CreateContactList, ErrorKind, ListContacts, ListParams, SendMessage,
    UpdateContact,
};
use zexa_reliability::{record_fault, respond_json, Admin, FaultRow, RawServer, CANARY_KEY};
use zexa_sandbox::{Sandbox, SandboxConfig};

fn sandbox() -> (Sandbox, Admin, Client) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        api_key: CANARY_KEY.to_owned(),
        ..SandboxConfig::default()
    })
    .expect("sandbox starts");
    let admin = Admin::new(sandbox.addr());
    let client = Client::builder(CANARY_KEY)
        .base_url(sandbox.base_url())
        .no_proxy()
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .build()
        .expect("client");
    (sandbox, admin, client)
}

type Case<'a> = (&'a str, &'a str, Box<dyn Fn() -> zexa::Result<()> + 'a>);

#[test]
fn local_refusals_name_the_field_and_send_nothing() {
    let (_sandbox, admin, client) = sandbox();
    let c = &client;
    let contact = |name: &str, phone: &str| CreateContact::new(name, phone);
    let with_email = |email: &str| {
        let mut x = CreateContact::new("Maria", "+244912345678");
        x.email = Some(email.to_owned());
        x
    };
    let mut cases: Vec<Case<'_>> = Vec::new();
    for phone in [
        "0912345678",
        "+0912345678",
        "+1234567890123456",
        "+244 912 345 678",
        "abc",
        "",
        "+",
    ] {
        cases.push((
            "invalid phone",
            "phone",
            Box::new(move || c.contacts().create(&contact("Maria", phone)).map(drop)),
        ));
    }
    for email in [
        "maria",
        "maria@",
        "@x.ao",
        "a b@x.ao",
        "a@b@c.ao",
        "maria@x",
        "a@x.ao\r\nBcc: y",
    ] {
        cases.push((
            "invalid email",
            "email",
            Box::new(move || c.contacts().create(&with_email(email)).map(drop)),
        ));
    }
    for name in ["", "   ", "\t\n"] {
        cases.push((
            "empty name",
            "name",
            Box::new(move || c.contacts().create(&contact(name, "+244912345678")).map(drop)),
        ));
        cases.push((
            "empty list name",
            "name",
            Box::new(move || c.contact_lists().create(&CreateContactList::new(name)).map(drop)),
        ));
    }
    for per_page in [0u32, 101, u32::MAX] {
        cases.push((
            "per_page out of 1..=100",
            "per_page",
            Box::new(move || {
                c.contacts()
                    .list(&ListContacts::new().per_page(per_page))
                    .map(drop)
            }),
        ));
        cases.push((
            "per_page out of 1..=100",
            "per_page",
            Box::new(move || {
                c.contact_lists()
                    .list(&ListParams::new().per_page(per_page))
                    .map(drop)
            }),
        ));
    }
    cases.push((
        "empty id",
        "contact_id",
        Box::new(|| c.contacts().get("").map(drop)),
    ));
    cases.push(("empty id", "contact_id", Box::new(|| c.contacts().delete(""))));
    cases.push((
        "empty id",
        "contact_id",
        Box::new(|| c.contacts().update("", &UpdateContact::new()).map(drop)),
    ));
    cases.push((
        "sms to a non-E.164 number",
        "to",
        Box::new(|| {
            c.messages()
                .send(&SendMessage::text(Channel::Sms, "912345678", "ZEXA", "x"))
                .map(drop)
        }),
    ));
    cases.push((
        "email to a phone number",
        "to",
        Box::new(|| {
            c.messages()
                .send(&SendMessage::text(
                    Channel::Email,
                    "+244912345678",
                    "noreply@zexa.ao",
                    "x",
                ))
                .map(drop)
        }),
    ));
    cases.push((
        "empty message body",
        "body",
        Box::new(|| {
            c.messages()
                .send(&SendMessage::text(Channel::Sms, "+244912345678", "ZEXA", ""))
                .map(drop)
        }),
    ));
    let count = cases.len();
    let started = Instant::now();
    for (what, field, call) in &cases {
        match call() {
            Err(zexa::Error::InvalidInput { field: f, reason, .. }) => {
                assert_eq!(&f, field, "{what}: {reason}");
                assert!(!reason.is_empty());
            }
            other => panic!("{what}: expected InvalidInput({field}), got {other:?}"),
        }
    }
    let took = started.elapsed();
    assert_eq!(admin.total(), 0, "a refused input reached the server");
    record_fault(
        "20a",
        FaultRow {
            fault: format!(
                "{count} bad inputs: phones, emails, empty names, per_page 0/101/u32::MAX, empty IDs, bad recipients"
            ),
            call: "create / list / get / send".into(),
            outcome: "`Err(InvalidInput)` naming the field, attempts 0".into(),
            reached: "0".into(),
            elapsed: took,
        },
    );
}

/// Odd IDs and the exact request target they must produce.
const IDS: &[(&str, &str)] = &[
    ("a/b", "a%2Fb"),
    ("a?b=c", "a%3Fb%3Dc"),
    ("a#frag", "a%23frag"),
    ("..", "%2E%2E"),
    ("../credits", "%2E%2E%2Fcredits"),
    (".", "%2E"),
    ("nul\0x", "nul%00x"),
    ("ção", "%C3%A7%C3%A3o"),
    ("😀", "%F0%9F%98%80"),
    ("%2F", "%252F"),
    ("a b+c", "a%20b%2Bc"),
    ("cr\r\nX-Injected: 1", "cr%0D%0AX-Injected%3A%201"),
];

#[test]
fn odd_ids_travel_as_one_encoded_segment() {
    let server =
        RawServer::start(|s, _, _| respond_json(s, 404, &json!({"error": "not_found", "message": "no"})));
    let c = Client::builder(CANARY_KEY)
        .base_url(server.base_url())
        .no_proxy()
        .build()
        .expect("client");
    let started = Instant::now();
    for (id, _) in IDS {
        let e = c.contacts().get(id).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound, "{id:?}: {e:?}");
        let e = c.contacts().delete(id).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound, "{id:?}: {e:?}");
    }
    let targets: Vec<String> = server.requests().iter().map(|r| r.target().to_owned()).collect();
    let expected: Vec<String> = IDS
        .iter()
        .flat_map(|(_, enc)| [format!("/v1/contacts/{enc}"), format!("/v1/contacts/{enc}")])
        .collect();
    assert_eq!(targets, expected);
    for r in server.requests() {
        assert!(r.header("x-injected").is_none(), "header injected through an ID");
    }
    let took = started.elapsed();

    // The sandbox routes every one of them to GET /v1/contacts/{id}: one segment each.
    let (_sandbox, admin, c) = sandbox();
    for (id, _) in IDS {
        let e = c.contacts().get(id).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound, "{id:?}: {e:?}");
    }
    assert_eq!(admin.count("GET /v1/contacts/{id}"), IDS.len() as u64);
    assert_eq!(admin.total(), IDS.len() as u64, "no request went elsewhere");
    record_fault(
        "20b",
        FaultRow {
            fault: format!(
                "{} IDs with `/ ? # .. . NUL ç 😀 %2F CR LF`, GET and DELETE",
                IDS.len()
            ),
            call: "contacts().get(id)".into(),
            outcome: "`Err(NotFound)`; path is `/v1/contacts/<one %-encoded segment>`".into(),
            reached: "1 each, at `/contacts/{id}`".into(),
            elapsed: took,
        },
    );
}

#[test]
fn a_key_or_app_info_with_control_characters_is_refused_at_construction() {
    let server = RawServer::start(|s, _, _| respond_json(s, 200, &json!({"balance": 1, "currency": "AOA"})));
    for key in [
        "zx_live\r\nX-Injected: 1",
        "zx_live\nX: 1",
        "zx_live\r",
        "zx live",
        "zx\0live",
        "zx\tlive",
        "",
        "zx\u{85}live",
    ] {
        let e = Client::builder(key)
            .base_url(server.base_url())
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{key:?}");
        assert!(
            matches!(&e, zexa::Error::InvalidInput { field, .. } if field == "api_key"),
            "{e:?}"
        );
    }
    for (name, version) in [("app\r\nX-Injected: 1", "1"), ("app", "1\n2")] {
        let r = Client::builder(CANARY_KEY)
            .base_url(server.base_url())
            .app_info(name, version)
            .build();
        assert_eq!(
            r.unwrap_err().kind(),
            ErrorKind::InvalidInput,
            "{name:?} {version:?}"
        );
    }
    assert_eq!(server.connections(), 0, "nothing was sent");
    record_fault(
        "20c",
        FaultRow {
            fault: "API key or app_info with CR/LF, NUL, TAB, space, NEL; empty key".into(),
            call: "Client::builder(key).build()".into(),
            outcome: "`Err(InvalidInput)` (field `api_key` / `app_info`)".into(),
            reached: "0".into(),
            elapsed: Duration::ZERO,
        },
    );
}

#[test]
fn huge_strings_end_cleanly() {
    let (_sandbox, admin, c) = sandbox();
    let name = "M".repeat(1024 * 1024);
    let started = Instant::now();
    let r = c
        .contacts()
        .create(&CreateContact::new(name.clone(), "+244912345678"));
    let took = started.elapsed();
    match &r {
        Ok(contact) => assert_eq!(contact.name.len(), name.len()),
        Err(e) => assert!(e.api().is_some(), "a clean API answer, not {e:?}"),
    }
    assert_eq!(admin.count("POST /v1/contacts"), 1);
    record_fault(
        "20d",
        FaultRow {
            fault: "1 MiB contact name".into(),
            call: "contacts().create".into(),
            outcome: zexa_reliability::describe(&r),
            reached: "1".into(),
            elapsed: took,
        },
    );

    // A 1 MiB ID could never be sent (no server takes a 1 MiB request line): refused before
    // sending, with a bounded message, nothing retried.
    let id = "x".repeat(1024 * 1024);
    let started = Instant::now();
    let r = c.contacts().get(&id);
    let took = started.elapsed();
    let e = r.as_ref().expect_err("refused");
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e:?}");
    assert_eq!(e.attempts(), 0);
    assert!(e.to_string().len() < 300);
    assert_eq!(admin.count("GET /v1/contacts/{id}"), 0);
    record_fault(
        "20e",
        FaultRow {
            fault: "1 MiB contact ID".into(),
            call: "contacts().get".into(),
            outcome: zexa_reliability::describe(&r),
            reached: admin.count("GET /v1/contacts/{id}").to_string(),
            elapsed: took,
        },
    );
}
