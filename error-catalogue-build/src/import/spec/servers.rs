//! Base paths from the spec: Swagger's `basePath`, OpenAPI's `servers`, the
//! root's and those an operation or path item has of its own.
//!
//! A catalogue's base paths apply to every template, and it routes a
//! request by its path alone, whatever the host: an operation served from
//! its own server (Box's uploads at `https://upload.box.com/api/2.0`) adds
//! that server's path to `[api] base_paths`, so its requests route; a path
//! the catalogue cannot take as a base path leaves the operation under the
//! root's, with a warning.

use error_catalogue_records::template::{self, Segment};

use super::text::quoted;
use super::{Dialect, Reader};
use crate::import::Problem;
use crate::import::tree::{Node, Value};

impl<'a> Reader<'a> {
    /// Notes an imported operation's own `servers` (the operation's, else
    /// its path item's), for [`Reader::base_paths`].
    pub(super) fn own_servers(&mut self, method: &str, path: &str, item: &'a Node, op: &'a Node) {
        if self.dialect == Dialect::Swagger2 {
            return;
        }
        if let Some(servers) = op.get("servers").or_else(|| item.get("servers")) {
            self.own_servers.push((format!("{method} {path}"), servers));
        }
    }

    /// The base paths requests carry before the templates: Swagger's
    /// `basePath`, or the path of each OpenAPI `servers` URL, in order,
    /// once each, `""` for the root. A server variable that is a whole
    /// segment stays a parameter, unless a template has one of its name;
    /// else its `default` stands in. A path the catalogue cannot take is
    /// left out with a warning. Then each path of an operation's own
    /// servers that is not one already (the root's `""` first when the
    /// root has none), with a note; one the catalogue cannot take is a
    /// warning, and the operation routes under the root's. None when every
    /// one is the root.
    pub(super) fn base_paths(
        &mut self,
        root: &Node,
        dialect: Dialect,
        template_params: &[String],
    ) -> (Vec<String>, &'static str) {
        let mut found: Vec<(String, &Node)> = Vec::new();
        let from = match dialect {
            Dialect::Swagger2 => {
                if let Some(node) = root.get("basePath")
                    && let Some(path) = node.str()
                {
                    found.push((path.to_string(), node));
                }
                "basePath"
            }
            Dialect::OpenApi3 => {
                if let Some(Value::Seq(servers)) = root.get("servers").map(|s| &s.value) {
                    for server in servers {
                        if let Some(url) = server.get_str("url") {
                            let path = server_path(url, server.get("variables"), template_params);
                            found.push((path, server));
                        }
                    }
                }
                "servers[].url"
            }
        };
        let mut out: Vec<String> = Vec::new();
        for (path, node) in found {
            let path = path.trim_end_matches('/').to_string();
            if let Err(why) = crate::routes::check_base_path(&path) {
                self.warnings.push(Problem::at(
                    node.at,
                    format!("base path {} {why}: left out", quoted(&path)),
                ));
                continue;
            }
            if !out.contains(&path) {
                out.push(path);
            }
        }
        self.own_base_paths(&mut out, template_params);
        if out.iter().all(String::is_empty) {
            out.clear();
        }
        (out, from)
    }

    /// Adds to `out` the paths of the operations' own servers it lacks.
    fn own_base_paths(&mut self, out: &mut Vec<String>, template_params: &[String]) {
        let root = out.clone();
        // Each path added, and the operations served under it.
        let mut added: Vec<(String, Vec<String>)> = Vec::new();
        for (op, servers) in std::mem::take(&mut self.own_servers) {
            let Value::Seq(servers) = &servers.value else {
                continue;
            };
            for server in servers {
                let Some(url) = server.get_str("url") else {
                    continue;
                };
                let path = server_path(url, server.get("variables"), template_params);
                let path = path.trim_end_matches('/').to_string();
                let known = if root.is_empty() {
                    path.is_empty()
                } else {
                    root.contains(&path)
                };
                if known {
                    continue;
                }
                if let Err(why) = crate::routes::check_base_path(&path) {
                    self.warnings.push(Problem::at(
                        server.at,
                        format!(
                            "{op}: its server's path {} {why}, so the catalogue cannot route requests under it: imported under the root's base paths",
                            quoted(&path)
                        ),
                    ));
                    continue;
                }
                match added.iter_mut().find(|(p, _)| *p == path) {
                    Some((_, ops)) if ops.contains(&op) => {}
                    Some((_, ops)) => ops.push(op.clone()),
                    None => added.push((path, vec![op.clone()])),
                }
            }
        }
        if added.is_empty() {
            return;
        }
        if out.is_empty() {
            out.push(String::new());
        }
        let mut shown = Vec::new();
        for (path, ops) in added {
            let who = match &ops[..] {
                [first, rest @ ..] if !rest.is_empty() => {
                    format!("{first} and {} more", rest.len())
                }
                _ => ops.concat(),
            };
            shown.push(format!("{} ({who})", quoted(&path)));
            out.push(path);
        }
        self.notes.push(format!(
            "- Operations served under servers of their own add those servers' paths to [api] base_paths: {}. A catalogue's base paths apply to every template, and it routes a request by its path, whatever the host.",
            shown.join(", ")
        ));
    }
}

/// The path of a server URL (absolute, or relative to the document), its
/// variables resolved as [`Reader::base_paths`] says.
pub(super) fn server_path(
    url: &str,
    variables: Option<&Node>,
    template_params: &[String],
) -> String {
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => url,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.split('/')
        .map(|segment| match template::segment(segment) {
            // A whole-segment parameter that is no server variable's but the
            // template's own stays a parameter of the base path.
            Ok(Segment::Param(name)) if !template_params.iter().any(|p| p == name) => {
                segment.to_string()
            }
            Ok(Segment::CatchAll(_)) => segment.to_string(),
            _ => substitute_defaults(segment, variables),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// `segment` with each `{name}` replaced by that server variable's
/// `default` (kept as written when it has none).
pub(super) fn substitute_defaults(segment: &str, variables: Option<&Node>) -> String {
    let mut out = String::new();
    let mut rest = segment;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        match variables
            .and_then(|v| v.get(name))
            .and_then(|v| v.get_str("default"))
        {
            Some(default) => out.push_str(default),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}
