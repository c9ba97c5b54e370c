//! Property tests and fuzzing with `proptest` (cargo-fuzz needs nightly): decoding every
//! response model and the error body, `to_e164` and `parse_webhook_event` (the C entry points
//! that take strings are fuzzed in `ffi/src/fuzz_tests.rs`). None may panic. Bounded to well under a minute in all; set
//! `ZEXA_FUZZ_SCALE` (a multiplier, default 1) to run longer. Failing inputs are kept by
//! proptest in `proptest-regressions/` and committed.

use std::sync::{Arc, Mutex};

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use zexa::{
    Campaign, Client, Contact, ContactList, Credits, ErrorKind, Export, ImportResult, Message, SenderId,
    UploadPreview, Webhook, WebhookEvent,
};
use zexa_reliability::{lock, respond, RawServer};

/// Every field name of the models, the error body and the webhook event, plus a few more:
/// random objects built from them reach the decoders' interesting paths.
const KEYS: &[&str] = &[
    "id",
    "name",
    "phone",
    "email",
    "lists",
    "custom_fields",
    "gender",
    "valid",
    "created_at",
    "description",
    "contact_count",
    "channel",
    "status",
    "to",
    "from",
    "body",
    "error",
    "message",
    "delivered_at",
    "sent_at",
    "completed_at",
    "total_recipients",
    "delivered",
    "failed",
    "balance",
    "currency",
    "url",
    "events",
    "download_url",
    "upload_id",
    "columns",
    "rows",
    "total_rows",
    "imported",
    "skipped",
    "errors",
    "row",
    "type",
    "data",
    "message_id",
    "campaign_id",
    "details",
    "request_id",
    "meta",
    "page",
    "per_page",
    "total",
    "extra",
];

/// Every enum value the models know, and near misses.
const WORDS: &[&str] = &[
    "sms",
    "whatsapp",
    "telegram",
    "email",
    "slack",
    "queued",
    "sent",
    "delivered",
    "undelivered",
    "failed",
    "pending",
    "processing",
    "completed",
    "approved",
    "rejected",
    "draft",
    "scheduled",
    "paused",
    "message.delivered",
    "message.failed",
    "campaign.completed",
    "SMS",
    "",
    "+244912345678",
];

fn scale() -> u32 {
    std::env::var("ZEXA_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn config(cases: u32) -> Config {
    Config {
        cases: cases * scale(),
        max_shrink_iters: 2000,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/proptest-regressions/fuzz.txt"
        )))),
        ..Config::default()
    }
}

/// Equal JSON, floats within a relative 1e-15 (see `floats_in_extra_round_trip_exactly`).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => "[a-z_]{1,8}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(WORDS).prop_map(|w| Value::String(w.to_owned())),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 32, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..10)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A top-level object of known keys with arbitrary values: the shape of every model.
fn json_object() -> impl Strategy<Value = Value> {
    prop::collection::btree_map(key(), json_value(), 0..16)
        .prop_map(|m| Value::Object(m.into_iter().collect()))
}

/// Decodes `bytes` as `T`; when that works, encoding and decoding again gives the same value.
fn decode_roundtrip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(bytes: &[u8]) {
    if let Ok(model) = serde_json::from_slice::<T>(bytes) {
        let again = serde_json::to_vec(&model).expect("a decoded model encodes");
        let back: T = serde_json::from_slice(&again).expect("an encoded model decodes");
        let (a, b) = (
            serde_json::to_value(&model).unwrap(),
            serde_json::to_value(&back).unwrap(),
        );
        assert!(
            same_json(&a, &b),
            "round trip of {}: {a} vs {b}",
            std::any::type_name::<T>()
        );
    }
}

fn decode_all(bytes: &[u8]) {
    decode_roundtrip::<Contact>(bytes);
    decode_roundtrip::<ContactList>(bytes);
    decode_roundtrip::<Campaign>(bytes);
    decode_roundtrip::<Message>(bytes);
    decode_roundtrip::<SenderId>(bytes);
    decode_roundtrip::<Webhook>(bytes);
    decode_roundtrip::<Credits>(bytes);
    decode_roundtrip::<Export>(bytes);
    decode_roundtrip::<UploadPreview>(bytes);
    decode_roundtrip::<ImportResult>(bytes);
    decode_roundtrip::<WebhookEvent>(bytes);
    let _ = zexa::parse_webhook_event(bytes);
}

proptest! {
    #![proptest_config(config(20000))]

    #[test]
    fn models_decode_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        decode_all(&bytes);
    }

    #[test]
    fn models_decode_arbitrary_json(value in prop_oneof![json_value(), json_object()]) {
        decode_all(value.to_string().as_bytes());
    }

    #[test]
    fn webhook_events_decode_arbitrary_json(data in json_object(), other in json_object(), t in key()) {
        let mut event = other.as_object().cloned().unwrap_or_default();
        event.insert("type".into(), Value::String(t));
        event.insert("data".into(), data);
        let bytes = Value::Object(event).to_string();
        match zexa::parse_webhook_event(bytes.as_bytes()) {
            Ok(event) => decode_roundtrip::<WebhookEvent>(serde_json::to_vec(&event).unwrap().as_slice()),
            Err(e) => prop_assert_eq!(e.kind(), ErrorKind::Decode),
        }
    }
}

fn check_e164(number: &str, code: Option<&str>) -> Result<(), TestCaseError> {
    match zexa::to_e164(number, code) {
        Ok(e164) => {
            prop_assert!(zexa::is_e164(&e164), "{:?} -> {:?}", number, e164);
            let digits = e164.bytes().filter(u8::is_ascii_digit).count();
            prop_assert!(digits <= 15 && e164.len() == digits + 1, "{:?}", e164);
        }
        Err(e) => prop_assert_eq!(e.kind(), ErrorKind::InvalidInput),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(50000))]

    #[test]
    fn to_e164_never_panics_and_only_returns_e164(
        number in prop_oneof!["\\PC{0,24}", "[ +0-9().\\-/\u{a0}\t]{0,24}", "(\\+|00)?[0-9 ]{0,20}"],
        code in prop::option::of(prop_oneof!["[+0-9 ]{0,5}", "\\PC{0,4}"]),
    ) {
        check_e164(&number, code.as_deref())?;
    }
}

/// The status and body the error server answers with.
type Answer = Arc<Mutex<(u16, Vec<u8>)>>;

/// Answers every request with the status and body set in the shared slot.
fn error_server() -> (RawServer, Answer) {
    let slot = Arc::new(Mutex::new((500u16, Vec::new())));
    let answer = slot.clone();
    let server = RawServer::start(move |s, _, _| {
        let (status, body) = lock(&answer).clone();
        respond(
            s,
            status,
            &[("Content-Type", "application/json"), ("Retry-After", "0")],
            &body,
        );
    });
    (server, slot)
}

fn error_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        json_object().prop_map(|v| v.to_string().into_bytes()),
        (
            prop::option::of(json_value()),
            prop::option::of(json_value()),
            json_value()
        )
            .prop_map(|(e, m, d)| {
                json!({"error": e, "message": m, "details": d, "request_id": "req_1"})
                    .to_string()
                    .into_bytes()
            }),
    ]
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn error_bodies_from_a_server_never_panic(status in 400u16..600, body in error_body()) {
        let (server, slot) = error_server();
        *lock(&slot) = (status, body);
        let client = Client::builder("zx_fuzz")
            .base_url(server.base_url())
            .no_proxy()
            .max_retries(0)
            .build()
            .expect("client");
        let e = client.credits().get().expect_err("an error status");
        prop_assert_eq!(e.status(), Some(status));
        let api = e.api().expect("an API error");
        let expected = match status {
            _ if api.code == "insufficient_credits" => ErrorKind::InsufficientCredits,
            400 => ErrorKind::InvalidRequest,
            401 => ErrorKind::Unauthorized,
            404 => ErrorKind::NotFound,
            409 => ErrorKind::Conflict,
            422 => ErrorKind::Validation,
            429 => ErrorKind::RateLimited,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::OtherApi,
        };
        prop_assert_eq!(e.kind(), expected);
        let _ = (e.to_string(), format!("{e:?}"));
    }
}

#[test]
fn floats_in_extra_round_trip_exactly() {
    let body = br#"{"upload_id": "u", "columns": [], "rows": [], "total_rows": 0, "page": [-6.506695709947627e+164]}"#;
    let preview: UploadPreview = serde_json::from_slice(body).expect("decodes");
    let again: UploadPreview = serde_json::from_slice(&serde_json::to_vec(&preview).unwrap()).unwrap();
    assert_eq!(preview, again);
    let credits: Credits =
        serde_json::from_slice(br#"{"balance": -6.506695709947627e+164, "currency": "AOA"}"#).unwrap();
    assert_eq!(credits.balance, -6.506695709947627e+164_f64);
}

#[test]
fn an_empty_error_code_falls_back_to_the_status() {
    let (server, slot) = error_server();
    *lock(&slot) = (
        400,
        br#"{"details":null,"error":"","message":"","request_id":"req_1"}"#.to_vec(),
    );
    let client = Client::builder("zx_fuzz")
        .base_url(server.base_url())
        .no_proxy()
        .max_retries(0)
        .build()
        .expect("client");
    let e = client.credits().get().expect_err("400");
    let api = e.api().expect("an API error");
    assert_eq!(api.code, "http_400");
    assert!(!api.message.is_empty(), "{e}");
}
