//! Running `zexa` against a sandbox, and reading what it printed.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;
pub use zexa_sandbox::{Fault, Sandbox, SandboxConfig};

/// How long a test waits for a line or an exit before it fails (a bound, not a pause).
pub const BOUND: Duration = Duration::from_secs(60);

/// A sandbox whose messages and campaigns finish fast, on the wall clock.
pub fn sandbox() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        delivery_ms: 200,
        failure_rate: 0.0,
        ..SandboxConfig::default()
    })
    .expect("sandbox starts")
}

/// A sandbox on a manual clock: nothing moves until the test advances it.
pub fn manual_sandbox() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        manual_clock: true,
        failure_rate: 0.0,
        ..SandboxConfig::default()
    })
    .expect("sandbox starts")
}

/// What one run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "zexa failed: {self:#?}");
        &self.stdout
    }

    /// The single JSON document on stdout.
    #[track_caller]
    pub fn json(&self) -> Value {
        let lines = self.json_lines();
        assert_eq!(lines.len(), 1, "one JSON document expected: {self:#?}");
        lines.into_iter().next().unwrap()
    }

    /// Every JSON line on stdout.
    #[track_caller]
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l:?}\n{self:#?}")))
            .collect()
    }

    /// The `{"error": ...}` document on stderr (`--json`).
    #[track_caller]
    pub fn json_error(&self) -> Value {
        let line = self.stderr.lines().last().unwrap_or_default();
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {self:#?}"));
        v["error"].clone()
    }
}

/// The `zexa` binary, configured for `sandbox` through the environment.
pub fn command(sandbox: &Sandbox) -> Command {
    let mut cmd = bare_command();
    cmd.env("ZEXA_BASE_URL", sandbox.base_url())
        .env("ZEXA_API_KEY", sandbox.api_key());
    cmd
}

/// The `zexa` binary with no configuration from the environment.
pub fn bare_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zexa"));
    cmd.env_remove("ZEXA_BASE_URL")
        .env_remove("ZEXA_API_KEY")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null());
    cmd
}

/// Runs `zexa ARGS` against `sandbox`.
pub fn zexa(sandbox: &Sandbox, args: &[&str]) -> Run {
    finish(command(sandbox).args(args))
}

/// Runs a prepared command to its end.
pub fn finish(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("zexa runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A running `zexa` whose stdout and stderr lines arrive on channels as they are printed.
pub struct Live {
    pub child: Child,
    pub stdout: mpsc::Receiver<String>,
    pub stderr: mpsc::Receiver<String>,
    stdout_seen: Vec<String>,
    stderr_seen: Vec<String>,
}

fn lines_of(stream: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

impl Live {
    /// Starts `cmd` with piped output.
    pub fn spawn(cmd: &mut Command) -> Live {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("zexa starts");
        let stdout = lines_of(child.stdout.take().unwrap());
        let stderr = lines_of(child.stderr.take().unwrap());
        Live {
            child,
            stdout,
            stderr,
            stdout_seen: Vec::new(),
            stderr_seen: Vec::new(),
        }
    }

    /// The next stdout line, within [`BOUND`].
    #[track_caller]
    pub fn next_stdout(&mut self) -> String {
        match self.stdout.recv_timeout(BOUND) {
            Ok(line) => {
                self.stdout_seen.push(line.clone());
                line
            }
            Err(e) => panic!("no stdout line ({e}); stderr so far: {:?}", self.drain_stderr()),
        }
    }

    /// Stderr lines until one contains `needle`, within [`BOUND`].
    #[track_caller]
    pub fn stderr_until(&mut self, needle: &str) -> String {
        loop {
            match self.stderr.recv_timeout(BOUND) {
                Ok(line) => {
                    self.stderr_seen.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(e) => panic!(
                    "no stderr line with {needle:?} ({e}); seen: {:?}",
                    self.stderr_seen
                ),
            }
        }
    }

    fn drain_stderr(&mut self) -> Vec<String> {
        while let Ok(line) = self.stderr.try_recv() {
            self.stderr_seen.push(line);
        }
        self.stderr_seen.clone()
    }

    /// Sends `signal` (SIGINT, SIGTERM) to the process.
    pub fn signal(&self, signal: i32) {
        let pid = self.child.id() as i32;
        // SAFETY: kill(2) on our own child's pid has no memory effects.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0, "kill({pid}, {signal})");
    }

    /// Waits for the exit (within [`BOUND`]) and returns the code and every line printed.
    #[track_caller]
    pub fn wait(mut self) -> Run {
        let deadline = std::time::Instant::now() + BOUND;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            assert!(std::time::Instant::now() < deadline, "zexa did not exit");
            std::thread::sleep(Duration::from_millis(20));
        };
        // The reader threads end at EOF, once the process is gone.
        let rest_out: Vec<String> = self.stdout.iter().collect();
        let rest_err: Vec<String> = self.stderr.iter().collect();
        self.stdout_seen.extend(rest_out);
        self.stderr_seen.extend(rest_err);
        Run {
            code: status.code().unwrap_or(-1),
            stdout: self.stdout_seen.join("\n"),
            stderr: self.stderr_seen.join("\n"),
        }
    }
}

/// A JSON line from stdout.
#[track_caller]
pub fn parse(line: &str) -> Value {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line:?}"))
}

/// Creates a list with `n` contacts through the CLI; returns the list's ID.
pub fn list_with_contacts(sandbox: &Sandbox, n: usize) -> String {
    let list = zexa(sandbox, &["--json", "lists", "create", "audience"]).json();
    let id = list["id"].as_str().unwrap().to_owned();
    for i in 0..n {
        let phone = format!("+24491234{i:04}");
        let name = format!("Contact {i}");
        zexa(
            sandbox,
            &[
                "contacts", "create", "--name", &name, "--phone", &phone, "--list", &id,
            ],
        )
        .ok();
    }
    id
}
