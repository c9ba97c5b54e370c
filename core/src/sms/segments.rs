//! The segment counter: which encoding a text needs, how many encoded units it makes, and how
//! many SMS segments carry them.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::gsm;

/// Septets in a single GSM-7 SMS.
pub const GSM7_SINGLE: u32 = 160;
/// Septets in each part of a concatenated GSM-7 SMS (the 6-octet header takes the rest).
pub const GSM7_CONCATENATED: u32 = 153;
/// UTF-16 units in a single UCS-2 SMS.
pub const UCS2_SINGLE: u32 = 70;
/// UTF-16 units in each part of a concatenated UCS-2 SMS.
pub const UCS2_CONCATENATED: u32 = 67;

/// The encoding an SMS is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SmsEncoding {
    /// The GSM 03.38 default alphabet and its extension table, 7 bits a character.
    #[serde(rename = "GSM-7")]
    Gsm7,
    /// UTF-16 (what carriers call UCS-2), 16 bits a unit: any character, fewer per segment.
    #[serde(rename = "UCS-2")]
    Ucs2,
}

impl SmsEncoding {
    /// `"GSM-7"` or `"UCS-2"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SmsEncoding::Gsm7 => "GSM-7",
            SmsEncoding::Ucs2 => "UCS-2",
        }
    }

    /// The name of this encoding's units: `septets` or `UTF-16 units`.
    pub fn unit_name(&self) -> &'static str {
        match self {
            SmsEncoding::Gsm7 => "septets",
            SmsEncoding::Ucs2 => "UTF-16 units",
        }
    }

    /// Units in a single SMS (160 or 70) and in each part of a concatenated one (153 or 67).
    pub fn capacities(&self) -> (u32, u32) {
        match self {
            SmsEncoding::Gsm7 => (GSM7_SINGLE, GSM7_CONCATENATED),
            SmsEncoding::Ucs2 => (UCS2_SINGLE, UCS2_CONCATENATED),
        }
    }
}

impl std::fmt::Display for SmsEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A user-perceived character (a grapheme cluster) that GSM-7 cannot carry, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsCharacter {
    /// The character as it is in the text: one or more code points (`"ç"`, `"e\u{301}"`, an emoji
    /// sequence).
    pub character: String,
    /// Where it starts, in bytes of the UTF-8 text (`&text[byte_offset..]` starts with it).
    pub byte_offset: usize,
    /// Where it starts, in Unicode code points (Python's `text[char_index]`).
    pub char_index: usize,
}

/// How an SMS body is encoded and into how many segments (billed parts) it is split. Made by
/// [`sms_segments`](crate::sms_segments).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsSegments {
    /// GSM-7 when every character is in the GSM 03.38 tables, UCS-2 otherwise.
    pub encoding: SmsEncoding,
    /// How many segments the text is sent in; 0 for an empty text.
    pub segments: u32,
    /// Encoded units: GSM-7 septets (an extension-table character counts 2), or UTF-16 code
    /// units for UCS-2 (a character outside the BMP counts 2).
    pub units: usize,
    /// Units each segment holds: 160 or 70 for a single SMS, 153 or 67 when it is split.
    pub per_segment: u32,
    /// The characters that made the text UCS-2, in order (empty for GSM-7).
    pub unicode_characters: Vec<SmsCharacter>,
}

/// Splits `text` into its user-perceived characters (extended grapheme clusters, by the
/// `unicode-segmentation` crate): the units that are never split across two segments.
pub(crate) fn graphemes(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.grapheme_indices(true)
}

/// Counts the segments of `text`. See [`crate::sms_segments`].
pub(crate) fn count(text: &str) -> SmsSegments {
    let mut unicode_characters = Vec::new();
    let mut septets = 0usize;
    let mut char_index = 0usize;
    for (byte_offset, grapheme) in graphemes(text) {
        match gsm::text_septets(grapheme) {
            Some(n) => septets += n,
            None => unicode_characters.push(SmsCharacter {
                character: grapheme.to_owned(),
                byte_offset,
                char_index,
            }),
        }
        char_index += grapheme.chars().count();
    }
    let encoding = if unicode_characters.is_empty() {
        SmsEncoding::Gsm7
    } else {
        SmsEncoding::Ucs2
    };
    let units = match encoding {
        SmsEncoding::Gsm7 => septets,
        SmsEncoding::Ucs2 => text.encode_utf16().count(),
    };
    let (single, concatenated) = encoding.capacities();
    let (segments, per_segment) = if units <= single as usize {
        (u32::from(units > 0), single)
    } else {
        (pack(text, encoding, concatenated as usize), concatenated)
    };
    SmsSegments {
        encoding,
        segments,
        units,
        per_segment,
        unicode_characters,
    }
}

/// The units of one code point in `encoding` (only called on text that fits the encoding).
fn char_units(c: char, encoding: SmsEncoding) -> usize {
    match encoding {
        SmsEncoding::Gsm7 => gsm::septets(c).map_or(1, usize::from),
        SmsEncoding::Ucs2 => c.len_utf16(),
    }
}

/// Fills segments of `capacity` units one grapheme cluster at a time: a cluster that does not
/// fit in what is left of a segment starts the next one, so an escaped pair, a surrogate pair,
/// an emoji sequence or a letter with its marks is never split. A cluster larger than a whole
/// segment (a letter with dozens of combining marks) cannot be kept whole by any carrier: it is
/// split between code points, never inside one.
fn pack(text: &str, encoding: SmsEncoding, capacity: usize) -> u32 {
    let mut segments = 1u32;
    let mut used = 0usize;
    for (_, grapheme) in graphemes(text) {
        let size: usize = grapheme.chars().map(|c| char_units(c, encoding)).sum();
        if size <= capacity {
            if used + size > capacity {
                segments += 1;
                used = 0;
            }
            used += size;
            continue;
        }
        for c in grapheme.chars() {
            let size = char_units(c, encoding);
            if used + size > capacity {
                segments += 1;
                used = 0;
            }
            used += size;
        }
    }
    segments
}
