//! `include/zexa.h` must be exactly what cbindgen generates from the sources now.
//! Set `ZEXA_BLESS=1` to rewrite it.

use std::path::Path;

#[test]
fn header_is_up_to_date() {
    let crate_dir = env!("CARGO_MANIFEST_DIR");
    let config = cbindgen::Config::from_file(Path::new(crate_dir).join("cbindgen.toml"))
        .expect("ffi/cbindgen.toml parses");
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
