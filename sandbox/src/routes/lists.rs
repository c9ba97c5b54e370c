//! `/contacts/list...`: contact lists and their members.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::contacts::{search, Filter};
use crate::errors::{ApiError, ApiResult};
use crate::json::{json_response, ApiQuery, Body, Page, PageParams};
use crate::state::{App, ContactList};
use crate::time::format_ms;

/// `POST /contacts/list` → 201 list.
pub async fn create(State(app): State<Arc<App>>, b: Body) -> ApiResult<Response> {
    let name = b.req_str("name")?;
    let description = b.opt_str("description")?;
    if name.trim().is_empty() {
        return Err(ApiError::validation("name", &name, "name must not be empty"));
    }
    let mut store = app.store();
    let id = store.ids.next("lst_");
    let list = ContactList {
        id: id.clone(),
        name,
        description,
        members: Default::default(),
        created_at: format_ms(app.now()),
    };
    let v = list.to_json();
    store.lists.insert(id, list);
    drop(store);
    Ok(json_response(StatusCode::CREATED, &v))
}

/// `GET /contacts/list`, paginated, with live `contact_count`.
pub async fn list(State(app): State<Arc<App>>, ApiQuery(q): ApiQuery<PageParams>) -> ApiResult<Response> {
    let page = Page::from_params(&q)?;
    let store = app.store();
    let total = store.lists.len();
    let data = (page.offset()..(page.offset() + page.per_page).min(total))
        .filter_map(|i| store.lists.get_index(i))
        .map(|(_, l)| l.to_json())
        .collect();
    drop(store);
    Ok(page.respond(data, total))
}

fn ids(b: &Body) -> ApiResult<(Vec<String>, Vec<String>)> {
    Ok((b.req_str_array("list_ids")?, b.req_str_array("contact_ids")?))
}

/// `POST /contacts/list/contacts` `{"list_ids","contact_ids"}` → 204 (idempotent).
pub async fn add_members(State(app): State<Arc<App>>, body: Body) -> ApiResult<StatusCode> {
    let (list_ids, contact_ids) = ids(&body)?;
    let mut store = app.store();
    store.check_lists(&list_ids)?;
    store.check_contacts(&contact_ids)?;
    for l in &list_ids {
        for c in &contact_ids {
            store.add_membership(c, l);
        }
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /contacts/list/contacts` `{"list_ids","contact_ids"}` → 204 (idempotent).
pub async fn remove_members(State(app): State<Arc<App>>, body: Body) -> ApiResult<StatusCode> {
    let (list_ids, contact_ids) = ids(&body)?;
    let mut store = app.store();
    store.check_lists(&list_ids)?;
    store.check_contacts(&contact_ids)?;
    for l in &list_ids {
        for c in &contact_ids {
            store.remove_membership(c, l);
        }
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /contacts/list/{listId}/contacts`, paginated in the order contacts were added.
pub async fn members(
    State(app): State<Arc<App>>,
    Path(list_id): Path<String>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> ApiResult<Response> {
    let page = Page::from_params(&q)?;
    let store = app.store();
    let (data, total) = search(&store, &Filter::default(), Some(&list_id), None, page)?;
    drop(store);
    Ok(page.respond(data, total))
}
