//! `client.campaigns`.

use std::ops::ControlFlow;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use zexa::CreateCampaign;

use super::contact_lists::list_params;
use super::resource_common;
use crate::arg::*;
use crate::call::Base;
use crate::convert::py_to_value;
use crate::errors::{check, to_py_err};
use crate::models::into_model;
use crate::page::Page;

/// Broadcast campaigns.
#[pyclass(frozen, module = "zexa")]
pub struct Campaigns {
    base: Base,
}

resource_common!(Campaigns);

#[pymethods]
impl Campaigns {
    /// The same methods, each answering with a `zexa.APIResponse`.
    #[getter]
    fn with_raw_response(&self) -> Campaigns {
        self.raw_view()
    }

    fn __repr__(&self) -> String {
        self.repr()
    }

    /// Creates a campaign to a contact list, started now or at `scheduled_at`. Give `body` or
    /// `template`. `max_segments`: for SMS, the most segments each message may be billed as;
    /// a longer body raises `zexa.InvalidInputError` and nothing is created.
    #[pyo3(signature = (*, name, channel, contact_list_id, sender_id, body=None, template=None,
                        scheduled_at=None, max_segments=None, **options))]
    #[allow(clippy::too_many_arguments)]
    fn create(
        &self,
        py: Python<'_>,
        name: &Bound<'_, PyAny>,
        channel: &Bound<'_, PyAny>,
        contact_list_id: &Bound<'_, PyAny>,
        sender_id: &Bound<'_, PyAny>,
        body: Option<&Bound<'_, PyAny>>,
        template: Option<&Bound<'_, PyAny>>,
        scheduled_at: Option<&Bound<'_, PyAny>>,
        max_segments: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let name = text("name", name)?;
        let channel = text("channel", channel)?;
        let contact_list_id = text("contact_list_id", contact_list_id)?;
        let sender_id = text("sender_id", sender_id)?;
        let body = opt_text("body", body)?;
        let max_segments = opt_count("max_segments", max_segments)?;
        let channel = check(py, self::channel("channel", &channel))?;
        let mut request = CreateCampaign::new(name, channel, contact_list_id, sender_id);
        request.max_segments = check(py, count("max_segments", max_segments))?;
        request.body = body;
        request.template = template.map(py_to_value).transpose()?;
        request.scheduled_at = scheduled_at
            .map(|at| crate::arg::timestamp("scheduled_at", at))
            .transpose()?;
        self.base
            .call(py, options, move |c| c.campaigns().create(&request), into_model)
    }

    /// What a campaign of `body` to the list would use, without creating anything: the
    /// recipients (from one request) and, for SMS, the segments billed.
    #[pyo3(signature = (contact_list_id, channel, body, **options))]
    fn preview(
        &self,
        py: Python<'_>,
        contact_list_id: &Bound<'_, PyAny>,
        channel: &Bound<'_, PyAny>,
        body: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let contact_list_id = text("contact_list_id", contact_list_id)?;
        let channel = text("channel", channel)?;
        let body = text("body", body)?;
        let channel = check(py, self::channel("channel", &channel))?;
        self.base.call(
            py,
            options,
            move |c| c.campaigns().preview(&contact_list_id, channel, &body),
            into_model,
        )
    }

    /// Fetches a campaign with its delivery statistics.
    #[pyo3(signature = (campaign_id, **options))]
    fn get(
        &self,
        py: Python<'_>,
        campaign_id: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let campaign_id = text("campaign_id", campaign_id)?;
        self.base
            .call(py, options, move |c| c.campaigns().get(&campaign_id), into_model)
    }

    /// One page of campaigns; iterate it to walk every page.
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
            move |c| c.campaigns().list(&params),
            move |py, page| Page::wrap(py, &shared, page),
        )
    }

    /// Polls a campaign until it is `completed` or `failed` and returns it (GIL released
    /// between polls; `poll_interval` left out is the core's default). Raises
    /// `zexa.WaitTimeoutError` when `timeout` seconds pass first. `on_progress`, if given, is
    /// called with each polled campaign; an exception it raises stops the wait and is raised,
    /// and so does Ctrl-C (`zexa.Interrupted`), checked after every poll.
    #[pyo3(signature = (campaign_id, *, poll_interval=None, timeout=None, on_progress=None, **options))]
    fn wait(
        &self,
        py: Python<'_>,
        campaign_id: &Bound<'_, PyAny>,
        poll_interval: Option<&Bound<'_, PyAny>>,
        timeout: Option<&Bound<'_, PyAny>>,
        on_progress: Option<Py<PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let campaign_id = text("campaign_id", campaign_id)?;
        let poll_interval = opt_seconds("poll_interval", poll_interval)?;
        let timeout = opt_seconds("timeout", timeout)?;
        let poll_interval = check(py, duration("poll_interval", poll_interval))?;
        let timeout = check(py, duration("timeout", timeout))?;
        self.base.call(
            py,
            options,
            move |c| {
                // An exception of `on_progress` stops the wait; it is raised once the GIL is back.
                let mut stopped_by: Option<PyErr> = None;
                let result =
                    c.campaigns()
                        .wait_with_progress(&campaign_id, poll_interval, timeout, |campaign| {
                            let Some(callback) = &on_progress else {
                                return ControlFlow::Continue(());
                            };
                            let outcome = Python::attach(|py| -> PyResult<()> {
                                // The polls' log records so far, while the GIL is held anyway.
                                crate::logging::emit_pending(py)?;
                                callback.call1(py, (into_model(py, campaign.clone())?,))?;
                                Ok(())
                            });
                            match outcome {
                                Ok(()) => ControlFlow::Continue(()),
                                Err(err) => {
                                    stopped_by = Some(err);
                                    ControlFlow::Break(())
                                }
                            }
                        });
                // The wait's own error is handed over as a value, so that the raw view still
                // describes the last poll.
                Ok((result, stopped_by))
            },
            |py, (result, stopped_by)| {
                if let Some(err) = stopped_by {
                    // Ctrl-C that landed while `on_progress` ran is still Ctrl-C during the
                    // wait (whose polls are GETs: nothing was executed).
                    if err.is_instance_of::<pyo3::exceptions::PyKeyboardInterrupt>(py) {
                        return Err(to_py_err(py, zexa::Error::interrupted(false)));
                    }
                    return Err(err);
                }
                into_model(py, result.map_err(|e| to_py_err(py, e))?)
            },
        )
    }
}
