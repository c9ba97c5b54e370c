//! Every documented exit code, from a real failure of its kind, and errors on stderr.

use crate::common::*;

#[test]
fn usage_errors_exit_2() {
    let sb = sandbox();
    for args in [
        &["bogus"][..],
        &["contacts", "create", "--name", "A"],
        &["contacts", "list", "--page", "x"],
        &[],
    ] {
        let run = zexa(&sb, args);
        assert_eq!(run.code, 2, "{args:?}: {run:#?}");
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn invalid_input_refused_locally_exits_3_and_sends_nothing() {
    let sb = sandbox();
    let run = zexa(
        &sb,
        &["contacts", "create", "--name", "A", "--phone", "0912345678"],
    );
    assert_eq!(run.code, 3, "{run:#?}");
    assert!(run.stderr.contains("E.164"), "the core's reason: {}", run.stderr);
    assert_eq!(zexa(&sb, &["contacts", "list", "--per-page", "1000"]).code, 3);
    assert_eq!(sb.stats().requests, 0, "{:?}", sb.stats());
    // The error as JSON for scripts.
    let json = zexa(
        &sb,
        &["--json", "contacts", "create", "--name", "A", "--phone", "12"],
    )
    .json_error();
    assert_eq!(json["kind"], "invalid_input");
    assert_eq!(json["exit_code"], 3);
}

#[test]
fn unauthorized_exits_4_not_found_5() {
    let sb = sandbox();
    let run = finish(command(&sb).args(["credits"]).env("ZEXA_API_KEY", "zx_wrong"));
    assert_eq!(run.code, 4, "{run:#?}");
    assert!(
        run.stderr.contains("unauthorized") && run.stderr.contains("request id: req_"),
        "{}",
        run.stderr
    );
    let missing = zexa(&sb, &["--json", "campaigns", "get", "cmp_nope"]);
    assert_eq!(missing.code, 5);
    let error = missing.json_error();
    assert_eq!(error["code"], "not_found");
    assert_eq!(error["status"], 404);
    assert!(error["request_id"].as_str().unwrap().starts_with("req_"));
    assert!(error["message"].as_str().unwrap().contains("cmp_nope"));
}

#[test]
fn rate_limited_exits_6_server_error_8() {
    let sb = sandbox();
    sb.inject_faults(Fault::RateLimit { retry_after: 1 }, 5, Some("/credits"));
    let run = zexa(&sb, &["--max-retries", "0", "credits"]);
    assert_eq!(run.code, 6, "{run:#?}");
    sb.clear_faults();
    sb.inject_faults(
        Fault::Status {
            status: 503,
            json: true,
        },
        5,
        Some("/credits"),
    );
    let run = zexa(&sb, &["--max-retries", "0", "credits"]);
    assert_eq!(run.code, 8, "{run:#?}");
}

#[test]
fn network_errors_and_timeouts_exit_7() {
    // A port nothing listens on: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/v1");
    let run = finish(bare_command().args([
        "--base-url",
        &url,
        "--api-key",
        "zx_k",
        "--max-retries",
        "0",
        "credits",
    ]));
    assert_eq!(run.code, 7, "{run:#?}");

    let sb = sandbox();
    sb.inject_faults(Fault::Delay { ms: 3000 }, 5, Some("/credits"));
    let run = zexa(&sb, &["--timeout", "0.2", "--max-retries", "0", "credits"]);
    assert_eq!(run.code, 7, "{run:#?}");
    assert!(run.stderr.contains("timed out"), "{}", run.stderr);
}

#[test]
fn other_api_errors_exit_1() {
    let sb = sandbox();
    let list = list_with_contacts(&sb, 1);
    // A sender that is not registered: 422 validation_error from the API.
    let run = zexa(
        &sb,
        &[
            "campaigns",
            "create",
            "--name",
            "X",
            "--channel",
            "sms",
            "--list",
            &list,
            "--from",
            "NOBODY",
            "--body",
            "Hi",
        ],
    );
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stderr.contains("validation_error"), "{}", run.stderr);
}

#[test]
fn the_json_flag_goes_anywhere_on_the_line() {
    let sb = sandbox();
    zexa(
        &sb,
        &["contacts", "create", "--name", "A", "--phone", "+244912600001"],
    )
    .ok();
    for args in [
        &["--json", "contacts", "list"][..],
        &["contacts", "--json", "list"],
        &["contacts", "list", "--json"],
    ] {
        let lines = zexa(&sb, args).json_lines();
        assert_eq!(lines.len(), 1, "{args:?}");
        assert_eq!(lines[0]["name"], "A");
    }
}
