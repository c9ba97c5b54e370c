//! `zexa listen`: a webhook receiver on loopback, registered with the configured API, that
//! prints every delivery-status event as it arrives and, with `--forward-to`, replays it (same
//! body and headers) to the user's own endpoint. Runs until Ctrl-C; a forward target that is
//! down is reported for that event, never fatal.

use std::io::Read;
use std::time::Duration;

use serde_json::{json, Value};

use crate::args::ListenArgs;
use crate::failure::Failure;
use crate::Ctx;

/// The largest event body read; a webhook event is a few hundred bytes.
const MAX_BODY: u64 = 1 << 20;
/// How long a forward may take before it is reported as failed.
const FORWARD_TIMEOUT: Duration = Duration::from_secs(10);
/// How often the loop looks at the Ctrl-C flag while no event comes.
const CTRL_C_CHECK: Duration = Duration::from_millis(100);

/// Headers that belong to one connection, not to the event: not replayed.
const HOP_BY_HOP: [&str; 8] = [
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
];

/// What a forward of one event gave.
enum Forwarded {
    Status(u16),
    Failed(String),
}

/// Runs the listener.
pub fn run(ctx: &Ctx, args: ListenArgs) -> Result<(), Failure> {
    if !args.addr.ip().is_loopback() {
        return Err(Failure::Usage(format!(
            "--addr {} is not a loopback address; put a tunnel in front (--public-url) instead",
            args.addr
        )));
    }
    let client = ctx.client()?;
    let server = tiny_http::Server::http(args.addr)
        .map_err(|e| Failure::io(format!("listening on {}", args.addr))(std::io::Error::other(e)))?;
    let local = match server.server_addr().to_ip() {
        Some(addr) => format!("http://{addr}/"),
        None => return Err(Failure::Usage("the receiver has no IP address".to_owned())),
    };
    let url = args.public_url.clone().unwrap_or_else(|| local.clone());
    let events = if args.events.is_empty() {
        zexa::WebhookEventType::KNOWN
            .iter()
            .map(|e| e.to_string())
            .collect()
    } else {
        args.events.clone()
    };
    let hook = client
        .webhooks()
        .create(&zexa::CreateWebhook::new(&url, events.clone()))?;
    // On stderr even with --json: stdout holds only the events.
    eprintln!(
        "listening on {local} (webhook {} at {url}, events {}); Ctrl-C stops",
        hook.id,
        events.join(" ")
    );
    if let Some(target) = &args.forward_to {
        eprintln!("forwarding to {target}");
    }
    let forwarder: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(FORWARD_TIMEOUT))
        .build()
        .into();
    let outcome = loop {
        if ctx.interrupt.is_set() {
            break Ok(());
        }
        match server.recv_timeout(CTRL_C_CHECK) {
            Ok(Some(request)) => {
                if let Err(failure) = receive(ctx, &forwarder, args.forward_to.as_deref(), request) {
                    break Err(failure);
                }
            }
            Ok(None) => {}
            Err(e) => break Err(Failure::io("receiving webhooks")(e)),
        }
    };
    let removed = remove_webhook(&client, &hook.id);
    outcome?;
    Err(Failure::Interrupted(format!("stopped listening; {removed}")))
}

/// Unregisters the listener's webhook, so that the API stops posting to a closed port. Runs
/// outside the Ctrl-C token (which is cancelled by now). Not every API offers the call: its
/// failure is reported, not fatal.
fn remove_webhook(client: &zexa::Client, id: &str) -> String {
    let path = format!("/webhooks/{id}");
    match zexa::CancelToken::new().run(|| client.request(zexa::Method::Delete, &path, &[], None)) {
        Ok(_) => format!("webhook {id} removed"),
        Err(e) => format!("webhook {id} left registered ({e})"),
    }
}

/// Prints one incoming request, acknowledges it, and forwards it.
fn receive(
    ctx: &Ctx,
    forwarder: &ureq::Agent,
    forward_to: Option<&str>,
    mut request: tiny_http::Request,
) -> Result<(), Failure> {
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|h| (h.field.as_str().to_string(), h.value.as_str().to_owned()))
        .collect();
    let mut body = Vec::new();
    let read = request.as_reader().take(MAX_BODY).read_to_end(&mut body);
    let is_post = *request.method() == tiny_http::Method::Post;
    // Acknowledge first, so a slow forward target never holds up the API's deliveries.
    let status = if is_post && read.is_ok() { 200 } else { 405 };
    let _ = request.respond(tiny_http::Response::empty(status));
    if status != 200 {
        return Ok(());
    }
    let forwarded = forward_to.map(|url| (url, forward(forwarder, url, &headers, &body)));
    print_event(ctx, &body, forwarded.as_ref().map(|(url, f)| (*url, f)))
}

/// Replays the event to `url`: the same body and the same headers, but those of the connection.
fn forward(agent: &ureq::Agent, url: &str, headers: &[(String, String)], body: &[u8]) -> Forwarded {
    let mut request = agent.post(url);
    for (name, value) in headers {
        if !HOP_BY_HOP.contains(&name.to_ascii_lowercase().as_str()) {
            request = request.header(name, value);
        }
    }
    match request.send(body) {
        Ok(response) => Forwarded::Status(response.status().as_u16()),
        Err(e) => Forwarded::Failed(e.to_string()),
    }
}

/// One line for a person, or one JSON line: the event as received, and the forward's outcome.
fn print_event(ctx: &Ctx, body: &[u8], forwarded: Option<(&str, &Forwarded)>) -> Result<(), Failure> {
    if ctx.out.json {
        let event: Value = serde_json::from_slice(body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()));
        let forward = forwarded.map(|(url, f)| match f {
            Forwarded::Status(status) => json!({ "url": url, "status": status }),
            Forwarded::Failed(error) => json!({ "url": url, "error": error }),
        });
        return ctx.out.json_line(&json!({ "event": event, "forward": forward }));
    }
    let line = match zexa::parse_webhook_event(body) {
        Ok(event) => {
            let data = &event.data;
            let subject = data
                .message_id
                .as_deref()
                .or(data.campaign_id.as_deref())
                .unwrap_or("-");
            format!(
                "{}  {}  {}  {}  {}",
                event.created_at,
                event.event_type,
                subject,
                data.to.as_deref().unwrap_or("-"),
                data.status.as_deref().unwrap_or("-"),
            )
        }
        Err(e) => format!("received a body that is not an event: {e}"),
    };
    ctx.out.line(line)?;
    match forwarded {
        Some((url, Forwarded::Status(status))) => ctx.out.line(format!("  -> {url}: {status}")),
        Some((url, Forwarded::Failed(error))) => ctx.out.line(format!("  -> {url}: failed: {error}")),
        None => Ok(()),
    }
}
