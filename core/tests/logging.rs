//! Log records: one `warn` per retry, and never the key. Its own test binary, so the global
//! logger sees only this test's records.
mod common;

use std::sync::Mutex;

use common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;

static RECORDS: Mutex<Vec<(log::Level, String)>> = Mutex::new(Vec::new());

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        // The mock server's own logs print the requests it receives, key included: they are
        // the server's, not the client's.
        if record.target().starts_with("httpmock") || record.target().starts_with("hyper") {
            return;
        }
        RECORDS
            .lock()
            .unwrap()
            .push((record.level(), format!("{} {}", record.target(), record.args())));
    }
    fn flush(&self) {}
}

#[test]
fn each_retry_logs_a_warning_without_the_key() {
    log::set_logger(&Capture).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let server = MockServer::start();
    let flaky = server.mock(|when, then| {
        bare(when, GET, "/credits");
        sequence(
            then,
            vec![
                step(500, json!(null)),
                step(503, json!(null)),
                step(200, json!({"balance": 1, "currency": "AOA"})),
            ],
        );
    });
    let broken = server.mock(|when, then| {
        bare(when, GET, "/contacts/cnt_1");
        then.status(500);
    });
    let c = client(&server);
    c.credits().get().unwrap();
    flaky.assert_calls(2 + 1);
    let records = RECORDS.lock().unwrap().clone();
    let warns: Vec<&String> = records
        .iter()
        .filter(|(l, _)| *l == log::Level::Warn)
        .map(|(_, m)| m)
        .collect();
    assert_eq!(warns.len(), 2, "{records:#?}");
    assert!(
        warns
            .iter()
            .all(|w| w.contains("/credits") && w.contains("retrying")),
        "{warns:#?}"
    );
    assert!(warns[0].contains("500") && warns[1].contains("503"), "{warns:#?}");
    let debugs = records.iter().filter(|(l, _)| *l == log::Level::Debug).count();
    assert!(debugs >= 3, "one debug line per attempt: {records:#?}");

    let err = c.contacts().get("cnt_1").unwrap_err();
    assert_redacted(&err);
    broken.assert_calls(3);
    let records = RECORDS.lock().unwrap().clone();
    let warns: Vec<&String> = records
        .iter()
        .filter(|(l, _)| *l == log::Level::Warn)
        .map(|(_, m)| m)
        .collect();
    assert_eq!(warns.len(), 2 + 2 + 1, "two retries and one give-up: {warns:#?}");
    assert!(warns.last().unwrap().contains("gave up"), "{warns:#?}");

    // A transport failure logs ureq's message: still no key.
    let refused = builder_at(&refused_base_url()).max_retries(1).build().unwrap();
    refused.credits().get().unwrap_err();
    // Every record at debug level and above, of the SDK and of ureq (whose debug lines print
    // request headers, redacted), is free of the key. ureq's trace level is a raw wire dump,
    // documented by ureq as not redacted (see the crate docs of zexa).
    let records = RECORDS.lock().unwrap().clone();
    assert!(
        records.iter().any(|(_, l)| l.starts_with("ureq")),
        "ureq's records are captured too"
    );
    for (level, line) in records.iter().filter(|(l, _)| *l <= log::Level::Debug) {
        assert!(
            !line.contains(KEY) && !line.contains("Sup3rS3cret"),
            "key in a {level} log line: {line}"
        );
    }
    // One prefix: the target says "zexa", the message does not say it again.
    for (_, line) in records.iter().filter(|(_, l)| l.starts_with("zexa ")) {
        assert!(!line.starts_with("zexa zexa:"), "doubled prefix: {line}");
    }

    // A long ID is logged cut short, not whole.
    let long_id = "a".repeat(zexa::MAX_ID_BYTES);
    server.mock(|when, then| {
        when.any_request();
        then.status(404);
    });
    RECORDS.lock().unwrap().clear();
    c.contacts().get(&long_id).unwrap_err();
    let records = RECORDS.lock().unwrap().clone();
    let ours: Vec<&String> = records
        .iter()
        .filter(|(_, l)| l.starts_with("zexa "))
        .map(|(_, l)| l)
        .collect();
    assert!(!ours.is_empty(), "{records:#?}");
    assert!(
        ours.iter().all(|l| l.len() < 250 && !l.contains(&long_id)),
        "{ours:#?}"
    );
}
