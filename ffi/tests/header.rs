//! `include/zexa.h` must be exactly what cbindgen generates from the sources now.
//! Set `ZEXA_BLESS=1` to rewrite it.
//!
//! Besides what cbindgen finds in `ffi/src`, the header gets, after its includes, what
//! cbindgen cannot produce: the version macros (from this crate's Cargo version), the
//! `ZEXA_STRUCT_INIT` macro, and the `ZexaStatus` enum, written from the same list
//! (`ffi/src/statuses.rs`) that defines the Rust enum and its names.

use std::fmt::Write;
use std::path::Path;

include!("../src/statuses.rs");

/// The C declaration of `ZexaStatus`: an enum with a fixed 32-bit representation.
macro_rules! c_statuses {
    ($($(#[doc = $doc:literal])* $name:ident = $value:literal,)+) => {{
        let mut c = String::new();
        c.push_str(concat!(
            "/**\n",
            " * The outcome of every fallible zexa_ function. ZEXA_OK is 0; every other value is a\n",
            " * failure whose details are read with the zexa_last_error_* functions on the same thread.\n",
            " * Values are never renumbered; new ones may be added: treat an unknown one as a failure.\n",
            " */\n",
            "enum ZexaStatus\n#ifdef __cplusplus\n  : uint32_t\n#endif // __cplusplus\n {\n",
        ));
        $(
            c.push_str("  /**\n");
            $( writeln!(c, "   *{}", $doc).unwrap(); )*
            c.push_str("   */\n");
            writeln!(c, "  {} = {},", stringify!($name), $value).unwrap();
        )+
        c.push_str("};\n#ifndef __cplusplus\ntypedef uint32_t ZexaStatus;\n#endif // __cplusplus\n");
        c
    }};
}

fn after_includes() -> String {
    let number = |name: &str| -> u32 { name.parse().expect("a decimal version component") };
    let (major, minor, patch) = (
        number(env!("CARGO_PKG_VERSION_MAJOR")),
        number(env!("CARGO_PKG_VERSION_MINOR")),
        number(env!("CARGO_PKG_VERSION_PATCH")),
    );
    format!(
        r#"
/** The version of this header (the library's is zexa_version() / zexa_version_number()). */
#define ZEXA_VERSION_MAJOR {major}
#define ZEXA_VERSION_MINOR {minor}
#define ZEXA_VERSION_PATCH {patch}
/** MAJOR * 1000000 + MINOR * 1000 + PATCH: compare with zexa_version_number(). */
#define ZEXA_VERSION_NUMBER (ZEXA_VERSION_MAJOR * 1000000 + ZEXA_VERSION_MINOR * 1000 + ZEXA_VERSION_PATCH)
/** "MAJOR.MINOR.PATCH". */
#define ZEXA_VERSION_STRING "{major}.{minor}.{patch}"

/**
 * A struct the caller fills, with its struct_size set and every other field zero ("not
 * given"): ZexaCreateContact req = ZEXA_STRUCT_INIT(ZexaCreateContact);
 */
#ifdef __cplusplus
template <typename T> inline T ZexaStructInit() {{
  T value{{}};
  value.struct_size = sizeof(T);
  return value;
}}
#define ZEXA_STRUCT_INIT(type) ZexaStructInit<type>()
#else
#define ZEXA_STRUCT_INIT(type) {{ .struct_size = sizeof(type) }}
#endif // __cplusplus

{statuses}"#,
        statuses = for_each_status!(c_statuses)
    )
}

#[test]
fn header_is_up_to_date() {
    let crate_dir = env!("CARGO_MANIFEST_DIR");
    let mut config = cbindgen::Config::from_file(Path::new(crate_dir).join("cbindgen.toml"))
        .expect("ffi/cbindgen.toml parses");
    config.after_includes = Some(after_includes());
    let bindings = cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");

    let path = Path::new(crate_dir).join("../include/zexa.h");
    if std::env::var_os("ZEXA_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("include/ has a parent")).expect("create include/");
        std::fs::write(&path, &generated).expect("write include/zexa.h");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "include/zexa.h is not what cbindgen generates from ffi/src.\n\
         Regenerate it with: ZEXA_BLESS=1 cargo test -p zexa-ffi --test header"
    );
}
