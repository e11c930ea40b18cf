//! The rules for the page and `[api]`: where the docs are published, the
//! page's texts, and the base paths requests carry.

use std::ops::Range;

use toml::Spanned;

use super::rules::{Differ, F, Version};
use super::{Bump, Level, Rule, Side};
use crate::diagnostic::shown;

impl Differ {
    /// The page's URLs and texts.
    pub(super) fn page(&mut self, old: &Version<'_>, new: &Version<'_>) {
        let (op, np) = (&old.cat.page, &new.cat.page);
        let nd = &new.file.page;
        let moved = [
            (
                "docs_base_url",
                &op.docs_base_url,
                &np.docs_base_url,
                nd.docs_base_url.span(),
            ),
            ("slug", &op.slug, &np.slug, nd.slug.span()),
        ];
        for (key, was, is, span) in moved {
            if was != is {
                self.push(
                    F::new(Rule::PageUrlChanged, Level::Warning, Bump::Minor, Side::New, span),
                    format!(
                        "the page's `{key}` changed from {} to {}: every docs link, anchor URL and problem `type` URI moves",
                        shown(was),
                        shown(is)
                    ),
                    Some("redirect the old page to the new one, so published links keep working".to_string()),
                );
            }
        }
        let label_span = nd.sidebar_label.as_ref().unwrap_or(&nd.title).span();
        let support = |p: &crate::catalogue::Page| p.support.clone().map(|s| (s.notice, s.email));
        let texts = [
            ("id", op.id != np.id, nd.id.span()),
            ("title", op.title != np.title, nd.title.span()),
            (
                "sidebar_label",
                op.sidebar_label != np.sidebar_label,
                label_span,
            ),
            ("imports", op.imports != np.imports, nd.title.span()),
            ("intro", op.intro != np.intro, nd.title.span()),
            ("support", support(op) != support(np), nd.title.span()),
        ];
        for (key, changed, span) in texts {
            let span = match (key, &nd.support) {
                ("imports", _) => nd.imports.first().map_or(span, Spanned::span),
                ("intro", _) => nd.intro.first().map_or(span, Spanned::span),
                ("support", Some(s)) => s.notice.span(),
                _ => span,
            };
            if changed {
                self.push(
                    F::new(Rule::PageChanged, Level::Info, Bump::Patch, Side::New, span),
                    format!("the page's `{key}` changed"),
                    None,
                );
            }
        }
    }

    /// Base paths removed and added, by their text; a side that declares
    /// none has the empty one, located at the other side's first.
    pub(super) fn base_paths(&mut self, old: &Version<'_>, new: &Version<'_>) {
        let listed = |v: &Version<'_>| -> Vec<(String, Range<usize>)> {
            v.file
                .api
                .iter()
                .flat_map(|api| &api.base_paths)
                .map(|b| (b.get_ref().clone(), b.span()))
                .collect()
        };
        let (was, is) = (listed(old), listed(new));
        let effective = |listed: &[(String, Range<usize>)], other: &[(String, Range<usize>)]| {
            if listed.is_empty() {
                vec![(
                    String::new(),
                    other.first().map_or(0..0, |b| b.1.clone()),
                    true,
                )]
            } else {
                listed
                    .iter()
                    .map(|(b, s)| (b.clone(), s.clone(), false))
                    .collect()
            }
        };
        let (was, is) = (effective(&was, &is), effective(&is, &was));
        for (base, span, implicit) in &was {
            if !is.iter().any(|(b, _, _)| b == base) {
                let side = if *implicit { Side::New } else { Side::Old };
                self.push(
                    F::new(
                        Rule::BasePathRemoved,
                        Level::Breaking,
                        Bump::Major,
                        side,
                        span.clone(),
                    ),
                    format!(
                        "base path {} is gone: requests that carry it no longer route",
                        shown(base)
                    ),
                    Some("keep the old prefix in `base_paths` beside the new one".to_string()),
                );
            }
        }
        for (base, span, implicit) in &is {
            if !was.iter().any(|(b, _, _)| b == base) {
                let side = if *implicit { Side::Old } else { Side::New };
                self.push(
                    F::new(
                        Rule::BasePathAdded,
                        Level::Info,
                        Bump::Minor,
                        side,
                        span.clone(),
                    ),
                    format!("base path {} is new: requests may carry it", shown(base)),
                    None,
                );
            }
        }
    }
}
