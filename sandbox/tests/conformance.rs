//! Regression tests of the deviations from the API contract found by the independent check
//! of issue 17, and of the parsing that libraries now do (query strings, JSON bodies,
//! multipart, CSV, the command line).

mod common;

use std::process::Command;

use common::{assert_error, fast, start, Client};
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_zexa-sandbox");

fn list_with_one(c: &Client) -> String {
    let lid = c.post("/contacts/list", &json!({"name": "One"})).json["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = c.post(
        "/contacts",
        &json!({"name": "Maria", "phone": "+244912345678", "lists": [lid]}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    lid
}

fn campaign(lid: &str, scheduled_at: &str) -> Value {
    json!({"name": "C", "channel": "sms", "contact_list_id": lid, "sender_id": "ZEXA",
           "body": "hi", "scheduled_at": scheduled_at})
}

#[test]
fn malformed_webhook_urls_are_validation_errors() {
    let c = start(fast());
    for url in [
        "https://exa mple.com/hook",
        "https://\u{1}/hook",
        "https://\u{84}",
        "https://",
    ] {
        let r = c.post("/webhooks", &json!({"url": url, "events": ["message.delivered"]}));
        assert_error(&r, 422, "validation_error");
        assert_eq!(r.json["details"]["field"], "url", "{url:?}: {}", r.text);
    }
    assert_eq!(c.get("/webhooks").json["meta"]["total"], 0, "nothing was stored");
    let ok = c.post(
        "/webhooks",
        &json!({"url": "https://example.com/hook", "events": ["message.delivered"]}),
    );
    assert_eq!(ok.status, 201, "{}", ok.text);
    assert_eq!(ok.json["url"], "https://example.com/hook");
}

#[test]
fn impossible_scheduled_at_values_are_validation_errors() {
    let c = start(fast());
    let lid = list_with_one(&c);
    for when in [
        "2031-02-29T10:00:00Z",
        "2030-02-30T08:00:00Z",
        "2030-07-01T08:00:60Z",
        "2030-13-01T08:00:00Z",
        "2030-07-01 08:00",
        "tomorrow",
    ] {
        let r = c.post("/campaigns", &campaign(&lid, when));
        assert_error(&r, 422, "validation_error");
        assert_eq!(r.json["details"]["field"], "scheduled_at", "{when}: {}", r.text);
        assert_eq!(r.json["details"]["value"], when);
    }
    assert_eq!(c.get("/campaigns").json["meta"]["total"], 0, "none was created");
    assert_eq!(c.credits(), 10_000.0, "nothing was debited");
}

#[test]
fn an_instant_before_1970_is_valid_and_starts_the_campaign_now() {
    let c = start(fast());
    let lid = list_with_one(&c);
    let r = c.post("/campaigns", &campaign(&lid, "1969-07-20T20:17:40Z"));
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.json["status"], "processing");
    assert_eq!(r.json["scheduled_at"], Value::Null, "it was not scheduled");
    let id = r.json["id"].as_str().unwrap();
    c.poll(&format!("/campaigns/{id}"), 10, |v| v["status"] == "completed");
    // A future instant with an offset is kept, converted to UTC.
    let s = c.post("/campaigns", &campaign(&lid, "2099-01-01T01:00:00+01:00"));
    assert_eq!(s.status, 201, "{}", s.text);
    assert_eq!(s.json["status"], "scheduled");
    assert_eq!(s.json["scheduled_at"], "2099-01-01T00:00:00Z");
}

#[test]
fn bodies_and_queries_errors_keep_the_api_shape() {
    let c = start(fast());
    assert_error(&c.post_raw("/contacts", "{not json"), 400, "invalid_request");
    assert_error(&c.post_raw("/contacts", ""), 400, "invalid_request");
    assert_error(&c.post_raw("/contacts", "[1, 2]"), 400, "invalid_request");
    let r = c.post("/contacts", &json!({"name": 5, "phone": "+244912345678"}));
    assert_error(&r, 400, "invalid_request");
    assert_eq!(r.json["details"]["field"], "name");
    let r = c.post("/contacts", &json!({"phone": "+244912345678"}));
    assert_error(&r, 400, "invalid_request");
    assert_eq!(r.json["details"]["field"], "name");
    for q in ["page=0", "page=-1", "per_page=abc", "page=1&page=2"] {
        assert_error(&c.get(&format!("/contacts?{q}")), 400, "invalid_request");
    }
    let r = c.get("/contacts?page=x");
    assert_eq!(r.json["details"], json!({"field": "page", "value": "x"}));
    // Percent-encoded query values are decoded by the extractor.
    c.post("/contacts", &json!({"name": "Ana Sá", "phone": "+244912345670"}));
    let r = c.get("/contacts?name=ana%20s%C3%A1");
    assert_eq!(r.json["meta"]["total"], 1, "{}", r.text);
}

#[test]
fn multipart_and_csv_edge_cases() {
    let c = start(fast());
    // Not multipart at all.
    assert_error(&c.post_raw("/contacts/upload", "{}"), 400, "invalid_request");
    // Quoted separators and newlines, doubled quotes, `;` files and a BOM, via the csv crate.
    let r = c.upload(
        "/contacts/upload",
        "c.csv",
        "\u{feff}name;phone\n\"Santos; Maria\";+244912345678\n\"line\nbreak \"\"q\"\"\";+244912345679\n",
    );
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["columns"], json!(["name", "phone"]));
    assert_eq!(
        r.json["rows"],
        json!([
            ["Santos; Maria", "+244912345678"],
            ["line\nbreak \"q\"", "+244912345679"]
        ])
    );
    let upload = c.upload("/contacts/upload", "c.csv", "phone\n+244912345678\n");
    let r = c.post(
        "/contacts/mapped/file",
        &json!({"upload_id": upload.json["upload_id"], "mapping": {"phone": "phone"}}),
    );
    assert_eq!(r.json["imported"], 1, "{}", r.text);
}

#[test]
fn exported_csv_quotes_with_the_csv_crate() {
    let c = start(fast());
    c.post(
        "/contacts",
        &json!({"name": "Santos, \"Maria\"", "phone": "+244912345678"}),
    );
    let e = c.post("/exports/contacts", &json!({}));
    let id = e.json["id"].as_str().unwrap().to_string();
    let done = c.poll(&format!("/exports/{id}"), 10, |v| v["status"] == "completed");
    let csv = c.get_abs(done["download_url"].as_str().unwrap()).text;
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("id,name,phone,email"));
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",\"Santos, \"\"Maria\"\"\",+244912345678,"),
        "{csv}"
    );
}

#[test]
fn command_line_has_help_and_checks_values() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--addr",
        "--api-key",
        "--credits",
        "--sender-id",
        "--seed-contacts",
        "--rate-limit",
        "--delivery-ms",
        "--failure-rate",
        "--seed",
        "--latency-ms",
        "--manual-clock",
    ] {
        assert!(text.contains(flag), "--help lists {flag}: {text}");
    }
    for bad in [
        &["--failure-rate", "1.5"][..],
        &["--delivery-ms", "-3"],
        &["--addr", "nowhere"],
        &["--credits", "-1"],
        &["--bogus"],
        &["--seed"],
    ] {
        let out = Command::new(BIN).args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty(), "{bad:?} prints no URL");
        assert!(!out.stderr.is_empty(), "{bad:?} explains");
    }
}
