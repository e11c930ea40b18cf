//! The Python runner: `mypy --strict` over `errors.py` and the driver, then
//! the driver under `python3` (both from the tools directory's venv when
//! there, else `PATH`).

use std::path::Path;
use std::process::Command;

use super::{Language, tool};

/// Python as the harness drives it.
pub const LANGUAGE: Language = Language {
    format: "python",
    tools: &["mypy", "python3"],
    run,
    lacks: &[],
};

/// The driver, copied beside the module.
const DRIVER: &str = include_str!("../languages/driver.py");

/// Type-checks the module and the driver in `dir`, then runs the driver over
/// `queries`: what it printed. Panics with the tool's output on failure.
pub fn run(dir: &Path, queries: &Path) -> String {
    std::fs::write(dir.join("driver.py"), DRIVER).unwrap();
    let checked = Command::new(tool("mypy").unwrap())
        .current_dir(dir)
        // The cache stays in the scratch directory, out of $HOME.
        .args([
            "--strict",
            "--cache-dir",
            ".mypy_cache",
            "errors.py",
            "driver.py",
        ])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "mypy --strict:\n{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
    let ran = Command::new(tool("python3").unwrap())
        .current_dir(dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .arg("driver.py")
        .arg(queries)
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "python3 driver.py:\n{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    String::from_utf8(ran.stdout).unwrap()
}
