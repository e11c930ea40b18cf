//! Inline Markdown: the text fields' markup, and their plain-text form.
//!
//! Code spans, emphasis, strong emphasis, strikethrough and links are markup;
//! everything else, raw HTML included, is text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The parser options every text field is read with.
pub fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// The text with its markup removed: code spans keep their content, links
/// their text, emphasis its words; a line break stays a line break.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::Paragraph) => out.push_str("\n\n"),
            Event::Start(Tag::Paragraph) => {}
            _ => {}
        }
    }
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn markup_is_removed_and_text_kept() {
        assert_eq!(plain_text("a `X` b"), "a X b");
        assert_eq!(
            plain_text("*very* **much** [here](https://x.y)"),
            "very much here"
        );
        assert_eq!(plain_text("a <b> {c} | d"), "a <b> {c} | d");
        assert_eq!(plain_text("plain text."), "plain text.");
    }
}
