//! Smart encoding: replaces characters that GSM-7 cannot carry by look-alikes that keep the
//! meaning (curly quotes, dashes, odd spaces...), so that a text pasted from a word processor
//! is not billed as UCS-2; optionally also turns accented letters into their base letters.

use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::{gsm, segments};

/// One change made by [`sms_smart_encode`](crate::sms_smart_encode).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsReplacement {
    /// What the text had (a user-perceived character).
    pub original: String,
    /// What it became (may be empty: a zero-width character is dropped).
    pub replacement: String,
    /// Where `original` starts in the original text, in UTF-8 bytes.
    pub byte_offset: usize,
    /// Where `original` starts in the original text, in Unicode code points.
    pub char_index: usize,
}

/// The result of [`sms_smart_encode`](crate::sms_smart_encode).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsSmartEncoded {
    /// The text with the replacements made.
    pub text: String,
    /// Every change, in the order of the text (empty when the text was left as it was).
    pub replacements: Vec<SmsReplacement>,
}

/// The look-alike of a character outside GSM-7 that means the same, when there is one. Our own
/// list, after the characters Twilio's smart encoding replaces: a fixed table of punctuation
/// and spaces, which no library holds.
fn look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        // Double quotes and guillemets.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}'
        | '\u{02BA}' | '\u{301D}' | '\u{301E}' | '\u{FF02}' => "\"",
        // Single quotes, apostrophes, primes, accents used as apostrophes.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}' | '\u{203A}'
        | '\u{02BC}' | '\u{02B9}' | '\u{02BB}' | '\u{00B4}' | '`' | '\u{FF07}' => "'",
        // Hyphens, dashes, minus, bullets.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
        | '\u{2043}' | '\u{2022}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{2026}' => "...",
        '\u{203C}' => "!!",
        '\u{2044}' | '\u{2215}' | '\u{00F7}' => "/",
        '\u{00BC}' => "1/4",
        '\u{00BD}' => "1/2",
        '\u{00BE}' => "3/4",
        '\u{02C6}' => "^",
        '\u{02DC}' => "~",
        // Tab, non-breaking and typographic spaces, line and paragraph separators.
        '\t'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\u{2028}'
        | '\u{2029}' => " ",
        // Zero-width and invisible characters (not U+200C/U+200D: they join emoji and scripts).
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        _ => return None,
    })
}

/// The fullwidth form of an ASCII character (U+FF01..=U+FF5E) as that character.
fn fullwidth_ascii(c: char) -> Option<char> {
    ('\u{FF01}'..='\u{FF5E}')
        .contains(&c)
        .then(|| char::from_u32(c as u32 - 0xFEE0))
        .flatten()
}

/// The GSM-7 replacement of one user-perceived character outside GSM-7, if any.
fn replace(grapheme: &str, transliterate: bool) -> Option<String> {
    let fits = |text: &str| gsm::text_septets(text).is_some();
    let mut chars = grapheme.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some(with) = look_alike(c) {
            return Some(with.to_owned());
        }
        if let Some(with) = fullwidth_ascii(c).filter(|a| gsm::septets(*a).is_some()) {
            return Some(with.to_string());
        }
    }
    // A letter written with combining marks (`e` + U+0301) may be the same text as a
    // precomposed letter of GSM-7 (`é`): canonically equivalent, so nothing changes meaning.
    let composed: String = grapheme.nfc().collect();
    if fits(&composed) {
        return Some(composed);
    }
    if transliterate {
        let base: String = grapheme.nfd().filter(|c| !is_combining_mark(*c)).collect();
        if !base.is_empty() && fits(&base) {
            return Some(base);
        }
    }
    None
}

/// See [`crate::sms_smart_encode`].
pub(crate) fn encode(text: &str, transliterate: bool) -> SmsSmartEncoded {
    let mut out = String::with_capacity(text.len());
    let mut replacements = Vec::new();
    let mut char_index = 0;
    for (byte_offset, grapheme) in segments::graphemes(text) {
        let replacement = match gsm::text_septets(grapheme) {
            Some(_) => None,
            None => replace(grapheme, transliterate),
        };
        match replacement {
            Some(with) => {
                out.push_str(&with);
                replacements.push(SmsReplacement {
                    original: grapheme.to_owned(),
                    replacement: with,
                    byte_offset,
                    char_index,
                });
            }
            None => out.push_str(grapheme),
        }
        char_index += grapheme.chars().count();
    }
    SmsSmartEncoded {
        text: out,
        replacements,
    }
}
