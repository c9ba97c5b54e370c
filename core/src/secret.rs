//! The API key, kept out of every `Debug`, `Display` and log line.

use crate::error::{Error, Result};

/// The longest API key accepted.
pub(crate) const MAX_KEY_BYTES: usize = 1024;

/// An API key. Its `Debug` output is redacted, and it has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ApiKey(String);

impl ApiKey {
    /// Checks a key: not empty, at most [`MAX_KEY_BYTES`], printable ASCII without spaces.
    ///
    /// Anything else cannot be a key, and would only fail later on every call: a non-ASCII
    /// character (a BOM or a zero-width space pasted along with the key) is not a valid header
    /// value, a CR/LF would inject headers, a huge key overflows the request head. The message
    /// never quotes the key.
    pub(crate) fn new(key: &str) -> Result<ApiKey> {
        if key.is_empty() {
            return Err(Error::invalid("api_key", "is empty"));
        }
        if key.len() > MAX_KEY_BYTES {
            return Err(Error::invalid(
                "api_key",
                format!(
                    "is {} bytes long, over the limit of {MAX_KEY_BYTES}: not an API key",
                    key.len()
                ),
            ));
        }
        if let Some((at, c)) = key.char_indices().find(|(_, c)| !c.is_ascii_graphic()) {
            let what = match c {
                ' ' | '\t' | '\r' | '\n' => "whitespace",
                '\u{feff}' => "a byte-order mark",
                '\u{200b}'..='\u{200d}' | '\u{2060}' => "a zero-width character",
                c if c.is_control() => "a control character",
                _ => "a character that is not printable ASCII",
            };
            return Err(Error::invalid(
                "api_key",
                format!(
                    "contains {what} (U+{:04X}) at byte {at}; check how the key was copied",
                    c as u32
                ),
            ));
        }
        Ok(ApiKey(key.to_owned()))
    }

    /// The key itself, to remove it from text that may echo it. Never print it.
    pub(crate) fn expose(&self) -> &str {
        &self.0
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

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(key: &str) -> String {
        match ApiKey::new(key) {
            Err(Error::InvalidInput { field, reason }) => {
                assert_eq!(field, "api_key");
                assert!(!reason.contains("zx_live"), "the key is never quoted: {reason}");
                reason
            }
            other => panic!("{key:?} should be refused, got {other:?}"),
        }
    }

    #[test]
    fn keys_must_be_printable_ascii_of_bounded_length() {
        assert!(ApiKey::new("zx_live_AbC-123.x").is_ok());
        assert!(refusal("\u{feff}zx_live_abc").contains("byte-order mark"));
        assert!(refusal("zx_live_\u{200b}abc").contains("zero-width"));
        assert!(refusal("zx_live_abç").contains("not printable ASCII"));
        assert!(refusal("zx_live abc").contains("whitespace"));
        assert!(refusal("zx_live_abc\r\nX-Evil: 1").contains("whitespace"));
        assert!(refusal("zx_live_\u{7f}").contains("control"));
        assert!(refusal(&"k".repeat(128 * 1024)).contains("over the limit of 1024"));
        assert!(ApiKey::new(&"k".repeat(MAX_KEY_BYTES)).is_ok());
        assert!(refusal("").contains("empty"));
    }
}
