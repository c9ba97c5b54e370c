//! Downloading a file the API points to (an export's `download_url`), streamed to a writer.
//!
//! It differs from an API call in three ways, hence its own loop: the URL may be on another
//! host (object storage), which must never receive the API key; the body is streamed to the
//! caller's writer under its own size cap, never held in memory; and once bytes have been
//! written nothing is retried (the writer cannot take them back). The retry decision itself
//! is the one every call uses ([`crate::retry::RetryPolicy::decide`]).

use std::io::{Read, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ureq::http;

use crate::cancel::{self, pause};
use crate::client::{into_error, Client};
use crate::error::{quoted, Error, Result};
use crate::retry::Decision;
use crate::transport::{classify, parse_retry_after, Attempt, Method};

/// How long the body of a download may take when the client has no total timeout: a file of
/// 1 GiB at 2 MB/s fits, a stalled transfer does not hang forever.
pub const DEFAULT_DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// At most this much of an error answer's body is read (storage errors are short XML).
const ERROR_BODY_BYTES: u64 = 64 * 1024;

const CHUNK_BYTES: usize = 64 * 1024;

impl Client {
    /// Streams the file at `url` into `writer` and returns how many bytes were written.
    pub(crate) fn download(&self, url: &str, writer: &mut dyn Write) -> Result<u64> {
        let secret = self.inner.shared.key.expose();
        self.download_attempts(url, writer)
            .map_err(|e| e.redacted(secret))
    }

    fn download_attempts(&self, url: &str, writer: &mut dyn Write) -> Result<u64> {
        let inner = &*self.inner;
        let shared = &*inner.shared;
        let target = check_download_url(url)?;
        // The key (and the caller's extra headers, which may be secrets too) only go to the
        // API's own origin; a signed storage URL carries its own authorization.
        let to_api = same_origin(&shared.base_url, &target);
        let secret = shared.key.expose();
        let started = Instant::now();
        let deadline = inner.total_timeout.map(|t| started + t);
        let token = cancel::current();
        let token = token.as_ref();
        let agent = shared.connections.agent();
        let mut attempt_no = 1;
        loop {
            if let Some(token) = token.filter(|t| t.is_cancelled()) {
                return Err(token.interrupted_error());
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if left.is_some_and(|l| l.is_zero()) {
                return Err(Error::Timeout {
                    message: "the total timeout elapsed before the download finished".to_owned(),
                    attempts: attempt_no - 1,
                    may_have_executed: false,
                    cause: None,
                });
            }
            let mut request = http::Request::get(&target).header(http::header::ACCEPT, "*/*");
            if to_api {
                request = request.header(http::header::AUTHORIZATION, &shared.authorization);
                for (name, value) in &inner.extra_headers {
                    request = request.header(name, value);
                }
            }
            let request = match request.body(()) {
                Ok(request) => request,
                Err(e) => {
                    return Err(Error::invalid(
                        "download_url",
                        format!("cannot be requested: {e}"),
                    ))
                }
            };
            let request = agent
                .configure_request(request)
                .timeout_global(None)
                .timeout_recv_response(Some(left.map_or(inner.timeout, |l| l.min(inner.timeout))))
                .timeout_recv_body(Some(left.unwrap_or(DEFAULT_DOWNLOAD_TIMEOUT)))
                .build();
            let outcome = match agent.run(request) {
                Err(e) => classify(e, None),
                Ok(response) => {
                    let (parts, mut body) = response.into_parts();
                    let status = parts.status.as_u16();
                    if parts.status.is_success() {
                        let limit = shared.max_download_bytes;
                        let mut reader = body.with_config().limit(limit).reader();
                        return copy(&mut reader, writer, limit, status, attempt_no);
                    }
                    let retry_after = parts
                        .headers
                        .get(http::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(parse_retry_after);
                    let request_id = parts
                        .headers
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                    match body.with_config().limit(ERROR_BODY_BYTES).read_to_vec() {
                        Ok(bytes) => Attempt::Answered {
                            status,
                            retry_after,
                            request_id,
                            headers: parts.headers,
                            body: bytes,
                        },
                        Err(e) => classify(e, Some(status)),
                    }
                }
            };
            match inner.retry.decide(Method::Get, attempt_no, &outcome) {
                Decision::RetryAfter(wait) if deadline.is_none_or(|d| Instant::now() + wait < d) => {
                    log::warn!(
                        target: "zexa",
                        "download attempt {attempt_no} failed; retrying in {} ms",
                        wait.as_millis()
                    );
                    pause(token, wait)?;
                    attempt_no += 1;
                }
                _ => return Err(into_error(outcome, attempt_no, Method::Get, secret)),
            }
        }
    }
}

/// Copies the body to the writer, telling a failed read (the connection, the size cap) from a
/// failed write (the caller's side).
fn copy(
    reader: &mut dyn Read,
    writer: &mut dyn Write,
    limit: u64,
    status: u16,
    attempts: u32,
) -> Result<u64> {
    let mut buffer = vec![0; CHUNK_BYTES];
    let mut written = 0u64;
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(e, limit, status, attempts)),
        };
        writer
            .write_all(&buffer[..read])
            .map_err(|e| write_error(e, written))?;
        written += read as u64;
    }
    writer.flush().map_err(|e| write_error(e, written))?;
    Ok(written)
}

fn write_error(e: std::io::Error, written: u64) -> Error {
    Error::Write {
        message: e.to_string(),
        written,
        cause: Some(Arc::new(e)),
    }
}

fn read_error(e: std::io::Error, limit: u64, status: u16, attempts: u32) -> Error {
    let over_limit = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
        .is_some_and(|inner| matches!(inner, ureq::Error::BodyExceedsLimit(_)));
    if over_limit {
        return Error::decode(
            status,
            format!(
                "the download is larger than the limit of {limit} bytes (ClientBuilder::max_download_bytes)"
            ),
            &[],
            attempts,
            false,
        );
    }
    into_error(
        classify(ureq::Error::Io(e), Some(status)),
        attempts,
        Method::Get,
        "",
    )
}

/// An absolute http(s) URL with a host.
fn check_download_url(url: &str) -> Result<http::Uri> {
    let uri: http::Uri = url
        .parse()
        .map_err(|_| Error::invalid("download_url", format!("{} is not a URL", quoted(url))))?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    if !scheme_ok || uri.host().is_none() {
        return Err(Error::invalid(
            "download_url",
            format!("{} is not an absolute http(s) URL", quoted(url)),
        ));
    }
    Ok(uri)
}

/// Whether `target` has the scheme, host and port of the API's base URL.
fn same_origin(base_url: &str, target: &http::Uri) -> bool {
    let Ok(base) = base_url.parse::<http::Uri>() else {
        return false;
    };
    let port = |uri: &http::Uri| {
        uri.port_u16().or_else(|| match uri.scheme_str() {
            Some("https") => Some(443),
            Some("http") => Some(80),
            _ => None,
        })
    };
    base.scheme_str() == target.scheme_str()
        && base
            .host()
            .zip(target.host())
            .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
        && port(&base) == port(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_goes_only_to_the_api_origin() {
        let base = "https://api.zexa.ao/v1";
        let same = |url: &str| same_origin(base, &url.parse().unwrap());
        assert!(same("https://api.zexa.ao/v1/exports/exp_1/file"));
        assert!(same("https://API.zexa.ao:443/files/x"));
        assert!(!same("http://api.zexa.ao/files/x"));
        assert!(!same("https://api.zexa.ao:8443/files/x"));
        assert!(!same("https://storage.zexa.ao/x"));
        assert!(!same("https://api.zexa.ao.evil.example/x"));
    }

    #[test]
    fn only_absolute_http_urls_are_fetched() {
        assert!(check_download_url("https://s.example/x?sig=1").is_ok());
        for bad in [
            "/relative",
            "ftp://s.example/x",
            "file:///etc/passwd",
            "not a url",
        ] {
            assert!(check_download_url(bad).is_err(), "{bad}");
        }
    }
}
