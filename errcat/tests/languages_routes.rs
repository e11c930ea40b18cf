//! The language modules over `tests/fixtures/lang-routes.toml`: names that
//! meet after a language's case rules or are taken, and routes where
//! literals, mixed segments, parameters, multi-segment parameters, base
//! paths and HEAD's own endpoints compete (`languages_support`). Its own
//! test binary: a process serves one loaded catalogue.

mod common;
mod languages_support;

use common::root;
use error_catalogue::load::{self, Loaded};
use languages_support::agree;

/// The catalogue, loaded once for this process.
fn lang_routes() -> std::path::PathBuf {
    let path = root().join("tests/fixtures/lang-routes.toml");
    static LOADED: std::sync::Once = std::sync::Once::new();
    LOADED.call_once(|| {
        let report = error_catalogue_build::check_file(&path);
        load::load(report.catalogue.as_ref().unwrap()).unwrap();
    });
    path
}

/// The module errcat renders for the fixture in `format`.
fn rendered(format: &str) -> String {
    let path = lang_routes();
    let out = common::errcat()
        .arg("--catalogue")
        .arg(&path)
        .args(["render", "--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn typescript() {
    agree::<Loaded>(
        &languages_support::typescript::LANGUAGE,
        Some(&lang_routes()),
    );
}

/// Anchors that meet in SCREAMING_SNAKE_CASE get `_2` in page order; a name
/// starting with a digit gets `N_`, one of the module's own a trailing `_`.
#[test]
fn typescript_renames_deterministically() {
    let module = rendered("typescript");
    for line in [
        "export const A_1_B_409: Entry = {",
        "export const A_1_B_409_2: Entry = {",
        "export const N_4_XX_400: Entry = {",
        "export const CODE_POINTERS_: Entry = {",
        "export const CODE_POINTERS: readonly string[] = [",
        "  Default: \"default\",",
    ] {
        assert!(module.contains(line), "{line}");
    }
    let second = module.find("export const A_1_B_409_2").unwrap();
    assert!(module[second..].contains("endpoint: Endpoint.Second,"));
}

#[test]
fn python() {
    agree::<Loaded>(&languages_support::python::LANGUAGE, Some(&lang_routes()));
}

/// The same renames in the Python module: `_2` in page order, `N_` before a
/// digit, a trailing `_` on a name the module defines itself.
#[test]
fn python_renames_deterministically() {
    let module = rendered("python");
    for line in [
        "\nA_1_B_409: Final = Entry(\n",
        "\nA_1_B_409_2: Final = Entry(\n",
        "\nN_4_XX_400: Final = Entry(\n",
        "\nCODE_POINTERS_: Final = Entry(\n",
        "\nCODE_POINTERS: Final[Tuple[str, ...]] = (\n",
    ] {
        assert!(module.contains(line), "{line}");
    }
    let second = module.find("\nA_1_B_409_2: Final").unwrap();
    assert!(module[second..].contains("endpoint=Endpoint.SECOND,"));
}
