//! `/exports`: asynchronous CSV export of contacts, downloadable from the admin area.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use crate::errors::{ApiError, ApiResult};
use crate::json::{json_response, OptionalBody};
use crate::state::{App, Contact, Export};
use crate::time::format_ms;

/// How long an export stays `pending` before it is `completed`.
pub const EXPORT_READY_MS: u64 = 50;

/// Renders contacts as CSV (`id,name,phone,email`) with the `csv` crate's quoting.
fn render_csv<'a>(contacts: impl Iterator<Item = &'a Contact>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let rows =
        std::iter::once(["id", "name", "phone", "email"].map(str::to_string)).chain(contacts.map(|c| {
            [
                c.id.clone(),
                c.name.clone(),
                c.phone.clone(),
                c.email.clone().unwrap_or_default(),
            ]
        }));
    for row in rows {
        // Writing into a Vec cannot fail.
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `POST /exports/contacts` `{"list_id"?, "format"?}` → 202 pending export.
pub async fn create(State(app): State<Arc<App>>, OptionalBody(b): OptionalBody) -> ApiResult<Response> {
    let list_id = b.opt_str("list_id")?;
    let format = b.opt_str("format")?.unwrap_or_else(|| "csv".into());
    if format != "csv" {
        return Err(ApiError::validation(
            "format",
            &format,
            "the sandbox exports only format 'csv'",
        ));
    }
    let now = app.now();
    let mut store = app.store();
    // The snapshot is taken now, like a real export job that reads at submission.
    let csv = match &list_id {
        Some(lid) => {
            let list = store.lists.get(lid).ok_or_else(|| {
                ApiError::not_found(format!("No contact list with id '{lid}'"))
                    .with_details(json!({ "field": "list_id", "value": lid }))
            })?;
            render_csv(list.members.iter().filter_map(|id| store.contacts.get(id)))
        }
        None => render_csv(store.contacts.values()),
    };
    let id = store.ids.next("exp_");
    let export = Export {
        id: id.clone(),
        created_ms: now,
        csv: Arc::new(csv),
    };
    let v = export_json(&app, &export, now);
    store.exports.insert(id, export);
    drop(store);
    Ok(json_response(StatusCode::ACCEPTED, &v))
}

fn export_json(app: &App, e: &Export, now: u64) -> Value {
    let done = now >= e.created_ms + EXPORT_READY_MS;
    json!({
        "id": e.id,
        "status": if done { "completed" } else { "pending" },
        "format": "csv",
        "download_url": done.then(|| format!("{}/_sandbox/exports/{}.csv", app.origin, e.id)),
        "created_at": format_ms(e.created_ms),
        "completed_at": done.then(|| format_ms(e.created_ms + EXPORT_READY_MS)),
    })
}

/// `GET /exports/{id}`.
pub async fn get_one(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Response> {
    let store = app.store();
    let e = store.exports.get(&id).ok_or_else(|| {
        ApiError::not_found(format!("No export with id '{id}'")).with_details(json!({ "id": id }))
    })?;
    let v = export_json(&app, e, app.now());
    drop(store);
    Ok(json_response(StatusCode::OK, &v))
}

/// The CSV of a completed export (used by the admin download route).
pub fn completed_csv(app: &App, id: &str) -> Option<Arc<String>> {
    let store = app.store();
    let e = store.exports.get(id)?;
    (app.now() >= e.created_ms + EXPORT_READY_MS).then(|| e.csv.clone())
}
