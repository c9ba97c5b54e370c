//! A compressed bomb stops at the body limit with flat memory. Its own test binary: it reads
//! the process's peak RSS, which tests running beside it in the same process would raise.
mod common;

use std::io::Write;

use common::*;
use zexa::ErrorKind;

/// A body whose gzip stream inflates to 1 GiB of zeros: 1,024 gzip members of 1 MiB each
/// (deflate cannot compress better than about 1:1000, so this is about 1 MiB on the wire).
fn bomb() -> Vec<u8> {
    let member = gzip(&vec![0u8; 1 << 20]);
    member.repeat(1024)
}

fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[test]
fn a_compressed_bomb_hits_the_size_limit_with_flat_memory() {
    let bomb = bomb();
    assert!(bomb.len() < 2 << 20, "{} bytes on the wire", bomb.len());
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: {}\r\n\r\n",
        bomb.len()
    );
    let server = RawServer::start(move |mut s| {
        if read_request(&mut s).is_some() {
            // The client stops reading at its limit and closes: the write then fails.
            let _ = s.write_all(head.as_bytes()).and_then(|()| s.write_all(&bomb));
        }
    });
    for limit in [zexa::DEFAULT_MAX_RESPONSE_BYTES, 1 << 20] {
        let before = peak_rss_kib();
        let c = builder_at(&server.base_url())
            .max_response_bytes(limit)
            .build()
            .unwrap();
        let err = expect_kind(c.credits().get(), ErrorKind::Decode);
        assert!(
            err.to_string()
                .contains(&format!("larger than the limit of {limit} bytes")),
            "{err}"
        );
        assert!(!err.may_have_executed(), "a GET changes nothing");
        assert_printable(&err.to_string());
        let grown_mib = peak_rss_kib().saturating_sub(before) / 1024;
        // The body read is at most the limit (16 MiB), its Vec at most twice that.
        assert!(
            grown_mib < 64,
            "peak RSS grew by {grown_mib} MiB reading a 1 GiB bomb"
        );
    }
}
