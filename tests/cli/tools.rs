//! The commands that need no account: `segments`, `sandbox`, `completions`, help, version.

use std::io::Write;
use std::process::Stdio;

use crate::common::*;

#[test]
fn segments_of_a_text_and_of_stdin() {
    let plain = finish(bare_command().args(["segments", "A sua encomenda chegou"]));
    assert_eq!(
        plain.ok().trim(),
        "GSM-7: 1 segment(s), 22 septets (160 per segment)"
    );

    let pt = finish(bare_command().args(["segments", "Informação"]));
    let text = pt.ok();
    assert!(text.starts_with("UCS-2: 1 segment(s)"), "{text}");
    assert!(text.contains("forced UCS-2: \"ç\" at 7, \"ã\" at 8"), "{text}");

    // Word-processor punctuation: the smart-encoded text saves segments and keeps the words.
    let quoted = format!("“{}”", "a".repeat(100));
    let run = finish(bare_command().args(["--json", "segments", &quoted])).json();
    assert_eq!(run["segments"]["encoding"], "UCS-2");
    assert_eq!(run["segments"]["segments"], 2);
    assert_eq!(run["smart_encoded"]["segments"]["segments"], 1);
    assert_eq!(run["smart_encoded"]["transliterated"], false);
    assert_eq!(run["smart_encoded"]["text"], format!("\"{}\"", "a".repeat(100)));

    // Accents only go when asked for nothing else saves segments, and it says so.
    let accents = format!("Informação {}", "b".repeat(60));
    let run = finish(bare_command().args(["segments", &accents]));
    assert!(
        run.ok()
            .contains("smart-encoded (accents removed: check the spelling): GSM-7: 1 segment(s): Informacao"),
        "{run:#?}"
    );

    // From stdin, without the newline the shell adds.
    let mut child = bare_command()
        .arg("segments")
        .arg("--json")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"hello\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let v = parse(String::from_utf8_lossy(&out.stdout).trim());
    assert_eq!(v["segments"]["units"], 5);
    assert!(v["smart_encoded"].is_null());
}

#[test]
fn sandbox_runs_and_prints_its_addresses_until_stopped() {
    let mut live = Live::spawn(bare_command().args([
        "sandbox",
        "--addr",
        "127.0.0.1:0",
        "--credits",
        "42",
        "--api-key",
        "zx_test_key",
    ]));
    let api = live.next_stdout();
    let inbox = live.next_stdout();
    assert!(
        api.starts_with("http://127.0.0.1:") && api.ends_with("/v1"),
        "{api}"
    );
    assert!(inbox.starts_with("inbox: http://127.0.0.1:"), "{inbox}");
    // The sandbox answers with the options given.
    let credits = finish(bare_command().args([
        "--json",
        "--base-url",
        &api,
        "--api-key",
        "zx_test_key",
        "credits",
    ]))
    .json();
    assert_eq!(credits["balance"], 42.0);
    let wrong = finish(bare_command().args(["--base-url", &api, "--api-key", "zx_sandbox_key", "credits"]));
    assert_eq!(wrong.code, 4);
    live.signal(libc::SIGTERM);
    assert_eq!(live.wait().code, 0, "SIGTERM is a normal stop");

    // --json: one document with both addresses; Ctrl-C stops it with 130.
    let mut live = Live::spawn(bare_command().args(["sandbox", "--json", "--addr", "127.0.0.1:0"]));
    let doc = parse(&live.next_stdout());
    assert!(doc["api"].as_str().unwrap().ends_with("/v1"));
    assert!(doc["inbox"].as_str().unwrap().starts_with("http://127.0.0.1:"));
    live.signal(libc::SIGINT);
    assert_eq!(live.wait().code, 130);

    // The sandbox's own checks of its options (a non-loopback address) are usage errors.
    assert_eq!(
        finish(bare_command().args(["sandbox", "--addr", "0.0.0.0:0"])).code,
        2
    );
}

#[test]
fn completions_help_and_version() {
    for shell in ["bash", "zsh", "fish"] {
        let run = finish(bare_command().args(["completions", shell]));
        let script = run.ok();
        assert!(
            script.contains("zexa") && script.contains("campaigns"),
            "{shell}: {script:.200}"
        );
    }
    assert_eq!(finish(bare_command().args(["completions", "tcsh"])).code, 2);

    let help = finish(bare_command().args(["help", "campaigns"]));
    let text = help.ok();
    assert!(text.contains("wait") && text.contains("preview"), "{text}");
    let top = finish(bare_command().arg("--help"));
    assert!(
        top.ok().contains("Exit codes: 0 success, 2 usage error"),
        "the codes are documented"
    );
    let version = finish(bare_command().arg("--version"));
    assert_eq!(version.ok().trim(), format!("zexa {}", env!("CARGO_PKG_VERSION")));
}
