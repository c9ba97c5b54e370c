//! `exports().wait` and `exports().download`, and clearing contact fields, against the sandbox
//! and against a second server standing in for object storage.
mod common;

use std::io::Write;
use std::time::Duration;

use common::*;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;
use zexa::{Client, CreateContact, CreateExport, ErrorKind, UpdateContact};
use zexa_sandbox::Sandbox;

fn sandbox_client(sandbox: &Sandbox) -> Client {
    Client::builder(sandbox.api_key())
        .base_url(sandbox.base_url())
        .no_proxy()
        .build()
        .unwrap()
}

#[test]
fn an_export_is_waited_for_and_downloaded_whole() {
    let sandbox = Sandbox::start().unwrap();
    let client = sandbox_client(&sandbox);
    for i in 0..30 {
        client
            .contacts()
            .create(&CreateContact::new(
                format!("Contacto {i}"),
                format!("+24491234{i:04}"),
            ))
            .unwrap();
    }
    let export = client.exports().create(&CreateExport::new()).unwrap();
    let done = client
        .exports()
        .wait(
            &export.id,
            Duration::from_millis(20),
            Some(Duration::from_secs(30)),
        )
        .unwrap();
    assert!(done.status.is_final());
    let mut file = Vec::new();
    let written = client.exports().download(&done, &mut file).unwrap();
    assert_eq!(written as usize, file.len());
    let text = String::from_utf8(file).unwrap();
    let mut rows = csv_rows(&text);
    rows.sort();
    assert_eq!(rows.len(), 30, "{text}");
    assert!(rows.iter().any(|r| r.contains("+244912340029")), "{text}");
    // By ID: the export is looked up first.
    let mut again = Vec::new();
    client.exports().download(done.id.as_str(), &mut again).unwrap();
    assert_eq!(again.len() as u64, written);
}

fn csv_rows(text: &str) -> Vec<String> {
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn an_export_that_is_not_completed_is_refused_without_a_download() {
    let sandbox = Sandbox::start_with(zexa_sandbox::SandboxConfig {
        manual_clock: true,
        ..Default::default()
    })
    .unwrap();
    let client = sandbox_client(&sandbox);
    let export = client.exports().create(&CreateExport::new()).unwrap();
    let error = client.exports().download(&export, &mut Vec::new()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert!(error.to_string().contains("not completed"), "{error}");
    // The clock does not move, so the wait runs out and carries the export as last seen.
    let error = client
        .exports()
        .wait(
            &export.id,
            Duration::from_millis(10),
            Some(Duration::from_millis(50)),
        )
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::WaitTimeout);
    match error {
        zexa::Error::ExportWaitTimeout {
            export: seen, polls, ..
        } => {
            assert_eq!(seen.id, export.id);
            assert!(polls >= 2);
        }
        other => panic!("{other:?}"),
    }
}

/// An export whose file lives on `storage` (another host:port than the API).
fn completed_export(api: &MockServer, download_url: &str) {
    api.mock(|when, then| {
        bare(when, GET, "/exports/exp_1");
        json(
            then,
            200,
            json!({"id": "exp_1", "status": "completed", "download_url": download_url, "created_at": "2026-01-01T00:00:00Z"}),
        );
    });
}

#[test]
fn the_key_is_never_sent_to_another_host_but_is_sent_to_the_api_itself() {
    let api = MockServer::start();
    let storage = MockServer::start();
    completed_export(&api, &storage.url("/bucket/exp_1.csv?sig=abc"));
    let file = storage.mock(|when, then| {
        when.method(GET)
            .path("/bucket/exp_1.csv")
            .query_param("sig", "abc")
            .header_missing("authorization");
        then.status(200).body("id,name\ncnt_1,Maria\n");
    });
    let client = builder(&api).build().unwrap();
    let scoped = client
        .with_options(&zexa::RequestOptions::new().header("X-Tenant-Secret", "t"))
        .unwrap();
    let mut out = Vec::new();
    assert_eq!(scoped.exports().download("exp_1", &mut out).unwrap(), 20);
    assert_eq!(out, b"id,name\ncnt_1,Maria\n");
    file.assert_calls(1);
    let leaked = storage.mock(|when, then| {
        when.any_request().header_exists("x-tenant-secret");
        then.status(500);
    });
    leaked.assert_calls(0);

    // A file on the API's own origin is fetched with the key.
    let api_file = api.mock(|when, then| {
        req(when, GET, "/files/exp_2.csv");
        then.status(200).body("id\n");
    });
    let own = MockServer::start();
    completed_export(&own, &api.url("/v1/files/exp_2.csv"));
    let _ = own;
    let export: zexa::Export = serde_json::from_value(json!({
        "id": "exp_2", "status": "completed", "download_url": api.url("/v1/files/exp_2.csv"),
        "created_at": "2026-01-01T00:00:00Z"
    }))
    .unwrap();
    client.exports().download(&export, &mut Vec::new()).unwrap();
    api_file.assert_calls(1);
}

#[test]
fn a_download_over_its_cap_stops_with_an_error() {
    let api = MockServer::start();
    let storage = MockServer::start();
    completed_export(&api, &storage.url("/big.csv"));
    storage.mock(|when, then| {
        when.method(GET).path("/big.csv");
        then.status(200).body("x".repeat(10_000));
    });
    let client = builder(&api).max_download_bytes(4_096).build().unwrap();
    let mut out = Vec::new();
    let error = client.exports().download("exp_1", &mut out).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode, "{error}");
    assert!(error.to_string().contains("4096"), "{error}");
    assert!(out.len() <= 4_096);
}

#[test]
fn a_failing_writer_is_a_write_error_and_a_storage_error_is_an_api_error() {
    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let api = MockServer::start();
    let storage = MockServer::start();
    completed_export(&api, &storage.url("/ok.csv"));
    storage.mock(|when, then| {
        when.method(GET).path("/ok.csv");
        then.status(200).body("id\ncnt_1\n");
    });
    let client = builder(&api).build().unwrap();
    let error = client.exports().download("exp_1", &mut Full).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Write);
    assert_eq!(error.io_kind(), Some(std::io::ErrorKind::StorageFull));
    assert!(!error.may_have_executed());

    let expired = MockServer::start();
    completed_export(&expired, &storage.url("/expired.csv"));
    storage.mock(|when, then| {
        when.method(GET).path("/expired.csv");
        then.status(403).body("<Error><Code>AccessDenied</Code></Error>");
    });
    let error = builder(&expired)
        .build()
        .unwrap()
        .exports()
        .download("exp_1", &mut Vec::new())
        .unwrap_err();
    assert_eq!(error.status(), Some(403));
    assert!(error.to_string().contains("AccessDenied"), "{error}");
}

#[test]
fn update_can_clear_the_email_and_custom_fields() {
    let sandbox = Sandbox::start().unwrap();
    let client = sandbox_client(&sandbox);
    let contact = client
        .contacts()
        .create(
            &CreateContact::new("Maria", "+244912345678")
                .email("maria@example.ao")
                .custom_field("tier", "gold"),
        )
        .unwrap();
    assert_eq!(contact.email.as_deref(), Some("maria@example.ao"));
    // Setting another field leaves the email alone.
    let renamed = client
        .contacts()
        .update(&contact.id, &UpdateContact::new().name("Maria S."))
        .unwrap();
    assert_eq!(renamed.email.as_deref(), Some("maria@example.ao"));
    let cleared = client
        .contacts()
        .update(
            &contact.id,
            &UpdateContact::new().clear_email().clear_custom_fields(),
        )
        .unwrap();
    assert_eq!(cleared.email, None);
    assert!(cleared.custom_fields.as_ref().is_none_or(|f| f.is_empty()));
    assert_eq!(client.contacts().get(&contact.id).unwrap().email, None);
    assert_eq!(
        serde_json::to_value(UpdateContact::new().clear_email()).unwrap(),
        json!({"email": null})
    );
}
