//! The inbox page is served from the binary, loads only its own files, and its feed holds
//! what the page shows.

mod common;

use common::{fast, start};
use serde_json::json;

#[test]
fn the_page_and_its_assets_are_embedded_and_self_contained() {
    let c = start(fast());
    let page = c.admin_get("/");
    assert_eq!(page.status, 200);
    assert!(page.content_type.as_deref().unwrap().starts_with("text/html"));
    assert!(page.text.contains("<html lang=\"en\">"));
    for asset in ["/_sandbox/inbox/inbox.css", "/_sandbox/inbox/inbox.js"] {
        assert!(page.text.contains(asset), "the page links {asset}");
        let r = c.admin_get(asset);
        assert_eq!(r.status, 200, "{asset}");
        assert!(
            !r.text.contains("http://") && !r.text.contains("https://"),
            "{asset} loads nothing remote"
        );
    }
    assert!(!page.text.contains("https://"), "no CDN");
    assert_eq!(c.sandbox.inbox_url(), format!("http://{}/", c.sandbox.addr()));
}

#[test]
fn the_overview_feed_is_one_consistent_snapshot() {
    let c = start(fast());
    let lid = c.post("/contacts/list", &json!({"name": "L"})).json["id"].clone();
    c.post(
        "/contacts",
        &json!({"name": "Maria", "phone": "+244912345678", "lists": [lid]}),
    );
    c.post(
        "/messages",
        &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "Olá"}),
    );
    c.post(
        "/campaigns",
        &json!({"name": "C", "channel": "sms", "contact_list_id": lid, "sender_id": "ZEXA", "body": "b"}),
    );
    let v = c.admin_get("/_sandbox/overview").json;
    assert_eq!(v["messages"].as_array().unwrap().len(), 2, "{v}");
    assert_eq!(v["messages"][0]["body"], "Olá");
    assert_eq!(v["campaigns"][0]["name"], "C");
    assert_eq!(v["lists"][0]["contact_count"], 1);
    assert_eq!(v["contacts"][0]["name"], "Maria");
    assert_eq!(v["contacts_total"], 1);
    assert_eq!(v["credits"], 9998);
    assert_eq!(v["manual_clock"], false);
    assert!(v["webhook_deliveries"].as_array().unwrap().is_empty());
}
