//! `messages.send_many` in Python, on the core's `send_many`: the Python iterable is read one
//! item at a time (the GIL taken for each), outcomes go to `on_progress` as they come, and the
//! end is a `zexa.BulkResult` (built by `zexa._bulk` from the outcomes).

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator};

use crate::errors::to_py_err;
use crate::models::into_model;

/// One item of the input: a mapping with what `messages.send` takes (`channel`, `to`,
/// `sender_id`, `body`, `template`, `max_segments`) and an optional `ref`.
fn item(value: &Bound<'_, PyAny>) -> PyResult<zexa::BulkMessage> {
    let dict = value.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err("each message of send_many must be a dict of send()'s arguments (and 'ref')")
    })?;
    let text = |key: &str| -> PyResult<Option<String>> {
        match dict.get_item(key)? {
            Some(v) if !v.is_none() => v
                .extract::<String>()
                .map(Some)
                .map_err(|_| PyTypeError::new_err(format!("send_many: '{key}' must be a str"))),
            _ => Ok(None),
        }
    };
    let required = |key: &str| -> PyResult<String> {
        text(key)?.ok_or_else(|| PyTypeError::new_err(format!("send_many: every message needs '{key}'")))
    };
    let channel =
        crate::arg::channel("channel", &required("channel")?).map_err(|e| to_py_err(value.py(), e))?;
    let mut message = zexa::SendMessage::new(channel, required("to")?, required("sender_id")?);
    message.body = text("body")?;
    if let Some(template) = dict.get_item("template")?.filter(|t| !t.is_none()) {
        message.template = Some(crate::convert::py_to_value(&template)?);
    }
    if let Some(max) = dict.get_item("max_segments")?.filter(|m| !m.is_none()) {
        message.max_segments = Some(
            max.extract::<u32>()
                .map_err(|_| PyTypeError::new_err("send_many: 'max_segments' must be a positive int"))?,
        );
    }
    Ok(match dict.get_item("ref")?.filter(|r| !r.is_none()) {
        Some(reference) => zexa::BulkMessage::new(reference.str()?.to_string(), message),
        None => zexa::BulkMessage::from(message),
    })
}

/// The Python view of one outcome: `(ref, kind, value)`, where `value` is the message (sent),
/// the exception (failed, or ambiguous from this run), the earlier error's text or `None`
/// (ambiguous from a journal), the message ID (skipped) or the segments (checked).
fn outcome(py: Python<'_>, result: &zexa::BulkResult) -> PyResult<Py<PyAny>> {
    let (kind, value): (&str, Py<PyAny>) = match &result.outcome {
        zexa::BulkOutcome::Sent(message) => ("sent", into_model(py, (**message).clone())?),
        zexa::BulkOutcome::Failed(error) => {
            ("failed", to_py_err(py, error.clone()).into_value(py).into_any())
        }
        zexa::BulkOutcome::Ambiguous(zexa::Ambiguity::Error(error)) => (
            "ambiguous",
            to_py_err(py, error.clone()).into_value(py).into_any(),
        ),
        zexa::BulkOutcome::Ambiguous(why) => (
            "ambiguous",
            why.to_string().into_pyobject(py)?.into_any().unbind(),
        ),
        zexa::BulkOutcome::Skipped { message_id } => {
            ("skipped", message_id.clone().into_pyobject(py)?.unbind())
        }
        zexa::BulkOutcome::Checked { segments } => {
            ("checked", segments.into_pyobject(py)?.into_any().unbind())
        }
        _ => ("unknown", py.None()),
    };
    Ok((result.reference.clone(), kind, value)
        .into_pyobject(py)?
        .into_any()
        .unbind())
}

/// Runs a bulk send on `client` (`concurrency` `None`: the core's default) and returns its
/// `zexa.BulkResult`; a dry run's valid items are counted, not listed.
pub fn send_many(
    py: Python<'_>,
    client: &zexa::Client,
    messages: &Bound<'_, PyAny>,
    concurrency: Option<usize>,
    journal: Option<PathBuf>,
    dry_run: bool,
    on_progress: Option<Py<PyAny>>,
) -> PyResult<Py<PyAny>> {
    let iterator: Py<PyIterator> = PyIterator::from_object(messages)?.unbind();
    let mut options = zexa::BulkOptions::new().dry_run(dry_run);
    if let Some(concurrency) = concurrency {
        options = options.concurrency(concurrency);
    }
    if let Some(journal) = journal {
        options = options.journal(journal);
    }
    // The first Python error (of the iterable, an item, or `on_progress`) stops the run and
    // is raised once it has wound down.
    let raised: Mutex<Option<PyErr>> = Mutex::new(None);
    let keep = |error: PyErr| {
        raised
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert(error);
    };
    let outcomes: Mutex<Vec<Py<PyAny>>> = Mutex::new(Vec::new());
    let summary = crate::run::call(py, || {
        let items = std::iter::from_fn(|| {
            Python::attach(|py| {
                let mut iterator = iterator.bind(py).clone();
                match iterator.next()? {
                    Ok(value) => item(&value).map_err(&keep).ok(),
                    Err(error) => {
                        keep(error);
                        None
                    }
                }
            })
        });
        client.messages().send_many(items, &options, |result| {
            Python::attach(|py| {
                let view = match outcome(py, result) {
                    Ok(view) => view,
                    Err(error) => {
                        keep(error);
                        return std::ops::ControlFlow::Break(());
                    }
                };
                if let Some(callback) = &on_progress {
                    if let Err(error) = callback.call1(py, (view.clone_ref(py),)) {
                        keep(error);
                        return std::ops::ControlFlow::Break(());
                    }
                }
                // A dry run's valid items are counted, not listed (flat memory).
                if !matches!(result.outcome, zexa::BulkOutcome::Checked { .. }) {
                    outcomes.lock().unwrap_or_else(|e| e.into_inner()).push(view);
                }
                std::ops::ControlFlow::Continue(())
            })
        })
    })?;
    if let Some(error) = raised.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(error);
    }
    let outcomes = outcomes.into_inner().unwrap_or_else(|e| e.into_inner());
    let result = py.import("zexa._bulk")?.getattr("BulkResult")?;
    Ok(result
        .call_method1("_from_native", (outcomes, summary.checked, summary.segments))?
        .unbind())
}
