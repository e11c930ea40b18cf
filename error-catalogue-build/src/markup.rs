//! Inline Markdown: the text fields' markup, and their plain-text form.
//!
//! Code spans, emphasis, strong emphasis, strikethrough and links are markup;
//! everything else (raw HTML, block syntax such as `# x` or `---`, entities,
//! backslashes, line breaks) is text. [`inline`] holds the grammar, written
//! once: this crate uses it for the plain-text forms it generates, and the
//! runtime crate's renderers compile the same file ([`INLINE_SOURCE`]), so
//! what the renderers treat as markup is exactly what `plain_text` removes.

/// The inline-Markdown grammar and tokenizer (the file [`INLINE_SOURCE`] holds).
pub mod inline;

pub use inline::{Inline, parse_inline, plain_text};

/// The source of [`inline`], for a build script to copy into `OUT_DIR` and
/// `include!`, so a runtime crate parses markup exactly as this crate does.
pub const INLINE_SOURCE: &str = include_str!("markup/inline.rs");

#[cfg(test)]
mod tests {
    use super::{Inline, parse_inline, plain_text};

    #[test]
    fn markup_is_removed_and_text_kept() {
        assert_eq!(plain_text("a `X` b"), "a X b");
        assert_eq!(
            plain_text("*very* **much** [here](https://x.y) ~~gone~~"),
            "very much here gone"
        );
        assert_eq!(plain_text("a <b> {c} | d"), "a <b> {c} | d");
        assert_eq!(plain_text("plain text."), "plain text.");
    }

    #[test]
    fn block_syntax_entities_and_backslashes_are_text() {
        for s in [
            "# not a heading",
            "---",
            "> quote",
            "- item",
            "1. item",
            "&amp; &lt; &#123;",
            "\\{ \\} \\| \\* trailing \\",
            "line one\nline two\r\nthree",
            "    indented",
            "<https://example.com> <a@b.c>",
            "``` unclosed fence\nx",
            "a * b _ c [ d ** e",
            "snake_case_name and x_y",
        ] {
            assert_eq!(plain_text(s), s, "{s:?}");
        }
    }

    #[test]
    fn the_grammar() {
        use Inline::*;
        assert_eq!(parse_inline("`` a`b ``"), [Code("a`b")]);
        assert_eq!(parse_inline("` `"), [Code(" ")]);
        assert_eq!(parse_inline("``x`"), [Text("``x`")]);
        assert_eq!(
            parse_inline("_under_score_"),
            [Emphasis(vec![Text("under_score")])]
        );
        assert_eq!(
            parse_inline("**b** *`c*`*"),
            [
                Strong(vec![Text("b")]),
                Text(" "),
                Emphasis(vec![Code("c*")])
            ]
        );
        assert_eq!(
            parse_inline("[a *b* [c]](mailto:x@y?s=a%20b)"),
            [Link {
                text: vec![Text("a "), Emphasis(vec![Text("b")]), Text(" [c]")],
                url: "mailto:x@y?s=a%20b"
            }]
        );
        assert_eq!(parse_inline("[a](b c)"), [Text("[a](b c)")]);
        assert_eq!(parse_inline("[](x)"), [Text("[](x)")]);
        assert_eq!(parse_inline("***x***"), [Text("***x***")]);
        assert_eq!(parse_inline("* x*"), [Text("* x*")]);
        // An unclosed backtick run is text as a whole, not a shorter run.
        assert_eq!(
            parse_inline("*a ``x*` b"),
            [Emphasis(vec![Text("a ``x")]), Text("` b")]
        );
    }
}
