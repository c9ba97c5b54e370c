//! The `max_segments` guard of messages and campaigns: a body longer than the caller planned
//! is refused before anything is sent (and paid for).

use super::{segments, SmsEncoding};
use crate::enums::Channel;
use crate::error::{Error, Result};

/// At most this many of the characters that forced UCS-2 are quoted in the error.
const QUOTED: usize = 5;

/// Refuses an SMS `body` of more than `max_segments` segments. Other channels, a missing body
/// or no limit pass; a limit of 0 is refused (no SMS body fits in it).
pub(crate) fn check_max_segments(
    channel: &Channel,
    body: Option<&str>,
    max_segments: Option<u32>,
) -> Result<()> {
    let Some(max) = max_segments else {
        return Ok(());
    };
    if max == 0 {
        return Err(Error::invalid("max_segments", "must be at least 1"));
    }
    let (Channel::Sms, Some(body)) = (channel, body) else {
        return Ok(());
    };
    let counted = segments::count(body);
    if counted.segments <= max {
        return Ok(());
    }
    let mut reason = format!(
        "is {} SMS segments in {} ({} {}, {} per segment), more than max_segments {max}",
        counted.segments,
        counted.encoding,
        counted.units,
        counted.encoding.unit_name(),
        counted.per_segment,
    );
    if counted.encoding == SmsEncoding::Ucs2 {
        let quoted: Vec<String> = counted
            .unicode_characters
            .iter()
            .take(QUOTED)
            .map(|c| format!("{:?} at character {}", c.character, c.char_index))
            .collect();
        reason.push_str(&format!("; UCS-2 because of {}", quoted.join(", ")));
        let more = counted.unicode_characters.len().saturating_sub(QUOTED);
        if more > 0 {
            reason.push_str(&format!(" and {more} more"));
        }
        reason.push_str(" (sms_smart_encode may make it GSM-7)");
    }
    Err(Error::invalid("body", reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sms_bodies_over_the_limit_are_refused() {
        let long = "a".repeat(161);
        assert!(check_max_segments(&Channel::Sms, Some(&long), None).is_ok());
        assert!(check_max_segments(&Channel::Sms, Some(&long), Some(2)).is_ok());
        assert!(check_max_segments(&Channel::Whatsapp, Some(&long), Some(1)).is_ok());
        assert!(check_max_segments(&Channel::Sms, None, Some(1)).is_ok());
        let err = check_max_segments(&Channel::Sms, Some(&long), Some(1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid body: is 2 SMS segments in GSM-7 (161 septets, 153 per segment), more than max_segments 1"
        );
    }

    #[test]
    fn zero_is_refused() {
        let err = check_max_segments(&Channel::Email, Some("hi"), Some(0)).unwrap_err();
        assert_eq!(err.to_string(), "invalid max_segments: must be at least 1");
    }

    #[test]
    fn the_error_names_the_first_characters_that_forced_ucs2() {
        let body = "Informação: não há ação sem opção. ".repeat(3);
        let err = check_max_segments(&Channel::Sms, Some(&body), Some(1)).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("invalid body: is 2 SMS segments in UCS-2 (105 UTF-16 units, 67 per segment)"),
            "{text}"
        );
        assert!(
            text.contains(r#"UCS-2 because of "ç" at character 7, "ã" at character 8, "ã" at character 13, "á" at character 17, "ç" at character 20 and 19 more"#),
            "{text}"
        );
    }
}
