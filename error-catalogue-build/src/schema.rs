//! The format: a parsed TOML tree into the [`model`](crate::model), every key
//! checked against README's tables.
//!
//! Serde stops at the first unknown key or wrong type; this walk reports them
//! all, each at the span toml gives the key or value, and drops only the row
//! or endpoint that cannot be read, so validation still sees the rest.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::catalogue::CodeValue;
use crate::diagnostic::{Code, Diagnostic, Severity, shown};
use crate::model::{
    ApiDef, CatalogueFile, CodeDef, EndpointDef, EntryDef, ExampleDef, GeneralDef, PageDef,
    SupportDef,
};
use crate::suggest;

/// Keys of the top level.
pub const FILE_KEYS: &[&str] = &["page", "api", "general", "endpoints", "codes"];
/// Keys of `[api]`.
pub const API_KEYS: &[&str] = &["base_paths", "code_pointers"];
/// Keys of `[page]`.
pub const PAGE_KEYS: &[&str] = &[
    "id",
    "title",
    "sidebar_label",
    "slug",
    "docs_base_url",
    "imports",
    "intro",
    "support",
];
/// Keys of `[page.support]`.
pub const SUPPORT_KEYS: &[&str] = &["notice", "email"];
/// Keys of `[general]`.
pub const GENERAL_KEYS: &[&str] = &["title", "slug", "errors"];
/// Keys of `[[endpoints]]`.
pub const ENDPOINT_KEYS: &[&str] = &["name", "slug", "method", "path", "deprecated", "errors"];
/// Keys of an entry (`[[general.errors]]`, `[[endpoints.errors]]`).
pub const ENTRY_KEYS: &[&str] = &[
    "status",
    "meaning",
    "description",
    "resolution",
    "retryable",
    "example",
    "allow",
    "deprecated",
    "codes",
];
/// Keys of `[[codes]]`.
pub const CODE_KEYS: &[&str] = &[
    "code",
    "status",
    "meaning",
    "description",
    "resolution",
    "retryable",
    "example",
    "allow",
    "deprecated",
];
/// Keys of an entry's `example`.
pub const EXAMPLE_KEYS: &[&str] = &["caption", "lang", "body"];

/// Reads the model from a parsed document. `syntax_failed` says the tree was
/// recovered from syntax errors: then only unknown keys are reported (missing
/// keys and wrong types there may be the parser's guesses) and no model is
/// returned.
pub fn file(
    text: &str,
    root: &Spanned<DeTable<'_>>,
    syntax_failed: bool,
) -> (Option<CatalogueFile>, Vec<Diagnostic>) {
    let mut r = Reader {
        text,
        diagnostics: Vec::new(),
        lenient: syntax_failed,
    };
    let keys = r.keys(root.get_ref(), 0..0, "the file", FILE_KEYS);
    let page = r.required_table(&keys, "page", "[page]", |r, t, h| r.page(t, h));
    let general = r.required_table(&keys, "general", "[general]", |r, t, h| r.general(t, h));
    let endpoints = r.table_array(&keys, "endpoints", "[[endpoints]]", |r, t, h| {
        r.endpoint(t, h)
    });
    let api = r.optional_table(&keys, "api", "[api]", |r, t, h| {
        let keys = r.keys(t, h, "[api]", API_KEYS);
        let code_pointers = keys
            .get("code_pointers")
            .map(|_| r.strings(&keys, "code_pointers"));
        Some(ApiDef {
            base_paths: r.strings(&keys, "base_paths"),
            code_pointers,
        })
    });
    let codes = r.table_array(&keys, "codes", "[[codes]]", |r, t, h| r.code_row(t, h));
    // A mistyped `codes` is reported and read as no rows: incomplete too.
    let rows = keys
        .get("codes")
        .map_or(Some(0), |v| as_array(v.get_ref()).map(|rows| rows.len()));
    let file = match (page, general) {
        (Some(page), Some(general)) if !syntax_failed => Some(CatalogueFile {
            page,
            general,
            endpoints,
            api,
            codes_incomplete: rows != Some(codes.len()),
            codes,
        }),
        _ => None,
    };
    (file, r.diagnostics)
}

/// The walk's state: what it found so far, and whether to hold back guesses.
struct Reader<'t> {
    /// The document's text, to quote a value as written in a hint.
    text: &'t str,
    diagnostics: Vec<Diagnostic>,
    /// After syntax errors: report unknown keys only.
    lenient: bool,
}

/// One table's known keys with their values, after unknown keys were reported.
struct Keys<'a, 'i> {
    what: &'static str,
    header: Range<usize>,
    found: Vec<(&'static str, &'a Spanned<DeValue<'i>>)>,
}

impl<'a, 'i> Keys<'a, 'i> {
    fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.found.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

impl Reader<'_> {
    fn push(&mut self, d: Diagnostic) {
        if !self.lenient || d.code == Code::UnknownKey {
            self.diagnostics.push(d);
        }
    }

    /// Reports every key of `table` not in `known`, with the closest known key.
    fn keys<'a, 'i>(
        &mut self,
        table: &'a DeTable<'i>,
        header: Range<usize>,
        what: &'static str,
        known: &[&'static str],
    ) -> Keys<'a, 'i> {
        let mut found = Vec::with_capacity(known.len());
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            match known.iter().find(|k| **k == name) {
                Some(k) => found.push((*k, value)),
                None => {
                    let listed = known.join(", ");
                    let hint = match suggest::closest(name, known) {
                        Some(best) => format!("did you mean `{best}`? {what} has: {listed}"),
                        None => format!("{what} has: {listed}"),
                    };
                    self.push(
                        Diagnostic::new(
                            Code::UnknownKey,
                            format!("unknown key {} in {what}", shown(name)),
                        )
                        .at(key.span())
                        .label("unknown key")
                        .hint(hint),
                    );
                }
            }
        }
        Keys {
            what,
            header,
            found,
        }
    }

    fn missing(&mut self, keys: &Keys<'_, '_>, key: &str, example: &str) {
        self.push(
            Diagnostic::new(
                Code::MissingKey,
                format!("missing key `{key}` in {}", keys.what),
            )
            .at(keys.header.clone())
            .label(format!("`{key}` is required here"))
            .hint(format!("add `{example}`")),
        );
    }

    fn wrong_type(
        &mut self,
        key: &str,
        expected: &str,
        value: &Spanned<DeValue<'_>>,
        hint: String,
    ) {
        let found = value.get_ref();
        self.push(
            Diagnostic::new(
                Code::WrongType,
                format!(
                    "`{key}` must be {expected}, found {} {}",
                    article(found.type_str()),
                    describe(found)
                ),
            )
            .at(value.span())
            .label(format!("expected {expected}"))
            .hint(hint),
        );
    }

    fn required_table<T>(
        &mut self,
        keys: &Keys<'_, '_>,
        key: &'static str,
        what: &'static str,
        read: impl FnOnce(&mut Self, &DeTable<'_>, Range<usize>) -> Option<T>,
    ) -> Option<T> {
        match keys.get(key) {
            None => {
                self.missing(keys, key, what);
                None
            }
            Some(value) => match value.get_ref() {
                DeValue::Table(t) => read(self, t, value.span()),
                _ => {
                    self.wrong_type(
                        key,
                        "a table",
                        value,
                        format!("write the table as `{what}` followed by its keys"),
                    );
                    None
                }
            },
        }
    }

    fn optional_table<T>(
        &mut self,
        keys: &Keys<'_, '_>,
        key: &'static str,
        what: &'static str,
        read: impl FnOnce(&mut Self, &DeTable<'_>, Range<usize>) -> Option<T>,
    ) -> Option<T> {
        keys.get(key)?;
        self.required_table(keys, key, what, read)
    }

    /// An array of tables (`[[key]]`); rows that cannot be read are dropped.
    fn table_array<T>(
        &mut self,
        keys: &Keys<'_, '_>,
        key: &'static str,
        what: &'static str,
        mut read: impl FnMut(&mut Self, &DeTable<'_>, Range<usize>) -> Option<T>,
    ) -> Vec<Spanned<T>> {
        let Some(value) = keys.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(rows) = value.get_ref() else {
            self.wrong_type(
                key,
                "an array of tables",
                value,
                format!("write each row as `{what}` followed by its keys"),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(rows.len());
        for row in rows.iter() {
            match row.get_ref() {
                DeValue::Table(t) => {
                    if let Some(def) = read(self, t, row.span()) {
                        out.push(Spanned::new(row.span(), def));
                    }
                }
                _ => self.wrong_type(
                    key,
                    "an array of tables",
                    row,
                    format!("write each row as `{what}` followed by its keys"),
                ),
            }
        }
        out
    }

    fn string(&mut self, keys: &Keys<'_, '_>, key: &str) -> Option<Spanned<String>> {
        let value = keys.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(value.span(), s.to_string())),
            DeValue::Array(_) | DeValue::Table(_) => {
                self.wrong_type(key, "a string", value, format!("write `{key} = \"...\"`"));
                None
            }
            _ => {
                let written = self.text.get(value.span()).unwrap_or_default();
                let hint = format!("quote the value: `{key} = {}`", shown(written));
                self.wrong_type(key, "a string", value, hint);
                None
            }
        }
    }

    fn required_string(&mut self, keys: &Keys<'_, '_>, key: &str) -> Option<Spanned<String>> {
        if keys.get(key).is_none() {
            self.missing(keys, key, &format!("{key} = \"...\""));
            return None;
        }
        self.string(keys, key)
    }

    fn strings(&mut self, keys: &Keys<'_, '_>, key: &str) -> Vec<Spanned<String>> {
        let Some(value) = keys.get(key) else {
            return Vec::new();
        };
        let Some(items) = as_array(value.get_ref()) else {
            self.wrong_type(
                key,
                "an array of strings",
                value,
                format!("write `{key} = [\"...\", \"...\"]`"),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(item.span(), s.to_string())),
                _ => self.wrong_type(
                    key,
                    "an array of strings",
                    item,
                    "quote each element".to_string(),
                ),
            }
        }
        out
    }

    fn page(&mut self, table: &DeTable<'_>, header: Range<usize>) -> Option<PageDef> {
        let keys = self.keys(table, header, "[page]", PAGE_KEYS);
        let id = self.required_string(&keys, "id");
        let title = self.required_string(&keys, "title");
        let sidebar_label = self.string(&keys, "sidebar_label");
        let slug = self.required_string(&keys, "slug");
        let docs_base_url = self.required_string(&keys, "docs_base_url");
        let imports = self.strings(&keys, "imports");
        let intro = self.strings(&keys, "intro");
        let support = self.optional_table(&keys, "support", "[page.support]", |r, t, h| {
            let keys = r.keys(t, h, "[page.support]", SUPPORT_KEYS);
            let notice = r.required_string(&keys, "notice");
            let email = r.required_string(&keys, "email");
            Some(SupportDef {
                notice: notice?,
                email: email?,
            })
        });
        Some(PageDef {
            id: id?,
            title: title?,
            sidebar_label,
            slug: slug?,
            docs_base_url: docs_base_url?,
            imports,
            intro,
            support,
        })
    }

    fn general(&mut self, table: &DeTable<'_>, header: Range<usize>) -> Option<GeneralDef> {
        let keys = self.keys(table, header, "[general]", GENERAL_KEYS);
        let title = self.required_string(&keys, "title");
        let slug = self.string(&keys, "slug");
        let errors = self.table_array(&keys, "errors", "[[general.errors]]", |r, t, h| {
            r.entry(t, h, "[[general.errors]]")
        });
        Some(GeneralDef {
            title: title?,
            slug,
            errors,
        })
    }

    fn endpoint(&mut self, table: &DeTable<'_>, header: Range<usize>) -> Option<EndpointDef> {
        let keys = self.keys(table, header, "[[endpoints]]", ENDPOINT_KEYS);
        let name = self.required_string(&keys, "name");
        let slug = self.string(&keys, "slug");
        let method = self.required_string(&keys, "method");
        let path = self.required_string(&keys, "path");
        let deprecated = self.string(&keys, "deprecated");
        let errors = self.table_array(&keys, "errors", "[[endpoints.errors]]", |r, t, h| {
            r.entry(t, h, "[[endpoints.errors]]")
        });
        Some(EndpointDef {
            name: name?,
            slug,
            method: method?,
            path: path?,
            deprecated,
            errors,
        })
    }

    fn entry(
        &mut self,
        table: &DeTable<'_>,
        header: Range<usize>,
        what: &'static str,
    ) -> Option<EntryDef> {
        let keys = self.keys(table, header, what, ENTRY_KEYS);
        let status = self.status(&keys);
        let meaning = self.required_string(&keys, "meaning");
        let description = self.string(&keys, "description");
        let resolution = self.string(&keys, "resolution");
        let retryable = self.retryable(&keys);
        let example_table = if what.contains("general") {
            "[general.errors.example]"
        } else {
            "[endpoints.errors.example]"
        };
        let example = self.example(&keys, example_table);
        let allow = self.allow(&keys);
        let deprecated = self.string(&keys, "deprecated");
        let codes = self.code_list(&keys);
        Some(EntryDef {
            status: status?,
            meaning: meaning?,
            description,
            resolution,
            retryable,
            example,
            allow,
            deprecated,
            codes,
        })
    }

    fn example(&mut self, keys: &Keys<'_, '_>, table: &'static str) -> Option<ExampleDef> {
        self.optional_table(keys, "example", table, |r, t, h| {
            let keys = r.keys(t, h, table, EXAMPLE_KEYS);
            let caption = r.string(&keys, "caption");
            let lang = r.string(&keys, "lang");
            let body = r.required_string(&keys, "body");
            Some(ExampleDef {
                caption,
                lang,
                body: body?,
            })
        })
    }

    /// One `[[codes]]` row; dropped when a key is missing or mistyped.
    fn code_row(&mut self, table: &DeTable<'_>, header: Range<usize>) -> Option<CodeDef> {
        let keys = self.keys(table, header, "[[codes]]", CODE_KEYS);
        let code = match keys.get("code") {
            None => {
                self.missing(&keys, "code", "code = \"card_declined\"");
                None
            }
            Some(value) => self.code_value("code", CODE_TYPE, value),
        };
        // Absent is `Some(None)`, any status; mistyped is `None`.
        let status = match keys.get("status") {
            None => Some(None),
            Some(_) => self.status(&keys).map(Some),
        };
        let meaning = self.required_string(&keys, "meaning");
        let description = self.string(&keys, "description");
        let resolution = self.string(&keys, "resolution");
        let retryable = self.retryable(&keys);
        let example = self.example(&keys, "[codes.example]");
        let allow = self.allow(&keys);
        let deprecated = self.string(&keys, "deprecated");
        Some(CodeDef {
            code: code?,
            status: status?,
            meaning: meaning?,
            description,
            resolution,
            retryable,
            example,
            allow,
            deprecated,
        })
    }

    /// A row's `codes`: every element that is a code, the rest reported.
    fn code_list(&mut self, keys: &Keys<'_, '_>) -> Vec<Spanned<CodeValue>> {
        let Some(value) = keys.get("codes") else {
            return Vec::new();
        };
        let Some(items) = as_array(value.get_ref()) else {
            self.wrong_type(
                "codes",
                CODES_TYPE,
                value,
                "write `codes = [\"card_declined\", \"expired_card\"]`, or integers: `codes = [40140]`"
                    .to_string(),
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.code_value("codes", CODES_TYPE, item))
            .collect()
    }

    /// An application code: a string, or an integer from 0 to `u64::MAX`.
    fn code_value(
        &mut self,
        key: &str,
        expected: &str,
        value: &Spanned<DeValue<'_>>,
    ) -> Option<Spanned<CodeValue>> {
        let code = match value.get_ref() {
            DeValue::String(s) => CodeValue::Text(s.to_string()),
            DeValue::Integer(int) => match u64::from_str_radix(int.as_str(), int.radix()) {
                Ok(n) => CodeValue::Integer(n),
                Err(_) => {
                    let why = if int.as_str().starts_with('-') {
                        "is negative"
                    } else {
                        "is over the largest integer code, 18446744073709551615"
                    };
                    self.push(
                        Diagnostic::new(Code::BadCode, format!("code {int} {why}"))
                            .at(value.span())
                            .label("not a code")
                            .hint("integer codes are from 0 to 18446744073709551615; write any other code as the string the API sends"),
                    );
                    return None;
                }
            },
            _ => {
                let hint = match key {
                    "code" => {
                        "write the code as the API sends it: `code = \"card_declined\"` or `code = 40140`"
                    }
                    _ => {
                        "write each code as the API sends it: a string (`\"card_declined\"`) or an integer (`40140`)"
                    }
                };
                self.wrong_type(key, expected, value, hint.to_string());
                return None;
            }
        };
        Some(Spanned::new(value.span(), code))
    }

    fn status(&mut self, keys: &Keys<'_, '_>) -> Option<Spanned<i64>> {
        let Some(value) = keys.get("status") else {
            self.missing(keys, "status", "status = 404");
            return None;
        };
        let hint = |n: Option<i64>| match n {
            Some(n) => format!("write the status as a bare integer: `status = {n}`"),
            None => "write the status as a bare integer, e.g. `status = 404`".to_string(),
        };
        match value.get_ref() {
            DeValue::Integer(int) => match i64::from_str_radix(int.as_str(), int.radix()) {
                Ok(n) => Some(Spanned::new(value.span(), n)),
                Err(_) => {
                    self.push(
                        Diagnostic::new(
                            Code::StatusRange,
                            format!("status {int} is outside 100–599"),
                        )
                        .at(value.span())
                        .label("not an HTTP status")
                        .hint("HTTP statuses are three-digit numbers from 100 to 599"),
                    );
                    None
                }
            },
            DeValue::String(s) => {
                let digits: String = s
                    .trim()
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .take(4)
                    .collect();
                let n = (digits.len() == 3).then(|| digits.parse().ok()).flatten();
                self.wrong_type("status", "an integer", value, hint(n));
                None
            }
            DeValue::Float(f) => {
                let n = f
                    .as_str()
                    .parse::<f64>()
                    .ok()
                    .filter(|f| f.fract() == 0.0 && (100.0..=599.0).contains(f))
                    .map(|f| f as i64);
                self.wrong_type("status", "an integer", value, hint(n));
                None
            }
            _ => {
                self.wrong_type("status", "an integer", value, hint(None));
                None
            }
        }
    }

    fn retryable(&mut self, keys: &Keys<'_, '_>) -> Option<Spanned<bool>> {
        let value = keys.get("retryable")?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(value.span(), *b)),
            other => {
                let guess = match other {
                    DeValue::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                        "true" | "yes" | "y" | "1" => Some(true),
                        "false" | "no" | "n" | "0" => Some(false),
                        _ => None,
                    },
                    DeValue::Integer(i) => match i.as_str() {
                        "1" => Some(true),
                        "0" => Some(false),
                        _ => None,
                    },
                    _ => None,
                };
                let hint = match guess {
                    Some(b) => format!("write a bare boolean: `retryable = {b}`"),
                    None => "write `retryable = true` or `retryable = false`".to_string(),
                };
                self.wrong_type("retryable", "a boolean", value, hint);
                None
            }
        }
    }

    /// `allow = ["non-canonical-meaning", "W0002"]`: warning names or ids.
    fn allow(&mut self, keys: &Keys<'_, '_>) -> Vec<Spanned<Code>> {
        let mut out = Vec::new();
        for name in self.strings(keys, "allow") {
            let text = name.get_ref().trim();
            let code = Code::ALL
                .iter()
                .copied()
                .find(|c| c.name() == text || c.id().eq_ignore_ascii_case(text));
            let warnings: Vec<&str> = Code::ALL
                .iter()
                .filter(|c| c.severity() == Severity::Warning)
                .map(|c| c.name())
                .collect();
            match code {
                Some(code) if code.severity() == Severity::Warning => {
                    out.push(Spanned::new(name.span(), code));
                }
                Some(code) => self.push(
                    Diagnostic::new(
                        Code::BadAllow,
                        format!("{code} is an error and cannot be allowed"),
                    )
                    .at(name.span())
                    .label("not a warning")
                    .hint(format!(
                        "fix the error instead; `allow` takes warnings: {}",
                        warnings.join(", ")
                    )),
                ),
                None => {
                    let hint = match suggest::closest(text, &warnings) {
                        Some(best) => {
                            format!("did you mean \"{best}\"? warnings: {}", warnings.join(", "))
                        }
                        None => format!(
                            "`allow` takes warning names or ids: {}",
                            warnings.join(", ")
                        ),
                    };
                    self.push(
                        Diagnostic::new(
                            Code::BadAllow,
                            format!("`allow` names no warning: {}", shown(text)),
                        )
                        .at(name.span())
                        .label("unknown warning")
                        .hint(hint),
                    )
                }
            }
        }
        out
    }
}

/// What `code` holds, as E0005 says it.
const CODE_TYPE: &str = "a string or a non-negative integer";
/// What a row's `codes` holds, as E0005 says it.
const CODES_TYPE: &str = "an array of strings or non-negative integers";

fn as_array<'a, 'i>(value: &'a DeValue<'i>) -> Option<&'a DeArray<'i>> {
    match value {
        DeValue::Array(a) => Some(a),
        _ => None,
    }
}

fn article(type_name: &str) -> &'static str {
    match type_name.as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    }
}

/// The type's name and, for scalars, the value quoted (shortened if long).
fn describe(value: &DeValue<'_>) -> String {
    let shown = match value {
        DeValue::String(s) => shown(s),
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) | DeValue::Table(_) => String::new(),
    };
    if shown.is_empty() {
        value.type_str().to_string()
    } else {
        format!("{}: {shown}", value.type_str())
    }
}
