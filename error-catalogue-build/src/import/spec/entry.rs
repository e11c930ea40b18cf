//! The renderer's `x-entry` extension read back: a response that carries
//! one is a row as errors.toml wrote it.

use super::text::{integer, note, pointer_target, reason};
use super::{Example, MAX_REF_CHAIN, Reader, Row};
use crate::import::Problem;
use crate::import::tree::{Node, Value};

impl<'a> Reader<'a> {
    /// Whether a response (through its `$ref`s) carries an `x-entry`.
    pub(super) fn has_entry(&self, response: &'a Node) -> bool {
        let mut node = response;
        for _ in 0..MAX_REF_CHAIN {
            if node.get("x-entry").is_some() {
                return true;
            }
            let Some(target) = node
                .get_str("$ref")
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|p| pointer_target(self.root, p))
            else {
                return false;
            };
            node = target;
        }
        false
    }

    /// A row from an `x-entry` extension; `None` (error recorded) without a
    /// status.
    pub(super) fn entry(&mut self, e: &'a Node) -> Option<Row> {
        let Some(status) = e
            .get("status")
            .and_then(integer)
            .and_then(|s| u16::try_from(s).ok())
            .filter(|s| (100..=599).contains(s))
        else {
            self.errors.push(Problem::at(
                e.at,
                "`x-entry` without a `status` from 100 to 599",
            ));
            return None;
        };
        let text = |key: &str| e.get_str(key).map(str::to_string);
        let meaning = text("meaning").unwrap_or_else(|| reason(status).to_string());
        let mut allow = Vec::new();
        if http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .is_some_and(|r| r != meaning)
        {
            allow.push("non-canonical-meaning");
        }
        let retryable = match e.get("retryable").map(|r| &r.value) {
            Some(Value::Bool(b)) if *b != crate::catalogue::default_retryable(status) => Some(*b),
            _ => None,
        };
        if retryable == Some(false) && status >= 500 {
            allow.push("non-retryable-5xx");
        }
        let example = entry_example(e);
        Some(Row {
            status,
            meaning,
            description: text("description"),
            resolution: text("resolution"),
            retryable,
            example,
            allow,
            deprecated: note(e, "deprecated"),
            codes: self.listed_codes(e),
            notes: Vec::new(),
            order: e.get("order").and_then(integer),
        })
    }
}

/// An `x-entry`'s (or a code's) `example`, as errors.toml has it.
pub(super) fn entry_example(e: &Node) -> Option<Example> {
    let x = e.get("example")?;
    Some(Example {
        caption: x.get_str("caption").map(str::to_string),
        lang: x
            .get_str("lang")
            .filter(|l| *l != "json")
            .map(str::to_string),
        body: x.get_str("body")?.to_string(),
    })
}
