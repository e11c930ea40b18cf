//! `errcat explain` and `errcat lookup "METHOD PATH"` through the real
//! command line: output, JSON, stdin bodies and exit codes.

use assert_cmd::Command;

mod common;

fn errcat() -> Command {
    Command::cargo_bin("errcat").unwrap()
}

/// Runs errcat; returns (exit code, stdout, stderr).
fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let out = errcat().args(args).write_stdin(stdin).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn explains_an_endpoint_entry() {
    let (code, out, err) = run(&["explain", "GET", "/v1/manage/tracker/abc", "404"], b"");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Get Tracker → 404 Not Found: The 404 response code specifies"),
        "{out}"
    );
    assert!(out.contains("Fix: Check the trackerId"), "{out}");
}

#[test]
fn explains_from_the_general_table_saying_so() {
    let (code, out, _) = run(
        &["explain", "get", "https://api.symbl.ai/nowhere?x", "401"],
        b"",
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("(no endpoint matches; general table: HTTP Codes) → 401 Unauthorized"),
        "{out}"
    );
    let (code, out, _) = run(&["explain", "GET", "/v1/manage/tracker/x", "400"], b"");
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Get Tracker (general table: HTTP Codes) → 400"),
        "{out}"
    );
}

#[test]
fn quotes_the_server_from_a_body_file_or_stdin() {
    let body = br#"{"message": "Tracker name taken"}"#;
    let (code, out, _) = run(
        &[
            "explain",
            "POST",
            "/v1/manage/trackers",
            "409",
            "--body",
            "-",
        ],
        body,
    );
    assert_eq!(code, 0);
    assert!(
        out.trim_end()
            .ends_with("(server said: \"Tracker name taken\")"),
        "{out}"
    );
    let dir = std::env::temp_dir().join(format!("errcat-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("body.json");
    std::fs::write(&file, b"\xff not json").unwrap();
    let (code, out, _) = run(
        &[
            "explain",
            "POST",
            "/v1/manage/trackers",
            "409",
            "--body",
            file.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 0);
    assert!(!out.contains("server said"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_output() {
    let (code, out, _) = run(
        &[
            "explain",
            "POST",
            "/v1/process/text",
            "429",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["endpoint"], "async-text-api");
    assert_eq!(v["entry"]["anchor"], "async-text-api-429");
    assert_eq!(v["retryable"], true);
}

#[test]
fn exit_codes_and_one_line_errors() {
    let (code, _, err) = run(&["explain", "GET", "/v1/manage/tracker/x", "418"], b"");
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    for bad in [
        ["explain", "G T", "/x", "404"].as_slice(),
        &["explain", "GET", "nowhere", "404"],
        &["explain", "GET", "/x", "4040"],
        &[
            "explain",
            "GET",
            "/x",
            "404",
            "--body",
            "/nonexistent/body.json",
        ],
        &["explain", "GET", "/x", "404", "--format", "yaml"],
        &["explain", "GET", "/x"],
    ] {
        let (code, _, err) = run(bad, b"");
        assert_eq!(code, 2, "{bad:?}");
        assert_eq!(err.lines().count(), 1, "{bad:?}: {err}");
    }
}

#[test]
fn lookup_takes_a_request_as_its_endpoint() {
    let (code, out, _) = run(&["lookup", "GET /v1/manage/tracker/abc", "404"], b"");
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Get Tracker (GET /v1/manage/tracker/{trackerId}): 404"),
        "{out}"
    );
    let (code, out, _) = run(
        &[
            "lookup",
            "POST https://api.symbl.ai/v1/manage/trackers/",
            "409",
        ],
        b"",
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("Create Trackers"), "{out}");
    let (code, _, err) = run(&["lookup", "POST /nope", "404"], b"");
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("no endpoint matches 'POST /nope'"), "{err}");
    // Names with spaces still parse as names.
    let (code, _, _) = run(&["lookup", "Get Tracker", "404"], b"");
    assert_eq!(code, 0);
}

/// Docker's catalogue, read at run time: a versioned request for a
/// multi-segment image name routes through its base path.
#[test]
fn explains_through_a_base_path_and_a_multi_segment_name() {
    let file = common::root().join("catalogues/docker-engine/errors.toml");
    let body = br#"{"message":"No such image: library/ubuntu:99"}"#;
    let (code, out, err) = run(
        &[
            "-c",
            file.to_str().unwrap(),
            "explain",
            "GET",
            "/v1.43/images/library/ubuntu:99/json",
            "404",
            "--format",
            "json",
            "--body",
            "-",
        ],
        body,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["endpoint"], "image-inspect", "{out}");
    assert_eq!(v["entry"]["anchor"], "image-inspect-404", "{out}");
    assert_eq!(
        v["server_message"], "No such image: library/ubuntu:99",
        "{out}"
    );
}
