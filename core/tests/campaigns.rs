//! Campaign endpoints, statuses and `wait`.
mod common;

use std::ops::ControlFlow;
use std::time::Duration;

use common::*;
use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use serde_json::json;
use zexa::{CampaignStatus, Channel, CreateCampaign, ErrorKind, ListParams};

fn created() -> serde_json::Value {
    json!({"id": "cmp_xyz789", "status": "processing", "name": "Weekend Sale", "channel": "sms",
           "total_recipients": 850, "created_at": "2026-06-24T10:00:00Z"})
}

fn completed() -> serde_json::Value {
    json!({"id": "cmp_xyz789", "name": "Weekend Sale", "status": "completed", "channel": "sms",
           "total_recipients": 850, "delivered": 812, "failed": 38,
           "created_at": "2026-06-24T10:00:00Z", "sent_at": "2026-06-24T10:00:12Z",
           "completed_at": "2026-06-24T10:05:47Z"})
}

const BODY: &str = "Get 20% off this weekend only. Shop now at myapp.ao. Reply STOP to opt out.";

#[test]
fn create_with_body_omits_template_and_schedule_and_decodes_the_201_example() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/campaigns",
            json!({"name": "Weekend Sale", "channel": "sms", "contact_list_id": "lst_abc123",
                   "sender_id": "MYBRAND", "body": BODY}),
        );
        json(then, 201, created());
    });
    let c = client(&server)
        .campaigns()
        .create(&CreateCampaign::new("Weekend Sale", Channel::Sms, "lst_abc123", "MYBRAND").body(BODY))
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(c.id, "cmp_xyz789");
    assert_eq!(c.status, CampaignStatus::Processing);
    assert_eq!(c.channel, Channel::Sms);
    assert_eq!(c.total_recipients, 850);
    assert_eq!(c.created_at, "2026-06-24T10:00:00Z");
    assert_eq!(
        (c.delivered, c.failed, c.sent_at, c.completed_at),
        (None, None, None, None)
    );
}

#[test]
fn create_with_template_and_schedule() {
    let server = MockServer::start();
    let template = json!({"name": "order_update", "language": "pt_PT", "parameters": ["Maria"]});
    let mock = server.mock(|when, then| {
        json_req(
            when,
            POST,
            "/campaigns",
            json!({"name": "Promo", "channel": "whatsapp", "contact_list_id": "lst_1",
                   "sender_id": "BRAND", "template": template.clone(),
                   "scheduled_at": "2026-07-01T08:00:00Z"}),
        );
        json(
            then,
            201,
            json!({"id": "cmp_2", "status": "scheduled", "name": "Promo", "channel": "whatsapp",
            "total_recipients": 3, "created_at": "2026-06-24T10:00:00Z"}),
        );
    });
    let c = client(&server)
        .campaigns()
        .create(
            &CreateCampaign::new("Promo", Channel::Whatsapp, "lst_1", "BRAND")
                .template(template.clone())
                .scheduled_at("2026-07-01T08:00:00Z"),
        )
        .unwrap();
    mock.assert_calls(1);
    assert_eq!(c.status, CampaignStatus::Scheduled);
    assert!(!c.status.is_final());
}

#[test]
fn get_decodes_delivery_statistics() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/campaigns/cmp_xyz789");
        json(then, 200, completed());
    });
    let c = client(&server).campaigns().get("cmp_xyz789").unwrap();
    mock.assert_calls(1);
    assert_eq!(c.status, CampaignStatus::Completed);
    assert!(c.status.is_final());
    assert_eq!(c.delivered, Some(812));
    assert_eq!(c.failed, Some(38));
    assert_eq!(c.sent_at.as_deref(), Some("2026-06-24T10:00:12Z"));
    assert_eq!(c.completed_at.as_deref(), Some("2026-06-24T10:05:47Z"));
}

#[test]
fn get_accepts_nulls_and_keeps_unknown_status_and_fields() {
    let server = MockServer::start();
    server.mock(|when, then| {
        bare(when, GET, "/campaigns/cmp_1");
        json(
            then,
            200,
            json!({"id": "cmp_1", "name": "X", "status": "paused", "channel": "carrier_pigeon",
            "total_recipients": 0, "delivered": null, "failed": null, "created_at": "2026-06-24T10:00:00Z",
            "sent_at": null, "completed_at": null, "priority": "high"}),
        );
    });
    let c = client(&server).campaigns().get("cmp_1").unwrap();
    assert_eq!(c.status, CampaignStatus::Unknown("paused".into()));
    assert_eq!(c.status.to_string(), "paused");
    assert_eq!(c.channel, Channel::Unknown("carrier_pigeon".into()));
    assert_eq!(c.sent_at, None);
    assert_eq!(c.delivered, None);
    assert_eq!(c.extra["priority"], "high");
}

#[test]
fn list_decodes_the_documented_page_and_iter_walks_it() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        query_exact(req(when, GET, "/campaigns"), &[("page", "1"), ("per_page", "20")]);
        json(
            then,
            200,
            json!({
                "data": [{"id": "cmp_xyz789", "name": "Weekend Sale", "status": "completed", "channel": "sms",
                          "total_recipients": 850, "created_at": "2026-06-24T10:00:00Z"}],
                "meta": {"total": 14, "page": 1, "per_page": 20}
            }),
        );
    });
    let c = client(&server);
    let page = c.campaigns().list(&ListParams::new().per_page(20u32)).unwrap();
    assert_eq!(page.data.len(), 1);
    assert_eq!(page.data[0].status, CampaignStatus::Completed);
    assert_eq!((page.total, page.page, page.per_page), (14, 1, 20));
    // page * per_page >= total: this is the last page, nothing more is fetched.
    assert!(!page.has_next_page());
    assert!(page.next_page().unwrap().is_none());
    let first: Vec<_> = c
        .campaigns()
        .iter(&ListParams::new().per_page(20u32))
        .map(|r| r.unwrap().id)
        .collect();
    assert_eq!(first, ["cmp_xyz789"]);
    mock.assert_calls(2);
}

#[test]
fn wait_polls_until_a_final_status() {
    let server = MockServer::start();
    let mut processing = created();
    processing["delivered"] = json!(100);
    let mock = server.mock(|when, then| {
        bare(when, GET, "/campaigns/cmp_xyz789");
        sequence(
            then,
            vec![
                step(200, processing.clone()),
                step(200, processing),
                step(200, completed()),
            ],
        );
    });
    let mut seen = Vec::new();
    let done = client(&server)
        .campaigns()
        .wait_with_progress(
            "cmp_xyz789",
            Duration::from_millis(10),
            Some(Duration::from_secs(10)),
            |c| seen.push(c.status.clone()),
        )
        .unwrap();
    mock.assert_calls(3);
    assert_eq!(done.status, CampaignStatus::Completed);
    assert_eq!(
        seen,
        [
            CampaignStatus::Processing,
            CampaignStatus::Processing,
            CampaignStatus::Completed
        ]
    );
}

#[test]
fn wait_stops_when_the_progress_callback_breaks() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/campaigns/cmp_xyz789");
        json(then, 200, created());
    });
    let mut polls = 0;
    let last = client(&server)
        .campaigns()
        .wait_with_progress("cmp_xyz789", Duration::from_millis(10), None, |_| {
            polls += 1;
            if polls == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap();
    assert_eq!(polls, 2);
    mock.assert_calls(2);
    assert_eq!(
        last.status,
        CampaignStatus::Processing,
        "the campaign as last polled"
    );
}

#[test]
fn wait_returns_a_failed_campaign_too() {
    let server = MockServer::start();
    let mut failed = completed();
    failed["status"] = json!("failed");
    let mock = server.mock(|when, then| {
        bare(when, GET, "/campaigns/cmp_xyz789");
        sequence(then, vec![step(200, created()), step(200, failed)]);
    });
    let done = client(&server)
        .campaigns()
        .wait("cmp_xyz789", Duration::from_millis(10), None)
        .unwrap();
    mock.assert_calls(2);
    assert_eq!(done.status, CampaignStatus::Failed);
}

#[test]
fn wait_gives_up_with_a_timeout_error() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        bare(when, GET, "/campaigns/cmp_xyz789");
        json(then, 200, created());
    });
    let started = std::time::Instant::now();
    let err = expect_kind(
        client(&server).campaigns().wait(
            "cmp_xyz789",
            Duration::from_millis(20),
            Some(Duration::from_millis(150)),
        ),
        ErrorKind::WaitTimeout,
    );
    assert!(started.elapsed() >= Duration::from_millis(140));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(err.to_string().contains("cmp_xyz789"), "{err}");
    // Seen before: "request timed out after 6 attempt(s)", as if one request had hung.
    assert!(!err.to_string().contains("request timed out"), "{err}");
    assert!(mock.calls() >= 2);
    assert_eq!(err.attempts() as usize, mock.calls());
    match err {
        zexa::Error::WaitTimeout { campaign, waited, .. } => {
            assert_eq!(campaign.id, "cmp_xyz789", "the campaign as last seen");
            assert_eq!(waited, Duration::from_millis(150));
        }
        other => panic!("{other:?}"),
    }
}
