//! [`NetworkOptions`]: the proxy and trust-store settings of a client, passed to
//! `NativeClient(network=...)` in one object so that they only translate into the core's
//! builder calls (every check and default is the core's).

use pyo3::prelude::*;

/// Proxy and trust-store settings for `NativeClient`.
#[pyclass(module = "zexa._native", frozen)]
pub(crate) struct NetworkOptions {
    /// `Some(Some(url))`: this proxy; `Some(None)`: none at all; `None`: the core's default
    /// (the environment's, when it is trusted).
    proxy: Option<Option<String>>,
    trust_env: Option<bool>,
    os_trust_store: Option<bool>,
}

#[pymethods]
impl NetworkOptions {
    /// `proxy_given` tells an explicit `proxy=None` (no proxy) from no setting at all.
    #[new]
    #[pyo3(signature = (*, proxy_given=false, proxy=None, trust_env=None, os_trust_store=None))]
    fn new(
        proxy_given: bool,
        proxy: Option<String>,
        trust_env: Option<bool>,
        os_trust_store: Option<bool>,
    ) -> NetworkOptions {
        NetworkOptions {
            proxy: proxy_given.then_some(proxy),
            trust_env,
            os_trust_store,
        }
    }
}

impl NetworkOptions {
    /// The builder with these settings.
    pub(crate) fn apply(&self, mut builder: zexa::ClientBuilder) -> zexa::ClientBuilder {
        match &self.proxy {
            Some(Some(url)) => builder = builder.proxy(url.as_str()),
            Some(None) => builder = builder.no_proxy(),
            None => {}
        }
        if let Some(trust) = self.trust_env {
            builder = builder.trust_env(trust);
        }
        if let Some(os) = self.os_trust_store {
            builder = builder.use_os_trust_store(os);
        }
        builder
    }
}
