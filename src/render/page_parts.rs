//! What the MDX and Markdown pages share: intro paragraphs, tables and
//! example blocks, written for either target.

use super::escape::{self, Place, Target};
use super::tables::{Cell, Piece, Table};
use crate::engine::{Catalogue, CatalogueEndpoint};

/// Writes a heading line (without its newline) for a section.
pub type Heading<'a> = dyn Fn(&mut String, &str, &str) + 'a;

/// The intro, every table under its heading, then every example body.
pub fn body<E: CatalogueEndpoint>(
    c: Catalogue<E>,
    out: &mut String,
    target: Target,
    heading: &Heading<'_>,
) {
    for paragraph in c.page().intro() {
        escape::markup(out, paragraph, target, Place::Paragraph);
        out.push_str("\n\n");
    }
    for table in super::tables::of(c) {
        heading(out, &table.heading, &table.anchor);
        out.push_str("\n\n");
        if let Some(note) = table.deprecated {
            out.push_str("**Deprecated:** ");
            escape::markup(out, note, target, Place::Paragraph);
            out.push_str("\n\n");
        }
        write_table(out, &table, target);
        out.push('\n');
    }
    // The codes' examples after the rows', in the order of the tables.
    for entry in c.entries().iter().chain(c.codes()) {
        if let Some(example) = entry.example() {
            code_block(out, example.lang(), example.caption(), example.body());
            out.push('\n');
        }
    }
}

/// An empty element with an id: a link target that compiles in MDX 3
/// (where `{#id}` would be a JavaScript expression) and in HTML.
pub fn anchor(out: &mut String, id: &str) {
    out.push_str("<a id=");
    escape::jsx_attribute(out, id);
    out.push_str("></a>");
}

fn write_table<E: CatalogueEndpoint>(out: &mut String, table: &Table<E>, target: Target) {
    let (open, close) = match target {
        Target::Mdx => ("", ""),
        Target::Markdown => ("| ", " |"),
    };
    out.push_str(open);
    out.push_str(&table.header.join(" | "));
    out.push_str(close);
    out.push('\n');
    out.push_str(open);
    out.push_str(table.delimiter);
    out.push_str(close);
    out.push('\n');
    for row in &table.rows {
        out.push_str(open);
        for (i, cell) in row.cells.iter().enumerate() {
            if i > 0 {
                out.push_str(" | ");
            }
            write_cell(out, cell, target);
            if i == 0 {
                out.push(' ');
                anchor(out, row.entry.anchor());
            }
        }
        out.push_str(close);
        out.push('\n');
    }
}

fn write_cell(out: &mut String, cell: &Cell, target: Target) {
    for piece in &cell.0 {
        match piece {
            Piece::Plain(s) => escape::text(out, s, target),
            Piece::Markup(s) => escape::markup(out, s, target, Place::Cell),
            Piece::Code { code, anchor } => escape::code_link(out, code, *anchor, target),
        }
    }
}

/// A fenced code block: the caption as a `//` comment line, then the body
/// verbatim, fenced with more backticks (or tildes, if the language has a
/// backtick) than any run in it.
fn code_block(out: &mut String, lang: &str, caption: Option<&str>, body: &str) {
    let fence_char = if lang.contains('`') { '~' } else { '`' };
    let longest = [lang, caption.unwrap_or(""), body]
        .iter()
        .flat_map(|s| s.split(|c| c != fence_char))
        .map(str::len)
        .max()
        .unwrap_or(0);
    let fence: String = std::iter::repeat_n(fence_char, (longest + 1).max(3)).collect();
    out.push_str(&fence);
    out.push_str(&lang.replace(['\r', '\n'], " "));
    out.push('\n');
    if let Some(caption) = caption {
        for line in caption.lines() {
            out.push_str("// ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(body);
    if !body.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&fence);
    out.push('\n');
}
