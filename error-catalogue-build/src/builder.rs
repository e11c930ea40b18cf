//! [`Builder`]: the prost-build-style entry point for a `build.rs`.

use std::path::{Path, PathBuf};

use crate::check::{Report, check_file_with_limit};
use crate::codegen::{self, Options};
use crate::read;

/// The generated file's name in the output directory for an unnamed
/// catalogue; a named one is `error_catalogue.NAME.rs`.
pub const GENERATED_FILE: &str = "error_catalogue.rs";

/// The environment variable [`Builder::run_build_script`] sets for the crate
/// being built to the generated file's path (`ERROR_CATALOGUE_RS_NAME` for a
/// named catalogue), which `error_catalogue::include_catalogue!` includes.
pub const GENERATED_FILE_ENV: &str = "ERROR_CATALOGUE_RS";

/// Configures and runs generation. It reads no environment variable: what
/// it builds is what the build script says.
///
/// ```no_run
/// // build.rs, in `fn main()`:
/// error_catalogue_build::Builder::new()
///     .file("errors.toml")
///     .run_build_script();
/// ```
///
/// and in the crate, `error_catalogue::include_catalogue!()` where the
/// catalogue's module should be. Several catalogues in one crate each get a
/// name:
///
/// ```no_run
/// for name in ["billing", "search"] {
///     error_catalogue_build::Builder::new()
///         .file(format!("{name}.toml"))
///         .name(name)
///         .run_build_script();
/// }
/// // pub mod billing { error_catalogue::include_catalogue!("billing"); }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Builder {
    file: Option<PathBuf>,
    name: Option<String>,
    out_dir: Option<PathBuf>,
    options: Options,
    max_file_bytes: Option<u64>,
}

/// Why generation failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The data file has errors; the report has them all.
    Invalid(Box<Report>),
    /// The catalogue name is not lower-case letters, digits and `_`.
    BadName(String),
    /// Writing the output failed, or `OUT_DIR` was not set.
    Io(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Invalid(report) => f.write_str(&report.render(false)),
            Error::BadName(name) => write!(
                f,
                "catalogue name {name:?} is not lower-case ASCII letters, digits and '_'"
            ),
            Error::Io(err) => write!(f, "cannot write the generated code: {err}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io(err) => Some(err),
            _ => None,
        }
    }
}

impl Builder {
    /// A builder over `errors.toml` beside the package's Cargo.toml.
    pub fn new() -> Self {
        Builder::default()
    }

    /// Uses this data file (relative paths are taken from the package root in
    /// a build script).
    pub fn file(mut self, path: impl Into<PathBuf>) -> Self {
        self.file = Some(path.into());
        self
    }

    /// Names the catalogue, so one crate can hold several: it is written to
    /// `error_catalogue.NAME.rs` and included with
    /// `include_catalogue!("NAME")`. Lower-case ASCII letters, digits and `_`.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Writes into this directory instead of `OUT_DIR`.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Accepts data files up to `bytes` long instead of [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES).
    pub fn max_file_bytes(mut self, bytes: u64) -> Self {
        self.max_file_bytes = Some(bytes);
        self
    }

    /// The size limit in force: [`Builder::max_file_bytes`], else
    /// [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES).
    pub fn size_limit(&self) -> u64 {
        self.max_file_bytes.unwrap_or(read::MAX_FILE_BYTES)
    }

    /// Whether to generate one named constant per entry (default: yes).
    pub fn entry_consts(mut self, yes: bool) -> Self {
        self.options.entry_consts = yes;
        self
    }

    /// Whether to generate one error enum per endpoint (`CreateTrackersError`)
    /// and the catalogue-wide `Error`. By default: yes for catalogues of up to
    /// [`codegen::FULL_DOCS_MAX_ENTRIES`] entries, no beyond, where they would
    /// multiply a clean build's time; `true` asks for them at any size.
    pub fn typed_errors(mut self, yes: bool) -> Self {
        self.options.typed_errors = Some(yes);
        self
    }

    /// The data file this builder will read.
    pub fn data_file(&self) -> PathBuf {
        let root = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
        let path = self
            .file
            .clone()
            .unwrap_or_else(|| PathBuf::from("errors.toml"));
        match root {
            Some(root) if path.is_relative() => root.join(path),
            _ => path,
        }
    }

    /// The generated file's name: `error_catalogue.rs`, or
    /// `error_catalogue.NAME.rs` for a named catalogue.
    pub fn generated_file(&self) -> Result<String, Error> {
        match &self.name {
            None => Ok(GENERATED_FILE.to_string()),
            Some(name)
                if !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
            {
                Ok(format!("error_catalogue.{name}.rs"))
            }
            Some(name) => Err(Error::BadName(name.clone())),
        }
    }

    /// Reads, checks and writes the generated file into the output directory.
    /// Returns the report (its warnings are worth showing) and the file written.
    pub fn generate(&self) -> Result<(Report, PathBuf), Error> {
        let file_name = self.generated_file()?;
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
        // The data file as the package sees it: relative to its root, or by
        // its name alone; never an absolute path, so output is the same
        // wherever the package is built.
        let data_file = self.data_file();
        let root = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
        let shown = match root.as_deref().and_then(|r| data_file.strip_prefix(r).ok()) {
            Some(relative) => relative.display().to_string(),
            None => data_file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        };
        let source = codegen::source(catalogue, self.options, &shown);
        let out = out_dir.join(file_name);
        write_if_changed(&out, &source).map_err(Error::Io)?;
        Ok((report, out))
    }

    /// For `build.rs`: declares what reruns the build, generates, tells the
    /// crate where the file is (for `include_catalogue!`), and reports every
    /// diagnostic as one line, errors through `cargo::error=` and warnings
    /// through `cargo::warning=`, with the full rustc-style reports on stderr
    /// (shown by `cargo build -vv`; `errcat check` shows them too).
    ///
    /// It returns normally even on errors: `cargo::error=` fails the build by
    /// itself, and cargo then prints just the located lines and "build script
    /// logged errors", where a non-zero exit would add the script's whole
    /// stdout and stderr, every error three times.
    pub fn run_build_script(&self) {
        let data_file = self.data_file();
        println!("cargo::rerun-if-changed={}", data_file.display());
        match self.generate() {
            Ok((report, out)) => {
                let var = match &self.name {
                    Some(name) => format!("{GENERATED_FILE_ENV}_{name}"),
                    None => GENERATED_FILE_ENV.to_string(),
                };
                println!("cargo::rustc-env={var}={}", out.display());
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
            Err(err) => {
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
        let (report, out) = Builder::new().file(&data).out_dir(&dir).generate().unwrap();
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
        let builder = Builder::new().file(&data).out_dir(&dir);
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
            .file(&data)
            .out_dir(dir.join("does/not/exist"))
            .generate();
        assert!(matches!(result, Err(Error::Io(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
