//! `zexa sender-ids`, `credits`, `webhooks create`, `request`.

use crate::common::*;

#[test]
fn sender_ids_and_credits() {
    let sb = sandbox();
    let ids = zexa(&sb, &["--json", "sender-ids"]).json_lines();
    assert!(
        ids.iter().any(|s| s["name"] == "ZEXA" && s["channel"] == "sms"),
        "{ids:?}"
    );
    let table = zexa(&sb, &["sender-ids"]);
    assert!(table
        .ok()
        .lines()
        .any(|l| l.contains("noreply@zexa.ao") && l.contains("email")));

    let credits = zexa(&sb, &["credits"]);
    assert_eq!(credits.ok().trim(), "10000 AOA");
    let json = zexa(&sb, &["credits", "--json"]).json();
    assert_eq!(json["balance"], 10000.0);
    assert_eq!(json["currency"], "AOA");
}

#[test]
fn webhooks_create() {
    let sb = sandbox();
    let hook = zexa(
        &sb,
        &[
            "--json",
            "webhooks",
            "create",
            "http://127.0.0.1:9/hook",
            "--event",
            "message.delivered",
            "--event",
            "campaign.completed",
        ],
    )
    .json();
    assert!(hook["id"].as_str().unwrap().starts_with("wh_"));
    assert_eq!(hook["events"][1], "campaign.completed");
    // The core refuses a plain-http URL to another host before sending.
    let refused = zexa(
        &sb,
        &[
            "webhooks",
            "create",
            "http://example.com/hook",
            "--event",
            "message.delivered",
        ],
    );
    assert_eq!(refused.code, 3, "{refused:#?}");
    // No --event: a usage error.
    assert_eq!(
        zexa(&sb, &["webhooks", "create", "http://127.0.0.1:9/hook"]).code,
        2
    );
}

#[test]
fn request_is_the_escape_hatch() {
    let sb = sandbox();
    let credits = zexa(&sb, &["--json", "request", "GET", "/credits"]).json();
    assert_eq!(credits["currency"], "AOA");
    let created = zexa(
        &sb,
        &[
            "--json",
            "request",
            "post",
            "/contacts/list",
            "--data",
            r#"{"name":"raw"}"#,
        ],
    )
    .json();
    assert_eq!(created["name"], "raw");
    let page = zexa(
        &sb,
        &[
            "--json",
            "request",
            "GET",
            "/contacts/list",
            "--query",
            "per_page=1",
        ],
    )
    .json();
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    assert_eq!(page["meta"]["per_page"], 1);
    // Pretty-printed on a terminal or a pipe without --json.
    let pretty = zexa(&sb, &["request", "GET", "/credits"]);
    assert!(pretty.ok().contains("\n  \"currency\": \"AOA\""), "{pretty:#?}");
    assert_eq!(zexa(&sb, &["request", "GET", "/nope"]).code, 5);
    assert_eq!(zexa(&sb, &["request", "FETCH", "/credits"]).code, 2);
}
