//! Codes an error response's schema enumerates: a `code` property with an
//! `enum` (Box's `ClientError.code`), in the schema or in one of its
//! `allOf` parts, each through `$ref`s.

use super::text::pointer_target;
use super::{Dialect, MAX_REF_CHAIN, Reader};
use crate::catalogue::CodeValue;
use crate::import::tree::{Node, Pos, Value};

/// One `code` enum a response's schema has.
pub(super) struct CodeEnum {
    /// Where the `enum` is: one enum met through several responses is one.
    pub at: Pos,
    /// The schema as a message names it: its `$ref`, else its line.
    pub schema: String,
    /// Each value that can be a code (a string, a non-negative integer),
    /// with where it is written; the others (`null` of a nullable enum,
    /// `-1`, `true`) are not codes a catalogue can hold.
    pub values: Vec<(CodeValue, Pos)>,
}

impl<'a> Reader<'a> {
    /// The `code` enums of `response`'s schemas (each media type's in
    /// OpenAPI 3, the one `schema` in Swagger 2), once each.
    pub(super) fn code_enums(&self, response: &'a Node) -> Vec<CodeEnum> {
        let schemas: Vec<&'a Node> = match self.dialect {
            Dialect::Swagger2 => response.get("schema").into_iter().collect(),
            Dialect::OpenApi3 => response
                .get("content")
                .and_then(Node::entries)
                .unwrap_or_default()
                .iter()
                .filter_map(|(_, media)| media.get("schema"))
                .collect(),
        };
        let mut out: Vec<CodeEnum> = Vec::new();
        for schema in schemas {
            let name = schema.get_str("$ref").map_or_else(
                || format!("the schema on line {}", schema.at.line),
                str::to_string,
            );
            let Some(schema) = self.followed(schema) else {
                continue;
            };
            let parts = match schema.get("allOf").map(|a| &a.value) {
                Some(Value::Seq(parts)) => parts.iter().filter_map(|p| self.followed(p)).collect(),
                _ => Vec::new(),
            };
            for part in std::iter::once(schema).chain(parts) {
                let Some(list) = part
                    .get("properties")
                    .and_then(|p| p.get("code"))
                    .and_then(|c| self.followed(c))
                    .and_then(|c| c.get("enum"))
                else {
                    continue;
                };
                let Value::Seq(items) = &list.value else {
                    continue;
                };
                if out.iter().any(|e| e.at == list.at) {
                    continue;
                }
                let mut found = CodeEnum {
                    at: list.at,
                    schema: name.clone(),
                    values: Vec::new(),
                };
                for item in items {
                    let code = match &item.value {
                        Value::String(s) => CodeValue::Text(s.clone()),
                        Value::Number(n) => match n.parse::<u64>() {
                            Ok(n) => CodeValue::Integer(n),
                            Err(_) => continue,
                        },
                        _ => continue,
                    };
                    found.values.push((code, item.at));
                }
                out.push(found);
            }
        }
        out
    }

    /// `node` through its local `$ref`s, quietly: the importer reads no
    /// other part of a schema, so a schema it cannot follow costs nothing
    /// but its codes.
    fn followed(&self, mut node: &'a Node) -> Option<&'a Node> {
        for _ in 0..MAX_REF_CHAIN {
            let Some(reference) = node.get("$ref") else {
                return Some(node);
            };
            node = reference
                .str()
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|p| pointer_target(self.root, p))?;
        }
        None
    }
}
