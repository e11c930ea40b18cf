//! Names: the Rust identifiers and slugs derived from endpoint names and
//! application codes.

use crate::catalogue::CodeValue;

/// The `UpperCamelCase` identifier for a name: ASCII letters and digits, each
/// run of them a word with its first letter upper-cased and the rest lower
/// (`"Async Text API"` → `AsyncTextApi`). `None` when the name has no ASCII
/// alphanumerics or starts with a digit.
pub fn type_ident(name: &str) -> Option<String> {
    let mut ident = String::new();
    for word in words(name) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            ident.push(first.to_ascii_uppercase());
            ident.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    match ident.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => Some(ident),
        _ => None,
    }
}

/// The kebab-case slug for a name (`"Create Trackers"` → `create-trackers`).
pub fn slug(name: &str) -> String {
    words(name)
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("-")
}

/// The `SCREAMING_SNAKE_CASE` constant name for a slug and status
/// (`create-trackers`, 409 → `CREATE_TRACKERS_409`).
pub fn const_ident(slug: &str, status: u16) -> String {
    let mut name: String = words(slug)
        .map(|w| w.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("_");
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'E');
    }
    format!("{name}_{status}")
}

/// The typed-error variant for a status: its canonical reason phrase in
/// `UpperCamelCase` (`413` → `PayloadTooLarge`, `418` → `ImATeapot`), or
/// `Status{code}` when the status has no canonical phrase, or the phrase
/// makes no identifier. Apostrophes join their word (`I'm` → `Im`).
pub fn status_variant(status: u16) -> String {
    let phrase = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|p| p.replace(['\'', '’'], ""));
    phrase
        .and_then(|p| type_ident(&p))
        .filter(|ident| ident != "Undocumented")
        .unwrap_or_else(|| format!("Status{status}"))
}

/// The variants of one typed-error enum for `statuses` (ascending, distinct):
/// [`status_variant`] of each, except that names two statuses share each get
/// their status appended (`Conflict409`), so every name is unique and the
/// same statuses always get the same names.
pub fn status_variants(statuses: &[u16]) -> Vec<String> {
    status_variants_with(statuses, status_variant)
}

/// [`status_variants`] with another naming of single statuses.
pub fn status_variants_with(statuses: &[u16], name: impl Fn(u16) -> String) -> Vec<String> {
    let names: Vec<String> = statuses.iter().map(|&s| name(s)).collect();
    names
        .iter()
        .zip(statuses)
        .map(|(n, s)| {
            if names.iter().filter(|m| *m == n).count() > 1 {
                format!("{n}{s}")
            } else {
                n.clone()
            }
        })
        .collect()
}

/// Whether a slug is lower-case kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Rust's keywords that an `UpperCamelCase` word can spell.
pub fn is_reserved_type_ident(ident: &str) -> bool {
    matches!(ident, "Self")
}

/// The words of a text code: runs of ASCII letters and digits, also split
/// where a lower-case letter meets an upper-case one (`channelNotFound` →
/// `channel`, `Not`, `Found`).
fn code_words(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in words(code) {
        let mut start = 0;
        let bytes = word.as_bytes();
        for i in 1..bytes.len() {
            if bytes[i - 1].is_ascii_lowercase() && bytes[i].is_ascii_uppercase() {
                out.push(&word[start..i]);
                start = i;
            }
        }
        out.push(&word[start..]);
    }
    out
}

/// The `Code` enum's variant for an application code: a text code's words
/// in `UpperCamelCase` (`card_declined` → `CardDeclined`, `ERR_FOO` →
/// `ErrFoo`), prefixed with `Code` when that would start with a digit or
/// spell `Self`; an integer `n` is `Code{n}` (`Code40140`). `None` when the
/// code has no ASCII letter or digit.
pub fn code_ident(code: &CodeValue) -> Option<String> {
    let text = match code {
        CodeValue::Integer(n) => return Some(format!("Code{n}")),
        CodeValue::Text(text) => text,
    };
    let mut ident = String::new();
    for word in code_words(text) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            ident.push(first.to_ascii_uppercase());
            ident.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    if ident.is_empty() {
        return None;
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) || is_reserved_type_ident(&ident) {
        ident.insert_str(0, "Code");
    }
    Some(ident)
}

/// The docs anchor of an application code: `code-` and its words in
/// kebab-case (`card_declined` → `code-card-declined`, `40140` →
/// `code-40140`).
pub fn code_anchor(code: &CodeValue) -> String {
    match code {
        CodeValue::Integer(n) => format!("code-{n}"),
        CodeValue::Text(text) => {
            let mut anchor = String::from("code");
            for word in code_words(text) {
                anchor.push('-');
                anchor.push_str(&word.to_ascii_lowercase());
            }
            anchor
        }
    }
}

/// The `codes::` constant of an application code: its words in
/// `SCREAMING_SNAKE_CASE` (`card_declined` → `CARD_DECLINED`), prefixed
/// with `CODE_` when that would start with a digit; an integer `n` is
/// `CODE_{n}`. Codes with one [`code_ident`] have one constant.
pub fn code_const(code: &CodeValue) -> String {
    match code {
        CodeValue::Integer(n) => format!("CODE_{n}"),
        CodeValue::Text(text) => {
            let name = code_words(text)
                .iter()
                .map(|w| w.to_ascii_uppercase())
                .collect::<Vec<_>>()
                .join("_");
            if name.starts_with(|c: char| c.is_ascii_digit()) {
                format!("CODE_{name}")
            } else {
                name
            }
        }
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_named_by_their_canonical_phrase() {
        assert_eq!(status_variant(400), "BadRequest");
        assert_eq!(status_variant(413), "PayloadTooLarge");
        assert_eq!(status_variant(418), "ImATeapot");
        assert_eq!(status_variant(429), "TooManyRequests");
        assert_eq!(status_variant(505), "HttpVersionNotSupported");
        assert_eq!(status_variant(599), "Status599");
        assert_eq!(status_variant(499), "Status499");
    }

    #[test]
    fn shared_names_get_their_status() {
        let same = |_: u16| "Oops".to_string();
        assert_eq!(
            status_variants_with(&[400, 409], same),
            ["Oops400", "Oops409"]
        );
        let some = |s: u16| {
            if s == 500 {
                "Other".into()
            } else {
                "Oops".into()
            }
        };
        assert_eq!(
            status_variants_with(&[400, 409, 500], some),
            ["Oops400", "Oops409", "Other"]
        );
        assert_eq!(status_variants(&[404, 599]), ["NotFound", "Status599"]);
    }

    #[test]
    fn identifiers_from_page_names() {
        assert_eq!(
            type_ident("Async Text API").as_deref(),
            Some("AsyncTextApi")
        );
        assert_eq!(
            type_ident("Create Trackers").as_deref(),
            Some("CreateTrackers")
        );
        assert_eq!(type_ident("get-tracker").as_deref(), Some("GetTracker"));
        assert_eq!(type_ident("3D models"), None);
        assert_eq!(type_ident("—"), None);
    }

    #[test]
    fn slugs_and_constants() {
        assert_eq!(slug("Async Text API- POST"), "async-text-api-post");
        assert!(is_slug("create-trackers"));
        assert!(!is_slug("Create-Trackers"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug(""));
        assert_eq!(const_ident("create-trackers", 409), "CREATE_TRACKERS_409");
        assert_eq!(const_ident("3d", 404), "E3D_404");
    }

    fn text(s: &str) -> CodeValue {
        CodeValue::Text(s.to_string())
    }

    #[test]
    fn code_identifiers_anchors_and_constants() {
        let cases = [
            (
                "card_declined",
                "CardDeclined",
                "code-card-declined",
                "CARD_DECLINED",
            ),
            (
                "channelNotFound",
                "ChannelNotFound",
                "code-channel-not-found",
                "CHANNEL_NOT_FOUND",
            ),
            ("ERR_FOO", "ErrFoo", "code-err-foo", "ERR_FOO"),
            (
                "invalid-request.body",
                "InvalidRequestBody",
                "code-invalid-request-body",
                "INVALID_REQUEST_BODY",
            ),
            ("HTTPError", "Httperror", "code-httperror", "HTTPERROR"),
            (
                "oauth2Error",
                "Oauth2error",
                "code-oauth2error",
                "OAUTH2ERROR",
            ),
            (
                "3ds_required",
                "Code3dsRequired",
                "code-3ds-required",
                "CODE_3DS_REQUIRED",
            ),
            ("self", "CodeSelf", "code-self", "SELF"),
            ("Self", "CodeSelf", "code-self", "SELF"),
            (
                "caf\u{e9}_ferm\u{e9}",
                "CafFerm",
                "code-caf-ferm",
                "CAF_FERM",
            ),
        ];
        for (code, ident, anchor, constant) in cases {
            assert_eq!(code_ident(&text(code)).as_deref(), Some(ident), "{code}");
            assert_eq!(code_anchor(&text(code)), anchor, "{code}");
            assert_eq!(code_const(&text(code)), constant, "{code}");
        }
        let n = CodeValue::Integer(40140);
        assert_eq!(code_ident(&n).as_deref(), Some("Code40140"));
        assert_eq!(code_anchor(&n), "code-40140");
        assert_eq!(code_const(&n), "CODE_40140");
        assert_eq!(code_ident(&CodeValue::Integer(0)).as_deref(), Some("Code0"));
        for none in ["", " ", "\u{2014}", "__"] {
            assert_eq!(code_ident(&text(none)), None, "{none:?}");
        }
    }
}
