//! Writing inline Markdown into a target document: the markup as the target's
//! markup, and everything else escaped so that it shows as written.
//!
//! Text is escaped with backslashes for every character CommonMark, GFM
//! tables or MDX could read as syntax (`\` `` ` `` `*` `_` `[` `]` `<` `>`
//! `&` `~` `|`, and `{` `}` for MDX), line breaks become `<br />`, and a
//! paragraph's start is kept from opening a block (`#`, `>`, `-`, `1.`,
//! indentation, MDX's `import`/`export`). Emphasis, strong and strikethrough
//! are written as `<em>`, `<strong>`, `<del>`: HTML in Markdown, JSX in MDX,
//! recognised whatever characters surround them.

use super::safe_url;
use error_catalogue_markup::{Inline, parse_inline};

/// The document kind being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// CommonMark with GFM tables.
    Markdown,
    /// MDX 3 (with GFM): also escapes braces; links are JSX `<a>`.
    Mdx,
}

/// Where the text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The start of a paragraph, heading or block quote line.
    Paragraph,
    /// Inside a GFM table cell.
    Cell,
}

/// Writes an inline-Markdown text field: markup as markup, the rest escaped.
pub fn markup(out: &mut String, source: &str, target: Target, place: Place) {
    let nodes = parse_inline(source);
    if place == Place::Paragraph {
        match nodes.first() {
            Some(Inline::Text(t)) => {
                let rest = line_start(out, t, target);
                text(out, rest, target);
                write_nodes(out, &nodes[1..], target, place);
                return;
            }
            Some(_) => {}
            None => return,
        }
    }
    write_nodes(out, &nodes, target, place);
}

/// Writes plain text (no markup at all), escaped; `#` too, for headings.
pub fn plain(out: &mut String, s: &str, target: Target, place: Place) {
    let rest = match place {
        Place::Paragraph => line_start(out, s, target),
        Place::Cell => s,
    };
    let mut escaped = String::new();
    text(&mut escaped, rest, target);
    out.push_str(&escaped.replace('#', "\\#"));
}

fn write_nodes(out: &mut String, nodes: &[Inline<'_>], target: Target, place: Place) {
    for node in nodes {
        match node {
            Inline::Text(t) => text(out, t, target),
            Inline::Code(c) => code(out, c, target, place),
            Inline::Emphasis(c) => wrap(out, "em", c, target, place),
            Inline::Strong(c) => wrap(out, "strong", c, target, place),
            Inline::Strikethrough(c) => wrap(out, "del", c, target, place),
            Inline::Link { text: t, url } if !safe_url(url) => write_nodes(out, t, target, place),
            Inline::Link { text: t, url } => match target {
                Target::Mdx => {
                    out.push_str("<a href=");
                    jsx_attribute(out, url);
                    out.push('>');
                    write_nodes(out, t, target, place);
                    out.push_str("</a>");
                }
                Target::Markdown => {
                    out.push('[');
                    write_nodes(out, t, target, place);
                    out.push_str("](");
                    for c in url.chars() {
                        if matches!(c, '\\' | '(' | ')' | '<' | '>' | '&') {
                            out.push('\\');
                        }
                        out.push(c);
                    }
                    out.push(')');
                }
            },
        }
    }
}

fn wrap(out: &mut String, tag: &str, nodes: &[Inline<'_>], target: Target, place: Place) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    write_nodes(out, nodes, target, place);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// An application code in a table cell: a code span, linked to `#anchor`
/// when it has one (written as a link of the text field's markup would be).
pub fn code_link(out: &mut String, code: &str, anchor: Option<&str>, target: Target) {
    let url = anchor.map(|a| format!("#{a}"));
    let span = [Inline::Code(code)];
    match &url {
        Some(url) => write_nodes(
            out,
            &[Inline::Link {
                text: span.to_vec(),
                url,
            }],
            target,
            Place::Cell,
        ),
        None => write_nodes(out, &span, target, Place::Cell),
    }
}

/// Escapes text that is not at a line start: backslash escapes, `<br />` for
/// line breaks.
pub fn text(out: &mut String, s: &str, target: Target) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("<br />");
            }
            '\n' => out.push_str("<br />"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '{' | '}' if target == Target::Mdx => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// Writes what keeps a paragraph's first characters from opening a block;
/// returns the rest of `s`, still to be escaped as text.
fn line_start<'a>(out: &mut String, s: &'a str, target: Target) -> &'a str {
    let indent = s.len() - s.trim_start_matches([' ', '\t']).len();
    for c in s[..indent].chars() {
        out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
    }
    let s = &s[indent..];
    if target == Target::Mdx && (s.starts_with("import") || s.starts_with("export")) {
        out.push_str(if s.starts_with('i') {
            "&#105;"
        } else {
            "&#101;"
        });
        return &s[1..];
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
        out.push_str(&s[..digits]);
        out.push('\\');
        return &s[digits..];
    }
    if let Some(c @ ('#' | '>' | '-' | '+' | '=' | ':')) = s.chars().next() {
        out.push('\\');
        out.push(c);
        return &s[1..];
    }
    s
}

/// A code span, line by line (a code span cannot hold a line break). In a
/// table cell, content with `|` is written as `<code>` with escaped text,
/// since GFM tools disagree on `\|` inside a code span after a backslash.
fn code(out: &mut String, content: &str, target: Target, place: Place) {
    let content = content.replace("\r\n", "\n").replace('\r', "\n");
    for (i, piece) in content.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br />");
        }
        if piece.is_empty() {
            continue;
        }
        if place == Place::Cell && piece.contains('|') {
            out.push_str("<code>");
            text(out, piece, target);
            out.push_str("</code>");
            continue;
        }
        let longest = piece.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest + 1);
        let all_spaces = piece.bytes().all(|b| b == b' ');
        let pad = piece.starts_with('`')
            || piece.ends_with('`')
            || (piece.starts_with(' ') && piece.ends_with(' ') && !all_spaces);
        out.push_str(&fence);
        if pad {
            out.push(' ');
        }
        out.push_str(piece);
        if pad {
            out.push(' ');
        }
        out.push_str(&fence);
    }
}

/// A JSX attribute value: a plain string when nothing in it is special,
/// else a JavaScript string expression.
pub fn jsx_attribute(out: &mut String, value: &str) {
    let plain = value
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '&' | '{' | '}' | '<' | '>' | '\\'));
    if plain {
        out.push('"');
        out.push_str(value);
        out.push('"');
        return;
    }
    out.push('{');
    js_string(out, value);
    out.push('}');
}

/// A double-quoted JavaScript (and JSON, and YAML) string literal.
pub fn js_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str, t: Target) -> String {
        let mut out = String::new();
        markup(&mut out, s, t, Place::Cell);
        out
    }

    fn para(s: &str, t: Target) -> String {
        let mut out = String::new();
        markup(&mut out, s, t, Place::Paragraph);
        out
    }

    #[test]
    fn text_is_escaped_markup_kept() {
        assert_eq!(
            cell("a `X` b | {c} <d>", Target::Mdx),
            "a `X` b \\| \\{c\\} \\<d\\>"
        );
        assert_eq!(cell("a `X` b | {c}", Target::Markdown), "a `X` b \\| {c}");
        assert_eq!(
            cell("*e* **s** ~~d~~ [t](u_v)", Target::Markdown),
            "<em>e</em> <strong>s</strong> <del>d</del> [t](u_v)"
        );
        assert_eq!(
            cell("[t](mailto:a@b?s=a%20b)", Target::Mdx),
            "<a href=\"mailto:a@b?s=a%20b\">t</a>"
        );
        assert_eq!(
            cell("[t](https://x/?a=1&b={2})", Target::Mdx),
            "<a href={\"https://x/?a=1&b={2}\"}>t</a>"
        );
        assert_eq!(cell("a\r\nb\nc", Target::Mdx), "a<br />b<br />c");
        assert_eq!(cell("[t](javascript:x)", Target::Mdx), "t");
        assert_eq!(cell("[t](data:x)", Target::Markdown), "t");
    }

    #[test]
    fn code_spans() {
        assert_eq!(cell("`` a`b ``", Target::Markdown), "``a`b``");
        assert_eq!(cell("`` `x` ``", Target::Markdown), "`` `x` ``");
        assert_eq!(cell("`e|f`", Target::Markdown), "<code>e\\|f</code>");
        assert_eq!(para("`e|f`", Target::Markdown), "`e|f`");
        assert_eq!(cell("`a\nb`", Target::Markdown), "`a`<br />`b`");
        assert_eq!(cell("`  x  `", Target::Markdown), "`  x  `");
    }

    #[test]
    fn paragraph_starts() {
        for (s, md) in [
            ("# h", "\\# h"),
            ("---", "\\---"),
            ("> q", "\\> q"),
            ("1. x", "1\\. x"),
            ("2) x", "2\\) x"),
            ("    code", "&#32;&#32;&#32;&#32;code"),
            ("+ x", "\\+ x"),
            (":::note", "\\:::note"),
        ] {
            assert_eq!(para(s, Target::Markdown), md, "{s:?}");
        }
        assert_eq!(para("import x", Target::Mdx), "&#105;mport x");
        assert_eq!(para("import x", Target::Markdown), "import x");
    }
}
