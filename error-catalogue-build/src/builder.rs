//! [`Builder`]: the prost-build-style entry point for a `build.rs`.

use std::path::{Path, PathBuf};

use crate::codegen::{self, Options};
use crate::{Report, check_file_with_limit, read};

/// The environment variable that names another data file.
pub const DATA_FILE_ENV: &str = "ERROR_CATALOGUE_TOML";

/// The environment variable that raises (or lowers) the data file's size
/// limit, in bytes, for catalogues known to be large (the scale study's 10⁵
/// entries are 37 MB); the default is [`read::MAX_FILE_BYTES`].
pub const MAX_BYTES_ENV: &str = "ERROR_CATALOGUE_MAX_BYTES";

/// The generated file's name in the output directory.
pub const GENERATED_FILE: &str = "error_catalogue.rs";

/// Configures and runs generation.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    file: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    options: Options,
    no_env: bool,
    max_file_bytes: Option<u64>,
}

/// Why generation failed.
#[derive(Debug)]
pub enum Error {
    /// The data file has errors; the report has them all.
    Invalid(Box<Report>),
    /// Writing the output failed, or `OUT_DIR` was not set.
    Io(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Invalid(report) => f.write_str(&report.render(false)),
            Error::Io(err) => write!(f, "cannot write the generated code: {err}"),
        }
    }
}

impl std::error::Error for Error {}

impl Builder {
    /// A builder over `errors.toml` beside the package's Cargo.toml, or the
    /// file `ERROR_CATALOGUE_TOML` names (absolute, or relative to the package root).
    pub fn new() -> Self {
        Builder::default()
    }

    /// Uses this data file (relative paths are taken from the package root in
    /// a build script). `ERROR_CATALOGUE_TOML` still wins, unless [`Builder::ignore_env`].
    pub fn file(mut self, path: impl Into<PathBuf>) -> Self {
        self.file = Some(path.into());
        self
    }

    /// Ignores `ERROR_CATALOGUE_TOML`.
    pub fn ignore_env(mut self) -> Self {
        self.no_env = true;
        self
    }

    /// Writes into this directory instead of `OUT_DIR`.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Accepts data files up to `bytes` long instead of [`read::MAX_FILE_BYTES`].
    pub fn max_file_bytes(mut self, bytes: u64) -> Self {
        self.max_file_bytes = Some(bytes);
        self
    }

    /// The size limit in force: `ERROR_CATALOGUE_MAX_BYTES` (unless
    /// [`Builder::ignore_env`]), else [`Builder::max_file_bytes`], else
    /// [`read::MAX_FILE_BYTES`].
    pub fn size_limit(&self) -> u64 {
        let from_env = if self.no_env {
            None
        } else {
            std::env::var(MAX_BYTES_ENV)
                .ok()
                .and_then(|v| v.trim().parse().ok())
        };
        from_env
            .or(self.max_file_bytes)
            .unwrap_or(read::MAX_FILE_BYTES)
    }

    /// Whether to generate one named constant per entry (default: yes).
    pub fn entry_consts(mut self, yes: bool) -> Self {
        self.options.entry_consts = yes;
        self
    }

    /// The data file this builder will read.
    pub fn data_file(&self) -> PathBuf {
        let root = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
        let from_env = if self.no_env {
            None
        } else {
            std::env::var_os(DATA_FILE_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let path = from_env
            .or_else(|| self.file.clone())
            .unwrap_or_else(|| PathBuf::from("errors.toml"));
        match root {
            Some(root) if path.is_relative() => root.join(path),
            _ => path,
        }
    }

    /// Reads, checks and writes `error_catalogue.rs` into the output directory.
    /// Returns the report (its warnings are worth showing) and the file written.
    pub fn generate(&self) -> Result<(Report, PathBuf), Error> {
        let report = check_file_with_limit(self.data_file(), self.size_limit());
        let Some(catalogue) = &report.catalogue else {
            return Err(Error::Invalid(Box::new(report)));
        };
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| {
                    Error::Io(std::io::Error::other("OUT_DIR is not set; call out_dir()"))
                })?,
        };
        let source = codegen::source(catalogue, self.options);
        let out = out_dir.join(GENERATED_FILE);
        write_if_changed(&out, &source).map_err(Error::Io)?;
        Ok((report, out))
    }

    /// For `build.rs`: declares what reruns the build, generates, and reports
    /// every diagnostic as one line, errors through `cargo::error=` and
    /// warnings through `cargo::warning=`, with the full rustc-style reports
    /// on stderr (shown by `cargo build -vv`; `errcat check` shows them too).
    ///
    /// It returns normally even on errors: `cargo::error=` fails the build by
    /// itself, and cargo then prints just the located lines and "build script
    /// logged errors", where a non-zero exit would add the script's whole
    /// stdout and stderr, every error three times.
    pub fn run_build_script(&self) {
        println!("cargo::rerun-if-env-changed={DATA_FILE_ENV}");
        println!("cargo::rerun-if-env-changed={MAX_BYTES_ENV}");
        let data_file = self.data_file();
        println!("cargo::rerun-if-changed={}", data_file.display());
        match self.generate() {
            Ok((report, _)) => {
                for d in &report.diagnostics {
                    println!("cargo::warning={}", report.source.one_line(d));
                }
            }
            Err(Error::Invalid(report)) => {
                eprintln!("{}", report.render(false));
                for d in &report.diagnostics {
                    let kind = if d.is_error() { "error" } else { "warning" };
                    println!("cargo::{kind}={}", report.source.one_line(d));
                }
            }
            Err(Error::Io(err)) => {
                let line = format!("error-catalogue-build: {err}").replace(['\n', '\r'], " ");
                println!("cargo::error={line}");
            }
        }
    }
}

/// Writes only when the content differs, so unchanged data keeps file times.
fn write_if_changed(path: &Path, content: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    std::fs::write(path, content)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ecb-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    const SMALL: &str = r#"
[page]
id = "e"
title = "Errors"
slug = "/errors/"
docs_base_url = "https://example.com/docs"

[general]
title = "General"

[[general.errors]]
status = 404
meaning = "Not Found"

[[endpoints]]
name = "Get Thing"
method = "GET"
path = "/things/{id}"

[[endpoints.errors]]
status = 404
meaning = "Not Found"
description = "No thing has that id."
"#;

    #[test]
    fn generates_into_the_out_dir() {
        let dir = temp_dir("gen");
        let data = dir.join("errors.toml");
        std::fs::write(&data, SMALL).unwrap();
        let (report, out) = Builder::new()
            .ignore_env()
            .file(&data)
            .out_dir(&dir)
            .generate()
            .unwrap();
        assert_eq!(out, dir.join(GENERATED_FILE));
        assert!(!report.has_errors());
        let code = std::fs::read_to_string(&out).unwrap();
        assert!(code.contains("pub enum Endpoint"));
        assert!(code.contains("GetThing"));
        assert!(code.contains("pub const GET_THING_404"));
        assert!(
            !code.contains(dir.to_str().unwrap()),
            "no absolute paths in generated code"
        );
        let without = Builder::new()
            .ignore_env()
            .file(&data)
            .out_dir(&dir)
            .entry_consts(false)
            .generate()
            .unwrap();
        let code = std::fs::read_to_string(&without.1).unwrap();
        assert!(!code.contains("pub mod codes"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn invalid_data_is_an_error_with_the_report() {
        let dir = temp_dir("bad");
        let data = dir.join("errors.toml");
        std::fs::write(
            &data,
            SMALL.replace(
                "status = 404\nmeaning = \"Not Found\"\ndescription",
                "status = 4040\nmeaning = \"Not Found\"\ndescription",
            ),
        )
        .unwrap();
        let err = Builder::new()
            .ignore_env()
            .file(&data)
            .out_dir(&dir)
            .generate()
            .unwrap_err();
        let Error::Invalid(report) = err else {
            panic!("expected an invalid-data error")
        };
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].code, crate::Code::StatusRange);
        assert!(
            report
                .source
                .one_line(&report.diagnostics[0])
                .contains("errors.toml:21:10:")
        );
        assert!(!dir.join(GENERATED_FILE).exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_size_limit_is_configurable() {
        let dir = temp_dir("limit");
        let data = dir.join("errors.toml");
        std::fs::write(&data, SMALL).unwrap();
        let small = SMALL.len() as u64;
        let builder = Builder::new().ignore_env().file(&data).out_dir(&dir);
        assert_eq!(builder.size_limit(), read::MAX_FILE_BYTES);
        let Err(Error::Invalid(report)) = builder.clone().max_file_bytes(small - 1).generate()
        else {
            panic!("a file over the limit must be refused")
        };
        assert_eq!(report.diagnostics[0].code, crate::Code::Limit);
        assert!(
            report.diagnostics[0]
                .message
                .contains(&format!("over the limit of {} bytes", small - 1))
        );
        assert!(builder.max_file_bytes(small).generate().is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_out_dir_is_an_io_error_not_a_panic() {
        let dir = temp_dir("noout");
        let data = dir.join("errors.toml");
        std::fs::write(&data, SMALL).unwrap();
        let result = Builder::new()
            .ignore_env()
            .file(&data)
            .out_dir(dir.join("does/not/exist"))
            .generate();
        assert!(matches!(result, Err(Error::Io(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
