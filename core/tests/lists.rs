//! Contact-list endpoints.
mod common;

use common::*;
use httpmock::Method::{DELETE, GET, POST};
use httpmock::MockServer;
use serde_json::json;
use zexa::{CreateContactList, ListMembership, ListParams};

fn list_json(id: &str) -> serde_json::Value {
    json!({"id": id, "name": format!("List {id}"), "description": null, "created_at": "2026-06-24T10:00:00Z"})
}

#[test]
fn create_with_and_without_description() {
    let server = MockServer::start();
    let full = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts/list",
            json!({"name": "VIP", "description": "Best clients"}),
        );
        json(
            then,
            201,
            json!({"id": "lst_abc123", "name": "VIP", "description": "Best clients",
            "contact_count": 0, "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let bare_name = server.mock(|when, then| {
        json_req(when, POST, "/contacts/list", json!({"name": "Plain"}));
        json(
            then,
            201,
            json!({"id": "lst_2", "name": "Plain", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let c = client(&server);
    let list = c
        .contact_lists()
        .create(&CreateContactList::new("VIP").description("Best clients"))
        .unwrap();
    assert_eq!(list.id, "lst_abc123");
    assert_eq!(list.description.as_deref(), Some("Best clients"));
    assert_eq!(list.contact_count, Some(0));
    let plain = c
        .contact_lists()
        .create(&CreateContactList::new("Plain"))
        .unwrap();
    assert_eq!(plain.description, None);
    assert_eq!(plain.contact_count, None);
    full.assert_calls(1);
    bare_name.assert_calls(1);
}

#[test]
fn list_and_iter_lists() {
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts/list"),
            &[("page", "1"), ("per_page", "2")],
        );
        json(
            then,
            200,
            page(vec![list_json("lst_1"), list_json("lst_2")], 3, 1, 2),
        );
    });
    let p2 = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts/list"),
            &[("page", "2"), ("per_page", "2")],
        );
        json(then, 200, page(vec![list_json("lst_3")], 3, 2, 2));
    });
    let c = client(&server);
    let first = c.contact_lists().list(&ListParams::new().per_page(2u32)).unwrap();
    assert_eq!(first.data.len(), 2);
    assert_eq!(first.total, 3);
    let ids: Vec<String> = c
        .contact_lists()
        .iter(&ListParams::new().per_page(2u32))
        .map(|l| l.unwrap().id)
        .collect();
    assert_eq!(ids, ["lst_1", "lst_2", "lst_3"]);
    p1.assert_calls(2);
    p2.assert_calls(1);
}

#[test]
fn add_contacts_posts_the_membership_and_accepts_200_or_204() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts/list/contacts",
            json!({"list_ids": ["lst_1"], "contact_ids": ["cnt_1", "cnt_2"]}),
        );
        sequence(then, vec![step(200, json!({"ok": true})), step(204, json!(null))]);
    });
    let c = client(&server);
    let m = ListMembership::new(&["lst_1"], &["cnt_1", "cnt_2"]);
    c.contact_lists().add_contacts(&m).unwrap();
    c.contact_lists().add_contacts(&m).unwrap();
    mock.assert_calls(2);
}

#[test]
fn remove_contacts_deletes_with_the_same_body() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            DELETE,
            "/contacts/list/contacts",
            json!({"list_ids": ["lst_1", "lst_2"], "contact_ids": ["cnt_9"]}),
        );
        then.status(204);
    });
    client(&server)
        .contact_lists()
        .remove_contacts(&ListMembership::new(&["lst_1", "lst_2"], &["cnt_9"]))
        .unwrap();
    mock.assert_calls(1);
}

#[test]
fn members_of_a_list_paged_and_iterated() {
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts/list/lst_abc123/contacts"),
            &[("page", "1"), ("per_page", "1")],
        );
        json(then, 200, page(vec![contact("cnt_1")], 2, 1, 1));
    });
    let p2 = server.mock(|when, then| {
        query_exact(
            req(when, GET, "/contacts/list/lst_abc123/contacts"),
            &[("page", "2"), ("per_page", "1")],
        );
        json(then, 200, page(vec![contact("cnt_2")], 2, 2, 1));
    });
    let c = client(&server);
    let params = ListParams::new().per_page(1u32);
    let first = c.contact_lists().contacts("lst_abc123", &params).unwrap();
    assert_eq!(first.data[0].id, "cnt_1");
    let second = first.next_page().unwrap().unwrap();
    assert_eq!(second.data[0].id, "cnt_2");
    assert!(second.next_page().unwrap().is_none());
    let all: Vec<String> = c
        .contact_lists()
        .iter_contacts("lst_abc123", &params)
        .map(|r| r.unwrap().id)
        .collect();
    assert_eq!(all, ["cnt_1", "cnt_2"]);
    p1.assert_calls(2);
    p2.assert_calls(2);
}
