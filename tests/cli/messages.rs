//! `zexa messages ...`

use crate::common::*;

#[test]
fn send_and_get_a_message() {
    let sb = sandbox();
    let sent = zexa(
        &sb,
        &[
            "--json",
            "messages",
            "send",
            "--channel",
            "sms",
            "--to",
            "+244912345678",
            "--from",
            "ZEXA",
            "--body",
            "Olá!",
        ],
    )
    .json();
    let id = sent["id"].as_str().unwrap();
    assert!(id.starts_with("msg_"));
    assert_eq!(sb.sent_messages().len(), 1);
    assert_eq!(sb.sent_messages()[0].to, "+244912345678");

    let got = zexa(&sb, &["messages", "get", id]);
    let text = got.ok();
    assert!(
        text.lines().any(|l| l.starts_with("id") && l.ends_with(id)),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("to") && l.ends_with("+244912345678")),
        "{text}"
    );
}

#[test]
fn a_template_is_sent_as_json() {
    let sb = sandbox();
    let template = r#"{"name":"order_ready","language":"pt"}"#;
    zexa(
        &sb,
        &[
            "messages",
            "send",
            "--channel",
            "whatsapp",
            "--to",
            "+244912345678",
            "--from",
            "ZEXA",
            "--template",
            template,
        ],
    )
    .ok();
    assert_eq!(sb.sent_messages().len(), 1);
    // Not JSON, or a body and a template together: usage errors, nothing sent.
    assert_eq!(
        zexa(
            &sb,
            &[
                "messages",
                "send",
                "--channel",
                "whatsapp",
                "--to",
                "+244912345678",
                "--from",
                "ZEXA",
                "--template",
                "{no"
            ]
        )
        .code,
        2
    );
    assert_eq!(
        zexa(
            &sb,
            &[
                "messages",
                "send",
                "--channel",
                "sms",
                "--to",
                "+244912345678",
                "--from",
                "ZEXA",
                "--body",
                "a",
                "--template",
                "{}"
            ]
        )
        .code,
        2
    );
    assert_eq!(sb.sent_messages().len(), 1);
}

#[test]
fn max_segments_is_checked_by_the_core_before_sending() {
    let sb = sandbox();
    let long = "Informação ".repeat(10);
    let refused = zexa(
        &sb,
        &[
            "messages",
            "send",
            "--channel",
            "sms",
            "--to",
            "+244912345678",
            "--from",
            "ZEXA",
            "--body",
            &long,
            "--max-segments",
            "1",
        ],
    );
    assert_eq!(refused.code, 3, "{refused:#?}");
    assert!(
        refused.stderr.contains("UCS-2"),
        "the core's reason: {}",
        refused.stderr
    );
    assert!(sb.sent_messages().is_empty(), "nothing was sent");
}
