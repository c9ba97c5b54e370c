//! Contacts, lists, pagination and the common error answers.

mod common;

use common::{assert_error, fast, start};
use serde_json::json;
use zexa_sandbox::SandboxConfig;

#[test]
fn contact_crud_and_documented_shapes() {
    let c = start(fast());
    let list = c.post("/contacts/list", &json!({"name": "VIP", "description": "best"}));
    assert_eq!(list.status, 201, "{}", list.text);
    let lid = list.json["id"].as_str().unwrap().to_string();
    assert!(lid.starts_with("lst_"));
    assert_eq!(list.json["contact_count"], 0);
    assert_eq!(list.json["description"], "best");

    let r = c.post(
        "/contacts",
        &json!({"name": "Maria Santos", "phone": "+244912345678", "email": "maria@example.com",
                "lists": [lid], "custom_fields": {"tier": "gold"}}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    assert!(r.request_id.as_deref().unwrap().starts_with("req_"));
    let id = r.json["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("cnt_"));
    assert_eq!(r.json["name"], "Maria Santos");
    assert_eq!(r.json["phone"], "+244912345678");
    assert_eq!(r.json["email"], "maria@example.com");
    assert_eq!(r.json["lists"], json!([lid]));
    assert_eq!(r.json["custom_fields"], json!({"tier": "gold"}));
    let created = r.json["created_at"].as_str().unwrap();
    assert_eq!(created.len(), 20);
    assert!(created.ends_with('Z') && created.as_bytes()[10] == b'T');

    let got = c.get(&format!("/contacts/{id}"));
    assert_eq!(got.status, 200);
    assert_eq!(got.json, r.json);

    let upd = c.put(
        &format!("/contacts/{id}"),
        &json!({"name": "Maria S.", "gender": "female"}),
    );
    assert_eq!(upd.status, 200, "{}", upd.text);
    assert_eq!(upd.json["name"], "Maria S.");
    assert_eq!(upd.json["phone"], "+244912345678", "partial update keeps phone");
    assert_eq!(upd.json["gender"], "female");

    let lists = c.get("/contacts/list");
    assert_eq!(lists.json["data"][0]["contact_count"], 1);
    let members = c.get(&format!("/contacts/list/{lid}/contacts"));
    assert_eq!(members.json["meta"]["total"], 1);
    assert_eq!(members.json["data"][0]["id"], id.as_str());

    let del = c.delete(&format!("/contacts/{id}"), None);
    assert_eq!(del.status, 204);
    assert!(del.text.is_empty());
    assert!(del.request_id.is_some());
    assert_error(&c.get(&format!("/contacts/{id}")), 404, "not_found");
    assert_eq!(c.get("/contacts/list").json["data"][0]["contact_count"], 0);
}

#[test]
fn errors() {
    let c = start(fast());
    assert_error(&c.get_noauth("/credits"), 401, "unauthorized");
    assert_error(&c.post_raw("/contacts", "{\"name\": "), 400, "invalid_request");
    assert_error(
        &c.post("/contacts", &json!({"name": "A"})),
        400,
        "invalid_request",
    );
    assert_error(
        &c.post("/contacts", &json!({"name": 5, "phone": "+244912345678"})),
        400,
        "invalid_request",
    );
    let bad = c.post("/contacts", &json!({"name": "A", "phone": "0912345678"}));
    assert_error(&bad, 422, "validation_error");
    assert_eq!(bad.json["details"]["field"], "phone");
    assert_eq!(bad.json["details"]["value"], "0912345678");
    let bad_mail = c.post(
        "/contacts",
        &json!({"name": "A", "phone": "+244912345678", "email": "nope"}),
    );
    assert_error(&bad_mail, 422, "validation_error");
    assert_eq!(bad_mail.json["details"]["field"], "email");
    assert_error(
        &c.post(
            "/contacts",
            &json!({"name": "A", "phone": "+244912345678", "lists": ["lst_x"]}),
        ),
        404,
        "not_found",
    );
    assert_eq!(
        c.post("/contacts", &json!({"name": "A", "phone": "+244912345678"}))
            .status,
        201
    );
    let dup = c.post("/contacts", &json!({"name": "B", "phone": "+244912345678"}));
    assert_error(&dup, 409, "conflict");
    let other = c.post("/contacts", &json!({"name": "C", "phone": "+244923456789"}));
    let oid = other.json["id"].as_str().unwrap();
    assert_error(
        &c.put(&format!("/contacts/{oid}"), &json!({"phone": "+244912345678"})),
        409,
        "conflict",
    );
    assert_error(&c.get("/contacts/cnt_missing"), 404, "not_found");
    assert_error(&c.get("/no/such/route"), 404, "not_found");
    assert_error(&c.delete("/credits", None), 404, "not_found");
    // Bulk delete is all-or-nothing.
    let r = c.delete("/contacts", Some(&json!({"ids": [oid, "cnt_missing"]})));
    assert_error(&r, 404, "not_found");
    assert_eq!(r.json["details"]["ids"], json!(["cnt_missing"]));
    assert_eq!(c.get(&format!("/contacts/{oid}")).status, 200);
    assert_eq!(c.delete("/contacts", Some(&json!({"ids": [oid]}))).status, 204);
    assert_eq!(c.get("/contacts").json["meta"]["total"], 1);
}

#[test]
fn pagination_over_250_contacts() {
    let c = start(SandboxConfig {
        seed_contacts: 250,
        ..fast()
    });
    let p1 = c.get("/contacts");
    assert_eq!(p1.json["meta"], json!({"total": 250, "page": 1, "per_page": 50}));
    assert_eq!(p1.json["data"].as_array().unwrap().len(), 50);
    let last = c.get("/contacts?page=3&per_page=100");
    assert_eq!(last.json["data"].as_array().unwrap().len(), 50);
    assert_eq!(last.json["meta"]["page"], 3);
    assert_eq!(last.json["data"][49]["name"], "Contact 250");
    let beyond = c.get("/contacts?page=4&per_page=100");
    assert!(beyond.json["data"].as_array().unwrap().is_empty());
    assert_eq!(beyond.json["meta"]["total"], 250);
    let clamped = c.get("/contacts?per_page=101");
    assert_eq!(clamped.json["meta"]["per_page"], 100);
    assert_eq!(clamped.json["data"].as_array().unwrap().len(), 100);
    for bad in ["per_page=0", "per_page=-5", "per_page=abc", "page=0"] {
        assert_error(&c.get(&format!("/contacts?{bad}")), 400, "invalid_request");
    }
    // Walking every page sees every contact exactly once.
    let mut seen = std::collections::HashSet::new();
    for page in 1..=3 {
        let r = c.get(&format!("/contacts?page={page}&per_page=100"));
        for item in r.json["data"].as_array().unwrap() {
            assert!(seen.insert(item["id"].as_str().unwrap().to_string()));
        }
    }
    assert_eq!(seen.len(), 250);
}

#[test]
fn filters_and_list_membership() {
    let c = start(SandboxConfig {
        seed_contacts: 20,
        ..fast()
    });
    let r = c.get("/contacts?name=contact%201&per_page=100");
    // "Contact 1" and "Contact 10".."Contact 19".
    assert_eq!(r.json["meta"]["total"], 11);
    assert_eq!(c.get("/contacts?gender=male").json["meta"]["total"], 10);
    assert_eq!(c.get("/contacts?valid=true").json["meta"]["total"], 20);
    assert_eq!(c.get("/contacts?valid=false").json["meta"]["total"], 0);
    assert_error(&c.get("/contacts?valid=maybe"), 400, "invalid_request");
    let one = c.get("/contacts?phone=%2B244900000003");
    assert_eq!(one.json["meta"]["total"], 1);
    assert_eq!(one.json["data"][0]["name"], "Contact 3");
    assert_eq!(
        c.get("/contacts?email=contact4@example.com").json["meta"]["total"],
        1
    );
    let no_mail = c.post("/contacts", &json!({"name": "Zed", "phone": "+351912345678"}));
    assert_eq!(no_mail.status, 201);
    assert_eq!(c.get("/contacts?channel=email").json["meta"]["total"], 20);
    assert_eq!(c.get("/contacts?channel=sms").json["meta"]["total"], 21);

    let lid = c.post("/contacts/list", &json!({"name": "L"})).json["id"]
        .as_str()
        .unwrap()
        .to_string();
    let ids: Vec<String> = c.get("/contacts?per_page=3").json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    let add = c.post(
        "/contacts/list/contacts",
        &json!({"list_ids": [lid], "contact_ids": ids}),
    );
    assert_eq!(add.status, 204, "{}", add.text);
    assert_eq!(
        c.get(&format!("/contacts?list_id={lid}")).json["meta"]["total"],
        3
    );
    assert_eq!(
        c.get(&format!("/contacts?list_id={lid}&gender=male")).json["meta"]["total"],
        1
    );
    let rm = c.delete(
        "/contacts/list/contacts",
        Some(&json!({"list_ids": [lid], "contact_ids": [ids[0]]})),
    );
    assert_eq!(rm.status, 204);
    let members = c.get(&format!("/contacts/list/{lid}/contacts"));
    assert_eq!(members.json["meta"]["total"], 2);
    assert_eq!(members.json["data"][0]["id"], ids[1].as_str());
    assert_error(
        &c.post(
            "/contacts/list/contacts",
            &json!({"list_ids": ["lst_nope"], "contact_ids": ids}),
        ),
        404,
        "not_found",
    );
    assert_error(&c.get("/contacts/list/lst_nope/contacts"), 404, "not_found");
}
