//! Helpers shared by the tests: running errcat, scratch directories, git,
//! and the shipped catalogue with deprecations added.
// Each test binary uses a part.
#![allow(dead_code, unused_imports)]

// Shared with the library's tests (tests/loaded.rs).
#[path = "../../../tests/common/mod.rs"]
mod deprecated;

pub use deprecated::*;

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

/// The workspace root, which holds the shipped catalogue and the shared
/// fixtures.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// The shipped catalogue's path.
pub fn shipped() -> PathBuf {
    root().join("errors.toml")
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
