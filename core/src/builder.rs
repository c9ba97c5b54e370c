//! [`ClientBuilder`]: every setting of a [`Client`], checked once at construction.

use std::sync::Arc;
use std::time::Duration;

use crate::base_url::{check_base_url, DEFAULT_BASE_URL};
use crate::client::{Client, Inner, Shared};
use crate::error::{quoted, Error, Result};
use crate::keepalive;
use crate::pool::Connections;
use crate::proxy::{self, ProxySetting};
use crate::retry::RetryPolicy;
use crate::secret::ApiKey;
use crate::trust::{self, TrustSettings};

/// Default bound of one attempt: connect, send, and read the whole answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default bound of opening a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default cap on a response body.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;
/// The default cap of a download's size: 4 GiB.
pub const DEFAULT_MAX_DOWNLOAD_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// The `User-Agent` product of this crate, always sent.
pub const USER_AGENT: &str = concat!("zexa-rust/", env!("CARGO_PKG_VERSION"));

/// Builds a [`Client`]. Get one from [`Client::builder`].
///
/// ```
/// use std::time::Duration;
/// let client = zexa::Client::builder("zx_live_key")
///     .timeout(Duration::from_secs(10))
///     .max_retries(3)
///     .app_info("billing", "2.1")
///     .build()?;
/// # Ok::<(), zexa::Error>(())
/// ```
#[derive(Clone)]
#[must_use = "a builder does nothing until .build() is called"]
pub struct ClientBuilder {
    api_key: String,
    base_url: String,
    timeout: Duration,
    connect_timeout: Duration,
    total_timeout: Option<Duration>,
    retry: RetryPolicy,
    app: Option<String>,
    proxy: ProxySetting,
    trust_env: bool,
    max_response_bytes: u64,
    max_download_bytes: u64,
    max_idle_connections: usize,
    trust: TrustSettings,
    idle_timeout: Duration,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &"<redacted>")
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("app", &self.app)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    pub(crate) fn new(api_key: &str) -> ClientBuilder {
        ClientBuilder {
            api_key: api_key.to_owned(),
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            total_timeout: None,
            retry: RetryPolicy::default(),
            app: None,
            proxy: ProxySetting::FromEnvironment,
            trust_env: true,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            max_download_bytes: DEFAULT_MAX_DOWNLOAD_BYTES,
            max_idle_connections: keepalive::DEFAULT_MAX_IDLE_CONNECTIONS,
            idle_timeout: keepalive::DEFAULT_IDLE_TIMEOUT,
            trust: TrustSettings::default(),
        }
    }

    /// The API root, default `https://api.zexa.ao/v1`. Plain `http://` is accepted only for
    /// a loopback host (a local sandbox), so the key never crosses a network in clear.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Bound of each attempt, from connecting to reading the last byte of the answer
    /// (default 30 s). A server that drips bytes cannot stretch a call past it.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Bound of opening a connection (default 10 s; never longer than [`Self::timeout`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Bound of a whole call: every attempt, retry back-off and `Retry-After` wait included
    /// (default: none, so a call may last `(max_retries + 1) * timeout` plus its waits). A
    /// retry that could not finish in time is not started; the call returns
    /// [`Error::Timeout`].
    pub fn total_timeout(mut self, total: Duration) -> Self {
        self.total_timeout = Some(total);
        self
    }

    /// How many times a failed call is sent again (default 2). See the crate docs for which
    /// failures are retried: a POST that may have reached the server never is.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry.max_retries = retries;
        self
    }

    /// The first backoff before a retry (default 500 ms), doubled for each further retry up to
    /// `max` (default 8 s), with jitter.
    pub fn retry_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.retry.initial_backoff = initial;
        self.retry.max_backoff = max;
        self
    }

    /// The longest `Retry-After` of a 429 that is waited for (default 60 s). A longer one is
    /// returned at once as a rate-limit error carrying `retry_after`.
    pub fn max_retry_after(mut self, max: Duration) -> Self {
        self.retry.max_retry_after = max;
        self
    }

    /// Adds `name/version` to the `User-Agent` (which always carries `zexa-rust/<version>`).
    pub fn app_info(mut self, name: &str, version: &str) -> Self {
        self.app = Some(if version.is_empty() {
            name.to_owned()
        } else {
            format!("{name}/{version}")
        });
        self
    }

    /// Sends through this proxy (`http://host:port`, `socks5://user:pass@host:port`; no
    /// scheme means http), whatever the environment says, and for every target, loopback
    /// ones included (a local debugging proxy). An https API is reached through a `CONNECT`
    /// (or SOCKS) tunnel, so the proxy never sees the key; a plain-http API (a loopback
    /// sandbox) only through a loopback proxy, else [`Self::build`] refuses. The credentials
    /// in the URL are never logged nor put in an error.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = ProxySetting::Url(url.into());
        self
    }

    /// Uses no proxy, even one set in the environment.
    pub fn no_proxy(mut self) -> Self {
        self.proxy = ProxySetting::Disabled;
        self
    }

    /// Whether the environment is read (default true): the proxy variables, by curl's
    /// conventions (`HTTPS_PROXY` for an https API, `HTTP_PROXY` for http, `ALL_PROXY` as the
    /// fallback, `NO_PROXY` with domains, `host:port`, IPs, CIDR ranges and `*`; a loopback
    /// API is never proxied from the environment), and `SSL_CERT_FILE` / `SSL_CERT_DIR` for
    /// the CA certificates. A malformed variable is an error at [`Self::build`], naming it.
    /// An explicit [`Self::proxy`] or CA certificate wins over the environment either way.
    pub fn trust_env(mut self, trust: bool) -> Self {
        self.trust_env = trust;
        self
    }

    /// Trusts the operating system's certificate store (on Linux the OpenSSL bundle, e.g.
    /// `/etc/ssl/certs`; the Keychain on macOS, the system store on Windows) instead of the
    /// Mozilla roots bundled in the SDK, which stay the default (unless the crate is built
    /// with the `native-roots` feature, which makes the OS store the default). For a corporate CA installed
    /// on the machine. `SSL_CERT_FILE` / `SSL_CERT_DIR` and [`Self::add_root_certificate_pem`]
    /// still take precedence.
    pub fn use_os_trust_store(mut self, use_os: bool) -> Self {
        self.trust.os_store = use_os;
        self
    }

    /// Whether the operating system's store is trusted instead of the bundled roots (see
    /// [`Self::use_os_trust_store`]; `true` by default with the `native-roots` feature).
    pub fn uses_os_trust_store(&self) -> bool {
        self.trust.os_store
    }

    /// The largest response body accepted (default 16 MiB); a larger one is an error, not an
    /// allocation.
    pub fn max_response_bytes(mut self, bytes: u64) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// The largest file [`Exports::download`](crate::Exports::download) writes (default
    /// 4 GiB, [`DEFAULT_MAX_DOWNLOAD_BYTES`]); the download stops with an error past it. It is
    /// streamed, so this bounds the disk used, not memory.
    pub fn max_download_bytes(mut self, bytes: u64) -> Self {
        self.max_download_bytes = bytes;
        self
    }

    /// How many idle connections the pool keeps open for reuse (default 64, at most
    /// [`MAX_IDLE_CONNECTIONS`](crate::MAX_IDLE_CONNECTIONS); 0 keeps none). Calls beyond it
    /// still work; their connections are closed after use. Each idle connection holds a socket
    /// and about 36 KiB (76 KiB over TLS): a server with a client per tenant sets 1 or 2.
    pub fn max_idle_connections(mut self, connections: usize) -> Self {
        self.max_idle_connections = connections;
        self
    }

    /// How long an unused connection is kept for reuse (default 30 s, from 1 ms up to one
    /// hour). An older one is closed at the client's next call instead of reused; dropping the
    /// client (its last clone) closes every connection at once.
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.idle_timeout = timeout;
        self
    }

    /// Trusts the CA certificates in this PEM document, instead of the built-in web roots
    /// (for a private gateway or a test server). May be called more than once. Wins over
    /// `SSL_CERT_FILE` / `SSL_CERT_DIR` and [`Self::use_os_trust_store`].
    pub fn add_root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.trust.pems.push(pem.into());
        self
    }

    /// Checks every setting and builds the client.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a key that is empty, longer than 1 KiB or not printable
    /// ASCII, an unparsable base URL, plain http to a remote host, a zero timeout, an app info
    /// that is not printable ASCII or longer than 256 bytes, an invalid proxy or CA, a proxy
    /// variable or `SSL_CERT_FILE`/`SSL_CERT_DIR` that is malformed, a plain-http API through a
    /// proxy that is not loopback, more idle connections than
    /// [`MAX_IDLE_CONNECTIONS`](crate::MAX_IDLE_CONNECTIONS), an idle timeout of zero or over an
    /// hour.
    pub fn build(self) -> Result<Client> {
        let key = ApiKey::new(&self.api_key)?;
        let base_url = check_base_url(&self.base_url)?;
        if self.timeout.is_zero() {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        if self.total_timeout.is_some_and(|t| t.is_zero()) {
            return Err(Error::invalid("total_timeout", "must be greater than zero"));
        }
        if self.connect_timeout.is_zero() {
            return Err(Error::invalid("connect_timeout", "must be greater than zero"));
        }
        crate::retry::check_duration("timeout", self.timeout)?;
        crate::retry::check_duration("connect_timeout", self.connect_timeout)?;
        if let Some(total) = self.total_timeout {
            crate::retry::check_duration("total_timeout", total)?;
        }
        self.retry.check()?;
        if self.max_response_bytes == 0 {
            return Err(Error::invalid("max_response_bytes", "must be greater than zero"));
        }
        let proxy = proxy::choose(&self.proxy, self.trust_env, &base_url)?;
        let roots = trust::roots(&self.trust, self.trust_env)?;
        if let Some(app) = &self.app {
            check_app_info(app)?;
        }
        keepalive::check(self.max_idle_connections, self.idle_timeout)?;
        let user_agent = match &self.app {
            Some(app) => format!("{USER_AGENT} {app}"),
            None => USER_AGENT.to_owned(),
        };
        let mut config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // An API client has no use for redirects, and following one could carry the
            // Authorization header to another host.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .proxy(proxy)
            .user_agent(user_agent)
            .accept("application/json")
            // JSON compresses 3-4x: on a slow link that is the whole page time. The body limit
            // applies to the decompressed bytes as they are read (see transport::send_once).
            .accept_encoding("gzip")
            .timeout_connect(Some(self.connect_timeout.min(self.timeout)))
            .max_idle_connections(self.max_idle_connections)
            .max_idle_connections_per_host(self.max_idle_connections);
        config = keepalive::apply(config, self.idle_timeout);
        if let Some(roots) = roots {
            config = config.tls_config(ureq::tls::TlsConfig::builder().root_certs(roots).build());
        }
        let shared = Shared {
            connections: Connections::new(config.build()),
            authorization: key.bearer(),
            key,
            base_url,
            max_response_bytes: self.max_response_bytes,
            max_download_bytes: self.max_download_bytes,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                shared: Arc::new(shared),
                timeout: self.timeout,
                total_timeout: self.total_timeout,
                retry: self.retry,
                extra_headers: Vec::new(),
                extra_query: Vec::new(),
                recorder: None,
            }),
        })
    }
}

/// The longest app info accepted in the `User-Agent`.
const MAX_APP_INFO_BYTES: usize = 256;

/// App info goes into the `User-Agent` header: printable ASCII (spaces allowed), bounded. A
/// control character would make ureq panic, a non-ASCII one is no valid header value, and a
/// huge one overflows the request head on every call.
fn check_app_info(app: &str) -> Result<()> {
    if app.len() > MAX_APP_INFO_BYTES {
        return Err(Error::invalid(
            "app_info",
            format!(
                "is {} bytes long, over the limit of {MAX_APP_INFO_BYTES}",
                app.len()
            ),
        ));
    }
    if let Some(c) = app.chars().find(|c| !(c.is_ascii_graphic() || *c == ' ')) {
        return Err(Error::invalid(
            "app_info",
            format!(
                "{} contains U+{:04X}: only printable ASCII fits in the User-Agent header",
                quoted(app),
                c as u32
            ),
        ));
    }
    Ok(())
}
