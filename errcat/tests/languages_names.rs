//! Names that meet under a language's naming rules
//! (`tests/fixtures/lang-names.toml`): each language's renames, pinned in
//! the text of the module errcat renders, and each module answering as the
//! engine (`languages_support`). Its own test binary: a process serves one
//! loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::load::Loaded;

/// The catalogue, loaded once for this process.
fn lang_names() -> std::path::PathBuf {
    languages_support::load_once("tests/fixtures/lang-names.toml")
}

/// The module errcat renders for the fixture in `format`.
fn rendered(format: &str) -> String {
    let out = common::errcat()
        .arg("--catalogue")
        .arg(lang_names())
        .args(["render", "--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Asserts that `module` holds each of `texts`, and each pair's second
/// text in the declaration its first opens (up to the next line that
/// closes a block).
fn holds(module: &str, texts: &[&str], within: &[(&str, &str)]) {
    for text in texts {
        assert!(module.contains(text), "{text:?} in\n{module}");
    }
    for (first, then) in within {
        let at = module.find(first).unwrap_or_else(|| panic!("{first:?}"));
        let rest = &module[at..];
        let end = ["\n}", "\n)"]
            .iter()
            .filter_map(|close| rest.find(close))
            .min()
            .unwrap_or(rest.len());
        assert!(rest[..end].contains(then), "{then:?} in {:?}", &rest[..end]);
    }
}

/// TypeScript: entries that meet in SCREAMING_SNAKE_CASE get `_2` in page
/// order, a name starting with a digit gets `N_`, one of the module's own a
/// trailing `_`; `Default` stays an endpoint key.
#[test]
fn typescript_renames_in_page_order() {
    holds(
        &rendered("typescript"),
        &[
            "export const A_1_B_409: Entry = {\n  anchor: \"a1b-409\",",
            "export const A_1_B_409_2: Entry = {\n  anchor: \"a1-b-409\",",
            "export const AB_1_C_409: Entry = {\n  anchor: \"ab1c-409\",",
            "export const AB_1_C_409_2: Entry = {\n  anchor: \"ab1-c-409\",",
            "export const CODE_X_409: Entry = {\n  anchor: \"code-x-409\",",
            "export const CODE_X_409_2: Entry = {\n  anchor: \"code-x409\",",
            "export const N_4_XX_400: Entry = {",
            "export const CODE_POINTERS_: Entry = {",
            "export const CODE_POINTERS: readonly string[] = [",
            "  Default: \"default\",",
            "  Lookup: \"lookup\",",
        ],
        &[("export const A_1_B_409_2", "endpoint: Endpoint.Second,")],
    );
}

/// Python: the same renames, `_2` in page order, `N_` before a digit, a
/// trailing `_` on a name the module defines itself.
#[test]
fn python_renames_in_page_order() {
    holds(
        &rendered("python"),
        &[
            "\nA_1_B_409: Final = Entry(\n    anchor=\"a1b-409\",",
            "\nA_1_B_409_2: Final = Entry(\n    anchor=\"a1-b-409\",",
            "\nAB_1_C_409: Final = Entry(\n    anchor=\"ab1c-409\",",
            "\nAB_1_C_409_2: Final = Entry(\n    anchor=\"ab1-c-409\",",
            "\nCODE_X_409: Final = Entry(\n    anchor=\"code-x-409\",",
            "\nCODE_X_409_2: Final = Entry(\n    anchor=\"code-x409\",",
            "\nN_4_XX_400: Final = Entry(\n",
            "\nCODE_POINTERS_: Final = Entry(\n",
            "\nCODE_POINTERS: Final[Tuple[str, ...]] = (\n",
            "\"x409\": CODE_X_409_2,",
            "\"pointers\": CODE_POINTERS_,",
        ],
        &[("\nA_1_B_409_2: Final", "endpoint=Endpoint.SECOND,")],
    );
}

/// Go: an endpoint named as the API's `Lookup` gets a trailing `_`, entries
/// that meet in PascalCase (and an endpoint's identifier that is a general
/// entry's, `HttpCodes401`) `_2` in page order.
#[test]
fn go_renames_in_page_order() {
    holds(
        &rendered("go"),
        &[
            "\tLookup_\n",
            "\tFoo\n",
            "\tBar\n",
            "\tDefault\n",
            "\tHttpCodes401\n",
            "var HttpCodes401_2 = Entry{",
            "var Lookup404 = Entry{",
            "var A1B409 = Entry{",
            "var A1B409_2 = Entry{",
            "var Ab1C409 = Entry{",
            "var Ab1C409_2 = Entry{",
            "var N4Xx400 = Entry{",
            "var CodePointers = Entry{",
            "var CodeX409_2 = Entry{",
        ],
        &[
            ("var A1B409 = Entry{", "\"a1b-409\""),
            ("var A1B409_2 = Entry{", "Endpoint:     Second,"),
            ("var A1B409_2 = Entry{", "\"a1-b-409\""),
            ("var Ab1C409 = Entry{", "\"ab1c-409\""),
            ("var Ab1C409_2 = Entry{", "\"ab1-c-409\""),
            ("var HttpCodes401_2 = Entry{", "\"http-codes-401\""),
            ("var CodeX409 = Entry{", "\"code-x-409\""),
            ("var CodeX409_2 = Entry{", "AppCode:      \"x409\","),
            ("var CodePointers = Entry{", "AppCode:      \"pointers\","),
        ],
    );
}

languages_support::agree_in_each_language!(Loaded, Some(&lang_names()));
