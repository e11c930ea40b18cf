//! `errcat check` through the built binary: good, bad, hostile and missing
//! files, both formats, exit statuses.

use std::path::PathBuf;

use assert_cmd::Command;

mod common;

fn errcat() -> Command {
    let mut cmd = Command::cargo_bin("errcat").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn fixture(name: &str) -> PathBuf {
    common::root().join("tests/fixtures").join(name)
}

/// A scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errcat-check-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const BAD: &str = r#"[page]
id = "errors"
title = "Error Codes"
slug = "/errors/"
docs_base_url = "https://docs.example.com"

[general]
title = "HTTP Codes"

[[general.errors]]
status = "409 - Conflict"
meaning = "Conflict"
resolutoin = "Rename it."

[[general.errors]]
status = 429
meaning = "Too many requests"
"#;

#[test]
fn the_shipped_catalogue_is_clean() {
    let out = errcat()
        .arg("check")
        .arg(common::shipped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.ends_with("errors.toml: ok (18 entries, 3 endpoints)\n"),
        "{stdout}"
    );
    assert!(out.stderr.is_empty());
}

/// A registry says its codes: Ably's has 276 and five endpoints.
#[test]
fn a_code_registry_is_clean_and_counts_its_codes() {
    let ably = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../catalogues/ably/errors.toml"
    );
    let out = errcat().arg("check").arg(ably).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.ends_with(" endpoints, 276 codes)\n"), "{stdout}");
}

#[test]
fn a_bad_file_gets_every_problem_located_and_exit_1() {
    let dir = scratch("bad");
    let path = dir.join("errors.toml");
    std::fs::write(&path, BAD).unwrap();
    let out = errcat().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let shown = path.display();
    for expected in [
        "error[E0005]: `status` must be an integer, found a string: \"409 - Conflict\"".to_string(),
        format!("--> {shown}:11:10"),
        "= help: write the status as a bare integer: `status = 409`".to_string(),
        "error[E0003]: unknown key \"resolutoin\" in [[general.errors]]".to_string(),
        format!("--> {shown}:13:1"),
        "did you mean `resolution`?".to_string(),
        "warning[W0001]: meaning \"Too many requests\"".to_string(),
        format!("{shown}: 2 errors, 1 warning\n"),
    ] {
        assert!(stdout.contains(&expected), "{expected}\n---\n{stdout}");
    }
    assert!(!stdout.contains('\u{1b}'), "no color when not a terminal");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_is_one_object_per_diagnostic() {
    let dir = scratch("json");
    let path = dir.join("errors.toml");
    std::fs::write(&path, BAD).unwrap();
    let out = errcat()
        .arg("check")
        .arg(&path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 3, "{stdout}");
    let first = &objects[0];
    assert_eq!(first["file"], path.display().to_string());
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(11), Some(10))
    );
    assert_eq!(first["end"], serde_json::json!({"line": 11, "column": 26}));
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "E0005");
    assert_eq!(first["name"], "wrong-type");
    assert_eq!(
        first["hint"],
        "write the status as a bare integer: `status = 409`"
    );
    assert_eq!(objects[1]["code"], "E0003");
    assert_eq!(objects[2]["severity"], "warning");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = scratch("warn");
    let path = dir.join("errors.toml");
    let text = BAD
        .replace("status = \"409 - Conflict\"", "status = 409")
        .replace("resolutoin", "resolution");
    std::fs::write(&path, text).unwrap();
    let out = errcat().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .ends_with(": 0 errors, 1 warning\n")
    );
    errcat()
        .arg("check")
        .arg(&path)
        .arg("--deny-warnings")
        .assert()
        .code(1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_hostile_fixture_has_no_errors() {
    let out = errcat()
        .arg("check")
        .arg(fixture("hostile.toml"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // Its one finding is the meaning it gives 400 on purpose.
    let stdout = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (v["code"].as_str(), v["line"].as_u64()),
        (Some("W0001"), Some(30))
    );
    assert_eq!(
        v["message"],
        r#"meaning "Bad \"Request\" <b>" differs from 400's reason phrase "Bad Request""#
    );
}

#[test]
fn a_missing_file_is_a_finding_not_a_usage_error() {
    let out = errcat()
        .args(["check", "/nonexistent/errors.toml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["code"], "E0001");
    assert_eq!(v["line"], serde_json::Value::Null);
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("/nonexistent/errors.toml")
    );
}

#[test]
fn default_file_is_the_current_directorys() {
    let dir = scratch("default");
    std::fs::write(dir.join("errors.toml"), BAD).unwrap();
    let out = errcat().current_dir(&dir).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .ends_with("errors.toml: 2 errors, 1 warning\n")
    );
    std::fs::remove_file(dir.join("errors.toml")).unwrap();
    // No errors.toml here: the package's own.
    let out = errcat().current_dir(&dir).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_arguments_exit_2_with_one_line() {
    for args in [
        vec!["check", "--format", "xml"],
        vec!["check", "--deny-warning"],
        vec!["check", "a.toml", "b.toml"],
    ] {
        let out = errcat().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
}
