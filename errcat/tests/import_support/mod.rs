//! Helpers of the `errcat import openapi` tests (`import.rs`,
//! `import_untidy.rs`): the binary, fixtures, scratch directories, and an
//! import checked clean and deterministic.
// Each test binary uses a part.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use error_catalogue_build::{Catalogue, check_file};

pub fn errcat() -> Command {
    Command::cargo_bin("errcat").unwrap()
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/openapi")
        .join(name)
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("import-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn checked(path: &Path) -> Catalogue {
    let report = check_file(path);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    report.catalogue.unwrap()
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Imports a fixture with `-o`, checks the file with `errcat check` (no
/// errors, no warnings), and imports it again to stdout: the same bytes.
pub fn import_fixture(name: &str) -> (String, Catalogue, String) {
    let dir = scratch(name);
    let spec = fixture(name);
    let out_file = dir.join("errors.toml");
    let out = errcat()
        .args(["import", "openapi"])
        .arg(&spec)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let text = std::fs::read_to_string(&out_file).unwrap();
    let check = errcat()
        .arg("check")
        .arg(&out_file)
        .arg("--deny-warnings")
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    let again = errcat()
        .args(["import", "openapi"])
        .arg(&spec)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8(again.stdout).unwrap(),
        text,
        "deterministic"
    );
    assert_eq!(files_in(&dir), ["errors.toml"], "no temporary file left");
    (text, checked(&out_file), stderr)
}

/// The JSON `errcat lookup` answers for a request line, from `catalogue`.
pub fn lookup(catalogue: &Path, request: &str, status: &str) -> serde_json::Value {
    let out = errcat()
        .arg("lookup")
        .arg("-c")
        .arg(catalogue)
        .args([request, status, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{request} {status}: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}
