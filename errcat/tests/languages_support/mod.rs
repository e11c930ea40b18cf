//! The agreement harness: a generated language module must answer every
//! lookup, code lookup and routed request exactly as the Rust engine does.
//!
//! [`agree`] renders the module with `errcat render --format LANG`, writes
//! the questions to `queries.json` beside it,
//!
//! ```json
//! {"lookups": [["create-trackers", 409], …], "codes": ["card_declined", …],
//!  "routes": [["GET", "/v1/manage/tracker/x"], …]}
//! ```
//!
//! runs the language's driver over them (its strict checker first), and
//! compares what the driver prints,
//!
//! ```json
//! {"lookups": [anchor or null, …], "codes": [anchor or null, …], "routes": [slug or null, …]}
//! ```
//!
//! with the Rust engine's answers, question by question.
//!
//! A language plugs in with a runner module here, `languages_support/LANG.rs`
//! (declared below as `pub mod LANG;`), holding `pub const LANGUAGE:
//! Language` (its format name, tools and [`Run`] function) and the line
//! `language!(LANG);` in `tests/languages.rs`, and one test in
//! `tests/languages_codes.rs`. Its driver is `tests/languages/driver.EXT`.
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

pub mod python;
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

/// Every endpoint with every status the catalogue documents and a few it
/// does not; every code, and codes it lacks; a request per endpoint and
/// base path in several spellings (trailing slash, query and fragment, full
/// URL, percent-encoded literals, HEAD, another method), and requests no
/// template matches.
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
    for &e in E::all() {
        for &status in &statuses {
            let status_code = StatusCode::from_u16(status).unwrap();
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
    if let Some(first) = codes.first().cloned() {
        codes.push(first.to_uppercase());
        codes.push(format!(" {first}"));
    }
    codes.extend(["", "0", "no_such_code", "40140"].map(String::from));
    let code_answers: Vec<Value> = codes.iter().map(|c| anchor(E::lookup_code(c))).collect();

    let mut routes = (Vec::new(), Vec::new());
    let mut ask = |method: &str, path: String| {
        let m = Method::from_bytes(method.as_bytes()).unwrap();
        let answer = RouteMatch::<E>::find(&m, &path).map(|r| r.endpoint().slug());
        routes.0.push(json!([method, path]));
        routes.1.push(json!(answer));
    };
    let bases = match catalogue.base_paths() {
        [] => &[""][..],
        declared => declared,
    };
    for &e in E::all() {
        for &base in bases {
            let path = format!("{}{}", filled(base), filled(e.path()));
            let method = e.method().to_string();
            ask(&method, path.clone());
            ask(&method, format!("{path}/"));
            ask(&method, format!("{path}//"));
            ask(&method, format!("{path}?q=1&r=/x#frag"));
            ask(&method, format!("https://api.example.com:8443{path}?q=1"));
            ask(&method, encoded(&path));
            ask(&method, format!("{path}/extra"));
            ask(&method, path.replace("p1", "p%2F1"));
            ask(&method, path.replace("/p1", "/"));
            ask("HEAD", path.clone());
            let other = if method == "PATCH" {
                "OPTIONS"
            } else {
                "PATCH"
            };
            ask(other, path.clone());
        }
    }
    for path in [
        "",
        "/",
        "//",
        "/%zz",
        "?x",
        "#x",
        "https://h",
        "relative/path",
    ] {
        ask("GET", path.to_owned());
    }

    Queries {
        json: json!({ "lookups": lookups.0, "codes": codes, "routes": routes.0 }),
        expected: json!({ "lookups": lookups.1, "codes": code_answers, "routes": routes.1 }),
    }
}

fn anchor<E: CatalogueEndpoint>(entry: Option<&Entry<E>>) -> Value {
    json!(entry.map(|e| e.anchor()))
}

/// A template with each `{param}` as `p1`, each `{*param}` as `a/b`.
fn filled(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        out.push_str(if name.starts_with('*') { "a/b" } else { "p1" });
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// `path` with its first letter and every non-ASCII byte percent-encoded:
/// literals match by their decoded bytes.
fn encoded(path: &str) -> String {
    let mut out = String::new();
    let mut first_letter = true;
    for &b in path.as_bytes() {
        let letter = first_letter && b.is_ascii_alphabetic();
        if !b.is_ascii() || letter {
            first_letter &= !letter;
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}

/// Renders the module of `language` (of the catalogue at `catalogue`, else
/// the one errcat was built with), asks it [`queries`] through `run`, and
/// fails naming every question the module answers unlike the Rust engine.
/// Skipped, with a message, when the language's tools are missing outside
/// CI ([`have`]).
pub fn agree<E: CatalogueEndpoint>(language: &Language, catalogue: Option<&Path>) {
    if !have(language.tools) {
        return;
    }
    let Language { format, run, .. } = *language;
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
    for part in ["lookups", "codes", "routes"] {
        let asked = queries.json[part].as_array().unwrap();
        let want = queries.expected[part].as_array().unwrap();
        let got = answers[part].as_array().map(Vec::as_slice).unwrap_or(&[]);
        assert_eq!(got.len(), want.len(), "{format}: {part}: answers count");
        for ((q, w), g) in asked.iter().zip(want).zip(got) {
            if w != g {
                wrong.push(format!("{part} {q}: Rust {w}, {format} {g}"));
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

pub mod go;
