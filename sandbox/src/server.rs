//! The accept loop, per-connection tasks and the API middleware (stats, faults, latency,
//! auth, rate limiting, `X-Request-Id`).
//!
//! Connections are served by hand with hyper's HTTP/1 builder instead of `axum::serve` so a
//! fault can drop a connection without answering: each connection carries a [`ConnKill`]
//! into its requests, and the connection task stops polling (and closes the socket) when a
//! handler fires it.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};

use crate::errors::{ApiError, REQUEST_ID};
use crate::faults::{self, Fault};
use crate::state::{lock, App};
use crate::validate::is_loopback_host;

/// Per-connection "drop this connection now" signal, stored in request extensions.
#[derive(Clone, Debug)]
pub struct ConnKill(pub Arc<Notify>);

/// Accepts connections until `shutdown` flips, then returns (connection tasks stop too).
pub async fn serve(listener: TcpListener, app: Arc<App>, shutdown: watch::Receiver<bool>) {
    let router = crate::routes::router(app.clone());
    tokio::spawn(crate::simulation::ticker(app.clone(), shutdown.clone()));
    let mut stop = shutdown.clone();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    let _ = stream.set_nodelay(true);
                    tokio::spawn(connection(stream, router.clone(), shutdown.clone()));
                }
                // Usually EMFILE under load: back off briefly rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
            },
            _ = stop.changed() => break,
        }
    }
}

async fn connection(
    stream: tokio::net::TcpStream,
    router: axum::Router,
    mut shutdown: watch::Receiver<bool>,
) {
    let kill = Arc::new(Notify::new());
    let ext = ConnKill(kill.clone());
    let svc = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
        req.extensions_mut().insert(ext.clone());
        let mut router = router.clone();
        tower_service::Service::call(&mut router, req)
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), svc);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        // Dropping `conn` closes the socket without writing anything more.
        _ = kill.notified() => {}
        _ = shutdown.changed() => {}
    }
}

/// The DNS-rebinding guard, around every route: only requests whose `Host` is a loopback
/// name or address (`localhost`, `127.0.0.1:8787`, `[::1]:8787`) are answered, so a page
/// on a foreign domain that re-points its name at 127.0.0.1 cannot read the sandbox.
pub async fn host_guard(req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(axum::http::header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.uri().authority().map(|a| a.to_string()));
    // The `url` crate parses `name:port`, `1.2.3.4:port` and `[v6]:port` alike; a Host is
    // only those, so anything that would make the URL mean more (`evil@127.0.0.1`) is out.
    let loopback = host
        .filter(|h| !h.contains(['@', '/', '\\', '?', '#']))
        .and_then(|h| url::Url::parse(&format!("http://{h}/")).ok())
        .is_some_and(|u| u.host().is_some_and(|h| is_loopback_host(&h)));
    if loopback {
        next.run(req).await
    } else {
        drain(req).await;
        ApiError::forbidden("the sandbox answers only requests addressed to a loopback Host").into_response()
    }
}

/// Middleware wrapped around every `/v1` route (and the API fallback).
pub async fn api_middleware(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let rid = crate::ids::request_id();
    let template = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| "(unmatched)".to_string());
    app.stats.record(format!("{} {}", req.method(), template));
    let header = HeaderValue::from_str(&rid).expect("ascii request id");
    let mut resp = REQUEST_ID.scope(rid, handle(app, req, next)).await;
    resp.headers_mut().insert("x-request-id", header);
    resp
}

async fn handle(app: Arc<App>, req: Request, next: Next) -> Response {
    if app.config.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(app.config.latency_ms)).await;
    }
    let fault = lock(&app.faults).take(req.uri().path());
    let mut after = None;
    if let Some(fault) = fault {
        app.stats
            .faults_applied
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match fault {
            Fault::Status { status, json } => return faults::status_response(status, json),
            Fault::RateLimit { retry_after } => return ApiError::rate_limited(retry_after).into_response(),
            Fault::Close => {
                if let Some(k) = req.extensions().get::<ConnKill>() {
                    k.0.notify_one();
                }
                return std::future::pending().await;
            }
            Fault::Hang => return std::future::pending().await,
            Fault::Delay { ms } => tokio::time::sleep(Duration::from_millis(ms)).await,
            other => after = Some(other),
        }
    }
    if let Err(e) = authorize(&app, &req) {
        drain(req).await;
        return e.into_response();
    }
    let resp = next.run(req).await;
    match after {
        Some(Fault::Truncate) => faults::truncate(resp).await,
        Some(Fault::Drip { ms }) => faults::drip(resp, ms).await,
        _ => resp,
    }
}

/// Reads and drops what is left of a request's body before an early answer, so hyper can
/// keep the connection open for the client's next request (an unread body makes it close
/// the connection, which a client reusing it sees as a disconnect).
pub async fn drain(req: Request) {
    let _ = axum::body::to_bytes(req.into_body(), crate::routes::BODY_LIMIT).await;
}

/// Bearer-key check, then the per-key fixed one-second rate-limit window.
fn authorize(app: &App, req: &Request) -> Result<(), ApiError> {
    let presented = req
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, key) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
        });
    let Some(key) = presented.filter(|k| *k == app.config.api_key) else {
        return Err(ApiError::unauthorized());
    };
    if let Some(limit) = app.config.rate_limit {
        let now = app.now();
        let second = now / 1000;
        let mut windows = lock(&app.rate_windows);
        let entry = windows.entry(key.to_string()).or_insert((second, 0));
        if entry.0 != second {
            *entry = (second, 0);
        }
        if entry.1 >= limit {
            return Err(ApiError::rate_limited(1));
        }
        entry.1 += 1;
    }
    Ok(())
}
