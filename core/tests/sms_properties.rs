//! Property tests of the SMS calculator and the smart encoder, on texts mixing GSM-7, the
//! extension table, Portuguese letters, combining marks, emoji pieces and any character.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use zexa::{sms_segments, sms_smart_encode, SmsEncoding};

const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION: &str = "\u{0C}^{}\\[~]|€";
const TRICKY: &str = "áâãçêíóôõúÁÃÕ\u{301}\u{303}\u{327}\u{200D}\u{FE0F}\u{1F3FD}\u{1F1E6}\u{1F1F4}👨👩😀“”–—…\u{a0}\u{200B}\t";

fn septets(c: char) -> Option<usize> {
    if BASIC.contains(c) {
        Some(1)
    } else if EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

fn pick(set: &'static str) -> impl Strategy<Value = char> {
    let chars: Vec<char> = set.chars().collect();
    prop::sample::select(chars)
}

/// Mostly GSM-7 texts (so that both encodings and long texts are common) with tricky pieces.
fn text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        8 => pick(BASIC),
        2 => pick(EXTENSION),
        1 => pick(TRICKY),
        1 => any::<char>(),
    ];
    prop::collection::vec(c, 0..420).prop_map(|v| v.into_iter().collect())
}

fn gsm_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![8 => pick(BASIC), 2 => pick(EXTENSION)];
    prop::collection::vec(c, 0..420).prop_map(|v| v.into_iter().collect())
}

/// The fewest parts of `capacity` units that hold the clusters in order, none split: dynamic
/// programming over cluster boundaries, independent of the core's greedy packing.
fn fewest_parts(sizes: &[usize], capacity: usize) -> u32 {
    let mut best = vec![u32::MAX; sizes.len() + 1];
    best[0] = 0;
    for end in 1..=sizes.len() {
        let mut used = 0;
        for start in (0..end).rev() {
            used += sizes[start];
            if used > capacity {
                break;
            }
            if best[start] != u32::MAX {
                best[end] = best[end].min(best[start] + 1);
            }
        }
    }
    best[sizes.len()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn encoding_units_and_characters_follow_the_tables(text in text()) {
        let s = sms_segments(&text);
        let all_gsm = text.chars().all(|c| septets(c).is_some());
        prop_assert_eq!(s.encoding == SmsEncoding::Gsm7, all_gsm);
        prop_assert_eq!(s.unicode_characters.is_empty(), all_gsm);
        let units = if all_gsm {
            text.chars().map(|c| septets(c).unwrap()).sum::<usize>()
        } else {
            text.encode_utf16().count()
        };
        prop_assert_eq!(s.units, units);
        for c in &s.unicode_characters {
            prop_assert!(text[c.byte_offset..].starts_with(&c.character));
            prop_assert_eq!(text[..c.byte_offset].chars().count(), c.char_index);
            prop_assert!(c.character.chars().any(|ch| septets(ch).is_none()));
        }
        let listed: String = s.unicode_characters.iter().map(|c| c.character.as_str()).collect();
        let outside: Vec<char> = text.chars().filter(|c| septets(*c).is_none()).collect();
        prop_assert!(outside.iter().all(|c| listed.contains(*c)));
    }

    #[test]
    fn segments_are_the_fewest_that_never_split_a_character(text in text()) {
        let s = sms_segments(&text);
        let (single, concatenated) = match s.encoding {
            SmsEncoding::Gsm7 => (160, 153),
            SmsEncoding::Ucs2 => (70, 67),
        };
        if s.units == 0 {
            prop_assert_eq!(s.segments, 0);
        } else if s.units <= single {
            prop_assert_eq!((s.segments, s.per_segment), (1, single as u32));
        } else {
            prop_assert_eq!(s.per_segment, concatenated as u32);
            let sizes: Vec<usize> = text
                .graphemes(true)
                .map(|g| match s.encoding {
                    SmsEncoding::Gsm7 => g.chars().map(|c| septets(c).unwrap()).sum(),
                    SmsEncoding::Ucs2 => g.encode_utf16().count(),
                })
                .collect();
            prop_assume!(sizes.iter().all(|&n| n <= concatenated));
            prop_assert_eq!(s.segments, fewest_parts(&sizes, concatenated));
            prop_assert!(s.segments as usize >= s.units.div_ceil(concatenated));
        }
    }

    #[test]
    fn appending_never_lowers_the_count(a in text(), b in text()) {
        let joined = sms_segments(&format!("{a}{b}"));
        prop_assert!(joined.segments >= sms_segments(&a).segments);
        prop_assert!(joined.units >= sms_segments(&a).units);
    }

    #[test]
    fn smart_encoding_leaves_gsm_text_alone(text in gsm_text()) {
        let smart = sms_smart_encode(&text, true);
        prop_assert_eq!(&smart.text, &text);
        prop_assert!(smart.replacements.is_empty());
    }

    #[test]
    fn smart_encoding_replaces_in_place_with_gsm_text(text in text(), transliterate in any::<bool>()) {
        let smart = sms_smart_encode(&text, transliterate);
        let mut rebuilt = String::new();
        let mut at = 0;
        for r in &smart.replacements {
            prop_assert!(r.byte_offset >= at);
            prop_assert!(text[r.byte_offset..].starts_with(&r.original));
            prop_assert_eq!(text[..r.byte_offset].chars().count(), r.char_index);
            prop_assert!(r.replacement.chars().all(|c| septets(c).is_some()), "{:?}", r);
            rebuilt.push_str(&text[at..r.byte_offset]);
            rebuilt.push_str(&r.replacement);
            at = r.byte_offset + r.original.len();
        }
        rebuilt.push_str(&text[at..]);
        prop_assert_eq!(&rebuilt, &smart.text);
        let before = sms_segments(&text).unicode_characters.len();
        prop_assert!(sms_segments(&smart.text).unicode_characters.len() <= before);
        if !transliterate {
            // Without transliteration no letter loses its accent: a letter is replaced only when
            // written with combining marks (by the same precomposed letter) or in fullwidth form.
            for r in &smart.replacements {
                let first = r.original.chars().next().unwrap();
                let fullwidth = ('\u{FF01}'..='\u{FF5E}').contains(&first);
                prop_assert!(!first.is_alphabetic() || r.original.chars().count() > 1 || fullwidth, "{:?}", r);
            }
        }
    }
}
