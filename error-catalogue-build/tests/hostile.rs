//! Nothing in the data can break the generated code: arbitrary strings in
//! every text field either generate Rust that parses and whose literals hold
//! the strings exactly, or are rejected with a located diagnostic; never a
//! panic. And generation is deterministic.

use std::collections::BTreeSet;

use error_catalogue_build::codegen::{self, Options};
use error_catalogue_build::{Builder, check_file, check_str};
use proptest::prelude::*;
use syn::visit::Visit;

/// Every string literal's value, every text of the deduplicated text table
/// (`TEXT` split at `TEXT_ENDS`), and every attribute's name in a file.
#[derive(Default)]
struct Collected {
    strings: BTreeSet<String>,
    attributes: BTreeSet<String>,
    text_blob: Option<String>,
    text_ends: Vec<usize>,
}

impl<'ast> Visit<'ast> for Collected {
    fn visit_lit_str(&mut self, lit: &'ast syn::LitStr) {
        self.strings.insert(lit.value());
    }

    fn visit_item_static(&mut self, item: &'ast syn::ItemStatic) {
        match (item.ident.to_string().as_str(), &*item.expr) {
            (
                "TEXT",
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(blob),
                    ..
                }),
            ) => self.text_blob = Some(blob.value()),
            // Little-endian u32s in a byte-string literal.
            (
                "TEXT_ENDS",
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::ByteStr(ends),
                    ..
                }),
            ) => {
                let bytes = ends.value();
                let (ends, rest) = bytes.as_chunks::<4>();
                assert!(rest.is_empty(), "TEXT_ENDS is not whole u32s");
                self.text_ends
                    .extend(ends.iter().map(|b| u32::from_le_bytes(*b) as usize));
            }
            _ => {}
        }
        syn::visit::visit_item_static(self, item);
    }

    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        let path = attr.path();
        let name = path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect::<Vec<_>>()
            .join("::");
        self.attributes.insert(name);
        syn::visit::visit_attribute(self, attr);
    }
}

/// Parses generated source and collects its literals and attributes.
fn collect(source: &str) -> Collected {
    let file = syn::parse_file(source).unwrap_or_else(|e| panic!("{e}\n{source}"));
    let mut c = Collected::default();
    c.visit_file(&file);
    if let Some(blob) = c.text_blob.take() {
        let mut start = 0;
        for &end in &c.text_ends {
            c.strings.insert(blob[start..end].to_string());
            start = end;
        }
    }
    c
}

/// Checks what rustc and rustdoc would reject or misread in doc comments.
fn assert_docs_safe(source: &str) {
    for line in source.lines() {
        let Some(doc) = line.trim_start().strip_prefix("///") else {
            continue;
        };
        assert!(!doc.contains('\r'), "bare CR in {line:?}");
        assert!(
            !doc.chars().any(|c| matches!(c,
                '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')),
            "text-direction control in {line:?}"
        );
        let text = doc.strip_prefix(' ').unwrap_or(doc);
        assert!(
            !text.starts_with("```") && !text.starts_with("~~~") && !text.starts_with("    "),
            "a doc line that opens a code block: {line:?}"
        );
    }
}

/// A catalogue with `s` in every text field, written as a TOML string.
fn catalogue_with(s: &str) -> String {
    let v = toml::Value::String(s.to_string()).to_string();
    format!(
        r#"[page]
id = {v}
title = {v}
sidebar_label = {v}
slug = {v}
docs_base_url = {v}
imports = [{v}]
intro = [{v}, {v}]

[page.support]
notice = {v}
email = {v}

[general]
title = {v}
slug = "general-codes"

[[general.errors]]
status = 400
meaning = {v}
description = {v}
resolution = {v}

[general.errors.example]
caption = {v}
lang = {v}
body = {v}

[[endpoints]]
name = "Get Tracker"
method = "GET"
path = "/v1/tracker/{{id}}"

[[endpoints.errors]]
status = 404
meaning = {v}
description = {v}
resolution = {v}
allow = ["non-canonical-meaning"]
"#
    )
}

/// Characters that break naive generators, to mix into arbitrary strings.
const HOSTILE: &[char] = &[
    '"', '\\', '#', '*', '/', '{', '}', '<', '>', '|', '`', '\n', '\r', '\t', '\0', '\u{7}',
    '\u{202E}', '\u{2066}', '\u{200B}', '\u{2028}', '\u{FEFF}', 'é', '错', '🚀', ' ', '~', '!',
    '[', ']', '(', ')', 'r', 'a',
];

fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(HOSTILE), 0..40)
            .prop_map(|cs| cs.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_generates_valid_code_or_a_located_error(s in hostile_string()) {
        let report = check_str("errors.toml", &catalogue_with(&s));
        match &report.catalogue {
            Some(catalogue) => {
                let source = codegen::source(catalogue, Options::default(), "errors.toml");
                let collected = collect(&source);
                // Every text field comes back exactly, as a string literal.
                prop_assert!(collected.strings.contains(&s), "{s:?} not among the literals");
                assert_docs_safe(&source);
                let base = check_str("errors.toml", &catalogue_with("x"));
                let base = collect(&codegen::source(base.catalogue.as_ref().unwrap(), Options::default(), "errors.toml"));
                prop_assert!(
                    collected.attributes.is_subset(&base.attributes),
                    "data added attributes: {:?}",
                    collected.attributes.difference(&base.attributes).collect::<Vec<_>>()
                );
            }
            None => {
                prop_assert!(report.has_errors());
                for d in report.diagnostics.iter().filter(|d| d.is_error()) {
                    prop_assert!(d.span.is_some(), "unlocated: {d:?}");
                }
            }
        }
    }

    #[test]
    fn any_text_anywhere_never_panics(text in any::<String>()) {
        let report = check_str("errors.toml", &text);
        let _ = report.render(false);
        prop_assert!(report.has_errors() || report.catalogue.is_some());
    }
}

#[test]
fn the_hostile_fixture_round_trips_through_generated_literals() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/hostile.toml"
    );
    let report = check_file(path);
    assert!(!report.has_errors(), "{}", report.render(false));
    let source = codegen::source(
        report.catalogue.as_ref().unwrap(),
        Options::default(),
        "errors.toml",
    );
    assert_docs_safe(&source);
    let collected = collect(&source);
    let text = std::fs::read_to_string(path).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let mut strings = Vec::new();
    gather(&value, &mut strings);
    for s in strings {
        assert!(collected.strings.contains(&s), "{s:?} lost");
    }
}

fn gather(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|v| gather(v, out)),
        toml::Value::Table(t) => t
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "allow" | "method"))
            .for_each(|(_, v)| gather(v, out)),
        _ => {}
    }
}

#[test]
fn generation_is_deterministic_and_has_no_paths() {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let base = std::env::temp_dir().join(format!("ecb-determinism-{}", std::process::id()));
    let mut outputs = Vec::new();
    for run in ["a", "b"] {
        let dir = base.join(run);
        std::fs::create_dir_all(&dir).unwrap();
        let (_, out) = Builder::new()
            .file(format!("{manifest}/../errors.toml"))
            .out_dir(&dir)
            .generate()
            .unwrap();
        outputs.push(std::fs::read(out).unwrap());
    }
    std::fs::remove_dir_all(&base).unwrap();
    assert_eq!(outputs[0], outputs[1]);
    let text = String::from_utf8(outputs.remove(0)).unwrap();
    let root = std::path::Path::new(manifest).parent().unwrap();
    assert!(!text.contains(&*root.to_string_lossy()), "an absolute path");
    assert!(!text.contains(&*base.to_string_lossy()), "the output path");
}

#[test]
fn doctest_bait_stays_text() {
    let bait = "```rust\nstd::process::exit(3);\n```\n    indented(code);\n\t\tmore(code);\n~~~\n<script>alert(1)</script>\n  kept indent";
    let report = check_str("errors.toml", &catalogue_with(bait));
    let source = codegen::source(
        report.catalogue.as_ref().unwrap(),
        Options::default(),
        "errors.toml",
    );
    assert_docs_safe(&source);
    assert!(source.contains("/// \\```rust"), "{source}");
    assert!(
        source.contains("/// \\<script>alert(1)\\</script>"),
        "{source}"
    );
    assert!(source.contains("///   kept indent"), "{source}");
    assert!(collect(&source).strings.contains(bait));
}

/// Lines on which looking ahead afresh from each `]` (to its `)`, or to a
/// code span) would be quadratic still generate, with each `]` that does not
/// close a link to a URL escaped in the docs. No time is asserted; a return
/// to rescanning would make this test run for minutes.
#[test]
fn long_bracket_runs_generate_escaped_docs() {
    const N: usize = 100_000;
    for (field, doc) in [
        (
            format!("{})", "](aaaa".repeat(N)),
            format!("{})", "\\](aaaa".repeat(N)),
        ),
        ("`a`]".repeat(N), "`a`\\]".repeat(N)),
    ] {
        let text = format!(
            "[page]\nid = \"x\"\ntitle = \"X\"\nslug = \"/x/\"\ndocs_base_url = \"https://x.example\"\n\
             [general]\ntitle = \"G\"\n[[general.errors]]\nstatus = 400\nmeaning = \"Bad Request\"\n\
             description = {}\n",
            toml::Value::String(field)
        );
        let report = check_str("errors.toml", &text);
        let source = codegen::source(
            report.catalogue.as_ref().unwrap(),
            Options::default(),
            "errors.toml",
        );
        assert!(
            source
                .lines()
                .any(|l| l.trim_start() == format!("/// {doc}")),
            "{}…",
            &doc[..24]
        );
    }
}
