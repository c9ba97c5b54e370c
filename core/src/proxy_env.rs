//! Which proxy the environment asks for, by curl's conventions, and the checking of a proxy URL.
//!
//! Written here rather than taken from ureq (`Proxy::try_from_env`), deliberately: ureq lets
//! `ALL_PROXY` win over `HTTPS_PROXY`, uses `HTTP_PROXY` for https targets, drops a malformed
//! URL silently (and connects directly), and its `NO_PROXY` knows neither trimmed entries,
//! `host:port`, nor CIDR ranges. The rules below are curl's, plus Go's `ProxyFromEnvironment`
//! rule that a loopback target is never proxied from the environment:
//!
//! - an https target uses `https_proxy` / `HTTPS_PROXY`, an http target `http_proxy` /
//!   `HTTP_PROXY`; `all_proxy` / `ALL_PROXY` is the fallback for both. The lowercase name wins
//!   when both are set; an empty value counts as unset.
//! - `no_proxy` / `NO_PROXY` is a list separated by commas (or spaces); each entry is trimmed
//!   and is `*` (no proxy at all), a domain (`example.com`, `.example.com` and
//!   `*.example.com` all match the domain and every name under it), an IP address, a CIDR
//!   range (`10.0.0.0/8`, `fd00::/8`), any of those but a range with `:port` (only that port),
//!   and an IPv6 address in brackets.
//!
//! Nothing here echoes a proxy URL in an error: it may carry the proxy's credentials.

use std::net::IpAddr;

use ureq::http::Uri;

use crate::base_url::is_loopback;
use crate::error::{quoted, Error, Result};

/// The host a client talks to, as the proxy rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// `https` (else plain `http`).
    pub https: bool,
    /// The host, lowercase, without IPv6 brackets or a trailing dot.
    pub host: String,
    /// The port, explicit or the scheme's default.
    pub port: u16,
}

impl Target {
    /// The target of an already checked base URL.
    pub(crate) fn of_url(url: &str) -> Result<Target> {
        let uri: Uri = url
            .parse()
            .map_err(|e| Error::invalid("base_url", format!("{} is not a URL: {e}", quoted(url))))?;
        let https = uri.scheme_str() == Some("https");
        let host = uri
            .host()
            .ok_or_else(|| Error::invalid("base_url", format!("{} has no host", quoted(url))))?;
        Ok(Target {
            https,
            host: bare_host(host),
            port: uri.port_u16().unwrap_or(if https { 443 } else { 80 }),
        })
    }
}

/// `host` lowercase, without IPv6 brackets or a trailing dot.
fn bare_host(host: &str) -> String {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

/// A checked proxy URL.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ProxyUrl {
    /// The URL normalised for ureq (`scheme://[user:pass@]host:port`): holds the credentials.
    normalized: String,
    /// `host:port`, safe to print.
    label: String,
    /// The proxy's host, bare.
    host: String,
}

impl std::fmt::Debug for ProxyUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the URL: it may hold credentials.
        f.debug_struct("ProxyUrl")
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

impl ProxyUrl {
    /// Checks `raw` (`http://host:3128`, `socks5://user:pass@host:1080`, or `host:port`, which
    /// means http as in curl). `field` names the setting in the error, which never quotes the
    /// URL itself.
    pub(crate) fn parse(raw: &str, field: &str) -> Result<ProxyUrl> {
        let raw = raw.trim();
        let bad = |why: &str| Error::invalid(field, format!("is not a usable proxy URL: {why}"));
        let (scheme, rest) = match raw.split_once("://") {
            Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
            None => ("http".to_owned(), raw),
        };
        let (scheme, default_port) = match scheme.as_str() {
            "http" => ("http", 80),
            "https" => ("https", 443),
            "socks4" | "socks4a" | "socks5" | "socks5h" => (scheme.as_str(), 1080),
            "socks" => ("socks5", 1080),
            other => {
                return Err(bad(&format!(
                    "unknown scheme {} (expected http, https, socks4, socks4a, socks5 or socks5h)",
                    quoted(other)
                )))
            }
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.is_empty() {
            return Err(bad("it has no host"));
        }
        if authority.contains(['/', '?', '#']) {
            return Err(bad("a proxy URL has no path, query or fragment"));
        }
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((userinfo, hostport)) => (Some(userinfo), hostport),
            None => (None, authority),
        };
        let uri: Uri = format!("{scheme}://{hostport}")
            .parse()
            .map_err(|_| bad("the host or port is malformed"))?;
        let host = uri
            .host()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("it has no host"))?;
        // The port as written (the `http` crate reads an out-of-range port as none at all).
        let written_port = hostport
            .rsplit_once(':')
            .filter(|(_, port)| !port.contains(']'))
            .map(|(_, port)| port);
        let port = match written_port {
            Some(port) => port
                .parse::<u16>()
                .ok()
                .filter(|p| *p != 0)
                .ok_or_else(|| bad("the port is not in 1..=65535"))?,
            None => default_port,
        };
        let credentials = userinfo.map(|u| format!("{u}@")).unwrap_or_default();
        let normalized = format!("{scheme}://{credentials}{host}:{port}");
        // ureq decodes the credentials; a bad percent-encoding is refused here, not at the
        // first call.
        ureq::Proxy::new(&normalized)
            .map_err(|_| bad("the user name or password is not valid percent-encoded UTF-8"))?;
        Ok(ProxyUrl {
            normalized,
            label: format!("{host}:{port}"),
            host: bare_host(host),
        })
    }

    /// The proxy for ureq.
    pub(crate) fn to_ureq(&self) -> ureq::Proxy {
        // parse() built one from the same string.
        ureq::Proxy::new(&self.normalized).expect("checked when parsed")
    }

    /// `host:port`, without credentials.
    pub(crate) fn label(&self) -> &str {
        &self.label
    }

    /// Whether the proxy runs on this machine.
    pub(crate) fn is_loopback(&self) -> bool {
        is_loopback(&self.host)
    }
}

/// The proxy the environment gives for a target, and the variable it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EnvProxy {
    /// The variable, e.g. `HTTPS_PROXY`, for error messages.
    pub variable: &'static str,
    /// The proxy.
    pub url: ProxyUrl,
}

/// The proxy the environment (read through `var`) asks for to reach `target`, or `None` to
/// connect directly.
///
/// # Errors
/// [`Error::InvalidInput`] naming the variable when the proxy variable that applies to the
/// target's scheme, or `NO_PROXY`, is malformed (even when the target is then exempt: a
/// broken setting is reported, never ignored).
pub(crate) fn proxy_for(target: &Target, var: &dyn Fn(&str) -> Option<String>) -> Result<Option<EnvProxy>> {
    let names: [&'static str; 4] = if target.https {
        ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
    } else {
        ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]
    };
    let Some((variable, value)) = names
        .iter()
        .find_map(|name| var(name).filter(|v| !v.trim().is_empty()).map(|v| (*name, v)))
    else {
        return Ok(None);
    };
    let url = ProxyUrl::parse(&value, variable)?;
    let no_proxy = ["no_proxy", "NO_PROXY"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.trim().is_empty()).map(|v| (*name, v)));
    let exempt = match no_proxy {
        Some((name, value)) => NoProxy::parse(&value, name)?.matches(target),
        None => false,
    };
    if exempt || is_loopback(&target.host) {
        return Ok(None);
    }
    Ok(Some(EnvProxy { variable, url }))
}

/// One `NO_PROXY` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    /// `*`: no proxy for any host.
    All,
    /// A domain and every name under it, optionally on one port.
    Domain(String, Option<u16>),
    /// One IP address, optionally on one port.
    Ip(IpAddr, Option<u16>),
    /// A CIDR range.
    Range(IpAddr, u8),
}

/// A parsed `NO_PROXY` list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct NoProxy {
    entries: Vec<Entry>,
}

impl NoProxy {
    /// Parses a `NO_PROXY` value; `variable` names it in errors.
    pub(crate) fn parse(value: &str, variable: &str) -> Result<NoProxy> {
        let entries = value
            .split(|c: char| c == ',' || c.is_whitespace())
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| parse_entry(e, variable))
            .collect::<Result<_>>()?;
        Ok(NoProxy { entries })
    }

    /// Whether `target` is reached without the proxy.
    pub(crate) fn matches(&self, target: &Target) -> bool {
        let ip: Option<IpAddr> = target.host.parse().ok();
        let port_ok = |port: &Option<u16>| port.is_none_or(|p| p == target.port);
        self.entries.iter().any(|entry| match entry {
            Entry::All => true,
            Entry::Domain(domain, port) => {
                port_ok(port)
                    && (target.host == *domain
                        || target
                            .host
                            .strip_suffix(domain.as_str())
                            .is_some_and(|head| head.ends_with('.')))
            }
            Entry::Ip(addr, port) => port_ok(port) && ip == Some(*addr),
            Entry::Range(net, prefix) => ip.is_some_and(|ip| in_range(ip, *net, *prefix)),
        })
    }
}

fn parse_entry(entry: &str, variable: &str) -> Result<Entry> {
    let bad = |why: &str| Error::invalid(variable, format!("entry {} {why}", quoted(entry)));
    if entry == "*" {
        return Ok(Entry::All);
    }
    if let Some((addr, prefix)) = entry.split_once('/') {
        let net: IpAddr = bare_host(addr)
            .parse()
            .map_err(|_| bad("is not a CIDR range (an IP address before the '/')"))?;
        let max = if net.is_ipv4() { 32 } else { 128 };
        let prefix: u8 = prefix
            .parse()
            .ok()
            .filter(|p| *p <= max)
            .ok_or_else(|| bad(&format!("has a prefix length that is not in 0..={max}")))?;
        return Ok(Entry::Range(net, prefix));
    }
    // A bare IPv6 address has colons of its own: it carries no port unless bracketed.
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Ok(Entry::Ip(ip, None));
    }
    let (host, port) = match entry.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
            let port = port
                .parse::<u16>()
                .map_err(|_| bad("has a port that is not in 0..=65535"))?;
            (host, Some(port))
        }
        _ => (entry, None),
    };
    let host = bare_host(host);
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(Entry::Ip(ip, port));
    }
    let domain = host.trim_start_matches("*.").trim_start_matches('.');
    if domain.is_empty() {
        return Err(bad("has no host"));
    }
    Ok(Entry::Domain(domain.to_owned(), port))
}

/// Whether `ip` is in `net/prefix` (an IPv4-mapped IPv6 address counts as its IPv4 one).
fn in_range(ip: IpAddr, net: IpAddr, prefix: u8) -> bool {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    };
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn target(url: &str) -> Target {
        Target::of_url(url).unwrap()
    }

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn chosen(url: &str, pairs: &[(&str, &str)]) -> Option<(&'static str, String)> {
        proxy_for(&target(url), &env(pairs))
            .unwrap()
            .map(|p| (p.variable, p.url.label().to_owned()))
    }

    const API: &str = "https://api.zexa.ao/v1";

    #[test]
    fn https_targets_use_https_proxy_then_all_proxy() {
        // Seen: HTTP_PROXY used for https targets, ALL_PROXY winning over HTTPS_PROXY.
        assert_eq!(chosen(API, &[("HTTP_PROXY", "http://h:1")]), None);
        assert_eq!(
            chosen(
                API,
                &[("ALL_PROXY", "http://all:1"), ("HTTPS_PROXY", "http://s:2")]
            ),
            Some(("HTTPS_PROXY", "s:2".to_owned()))
        );
        assert_eq!(
            chosen(
                API,
                &[
                    ("https_proxy", "http://lower:3"),
                    ("HTTPS_PROXY", "http://upper:2")
                ]
            ),
            Some(("https_proxy", "lower:3".to_owned()))
        );
        assert_eq!(
            chosen(API, &[("ALL_PROXY", "socks5://all:1080"), ("HTTPS_PROXY", " ")]),
            Some(("ALL_PROXY", "all:1080".to_owned()))
        );
        assert_eq!(chosen(API, &[]), None);
    }

    #[test]
    fn http_targets_use_http_proxy_but_loopback_is_never_proxied() {
        let remote_http = Target {
            https: false,
            host: "gateway.example".into(),
            port: 80,
        };
        let found = proxy_for(
            &remote_http,
            &env(&[("HTTPS_PROXY", "http://s:2"), ("http_proxy", "p:8080")]),
        )
        .unwrap()
        .unwrap();
        assert_eq!((found.variable, found.url.label()), ("http_proxy", "p:8080"));
        // Seen: the key sent in clear to HTTP_PROXY for a plain-http loopback sandbox.
        for url in [
            "http://127.0.0.1:8787/v1",
            "http://localhost:1/v1",
            "http://[::1]:2/v1",
            "https://127.9.9.9/v1",
        ] {
            assert_eq!(
                chosen(
                    url,
                    &[
                        ("HTTP_PROXY", "http://p:1"),
                        ("HTTPS_PROXY", "http://p:1"),
                        ("ALL_PROXY", "http://p:1")
                    ]
                ),
                None,
                "{url}"
            );
        }
    }

    #[test]
    fn no_proxy_entries_are_trimmed_and_understood() {
        let proxy = ("HTTPS_PROXY", "http://proxy:3128");
        let exempt = |no_proxy: &str, url: &str| chosen(url, &[proxy, ("NO_PROXY", no_proxy)]).is_none();
        // Seen: "localhost, 127.0.0.1" with a space, CIDR ranges and host:port ignored.
        assert!(exempt("localhost, api.zexa.ao", API));
        assert!(exempt(" zexa.ao ", API));
        assert!(exempt(".zexa.ao", API));
        assert!(exempt("*.zexa.ao", API));
        assert!(exempt("API.ZEXA.AO.", API));
        assert!(!exempt("xa.ao", API), "a suffix only matches whole labels");
        assert!(!exempt("api.zexa.ao.evil", API));
        assert!(exempt("api.zexa.ao:443", API));
        assert!(!exempt("api.zexa.ao:8443", API));
        assert!(exempt("*", API));
        assert!(exempt("10.0.0.0/8", "https://10.1.2.3/v1"));
        assert!(!exempt("10.0.0.0/8", "https://11.1.2.3/v1"));
        assert!(exempt("192.168.1.7", "https://192.168.1.7:8443/v1"));
        assert!(exempt("192.168.1.7:8443", "https://192.168.1.7:8443/v1"));
        assert!(!exempt("192.168.1.7:443", "https://192.168.1.7:8443/v1"));
        assert!(exempt("fd00::/8", "https://[fd12::1]/v1"));
        assert!(exempt("[fd12::1]:443", "https://[fd12::1]/v1"));
        assert!(exempt("fd12::1", "https://[fd12::1]/v1"));
        assert!(exempt("0.0.0.0/0", "https://8.8.8.8/v1"));
        assert!(!exempt("10.0.0.0/8", API), "a range only matches IP targets");
        // The lowercase list wins, as curl reads it.
        assert!(chosen(API, &[proxy, ("no_proxy", "other"), ("NO_PROXY", "zexa.ao")]).is_some());
    }

    #[test]
    fn malformed_settings_are_errors_naming_the_variable_never_the_credentials() {
        for bad in [
            "ftp://user:s3cret@proxy:21",
            "http://user:s3cret@proxy:99999",
            "http://user:s3cret@:3128",
            "http://user:s3cret@proxy:3128/path",
            "http://user:s3cret@proxy:",
            "http://user:%ff%fe@proxy:1",
            "http://",
        ] {
            let err = proxy_for(&target(API), &env(&[("HTTPS_PROXY", bad)])).expect_err(bad);
            let text = err.to_string();
            assert!(
                matches!(err, Error::InvalidInput { ref field, .. } if field == "HTTPS_PROXY"),
                "{bad}: {text}"
            );
            assert!(!text.contains("s3cret") && !text.contains("%ff"), "{text}");
        }
        let err = proxy_for(
            &target(API),
            &env(&[("HTTPS_PROXY", "http://p:1"), ("NO_PROXY", "10.0.0.0/33")]),
        )
        .unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { ref field, .. } if field == "NO_PROXY"),
            "{err}"
        );
        // Reported even for a loopback target, which would not use it.
        assert!(proxy_for(
            &target("http://127.0.0.1:1/v1"),
            &env(&[("HTTP_PROXY", "gopher://x")])
        )
        .is_err());
    }

    #[test]
    fn proxy_urls_are_normalised_for_ureq() {
        let p = ProxyUrl::parse("proxy.corp:3128", "proxy").unwrap();
        assert_eq!(
            (p.normalized.as_str(), p.label()),
            ("http://proxy.corp:3128", "proxy.corp:3128")
        );
        let p = ProxyUrl::parse("SOCKS://u:p%40ss@[::1]:1080/", "proxy").unwrap();
        assert_eq!(p.label(), "[::1]:1080");
        assert!(p.is_loopback());
        assert_eq!(p.to_ureq().password(), Some("p@ss"));
        assert_eq!(ProxyUrl::parse("http://h", "proxy").unwrap().label(), "h:80");
        assert!(!format!("{p:?}").contains("p%40ss"));
    }
}
