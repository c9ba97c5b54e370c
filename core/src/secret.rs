//! The API key, kept out of every `Debug`, `Display` and log line.

use crate::error::{Error, Result};

/// An API key. Its `Debug` output is redacted, and it has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ApiKey(String);

impl ApiKey {
    /// Checks a key: not empty, no whitespace or control characters (a CR/LF in a header value
    /// would let a key inject headers; ureq refuses them anyway, but we say why up front).
    pub(crate) fn new(key: &str) -> Result<ApiKey> {
        if key.is_empty() {
            return Err(Error::invalid("api_key", "is empty"));
        }
        if key.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(Error::invalid(
                "api_key",
                "contains whitespace or control characters",
            ));
        }
        Ok(ApiKey(key.to_owned()))
    }

    /// The value of the `Authorization` header.
    pub(crate) fn bearer(&self) -> String {
        format!("Bearer {}", self.0)
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}
