//! Table tests of `sms_segments`: every GSM 03.38 character, the segment boundaries, Portuguese,
//! emoji sequences, combining marks.

use zexa::{sms_segments, SmsEncoding, SmsSegments};

/// The GSM 03.38 default alphabet in septet order, 0x1B (the escape) left out. Transcribed here
/// apart from the core's table, so that a typo in either one fails.
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table: form feed and `^ { } \ [ ~ ] | €`.
const EXTENSION: &str = "\u{0C}^{}\\[~]|€";

fn summary(s: &SmsSegments) -> (SmsEncoding, u32, usize, u32) {
    (s.encoding, s.segments, s.units, s.per_segment)
}

fn positions(s: &SmsSegments) -> Vec<(&str, usize, usize)> {
    s.unicode_characters
        .iter()
        .map(|c| (c.character.as_str(), c.char_index, c.byte_offset))
        .collect()
}

#[test]
fn the_transcribed_tables_have_the_standard_sizes() {
    assert_eq!(BASIC.chars().count(), 127);
    assert_eq!(EXTENSION.chars().count(), 10);
}

#[test]
fn every_basic_character_is_one_septet() {
    for c in BASIC.chars() {
        let one = sms_segments(&c.to_string());
        assert_eq!(summary(&one), (SmsEncoding::Gsm7, 1, 1, 160), "{c:?}");
        assert!(one.unicode_characters.is_empty(), "{c:?}");
        let full = c.to_string().repeat(160);
        assert_eq!(
            summary(&sms_segments(&full)),
            (SmsEncoding::Gsm7, 1, 160, 160),
            "{c:?}"
        );
        let over = c.to_string().repeat(161);
        assert_eq!(
            summary(&sms_segments(&over)),
            (SmsEncoding::Gsm7, 2, 161, 153),
            "{c:?}"
        );
    }
}

#[test]
fn every_extension_character_is_two_septets() {
    for c in EXTENSION.chars() {
        assert_eq!(
            summary(&sms_segments(&c.to_string())),
            (SmsEncoding::Gsm7, 1, 2, 160),
            "{c:?}"
        );
        let full = c.to_string().repeat(80);
        assert_eq!(
            summary(&sms_segments(&full)),
            (SmsEncoding::Gsm7, 1, 160, 160),
            "{c:?}"
        );
        let over = c.to_string().repeat(81);
        // 162 septets: 76 escaped pairs (152 septets) per part, a pair is never split.
        assert_eq!(
            summary(&sms_segments(&over)),
            (SmsEncoding::Gsm7, 2, 162, 153),
            "{c:?}"
        );
    }
}

#[test]
fn every_other_character_of_latin_greek_and_punctuation_is_ucs2() {
    let gsm: Vec<char> = BASIC.chars().chain(EXTENSION.chars()).collect();
    let ranges = [0x00..=0x24F, 0x370..=0x3FF, 0x2000..=0x206F, 0x20A0..=0x20CF];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let s = sms_segments(&format!("a{c}"));
        if gsm.contains(&c) {
            assert_eq!(s.encoding, SmsEncoding::Gsm7, "{c:?} U+{:04X}", c as u32);
        } else {
            assert_eq!(s.encoding, SmsEncoding::Ucs2, "{c:?} U+{:04X}", c as u32);
            // Reported within its user-perceived character (a mark or a joiner extends the `a`).
            assert!(s.unicode_characters[0].character.contains(c), "{c:?}");
        }
    }
}

#[test]
fn empty_text_is_zero_segments() {
    let s = sms_segments("");
    assert_eq!(summary(&s), (SmsEncoding::Gsm7, 0, 0, 160));
    assert!(s.unicode_characters.is_empty());
}

#[test]
fn gsm7_boundaries() {
    for (len, segments) in [
        (0, 0),
        (1, 1),
        (70, 1),
        (71, 1),
        (134, 1),
        (135, 1),
        (160, 1),
        (161, 2),
        (306, 2),
        (307, 3),
    ] {
        let s = sms_segments(&"a".repeat(len));
        let per = if len > 160 { 153 } else { 160 };
        assert_eq!(summary(&s), (SmsEncoding::Gsm7, segments, len, per), "{len}");
    }
}

#[test]
fn ucs2_boundaries() {
    for (len, segments) in [
        (1, 1),
        (70, 1),
        (71, 2),
        (134, 2),
        (135, 3),
        (160, 3),
        (161, 3),
        (306, 5),
        (307, 5),
    ] {
        let text = format!("ã{}", "a".repeat(len - 1));
        let per = if len > 70 { 67 } else { 70 };
        assert_eq!(
            summary(&sms_segments(&text)),
            (SmsEncoding::Ucs2, segments, len, per),
            "{len}"
        );
    }
}

#[test]
fn an_extension_character_at_a_boundary() {
    let a = |n: usize| "a".repeat(n);
    let cases = [
        (format!("{}€", a(158)), 160, 1),
        // 160 characters but 161 septets.
        (format!("{}€", a(159)), 161, 2),
        // The escaped pair does not fit in the 1 septet left in part 1: it starts part 2.
        (format!("{}€{}", a(152), a(151)), 305, 2),
        (format!("{}€{}", a(152), a(152)), 306, 3),
        (format!("{}€", a(304)), 306, 2),
        (format!("{}€", a(305)), 307, 3),
        (format!("{}\u{0C}", a(159)), 161, 2),
    ];
    for (text, units, segments) in cases {
        let s = sms_segments(&text);
        assert_eq!(
            (s.encoding, s.units, s.segments),
            (SmsEncoding::Gsm7, units, segments),
            "{units}"
        );
    }
}

#[test]
fn a_surrogate_pair_at_a_boundary() {
    let a = |n: usize| "a".repeat(n);
    let cases = [
        (format!("ã{}😀", a(67)), 70, 1),
        (format!("ã{}😀", a(68)), 71, 2),
        // 66 units in part 1: the pair does not fit in the 1 unit left, it starts part 2.
        (format!("ã{}😀{}", a(65), a(65)), 133, 2),
        (format!("ã{}😀{}", a(65), a(66)), 134, 3),
        (format!("ã{}😀{}", a(66), a(65)), 134, 2),
        (format!("ã{}😀", a(131)), 134, 2),
        (format!("ã{}😀", a(132)), 135, 3),
        (format!("ã{}😀", a(303)), 306, 5),
        (format!("ã{}😀", a(304)), 307, 5),
    ];
    for (text, units, segments) in cases {
        let s = sms_segments(&text);
        assert_eq!(
            (s.encoding, s.units, s.segments),
            (SmsEncoding::Ucs2, units, segments),
            "{units}"
        );
    }
}

#[test]
fn portuguese() {
    let s = sms_segments("Informação: a sua encomenda chegou");
    assert_eq!(summary(&s), (SmsEncoding::Ucs2, 1, 34, 70));
    assert_eq!(positions(&s), [("ç", 7, 7), ("ã", 8, 9)]);

    // `à é Ç É` are in GSM-7: this one stays GSM-7.
    let s = sms_segments("Olà, é a Zexa. ÇÉ");
    assert_eq!(s.encoding, SmsEncoding::Gsm7);

    for letter in [
        "á", "â", "ã", "ç", "ê", "í", "ó", "ô", "õ", "ú", "Á", "Â", "Ã", "Ê", "Í", "Ó", "Ô", "Õ", "Ú", "À",
    ] {
        let s = sms_segments(&format!("Ola {letter}"));
        assert_eq!(s.encoding, SmsEncoding::Ucs2, "{letter}");
        assert_eq!(positions(&s), [(letter, 4, 4)]);
    }

    // A notice of 120 characters: 1 SMS in GSM-7, 2 once one `ç` is in it.
    let gsm = format!("A sua encomenda n. 12345 chegou a loja de Luanda. Levante-a ate sexta com o seu documento. Obrigado, Zexa! {}", "x".repeat(13));
    assert_eq!(gsm.chars().count(), 120);
    assert_eq!(summary(&sms_segments(&gsm)), (SmsEncoding::Gsm7, 1, 120, 160));
    let pt = gsm.replacen("Obrigado", "Obrigação", 1);
    assert_eq!(summary(&sms_segments(&pt)), (SmsEncoding::Ucs2, 2, 121, 67));
}

#[test]
fn emoji_sequences_are_one_character_each() {
    let family = "👨\u{200D}👩\u{200D}👧"; // ZWJ sequence: 8 UTF-16 units
    let thumbs = "👍🏽"; // skin tone: 4 units
    let flag = "🇦🇴"; // regional indicators: 4 units
    let s = sms_segments(&format!("Olá {family}{thumbs}{flag}"));
    assert_eq!(s.units, 4 + 8 + 4 + 4);
    assert_eq!(
        positions(&s),
        [("á", 2, 2), (family, 4, 5), (thumbs, 9, 23), (flag, 11, 31)]
    );

    let a = |n: usize| "a".repeat(n);
    // 63 units, then the 8-unit family does not fit in the 4 left of part 1.
    let s = sms_segments(&format!("ã{}{family}{}", a(62), a(59)));
    assert_eq!((s.units, s.segments), (130, 2));
    let s = sms_segments(&format!("ã{}{family}{}", a(62), a(60)));
    assert_eq!((s.units, s.segments), (131, 3));
    for pair in [thumbs, flag] {
        let s = sms_segments(&format!("ã{}{pair}{}", a(64), a(63)));
        assert_eq!((s.units, s.segments), (132, 2), "{pair}");
        let s = sms_segments(&format!("ã{}{pair}{}", a(64), a(64)));
        assert_eq!((s.units, s.segments), (133, 3), "{pair}");
    }
}

#[test]
fn combining_accents_versus_precomposed_letters() {
    assert_eq!(summary(&sms_segments("é")), (SmsEncoding::Gsm7, 1, 1, 160));
    let decomposed = sms_segments("e\u{301}");
    assert_eq!(summary(&decomposed), (SmsEncoding::Ucs2, 1, 2, 70));
    assert_eq!(positions(&decomposed), [("e\u{301}", 0, 0)]);
    assert_eq!(summary(&sms_segments("ç")), (SmsEncoding::Ucs2, 1, 1, 70));
    let decomposed = sms_segments("c\u{327}a");
    assert_eq!(positions(&decomposed), [("c\u{327}", 0, 0)]);
    assert_eq!(decomposed.units, 3);

    // A letter and its mark are never split: 66 units, then `e` + U+0301 starts part 2.
    let a = |n: usize| "a".repeat(n);
    let s = sms_segments(&format!("ã{}e\u{301}{}", a(65), a(65)));
    assert_eq!((s.units, s.segments), (133, 2));
    let s = sms_segments(&format!("ã{}e\u{301}{}", a(65), a(66)));
    assert_eq!((s.units, s.segments), (134, 3));
}

#[test]
fn a_cluster_larger_than_a_segment_is_split_between_code_points() {
    // `a` with 100 combining marks: 101 units, one cluster, more than a part holds.
    let text = format!("a{}", "\u{301}".repeat(100));
    let s = sms_segments(&text);
    assert_eq!((s.encoding, s.units, s.segments), (SmsEncoding::Ucs2, 101, 2));
    assert_eq!(s.unicode_characters.len(), 1);
}

#[test]
fn crlf_counts_two_and_stays_together() {
    assert_eq!(summary(&sms_segments("a\r\nb")), (SmsEncoding::Gsm7, 1, 4, 160));
    let a = |n: usize| "a".repeat(n);
    assert_eq!(sms_segments(&format!("{}\r\n", a(158))).segments, 1);
    assert_eq!(sms_segments(&format!("{}\r\n", a(159))).segments, 2);
    // CR LF is one user-perceived character: it does not fit in the 1 septet left of part 1.
    let s = sms_segments(&format!("{}\r\n{}", a(152), a(151)));
    assert_eq!((s.units, s.segments), (305, 2));
    let s = sms_segments(&format!("{}\r\n{}", a(152), a(152)));
    assert_eq!((s.units, s.segments), (306, 3));
}

#[test]
fn encoding_names_and_serialization() {
    assert_eq!(SmsEncoding::Gsm7.to_string(), "GSM-7");
    assert_eq!(SmsEncoding::Ucs2.as_str(), "UCS-2");
    let json = serde_json::to_value(sms_segments("ç")).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"encoding": "UCS-2", "segments": 1, "units": 1, "per_segment": 70,
                           "unicode_characters": [{"character": "ç", "byte_offset": 0, "char_index": 0}]})
    );
}
