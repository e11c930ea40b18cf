//! A JSON registry of application codes → errors.toml's `[[codes]]` (the
//! `errcat import codes` command).
//!
//! The registry is a JSON array of records, or an object whose values are
//! records keyed by their code (Ably's `protocol/errors.json`, whose
//! records sit under a top-level `codes`). A record is an object of fields,
//! or, in an object keyed by code, just the code's message. Each field is
//! read from the first of its recognised names the record has ([`Fields`]),
//! or from the one name `--field` gives it. An object's keys that are all
//! decimal integers are integer codes (Ably's `40140`), else text codes.
//!
//! One bad record never costs the whole file: a record that cannot become a
//! `[[codes]]` entry (no code, a code of the wrong type, a duplicate, a code
//! of the other kind than the first one's, no meaning, a status out of
//! range) is left out with a located warning and a line in the file's
//! header comment. A file that is not JSON, holds no record, or none that
//! imports, is a list of located [`Problem`]s.
//!
//! ```
//! use error_catalogue_build::import::codes::{self, Options};
//! let registry = r#"{"codes": {"40140": {"title": "Token error", "summary": "The token is invalid."}}}"#;
//! let options = Options { status_from_code: true, ..Options::default() };
//! let import = codes::codes("errors.json", registry, &options).unwrap();
//! assert!(import.toml.contains("[[codes]]\ncode = 40140\nstatus = 401\nmeaning = \"Token error\"\n"));
//! assert!(!error_catalogue_build::check_str("errors.toml", &import.toml).has_errors());
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use super::spec::Code;
use super::tree::{self, Node, Pos, Value};
use super::{MAX_SPEC_BYTES, Problem, read_spec, write};
use crate::catalogue::CodeValue;

/// What a record's field gives the `[[codes]]` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// `code`.
    Code,
    /// `meaning`.
    Meaning,
    /// `description`.
    Description,
    /// `resolution`.
    Resolution,
    /// `status`.
    Status,
}

impl Field {
    const ALL: [Field; 5] = [
        Field::Code,
        Field::Meaning,
        Field::Description,
        Field::Resolution,
        Field::Status,
    ];

    /// The key of errors.toml it fills, as `--field` names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Code => "code",
            Field::Meaning => "meaning",
            Field::Description => "description",
            Field::Resolution => "resolution",
            Field::Status => "status",
        }
    }

    /// The names recognised by default, first found first: errors.toml's
    /// own, Ably's (`title`, `summary`) and Twilio's error dictionary's
    /// (`message`, `secondary_message`, `troubleshooting`).
    fn recognised(self) -> &'static [&'static str] {
        match self {
            Field::Code => &["code", "error_code", "errorCode"],
            Field::Meaning => &["meaning", "title", "message", "name"],
            Field::Description => &[
                "description",
                "summary",
                "secondary_message",
                "detail",
                "explanation",
            ],
            Field::Resolution => &[
                "resolution",
                "troubleshooting",
                "solution",
                "solutions",
                "fix",
            ],
            Field::Status => &[
                "status",
                "http_status",
                "httpStatus",
                "status_code",
                "statusCode",
            ],
        }
    }
}

/// The record field each [`Field`] is read from: the one `--field` names,
/// else the first of its recognised names a record has. A name starting with
/// `/` is a JSON Pointer into the record (`/details/text`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    given: BTreeMap<Field, String>,
}

impl Fields {
    /// Adds `code=errorCode,meaning=title`-style assignments.
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((target, name)) = part.split_once('=') else {
                return Err(format!(
                    "--field '{part}': expected KEY=FIELD, e.g. meaning=title"
                ));
            };
            let target = Field::ALL
                .into_iter()
                .find(|f| f.as_str() == target.trim())
                .ok_or_else(|| {
                    format!(
                        "--field '{part}': '{}' is not one of code, meaning, description, resolution, status",
                        target.trim()
                    )
                })?;
            let name = name.trim();
            if name.is_empty() || name == "/" {
                return Err(format!("--field '{part}': the field name is empty"));
            }
            self.given.insert(target, name.to_string());
        }
        Ok(())
    }

    /// The names `field` is read from, first found first.
    fn names(&self, field: Field) -> Vec<&str> {
        match self.given.get(&field) {
            Some(name) => vec![name.as_str()],
            None => field.recognised().to_vec(),
        }
    }

    /// The `--field` options as given, for the header.
    fn shown(&self) -> String {
        self.given
            .iter()
            .map(|(f, n)| format!("{}={n}", f.as_str()))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// How to read the registry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Where each field is read from.
    pub fields: Fields,
    /// An integer code without a status whose first three digits are 400 to
    /// 599 comes with that status (Ably's convention: 40140 with 401).
    pub status_from_code: bool,
}

/// A finished import of a code registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodesImport {
    /// The catalogue, as errors.toml text.
    pub toml: String,
    /// Each record left out, located in the registry.
    pub warnings: Vec<Problem>,
    /// Codes written.
    pub codes: usize,
}

/// One record and where it is.
struct Record<'a> {
    /// Its key, in an object keyed by code.
    key: Option<(&'a str, Pos)>,
    node: &'a Node,
}

impl Record<'_> {
    fn at(&self) -> Pos {
        self.key.map_or(self.node.at, |(_, at)| at)
    }
}

/// Imports a registry's text. `file_name` is only quoted in the header.
pub fn codes(file_name: &str, text: &str, options: &Options) -> Result<CodesImport, Vec<Problem>> {
    let root = json(text).map_err(|p| vec![p])?;
    let records = records(&root).map_err(|p| vec![p])?;
    if records.is_empty() {
        return Err(vec![Problem::at(root.at, "the registry holds no record")]);
    }
    named_fields_exist(&records, options)?;
    let integer_keys = records
        .iter()
        .all(|r| r.key.is_some_and(|(k, _)| decimal(k)));
    let mut warnings = Vec::new();
    let mut codes: Vec<(Code, Pos)> = Vec::new();
    let mut seen: BTreeMap<String, Pos> = BTreeMap::new();
    let mut used: BTreeMap<Field, BTreeSet<String>> = BTreeMap::new();
    for r in &records {
        let at = r.at();
        let code = read(r, options, integer_keys, &mut used).and_then(|c| {
            let shown = c.code.to_string();
            if let Some(first) = seen.get(&shown) {
                return Err(format!(
                    "code {shown} again (first at line {}): record left out",
                    first.line
                ));
            }
            if let Some((first, first_at)) = codes.first()
                && kind(&first.code) != kind(&c.code)
            {
                return Err(format!(
                    "code {shown} is {}, but the first code ({}, line {}) is {}: a registry's codes are one kind (E0024); record left out",
                    kind(&c.code),
                    first.code,
                    first_at.line,
                    kind(&first.code)
                ));
            }
            Ok(c)
        });
        match code {
            Ok(c) => {
                seen.insert(c.code.to_string(), at);
                codes.push((c, at));
            }
            Err(message) => warnings.push(Problem::at(at, message)),
        }
    }
    // What the validator refuses in a record (a meaning it cannot take, two
    // codes whose names collide) leaves that record out too; a second pass
    // sees the file without them.
    for _ in 0..4 {
        if codes.is_empty() {
            break;
        }
        let (toml, blocks) = catalogue(file_name, options, &codes, &warnings, &used);
        let report = crate::check_str("errors.toml", &toml);
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
        if errors.is_empty() {
            return Ok(CodesImport {
                toml,
                warnings,
                codes: codes.len(),
            });
        }
        let mut bad = BTreeMap::new();
        for d in &errors {
            let i = d
                .span
                .as_ref()
                .and_then(|s| blocks.iter().position(|b| b.contains(&s.start)));
            match i {
                Some(i) => {
                    bad.entry(i).or_insert_with(|| d.message.clone());
                }
                None => {
                    return Err(vec![Problem::whole(format!(
                        "the catalogue made from this registry does not check (an errcat bug): {}",
                        report.source.one_line(d)
                    ))]);
                }
            }
        }
        for (i, message) in bad.into_iter().rev() {
            let (c, at) = codes.remove(i);
            warnings.push(Problem::at(
                at,
                format!("code {}: {message}; record left out", c.code),
            ));
        }
        warnings.sort_by_key(|w| (w.line, w.column));
    }
    let mut problems = warnings;
    problems.push(Problem::whole(
        "no record of the registry could be imported",
    ));
    Err(problems)
}

/// Reads a registry file (at most [`MAX_SPEC_BYTES`], UTF-8) and imports it.
pub fn codes_file(path: &Path, options: &Options) -> Result<CodesImport, Vec<Problem>> {
    let text = read_spec(path, MAX_SPEC_BYTES).map_err(|p| vec![p])?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    codes(&name, &text, options)
}

/// The text as JSON; YAML and anything else is refused where it starts.
fn json(text: &str) -> Result<Node, Problem> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lead = &body[..body.len() - body.trim_start().len()];
    match body.trim_start().chars().next() {
        Some('{' | '[') => tree::parse(text),
        found => Err(Problem::at(
            Pos {
                line: lead.matches('\n').count() + 1,
                col: lead.rsplit('\n').next().unwrap_or("").chars().count() + 1,
            },
            match found {
                None => "not JSON: the file is empty; a code registry is a JSON array or object of records".to_string(),
                Some(c) => format!(
                    "not JSON: found {c:?} where a code registry starts with `[` or `{{`"
                ),
            },
        )),
    }
}

/// The records: an array's items, or an object's values (under a top-level
/// `codes` or `errors` when there is one; keys starting with `$` are
/// metadata, as `$schema`).
fn records(root: &Node) -> Result<Vec<Record<'_>>, Problem> {
    let inner = ["codes", "errors"]
        .iter()
        .filter_map(|k| root.get(k))
        .find(|n| matches!(n.value, Value::Map(_) | Value::Seq(_)));
    let node = inner.unwrap_or(root);
    match &node.value {
        Value::Seq(items) => Ok(items
            .iter()
            .map(|node| Record { key: None, node })
            .collect()),
        Value::Map(entries) => Ok(entries
            .iter()
            .filter(|(k, _)| !k.text.starts_with('$'))
            .map(|(k, node)| Record {
                key: Some((k.text.as_str(), k.at)),
                node,
            })
            .collect()),
        _ => Err(Problem::at(
            node.at,
            format!(
                "a code registry is a JSON array or object of records, not {}",
                node.kind()
            ),
        )),
    }
}

/// Each `--field` names a field some record has: else it is a typo, and the
/// import would silently lose that field.
fn named_fields_exist(records: &[Record<'_>], options: &Options) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    for (field, name) in &options.fields.given {
        if records.iter().any(|r| lookup(r.node, name).is_some()) {
            continue;
        }
        let first = &records[0];
        let has: Vec<&str> = first
            .node
            .entries()
            .map(|e| e.iter().map(|(k, _)| k.text.as_str()).collect())
            .unwrap_or_default();
        problems.push(Problem::at(
            first.at(),
            format!(
                "--field {}={name} names nothing: no record has `{name}` (this first one has {})",
                field.as_str(),
                if has.is_empty() {
                    "no fields".to_string()
                } else {
                    has.iter()
                        .map(|h| format!("`{h}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The field `name` of a record: a key, or a JSON Pointer when it starts
/// with `/`.
fn lookup<'n>(node: &'n Node, name: &str) -> Option<&'n Node> {
    let Some(pointer) = name.strip_prefix('/') else {
        return node.get(name);
    };
    pointer.split('/').try_fold(node, |n, token| {
        let token = token.replace("~1", "/").replace("~0", "~");
        match &n.value {
            Value::Map(_) => n.get(&token),
            Value::Seq(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        }
    })
}

/// The first of `field`'s names the record has, and its value.
fn field<'n>(
    node: &'n Node,
    options: &Options,
    field: Field,
    used: &mut BTreeMap<Field, BTreeSet<String>>,
) -> Option<&'n Node> {
    let (name, value) = options
        .fields
        .names(field)
        .into_iter()
        .find_map(|name| lookup(node, name).map(|v| (name, v)))?;
    if !matches!(value.value, Value::Null) {
        used.entry(field).or_default().insert(name.to_string());
    }
    Some(value)
}

/// One record as a code, or why it is left out.
fn read(
    r: &Record<'_>,
    options: &Options,
    integer_keys: bool,
    used: &mut BTreeMap<Field, BTreeSet<String>>,
) -> Result<Code, String> {
    let node = r.node;
    let is_map = matches!(node.value, Value::Map(_));
    let keyed_text = r.key.is_some() && matches!(node.value, Value::String(_));
    if !is_map && !keyed_text {
        return Err(format!(
            "the record is {}, not an object{}: record left out",
            node.kind(),
            if r.key.is_some() { " or a message" } else { "" }
        ));
    }
    let from_field = is_map && (r.key.is_none() || options.fields.given.contains_key(&Field::Code));
    let code = match (from_field, r.key) {
        (false, Some((key, _))) => {
            used.entry(Field::Code)
                .or_default()
                .insert("the object's keys".to_string());
            key_code(key, integer_keys)?
        }
        _ => match field(node, options, Field::Code, used) {
            Some(n) => code_value(n)?,
            None => {
                return Err(format!(
                    "the record has no code (none of {}): record left out",
                    names(options, Field::Code)
                ));
            }
        },
    };
    let meaning = if keyed_text {
        node.str().map(str::to_string)
    } else {
        field(node, options, Field::Meaning, used).and_then(text)
    };
    let Some(meaning) = meaning.filter(|m| !m.trim().is_empty()) else {
        return Err(format!(
            "code {code} has no meaning (none of {}, as text): record left out",
            names(options, Field::Meaning)
        ));
    };
    let mut status = None;
    if is_map && let Some(s) = field(node, options, Field::Status, used) {
        status = match &s.value {
            Value::Null => None,
            Value::Number(t) | Value::String(t) => match t.trim().parse::<u16>() {
                Ok(n) if (100..=599).contains(&n) => Some(n),
                _ => {
                    return Err(format!(
                        "code {code}'s status {t:?} is not from 100 to 599: record left out"
                    ));
                }
            },
            _ => {
                return Err(format!(
                    "code {code}'s status is {}, not a number from 100 to 599: record left out",
                    s.kind()
                ));
            }
        };
    }
    if status.is_none() && options.status_from_code {
        status = status_from_code(&code);
    }
    let text_of = |f, used: &mut _| {
        if is_map {
            field(node, options, f, used).and_then(text)
        } else {
            None
        }
    };
    Ok(Code {
        code,
        status,
        meaning: one_line(&meaning),
        description: text_of(Field::Description, used),
        resolution: text_of(Field::Resolution, used),
        retryable: None,
        example: None,
        deprecated: None,
        allow: Vec::new(),
        at: None,
    })
}

fn names(options: &Options, f: Field) -> String {
    options
        .fields
        .names(f)
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A string, or an array of strings as a Markdown list; else nothing.
fn text(n: &Node) -> Option<String> {
    match &n.value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Seq(items) => {
            let lines: Vec<String> = items
                .iter()
                .filter_map(Node::str)
                .filter(|s| !s.trim().is_empty())
                .map(|s| format!("- {}", one_line(s)))
                .collect();
            (!lines.is_empty()).then(|| lines.join("\n"))
        }
        _ => None,
    }
}

/// A meaning is one line: line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decimal(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !s.starts_with('0'))
        && s.parse::<u64>().is_ok()
}

fn key_code(key: &str, integer_keys: bool) -> Result<CodeValue, String> {
    if integer_keys && let Ok(n) = key.parse::<u64>() {
        return Ok(CodeValue::Integer(n));
    }
    if key.trim().is_empty() {
        return Err("the record's key, its code, is empty: record left out".to_string());
    }
    Ok(CodeValue::Text(key.to_string()))
}

fn code_value(n: &Node) -> Result<CodeValue, String> {
    match &n.value {
        Value::Number(t) => t
            .parse::<u64>()
            .map(CodeValue::Integer)
            .map_err(|_| format!("code {t} is not a non-negative integer: record left out")),
        Value::String(s) if s.trim().is_empty() => {
            Err("the record's code is empty: record left out".to_string())
        }
        Value::String(s) => Ok(CodeValue::Text(s.clone())),
        _ => Err(format!(
            "the record's code is {}, not a string or an integer: record left out",
            n.kind()
        )),
    }
}

fn kind(c: &CodeValue) -> &'static str {
    match c {
        CodeValue::Text(_) => "text",
        CodeValue::Integer(_) => "an integer",
    }
}

/// The status an integer code's first three digits name, 400 to 599.
fn status_from_code(code: &CodeValue) -> Option<u16> {
    let CodeValue::Integer(n) = code else {
        return None;
    };
    let digits = n.to_string();
    let status: u16 = digits.get(..3)?.parse().ok()?;
    (400..=599).contains(&status).then_some(status)
}

/// The errors.toml, and the byte range of each code's table in it.
fn catalogue(
    file_name: &str,
    options: &Options,
    codes: &[(Code, Pos)],
    left_out: &[Problem],
    used: &BTreeMap<Field, BTreeSet<String>>,
) -> (String, Vec<Range<usize>>) {
    let mut out = format!("#:schema {}\n", write::SCHEMA_URL);
    let mut command = format!(
        "errcat import codes {}",
        file_name.replace(['\r', '\n'], " ")
    );
    if options.status_from_code {
        command.push_str(" --status-from-code");
    }
    if !options.fields.given.is_empty() {
        command.push_str(&format!(" --field {}", options.fields.shown()));
    }
    write::comment(
        &mut out,
        &format!("Application error codes, imported from {file_name} by `{command}`."),
    );
    out.push_str("#\n");
    let read: Vec<String> = Field::ALL
        .iter()
        .filter_map(|f| {
            let names = used.get(f)?;
            let names: Vec<String> = names
                .iter()
                .map(|n| {
                    if n.starts_with("the ") {
                        n.clone()
                    } else {
                        format!("`{n}`")
                    }
                })
                .collect();
            Some(format!("{} from {}", f.as_str(), names.join(" or ")))
        })
        .collect();
    write::comment(
        &mut out,
        &format!(
            "- Each record is a [[codes]] entry, in the registry's order: {}.",
            read.join("; ")
        ),
    );
    if options.status_from_code {
        write::comment(
            &mut out,
            "- --status-from-code: an integer code without a status whose first three digits are 400 to 599 comes with that status (40140 with 401); the others come with any status.",
        );
    }
    const SHOWN: usize = 20;
    for p in left_out.iter().take(SHOWN) {
        write::comment(&mut out, &format!("- Line {p}"));
    }
    if left_out.len() > SHOWN {
        write::comment(
            &mut out,
            &format!("- {} more records left out.", left_out.len() - SHOWN),
        );
    }
    write::comment(
        &mut out,
        "- No table lists these codes yet: list them in rows of [general] or [[endpoints]] (`codes = [...]`) to say which responses carry them.",
    );
    out.push_str("#\n");
    write::comment(
        &mut out,
        "Format: error-catalogue's README, \"errors.toml format\". Check: errcat check FILE",
    );
    out.push_str("\n[page]\n");
    out.push_str("# Placeholders: set the page's id, title, slug and where it is published.\n");
    write::key(&mut out, "id", "errors");
    write::key(&mut out, "title", "Error codes");
    write::key(&mut out, "slug", "/errors/");
    write::key(&mut out, "docs_base_url", write::PLACEHOLDER_DOCS_URL);
    out.push_str("\n[general]\n");
    write::key(&mut out, "title", super::spec::GENERAL_TITLE);
    write::key(&mut out, "slug", "http-status-codes");
    let mut blocks = Vec::with_capacity(codes.len());
    for (c, _) in codes {
        let start = out.len();
        write::code(&mut out, c);
        blocks.push(start..out.len());
    }
    (out, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn import(text: &str) -> Result<CodesImport, Vec<Problem>> {
        codes("r.json", text, &Options::default())
    }

    #[test]
    fn statuses_from_codes() {
        let s = |n| status_from_code(&CodeValue::Integer(n));
        assert_eq!(s(40140), Some(401));
        assert_eq!(s(50003), Some(500));
        assert_eq!(s(404), Some(404));
        assert_eq!(s(10000), None);
        assert_eq!(s(104009), None);
        assert_eq!(s(60000), None);
        assert_eq!(s(40), None);
        assert_eq!(status_from_code(&CodeValue::Text("40140".into())), None);
    }

    #[test]
    fn pointers_and_field_options() {
        let mut fields = Fields::default();
        fields.set("code=id, meaning=/texts/short").unwrap();
        assert!(fields.set("colour=x").unwrap_err().contains("not one of"));
        assert!(fields.set("meaning").unwrap_err().contains("KEY=FIELD"));
        let options = Options {
            fields,
            status_from_code: false,
        };
        let out = codes(
            "r.json",
            r#"[{"id": "a_b", "texts": {"short": "A b"}}]"#,
            &options,
        )
        .unwrap();
        assert!(
            out.toml.contains("code = \"a_b\"\nmeaning = \"A b\"\n"),
            "{}",
            out.toml
        );
        assert!(
            out.toml.contains("code=id,meaning=/texts/short`"),
            "{}",
            out.toml
        );
    }

    #[test]
    fn bad_records_are_left_out_with_a_place() {
        let out = import("[\n{\"code\": 1, \"message\": \"One\"},\n{\"message\": \"None\"},\n{\"code\": true, \"message\": \"x\"},\n{\"code\": 1, \"message\": \"Again\"},\n{\"code\": \"t\", \"message\": \"Text\"},\n{\"code\": 2}\n]").unwrap();
        let lines: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(
            lines[0].starts_with("3:1: the record has no code"),
            "{lines:?}"
        );
        assert!(lines[1].starts_with("4:1: the record's code is a boolean"));
        assert!(lines[2].starts_with("5:1: code 1 again (first at line 2)"));
        assert!(lines[3].contains("code t is text, but the first code (1, line 2) is an integer"));
        assert!(lines[4].starts_with("7:1: code 2 has no meaning"));
        assert_eq!(out.codes, 1);
        assert_eq!(out.toml.matches("# - Line ").count(), 5, "{}", out.toml);
    }

    #[test]
    fn unreadable_registries_are_errors() {
        assert!(
            import("codes: []").unwrap_err()[0]
                .message
                .starts_with("not JSON")
        );
        assert!(import("").unwrap_err()[0].message.contains("empty"));
        assert!(import("[]").unwrap_err()[0].message.contains("no record"));
        let e = import("[{\"message\": \"x\"}]").unwrap_err();
        assert_eq!(
            e.last().unwrap().message,
            "no record of the registry could be imported"
        );
    }

    proptest! {
        /// Any text is an import or located problems: never a panic.
        #[test]
        fn never_panics(text in "[{}\\[\\]:,\"\\\\ \n\t0-9a-z$/~é-]{0,80}") {
            let _ = import(&text);
            let _ = import(&format!("[{{\"code\": {text}"));
            let _ = codes("x", &format!("{{\"codes\": {{\"1\": {text}"), &Options { status_from_code: true, ..Options::default() });
        }
    }
}
