//! The catalogue as errors.toml text, laid out as a person writes it: the
//! `#:schema` line, a header saying where it came from, `[page]`, `[api]`,
//! `[general]`, the `[[codes]]` registry, then each endpoint and its rows,
//! one table per row.

use std::ops::Range;

use super::spec::{Code, Doc, Example, Row};
use crate::catalogue::CodeValue;

/// Where the page is published, when the spec does not say.
pub const PLACEHOLDER_DOCS_URL: &str = "https://example.com/docs";

/// The published JSON Schema of errors.toml (`schema/errors-toml.schema.json`
/// on the main branch): the file's first line names it as `#:schema URL`, a
/// comment to TOML that Taplo (Even Better TOML) reads, so an editor
/// completes and checks the keys of an imported catalogue.
pub const SCHEMA_URL: &str = "https://raw.githubusercontent.com/error-catalogue/error-catalogue/main/schema/errors-toml.schema.json";

/// Where each part of the written file is, in order, for the validator's
/// diagnostics to name it.
pub struct Blocks {
    /// Each endpoint's text, from its comments to its last row.
    pub endpoints: Vec<Range<usize>>,
    /// Each `[[codes]]` entry's text.
    pub codes: Vec<Range<usize>>,
}

/// The document as errors.toml, and where each endpoint and code is in it.
pub fn catalogue(doc: &Doc, file_name: &str) -> (String, Blocks) {
    let mut out = format!("#:schema {SCHEMA_URL}\n");
    header(&mut out, doc, file_name);
    let page = &doc.page;
    out.push_str("[page]\n");
    key(&mut out, "id", &page.id);
    key(&mut out, "title", &page.title);
    if let Some(label) = &page.sidebar_label {
        key(&mut out, "sidebar_label", label);
    }
    key(&mut out, "slug", &page.slug);
    match &page.docs_base_url {
        Some(url) => key(&mut out, "docs_base_url", url),
        None => {
            out.push_str("# The spec has no externalDocs: set where this page is published.\n");
            key(&mut out, "docs_base_url", PLACEHOLDER_DOCS_URL);
        }
    }
    array(&mut out, "imports", &page.imports);
    array(&mut out, "intro", &page.intro);
    if let Some((notice, email)) = &page.support {
        out.push_str("\n[page.support]\n");
        key(&mut out, "notice", notice);
        key(&mut out, "email", email);
    }
    let pointers = doc.code_pointers.as_deref().unwrap_or_default();
    if !doc.base_paths.0.is_empty() || !pointers.is_empty() {
        out.push_str("\n[api]\n");
        array(&mut out, "base_paths", &doc.base_paths.0);
        array(&mut out, "code_pointers", pointers);
    }
    out.push_str("\n[general]\n");
    key(&mut out, "title", &doc.general.title);
    key(&mut out, "slug", &doc.general.slug);
    for r in &doc.general.rows {
        row(&mut out, r, "general.errors");
    }
    let mut codes = Vec::with_capacity(doc.codes.len());
    for c in &doc.codes {
        let start = out.len();
        code(&mut out, c);
        codes.push(start..out.len());
    }
    let mut blocks = Vec::with_capacity(doc.endpoints.len());
    for e in &doc.endpoints {
        out.push('\n');
        let start = out.len();
        for note in &e.notes {
            comment(&mut out, note);
        }
        out.push_str("[[endpoints]]\n");
        key(&mut out, "name", &e.name);
        key(&mut out, "slug", &e.slug);
        key(&mut out, "method", &e.method);
        key(&mut out, "path", &e.path);
        if let Some(note) = &e.deprecated {
            key(&mut out, "deprecated", note);
        }
        for r in &e.rows {
            row(&mut out, r, "endpoints.errors");
        }
        blocks.push(start..out.len());
    }
    let blocks = Blocks {
        endpoints: blocks,
        codes,
    };
    (out, blocks)
}

fn header(out: &mut String, doc: &Doc, file_name: &str) {
    let version = doc
        .version
        .as_deref()
        .map(|v| format!(", info.version {v}"))
        .unwrap_or_default();
    comment(
        out,
        &format!(
            "{}: the error responses its {} description documents, as data.",
            doc.page.title, doc.dialect
        ),
    );
    comment(
        out,
        &format!(
            "Imported from {} by `errcat import openapi`{version}.",
            file_name.replace(['\r', '\n'], " ")
        ),
    );
    out.push_str("#\n");
    if doc.rendered {
        comment(
            out,
            "- The document was rendered from an error catalogue: its x-catalogue, x-endpoint and x-entry extensions give that catalogue back.",
        );
    } else {
        comment(
            out,
            "- Each operation with a 4xx or 5xx response is an endpoint, named from its operationId (else its summary, else its method and path); each such response is a row: the status's reason phrase, the response's description, its example body.",
        );
        let statuses: Vec<String> = doc
            .general
            .rows
            .iter()
            .map(|r| r.status.to_string())
            .collect();
        if statuses.is_empty() {
            comment(
                out,
                "- No status is documented alike by every operation: the general table is empty.",
            );
        } else {
            comment(
                out,
                &format!(
                    "- Every operation documents {} alike: those rows are the general table's, and lookups fall back to them.",
                    statuses.join(", ")
                ),
            );
        }
    }
    if !doc.left_out.is_empty() {
        let n = doc.left_out.len();
        let shown: Vec<&str> = doc.left_out.iter().take(8).map(String::as_str).collect();
        let more = if n > shown.len() {
            format!(" and {} more", n - shown.len())
        } else {
            String::new()
        };
        comment(
            out,
            &format!(
                "- Left out: {n} operation{} without a 4xx or 5xx response ({}{more}).",
                if n == 1 { "" } else { "s" },
                shown.join(", ")
            ),
        );
    }
    // As `import codes` says of its records left out.
    const SHOWN: usize = 20;
    for p in doc.dropped.iter().take(SHOWN) {
        comment(out, &format!("- Line {p}"));
    }
    if doc.dropped.len() > SHOWN {
        comment(
            out,
            &format!("- {} more operations left out.", doc.dropped.len() - SHOWN),
        );
    }
    for note in &doc.notes {
        comment(out, note);
    }
    let (base_paths, from) = &doc.base_paths;
    if !base_paths.is_empty() {
        comment(
            out,
            &format!(
                "- Requests carry a base path ({from}: {}) before these templates, which are the spec's paths as written: [api] base_paths.",
                base_paths
                    .iter()
                    .map(|b| format!("{b:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    out.push_str("#\n");
    comment(
        out,
        "Format: error-catalogue's README, \"errors.toml format\". Check: errcat check FILE",
    );
    out.push('\n');
}

/// A comment, wrapped at 100 columns; a bullet's later lines indented.
pub(super) fn comment(out: &mut String, text: &str) {
    let text = text.replace(['\r', '\n'], " ");
    let indent = if text.starts_with("- ") { "#  " } else { "#" };
    let mut line = String::from("#");
    for word in text.split(' ') {
        if line.len() + word.len() + 1 > 100 && line.len() > indent.len() {
            out.push_str(&line);
            out.push('\n');
            line = String::from(indent);
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
}

fn row(out: &mut String, r: &Row, table: &str) {
    out.push('\n');
    for note in &r.notes {
        comment(out, note);
    }
    out.push_str("[[");
    out.push_str(table);
    out.push_str("]]\n");
    out.push_str(&format!("status = {}\n", r.status));
    key(out, "meaning", &r.meaning);
    if !r.allow.is_empty() {
        let names: Vec<String> = r.allow.iter().map(|a| format!("\"{a}\"")).collect();
        out.push_str(&format!("allow = [{}]\n", names.join(", ")));
    }
    if let Some(d) = &r.description {
        key(out, "description", d);
    }
    if let Some(res) = &r.resolution {
        key(out, "resolution", res);
    }
    if let Some(flag) = r.retryable {
        out.push_str(&format!("retryable = {flag}\n"));
    }
    if let Some(note) = &r.deprecated {
        key(out, "deprecated", note);
    }
    if !r.codes.is_empty() {
        out.push_str("codes = [");
        for (i, c) in r.codes.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            code_value(out, c);
        }
        out.push_str("]\n");
    }
    if let Some(example) = &r.example {
        example_table(out, example, table);
    }
}

/// A `[[codes]]` entry, keys in the README's order.
pub(super) fn code(out: &mut String, c: &Code) {
    out.push_str("\n[[codes]]\ncode = ");
    code_value(out, &c.code);
    out.push('\n');
    if let Some(status) = c.status {
        out.push_str(&format!("status = {status}\n"));
    }
    key(out, "meaning", &c.meaning);
    if !c.allow.is_empty() {
        let names: Vec<String> = c.allow.iter().map(|a| format!("\"{a}\"")).collect();
        out.push_str(&format!("allow = [{}]\n", names.join(", ")));
    }
    if let Some(d) = &c.description {
        key(out, "description", d);
    }
    if let Some(res) = &c.resolution {
        key(out, "resolution", res);
    }
    if let Some(flag) = c.retryable {
        out.push_str(&format!("retryable = {flag}\n"));
    }
    if let Some(note) = &c.deprecated {
        key(out, "deprecated", note);
    }
    if let Some(example) = &c.example {
        example_table(out, example, "codes");
    }
}

/// A code as sent: a TOML string, or an integer.
fn code_value(out: &mut String, c: &CodeValue) {
    match c {
        CodeValue::Text(s) => string(out, s),
        CodeValue::Integer(n) => out.push_str(&n.to_string()),
    }
}

fn example_table(out: &mut String, x: &Example, table: &str) {
    out.push_str(&format!("\n[{table}.example]\n"));
    if let Some(caption) = &x.caption {
        key(out, "caption", caption);
    }
    if let Some(lang) = &x.lang {
        key(out, "lang", lang);
    }
    key(out, "body", &x.body);
}

pub(super) fn key(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(" = ");
    string(out, value);
    out.push('\n');
}

fn array(out: &mut String, name: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(name);
    out.push_str(" = [\n");
    for item in items {
        out.push_str("    ");
        string(out, item);
        out.push_str(",\n");
    }
    out.push_str("]\n");
}

/// A TOML string that reads as written: multi-line text as a multi-line
/// string (literal when it can be), text with quotes or backslashes as a
/// literal string, else a basic string; escapes only where TOML needs them.
pub fn string(out: &mut String, s: &str) {
    let printable = |c: char| c == '\t' || !c.is_control();
    if s.contains('\n') {
        if s.chars().all(|c| c == '\n' || printable(c)) && !s.contains("'''") && !s.ends_with('\'')
        {
            out.push_str("'''\n");
            out.push_str(s);
            out.push_str("'''");
        } else {
            out.push_str("\"\"\"\n");
            escaped(out, s, true);
            out.push_str("\"\"\"");
        }
    } else if (s.contains('"') || s.contains('\\')) && !s.contains('\'') && s.chars().all(printable)
    {
        out.push('\'');
        out.push_str(s);
        out.push('\'');
    } else {
        out.push('"');
        escaped(out, s, false);
        out.push('"');
    }
}

fn escaped(out: &mut String, s: &str, multiline: bool) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if multiline => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::string;

    #[test]
    fn strings_read_back_exactly() {
        let cases = [
            "plain",
            "with \"quotes\"",
            "it's \"both\" \\",
            "line\nbreak",
            "{\n    \"message\": \"x\"\n}",
            "ends in a quote'\nx'",
            "three '''\nquotes",
            "control \u{0} \u{7f} \r\n tab\t",
            "\nleading newline",
            "trailing newline\n",
            "",
            "\u{2028} \u{feff} é",
        ];
        for case in cases {
            let mut text = String::from("v = ");
            string(&mut text, case);
            let back: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(back["v"].as_str(), Some(case), "{text}");
        }
        let mut text = String::new();
        string(&mut text, "{\n  \"a\": 1\n}");
        assert_eq!(text, "'''\n{\n  \"a\": 1\n}'''");
    }
}
