//! The bulk-send journal: an append-only JSON-lines file with, for each `ref`, a `started`
//! record written (and synced to disk) before its request leaves, then its outcome. A rerun
//! reads it to know what must not be sent again.
//!
//! Records are appended to a buffer and synced in groups: a worker about to send waits until
//! its `started` record is on disk, and that one `fsync` also covers every record appended
//! before it (outcomes included), so the cost is one sync per batch of concurrent sends, not
//! one per record.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use crate::error::{quoted, Error, Result};

/// One line of the journal.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Record {
    #[serde(rename = "ref")]
    pub reference: String,
    pub event: Event,
    /// `started`: the digest of what was sent under this ref.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// `sent`: the message's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// `failed` and `ambiguous`: the error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Event {
    Started,
    Sent,
    Failed,
    Ambiguous,
}

/// What an earlier run left for one ref.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Earlier {
    /// Sent: skip it.
    Sent { message_id: Option<String> },
    /// Started with no outcome, or ambiguous: never resend it.
    Unsure { error: Option<String> },
    /// Failed with no effect: send it again.
    Failed,
}

#[derive(Debug, Clone)]
pub(crate) struct Past {
    pub digest: String,
    pub state: Earlier,
}

pub(crate) struct Journal {
    path: PathBuf,
    state: Mutex<Writer>,
    synced: Condvar,
}

struct Writer {
    out: BufWriter<File>,
    /// Records appended so far, and how many of them are on disk.
    appended: u64,
    durable: u64,
    /// A worker is syncing: others wait for it instead of syncing again.
    syncing: bool,
    failure: Option<String>,
}

impl Journal {
    /// Opens (or creates) the journal at `path` and reads what earlier runs recorded. A torn
    /// last line (a crash in the middle of a write, never synced) is dropped: the send it
    /// announced never left, because a send waits for its record to be on disk.
    pub(crate) fn open(path: &Path) -> Result<(Journal, HashMap<String, Past>)> {
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| journal_error(path, &e.to_string()))?;
        let mut text = Vec::new();
        file.read_to_end(&mut text)
            .map_err(|e| journal_error(path, &e.to_string()))?;
        let (past, good_len) = read(path, &text)?;
        if good_len < text.len() {
            file.set_len(good_len as u64)
                .and_then(|()| file.seek(SeekFrom::End(0)).map(|_| ()))
                .map_err(|e| journal_error(path, &e.to_string()))?;
        }
        let journal = Journal {
            path: path.to_owned(),
            state: Mutex::new(Writer {
                out: BufWriter::new(file),
                appended: 0,
                durable: 0,
                syncing: false,
                failure: None,
            }),
            synced: Condvar::new(),
        };
        Ok((journal, past))
    }

    fn lock(&self) -> MutexGuard<'_, Writer> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Appends a record (buffered) and returns its number.
    pub(crate) fn append(&self, record: &Record) -> Result<u64> {
        let mut line = serde_json::to_vec(record).expect("a journal record is JSON");
        line.push(b'\n');
        let mut writer = self.lock();
        if let Some(failure) = &writer.failure {
            return Err(journal_error(&self.path, failure));
        }
        if let Err(e) = writer.out.write_all(&line) {
            writer.failure = Some(e.to_string());
            return Err(journal_error(&self.path, &e.to_string()));
        }
        writer.appended += 1;
        Ok(writer.appended)
    }

    /// Returns once record `number` (and every one before it) is on disk.
    pub(crate) fn sync_through(&self, number: u64) -> Result<()> {
        let mut writer = self.lock();
        loop {
            if let Some(failure) = &writer.failure {
                return Err(journal_error(&self.path, failure));
            }
            if writer.durable >= number {
                return Ok(());
            }
            if writer.syncing {
                writer = self.synced.wait(writer).unwrap_or_else(|e| e.into_inner());
                continue;
            }
            // This worker syncs for everyone appended so far; the file is synced outside the
            // lock so that others can keep appending meanwhile.
            writer.syncing = true;
            let through = writer.appended;
            let flushed = writer.out.flush().and_then(|()| writer.out.get_ref().try_clone());
            drop(writer);
            let result = flushed.and_then(|file| file.sync_data());
            writer = self.lock();
            writer.syncing = false;
            match result {
                Ok(()) => writer.durable = writer.durable.max(through),
                Err(e) => writer.failure = Some(e.to_string()),
            }
            self.synced.notify_all();
        }
    }

    /// Syncs everything appended.
    pub(crate) fn sync_all(&self) -> Result<()> {
        let appended = self.lock().appended;
        self.sync_through(appended)
    }
}

fn journal_error(path: &Path, reason: &str) -> Error {
    Error::invalid(
        "journal",
        format!("{}: {reason}", quoted(&path.display().to_string())),
    )
}

/// The state of every ref, and the length of the part of `text` that holds whole records.
fn read(path: &Path, text: &[u8]) -> Result<(HashMap<String, Past>, usize)> {
    let mut past: HashMap<String, Past> = HashMap::new();
    let mut offset = 0;
    let mut line_no = 0;
    while offset < text.len() {
        line_no += 1;
        let end = text[offset..].iter().position(|b| *b == b'\n');
        let Some(end) = end else {
            // No newline: the last write was cut short.
            return Ok((past, offset));
        };
        let line = &text[offset..offset + end];
        let next = offset + end + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            offset = next;
            continue;
        }
        let record: Record = match serde_json::from_slice(line) {
            Ok(record) => record,
            // A garbled final line (a torn write that happened to end in a newline byte).
            Err(_) if next >= text.len() => return Ok((past, offset)),
            Err(e) => {
                return Err(journal_error(
                    path,
                    &format!(
                        "line {line_no} is not a journal record ({e}); is this a zexa bulk-send journal?"
                    ),
                ))
            }
        };
        apply(&mut past, record);
        offset = next;
    }
    Ok((past, offset))
}

fn apply(past: &mut HashMap<String, Past>, record: Record) {
    match record.event {
        Event::Started => {
            let digest = record.digest.unwrap_or_default();
            let state = match past.get(&record.reference).map(|p| &p.state) {
                // A ref sent before and started again would be a bug of ours; keep "sent".
                Some(sent @ Earlier::Sent { .. }) => sent.clone(),
                _ => Earlier::Unsure { error: None },
            };
            past.insert(record.reference, Past { digest, state });
        }
        event => {
            if let Some(entry) = past.get_mut(&record.reference) {
                entry.state = match event {
                    Event::Sent => Earlier::Sent {
                        message_id: record.message_id,
                    },
                    Event::Failed => Earlier::Failed,
                    _ => Earlier::Unsure { error: record.error },
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(reference: &str, event: Event) -> Record {
        Record {
            reference: reference.into(),
            event,
            digest: (event == Event::Started).then(|| "d".to_owned()),
            message_id: (event == Event::Sent).then(|| "msg_1".to_owned()),
            error: None,
        }
    }

    #[test]
    fn a_torn_last_line_is_dropped_and_cut_off() {
        let dir = std::env::temp_dir().join(format!("zexa-journal-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("torn.jsonl");
        let _ = std::fs::remove_file(&path);
        {
            let (journal, past) = Journal::open(&path).unwrap();
            assert!(past.is_empty());
            for record in [
                rec("a", Event::Started),
                rec("a", Event::Sent),
                rec("b", Event::Started),
            ] {
                journal.append(&record).unwrap();
            }
            journal.sync_all().unwrap();
        }
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(br#"{"ref":"c","event":"sta"#).unwrap();
        drop(file);
        let (journal, past) = Journal::open(&path).unwrap();
        assert_eq!(
            past["a"].state,
            Earlier::Sent {
                message_id: Some("msg_1".into())
            }
        );
        assert_eq!(past["b"].state, Earlier::Unsure { error: None });
        assert!(!past.contains_key("c"));
        journal.append(&rec("c", Event::Started)).unwrap();
        journal.sync_all().unwrap();
        drop(journal);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.lines().all(|l| serde_json::from_str::<Record>(l).is_ok()),
            "{text}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_that_is_not_a_journal_is_refused() {
        let text = b"id,name\ncnt_1,Maria\nmore\n";
        let error = read(Path::new("x.csv"), text).unwrap_err();
        assert!(error.to_string().contains("line 1"), "{error}");
    }
}
