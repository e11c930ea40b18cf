//! The rules for application codes: `[[codes]]` entries matched by the code
//! as sent, and the codes each row lists under its status.

use std::collections::HashSet;
use std::ops::Range;

use toml::Spanned;

use super::rules::{DEPRECATE_FIRST, Differ, F, Rows, Version, label, removal};
use super::{Bump, Level, Rule, Side};
use crate::catalogue::{AppCode, CodeValue, Entry};
use crate::diagnostic::shown;
use crate::model::{CodeDef, EntryDef};

/// Whether two rows list the same codes, in any order: the order a row
/// lists them in is the page's, not something a client matches on.
pub(super) fn same_codes(a: &[CodeValue], b: &[CodeValue]) -> bool {
    a.len() == b.len() && {
        let a: HashSet<&CodeValue> = a.iter().collect();
        b.iter().all(|c| a.contains(c))
    }
}

/// A code as sent, for messages: a string quoted, an integer bare.
fn sent(code: &CodeValue) -> String {
    match code {
        CodeValue::Text(s) => shown(s),
        CodeValue::Integer(n) => n.to_string(),
    }
}

fn status_text(status: Option<u16>) -> String {
    status.map_or_else(|| "any status".to_string(), |s| s.to_string())
}

/// `code "card_declined" (402 "Card declined")`.
fn code_label(c: &AppCode) -> String {
    match c.status {
        Some(s) => format!("code {} ({s} {})", sent(&c.code), shown(&c.meaning)),
        None => format!("code {} (any status, {})", sent(&c.code), shown(&c.meaning)),
    }
}

/// Where a row lists `code`: in its `codes`, else (not listed) its status.
fn listed_at(def: &EntryDef, code: &CodeValue) -> Range<usize> {
    def.codes
        .iter()
        .find(|c| c.get_ref() == code)
        .map_or_else(|| def.status.span(), Spanned::span)
}

impl Differ {
    /// `[[codes]]` on both sides, matched by code: removed, added, changed.
    pub(super) fn codes(&mut self, old: &Version<'_>, new: &Version<'_>) {
        if old.cat.codes == new.cat.codes {
            return;
        }
        for (o, odef) in old.cat.codes.iter().zip(&old.file.codes) {
            if new.code(&o.code).is_some() {
                continue;
            }
            let (level, bump, what, hint) = removal(o.deprecated.is_some(), || {
                (
                    format!(
                        "`Code::{}`, its `codes::` constant and code naming them stop compiling, and a response carrying it is explained by its status alone",
                        o.ident
                    ),
                    Some(DEPRECATE_FIRST.to_string()),
                )
            });
            self.push(
                F::new(
                    Rule::CodeRemoved,
                    level,
                    bump,
                    Side::Old,
                    odef.get_ref().code.span(),
                )
                .about(&o.code, o.status),
                format!("{} was removed: {what}", code_label(o)),
                hint,
            );
        }
        for (n, ndef) in new.cat.codes.iter().zip(&new.file.codes) {
            let ndef = ndef.get_ref();
            match old.code(&n.code) {
                None => self.push(
                    F::new(
                        Rule::CodeAdded,
                        Level::Info,
                        Bump::Minor,
                        Side::New,
                        ndef.code.span(),
                    )
                    .about(&n.code, n.status),
                    format!("{} was added", code_label(n)),
                    None,
                ),
                Some((o, _)) if o != n => self.code(o, n, ndef),
                Some(_) => {}
            }
        }
    }

    /// One code both sides have: its status, texts, retryability and
    /// deprecation; a key NEW leaves out is located at the code.
    fn code(&mut self, o: &AppCode, n: &AppCode, ndef: &CodeDef) {
        let at = |span: Option<Range<usize>>| span.unwrap_or_else(|| ndef.code.span());
        let f = |rule, level, bump, span| {
            F::new(rule, level, bump, Side::New, span).about(&n.code, n.status)
        };
        if o.status != n.status {
            self.push(
                f(
                    Rule::CodeStatusChanged,
                    Level::Breaking,
                    Bump::Major,
                    at(ndef.status.as_ref().map(Spanned::span)),
                ),
                format!(
                    "code {}'s status changed from {} to {}: clients and rows that match it under {} no longer see it there",
                    sent(&n.code),
                    status_text(o.status),
                    status_text(n.status),
                    status_text(o.status)
                ),
                Some(match o.status {
                    Some(s) => format!(
                        "keep `status = {s}` unless the API now sends the code with another status"
                    ),
                    None => "leave `status` out unless the API only ever sends the code with one status".to_string(),
                }),
            );
        }
        if o.meaning != n.meaning {
            self.push(
                f(
                    Rule::CodeMeaningChanged,
                    Level::Warning,
                    Bump::Minor,
                    ndef.meaning.span(),
                ),
                format!(
                    "code {}'s meaning changed from {} to {}",
                    sent(&n.code),
                    shown(&o.meaning),
                    shown(&n.meaning)
                ),
                None,
            );
        }
        let span = |s: &Option<Spanned<String>>| s.as_ref().map(Spanned::span);
        let texts = [
            (
                "description",
                (o.description.is_some(), n.description.is_some()),
                o.description != n.description,
                span(&ndef.description),
            ),
            (
                "resolution",
                (o.resolution.is_some(), n.resolution.is_some()),
                o.resolution != n.resolution,
                span(&ndef.resolution),
            ),
            (
                "example",
                (o.example.is_some(), n.example.is_some()),
                o.example != n.example,
                ndef.example.as_ref().map(|e| e.body.span()),
            ),
        ];
        for (key, present, differs, span) in texts {
            let change = match present {
                (false, true) => "was added",
                (true, false) => "was removed",
                _ if differs => "changed",
                _ => continue,
            };
            self.push(
                f(Rule::CodeTextChanged, Level::Info, Bump::Patch, at(span)),
                format!("{}'s {key} {change}", code_label(n)),
                None,
            );
        }
        if o.retryable != n.retryable {
            let span = at(ndef.retryable.as_ref().map(Spanned::span));
            if o.retryable {
                self.push(
                    f(
                        Rule::CodeRetryableNarrowed,
                        Level::Breaking,
                        Bump::Major,
                        span,
                    ),
                    format!(
                        "{} is no longer retryable: retry loops that relied on it change",
                        code_label(n)
                    ),
                    Some("keep `retryable = true` unless a retry can never succeed".to_string()),
                );
            } else {
                self.push(
                    f(Rule::CodeRetryableWidened, Level::Info, Bump::Minor, span),
                    format!("{} is now retryable", code_label(n)),
                    None,
                );
            }
        }
        self.deprecation(
            &o.deprecated,
            &n.deprecated,
            at(span(&ndef.deprecated)),
            |f| f.about(&n.code, n.status),
            &code_label(n),
        );
    }

    /// One row both sides have: the codes it stopped and started listing.
    pub(super) fn listed_codes(
        &mut self,
        old: &Rows<'_>,
        new: &Rows<'_>,
        (o, odef): (&Entry, &EntryDef),
        (n, ndef): (&Entry, &EntryDef),
    ) {
        if same_codes(&o.codes, &n.codes) {
            return;
        }
        let (was, is): (HashSet<&CodeValue>, HashSet<&CodeValue>) =
            (o.codes.iter().collect(), n.codes.iter().collect());
        let row = |key: &str| {
            if key == crate::validate::GENERAL_KEY {
                format!("any endpoint's {} without its own row", o.status)
            } else {
                format!("{key} {}", o.status)
            }
        };
        for code in &o.codes {
            if is.contains(code) {
                continue;
            }
            let deprecated = old.deprecated
                || o.deprecated.is_some()
                || old
                    .version
                    .code(code)
                    .is_some_and(|(c, _)| c.deprecated.is_some());
            let (level, bump, what, hint) = removal(deprecated, || {
                (
                    format!(
                        "clients and typed errors matching it for {} stop matching it",
                        row(old.key)
                    ),
                    Some(format!(
                        "if the API still sends it there, keep {} in this row's `codes`; else deprecate the code first",
                        sent(code)
                    )),
                )
            });
            self.push(
                F::new(
                    Rule::EndpointCodeRemoved,
                    level,
                    bump,
                    Side::Old,
                    listed_at(odef, code),
                )
                .on(old.key, None)
                .about(code, Some(o.status)),
                format!(
                    "entry {} no longer lists code {}: {what}",
                    label(old.key, o),
                    sent(code)
                ),
                hint,
            );
        }
        for code in &n.codes {
            if was.contains(code) {
                continue;
            }
            self.push(
                F::new(
                    Rule::EndpointCodeAdded,
                    Level::Info,
                    Bump::Minor,
                    Side::New,
                    listed_at(ndef, code),
                )
                .on(new.key, None)
                .about(code, Some(n.status)),
                format!("entry {} now lists code {}", label(new.key, n), sent(code)),
                None,
            );
        }
    }
}
