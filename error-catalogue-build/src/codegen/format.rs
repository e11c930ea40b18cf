//! The generated module as formatted source, fast enough for a build script
//! that cargo runs unoptimised (its default for build scripts) over 10⁵
//! entries, and the same text as formatting all of the [`Part`]s' tokens.
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

use super::{
    Catalogue, EntryConst, EntryConsts, Options, Part, Variant, consts_of, doc_values, parts,
    usize_lit,
};

/// Literals whose text is at least this long are lifted out before parsing.
/// Far below the packed tables of a catalogue of 10⁴ entries and more; high
/// enough that short ones, which cost syn little, stay in place.
const LIFT_MIN_BYTES: usize = 4096;

/// Every placeholder starts with this and is padded to
/// [`PLACEHOLDER_BYTES`], longer than prettyplease's line width: it then
/// breaks the lines around it as the long literal it stands for would, so
/// that the output is the same as without lifting.
const PLACEHOLDER_PREFIX: &str = "__error_catalogue_lifted_literal_";
const PLACEHOLDER_BYTES: usize = 128;

/// The generated module formatted; `None` when its tokens do not parse
/// (never, for tokens `codegen` builds).
///
/// The `codes` module, a third of the work at 10⁵ entries, is made and
/// formatted on a second thread while this one makes and formats the rest
/// (a build script has the cores to itself: the crate's compilation waits
/// for it). prettyplease ends every item with a line break at the top
/// level, so items formatted apart and joined are the text of the items
/// formatted together.
pub(super) fn source(catalogue: &Catalogue, options: Options) -> Option<String> {
    let codes = consts_of(catalogue, options);
    let format_codes = move || match codes {
        Some(of) => unparse(vec![codes_module(&of.build())?]),
        None => Some(String::new()),
    };
    std::thread::scope(|scope| {
        // No thread (the system refused one): the codes here, after the rest.
        let thread = codes.and_then(|_| {
            std::thread::Builder::new()
                .name("error-catalogue codes".into())
                .spawn_scoped(scope, format_codes)
                .ok()
        });
        let rest = format_parts(&parts(catalogue, options), LIFT_MIN_BYTES);
        let codes = match thread {
            Some(thread) => thread.join().ok()?,
            None => format_codes(),
        };
        let [before, after] = rest?;
        Some(before + &codes? + &after)
    })
}

/// The parts formatted, but for the `codes` module: the text before it
/// and the text after it. Literals of at least `lift_min_bytes` are lifted.
fn format_parts(parts: &[Part<'_>], lift_min_bytes: usize) -> Option<[String; 2]> {
    let mut lifted = Vec::new();
    let mut items = [Vec::new(), Vec::new()];
    let mut at = 0;
    for part in parts {
        match part {
            Part::Tokens(tokens) => {
                let tokens = lift(tokens.clone(), lift_min_bytes, &mut lifted);
                items[at].extend(syn::parse2::<syn::File>(tokens).ok()?.items);
            }
            Part::Endpoints(endpoints) => {
                let mut item: syn::ItemEnum = syn::parse2(endpoints.skeleton.clone()).ok()?;
                item.variants.extend(endpoints.variants.iter().map(variant));
                items[at].push(syn::Item::Enum(item));
                let impls = syn::parse2::<syn::File>(endpoints.impls.clone()).ok()?;
                items[at].extend(impls.items);
            }
            Part::Consts(_) => at = 1,
        }
    }
    let [before, after] = items.map(unparse);
    match splice(&[&before?, &after?], &lifted) {
        Some(texts) => Some(texts),
        // A placeholder's name also appears in the data (in a doc comment,
        // say): format without lifting, as slowly as before.
        None if !lifted.is_empty() => format_parts(parts, usize::MAX),
        None => None,
    }
}

/// `items` formatted as a file.
fn unparse(items: Vec<syn::Item>) -> Option<String> {
    Some(prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    }))
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

/// `texts` with each placeholder replaced by its literal's text, or
/// `None` unless each placeholder appears exactly once in them, as a whole
/// word.
fn splice(texts: &[&str; 2], lifted: &[String]) -> Option<[String; 2]> {
    // Nothing lifted: any placeholder-like word is the data's.
    if lifted.is_empty() {
        return Some(texts.map(str::to_owned));
    }
    // One pass over each text for the shared prefix; each hit must be a
    // whole placeholder of a lifted literal, each seen once.
    let mut at = vec![None; lifted.len()];
    for (t, text) in texts.iter().enumerate() {
        for (i, _) in text.match_indices(PLACEHOLDER_PREFIX) {
            let word = &text[i..];
            let end = word
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(word.len());
            let word = &word[..end];
            let k: usize = word[PLACEHOLDER_PREFIX.len()..]
                .trim_end_matches('_')
                .parse()
                .ok()?;
            let starts_word = text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if !starts_word || k >= lifted.len() || word != placeholder(k) || at[k].is_some() {
                return None;
            }
            at[k] = Some((t, i));
        }
    }
    let mut at = at
        .into_iter()
        .enumerate()
        .map(|(k, at)| Some((at?, k)))
        .collect::<Option<Vec<_>>>()?;
    at.sort_unstable();
    let mut out = [String::new(), String::new()];
    let mut from = [0, 0];
    for ((t, i), k) in at {
        out[t].push_str(&texts[t][from[t]..i]);
        out[t].push_str(&lifted[k]);
        from[t] = i + PLACEHOLDER_BYTES;
    }
    for t in 0..2 {
        out[t].push_str(&texts[t][from[t]..]);
    }
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
    use crate::codegen::{Layout, tokens};

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
                    source(&catalogue, options).as_deref(),
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
            let out = source(&catalogue, options).expect("the parts format");
            assert_eq!(out, reference(&catalogue, options));
            assert!(out.contains(&format!("`401` {meaning}")));
        }
    }

    #[test]
    fn lift_takes_long_literals_at_the_top_level_and_in_parentheses() {
        let long = Literal::byte_string(b"0123456789");
        let threshold = long.to_string().len();
        let short = Literal::string("s");
        let tokens = quote! {
            static A: T = #long;
            static B: Aligned<T> = Aligned(*#long);
            static C: [&[u8]; 1] = [#long];
            static D: &str = #short;
        };
        let mut lifted = Vec::new();
        let out = lift(tokens, threshold, &mut lifted).to_string();
        // A literal of exactly the threshold is lifted, in brackets it is not.
        assert_eq!(lifted, [long.to_string(), long.to_string()]);
        assert!(out.contains(&placeholder(0)) && out.contains(&placeholder(1)));
        assert!(out.contains("[b\"0123456789\"]") && out.contains("\"s\""));
    }

    #[test]
    fn splice_needs_each_placeholder_once_as_a_whole_word() {
        let lifted = ["\"a\"".to_string(), "b\"b\"".to_string()];
        let (p0, p1) = (placeholder(0), placeholder(1));
        let spliced = |before: &str, after: &str| splice(&[before, after], &lifted);
        assert_eq!(
            spliced(&format!("x = {p1};\ny = ({p0});\n"), "z\n"),
            Some(["x = b\"b\";\ny = (\"a\");\n".to_string(), "z\n".to_string()])
        );
        assert_eq!(
            spliced(&format!("x = {p1};\n"), &format!("y = {p0};\n")),
            Some(["x = b\"b\";\n".to_string(), "y = \"a\";\n".to_string()])
        );
        assert_eq!(spliced(&format!("{p0} {p1}"), &p0), None);
        assert_eq!(spliced(&format!("{p0} {p1} {p0}"), ""), None);
        assert_eq!(spliced(&p0, ""), None);
        assert_eq!(spliced(&format!("x{p0} {p1}"), ""), None);
        assert_eq!(spliced(&format!("{p0}x {p1}"), ""), None);
        assert_eq!(
            spliced(&format!("{p0} {p1} {PLACEHOLDER_PREFIX}"), ""),
            None
        );
        // A placeholder of a literal not lifted (the data spells one).
        assert_eq!(spliced(&format!("{p0} {p1} {}", placeholder(2)), ""), None);
        assert_eq!(
            splice(&[&p0, "placeholder"], &[]),
            Some([p0.clone(), "placeholder".to_string()])
        );
    }
}
