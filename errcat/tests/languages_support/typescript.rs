//! The TypeScript runner: `errors.ts` and the driver compiled by `tsc` with
//! `--strict` and the stricter checks a careful project turns on (no DOM
//! or Node types: the module needs neither), then run by `node`.

use std::path::Path;
use std::process::Command;

use super::{Language, tool};

/// TypeScript in the harness.
pub const LANGUAGE: Language = Language {
    format: "typescript",
    tools: &["tsc", "node"],
    run,
    lacks: &[],
};

/// The driver, copied beside the module.
const DRIVER: &str = include_str!("../languages/driver.ts");

/// What the module must compile under: `strict`, and every check beyond it
/// that a project may turn on.
const FLAGS: &[&str] = &[
    "--strict",
    "--noUncheckedIndexedAccess",
    "--exactOptionalPropertyTypes",
    "--noImplicitReturns",
    "--noFallthroughCasesInSwitch",
    "--noUnusedLocals",
    "--noUnusedParameters",
    "--noPropertyAccessFromIndexSignature",
    "--noImplicitOverride",
    "--verbatimModuleSyntax",
    "--isolatedModules",
    "--noEmitOnError",
    "--target",
    "es2022",
    "--module",
    "es2022",
    "--moduleResolution",
    "bundler",
    "--lib",
    "es2022",
];

/// Compiles `errors.ts` with the driver into `dir/out`, runs it over
/// `queries` and returns what it printed.
pub fn run(dir: &Path, queries: &Path) -> String {
    std::fs::write(dir.join("driver.ts"), DRIVER).unwrap();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    // Node reads the compiled `.js` files as ES modules.
    std::fs::write(out.join("package.json"), "{\"type\": \"module\"}\n").unwrap();
    let tsc = Command::new(tool("tsc").unwrap())
        .current_dir(dir)
        .args(FLAGS)
        .arg("--outDir")
        .arg(&out)
        .args(["errors.ts", "driver.ts"])
        .output()
        .unwrap();
    assert!(
        tsc.status.success(),
        "tsc rejects errors.ts:\n{}{}",
        String::from_utf8_lossy(&tsc.stdout),
        String::from_utf8_lossy(&tsc.stderr)
    );
    let node = Command::new(tool("node").unwrap())
        .arg(out.join("driver.js"))
        .arg(queries)
        .output()
        .unwrap();
    assert!(
        node.status.success(),
        "node driver.js failed:\n{}",
        String::from_utf8_lossy(&node.stderr)
    );
    String::from_utf8(node.stdout).unwrap()
}
