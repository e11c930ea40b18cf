//! Validation of application codes: `[[codes]]`, the codes a row lists, and
//! `[api] code_pointers`.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml::Spanned;

use super::Validator;
use crate::catalogue::{AppCode, CodeValue, DEFAULT_CODE_POINTERS};
use crate::diagnostic::{Code, Diagnostic, shown};
use crate::model::{CatalogueFile, CodeDef, EntryDef};
use crate::{names, suggest};

/// The most `[[codes]]` a catalogue may have: a `u16` numbers them, as it
/// does endpoints.
pub const MAX_CODES: usize = u16::MAX as usize;

/// The most unknown codes a check looks for a near code for: each look
/// measures the code against every known one.
const MAX_SUGGESTIONS: usize = 100;

/// `[[codes]]` as read, for checking the codes rows list.
#[derive(Default)]
pub(super) struct Registry {
    /// Each code, first definition only: its status (when valid) and where
    /// the status is written.
    known: BTreeMap<CodeValue, (Option<u16>, Option<Range<usize>>)>,
    /// Every code some row lists, and every code an `E0021` suggested in
    /// place of one a row lists: neither is unlisted.
    listed: BTreeSet<CodeValue>,
    /// Some `[[codes]]` rows were not read: a code missing from `known`
    /// may be one of them.
    incomplete: bool,
    /// How many near codes were looked for so far.
    suggested: usize,
}

/// A code as a message quotes it: a string in quotes, an integer bare.
fn quoted(code: &CodeValue) -> String {
    match code {
        CodeValue::Text(s) => shown(s),
        CodeValue::Integer(n) => n.to_string(),
    }
}

/// One code's kind, as a message names it.
fn one_of(code: &CodeValue) -> &'static str {
    match code {
        CodeValue::Text(_) => "a string",
        CodeValue::Integer(_) => "an integer",
    }
}

/// A catalogue's kind, as a message names it.
fn kind(code: &CodeValue) -> &'static str {
    match code {
        CodeValue::Text(_) => "strings",
        CodeValue::Integer(_) => "integers",
    }
}

impl Validator {
    /// `[[codes]]` into checked codes, every problem reported: `E0017` past
    /// [`MAX_CODES`], `E0024` for the minority kind, then per code `E0020`,
    /// `E0025`, `E0010` between codes, `E0006`, `E0013`, `W0003`.
    pub(super) fn codes(&mut self, file: &CatalogueFile) -> Vec<AppCode> {
        self.registry.incomplete = file.codes_incomplete;
        if let Some(over) = file.codes.get(MAX_CODES) {
            self.push(
                Diagnostic::new(
                    Code::Limit,
                    format!(
                        "{} codes, over the limit of {MAX_CODES} (MAX_CODES)",
                        file.codes.len()
                    ),
                )
                .at(over.get_ref().code.span())
                .label("one too many")
                .hint("split the registry into catalogues by product or API"),
            );
        }
        self.mixed_kinds(&file.codes);
        let mut idents: BTreeMap<String, (&CodeValue, Range<usize>)> = BTreeMap::new();
        let mut spans: BTreeMap<&CodeValue, Range<usize>> = BTreeMap::new();
        let mut out = Vec::with_capacity(file.codes.len());
        for def in &file.codes {
            let def = def.get_ref();
            let code = def.code.get_ref();
            let span = def.code.span();
            if let Some(first) = spans.get(code) {
                self.push(
                    Diagnostic::new(
                        Code::DuplicateCode,
                        format!("code {} is defined twice", quoted(code)),
                    )
                    .at(span)
                    .label("duplicate")
                    .related(first.clone(), "first defined here")
                    .hint("merge the two entries: a code is written once, and rows list it by its code"),
                );
                continue;
            }
            spans.insert(code, span.clone());
            let ident = self.code_ident(code, &span);
            // Codes of one anchor, or of one constant, are codes of one
            // identifier (all three are made of the code's words): E0010
            // covers the three.
            if let Some(ident) = &ident {
                if let Some((other, first)) = idents.get(ident) {
                    self.push(
                        Diagnostic::new(
                            Code::DuplicateIdent,
                            format!(
                                "code {} makes the identifier `{ident}`, as {} does",
                                quoted(code),
                                quoted(other)
                            ),
                        )
                        .at(span.clone())
                        .label(format!("also `Code::{ident}`"))
                        .related(first.clone(), "first made here")
                        .hint("the variant is made of the code's words, ignoring case and punctuation: one catalogue cannot hold both codes"),
                    );
                }
                idents.entry(ident.clone()).or_insert((code, span.clone()));
            }
            let status = def.status.as_ref().and_then(|s| self.code_status(s));
            self.registry.known.insert(
                code.clone(),
                (status, def.status.as_ref().map(Spanned::span)),
            );
            let anchor = names::code_anchor(code);
            out.push(self.app_code(def, ident.unwrap_or_default(), anchor, status));
        }
        out
    }

    fn app_code(
        &mut self,
        def: &CodeDef,
        ident: String,
        anchor: String,
        status: Option<u16>,
    ) -> AppCode {
        self.allowed = def.allow.iter().map(|c| *c.get_ref()).collect();
        let optional = |v: &mut Self, value: &Option<Spanned<String>>, key: &str| {
            value.as_ref().map(|s| v.text(s, key))
        };
        let code = AppCode {
            code: def.code.get_ref().clone(),
            ident,
            anchor,
            status,
            meaning: self.text(&def.meaning, "meaning"),
            description: optional(self, &def.description, "description"),
            resolution: optional(self, &def.resolution, "resolution"),
            retryable: self.retryable(&def.retryable, status),
            example: def.example.as_ref().map(|e| self.example(e)),
            deprecated: optional(self, &def.deprecated, "deprecated"),
        };
        self.allowed.clear();
        code
    }

    /// `E0024` once: the first code sets the catalogue's kind, and the first
    /// code of the other kind is reported, naming it.
    fn mixed_kinds(&mut self, codes: &[Spanned<CodeDef>]) {
        let kind_of =
            |d: &Spanned<CodeDef>| matches!(d.get_ref().code.get_ref(), CodeValue::Text(_));
        let Some(usual) = codes.first() else {
            return;
        };
        let Some(odd) = codes.iter().find(|d| kind_of(d) != kind_of(usual)) else {
            return;
        };
        let (odd, usual) = (&odd.get_ref().code, &usual.get_ref().code);
        self.push(
            Diagnostic::new(
                Code::MixedCodeKinds,
                format!(
                    "code {} is {}, but the catalogue's codes are {}",
                    quoted(odd.get_ref()),
                    one_of(odd.get_ref()),
                    kind(usual.get_ref()),
                ),
            )
            .at(odd.span())
            .label(one_of(odd.get_ref()))
            .related(usual.span(), format!("{} from here", kind(usual.get_ref())))
            .hint(
                "write every code as the API sends it: all strings (quoted) or all integers (bare)",
            ),
        );
    }

    /// The code's `Code` variant; `E0025` for a text code that is empty, has
    /// control characters, or has no ASCII letter or digit.
    fn code_ident(&mut self, code: &CodeValue, span: &Range<usize>) -> Option<String> {
        let ident = names::code_ident(code);
        let CodeValue::Text(text) = code else {
            return ident;
        };
        let why = if text.is_empty() {
            "is empty"
        } else if text.chars().any(char::is_control) {
            "has control characters"
        } else if ident.is_none() {
            "makes no identifier: it has no ASCII letter or digit"
        } else {
            return ident;
        };
        self.push(
            Diagnostic::new(Code::BadCode, format!("code {} {why}", shown(text)))
                .at(span.clone())
                .label("bad code")
                .hint("write the code exactly as the API sends it; its `Code` variant is made of its ASCII letters and digits"),
        );
        None
    }

    /// A code's status, `E0006` outside 100–599.
    fn code_status(&mut self, status: &Spanned<i64>) -> Option<u16> {
        let n = *status.get_ref();
        if (100..=599).contains(&n) {
            return u16::try_from(n).ok();
        }
        self.push(
            Diagnostic::new(
                Code::StatusRange,
                format!("status {n} is outside 100–599"),
            )
            .at(status.span())
            .label("not an HTTP status")
            .hint("HTTP statuses are three-digit numbers from 100 to 599; leave `status` out if the code comes with any"),
        );
        None
    }

    /// The codes a row lists, each known one kept: `E0023` for one listed
    /// twice, `E0021` for one `[[codes]]` lacks, `E0022` for one that comes
    /// with another status.
    pub(super) fn row_codes(&mut self, def: &EntryDef, status: u16) -> Vec<CodeValue> {
        let mut seen: BTreeMap<&CodeValue, Range<usize>> = BTreeMap::new();
        let mut out = Vec::with_capacity(def.codes.len());
        for listed in &def.codes {
            let code = listed.get_ref();
            if let Some(first) = seen.get(code) {
                self.push(
                    Diagnostic::new(
                        Code::CodeListedTwice,
                        format!("code {} is listed twice in this row", quoted(code)),
                    )
                    .at(listed.span())
                    .label("listed again")
                    .related(first.clone(), "first listed here")
                    .hint("list each code once"),
                );
                continue;
            }
            seen.insert(code, listed.span());
            self.registry.listed.insert(code.clone());
            match self.registry.known.get(code) {
                None if self.registry.incomplete => {}
                None => {
                    let (d, meant) = self.unknown_code(code);
                    self.registry.listed.extend(meant);
                    self.push(d.at(listed.span()));
                }
                Some((Some(own), own_span)) if *own != status => {
                    let mut d = Diagnostic::new(
                        Code::CodeStatusMismatch,
                        format!(
                            "code {} comes with status {own}, not {status}",
                            quoted(code)
                        ),
                    )
                    .at(listed.span())
                    .label(format!("listed under {status}"))
                    .hint(format!(
                        "list it in the row for {own}, or leave `status` out of its [[codes]] entry if it comes with any status"
                    ));
                    if let Some(own_span) = own_span {
                        d = d.related(own_span.clone(), "its status");
                    }
                    self.push(d);
                }
                Some(_) => out.push(code.clone()),
            }
        }
        out
    }

    /// `E0021` for a listed code `[[codes]]` lacks, and the code likely
    /// meant.
    fn unknown_code(&mut self, code: &CodeValue) -> (Diagnostic, Option<CodeValue>) {
        self.registry.suggested += 1;
        let look = self.registry.suggested <= MAX_SUGGESTIONS;
        let known = &self.registry.known;
        let other_kind = match code {
            CodeValue::Text(s) => s.parse().ok().map(CodeValue::Integer),
            CodeValue::Integer(n) => Some(CodeValue::Text(n.to_string())),
        };
        let meant = other_kind.filter(|c| known.contains_key(c)).or_else(|| {
            if !look {
                return None;
            }
            let candidates: Vec<String> = known.keys().map(ToString::to_string).collect();
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            let best = suggest::closest(&code.to_string(), &candidates)?;
            known.keys().find(|c| c.to_string() == best).cloned()
        });
        let hint = match &meant {
            Some(meant) if kind(meant) != kind(code) => format!(
                "the catalogue's codes are {}: write {}",
                kind(meant),
                quoted(meant)
            ),
            Some(meant) => format!(
                "did you mean {}? a row lists codes [[codes]] defines",
                quoted(meant)
            ),
            None => format!(
                "add a [[codes]] entry with `code = {}`, or remove it from the row",
                quoted(code)
            ),
        };
        let d = Diagnostic::new(
            Code::UnknownCode,
            format!("code {} is not in [[codes]]", quoted(code)),
        )
        .label("unknown code")
        .hint(hint);
        (d, meant)
    }

    /// `E0009` for a code whose anchor is a table's, an endpoint's or a
    /// row's; `E0010` for one whose `codes::` constant is a row's.
    pub(super) fn code_names(&mut self, file: &CatalogueFile) {
        if file.codes.is_empty() {
            return;
        }
        let mut anchors: BTreeMap<String, Range<usize>> = BTreeMap::new();
        let mut consts: BTreeMap<String, Range<usize>> = BTreeMap::new();
        let general = &file.general;
        let tables = std::iter::once((
            general.slug.as_ref().unwrap_or(&general.title),
            general.slug.is_none(),
            &general.errors,
        ))
        .chain(file.endpoints.iter().map(|e| {
            let e = e.get_ref();
            (
                e.slug.as_ref().unwrap_or(&e.name),
                e.slug.is_none(),
                &e.errors,
            )
        }));
        for (named, derived, rows) in tables {
            let slug = if derived {
                names::slug(named.get_ref())
            } else {
                named.get_ref().clone()
            };
            anchors.entry(slug.clone()).or_insert(named.span());
            for row in rows {
                let status = row.get_ref().status.get_ref();
                let Ok(status) = u16::try_from(*status) else {
                    continue;
                };
                let at = row.get_ref().status.span();
                anchors
                    .entry(format!("{slug}-{status}"))
                    .or_insert(at.clone());
                consts
                    .entry(names::const_ident(&slug, status))
                    .or_insert(at);
            }
        }
        for def in &file.codes {
            let code = &def.get_ref().code;
            let anchor = names::code_anchor(code.get_ref());
            if let Some(first) = anchors.get(&anchor) {
                self.push(
                    Diagnostic::new(
                        Code::DuplicateSlug,
                        format!(
                            "code {} makes the anchor `{anchor}`, which a table or row already has",
                            quoted(code.get_ref())
                        ),
                    )
                    .at(code.span())
                    .label("same anchor")
                    .related(first.clone(), "this one's")
                    .hint("give the endpoint or table a `slug` that does not start with `code-`"),
                );
            }
            let constant = names::code_const(code.get_ref());
            if let Some(first) = consts.get(&constant) {
                self.push(
                    Diagnostic::new(
                        Code::DuplicateIdent,
                        format!(
                            "code {} makes the constant `codes::{constant}`, as a row does",
                            quoted(code.get_ref())
                        ),
                    )
                    .at(code.span())
                    .label(format!("also `codes::{constant}`"))
                    .related(first.clone(), "this row's")
                    .hint("give the endpoint or table another `slug`: its rows' constants are named after it"),
                );
            }
        }
    }

    /// `W0004` for each code no row lists, when some row lists codes.
    pub(super) fn unlisted_codes(&mut self, file: &CatalogueFile) {
        if self.registry.listed.is_empty() {
            return;
        }
        let mut warned = BTreeSet::new();
        for def in &file.codes {
            let def = def.get_ref();
            let code = def.code.get_ref();
            if self.registry.listed.contains(code) || !warned.insert(code) {
                continue;
            }
            self.allowed = def.allow.iter().map(|c| *c.get_ref()).collect();
            self.push(
                Diagnostic::new(
                    Code::UnlistedCode,
                    format!("code {} is listed by no row", quoted(code)),
                )
                .at(def.code.span())
                .label("in no row's `codes`")
                .hint("list it in the `codes` of the rows that send it, or add `allow = [\"unlisted-code\"]` to it"),
            );
            self.allowed.clear();
        }
    }

    /// `[api] code_pointers` as written, or [`DEFAULT_CODE_POINTERS`];
    /// `E0026` for one that is not a JSON Pointer (RFC 6901).
    pub(super) fn code_pointers(&mut self, file: &CatalogueFile) -> Vec<String> {
        let Some(pointers) = file.api.as_ref().and_then(|a| a.code_pointers.as_ref()) else {
            return DEFAULT_CODE_POINTERS.map(String::from).to_vec();
        };
        for pointer in pointers {
            if let Err(why) = check_pointer(pointer.get_ref()) {
                self.push(
                    Diagnostic::new(
                        Code::BadCodePointer,
                        format!("code pointer {} {why}", shown(pointer.get_ref())),
                    )
                    .at(pointer.span())
                    .label("not a JSON Pointer")
                    .hint("write a JSON Pointer: \"/error/code\" for `{\"error\": {\"code\": …}}`, \"\" for the whole body; `~0` stands for `~` and `~1` for `/` in a key"),
                );
            }
        }
        pointers.iter().map(|p| p.get_ref().clone()).collect()
    }
}

/// Whether `pointer` is a JSON Pointer (RFC 6901): `""`, or `/`-prefixed
/// reference tokens in which `~` is only ever `~0` or `~1`.
pub fn check_pointer(pointer: &str) -> Result<(), &'static str> {
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return Err("does not start with `/`");
    }
    let mut chars = pointer.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return Err("has a `~` that is not `~0` or `~1`");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{MAX_CODES, check_pointer};
    use crate::Code;

    /// A registry of `n` integer codes, each its own number.
    fn with_codes(n: usize) -> crate::model::CatalogueFile {
        let text = "[page]\nid = \"e\"\ntitle = \"E\"\nslug = \"/e/\"\ndocs_base_url = \"https://e\"\n\n\
            [general]\ntitle = \"HTTP Codes\"\n\n[[codes]]\ncode = 0\nmeaning = \"M\"\n";
        let source = crate::Source::new("errors.toml", text);
        let (file, diagnostics) = crate::read::parse(&source, crate::MAX_FILE_BYTES);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let mut file = file.unwrap();
        let template = file.codes[0].clone();
        file.codes = (0..n as u64)
            .map(|i| {
                let mut def = template.clone();
                *def.get_mut().code.get_mut() = crate::catalogue::CodeValue::Integer(i);
                def
            })
            .collect();
        file
    }

    #[test]
    fn e0017_code_limit_is_max_codes_exactly() {
        assert_eq!(MAX_CODES, 65_535);
        let (catalogue, diagnostics) = super::super::validate(&with_codes(MAX_CODES));
        assert!(diagnostics.is_empty(), "{:?}", diagnostics.first());
        assert_eq!(catalogue.unwrap().codes.len(), MAX_CODES);
        let (catalogue, diagnostics) = super::super::validate(&with_codes(MAX_CODES + 1));
        assert!(catalogue.is_none());
        assert_eq!(diagnostics.len(), 1, "{:?}", diagnostics.get(1));
        assert_eq!(diagnostics[0].code, Code::Limit);
        assert_eq!(
            diagnostics[0].message,
            "65536 codes, over the limit of 65535 (MAX_CODES)"
        );
    }

    #[test]
    fn json_pointers_as_rfc_6901_writes_them() {
        for ok in ["", "/", "/error/code", "/a~0b/c~1d", "/0", "//"] {
            assert_eq!(check_pointer(ok), Ok(()), "{ok:?}");
        }
        for (bad, why) in [
            ("error", "does not start with `/`"),
            ("#/error", "does not start with `/`"),
            ("/a~", "has a `~` that is not `~0` or `~1`"),
            ("/a~2", "has a `~` that is not `~0` or `~1`"),
            ("/~~0", "has a `~` that is not `~0` or `~1`"),
        ] {
            assert_eq!(check_pointer(bad), Err(why), "{bad:?}");
        }
    }
}
