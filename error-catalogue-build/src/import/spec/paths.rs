//! Paths as real specs write them: `#fragment`s that give one route several
//! operations, and `x-multi-segment` parameters (GitHub's) whose values
//! hold slashes.

use std::collections::BTreeMap;

use error_catalogue_records::MAX_PARAMS;

use super::text::words;
use super::{Endpoint, Reader, Row};
use crate::import::Problem;
use crate::import::tree::{Key, Node, Pos, Value};
use crate::names;
use crate::routes::{Key as RouteKey, Template};

/// The operations of one route (method and fragment-less path) imported
/// as one endpoint.
pub(super) struct Route {
    /// Index of the endpoint in the list being built.
    pub index: usize,
    /// Each operation's fragment (`None` for the fragment-less path's),
    /// operationId, and name as read, in the spec's order.
    ops: Vec<(Option<String>, Option<String>, String)>,
}

impl Route {
    pub fn new(index: usize, fragment: Option<&str>, op: &Node, name: &str) -> Self {
        let mut route = Route {
            index,
            ops: Vec::new(),
        };
        route.add(fragment, op, name);
        route
    }

    fn add(&mut self, fragment: Option<&str>, op: &Node, name: &str) {
        self.ops.push((
            fragment.map(str::to_string),
            op.get_str("operationId").map(str::to_string),
            name.to_string(),
        ));
    }

    /// The endpoint's name: the fragment-less path's operation's, else the
    /// words of the operationIds' shared prefix (`put_files_id` of
    /// `put_files_id#add_shared_link` and `put_files_id#update_shared_link`),
    /// else `METHOD path`. `None` when one operation had no fragment.
    pub fn name(&self, e: &Endpoint) -> Option<String> {
        if self.ops.len() == 1 && self.ops[0].0.is_none() {
            return None;
        }
        if let Some((_, _, name)) = self.ops.iter().find(|(f, _, _)| f.is_none()) {
            return Some(name.clone());
        }
        let ids: Vec<&str> = self
            .ops
            .iter()
            .filter_map(|(_, id, _)| id.as_deref())
            .collect();
        let shared = match ids.split_first() {
            Some((first, rest)) if rest.len() + 1 == self.ops.len() => {
                let mut prefix = first.split('#').next().unwrap_or_default();
                for id in rest {
                    let common = prefix
                        .char_indices()
                        .zip(id.chars())
                        .find(|((_, a), b)| a != b)
                        .map_or(prefix.len().min(id.len()), |((i, _), _)| i);
                    prefix = &prefix[..common];
                }
                prefix.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
            }
            _ => "",
        };
        Some(
            Some(words(shared))
                .filter(|n| {
                    names::type_ident(n).is_some_and(|i| !names::is_reserved_type_ident(&i))
                })
                .unwrap_or_else(|| format!("{} {}", e.method, e.path)),
        )
    }

    /// The comment above the endpoint: which operations it joins.
    pub fn note(&self, e: &Endpoint) -> Option<String> {
        if self.ops.len() == 1 && self.ops[0].0.is_none() {
            return None;
        }
        let shown: Vec<String> = self
            .ops
            .iter()
            .map(|(f, _, _)| match f {
                Some(f) => format!("`{} {}#{f}`", e.method, e.path),
                None => format!("`{} {}`", e.method, e.path),
            })
            .collect();
        Some(format!(
            "The spec's {} are one route to a catalogue, which routes by method and path (a fragment is never sent): one endpoint, their rows together.",
            shown.join(", ")
        ))
    }
}

/// The path without its `#fragment`, and the fragment.
pub(super) fn split_fragment(path: &str) -> (&str, Option<&str>) {
    match path.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (path, None),
    }
}

impl<'a> Reader<'a> {
    /// Checks an endpoint's template, and that no earlier endpoint of its
    /// method matches the same requests. False (the operation left out,
    /// with its reason) if not.
    pub(super) fn route(
        &mut self,
        routes: &mut BTreeMap<(String, RouteKey), (String, Pos)>,
        endpoint: &Endpoint,
        path: &Key,
    ) -> bool {
        let template = match Template::parse(&path.text) {
            Ok(t) => t,
            Err(why) => {
                self.drop(path.at, endpoint, format!("the path template {why}"));
                return false;
            }
        };
        let params = template.params().count();
        if params > MAX_PARAMS {
            self.drop(
                path.at,
                endpoint,
                format!(
                    "the path template has {params} parameters; a catalogue template has at most {MAX_PARAMS}"
                ),
            );
            return false;
        }
        let key = (endpoint.method.clone(), template.owned_key());
        if let Some((other, at)) = routes.get(&key) {
            let why = format!(
                "it matches the same requests as {} {other} (line {}), and a catalogue routes each request to one endpoint",
                endpoint.method, at.line
            );
            self.drop(path.at, endpoint, why);
            return false;
        }
        routes.insert(key, (path.text.clone(), path.at));
        true
    }

    /// Leaves `endpoint`'s operation out, saying why.
    fn drop(&mut self, at: Pos, endpoint: &Endpoint, why: String) {
        self.dropped.push(dropped(at, endpoint, &why));
    }

    /// `endpoint`'s rows added to `into`'s (same method and route), with a
    /// warning at `at`: a status both document alike once, differently
    /// with both descriptions and a comment saying so.
    pub(super) fn join(
        &mut self,
        route: &mut Route,
        into: &mut Endpoint,
        endpoint: Endpoint,
        fragment: Option<&str>,
        op: &Node,
        at: Pos,
    ) {
        let first = &route.ops[0];
        let first_shown = match &first.0 {
            Some(f) => format!("{} {}#{f}", into.method, into.path),
            None => format!("{} {}", into.method, into.path),
        };
        let shown = match fragment {
            Some(f) => format!("{} {}#{f}", endpoint.method, endpoint.path),
            None => format!("{} {}", endpoint.method, endpoint.path),
        };
        self.warnings.push(Problem::at(
            at,
            format!(
                "{shown}: the same route as {first_shown} (line {}) once the fragment is left out, as a request sends it: imported as one endpoint, their rows together",
                into.at.line
            ),
        ));
        let label = |f: Option<&str>| {
            f.map_or_else(|| "the fragment-less path".to_string(), |f| format!("#{f}"))
        };
        let this = label(fragment);
        for row in endpoint.rows {
            let Some(r) = into.rows.iter_mut().find(|r| r.status == row.status) else {
                into.rows.push(row);
                continue;
            };
            for code in &row.codes {
                if !r.codes.contains(code) {
                    r.codes.push(code.clone());
                }
            }
            match r {
                // Kept already: the same text, or one of the descriptions
                // joined before.
                r if row.description.as_ref().is_none_or(|theirs| {
                    r.description.as_ref().is_some_and(|mine| {
                        format!("\n\n{mine}\n\n").contains(&format!("\n\n{theirs}\n\n"))
                    })
                }) => {}
                r => {
                    let theirs = row.description.unwrap_or_default();
                    r.description = Some(match r.description.take() {
                        Some(mine) => format!("{mine}\n\n{theirs}"),
                        None => theirs,
                    });
                    let prefix =
                        format!("The route's operations describe {} differently", row.status);
                    match r.notes.iter_mut().find(|n| n.starts_with(&prefix)) {
                        Some(n) => *n = format!("{}, {this}).", n.trim_end_matches(").")),
                        None => r.notes.push(format!(
                            "{prefix}: each description is kept, in the spec's order (the later from {this})."
                        )),
                    }
                }
            }
        }
        into.rows.sort_by_key(|r: &Row| r.status);
        if into.deprecated.is_some() && endpoint.deprecated.is_none() {
            into.deprecated = None;
        }
        route.add(fragment, op, &endpoint.name);
    }

    /// `path` with each parameter marked `x-multi-segment: true` (in the
    /// path item's or the operation's `parameters`) that is a whole segment
    /// as `{*name}`; a second one makes a template the catalogue refuses,
    /// and the operation is left out with a warning.
    pub(super) fn multi_segment(&mut self, path: &Key, item: &'a Node, op: &'a Node) -> Key {
        let mut text = path.text.clone();
        for list in [item.get("parameters"), op.get("parameters")] {
            let Some(Value::Seq(params)) = list.map(|l| &l.value) else {
                continue;
            };
            for p in params {
                let Some(p) = self.resolve(p) else { continue };
                if p.get_str("in") == Some("path")
                    && p.get("x-multi-segment")
                        .is_some_and(|m| m.value == Value::Bool(true))
                    && let Some(name) = p.get_str("name")
                {
                    // Only a whole segment: `{*name}` beside text is no template.
                    let whole = format!("{{{name}}}");
                    text = text
                        .split('/')
                        .map(|s| {
                            if s == whole {
                                format!("{{*{name}}}")
                            } else {
                                s.to_string()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("/");
                }
            }
        }
        Key { text, at: path.at }
    }
}

/// Routes of the endpoints being built, by method and fragment-less path.
pub(super) type Routes = BTreeMap<(String, String), Route>;

/// The warning of an operation left out: `METHOD path: why: operation left
/// out`.
pub fn dropped(at: Pos, endpoint: &Endpoint, why: &str) -> Problem {
    Problem::at(
        at,
        format!(
            "{} {}: {why}: operation left out",
            endpoint.method, endpoint.path
        ),
    )
}
