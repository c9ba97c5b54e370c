//! E.164 phone numbers: the check every phone field gets before sending, and [`to_e164`],
//! which turns the common written forms into E.164.

use crate::error::{quoted, Error, Result};

/// Fewest digits (country code included) accepted in an E.164 number.
const MIN_DIGITS: usize = 7;
/// Most digits E.164 allows.
const MAX_DIGITS: usize = 15;

/// Whether `number` is E.164: `+`, a first digit 1-9, 7 to 15 digits in all, nothing else.
///
/// ```
/// assert!(zexa::is_e164("+244912345678"));
/// assert!(!zexa::is_e164("0912345678"));
/// ```
pub fn is_e164(number: &str) -> bool {
    let Some(digits) = number.strip_prefix('+') else {
        return false;
    };
    (MIN_DIGITS..=MAX_DIGITS).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// Turns a phone number as people write it into E.164.
///
/// Spaces, dashes, dots and brackets are removed; a `00` international prefix becomes `+`;
/// a national number (no `+` or `00`) loses its trunk `0` and gets `default_country_code`
/// (such as `"244"` or `"+351"`) in front.
///
/// ```
/// assert_eq!(zexa::to_e164("0912 345 678", Some("244"))?, "+244912345678");
/// assert_eq!(zexa::to_e164("912345678", Some("244"))?, "+244912345678");
/// assert_eq!(zexa::to_e164("00351 912 345 678", None)?, "+351912345678");
/// assert_eq!(zexa::to_e164("+1 (415) 555-0100", None)?, "+14155550100");
/// # Ok::<(), zexa::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] (field `phone`) when the number has other characters, a national
/// number comes without a country code, or the result is not E.164.
pub fn to_e164(number: &str, default_country_code: Option<&str>) -> Result<String> {
    let mut cleaned = String::with_capacity(number.len());
    for (i, c) in number.trim().chars().enumerate() {
        match c {
            '0'..='9' => cleaned.push(c),
            '+' if i == 0 => cleaned.push(c),
            ' ' | '-' | '.' | '(' | ')' | '[' | ']' | '/' | '\u{a0}' | '\t' => {}
            _ => {
                return Err(Error::invalid(
                    "phone",
                    format!(
                        "{} has a character that is not part of a phone number: {c:?}",
                        quoted(number)
                    ),
                ))
            }
        }
    }
    let e164 = if cleaned.starts_with('+') {
        cleaned
    } else if let Some(international) = cleaned.strip_prefix("00") {
        format!("+{international}")
    } else {
        let code = country_code(default_country_code, number)?;
        let national = cleaned.strip_prefix('0').unwrap_or(&cleaned);
        format!("+{code}{national}")
    };
    if is_e164(&e164) {
        Ok(e164)
    } else {
        Err(Error::invalid(
            "phone",
            format!(
                "{} does not make an E.164 number (got {}: '+', country code, at most 15 digits)",
                quoted(number),
                quoted(&e164)
            ),
        ))
    }
}

/// The digits of a country calling code given as `244` or `+244`.
fn country_code<'a>(code: Option<&'a str>, number: &str) -> Result<&'a str> {
    let code = code.map(|c| c.trim().trim_start_matches('+')).ok_or_else(|| {
        Error::invalid(
            "phone",
            format!(
                "{} is a national number; give a default country code (such as 244) to convert it",
                quoted(number)
            ),
        )
    })?;
    let valid =
        (1..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) && !code.starts_with('0');
    if valid {
        Ok(code)
    } else {
        Err(Error::invalid(
            "default_country_code",
            format!("{} is not a country calling code (1 to 3 digits)", quoted(code)),
        ))
    }
}

/// Refuses a phone field that is not E.164, before anything is sent.
pub(crate) fn check_e164(field: &str, number: &str) -> Result<()> {
    if is_e164(number) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "{} is not in E.164 format (e.g. +244912345678); to_e164 converts local formats",
                quoted(number)
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        assert_eq!(to_e164("0912 345 678", Some("244")).unwrap(), "+244912345678");
        assert_eq!(to_e164("912345678", Some("+244")).unwrap(), "+244912345678");
        assert_eq!(to_e164("00351 912 345 678", None).unwrap(), "+351912345678");
        assert_eq!(to_e164("+1 (415) 555-0100", None).unwrap(), "+14155550100");
        assert_eq!(to_e164("912.345.678", Some("244")).unwrap(), "+244912345678");
    }

    #[test]
    fn refuses_what_cannot_be_e164() {
        for (input, code) in [
            ("0912345678", None),
            ("12ab34", Some("244")),
            ("+0912345678", None),
            ("+1234567890123456", None),
            ("", Some("244")),
            ("+", None),
            ("912345678", Some("0244")),
            ("912345678", Some("12345")),
            ("9+12345678", Some("244")),
        ] {
            assert!(to_e164(input, code).is_err(), "{input:?} with {code:?}");
        }
    }

    #[test]
    fn is_e164_bounds() {
        assert!(is_e164("+1234567"));
        assert!(!is_e164("+123456"));
        assert!(is_e164("+123456789012345"));
        assert!(!is_e164("+1234567890123456"));
        assert!(!is_e164("+24491234567a"));
        assert!(!is_e164(" +244912345678"));
    }
}
