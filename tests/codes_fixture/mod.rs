//! `error-catalogue-build/tests/fixtures/codes.toml` (string codes with and
//! without a status, rows listing them), loaded at run time once per test
//! process, for the tests of codes, responses and renders that share it.

use std::sync::Once;

use error_catalogue::load;

/// Loads the fixture the first time, asserting that it checks without a
/// diagnostic; a process serves one loaded catalogue.
pub fn loaded() {
    static LOAD: Once = Once::new();
    LOAD.call_once(|| {
        let file = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/error-catalogue-build/tests/fixtures/codes.toml"
        );
        let report = error_catalogue_build::check_file(file);
        assert!(report.diagnostics.is_empty(), "{}", report.render(false));
        load::load(report.catalogue.as_ref().unwrap()).unwrap();
    });
}
