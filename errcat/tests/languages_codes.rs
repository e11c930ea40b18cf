//! The language modules answer as the Rust engine over
//! `tests/fixtures/hostile-codes.toml`: codes made of every character a
//! string literal or comment could read as syntax (`languages_support`).
//! Its own test binary: a process serves one loaded catalogue.

mod common;
mod languages_support;

use common::root;
use error_catalogue::load::{self, Loaded};
#[allow(unused_imports)] // until the languages' runners land
use languages_support::agree;

/// The catalogue, loaded once for this process.
#[allow(dead_code)] // until the languages' runners land
fn hostile_codes() -> std::path::PathBuf {
    let path = root().join("tests/fixtures/hostile-codes.toml");
    static LOADED: std::sync::Once = std::sync::Once::new();
    LOADED.call_once(|| {
        let report = error_catalogue_build::check_file(&path);
        load::load(report.catalogue.as_ref().unwrap()).unwrap();
    });
    path
}

#[test]
fn the_questions_ask_every_code_and_codes_it_lacks() {
    hostile_codes();
    let q = languages_support::queries::<Loaded>();
    let codes = q.json["codes"].as_array().unwrap();
    for code in ["pipe|bar", "`tick`", "back\\slash", "{brace}"] {
        let i = codes.iter().position(|c| c == code).unwrap();
        assert!(q.expected["codes"][i].is_string(), "{code}");
    }
    let lacking = codes.iter().position(|c| c == "no_such_code").unwrap();
    assert!(q.expected["codes"][lacking].is_null());
}

#[test]
fn typescript() {
    agree::<Loaded>(
        &languages_support::typescript::LANGUAGE,
        Some(&hostile_codes()),
    );
}

#[test]
fn go() {
    agree::<Loaded>(&languages_support::go::LANGUAGE, Some(&hostile_codes()));
}

#[test]
fn python() {
    agree::<Loaded>(&languages_support::python::LANGUAGE, Some(&hostile_codes()));
}

#[test]
fn python_texts() {
    hostile_codes();
    languages_support::python::texts_agree::<Loaded>(Some(&hostile_codes()));
}
