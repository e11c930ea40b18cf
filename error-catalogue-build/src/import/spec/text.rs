//! Texts and values read from the spec's nodes: pointers, scalars,
//! names made into words, paragraphs, example bodies.

use super::{Example, Node, Value};
use crate::names;

/// The value at a JSON pointer (without its `#`) in the document.
pub(super) fn pointer_target<'n>(root: &'n Node, pointer: &str) -> Option<&'n Node> {
    let mut node = root;
    if pointer.is_empty() {
        return Some(node);
    }
    let pointer = pointer.strip_prefix('/')?;
    for raw in pointer.split('/') {
        let segment = percent_encoding::percent_decode_str(raw).decode_utf8_lossy();
        let segment = segment.replace("~1", "/").replace("~0", "~");
        node = match &node.value {
            Value::Map(entries) => &entries.iter().find(|(k, _)| k.text == segment)?.1,
            Value::Seq(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

pub(super) fn escape_pointer(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// A text key of an extension, when it says something: a catalogue leaves
/// an empty text out rather than write it empty.
pub(super) fn note(node: &Node, key: &str) -> Option<String> {
    node.get_str(key)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
}

/// A scalar's text: a string, or a number as written.
pub(super) fn scalar_text(node: &Node) -> Option<&str> {
    match &node.value {
        Value::String(s) | Value::Number(s) => Some(s),
        _ => None,
    }
}

pub(super) fn integer(node: &Node) -> Option<i64> {
    scalar_text(node)?.parse().ok()
}

pub(super) fn shown_value(node: &Node) -> String {
    scalar_text(node).map_or_else(|| node.kind().to_string(), quoted)
}

/// A string as a double-quoted literal for messages and comments.
pub fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// `4XX`, `5xx`: a range of statuses.
pub(super) fn is_range(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 3 && (b'1'..=b'5').contains(&b[0]) && b[1..].eq_ignore_ascii_case(b"XX")
}

/// The status's reason phrase, or its class's name.
pub(super) fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or(if status >= 500 {
            "Server Error"
        } else {
            "Client Error"
        })
}

/// An operationId's words: split at non-alphanumerics and case changes
/// (`ContainerInspect` → `Container Inspect`, `repos/get-content` → `Repos
/// Get Content`, `getHTTPStatus` → `Get HTTP Status`), each capitalised.
pub fn words(id: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for part in id
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if i > 0 {
                let prev = chars[i - 1];
                let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
                let boundary = ((prev.is_lowercase() || prev.is_ascii_digit()) && c.is_uppercase())
                    || (prev.is_uppercase() && c.is_uppercase() && next_lower);
                if boundary {
                    words.push(std::mem::take(&mut word));
                }
            }
            word.push(c);
        }
        words.push(word);
    }
    words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Line breaks and runs of white space as one space.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A CommonMark description as a catalogue text, whose line breaks are
/// shown as written: a paragraph's soft-wrapped lines joined with a space
/// (as Markdown reads them), kept where a line break means something (list
/// items, quotes, tables, headings, code blocks, hard breaks); blank lines
/// between paragraphs kept.
pub fn soft_breaks_joined(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::new();
    let mut fenced = false;
    let mut prev_hard = true;
    for (i, line) in text.trim().lines().enumerate() {
        let trimmed = line.trim_start();
        let fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
        let block = fenced
            || fence
            || trimmed.is_empty()
            || trimmed.starts_with(['-', '*', '+', '>', '|', '#'])
            || trimmed
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || line.starts_with("    ");
        if i > 0 {
            out.push(if block || prev_hard { '\n' } else { ' ' });
        }
        if fence {
            fenced = !fenced;
        }
        prev_hard = block || line.ends_with("  ") || line.ends_with('\\');
        out.push_str(if fenced || fence {
            line
        } else {
            line.trim_end()
        });
    }
    out
}

/// A description's first line, at most 80 characters, for a comment.
pub(super) fn shorten(s: &str) -> String {
    let line = one_line(s);
    if line.chars().count() <= 80 {
        line
    } else {
        let cut: String = line.chars().take(79).collect();
        format!("{}…", cut.trim_end())
    }
}

pub(super) fn page_id(title: &str) -> String {
    let id = names::slug(title);
    if id.is_empty() {
        "errors".to_string()
    } else {
        id
    }
}

/// `info.description` as intro paragraphs: blocks between blank lines,
/// each joined into one line; fenced code blocks and HTML comments left
/// out, heading markers dropped.
pub(super) fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut fence: Option<&str> = None;
    let flush = |current: &mut Vec<&str>, out: &mut Vec<String>| {
        let p = one_line(&current.join(" "));
        if !p.is_empty() {
            out.push(p);
        }
        current.clear();
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut current, &mut out);
            fence = Some(&trimmed[..3]);
            continue;
        }
        if trimmed.is_empty() || (trimmed.starts_with("<!--") && trimmed.ends_with("-->")) {
            flush(&mut current, &mut out);
            continue;
        }
        if trimmed.starts_with('#') {
            flush(&mut current, &mut out);
            current.push(trimmed.trim_start_matches('#').trim());
            flush(&mut current, &mut out);
            continue;
        }
        current.push(trimmed);
    }
    flush(&mut current, &mut out);
    out
}

/// An example value as a body: a string as written, anything else as
/// pretty JSON in the document's key order.
pub(super) fn example_body(mime: &str, value: &Node, caption: Option<String>) -> Example {
    let json_like = mime.contains("json");
    match &value.value {
        Value::String(s) => Example {
            caption,
            lang: (!json_like).then(|| {
                if mime.contains("xml") {
                    "xml".to_string()
                } else {
                    "text".to_string()
                }
            }),
            body: s.replace("\r\n", "\n").trim_end().to_string(),
        },
        _ => {
            let mut body = String::new();
            json(&mut body, value, 0);
            Example {
                caption,
                lang: None,
                body,
            }
        }
    }
}

/// A value as pretty JSON (two-space indent).
pub(super) fn json(out: &mut String, node: &Node, indent: usize) {
    let pad = |out: &mut String, n: usize| out.extend(std::iter::repeat_n(' ', n));
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match n.parse::<f64>() {
            Ok(f) if f.is_finite() && !n.starts_with('+') && !n.starts_with('.') => {
                out.push_str(n);
            }
            _ => json_string(out, n),
        },
        Value::String(s) => json_string(out, s),
        Value::Seq(items) if items.is_empty() => out.push_str("[]"),
        Value::Map(entries) if entries.is_empty() => out.push_str("{}"),
        Value::Seq(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                pad(out, indent + 2);
                json(out, item, indent + 2);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(out, indent);
            out.push(']');
        }
        Value::Map(entries) => {
            out.push_str("{\n");
            for (i, (k, v)) in entries.iter().enumerate() {
                pad(out, indent + 2);
                json_string(out, &k.text);
                out.push_str(": ");
                json(out, v, indent + 2);
                out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
            }
            pad(out, indent);
            out.push('}');
        }
    }
}

pub(super) fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_split_into_words() {
        assert_eq!(words("ContainerInspect"), "Container Inspect");
        assert_eq!(words("repos/get-content"), "Repos Get Content");
        assert_eq!(words("get_authorize"), "Get Authorize");
        assert_eq!(words("getHTTPStatus"), "Get HTTP Status");
        assert_eq!(words("GetV1Customers"), "Get V1 Customers");
        assert_eq!(words("listPets"), "List Pets");
    }

    #[test]
    fn intro_paragraphs() {
        let text = "# API\n\nFirst line\nsecond line.\n\n```json\n{\"a\": 1}\n```\nAfter.\n";
        assert_eq!(
            paragraphs(text),
            ["API", "First line second line.", "After."]
        );
    }

    #[test]
    fn soft_wrapped_descriptions_read_as_markdown_does() {
        assert_eq!(
            soft_breaks_joined("Returned when the token\nis not recognized.\r\n"),
            "Returned when the token is not recognized."
        );
        assert_eq!(
            soft_breaks_joined("Errors:\n- a\n- b\n\nNext\nparagraph."),
            "Errors:\n- a\n- b\n\nNext paragraph."
        );
        assert_eq!(
            soft_breaks_joined("Body:\n```\n{\n  \"a\": 1\n}\n```"),
            "Body:\n```\n{\n  \"a\": 1\n}\n```"
        );
    }

    #[test]
    fn ranges() {
        assert!(is_range("4XX") && is_range("5xx"));
        assert!(!is_range("404") && !is_range("6XX") && !is_range("default"));
    }
}
