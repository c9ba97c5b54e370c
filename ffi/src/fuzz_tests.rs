//! Property tests of the C entry points that take strings: arbitrary bytes (invalid UTF-8
//! included) and NULLs give a status, never a panic or `ZEXA_INTERNAL_ERROR`, and the same
//! answer as the core. They call the exported symbols exactly as C does. Bounded; set
//! `ZEXA_FUZZ_SCALE` (a multiplier) to run longer. Failing inputs are kept in
//! `ffi/proptest-regressions/`.

use std::ffi::{c_char, CString};
use std::net::TcpListener;
use std::ptr;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// The C entry points under test, declared as C sees them (the `#[no_mangle]` symbols of this
/// crate, linked into the test binary). Handles are opaque.
mod c {
    use std::ffi::{c_char, c_void};

    pub const OK: u32 = 0;
    pub const INVALID_INPUT: u32 = 1;
    pub const TRANSPORT_ERROR: u32 = 11;
    pub const INVALID_ARGUMENT: u32 = 14;
    pub const INTERNAL_ERROR: u32 = 15;

    extern "C" {
        pub fn zexa_to_e164(number: *const c_char, code: *const c_char, out: *mut *mut c_char) -> u32;
        pub fn zexa_is_e164(number: *const c_char) -> bool;
        pub fn zexa_string_free(text: *mut c_char);
        pub fn zexa_webhook_event_parse(payload: *const u8, len: usize, out: *mut *mut c_void) -> u32;
        pub fn zexa_webhook_event_free(event: *mut c_void);
        pub fn zexa_client_new(key: *const c_char, base_url: *const c_char, out: *mut *mut c_void) -> u32;
        pub fn zexa_client_free(client: *mut c_void);
        pub fn zexa_client_builder_new(key: *const c_char, out: *mut *mut c_void) -> u32;
        pub fn zexa_client_builder_set_base_url(builder: *mut c_void, base_url: *const c_char) -> u32;
        pub fn zexa_client_builder_set_max_retries(builder: *mut c_void, retries: u32) -> u32;
        pub fn zexa_client_builder_build(builder: *const c_void, out: *mut *mut c_void) -> u32;
        pub fn zexa_client_builder_free(builder: *mut c_void);
        pub fn zexa_contacts_get(client: *const c_void, id: *const c_char, out: *mut *mut c_void) -> u32;
        pub fn zexa_last_error_attempts() -> u32;
    }
}

fn scale() -> u32 {
    std::env::var("ZEXA_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn config(cases: u32) -> Config {
    Config {
        cases: cases * scale(),
        max_shrink_iters: 2000,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/proptest-regressions/fuzz_tests.txt"
        )))),
        ..Config::default()
    }
}

/// A loopback port with nothing listening.
fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// A C string from arbitrary bytes (interior NULs dropped; invalid UTF-8 kept).
fn c_string(bytes: &[u8]) -> CString {
    CString::new(bytes.iter().copied().filter(|b| *b != 0).collect::<Vec<u8>>()).expect("no NUL")
}

fn c_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..40),
        "\\PC{0,24}".prop_map(String::into_bytes),
        "[ +0-9()\\-]{0,20}".prop_map(String::into_bytes),
    ]
}

/// A C client of a closed loopback port without retries: every call fails fast on the wire.
fn ffi_client() -> *mut std::ffi::c_void {
    // SAFETY: every pointer passed is NULL (which the C API accepts and refuses) or valid
    // for the call, and every returned pointer is freed once by its own _free function.
    unsafe {
        let key = CString::new("zx_fuzz").unwrap();
        let base = CString::new(format!("http://127.0.0.1:{}/v1", closed_port())).unwrap();
        let mut builder = ptr::null_mut();
        assert_eq!(c::zexa_client_builder_new(key.as_ptr(), &mut builder), c::OK);
        assert_eq!(c::zexa_client_builder_set_base_url(builder, base.as_ptr()), c::OK);
        assert_eq!(c::zexa_client_builder_set_max_retries(builder, 0), c::OK);
        let mut client = ptr::null_mut();
        assert_eq!(c::zexa_client_builder_build(builder, &mut client), c::OK);
        c::zexa_client_builder_free(builder);
        client
    }
}

proptest! {
    #![proptest_config(config(10000))]

    #[test]
    fn c_string_entry_points_never_panic(number in c_bytes(), code in prop::option::of(c_bytes()), id in c_bytes()) {
    // SAFETY: every pointer passed is NULL (which the C API accepts and refuses) or valid
    // for the call, and every returned pointer is freed once by its own _free function.
    unsafe {
            let number_c = c_string(&number);
            let code_c = code.as_deref().map(c_string);
            let code_ptr = code_c.as_ref().map_or(ptr::null(), |c| c.as_ptr());
            let mut out: *mut c_char = ptr::null_mut();
            let status = c::zexa_to_e164(number_c.as_ptr(), code_ptr, &mut out);
            let text = number_c.to_str().ok();
            let code_text = code_c.as_ref().map(|c| c.to_str());
            match (text, code_text) {
                (Some(n), None | Some(Ok(_))) => {
                    let expected = zexa::to_e164(n, code_text.and_then(Result::ok));
                    prop_assert_eq!(status == c::OK, expected.is_ok(), "{:?}", n);
                    if let Ok(e164) = expected {
                        // On ZEXA_OK `out` is a NUL-terminated string of the library.
                        let got = std::ffi::CStr::from_ptr(out).to_str().unwrap().to_owned();
                        prop_assert_eq!(got, e164);
                    } else {
                        prop_assert_eq!(status, c::INVALID_INPUT);
                    }
                }
                _ => prop_assert_eq!(status, c::INVALID_ARGUMENT),
            }
            c::zexa_string_free(out);
            prop_assert_eq!(c::zexa_is_e164(number_c.as_ptr()), text.is_some_and(zexa::is_e164));

            let mut event = ptr::null_mut();
            let status = c::zexa_webhook_event_parse(number.as_ptr(), number.len(), &mut event);
            prop_assert_eq!(status == c::OK, zexa::parse_webhook_event(&number).is_ok());
            c::zexa_webhook_event_free(event);

            // Construction with arbitrary key and base URL: a status, never a panic.
            let mut client = ptr::null_mut();
            let status = c::zexa_client_new(number_c.as_ptr(), c_string(&id).as_ptr(), &mut client);
            prop_assert!(status != c::INTERNAL_ERROR);
            prop_assert_eq!(status == c::OK, !client.is_null());
            c::zexa_client_free(client);
    }
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn c_calls_with_arbitrary_ids_never_panic(id in c_bytes()) {
    // SAFETY: every pointer passed is NULL (which the C API accepts and refuses) or valid
    // for the call, and every returned pointer is freed once by its own _free function.
    unsafe {
            thread_local!(static CLIENT: usize = ffi_client() as usize);
            let client = CLIENT.with(|c| *c) as *const std::ffi::c_void;
            let id_c = c_string(&id);
            let mut contact = ptr::null_mut();
            let status = c::zexa_contacts_get(client, id_c.as_ptr(), &mut contact);
            let expected = match id_c.to_str() {
                Err(_) => c::INVALID_ARGUMENT,
                Ok("") => c::INVALID_INPUT,
                Ok(_) => c::TRANSPORT_ERROR,
            };
            prop_assert_eq!(status, expected);
            prop_assert!(contact.is_null());
            prop_assert!(c::zexa_last_error_attempts() <= 1);
    }
    }
}

#[test]
fn ffi_null_arguments_are_refused() {
    // SAFETY: every pointer passed is NULL (which the C API accepts and refuses) or valid
    // for the call, and every returned pointer is freed once by its own _free function.
    unsafe {
        let mut out: *mut c_char = ptr::null_mut();
        assert_eq!(
            c::zexa_to_e164(ptr::null(), ptr::null(), &mut out),
            c::INVALID_ARGUMENT
        );
        let n = CString::new("+244912345678").unwrap();
        assert_eq!(
            c::zexa_to_e164(n.as_ptr(), ptr::null(), ptr::null_mut()),
            c::INVALID_ARGUMENT
        );
        assert!(!c::zexa_is_e164(ptr::null()));
        let mut event = ptr::null_mut();
        assert_ne!(c::zexa_webhook_event_parse(ptr::null(), 10, &mut event), c::OK);
        assert!(event.is_null());
        let mut client = ptr::null_mut();
        assert_eq!(
            c::zexa_client_new(ptr::null(), ptr::null(), &mut client),
            c::INVALID_ARGUMENT
        );
        let mut contact = ptr::null_mut();
        assert_eq!(
            c::zexa_contacts_get(ptr::null(), n.as_ptr(), &mut contact),
            c::INVALID_ARGUMENT
        );
    }
}
