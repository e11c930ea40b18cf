//! End to end through cargo: a broken catalogue fails `cargo build` with
//! located one-line errors and no panic; a hostile one builds an errcat whose
//! JSON gives back every string of the file byte for byte.
//!
//! Both build into one target dir, `target/alt`, which
//! scripts/check-docs-toolchains shares, so the dependencies are compiled
//! once and later runs only rebuild this crate.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

mod common;

use common::root;

/// Builds share a target dir; one at a time keeps cargo's lock wait out of
/// the picture and each build's output whole.
static CARGO: Mutex<()> = Mutex::new(());

fn target_dir() -> PathBuf {
    root().join("target/alt")
}

/// `cargo build -p errcat` over `data`, in the shared target dir.
fn cargo_build(data: &Path) -> Output {
    cargo(
        data,
        &["build", "--offline", "--locked", "-p", "errcat"],
        &[],
    )
}

/// `cargo ARGS` over `data` with `envs` set, in the shared target dir.
fn cargo(data: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let _one_at_a_time = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    inner_cargo(root(), args)
        .envs(envs.iter().copied())
        .env("ERROR_CATALOGUE_TOML", data)
        .output()
        .unwrap()
}

/// `cargo ARGS` in `dir`, into the shared target dir, with nothing the
/// outer cargo set for this test to steer it. Callers hold [`CARGO`].
fn inner_cargo(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO"));
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if key.starts_with("CARGO_") && key != "CARGO_HOME" || key == "RUSTFLAGS" {
            cmd.env_remove(&*key);
        }
    }
    cmd.current_dir(dir)
        .args(args)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("CARGO_TERM_COLOR", "never");
    cmd
}

#[test]
fn a_broken_catalogue_fails_the_build_with_located_errors() {
    std::fs::create_dir_all(target_dir()).unwrap();
    let data = target_dir().join("broken.toml");
    let text = std::fs::read_to_string(root().join("errors.toml"))
        .unwrap()
        .replacen("status = 409", "status = \"409 - Conflict\"", 1)
        .replacen("resolution = \"Modify", "resolutoin = \"Modify", 1);
    std::fs::write(&data, &text).unwrap();
    let out = cargo_build(&data);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    let line_of = |needle: &str| text[..text.find(needle).unwrap()].lines().count() + 1;
    let (status_line, key_line) = (line_of("status = \"409"), line_of("resolutoin"));
    let shown = data.display();
    for expected in [
        format!(
            "error: error-catalogue@0.1.0: {shown}:{status_line}:10: error[E0005]: `status` must be an integer, found a string: \"409 - Conflict\"; help: write the status as a bare integer: `status = 409`"
        ),
        format!(
            "error: error-catalogue@0.1.0: {shown}:{key_line}:1: error[E0003]: unknown key \"resolutoin\" in [[endpoints.errors]]; help: did you mean `resolution`?"
        ),
        "error: build script logged errors".to_string(),
    ] {
        assert!(stderr.contains(&expected), "{expected}\n---\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("warning: error-catalogue"), "{stderr}");
}

/// `hostile.toml` plus an endpoint of control characters and doctest bait.
fn hostile_data() -> (PathBuf, String) {
    let mut text = std::fs::read_to_string(root().join("tests/fixtures/hostile.toml")).unwrap();
    text.push_str(
        r#"
[[endpoints]]
name = "Controls"
method = "DELETE"
path = "/v1/controls"

[[endpoints.errors]]
status = 418
meaning = "NUL \u0000 BEL \u0007 VT \u000B FF \u000C DEL \u007F NEL \u0085 LS \u2028 PS \u2029 BOM \uFEFF lone CR \r end"
description = "```rust\nfn main() { std::process::exit(3) }\n```\n    indented(code);\n~~~\n#[doc(hidden)]\n*/ //! inner"
resolution = "\u202Ertl\u202C \u2066isolate\u2069 \u200Emark"
allow = ["non-canonical-meaning"]

[[endpoints.errors]]
status = 409
meaning = "Conflict"
description = "Brackets rustdoc would resolve: [x], [42], [Entry], [a](Foo), [w](crate::Foo); and not: `[e]`, [docs](https://example.com/a), [top](#top), [p](a/b)."
"#,
    );
    std::fs::create_dir_all(target_dir()).unwrap();
    let path = target_dir().join("hostile-plus.toml");
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

fn errcat(args: &[&str]) -> String {
    let exe = target_dir().join("debug/errcat");
    // Away from this package's errors.toml, which errcat would read instead
    // of the catalogue it was built with.
    let out = Command::new(exe)
        .current_dir(target_dir())
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Every string value in a TOML value, but method names and `allow`.
fn strings(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        toml::Value::Table(t) => t
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "allow" | "method"))
            .for_each(|(_, v)| strings(v, out)),
        _ => {}
    }
}

fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

#[test]
fn a_hostile_catalogue_round_trips_through_the_cli() {
    let (data, text) = hostile_data();
    let out = cargo_build(&data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let toml: toml::Value = toml::from_str(&text).unwrap();

    // render --format json holds every string of the file.
    let rendered: serde_json::Value =
        serde_json::from_str(&errcat(&["render", "--format", "json"])).unwrap();
    let mut found = Vec::new();
    json_strings(&rendered, &mut found);
    let mut expected = Vec::new();
    strings(&toml, &mut expected);
    for s in &expected {
        assert!(found.contains(s), "render lost {s:?}");
    }

    // lookup --format json gives each row's text fields back exactly.
    let endpoints = toml["endpoints"].as_array().unwrap();
    let tables = std::iter::once(("general", &toml["general"])).chain(endpoints.iter().map(|e| {
        (
            e.get("slug").and_then(|s| s.as_str()).unwrap_or("controls"),
            e,
        )
    }));
    let mut rows = 0;
    for (slug, table) in tables {
        for row in table["errors"].as_array().unwrap() {
            let status = row["status"].as_integer().unwrap().to_string();
            let got: serde_json::Value =
                serde_json::from_str(&errcat(&["lookup", slug, &status, "--format", "json"]))
                    .unwrap();
            for key in ["meaning", "description", "resolution"] {
                let want = row.get(key).and_then(|v| v.as_str());
                assert_eq!(got[key].as_str(), want, "{slug} {status} {key}");
            }
            rows += 1;
        }
    }
    assert_eq!(rows, 8);
}

/// The generated docs read data as text: brackets rustdoc would take for
/// intra-doc links to Rust items (`[x]`, `[a](Foo)`) are escaped, HTML and
/// code fences too, so they build with warnings denied.
#[test]
fn a_hostile_catalogue_documents_without_warnings() {
    let (data, _) = hostile_data();
    let args = [
        "doc",
        "-p",
        "error-catalogue",
        "--offline",
        "--locked",
        "--no-deps",
        "--lib",
        "--no-default-features",
        "--features",
        "entry-consts",
    ];
    let out = cargo(&data, &args, &[("RUSTDOCFLAGS", "-D warnings")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A crate outside this workspace, made as README's "Your own catalogue"
/// says: path dependencies on the two crates, a build script calling the
/// builder, `include_catalogue!()` in its lib. `post_build` runs at the end
/// of its build script (to stand in for another build crate's output).
fn third_party_crate(name: &str, data: &str, post_build: &str, lib_extra: &str) -> PathBuf {
    let dir = target_dir().join(name);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let root = root().display();
    let manifest = format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"

[workspace]

[dependencies]
error-catalogue = {{ path = "{root}", default-features = false }}
http = "1"

[build-dependencies]
error-catalogue-build = {{ path = "{root}/error-catalogue-build" }}
"#
    );
    let build = format!(
        "fn main() {{\n    error_catalogue_build::Builder::new().file(\"errors.toml\").run_build_script();\n    {post_build}\n}}\n"
    );
    let lib =
        format!("pub mod api {{\n    error_catalogue::include_catalogue!();\n}}\n{lib_extra}");
    for (file, text) in [
        ("Cargo.toml", manifest.as_str()),
        ("build.rs", build.as_str()),
        ("src/lib.rs", lib.as_str()),
        ("errors.toml", data),
    ] {
        std::fs::write(dir.join(file), text).unwrap();
    }
    // The workspace's lock pins the same versions, offline.
    std::fs::copy(root_lock(), dir.join("Cargo.lock")).unwrap();
    dir
}

fn root_lock() -> PathBuf {
    root().join("Cargo.lock")
}

/// `cargo build` of a crate made by [`third_party_crate`].
fn build_third_party(dir: &Path) -> Output {
    let _one_at_a_time = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    inner_cargo(dir, &["build", "--offline", "--lib"])
        .output()
        .unwrap()
}

#[test]
fn a_third_party_crate_fails_on_bad_data_as_the_shipped_one_does() {
    let text = std::fs::read_to_string(root().join("errors.toml"))
        .unwrap()
        .replacen("status = 409", "status = 4090", 1);
    let dir = third_party_crate("tp-broken", &text, "", "");
    let out = build_third_party(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    let line = text[..text.find("status = 4090").unwrap()].lines().count() + 1;
    let shown = dir.join("errors.toml");
    let expected = format!(
        "error: tp-broken@0.1.0: {}:{line}:10: error[E0006]: status 4090 is outside 100–599; help: ",
        shown.display()
    );
    assert!(stderr.contains(&expected), "{expected}\n---\n{stderr}");
    assert!(
        stderr.contains("error: build script logged errors"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Code generated for another contract version does not compile, and the
/// error names both versions: the one the code asks for, the one the
/// runtime has.
#[test]
fn a_contract_version_mismatch_is_one_named_compile_error() {
    let data = std::fs::read_to_string(root().join("errors.toml")).unwrap();
    let runtime = format!("CONTRACT_V{}", error_catalogue_records::CONTRACT_VERSION);
    let next = format!(
        "CONTRACT_V{}",
        error_catalogue_records::CONTRACT_VERSION + 1
    );
    // The generated file as a build crate of the next contract would write it.
    let post = format!(
        "let out = std::path::Path::new(&std::env::var(\"OUT_DIR\").unwrap()).join(\"error_catalogue.rs\");\n    \
         let code = std::fs::read_to_string(&out).unwrap().replace(\"{runtime}\", \"{next}\");\n    \
         std::fs::write(&out, code).unwrap();"
    );
    let dir = third_party_crate("tp-guard", &data, &post, "");
    let out = build_third_party(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("cannot find value `{next}` in module `__private`")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&runtime),
        "the runtime's version is named: {stderr}"
    );
    // One error, not one per generated item.
    assert_eq!(stderr.matches("error[E").count(), 1, "{stderr}");
}

/// README's three commands, the library way: a real API description
/// (moby's swagger.yaml, trimmed) imported, then built as a crate through
/// the public path.
#[test]
fn an_imported_openapi_description_builds_as_a_third_party_crate() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/openapi/docker-engine-v1.56.yaml");
    let imported = error_catalogue_build::import::openapi_file(&spec).unwrap();
    let dir = third_party_crate("tp-imported", &imported.toml, "", "");
    let out = build_third_party(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Deprecation in the data reaches the code: naming a deprecated endpoint,
/// entry constant or typed-error variant warns with the data's note, and the
/// generated code itself compiles without a warning.
#[test]
fn deprecated_items_warn_where_code_names_them() {
    let data = std::fs::read_to_string(root().join("errors.toml"))
        .unwrap()
        .replacen(
            "path = \"/v1/manage/tracker/{trackerId}\"",
            "path = \"/v1/manage/tracker/{trackerId}\"\ndeprecated = \"Use List Trackers with a name filter.\"",
            1,
        )
        .replacen(
            "status = 409\n",
            "status = 409\ndeprecated = \"Names are no longer unique.\"\n",
            1,
        );
    let uses = "pub fn uses() -> u16 {\n    \
                let _ = api::Endpoint::GetTracker;\n    \
                let _ = api::CreateTrackersError::Conflict;\n    \
                api::codes::CREATE_TRACKERS_409.code()\n}\n";
    let dir = third_party_crate("tp-deprecated", &data, "", uses);
    let out = build_third_party(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for expected in [
        "use of deprecated unit variant `api::Endpoint::GetTracker`: Use List Trackers with a name filter.",
        "use of deprecated unit variant `api::CreateTrackersError::Conflict`: Names are no longer unique.",
        "use of deprecated constant `api::codes::CREATE_TRACKERS_409`: Names are no longer unique.",
    ] {
        assert!(stderr.contains(expected), "{expected}\n---\n{stderr}");
    }
    // Those three, and nothing from the generated code.
    assert_eq!(
        stderr.matches("warning: use of deprecated").count(),
        3,
        "{stderr}"
    );
    assert!(!stderr.contains("out/error_catalogue.rs"), "{stderr}");
}

/// `include_catalogue!("billing")` where no builder made that catalogue: one
/// compile error naming the file and the builder call that makes it.
#[test]
fn a_missing_named_catalogue_is_one_error_naming_the_builder_call() {
    let data = std::fs::read_to_string(root().join("errors.toml")).unwrap();
    let extra = "pub mod billing {\n    error_catalogue::include_catalogue!(\"billing\");\n}\n";
    let dir = third_party_crate("tp-missing", &data, "", extra);
    let out = build_third_party(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    let expected = "no catalogue named \"billing\" was generated for this crate (error_catalogue.billing.rs): call `error_catalogue_build::Builder::new().name(\"billing\")` in build.rs";
    assert!(stderr.contains(expected), "{stderr}");
    assert_eq!(
        stderr.matches("error: ").count() - stderr.matches("error: could not compile").count(),
        1,
        "{stderr}"
    );
}

/// The real API descriptions of `tests/fixtures/openapi/` (Box's uploads
/// with their own servers and `ClientError` codes, Box's `#fragment` and
/// `thumbnail.{extension}` paths, GitHub's multi-segment parameters, the
/// Museum API), each imported, built as one named catalogue of one crate
/// through the public path, and routing real requests of its API in that
/// crate's own test.
#[test]
fn real_api_descriptions_build_as_crates_and_route_their_requests() {
    let specs = [
        ("box_uploads", "box-platform-2024.0-uploads.json"),
        ("box_shared_links", "box-platform-2024.0-shared-links.json"),
        ("github", "github-rest-2022-11-28.yaml"),
        ("museum", "museum-1.2.1.yaml"),
    ];
    let dir = target_dir().join("tp-real-specs");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let (mut build, mut lib) = (String::from("fn main() {\n"), String::new());
    for (name, file) in specs {
        let spec = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/openapi")
            .join(file);
        let imported = error_catalogue_build::import::openapi_file(&spec).unwrap();
        std::fs::write(dir.join(format!("{name}.toml")), &imported.toml).unwrap();
        build.push_str(&format!(
            "    error_catalogue_build::Builder::new().name(\"{name}\").file(\"{name}.toml\").run_build_script();\n"
        ));
        lib.push_str(&format!(
            "pub mod {name} {{\n    error_catalogue::include_catalogue!(\"{name}\");\n}}\n"
        ));
    }
    build.push_str("}\n");
    // Real request lines of each API, and the endpoint each routes to.
    lib.push_str(
        r#"
#[cfg(test)]
mod real_requests {
    use crate::{box_shared_links, box_uploads, github, museum};
    use http::Method;

    #[test]
    fn route() {
        let requests = [
            (box_uploads::Endpoint::route(&Method::POST, "https://upload.box.com/api/2.0/files/content").map(|e| e.slug()), "post-files-content"),
            (box_uploads::Endpoint::route(&Method::PUT, "https://upload.box.com/api/2.0/files/upload_sessions/F971964745A5CD0C001BBE4E58196BFD").map(|e| e.slug()), "put-files-upload-sessions-id"),
            (box_uploads::Endpoint::route(&Method::POST, "https://api.box.com/oauth2/token").map(|e| e.slug()), "post-oauth2-token"),
            (box_uploads::Endpoint::route(&Method::POST, "https://api.box.com/2.0/folders/0/copy").map(|e| e.slug()), "post-folders-id-copy"),
            (box_shared_links::Endpoint::route(&Method::PUT, "https://api.box.com/2.0/files/12345?fields=shared_link").map(|e| e.slug()), "put-files-id"),
            (box_shared_links::Endpoint::route(&Method::GET, "https://api.box.com/2.0/files/12345/thumbnail.png?min_height=256").map(|e| e.slug()), "get-files-id-thumbnail-id"),
            (github::Endpoint::route(&Method::PUT, "https://api.github.com/repos/octocat/hello/contents/docs/guide/intro.md").map(|e| e.slug()), "repos-create-or-update-file-contents"),
            (github::Endpoint::route(&Method::POST, "https://api.github.com/repos/octocat/hello/branches/feature/x/rename").map(|e| e.slug()), "repos-rename-branch"),
            (museum::Endpoint::route(&Method::GET, "https://redocly.com/_mock/docs/openapi/museum-api/special-events/dad4bce8-f5cb-4078-a211-995864315e39").map(|e| e.slug()), "get-special-event"),
            (museum::Endpoint::route(&Method::GET, "/_mock/docs/openapi/museum-api/tickets/a54a57ca-36f8-421b-a6b4-2e8f26858a4c/qr").map(|e| e.slug()), "get-ticket-code"),
        ];
        for (routed, slug) in requests {
            assert_eq!(routed, Some(slug));
        }
        // Box's ClientError codes, from the spec's enum and its bulleted descriptions.
        let code = box_uploads::lookup_code("item_name_in_use").unwrap();
        assert_eq!(code.app_code(), Some("item_name_in_use"));
        assert!(github::Endpoint::route(&Method::GET, "https://api.github.com/repos/octocat/hello/contents").is_none());
    }
}
"#,
    );
    let root_dir = root().display();
    let manifest = format!(
        "[package]\nname = \"tp-real-specs\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace]\n\n\
         [dependencies]\nerror-catalogue = {{ path = \"{root_dir}\", default-features = false }}\nhttp = \"1\"\n\n\
         [build-dependencies]\nerror-catalogue-build = {{ path = \"{root_dir}/error-catalogue-build\" }}\n"
    );
    for (file, text) in [
        ("Cargo.toml", manifest),
        ("build.rs", build),
        ("src/lib.rs", lib),
    ] {
        std::fs::write(dir.join(file), text).unwrap();
    }
    std::fs::copy(root_lock(), dir.join("Cargo.lock")).unwrap();

    let _one_at_a_time = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    let out = inner_cargo(&dir, &["test", "--offline", "--lib"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("test real_requests::route ... ok"),
        "{stdout}"
    );
}
