//! Names: the Rust identifiers and slugs derived from endpoint names.

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

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
