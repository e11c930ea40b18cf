//! The Python module holds every text, flag and number exactly as the
//! engine does (`languages_support::python::texts_agree`): the shipped
//! catalogue, Docker's, and `fixtures/language-texts.toml`, whose texts hold
//! every character class the module escapes (NUL, DEL, C1 controls, line and
//! paragraph separators, bidirectional controls, the byte order mark,
//! triple quotes, backslash escapes Python would read, non-BMP characters).
//! Its own test binary: a process serves one loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::load::{self, Loaded};

use common::root;
use languages_support::python::texts_agree;

#[test]
fn shipped() {
    texts_agree::<error_catalogue::Endpoint>(None);
}

#[test]
fn docker() {
    let toml = root().join("catalogues/docker-engine/errors.toml");
    texts_agree::<docker_engine_errors::docker::Endpoint>(Some(&toml));
}

#[test]
fn hostile_texts() {
    let toml = root().join("errcat/tests/fixtures/language-texts.toml");
    let report = error_catalogue_build::check_file(&toml);
    load::load(report.catalogue.as_ref().unwrap()).unwrap();
    texts_agree::<Loaded>(Some(&toml));
}
