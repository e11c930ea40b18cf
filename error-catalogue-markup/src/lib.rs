//! The inline-Markdown grammar of error-catalogue's text fields: the one
//! definition of what is markup. `error-catalogue-build` uses it for the
//! plain-text forms it generates, and error-catalogue's renderers for the
//! markup they write, so the two can never disagree.
//!
//! No dependencies. Never panics; time is linear in a field's length (each
//! text is indexed in a few passes before it is parsed), so a hostile data
//! file cannot stall a build.
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

/// `u32::MAX`: no such position.
const NONE: u32 = u32::MAX;

/// The emphasis kinds: delimiter character and run length.
const KINDS: [(u8, usize); 5] = [(b'*', 1), (b'*', 2), (b'_', 1), (b'_', 2), (b'~', 2)];

fn parse_in(s: &str, links: bool) -> Vec<Inline<'_>> {
    if !s
        .bytes()
        .any(|c| matches!(c, b'`' | b'[' | b'*' | b'_' | b'~'))
    {
        // No delimiter: all text (the common case, without building an index).
        return if s.is_empty() {
            Vec::new()
        } else {
            vec![Inline::Text(s)]
        };
    }
    if u32::try_from(s.len()).map_or(true, |n| n == NONE) {
        // Positions are `u32`; a field of 4 GiB is shown as written.
        return vec![Inline::Text(s)];
    }
    Index::new(s, links).parse()
}

/// Where each construct of one text ends, found in a few right-to-left
/// passes, so that parsing is linear in the text's length: a scan for a
/// closing delimiter or bracket goes the same way from wherever it starts, so
/// its answer for every position is computed once. (Scanning afresh from each
/// opener, as `reference.rs` does, is quadratic, and cubic when an emphasis
/// scan meets unclosed brackets.) Indexed by byte; meaningful where the text
/// holds the byte each table is about.
struct Index<'a> {
    s: &'a str,
    b: &'a [u8],
    links: bool,
    /// The length of the run of `b[j]` that starts at `j`.
    run: Vec<u32>,
    /// At a backtick: where the run of the same length that closes the code
    /// span starts.
    code_close: Vec<u32>,
    /// At a `[` (links only): the byte after the link that starts there.
    link_end: Vec<u32>,
    /// Per emphasis kind (as in [`KINDS`]): the first closing run on the
    /// emphasis scan's way from `j`.
    closer: [Vec<u32>; 5],
}

/// `j` as a position (the text's length is below `u32::MAX`).
fn pos(j: usize) -> u32 {
    u32::try_from(j).unwrap_or(NONE)
}

/// A position from the index, `None` for [`NONE`].
fn at(p: u32) -> Option<usize> {
    (p != NONE).then_some(p as usize)
}

impl<'a> Index<'a> {
    fn new(s: &'a str, links: bool) -> Self {
        let b = s.as_bytes();
        let n = b.len();
        let mut index = Index {
            s,
            b,
            links,
            run: vec![1; n],
            code_close: Vec::new(),
            link_end: Vec::new(),
            closer: Default::default(),
        };
        for j in (0..n.saturating_sub(1)).rev() {
            if b[j + 1] == b[j] {
                index.run[j] = index.run[j + 1] + 1;
            }
        }
        if b.contains(&b'`') {
            index.code_close = index.code_closes();
        }
        if links && b.contains(&b'[') {
            index.link_end = index.link_ends();
        }
        for (k, &(c, len)) in KINDS.iter().enumerate() {
            if b.windows(len).any(|w| w.iter().all(|&x| x == c)) {
                index.closer[k] = index.closers(c, len);
            }
        }
        index
    }

    /// A code span's closing run is the next run (a whole one: not preceded
    /// by a backtick) of the same length.
    fn code_closes(&self) -> Vec<u32> {
        let b = self.b;
        let mut close = vec![NONE; b.len()];
        // The nearest whole run to the right, by length.
        let mut next_of_len = vec![NONE; b.len() + 1];
        for j in (0..b.len()).rev() {
            if b[j] != b'`' {
                continue;
            }
            let len = self.run[j] as usize;
            close[j] = next_of_len[len];
            if j == 0 || b[j - 1] != b'`' {
                next_of_len[len] = pos(j);
            }
        }
        close
    }

    /// Where the code span at backtick `j` ends, if it closes.
    fn code_end(&self, j: usize) -> Option<usize> {
        let close = at(*self.code_close.get(j)?)?;
        Some(close + self.run[j] as usize)
    }

    /// Past the backticks at `j`: past the code span, or past the run when it
    /// does not close.
    fn past_backticks(&self, j: usize) -> usize {
        self.code_end(j).unwrap_or(j + self.run[j] as usize)
    }

    /// For a `[` at `i`, its `]` is `unmatched[i + 1]`, where `unmatched[j]`
    /// is the first `]` that the brackets from `j` on leave unmatched (code
    /// spans skipped whole); then the link needs `(`, a url and `)`.
    fn link_ends(&self) -> Vec<u32> {
        let (s, b, n) = (self.s, self.b, self.b.len());
        let mut unmatched = vec![NONE; n + 1];
        for j in (0..n).rev() {
            unmatched[j] = match b[j] {
                b']' => pos(j),
                b'[' => match at(unmatched[j + 1]) {
                    Some(k) => unmatched[k + 1],
                    None => NONE,
                },
                b'`' => unmatched[self.past_backticks(j)],
                _ => unmatched[j + 1],
            };
        }
        // The url runs to the next `)` and holds none of these characters.
        let mut next_paren = vec![NONE; n + 1];
        let mut next_bad = vec![NONE; n + 1];
        let (mut paren, mut bad) = (NONE, NONE);
        for (j, c) in s.char_indices().rev() {
            if c == ')' {
                paren = pos(j);
            }
            if c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '(') {
                bad = pos(j);
            }
            (next_paren[j], next_bad[j]) = (paren, bad);
        }
        let mut end = vec![NONE; n];
        for i in (0..n).filter(|&i| b[i] == b'[') {
            let Some(close) = at(unmatched[i + 1]) else {
                continue;
            };
            if close == i + 1 || b.get(close + 1) != Some(&b'(') {
                continue;
            }
            let url_start = close + 2;
            let (Some(&paren), Some(&bad)) = (next_paren.get(url_start), next_bad.get(url_start))
            else {
                continue;
            };
            if let Some(paren) = at(paren)
                && paren > url_start
                && at(bad).is_none_or(|bad| bad > paren)
            {
                end[i] = pos(paren + 1);
            }
        }
        end
    }

    /// Where the link at `[` `j` ends, if one starts there.
    fn link_end(&self, j: usize) -> Option<usize> {
        at(*self.link_end.get(j)?)
    }

    /// For kind `(c, len)`, the first closing run on the emphasis scan's way
    /// from each position: code spans and links are skipped whole, other
    /// runs of `c` and backtick runs as a whole, anything else a byte at a
    /// time. A closing run has exactly `len` of `c`, follows a
    /// non-whitespace character and, for `_`, precedes no letter or digit.
    fn closers(&self, c: u8, len: usize) -> Vec<u32> {
        let (s, b, n) = (self.s, self.b, self.b.len());
        let mut closer = vec![NONE; n + 1];
        for j in (0..n).rev() {
            let next = match b[j] {
                b'`' => self.past_backticks(j),
                b'[' if self.links => self.link_end(j).unwrap_or(j + 1),
                x if x != c => j + 1,
                _ => {
                    let m = self.run[j] as usize;
                    // `b[j]` is ASCII: `j` and `j + m` are char boundaries.
                    let before_ws = s[..j].chars().next_back().is_some_and(char::is_whitespace);
                    let next_alnum = s[j + m..].chars().next().is_some_and(char::is_alphanumeric);
                    if m == len && !before_ws && !(c == b'_' && next_alnum) {
                        closer[j] = pos(j);
                        continue;
                    }
                    j + m
                }
            };
            closer[j] = closer[next];
        }
        closer
    }

    fn parse(&self) -> Vec<Inline<'a>> {
        let (s, b) = (self.s, self.b);
        let mut out = Vec::new();
        let mut text_start = 0;
        let mut i = 0;
        while i < b.len() {
            match self.construct_at(i) {
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

    /// The construct starting at byte `i`, with the byte after it; or how
    /// many bytes to step over as text (a whole delimiter run, so a run is
    /// never re-read as a shorter one).
    fn construct_at(&self, i: usize) -> Result<(Inline<'a>, usize), usize> {
        let (s, b) = (self.s, self.b);
        let n = self.run[i] as usize;
        match b[i] {
            b'`' => match self.code_end(i) {
                Some(end) => Ok((Inline::Code(strip_code(&s[i + n..end - n])), end)),
                None => Err(n),
            },
            b'[' if self.links => match self.link_end(i) {
                Some(end) => Ok((self.link(i, end), end)),
                None => Err(1),
            },
            c @ (b'*' | b'_' | b'~') => self.emphasis_at(i, c, n).ok_or(n),
            _ => Err(1),
        }
    }

    /// The link `[text](url)` at `i..end`.
    fn link(&self, i: usize, end: usize) -> Inline<'a> {
        let s = self.s;
        // The url is the last `(...)`: it holds no `(`.
        let open = s[..end].rfind('(').unwrap_or(i + 1);
        let text = s.get(i + 1..open.saturating_sub(1)).unwrap_or("");
        Inline::Link {
            text: parse_in(text, false),
            url: s.get(open + 1..end - 1).unwrap_or(""),
        }
    }

    fn emphasis_at(&self, i: usize, c: u8, n: usize) -> Option<(Inline<'a>, usize)> {
        let s = self.s;
        let kind = KINDS.iter().position(|&k| k == (c, n))?;
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
        let j = at(*self.closer[kind].get(i + n)?)?;
        let children = parse_in(&s[i + n..j], self.links);
        let node = match (c, n) {
            (b'~', _) => Inline::Strikethrough(children),
            (_, 2) => Inline::Strong(children),
            _ => Inline::Emphasis(children),
        };
        Some((node, j + n))
    }
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

/// The reference implementation the indexed parser is tested against, by
/// the proptests below and by the fuzz target (`fuzz/fuzz_targets/markup.rs`,
/// built with `--cfg fuzzing`): one copy for both. Not compiled otherwise.
#[cfg(any(test, fuzzing))]
#[doc(hidden)]
pub mod reference;

/// README.md's Rust example, compiled and run as a doc test so it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Inline, parse_inline, plain_text, reference};

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

    /// Texts made mostly of the grammar's delimiters, so that constructs
    /// nest, overlap and fail in every way.
    fn markup_soup() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "`", "``", "[", "]", "(", ")", "](", "*", "**", "_", "__", "~", "~~", " ", "a", "b1",
            "é", "\u{a0}", "\n", "<", "x:y", "***",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The indexed parser reads every text exactly as the direct one.
        #[test]
        fn indexed_parse_is_the_reference_parse(s in markup_soup()) {
            prop_assert_eq!(parse_inline(&s), reference::parse_inline(&s));
        }

        #[test]
        fn any_text_parses_as_the_reference_does(s in ".{0,60}") {
            prop_assert_eq!(parse_inline(&s), reference::parse_inline(&s));
        }
    }

    /// Inputs on which scanning afresh from each opener is quadratic or
    /// cubic in the field's length: each is parsed whole, here at 1 MB. No time is asserted; a return to rescanning
    /// would make this test run for days.
    #[test]
    fn hostile_fields_parse_whole() {
        const N: usize = 1 << 20;
        let unclosed = [
            "*a ".repeat(N / 3),
            "_a ".repeat(N / 3),
            "~~a ".repeat(N / 4),
            "[".repeat(N),
            "[a](".repeat(N / 4),
            format!("{}{}", "*a ".repeat(N / 6), "[".repeat(N / 2)),
            format!("{}{}", "**a [b ".repeat(N / 14), "`".repeat(7)),
        ];
        for s in &unclosed {
            assert_eq!(parse_inline(s), [Inline::Text(s)], "{}…", &s[..16]);
        }
        // Many constructs, each closed: as many nodes as pairs.
        let closed = "`a` [b](c) *d* ".repeat(N / 15);
        assert_eq!(parse_inline(&closed).len(), 6 * (N / 15));
        assert_eq!(plain_text(&closed), "a b d ".repeat(N / 15));
    }
}
