//! Codes a response's description lists as a bulleted list of code spans,
//! as Box writes them:
//!
//! ```text
//! Returns an error if some of the parameters are missing or not valid.
//! * `bad_request` when a parameter is missing or incorrect.
//! * `item_name_invalid` when the folder name contains
//!   non-valid characters.
//! ```

/// One bullet that starts with a code span: the code as written, and the
/// bullet's whole text (marker left out, wrapped lines joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Bullet {
    pub code: String,
    pub text: String,
}

/// The bullets of `description` (`*`, `-` or `+`, then a code span) whose
/// code span reads as a code: one word (no white space), no control
/// characters, at most [`MAX_CODE_LEN`] bytes. A bullet runs to a blank
/// line, a heading or the next list item. A span of words (Box's
/// `` `Users can not be NULL or EMPTY` ``) is a message quoted, not a code.
/// Fenced code blocks are skipped.
pub(super) fn bullets(description: &str) -> Vec<Bullet> {
    let mut out: Vec<Bullet> = Vec::new();
    // The bullet being read.
    let mut open: Option<Bullet> = None;
    let mut fenced = false;
    for line in description.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            out.extend(open.take());
            continue;
        }
        if fenced {
            continue;
        }
        if let Some(item) = list_item(trimmed) {
            out.extend(open.take());
            open = code_span(item).map(|code| Bullet {
                code: code.to_string(),
                text: item.trim_end().to_string(),
            });
            continue;
        }
        match &mut open {
            // A wrapped line of the bullet, indented or not (a lazy
            // continuation, as CommonMark reads it); a blank line or a
            // heading ends it.
            Some(bullet) if !trimmed.is_empty() && !trimmed.starts_with('#') => {
                bullet.text.push(' ');
                bullet.text.push_str(trimmed.trim_end());
            }
            _ => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

/// The longest code a bullet is taken to name.
const MAX_CODE_LEN: usize = 128;

/// A list item's text after its marker (`* `, `- `, `+ `).
fn list_item(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['*', '-', '+'])?;
    let item = rest.trim_start_matches([' ', '\t']);
    (item.len() < rest.len()).then_some(item)
}

/// The code span an item starts with, when it reads as a code.
fn code_span(item: &str) -> Option<&str> {
    let ticks = item.len() - item.trim_start_matches('`').len();
    if ticks == 0 {
        return None;
    }
    let fence = &item[..ticks];
    let rest = &item[ticks..];
    let end = rest.find(fence)?;
    let code = rest[..end].trim();
    let ok = !code.is_empty()
        && code.len() <= MAX_CODE_LEN
        && !code.contains('`')
        && !code.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(String, String)> {
        bullets(text)
            .into_iter()
            .map(|b| (b.code, b.text))
            .collect()
    }

    #[test]
    fn box_style_bullets_with_wrapped_lines() {
        let text = "Returns an error if some of the parameters are missing or\nnot valid.\n* `bad_request` when a parameter is missing or incorrect.\n* `item_name_too_long` when the folder name is too long.\n* `item_name_invalid` when the folder name contains\n  non-valid characters.";
        assert_eq!(
            codes(text),
            [
                (
                    "bad_request".into(),
                    "`bad_request` when a parameter is missing or incorrect.".into()
                ),
                (
                    "item_name_too_long".into(),
                    "`item_name_too_long` when the folder name is too long.".into()
                ),
                (
                    "item_name_invalid".into(),
                    "`item_name_invalid` when the folder name contains non-valid characters."
                        .into()
                ),
            ]
        );
    }

    #[test]
    fn what_is_not_a_code_bullet() {
        // A quoted message, prose, a number list, a fenced block, an empty
        // span, an unclosed span, a marker with no space.
        let text = "\n * `Users can not be NULL or EMPTY` when no value is provided.\n- plain text\n1. `numbered`\n```\n* `in_fence` x\n```\n* `` \n* `open\n*`tight` x\n-   `CHANNEL_NOT_FOUND` - channel was not found,\n    or is\nprivate.\n\nAfter.";
        assert_eq!(
            codes(text),
            [(
                "CHANNEL_NOT_FOUND".into(),
                "`CHANNEL_NOT_FOUND` - channel was not found, or is private.".into()
            )]
        );
        assert_eq!(
            codes("* ``double`` ticks"),
            [("double".into(), "``double`` ticks".into())]
        );
        assert!(codes("").is_empty() && codes("*").is_empty() && codes("* `").is_empty());
    }
}
