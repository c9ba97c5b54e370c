//! Bulk import: CSV and vCard uploads (a preview to map columns from) and the mapping
//! calls that create the contacts.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use crate::errors::{ApiError, ApiResult};
use crate::json::{json_response, Body};
use crate::state::{App, NewContact, Upload, UploadKind};
use crate::validate::{is_e164, is_email, normalize_phone};

/// Rows shown in an upload preview.
const PREVIEW_ROWS: usize = 10;

/// The `file` part of a multipart body: `(filename, content)`, read with axum's
/// `Multipart` extractor (multer underneath).
async fn multipart_file(multipart: Result<Multipart, MultipartRejection>) -> ApiResult<(String, Vec<u8>)> {
    let mut multipart = multipart.map_err(|e| {
        ApiError::invalid(format!(
            "Expected a multipart/form-data body with a part named 'file': {}",
            e.body_text()
        ))
    })?;
    let malformed = |e: axum::extract::multipart::MultipartError| {
        ApiError::invalid(format!("malformed multipart body: {}", e.body_text()))
    };
    while let Some(field) = multipart.next_field().await.map_err(malformed)? {
        if field.name() == Some("file") {
            let filename = field.file_name().unwrap_or_default().to_string();
            let content = field.bytes().await.map_err(malformed)?;
            return Ok((filename, content.to_vec()));
        }
    }
    Err(ApiError::invalid_field(
        "file",
        "multipart body has no part named 'file'",
    ))
}

/// Parses CSV with the `csv` crate: RFC 4180 quoting, CRLF or LF, rows of any length, and
/// `;` as the separator when the header line has `;` but no `,` (spreadsheets in locales
/// with a decimal comma write that). Blank lines are skipped.
pub fn parse_csv(text: &str) -> ApiResult<Vec<Vec<String>>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = if !first.contains(',') && first.contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ApiError::validation("file", "", format!("malformed CSV: {e}")))?;
        let row: Vec<String> = record.iter().map(str::to_string).collect();
        if !(row.len() == 1 && row[0].trim().is_empty()) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Parses vCards into `[name, phone, email]` rows (first TEL and EMAIL of each card).
///
/// Hand-written on purpose: the import reads only FN/N/TEL/EMAIL with line unfolding, and
/// no well-kept vCard crate is smaller than these few lines.
pub fn parse_vcards(text: &str) -> Vec<Vec<String>> {
    // Unfold continuation lines (RFC 6350 §3.2).
    let mut lines: Vec<String> = Vec::new();
    for raw in text.lines() {
        let raw = raw.trim_end_matches('\r');
        if (raw.starts_with(' ') || raw.starts_with('\t')) && !lines.is_empty() {
            lines.last_mut().expect("non-empty").push_str(&raw[1..]);
        } else {
            lines.push(raw.to_string());
        }
    }
    let mut rows = Vec::new();
    let mut card: Option<[String; 3]> = None;
    let mut n_name = String::new();
    for line in lines {
        let Some((prop, value)) = line.split_once(':') else {
            continue;
        };
        let name = prop
            .split(';')
            .next()
            .unwrap_or("")
            .rsplit('.')
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let value = value.trim();
        match name.as_str() {
            "BEGIN" if value.eq_ignore_ascii_case("VCARD") => {
                card = Some(Default::default());
                n_name.clear();
            }
            "END" if value.eq_ignore_ascii_case("VCARD") => {
                if let Some(mut c) = card.take() {
                    if c[0].is_empty() {
                        c[0] = n_name.clone();
                    }
                    rows.push(c.to_vec());
                }
            }
            "FN" => {
                if let Some(c) = card.as_mut() {
                    c[0] = value.to_string();
                }
            }
            "N" => {
                // N is "Family;Given;...": used only when FN is missing.
                let mut parts = value.split(';');
                let family = parts.next().unwrap_or("");
                let given = parts.next().unwrap_or("");
                n_name = format!("{given} {family}").trim().to_string();
            }
            "TEL" => {
                if let Some(c) = card.as_mut().filter(|c| c[1].is_empty()) {
                    c[1] = value.trim_start_matches("tel:").to_string();
                }
            }
            "EMAIL" => {
                if let Some(c) = card.as_mut().filter(|c| c[2].is_empty()) {
                    c[2] = value.to_string();
                }
            }
            _ => {}
        }
    }
    rows
}

fn store_upload(app: &App, upload: Upload) -> Response {
    let preview: Vec<&Vec<String>> = upload.rows.iter().take(PREVIEW_ROWS).collect();
    let mut store = app.store();
    let id = store.ids.next("upl_");
    let body = json!({
        "upload_id": id,
        "columns": upload.columns,
        "rows": preview,
        "total_rows": upload.rows.len(),
    });
    store.uploads.insert(id, upload);
    drop(store);
    json_response(StatusCode::OK, &body)
}

/// `POST /contacts/upload` (multipart `file`, CSV) → preview. Excel is refused with 422.
pub async fn upload_file(
    State(app): State<Arc<App>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<Response> {
    let (filename, content) = multipart_file(multipart).await?;
    let lower = filename.to_ascii_lowercase();
    let is_excel = lower.ends_with(".xlsx")
        || lower.ends_with(".xls")
        || content.starts_with(b"PK\x03\x04")
        || content.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if is_excel {
        return Err(ApiError::validation(
            "file",
            &filename,
            "excel not supported by the sandbox; upload a CSV file",
        ));
    }
    let text = String::from_utf8_lossy(&content);
    let mut rows = parse_csv(&text)?;
    if rows.is_empty() {
        return Err(ApiError::validation("file", &filename, "the file is empty"));
    }
    let columns: Vec<String> = rows.remove(0).into_iter().map(|c| c.trim().to_string()).collect();
    Ok(store_upload(
        &app,
        Upload {
            kind: UploadKind::Csv,
            columns,
            rows,
        },
    ))
}

/// `POST /contacts/upload/vcard` (multipart `file`, .vcf) → preview with columns
/// `name`, `phone`, `email`.
pub async fn upload_vcard(
    State(app): State<Arc<App>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<Response> {
    let (filename, content) = multipart_file(multipart).await?;
    let rows = parse_vcards(&String::from_utf8_lossy(&content));
    if rows.is_empty() {
        return Err(ApiError::validation(
            "file",
            &filename,
            "no BEGIN:VCARD ... END:VCARD card found",
        ));
    }
    Ok(store_upload(
        &app,
        Upload {
            kind: UploadKind::Vcard,
            columns: vec!["name".into(), "phone".into(), "email".into()],
            rows,
        },
    ))
}

/// Target fields of a mapping, as column indexes.
#[derive(Default)]
struct Mapping {
    name: Option<usize>,
    phone: Option<usize>,
    email: Option<usize>,
    gender: Option<usize>,
    custom: Vec<(String, usize)>,
}

fn get_upload(app: &App, id: &str, kind: UploadKind) -> ApiResult<Upload> {
    let store = app.store();
    match store.uploads.get(id) {
        Some(u) if u.kind == kind => Ok(u.clone()),
        _ => Err(ApiError::not_found(format!("No upload with id '{id}'"))
            .with_details(json!({ "field": "upload_id", "value": id }))),
    }
}

/// `POST /contacts/mapped/file` `{"upload_id","mapping","lists"}` → import result.
pub async fn map_file(State(app): State<Arc<App>>, b: Body) -> ApiResult<Response> {
    let upload_id = b.req_str("upload_id")?;
    let mapping = b
        .opt_str_map("mapping")?
        .ok_or_else(|| ApiError::invalid_field("mapping", "Missing required field 'mapping'"))?;
    let lists = b.opt_str_array("lists")?.unwrap_or_default();
    let upload = get_upload(&app, &upload_id, UploadKind::Csv)?;
    let index: HashMap<&str, usize> = upload
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let mut m = Mapping::default();
    for (column, target) in &mapping {
        let &i = index
            .get(column.as_str())
            .ok_or_else(|| ApiError::validation("mapping", column, format!("unknown column '{column}'")))?;
        match target.as_str() {
            "name" => m.name = Some(i),
            "phone" => m.phone = Some(i),
            "email" => m.email = Some(i),
            "gender" => m.gender = Some(i),
            t => match t.strip_prefix("custom:").filter(|k| !k.is_empty()) {
                Some(key) => m.custom.push((key.to_string(), i)),
                None => {
                    return Err(ApiError::validation(
                        "mapping",
                        t,
                        "targets are name, phone, email, gender or custom:<key>",
                    ))
                }
            },
        }
    }
    if m.phone.is_none() {
        return Err(ApiError::validation_msg("mapping must map a column to 'phone'"));
    }
    import(&app, &upload, &m, &lists)
}

/// `POST /contacts/mapped/vcard` `{"upload_id","lists"}` → import result.
pub async fn map_vcard(State(app): State<Arc<App>>, b: Body) -> ApiResult<Response> {
    let upload_id = b.req_str("upload_id")?;
    let lists = b.opt_str_array("lists")?.unwrap_or_default();
    let upload = get_upload(&app, &upload_id, UploadKind::Vcard)?;
    let m = Mapping {
        name: Some(0),
        phone: Some(1),
        email: Some(2),
        ..Default::default()
    };
    import(&app, &upload, &m, &lists)
}

/// Creates one contact per valid row; bad or duplicate rows are reported, not fatal.
fn import(app: &App, upload: &Upload, m: &Mapping, lists: &[String]) -> ApiResult<Response> {
    let cell = |row: &[String], i: Option<usize>| -> String {
        i.and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let now = app.now();
    let mut store = app.store();
    store.check_lists(lists)?;
    let (mut imported, mut errors) = (0usize, Vec::<Value>::new());
    let mut seen = HashSet::new();
    for (n, row) in upload.rows.iter().enumerate() {
        let rownum = n + 1;
        let mut fail = |code: &str, message: String| {
            errors.push(json!({ "row": rownum, "error": code, "message": message }));
        };
        let phone = normalize_phone(&cell(row, m.phone));
        if !is_e164(&phone) {
            fail(
                "validation_error",
                format!("phone '{phone}' is not in E.164 format"),
            );
            continue;
        }
        let email = cell(row, m.email);
        if !email.is_empty() && !is_email(&email) {
            fail("validation_error", format!("email '{email}' is malformed"));
            continue;
        }
        if store.phones.contains_key(&phone) || !seen.insert(phone.clone()) {
            fail("conflict", format!("a contact with phone {phone} already exists"));
            continue;
        }
        let name = Some(cell(row, m.name))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| phone.clone());
        let custom: std::collections::BTreeMap<String, String> = m
            .custom
            .iter()
            .map(|(k, i)| (k.clone(), cell(row, Some(*i))))
            .collect();
        let new = NewContact {
            name,
            phone,
            email: Some(email).filter(|e| !e.is_empty()),
            lists: lists.to_vec(),
            custom_fields: Some(custom).filter(|c| !c.is_empty()),
            gender: Some(cell(row, m.gender)).filter(|g| !g.is_empty()),
            valid: None,
        };
        match store.insert_contact(new, now) {
            Ok(_) => imported += 1,
            Err(e) => fail(e.code, e.message),
        }
    }
    drop(store);
    Ok(json_response(
        StatusCode::OK,
        &json!({ "imported": imported, "skipped": errors.len(), "errors": errors }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes() {
        let rows =
            parse_csv("name,phone\r\n\"Santos, Maria\",+244912345678\n\"say \"\"hi\"\"\",x\n\n").unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], vec!["Santos, Maria", "+244912345678"]);
        assert_eq!(rows[2][0], "say \"hi\"");
        assert_eq!(parse_csv("a;b\n1;2").unwrap()[1], vec!["1", "2"]);
    }

    #[test]
    fn vcards() {
        let rows = parse_vcards(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Santos\r\nTEL;TYPE=CELL:+244 912 345 678\r\nEMAIL:maria@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nN:Ferreira;João;;;\r\nTEL:+244923456789\r\nEND:VCARD\r\n",
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0],
            vec!["Maria Santos", "+244 912 345 678", "maria@example.com"]
        );
        assert_eq!(rows[1], vec!["João Ferreira", "+244923456789", ""]);
    }
}
