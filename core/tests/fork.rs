//! A client used across `fork()`: the child never uses a connection it inherited, so no
//! process gets another's answers, and the parent's connections keep working.
//!
//! Each child checks every answer against what it asked and reports through its exit code
//! (`_exit`, so nothing of the test harness runs twice).
#![cfg(unix)]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use zexa::{Client, CreateContact};
use zexa_sandbox::Sandbox;

/// Exit codes of a child.
const CHILD_OK: i32 = 0;
const CHILD_MISMATCH: i32 = 3;
const CHILD_ERROR: i32 = 4;
const CHILD_PANIC: i32 = 5;

fn client_of(sandbox: &Sandbox) -> Client {
    Client::builder(sandbox.api_key())
        .base_url(sandbox.base_url())
        .no_proxy()
        .build()
        .unwrap()
}

/// Creates `n` contacts and returns their IDs with the phone each must answer with.
fn contacts(client: &Client, n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let phone = format!("+2449{:08}", 10_000_000 + i);
            let created = client
                .contacts()
                .create(&CreateContact::new(format!("Fork {i}"), phone.clone()))
                .unwrap();
            (created.id, phone)
        })
        .collect()
}

/// `calls` gets, each checked: `Err(true)` on a wrong answer, `Err(false)` on an error.
fn checked_gets(client: &Client, ids: &[(String, String)], calls: usize, salt: usize) -> Result<(), bool> {
    for i in 0..calls {
        let (id, phone) = &ids[(i * 7 + salt) % ids.len()];
        match client.contacts().get(id) {
            Ok(contact) if contact.id == *id && contact.phone == *phone => {}
            Ok(_) => return Err(true),
            Err(_) => return Err(false),
        }
    }
    Ok(())
}

/// Forks; the child runs `body` and exits with its code. Returns the child's PID.
fn fork_child(body: impl FnOnce() -> i32) -> libc::pid_t {
    // SAFETY: fork has no preconditions; the child only runs `body` (which uses the SDK, as
    // a user's forked worker would) and leaves with _exit, never returning into the harness.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let code = std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or(CHILD_PANIC);
        // SAFETY: ends the child at once, as a forked worker must.
        unsafe { libc::_exit(code) };
    }
    pid
}

/// Waits for `pid` and returns its exit code.
fn exit_code(pid: libc::pid_t) -> i32 {
    let mut status = 0;
    // SAFETY: waits for our own child; `status` is a valid out-pointer.
    let waited = unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_eq!(waited, pid);
    assert!(
        libc::WIFEXITED(status),
        "child {pid} did not exit normally: {status}"
    );
    libc::WEXITSTATUS(status)
}

fn code_of(result: Result<(), bool>) -> i32 {
    match result {
        Ok(()) => CHILD_OK,
        Err(true) => CHILD_MISMATCH,
        Err(false) => CHILD_ERROR,
    }
}

#[test]
fn forked_children_never_use_the_parents_connections() {
    let sandbox = Sandbox::start().unwrap();
    let client = client_of(&sandbox);
    let ids = contacts(&client, 40);
    // Warm the pool: the parent now holds a keep-alive connection that children inherit.
    checked_gets(&client, &ids, 10, 0).unwrap();

    let children: Vec<_> = (0..4)
        .map(|n| {
            let client = client.clone();
            let ids = ids.clone();
            fork_child(move || code_of(checked_gets(&client, &ids, 500, n + 1)))
        })
        .collect();
    // The parent goes on using its own pooled connection meanwhile.
    let parent = checked_gets(&client, &ids, 500, 0);
    let codes: Vec<i32> = children.into_iter().map(exit_code).collect();
    assert_eq!(
        codes, [CHILD_OK; 4],
        "children: 0 ok, 3 a wrong answer, 4 an error"
    );
    assert_eq!(parent, Ok(()), "the parent got only its own answers");
    // The children closed their copies of the sockets; the parent's connections still work.
    assert_eq!(checked_gets(&client, &ids, 50, 3), Ok(()));
}

#[test]
fn fork_while_other_threads_are_mid_request() {
    let sandbox = Sandbox::start().unwrap();
    let client = client_of(&sandbox);
    let ids = Arc::new(contacts(&client, 40));
    let stop = Arc::new(AtomicBool::new(false));
    let wrong = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let (client, ids, stop, wrong) = (client.clone(), Arc::clone(&ids), stop.clone(), wrong.clone());
            std::thread::spawn(move || {
                let mut calls = 0;
                // Bounded in count and time, whatever the forks do.
                let until = Instant::now() + Duration::from_secs(60);
                while !stop.load(Ordering::SeqCst) && calls < 200_000 && Instant::now() < until {
                    if checked_gets(&client, &ids, 1, t + calls).is_err() {
                        wrong.fetch_add(1, Ordering::SeqCst);
                    }
                    calls += 1;
                }
                calls
            })
        })
        .collect();
    // Forks land at random points of the other threads' requests.
    let mut codes = Vec::new();
    for round in 0..30 {
        let (client, ids) = (client.clone(), Arc::clone(&ids));
        let pid = fork_child(move || code_of(checked_gets(&client, &ids, 40, round)));
        codes.push(exit_code(pid));
    }
    stop.store(true, Ordering::SeqCst);
    let calls: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert!(calls > 0);
    assert_eq!(
        codes,
        vec![CHILD_OK; 30],
        "children: 0 ok, 3 a wrong answer, 4 an error"
    );
    assert_eq!(
        wrong.load(Ordering::SeqCst),
        0,
        "the parent's threads got only their own answers"
    );
}

#[test]
fn after_fork_in_child_is_harmless_in_the_parent() {
    let sandbox = Sandbox::start().unwrap();
    let client = client_of(&sandbox);
    let ids = contacts(&client, 3);
    client.after_fork_in_child();
    assert_eq!(checked_gets(&client, &ids, 5, 0), Ok(()));
    let child = {
        let (client, ids) = (client.clone(), ids.clone());
        fork_child(move || {
            client.after_fork_in_child();
            code_of(checked_gets(&client, &ids, 20, 1))
        })
    };
    assert_eq!(exit_code(child), CHILD_OK);
    assert_eq!(checked_gets(&client, &ids, 5, 2), Ok(()));
}
