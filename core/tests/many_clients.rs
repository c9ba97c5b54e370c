//! A thousand clients, each with a live connection, made and dropped: no file descriptor,
//! thread or memory is left behind.
//!
//! The server runs in another process (this test binary run again, see [`serve`]), so every
//! file descriptor and thread of this process belongs to the clients and the counts before
//! and after can be compared exactly, without waiting for a server to close its side.
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};

use zexa::Client;
use zexa_sandbox::Sandbox;

/// Set in the environment of the server process.
const SERVE_ENV: &str = "ZEXA_TEST_SERVE_SANDBOX";
/// How many clients each round makes.
const CLIENTS: usize = 1000;

/// In the server process only: runs a sandbox, prints its base URL and key, and serves until
/// its standard input closes (when the test that started it ends, or dies).
#[test]
fn serve() {
    if std::env::var_os(SERVE_ENV).is_none() {
        return;
    }
    let sandbox = Sandbox::start().expect("sandbox starts");
    println!("ZEXA_URL={} {}", sandbox.base_url(), sandbox.api_key());
    let mut line = String::new();
    while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {}
    sandbox.shutdown();
}

/// The server process and what it printed.
struct Server {
    child: Child,
    /// Kept open until the server exits, so that what libtest prints after the URL is not
    /// written to a closed pipe.
    _stdout: std::io::Lines<BufReader<ChildStdout>>,
    base_url: String,
    api_key: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

fn start_server() -> Server {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "serve", "--nocapture", "--test-threads=1"])
        .env(SERVE_ENV, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server process starts");
    let stdout = child.stdout.take().unwrap();
    // Bounded: the server prints its line first, or exits (EOF ends the loop).
    let mut lines = BufReader::new(stdout).lines();
    let line = lines
        .by_ref()
        .map_while(Result::ok)
        // libtest prints "test serve ... " before it on the same line.
        .find_map(|l| l.split_once("ZEXA_URL=").map(|(_, rest)| rest.to_owned()))
        .expect("the server process prints its URL");
    let (base_url, api_key) = line.split_once(' ').unwrap();
    Server {
        child,
        _stdout: lines,
        base_url: base_url.to_owned(),
        api_key: api_key.to_owned(),
    }
}

fn count(dir: &str) -> usize {
    std::fs::read_dir(dir).unwrap().count()
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// What a round saw at its peak, all clients alive.
struct Peak {
    /// File descriptors opened.
    fds: usize,
    /// Growth of the resident memory, in KiB.
    rss_kib: u64,
}

fn client_of(server: &Server) -> Client {
    Client::builder(&server.api_key)
        .base_url(&server.base_url)
        .no_proxy()
        .build()
        .unwrap()
}

/// Makes `CLIENTS` clients that each make one call (one live connection each, all open at
/// once), then drops them all.
fn round(server: &Server) -> Peak {
    let fds_before = count("/proc/self/fd");
    let rss_before = rss_kib();
    let clients: Vec<Client> = (0..CLIENTS)
        .map(|_| {
            let client = client_of(server);
            client.credits().get().expect("a call of each client");
            client
        })
        .collect();
    let peak = Peak {
        fds: count("/proc/self/fd") - fds_before,
        rss_kib: rss_kib().saturating_sub(rss_before),
    };
    drop(clients);
    peak
}

#[test]
fn a_thousand_clients_leave_no_fd_thread_or_memory_behind() {
    if std::env::var_os(SERVE_ENV).is_some() {
        return;
    }
    let server = start_server();
    // One client first: what a process pays once (the code's first use, shared state).
    client_of(&server).credits().get().unwrap();
    let first = round(&server);
    assert!(
        first.fds >= CLIENTS,
        "each client held its connection ({} sockets open)",
        first.fds
    );
    // The goal of issue 20 over plain HTTP (it was 263 KiB: two 128 KiB buffers).
    let per_client = first.rss_kib as f64 / CLIENTS as f64;
    println!("{per_client:.1} KiB per client with one live connection");
    assert!(
        per_client <= 64.0,
        "{per_client:.1} KiB per client with one live connection"
    );

    let fds = count("/proc/self/fd");
    let threads = count("/proc/self/task");
    let rss = rss_kib();
    for _ in 0..2 {
        assert!(round(&server).fds >= CLIENTS);
    }
    assert_eq!(count("/proc/self/fd"), fds, "file descriptors left open");
    assert_eq!(count("/proc/self/task"), threads, "threads left running");
    // A leak of the clients or their connections would be CLIENTS x ~36 KiB per round, over
    // 70 MiB for the two rounds; the allocator keeps some freed memory, never that much.
    let grown = rss_kib().saturating_sub(rss);
    assert!(
        grown < 8 * 1024,
        "RSS grew by {grown} KiB over two rounds of {CLIENTS} clients"
    );
}
