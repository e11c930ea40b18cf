//! `errcat --catalogue FILE`: every command over any errors.toml, read and
//! checked at run time, answering byte for byte as the compiled catalogue
//! does: the shipped one (errcat's own build) and the third-party Docker
//! Engine one (the docker-engine-errors crate, compiled in).

use std::path::{Path, PathBuf};

mod common;

use common::root;
use docker_engine_errors::docker;
use error_catalogue::render::Format;

fn shipped_file() -> PathBuf {
    root().join("errors.toml")
}

fn docker_file() -> PathBuf {
    root().join("catalogues/docker-engine/errors.toml")
}

/// A directory without an errors.toml, so that errcat's default is its own
/// built-in catalogue.
fn elsewhere() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errcat-flag-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// errcat's stdout, in `dir`, asserting it succeeded.
fn errcat_in(dir: &Path, args: &[&str]) -> Vec<u8> {
    common::success_in(dir, args)
}

#[test]
fn the_shipped_file_answers_as_the_built_in_catalogue_in_every_command() {
    let dir = elsewhere();
    let file = shipped_file();
    let file = file.to_str().unwrap();
    let mut commands: Vec<Vec<&str>> = Format::ALL
        .iter()
        .map(|f| vec!["render", "--format", f.name()])
        .collect();
    commands.extend([
        vec!["lookup", "create-trackers", "409"],
        vec!["lookup", "get-tracker", "401", "--format", "json"],
        vec!["lookup", "general", "500"],
        vec!["lookup", "POST /v1/process/text", "429"],
        vec!["list"],
        vec!["list", "--endpoint", "create-trackers", "--format", "json"],
        vec!["explain", "GET", "/v1/manage/tracker/abc", "404"],
        vec!["explain", "POST", "/v2/nowhere", "405", "--format", "json"],
    ]);
    for args in commands {
        let built_in = errcat_in(&dir, &args);
        // Before and after the subcommand, short and long.
        let mut before = vec!["--catalogue", file];
        before.extend(&args);
        let mut after = args.clone();
        after.extend(["-c", file]);
        assert_eq!(errcat_in(&dir, &before), built_in, "{args:?}");
        assert_eq!(errcat_in(&dir, &after), built_in, "{args:?}");
    }
    // In a directory with an errors.toml, that file is the default.
    assert_eq!(
        errcat_in(root(), &["render", "--format", "mdx"]),
        errcat_in(&dir, &["render", "--format", "mdx"])
    );
}

#[test]
fn the_docker_file_answers_as_the_compiled_docker_crate() {
    let dir = elsewhere();
    let file = docker_file();
    let file = file.to_str().unwrap();
    for &format in Format::ALL {
        let mut compiled = Vec::new();
        docker::Catalogue.render(format, &mut compiled).unwrap();
        let loaded = errcat_in(&dir, &["-c", file, "render", "--format", format.name()]);
        assert!(loaded == compiled, "{} differs", format.name());
    }
    // lookup and list as JSON: the compiled entries, serialized.
    let entry = docker::lookup(
        docker::Endpoint::ContainerInspect,
        http::StatusCode::NOT_FOUND,
    );
    let expected = serde_json::to_string_pretty(&entry.unwrap()).unwrap() + "\n";
    let lookup = errcat_in(
        &dir,
        &[
            "-c",
            file,
            "lookup",
            "container-inspect",
            "404",
            "--format",
            "json",
        ],
    );
    assert_eq!(String::from_utf8(lookup).unwrap(), expected);
    let all: Vec<&docker::Entry> = docker::entries().iter().collect();
    let expected = serde_json::to_string_pretty(&all).unwrap() + "\n";
    let list = errcat_in(&dir, &["-c", file, "list", "--format", "json"]);
    assert_eq!(String::from_utf8(list).unwrap(), expected);
    // explain routes a real request through the loaded tables.
    let explained = errcat_in(
        &dir,
        &[
            "-c",
            file,
            "explain",
            "DELETE",
            "/containers/web?force=1",
            "409",
        ],
    );
    let text = String::from_utf8(explained).unwrap();
    assert!(
        text.starts_with("Container Delete → 409 Conflict: "),
        "{text}"
    );
}

#[test]
fn a_file_with_errors_is_located_on_stderr_and_exits_2() {
    let dir = elsewhere();
    let bad = dir.join("bad.toml");
    let text = std::fs::read_to_string(shipped_file()).unwrap().replacen(
        "status = 409",
        "status = 4090",
        1,
    );
    std::fs::write(&bad, &text).unwrap();
    let args = [
        "-c",
        bad.to_str().unwrap(),
        "lookup",
        "create-trackers",
        "409",
    ];
    let out = common::errcat_in(&dir, &args);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let line = text[..text.find("status = 4090").unwrap()].lines().count() + 1;
    assert!(stderr.contains("error[E0006]"), "{stderr}");
    assert!(stderr.contains(&format!("bad.toml:{line}:10")), "{stderr}");
}

#[test]
fn the_size_limit_is_set_on_the_command_line_and_named_in_the_hint() {
    let dir = elsewhere();
    let file = shipped_file();
    let args = ["-c", file.to_str().unwrap(), "--max-bytes", "100", "list"];
    let out = common::errcat_in(&dir, &args);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("E0017"), "{stderr}");
    assert!(stderr.contains("errcat --max-bytes"), "{stderr}");
    // Raised, the same file loads.
    let big = [
        "-c",
        file.to_str().unwrap(),
        "--max-bytes",
        "100000000",
        "list",
    ];
    assert!(!errcat_in(&dir, &big).is_empty());
}

/// Text output escapes control characters from the data, as `check` shows
/// them: a catalogue cannot move a terminal's cursor or recolour its text.
#[test]
fn lookup_and_list_escape_control_characters() {
    let dir = elsewhere();
    let file = dir.join("controls.toml");
    let text = std::fs::read_to_string(shipped_file()).unwrap().replacen(
        "description = \"Your API key is invalid.\"",
        "description = \"Your API key \\u001b[31mis\\u001b[0m invalid.\\u202e\\nSecond line.\"",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let file = file.to_str().unwrap();
    for args in [
        vec!["-c", file, "lookup", "general", "401"],
        vec!["-c", file, "list", "--status", "401"],
    ] {
        let out = String::from_utf8(errcat_in(&dir, &args)).unwrap();
        assert!(!out.contains(['\u{1b}', '\u{202e}']), "{args:?}: {out:?}");
    }
    let out =
        String::from_utf8(errcat_in(&dir, &["-c", file, "lookup", "general", "401"])).unwrap();
    assert!(
        out.contains("Your API key \\u{1b}[31mis\\u{1b}[0m invalid.\\u{202e}\n"),
        "{out}"
    );
    // JSON keeps the data exactly (serde_json escapes it).
    let json = errcat_in(
        &dir,
        &["-c", file, "lookup", "general", "401", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(json["description"].as_str().unwrap().contains("\u{1b}[31m"));
}
