use std::ffi::c_char;

use super::{opt_count, Arena, ToC};

/// The encoding of an SMS.
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZexaSmsEncoding {
    /// The GSM 03.38 alphabet and its extension table: 160 septets in one SMS, 153 a part.
    ZEXA_SMS_GSM7 = 0,
    /// UTF-16: 70 units in one SMS, 67 a part.
    ZEXA_SMS_UCS2 = 1,
}

/// A user-perceived character (one or more code points) that GSM-7 cannot carry.
#[repr(C)]
pub struct ZexaSmsCharacter {
    /// The character, as UTF-8.
    pub character: *const c_char,
    /// Where it starts in the text, in bytes.
    pub byte_offset: usize,
    /// Where it starts in the text, in Unicode code points.
    pub char_index: usize,
}

/// How an SMS body is encoded and into how many billed segments it is split. Owned as described
/// for `ZexaContact`; freed with `zexa_sms_segments_free` (or with the struct holding it).
#[repr(C)]
pub struct ZexaSmsSegments {
    /// GSM-7, or UCS-2 when a character is outside the GSM 03.38 tables.
    pub encoding: ZexaSmsEncoding,
    /// `"GSM-7"` or `"UCS-2"`.
    pub encoding_name: *const c_char,
    /// Segments the text is sent (and billed) in; 0 for an empty text.
    pub segments: u32,
    /// GSM-7 septets (an extension-table character counts 2) or UTF-16 units.
    pub units: usize,
    /// Units a segment holds: 160 or 70 for a single SMS, 153 or 67 once split.
    pub per_segment: u32,
    /// The characters that made the text UCS-2, in order (NULL when there are none).
    pub unicode_characters: *const *const ZexaSmsCharacter,
    /// Number of `unicode_characters`.
    pub unicode_characters_len: usize,
}

impl ToC for zexa::SmsSegments {
    type C = ZexaSmsSegments;

    fn to_c(&self, a: &mut Arena) -> ZexaSmsSegments {
        let characters = self
            .unicode_characters
            .iter()
            .map(|c| ZexaSmsCharacter {
                character: a.str(&c.character),
                byte_offset: c.byte_offset,
                char_index: c.char_index,
            })
            .collect();
        let (unicode_characters, unicode_characters_len) = a.structs(characters);
        ZexaSmsSegments {
            encoding: match self.encoding {
                zexa::SmsEncoding::Gsm7 => ZexaSmsEncoding::ZEXA_SMS_GSM7,
                zexa::SmsEncoding::Ucs2 => ZexaSmsEncoding::ZEXA_SMS_UCS2,
            },
            encoding_name: a.str(self.encoding.as_str()),
            segments: self.segments,
            units: self.units,
            per_segment: self.per_segment,
            unicode_characters,
            unicode_characters_len,
        }
    }
}

/// One change made by `zexa_sms_smart_encode`.
#[repr(C)]
pub struct ZexaSmsReplacement {
    /// What the text had.
    pub original: *const c_char,
    /// What it became (may be empty: a zero-width character is dropped).
    pub replacement: *const c_char,
    /// Where `original` starts in the original text, in bytes.
    pub byte_offset: usize,
    /// Where `original` starts in the original text, in Unicode code points.
    pub char_index: usize,
}

/// The result of `zexa_sms_smart_encode`; freed with `zexa_sms_smart_encoded_free`.
#[repr(C)]
pub struct ZexaSmsSmartEncoded {
    /// The text with the replacements made.
    pub text: *const c_char,
    /// Every change, in order (NULL when there are none).
    pub replacements: *const *const ZexaSmsReplacement,
    /// Number of `replacements`.
    pub replacements_len: usize,
}

impl ToC for zexa::SmsSmartEncoded {
    type C = ZexaSmsSmartEncoded;

    fn to_c(&self, a: &mut Arena) -> ZexaSmsSmartEncoded {
        let replacements = self
            .replacements
            .iter()
            .map(|r| ZexaSmsReplacement {
                original: a.str(&r.original),
                replacement: a.str(&r.replacement),
                byte_offset: r.byte_offset,
                char_index: r.char_index,
            })
            .collect();
        let (replacements, replacements_len) = a.structs(replacements);
        ZexaSmsSmartEncoded {
            text: a.str(&self.text),
            replacements,
            replacements_len,
        }
    }
}

/// What a campaign would use, computed without creating it; freed with
/// `zexa_campaign_preview_free`.
#[repr(C)]
pub struct ZexaCampaignPreview {
    /// The audience (`lst_...`).
    pub contact_list_id: *const c_char,
    /// The channel it would send on.
    pub channel: *const c_char,
    /// Contacts in the list now (one message each).
    pub recipients: u64,
    /// For SMS: the body's encoding and segments; NULL on other channels. Owned by the preview.
    pub sms: *const ZexaSmsSegments,
    /// For SMS: segments per message; -1 on other channels.
    pub segments_per_message: i64,
    /// For SMS: segments of the whole campaign (recipients x segments per message); -1 on
    /// other channels.
    pub total_segments: i64,
}

impl ToC for zexa::CampaignPreview {
    type C = ZexaCampaignPreview;

    fn to_c(&self, a: &mut Arena) -> ZexaCampaignPreview {
        let sms = match &self.sms {
            Some(sms) => {
                let view = sms.to_c(a);
                a.one(view)
            }
            None => std::ptr::null(),
        };
        ZexaCampaignPreview {
            contact_list_id: a.str(&self.contact_list_id),
            channel: a.str(self.channel.as_str()),
            recipients: self.recipients,
            sms,
            segments_per_message: opt_count(self.segments_per_message.map(u64::from)),
            total_segments: opt_count(self.total_segments),
        }
    }
}
