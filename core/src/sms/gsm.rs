//! The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table.
//!
//! Written out by hand on purpose: these are the standard's two fixed tables, short and never
//! changing, and no well-kept crate carries them. Lookups are by character; the tables are also
//! public to the tests, which check every entry.

/// The default alphabet: the character of each septet value 0x00..=0x7F. 0x1B is the escape to
/// the extension table, not a character (its slot holds U+001B and is never looked up).
pub(crate) const BASIC_TABLE: [char; 128] = [
    // 0x00
    '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å', // 0x10
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u{1B}', 'Æ', 'æ', 'ß', 'É', // 0x20
    ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', // 0x30
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', // 0x40
    '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', // 0x50
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', // 0x60
    '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', // 0x70
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
];

/// The septet value of the escape to the extension table.
pub(crate) const ESCAPE: u8 = 0x1B;

/// The extension table: each character and its septet value after the escape. Each one costs
/// two septets (escape + value). The other values of the table are unassigned.
pub(crate) const EXTENSION_TABLE: [(u8, char); 10] = [
    (0x0A, '\u{0C}'), // form feed
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x65, '€'),
];

/// Septets of each ASCII character (0: not in GSM-7), built from the two tables at compile time
/// so that the common case is one array read.
const ASCII_SEPTETS: [u8; 128] = {
    let mut out = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = BASIC_TABLE[i] as u32;
        if i != ESCAPE as usize && c < 128 {
            out[c as usize] = 1;
        }
        i += 1;
    }
    let mut j = 0;
    while j < EXTENSION_TABLE.len() {
        let c = EXTENSION_TABLE[j].1 as u32;
        if c < 128 {
            out[c as usize] = 2;
        }
        j += 1;
    }
    out
};

/// How many septets `c` takes in GSM-7: 1 in the default alphabet, 2 in the extension table,
/// `None` when GSM-7 cannot carry it.
pub(crate) fn septets(c: char) -> Option<u8> {
    if c.is_ascii() {
        return match ASCII_SEPTETS[c as usize] {
            0 => None,
            n => Some(n),
        };
    }
    if BASIC_TABLE
        .iter()
        .enumerate()
        .any(|(i, &b)| b == c && i != usize::from(ESCAPE))
    {
        return Some(1);
    }
    EXTENSION_TABLE.iter().any(|&(_, e)| e == c).then_some(2)
}

/// The septets of a whole text (a grapheme cluster), or `None` when any character is outside
/// GSM-7.
pub(crate) fn text_septets(text: &str) -> Option<usize> {
    text.chars().map(|c| septets(c).map(usize::from)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_basic_character_is_one_septet_and_the_escape_is_none() {
        for (value, &c) in BASIC_TABLE.iter().enumerate() {
            if value == usize::from(ESCAPE) {
                assert_eq!(septets(c), None, "a lone escape is not a character");
            } else {
                assert_eq!(septets(c), Some(1), "{c:?} (0x{value:02X})");
            }
        }
    }

    #[test]
    fn every_extension_character_is_two_septets() {
        for &(value, c) in &EXTENSION_TABLE {
            assert_eq!(septets(c), Some(2), "{c:?} (0x1B 0x{value:02X})");
        }
    }

    #[test]
    fn the_tables_have_no_duplicates() {
        let mut all: Vec<char> = BASIC_TABLE.to_vec();
        all.extend(EXTENSION_TABLE.iter().map(|&(_, c)| c));
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), count);
    }

    #[test]
    fn characters_outside_both_tables() {
        for c in [
            '`', '\t', 'á', 'â', 'ã', 'ç', 'ê', 'í', 'ó', 'ô', 'õ', 'ú', 'Á', 'Ã', 'Õ', '“', '—', '😀',
            '\u{0301}',
        ] {
            assert_eq!(septets(c), None, "{c:?}");
        }
    }
}
