//! Base paths from the spec: Swagger's `basePath`, OpenAPI's `servers`.

use error_catalogue_records::template::{self, Segment};

use super::text::quoted;
use super::{Dialect, Reader};
use crate::import::Problem;
use crate::import::tree::{Node, Value};

impl Reader<'_> {
    /// The base paths requests carry before the templates: Swagger's
    /// `basePath`, or the path of each OpenAPI `servers` URL, in order,
    /// once each, `""` for the root. A server variable that is a whole
    /// segment stays a parameter, unless a template has one of its name;
    /// else its `default` stands in. A path the catalogue cannot take is
    /// left out with a warning. None when every one is the root.
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
        if out.iter().all(String::is_empty) {
            out.clear();
        }
        (out, from)
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
