//! `errcat render` through its real command line: every format to stdout
//! and to a file, `--all DIR`, and one-line errors for bad arguments.

use assert_cmd::Command;
use error_catalogue::render::{Format, render};

fn errcat() -> Command {
    Command::cargo_bin("errcat").unwrap()
}

fn library(format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    render(format, &mut out).unwrap();
    out
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("errcat-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn every_format_prints_what_the_library_renders() {
    for &format in Format::ALL {
        let out = errcat()
            .args(["render", "--format", format.name()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", format.name());
        assert_eq!(out.stdout, library(format), "{}", format.name());
    }
}

#[test]
fn output_file_and_all_dir() {
    let dir = temp_dir("render-all");
    errcat()
        .arg("render")
        .arg("--all")
        .arg(&dir)
        .assert()
        .success();
    for &format in Format::ALL {
        let written = std::fs::read(dir.join(format.file_name())).unwrap();
        assert_eq!(written, library(format), "{}", format.file_name());
    }
    let file = dir.join("page.mdx");
    errcat()
        .args(["render", "--format", "mdx", "-o"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(std::fs::read(&file).unwrap(), library(Format::Mdx));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_arguments_get_one_line_and_exit_2() {
    let dir = temp_dir("render-bad");
    std::fs::create_dir_all(&dir).unwrap();
    let blocker = dir.join("file");
    std::fs::write(&blocker, "x").unwrap();
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["render".into()],
        vec!["render".into(), "--format".into(), "html5".into()],
        vec![
            "render".into(),
            "--format".into(),
            "mdx".into(),
            "--all".into(),
            dir.clone().into(),
        ],
        vec![
            "render".into(),
            "--format".into(),
            "mdx".into(),
            "-o".into(),
            blocker.join("x").into(),
        ],
        vec!["render".into(), "--all".into(), blocker.join("sub").into()],
    ];
    for args in cases {
        let out = errcat().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("errcat: "), "{err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A catalogue of integer codes (`--catalogue`) renders its codes as JSON
/// numbers, in the row that lists them and in `codes`, valid against
/// schema/catalogue.schema.json.
#[test]
fn integer_codes_render_as_json_numbers_valid_against_the_schema() {
    let dir = temp_dir("integer-codes");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("errors.toml");
    std::fs::write(
        &file,
        r#"
[page]
id = "errors"
title = "Errors"
slug = "/errors/"
docs_base_url = "https://example.com/docs"

[general]
title = "General"

[[general.errors]]
status = 401
meaning = "Unauthorized"
codes = [40140]

[[codes]]
code = 40140
status = 401
meaning = "Token error"
"#,
    )
    .unwrap();
    let out = errcat()
        .args([
            "--catalogue",
            file.to_str().unwrap(),
            "render",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["general"]["entries"][0]["codes"],
        serde_json::json!([40140])
    );
    assert_eq!(json["codes"][0]["code"], 40140);
    assert_eq!(json["codes"][0]["anchor"], "code-40140");
    assert_eq!(
        json["code_pointers"],
        serde_json::json!(["/error/code", "/error", "/code"])
    );
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schema/catalogue.schema.json")).unwrap();
    let v = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
