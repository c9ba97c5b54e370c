//! One bulk send: the caller's thread reads and checks the input and reports outcomes; worker
//! threads send.

use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::gate::{Gate, Passage};
use super::journal::{Earlier, Event, Journal, Past, Record};
use super::{
    Ambiguity, BulkMessage, BulkOptions, BulkOutcome, BulkResult, BulkSummary, MAX_BULK_CONCURRENCY,
};
use crate::cancel;
use crate::client::Client;
use crate::enums::Channel;
use crate::error::{quoted, Error, ErrorKind, Result};
use crate::options::RequestOptions;
use crate::resources::{SendMessage, WaitControl};

/// How many times one message is put back after a 429 before it counts as failed. A run at
/// the account's limit sees a few per message at most; this only ends a run whose account is
/// throttled for good.
const MAX_RATE_LIMITED: u32 = 50;

/// The pause after a 429 without `Retry-After`.
const DEFAULT_RATE_LIMIT_PAUSE: Duration = Duration::from_secs(1);

/// How often the caller's thread looks at its cancel token while it waits for outcomes.
const CANCEL_CHECK: Duration = Duration::from_millis(20);

struct Job {
    reference: String,
    message: SendMessage,
    digest: String,
}

pub(crate) fn send_many<I, R>(
    client: &Client,
    messages: I,
    options: &BulkOptions,
    mut on_result: impl FnMut(&BulkResult) -> R,
) -> Result<BulkSummary>
where
    I: IntoIterator,
    I::Item: Into<BulkMessage>,
    R: WaitControl,
{
    if !(1..=MAX_BULK_CONCURRENCY).contains(&options.concurrency) {
        return Err(Error::invalid(
            "concurrency",
            format!("must be 1..={MAX_BULK_CONCURRENCY} (got {})", options.concurrency),
        ));
    }
    let (journal, mut past) = match (&options.journal, options.dry_run) {
        (Some(path), false) => {
            let (journal, past) = Journal::open(path)?;
            (Some(journal), past)
        }
        _ => (None, HashMap::new()),
    };
    // Each message is sent once by the core; this loop decides what is tried again (a 429,
    // a failure that surely never reached the server), so that a 429 pauses every worker
    // together instead of each sleeping on its own.
    let sender = client.with_options(&RequestOptions::new().max_retries(0))?;
    let safe_retries = client.max_retries();
    let gate = Gate::new(options.concurrency);
    let fatal: Mutex<Option<Error>> = Mutex::new(None);
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (result_tx, result_rx) = mpsc::channel::<BulkResult>();
    let token = cancel::current();

    let mut summary = BulkSummary::default();
    let mut stop: Option<Error> = None;
    std::thread::scope(|scope| {
        for _ in 0..options.concurrency {
            let worker = Worker {
                sender: &sender,
                gate: &gate,
                journal: journal.as_ref(),
                fatal: &fatal,
                safe_retries,
            };
            let jobs = Arc::clone(&job_rx);
            let results = result_tx.clone();
            scope.spawn(move || worker.run(&jobs, &results));
        }
        drop(result_tx);

        let mut deliver = |result: BulkResult, summary: &mut BulkSummary| -> bool {
            let go_on = on_result(&result).keep_waiting();
            summary.record(result);
            go_on
        };
        let mut input = messages.into_iter().enumerate();
        let mut this_run: HashSet<String> = HashSet::new();
        let mut in_flight = 0usize;
        let mut exhausted = false;
        let capacity = options.concurrency * 2;
        loop {
            while !exhausted && stop.is_none() && in_flight < capacity {
                let Some((position, item)) = input.next() else {
                    exhausted = true;
                    break;
                };
                let item: BulkMessage = item.into();
                let reference = item.reference.unwrap_or_else(|| position.to_string());
                let message = item.message;
                let immediate = match check(&message, options.dry_run) {
                    Err(error) => Some(BulkOutcome::Failed(error)),
                    Ok(Some(segments)) => Some(BulkOutcome::Checked { segments }),
                    Ok(None) => None,
                };
                let job = match immediate {
                    Some(outcome) => Err(outcome),
                    None => {
                        let digest = digest(&message);
                        match journal
                            .as_ref()
                            .map(|_| from_journal(&reference, &digest, &mut past, &mut this_run))
                        {
                            Some(Err(error)) => {
                                stop = Some(error);
                                break;
                            }
                            Some(Ok(Some(outcome))) => Err(outcome),
                            _ => Ok(Job {
                                reference: reference.clone(),
                                message,
                                digest,
                            }),
                        }
                    }
                };
                match job {
                    Ok(job) => {
                        // The workers live until `job_tx` is dropped, so the send succeeds.
                        let _ = job_tx.send(job);
                        in_flight += 1;
                    }
                    Err(outcome) => {
                        if !deliver(BulkResult { reference, outcome }, &mut summary) {
                            stop = Some(stopped_by_callback());
                        }
                    }
                }
            }
            if let Some(error) = fatal.lock().unwrap_or_else(|e| e.into_inner()).take() {
                stop.get_or_insert(error);
            }
            if in_flight == 0 && (exhausted || stop.is_some()) {
                break;
            }
            match result_rx.recv_timeout(CANCEL_CHECK) {
                Ok(result) => {
                    in_flight -= 1;
                    if !deliver(result, &mut summary) && stop.is_none() {
                        stop = Some(stopped_by_callback());
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if let Some(token) = token.as_ref().filter(|t| t.is_cancelled()) {
                if stop.is_none() {
                    stop = Some(token.interrupted_error());
                    // Sends on the wire finish (cutting them would make them ambiguous);
                    // queued ones are given back as not sent.
                    gate.stop();
                }
            }
        }
        drop(job_tx);
        gate.stop();
    });
    if let Some(journal) = &journal {
        journal.sync_all()?;
    }
    match stop {
        Some(error) if error.kind() != ErrorKind::Interrupted && is_callback_stop(&error) => Ok(summary),
        Some(error) => Err(error),
        None => Ok(summary),
    }
}

/// The marker of a run the callback stopped: not an error for the caller.
fn stopped_by_callback() -> Error {
    Error::invalid("on_result", "stopped the run")
}

fn is_callback_stop(error: &Error) -> bool {
    matches!(error, Error::InvalidInput { field, .. } if field == "on_result")
}

/// The local verdict on a message: an error, the segments of a valid one in a dry run, or
/// `None` for one to send.
fn check(message: &SendMessage, dry_run: bool) -> Result<Option<u32>> {
    message.check()?;
    if !dry_run {
        return Ok(None);
    }
    let segments = match (&message.channel, &message.body) {
        (Channel::Sms, Some(body)) => crate::sms::sms_segments(body).segments,
        _ => 0,
    };
    Ok(Some(segments))
}

/// What the journal says about `reference`: an outcome without sending (sent before, maybe
/// sent before), `None` to send it, or an error when the journal belongs to another input.
fn from_journal(
    reference: &str,
    digest: &str,
    past: &mut HashMap<String, Past>,
    this_run: &mut HashSet<String>,
) -> Result<Option<BulkOutcome>> {
    if !this_run.insert(reference.to_owned()) {
        return Ok(Some(BulkOutcome::Failed(Error::invalid(
            "ref",
            format!(
                "{} appears twice in the input; each message needs its own ref",
                quoted(reference)
            ),
        ))));
    }
    let Some(earlier) = past.get(reference) else {
        return Ok(None);
    };
    if earlier.digest != digest {
        return Err(Error::invalid(
            "journal",
            format!(
                "ref {} was journaled with another message (recipient, sender or text differ): this journal belongs to another input; use a new journal file",
                quoted(reference)
            ),
        ));
    }
    Ok(match &earlier.state {
        Earlier::Sent { message_id } => Some(BulkOutcome::Skipped {
            message_id: message_id.clone(),
        }),
        Earlier::Unsure { error: None } => Some(BulkOutcome::Ambiguous(Ambiguity::Unfinished)),
        Earlier::Unsure { error: Some(e) } => Some(BulkOutcome::Ambiguous(Ambiguity::Earlier(e.clone()))),
        Earlier::Failed => None,
    })
}

/// A stable fingerprint of what a message sends (FNV-1a over its JSON), to recognise a
/// journal written for other messages. Hand-written on purpose: std's hashers are not stable
/// across Rust releases, and a journal must outlive an upgrade.
fn digest(message: &SendMessage) -> String {
    let bytes = serde_json::to_vec(message).expect("a message is JSON");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

struct Worker<'a> {
    sender: &'a Client,
    gate: &'a Gate,
    journal: Option<&'a Journal>,
    fatal: &'a Mutex<Option<Error>>,
    safe_retries: u32,
}

impl Worker<'_> {
    fn run(&self, jobs: &Mutex<mpsc::Receiver<Job>>, results: &mpsc::Sender<BulkResult>) {
        loop {
            let job = jobs.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok(job) = job else { return };
            let outcome = self.send(&job);
            let result = BulkResult {
                reference: job.reference,
                outcome,
            };
            if results.send(result).is_err() {
                return;
            }
        }
    }

    fn send(&self, job: &Job) -> BulkOutcome {
        let mut announced = false;
        let mut rate_limited = 0;
        let mut retried = 0;
        loop {
            if !self.gate.enter() {
                return BulkOutcome::Failed(Error::interrupted(false));
            }
            if !announced {
                if let Err(error) = self.announce(job) {
                    self.gate.leave(Passage::Failed);
                    self.gate.stop();
                    self.fatal
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .get_or_insert(error.clone());
                    return BulkOutcome::Failed(error);
                }
                announced = true;
            }
            match self.sender.messages().send(&job.message) {
                Ok(message) => {
                    self.gate.leave(Passage::Done);
                    self.record(job, Event::Sent, Some(message.id.clone()), None);
                    return BulkOutcome::Sent(Box::new(message));
                }
                Err(error) if error.kind() == ErrorKind::RateLimited && rate_limited < MAX_RATE_LIMITED => {
                    let wait = error
                        .api()
                        .and_then(|api| api.retry_after)
                        .unwrap_or(DEFAULT_RATE_LIMIT_PAUSE);
                    self.gate.leave(Passage::RateLimited(wait));
                    rate_limited += 1;
                }
                Err(error) if retryable(&error) && retried < self.safe_retries => {
                    self.gate.leave(Passage::Failed);
                    retried += 1;
                }
                Err(error) => {
                    self.gate.leave(Passage::Failed);
                    let text = Some(error.to_string());
                    return if error.may_have_executed() {
                        self.record(job, Event::Ambiguous, None, text);
                        BulkOutcome::Ambiguous(Ambiguity::Error(error))
                    } else {
                        self.record(job, Event::Failed, None, text);
                        BulkOutcome::Failed(error)
                    };
                }
            }
        }
    }

    /// Writes `started` and waits until it is on disk: only then may the request leave.
    fn announce(&self, job: &Job) -> Result<()> {
        let Some(journal) = self.journal else {
            return Ok(());
        };
        let number = journal.append(&Record {
            reference: job.reference.clone(),
            event: Event::Started,
            digest: Some(job.digest.clone()),
            message_id: None,
            error: None,
        })?;
        journal.sync_through(number)
    }

    /// Appends an outcome; it reaches the disk with the next sync (a later `started`, or
    /// the end of the run). Lost in a crash, it leaves the ref `started`: ambiguous, never
    /// resent, which is the safe side.
    fn record(&self, job: &Job, event: Event, message_id: Option<String>, error: Option<String>) {
        let Some(journal) = self.journal else { return };
        let record = Record {
            reference: job.reference.clone(),
            event,
            digest: None,
            message_id,
            error,
        };
        if let Err(error) = journal.append(&record) {
            self.gate.stop();
            self.fatal
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert(error);
        }
    }
}

/// A failure that surely never reached the server and may pass: a connection never made, a
/// timeout before sending.
fn retryable(error: &Error) -> bool {
    !error.may_have_executed() && matches!(error.kind(), ErrorKind::Transport | ErrorKind::Timeout)
}
