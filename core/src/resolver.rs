//! Host resolution without a thread per request.
//!
//! ureq 3 resolves the host of *every* request, even one that goes out on a pooled
//! keep-alive connection, and its `DefaultResolver` spawns a thread for the lookup whenever a
//! timeout applies, which it always does here (`timeout_global`). That thread costs more
//! than the whole request on a fast network. This resolver answers IP literals on the
//! calling thread and remembers each host name's addresses for a short while, falling back to
//! ureq's resolver (bounded by the same timeout) for real lookups.

use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// How long a host name's addresses are reused before it is looked up again.
const NAME_TTL: Duration = Duration::from_secs(30);

/// See the module documentation.
#[derive(Debug, Default)]
pub(crate) struct SdkResolver {
    lookup: DefaultResolver,
    /// The last host name looked up (`host:port`), when, and its addresses.
    last: Mutex<Option<(String, Instant, ResolvedSocketAddrs)>>,
}

impl Resolver for SdkResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let Some(authority) = uri.authority() else {
            return self.lookup.resolve(uri, config, timeout);
        };
        let port = authority
            .port_u16()
            .unwrap_or(if uri.scheme_str() == Some("http") { 80 } else { 443 });
        let host = authority.host().trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = host.parse::<IpAddr>() {
            let mut addrs = self.lookup.empty();
            addrs.push(SocketAddr::new(ip, port));
            return Ok(addrs);
        }
        let key = authority.as_str();
        if let Ok(last) = self.last.lock() {
            if let Some((k, at, addrs)) = last.as_ref() {
                if k == key && at.elapsed() < NAME_TTL {
                    return Ok(addrs.clone());
                }
            }
        }
        let addrs = self.lookup.resolve(uri, config, timeout)?;
        if let Ok(mut last) = self.last.lock() {
            *last = Some((key.to_owned(), Instant::now(), addrs.clone()));
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(resolver: &SdkResolver, url: &str) -> Vec<SocketAddr> {
        let uri: Uri = url.parse().unwrap();
        let config = ureq::Agent::config_builder().build();
        resolver
            .resolve(&uri, &config, NextTimeout::default())
            .unwrap()
            .to_vec()
    }

    #[test]
    fn ip_literals_resolve_without_a_lookup() {
        let resolver = SdkResolver::default();
        assert_eq!(
            resolve(&resolver, "http://127.0.0.1:8787/v1"),
            ["127.0.0.1:8787".parse().unwrap()]
        );
        assert_eq!(
            resolve(&resolver, "http://[::1]/v1"),
            ["[::1]:80".parse().unwrap()]
        );
        assert_eq!(
            resolve(&resolver, "https://10.0.0.1/v1"),
            ["10.0.0.1:443".parse().unwrap()]
        );
        assert!(
            resolver.last.lock().unwrap().is_none(),
            "no name lookup was cached"
        );
    }

    #[test]
    fn names_are_looked_up_once_then_reused() {
        let resolver = SdkResolver::default();
        let first = resolve(&resolver, "http://localhost:8787/v1");
        assert!(first.iter().all(|a| a.ip().is_loopback() && a.port() == 8787));
        assert_eq!(resolve(&resolver, "http://localhost:8787/other"), first);
        assert_eq!(
            resolver.last.lock().unwrap().as_ref().unwrap().0,
            "localhost:8787"
        );
    }
}
