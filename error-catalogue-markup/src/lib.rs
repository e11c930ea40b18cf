//! The inline-Markdown grammar of error-catalogue's text fields: the one
//! definition of what is markup. `error-catalogue-build` uses it for the
//! plain-text forms it generates, and error-catalogue's renderers for the
//! markup they write, so the two can never disagree.
//!
//! No dependencies. Never panics; worst-case time is quadratic in a field's length (each
//! emphasis opener may scan to the end), which text fields' sizes make moot.
//!
//! The grammar, scanned left to right; at each position the first rule that
//! applies wins, and anything no rule takes is text, shown as written:
//!
//! 1. Code span: a run of N backticks, up to the next run of exactly N
//!    backticks. Its content is verbatim; when it both starts and ends with a
//!    space and is not all spaces, one space is stripped from each end. A run
//!    with no closing run is text.
//! 2. Link: `[text](url)`. The text is non-empty and may nest brackets, code
//!    spans and emphasis (not links); the url is non-empty, runs to the first
//!    `)`, and holds no whitespace, control character, `<`, `>` or `(`.
//! 3. Emphasis `*x*` / `_x_`, strong `**x**` / `__x__`, strikethrough `~~x~~`:
//!    an opening delimiter run of exactly that length (a maximal run of the
//!    character), followed by a non-whitespace character, up to the next run
//!    of the same character and length that follows a non-whitespace
//!    character; code spans and links in between are skipped whole. For `_`,
//!    the opener must not follow, and the closer must not precede, a letter or
//!    digit (so snake_case stays text). The content is parsed again.
//!
//! Nothing else is markup: `<`, `{`, `|`, `#`, `>` at a line start, `---`,
//! entities such as `&amp;`, backslashes (there are no escapes) and line
//! breaks are all text.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// One piece of inline markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline<'a> {
    /// Text, shown as written (line breaks included).
    Text(&'a str),
    /// A code span's content.
    Code(&'a str),
    /// `*emphasis*` or `_emphasis_`.
    Emphasis(Vec<Inline<'a>>),
    /// `**strong**` or `__strong__`.
    Strong(Vec<Inline<'a>>),
    /// `~~strikethrough~~`.
    Strikethrough(Vec<Inline<'a>>),
    /// `[text](url)`.
    Link {
        /// The link text.
        text: Vec<Inline<'a>>,
        /// The destination, verbatim.
        url: &'a str,
    },
}

/// Splits an inline-Markdown text field into its markup and text.
pub fn parse_inline(s: &str) -> Vec<Inline<'_>> {
    parse_in(s, true)
}

/// The text with its markup removed: code spans keep their content, links
/// their text, emphasis its words; everything else stays as written.
pub fn plain_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_plain(&mut out, &parse_inline(s));
    out
}

/// Appends the plain text of `nodes` to `out`.
pub fn push_plain(out: &mut String, nodes: &[Inline<'_>]) {
    for node in nodes {
        match node {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                push_plain(out, c)
            }
            Inline::Link { text, .. } => push_plain(out, text),
        }
    }
}

fn parse_in(s: &str, links: bool) -> Vec<Inline<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while i < b.len() {
        match construct_at(s, i, links) {
            Ok((node, end)) => {
                if text_start < i {
                    out.push(Inline::Text(&s[text_start..i]));
                }
                out.push(node);
                i = end;
                text_start = end;
            }
            Err(skip) => i += skip,
        }
    }
    if text_start < b.len() {
        out.push(Inline::Text(&s[text_start..]));
    }
    out
}

/// The construct starting at byte `i`, with the byte after it; or how many
/// bytes to step over as text (a whole delimiter run, so a run is never
/// re-read as a shorter one).
fn construct_at(s: &str, i: usize, links: bool) -> Result<(Inline<'_>, usize), usize> {
    let b = s.as_bytes();
    match b[i] {
        b'`' => {
            let n = run_len(b, i);
            match code_end(b, i) {
                Some(close) => Ok((Inline::Code(strip_code(&s[i + n..close])), close + n)),
                None => Err(n),
            }
        }
        b'[' if links => link_at(s, i).ok_or(1),
        c @ (b'*' | b'_' | b'~') => {
            let n = run_len(b, i);
            emphasis_at(s, i, c, n, links).ok_or(n)
        }
        _ => Err(1),
    }
}

/// Length of the run of `b[i]` starting at `i`.
fn run_len(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|&&c| c == b[i]).count()
}

/// For a backtick run at `i`, where its closing run of the same length starts.
fn code_end(b: &[u8], i: usize) -> Option<usize> {
    let n = run_len(b, i);
    let mut j = i + n;
    while j < b.len() {
        if b[j] == b'`' {
            let m = run_len(b, j);
            if m == n {
                return Some(j);
            }
            j += m;
        } else {
            j += 1;
        }
    }
    None
}

/// A code span's content: one space stripped from each end when both ends
/// have one and it is not all spaces.
fn strip_code(content: &str) -> &str {
    if content.len() >= 2
        && content.starts_with(' ')
        && content.ends_with(' ')
        && !content.bytes().all(|c| c == b' ')
    {
        &content[1..content.len() - 1]
    } else {
        content
    }
}

/// If a complete code span or link starts at `j`, the byte after it.
fn skip_construct(s: &str, j: usize, links: bool) -> Option<usize> {
    let b = s.as_bytes();
    match b[j] {
        b'`' => code_end(b, j).map(|close| close + run_len(b, j)),
        b'[' if links => link_at(s, j).map(|(_, end)| end),
        _ => None,
    }
}

fn link_at(s: &str, i: usize) -> Option<(Inline<'_>, usize)> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut j = i;
    let close = loop {
        if j >= b.len() {
            return None;
        }
        match b[j] {
            b'`' => match code_end(b, j) {
                Some(c) => j = c + run_len(b, j),
                None => j += run_len(b, j),
            },
            b'[' => {
                depth += 1;
                j += 1;
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
                j += 1;
            }
            _ => j += 1,
        }
    };
    if close == i + 1 || b.get(close + 1) != Some(&b'(') {
        return None;
    }
    let url_start = close + 2;
    let url_len = s[url_start..].find(')')?;
    let url = &s[url_start..url_start + url_len];
    if url.is_empty()
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '('))
    {
        return None;
    }
    let text = parse_in(&s[i + 1..close], false);
    Some((Inline::Link { text, url }, url_start + url_len + 1))
}

fn emphasis_at(s: &str, i: usize, c: u8, n: usize, links: bool) -> Option<(Inline<'_>, usize)> {
    let b = s.as_bytes();
    if !matches!((c, n), (b'*' | b'_', 1 | 2) | (b'~', 2)) {
        return None;
    }
    let after = s[i + n..].chars().next()?;
    if after.is_whitespace() {
        return None;
    }
    if c == b'_'
        && s[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let mut j = i + n;
    while j < b.len() {
        if let Some(end) = skip_construct(s, j, links) {
            j = end;
            continue;
        }
        if b[j] == b'`' {
            // A backtick run with no closing run is text, as a whole.
            j += run_len(b, j);
            continue;
        }
        if b[j] != c {
            j += 1;
            continue;
        }
        let m = run_len(b, j);
        let before_ws = s[..j].chars().next_back().is_some_and(char::is_whitespace);
        let next_alnum = s[j + m..].chars().next().is_some_and(char::is_alphanumeric);
        if m == n && !before_ws && !(c == b'_' && next_alnum) {
            let children = parse_in(&s[i + n..j], links);
            let node = match (c, n) {
                (b'~', _) => Inline::Strikethrough(children),
                (_, 2) => Inline::Strong(children),
                _ => Inline::Emphasis(children),
            };
            return Some((node, j + n));
        }
        j += m;
    }
    None
}

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
