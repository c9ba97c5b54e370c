//! `zexa messages send-bulk`: a CSV file becomes one message per row, through the core's
//! `send_many`; a rerun with the journal sends nothing twice.

use std::path::PathBuf;

use crate::common::*;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zexa-cli-bulk-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn csv_file(dir: &std::path::Path, rows: usize) -> String {
    let mut text = String::from("invoice,phone,name\n");
    for i in 0..rows {
        text.push_str(&format!("INV-{i},+2449{i:08},Cliente {i}\n"));
    }
    let path = dir.join("invoices.csv");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn every_row_is_sent_once_with_its_template_filled_and_a_rerun_skips_them() {
    let sb = sandbox();
    let dir = temp_dir("send");
    let file = csv_file(&dir, 25);
    let journal = dir.join("journal.jsonl").display().to_string();
    let args = [
        "--json",
        "messages",
        "send-bulk",
        &file,
        "--to-column",
        "phone",
        "--from",
        "ZEXA",
        "--body",
        "Olá {name}, a fatura {invoice} está pronta {{ok}}",
        "--ref-column",
        "invoice",
        "--journal",
        &journal,
        "--concurrency",
        "8",
    ];
    let run = zexa(&sb, &args);
    assert_eq!(run.code, 0, "{run:#?}");
    let lines = run.json_lines();
    let summary = &lines.last().unwrap()["summary"];
    assert_eq!(summary["sent"], 25, "{run:#?}");
    assert_eq!(lines.iter().filter(|l| l["outcome"] == "sent").count(), 25);
    let sent = sb.sent_messages();
    assert_eq!(sent.len(), 25);
    let bodies: Vec<String> = sb
        .messages(&Default::default())
        .into_iter()
        .filter(|m| m.to == "+244900000003")
        .map(|m| m.body.unwrap_or_default())
        .collect();
    assert_eq!(bodies, ["Olá Cliente 3, a fatura INV-3 está pronta {ok}"]);

    let again = zexa(&sb, &args);
    assert_eq!(again.code, 0, "{again:#?}");
    assert_eq!(again.json_lines().last().unwrap()["summary"]["skipped"], 25);
    assert_eq!(sb.sent_messages().len(), 25, "a rerun sent again");
}

#[test]
fn a_dry_run_counts_segments_and_invalid_rows_without_sending() {
    let sb = sandbox();
    let dir = temp_dir("dry");
    let path = dir.join("rows.csv");
    std::fs::write(
        &path,
        "phone,text\n+244912345678,Olá\n0912,bad number\n+244923456789,Bom dia\n",
    )
    .unwrap();
    let file = path.display().to_string();
    let run = zexa(
        &sb,
        &[
            "messages",
            "send-bulk",
            &file,
            "--to-column",
            "phone",
            "--from",
            "ZEXA",
            "--body-column",
            "text",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 1, "an invalid row makes the run fail: {run:#?}");
    assert!(
        run.stdout
            .contains("2 valid message(s), 2 SMS segment(s); 1 invalid"),
        "{run:#?}"
    );
    assert!(run.stderr.contains("failed 1:"), "{run:#?}");
    assert!(sb.sent_messages().is_empty());
}

#[test]
fn an_unknown_column_is_a_usage_error_before_anything_is_sent() {
    let sb = sandbox();
    let dir = temp_dir("usage");
    let file = csv_file(&dir, 2);
    let run = zexa(
        &sb,
        &[
            "messages",
            "send-bulk",
            &file,
            "--to-column",
            "phone",
            "--from",
            "ZEXA",
            "--body",
            "Olá {nome}",
        ],
    );
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("nome"), "{run:#?}");
    assert!(sb.sent_messages().is_empty());
}

#[test]
fn ambiguous_rows_are_written_to_a_file_for_reconciliation() {
    let sb = sandbox();
    sb.inject_faults(zexa_sandbox::Fault::Truncate, 1, Some("/v1/messages"));
    let dir = temp_dir("ambiguous");
    let file = csv_file(&dir, 3);
    let run = zexa(
        &sb,
        &[
            "messages",
            "send-bulk",
            &file,
            "--to-column",
            "phone",
            "--from",
            "ZEXA",
            "--body",
            "Olá {name}",
            "--ref-column",
            "invoice",
            "--concurrency",
            "1",
        ],
    );
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stdout.contains("sent 2, failed 0, ambiguous 1"), "{run:#?}");
    let listed = std::fs::read_to_string(format!("{file}.ambiguous.csv")).unwrap();
    assert!(listed.starts_with("ref,reason\nINV-0,"), "{listed}");
    assert_eq!(
        sb.sent_messages().len(),
        3,
        "the ambiguous one was created once and not resent"
    );
}
