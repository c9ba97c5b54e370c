//! [`NativeClient`]: the core [`zexa::Client`] with one method per API call. Arguments are
//! translated into the core's request types, every call runs with the GIL released, and
//! models come back as instances of their Python classes (see `record.rs`).

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::time::Duration;

use pyo3::prelude::*;
use zexa::{
    Channel, CreateCampaign, CreateContact, CreateContactList, CreateExport, CreateWebhook, ImportMapped,
    ImportVcard, ListContacts, ListMembership, ListParams, SendMessage, UpdateContact,
};

use crate::convert::{py_to_value, value_to_py};
use crate::errors::{check, invalid, to_py_err};
use crate::page::NativePage;
use crate::record::into_model;

/// A Python int argument that the core takes as `u32`.
pub(crate) fn to_u32(field: &str, value: i64) -> zexa::Result<u32> {
    u32::try_from(value)
        .map_err(|_| invalid(field, format!("must be between 0 and {}, got {value}", u32::MAX)))
}

/// A number of seconds as a duration.
pub(crate) fn seconds(field: &str, value: f64) -> zexa::Result<Duration> {
    Duration::try_from_secs_f64(value).map_err(|_| {
        invalid(
            field,
            format!("must be a non-negative number of seconds, got {value}"),
        )
    })
}

fn list_params(page: i64, per_page: i64) -> zexa::Result<ListParams> {
    Ok(ListParams::new()
        .page(to_u32("page", page)?)
        .per_page(to_u32("per_page", per_page)?))
}

/// The client of the native module.
#[pyclass(frozen, weakref, module = "zexa._native")]
pub struct NativeClient {
    client: zexa::Client,
}

impl NativeClient {
    /// Runs `call` on this client with the GIL released, stoppable by Ctrl-C (see `run.rs`).
    fn call<T, F>(&self, py: Python<'_>, call: F) -> PyResult<T>
    where
        F: FnOnce(&zexa::Client) -> zexa::Result<T> + Send,
        T: Send,
    {
        crate::run::call(py, || call(&self.client))
    }

    /// The core client, for the functions of other files (`sms.rs`).
    pub(crate) fn core(&self) -> &zexa::Client {
        &self.client
    }
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (api_key=None, *, base_url=None, timeout=30.0, max_retries=2, total_timeout=None, app_name=None, ca_cert_pem=None, network=None, max_idle_connections=None, idle_timeout=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: Option<&str>,
        base_url: Option<&str>,
        timeout: f64,
        max_retries: i64,
        total_timeout: Option<f64>,
        app_name: Option<&str>,
        ca_cert_pem: Option<Vec<u8>>,
        network: Option<PyRef<'_, crate::network::NetworkOptions>>,
        max_idle_connections: Option<i64>,
        idle_timeout: Option<f64>,
    ) -> PyResult<NativeClient> {
        let build = || -> zexa::Result<zexa::Client> {
            let mut builder = zexa::Client::builder_with_env(api_key)?;
            if let Some(url) = base_url {
                builder = builder.base_url(url);
            }
            if let Some(app) = app_name {
                builder = builder.app_info(app, "");
            }
            if let Some(pem) = ca_cert_pem.clone() {
                builder = builder.add_root_certificate_pem(pem);
            }
            if let Some(network) = &network {
                builder = network.apply(builder);
            }
            if let Some(total) = total_timeout {
                builder = builder.total_timeout(seconds("total_timeout", total)?);
            }
            builder = crate::keepalive::apply(builder, max_idle_connections, idle_timeout)?;
            builder
                .timeout(seconds("timeout", timeout)?)
                .max_retries(to_u32("max_retries", max_retries)?)
                .build()
        };
        Ok(NativeClient {
            client: check(py, build())?,
        })
    }

    /// The API root this client talks to.
    #[getter]
    fn base_url(&self) -> &str {
        self.client.base_url()
    }

    /// The per-attempt timeout, in seconds.
    #[getter]
    fn timeout(&self) -> f64 {
        self.client.timeout().as_secs_f64()
    }

    /// The retry budget.
    #[getter]
    fn max_retries(&self) -> u32 {
        self.client.max_retries()
    }

    /// The bound of a whole call in seconds, or `None`.
    #[getter]
    fn total_timeout(&self) -> Option<f64> {
        self.client.total_timeout().map(|t| t.as_secs_f64())
    }

    /// In a forked child: drops the connections inherited from the parent (see the core's
    /// `Client::after_fork_in_child`). Called from `os.register_at_fork`.
    fn after_fork_in_child(&self) {
        self.client.after_fork_in_child();
    }

    /// A client with other settings sharing this one's connection pool.
    #[pyo3(signature = (*, timeout=None, max_retries=None, total_timeout=None))]
    fn with_options(
        &self,
        py: Python<'_>,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        total_timeout: Option<f64>,
    ) -> PyResult<NativeClient> {
        let derive = || -> zexa::Result<zexa::Client> {
            let mut client = self.client.clone();
            if let Some(timeout) = timeout {
                client = client.with_timeout(seconds("timeout", timeout)?)?;
            }
            if let Some(total) = total_timeout {
                client = client.with_total_timeout(Some(seconds("total_timeout", total)?))?;
            }
            if let Some(retries) = max_retries {
                client = client.with_max_retries(to_u32("max_retries", retries)?);
            }
            Ok(client)
        };
        Ok(NativeClient {
            client: check(py, derive())?,
        })
    }

    /// Any endpoint, with the client's authentication, retries and errors; parsed JSON back.
    #[pyo3(signature = (method, path, *, query=None, json=None))]
    fn request(
        &self,
        py: Python<'_>,
        method: &str,
        path: String,
        query: Option<Vec<(String, String)>>,
        json: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let method: zexa::Method = check(py, method.parse())?;
        let body = json.map(py_to_value).transpose()?;
        let query = query.unwrap_or_default();
        let value = self.call(py, move |c| {
            let pairs: Vec<(&str, &str)> = query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            c.request(method, &path, &pairs, body.as_ref())
        })?;
        Ok(value_to_py(py, &value)?.unbind())
    }

    // ---- contacts ----

    #[pyo3(signature = (*, name, phone, email=None, lists=None, custom_fields=None))]
    fn contacts_create(
        &self,
        py: Python<'_>,
        name: String,
        phone: String,
        email: Option<String>,
        lists: Option<Vec<String>>,
        custom_fields: Option<BTreeMap<String, String>>,
    ) -> PyResult<Py<PyAny>> {
        let mut request = CreateContact::new(name, phone);
        request.email = email;
        request.lists = lists;
        request.custom_fields = custom_fields;
        let contact = self.call(py, move |c| c.contacts().create(&request))?;
        into_model(py, contact)
    }

    fn contacts_get(&self, py: Python<'_>, contact_id: String) -> PyResult<Py<PyAny>> {
        let contact = self.call(py, move |c| c.contacts().get(&contact_id))?;
        into_model(py, contact)
    }

    #[pyo3(signature = (contact_id, *, name=None, phone=None, email=None, lists=None, custom_fields=None))]
    #[allow(clippy::too_many_arguments)]
    fn contacts_update(
        &self,
        py: Python<'_>,
        contact_id: String,
        name: Option<String>,
        phone: Option<String>,
        email: Option<String>,
        lists: Option<Vec<String>>,
        custom_fields: Option<BTreeMap<String, String>>,
    ) -> PyResult<Py<PyAny>> {
        let mut changes = UpdateContact::new();
        changes.name = name;
        changes.phone = phone;
        changes.email = email.map(Some);
        changes.lists = lists;
        changes.custom_fields = custom_fields.map(Some);
        let contact = self.call(py, move |c| c.contacts().update(&contact_id, &changes))?;
        into_model(py, contact)
    }

    fn contacts_delete(&self, py: Python<'_>, contact_id: String) -> PyResult<()> {
        self.call(py, move |c| c.contacts().delete(&contact_id))
    }

    fn contacts_delete_many(&self, py: Python<'_>, contact_ids: Vec<String>) -> PyResult<()> {
        self.call(py, move |c| c.contacts().delete_many(&contact_ids))
    }

    #[pyo3(signature = (*, list_id=None, name=None, phone=None, email=None, gender=None, valid=None,
                        channel=None, page=1, per_page=50))]
    #[allow(clippy::too_many_arguments)]
    fn contacts_list(
        &self,
        py: Python<'_>,
        list_id: Option<String>,
        name: Option<String>,
        phone: Option<String>,
        email: Option<String>,
        gender: Option<String>,
        valid: Option<bool>,
        channel: Option<&str>,
        page: i64,
        per_page: i64,
    ) -> PyResult<NativePage> {
        let params = || -> zexa::Result<ListContacts> {
            let mut params = ListContacts::new()
                .page(to_u32("page", page)?)
                .per_page(to_u32("per_page", per_page)?);
            params.list_id = list_id;
            params.name = name;
            params.phone = phone;
            params.email = email;
            params.gender = gender;
            params.valid = valid;
            params.channel = channel.map(Channel::from);
            Ok(params)
        };
        let params = check(py, params())?;
        NativePage::fetch(py, &self.client, move |c| c.contacts().list(&params))
    }

    /// Uploads a file (`vcard` selects the vCard endpoint); from `data` or else from `path`.
    #[pyo3(signature = (*, vcard, data=None, path=None, filename=None))]
    fn contacts_upload(
        &self,
        py: Python<'_>,
        vcard: bool,
        data: Option<Vec<u8>>,
        path: Option<std::path::PathBuf>,
        filename: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let preview = self.call(py, move |c| {
            let contacts = c.contacts();
            let (bytes, name) = match (data, path) {
                (Some(bytes), _) => (bytes, filename.unwrap_or_else(|| default_filename(vcard))),
                (None, Some(path)) => match filename {
                    None if vcard => return contacts.upload_vcard_path(&path),
                    None => return contacts.upload_path(&path),
                    Some(name) => {
                        let bytes = std::fs::read(&path)
                            .map_err(|e| invalid("file", format!("cannot read {}: {e}", path.display())))?;
                        (bytes, name)
                    }
                },
                (None, None) => return Err(invalid("file", "give bytes or a path")),
            };
            if vcard {
                contacts.upload_vcard(&bytes, &name)
            } else {
                contacts.upload(&bytes, &name)
            }
        })?;
        into_model(py, preview)
    }

    #[pyo3(signature = (upload_id, *, mapping, lists=None))]
    fn contacts_import_mapped(
        &self,
        py: Python<'_>,
        upload_id: String,
        mapping: BTreeMap<String, String>,
        lists: Option<Vec<String>>,
    ) -> PyResult<Py<PyAny>> {
        let mut request = ImportMapped::new(upload_id, mapping);
        request.lists = lists;
        let result = self.call(py, move |c| c.contacts().import_mapped(&request))?;
        into_model(py, result)
    }

    #[pyo3(signature = (upload_id, *, lists=None))]
    fn contacts_import_vcard(
        &self,
        py: Python<'_>,
        upload_id: String,
        lists: Option<Vec<String>>,
    ) -> PyResult<Py<PyAny>> {
        let mut request = ImportVcard::new(upload_id);
        request.lists = lists;
        let result = self.call(py, move |c| c.contacts().import_vcard(&request))?;
        into_model(py, result)
    }

    #[pyo3(signature = (*, list_id=None, format=None))]
    fn contacts_export(
        &self,
        py: Python<'_>,
        list_id: Option<String>,
        format: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let mut request = CreateExport::new();
        request.list_id = list_id;
        request.format = format.map(zexa::ExportFormat::from);
        let export = self.call(py, move |c| c.contacts().export(&request))?;
        into_model(py, export)
    }

    fn exports_get(&self, py: Python<'_>, export_id: String) -> PyResult<Py<PyAny>> {
        let export = self.call(py, move |c| c.exports().get(&export_id))?;
        into_model(py, export)
    }

    // ---- contact lists ----

    #[pyo3(signature = (*, name, description=None))]
    fn contact_lists_create(
        &self,
        py: Python<'_>,
        name: String,
        description: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let mut request = CreateContactList::new(name);
        request.description = description;
        let list = self.call(py, move |c| c.contact_lists().create(&request))?;
        into_model(py, list)
    }

    #[pyo3(signature = (*, page=1, per_page=50))]
    fn contact_lists_list(&self, py: Python<'_>, page: i64, per_page: i64) -> PyResult<NativePage> {
        let params = check(py, list_params(page, per_page))?;
        NativePage::fetch(py, &self.client, move |c| c.contact_lists().list(&params))
    }

    #[pyo3(signature = (*, list_ids, contact_ids))]
    fn contact_lists_add_contacts(
        &self,
        py: Python<'_>,
        list_ids: Vec<String>,
        contact_ids: Vec<String>,
    ) -> PyResult<()> {
        let membership = ListMembership::new(&list_ids, &contact_ids);
        self.call(py, move |c| c.contact_lists().add_contacts(&membership))
    }

    #[pyo3(signature = (*, list_ids, contact_ids))]
    fn contact_lists_remove_contacts(
        &self,
        py: Python<'_>,
        list_ids: Vec<String>,
        contact_ids: Vec<String>,
    ) -> PyResult<()> {
        let membership = ListMembership::new(&list_ids, &contact_ids);
        self.call(py, move |c| c.contact_lists().remove_contacts(&membership))
    }

    #[pyo3(signature = (list_id, *, page=1, per_page=50))]
    fn contact_lists_contacts(
        &self,
        py: Python<'_>,
        list_id: String,
        page: i64,
        per_page: i64,
    ) -> PyResult<NativePage> {
        let params = check(py, list_params(page, per_page))?;
        NativePage::fetch(py, &self.client, move |c| {
            c.contact_lists().contacts(&list_id, &params)
        })
    }

    // ---- campaigns ----

    #[pyo3(signature = (*, name, channel, contact_list_id, sender_id, body=None, template=None,
                        scheduled_at=None, max_segments=None))]
    #[allow(clippy::too_many_arguments)]
    fn campaigns_create(
        &self,
        py: Python<'_>,
        name: String,
        channel: &str,
        contact_list_id: String,
        sender_id: String,
        body: Option<String>,
        template: Option<&Bound<'_, PyAny>>,
        scheduled_at: Option<String>,
        max_segments: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let mut request = CreateCampaign::new(name, Channel::from(channel), contact_list_id, sender_id);
        request.max_segments = check(py, max_segments.map(|n| to_u32("max_segments", n)).transpose())?;
        request.body = body;
        request.template = template.map(py_to_value).transpose()?;
        request.scheduled_at = scheduled_at;
        let campaign = self.call(py, move |c| c.campaigns().create(&request))?;
        into_model(py, campaign)
    }

    fn campaigns_get(&self, py: Python<'_>, campaign_id: String) -> PyResult<Py<PyAny>> {
        let campaign = self.call(py, move |c| c.campaigns().get(&campaign_id))?;
        into_model(py, campaign)
    }

    #[pyo3(signature = (*, page=1, per_page=50))]
    fn campaigns_list(&self, py: Python<'_>, page: i64, per_page: i64) -> PyResult<NativePage> {
        let params = check(py, list_params(page, per_page))?;
        NativePage::fetch(py, &self.client, move |c| c.campaigns().list(&params))
    }

    /// Polls a campaign until it is final (GIL released between polls). `on_progress` gets
    /// each polled campaign; an exception it raises stops the wait and is raised, and so does
    /// a signal's (Ctrl-C's `KeyboardInterrupt`), checked after every poll.
    #[pyo3(signature = (campaign_id, *, poll_interval=2.0, timeout=None, on_progress=None))]
    fn campaigns_wait(
        &self,
        py: Python<'_>,
        campaign_id: String,
        poll_interval: f64,
        timeout: Option<f64>,
        on_progress: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let poll_interval = check(py, seconds("poll_interval", poll_interval))?;
        let timeout = check(py, timeout.map(|t| seconds("timeout", t)).transpose())?;
        // Ctrl-C is heard by `run::call_raw` whatever the wait is doing (see run.rs).
        let (result, stopped_by) = self.call(py, move |c| {
            let mut stopped_by: Option<PyErr> = None;
            let result = c
                .campaigns()
                .wait_with_progress(&campaign_id, poll_interval, timeout, |campaign| {
                    let Some(callback) = &on_progress else {
                        return ControlFlow::Continue(());
                    };
                    let outcome = Python::attach(|py| -> PyResult<()> {
                        // The polls' records so far, while the GIL is held anyway.
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
            Ok((result, stopped_by))
        })?;
        if let Some(err) = stopped_by {
            // Ctrl-C that landed while `on_progress` ran is still Ctrl-C during the wait (whose
            // polls are GETs: nothing was executed).
            if err.is_instance_of::<pyo3::exceptions::PyKeyboardInterrupt>(py) {
                return Err(to_py_err(py, interrupted_wait()));
            }
            return Err(err);
        }
        let campaign = result.map_err(|e| to_py_err(py, e))?;
        into_model(py, campaign)
    }

    // ---- messages, sender IDs, webhooks, credits ----

    #[pyo3(signature = (*, channel, to, sender_id, body=None, template=None, max_segments=None))]
    #[allow(clippy::too_many_arguments)]
    fn messages_send(
        &self,
        py: Python<'_>,
        channel: &str,
        to: String,
        sender_id: String,
        body: Option<String>,
        template: Option<&Bound<'_, PyAny>>,
        max_segments: Option<i64>,
    ) -> PyResult<Py<PyAny>> {
        let mut request = SendMessage::new(Channel::from(channel), to, sender_id);
        request.max_segments = check(py, max_segments.map(|n| to_u32("max_segments", n)).transpose())?;
        request.body = body;
        request.template = template.map(py_to_value).transpose()?;
        let message = self.call(py, move |c| c.messages().send(&request))?;
        into_model(py, message)
    }

    fn messages_get(&self, py: Python<'_>, message_id: String) -> PyResult<Py<PyAny>> {
        let message = self.call(py, move |c| c.messages().get(&message_id))?;
        into_model(py, message)
    }

    #[pyo3(signature = (*, page=1, per_page=50))]
    fn sender_ids_list(&self, py: Python<'_>, page: i64, per_page: i64) -> PyResult<NativePage> {
        let params = check(py, list_params(page, per_page))?;
        NativePage::fetch(py, &self.client, move |c| c.sender_ids().list(&params))
    }

    #[pyo3(signature = (*, url, events))]
    fn webhooks_create(&self, py: Python<'_>, url: String, events: Vec<String>) -> PyResult<Py<PyAny>> {
        let request = CreateWebhook::new(url, events);
        let webhook = self.call(py, move |c| c.webhooks().create(&request))?;
        into_model(py, webhook)
    }

    fn credits_get(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let credits = self.call(py, move |c| c.credits().get())?;
        into_model(py, credits)
    }
}

/// The error of a campaign wait stopped by Ctrl-C.
fn interrupted_wait() -> zexa::Error {
    zexa::Error::interrupted(false)
}

fn default_filename(vcard: bool) -> String {
    if vcard { "contacts.vcf" } else { "contacts.csv" }.to_owned()
}
