//! Checking the base URL: parsable, http(s), and plain http only to a loopback host, so the
//! API key never crosses a network in clear.

use std::net::IpAddr;

use ureq::http::Uri;

use crate::error::{quoted, Error, Result};

/// The production API.
pub const DEFAULT_BASE_URL: &str = "https://api.zexa.ao/v1";

/// Validates `url` and returns it without a trailing slash, ready to have paths appended.
pub(crate) fn check_base_url(url: &str) -> Result<String> {
    let trimmed = url.trim_end_matches('/');
    let uri: Uri = trimmed
        .parse()
        .map_err(|e| Error::invalid("base_url", format!("{} is not a URL: {e}", quoted(url))))?;
    let host = uri
        .host()
        .ok_or_else(|| Error::invalid("base_url", format!("{} has no host", quoted(url))))?;
    if uri.query().is_some() {
        return Err(Error::invalid("base_url", "must not have a query string"));
    }
    match uri.scheme_str() {
        Some("https") => {}
        Some("http") if is_loopback(host) => {}
        Some("http") => {
            return Err(Error::invalid(
                "base_url",
                format!(
                    "plain http is only allowed to a loopback host (got {host:?}); use https so the API key is not sent in clear"
                ),
            ))
        }
        _ => {
            return Err(Error::invalid(
                "base_url",
                format!("{} must start with https:// (or http:// to a loopback host)", quoted(url)),
            ))
        }
    }
    Ok(trimmed.to_owned())
}

/// `localhost`, 127.0.0.0/8 and `::1`.
pub(crate) fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") {
        return true;
    }
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_and_loopback_http() {
        assert_eq!(
            check_base_url("https://api.zexa.ao/v1/").unwrap(),
            "https://api.zexa.ao/v1"
        );
        assert!(check_base_url("http://127.0.0.1:8787/v1").is_ok());
        assert!(check_base_url("http://127.3.2.1/v1").is_ok());
        assert!(check_base_url("http://localhost:1/v1").is_ok());
        assert!(check_base_url("http://[::1]:80/v1").is_ok());
    }

    #[test]
    fn refuses_plain_http_to_remote_and_garbage() {
        for bad in [
            "http://api.zexa.ao/v1",
            "http://10.0.0.1/v1",
            "ftp://x/v1",
            "not a url",
            "",
            "https://x/v1?a=b",
        ] {
            assert!(
                matches!(check_base_url(bad), Err(Error::InvalidInput { .. })),
                "{bad} should be refused"
            );
        }
    }
}
