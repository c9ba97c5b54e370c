//! Proxies from the environment, by curl's conventions. One test function, in its own binary,
//! because the environment is process-wide. No byte leaves the machine: the https targets are
//! either refused by a loopback proxy, or a name of /etc/hosts that points at 127.0.0.1.
mod common;

use common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;
use zexa::{Client, Error, ErrorKind};

const VARS: [&str; 8] = [
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

fn clear() {
    VARS.iter().for_each(|v| std::env::remove_var(v));
}

/// A name in /etc/hosts, other than `localhost`, for an address of 127.0.0.0/8: the SDK does
/// not know it as loopback, so the environment's proxy applies, yet it never leaves the machine.
fn loopback_alias() -> Option<String> {
    let hosts = std::fs::read_to_string("/etc/hosts").ok()?;
    hosts.lines().find_map(|line| {
        let mut words = line.split('#').next()?.split_whitespace();
        let addr = words.next()?;
        if !addr.starts_with("127.") {
            return None;
        }
        words
            .find(|name| !name.eq_ignore_ascii_case("localhost") && !name.contains("localhost"))
            .map(str::to_owned)
    })
}

#[test]
fn proxies_from_the_environment() {
    clear();
    let server = MockServer::start();
    server.mock(|when, then| {
        req(when, GET, "/credits");
        json(then, 200, json!({"balance": 1, "currency": "AOA"}));
    });
    let env_client = |base: &str| Client::builder(KEY).base_url(base).max_retries(0).build();

    // Seen: with HTTP_PROXY set, a plain-http loopback sandbox was reached through the proxy,
    // the Authorization header in clear. Loopback targets are never proxied from the environment.
    let recorder = ConnectProxy::start("200 OK");
    std::env::set_var("HTTP_PROXY", recorder.url());
    std::env::set_var("ALL_PROXY", recorder.url());
    env_client(&server.url("/v1")).unwrap().credits().get().unwrap();
    assert_eq!(recorder.server.accepted(), 0, "the proxy saw nothing");
    clear();

    // An https target uses HTTPS_PROXY, not ALL_PROXY nor HTTP_PROXY.
    let https_proxy = ConnectProxy::start("403 Forbidden");
    let other = ConnectProxy::start("403 Forbidden");
    std::env::set_var("HTTPS_PROXY", https_proxy.url());
    std::env::set_var("ALL_PROXY", other.url());
    std::env::set_var("HTTP_PROXY", other.url());
    let err = expect_kind(
        env_client(zexa::DEFAULT_BASE_URL).unwrap().credits().get(),
        ErrorKind::Transport,
    );
    assert!(
        err.to_string().contains(&format!(
            "proxy {} refused CONNECT with 403",
            https_proxy.server.addr
        )),
        "{err}"
    );
    assert!(
        https_proxy.heads()[0].starts_with("CONNECT api.zexa.ao:443 "),
        "{:?}",
        https_proxy.heads()
    );
    assert_eq!(other.server.accepted(), 0);
    // ALL_PROXY is the fallback.
    std::env::remove_var("HTTPS_PROXY");
    let err = env_client(zexa::DEFAULT_BASE_URL)
        .unwrap()
        .credits()
        .get()
        .unwrap_err();
    assert!(err.to_string().contains(&other.server.addr.to_string()), "{err}");
    assert_eq!(other.server.accepted(), 1);
    // trust_env(false) and no_proxy() ignore the environment.
    let c = Client::builder(KEY)
        .base_url(server.url("/v1"))
        .trust_env(false)
        .build()
        .unwrap();
    c.credits().get().unwrap();
    clear();

    // Seen: a malformed proxy URL was dropped silently. It is an error naming the variable,
    // never quoting the credentials.
    std::env::set_var("HTTPS_PROXY", "http://alice:s3cret@proxy.corp:312800");
    let err = Client::builder(KEY).build().unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "HTTPS_PROXY"),
        "{err}"
    );
    assert!(!err.to_string().contains("s3cret"), "{err}");
    std::env::set_var("HTTPS_PROXY", "http://proxy.corp:3128");
    std::env::set_var("NO_PROXY", "10.0.0.0/40");
    let err = Client::builder(KEY).build().unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "NO_PROXY"),
        "{err}"
    );
    Client::builder(KEY).trust_env(false).build().unwrap();
    Client::builder(KEY).no_proxy().build().unwrap();
    clear();

    // Seen: NO_PROXY="..., host" with a space, and host:port entries, were ignored.
    let Some(alias) = loopback_alias() else {
        eprintln!("NO_PROXY part skipped: /etc/hosts has no name for 127.x besides localhost");
        return;
    };
    let target = RawServer::start(|mut s| wait_for_close(&mut s));
    let base = format!("https://{alias}:{}/v1", target.addr.port());
    let proxy = ConnectProxy::start("403 Forbidden");
    std::env::set_var("HTTPS_PROXY", proxy.url());
    let _ = env_client(&base)
        .unwrap()
        .with_timeout(std::time::Duration::from_millis(300))
        .unwrap()
        .credits()
        .get();
    assert_eq!(proxy.heads().len(), 1, "{alias} is proxied");
    assert_eq!(target.accepted(), 0);
    std::env::set_var("NO_PROXY", format!("example.com, {alias}:{}", target.addr.port()));
    let _ = env_client(&base)
        .unwrap()
        .with_timeout(std::time::Duration::from_millis(300))
        .unwrap()
        .credits()
        .get();
    assert_eq!(proxy.heads().len(), 1, "the NO_PROXY entry sends it directly");
    assert_eq!(target.accepted(), 1);
    std::env::set_var("NO_PROXY", " 127.0.0.0/8 ");
    let _ = env_client(&base)
        .unwrap()
        .with_timeout(std::time::Duration::from_millis(300))
        .unwrap()
        .credits()
        .get();
    assert_eq!(
        proxy.heads().len(),
        2,
        "a CIDR range matches IP targets only, not names"
    );
    clear();
}
