//! "Did you mean": the known word closest to a typo, for hints.

/// Words longer than this get no suggestion: edit distance is quadratic, and
/// no key, method or code name is anywhere near this long.
const MAX_WORD: usize = 64;

/// The candidate closest to `word` by edit distance (adjacent swaps count as
/// one edit; case is ignored), when close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if word.is_empty() || word.len() > MAX_WORD {
        return None;
    }
    let word = word.to_ascii_lowercase();
    let near = |c: &str| c.len().abs_diff(word.len()) <= (c.len() / 3).max(1);
    candidates
        .iter()
        // The distance is at least the difference in length: most
        // candidates of a long list are ruled out without measuring it.
        .filter(|c| near(c))
        .map(|c| (strsim::osa_distance(&word, &c.to_ascii_lowercase()), *c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn typos_find_their_word() {
        let keys = ["status", "meaning", "description", "resolution"];
        assert_eq!(closest("resolutoin", &keys), Some("resolution"));
        assert_eq!(closest("staus", &keys), Some("status"));
        assert_eq!(closest("Meaning", &keys), Some("meaning"));
        assert_eq!(closest("colour", &keys), None);
        assert_eq!(closest("", &keys), None);
        assert_eq!(closest(&"x".repeat(10_000), &keys), None);
    }
}
