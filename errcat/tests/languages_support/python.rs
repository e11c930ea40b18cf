//! The Python runner: `mypy --strict` over `errors.py` and the driver, then
//! the driver under `python3` (both from the tools directory's venv when
//! there, else `PATH`).

use std::path::Path;
use std::process::Command;

use error_catalogue::engine::{Catalogue, CatalogueEndpoint, Entry};
use serde_json::{Value, json};

use super::{Language, tool};
use crate::common::root;

/// Python as the harness drives it.
pub const LANGUAGE: Language = Language {
    format: "python",
    tools: &["mypy", "python3"],
    run,
};

/// mypy's arguments before the files.
const MYPY: &[&str] = &[
    "--strict",
    "--python-version",
    "3.10",
    "--cache-dir",
    ".mypy_cache",
];

/// Type-checks the module and the driver in `dir`, then runs the driver over
/// `queries`: what it printed. Panics with the tool's output on failure.
pub fn run(dir: &Path, queries: &Path) -> String {
    std::fs::copy(
        root().join("errcat/tests/languages/driver.py"),
        dir.join("driver.py"),
    )
    .unwrap();
    let checked = Command::new(tool("mypy").unwrap())
        .current_dir(dir)
        // The cache stays in the scratch directory, out of $HOME.
        .args([
            "--strict",
            "--cache-dir",
            ".mypy_cache",
            "errors.py",
            "driver.py",
        ])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "mypy --strict:\n{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
    let ran = Command::new(tool("python3").unwrap())
        .current_dir(dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .arg("driver.py")
        .arg(queries)
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "python3 driver.py:\n{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    String::from_utf8(ran.stdout).unwrap()
}

/// Prints every text of the module in `dir` as JSON, as [`texts`] shapes
/// the engine's.
const DUMP: &str = r#"
import json
from typing import Any, Dict, Optional

import errors


def entry(e: errors.Entry) -> Dict[str, Any]:
    x: Optional[Dict[str, Any]] = None
    if e.example is not None:
        x = {"caption": e.example.caption, "lang": e.example.lang, "body": e.example.body}
    return {
        "anchor": e.anchor,
        "endpoint": None if e.endpoint is None else e.endpoint.slug,
        "status": e.status,
        "app_code": e.app_code,
        "listed_codes": list(e.listed_codes),
        "meaning": e.meaning,
        "plain_meaning": e.plain_meaning,
        "description": e.description,
        "plain_description": e.plain_description,
        "resolution": e.resolution,
        "plain_resolution": e.plain_resolution,
        "retryable": e.retryable,
        "deprecated": e.deprecated,
        "url": e.url,
        "example": x,
    }


endpoints = [
    {"title": e.title, "slug": e.slug, "method": e.method, "path": e.path, "deprecated": e.deprecated}
    for e in errors.Endpoint
]
print(json.dumps({
    "page_url": errors.PAGE_URL,
    "base_paths": list(errors.BASE_PATHS),
    "endpoints": endpoints,
    "entries": [entry(e) for e in errors.ENTRIES],
    "general": [e.anchor for e in errors.GENERAL],
    "codes": [entry(e) for e in errors.CODES],
}))
"#;

/// Every text, flag and number of the catalogue as the engine holds it,
/// in the shape [`DUMP`] prints.
pub fn texts<E: CatalogueEndpoint>() -> Value {
    let c = Catalogue::<E>::new();
    let entry = |e: &Entry<E>| {
        json!({
            "anchor": e.anchor(),
            "endpoint": e.endpoint().map(E::slug),
            "status": e.documented_status().map(|s| s.as_u16()),
            "app_code": e.app_code(),
            "listed_codes": e.listed_codes(),
            "meaning": e.meaning(),
            "plain_meaning": e.plain_meaning(),
            "description": e.description(),
            "plain_description": e.plain_description(),
            "resolution": e.resolution(),
            "plain_resolution": e.plain_resolution(),
            "retryable": e.retryable(),
            "deprecated": e.deprecated(),
            "url": e.url().to_string(),
            "example": e.example().map(|x| json!({"caption": x.caption(), "lang": x.lang(), "body": x.body()})),
        })
    };
    let endpoints: Vec<Value> = E::all()
        .iter()
        .map(|e| {
            json!({"title": e.name(), "slug": e.slug(), "method": e.method().as_str(), "path": e.path(), "deprecated": e.deprecated()})
        })
        .collect();
    json!({
        "page_url": c.page().url().to_string(),
        "base_paths": c.base_paths(),
        "endpoints": endpoints,
        "entries": c.entries().iter().map(entry).collect::<Vec<_>>(),
        "general": c.general().iter().map(Entry::anchor).collect::<Vec<_>>(),
        "codes": c.codes().iter().map(entry).collect::<Vec<_>>(),
    })
}

/// Renders the Python module of the catalogue at `catalogue` (else the
/// shipped one) and asserts that it holds every text exactly as the engine
/// does ([`texts`]), after `mypy --strict`. Skipped as [`super::have`] says.
pub fn texts_agree<E: CatalogueEndpoint>(catalogue: Option<&Path>) {
    if !super::have(LANGUAGE.tools) {
        return;
    }
    let dir = crate::common::scratch();
    let mut render = crate::common::errcat();
    if let Some(catalogue) = catalogue {
        render.arg("--catalogue").arg(catalogue);
    }
    let out = render
        .args(["render", "--format", "python", "-o"])
        .arg(dir.path().join("errors.py"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(dir.path().join("dump.py"), DUMP).unwrap();
    let checked = Command::new(tool("mypy").unwrap())
        .current_dir(dir.path())
        .args([
            "--strict",
            "--cache-dir",
            ".mypy_cache",
            "errors.py",
            "dump.py",
        ])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
    let ran = Command::new(tool("python3").unwrap())
        .current_dir(dir.path())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .arg("dump.py")
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let got: Value = serde_json::from_slice(&ran.stdout).unwrap();
    let want = texts::<E>();
    for part in [
        "page_url",
        "base_paths",
        "endpoints",
        "entries",
        "general",
        "codes",
    ] {
        assert_eq!(got[part], want[part], "{part}");
    }
}
