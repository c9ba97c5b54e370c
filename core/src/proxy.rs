//! The proxy of a client: chosen once at construction (a client talks to one base URL), kept
//! off any hop where the key would travel in clear, and named in every error it causes.

use std::io;

use ureq::unversioned::transport::{ConnectionDetails, Connector, Transport};

use crate::error::{Error, Result};
use crate::proxy_env::{proxy_for, ProxyUrl, Target};

/// How the client reaches the network through a proxy.
#[derive(Debug, Clone, Default)]
pub(crate) enum ProxySetting {
    /// The environment's (`HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`...: see [`crate::proxy_env`]),
    /// unless the builder's `trust_env(false)`.
    #[default]
    FromEnvironment,
    /// No proxy, whatever the environment says.
    Disabled,
    /// This proxy URL, used as given (loopback targets included).
    Url(String),
}

/// The proxy a client with `setting` uses to reach `base_url`, or `None` to connect directly.
///
/// # Errors
/// [`Error::InvalidInput`] for a malformed proxy URL (naming the setting or the variable, never
/// quoting the URL), and for a plain-http API URL through a proxy that is not on this machine:
/// the proxy would see the key in clear. An https target goes through `CONNECT` (or SOCKS), a
/// tunnel the proxy cannot read.
pub(crate) fn choose(setting: &ProxySetting, trust_env: bool, base_url: &str) -> Result<Option<ureq::Proxy>> {
    let target = Target::of_url(base_url)?;
    let (url, field) = match setting {
        ProxySetting::Disabled => return Ok(None),
        ProxySetting::FromEnvironment if !trust_env => return Ok(None),
        ProxySetting::FromEnvironment => match proxy_for(&target, &|name| std::env::var(name).ok())? {
            Some(found) => (found.url, found.variable),
            None => return Ok(None),
        },
        ProxySetting::Url(raw) => (ProxyUrl::parse(raw, "proxy")?, "proxy"),
    };
    if !target.https && !url.is_loopback() {
        return Err(Error::invalid(
            field,
            format!(
                "proxy {} is not on this machine, and the API URL is plain http: the API key would cross the network in clear (use an https base URL, or a loopback proxy)",
                url.label()
            ),
        ));
    }
    Ok(Some(url.to_ureq()))
}

/// A failure of the proxy itself, carried through ureq inside an `io::Error` so that the
/// transport can name the proxy and classify it (see `transport::classify`).
#[derive(Debug)]
pub(crate) struct ProxyFailure {
    /// What happened, naming the proxy by `host:port` (never its credentials).
    pub message: String,
    /// The proxy answered `CONNECT` with a refusal: sending again gets the same answer.
    pub refused: bool,
    /// The timeout elapsed while connecting through the proxy (before the request was sent).
    pub timed_out: bool,
}

impl std::fmt::Display for ProxyFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProxyFailure {}

/// Wraps a proxy connector (ureq's `CONNECT` or SOCKS one) so that its failures say which proxy
/// failed and how: "proxy 10.0.0.5:3128 refused CONNECT with 403", "could not connect to proxy
/// 10.0.0.5:3128: Connection refused". Without it a refusal reads `CONNECT proxy failed` and a
/// dead proxy `io: Broken pipe`, indistinguishable from the API failing.
#[derive(Debug, Default)]
pub(crate) struct NamedProxy<C>(pub C);

impl<In: Transport, C: Connector<In>> Connector<In> for NamedProxy<C> {
    type Out = C::Out;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let already_connected = chained.is_some();
        let result = self.0.connect(details, chained);
        match (result, details.config.proxy()) {
            (Err(error), Some(proxy)) if !already_connected => {
                Err(name_failure(error, &format!("{}:{}", proxy.host(), proxy.port())))
            }
            (other, _) => other,
        }
    }
}

/// `error` of the proxy at `label`, as an error that names it.
fn name_failure(error: ureq::Error, label: &str) -> ureq::Error {
    let failure = |kind: io::ErrorKind, message: String, refused: bool| {
        let timed_out = kind == io::ErrorKind::TimedOut;
        ureq::Error::Io(io::Error::new(
            kind,
            ProxyFailure {
                message,
                refused,
                timed_out,
            },
        ))
    };
    match error {
        ureq::Error::Timeout(phase) => failure(
            io::ErrorKind::TimedOut,
            format!("timed out ({phase}) connecting through proxy {label}"),
            false,
        ),
        ureq::Error::ConnectProxyFailed(reason) => match connect_status(&reason) {
            Some(status) => failure(
                io::ErrorKind::PermissionDenied,
                format!(
                    "proxy {label} refused CONNECT with {status}{}",
                    status_note(status)
                ),
                true,
            ),
            None => failure(
                io::ErrorKind::ConnectionAborted,
                format!("proxy {label} failed the CONNECT: {reason}"),
                false,
            ),
        },
        ureq::Error::HostNotFound => failure(
            io::ErrorKind::NotFound,
            format!("could not connect to proxy {label}: its host name does not resolve"),
            false,
        ),
        ureq::Error::Io(io) => {
            let kind = io.kind();
            let refused = kind == io::ErrorKind::PermissionDenied;
            let verb = if refused {
                "proxy refused the connection"
            } else {
                "could not connect to proxy"
            };
            failure(kind, format!("{verb} {label}: {io}"), refused)
        }
        other => failure(
            io::ErrorKind::Other,
            format!("could not connect to proxy {label}: {other}"),
            false,
        ),
    }
}

/// The status in ureq's "proxy server responded 403/Forbidden".
fn connect_status(reason: &str) -> Option<u16> {
    let rest = reason.split("responded ").nth(1)?;
    rest.split('/').next()?.trim().parse().ok()
}

fn status_note(status: u16) -> &'static str {
    match status {
        407 => " (proxy authentication required: check the user name and password in the proxy URL)",
        403 => " (the proxy's rules forbid this destination)",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_targets_go_only_through_loopback_proxies() {
        let http = "http://127.0.0.1:8787/v1";
        let remote = ProxySetting::Url("http://10.0.0.5:3128".into());
        let err = choose(&remote, true, http).unwrap_err();
        assert!(
            err.to_string().contains("10.0.0.5:3128") && err.to_string().contains("clear"),
            "{err}"
        );
        assert!(
            choose(&ProxySetting::Url("http://127.0.0.1:3128".into()), true, http)
                .unwrap()
                .is_some()
        );
        assert!(choose(&remote, true, "https://api.zexa.ao/v1").unwrap().is_some());
        assert!(choose(&ProxySetting::Url("socks5://10.0.0.5:1080".into()), true, http).is_err());
        // An explicit proxy is used for a loopback https target too (a debugging proxy).
        assert!(choose(&remote, true, "https://127.0.0.1:8443/v1")
            .unwrap()
            .is_some());
        assert!(choose(&ProxySetting::Disabled, true, http).unwrap().is_none());
        assert!(choose(&ProxySetting::FromEnvironment, false, http)
            .unwrap()
            .is_none());
    }

    #[test]
    fn failures_name_the_proxy_without_credentials() {
        let named = name_failure(
            ureq::Error::ConnectProxyFailed("proxy server responded 403/Forbidden".into()),
            "10.0.0.5:3128",
        );
        assert_eq!(
            named.to_string(),
            "io: proxy 10.0.0.5:3128 refused CONNECT with 403 (the proxy's rules forbid this destination)"
        );
        let refused = name_failure(
            ureq::Error::Io(io::Error::from(io::ErrorKind::ConnectionRefused)),
            "10.0.0.5:3128",
        );
        let ureq::Error::Io(io) = refused else { panic!() };
        assert_eq!(io.kind(), io::ErrorKind::ConnectionRefused);
        assert!(
            io.to_string()
                .starts_with("could not connect to proxy 10.0.0.5:3128"),
            "{io}"
        );
    }
}
