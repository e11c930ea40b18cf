//! Comparing two versions of a catalogue: what an edit to `errors.toml`
//! breaks for the code, clients and docs that use it (`errcat diff`).
//!
//! Both sides are checked first ([`Checked`]); the comparison then works on
//! the validated catalogues, so layout (key order, comments, whitespace,
//! inline or dotted tables, explicit defaults) never makes a finding, and on
//! the files' models for locations. Endpoints are matched by slug, entries by
//! (slug or general table, status), application codes by their value. Each [`Finding`] has a stable [`Rule`]
//! id, a [`Level`], the version [`Bump`] it calls for, and a place: in NEW,
//! or in OLD for what was removed.
//!
//! ```
//! use error_catalogue_build::diff::{Checked, Level, diff};
//!
//! let old = "[page]\nid = \"e\"\ntitle = \"E\"\nslug = \"/e\"\ndocs_base_url = \"https://x.test\"\n\
//!            [general]\ntitle = \"HTTP Codes\"\n\
//!            [[endpoints]]\nname = \"Get Thing\"\nmethod = \"GET\"\npath = \"/thing\"\n\
//!            [[endpoints.errors]]\nstatus = 404\nmeaning = \"Not Found\"\n";
//! let new = old.replace("status = 404\nmeaning = \"Not Found\"\n", "status = 410\nmeaning = \"Gone\"\n");
//! let old = Checked::from_str("old.toml", old).unwrap();
//! let new = Checked::from_str("new.toml", &new).unwrap();
//! let d = diff(&old, &new);
//! let rules: Vec<&str> = d.findings.iter().map(|f| f.rule.id()).collect();
//! assert_eq!(rules, ["entry-removed", "entry-added"]);
//! assert_eq!(d.worst(), Some(Level::Breaking));
//! ```

use std::fmt;
use std::ops::Range;
use std::path::Path;

use crate::catalogue::Catalogue;
use crate::check::{Report, check_source_keeping_model};
use crate::diagnostic::{Location, Source};
use crate::model::CatalogueFile;
use crate::read;

mod codes;
mod page;
mod rules;

pub use rules::diff;

/// How much a finding matters to code and clients, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Worth knowing; breaks nothing.
    Info,
    /// May change what clients see or do.
    Warning,
    /// Breaks code that names the catalogue, or clients that rely on it.
    Breaking,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 3] = [Level::Info, Level::Warning, Level::Breaking];

    /// `breaking`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Breaking => "breaking",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The semantic-version bump a finding calls for, smallest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bump {
    /// Text only: descriptions, resolutions, examples, page text.
    Patch,
    /// New items, deprecations, warnings, and removals of deprecated items.
    Minor,
    /// Breaking changes.
    Major,
}

impl Bump {
    /// `patch`, `minor` or `major`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident = $id:literal,)*) => {
        /// A kind of finding, with a stable id (README, "errcat diff").
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, in README's order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable id: `entry-removed`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)*
                }
            }
        }
    };
}

rules! {
    /// An endpoint's slug is gone (breaking; info if OLD deprecated it).
    EndpointRemoved = "endpoint-removed",
    /// Same slug, another method or path (breaking).
    EndpointRouteChanged = "endpoint-route-changed",
    /// Same slug, another name: breaking when the `Endpoint` variant's
    /// identifier changes, else info.
    EndpointRenamed = "endpoint-renamed",
    /// A new slug (info).
    EndpointAdded = "endpoint-added",
    /// A status gone from an endpoint or the general table (breaking; info if
    /// OLD deprecated it or its endpoint).
    EntryRemoved = "entry-removed",
    /// A new status (info).
    EntryAdded = "entry-added",
    /// An entry's meaning changed (warning).
    EntryMeaningChanged = "entry-meaning-changed",
    /// An entry's description or resolution changed (info).
    EntryTextChanged = "entry-text-changed",
    /// An entry's example body changed, appeared or went (info).
    EntryExampleChanged = "entry-example-changed",
    /// `retryable` true → false (breaking).
    EntryRetryableNarrowed = "entry-retryable-narrowed",
    /// `retryable` false → true (info).
    EntryRetryableWidened = "entry-retryable-widened",
    /// What `lookup` answers for (endpoint, status) changed because the
    /// general table changed: breaking when it no longer answers, else warning.
    FallbackChanged = "fallback-changed",
    /// A `[[codes]]` entry is gone (breaking; info if OLD deprecated it).
    CodeRemoved = "code-removed",
    /// A new `[[codes]]` entry (info).
    CodeAdded = "code-added",
    /// A code's `status` changed, appeared or went (breaking).
    CodeStatusChanged = "code-status-changed",
    /// A code's meaning changed (warning).
    CodeMeaningChanged = "code-meaning-changed",
    /// A code's description, resolution or example changed, appeared or
    /// went (info).
    CodeTextChanged = "code-text-changed",
    /// A code's `retryable` true → false (breaking).
    CodeRetryableNarrowed = "code-retryable-narrowed",
    /// A code's `retryable` false → true (info).
    CodeRetryableWidened = "code-retryable-widened",
    /// A row no longer lists a code (breaking; info if OLD deprecated the
    /// code, the row or its endpoint).
    EndpointCodeRemoved = "endpoint-code-removed",
    /// A row lists a code it did not (info).
    EndpointCodeAdded = "endpoint-code-added",
    /// An endpoint, entry or code newly deprecated, no longer deprecated, or
    /// with another note (info).
    Deprecated = "deprecated",
    /// The general table's slug changed, and with it its entries' constants
    /// and anchors (breaking).
    GeneralSlugChanged = "general-slug-changed",
    /// `docs_base_url` or the page's `slug` changed: every docs link and
    /// problem `type` URI moves (warning).
    PageUrlChanged = "page-url-changed",
    /// Other page text changed: id, title, sidebar label, imports, intro,
    /// support notice, the general table's title (info).
    PageChanged = "page-changed",
    /// A base path requests carried is gone (none declared counts as `""`),
    /// so such requests no longer route (breaking).
    BasePathRemoved = "base-path-removed",
    /// A new base path (info).
    BasePathAdded = "base-path-added",
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Which of the two files a finding is located in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The old file: for what was removed.
    Old,
    /// The new file.
    New,
}

impl Side {
    /// `old` or `new`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Old => "old",
            Side::New => "new",
        }
    }
}

/// One difference that matters, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What kind of difference.
    pub rule: Rule,
    /// How much it matters.
    pub level: Level,
    /// The version bump it calls for.
    pub bump: Bump,
    /// The file the span is in.
    pub side: Side,
    /// Byte span of the key or value in that file.
    pub span: Range<usize>,
    /// The endpoint's slug, `general` for the general table, `None` for the page.
    pub endpoint: Option<String>,
    /// The entry's status, for findings about one entry; a code's status,
    /// for findings about one code (`None` for a code with any status).
    pub status: Option<u16>,
    /// The application code as sent (integers in decimal), for findings
    /// about one code or a row's listing of it.
    pub code: Option<String>,
    /// What changed and what it breaks, one line.
    pub message: String,
    /// What to do about it, when there is advice.
    pub hint: Option<String>,
}

impl Finding {
    /// The file and line/column the finding points at.
    pub fn locate<'a>(&self, old: &'a Checked, new: &'a Checked) -> (&'a Path, Location) {
        let source = match self.side {
            Side::Old => old.source(),
            Side::New => new.source(),
        };
        (source.path(), source.locate(self.span.start))
    }
}

/// A catalogue that passed checking, with its file's model for locations.
#[derive(Debug, Clone)]
pub struct Checked {
    report: Report,
    file: CatalogueFile,
}

impl Checked {
    /// Checks a source with a size limit ([`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES) is the
    /// build's). `Err` holds the report when the file has errors.
    pub fn new(source: Source, max_bytes: u64) -> Result<Checked, Box<Report>> {
        match check_source_keeping_model(source, max_bytes) {
            (report, Some(file)) if report.catalogue.is_some() => Ok(Checked { report, file }),
            (report, _) => Err(Box::new(report)),
        }
    }

    /// Checks a text; `path` is only used in locations.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(
        path: impl Into<std::path::PathBuf>,
        text: &str,
    ) -> Result<Checked, Box<Report>> {
        Checked::new(Source::new(path, text), read::MAX_FILE_BYTES)
    }

    /// Reads and checks a file.
    pub fn read(path: &Path, max_bytes: u64) -> Result<Checked, Box<Report>> {
        match read::read_source(path, max_bytes) {
            Ok(source) => Checked::new(source, max_bytes),
            Err(failed) => {
                let (source, diagnostic) = *failed;
                Err(Box::new(Report {
                    source,
                    diagnostics: vec![diagnostic],
                    catalogue: None,
                }))
            }
        }
    }

    /// The file's path and text.
    pub fn source(&self) -> &Source {
        &self.report.source
    }

    /// The checked catalogue.
    pub fn catalogue(&self) -> &Catalogue {
        self.report
            .catalogue
            .as_ref()
            .expect("a Checked always has its catalogue")
    }

    /// The check's report (warnings only: a file with errors is no `Checked`).
    pub fn report(&self) -> &Report {
        &self.report
    }
}

/// Every finding between two catalogues, most severe first, then in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// The findings.
    pub findings: Vec<Finding>,
}

impl Diff {
    /// How many findings have `level`.
    pub fn count(&self, level: Level) -> usize {
        self.findings.iter().filter(|f| f.level == level).count()
    }

    /// The most severe level found, `None` when there are no findings.
    pub fn worst(&self) -> Option<Level> {
        self.findings.iter().map(|f| f.level).max()
    }

    /// The version bump the findings call for, `None` when there are none.
    pub fn bump(&self) -> Option<Bump> {
        self.findings.iter().map(|f| f.bump).max()
    }

    /// One line: counts per level and the bump, or that nothing changed.
    pub fn summary(&self) -> String {
        let Some(bump) = self.bump() else {
            return "no changes: both files describe the same catalogue (no version bump)"
                .to_string();
        };
        let counts = Level::ALL
            .iter()
            .rev()
            .map(|&l| format!("{} {l}", self.count(l)))
            .collect::<Vec<_>>()
            .join(", ");
        let why = match bump {
            Bump::Major => "breaking changes",
            Bump::Minor => "additions, deprecations or changed behaviour, nothing breaking",
            Bump::Patch => "text changes only",
        };
        format!("{counts}: a {bump} version bump ({why})")
    }
}
