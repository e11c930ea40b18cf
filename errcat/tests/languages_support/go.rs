//! The Go runner of the agreement test: the generated module (`errors.go`,
//! package `errcatalog`) and `languages/driver.go` as a Go module of their
//! own, held to `gofmt -l` (the file is as gofmt writes it) and `go vet`,
//! then run with `go run`. The build cache is the workspace target's
//! (`CARGO_TARGET_TMPDIR/go-cache`), so nothing is written to `$HOME` and a
//! second run compiles only what changed.

use std::path::{Path, PathBuf};
use std::process::Command;

use error_catalogue::render::Format;

use super::Language;

/// Go, as the harness drives it.
pub const LANGUAGE: Language = Language {
    format: "go",
    tools: &["go", "gofmt"],
    run,
    lacks: &["example"],
};

/// The driver, read at compile time: the test needs no source tree path.
const DRIVER: &str = include_str!("../languages/driver.go");

/// Answers `queries` through the Go module in `dir` (the driver is package
/// main, importing the module as `errcattest/errcatalog`), after `gofmt -l`
/// and `go vet` over both: the driver's stdout. Panics with the tool's
/// output when a check or the run fails.
pub fn run(dir: &Path, queries: &Path) -> String {
    let go = super::tool("go").expect("go is installed");
    let gofmt = super::tool("gofmt").expect("gofmt is installed");
    let module = dir.join("go-driver");
    let package = module.join("errcatalog");
    std::fs::create_dir_all(&package).unwrap();
    std::fs::copy(dir.join(Format::Go.file_name()), package.join("errors.go")).unwrap();
    std::fs::write(module.join("go.mod"), "module errcattest\n\ngo 1.19\n").unwrap();
    std::fs::write(module.join("main.go"), DRIVER).unwrap();

    let unformatted = output(Command::new(gofmt).arg("-l").arg("."), &module, "gofmt -l");
    assert!(
        unformatted.trim().is_empty(),
        "not as gofmt writes them: {unformatted}"
    );
    output(Command::new(&go).args(["vet", "./..."]), &module, "go vet");
    output(
        Command::new(&go).args(["run", "."]).arg(queries),
        &module,
        "go run",
    )
}

/// Runs `command` in `dir` with Go's caches under the target directory:
/// its stdout, or a panic with its stderr.
fn output(command: &mut Command, dir: &Path, what: &str) -> String {
    let cache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("go-cache");
    let out = command
        .current_dir(dir)
        .env("GOCACHE", cache.join("build"))
        .env("GOPATH", cache.join("path"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("GOENV", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GO111MODULE", "on")
        .env("CGO_ENABLED", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{what} failed in {}:\n{stdout}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}
