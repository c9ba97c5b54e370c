//! Property-based checks of the sandbox against a description of the API contract that
//! this file keeps ([`ROUTES`], from `/work/shared/API.md`): every documented route answers
//! its documented success status, refuses a missing key with the documented error shape,
//! and every list endpoint honours the pagination bounds for any page and page size.

mod common;

use std::sync::OnceLock;

use common::{start, Client};
use proptest::prelude::*;
use serde_json::{json, Value};
use zexa_sandbox::SandboxConfig;

/// One documented route: method, path (with `{id}` for an existing resource), a valid body,
/// and the documented success status.
struct Route {
    method: &'static str,
    path: &'static str,
    body: Option<fn(&Fixture) -> Value>,
    success: u16,
    /// A page of `{"data", "meta"}`.
    paginated: bool,
}

/// Resources the routes refer to, created fresh for each case.
struct Fixture {
    contact: String,
    list: String,
    campaign: String,
    message: String,
    export: String,
    webhook: String,
}

const ROUTES: &[Route] = &[
    Route {
        method: "POST",
        path: "/contacts",
        body: Some(|_| json!({"name": "N", "phone": "+244930000001"})),
        success: 201,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/contacts",
        body: None,
        success: 200,
        paginated: true,
    },
    Route {
        method: "GET",
        path: "/contacts/{contact}",
        body: None,
        success: 200,
        paginated: false,
    },
    Route {
        method: "PUT",
        path: "/contacts/{contact}",
        body: Some(|_| json!({"name": "M"})),
        success: 200,
        paginated: false,
    },
    Route {
        method: "POST",
        path: "/contacts/list",
        body: Some(|_| json!({"name": "L"})),
        success: 201,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/contacts/list",
        body: None,
        success: 200,
        paginated: true,
    },
    Route {
        method: "POST",
        path: "/contacts/list/contacts",
        body: Some(|f| json!({"list_ids": [f.list], "contact_ids": [f.contact]})),
        success: 204,
        paginated: false,
    },
    Route {
        method: "DELETE",
        path: "/contacts/list/contacts",
        body: Some(|f| json!({"list_ids": [f.list], "contact_ids": [f.contact]})),
        success: 204,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/contacts/list/{list}/contacts",
        body: None,
        success: 200,
        paginated: true,
    },
    Route {
        method: "POST",
        path: "/exports/contacts",
        body: Some(|_| json!({})),
        success: 202,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/exports/{export}",
        body: None,
        success: 200,
        paginated: false,
    },
    Route {
        method: "POST",
        path: "/campaigns",
        body: Some(
            |f| json!({"name": "C", "channel": "sms", "contact_list_id": f.list, "sender_id": "ZEXA", "body": "b"}),
        ),
        success: 201,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/campaigns/{campaign}",
        body: None,
        success: 200,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/campaigns",
        body: None,
        success: 200,
        paginated: true,
    },
    Route {
        method: "POST",
        path: "/messages",
        body: Some(|_| json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "b"})),
        success: 201,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/messages/{message}",
        body: None,
        success: 200,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/sender-ids",
        body: None,
        success: 200,
        paginated: true,
    },
    Route {
        method: "POST",
        path: "/webhooks",
        body: Some(|_| json!({"url": "https://example.com/h", "events": ["message.delivered"]})),
        success: 201,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/webhooks",
        body: None,
        success: 200,
        paginated: true,
    },
    Route {
        method: "DELETE",
        path: "/webhooks/{webhook}",
        body: None,
        success: 204,
        paginated: false,
    },
    Route {
        method: "GET",
        path: "/credits",
        body: None,
        success: 200,
        paginated: false,
    },
    Route {
        method: "DELETE",
        path: "/contacts/{contact}",
        body: None,
        success: 204,
        paginated: false,
    },
    Route {
        method: "DELETE",
        path: "/contacts",
        body: Some(|f| json!({"ids": [f.contact]})),
        success: 204,
        paginated: false,
    },
];

/// One sandbox per property (`slot`), kept across its cases: the properties run in parallel
/// and each case resets its own sandbox.
fn sandbox(slot: usize) -> &'static Client {
    static CLIENTS: [OnceLock<Client>; 4] = [const { OnceLock::new() }; 4];
    CLIENTS[slot].get_or_init(|| {
        start(SandboxConfig {
            delivery_ms: 20,
            ..SandboxConfig::default()
        })
    })
}

fn id(r: &common::Resp) -> String {
    assert!(r.status < 300, "{}", r.text);
    r.json["id"].as_str().unwrap().to_string()
}

fn fixture(c: &Client) -> Fixture {
    let r = c.admin_post("/_sandbox/reset", &json!({}));
    assert_eq!(r.status, 204);
    let list = id(&c.post("/contacts/list", &json!({"name": "Fixture"})));
    let contact = id(&c.post(
        "/contacts",
        &json!({"name": "F", "phone": "+244930000000", "lists": [list]}),
    ));
    let campaign = id(&c.post(
        "/campaigns",
        &json!({"name": "C", "channel": "sms", "contact_list_id": list, "sender_id": "ZEXA", "body": "b"}),
    ));
    let message = id(&c.post(
        "/messages",
        &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "b"}),
    ));
    let export = id(&c.post("/exports/contacts", &json!({})));
    let webhook = id(&c.post(
        "/webhooks",
        &json!({"url": "https://example.com/h", "events": ["message.failed"]}),
    ));
    Fixture {
        contact,
        list,
        campaign,
        message,
        export,
        webhook,
    }
}

fn path_of(route: &Route, f: &Fixture) -> String {
    route
        .path
        .replace("{contact}", &f.contact)
        .replace("{list}", &f.list)
        .replace("{campaign}", &f.campaign)
        .replace("{message}", &f.message)
        .replace("{export}", &f.export)
        .replace("{webhook}", &f.webhook)
}

fn call(c: &Client, method: &str, path: &str, body: Option<&Value>) -> common::Resp {
    match (method, body) {
        ("GET", _) => c.get(path),
        ("POST", b) => c.post(path, b.unwrap_or(&json!({}))),
        ("PUT", b) => c.put(path, b.unwrap_or(&json!({}))),
        ("DELETE", b) => c.delete(path, b),
        _ => unreachable!("{method}"),
    }
}

/// The documented error body, and its request ID matching the header.
fn assert_error_shape(r: &common::Resp, status: u16) {
    assert_eq!(r.status, status, "{}", r.text);
    assert!(
        r.json["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{}",
        r.text
    );
    assert!(
        r.json["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{}",
        r.text
    );
    assert_eq!(
        r.json["request_id"].as_str(),
        r.request_id.as_deref(),
        "{}",
        r.text
    );
    assert!(r
        .content_type
        .as_deref()
        .is_some_and(|t| t.starts_with("application/json")));
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Each documented route, picked at random after a fresh fixture: the documented
    /// success status with a valid request, 401 in the documented shape without a key, and
    /// 404 `not_found` for an unknown ID in its path.
    #[test]
    fn every_route_answers_as_documented(i in 0..ROUTES.len()) {
        let c = sandbox(0);
        let route = &ROUTES[i];
        let f = fixture(c);
        let path = path_of(route, &f);
        let body = route.body.map(|b| b(&f));
        let r = call(c, route.method, &path, body.as_ref());
        prop_assert_eq!(r.status, route.success, "{} {}: {}", route.method, path, r.text);
        if route.success == 204 {
            prop_assert!(r.text.is_empty());
        } else {
            prop_assert!(r.json.is_object(), "{}", r.text);
        }
        if route.paginated {
            prop_assert!(r.json["data"].is_array());
            prop_assert_eq!(&r.json["meta"]["page"], &json!(1));
            prop_assert_eq!(&r.json["meta"]["per_page"], &json!(50));
        }
        let unauthorized = c.get_noauth(&path);
        assert_error_shape(&unauthorized, 401);
        prop_assert_eq!(&unauthorized.json["error"], "unauthorized");
        if route.path.contains('{') {
            let unknown = route.path.split('{').next().unwrap().to_string() + "xyz_unknown"
                + route.path.split('}').nth(1).unwrap_or("");
            let r = call(c, route.method, &unknown, body.as_ref());
            assert_error_shape(&r, 404);
            prop_assert_eq!(&r.json["error"], "not_found");
        }
        if route.body.is_some() && route.method == "POST" {
            let r = c.post_raw(&path, "{");
            assert_error_shape(&r, 400);
            prop_assert_eq!(&r.json["error"], "invalid_request");
        }
    }

    /// Pagination bounds: for any number of items, page and page size, `meta` echoes the
    /// page, clamps `per_page` to 1..=100, counts all items, and `data` holds exactly the
    /// items of that window.
    #[test]
    fn pagination_bounds(n in 0usize..130, page in 1usize..6, per_page in 1usize..160) {
        let c = sandbox(1);
        c.admin_post("/_sandbox/reset", &json!({}));
        for k in 0..n {
            let r = c.post("/contacts", &json!({"name": format!("P{k}"), "phone": format!("+24494{k:07}")}));
            prop_assert_eq!(r.status, 201);
        }
        let r = c.get(&format!("/contacts?page={page}&per_page={per_page}"));
        prop_assert_eq!(r.status, 200, "{}", r.text);
        let size = per_page.min(100);
        prop_assert_eq!(&r.json["meta"], &json!({"total": n, "page": page, "per_page": size}));
        let expected = n.saturating_sub((page - 1) * size).min(size);
        let data = r.json["data"].as_array().unwrap();
        prop_assert_eq!(data.len(), expected);
        if let Some(first) = data.first() {
            prop_assert_eq!(&first["name"], &json!(format!("P{}", (page - 1) * size)));
        }
    }

    /// Out-of-range page parameters are 400 `invalid_request` with the offending value.
    #[test]
    fn bad_page_parameters(key in prop::sample::select(vec!["page", "per_page"]), value in "(-[0-9]{1,4}|0|[a-z]{1,5}|1\\.5)") {
        let c = sandbox(2);
        for path in ["/contacts", "/contacts/list", "/campaigns", "/sender-ids", "/webhooks"] {
            let r = c.get(&format!("{path}?{key}={value}"));
            assert_error_shape(&r, 400);
            prop_assert_eq!(&r.json["details"], &json!({"field": key, "value": value}));
        }
    }

    /// `scheduled_at`: a real calendar instant is accepted (scheduled when in the future,
    /// started now when past, even before 1970); an impossible one is 422 on its field.
    #[test]
    fn scheduled_at_follows_the_calendar(
        y in 1900i32..2200, m in 1u32..=12, d in 1u32..=31, h in 0u32..=23, mi in 0u32..=59, s in 0u32..=60,
    ) {
        let c = sandbox(3);
        let f = fixture(c);
        let when = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
        let r = c.post("/campaigns", &json!({"name": "S", "channel": "sms", "contact_list_id": f.list,
            "sender_id": "ZEXA", "body": "b", "scheduled_at": when}));
        // 60 seconds exist only as a leap second, at 23:59:60 on a month's last day.
        let leap_slot = s == 60 && h == 23 && mi == 59 && d == days_in_month(y, m);
        let real = d <= days_in_month(y, m) && (s < 60 || leap_slot);
        if real {
            prop_assert_eq!(r.status, 201, "{}: {}", when, r.text);
            let expected = if y >= 2100 { "scheduled" } else if y < 2026 { "processing" } else { r.json["status"].as_str().unwrap() };
            prop_assert_eq!(r.json["status"].as_str().unwrap(), expected, "{}", when);
        } else {
            assert_error_shape(&r, 422);
            prop_assert_eq!(&r.json["details"], &json!({"field": "scheduled_at", "value": when}));
        }
    }
}
