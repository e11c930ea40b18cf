//! `errcat import codes` through the built binary: Ably's real registry
//! (trimmed), a Twilio-shaped dictionary, a custom shape read with
//! `--field`, records left out (and `--strict`), unreadable registries
//! (one located line per problem, exit 2, no file), and determinism.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use error_catalogue_build::catalogue::CodeValue;
use error_catalogue_build::{Catalogue, check_file};

fn errcat() -> Command {
    Command::cargo_bin("errcat").unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/registries")
        .join(name)
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("import-codes-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn checked(path: &Path) -> Catalogue {
    let report = check_file(path);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    report.catalogue.unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs `errcat import codes ARGS` in `dir`: exit code, stdout, stderr.
fn import(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = errcat()
        .current_dir(dir)
        .args(["import", "codes"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Writes `text` as `name` in a fresh directory and imports it with `-o
/// out.toml`; the outcome, and the directory.
fn import_text(test: &str, name: &str, text: &str, args: &[&str]) -> (i32, String, PathBuf) {
    let dir = scratch(test);
    std::fs::write(dir.join(name), text).unwrap();
    let mut all = vec![name, "-o", "out.toml"];
    all.extend_from_slice(args);
    let (code, _, stderr) = import(&dir, &all);
    (code.unwrap(), stderr, dir)
}

#[test]
fn ablys_registry_imports_checks_and_looks_up() {
    let dir = scratch("ably");
    std::fs::copy(fixture("ably-errors.json"), dir.join("errors.json")).unwrap();
    let (code, stdout, stderr) = import(
        &dir,
        &["errors.json", "--status-from-code", "-o", "errors.toml"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "errcat: wrote errors.toml: 35 codes from errors.json\n"
    );
    let text = std::fs::read_to_string(dir.join("errors.toml")).unwrap();
    assert!(text.starts_with("#:schema https://"), "{text}");
    assert!(
        text.contains("# Application error codes, imported from errors.json by `errcat import codes errors.json\n# --status-from-code`."),
        "{text}"
    );
    assert!(text.contains("# Placeholders: set the page's id"), "{text}");
    let catalogue = checked(&dir.join("errors.toml"));
    assert_eq!(catalogue.codes.len(), 35);
    assert!(catalogue.entries().next().is_none());
    let status = |n: u64| catalogue.code(&CodeValue::Integer(n)).unwrap().status;
    // The first three digits, 400 to 599; none for any other code.
    assert_eq!(status(40140), Some(401));
    assert_eq!(status(40009), Some(400));
    assert_eq!(status(50003), Some(500));
    assert_eq!(status(42910), Some(429));
    assert_eq!(status(10000), None);
    assert_eq!(status(92004), None);
    assert_eq!(status(104009), None);
    let token = catalogue.code(&CodeValue::Integer(40140)).unwrap();
    assert_eq!(token.meaning, "Token not accepted");
    assert!(
        token
            .description
            .as_deref()
            .unwrap()
            .starts_with("The authentication token was rejected")
    );
    // Registry order.
    let order: Vec<String> = catalogue.codes.iter().map(|c| c.code.to_string()).collect();
    assert_eq!(order[..3], ["10000", "20000", "40000"]);
    assert_eq!(order.last().unwrap(), "104009");

    let out = errcat()
        .current_dir(&dir)
        .args(["lookup", "--catalogue", "errors.toml", "--code", "40140"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.starts_with("Code 40140 (status 401): Token not accepted\n"),
        "{shown}"
    );

    // Without --status-from-code, no code has a status.
    let (code, stdout, _) = import(&dir, &["errors.json"]);
    assert_eq!(code, Some(0));
    assert!(!stdout.contains("\nstatus = "), "{stdout}");
    assert!(!stdout.contains("--status-from-code"), "{stdout}");
}

#[test]
fn two_runs_are_byte_identical() {
    let dir = scratch("deterministic");
    let registry = fixture("ably-errors.json");
    let registry = registry.to_str().unwrap();
    let (_, first, _) = import(&dir, &[registry, "--status-from-code"]);
    let (_, second, _) = import(&dir, &[registry, "--status-from-code"]);
    assert!(first.contains("[[codes]]"));
    assert_eq!(first, second);
    import(&dir, &[registry, "--status-from-code", "-o", "a.toml"]);
    assert_eq!(std::fs::read_to_string(dir.join("a.toml")).unwrap(), first);
}

#[test]
fn a_twilio_shaped_dictionary_imports_by_its_field_names() {
    let dir = scratch("twilio");
    std::fs::copy(fixture("twilio-shaped.json"), dir.join("twilio.json")).unwrap();
    let (code, _, stderr) = import(&dir, &["twilio.json", "-o", "errors.toml"]);
    assert_eq!(code, Some(0), "{stderr}");
    let text = std::fs::read_to_string(dir.join("errors.toml")).unwrap();
    assert!(
        text.contains(
            "# - Each record is a [[codes]] entry, in the registry's order: code from `code`; meaning from\n\
             #   `message`; description from `secondary_message`; resolution from `troubleshooting`.\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "[[codes]]\ncode = 21211\nmeaning = \"Invalid 'To' phone number\"\n\
             description = \"The destination number is not a valid phone number.\"\n\
             resolution = '''\n- Send the number in E.164 form.\n- Check that the number can receive messages.'''\n"
        ),
        "{text}"
    );
    // An empty secondary message is no description.
    assert!(
        text.contains("[[codes]]\ncode = 20404\nmeaning = \"Not found\"\n\n"),
        "{text}"
    );
    let catalogue = checked(&dir.join("errors.toml"));
    assert_eq!(catalogue.codes.len(), 4);
    assert!(catalogue.codes.iter().all(|c| c.status.is_none()));
}

#[test]
fn field_reads_a_custom_shape() {
    let dir = scratch("custom");
    std::fs::copy(fixture("custom-shape.json"), dir.join("custom.json")).unwrap();
    let (code, _, stderr) = import(
        &dir,
        &[
            "custom.json",
            "--field",
            "code=errorCode,meaning=/texts/short,description=/texts/long",
            "--field",
            "resolution=hint,status=http",
            "-o",
            "errors.toml",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let text = std::fs::read_to_string(dir.join("errors.toml")).unwrap();
    assert!(
        text.contains(
            "[[codes]]\ncode = \"card_declined\"\nstatus = 402\nmeaning = \"Card declined\"\n\
             description = \"The card issuer declined the charge.\"\n\
             resolution = \"Ask the customer for another card.\"\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("`errcat import codes custom.json --field\n# code=errorCode,meaning=/texts/short,description=/texts/long,resolution=hint,status=http`."),
        "{text}"
    );
    let catalogue = checked(&dir.join("errors.toml"));
    let ids: Vec<&str> = catalogue.codes.iter().map(|c| c.ident.as_str()).collect();
    assert_eq!(ids, ["CardDeclined", "RateLimited", "Internal"]);
    assert_eq!(catalogue.codes[2].status, None);

    // Without --field, `errorCode` is still a code, but nothing is a meaning.
    let (code, _, stderr) = import(&dir, &["custom.json", "-o", "none.toml"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("custom.json:4:5: error: code card_declined has no meaning (none of `meaning`, `title`, `message`, `name`, as text): record left out\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "custom.json: error: no record of the registry could be imported\n\
             errcat: custom.json: 4 problems, nothing written\n"
        ),
        "{stderr}"
    );
    assert!(!dir.join("none.toml").exists());
}

#[test]
fn a_field_naming_nothing_is_an_error() {
    let (code, stderr, dir) = import_text(
        "field-nothing",
        "r.json",
        "[\n  {\"code\": \"a\", \"title\": \"A\"}\n]\n",
        &["--field", "meaning=titel"],
    );
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "r.json:2:3: error: --field meaning=titel names nothing: no record has `titel` (this first one has `code`, `title`)\n\
         errcat: r.json: 1 problem, nothing written\n"
    );
    assert_eq!(files_in(&dir), ["r.json"]);
    // A --field that is not KEY=FIELD, or names no key: a usage error.
    for (arg, says) in [
        ("colour=x", "'colour' is not one of code, meaning"),
        ("meaning", "expected KEY=FIELD"),
        ("meaning=", "the field name is empty"),
    ] {
        let (code, stderr, _) = import_text("field-bad", "r.json", "[]", &["--field", arg]);
        assert_eq!(code, 2, "{arg}");
        assert!(stderr.contains(says), "{arg}: {stderr}");
    }
}

#[test]
fn bad_records_are_left_out_with_located_warnings_and_strict_refuses_them() {
    let registry = "[\n\
        {\"code\": 40001, \"message\": \"Bad\"},\n\
        {\"message\": \"No code\"},\n\
        {\"code\": 1.5, \"message\": \"Fraction\"},\n\
        {\"code\": [1], \"message\": \"Array\"},\n\
        {\"code\": 40001, \"message\": \"Twice\"},\n\
        {\"code\": \"text\", \"message\": \"Text\"},\n\
        {\"code\": 50001, \"status\": 700, \"message\": \"Odd\"},\n\
        {\"code\": 50002},\n\
        \"just text\",\n\
        {\"code\": 50003, \"message\": \"Fine\"}\n\
    ]\n";
    let (code, stderr, dir) = import_text("left-out", "r.json", registry, &[]);
    assert_eq!(code, 0, "{stderr}");
    let expected = [
        "r.json:3:1: warning: the record has no code (none of `code`, `error_code`, `errorCode`): record left out",
        "r.json:4:1: warning: code 1.5 is not a non-negative integer: record left out",
        "r.json:5:1: warning: the record's code is a sequence, not a string or an integer: record left out",
        "r.json:6:1: warning: code 40001 again (first at line 2): record left out",
        "r.json:7:1: warning: code text is text, but the first code (40001, line 2) is an integer: a registry's codes are one kind (E0024); record left out",
        "r.json:8:1: warning: code 50001's status \"700\" is not from 100 to 599: record left out",
        "r.json:9:1: warning: code 50002 has no meaning (none of `meaning`, `title`, `message`, `name`, as text): record left out",
        "r.json:10:1: warning: the record is a string, not an object: record left out",
        "errcat: wrote out.toml: 2 codes from r.json (8 records left out)",
    ];
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);
    let text = std::fs::read_to_string(dir.join("out.toml")).unwrap();
    assert_eq!(text.matches("# - Line ").count(), 8, "{text}");
    assert!(
        text.contains("# - Line 3:1: the record has no code"),
        "{text}"
    );
    let catalogue = checked(&dir.join("out.toml"));
    assert_eq!(catalogue.codes.len(), 2);

    let (code, stderr, dir) = import_text("strict", "r.json", registry, &["--strict"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("r.json:3:1: error: the record has no code"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("errcat: r.json: 8 problems, nothing written\n"),
        "{stderr}"
    );
    assert_eq!(files_in(&dir), ["r.json"]);
    // --strict on a registry without a bad record writes it.
    let (code, stderr, _) = import_text(
        "strict-clean",
        "r.json",
        "{\"a\": \"A\", \"b\": \"B\"}",
        &["--strict"],
    );
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn what_the_validator_refuses_leaves_the_record_out() {
    // Two text codes whose names collide (E0010): the second is left out.
    let (code, stderr, dir) = import_text(
        "collide",
        "r.json",
        "{\n  \"card_declined\": \"Declined\",\n  \"CardDeclined\": \"Declined too\"\n}\n",
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with("r.json:3:3: warning: code CardDeclined: "),
        "{stderr}"
    );
    assert!(stderr.contains("record left out\n"), "{stderr}");
    let catalogue = checked(&dir.join("out.toml"));
    assert_eq!(catalogue.codes.len(), 1);
}

#[test]
fn unreadable_registries_are_located_errors_and_write_nothing() {
    for (text, expected) in [
        (
            "codes:\n  - 1\n",
            "r.json:1:1: error: not JSON: found 'c' where a code registry starts with `[` or `{`",
        ),
        (
            "",
            "r.json:1:1: error: not JSON: the file is empty; a code registry is a JSON array or object of records",
        ),
        (
            "[\n  {\"code\": 1,}\n]",
            "r.json:2:14: error: invalid JSON: expected a string key, found `}`",
        ),
        (
            "\"text\"",
            "r.json:1:1: error: not JSON: found '\"' where a code registry starts with `[` or `{`",
        ),
        ("[]", "r.json:1:1: error: the registry holds no record"),
        (
            "{\"$schema\": \"x\"}",
            "r.json:1:1: error: the registry holds no record",
        ),
    ] {
        let (code, stderr, dir) = import_text("unreadable", "r.json", text, &[]);
        assert_eq!(code, 2, "{text}");
        assert_eq!(
            stderr,
            format!("{expected}\nerrcat: r.json: 1 problem, nothing written\n"),
            "{text}"
        );
        assert_eq!(files_in(&dir), ["r.json"]);
    }
    // Not UTF-8.
    let dir = scratch("binary");
    std::fs::write(dir.join("r.json"), b"[\"\xff\"]").unwrap();
    let (code, _, stderr) = import(&dir, &["r.json", "-o", "out.toml"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("r.json:1:3: error: the spec is not UTF-8 text"),
        "{stderr}"
    );
    assert_eq!(files_in(&dir), ["r.json"]);
    // Missing.
    let (code, _, stderr) = import(&dir, &["missing.json"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("missing.json: error: cannot read: "),
        "{stderr}"
    );
}

#[test]
fn an_oversized_registry_is_refused_before_it_is_parsed() {
    let dir = scratch("huge");
    let file = std::fs::File::create(dir.join("huge.json")).unwrap();
    file.set_len(40 << 20).unwrap();
    let (code, _, stderr) = import(&dir, &["huge.json", "-o", "out.toml"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "huge.json: error: the spec is over 33554432 bytes (MAX_SPEC_BYTES); errcat imports specs up to 32 MiB\n\
         errcat: huge.json: 1 problem, nothing written\n"
    );
    assert_eq!(files_in(&dir), ["huge.json"]);
}

#[test]
fn a_failed_import_leaves_an_existing_output_file_as_it_was() {
    let dir = scratch("keep");
    std::fs::write(dir.join("bad.json"), "[").unwrap();
    std::fs::write(dir.join("errors.toml"), "# mine\n").unwrap();
    let (code, _, _) = import(&dir, &["bad.json", "-o", "errors.toml"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join("errors.toml")).unwrap(),
        "# mine\n"
    );
    assert_eq!(files_in(&dir), ["bad.json", "errors.toml"]);
}
