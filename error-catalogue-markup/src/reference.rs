//! The first, direct implementation of the grammar (worst case cubic), kept
//! as the specification the indexed one in `lib.rs` is tested against.

use crate::{Inline, strip_code};

/// [`crate::parse_inline`], as first written.
pub fn parse_inline(s: &str) -> Vec<Inline<'_>> {
    parse_in(s, true)
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
