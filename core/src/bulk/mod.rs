//! Bulk sends: many personalised messages, concurrently, within the rate limit, and exactly
//! once across crashes when a journal is kept. See [`Messages::send_many`](crate::Messages::send_many).
//!
//! The shape: the calling thread pulls items from the caller's iterator (lazily, so a file of
//! a million rows never sits in memory), checks each one, consults the journal, and hands the
//! ones to send to a fixed set of worker threads; it also receives every outcome, records it
//! and passes it to the caller's callback. Workers only send. So the caller's iterator and
//! callback need not be `Send`, and run on the caller's thread.

mod gate;
mod journal;
mod run;

use std::path::PathBuf;

use crate::error::Error;
use crate::models::Message;
use crate::resources::SendMessage;

pub(crate) use run::send_many;

/// How many sends are in flight at once by default.
pub const DEFAULT_BULK_CONCURRENCY: usize = 8;
/// The most sends in flight at once.
pub const MAX_BULK_CONCURRENCY: usize = 256;

/// One message of a bulk send: what [`Messages::send`](crate::Messages::send) takes, and the
/// caller's key for it (`ref`), which the journal and the results use. Without one, the key is
/// the message's position in the input, from 0.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BulkMessage {
    /// The caller's key for this message (an invoice number, a customer ID...).
    pub reference: Option<String>,
    /// The message.
    pub message: SendMessage,
}

impl BulkMessage {
    /// A message keyed by `reference`.
    pub fn new(reference: impl Into<String>, message: SendMessage) -> BulkMessage {
        BulkMessage {
            reference: Some(reference.into()),
            message,
        }
    }
}

impl From<SendMessage> for BulkMessage {
    /// A message keyed by its position in the input.
    fn from(message: SendMessage) -> BulkMessage {
        BulkMessage {
            reference: None,
            message,
        }
    }
}

/// How a bulk send runs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BulkOptions {
    /// The most sends in flight at once (1..=[`MAX_BULK_CONCURRENCY`]); fewer while the API
    /// answers 429.
    pub concurrency: usize,
    /// The journal file (JSON lines), created if missing. With it, a rerun after a crash skips
    /// what was sent and never resends what may have been.
    pub journal: Option<PathBuf>,
    /// Check every message and count SMS segments; send nothing.
    pub dry_run: bool,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            concurrency: DEFAULT_BULK_CONCURRENCY,
            journal: None,
            dry_run: false,
        }
    }
}

impl BulkOptions {
    /// The defaults: 8 at once, no journal, a real send.
    pub fn new() -> BulkOptions {
        BulkOptions::default()
    }

    /// The most sends in flight at once.
    pub fn concurrency(mut self, concurrency: usize) -> Self {
        self.concurrency = concurrency;
        self
    }

    /// Keeps a journal at `path`.
    pub fn journal(mut self, path: impl Into<PathBuf>) -> Self {
        self.journal = Some(path.into());
        self
    }

    /// Checks without sending.
    pub fn dry_run(mut self, dry_run: bool) -> Self {
        self.dry_run = dry_run;
        self
    }
}

/// Why a message is reported as possibly sent.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Ambiguity {
    /// This run's send failed in a way that may have reached the server (see
    /// [`Error::may_have_executed`]).
    Error(Error),
    /// An earlier run with this journal started sending it and recorded no outcome (it
    /// crashed or was killed meanwhile).
    Unfinished,
    /// An earlier run with this journal ended it as ambiguous, with this error.
    Earlier(String),
}

impl std::fmt::Display for Ambiguity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ambiguity::Error(e) => write!(f, "{e}"),
            Ambiguity::Unfinished => f.write_str("an earlier run started sending it and recorded no outcome"),
            Ambiguity::Earlier(e) => write!(f, "an earlier run could not tell whether it was sent: {e}"),
        }
    }
}

/// How one message of a bulk send ended.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum BulkOutcome {
    /// Sent now.
    Sent(Box<Message>),
    /// Not sent, surely without effect (refused locally or by the API): safe to fix and send
    /// again.
    Failed(Error),
    /// Maybe sent: never resent automatically. Look it up before sending it again (see the
    /// README's section on bulk sends).
    Ambiguous(Ambiguity),
    /// Sent by an earlier run with this journal (with the message ID it recorded).
    Skipped {
        /// The ID of the message sent then.
        message_id: Option<String>,
    },
    /// A dry run found it valid; this many SMS segments (0 for other channels or a template).
    Checked {
        /// The segments its body is billed as.
        segments: u32,
    },
}

/// One message's result, given to the callback as soon as it is known.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct BulkResult {
    /// The message's `ref`.
    pub reference: String,
    /// How it ended.
    pub outcome: BulkOutcome,
}

/// The end of a bulk send: every message in exactly one of the groups (a dry run counts the
/// valid ones in `checked` and keeps no list of them, so a million rows use flat memory).
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct BulkSummary {
    /// Sent now: ref and message.
    pub sent: Vec<(String, Message)>,
    /// Not sent, surely without effect: ref and error.
    pub failed: Vec<(String, Error)>,
    /// Maybe sent, not resent: ref and why.
    pub ambiguous: Vec<(String, Ambiguity)>,
    /// Sent by an earlier run: ref and message ID.
    pub skipped: Vec<(String, Option<String>)>,
    /// Dry run: how many messages are valid.
    pub checked: u64,
    /// Dry run: the SMS segments of the valid messages.
    pub segments: u64,
}

impl BulkSummary {
    /// How many messages the summary accounts for.
    pub fn total(&self) -> u64 {
        (self.sent.len() + self.failed.len() + self.ambiguous.len() + self.skipped.len()) as u64
            + self.checked
    }

    fn record(&mut self, result: BulkResult) {
        let reference = result.reference;
        match result.outcome {
            BulkOutcome::Sent(message) => self.sent.push((reference, *message)),
            BulkOutcome::Failed(error) => self.failed.push((reference, error)),
            BulkOutcome::Ambiguous(why) => self.ambiguous.push((reference, why)),
            BulkOutcome::Skipped { message_id } => self.skipped.push((reference, message_id)),
            BulkOutcome::Checked { segments } => {
                self.checked += 1;
                self.segments += u64::from(segments);
            }
        }
    }
}
