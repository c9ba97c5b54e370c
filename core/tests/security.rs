//! The key stays secret: no plain http to a remote host, no redirects, no key in any output,
//! IDs cannot escape their path segment.
mod common;

use common::*;
use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use serde_json::json;
use zexa::{Client, ErrorKind, ListParams, SendMessage};

#[test]
fn plain_http_to_a_remote_host_is_refused_at_build() {
    for url in [
        "http://api.zexa.ao/v1",
        "http://10.1.2.3/v1",
        "http://192.168.0.10:8080/v1",
        "ftp://api.zexa.ao/v1",
        "api.zexa.ao/v1",
        "",
    ] {
        let err = Client::builder(KEY).base_url(url).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{url}");
        assert_redacted(&err);
    }
}

#[test]
fn https_and_loopback_http_are_accepted() {
    for url in [
        "https://api.zexa.ao/v1",
        "https://10.1.2.3/v1",
        "https://api.zexa.ao/v1/",
        "http://127.0.0.1:8787/v1",
        "http://localhost:8787/v1",
        "http://[::1]:8787/v1",
    ] {
        let c = Client::builder(KEY).base_url(url).build().unwrap();
        assert!(!c.base_url().ends_with('/'), "{url}");
    }
    assert_eq!(Client::new(KEY).unwrap().base_url(), zexa::DEFAULT_BASE_URL);
}

#[test]
fn invalid_keys_are_refused_at_build() {
    for key in [
        "",
        "zx_key\r\nX-Evil: 1",
        "zx key",
        "zx_key\n",
        "\tzx_key",
        "zx\0key",
    ] {
        let err = Client::builder(key).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{key:?}");
        let shown = format!("{err} {err:?}");
        if !key.is_empty() {
            assert!(!shown.contains(key), "{shown}");
        }
    }
    assert_eq!(Client::new("").unwrap_err().kind(), ErrorKind::InvalidInput);
}

#[test]
fn debug_of_client_and_builder_hides_the_key() {
    let b = Client::builder(KEY).app_info("billing", "2.1");
    let shown = format!("{b:?}");
    assert!(!shown.contains(KEY), "{shown}");
    assert!(shown.contains("redacted"), "{shown}");
    let c = b.build().unwrap();
    let shown = format!("{c:?} {:?}", c.clone());
    assert!(!shown.contains(KEY), "{shown}");
    assert!(shown.contains("redacted"), "{shown}");
}

#[test]
fn the_key_is_not_echoed_in_api_errors() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(
            then,
            401,
            api_error("unauthorized", "API key is missing or invalid"),
        );
    });
    expect_kind(client(&server).credits().get(), ErrorKind::Unauthorized);
}

#[test]
fn ids_are_percent_encoded_and_cannot_climb_out_of_their_resource() {
    let server = MockServer::start();
    let escaped = server.mock(|when, then| {
        bare(when, GET, "/contacts/%2E%2E%2Fcredits");
        json(then, 200, contact("cnt_1"));
    });
    let credits = server.mock(|when, then| {
        when.path("/v1/credits");
        json(then, 200, json!({"balance": 1, "currency": "AOA"}));
    });
    client(&server).contacts().get("../credits").unwrap();
    escaped.assert_calls(1);
    credits.assert_calls(0);
}

#[test]
fn ids_with_reserved_and_non_ascii_characters_stay_one_segment() {
    let server = MockServer::start();
    let special = server.mock(|when, then| {
        bare(when, GET, "/messages/a%3Fb%23c%20d");
        json(
            then,
            200,
            json!({"id": "a?b#c d", "status": "sent", "channel": "sms", "to": "+244912345678",
            "from": "ZEXA", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let unicode = server.mock(|when, then| {
        bare(when, GET, "/campaigns/cmp_%C3%A7%C3%A3o");
        json(
            then,
            200,
            json!({"id": "cmp_ção", "name": "n", "status": "draft", "channel": "sms",
            "total_recipients": 0, "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let list = server.mock(|when, then| {
        req(when, GET, "/contacts/list/lst%2F1/contacts");
        json(then, 200, page(vec![], 0, 1, 50));
    });
    let export = server.mock(|when, then| {
        bare(when, GET, "/exports/exp%2E1");
        json(
            then,
            200,
            json!({"id": "exp.1", "status": "pending", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let c = client(&server);
    assert_eq!(c.messages().get("a?b#c d").unwrap().id, "a?b#c d");
    assert_eq!(c.campaigns().get("cmp_ção").unwrap().id, "cmp_ção");
    c.contact_lists().contacts("lst/1", &ListParams::new()).unwrap();
    c.exports().get("exp.1").unwrap();
    special.assert_calls(1);
    unicode.assert_calls(1);
    list.assert_calls(1);
    export.assert_calls(1);
}

#[test]
fn redirects_are_not_followed() {
    let server = MockServer::start();
    let elsewhere = server.mock(|when, then| {
        when.path("/elsewhere");
        json(then, 200, json!({"balance": 1, "currency": "AOA"}));
    });
    let redirect = server.mock(|when, then| {
        when.path_prefix("/v1/");
        then.status(302).header("Location", server.url("/elsewhere"));
    });
    let c = client(&server);
    let err = expect_kind(c.credits().get(), ErrorKind::OtherApi);
    assert_eq!(api(&err).status, 302);
    let err = expect_kind(
        c.messages().send(&SendMessage::text(
            zexa::Channel::Sms,
            "+244912345678",
            "ZEXA",
            "x",
        )),
        ErrorKind::OtherApi,
    );
    assert_eq!(api(&err).status, 302);
    elsewhere.assert_calls(0);
    redirect.assert_calls(2);
}

#[test]
fn user_agent_names_the_sdk_and_the_app() {
    let server = MockServer::start();
    let with_app = server.mock(|when, then| {
        bare(when, GET, "/credits")
            .header_includes("user-agent", "zexa-rust/")
            .header_includes("user-agent", "billing/2.1")
            .header("accept", "application/json");
        json(then, 200, json!({"balance": 1, "currency": "AOA"}));
    });
    builder(&server)
        .app_info("billing", "2.1")
        .build()
        .unwrap()
        .credits()
        .get()
        .unwrap();
    with_app.assert_calls(1);

    let server = MockServer::start();
    let plain = server.mock(|when, then| {
        bare(when, POST, "/x").header("user-agent", zexa::USER_AGENT);
        then.status(204);
    });
    client(&server)
        .request(zexa::Method::Post, "/x", &[], None)
        .unwrap();
    plain.assert_calls(1);
    assert!(zexa::USER_AGENT.starts_with("zexa-rust/"));
    assert!(zexa::USER_AGENT.ends_with(zexa::VERSION));
}

#[test]
fn app_info_with_control_characters_is_refused_at_build_instead_of_panicking_later() {
    for (name, version) in [("bad\r\nX-Evil: 1", "1"), ("app", "1\n"), ("a\0b", "")] {
        let err = Client::builder(KEY).app_info(name, version).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{name:?} {version:?}");
        assert!(err.to_string().contains("app_info"), "{err}");
    }
    assert!(Client::builder(KEY).app_info("billing", "").build().is_ok());
}

/// A gateway that echoes the request's headers into its error body, as some do.
fn echoing_server() -> MockServer {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.any_request();
        then.respond_with(|req: &httpmock::HttpMockRequest| {
            let auth = req
                .headers()
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            // The key sits past the excerpt's cut too, so that a cut cannot leave part of it.
            let padding = "x".repeat(190);
            let body = serde_json::json!({
                "error": "bad_gateway",
                "message": format!("{padding} upstream refused request with Authorization: {auth}"),
                "details": {"headers": {"authorization": auth.clone()}, "seen": [auth.clone()]},
                "request_id": format!("req_{auth}"),
            });
            httpmock::HttpMockResponse::builder()
                .status(502)
                .header("content-type", "application/json")
                .body(body.to_string())
                .build()
        });
    });
    server
}

#[test]
fn a_key_echoed_by_a_server_is_removed_from_errors() {
    let server = echoing_server();
    let c = builder(&server).max_retries(0).build().unwrap();
    let err = expect_kind(c.credits().get(), ErrorKind::Server);
    let api = api(&err);
    let everything = format!("{} {:?} {:?}", api.message, api.details, api.request_id);
    assert!(
        !everything.contains("Sup3rS3cret") && !everything.contains("zx_test_"),
        "{everything}"
    );
    assert!(
        api.details.as_ref().unwrap().to_string().contains("<redacted>"),
        "{everything}"
    );
    // Not JSON at all: the excerpt is cleaned too.
    let html = MockServer::start();
    html.mock(|when, then| {
        when.any_request();
        then.respond_with(|req: &httpmock::HttpMockRequest| {
            let auth = req
                .headers()
                .get("authorization")
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            httpmock::HttpMockResponse::builder()
                .status(400)
                .body(format!("<html>{} {auth}</html>", "y".repeat(195)))
                .build()
        });
    });
    let err = expect_kind(client(&html).credits().get(), ErrorKind::InvalidRequest);
    assert!(!format!("{err:?}").contains("zx_test"), "{err:?}");
}

#[test]
fn a_key_or_a_huge_value_in_an_undecodable_2xx_stays_out_of_the_error() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/credits");
        // Not a number: serde quotes the value it could not use.
        then.status(200)
            .header("content-type", "application/json")
            .body(format!(
                r#"{{"balance": "{KEY}{}", "currency": "AOA"}}"#,
                "9".repeat(100_000)
            ));
    });
    let err = expect_kind(client(&server).credits().get(), ErrorKind::Decode);
    let shown = format!("{err} {err:?}");
    assert!(shown.len() < 1_500, "{} bytes", shown.len());
    assert!(shown.contains("<redacted>"), "{shown}");
}
