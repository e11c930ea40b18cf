//! The agreement harness: a generated language module must answer every
//! lookup, code lookup and routed request exactly as the Rust engine does,
//! and hold every text of every entry and endpoint as the engine holds it.
//!
//! [`agree`] renders the module with `errcat render --format LANG`, writes
//! the questions ([`queries`]) to `queries.json` beside it,
//!
//! ```json
//! {"lookups": [["create-trackers", 409], [null, 401], …],
//!  "codes": ["card_declined", …],
//!  "routes": [["GET", "/v1/manage/tracker/x"], …],
//!  "texts": ["create-trackers-409", "code-card-declined", …],
//!  "endpoints": ["create-trackers", …]}
//! ```
//!
//! (a null endpoint asks the general table; `texts` names every entry, the
//! general table's, each endpoint's and each code's, by anchor), runs the
//! language's driver over them (its strict checker first), and compares
//! what the driver prints,
//!
//! ```json
//! {"lookups": [anchor or null, …], "codes": [anchor or null, …],
//!  "routes": [slug or null, …],
//!  "texts": [{"meaning", "description", "resolution", "plain_meaning",
//!             "plain_description", "plain_resolution", "status", "app_code",
//!             "listed_codes", "retryable", "deprecated", "url",
//!             "example": {"caption", "lang", "body"} or null} or null, …],
//!  "endpoints": [{"name", "method", "path", "deprecated"} or null, …]}
//! ```
//!
//! (null where a text, a status, a code or an example is absent; null for
//! an anchor or slug the module lacks) with the Rust engine's answers,
//! question by question and field by field; a field a language's module
//! does not hold (Go's has no examples) is named in its [`Language::lacks`]
//! and not compared.
//!
//! A language plugs in with a runner module here, `languages_support/LANG.rs`
//! (declared below as `pub mod LANG;`), holding `pub const LANGUAGE:
//! Language` (its format name, tools and [`Run`] function), the line
//! `language!(LANG);` in `tests/languages.rs`, and a line in
//! [`agree_in_each_language`]. Its driver is `tests/languages/driver.EXT`.
// Each test binary uses a part.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use error_catalogue::StatusCode;
use error_catalogue::engine::{Catalogue, CatalogueEndpoint, Entry, RouteMatch};
use error_catalogue::render::Format;
use http::Method;
use serde_json::{Value, json};

use crate::common::{errcat, root};

pub mod go;
pub mod python;
pub mod requests;
pub mod typescript;

/// A language's runner: given the directory holding the generated module
/// and the queries file, runs the driver and returns what it printed.
pub type Run = fn(dir: &Path, queries: &Path) -> String;

/// A language as the harness drives it; each runner module has one, named
/// `LANGUAGE`.
pub struct Language {
    /// Its `errcat render --format` name.
    pub format: &'static str,
    /// The tools its runner needs (found by [`tool`]).
    pub tools: &'static [&'static str],
    /// Its runner.
    pub run: Run,
    /// Fields of `texts` its module does not hold: not compared.
    pub lacks: &'static [&'static str],
}

/// Where the language tools `scripts/install-lang-tools` installs live:
/// `$ERRCAT_LANG_TOOLS`, else `target/lang-tools` in the workspace.
pub fn tools_dir() -> PathBuf {
    std::env::var_os("ERRCAT_LANG_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/lang-tools"))
}

/// A tool: `node_modules/.bin/NAME` or `venv/bin/NAME` under
/// [`tools_dir`], else `NAME` on `PATH`.
pub fn tool(name: &str) -> Option<PathBuf> {
    let tools = tools_dir();
    let installed = [
        tools.join("node_modules/.bin").join(name),
        tools.join("venv/bin").join(name),
    ];
    if let Some(found) = installed.into_iter().find(|p| p.is_file()) {
        return Some(found);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Whether every tool in `names` is there. When one is missing the test is
/// skipped with a message, except in CI (`CI` set), where it fails: CI
/// installs them with `scripts/install-lang-tools`.
pub fn have(names: &[&str]) -> bool {
    let missing: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| tool(n).is_none())
        .collect();
    if missing.is_empty() {
        return true;
    }
    let message = format!(
        "missing {} (run scripts/install-lang-tools, or set ERRCAT_LANG_TOOLS)",
        missing.join(", ")
    );
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("skipped: {message}");
    false
}

/// The questions, and the Rust engine's answers to them.
pub struct Queries {
    pub json: Value,
    pub expected: Value,
}

/// The parts of the questions, in the order they are compared.
const PARTS: [&str; 5] = ["lookups", "codes", "routes", "texts", "endpoints"];

/// Every endpoint, and the general table, with every status the catalogue
/// documents and a few it does not; every code, and codes it lacks; the
/// requests of [`requests::requests`]; every entry's texts and every
/// endpoint's.
pub fn queries<E: CatalogueEndpoint>() -> Queries {
    let catalogue = Catalogue::<E>::new();
    let mut statuses: BTreeSet<u16> = [100, 200, 204, 404, 418, 500, 599].into();
    let documented = catalogue
        .entries()
        .iter()
        .chain(catalogue.general())
        .chain(catalogue.codes());
    statuses.extend(documented.filter_map(|e| e.documented_status().map(|s| s.as_u16())));

    let mut lookups = (Vec::new(), Vec::new());
    for &status in &statuses {
        let status_code = StatusCode::from_u16(status).unwrap();
        lookups.0.push(json!([null, status]));
        lookups.1.push(anchor(E::lookup_general(status_code)));
        for &e in E::all() {
            lookups.0.push(json!([e.slug(), status]));
            lookups.1.push(anchor(e.lookup(status_code)));
        }
    }

    let mut codes: Vec<String> = catalogue
        .codes()
        .iter()
        .filter_map(|e| e.app_code())
        .map(str::to_owned)
        .collect();
    let upper: Vec<String> = codes.iter().map(|c| c.to_uppercase()).collect();
    codes.extend(upper);
    if let Some(first) = codes.first().cloned() {
        codes.push(format!(" {first}"));
    }
    codes.extend(["", "0", "no_such_code", "40140"].map(String::from));
    let code_answers: Vec<Value> = codes.iter().map(|c| anchor(E::lookup_code(c))).collect();

    let routes = requests::requests::<E>(catalogue.base_paths());
    let routed: Vec<Value> = routes
        .iter()
        .map(|(method, path)| {
            let m = Method::from_bytes(method.as_bytes()).unwrap();
            json!(RouteMatch::<E>::find(&m, path).map(|r| r.endpoint().slug()))
        })
        .collect();

    let every_entry = || catalogue.entries().iter().chain(catalogue.codes());
    let texts: Vec<&str> = every_entry().map(Entry::anchor).collect();
    let endpoints: Vec<&str> = E::all().iter().map(|e| e.slug()).collect();
    let endpoint_texts: Vec<Value> = E::all()
        .iter()
        .map(|e| {
            json!({
                "name": e.name(),
                "method": e.method().as_str(),
                "path": e.path(),
                "deprecated": e.deprecated(),
            })
        })
        .collect();

    Queries {
        json: json!({
            "lookups": lookups.0,
            "codes": codes,
            "routes": routes.iter().map(|(m, p)| json!([m, p])).collect::<Vec<_>>(),
            "texts": texts,
            "endpoints": endpoints,
        }),
        expected: json!({
            "lookups": lookups.1,
            "codes": code_answers,
            "routes": routed,
            "texts": every_entry().map(entry_texts).collect::<Vec<_>>(),
            "endpoints": endpoint_texts,
        }),
    }
}

/// The endpoints no request of `queries` routes to, by the engine.
pub fn unreached<E: CatalogueEndpoint>(queries: &Queries) -> Vec<&'static str> {
    let routed = queries.expected["routes"].as_array().unwrap();
    E::all()
        .iter()
        .map(|e| e.slug())
        .filter(|slug| !routed.iter().any(|r| r == slug))
        .collect()
}

fn anchor<E: CatalogueEndpoint>(entry: Option<&Entry<E>>) -> Value {
    json!(entry.map(|e| e.anchor()))
}

/// An entry's texts, flags and numbers, as every driver prints them.
fn entry_texts<E: CatalogueEndpoint>(e: &Entry<E>) -> Value {
    json!({
        "meaning": e.meaning(),
        "description": e.description(),
        "resolution": e.resolution(),
        "plain_meaning": e.plain_meaning(),
        "plain_description": e.plain_description(),
        "plain_resolution": e.plain_resolution(),
        "status": e.documented_status().map(|s| s.as_u16()),
        "app_code": e.app_code(),
        "listed_codes": e.listed_codes(),
        "retryable": e.retryable(),
        "deprecated": e.deprecated(),
        "url": e.url().to_string(),
        "example": e.example().map(|x| json!({"caption": x.caption(), "lang": x.lang(), "body": x.body()})),
    })
}

/// Renders the module of `language` (of the catalogue at `catalogue`, else
/// the one errcat was built with), asks it [`queries`] through its runner,
/// and fails naming every question the module answers unlike the Rust
/// engine (each text by its field). Skipped, with a message, when the
/// language's tools are missing outside CI ([`have`]).
pub fn agree<E: CatalogueEndpoint>(language: &Language, catalogue: Option<&Path>) {
    if !have(language.tools) {
        return;
    }
    let Language {
        format, run, lacks, ..
    } = *language;
    let file_name = Format::from_name(format).unwrap().file_name();
    let dir = crate::common::scratch();
    let module = dir.path().join(file_name);
    let mut render = errcat();
    render.current_dir(dir.path());
    if let Some(catalogue) = catalogue {
        render.arg("--catalogue").arg(catalogue);
    }
    let out = render
        .args(["render", "--format", format, "-o"])
        .arg(&module)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "render --format {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let queries = queries::<E>();
    let queries_file = dir.path().join("queries.json");
    std::fs::write(&queries_file, queries.json.to_string()).unwrap();
    let printed = run(dir.path(), &queries_file);
    let answers: Value = serde_json::from_str(&printed)
        .unwrap_or_else(|e| panic!("{format} driver printed no JSON ({e}):\n{printed}"));

    let mut wrong = Vec::new();
    for part in PARTS {
        let asked = queries.json[part].as_array().unwrap();
        let want = queries.expected[part].as_array().unwrap();
        let got = answers[part].as_array().map(Vec::as_slice).unwrap_or(&[]);
        assert_eq!(got.len(), want.len(), "{format}: {part}: answers count");
        for ((q, w), g) in asked.iter().zip(want).zip(got) {
            match (w.as_object(), g.as_object()) {
                (Some(w), Some(g)) => {
                    for (field, want_field) in
                        w.iter().filter(|(f, _)| !lacks.contains(&f.as_str()))
                    {
                        let got_field = g.get(field).unwrap_or(&Value::Null);
                        if want_field != got_field {
                            wrong.push(format!(
                                "{part} {q} {field}: Rust {want_field}, {format} {got_field}"
                            ));
                        }
                    }
                }
                _ if w != g => wrong.push(format!("{part} {q}: Rust {w}, {format} {g}")),
                _ => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{format} answers {} of the questions unlike the Rust engine:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Tests `typescript`, `python` and `go`, each holding that language's
/// module of the catalogue at `$catalogue` (loaded as `$endpoint`, or
/// compiled in) to the engine ([`agree`]).
macro_rules! agree_in_each_language {
    ($endpoint:ty, $catalogue:expr) => {
        #[test]
        fn typescript() {
            $crate::languages_support::agree::<$endpoint>(
                &$crate::languages_support::typescript::LANGUAGE,
                $catalogue,
            );
        }

        #[test]
        fn python() {
            $crate::languages_support::agree::<$endpoint>(
                &$crate::languages_support::python::LANGUAGE,
                $catalogue,
            );
        }

        #[test]
        fn go() {
            $crate::languages_support::agree::<$endpoint>(
                &$crate::languages_support::go::LANGUAGE,
                $catalogue,
            );
        }
    };
}
pub(crate) use agree_in_each_language;

/// Loads the catalogue at `path` (relative to the workspace) once for this
/// process (a process serves one loaded catalogue) and returns its path.
pub fn load_once(path: &str) -> PathBuf {
    static LOADED: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let loaded = LOADED.get_or_init(|| {
        let file = root().join(path);
        let report = error_catalogue_build::check_file(&file);
        error_catalogue::load::load(report.catalogue.as_ref().unwrap()).unwrap();
        file
    });
    assert_eq!(*loaded, root().join(path), "one loaded catalogue a process");
    loaded.clone()
}
