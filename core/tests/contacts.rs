//! Contacts endpoints: requests on the wire and decoding of the documented examples.
mod common;

use std::collections::BTreeMap;

use common::*;
use httpmock::Method::{DELETE, GET, POST, PUT};
use httpmock::MockServer;
use serde_json::json;
use zexa::{Channel, CreateContact, ListContacts, UpdateContact};

#[test]
fn create_sends_only_set_fields_and_decodes_the_201_example() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts",
            json!({"name": "Maria Santos", "phone": "+244912345678", "email": "maria@example.com",
                   "lists": ["lst_abc123"]}),
        );
        json(then, 201, maria());
    });
    let contact = client(&server)
        .contacts()
        .create(
            &CreateContact::new("Maria Santos", "+244912345678")
                .email("maria@example.com")
                .lists(vec!["lst_abc123".to_owned()]),
        )
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(contact.id, "cnt_def456");
    assert_eq!(contact.name, "Maria Santos");
    assert_eq!(contact.phone, "+244912345678");
    assert_eq!(contact.email.as_deref(), Some("maria@example.com"));
    assert_eq!(contact.lists, Some(vec!["lst_abc123".to_owned()]));
    assert_eq!(contact.created_at, "2026-06-24T10:00:00Z");
    assert_eq!(contact.custom_fields, None);
    assert!(contact.extra.is_empty());
}

#[test]
fn create_with_required_fields_only_omits_the_rest() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts",
            json!({"name": "João", "phone": "+244923456789"}),
        );
        json(then, 201, contact("cnt_1"));
    });
    client(&server)
        .contacts()
        .create(&CreateContact::new("João", "+244923456789"))
        .unwrap();
    mock.assert_calls(1);
}

#[test]
fn create_sends_custom_fields_as_an_object() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts",
            json!({"name": "Ana", "phone": "+351912345678", "custom_fields": {"city": "Luanda", "tier": "gold"}}),
        );
        json(then, 201, json!({"id": "cnt_2", "name": "Ana", "phone": "+351912345678",
            "custom_fields": {"city": "Luanda", "tier": "gold"}, "created_at": "2026-06-24T10:00:00Z"}));
    });
    let c = client(&server)
        .contacts()
        .create(
            &CreateContact::new("Ana", "+351912345678")
                .custom_field("city", "Luanda")
                .custom_field("tier", "gold"),
        )
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(c.custom_fields.unwrap()["tier"], "gold");
}

#[test]
fn get_decodes_a_contact_with_every_optional_field() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/contacts/cnt_def456");
        json(
            then,
            200,
            json!({"id": "cnt_def456", "name": "Maria Santos", "phone": "+244912345678",
            "email": null, "lists": ["lst_a"], "custom_fields": {"k": "v"}, "gender": "female",
            "valid": true, "created_at": "2026-06-24T10:00:00Z", "score": 7}),
        );
    });
    let c = client(&server).contacts().get("cnt_def456").unwrap();
    mock.assert_calls(1);
    assert_eq!(c.email, None);
    assert_eq!(c.gender.as_deref(), Some("female"));
    assert_eq!(c.valid, Some(true));
    assert_eq!(c.extra["score"], json!(7));
}

#[test]
fn update_puts_only_the_changed_fields() {
    let server = MockServer::start();
    let mut map = BTreeMap::new();
    map.insert("city".to_owned(), "Benguela".to_owned());
    let mock = server.mock(|when, then| {
        json_req(
            when,
            PUT,
            "/contacts/cnt_def456",
            json!({"email": "m@example.ao", "custom_fields": {"city": "Benguela"}}),
        );
        json(then, 200, maria());
    });
    let c = client(&server)
        .contacts()
        .update(
            "cnt_def456",
            &UpdateContact::new().email("m@example.ao").custom_fields(map),
        )
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(c.id, "cnt_def456");
}

#[test]
fn update_with_name_phone_and_lists() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            PUT,
            "/contacts/cnt_1",
            json!({"name": "New", "phone": "+14155550100", "lists": []}),
        );
        json(then, 200, contact("cnt_1"));
    });
    client(&server)
        .contacts()
        .update(
            "cnt_1",
            &UpdateContact::new()
                .name("New")
                .phone("+14155550100")
                .lists(Vec::<String>::new()),
        )
        .unwrap();
    mock.assert_calls(1);
}

#[test]
fn delete_one_accepts_204() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, DELETE, "/contacts/cnt_def456");
        then.status(204);
    });
    client(&server).contacts().delete("cnt_def456").unwrap();
    mock.assert_calls(1);
}

#[test]
fn delete_many_sends_ids_in_a_json_body() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(when, DELETE, "/contacts", json!({"ids": ["cnt_1", "cnt_2"]}));
        then.status(204);
    });
    client(&server)
        .contacts()
        .delete_many(&["cnt_1", "cnt_2"])
        .unwrap();
    mock.assert_calls(1);
}

#[test]
fn list_without_filters_sends_default_paging_and_decodes_the_documented_page() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        query_exact(req(when, GET, "/contacts"), &[("page", "1"), ("per_page", "50")]);
        json(
            then,
            200,
            json!({
                "data": [
                    {"id": "cnt_def456", "name": "Maria Santos", "phone": "+244912345678",
                     "email": "maria@example.com", "created_at": "2026-06-24T10:00:00Z"},
                    {"id": "cnt_ghi789", "name": "João Ferreira", "phone": "+244923456789",
                     "email": "joao@example.com", "created_at": "2026-06-23T14:30:00Z"}
                ],
                "meta": {"total": 128, "page": 1, "per_page": 25}
            }),
        );
    });
    let page = client(&server).contacts().list(&ListContacts::new()).unwrap();
    mock.assert_calls(1);
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.data[1].name, "João Ferreira");
    assert_eq!(page.data[1].lists, None);
    assert_eq!((page.total, page.page, page.per_page), (128, 1, 25));
    assert!(page.has_next_page());
    assert_eq!(page.total_pages(), 6);
}

#[test]
fn list_sends_every_filter_encoded() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts"),
            &[
                ("list_id", "lst_abc123"),
                ("name", "Maria & João"),
                ("phone", "+244912345678"),
                ("email", "maria@example.com"),
                ("gender", "female"),
                ("valid", "true"),
                ("channel", "whatsapp"),
                ("page", "3"),
                ("per_page", "25"),
            ],
        )
        .header_missing("content-type");
        json(then, 200, page(vec![], 0, 3, 25));
    });
    let params = ListContacts::new()
        .list_id("lst_abc123")
        .name("Maria & João")
        .phone("+244912345678")
        .email("maria@example.com")
        .gender("female")
        .valid(true)
        .channel(Channel::Whatsapp)
        .page(3u32)
        .per_page(25u32);
    let page = client(&server).contacts().list(&params).unwrap();
    mock.assert_calls(1);
    assert!(page.data.is_empty());
    assert!(!page.has_next_page());
}

#[test]
fn list_encodes_valid_false() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts"),
            &[("valid", "false"), ("page", "1"), ("per_page", "100")],
        );
        json(then, 200, page(vec![contact("cnt_1")], 1, 1, 100));
    });
    let page = client(&server)
        .contacts()
        .list(&ListContacts::new().valid(false).per_page(100u32))
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(page.data[0].id, "cnt_1");
}

#[test]
fn iter_keeps_the_filters_on_every_page() {
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts"),
            &[("list_id", "lst_1"), ("page", "1"), ("per_page", "2")],
        );
        json(then, 200, page(vec![contact("cnt_1"), contact("cnt_2")], 3, 1, 2));
    });
    let p2 = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts"),
            &[("list_id", "lst_1"), ("page", "2"), ("per_page", "2")],
        );
        json(then, 200, page(vec![contact("cnt_3")], 3, 2, 2));
    });
    let ids: Vec<String> = client(&server)
        .contacts()
        .iter(&ListContacts::new().list_id("lst_1").per_page(2u32))
        .map(|c| c.unwrap().id)
        .collect();
    assert_eq!(ids, ["cnt_1", "cnt_2", "cnt_3"]);
    p1.assert_calls(1);
    p2.assert_calls(1);
}
