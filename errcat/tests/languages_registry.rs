//! The language modules over a registry of codes with no endpoints
//! (`error-catalogue-build/tests/fixtures/integer-codes.toml`): the
//! endpoint type is empty, and the module must still compile and answer as
//! the engine (`languages_support`). Its own test binary: a process serves
//! one loaded catalogue.

mod common;
mod languages_support;

use common::root;
use error_catalogue::load::{self, Loaded};
use languages_support::agree;

/// The catalogue, loaded once for this process.
fn registry() -> std::path::PathBuf {
    let path = root().join("error-catalogue-build/tests/fixtures/integer-codes.toml");
    static LOADED: std::sync::Once = std::sync::Once::new();
    LOADED.call_once(|| {
        let report = error_catalogue_build::check_file(&path);
        load::load(report.catalogue.as_ref().unwrap()).unwrap();
    });
    path
}

#[test]
fn typescript() {
    agree::<Loaded>(&languages_support::typescript::LANGUAGE, Some(&registry()));
}

#[test]
fn python() {
    agree::<Loaded>(&languages_support::python::LANGUAGE, Some(&registry()));
}
