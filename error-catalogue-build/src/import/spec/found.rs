//! Application codes a spec made by hand documents, gathered as its
//! responses are read (a schema's `code` enum, a description's bulleted
//! code spans) and made the `[[codes]]` registry once every operation is
//! read: a code's status is known only then.

use std::collections::{BTreeMap, BTreeSet};

use super::bullets::bullets;
use super::codes::Code;
use super::text::{quoted, soft_breaks_joined, words};
use super::{Doc, Endpoint, General, Reader};
use crate::catalogue::CodeValue;
use crate::import::Problem;
use crate::import::tree::{Node, Pos};

/// The codes met so far, in the order met.
#[derive(Default)]
pub(super) struct Found {
    codes: Vec<Met>,
    index: BTreeMap<CodeValue, usize>,
    /// Each `code` enum met: where, and its schema as named.
    enums: Vec<(Pos, String)>,
}

struct Met {
    code: CodeValue,
    at: Pos,
    /// The status of each response that documents the code (an enum's
    /// schema or a bullet); `None` for `default` or a range.
    statuses: BTreeSet<Option<u16>>,
    /// The first bullet's text that lists the code.
    description: Option<String>,
}

impl Found {
    fn met(&mut self, code: CodeValue, at: Pos, status: Option<u16>) -> &mut Met {
        let i = *self.index.entry(code.clone()).or_insert_with(|| {
            self.codes.push(Met {
                code,
                at,
                statuses: BTreeSet::new(),
                description: None,
            });
            self.codes.len() - 1
        });
        let met = &mut self.codes[i];
        met.statuses.insert(status);
        met
    }
}

impl<'a> Reader<'a> {
    /// Notes the codes `response` documents under `status` (`None`: a
    /// `default` or range response, whose bullets are no row's) and
    /// returns those its description bullets, for its row's `codes`. A
    /// rendered document says its codes in `x-catalogue` instead.
    pub(super) fn met_response(
        &mut self,
        status: Option<u16>,
        response: &'a Node,
    ) -> Vec<CodeValue> {
        if self.root.get("x-catalogue").is_some() {
            return Vec::new();
        }
        for found in self.code_enums(response) {
            if !self.found.enums.iter().any(|(at, _)| *at == found.at) {
                self.found.enums.push((found.at, found.schema));
            }
            for (code, at) in found.values {
                self.found.met(code, at, status);
            }
        }
        let (Some(status), Some(description)) = (status, response.get("description")) else {
            return Vec::new();
        };
        let Some(text) = description.str() else {
            return Vec::new();
        };
        let mut listed: Vec<CodeValue> = Vec::new();
        for bullet in bullets(text) {
            let code = CodeValue::Text(bullet.code);
            let met = self.found.met(code.clone(), description.at, Some(status));
            if met.description.is_none() {
                met.description = Some(soft_breaks_joined(&bullet.text));
            }
            if !listed.contains(&code) {
                listed.push(code);
            }
        }
        listed
    }

    /// The codes met, after `codes` (a rendered document's), each once:
    /// its meaning its words, its description its first bullet's text, its
    /// status the one status every response documenting it has (else any
    /// status). A code of the other kind than the registry's first is left
    /// out with a warning, and from the rows that list it. Returns the
    /// header's notes.
    pub(super) fn found_codes(
        &mut self,
        codes: &mut Vec<Code>,
        general: &mut General,
        endpoints: &mut [Endpoint],
    ) -> Vec<String> {
        let found = std::mem::take(&mut self.found);
        let mut rejected: BTreeSet<CodeValue> = BTreeSet::new();
        let mut bulleted = 0;
        for met in found.codes {
            if codes.iter().any(|c| c.code == met.code) {
                continue;
            }
            bulleted += usize::from(met.description.is_some());
            if let Some(first) = codes.first()
                && integer(&first.code) != integer(&met.code)
            {
                self.warnings.push(Problem::at(
                    met.at,
                    format!(
                        "code {} is {}, but the catalogue's first code ({}) is {}, and a catalogue's codes are one kind (E0024): left out",
                        quoted(&met.code.to_string()),
                        kind(&met.code),
                        quoted(&first.code.to_string()),
                        kind(&first.code)
                    ),
                ));
                rejected.insert(met.code);
                continue;
            }
            let status = match met.statuses.iter().collect::<Vec<_>>()[..] {
                [Some(s)] => Some(*s),
                _ => None,
            };
            codes.push(Code {
                meaning: meaning(&met.code),
                code: met.code,
                status,
                description: met.description,
                resolution: None,
                retryable: None,
                example: None,
                deprecated: None,
                allow: Vec::new(),
                at: Some(met.at),
            });
        }
        if !rejected.is_empty() {
            for row in general
                .rows
                .iter_mut()
                .chain(endpoints.iter_mut().flat_map(|e| e.rows.iter_mut()))
            {
                row.codes.retain(|c| !rejected.contains(c));
            }
        }
        let mut notes = Vec::new();
        if !found.enums.is_empty() {
            let schemas: Vec<String> = found.enums.iter().map(|(_, s)| format!("`{s}`")).collect();
            notes.push(format!(
                "- The values of the `code` enum of {} are [[codes]], each meaning its words; a code comes with a status only when every response documenting it has that one status.",
                schemas.join(", ")
            ));
        }
        if bulleted > 0 {
            notes.push(format!(
                "- {bulleted} code{} a response's description lists as bullets (* `code` ...) are its row's `codes`, and [[codes]] whose description is the first such bullet.",
                if bulleted == 1 { "" } else { "s" }
            ));
        }
        notes
    }
}

impl Doc {
    /// Takes `code` out of every row that lists it (the code is left out).
    pub fn forget_code(&mut self, code: &CodeValue) {
        for row in self
            .general
            .rows
            .iter_mut()
            .chain(self.endpoints.iter_mut().flat_map(|e| e.rows.iter_mut()))
        {
            row.codes.retain(|c| c != code);
        }
    }
}

/// A code's meaning, from its words: `item_name_in_use` → `Item name in
/// use`; an integer code `Code 40140`.
fn meaning(code: &CodeValue) -> String {
    let text = match code {
        CodeValue::Integer(n) => return format!("Code {n}"),
        CodeValue::Text(text) => text,
    };
    let words = words(text).to_lowercase();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text.trim().to_string(),
    }
}

fn integer(code: &CodeValue) -> bool {
    matches!(code, CodeValue::Integer(_))
}

fn kind(code: &CodeValue) -> &'static str {
    if integer(code) { "an integer" } else { "text" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meanings_are_the_codes_words() {
        let text = |s: &str| meaning(&CodeValue::Text(s.to_string()));
        assert_eq!(text("item_name_in_use"), "Item name in use");
        assert_eq!(text("BOX_ENTERPRISE_MISMATCH"), "Box enterprise mismatch");
        assert_eq!(text("channelNotFound"), "Channel not found");
        assert_eq!(text("..."), "...");
        assert_eq!(meaning(&CodeValue::Integer(40140)), "Code 40140");
    }
}
