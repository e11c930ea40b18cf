//! Hostile strings in every kind of cell and paragraph, for MDX and
//! Markdown: parsed back with a CommonMark + GFM parser, each must keep its
//! table row intact and read exactly as its plain text; in MDX nothing may be
//! left that MDX reads as an expression or JSX. (The script
//! scripts/check-docs-toolchains checks the same with the real MDX compiler.)
#![cfg(feature = "render")]

use error_catalogue::render::{Place, Target, inline_markup, plain_text};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The tags the renderers write for markup (emphasis, strong, strikethrough,
/// code holding a `|`, a link's end); anything else in their output is text.
const MARKUP_TAGS: &[&str] = &[
    "<em>",
    "</em>",
    "<strong>",
    "</strong>",
    "<del>",
    "</del>",
    "<code>",
    "</code>",
    "</a>",
];

/// The hostile fixture's text fields, and more.
const HOSTILE: &[&str] = &[
    "Bad \"Request\" <b>",
    "Line one\nline two\twith tab | pipe {brace} </td> `tick` \\n literal \\ backslash \"# */ 🚀",
    "Fix the *request* and [read docs](https://example.com/a_b?x=1&y=2) or write <support@example.com>.",
    "Token `{\"message\": \"x\"}` <img src=x onerror=alert(1)> _under_score_ ** stray",
    "]]> <!-- comment --> &amp; &lt; &#123; \\{ \\} \\| ~~struck~~ trailing backslash \\",
    "\"Quoted\" {a} <b>b</b> | c \\ d `e|f` g\r\nh",
    "Retry\tlater — or don't; see `x < y && y > z`",
    "*/ #![deny(warnings)] \"#; panic!(\"boom\"); r#\"",
    "Emoji 👩‍💻 and zero-width\u{200B}space and RTL \u{202E}text\u{202C}.",
    "Nothing at <{name}>.",
    "Check `{name}` | and | retry.",
    "Intro with <script>alert(1)</script>, {props.x}, a | pipe, `code {x}`, *emph* and a stray * and _ and [.",
    "Second paragraph:\nline break, tab\there, \"quotes\", 'single', \\ backslash, r#\"raw\"#, /* comment */, emoji 🚀, accents éàü, CJK 错误.",
    "---",
    "# not a heading",
    "Write to [help <desk>](mailto:help@example.com?subject=a%20b) \"now\" {x} | y.",
    "> quote",
    "- item",
    "1. item",
    "    indented code?",
    "import x from 'y'",
    "export const a = 1",
    ":::note",
    "```js\nfence\n```",
    "~~~",
    "| a | b |",
    "a\\|b `c\\|d` e",
    "`` a ` b ``",
    "` `` `",
    "x\\",
    "[link](https://x.y/{z}?a=\"b\"&c) [not a link] (x)",
    "**bold _em_** ~~del `code`~~",
    "&copy; &#x41; <!DOCTYPE html>",
    "<https://autolink.example> www.example.com",
    "{/* mdx comment */}",
    "$ math $ and \\( \\)",
];

/// The plain text as a GFM cell or paragraph shows it: line breaks as `\n`.
fn expected(s: &str) -> String {
    plain_text(s).replace("\r\n", "\n").replace('\r', "\n")
}

/// Reads back inline content: text, code, `<br />` as a line break; tags
/// the renderer wrote (em, strong, del, code, a) dropped.
fn read_inline(event: &Event<'_>, out: &mut String) -> Result<(), String> {
    match event {
        Event::Text(t) | Event::Code(t) => out.push_str(t),
        Event::InlineHtml(h) if h.as_ref() == "<br />" => out.push('\n'),
        Event::InlineHtml(h)
            if !(MARKUP_TAGS.contains(&h.as_ref()) || h.starts_with("<a href=\"")) =>
        {
            return Err(format!("unexpected HTML {h:?}"));
        }
        Event::InlineHtml(_) => {}
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
        | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => {}
        other => return Err(format!("unexpected event {other:?}")),
    }
    Ok(())
}

fn cell_reads_back(s: &str, target: Target) {
    let cell = inline_markup(s, target, Place::Cell);
    assert!(!cell.contains('\n') && !cell.contains('\r'), "{cell:?}");
    let doc = format!("Error Code | Text | More\n---- | ---- | ----\n409 | {cell} | end\n");
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(&doc, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => current = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = rows.last_mut() {
                    row.push(current.take().unwrap());
                } else {
                    current = None;
                }
            }
            Event::Start(Tag::Table(_) | Tag::TableHead)
            | Event::End(TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow) => {}
            ref e => {
                let Some(c) = &mut current else {
                    panic!("{target:?} {s:?}: {e:?} outside the table in {doc}")
                };
                if let Err(why) = read_inline(e, c) {
                    panic!("{target:?} {s:?}: {why} in {doc}");
                }
            }
        }
    }
    assert_eq!(rows.len(), 1, "{target:?} {s:?}: {doc}");
    assert_eq!(rows[0].len(), 3, "{target:?} {s:?}: {doc}");
    assert_eq!(rows[0][0], "409");
    assert_eq!(
        rows[0][1].trim(),
        expected(s).trim(),
        "{target:?} {s:?}: {cell}"
    );
    assert_eq!(rows[0][2], "end");
}

fn paragraph_reads_back(s: &str, target: Target) {
    let para = inline_markup(s, target, Place::Paragraph);
    let mut text = String::new();
    let mut paragraphs = 0;
    for event in Parser::new_ext(
        &para,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Paragraph) => paragraphs += 1,
            Event::End(TagEnd::Paragraph) => {}
            ref e => {
                if let Err(why) = read_inline(e, &mut text) {
                    panic!("{target:?} {s:?}: {why} in {para:?}");
                }
            }
        }
    }
    assert_eq!(paragraphs, 1, "{target:?} {s:?}: {para}");
    // Leading indentation is written as character references, which read back as spaces.
    assert_eq!(
        text.trim_end(),
        expected(s).trim_end(),
        "{target:?} {s:?}: {para}"
    );
}

/// In MDX, outside the renderer's own tags and code spans, every `{`, `}`,
/// `<`, `>` and `|` is backslash-escaped.
fn mdx_has_nothing_bare(s: &str, place: Place) {
    let out = inline_markup(s, Target::Mdx, place);
    let mut rest = out.as_str();
    while let Some(c) = rest.chars().next() {
        if let Some(tail) = rest.strip_prefix('\\') {
            let next = tail.chars().next().map_or(0, char::len_utf8);
            rest = &tail[next..];
            continue;
        }
        if c == '`' {
            let n = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..n];
            let close = rest[n..].find(fence).expect("closed code span");
            rest = &rest[n + close + n..];
            continue;
        }
        if let Some(tag) = std::iter::once(&"<br />")
            .chain(MARKUP_TAGS)
            .find(|t| rest.starts_with(**t))
        {
            rest = &rest[tag.len()..];
            continue;
        }
        if let Some(attr) = rest.strip_prefix("<a href=") {
            let end = if let Some(quoted) = attr.strip_prefix('"') {
                1 + quoted.find('"').unwrap() + 1
            } else {
                // {"json"}: a JS string expression; find its end honouring escapes.
                let mut escaped = false;
                let mut end = None;
                for (i, ch) in attr.char_indices().skip(2) {
                    match (escaped, ch) {
                        (true, _) => escaped = false,
                        (false, '\\') => escaped = true,
                        (false, '"') => {
                            end = Some(i + 2);
                            break;
                        }
                        _ => {}
                    }
                }
                end.unwrap()
            };
            assert_eq!(&attr[end..end + 1], ">", "{out}");
            rest = &attr[end + 1..];
            continue;
        }
        assert!(
            !matches!(c, '{' | '}' | '<' | '>' | '|'),
            "bare {c:?} in {out:?} (from {s:?})"
        );
        rest = &rest[c.len_utf8()..];
    }
}

#[test]
fn hostile_cells_keep_their_row_and_text() {
    for s in HOSTILE {
        for target in [Target::Markdown, Target::Mdx] {
            if target == Target::Mdx && s.contains("](") {
                // Links with braces in the URL become href={"…"}: JSX, not HTML;
                // the MDX toolchain check covers those.
                continue;
            }
            cell_reads_back(s, target);
        }
    }
}

#[test]
fn hostile_paragraphs_stay_one_paragraph_with_their_text() {
    for s in HOSTILE {
        for target in [Target::Markdown, Target::Mdx] {
            if target == Target::Mdx
                && (s.contains("](") || s.starts_with("import") || s.starts_with("export"))
            {
                continue;
            }
            paragraph_reads_back(s, target);
        }
    }
}

#[test]
fn hostile_mdx_has_nothing_bare() {
    for s in HOSTILE {
        mdx_has_nothing_bare(s, Place::Cell);
        mdx_has_nothing_bare(s, Place::Paragraph);
    }
}

#[test]
fn plain_forms_agree_with_the_renderers_grammar() {
    for e in error_catalogue::entries() {
        assert_eq!(e.plain_meaning(), plain_text(e.meaning()));
        assert_eq!(
            e.plain_description(),
            e.description().map(plain_text).as_deref()
        );
        assert_eq!(
            e.plain_resolution(),
            e.resolution().map(plain_text).as_deref()
        );
    }
}

/// Every string of up to four pieces from markup and escaping characters,
/// in cells and paragraphs, for both targets: all must read back as their
/// plain text, so the grammar and the escaping agree on every combination.
#[test]
fn every_short_combination_reads_back() {
    const PIECES: &[&str] = &[
        "*", "**", "_", "`", "[", "](", ")", "a", " ", "\\", "<", "~~", "|", "\n",
    ];
    let mut strings = vec![String::new()];
    let mut all = Vec::new();
    for _ in 0..4 {
        strings = strings
            .iter()
            .flat_map(|s| PIECES.iter().map(move |p| format!("{s}{p}")))
            .collect();
        all.extend(strings.iter().cloned());
    }
    // A text that reads as nothing but whitespace (like a code span of a line
    // break) has no paragraph to keep; the catalogue rejects blank texts.
    for s in all.iter().filter(|s| !plain_text(s).trim().is_empty()) {
        for target in [Target::Markdown, Target::Mdx] {
            cell_reads_back(s, target);
            paragraph_reads_back(s, target);
        }
        mdx_has_nothing_bare(s, Place::Cell);
        mdx_has_nothing_bare(s, Place::Paragraph);
    }
}
