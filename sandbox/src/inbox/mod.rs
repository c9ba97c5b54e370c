//! The inbox page at `GET /`: a small HTML/CSS/JS app compiled into the binary (no CDN, no
//! network) that shows what the developer's code sent, fed by the `/_sandbox/...` JSON.

use std::sync::Arc;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::state::App;

const INDEX_HTML: &str = include_str!("index.html");
const INBOX_CSS: &str = include_str!("inbox.css");
const INBOX_JS: &str = include_str!("inbox.js");

/// `GET /`, `GET /_sandbox/inbox/inbox.css`, `GET /_sandbox/inbox/inbox.js`.
pub(crate) fn router() -> Router<Arc<App>> {
    Router::new()
        .route(
            "/",
            get(|| async { asset(INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/_sandbox/inbox/inbox.css",
            get(|| async { asset(INBOX_CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/_sandbox/inbox/inbox.js",
            get(|| async { asset(INBOX_JS, "text/javascript; charset=utf-8") }),
        )
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut resp = body.into_response();
    let headers = resp.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // The page only loads its own files and talks to its own origin.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}
