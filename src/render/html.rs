//! A standalone HTML page: the same content as the MDX page, with its own
//! small stylesheet, for hosting without a docs toolchain. Every text is
//! HTML-escaped; link targets other than http(s), mailto and relative ones
//! are dropped (the link's text stays), so the page runs no script.

use super::safe_url;
use super::tables::{Cell, Piece};
use crate::engine::{Catalogue, CatalogueEndpoint};
use error_catalogue_markup::{Inline, parse_inline};

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
table{border-collapse:collapse;width:100%;margin-bottom:2rem}\
th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}\
code{background:#f3f3f3;padding:0 .2rem}pre{background:#f3f3f3;padding:1rem;overflow:auto}\
aside.notice{border-left:4px solid #4a90d9;padding:.5rem 1rem;background:#eef5fc}";

/// The page as HTML.
pub fn page<E: CatalogueEndpoint>(c: Catalogue<E>) -> String {
    let page = c.page();
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    text(&mut out, page.title());
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    text(&mut out, page.title());
    out.push_str("</h1>\n");
    for paragraph in page.intro() {
        out.push_str("<p>");
        markup(&mut out, paragraph);
        out.push_str("</p>\n");
    }
    for table in super::tables::of(c) {
        out.push_str("<h2 id=\"");
        text(&mut out, &table.anchor);
        out.push_str("\">");
        text(&mut out, &table.heading);
        out.push_str("</h2>\n");
        if let Some(note) = table.deprecated {
            out.push_str("<p><strong>Deprecated:</strong> ");
            markup(&mut out, note);
            out.push_str("</p>\n");
        }
        out.push_str("<table>\n<thead><tr>");
        for h in table.header {
            out.push_str("<th>");
            text(&mut out, h);
            out.push_str("</th>");
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            out.push_str("<tr id=\"");
            text(&mut out, row.entry.anchor());
            out.push_str("\">");
            for cell in &row.cells {
                out.push_str("<td>");
                write_cell(&mut out, cell);
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    // The codes' examples after the rows', in the order of the tables.
    for entry in c.entries().iter().chain(c.codes()) {
        if let Some(example) = entry.example() {
            out.push_str("<pre><code class=\"language-");
            text(&mut out, example.lang());
            out.push_str("\">");
            if let Some(caption) = example.caption() {
                out.push_str("// ");
                escape(&mut out, caption);
                out.push('\n');
            }
            escape(&mut out, example.body());
            out.push_str("</code></pre>\n");
        }
    }
    if let Some(support) = page.support() {
        out.push_str("<aside class=\"notice\"><p>");
        markup(&mut out, support.notice());
        out.push_str("</p></aside>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn write_cell(out: &mut String, cell: &Cell) {
    for piece in &cell.0 {
        match piece {
            Piece::Plain(s) => text(out, s),
            Piece::Markup(s) => markup(out, s),
            Piece::Code { code, anchor } => {
                let url = anchor.map(|a| format!("#{a}"));
                let span = vec![Inline::Code(code)];
                match &url {
                    Some(url) => nodes(out, &[Inline::Link { text: span, url }]),
                    None => nodes(out, &span),
                }
            }
        }
    }
}

/// An inline-Markdown field as HTML.
fn markup(out: &mut String, source: &str) {
    nodes(out, &parse_inline(source));
}

fn nodes(out: &mut String, list: &[Inline<'_>]) {
    for node in list {
        match node {
            Inline::Text(t) => text(out, t),
            Inline::Code(c) => {
                out.push_str("<code>");
                text(out, c);
                out.push_str("</code>");
            }
            Inline::Emphasis(c) => wrap(out, "em", c),
            Inline::Strong(c) => wrap(out, "strong", c),
            Inline::Strikethrough(c) => wrap(out, "del", c),
            Inline::Link { text: t, url } if safe_url(url) => {
                out.push_str("<a href=\"");
                escape(out, url);
                out.push_str("\">");
                nodes(out, t);
                out.push_str("</a>");
            }
            Inline::Link { text: t, .. } => nodes(out, t),
        }
    }
}

fn wrap(out: &mut String, tag: &str, children: &[Inline<'_>]) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    nodes(out, children);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Text: escaped, line breaks as `<br>`.
fn text(out: &mut String, s: &str) {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape(out, line);
    }
}

/// Escapes `& < > " '`.
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(s: &str) -> String {
        let mut out = String::new();
        markup(&mut out, s);
        out
    }

    #[test]
    fn escaped_text_and_markup() {
        assert_eq!(
            html("<b> & \"x\" `a<b` *e*\nz"),
            "&lt;b&gt; &amp; &quot;x&quot; <code>a&lt;b</code> <em>e</em><br>z"
        );
        assert_eq!(
            html("[x](mailto:a@b?s=1&t=2)"),
            "<a href=\"mailto:a@b?s=1&amp;t=2\">x</a>"
        );
        assert_eq!(html("[x](javascript:alert(1)"), "[x](javascript:alert(1)");
        assert_eq!(html("[x](javascript:alert)"), "x");
        assert_eq!(html("[x](/a?b=c:d)"), "<a href=\"/a?b=c:d\">x</a>");
    }
}
