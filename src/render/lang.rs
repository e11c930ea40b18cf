//! Names for the language modules (TypeScript, Python, Go): the words of a
//! Rust identifier, slug or anchor, put back together in each language's
//! case style, and made unique and legal in that language.
//!
//! Every name starts from something the catalogue already keeps unique: an
//! endpoint's Rust identifier (`E0010`), an entry's anchor (`E0009`), a
//! code's identifier. Two of them can still meet after a language's rules
//! (`HTTPGet` and `HttpGet` are both `http_get` in snake case), and some
//! land on a reserved word or start with a digit; [`Names`] renames those
//! deterministically, so a generated module always compiles.

use std::collections::HashSet;

/// The words of `s`: runs of ASCII letters and digits, split also where a
/// lower-case letter or digit meets an upper-case one (`CreateTrackers`,
/// `createTrackers`), before the last capital of a run of capitals followed by
/// a lower-case letter (`HTTPServer` is `HTTP`, `Server`), and where letters
/// meet digits (`Code40140` is `Code`, `40140`).
///
/// ```text
/// words("create-trackers-409") == ["create", "trackers", "409"]
/// words("HTTPServer") == ["HTTP", "Server"]
/// ```
pub(crate) fn words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for run in s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let b = run.as_bytes();
        let mut start = 0;
        for i in 1..b.len() {
            let (prev, cur) = (b[i - 1], b[i]);
            let next_lower = b.get(i + 1).is_some_and(u8::is_ascii_lowercase);
            let boundary = (!prev.is_ascii_uppercase() && cur.is_ascii_uppercase())
                || (prev.is_ascii_uppercase() && cur.is_ascii_uppercase() && next_lower)
                || (prev.is_ascii_digit() != cur.is_ascii_digit());
            if boundary {
                out.push(&run[start..i]);
                start = i;
            }
        }
        out.push(&run[start..]);
    }
    out
}

/// `CreateTrackers409`: each word capitalised, the rest lower case.
pub(crate) fn pascal(words: &[&str]) -> String {
    words.iter().map(|w| capitalised(w)).collect()
}

/// `createTrackers409`: as [`pascal`], the first word all lower case.
pub(crate) fn camel(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i == 0 {
            out.push_str(&w.to_ascii_lowercase());
        } else {
            out.push_str(&capitalised(w));
        }
    }
    out
}

/// `create_trackers_409`.
pub(crate) fn snake(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// `CREATE_TRACKERS_409`.
pub(crate) fn screaming(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| w.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("_")
}

fn capitalised(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The names given so far in one namespace of a generated module, and the
/// language's rules for a legal one.
///
/// [`Names::unique`] makes a candidate legal and unique, in this order: an
/// empty name becomes `digit_prefix` alone, a name starting with a digit gets
/// `digit_prefix` in front, a reserved word gets a trailing `_`, and a name
/// already given gets `_2`, `_3`, … (the first free one). Callers give names
/// in page order, so the same catalogue always gets the same names.
pub(crate) struct Names {
    reserved: &'static [&'static str],
    digit_prefix: &'static str,
    given: HashSet<String>,
}

impl Names {
    /// A namespace with the language's `reserved` words and the prefix that
    /// makes a name starting with a digit legal in its case style.
    pub(crate) fn new(reserved: &'static [&'static str], digit_prefix: &'static str) -> Names {
        Names {
            reserved,
            digit_prefix,
            given: HashSet::new(),
        }
    }

    /// `candidate`, made legal and not yet given; it is given from now on.
    pub(crate) fn unique(&mut self, candidate: String) -> String {
        let mut name = candidate;
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            name.insert_str(0, self.digit_prefix);
        }
        if self.reserved.contains(&name.as_str()) {
            name.push('_');
        }
        let mut unique = name.clone();
        let mut n = 2;
        while self.given.contains(&unique) || self.reserved.contains(&unique.as_str()) {
            unique = format!("{name}_{n}");
            n += 1;
        }
        self.given.insert(unique.clone());
        unique
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_separators_case_and_digits() {
        assert_eq!(words("create-trackers-409"), ["create", "trackers", "409"]);
        assert_eq!(words("CreateTrackers"), ["Create", "Trackers"]);
        assert_eq!(words("createTrackers"), ["create", "Trackers"]);
        assert_eq!(words("HTTPServer"), ["HTTP", "Server"]);
        assert_eq!(words("Code40140"), ["Code", "40140"]);
        assert_eq!(words("GetV1Job"), ["Get", "V", "1", "Job"]);
        assert_eq!(words("card_declined"), ["card", "declined"]);
        assert_eq!(words("ERR_FOO"), ["ERR", "FOO"]);
        assert_eq!(words("--a--"), ["a"]);
        assert!(words("").is_empty());
        assert!(words("é!").is_empty());
    }

    #[test]
    fn case_styles() {
        let w = words("HTTPServer-error-409");
        assert_eq!(pascal(&w), "HttpServerError409");
        assert_eq!(camel(&w), "httpServerError409");
        assert_eq!(snake(&w), "http_server_error_409");
        assert_eq!(screaming(&w), "HTTP_SERVER_ERROR_409");
        assert_eq!(camel(&[]), "");
    }

    #[test]
    fn names_are_legal_and_unique_in_call_order() {
        let mut names = Names::new(&["class", "type"], "N");
        assert_eq!(names.unique("class".into()), "class_");
        assert_eq!(names.unique("409".into()), "N409");
        assert_eq!(names.unique("http_get".into()), "http_get");
        assert_eq!(names.unique("http_get".into()), "http_get_2");
        assert_eq!(names.unique("http_get".into()), "http_get_3");
        assert_eq!(names.unique("".into()), "N");
        // A rename never lands on a name given earlier or later.
        assert_eq!(names.unique("class_".into()), "class__2");
        assert_eq!(names.unique("http_get_2".into()), "http_get_2_2");
    }
}
