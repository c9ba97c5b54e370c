//! SMS segments and cost, computed locally before sending.
//!
//! Carriers carry an SMS in segments and SMS APIs bill per segment. A text whose every
//! character is in the GSM 03.38 tables is sent in GSM-7 (160 septets in one SMS, 153 per part
//! once split); one character outside them makes the whole text UCS-2 (70 UTF-16 units, 67 per
//! part). In Portuguese, `á â ã ç ê í ó ô õ ú` are outside GSM-7: "Informação: a sua encomenda
//! chegou" costs like a message of emoji. [`sms_segments`] tells before sending,
//! [`sms_smart_encode`] makes a text GSM-7 where that keeps its meaning, and `max_segments` on
//! [`SendMessage`](crate::SendMessage) and [`CreateCampaign`](crate::CreateCampaign) refuses
//! a body longer than planned.
//!
//! - `gsm.rs`: the GSM 03.38 tables;
//! - `segments.rs`: the encoding and segment counter;
//! - `smart.rs`: the smart encoder;
//! - `guard.rs`: the `max_segments` check of messages and campaigns.

mod gsm;
mod guard;
mod segments;
mod smart;

pub(crate) use guard::check_max_segments;
pub use segments::{
    SmsCharacter, SmsEncoding, SmsSegments, GSM7_CONCATENATED, GSM7_SINGLE, UCS2_CONCATENATED, UCS2_SINGLE,
};
pub use smart::{SmsReplacement, SmsSmartEncoded};

/// The encoding and segments of an SMS body, as carriers count them (GSM 03.38, 3GPP TS 23.038).
///
/// - GSM-7 when every character is in the default alphabet or its extension table
///   (`^ { } \ [ ~ ] |  €` and form feed, 2 septets each); UCS-2 otherwise, and
///   [`SmsSegments::unicode_characters`] says which characters made it so, and where.
/// - One segment holds 160 septets or 70 UTF-16 units; a longer text is split into parts of
///   153 or 67 (each part carries a 6-octet header).
/// - A user-perceived character (an extended grapheme cluster: an escaped pair, a surrogate pair,
///   an emoji sequence with its joiners, flags and skin tones, a letter with its combining marks,
///   CR LF) is never split across two parts. CR LF counts as 2 characters.
///
/// ```
/// use zexa::{sms_segments, SmsEncoding};
///
/// let plain = sms_segments("A sua encomenda chegou");
/// assert_eq!((plain.encoding, plain.segments, plain.units), (SmsEncoding::Gsm7, 1, 22));
///
/// let pt = sms_segments("Informação: a sua encomenda chegou");
/// assert_eq!(pt.encoding, SmsEncoding::Ucs2);
/// assert_eq!(pt.unicode_characters[0].character, "ç");
/// assert_eq!(pt.unicode_characters[0].char_index, 7);
/// ```
pub fn sms_segments(text: &str) -> SmsSegments {
    segments::count(text)
}

/// `text` with look-alikes that keep its meaning, so that it can be sent as GSM-7 where possible,
/// and the list of what was replaced.
///
/// Always replaced (as Twilio's smart encoding does): curly quotes and guillemets by straight
/// quotes, en and em dashes and bullets by `-`, the ellipsis by `...`, tabs, non-breaking and
/// other spaces by a space, zero-width characters dropped (not the joiners of emoji), fullwidth
/// ASCII by ASCII, and a letter written with combining marks by the same precomposed letter
/// when GSM-7 has it (`e` + U+0301 becomes `é`).
///
/// With `transliterate`, accented letters that GSM-7 lacks also lose their accents (`ç` -> `c`,
/// `ã` -> `a`, `ê` -> `e`). **This changes the text** (the words are then misspelt), so it is
/// opt-in; letters GSM-7 has (`é`, `à`, `Ç`) are kept.
///
/// ```
/// let smart = zexa::sms_smart_encode("“Olá” – até já…", false);
/// assert_eq!(smart.text, "\"Olá\" - até já...");
/// assert_eq!(zexa::sms_smart_encode("Informação", true).text, "Informacao");
/// ```
pub fn sms_smart_encode(text: &str, transliterate: bool) -> SmsSmartEncoded {
    smart::encode(text, transliterate)
}
