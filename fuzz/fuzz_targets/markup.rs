//! The indexed inline-markup parser against the direct reference parser, as
//! error-catalogue-markup's proptest compares them, on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The reference parser is private to error-catalogue-markup (`#[cfg(test)]
// mod reference`); it is compiled here from its source, with the two names it
// takes from the crate root.
use error_catalogue_markup::Inline;

#[path = "../../error-catalogue-markup/src/reference.rs"]
#[allow(dead_code)]
mod reference;

/// error-catalogue-markup's `strip_code` (private), which the reference uses.
fn strip_code(content: &str) -> &str {
    if content.len() >= 2
        && content.starts_with(' ')
        && content.ends_with(' ')
        && !content.bytes().all(|c| c == b' ')
    {
        &content[1..content.len() - 1]
    } else {
        content
    }
}

/// The reference is cubic in the worst case (a 16 kB field took 41 s), so it
/// is only asked about texts this short; longer ones check the indexed parser
/// alone (no panic, linear time under the fuzzer's timeout).
const MAX_REFERENCE_LEN: usize = 1024;

fuzz_target!(|text: &str| {
    let fast = error_catalogue_markup::parse_inline(text);
    let plain = error_catalogue_markup::plain_text(text);
    assert!(plain.len() <= text.len());
    if text.len() <= MAX_REFERENCE_LEN {
        assert_eq!(fast, reference::parse_inline(text), "input: {text:?}");
    }
});
