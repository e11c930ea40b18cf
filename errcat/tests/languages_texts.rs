//! The language modules hand back every text of
//! `tests/fixtures/lang-texts.toml` (every character class they escape, in
//! every text an entry, a code and an endpoint carry) exactly as the engine
//! holds it, and answer as the engine (`languages_support`). Its own test
//! binary: a process serves one loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::load::Loaded;

/// The catalogue, loaded once for this process.
fn lang_texts() -> std::path::PathBuf {
    languages_support::load_once("tests/fixtures/lang-texts.toml")
}

/// Every entry's texts are asked, by anchor, the any-status code's too.
#[test]
fn the_questions_ask_every_entrys_texts() {
    lang_texts();
    let q = languages_support::queries::<Loaded>();
    let asked = q.json["texts"].as_array().unwrap();
    assert_eq!(asked.len(), 5, "{asked:?}");
    let any = asked.iter().position(|a| a == "code-err-x").unwrap();
    assert!(q.expected["texts"][any]["status"].is_null());
    assert_eq!(q.expected["texts"][any]["app_code"], "ERR_X");
    let row = asked.iter().position(|a| a == "general-400").unwrap();
    let description = q.expected["texts"][row]["description"].as_str().unwrap();
    assert!(description.contains('\u{0}') && description.contains('\u{2028}'));
}

languages_support::agree_in_each_language!(Loaded, Some(&lang_texts()));
