//! The language modules over a registry of codes with no endpoints
//! (`error-catalogue-build/tests/fixtures/integer-codes.toml`): the
//! endpoint type is empty, and the module must still compile and answer as
//! the engine (`languages_support`). Its own test binary: a process serves
//! one loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::load::Loaded;

/// The catalogue, loaded once for this process.
fn registry() -> std::path::PathBuf {
    languages_support::load_once("error-catalogue-build/tests/fixtures/integer-codes.toml")
}

languages_support::agree_in_each_language!(Loaded, Some(&registry()));
