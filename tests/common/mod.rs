//! Helpers shared by the tests: running errcat, scratch directories, git,
//! and the shipped catalogue with deprecations added.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The errcat binary, with a clean environment for color.
pub fn errcat() -> Command {
    let mut cmd = Command::cargo_bin("errcat").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs errcat in `dir` with `args`.
pub fn errcat_in(dir: &Path, args: &[&str]) -> Output {
    errcat().current_dir(dir).args(args).output().unwrap()
}

/// errcat's stdout in `dir` with `args`, asserting that it succeeded.
pub fn success_in(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = errcat_in(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A scratch directory, removed when dropped.
pub fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("errcat-test-")
        .tempdir()
        .unwrap()
}

/// The shipped catalogue's path.
pub fn shipped() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("errors.toml")
}

/// Runs git in `dir`, with a fixed identity and no user or system config.
pub fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args([
            "-c",
            "user.name=errcat test",
            "-c",
            "user.email=test@example.com",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Get Tracker's deprecation note in [`deprecated_catalogue_text`].
pub const ENDPOINT_NOTE: &str = "Use List Trackers with a name filter.";
/// Create Trackers' 409's deprecation note in [`deprecated_catalogue_text`].
pub const ENTRY_NOTE: &str = "Names are no longer unique.";

/// The shipped errors.toml with Get Tracker and Create Trackers' 409
/// deprecated ([`ENDPOINT_NOTE`], [`ENTRY_NOTE`]).
pub fn deprecated_catalogue_text() -> String {
    std::fs::read_to_string(shipped())
        .unwrap()
        .replacen(
            "path = \"/v1/manage/tracker/{trackerId}\"",
            &format!(
                "path = \"/v1/manage/tracker/{{trackerId}}\"\ndeprecated = \"{ENDPOINT_NOTE}\""
            ),
            1,
        )
        .replacen(
            "status = 409\n",
            &format!("status = 409\ndeprecated = \"{ENTRY_NOTE}\"\n"),
            1,
        )
}
