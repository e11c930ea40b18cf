//! The generated module as formatted source, fast enough for a build script
//! that cargo runs unoptimised (its default for build scripts) over 10⁵
//! entries, and the same text as formatting all of [`Parts`]' tokens.
//!
//! Three parts of a large catalogue would dominate the time if their tokens
//! were parsed by syn for prettyplease:
//!
//! - the `codes` constants, one item per entry, and the `Endpoint` enum's
//!   variants, whose docs list every entry, are built as syn items
//!   directly, from the same idents, doc strings and literals as their
//!   tokens;
//! - the few huge literals (the packed records, `TEXT`, ...), which syn
//!   would re-read character by character, are formatted as placeholder
//!   idents, and each literal's own text is written over its placeholder
//!   in the formatted output.

use proc_macro2::{Delimiter, Group, Ident, Literal, Span, TokenStream, TokenTree};
use quote::quote;
use syn::punctuated::Punctuated;

use super::{EntryConst, EntryConsts, Part, Variant, doc_values, usize_lit};

/// Literals whose text is at least this long are lifted out before parsing.
/// Far below the packed tables of a catalogue of 10⁴ entries and more; high
/// enough that short ones, which cost syn little, stay in place.
pub(super) const LIFT_MIN_BYTES: usize = 4096;

/// Every placeholder starts with this and is padded to
/// [`PLACEHOLDER_BYTES`], longer than prettyplease's line width: it then
/// breaks the lines around it as the long literal it stands for would, so
/// that the output is the same as without lifting.
const PLACEHOLDER_PREFIX: &str = "__error_catalogue_lifted_literal_";
const PLACEHOLDER_BYTES: usize = 128;

/// The parts formatted, literals of at least `lift_min_bytes` lifted;
/// `None` when they do not parse (never, for tokens `codegen` builds).
pub(super) fn source(parts: &[Part<'_>], lift_min_bytes: usize) -> Option<String> {
    let mut lifted = Vec::new();
    let mut items = Vec::new();
    for part in parts {
        match part {
            Part::Tokens(tokens) => {
                let tokens = lift(tokens.clone(), lift_min_bytes, &mut lifted);
                items.extend(syn::parse2::<syn::File>(tokens).ok()?.items);
            }
            Part::Endpoints(endpoints) => {
                let mut item: syn::ItemEnum = syn::parse2(endpoints.skeleton.clone()).ok()?;
                item.variants.extend(endpoints.variants.iter().map(variant));
                items.push(syn::Item::Enum(item));
                items.extend(
                    syn::parse2::<syn::File>(endpoints.impls.clone())
                        .ok()?
                        .items,
                );
            }
            Part::Consts(codes) => items.push(codes_module(codes)?),
        }
    }
    let file = syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    };
    let formatted = prettyplease::unparse(&file);
    match splice(&formatted, &lifted) {
        Some(code) => Some(code),
        // A placeholder's name also appears in the data (in a doc comment,
        // say): format without lifting, as slowly as before.
        None if !lifted.is_empty() => source(parts, usize::MAX),
        None => None,
    }
}

/// `tokens` with each literal of at least `min_bytes` at its top level, or
/// inside parentheses from there, replaced by a placeholder ident; the
/// literals' texts, in placeholder order, go to `lifted`. Brackets and
/// braces are not entered: the huge literals sit outside them (`static X:
/// T = b"..";`, `Aligned(*b"..")`), and walking every token of the tables'
/// arrays would cost what lifting saves. A placeholder stands where a
/// literal stood, in an expression, where an ident parses too.
fn lift(tokens: TokenStream, min_bytes: usize, lifted: &mut Vec<String>) -> TokenStream {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Literal(literal) => lift_literal(literal, min_bytes, lifted),
            TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {
                let mut inner = Group::new(
                    Delimiter::Parenthesis,
                    lift(group.stream(), min_bytes, lifted),
                );
                inner.set_span(group.span());
                TokenTree::Group(inner)
            }
            tree => tree,
        })
        .collect()
}

fn lift_literal(literal: Literal, min_bytes: usize, lifted: &mut Vec<String>) -> TokenTree {
    if min_bytes == usize::MAX {
        return TokenTree::Literal(literal);
    }
    let text = literal.to_string();
    if text.len() < min_bytes {
        return TokenTree::Literal(literal);
    }
    let name = placeholder(lifted.len());
    lifted.push(text);
    TokenTree::Ident(Ident::new(&name, literal.span()))
}

fn placeholder(k: usize) -> String {
    format!(
        "{PLACEHOLDER_PREFIX}{k:_<width$}",
        width = PLACEHOLDER_BYTES - PLACEHOLDER_PREFIX.len()
    )
}

/// `formatted` with each placeholder replaced by its literal's text, or
/// `None` unless each placeholder appears exactly once, as a whole word.
fn splice(formatted: &str, lifted: &[String]) -> Option<String> {
    if lifted.is_empty() {
        return Some(formatted.to_owned());
    }
    // One pass over the text for the shared prefix; each hit must be a
    // whole placeholder of a lifted literal, each seen once.
    let mut at = vec![None; lifted.len()];
    for (i, _) in formatted.match_indices(PLACEHOLDER_PREFIX) {
        let word = &formatted[i..];
        let end = word
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(word.len());
        let word = &word[..end];
        let k: usize = word[PLACEHOLDER_PREFIX.len()..]
            .trim_end_matches('_')
            .parse()
            .ok()?;
        let starts_word = formatted[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if !starts_word || k >= lifted.len() || word != placeholder(k) || at[k].is_some() {
            return None;
        }
        at[k] = Some(i);
    }
    let mut at = at
        .into_iter()
        .enumerate()
        .map(|(k, i)| Some((i?, k)))
        .collect::<Option<Vec<_>>>()?;
    at.sort_unstable();
    let mut out =
        String::with_capacity(formatted.len() + lifted.iter().map(String::len).sum::<usize>());
    let mut from = 0;
    for (i, k) in at {
        out.push_str(&formatted[from..i]);
        out.push_str(&lifted[k]);
        from = i + PLACEHOLDER_BYTES;
    }
    out.push_str(&formatted[from..]);
    Some(out)
}

/// The `codes` module as a syn item: its skeleton parsed, its constants
/// built as the items their tokens (`EntryConsts::tokens`) parse to.
fn codes_module(codes: &EntryConsts<'_>) -> Option<syn::Item> {
    let mut module: syn::ItemMod = syn::parse2(codes.skeleton.clone()).ok()?;
    if !codes.consts.is_empty() {
        let (_, items) = module.content.as_mut()?;
        items.extend(codes.consts.iter().map(const_item));
    }
    Some(syn::Item::Mod(module))
}

/// The attributes of `v`, as `Variant::attrs`' tokens parse to.
fn attrs(v: &Variant<'_>) -> Vec<syn::Attribute> {
    let span = Span::call_site();
    let mut attrs: Vec<syn::Attribute> = doc_values(&v.docs)
        .map(|line| {
            outer(syn::Meta::NameValue(syn::MetaNameValue {
                path: path("doc"),
                eq_token: Default::default(),
                value: syn::Expr::Lit(syn::ExprLit {
                    attrs: Vec::new(),
                    lit: syn::Lit::Str(syn::LitStr::new(&line, span)),
                }),
            }))
        })
        .collect();
    if let Some(note) = v.deprecated {
        let note = Literal::string(note);
        attrs.push(outer(syn::Meta::List(syn::MetaList {
            path: path("deprecated"),
            delimiter: syn::MacroDelimiter::Paren(Default::default()),
            tokens: quote!(note = #note),
        })));
    }
    attrs
}

/// A variant of the `Endpoint` enum, as `EndpointEnum::tokens` writes it.
fn variant(v: &Variant<'_>) -> syn::Variant {
    syn::Variant {
        attrs: attrs(v),
        ident: v.ident.clone(),
        fields: syn::Fields::Unit,
        discriminant: None,
    }
}

/// `#[doc = ..]* #[deprecated(note = ..)]? pub const NAME: &Entry = at(k);`
fn const_item(c: &EntryConst<'_>) -> syn::Item {
    let index = syn::Expr::Lit(syn::ExprLit {
        attrs: Vec::new(),
        lit: syn::Lit::Int(usize_lit(c.index).into()),
    });
    syn::Item::Const(syn::ItemConst {
        attrs: attrs(&c.name),
        vis: syn::Visibility::Public(Default::default()),
        const_token: Default::default(),
        ident: c.name.ident.clone(),
        generics: Default::default(),
        colon_token: Default::default(),
        ty: Box::new(syn::Type::Reference(syn::TypeReference {
            and_token: Default::default(),
            lifetime: None,
            mutability: None,
            elem: Box::new(syn::Type::Path(syn::TypePath {
                qself: None,
                path: path("Entry"),
            })),
        })),
        eq_token: Default::default(),
        expr: Box::new(syn::Expr::Call(syn::ExprCall {
            attrs: Vec::new(),
            func: Box::new(syn::Expr::Path(syn::ExprPath {
                attrs: Vec::new(),
                qself: None,
                path: path("at"),
            })),
            paren_token: Default::default(),
            args: Punctuated::from_iter([index]),
        })),
        semi_token: Default::default(),
    })
}

fn outer(meta: syn::Meta) -> syn::Attribute {
    syn::Attribute {
        pound_token: Default::default(),
        style: syn::AttrStyle::Outer,
        bracket_token: Default::default(),
        meta,
    }
}

fn path(name: &str) -> syn::Path {
    Ident::new(name, Span::call_site()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codegen::{Layout, Options, parts, tokens};

    /// A catalogue with a deprecated endpoint and entry, a multi-line
    /// description, and a description long enough that the packed text
    /// literal is lifted; `meaning` is the first entry's meaning.
    fn catalogue(meaning: &str) -> crate::Catalogue {
        let long = "A long description. ".repeat(300);
        let text = format!(
            r#"
[page]
id = "errors"
title = "Errors"
slug = "/errors/"
docs_base_url = "https://example.com/docs"

[general]
title = "General"

[[general.errors]]
status = 401
meaning = "{meaning}"
description = "{long}"

[[endpoints]]
name = "Get Thing"
method = "GET"
path = "/things/{{id}}"
deprecated = "Use Find Thing."

[[endpoints.errors]]
status = 404
meaning = "Not Found"
description = """
Two lines:
the second."""

[[endpoints]]
name = "Find Thing"
method = "GET"
path = "/things"

[[endpoints.errors]]
status = 409
meaning = "Conflict"
deprecated = "Names are no longer unique."
"#
        );
        let report = crate::check_str("t.toml", &text);
        assert!(!report.has_errors(), "{}", report.render(false));
        report.catalogue.expect("the catalogue is valid")
    }

    /// What formatting every token with syn and prettyplease gives.
    fn reference(catalogue: &crate::Catalogue, options: Options) -> String {
        let file = syn::parse2(tokens(catalogue, options)).expect("the tokens parse");
        prettyplease::unparse(&file)
    }

    fn lifted(parts: &[Part<'_>]) -> usize {
        let mut lifted = Vec::new();
        for part in parts {
            if let Part::Tokens(tokens) = part {
                lift(tokens.clone(), LIFT_MIN_BYTES, &mut lifted);
            }
        }
        lifted.len()
    }

    #[test]
    fn the_output_is_that_of_formatting_every_token() {
        let catalogue = catalogue("Unauthorized");
        for layout in [Layout::Packed, Layout::Readable] {
            for entry_consts in [true, false] {
                let options = Options::new(entry_consts, layout).with_typed_errors(true);
                let parts = parts(&catalogue, options);
                // The lookup rows (and the packed texts) are over the threshold.
                assert!(lifted(&parts) > 0);
                assert_eq!(
                    source(&parts, LIFT_MIN_BYTES).as_deref(),
                    Some(reference(&catalogue, options).as_str()),
                    "{layout:?}, constants {entry_consts}"
                );
            }
        }
    }

    #[test]
    fn a_placeholder_in_the_data_is_formatted_without_lifting() {
        for meaning in [placeholder(0), PLACEHOLDER_PREFIX.to_string()] {
            let catalogue = catalogue(&meaning);
            let options = Options::new(true, Layout::Packed);
            let parts = parts(&catalogue, options);
            assert!(lifted(&parts) > 0);
            let out = source(&parts, LIFT_MIN_BYTES).expect("the parts format");
            assert_eq!(out, reference(&catalogue, options));
            assert!(out.contains(&format!("`401` {meaning}")));
        }
    }

    #[test]
    fn splice_needs_each_placeholder_once_as_a_whole_word() {
        let lifted = ["\"a\"".to_string(), "b\"b\"".to_string()];
        let (p0, p1) = (placeholder(0), placeholder(1));
        assert_eq!(
            splice(&format!("x = {p1};\ny = ({p0});\n"), &lifted).as_deref(),
            Some("x = b\"b\";\ny = (\"a\");\n")
        );
        assert_eq!(splice(&format!("{p0} {p1} {p0}"), &lifted), None);
        assert_eq!(splice(&p0, &lifted), None);
        assert_eq!(splice(&format!("x{p0} {p1}"), &lifted), None);
        assert_eq!(splice(&format!("{p0}x {p1}"), &lifted), None);
        assert_eq!(
            splice(&format!("{p0} {p1} {PLACEHOLDER_PREFIX}"), &lifted),
            None
        );
        assert_eq!(
            splice("no placeholder", &[]).as_deref(),
            Some("no placeholder")
        );
    }
}
