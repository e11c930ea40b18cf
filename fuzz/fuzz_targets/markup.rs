//! The indexed inline-markup parser against the direct reference parser, as
//! error-catalogue-markup's proptest compares them, on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

// error-catalogue-markup compiles its reference parser, the one its
// proptests use, only for tests and under cargo-fuzz's `--cfg fuzzing`.
use error_catalogue_markup::reference;

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
