//! `client.messages`, `client.sender_ids`, `client.webhooks` and `client.credits`.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use zexa::{CreateWebhook, SendMessage};

use super::contact_lists::list_params;
use super::resource_common;
use crate::arg::*;
use crate::call::Base;
use crate::convert::py_to_value;
use crate::errors::check;
use crate::models::into_model;
use crate::page::Page;

/// Single messages on any channel.
#[pyclass(frozen, module = "zexa")]
pub struct Messages {
    base: Base,
}

resource_common!(Messages);

#[pymethods]
impl Messages {
    /// The same methods, each answering with a `zexa.APIResponse`.
    #[getter]
    fn with_raw_response(&self) -> Messages {
        self.raw_view()
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    /// Sends one message; `sender_id` goes out as `from`. Give `body` or `template`.
    /// `max_segments`: for SMS, the most segments the body may be billed as; a longer body
    /// raises `zexa.InvalidInputError` and nothing is sent.
    #[pyo3(signature = (*, channel, to, sender_id, body=None, template=None, max_segments=None, **options))]
    #[allow(clippy::too_many_arguments)]
    fn send(
        &self,
        py: Python<'_>,
        channel: &Bound<'_, PyAny>,
        to: &Bound<'_, PyAny>,
        sender_id: &Bound<'_, PyAny>,
        body: Option<&Bound<'_, PyAny>>,
        template: Option<&Bound<'_, PyAny>>,
        max_segments: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let channel = text("channel", channel)?;
        let to = text("to", to)?;
        let sender_id = text("sender_id", sender_id)?;
        let body = opt_text("body", body)?;
        let max_segments = opt_count("max_segments", max_segments)?;
        let channel = check(py, self::channel("channel", &channel))?;
        let mut request = SendMessage::new(channel, to, sender_id);
        request.max_segments = check(py, count("max_segments", max_segments))?;
        request.body = body;
        request.template = template.map(py_to_value).transpose()?;
        self.base
            .call(py, options, move |c| c.messages().send(&request), into_model)
    }

    /// Sends many messages concurrently, within the rate limit, and with `journal` exactly
    /// once across crashes (see `zexa.BulkResult` and the README's bulk-send section). Each
    /// item of `messages` is a dict of `send`'s arguments and an optional `ref`; the iterable is
    /// read lazily. `on_progress` gets `(ref, outcome, value)` for every message as it ends.
    #[pyo3(signature = (messages, *, concurrency=None, journal=None, dry_run=false, on_progress=None, **options))]
    #[allow(clippy::too_many_arguments)]
    fn send_many(
        &self,
        py: Python<'_>,
        messages: &Bound<'_, PyAny>,
        concurrency: Option<&Bound<'_, PyAny>>,
        journal: Option<std::path::PathBuf>,
        dry_run: bool,
        on_progress: Option<Py<PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        if self.base.raw {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "send_many has no raw response (it makes one request per message): call it on client.messages",
            ));
        }
        let concurrency = opt_count("concurrency", concurrency)?;
        let concurrency = check(py, count("concurrency", concurrency))?.map(|c| c as usize);
        let client = self.base.scoped(py, options)?;
        crate::bulk::send_many(py, &client, messages, concurrency, journal, dry_run, on_progress)
    }

    /// Fetches a message with its delivery status.
    #[pyo3(signature = (message_id, **options))]
    fn get(
        &self,
        py: Python<'_>,
        message_id: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let message_id = text("message_id", message_id)?;
        self.base
            .call(py, options, move |c| c.messages().get(&message_id), into_model)
    }
}

/// Registered sender IDs.
#[pyclass(frozen, module = "zexa")]
pub struct SenderIds {
    base: Base,
}

resource_common!(SenderIds);

#[pymethods]
impl SenderIds {
    /// The same methods, each answering with a `zexa.APIResponse`.
    #[getter]
    fn with_raw_response(&self) -> SenderIds {
        self.raw_view()
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    /// One page of sender IDs; iterate it to walk every page.
    #[pyo3(signature = (*, page=None, per_page=None, **options))]
    fn list(
        &self,
        py: Python<'_>,
        page: Option<&Bound<'_, PyAny>>,
        per_page: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let page = opt_count("page", page)?;
        let per_page = opt_count("per_page", per_page)?;
        let params = check(py, list_params(page, per_page))?;
        let shared = self.base.shared.clone();
        self.base.call(
            py,
            options,
            move |c| c.sender_ids().list(&params),
            move |py, page| Page::wrap(py, &shared, page),
        )
    }
}

/// Delivery-status webhooks.
#[pyclass(frozen, module = "zexa")]
pub struct Webhooks {
    base: Base,
}

resource_common!(Webhooks);

#[pymethods]
impl Webhooks {
    /// The same methods, each answering with a `zexa.APIResponse`.
    #[getter]
    fn with_raw_response(&self) -> Webhooks {
        self.raw_view()
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    /// Registers a webhook URL for the given event types (e.g. `message.delivered`).
    #[pyo3(signature = (*, url, events, **options))]
    fn create(
        &self,
        py: Python<'_>,
        url: &Bound<'_, PyAny>,
        events: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let url = text("url", url)?;
        let events = texts("events", events)?;
        let events = check(
            py,
            events
                .iter()
                .map(|e| event_type("events", e))
                .collect::<zexa::Result<Vec<_>>>(),
        )?;
        let request = CreateWebhook::new(url, events);
        self.base
            .call(py, options, move |c| c.webhooks().create(&request), into_model)
    }
}

/// The credit balance.
#[pyclass(frozen, module = "zexa")]
pub struct CreditsResource {
    base: Base,
}

resource_common!(CreditsResource);

#[pymethods]
impl CreditsResource {
    /// The same methods, each answering with a `zexa.APIResponse`.
    #[getter]
    fn with_raw_response(&self) -> CreditsResource {
        self.raw_view()
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    /// Fetches the credit balance.
    #[pyo3(signature = (**options))]
    fn get(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
        self.base
            .call(py, options, move |c| c.credits().get(), into_model)
    }
}
