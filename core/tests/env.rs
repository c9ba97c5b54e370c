//! `Client::from_env`, `builder_from_env` and `builder_with_env`. One test function, in its own binary, because
//! the environment is process-wide.
mod common;

use common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;
use zexa::{Client, ErrorKind};

#[test]
fn client_from_the_environment() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 200, json!({"balance": 3, "currency": "AOA"}));
    });

    std::env::remove_var("ZEXA_API_KEY");
    std::env::remove_var("ZEXA_BASE_URL");
    let err = Client::from_env().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("ZEXA_API_KEY"), "{err}");
    assert!(Client::builder_from_env().is_err());

    std::env::set_var("ZEXA_API_KEY", KEY);
    let c = Client::from_env().unwrap();
    assert_eq!(c.base_url(), zexa::DEFAULT_BASE_URL);

    std::env::set_var("ZEXA_BASE_URL", server.url("/v1"));
    let c = Client::from_env().unwrap();
    assert_eq!(c.base_url(), server.url("/v1"));
    assert_eq!(c.credits().get().unwrap().balance, 3.0);
    let c = Client::builder_from_env()
        .unwrap()
        .max_retries(0)
        .build()
        .unwrap();
    assert_eq!(c.max_retries(), 0);
    c.credits().get().unwrap();
    mock.assert_calls(2);

    // An explicit key, the base URL from the environment; an explicit base URL wins.
    std::env::remove_var("ZEXA_API_KEY");
    let c = Client::builder_with_env(Some(KEY)).unwrap().build().unwrap();
    assert_eq!(c.base_url(), server.url("/v1"));
    let c = Client::builder_with_env(Some(KEY))
        .unwrap()
        .base_url("https://example.com/v1")
        .build()
        .unwrap();
    assert_eq!(c.base_url(), "https://example.com/v1");
    assert!(Client::builder_with_env(None).is_err());
    std::env::set_var("ZEXA_API_KEY", KEY);

    std::env::set_var("ZEXA_BASE_URL", "http://api.zexa.ao/v1");
    assert_eq!(Client::from_env().unwrap_err().kind(), ErrorKind::InvalidInput);
    std::env::set_var("ZEXA_BASE_URL", "");
    assert_eq!(Client::from_env().unwrap().base_url(), zexa::DEFAULT_BASE_URL);
    std::env::set_var("ZEXA_API_KEY", "bad key");
    assert_eq!(Client::from_env().unwrap_err().kind(), ErrorKind::InvalidInput);
    std::env::remove_var("ZEXA_API_KEY");
    std::env::remove_var("ZEXA_BASE_URL");
}
