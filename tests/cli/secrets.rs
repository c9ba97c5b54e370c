//! The API key is never printed: not in output, errors, `--verbose` lines, help or completions.

use crate::common::*;

const KEY: &str = "zx_secret_4f9c2a7e1b";

#[track_caller]
fn assert_no_key(run: &Run) {
    assert!(
        !run.stdout.contains(KEY) && !run.stderr.contains(KEY),
        "the key was printed: {run:#?}"
    );
    assert!(
        !run.stdout.contains("4f9c2a7e1b") && !run.stderr.contains("4f9c2a7e1b"),
        "part of the key: {run:#?}"
    );
}

fn keyed_sandbox() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        api_key: KEY.to_owned(),
        ..SandboxConfig::default()
    })
    .unwrap()
}

#[test]
fn verbose_shows_each_request_and_retry_but_never_the_key() {
    let sb = keyed_sandbox();
    // One 503 first: a GET is retried, and the retry is shown.
    sb.inject_faults(
        Fault::Status {
            status: 503,
            json: true,
        },
        1,
        Some("/credits"),
    );
    let run = zexa(&sb, &["--verbose", "--api-key", KEY, "credits"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(run.stderr.contains("GET /credits -> HTTP 503"), "{}", run.stderr);
    assert!(run.stderr.contains("retrying in"), "{}", run.stderr);
    assert!(run.stderr.contains("GET /credits -> HTTP 200"), "{}", run.stderr);
    assert_no_key(&run);

    // Through the environment, with a command that sends a body.
    let run = zexa(
        &sb,
        &[
            "-v",
            "--json",
            "contacts",
            "create",
            "--name",
            "A",
            "--phone",
            "+244912700001",
        ],
    );
    assert!(run.stderr.contains("POST /contacts"), "{}", run.stderr);
    assert_no_key(&run);
}

#[test]
fn errors_and_help_never_show_the_key() {
    let sb = keyed_sandbox();
    // A wrong key: the error names no key.
    let wrong = format!("{KEY}_wrong");
    let run = finish(
        command(&sb)
            .args(["--verbose", "credits"])
            .env("ZEXA_API_KEY", &wrong),
    );
    assert_eq!(run.code, 4);
    assert_no_key(&run);
    // A key the core refuses (not printable ASCII): refused without echoing it.
    let run = finish(bare_command().args([
        "--verbose",
        "--base-url",
        &sb.base_url(),
        "--api-key",
        &format!("{KEY}\u{7f}"),
        "credits",
    ]));
    assert_eq!(run.code, 3, "{run:#?}");
    assert_no_key(&run);
    // An unreachable API, a usage error after the key, help with the key in the environment.
    let run = finish(bare_command().args([
        "-v",
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--api-key",
        KEY,
        "--max-retries",
        "0",
        "credits",
    ]));
    assert_eq!(run.code, 7);
    assert_no_key(&run);
    let run = finish(command(&sb).args(["--api-key", KEY, "contacts", "frobnicate"]));
    assert_eq!(run.code, 2);
    assert_no_key(&run);
    let run = finish(command(&sb).args(["--help"]).env("ZEXA_API_KEY", KEY));
    assert_no_key(&run);
}
