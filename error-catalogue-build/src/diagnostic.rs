//! Diagnostics: what is wrong with a data file, where, and how to fix it.
//!
//! A [`Diagnostic`] holds a byte span into the file it came from; [`Source`]
//! turns spans into line and column and renders reports with
//! annotate-snippets, the renderer rustc and cargo use.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Possibly intended; does not stop the build.
    Warning,
    /// Stops the build.
    Error,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $id:literal, $name:literal, $severity:ident;)*) => {
        /// The stable code of every diagnostic; README.md lists each with an example.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable identifier, e.g. `E0003`.
            pub fn id(self) -> &'static str {
                match self { $(Code::$variant => $id,)* }
            }

            /// The kebab-case name, e.g. `duplicate-status`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity every diagnostic of this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    /// The file is missing, unreadable or not UTF-8.
    Io = "E0001", "unreadable-file", Error;
    /// The file is not valid TOML.
    Syntax = "E0002", "toml-syntax", Error;
    /// A key the format does not have.
    UnknownKey = "E0003", "unknown-key", Error;
    /// A required key is missing.
    MissingKey = "E0004", "missing-key", Error;
    /// A value of the wrong type.
    WrongType = "E0005", "wrong-type", Error;
    /// A status outside 100–599.
    StatusRange = "E0006", "status-out-of-range", Error;
    /// The same status twice in one table.
    DuplicateStatus = "E0007", "duplicate-status", Error;
    /// Two endpoints with the same name.
    DuplicateName = "E0008", "duplicate-endpoint-name", Error;
    /// Two endpoints with the same slug.
    DuplicateSlug = "E0009", "duplicate-slug", Error;
    /// Two endpoint names that make the same Rust identifier.
    DuplicateIdent = "E0010", "duplicate-identifier", Error;
    /// A name that makes no Rust identifier, or a keyword.
    BadIdent = "E0011", "bad-identifier", Error;
    /// A slug that is not lower-case kebab-case, or is reserved.
    BadSlug = "E0012", "bad-slug", Error;
    /// An empty text field.
    EmptyText = "E0013", "empty-text", Error;
    /// An HTTP method that is not a standard one.
    BadMethod = "E0014", "bad-method", Error;
    /// A path template that does not start with `/` or has bad braces.
    BadPath = "E0015", "bad-path-template", Error;
    /// Two endpoints whose templates match the same requests.
    AmbiguousRoute = "E0016", "ambiguous-route", Error;
    /// A value beyond a documented limit.
    Limit = "E0017", "limit-exceeded", Error;
    /// An `allow` entry that names no warning.
    BadAllow = "E0018", "bad-allow", Error;
    /// A base path that is malformed, repeats another, or shares a
    /// parameter name with a template.
    BadBasePath = "E0019", "bad-base-path", Error;
    /// The same application code twice in `[[codes]]`.
    DuplicateCode = "E0020", "duplicate-code", Error;
    /// A row lists a code `[[codes]]` lacks.
    UnknownCode = "E0021", "unknown-code", Error;
    /// A row lists a code that comes with another status.
    CodeStatusMismatch = "E0022", "code-status-mismatch", Error;
    /// A row lists the same code twice.
    CodeListedTwice = "E0023", "code-listed-twice", Error;
    /// String and integer codes in one catalogue.
    MixedCodeKinds = "E0024", "mixed-code-kinds", Error;
    /// A code that is empty, has control characters, is a negative or
    /// too large integer, or makes no identifier.
    BadCode = "E0025", "bad-code", Error;
    /// A code pointer that is not a JSON Pointer.
    BadCodePointer = "E0026", "bad-code-pointer", Error;
    /// A meaning that differs from the status's reason phrase.
    ReasonPhrase = "W0001", "non-canonical-meaning", Warning;
    /// An endpoint entry identical to the general one.
    RedundantEntry = "W0002", "redundant-entry", Warning;
    /// A 5xx marked not retryable.
    NonRetryable5xx = "W0003", "non-retryable-5xx", Warning;
    /// A code no row lists, in a catalogue whose rows list codes.
    UnlistedCode = "W0004", "unlisted-code", Warning;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.id(), self.name())
    }
}

/// The most diagnostics one check reports. Past it, checking stops with one
/// `E0017 limit-exceeded` diagnostic that says how many were left out, so a
/// huge broken file cannot flood a terminal or CI log.
pub const MAX_DIAGNOSTICS: usize = 500;

/// The longest value, in characters, a message quotes in full; longer ones
/// are cut with `…`.
pub const MAX_QUOTED_CHARS: usize = 60;

/// A value as a message quotes it: in double quotes, with quotes,
/// backslashes, control and invisible characters escaped (so the message
/// stays one line and shows what is really there), cut after
/// [`MAX_QUOTED_CHARS`] characters.
pub fn shown(value: &str) -> String {
    let mut cut: String = value.chars().take(MAX_QUOTED_CHARS).collect();
    let long = cut.len() < value.len();
    if long {
        cut.push('…');
    }
    format!("{cut:?}")
}

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem.
    pub code: Code,
    /// What is wrong, quoting the value.
    pub message: String,
    /// Byte range of the culprit in the file, when there is one.
    pub span: Option<Range<usize>>,
    /// The label under the culprit.
    pub label: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
    /// A related place, e.g. where a duplicate was first defined.
    pub related: Option<(Range<usize>, String)>,
}

impl Diagnostic {
    /// A diagnostic of `code` with `message`, at no place yet.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span: None,
            label: None,
            hint: None,
            related: None,
        }
    }

    /// Places it at a byte range.
    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// Sets the label under the culprit.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Points at a related place.
    pub fn related(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.related = Some((span, label.into()));
        self
    }

    /// The severity, from the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether it stops the build.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// A data file's path and text, for locating and rendering diagnostics.
#[derive(Debug, Clone)]
pub struct Source {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (in characters) in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Source {
    /// Wraps a file's text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The file's path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line of a byte offset (clamped to the text), without
    /// counting columns: cheap enough to ask for every token of a long line.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn locate(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Location {
            line: line + 1,
            column,
        }
    }

    /// `path:line:col` of a diagnostic (just `path` when it has no span).
    pub fn position(&self, diagnostic: &Diagnostic) -> String {
        match &diagnostic.span {
            Some(span) => {
                let at = self.locate(span.start);
                format!("{}:{}:{}", self.path.display(), at.line, at.column)
            }
            None => self.path.display().to_string(),
        }
    }

    /// One line: `path:line:col: error[E0007]: message (hint)`. Cargo's
    /// `cargo::error=` directive takes one line per message.
    pub fn one_line(&self, diagnostic: &Diagnostic) -> String {
        let mut line = format!(
            "{}: {}[{}]: {}",
            self.position(diagnostic),
            diagnostic.severity().as_str(),
            diagnostic.code.id(),
            diagnostic.message
        );
        if let Some(hint) = &diagnostic.hint {
            line.push_str("; help: ");
            line.push_str(hint);
        }
        line.replace(['\n', '\r'], " ")
    }

    /// The full report, rustc style: header, `--> path:line:col`, the source
    /// line with the culprit underlined, related places and the hint.
    /// `color` adds ANSI styling.
    pub fn render(&self, diagnostic: &Diagnostic, color: bool) -> String {
        let level = match diagnostic.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.code.id());
        let path = self.path.display().to_string();
        let mut group = match &diagnostic.span {
            Some(span) => {
                let span = self.clamp(span);
                let mut snippet = Snippet::source(self.text.as_str())
                    .path(path.as_str())
                    .fold(true);
                snippet = snippet.annotation(
                    AnnotationKind::Primary
                        .span(span)
                        .label(diagnostic.label.as_deref()),
                );
                if let Some((related, label)) = &diagnostic.related {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(self.clamp(related))
                            .label(label.as_str()),
                    );
                }
                title.element(snippet)
            }
            None => title.element(annotate_snippets::Origin::path(path.as_str())),
        };
        if let Some(hint) = &diagnostic.hint {
            group = group.element(Level::HELP.message(hint.as_str()));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let report: [Group<'_>; 1] = [group];
        renderer.render(&report).to_string()
    }

    /// A span kept inside the text and on character boundaries.
    fn clamp(&self, span: &Range<usize>) -> Range<usize> {
        let mut start = span.start.min(self.text.len());
        let mut end = span.end.clamp(start, self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }
}
