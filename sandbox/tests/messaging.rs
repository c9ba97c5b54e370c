//! Campaigns, messages, credits, sender IDs, webhooks, imports and exports.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::{assert_error, fast, start, Client};
use serde_json::{json, Value};
use zexa_sandbox::SandboxConfig;

fn list_with(c: &Client, n: usize) -> String {
    let lid = c.post("/contacts/list", &json!({"name": "Audience"})).json["id"]
        .as_str()
        .unwrap()
        .to_string();
    for i in 0..n {
        let r = c.post(
            "/contacts",
            &json!({"name": format!("P{i}"), "phone": format!("+2449100000{i:02}"), "lists": [lid]}),
        );
        assert_eq!(r.status, 201, "{}", r.text);
    }
    lid
}

#[test]
fn campaign_lifecycle_to_completed() {
    let c = start(SandboxConfig {
        failure_rate: 0.3,
        ..fast()
    });
    let lid = list_with(&c, 40);
    let before = c.credits();
    let r = c.post(
        "/campaigns",
        &json!({"name": "Weekend Sale", "channel": "sms", "contact_list_id": lid,
                "sender_id": "ZEXA", "body": "20% off", "scheduled_at": null}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.json["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("cmp_"));
    assert_eq!(r.json["status"], "processing");
    assert_eq!(r.json["name"], "Weekend Sale");
    assert_eq!(r.json["channel"], "sms");
    assert_eq!(r.json["total_recipients"], 40);
    assert!(r.json["created_at"].is_string());
    assert_eq!(c.credits(), before - 40.0);

    let done = c.poll(&format!("/campaigns/{id}"), 10, |v| v["status"] == "completed");
    let (d, f) = (
        done["delivered"].as_u64().unwrap(),
        done["failed"].as_u64().unwrap(),
    );
    assert_eq!(d + f, 40);
    assert!(
        f > 0 && d > 0,
        "failure_rate 0.3 over 40 gives both outcomes: {done}"
    );
    assert!(done["sent_at"].is_string());
    assert!(done["completed_at"].is_string());

    let listed = c.get("/campaigns?per_page=10");
    assert_eq!(listed.json["meta"]["total"], 1);
    assert_eq!(listed.json["data"][0]["id"], id.as_str());

    // Recipient messages are readable and agree with the campaign counts.
    let mut failed = 0;
    for i in 0..40 {
        let m = c.get(&format!("/messages/msg_{}{i}", &id[4..]));
        assert_eq!(m.status, 200, "{}", m.text);
        assert_eq!(m.json["campaign_id"], id.as_str());
        if m.json["status"] == "failed" {
            failed += 1;
            assert_eq!(m.json["error"]["code"], "carrier_rejected");
        } else {
            assert_eq!(m.json["status"], "delivered");
        }
    }
    assert_eq!(failed, f);
}

#[test]
fn campaign_rules_and_credits() {
    let c = start(SandboxConfig {
        credits: 3.0,
        ..fast()
    });
    let lid = list_with(&c, 5);
    let base =
        json!({"name": "X", "channel": "sms", "contact_list_id": lid, "sender_id": "ZEXA", "body": "hi"});
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    assert_error(
        &c.post("/campaigns", &json!({"name": "X"})),
        400,
        "invalid_request",
    );
    assert_error(
        &c.post("/campaigns", &with("contact_list_id", json!("lst_none"))),
        404,
        "not_found",
    );
    let unreg = c.post("/campaigns", &with("sender_id", json!("NOPE")));
    assert_error(&unreg, 422, "validation_error");
    assert_eq!(unreg.json["details"]["field"], "sender_id");
    // An email sender is not registered for sms.
    assert_error(
        &c.post("/campaigns", &with("sender_id", json!("noreply@zexa.ao"))),
        422,
        "validation_error",
    );
    let mut no_body = base.clone();
    no_body.as_object_mut().unwrap().remove("body");
    assert_error(&c.post("/campaigns", &no_body), 422, "validation_error");
    let mut tmpl = no_body.clone();
    tmpl["template"] = json!({"name": "promo", "language": "pt"});
    tmpl["channel"] = json!("whatsapp");
    let credits = c.post("/campaigns", &tmpl);
    assert_error(&credits, 422, "insufficient_credits");
    assert_eq!(c.credits(), 3.0, "nothing debited");

    let empty = c.post("/contacts/list", &json!({"name": "Empty"})).json["id"].clone();
    let r = c.post("/campaigns", &with("contact_list_id", empty));
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.json["total_recipients"], 0);

    // Scheduled an hour ahead: stays scheduled, not started.
    let big = c.post("/contacts/list", &json!({"name": "Two"})).json["id"].clone();
    let ids: Vec<Value> = c.get(&format!("/contacts/list/{lid}/contacts?per_page=2")).json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].clone())
        .collect();
    c.post(
        "/contacts/list/contacts",
        &json!({"list_ids": [big], "contact_ids": ids}),
    );
    let later = "2099-01-01T00:00:00Z";
    let mut sched = with("contact_list_id", big);
    sched["scheduled_at"] = json!(later);
    let s = c.post("/campaigns", &sched);
    assert_eq!(s.status, 201, "{}", s.text);
    assert_eq!(s.json["status"], "scheduled");
    assert_eq!(c.credits(), 1.0);
    let sid = s.json["id"].as_str().unwrap();
    // A campaign sent now, to one of the same contacts, runs to completion; the scheduled one,
    // created first, would have run as far by then had it started.
    let one = c.post("/contacts/list", &json!({"name": "One"})).json["id"].clone();
    c.post(
        "/contacts/list/contacts",
        &json!({"list_ids": [one], "contact_ids": [ids[0]]}),
    );
    let now = c.post("/campaigns", &with("contact_list_id", one));
    assert_eq!(now.status, 201, "{}", now.text);
    let now_id = now.json["id"].as_str().unwrap();
    c.poll(&format!("/campaigns/{now_id}"), 10, |v| {
        v["status"] == "completed"
    });
    let g = c.get(&format!("/campaigns/{sid}"));
    assert_eq!(g.json["status"], "scheduled");
    assert_eq!(g.json["sent_at"], Value::Null);
    assert_eq!(g.json["completed_at"], Value::Null);
    assert_error(&c.get("/campaigns/cmp_nope"), 404, "not_found");
}

#[test]
fn messages_progress_and_errors() {
    let c = start(SandboxConfig {
        credits: 2.0,
        ..fast()
    });
    let r = c.post(
        "/messages",
        &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "Hello!"}),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.json["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("msg_"));
    assert_eq!(r.json["status"], "queued");
    assert_eq!(r.json["to"], "+244912345678");
    assert_eq!(r.json["from"], "ZEXA");
    assert_eq!(c.credits(), 1.0);
    let fin = c.poll(&format!("/messages/{id}"), 10, |v| {
        v["status"] == "delivered" || v["status"] == "failed"
    });
    if fin["status"] == "delivered" {
        assert!(fin["delivered_at"].is_string());
    }
    let email = c.post(
        "/messages",
        &json!({"channel": "email", "to": "a@b.co", "from": "noreply@zexa.ao", "body": "x"}),
    );
    assert_eq!(email.status, 201, "{}", email.text);
    let bad_to = c.post(
        "/messages",
        &json!({"channel": "sms", "to": "912345678", "from": "ZEXA", "body": "x"}),
    );
    assert_error(&bad_to, 422, "validation_error");
    assert_eq!(bad_to.json["details"]["field"], "to");
    assert_error(
        &c.post(
            "/messages",
            &json!({"channel": "email", "to": "+244912345678", "from": "noreply@zexa.ao", "body": "x"}),
        ),
        422,
        "validation_error",
    );
    assert_error(
        &c.post(
            "/messages",
            &json!({"channel": "sms", "to": "+244912345678", "from": "OTHER", "body": "x"}),
        ),
        422,
        "validation_error",
    );
    assert_error(
        &c.post(
            "/messages",
            &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA"}),
        ),
        422,
        "validation_error",
    );
    assert_error(
        &c.post("/messages", &json!({"channel": "sms", "to": "+244912345678"})),
        400,
        "invalid_request",
    );
    assert_error(
        &c.post(
            "/messages",
            &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "x"}),
        ),
        422,
        "insufficient_credits",
    );
    assert_eq!(c.get("/credits").json, json!({"balance": 0, "currency": "AOA"}));
    assert_error(&c.get("/messages/msg_nope"), 404, "not_found");
}

#[test]
fn sender_ids_listed_per_channel() {
    let c = start(fast());
    let r = c.get("/sender-ids");
    assert_eq!(r.status, 200);
    let data = r.json["data"].as_array().unwrap();
    assert_eq!(r.json["meta"]["total"].as_u64().unwrap() as usize, data.len());
    assert!(data.iter().any(|s| s["name"] == "ZEXA" && s["channel"] == "sms"));
    assert!(data
        .iter()
        .any(|s| s["name"] == "noreply@zexa.ao" && s["channel"] == "email"));
    assert!(data
        .iter()
        .all(|s| s["status"] == "approved" && s["id"].as_str().unwrap().starts_with("sid_")));
}

/// Reads one HTTP request from `stream`, answers 200, returns the body as JSON.
fn read_event(listener: &TcpListener) -> Value {
    let (mut stream, _) = listener.accept().unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut len = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap();
            }
        }
    }
    let mut body = vec![0; len];
    reader.read_exact(&mut body).unwrap();
    stream
        .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .unwrap();
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn webhooks_deliver_events_to_loopback() {
    let c = start(SandboxConfig {
        failure_rate: 0.0,
        ..fast()
    });
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    assert_error(
        &c.post(
            "/webhooks",
            &json!({"url": "http://example.com/x", "events": ["message.delivered"]}),
        ),
        422,
        "validation_error",
    );
    let w = c.post(
        "/webhooks",
        &json!({"url": url, "events": ["message.delivered", "campaign.completed"]}),
    );
    assert_eq!(w.status, 201, "{}", w.text);
    assert!(w.json["id"].as_str().unwrap().starts_with("wh_"));
    assert_eq!(
        w.json["events"],
        json!(["message.delivered", "campaign.completed"])
    );

    let m = c.post(
        "/messages",
        &json!({"channel": "sms", "to": "+244912345678", "from": "ZEXA", "body": "x"}),
    );
    let ev = read_event(&listener);
    assert_eq!(ev["type"], "message.delivered");
    assert!(ev["id"].as_str().unwrap().starts_with("evt_"));
    assert!(ev["created_at"].is_string());
    assert_eq!(
        ev["data"],
        json!({"message_id": m.json["id"], "campaign_id": null, "status": "delivered",
               "to": "+244912345678", "error": null})
    );

    let lid = list_with(&c, 1);
    let cmp = c.post(
        "/campaigns",
        &json!({"name": "C", "channel": "sms", "contact_list_id": lid, "sender_id": "ZEXA", "body": "b"}),
    );
    let cid = cmp.json["id"].as_str().unwrap();
    let ev = read_event(&listener);
    assert_eq!(ev["type"], "message.delivered");
    assert_eq!(ev["data"]["campaign_id"], cid);
    let ev = read_event(&listener);
    assert_eq!(ev["type"], "campaign.completed");
    assert_eq!(
        ev["data"],
        json!({"campaign_id": cid, "status": "completed", "delivered": 1, "failed": 0})
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let log = c.admin_get("/_sandbox/webhook-deliveries").json;
        if log.as_array().unwrap().len() == 3 {
            assert!(log
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["status_code"] == 200 && d["url"] == url.as_str()));
            break;
        }
        assert!(Instant::now() < deadline, "{log}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn csv_and_vcard_import() {
    let c = start(fast());
    let lid = c.post("/contacts/list", &json!({"name": "Imported"})).json["id"]
        .as_str()
        .unwrap()
        .to_string();
    let csv = "Nome,Telefone,Email,City\r\n\"Santos, Maria\",+244 912 345 678,maria@example.com,Luanda\r\nJoão,0912,joao@example.com,Benguela\r\nAna,+244923456789,,\"Lobito\"\r\nDup,+244912345678,,x\r\n";
    let up = c.upload("/contacts/upload", "contacts.csv", csv);
    assert_eq!(up.status, 200, "{}", up.text);
    assert!(up.json["upload_id"].as_str().unwrap().starts_with("upl_"));
    assert_eq!(up.json["columns"], json!(["Nome", "Telefone", "Email", "City"]));
    assert_eq!(up.json["total_rows"], 4);
    assert_eq!(up.json["rows"][0][0], "Santos, Maria");
    let r = c.post(
        "/contacts/mapped/file",
        &json!({"upload_id": up.json["upload_id"], "lists": [lid],
                "mapping": {"Nome": "name", "Telefone": "phone", "Email": "email", "City": "custom:city"}}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["imported"], 2);
    assert_eq!(r.json["skipped"], 2);
    assert_eq!(r.json["errors"][0]["row"], 2);
    assert_eq!(r.json["errors"][0]["error"], "validation_error");
    assert_eq!(r.json["errors"][1]["row"], 4);
    let maria = c.get("/contacts?phone=%2B244912345678").json["data"][0].clone();
    assert_eq!(maria["name"], "Santos, Maria");
    assert_eq!(maria["custom_fields"]["city"], "Luanda");
    assert_eq!(maria["lists"], json!([lid]));
    assert_error(
        &c.post(
            "/contacts/mapped/file",
            &json!({"upload_id": "upl_nope", "mapping": {}}),
        ),
        404,
        "not_found",
    );
    assert_error(
        &c.upload("/contacts/upload", "book.xlsx", "PK..."),
        422,
        "validation_error",
    );

    let vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rui Costa\r\nTEL;TYPE=CELL:+351 912 345 678\r\nEMAIL:rui@example.pt\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:No Phone\r\nEND:VCARD\r\n";
    let up = c.upload("/contacts/upload/vcard", "people.vcf", vcf);
    assert_eq!(up.status, 200, "{}", up.text);
    assert_eq!(up.json["columns"], json!(["name", "phone", "email"]));
    assert_eq!(
        up.json["rows"][0],
        json!(["Rui Costa", "+351 912 345 678", "rui@example.pt"])
    );
    assert_eq!(up.json["total_rows"], 2);
    let r = c.post(
        "/contacts/mapped/vcard",
        &json!({"upload_id": up.json["upload_id"]}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["imported"], 1);
    assert_eq!(r.json["skipped"], 1);
    let rui = c.get("/contacts?phone=%2B351912345678").json["data"][0].clone();
    assert_eq!(rui["email"], "rui@example.pt");
}

#[test]
fn export_completes_and_downloads() {
    let c = start(SandboxConfig {
        seed_contacts: 3,
        ..fast()
    });
    c.post(
        "/contacts",
        &json!({"name": "Quote \"Me\", please", "phone": "+244912345678"}),
    );
    let r = c.post("/exports/contacts", &json!({"format": "csv"}));
    assert_eq!(r.status, 202, "{}", r.text);
    let id = r.json["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("exp_"));
    assert_eq!(r.json["status"], "pending");
    assert_eq!(r.json["download_url"], Value::Null);
    let done = c.poll(&format!("/exports/{id}"), 5, |v| v["status"] == "completed");
    let url = done["download_url"].as_str().unwrap();
    let csv = c.get_abs(url);
    assert_eq!(csv.status, 200);
    assert!(csv.content_type.unwrap().starts_with("text/csv"));
    let lines: Vec<&str> = csv.text.lines().collect();
    assert_eq!(lines[0], "id,name,phone,email");
    assert_eq!(lines.len(), 5);
    assert!(lines[1].contains("Contact 1,+244900000001,contact1@example.com"));
    assert!(lines[4].contains("\"Quote \"\"Me\"\", please\",+244912345678,"));
    assert_error(
        &c.post("/exports/contacts", &json!({"format": "xlsx"})),
        422,
        "validation_error",
    );
    assert_error(
        &c.post("/exports/contacts", &json!({"list_id": "lst_nope"})),
        404,
        "not_found",
    );
    assert_error(&c.get("/exports/exp_nope"), 404, "not_found");
}
