//! `zexa campaigns ...`

use crate::common::*;

#[test]
fn preview_create_get_and_list() {
    let sb = sandbox();
    let list = list_with_contacts(&sb, 3);
    let preview = zexa(
        &sb,
        &[
            "--json",
            "campaigns",
            "preview",
            "--list",
            &list,
            "--channel",
            "sms",
            "--body",
            "Informação",
        ],
    )
    .json();
    assert_eq!(preview["recipients"], 3);
    assert_eq!(preview["total_segments"], 3);
    assert_eq!(preview["sms"]["encoding"], "UCS-2");

    let created = zexa(
        &sb,
        &[
            "--json",
            "campaigns",
            "create",
            "--name",
            "Promo",
            "--channel",
            "sms",
            "--list",
            &list,
            "--from",
            "ZEXA",
            "--body",
            "Olá",
        ],
    )
    .json();
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["total_recipients"], 3);

    let got = zexa(&sb, &["campaigns", "get", id]);
    assert!(got
        .ok()
        .lines()
        .any(|l| l.starts_with("name") && l.ends_with("Promo")));
    let listed = zexa(&sb, &["campaigns", "list"]);
    assert!(
        listed
            .ok()
            .lines()
            .any(|l| l.starts_with(id) && l.contains("Promo") && l.contains("sms")),
        "{listed:#?}"
    );
    assert_eq!(zexa(&sb, &["--json", "campaigns", "list"]).json_lines().len(), 1);
}

#[test]
fn scheduled_at_is_passed_on() {
    let sb = manual_sandbox();
    let list = list_with_contacts(&sb, 1);
    let created = zexa(
        &sb,
        &[
            "--json",
            "campaigns",
            "create",
            "--name",
            "Later",
            "--channel",
            "sms",
            "--list",
            &list,
            "--from",
            "ZEXA",
            "--body",
            "Hi",
            "--at",
            "2099-01-01T08:00:00Z",
        ],
    )
    .json();
    assert_eq!(created["status"], "scheduled", "{created}");
}

#[test]
fn wait_prints_json_lines_the_final_campaign_last() {
    let sb = sandbox();
    let list = list_with_contacts(&sb, 4);
    let created = zexa(
        &sb,
        &[
            "--json",
            "campaigns",
            "create",
            "--name",
            "W",
            "--channel",
            "sms",
            "--list",
            &list,
            "--from",
            "ZEXA",
            "--body",
            "Hi",
        ],
    )
    .json();
    let id = created["id"].as_str().unwrap();
    let run = zexa(
        &sb,
        &[
            "campaigns",
            "wait",
            id,
            "--json",
            "--poll-interval",
            "0.05",
            "--wait-timeout",
            "60",
        ],
    );
    let lines = run.json_lines();
    let last = lines.last().unwrap();
    assert_eq!(last["status"], "completed", "{lines:?}");
    assert_eq!(last["delivered"], 4);
    assert!(lines[..lines.len() - 1]
        .iter()
        .all(|c| c["status"] != "completed"));
}

#[test]
fn wait_off_a_terminal_prints_a_line_per_change() {
    let sb = sandbox();
    let list = list_with_contacts(&sb, 2);
    // create --wait: the creation line, then the progress lines, then the final status.
    let run = zexa(
        &sb,
        &[
            "campaigns",
            "create",
            "--name",
            "W",
            "--channel",
            "sms",
            "--list",
            &list,
            "--from",
            "ZEXA",
            "--body",
            "Hi",
            "--wait",
            "--poll-interval",
            "0.05",
        ],
    );
    let text = run.ok();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("created cmp_"), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("delivered 2, failed 0 of 2 (completed)")),
        "{lines:?}"
    );
    assert!(lines.last().unwrap().ends_with(" completed"), "{lines:?}");
    let progress: Vec<&&str> = lines.iter().filter(|l| l.contains(" of 2 (")).collect();
    let mut unique = progress.clone();
    unique.dedup();
    assert_eq!(progress, unique, "no line repeated while nothing changed");
}

#[test]
fn a_wait_that_runs_out_exits_7_with_the_campaign_as_last_seen() {
    let sb = manual_sandbox();
    let list = list_with_contacts(&sb, 1);
    let id = zexa(
        &sb,
        &[
            "--json",
            "campaigns",
            "create",
            "--name",
            "S",
            "--channel",
            "sms",
            "--list",
            &list,
            "--from",
            "ZEXA",
            "--body",
            "Hi",
        ],
    )
    .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let run = zexa(
        &sb,
        &[
            "campaigns",
            "wait",
            &id,
            "--poll-interval",
            "0.05",
            "--wait-timeout",
            "0.3",
        ],
    );
    assert_eq!(run.code, 7, "{run:#?}");
    assert!(run.stderr.contains(&id), "{}", run.stderr);
}

#[test]
fn ctrl_c_stops_the_wait_not_the_campaign_and_exits_130() {
    let sb = manual_sandbox();
    let list = list_with_contacts(&sb, 2);
    let id = zexa(
        &sb,
        &[
            "--json",
            "campaigns",
            "create",
            "--name",
            "C",
            "--channel",
            "sms",
            "--list",
            &list,
            "--from",
            "ZEXA",
            "--body",
            "Hi",
        ],
    )
    .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut live =
        Live::spawn(command(&sb).args(["--json", "campaigns", "wait", &id, "--poll-interval", "0.05"]));
    // The first poll's line: the wait is under way.
    let first = parse(&live.next_stdout());
    assert_eq!(first["id"], id.as_str());
    live.signal(libc::SIGINT);
    let run = live.wait();
    assert_eq!(run.code, 130, "{run:#?}");
    assert!(
        run.stderr.contains("stopped waiting") && run.stderr.contains("the campaign goes on"),
        "{}",
        run.stderr
    );
    // The campaign itself was not touched: it still completes.
    sb.advance(std::time::Duration::from_secs(5));
    let after = zexa(&sb, &["--json", "campaigns", "get", &id]).json();
    assert_eq!(after["status"], "completed");
}

#[test]
fn wait_stops_when_its_reader_goes_away() {
    use std::io::BufRead;
    // `zexa campaigns wait ID --json | head -1`: once the pipe is closed, nobody reads the
    // progress, so the wait ends (quietly, exit 0) instead of polling a campaign that a manual
    // clock never finishes.
    let sb = manual_sandbox();
    let list = list_with_contacts(&sb, 1);
    let id = zexa(
        &sb,
        &[
            "--json",
            "campaigns",
            "create",
            "--name",
            "P",
            "--channel",
            "sms",
            "--list",
            &list,
            "--from",
            "ZEXA",
            "--body",
            "Hi",
        ],
    )
    .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut child = command(&sb)
        .args(["--json", "campaigns", "wait", &id, "--poll-interval", "0.05"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    assert_eq!(parse(&first)["id"], id.as_str());
    drop(reader);
    let deadline = std::time::Instant::now() + BOUND;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the wait went on with nobody reading"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}
