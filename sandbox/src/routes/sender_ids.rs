//! `GET /sender-ids`: the configured senders, one entry per (name, channel).

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;

use crate::errors::ApiResult;
use crate::json::{ApiQuery, Page, PageParams};
use crate::state::App;

/// `GET /sender-ids`, paginated.
pub async fn list(State(app): State<Arc<App>>, ApiQuery(q): ApiQuery<PageParams>) -> ApiResult<Response> {
    let page = Page::from_params(&q)?;
    let store = app.store();
    let total = store.sender_ids.len();
    let data = store
        .sender_ids
        .iter()
        .skip(page.offset())
        .take(page.per_page)
        .map(|s| serde_json::to_value(s).expect("serializable"))
        .collect();
    drop(store);
    Ok(page.respond(data, total))
}
