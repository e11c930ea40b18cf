//! Two entries whose names meet under Python's naming rules
//! (`fixtures/language-names.toml`: anchors `code-x-409` and `code-x409`
//! are both `CODE_X_409`): the second, in page order, is `CODE_X_409_2`,
//! and the module still passes `mypy --strict` and answers as the engine.
//! Its own test binary: a process serves one loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::load::{self, Loaded};

use common::{root, scratch, success_in};
use languages_support::{agree, python};

#[test]
fn colliding_names_are_renamed_in_page_order_and_the_module_agrees() {
    let toml = root().join("errcat/tests/fixtures/language-names.toml");
    let dir = scratch();
    let module = success_in(
        dir.path(),
        &[
            "--catalogue",
            toml.to_str().unwrap(),
            "render",
            "--format",
            "python",
        ],
    );
    let module = String::from_utf8(module).unwrap();
    let endpoint_entry = module.find("\nCODE_X_409: Final = Entry(\n    anchor=\"code-x-409\",");
    let code_entry = module.find("\nCODE_X_409_2: Final = Entry(\n    anchor=\"code-x409\",");
    assert!(endpoint_entry.is_some() && code_entry.is_some(), "{module}");
    assert!(module.contains("\"x409\": CODE_X_409_2,"), "{module}");

    let report = error_catalogue_build::check_file(&toml);
    load::load(report.catalogue.as_ref().unwrap()).unwrap();
    agree::<Loaded>(&python::LANGUAGE, Some(&toml));
}
