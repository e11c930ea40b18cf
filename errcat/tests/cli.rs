//! The errcat binary through its real command line: output, JSON and exit codes.

use assert_cmd::Command;

fn errcat() -> Command {
    Command::cargo_bin("errcat").unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = errcat().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn lookup_finds_the_endpoint_entry() {
    let out = stdout_of(&["lookup", "create-trackers", "409"]);
    assert!(
        out.starts_with("Create Trackers (POST /v1/manage/trackers): 409 Conflict\n"),
        "{out}"
    );
    assert!(out.contains("Resolution: Modify the name of the Tracker"));
    assert!(out.contains("Retryable: no"));
}

#[test]
fn lookup_text_is_plain() {
    let out = stdout_of(&["lookup", "async-text-api", "429"]);
    assert!(out.contains("maximum of X number"), "{out}");
    assert!(!out.contains('`'));
}

#[test]
fn lookup_falls_back_and_takes_names() {
    let out = stdout_of(&["lookup", "Get Tracker", "401"]);
    assert!(
        out.starts_with("HTTP Codes (general): 401 Unauthorized"),
        "{out}"
    );
    let out = stdout_of(&["lookup", "general", "500"]);
    assert!(out.contains("Retryable: yes"));
}

#[test]
fn lookup_json() {
    let out = stdout_of(&["lookup", "get-tracker", "404", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["status"], 404);
    assert_eq!(v["endpoint"], "get-tracker");
    assert_eq!(
        v["resolution"],
        "Check the trackerId and ensure that it is valid and exists."
    );
}

#[test]
fn lookup_exit_codes() {
    errcat()
        .args(["lookup", "get-tracker", "418"])
        .assert()
        .code(1);
    let out = errcat()
        .args(["lookup", "create-tracker", "409"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("did you mean 'create-trackers'?"), "{err}");
    for bad in [
        ["lookup", "create-trackers", "99"],
        ["lookup", "create-trackers", "x"],
        ["lookup", "create-trackers", "600"],
    ] {
        let out = errcat().args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
    }
    let out = errcat()
        .args(["lookup", "create-trackers", "409", "--frmat", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--format"), "{err}");
}

#[test]
fn list_filters_and_aligns() {
    let out = stdout_of(&["list"]);
    assert_eq!(out.lines().count(), 1 + 18);
    let out = stdout_of(&["list", "--endpoint", "create-trackers"]);
    assert_eq!(out.lines().count(), 1 + 7);
    let columns: Vec<usize> = out
        .lines()
        .map(|l| {
            l.find("STATUS")
                .or_else(|| l.find(char::is_numeric))
                .unwrap()
        })
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{out}");
    let out = stdout_of(&["list", "--status", "429", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    errcat().args(["list", "--status", "abc"]).assert().code(2);
}

#[test]
fn render_json_is_the_whole_catalogue() {
    let out = stdout_of(&["render", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v, serde_json::to_value(error_catalogue::Catalogue).unwrap());
    let dir = std::env::temp_dir().join(format!("errcat-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("catalogue.json");
    errcat()
        .args(["render", "--format", "json", "-o"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), out);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A reader that closes the pipe early (`errcat … | head -1`) ends errcat
/// quietly, whatever it was writing: help, a table or a page.
#[test]
fn a_closed_stdout_is_no_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let bin = assert_cmd::cargo::cargo_bin("errcat");
    for args in [
        &["lookup", "--help"][..],
        &["list"],
        &["render", "--format", "html"],
    ] {
        let mut child = std::process::Command::new(&bin)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end at once, before errcat has written.
        drop(child.stdout.take());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(status.code().is_some(), "{args:?}: killed ({status})");
    }
}
