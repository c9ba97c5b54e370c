//! `zexa listen`: real deliveries from the sandbox, printed and forwarded to a test server.

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Duration;

use crate::common::*;

/// What the test server received: the body and the headers (lower-case names).
struct Received {
    body: Vec<u8>,
    headers: HashMap<String, String>,
}

/// A local endpoint that answers `status` and reports every request on a channel.
fn forward_target(status: u16) -> (String, mpsc::Receiver<Received>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hooks/zexa", server.server_addr().to_ip().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for mut request in server.incoming_requests() {
            let mut body = Vec::new();
            request.as_reader().read_to_end(&mut body).unwrap();
            let headers = request
                .headers()
                .iter()
                .map(|h| {
                    (
                        h.field.as_str().as_str().to_ascii_lowercase(),
                        h.value.as_str().to_owned(),
                    )
                })
                .collect();
            let _ = request.respond(tiny_http::Response::empty(status));
            if tx.send(Received { body, headers }).is_err() {
                break;
            }
        }
    });
    (url, rx)
}

fn send_sms(sb: &Sandbox, to: &str) -> String {
    zexa(
        sb,
        &[
            "--json",
            "messages",
            "send",
            "--channel",
            "sms",
            "--to",
            to,
            "--from",
            "ZEXA",
            "--body",
            "Olá",
        ],
    )
    .json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn listen_prints_real_deliveries_and_forwards_them_exactly() {
    let sb = manual_sandbox();
    let (target, received) = forward_target(202);
    let mut live = Live::spawn(command(&sb).args([
        "listen",
        "--json",
        "--forward-to",
        &target,
        "--events",
        "message.delivered",
        "message.failed",
    ]));
    live.stderr_until("listening on");

    let id = send_sms(&sb, "+244912345678");
    // The sandbox POSTs the delivery before `advance` returns.
    sb.advance(Duration::from_secs(5));
    let line = parse(&live.next_stdout());
    assert_eq!(line["event"]["type"], "message.delivered", "{line}");
    assert_eq!(line["event"]["data"]["message_id"], id.as_str());
    assert_eq!(line["forward"]["status"], 202, "the target's answer");
    assert_eq!(line["forward"]["url"], target.as_str());

    // The forward is the same event: the exact body the sandbox sent, and its headers.
    let got = received.recv_timeout(BOUND).expect("forwarded");
    let delivered = sb.webhook_deliveries();
    let original = delivered.last().unwrap();
    assert_eq!(
        original.status_code,
        Some(200),
        "the listener acknowledged the sandbox"
    );
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&got.body).unwrap(),
        original.payload
    );
    assert_eq!(
        got.headers.get("x-zexa-event").map(String::as_str),
        Some("message.delivered")
    );
    assert_eq!(
        got.headers.get("content-type").map(String::as_str),
        Some("application/json")
    );
    assert_eq!(line["event"], original.payload, "printed as received");

    live.signal(libc::SIGINT);
    let run = live.wait();
    assert_eq!(run.code, 130, "{run:#?}");
    assert!(
        run.stderr.contains("stopped listening") && run.stderr.contains("removed"),
        "{}",
        run.stderr
    );
    let hooks = zexa(&sb, &["--json", "request", "GET", "/webhooks"]).json();
    assert_eq!(
        hooks["data"].as_array().unwrap().len(),
        0,
        "the webhook was unregistered: {hooks}"
    );
}

#[test]
fn a_forward_target_that_is_down_is_reported_per_event_never_fatal() {
    let sb = manual_sandbox();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let target = format!("http://127.0.0.1:{port}/down");
    let mut live = Live::spawn(command(&sb).args(["listen", "--forward-to", &target]));
    live.stderr_until("listening on");
    for (i, to) in ["+244912000011", "+244912000012"].iter().enumerate() {
        let id = send_sms(&sb, to);
        sb.advance(Duration::from_secs(5));
        let line = live.next_stdout();
        assert!(
            line.contains("message.delivered") && line.contains(&id) && line.contains(to),
            "event {i}: {line}"
        );
        let forward = live.next_stdout();
        assert!(
            forward.starts_with(&format!("  -> {target}: failed")),
            "event {i}: {forward}"
        );
    }
    live.signal(libc::SIGINT);
    assert_eq!(live.wait().code, 130);
}

#[test]
fn listen_registers_the_public_url_and_refuses_a_non_loopback_address() {
    let sb = manual_sandbox();
    let mut live = Live::spawn(command(&sb).args([
        "listen",
        "--public-url",
        "https://tunnel.example.com/in",
        "--events",
        "campaign.completed",
    ]));
    let note = live.stderr_until("listening on");
    assert!(
        note.contains("https://tunnel.example.com/in") && note.contains("campaign.completed"),
        "{note}"
    );
    let hooks = zexa(&sb, &["--json", "request", "GET", "/webhooks"]).json();
    assert_eq!(hooks["data"][0]["url"], "https://tunnel.example.com/in");
    live.signal(libc::SIGINT);
    assert_eq!(live.wait().code, 130);

    let refused = zexa(&sb, &["listen", "--addr", "0.0.0.0:0"]);
    assert_eq!(refused.code, 2, "{refused:#?}");
}
