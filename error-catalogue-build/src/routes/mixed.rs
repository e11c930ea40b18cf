//! Mixed segments (`thumbnail.{extension}`, `{id}.{format}`): how a request
//! segment is cut into their parameters, and the ambiguities between them
//! that keys alone cannot show.
//!
//! # Cutting
//!
//! A segment matches when its percent-decoded bytes start with the first
//! text, end with the last, and hold the texts between in order, each
//! parameter taking a non-empty run. The cut is made from the right, as
//! matchit does with a suffix and ASP.NET Core with complex segments: each
//! text is matched at its last occurrence that leaves the parameter after
//! it non-empty, so each parameter but the last takes the longest run it
//! can (`{id}.{format}` on `a.b.json`: `id` = `a.b`, `format` = `json`).
//! The cut never backtracks: what follows the segment does not depend on it.
//!
//! # Precedence and ambiguity
//!
//! At a node, more literal text ranks first. Two mixed segments with as
//! much literal text as each other leave the precedence undecided: two
//! templates whose first difference is such a pair are E0016 when some
//! request matches both (the router would pick one of them arbitrarily).

use super::{Key, KeySegment};

/// The literal bytes of a mixed segment: its precedence.
pub fn text_len<B: AsRef<[u8]>>(texts: &[B]) -> usize {
    texts.iter().map(|t| t.as_ref().len()).sum()
}

/// The runs a mixed segment's parameters take in `bytes` (decoded), as
/// ranges, cut as the module says; `None` when it does not match.
pub fn cut<B: AsRef<[u8]>>(texts: &[B], bytes: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    let (first, rest) = texts.split_first()?;
    let (last, middle) = rest.split_last()?;
    let (first, last) = (first.as_ref(), last.as_ref());
    let lo = first.len();
    let mut hi = bytes.len().checked_sub(last.len())?;
    if !bytes.starts_with(first) || !bytes.ends_with(last) || hi <= lo {
        return None;
    }
    let mut runs = Vec::new();
    for text in middle.iter().rev().map(AsRef::as_ref) {
        // The last start leaving both neighbours non-empty.
        let at = (lo + 1..hi.checked_sub(text.len() + 1)? + 1)
            .rev()
            .find(|&s| bytes[s..].starts_with(text))?;
        runs.push(at + text.len()..hi);
        hi = at;
    }
    runs.push(lo..hi);
    runs.reverse();
    Some(runs)
}

/// Whether some segment matches both mixed segments: exactly when their
/// first texts agree (one starts the other) and so do their last (one
/// ends the other). Parameters can absorb all the rest: the texts of one,
/// then the other's, each run apart, fit between a common start and end.
fn overlap<B: AsRef<[u8]>>(a: &[B], b: &[B]) -> bool {
    let (Some(a0), Some(b0), Some(an), Some(bn)) = (a.first(), b.first(), a.last(), b.last())
    else {
        return false;
    };
    let (a0, b0, an, bn) = (a0.as_ref(), b0.as_ref(), an.as_ref(), bn.as_ref());
    (a0.starts_with(b0) || b0.starts_with(a0)) && (an.ends_with(bn) || bn.ends_with(an))
}

/// One request segment that matches both: `CatchAll` here stands for one
/// of the segments a `{*name}` takes.
fn meet(a: &KeySegment<Vec<u8>>, b: &KeySegment<Vec<u8>>) -> bool {
    use KeySegment::{CatchAll, Literal, Mixed, Param};
    match (a, b) {
        (Literal(x), Literal(y)) => x == y,
        (Literal(x), Param | CatchAll) | (Param | CatchAll, Literal(x)) => !x.is_empty(),
        (Literal(x), Mixed(texts)) | (Mixed(texts), Literal(x)) => cut(texts, x).is_some(),
        (Mixed(x), Mixed(y)) => overlap(x, y),
        (Param | CatchAll | Mixed(_), Param | CatchAll | Mixed(_)) => true,
    }
}

/// `key` with its `{*name}` (if any) taking `n` segments.
fn spread(key: &[KeySegment<Vec<u8>>], n: usize) -> Vec<&KeySegment<Vec<u8>>> {
    key.iter()
        .flat_map(|s| {
            let times = if matches!(s, KeySegment::CatchAll) {
                n
            } else {
                1
            };
            std::iter::repeat_n(s, times)
        })
        .collect()
}

/// `key` spread over a request of `n` segments, its `{*name}` (if any)
/// taking what the others leave, at least one; `None` when it cannot.
fn at_length(key: &[KeySegment<Vec<u8>>], n: usize) -> Option<Vec<&KeySegment<Vec<u8>>>> {
    let times = if key.iter().any(|s| matches!(s, KeySegment::CatchAll)) {
        (n + 1).checked_sub(key.len()).filter(|&t| t >= 1)?
    } else if key.len() == n {
        1
    } else {
        return None;
    };
    Some(spread(key, times))
}

/// Whether some request's segments match both templates' segments. Past
/// the two lengths summed, a longer request only adds segments that both
/// `{*name}`s take.
fn intersect(a: &[KeySegment<Vec<u8>>], b: &[KeySegment<Vec<u8>>]) -> bool {
    (0..=a.len() + b.len() + 1).any(|n| match (at_length(a, n), at_length(b, n)) {
        (Some(x), Some(y)) => x.iter().zip(&y).all(|(p, q)| meet(p, q)),
        _ => false,
    })
}

/// Whether two templates (same method) leave their precedence undecided on
/// some request: their first difference is two mixed segments with as much
/// literal text as each other, and some request matches both.
pub fn undecided(a: &Key, b: &Key) -> bool {
    let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else {
        return false;
    };
    let (KeySegment::Mixed(x), KeySegment::Mixed(y)) = (&a[i], &b[i]) else {
        return false;
    };
    text_len(x) == text_len(y) && intersect(&a[i..], &b[i..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::Template;

    fn key(path: &str) -> Key {
        Template::parse(path).unwrap().owned_key()
    }

    fn cut_of(segment: &str, request: &str) -> Option<Vec<String>> {
        let key = key(&format!("/{segment}"));
        let KeySegment::Mixed(texts) = &key[0] else {
            panic!("{segment} is not mixed");
        };
        let runs = cut(texts, request.as_bytes())?;
        Some(runs.into_iter().map(|r| request[r].to_string()).collect())
    }

    #[test]
    fn cuts_from_the_right() {
        assert_eq!(
            cut_of("{id}.{format}", "a.b.json").unwrap(),
            ["a.b", "json"]
        );
        assert_eq!(cut_of("{id}.{format}", "a.json").unwrap(), ["a", "json"]);
        assert_eq!(cut_of("{id}.{format}", ".json"), None);
        assert_eq!(cut_of("{id}.{format}", "a."), None);
        assert_eq!(cut_of("{id}.{format}", "a..").unwrap(), ["a", "."]);
        assert_eq!(
            cut_of("thumbnail.{extension}", "thumbnail.png").unwrap(),
            ["png"]
        );
        assert_eq!(cut_of("thumbnail.{extension}", "thumbnail."), None);
        assert_eq!(cut_of("{name}:cancel", "ops:x:cancel").unwrap(), ["ops:x"]);
        assert_eq!(cut_of("{name}:cancel", ":cancel"), None);
        assert_eq!(cut_of("v{major}", "v2").unwrap(), ["2"]);
        assert_eq!(cut_of("v{major}", "v"), None);
        assert_eq!(cut_of("v{major}", "x2"), None);
        assert_eq!(
            cut_of("a{x}-{y}-{z}b", "a1-2-3-4b").unwrap(),
            ["1-2", "3", "4"]
        );
        // A prefix and a suffix never share bytes.
        assert_eq!(cut_of("ab{x}ba", "aba"), None);
        assert_eq!(cut_of("ab{x}ba", "ab-ba").unwrap(), ["-"]);
    }

    #[test]
    fn undecided_only_at_equal_text_that_overlaps() {
        // `v{a}` and `{a}x` both take `vax`, with one byte of text each.
        assert!(undecided(&key("/v{a}"), &key("/{a}x")));
        assert!(undecided(&key("/v{a}/x"), &key("/{a}x/{p}")));
        assert!(undecided(&key("/{*r}/v{a}"), &key("/{*r}/{a}x")));
        // More text decides; so does a first difference elsewhere.
        assert!(!undecided(&key("/v{a}"), &key("/{a}.json")));
        assert!(!undecided(&key("/{a}.json"), &key("/{a}.yaml")));
        assert!(!undecided(&key("/v{a}/x"), &key("/{a}x/y")));
        assert!(!undecided(&key("/v{a}"), &key("/v{a}")));
        assert!(!undecided(&key("/x/v{a}"), &key("/y/{a}x")));
        assert!(!undecided(&key("/{*r}/v{a}"), &key("/{*r}/{a}x/y")));
        assert!(undecided(&key("/v{a}/{*r}"), &key("/{a}x/b/{*r}")));
        assert!(undecided(&key("/v{a}/{*r}/c"), &key("/{a}x/b/c")));
        assert!(!undecided(&key("/v{a}/{*r}/c"), &key("/{a}x/c")));
        assert!(!undecided(&key("/v{a}/b"), &key("/{a}x/")));
        assert!(undecided(&key("/v{a}/%2F"), &key("/{a}x/{b}")));
    }
}
