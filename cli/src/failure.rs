//! What can end a command, besides the SDK's own errors, and how each is reported on stderr.

use serde_json::{json, Value};

use crate::exit;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// An error of the SDK (refused input, an API error, the network...).
    Sdk(zexa::Error),
    /// A local file or stream could not be read or written.
    Io {
        /// What was being done, e.g. `writing out.csv`.
        doing: String,
        /// The failure.
        error: std::io::Error,
    },
    /// Ctrl-C stopped something that is not an SDK call (the webhook listener).
    Interrupted(String),
    /// What the command waited for ended badly (an export that failed).
    Ended(String),
    /// The command line is well formed but cannot be run as written.
    Usage(String),
}

impl From<zexa::Error> for Failure {
    fn from(error: zexa::Error) -> Failure {
        Failure::Sdk(error)
    }
}

impl Failure {
    /// A failed read or write of `doing`.
    pub fn io(doing: impl Into<String>) -> impl FnOnce(std::io::Error) -> Failure {
        let doing = doing.into();
        move |error| Failure::Io { doing, error }
    }

    /// The documented exit code.
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Sdk(e) => exit::code_of(e.kind()),
            Failure::Io { .. } => exit::API_ERROR,
            Failure::Interrupted(_) => exit::INTERRUPTED,
            Failure::Ended(_) => exit::API_ERROR,
            Failure::Usage(_) => exit::USAGE,
        }
    }

    /// Whether stdout was closed by its reader (`zexa contacts list --all | head`): not worth
    /// a message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Failure::Io { error, .. } if error.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// The message for a person, on one or more lines.
    pub fn text(&self) -> String {
        match self {
            Failure::Sdk(e) => sdk_text(e),
            Failure::Io { doing, error } => format!("error: {doing}: {error}"),
            Failure::Interrupted(what) => format!("interrupted: {what}"),
            Failure::Ended(why) | Failure::Usage(why) => format!("error: {why}"),
        }
    }

    /// The same as JSON, for scripts: `{"error": {...}}`.
    pub fn json(&self) -> Value {
        let body = match self {
            Failure::Sdk(e) => sdk_json(e),
            Failure::Io { doing, error } => json!({"kind": "io", "message": format!("{doing}: {error}")}),
            Failure::Interrupted(what) => json!({"kind": "interrupted", "message": what}),
            Failure::Ended(why) => json!({"kind": "failed", "message": why}),
            Failure::Usage(why) => json!({"kind": "usage", "message": why}),
        };
        let mut body = body;
        body["exit_code"] = json!(self.exit_code());
        json!({ "error": body })
    }
}

fn sdk_text(e: &zexa::Error) -> String {
    let mut text = match (e, e.api()) {
        (_, Some(api)) => {
            let mut text = format!(
                "error: {} (HTTP {} {}): {}",
                e.kind(),
                api.status,
                api.code,
                api.message
            );
            if let Some(details) = &api.details {
                text.push_str(&format!("\n  details: {details}"));
            }
            if let Some(id) = &api.request_id {
                text.push_str(&format!("\n  request id: {id}"));
            }
            text
        }
        (zexa::Error::Interrupted { .. }, None) => format!("interrupted: {e}"),
        _ => format!("error: {e}"),
    };
    if e.may_have_executed() {
        text.push_str("\n  the request may have taken effect: look it up before sending it again");
    }
    text
}

fn sdk_json(e: &zexa::Error) -> Value {
    let kind = e.kind().to_string().replace(' ', "_");
    match e.api() {
        Some(api) => json!({
            "kind": kind,
            "status": api.status,
            "code": api.code,
            "message": api.message,
            "details": api.details,
            "request_id": api.request_id,
            "may_have_executed": api.may_have_executed,
        }),
        None => json!({
            "kind": kind,
            "status": e.status(),
            "message": e.to_string(),
            "may_have_executed": e.may_have_executed(),
        }),
    }
}
