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
use std::fmt::Write as _;

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

/// Whether a module's string literal writes `c` as an escape: control
/// characters, and format characters that show as nothing or reorder text
/// (soft hyphen, bidirectional controls, zero-width characters, line and
/// paragraph separators, the byte order mark, tag characters), so that the
/// source reads as the data is and no reader, compiler or formatter takes
/// it for anything else.
fn escaped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0001}'
                | '\u{e0020}'..='\u{e007f}'
        )
}

/// `s` as a double-quoted string literal, in the syntax TypeScript, Python
/// and Go share: `"` and `\` escaped, `\n`, `\r` and `\t` by name, every
/// other [`escaped`] character by `escape`, everything else as itself (the
/// files are UTF-8). A literal holds no line break, so it is safe in a line
/// comment too.
pub(crate) fn quoted(s: &str, escape: fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if escaped(c) => escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Python's and Go's escape of a character: `\x7f` below 0x80 (a byte in
/// Go, so only there), `\u2028` in the Basic Multilingual Plane,
/// `\U000e0041` above it.
pub(crate) fn escape_code_point(out: &mut String, c: char) {
    let n = u32::from(c);
    let _ = match n {
        0..0x80 => write!(out, "\\x{n:02x}"),
        0x80..0x1_0000 => write!(out, "\\u{n:04x}"),
        _ => write!(out, "\\U{n:08x}"),
    };
}

/// JavaScript's escape of a character: each UTF-16 unit as `\uXXXX`.
pub(crate) fn escape_utf16(out: &mut String, c: char) {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        let _ = write!(out, "\\u{unit:04x}");
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
        assert_eq!(screaming(&w), "HTTP_SERVER_ERROR_409");
        assert_eq!(pascal(&[]), "");
    }

    #[test]
    fn string_literals_escape_what_a_reader_or_compiler_would_misread() {
        let python_or_go = |s| quoted(s, escape_code_point);
        assert_eq!(
            python_or_go("plain é 🚀 {x} ${y} */ #"),
            "\"plain é 🚀 {x} ${y} */ #\""
        );
        assert_eq!(python_or_go("\"q\" \\ a\r\n\tb"), r#""\"q\" \\ a\r\n\tb""#);
        assert_eq!(
            python_or_go("\0\u{1}\u{7f}\u{85}"),
            r#""\x00\x01\x7f\u0085""#
        );
        assert_eq!(
            python_or_go("\u{ad}\u{feff}\u{202e}\u{200b}\u{2028}\u{2066}"),
            r#""\u00ad\ufeff\u202e\u200b\u2028\u2066""#
        );
        assert_eq!(python_or_go("\u{e0041}"), r#""\U000e0041""#);
        assert_eq!(
            quoted("\u{e0041}\u{2028}\0", escape_utf16),
            r#""\udb40\udc41\u2028\u0000""#
        );
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

    /// What a TypeScript, Python or Go compiler reads back from a literal
    /// [`quoted`] wrote (each escape the writers use, and nothing else).
    fn read_back(literal: &str) -> Option<String> {
        let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
        let (mut out, mut units) = (String::new(), Vec::<u16>::new());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                assert!(!escaped(c) && c != '"', "{c:?} unescaped in {literal:?}");
                out.push(c);
                continue;
            }
            let hex = |chars: &mut std::str::Chars<'_>, n: usize| {
                let digits: String = chars.take(n).collect();
                u32::from_str_radix(&digits, 16).ok()
            };
            match chars.next()? {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                'x' => out.push(char::from_u32(hex(&mut chars, 2)?)?),
                'U' => out.push(char::from_u32(hex(&mut chars, 8)?)?),
                'u' => {
                    // A code point (Python, Go) or a UTF-16 unit (JavaScript).
                    units.push(u16::try_from(hex(&mut chars, 4)?).ok()?);
                    if let Some(Ok(c)) = char::decode_utf16(units.iter().copied()).next() {
                        out.push(c);
                        units.clear();
                    }
                }
                _ => return None,
            }
        }
        units.is_empty().then_some(out)
    }

    proptest::proptest! {
        /// Any text, however hostile, is a literal that reads back as
        /// itself and shows no character a reader could misread.
        #[test]
        fn every_text_reads_back_from_its_literal(text in "\\PC*|[\\x00-\\x{10FFFF}]{0,40}") {
            proptest::prop_assert_eq!(read_back(&quoted(&text, escape_code_point)), Some(text.clone()));
            proptest::prop_assert_eq!(read_back(&quoted(&text, escape_utf16)), Some(text));
        }

        /// Whatever names come in, those given out are legal and distinct.
        #[test]
        fn names_given_are_distinct_and_legal(candidates in proptest::collection::vec("[a-z0-9_]{0,4}", 0..40)) {
            let mut names = Names::new(&["if", "for"], "N");
            let mut given = HashSet::new();
            for candidate in candidates {
                let name = names.unique(candidate);
                proptest::prop_assert!(!name.starts_with(|c: char| c.is_ascii_digit()) && !name.is_empty());
                proptest::prop_assert!(name != "if" && name != "for");
                proptest::prop_assert!(given.insert(name));
            }
        }
    }
}
