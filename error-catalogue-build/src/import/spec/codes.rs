//! A rendered document's application codes, read back: `x-catalogue.codes`
//! (the `[[codes]]` registry), `x-catalogue.code_pointers` and an
//! `x-entry`'s `codes` (the codes a row lists). A spec made by hand has
//! none of these, and imports without codes.

use std::collections::BTreeSet;

use super::text::{integer, note, quoted, shown_value};
use super::{Endpoint, Example, General, Reader};
use crate::catalogue::{CodeValue, default_retryable};
use crate::import::Problem;
use crate::import::tree::{Node, Pos, Value};

/// One `[[codes]]` entry to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub code: CodeValue,
    /// `None`: the code comes with any status.
    pub status: Option<u16>,
    pub meaning: String,
    pub description: Option<String>,
    pub resolution: Option<String>,
    /// Written only when it differs from the default for `status`.
    pub retryable: Option<bool>,
    pub example: Option<Example>,
    pub deprecated: Option<String>,
    pub allow: Vec<&'static str>,
    /// Where the spec documents it (`x-catalogue.codes`, a schema's enum,
    /// a bullet), for the warning if the validator refuses it: such a code
    /// is left out, not the whole import.
    pub at: Option<Pos>,
}

impl<'a> Reader<'a> {
    /// `x-catalogue.codes`, in order; each without a `code` or `meaning`
    /// recorded as an error.
    pub(super) fn codes(&mut self, def: Option<&'a Node>) -> Vec<Code> {
        let Some(def) = def else {
            return Vec::new();
        };
        let Value::Seq(items) = &def.value else {
            self.errors.push(Problem::at(
                def.at,
                format!("`x-catalogue.codes` is {}, not a sequence", def.kind()),
            ));
            return Vec::new();
        };
        items.iter().filter_map(|item| self.code(item)).collect()
    }

    fn code(&mut self, e: &'a Node) -> Option<Code> {
        let code = self.code_value(e.get("code").unwrap_or(e))?;
        let Some(meaning) = e.get_str("meaning") else {
            self.errors.push(Problem::at(
                e.at,
                format!(
                    "code {} in `x-catalogue.codes` has no `meaning`",
                    quoted(&code.to_string())
                ),
            ));
            return None;
        };
        let status = match e.get("status") {
            None => None,
            Some(s) => match integer(s).and_then(|s| u16::try_from(s).ok()) {
                Some(s) if (100..=599).contains(&s) => Some(s),
                _ => {
                    self.errors.push(Problem::at(
                        s.at,
                        format!("code status {} is not from 100 to 599", shown_value(s)),
                    ));
                    return None;
                }
            },
        };
        let default = status.is_some_and(default_retryable);
        let retryable = match e.get("retryable").map(|r| &r.value) {
            Some(Value::Bool(b)) if *b != default => Some(*b),
            _ => None,
        };
        let mut allow = Vec::new();
        if retryable == Some(false) && status.is_some_and(|s| s >= 500) {
            allow.push("non-retryable-5xx");
        }
        let text = |key: &str| e.get_str(key).map(str::to_string);
        Some(Code {
            code,
            status,
            meaning: meaning.to_string(),
            description: text("description"),
            resolution: text("resolution"),
            retryable,
            example: super::entry_example(e),
            deprecated: note(e, "deprecated"),
            allow,
            at: Some(e.at),
        })
    }

    /// A code as sent: a string, or a non-negative integer.
    fn code_value(&mut self, n: &Node) -> Option<CodeValue> {
        match &n.value {
            Value::String(s) => Some(CodeValue::Text(s.clone())),
            Value::Number(text) => match text.parse::<u64>() {
                Ok(v) => Some(CodeValue::Integer(v)),
                Err(_) => {
                    self.errors.push(Problem::at(
                        n.at,
                        format!("code {text} is not a non-negative integer"),
                    ));
                    None
                }
            },
            _ => {
                self.errors.push(Problem::at(
                    n.at,
                    format!("a code is a string or an integer, not {}", n.kind()),
                ));
                None
            }
        }
    }

    /// The codes an `x-entry` lists (`codes`), in order.
    pub(super) fn listed_codes(&mut self, e: &'a Node) -> Vec<CodeValue> {
        match e.get("codes").map(|c| (c, &c.value)) {
            None => Vec::new(),
            Some((_, Value::Seq(items))) => {
                items.iter().filter_map(|n| self.code_value(n)).collect()
            }
            Some((c, _)) => {
                self.errors.push(Problem::at(
                    c.at,
                    format!("`x-entry.codes` is {}, not a sequence", c.kind()),
                ));
                Vec::new()
            }
        }
    }
}

/// `x-catalogue.code_pointers`, when the document has them.
pub(super) fn code_pointers(def: Option<&Node>) -> Option<Vec<String>> {
    match &def?.value {
        Value::Seq(items) => Some(
            items
                .iter()
                .filter_map(|n| n.str().map(str::to_string))
                .collect(),
        ),
        _ => None,
    }
}

/// Marks `unlisted-code` allowed on each code no row lists, when some row
/// lists codes: the catalogue rendered had it allowed, or it would not
/// have checked clean; a spec made by hand documents codes (an enum's) that
/// no description lists. Returns how many.
pub(super) fn allow_unlisted(
    codes: &mut [Code],
    general: &General,
    endpoints: &[Endpoint],
) -> usize {
    let listed: BTreeSet<&CodeValue> = general
        .rows
        .iter()
        .chain(endpoints.iter().flat_map(|e| &e.rows))
        .flat_map(|r| &r.codes)
        .collect();
    if listed.is_empty() {
        return 0;
    }
    let mut allowed = 0;
    for code in codes {
        if !listed.contains(&code.code) {
            code.allow.push("unlisted-code");
            allowed += 1;
        }
    }
    allowed
}
