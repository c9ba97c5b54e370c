//! The sandbox as a test double from Rust: typed fault, stats, reset and inspection methods,
//! and the manual clock that moves deliveries and schedules without sleeping.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use common::{assert_error, fast, start};
use serde_json::json;
use zexa_sandbox::{Fault, MessageFilter, SandboxConfig};

fn manual() -> SandboxConfig {
    SandboxConfig {
        manual_clock: true,
        failure_rate: 0.0,
        delivery_ms: 500,
        ..SandboxConfig::default()
    }
}

/// A webhook receiver answering 200 to every POST; the bodies arrive on the channel.
fn receiver() -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { return };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            // Read the head, then Content-Length bytes of body.
            let body = loop {
                let n = s.read(&mut chunk).unwrap_or(0);
                if n == 0 {
                    break String::new();
                }
                buf.extend_from_slice(&chunk[..n]);
                if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&buf[..p]).to_lowercase();
                    let len: usize = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .map_or(0, |v| v.trim().parse().unwrap());
                    if buf.len() >= p + 4 + len {
                        break String::from_utf8_lossy(&buf[p + 4..p + 4 + len]).into_owned();
                    }
                }
            };
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            if tx.send(body).is_err() {
                return;
            }
        }
    });
    (url, rx)
}

#[test]
fn manual_clock_drives_messages_and_webhooks_without_sleeping() {
    let c = start(manual());
    let (url, bodies) = receiver();
    let w = c.post(
        "/webhooks",
        &json!({"url": url, "events": ["message.delivered", "campaign.completed"]}),
    );
    assert_eq!(w.status, 201, "{}", w.text);
    let m = c.post(
        "/messages",
        &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "Olá Maria"}),
    );
    assert_eq!(m.status, 201, "{}", m.text);
    let id = m.json["id"].as_str().unwrap();

    let to_maria = MessageFilter {
        recipient: Some("+244912345678".into()),
        ..Default::default()
    };
    let sent = c.sandbox.messages(&to_maria);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].id, id);
    assert_eq!(sent[0].body.as_deref(), Some("Olá Maria"));
    assert_eq!(sent[0].status, "queued", "the clock has not moved");
    c.sandbox.advance(Duration::from_millis(499));
    assert_eq!(c.sandbox.messages(&to_maria)[0].status, "sent");
    assert!(c.sandbox.webhook_deliveries().is_empty());

    c.sandbox.advance(Duration::from_millis(1));
    let sent = c.sandbox.messages(&to_maria);
    assert_eq!(sent[0].status, "delivered");
    assert!(sent[0].delivered_at.is_some());
    // advance() returned after the event was POSTed: no waiting here.
    let log = c.sandbox.webhook_deliveries();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0].status_code, Some(200));
    assert_eq!(log[0].event_type, "message.delivered");
    assert_eq!(log[0].payload["data"]["message_id"], id);
    let received: serde_json::Value = serde_json::from_str(&bodies.recv().unwrap()).unwrap();
    assert_eq!(received, log[0].payload, "the log holds what was POSTed");

    // A scheduled campaign with a template waits for the clock, then runs.
    let lid = c.post("/contacts/list", &json!({"name": "L"})).json["id"].clone();
    for phone in ["+244911111111", "+244922222222"] {
        c.post(
            "/contacts",
            &json!({"name": phone, "phone": phone, "lists": [lid]}),
        );
    }
    let template = json!({"name": "promo", "params": {"pct": "20"}});
    let cmp = c.post(
        "/campaigns",
        &json!({"name": "Promo", "channel": "whatsapp", "contact_list_id": lid,
                "sender_id": "ZEXA", "template": template, "scheduled_at": "2099-01-01T00:00:00Z"}),
    );
    assert_eq!(cmp.json["status"], "scheduled", "{}", cmp.text);
    let cid = cmp.json["id"].as_str().unwrap().to_string();
    c.sandbox.advance(Duration::from_secs(3600));
    assert_eq!(c.get(&format!("/campaigns/{cid}")).json["status"], "scheduled");
    c.sandbox.advance(Duration::from_secs(80 * 365 * 86_400));
    let done = c.get(&format!("/campaigns/{cid}")).json;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["delivered"], 2);
    let of_campaign = c.sandbox.messages(&MessageFilter {
        campaign: Some(cid.clone()),
        ..Default::default()
    });
    assert_eq!(of_campaign.len(), 2);
    assert!(of_campaign
        .iter()
        .all(|m| m.template.as_ref() == Some(&template) && m.body.is_none() && m.status == "delivered"));
    assert_eq!(c.sandbox.sent_messages().len(), 3);
    let whatsapp = c.sandbox.messages(&MessageFilter {
        channel: Some("whatsapp".into()),
        limit: Some(1),
        ..Default::default()
    });
    assert_eq!(whatsapp.len(), 1);
    assert_eq!(whatsapp[0].to, "+244922222222", "limit keeps the newest");
    let kinds: Vec<String> = c
        .sandbox
        .webhook_deliveries()
        .into_iter()
        .map(|d| d.event_type)
        .collect();
    assert_eq!(
        kinds,
        [
            "message.delivered",
            "message.delivered",
            "message.delivered",
            "campaign.completed"
        ]
    );
}

#[test]
fn typed_faults_stats_and_reset() {
    let c = start(fast());
    c.sandbox.inject_fault(Fault::Status {
        status: 503,
        json: true,
    });
    assert_error(&c.get("/credits"), 503, "server_error");
    c.sandbox
        .inject_faults(Fault::RateLimit { retry_after: 7 }, 2, Some("/messages"));
    assert_eq!(c.get("/credits").status, 200, "bound to another path");
    let r = c.post(
        "/messages",
        &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "x"}),
    );
    assert_error(&r, 429, "rate_limit_exceeded");
    assert_eq!(r.retry_after.as_deref(), Some("7"));
    c.sandbox.clear_faults();
    let stats = c.sandbox.stats();
    assert_eq!(stats.requests, 3);
    assert_eq!(stats.faults_applied, 2);
    assert_eq!(stats.by_route.get("GET /v1/credits"), Some(&2));
    assert_eq!(stats.by_route.get("POST /v1/messages"), Some(&1));
    assert!(
        c.sandbox.sent_messages().is_empty(),
        "faulted sends did not execute"
    );

    c.sandbox
        .set_fault_rate(
            1.0,
            vec![Fault::Status {
                status: 502,
                json: false,
            }],
        )
        .unwrap();
    let r = c.get("/credits");
    assert_eq!(r.status, 502);
    assert!(r.text.contains("502 Bad Gateway"));
    assert!(c.sandbox.set_fault_rate(1.5, vec![Fault::Close]).is_err());
    assert!(c.sandbox.set_fault_rate(0.5, vec![]).is_err());
    c.sandbox.set_fault_rate(0.0, vec![]).unwrap();
    c.post(
        "/messages",
        &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "x"}),
    );
    assert_eq!(c.sandbox.sent_messages().len(), 1);

    c.sandbox.reset();
    assert!(c.sandbox.sent_messages().is_empty());
    assert_eq!(c.sandbox.stats(), zexa_sandbox::Stats::default());
    assert_eq!(c.credits(), 10_000.0);
}

#[test]
#[should_panic(expected = "manual_clock")]
fn advance_on_the_wall_clock_is_a_mistake() {
    let c = start(fast());
    c.sandbox.advance(Duration::from_secs(1));
}

#[test]
#[should_panic(expected = "400..=599")]
fn a_status_fault_outside_4xx_5xx_is_a_mistake() {
    let c = start(fast());
    c.sandbox.inject_fault(Fault::Status {
        status: 200,
        json: true,
    });
}

#[test]
fn the_same_controls_over_json() {
    let c = start(manual());
    for (to, channel) in [("+244912345678", "sms"), ("ana@example.com", "email")] {
        let from = if channel == "email" {
            "noreply@zexa.ao"
        } else {
            "ZEXA"
        };
        let r = c.post(
            "/messages",
            &json!({"channel": channel, "to": to, "from": from, "body": format!("to {to}")}),
        );
        assert_eq!(r.status, 201, "{}", r.text);
    }
    let all = c.admin_get("/_sandbox/messages").json;
    assert_eq!(all.as_array().unwrap().len(), 2, "{all}");
    let email = c.admin_get("/_sandbox/messages?channel=email").json;
    assert_eq!(email.as_array().unwrap().len(), 1);
    assert_eq!(email[0]["body"], "to ana@example.com");
    assert_eq!(email[0]["template"], serde_json::Value::Null);
    let one = c.admin_get("/_sandbox/messages?recipient=%2B244912345678").json;
    assert_eq!(one[0]["to"], "+244912345678", "{one}");
    assert_eq!(c.admin_get("/_sandbox/messages?campaign=cmp_x").json, json!([]));
    assert_error(
        &c.admin_get("/_sandbox/messages?limit=many"),
        400,
        "invalid_request",
    );

    let r = c.admin_post("/_sandbox/clock/advance", &json!({"ms": 500}));
    assert_eq!(r.status, 204, "{}", r.text);
    let all = c.admin_get("/_sandbox/messages").json;
    assert!(
        all.as_array().unwrap().iter().all(|m| m["status"] == "delivered"),
        "{all}"
    );
    assert_error(
        &c.admin_post("/_sandbox/clock/advance", &json!({"ms": -1})),
        400,
        "invalid_request",
    );
    assert_error(
        &c.admin_post("/_sandbox/faults", &json!({"kind": "explode"})),
        400,
        "invalid_request",
    );
    assert_error(
        &c.admin_post("/_sandbox/faults", &json!({"kind": "status", "status": 99})),
        400,
        "invalid_request",
    );
    let q = c.admin_post(
        "/_sandbox/faults",
        &json!({"kind": "delay", "ms": 1, "count": 3, "path": "/credits"}),
    );
    assert_eq!(q.json, json!({"queued": 3}));

    let wall = start(fast());
    assert_error(
        &wall.admin_post("/_sandbox/clock/advance", &json!({"ms": 1})),
        409,
        "conflict",
    );
}
