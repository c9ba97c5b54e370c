//! Explicit proxies: used as given (loopback targets included), never on a hop where the key
//! would travel in clear, and named in the errors they cause, credentials left out.
mod common;

use common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;
use zexa::{Client, Error, ErrorKind};

/// Every log line of this binary below `trace` (at `trace` ureq dumps the wire, as the crate
/// docs warn), the mock server's own left out.
static RECORDS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Debug
    }
    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) && !record.target().starts_with("httpmock") {
            RECORDS
                .lock()
                .unwrap()
                .push(format!("{} {}", record.target(), record.args()));
        }
    }
    fn flush(&self) {}
}

#[test]
fn an_explicit_proxy_is_used_for_a_loopback_target() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        req(when, GET, "/credits");
        json(then, 200, json!({"balance": 7, "currency": "AOA"}));
    });
    let proxy = ConnectProxy::start("200 OK");
    let c = builder(&server).proxy(proxy.url()).build().unwrap();
    assert_eq!(c.credits().get().unwrap().balance, 7.0);
    mock.assert();
    let heads = proxy.heads();
    assert_eq!(heads.len(), 1);
    assert!(
        heads[0].starts_with(&format!("CONNECT {}", server.address())),
        "{heads:?}"
    );
    assert!(!heads[0].contains(KEY), "the CONNECT head carries no key");
}

#[test]
fn a_refused_connect_names_the_proxy_and_is_not_retried() {
    let server = MockServer::start();
    let mock = catch_all(&server);
    let proxy = ConnectProxy::start("403 Forbidden");
    let c = builder(&server).proxy(proxy.url()).build().unwrap();
    let err = expect_kind(c.credits().get(), ErrorKind::Transport);
    let text = err.to_string();
    assert!(
        text.contains(&format!("proxy {} refused CONNECT with 403", proxy.server.addr)),
        "{text}"
    );
    assert_eq!(err.attempts(), 1, "a refusal is not retried");
    assert!(!err.may_have_executed());
    assert_eq!(proxy.server.accepted(), 1);
    mock.assert_calls(0);
}

#[test]
fn proxy_credentials_are_never_in_errors_or_logs() {
    log::set_logger(&Capture).unwrap();
    log::set_max_level(log::LevelFilter::Debug);
    let server = MockServer::start();
    let proxy = ConnectProxy::start("407 Proxy Authentication Required");
    let url = format!("http://alice:pr0xy-s3cret@{}", proxy.server.addr);
    let c = builder(&server).proxy(url).build().unwrap();
    let err = c.credits().get().unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(
        text.contains("refused CONNECT with 407 (proxy authentication required"),
        "{text}"
    );
    assert!(
        !text.contains("pr0xy-s3cret") && !text.contains("alice"),
        "{text}"
    );
    // The proxy did get them, in its own header.
    assert!(
        proxy.heads()[0].contains("Proxy-Authorization: Basic"),
        "{:?}",
        proxy.heads()
    );
    let err = Client::builder(KEY)
        .proxy("ftp://alice:pr0xy-s3cret@proxy:21")
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "proxy"),
        "{err}"
    );
    assert!(!format!("{err} {err:?}").contains("pr0xy-s3cret"));
    let records = RECORDS.lock().unwrap();
    assert!(
        records.iter().any(|r| r.contains("refused CONNECT with 407")),
        "{records:?}"
    );
    // Neither the password nor its base64 (the Proxy-Authorization value).
    for line in records.iter() {
        assert!(
            !line.contains("pr0xy-s3cret") && !line.contains("YWxpY2U6cHIweHktczNjcmV0"),
            "{line}"
        );
    }
}

#[test]
fn an_unreachable_proxy_is_named() {
    let server = MockServer::start();
    let dead = refused_base_url();
    let dead = dead.trim_end_matches("/v1");
    let c = builder(&server).proxy(dead).max_retries(0).build().unwrap();
    let err = expect_kind(c.credits().get(), ErrorKind::Transport);
    let addr = dead.trim_start_matches("http://");
    assert!(
        err.to_string()
            .contains(&format!("could not connect to proxy {addr}")),
        "{err}"
    );
    assert!(!err.may_have_executed());
    // A SOCKS proxy likewise.
    let c = builder(&server)
        .proxy(format!("socks5://{addr}"))
        .max_retries(0)
        .build()
        .unwrap();
    let err = expect_kind(c.credits().get(), ErrorKind::Transport);
    assert!(
        err.to_string()
            .contains(&format!("could not connect to proxy {addr}")),
        "{err}"
    );
}

#[test]
fn plain_http_never_goes_through_a_remote_proxy() {
    let err = Client::builder(KEY)
        .base_url("http://127.0.0.1:8787/v1")
        .proxy("http://10.0.0.5:3128")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        err.to_string()
            .contains("proxy 10.0.0.5:3128 is not on this machine"),
        "{err}"
    );
    // https goes through CONNECT: fine.
    Client::builder(KEY)
        .proxy("http://10.0.0.5:3128")
        .build()
        .unwrap();
}

#[test]
fn a_silent_proxy_times_out_naming_it() {
    let server = MockServer::start();
    let proxy = silent_server();
    let c = builder(&server)
        .proxy(format!("http://{}", proxy.addr))
        .timeout(std::time::Duration::from_millis(300))
        .max_retries(0)
        .build()
        .unwrap();
    let err = expect_kind(c.credits().get(), ErrorKind::Timeout);
    assert!(
        err.to_string()
            .contains(&format!("connecting through proxy {}", proxy.addr)),
        "{err}"
    );
    assert!(!err.may_have_executed(), "the request was never sent");
}
