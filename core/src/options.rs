//! [`RequestOptions`]: settings that one call (or a few) overrides, without another client.

use std::time::Duration;

use ureq::http;

use crate::error::{quoted, Error, Result};

/// Header names a call may not set: the client owns authentication, the body's type and the
/// message framing, and a wrong value would break them (or leak the key to a proxy).
const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "content-type",
    "content-length",
    "transfer-encoding",
    "connection",
    "host",
];

/// Settings for the calls of one [`Client::with_options`](crate::Client::with_options) handle:
/// what is set here replaces the client's setting, what is left unset keeps it.
///
/// ```no_run
/// use std::time::Duration;
/// # let client = zexa::Client::new("k")?;
/// let options = zexa::RequestOptions::new()
///     .timeout(Duration::from_secs(2))
///     .max_retries(0)
///     .header("X-Trace-Id", "order-1234")
///     .query("expand", "lists");
/// let contact = client.with_options(&options)?.contacts().get("cnt_1")?;
/// # Ok::<(), zexa::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) max_retries: Option<u32>,
    /// `Some(None)`: no total timeout, even when the client has one.
    pub(crate) total_timeout: Option<Option<Duration>>,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) query: Vec<(String, String)>,
}

impl RequestOptions {
    /// Options that change nothing yet.
    pub fn new() -> RequestOptions {
        RequestOptions::default()
    }

    /// The timeout of each attempt.
    pub fn timeout(mut self, timeout: Duration) -> RequestOptions {
        self.timeout = Some(timeout);
        self
    }

    /// How many times a failure that surely had no effect is retried.
    pub fn max_retries(mut self, max_retries: u32) -> RequestOptions {
        self.max_retries = Some(max_retries);
        self
    }

    /// The bound of a whole call, retries and their waits included.
    pub fn total_timeout(mut self, total: Duration) -> RequestOptions {
        self.total_timeout = Some(Some(total));
        self
    }

    /// No bound on a whole call, even when the client has one.
    pub fn no_total_timeout(mut self) -> RequestOptions {
        self.total_timeout = Some(None);
        self
    }

    /// A header sent with every request, after the client's own. `Authorization`,
    /// `Proxy-Authorization`, `Content-Type`, `Content-Length`, `Transfer-Encoding`,
    /// `Connection` and `Host` are refused by [`Client::with_options`](crate::Client::with_options).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> RequestOptions {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// A query pair added to every request, after the call's own.
    pub fn query(mut self, key: impl Into<String>, value: impl Into<String>) -> RequestOptions {
        self.query.push((key.into(), value.into()));
        self
    }

    /// Refuses what could not be sent: a zero timeout, a reserved or malformed header.
    pub(crate) fn check(&self) -> Result<()> {
        if self.timeout.is_some_and(|t| t.is_zero()) {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        if self.total_timeout.flatten().is_some_and(|t| t.is_zero()) {
            return Err(Error::invalid("total_timeout", "must be greater than zero"));
        }
        if let Some(timeout) = self.timeout {
            crate::retry::check_duration("timeout", timeout)?;
        }
        if let Some(total) = self.total_timeout.flatten() {
            crate::retry::check_duration("total_timeout", total)?;
        }
        if let Some(retries) = self.max_retries {
            crate::retry::check_retries(retries)?;
        }
        for (name, value) in &self.headers {
            if RESERVED_HEADERS.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                return Err(Error::invalid(
                    "extra_headers",
                    format!("{} is set by the client and cannot be overridden", quoted(name)),
                ));
            }
            if http::HeaderName::from_bytes(name.as_bytes()).is_err() {
                return Err(Error::invalid(
                    "extra_headers",
                    format!("{} is not a valid header name", quoted(name)),
                ));
            }
            // Printable ASCII and tabs only: a CR or LF would split the request.
            if http::HeaderValue::from_str(value).is_err() {
                return Err(Error::invalid(
                    "extra_headers",
                    format!(
                        "the value of {} has a character a header cannot carry",
                        quoted(name)
                    ),
                ));
            }
        }
        if self.query.iter().any(|(key, _)| key.is_empty()) {
            return Err(Error::invalid("extra_query", "a query key cannot be empty"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_malformed_headers_are_refused() {
        for name in [
            "Authorization",
            "content-TYPE",
            "Host",
            "Content-Length",
            "Proxy-Authorization",
        ] {
            let error = RequestOptions::new().header(name, "x").check().unwrap_err();
            assert!(
                error.to_string().contains("cannot be overridden"),
                "{name}: {error}"
            );
        }
        assert!(RequestOptions::new().header("bad name", "x").check().is_err());
        assert!(RequestOptions::new()
            .header("X-Ok", "a\r\nInjected: 1")
            .check()
            .is_err());
        assert!(RequestOptions::new().query("", "v").check().is_err());
        assert!(RequestOptions::new().timeout(Duration::ZERO).check().is_err());
        assert!(RequestOptions::new()
            .total_timeout(Duration::ZERO)
            .check()
            .is_err());
        RequestOptions::new()
            .header("X-Trace", "abc")
            .query("k", "v")
            .timeout(Duration::from_secs(1))
            .check()
            .unwrap();
    }
}
