//! The HTTP routes: `/v1/...` API endpoints (behind [`api_middleware`]) and the
//! `/_sandbox/...` admin endpoints (no key, no faults, not counted).

pub mod campaigns;
pub mod contacts;
pub mod credits;
pub mod exports;
pub mod imports;
pub mod lists;
pub mod messages;
pub mod sender_ids;
pub mod webhooks;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use tower_http::compression::CompressionLayer;

use crate::errors::ApiError;
use crate::server::{api_middleware, host_guard};
use crate::state::App;

/// Uploads can be large spreadsheets; allow well beyond axum's 2 MB default.
pub(crate) const BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The complete application router.
pub fn router(app: Arc<App>) -> Router {
    let api = Router::new()
        .route(
            "/v1/contacts",
            post(contacts::create)
                .get(contacts::list)
                .delete(contacts::delete_many),
        )
        .route(
            "/v1/contacts/{id}",
            get(contacts::get_one)
                .put(contacts::update)
                .delete(contacts::delete_one),
        )
        .route("/v1/contacts/list", post(lists::create).get(lists::list))
        .route(
            "/v1/contacts/list/contacts",
            post(lists::add_members).delete(lists::remove_members),
        )
        .route("/v1/contacts/list/{list_id}/contacts", get(lists::members))
        .route("/v1/contacts/upload", post(imports::upload_file))
        .route("/v1/contacts/upload/vcard", post(imports::upload_vcard))
        .route("/v1/contacts/mapped/file", post(imports::map_file))
        .route("/v1/contacts/mapped/vcard", post(imports::map_vcard))
        .route("/v1/exports/contacts", post(exports::create))
        .route("/v1/exports/{id}", get(exports::get_one))
        .route("/v1/campaigns", post(campaigns::create).get(campaigns::list))
        .route("/v1/campaigns/{id}", get(campaigns::get_one))
        .route("/v1/messages", post(messages::create))
        .route("/v1/messages/{id}", get(messages::get_one))
        .route("/v1/sender-ids", get(sender_ids::list))
        .route("/v1/webhooks", post(webhooks::create).get(webhooks::list))
        .route("/v1/webhooks/{id}", delete(webhooks::delete_one))
        .route("/v1/credits", get(credits::get))
        .fallback(unknown_route)
        // The contract lists no 405: an unknown method on a known path is an unknown route.
        .method_not_allowed_fallback(unknown_route)
        // Inside the API middleware, so `truncate` and `drip` faults act on the bytes
        // actually sent (compressed when the client asked for gzip).
        .layer(CompressionLayer::new().gzip(true))
        .layer(from_fn_with_state(app.clone(), api_middleware));
    crate::admin::router()
        .layer(CompressionLayer::new().gzip(true))
        .merge(crate::inbox::router())
        .merge(api)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(host_guard))
        .with_state(app)
}

/// 404 for an unknown route; the body is read (and dropped) first so the connection stays
/// usable.
async fn unknown_route(method: Method, uri: Uri, body: axum::body::Bytes) -> ApiError {
    drop(body);
    ApiError::not_found(format!("No route for {method} {}", uri.path()))
}

/// A response from JSON bytes already serialized (under a lock, to avoid cloning).
pub fn raw_json(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut resp = (status, bytes).into_response();
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}
