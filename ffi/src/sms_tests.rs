//! Property tests of the SMS entry points: arbitrary bytes (invalid UTF-8 included) give the
//! core's answer, read back through the C structs, or `ZEXA_INVALID_ARGUMENT`.

use std::ffi::{c_char, CStr, CString};
use std::ptr;

use proptest::prelude::*;

use crate::models::{ZexaSmsSegments, ZexaSmsSmartEncoded};
use crate::sms::{
    zexa_sms_segments, zexa_sms_segments_free, zexa_sms_smart_encode, zexa_sms_smart_encoded_free,
};
use crate::status::ZexaStatus;

/// A C string from arbitrary bytes (interior NULs dropped; invalid UTF-8 kept).
fn c_string(bytes: &[u8]) -> CString {
    CString::new(bytes.iter().copied().filter(|b| *b != 0).collect::<Vec<u8>>()).expect("no NUL")
}

fn text_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..60),
        "[a-zA-Z0-9 €{}çãáé“”…\u{a0}😀👍🏽\u{200D}\u{301}]{0,200}".prop_map(String::into_bytes),
        "\\PC{0,80}".prop_map(String::into_bytes),
    ]
}

/// # Safety
/// `ptr` is a NUL-terminated string of the library, alive during the call.
unsafe fn text(ptr: *const c_char) -> String {
    // SAFETY: as documented above.
    unsafe { CStr::from_ptr(ptr) }.to_str().expect("UTF-8").to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn segments_through_c_are_the_cores(bytes in text_bytes()) {
        let input = c_string(&bytes);
        let mut out: *mut ZexaSmsSegments = ptr::null_mut();
        let status = zexa_sms_segments(input.as_ptr(), &mut out);
        match input.to_str() {
            Ok(t) => {
                prop_assert_eq!(status, ZexaStatus::ZEXA_OK);
                let core = zexa::sms_segments(t);
                // SAFETY: on ZEXA_OK `out` is a live result whose arrays hold `_len` items.
                unsafe {
                    let c = &*out;
                    prop_assert_eq!(text(c.encoding_name), core.encoding.as_str());
                    prop_assert_eq!((c.segments, c.units, c.per_segment), (core.segments, core.units, core.per_segment));
                    prop_assert_eq!(c.unicode_characters_len, core.unicode_characters.len());
                    for (i, expected) in core.unicode_characters.iter().enumerate() {
                        let got = &**c.unicode_characters.add(i);
                        prop_assert_eq!(text(got.character), expected.character.clone());
                        prop_assert_eq!((got.byte_offset, got.char_index), (expected.byte_offset, expected.char_index));
                    }
                }
            }
            Err(_) => {
                prop_assert_eq!(status, ZexaStatus::ZEXA_INVALID_ARGUMENT);
                prop_assert!(out.is_null());
            }
        }
        zexa_sms_segments_free(out);
    }

    #[test]
    fn smart_encoding_through_c_is_the_cores(bytes in text_bytes(), transliterate in any::<bool>()) {
        let input = c_string(&bytes);
        let mut out: *mut ZexaSmsSmartEncoded = ptr::null_mut();
        let status = zexa_sms_smart_encode(input.as_ptr(), transliterate, &mut out);
        match input.to_str() {
            Ok(t) => {
                prop_assert_eq!(status, ZexaStatus::ZEXA_OK);
                let core = zexa::sms_smart_encode(t, transliterate);
                // SAFETY: on ZEXA_OK `out` is a live result whose arrays hold `_len` items.
                unsafe {
                    let c = &*out;
                    prop_assert_eq!(text(c.text), core.text.clone());
                    prop_assert_eq!(c.replacements_len, core.replacements.len());
                    for (i, expected) in core.replacements.iter().enumerate() {
                        let got = &**c.replacements.add(i);
                        prop_assert_eq!(text(got.original), expected.original.clone());
                        prop_assert_eq!(text(got.replacement), expected.replacement.clone());
                        prop_assert_eq!((got.byte_offset, got.char_index), (expected.byte_offset, expected.char_index));
                    }
                }
            }
            Err(_) => prop_assert_eq!(status, ZexaStatus::ZEXA_INVALID_ARGUMENT),
        }
        zexa_sms_smart_encoded_free(out);
    }
}

#[test]
fn null_text_is_an_invalid_argument() {
    let mut out: *mut ZexaSmsSegments = ptr::null_mut();
    assert_eq!(
        zexa_sms_segments(ptr::null(), &mut out),
        ZexaStatus::ZEXA_INVALID_ARGUMENT
    );
    let text = CString::new("hi").unwrap();
    assert_eq!(
        zexa_sms_segments(text.as_ptr(), ptr::null_mut()),
        ZexaStatus::ZEXA_INVALID_ARGUMENT
    );
}
