//! [`NativeClient`]: the core [`zexa::Client`] behind a `zexa.Client`, with its settings, its
//! resources (see `resources/`), `close()`, and the `request` escape hatch. Settings left out
//! are not given to the core's builder, so every default is the core's.

use std::sync::Arc;
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::arg::{opt_count, opt_seconds, Seconds};
use crate::call::{Base, Shared};
use crate::convert::{py_to_value, value_to_py};
use crate::errors::{check, invalid};
use crate::resources::{campaigns, contact_lists, contacts, messaging};

/// A Python int argument that the core takes as `u32`.
pub(crate) fn to_u32(field: &str, value: i64) -> zexa::Result<u32> {
    u32::try_from(value)
        .map_err(|_| invalid(field, format!("must be between 0 and {}, got {value}", u32::MAX)))
}

/// A number of seconds as a duration.
pub(crate) fn seconds(field: &str, value: f64) -> zexa::Result<Duration> {
    Seconds(value).duration(field)
}

/// The client of the native module.
#[pyclass(frozen, weakref, module = "zexa._native")]
pub struct NativeClient {
    shared: Arc<Shared>,
}

impl NativeClient {
    /// The core client, for the functions of other files (`sms.rs`).
    pub(crate) fn core(&self) -> &zexa::Client {
        self.shared.core()
    }

    fn of(client: zexa::Client) -> NativeClient {
        NativeClient {
            shared: Shared::new(client),
        }
    }
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (api_key=None, *, base_url=None, timeout=None, max_retries=None, total_timeout=None,
                        app_name=None, ca_cert_pem=None, network=None, max_idle_connections=None, idle_timeout=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: Option<&str>,
        base_url: Option<&str>,
        timeout: Option<&Bound<'_, PyAny>>,
        max_retries: Option<&Bound<'_, PyAny>>,
        total_timeout: Option<&Bound<'_, PyAny>>,
        app_name: Option<&str>,
        ca_cert_pem: Option<Vec<u8>>,
        network: Option<PyRef<'_, crate::network::NetworkOptions>>,
        max_idle_connections: Option<i64>,
        idle_timeout: Option<f64>,
    ) -> PyResult<NativeClient> {
        let timeout = opt_seconds("timeout", timeout)?;
        let max_retries = opt_count("max_retries", max_retries)?;
        let total_timeout = opt_seconds("total_timeout", total_timeout)?;
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
            if let Some(timeout) = &timeout {
                builder = builder.timeout(timeout.duration("timeout")?);
            }
            if let Some(retries) = &max_retries {
                builder = builder.max_retries(retries.get("max_retries")?);
            }
            if let Some(total) = &total_timeout {
                builder = builder.total_timeout(total.duration("total_timeout")?);
            }
            builder = crate::keepalive::apply(builder, max_idle_connections, idle_timeout)?;
            builder.build()
        };
        Ok(NativeClient::of(check(py, build())?))
    }

    /// The API root this client talks to.
    #[getter]
    fn base_url(&self) -> &str {
        self.core().base_url()
    }

    /// The per-attempt timeout, in seconds.
    #[getter]
    fn timeout(&self) -> f64 {
        self.core().timeout().as_secs_f64()
    }

    /// The retry budget.
    #[getter]
    fn max_retries(&self) -> u32 {
        self.core().max_retries()
    }

    /// The bound of a whole call in seconds, or `None`.
    #[getter]
    fn total_timeout(&self) -> Option<f64> {
        self.core().total_timeout().map(|t| t.as_secs_f64())
    }

    /// Whether `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.shared.is_closed()
    }

    /// Refuses every later call with `zexa.ZexaError` (calls already running finish); the
    /// connections go when the last client sharing them does.
    fn close(&self) {
        self.shared.close();
    }

    /// In a forked child: drops the connections inherited from the parent (see the core's
    /// `Client::after_fork_in_child`). Called from `os.register_at_fork`.
    fn after_fork_in_child(&self) {
        self.core().after_fork_in_child();
    }

    /// A client with other settings sharing this one's connection pool.
    #[pyo3(signature = (*, timeout=None, max_retries=None, total_timeout=None))]
    fn with_options(
        &self,
        py: Python<'_>,
        timeout: Option<&Bound<'_, PyAny>>,
        max_retries: Option<&Bound<'_, PyAny>>,
        total_timeout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativeClient> {
        let timeout = opt_seconds("timeout", timeout)?;
        let max_retries = opt_count("max_retries", max_retries)?;
        let total_timeout = opt_seconds("total_timeout", total_timeout)?;
        let mut client = self.shared.client(py)?.clone();
        let derive = || -> zexa::Result<zexa::Client> {
            if let Some(timeout) = timeout {
                client = client.with_timeout(timeout.duration("timeout")?)?;
            }
            if let Some(total) = total_timeout {
                client = client.with_total_timeout(Some(total.duration("total_timeout")?))?;
            }
            if let Some(retries) = max_retries {
                client = client.with_max_retries(retries.get("max_retries")?);
            }
            Ok(client)
        };
        Ok(NativeClient::of(check(py, derive())?))
    }

    /// Any endpoint, with the client's authentication, retries and errors; parsed JSON back.
    #[pyo3(signature = (method, path, *, query=None, json=None, **options))]
    fn request(
        &self,
        py: Python<'_>,
        method: &str,
        path: String,
        query: Option<Vec<(String, String)>>,
        json: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        let method: zexa::Method = check(py, method.parse())?;
        let body = json.map(py_to_value).transpose()?;
        let query = query.unwrap_or_default();
        Base::new(Arc::clone(&self.shared)).call(
            py,
            options,
            move |c| {
                let pairs: Vec<(&str, &str)> = query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                c.request(method, &path, &pairs, body.as_ref())
            },
            |py, value| Ok(value_to_py(py, &value)?.unbind()),
        )
    }

    /// `client.contacts`.
    #[getter]
    fn contacts(&self) -> contacts::Contacts {
        contacts::Contacts::new(&self.shared)
    }

    /// `client.exports`.
    #[getter]
    fn exports(&self) -> contacts::Exports {
        contacts::Exports::new(&self.shared)
    }

    /// `client.contact_lists`.
    #[getter]
    fn contact_lists(&self) -> contact_lists::ContactLists {
        contact_lists::ContactLists::new(&self.shared)
    }

    /// `client.campaigns`.
    #[getter]
    fn campaigns(&self) -> campaigns::Campaigns {
        campaigns::Campaigns::new(&self.shared)
    }

    /// `client.messages`.
    #[getter]
    fn messages(&self) -> messaging::Messages {
        messaging::Messages::new(&self.shared)
    }

    /// `client.sender_ids`.
    #[getter]
    fn sender_ids(&self) -> messaging::SenderIds {
        messaging::SenderIds::new(&self.shared)
    }

    /// `client.webhooks`.
    #[getter]
    fn webhooks(&self) -> messaging::Webhooks {
        messaging::Webhooks::new(&self.shared)
    }

    /// `client.credits`.
    #[getter]
    fn credits(&self) -> messaging::CreditsResource {
        messaging::CreditsResource::new(&self.shared)
    }
}
