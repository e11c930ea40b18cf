//! The importers on arbitrary bytes: `import openapi` (JSON or YAML) and
//! `import codes` (JSON, with and without `--status-from-code` and
//! `--field`) never panic, and what they write checks clean of errors.
//!
//! Input: the file's bytes; text that is not UTF-8 is refused before either
//! importer sees it, as `read_spec` refuses it.
#![no_main]

use error_catalogue_build::import::{self, codes};
use libfuzzer_sys::fuzz_target;

fn checks(toml: &str) {
    let report = error_catalogue_build::check_str("fuzz.toml", toml);
    if report.has_errors() {
        panic!(
            "an import does not check:\n{}\n{toml}",
            report.render(false)
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = import::openapi("fuzz.json", text) {
        checks(&imported.toml);
    }
    let mut pointed = codes::Options::default();
    pointed
        .fields
        .set("code=/id,meaning=/t/0,status=s")
        .expect("a valid --field");
    for options in [
        codes::Options::default(),
        codes::Options {
            status_from_code: true,
            ..codes::Options::default()
        },
        pointed,
    ] {
        if let Ok(imported) = codes::codes("fuzz.json", text, &options) {
            checks(&imported.toml);
        }
    }
});
