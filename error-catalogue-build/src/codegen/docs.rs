//! Doc comments of generated items: data made safe to stand in a doc
//! attribute and to read as the text it is.

use std::ops::Range;

use proc_macro2::TokenStream;
use quote::quote;

use crate::catalogue::Entry;
use crate::markup;

use super::lit;

/// Doc lines for an entry, as `#[doc = "..."]` attributes: its status and
/// meaning, then (`full`) its description and resolution.
pub(super) fn entry_docs(entry: &Entry, full: bool) -> TokenStream {
    docs(&entry_doc_lines(entry, full))
}

/// The lines of [`entry_docs`].
pub(super) fn entry_doc_lines(entry: &Entry, full: bool) -> Vec<String> {
    let mut lines = vec![format!("`{}` {}", entry.status, entry.meaning)];
    if !full {
        return lines;
    }
    if let Some(d) = &entry.description {
        lines.push(String::new());
        lines.push(d.clone());
    }
    if let Some(r) = &entry.resolution {
        lines.push(String::new());
        lines.push(format!("**Resolution:** {r}"));
    }
    if !entry.codes.is_empty() {
        lines.push(String::new());
        lines.push(format!("**Codes:** {}", code_list(entry)));
    }
    lines
}

/// The codes a row lists, as code spans: `` `card_declined`, `expired_card` ``.
pub(super) fn code_list(entry: &Entry) -> String {
    entry
        .codes
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Doc attributes, one per line. Data reaches them only as string literals,
/// so they cannot end early or add attributes; text-direction controls, which
/// rustc rejects in doc comments, are written as visible `\u{..}` escapes.
pub(super) fn docs(lines: &[String]) -> TokenStream {
    let lines = doc_values(lines).map(|l| {
        let l = lit(&l);
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// The values of the doc attributes of `lines`, one per line, made safe.
fn doc_values(lines: &[String]) -> impl Iterator<Item = String> + '_ {
    lines
        .iter()
        .flat_map(|l| l.split('\n'))
        .map(|l| format!(" {}", doc_safe(l)))
}

/// One doc line that rustc and rustdoc read as the text it is: bare CR and
/// text-direction controls (which rustc rejects in doc comments) become
/// visible `\u{..}` escapes; leading indentation is cut to two spaces and
/// a leading code fence escaped, so data cannot open a code block that
/// rustdoc would run as a doctest; a `<` that could open an HTML tag is
/// escaped, as the format makes it text; and a `]` outside code spans is
/// escaped unless it ends the text of a link to a URL, so that `[x]` or
/// `[a](Foo)` in the data stay text instead of intra-doc links to Rust items
/// that rustdoc would warn it cannot resolve.
fn doc_safe(line: &str) -> String {
    let text = line.trim_start_matches([' ', '\t']);
    // At most two spaces: enough to continue a list item, never the four
    // (six in a list) that make an indented code block.
    let indent = (line.len() - text.len()).min(2);
    let line = text;
    let mut out = String::with_capacity(indent + line.len());
    out.push_str(&"  "[..indent]);
    if line.starts_with("```") || line.starts_with("~~~") {
        out.push('\\');
    }
    // Only a line with a `]` needs its code spans and look-ahead tables.
    let (code, ahead) = match line.contains(']') {
        true => (code_spans(line), Some(Ahead::new(line))),
        false => (Vec::new(), None),
    };
    let mut code_at = code.iter().peekable();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // The code spans are in order: skip those that end before `i`.
        while code_at.next_if(|r| r.end <= i).is_some() {}
        let in_code = code_at.peek().is_some_and(|r| r.start <= i);
        match c {
            ']' if !in_code && !ahead.as_ref().is_some_and(|a| a.opens_url(i + 1)) => {
                out.push_str("\\]")
            }
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\r' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            '<' if chars
                .peek()
                .is_some_and(|(_, n)| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("\\<")
            }
            c => out.push(c),
        }
    }
    out
}

/// The byte ranges of `line`'s code spans' contents, in order (rustdoc
/// leaves brackets there alone, and would show an escape as written).
fn code_spans(line: &str) -> Vec<Range<usize>> {
    use markup::Inline;

    fn walk(line: &str, nodes: &[Inline<'_>], out: &mut Vec<Range<usize>>) {
        for node in nodes {
            match node {
                Inline::Text(_) => {}
                Inline::Code(c) => {
                    // A slice of `line`: its offset is the address difference.
                    let start = (c.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
                    out.push(start..start + c.len());
                }
                Inline::Emphasis(n) | Inline::Strong(n) | Inline::Strikethrough(n) => {
                    walk(line, n, out)
                }
                Inline::Link { text, .. } => walk(line, text, out),
            }
        }
    }
    let mut out = Vec::new();
    walk(line, &markup::parse_inline(line), &mut out);
    out.sort_by_key(|r| r.start);
    out
}

/// Where the next `)`, whitespace, `/` and `:` are from each byte of a
/// line, so that every `]` is judged in constant time: scanning ahead from
/// each one would be quadratic in a hostile line of many `](`.
struct Ahead<'a> {
    line: &'a str,
    paren: Vec<usize>,
    space: Vec<usize>,
    slash: Vec<usize>,
    colon: Vec<usize>,
}

impl<'a> Ahead<'a> {
    fn new(line: &'a str) -> Self {
        let n = line.len();
        let mut ahead = Ahead {
            line,
            paren: vec![n; n + 1],
            space: vec![n; n + 1],
            slash: vec![n; n + 1],
            colon: vec![n; n + 1],
        };
        let mut next = [n; 4];
        let mut from = n;
        for (j, c) in line.char_indices().rev() {
            for (k, hit) in [c == ')', c.is_whitespace(), c == '/', c == ':']
                .into_iter()
                .enumerate()
            {
                if hit {
                    next[k] = j;
                }
            }
            // Bytes inside `c` see what its first byte sees.
            for at in j..from {
                ahead.paren[at] = next[0];
                ahead.space[at] = next[1];
                ahead.slash[at] = next[2];
                ahead.colon[at] = next[3];
            }
            from = j;
        }
        ahead
    }

    /// Whether what follows a `]`, from byte `at`, is `(url)` with a url
    /// rustdoc opens as a link rather than resolving it as a Rust path: the
    /// url runs to the first `)`, holds no whitespace, and holds a `/`,
    /// starts with `#`, or starts with a scheme and one `:` (`mailto:`, not
    /// `crate::`).
    fn opens_url(&self, at: usize) -> bool {
        let line = self.line;
        if line.as_bytes().get(at) != Some(&b'(') {
            return false;
        }
        let url = at + 1;
        let close = self.paren[url];
        if close == line.len() || self.space[url] < close {
            return false;
        }
        let colon = self.colon[url];
        // A scheme's characters exclude `]` and `(`, so each check stops
        // before the next candidate: linear over the line.
        let scheme = colon < close
            && line[url..colon].starts_with(|c: char| c.is_ascii_alphabetic())
            && line[url..colon]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && line.as_bytes().get(colon + 1) != Some(&b':');
        self.slash[url] < close || line[url..].starts_with('#') || scheme
    }
}

/// `#[deprecated(note = …)]` for a deprecated item, else nothing: code that
/// names it then warns at compile time.
pub(super) fn deprecated_attr(note: Option<&str>) -> TokenStream {
    match note {
        Some(note) => {
            let note = lit(note);
            quote!(#[deprecated(note = #note)])
        }
        None => TokenStream::new(),
    }
}
