//! The validator on arbitrary text: `check_str` never panics, its report
//! renders, and a catalogue it accepts generates code that parses as Rust.
#![no_main]

use error_catalogue_build::Catalogue;
use libfuzzer_sys::fuzz_target;

/// The generated module's source for an accepted catalogue (the one call to
/// change if the code generator's API is renamed).
fn generate(catalogue: &Catalogue) -> String {
    error_catalogue_build::codegen::source(
        catalogue,
        error_catalogue_build::codegen::Options::default(),
        "fuzz.toml",
    )
}

fuzz_target!(|text: &str| {
    let report = error_catalogue_build::check_str("fuzz.toml", text);
    let _ = report.render(false);
    if let Some(catalogue) = &report.catalogue {
        let source = generate(catalogue);
        if let Err(e) = syn::parse_file(&source) {
            panic!("generated code does not parse: {e}\n{source}");
        }
    }
});
