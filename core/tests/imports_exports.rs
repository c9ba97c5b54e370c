//! Bulk import (multipart uploads, mapped imports) and exports.
mod common;

use std::collections::BTreeMap;

use common::*;
use httpmock::Method::{GET, POST};
use httpmock::{HttpMockRequest, MockServer, When};
use serde_json::json;
use zexa::{CreateExport, ExportStatus, ImportMapped, ImportVcard};

fn preview() -> serde_json::Value {
    json!({"upload_id": "upl_1", "columns": ["Nome", "Telefone"],
           "rows": [["Maria", "+244912345678"]], "total_rows": 1})
}

/// A multipart upload with one `file` part carrying `filename`, `content_type` and `content`.
fn multipart(
    when: When,
    path: &str,
    filename: &'static str,
    ctype: &'static str,
    content: &'static [u8],
) -> When {
    query_exact(req(when, POST, path), &[])
        .header_matches("content-type", r"^multipart/form-data; boundary=[A-Za-z0-9_-]+$")
        .is_true(move |r: &HttpMockRequest| {
            let ct = r.headers().get("content-type").unwrap().to_str().unwrap().to_owned();
            let boundary = ct.split("boundary=").nth(1).unwrap();
            let mut expected = format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: {ctype}\r\n\r\n"
            )
            .into_bytes();
            expected.extend_from_slice(content);
            expected.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
            r.body_ref() == expected.as_slice()
        })
}

const CSV: &[u8] = b"Nome,Telefone\nMaria,+244912345678\n";

#[test]
fn upload_csv_bytes_as_multipart_and_decode_the_preview() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        multipart(when, "/contacts/upload", "contacts.csv", "text/csv", CSV);
        json(then, 200, preview());
    });
    let p = client(&server).contacts().upload(CSV, "contacts.csv").unwrap();
    mock.assert_calls(1);
    assert_eq!(p.upload_id, "upl_1");
    assert_eq!(p.columns, ["Nome", "Telefone"]);
    assert_eq!(p.rows, vec![vec!["Maria".to_owned(), "+244912345678".to_owned()]]);
    assert_eq!(p.total_rows, 1);
}

#[test]
fn upload_path_reads_the_file_and_uses_its_name() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        multipart(when, "/contacts/upload", "upload_path_test.csv", "text/csv", CSV);
        json(then, 200, preview());
    });
    let dir = std::env::temp_dir().join(format!("zexa-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("upload_path_test.csv");
    std::fs::write(&path, CSV).unwrap();
    let p = client(&server).contacts().upload_path(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    mock.assert_calls(1);
    assert_eq!(p.upload_id, "upl_1");
}

#[test]
fn upload_path_of_a_missing_file_is_invalid_input_and_sends_nothing() {
    let server = MockServer::start();
    let any = catch_all(&server);
    let err = expect_kind(
        client(&server)
            .contacts()
            .upload_path("/nonexistent/zexa/file.csv"),
        zexa::ErrorKind::InvalidInput,
    );
    assert!(err.to_string().contains("file"));
    any.assert_calls(0);
}

#[test]
fn import_mapped_posts_upload_id_mapping_and_lists() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts/mapped/file",
            json!({"upload_id": "upl_1", "mapping": {"Nome": "name", "Telefone": "phone"}, "lists": ["lst_1"]}),
        );
        json(then, 200, json!({"imported": 1, "skipped": 1,
            "errors": [{"row": 2, "error": "validation_error", "message": "phone is not E.164"}]}));
    });
    let mut mapping = BTreeMap::new();
    mapping.insert("Nome".to_owned(), "name".to_owned());
    mapping.insert("Telefone".to_owned(), "phone".to_owned());
    let r = client(&server)
        .contacts()
        .import_mapped(&ImportMapped::new("upl_1", mapping).lists(vec!["lst_1".to_owned()]))
        .unwrap();
    mock.assert_calls(1);
    assert_eq!((r.imported, r.skipped), (1, 1));
    assert_eq!(r.errors[0].row, 2);
    assert_eq!(r.errors[0].error, "validation_error");
    assert_eq!(r.errors[0].message, "phone is not E.164");
}

#[test]
fn import_mapped_without_lists_omits_them() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts/mapped/file",
            json!({"upload_id": "upl_1", "mapping": {"A": "custom:x"}}),
        );
        json(then, 200, json!({"imported": 5, "skipped": 0}));
    });
    let mut mapping = BTreeMap::new();
    mapping.insert("A".to_owned(), "custom:x".to_owned());
    let r = client(&server)
        .contacts()
        .import_mapped(&ImportMapped::new("upl_1", mapping))
        .unwrap();
    mock.assert_calls(1);
    assert!(r.errors.is_empty());
}

const VCF: &[u8] = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria\r\nTEL:+244912345678\r\nEND:VCARD\r\n";

#[test]
fn upload_vcard_and_import_it() {
    let server = MockServer::start();
    let up = server.mock(|when, then| {
        multipart(when, "/contacts/upload/vcard", "people.vcf", "text/vcard", VCF);
        json(then, 200, preview());
    });
    let import = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts/mapped/vcard",
            json!({"upload_id": "upl_1", "lists": ["lst_9"]}),
        );
        json(then, 200, json!({"imported": 1, "skipped": 0, "errors": []}));
    });
    let import_plain = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/contacts/mapped/vcard",
            json!({"upload_id": "upl_2"}),
        );
        json(then, 200, json!({"imported": 0, "skipped": 0}));
    });
    let c = client(&server);
    let p = c.contacts().upload_vcard(VCF, "people.vcf").unwrap();
    let r = c
        .contacts()
        .import_vcard(&ImportVcard::new(p.upload_id).lists(vec!["lst_9".to_owned()]))
        .unwrap();
    assert_eq!(r.imported, 1);
    c.contacts().import_vcard(&ImportVcard::new("upl_2")).unwrap();
    up.assert_calls(1);
    import.assert_calls(1);
    import_plain.assert_calls(1);
}

#[test]
fn export_through_contacts_and_exports_then_poll_it() {
    let server = MockServer::start();
    let all = server.mock(|when, then| {
        json_req(when, POST, "/exports/contacts", json!({}));
        json(
            then,
            202,
            json!({"id": "exp_1", "status": "pending", "download_url": null,
            "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let one_list = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/exports/contacts",
            json!({"list_id": "lst_1", "format": "csv"}),
        );
        json(
            then,
            201,
            json!({"id": "exp_2", "status": "processing", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let get = server.mock(|when, then| {
        bare(when, GET, "/exports/exp_1");
        json(
            then,
            200,
            json!({"id": "exp_1", "status": "completed",
            "download_url": "https://files.zexa.ao/exp_1.csv", "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let c = client(&server);
    let e = c.contacts().export(&CreateExport::new()).unwrap();
    assert_eq!(e.status, ExportStatus::Pending);
    assert!(!e.is_final());
    let e2 = c
        .exports()
        .create(&CreateExport::new().list_id("lst_1").format("csv"))
        .unwrap();
    assert_eq!(e2.status, ExportStatus::Processing);
    assert_eq!(e2.download_url, None);
    let done = c.exports().get("exp_1").unwrap();
    assert!(done.is_final());
    assert_eq!(
        done.download_url.as_deref(),
        Some("https://files.zexa.ao/exp_1.csv")
    );
    all.assert_calls(1);
    one_list.assert_calls(1);
    get.assert_calls(1);
}
