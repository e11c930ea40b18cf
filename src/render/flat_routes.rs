//! The engine's route tries as flat lists of routes, for the language
//! modules whose routers rank whole routes instead of walking a trie
//! (TypeScript's, Go's and Python's): one walk, so each module lists the
//! same routes in the same order, with no template parsing of its own.

use error_catalogue_records::{Node, Part};

use crate::engine::CatalogueEndpoint;

/// A segment of a route, as its trie holds it.
#[derive(Clone, Copy)]
pub(crate) enum Segment {
    /// A literal segment, percent-decoded.
    Literal(&'static str),
    /// A segment of text and parameters: its rank among the mixed edges of
    /// its node (the order the router tries them) and its parts.
    Mixed {
        rank: usize,
        parts: &'static [Part<'static>],
    },
    /// `{name}`: one non-empty segment.
    Param,
    /// `{*name}`: one or more segments.
    Multi,
}

/// A mixed segment's texts: the text before, between and after its
/// parameters, `""` where there is none (`{id}.{format}` is `["", ".", ""]`).
pub(crate) fn mixed_texts(parts: &[Part<'static>]) -> Vec<&'static str> {
    let mut texts = vec![""];
    for part in parts {
        match *part {
            Part::Text(text) => {
                if let Some(last) = texts.last_mut() {
                    *last = text;
                }
            }
            Part::Param(_) => texts.push(""),
        }
    }
    texts
}

/// A template under a base path, and where it routes.
pub(crate) struct Route<E> {
    pub(crate) endpoint: E,
    pub(crate) base_path: &'static str,
    pub(crate) segments: Vec<Segment>,
}

/// Each method's routes (by its name), in the order the Rust router tries
/// them: a node's own route, then its literal edges, mixed edges, parameter
/// and multi-segment parameter, depth first. A literal equal to an earlier
/// one of its node (two texts that decode to U+FFFD alike) is left out: the
/// router never reaches it.
pub(crate) fn by_method<E: CatalogueEndpoint>() -> Vec<(&'static str, Vec<Route<E>>)> {
    E::tables()
        .routes
        .iter()
        .map(|method| {
            let mut routes = Vec::new();
            walk(&method.root, &mut Vec::new(), &mut routes);
            (method.method.as_str(), routes)
        })
        .collect()
}

fn walk<E: Copy>(node: &Node<'static, E>, path: &mut Vec<Segment>, out: &mut Vec<Route<E>>) {
    if let Some(route) = node.route {
        out.push(Route {
            endpoint: route.endpoint,
            base_path: route.base_path,
            segments: path.clone(),
        });
    }
    for (i, literal) in node.literals.iter().enumerate() {
        if node.literals[..i]
            .iter()
            .any(|l| l.segment == literal.segment)
        {
            continue;
        }
        path.push(Segment::Literal(literal.segment));
        walk(&literal.node, path, out);
        path.pop();
    }
    for (rank, mixed) in node.mixed.iter().enumerate() {
        path.push(Segment::Mixed {
            rank,
            parts: mixed.parts,
        });
        walk(&mixed.node, path, out);
        path.pop();
    }
    for (child, segment) in [
        (node.param, Segment::Param),
        (node.catch_all, Segment::Multi),
    ] {
        if let Some(child) = child {
            path.push(segment);
            walk(child, path, out);
            path.pop();
        }
    }
}
