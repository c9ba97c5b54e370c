//! `sms_smart_encode`: look-alike replacements, and the opt-in transliteration.

use zexa::{sms_segments, sms_smart_encode, SmsEncoding};

fn changes(text: &str, transliterate: bool) -> Vec<(String, String, usize, usize)> {
    sms_smart_encode(text, transliterate)
        .replacements
        .into_iter()
        .map(|r| (r.original, r.replacement, r.char_index, r.byte_offset))
        .collect()
}

fn change(
    original: &str,
    replacement: &str,
    char_index: usize,
    byte_offset: usize,
) -> (String, String, usize, usize) {
    (
        original.to_owned(),
        replacement.to_owned(),
        char_index,
        byte_offset,
    )
}

#[test]
fn punctuation_and_spaces_become_look_alikes() {
    let text = "“Promoção” — 20%\u{a0}off… ‘só’ hoje – «já»\u{200B}!\tFim";
    let smart = sms_smart_encode(text, false);
    assert_eq!(smart.text, "\"Promoção\" - 20% off... 'só' hoje - \"já\"! Fim");
    assert_eq!(smart.replacements.len(), 12);
    assert_eq!(changes(text, false)[0], change("“", "\"", 0, 0));
    assert_eq!(changes(text, false)[1], change("”", "\"", 9, 13));
    let dropped = smart
        .replacements
        .iter()
        .find(|r| r.original == "\u{200B}")
        .unwrap();
    assert_eq!(dropped.replacement, "");
    // `ç`, `ã`, `ó`, `á` are kept: only transliteration changes letters.
    assert_eq!(sms_segments(&smart.text).encoding, SmsEncoding::Ucs2);
}

#[test]
fn an_all_gsm_text_after_smart_encoding_costs_less() {
    let text = "Hoje – até às 20h – 20% de desconto… “Boas compras”";
    assert_eq!(sms_segments(text).encoding, SmsEncoding::Ucs2);
    let smart = sms_smart_encode(text, false);
    assert_eq!(
        smart.text,
        "Hoje - até às 20h - 20% de desconto... \"Boas compras\""
    );
    assert_eq!(sms_segments(&smart.text).encoding, SmsEncoding::Gsm7);
}

#[test]
fn combining_marks_become_the_precomposed_gsm_letter() {
    assert_eq!(changes("cafe\u{301}", false), [change("e\u{301}", "é", 3, 3)]);
    // No GSM-7 precomposed `ã`: kept unless transliterating.
    assert_eq!(changes("a\u{303}", false), []);
    assert_eq!(changes("a\u{303}", true), [change("a\u{303}", "a", 0, 0)]);
}

#[test]
fn transliteration_is_opt_in_and_keeps_gsm_letters() {
    let text = "Informação: a sua encomenda chegou";
    assert_eq!(sms_smart_encode(text, false).text, text);
    assert!(sms_smart_encode(text, false).replacements.is_empty());
    let smart = sms_smart_encode(text, true);
    assert_eq!(smart.text, "Informacao: a sua encomenda chegou");
    assert_eq!(
        changes(text, true),
        [change("ç", "c", 7, 7), change("ã", "a", 8, 9)]
    );
    assert_eq!(sms_segments(&smart.text).encoding, SmsEncoding::Gsm7);

    let smart = sms_smart_encode("À atenção: É já às três, Ç é ç", true);
    assert_eq!(smart.text, "A atencao: É ja às tres, Ç é c");
    assert_eq!(
        sms_smart_encode("ÁÂÃÊÍÓÔÕÚ áâãêíóôõú", true).text,
        "AAAEIOOOU aaaeiooou"
    );
}

#[test]
fn emoji_and_letters_without_a_base_letter_are_kept() {
    let text = "Olá 👨\u{200D}👩\u{200D}👧 👍🏽 🇦🇴 ł 你好";
    let smart = sms_smart_encode(text, true);
    assert_eq!(smart.text, "Ola 👨\u{200D}👩\u{200D}👧 👍🏽 🇦🇴 ł 你好");
    assert_eq!(changes(text, true), [change("á", "a", 2, 2)]);
}

#[test]
fn fullwidth_ascii_becomes_ascii() {
    assert_eq!(sms_smart_encode("ＺＥＸＡ！", false).text, "ZEXA!");
    // The fullwidth grave accent's ASCII form is not GSM-7 either: kept.
    assert_eq!(sms_smart_encode("\u{FF40}", false).text, "\u{FF40}");
}
