//! `errcat diff OLD NEW`: what an edit to a catalogue breaks, by rule, with
//! the version bump it calls for. OLD and NEW are files or `REV:PATH` in git.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use error_catalogue_build::diff::{Checked, Diff, Finding, Level, diff};
use error_catalogue_build::{MAX_FILE_BYTES, Report, Source};
use serde_json::json;

use crate::Outcome;

/// Output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One report per finding, then the summary.
    Text,
    /// One JSON object per finding, one per line (schema/diff.schema.json);
    /// the summary goes to stderr.
    Json,
    /// A Markdown table, for pull-request comments and job summaries.
    Markdown,
    /// GitHub Actions workflow commands: annotations on the changed lines.
    Github,
}

/// The lowest level that fails the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Breaking changes only.
    Breaking,
    /// Warnings and breaking changes.
    Warning,
    /// Any finding.
    Info,
}

impl FailOn {
    fn level(self) -> Level {
        match self {
            FailOn::Breaking => Level::Breaking,
            FailOn::Warning => Level::Warning,
            FailOn::Info => Level::Info,
        }
    }
}

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The catalogue before: a file, or `REV:PATH` read with `git show`
    /// (`main:errors.toml`, `HEAD~1:errors.toml`).
    old: String,
    /// The catalogue after: a file, or `REV:PATH`.
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit 1 when a finding at or above this level exists.
    #[arg(long, value_enum, default_value_t = FailOn::Breaking)]
    fail_on: FailOn,
}

/// Runs `diff`: exit 1 when a finding at or above `--fail-on` exists, else
/// 0; 2 for an unreadable or invalid side (its diagnostics on stderr).
/// `max_bytes` is errcat's `--max-bytes` (default [`MAX_FILE_BYTES`]).
pub fn run(a: &Args, max_bytes: Option<u64>) -> Outcome {
    let max_bytes = max_bytes.unwrap_or(MAX_FILE_BYTES);
    // Reading and checking are most of the time: one side per thread.
    let (old, new) = std::thread::scope(|s| {
        let old = s.spawn(|| load(&a.old, max_bytes));
        let new = load(&a.new, max_bytes);
        (old.join(), new)
    });
    // OLD's problem first, as if read one after the other.
    let old = old.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(failed), _) | (_, Err(failed)) => return failed.report(),
    };
    let d = diff(&old, &new);
    let out = match a.format {
        Format::Text => text(&d, &old, &new),
        Format::Json => {
            eprintln!("{}", d.summary());
            json_lines(&d, &old, &new)
        }
        Format::Markdown => markdown(&d, &old, &new),
        Format::Github => github(&d, &old, &new),
    };
    // A closed pipe (`errcat diff … | head`) is the reader's choice, not an error.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if d.worst().is_some_and(|l| l >= a.fail_on.level()) {
        Outcome::Failed
    } else {
        Outcome::Done
    }
}

/// Why a side cannot be compared.
enum Failed {
    /// Unreadable: one line.
    Usage(String),
    /// Read but invalid: its diagnostics.
    Invalid(String, Box<Report>),
}

impl Failed {
    /// Prints the diagnostics of an invalid side; exit 2 with one line.
    fn report(self) -> Outcome {
        match self {
            Failed::Usage(message) => Outcome::Usage(message),
            Failed::Invalid(arg, report) => invalid(&arg, &report),
        }
    }
}

/// Reads and checks one side: a file when one exists at `arg`, else
/// `REV:PATH` through git.
fn load(arg: &str, max_bytes: u64) -> Result<Checked, Failed> {
    let path = Path::new(arg);
    let checked = if path.exists() {
        Checked::read(path, max_bytes)
    } else if let Some((rev, file)) = arg.split_once(':').filter(|(rev, _)| !rev.is_empty()) {
        let text = git_show(rev, file, max_bytes).map_err(Failed::Usage)?;
        Checked::new(Source::new(PathBuf::from(arg), text), max_bytes)
    } else {
        return Err(Failed::Usage(format!(
            "cannot read '{arg}': no such file (a git revision is written REV:PATH, e.g. main:errors.toml)"
        )));
    };
    checked.map_err(|report| Failed::Invalid(arg.to_string(), report))
}

/// `git show REV:PATH`: the file's text, or one line saying why not.
fn git_show(rev: &str, file: &str, max_bytes: u64) -> Result<String, String> {
    let spec = format!("{rev}:{file}");
    let out = Command::new("git")
        .args(["show", "--no-textconv", &spec])
        .output()
        .map_err(|err| format!("cannot read '{spec}': cannot run git: {err}"))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let why = stderr
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("git show failed")
            .trim_start_matches("fatal: ");
        return Err(format!("cannot read '{spec}' from git: {why}"));
    }
    if out.stdout.len() as u64 > max_bytes {
        return Err(format!(
            "'{spec}' is {} bytes, over the limit of {max_bytes} bytes (raise it with --max-bytes)",
            out.stdout.len()
        ));
    }
    String::from_utf8(out.stdout)
        .map_err(|_| format!("'{spec}' is not UTF-8: save the file as UTF-8"))
}

/// An invalid side: its diagnostics on stderr, then exit 2 with one line.
fn invalid(arg: &str, report: &Report) -> Outcome {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}\n", report.render(false));
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    Outcome::Usage(format!(
        "'{arg}' is not a valid catalogue ({errors} error{}): fix it, then diff again",
        if errors == 1 { "" } else { "s" }
    ))
}

/// `path:line:col` of a finding.
fn position(f: &Finding, old: &Checked, new: &Checked) -> (String, usize, usize) {
    let (path, at) = f.locate(old, new);
    (path.display().to_string(), at.line, at.column)
}

/// rustc-style: level and rule, message, place, hint; then the summary.
fn text(d: &Diff, old: &Checked, new: &Checked) -> String {
    let mut out = String::new();
    for f in &d.findings {
        let (file, line, col) = position(f, old, new);
        let _ = writeln!(out, "{}[{}]: {}", f.level, f.rule, f.message);
        let _ = writeln!(out, "  --> {file}:{line}:{col}");
        if let Some(hint) = &f.hint {
            let _ = writeln!(out, "   = help: {hint}");
        }
        out.push('\n');
    }
    out.push_str(&d.summary());
    out.push('\n');
    out
}

/// One JSON object per finding, one per line (schema/diff.schema.json).
fn json_lines(d: &Diff, old: &Checked, new: &Checked) -> String {
    let mut out = String::new();
    for f in &d.findings {
        let (file, line, column) = position(f, old, new);
        let v = json!({
            "rule": f.rule.id(),
            "level": f.level.as_str(),
            "bump": f.bump.as_str(),
            "side": f.side.as_str(),
            "file": file,
            "line": line,
            "column": column,
            "endpoint": f.endpoint,
            "status": f.status,
            "code": f.code,
            "message": f.message,
            "hint": f.hint,
        });
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

/// A Markdown table and the summary. Every cell's text is escaped, so it
/// shows as written.
fn markdown(d: &Diff, old: &Checked, new: &Checked) -> String {
    let mut out = String::from("## errcat diff\n\n");
    if !d.findings.is_empty() {
        out.push_str("| level | rule | where | finding |\n|---|---|---|---|\n");
        for f in &d.findings {
            let (file, line, col) = position(f, old, new);
            let mut finding = md_escape(&f.message);
            if let Some(hint) = &f.hint {
                finding.push_str("<br>*help:* ");
                finding.push_str(&md_escape(hint));
            }
            let _ = writeln!(
                out,
                "| **{}** | `{}` | {}:{line}:{col} | {finding} |",
                f.level,
                f.rule,
                md_escape(&file)
            );
        }
        out.push('\n');
    }
    out.push_str(&md_escape(&d.summary()));
    out.push('\n');
    out
}

/// Backslash-escapes every character that could start inline markup, an
/// HTML tag, an entity or a table cell (CommonMark shows an escaped one as
/// itself), and turns line breaks into spaces. The text never starts a line
/// of the output, so block markup (`#`, `-`, `1.`) cannot arise.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '!' | '&' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::…`):
/// breaking is an error, warning a warning, info a notice; then the summary.
fn github(d: &Diff, old: &Checked, new: &Checked) -> String {
    let mut out = String::new();
    for f in &d.findings {
        let (file, line, col) = position(f, old, new);
        let command = match f.level {
            Level::Breaking => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let mut message = f.message.clone();
        if let Some(hint) = &f.hint {
            message.push_str("\nhelp: ");
            message.push_str(hint);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={line},col={col},title={}::{}",
            gh_property(&file),
            gh_property(f.rule.id()),
            gh_data(&message)
        );
    }
    out.push_str(&d.summary());
    out.push('\n');
    out
}

/// A workflow command's message: `%`, CR and LF escaped.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as data, plus `:` and `,`.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(gh_data("50% off\r\nnext"), "50%25 off%0D%0Anext");
        assert_eq!(gh_property("main:a,b%.toml"), "main%3Aa%2Cb%25.toml");
    }

    #[test]
    fn markdown_escaping() {
        assert_eq!(
            md_escape("a|b `c` <d>\ne: (f)"),
            "a\\|b \\`c\\` \\<d\\> e: (f)"
        );
    }
}
