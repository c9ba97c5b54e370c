//! [`Response`]: a call's model together with what the HTTP answer said about it, for support
//! tickets (the request ID), rate-limit headers and diagnostics. Made by
//! [`Client::with_response`](crate::Client::with_response).

use std::time::Duration;

use ureq::http;

use crate::error::{redact, REDACTED};

/// The headers of an answer. Names are matched without regard to case; a value that is not
/// text is left out, and the API key is removed from every value (a server may echo it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers {
    /// Names in lower case, in the order the server sent them.
    entries: Vec<(String, String)>,
}

impl Headers {
    pub(crate) fn from_map(map: &http::HeaderMap, secret: &str) -> Headers {
        let entries = map
            .iter()
            .filter_map(|(name, value)| {
                let mut value = value.to_str().ok()?.to_owned();
                redact(&mut value, secret);
                Some((name.as_str().to_owned(), value))
            })
            .collect();
        Headers { entries }
    }

    /// The first value of the header `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of the header `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every `(name, value)`, names in lower case.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What the answer of a successful call said, apart from its body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseInfo {
    /// The HTTP status (2xx).
    pub status: u16,
    /// The answer's headers.
    pub headers: Headers,
    /// The `X-Request-Id` the server gave, for support.
    pub request_id: Option<String>,
    /// How many attempts the call took (1 when it was not retried).
    pub attempts: u32,
    /// The time the whole call took, retries and their waits included.
    pub elapsed: Duration,
}

impl ResponseInfo {
    pub(crate) fn new(
        status: u16,
        headers: &http::HeaderMap,
        attempts: u32,
        elapsed: Duration,
        secret: &str,
    ) -> ResponseInfo {
        let headers = Headers::from_map(headers, secret);
        let request_id = headers
            .get("x-request-id")
            .filter(|id| *id != REDACTED)
            .map(str::to_owned);
        ResponseInfo {
            status,
            headers,
            request_id,
            attempts,
            elapsed,
        }
    }
}

/// A call's result with its [`ResponseInfo`].
///
/// ```no_run
/// # let client = zexa::Client::new("k")?;
/// let response = client.with_response(|c| c.contacts().get("cnt_1"))?;
/// println!("{} in {:?}, request {:?}", response.status(), response.elapsed(), response.request_id());
/// let contact = response.into_value();
/// # Ok::<(), zexa::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Response<T> {
    value: T,
    info: ResponseInfo,
}

impl<T> Response<T> {
    pub(crate) fn new(value: T, info: ResponseInfo) -> Response<T> {
        Response { value, info }
    }

    /// The call's result.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The call's result, the metadata dropped.
    pub fn into_value(self) -> T {
        self.value
    }

    /// The result and the metadata apart.
    pub fn into_parts(self) -> (T, ResponseInfo) {
        (self.value, self.info)
    }

    /// The metadata.
    pub fn info(&self) -> &ResponseInfo {
        &self.info
    }

    /// The HTTP status (2xx).
    pub fn status(&self) -> u16 {
        self.info.status
    }

    /// The answer's headers.
    pub fn headers(&self) -> &Headers {
        &self.info.headers
    }

    /// The `X-Request-Id` the server gave.
    pub fn request_id(&self) -> Option<&str> {
        self.info.request_id.as_deref()
    }

    /// How many attempts the call took.
    pub fn attempts(&self) -> u32 {
        self.info.attempts
    }

    /// The time the whole call took.
    pub fn elapsed(&self) -> Duration {
        self.info.elapsed
    }

    /// The same metadata around `f(value)`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            value: f(self.value),
            info: self.info,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_any_case_and_hide_the_key() {
        let mut map = http::HeaderMap::new();
        map.insert("x-request-id", "req_1".parse().unwrap());
        map.append("set-thing", "a".parse().unwrap());
        map.append("set-thing", "b".parse().unwrap());
        map.insert("x-echo", "Bearer zx_secret".parse().unwrap());
        let info = ResponseInfo::new(200, &map, 1, Duration::from_millis(3), "zx_secret");
        assert_eq!(info.request_id.as_deref(), Some("req_1"));
        assert_eq!(info.headers.get("X-Request-ID"), Some("req_1"));
        assert_eq!(info.headers.get_all("Set-Thing").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(info.headers.get("x-echo"), Some("Bearer <redacted>"));
        assert_eq!(info.headers.len(), 4);
        assert!(info.headers.get("missing").is_none());
    }
}
