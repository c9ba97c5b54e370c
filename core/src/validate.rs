//! Checks of request fields made before anything is sent: a clear local error instead of a
//! paid round trip that the API would refuse anyway.

use crate::enums::Channel;
use crate::error::{quoted, Error, Result};
use crate::phone::check_e164;

/// A name that is not empty or only whitespace.
pub(crate) fn non_empty(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::invalid(field, "must not be empty"))
    } else {
        Ok(())
    }
}

/// A plausible email address: one `@`, something before it, a dotted domain after it, and
/// no whitespace. The API has the last word; this catches typos early.
pub(crate) fn email(field: &str, value: &str) -> Result<()> {
    let plausible = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if plausible {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{} is not a valid email address", quoted(value)),
        ))
    }
}

/// A recipient valid for its channel: E.164 for phone channels, an email address for email,
/// anything non-empty for Slack and channels this version does not know.
pub(crate) fn recipient(channel: &Channel, to: &str) -> Result<()> {
    match channel {
        c if c.uses_phone_numbers() => check_e164("to", to),
        Channel::Email => email("to", to),
        _ => non_empty("to", to),
    }
}

/// A message or campaign needs a body or a template.
pub(crate) fn content(body: Option<&str>, has_template: bool) -> Result<()> {
    match body {
        Some(b) if !b.is_empty() => Ok(()),
        _ if has_template => Ok(()),
        Some(_) => Err(Error::invalid("body", "must not be empty")),
        None => Err(Error::invalid("body", "a body or a template is required")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(email("email", "maria@example.com").is_ok());
        for bad in [
            "",
            "maria",
            "@example.com",
            "maria@",
            "maria@example",
            "a b@example.com",
            "a@b@c.com",
            "a@.com",
        ] {
            assert!(email("email", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn recipients_by_channel() {
        assert!(recipient(&Channel::Sms, "+244912345678").is_ok());
        assert!(recipient(&Channel::Whatsapp, "912345678").is_err());
        assert!(recipient(&Channel::Email, "joao@example.com").is_ok());
        assert!(recipient(&Channel::Email, "+244912345678").is_err());
        assert!(recipient(&Channel::Slack, "C0123").is_ok());
        assert!(recipient(&Channel::Slack, " ").is_err());
    }

    #[test]
    fn content_rules() {
        assert!(content(Some("hi"), false).is_ok());
        assert!(content(None, true).is_ok());
        assert!(content(None, false).is_err());
        assert!(content(Some(""), false).is_err());
    }
}
