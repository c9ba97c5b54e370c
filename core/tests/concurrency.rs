//! One client shared by many threads.
mod common;

use common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;
use zexa::Client;

fn assert_send_sync_clone<T: Send + Sync + Clone + 'static>() {}

#[test]
fn one_client_serves_eight_threads() {
    assert_send_sync_clone::<Client>();
    assert_send_sync_clone::<zexa::Error>();
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/credits");
        json(then, 200, json!({"balance": 42, "currency": "AOA"}));
    });
    let c = client(&server);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                // Half the threads share the client by reference, half own a clone.
                let owned = c.clone();
                let c = &c;
                s.spawn(move || {
                    let client = if i % 2 == 0 { c } else { &owned };
                    (0..50)
                        .map(|_| client.credits().get().map(|cr| cr.balance))
                        .filter(|r| matches!(r, Ok(b) if *b == 42.0))
                        .count()
                })
            })
            .collect();
        let ok: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
        assert_eq!(ok, 400);
    });
    mock.assert_calls(400);
}
