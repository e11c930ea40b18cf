//! `errcat diff` through the built binary: every format (github against the
//! workflow-command syntax, JSON against schema/diff.schema.json, Markdown
//! through a CommonMark parser), `--fail-on`, git revisions in a temporary
//! repository, and bad input.

mod common;

use std::path::Path;

use common::{errcat_in, git, scratch, shipped, stderr, stdout};
use serde_json::Value;

const SCHEMA: &str = include_str!("../../schema/diff.schema.json");

/// The shipped catalogue.
fn base() -> String {
    std::fs::read_to_string(shipped()).unwrap()
}

/// The shipped catalogue with `from` replaced by `to` (which must occur once).
fn edited(from: &str, to: &str) -> String {
    let base = base();
    assert_eq!(base.matches(from).count(), 1, "{from:?}");
    base.replacen(from, to, 1)
}

const CONFLICT_ROW: &str = "[[endpoints.errors]]\nstatus = 409\nmeaning = \"Conflict\"\n";

/// A breaking, a warning and an info finding: Create Trackers' 409 row
/// removed, Get Tracker's 404 meaning changed (with `%`, `,` and `:`, which
/// GitHub escapes), a resolution reworded.
fn changed() -> String {
    let start = base().find(CONFLICT_ROW).unwrap();
    let end = start + base()[start..].find("\n\n").unwrap() + 2;
    let mut text = base();
    text.replace_range(start..end, "");
    text.replacen(
        "meaning = \"Not Found\"\ndescription = \"The 404 response code specifies that the Tracker",
        "meaning = \"Not Found: 100%, really\"\nallow = [\"non-canonical-meaning\"]\ndescription = \"The 404 response code specifies that the Tracker",
        1,
    )
    .replacen(
        "resolution = \"Check the trackerId and ensure that it is valid and exists.\"",
        "resolution = \"Check the trackerId.\"",
        1,
    )
}

/// A directory holding old.toml (the shipped catalogue) and new.toml.
fn pair(new: &str) -> tempfile::TempDir {
    let dir = scratch();
    std::fs::write(dir.path().join("old.toml"), base()).unwrap();
    std::fs::write(dir.path().join("new.toml"), new).unwrap();
    dir
}

fn diff_in(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["diff", "old.toml", "new.toml"];
    args.extend_from_slice(extra);
    errcat_in(dir, &args)
}

#[test]
fn a_file_against_itself_reports_nothing() {
    let root = common::root();
    for format in ["text", "markdown", "github"] {
        let out = errcat_in(
            root,
            &["diff", "errors.toml", "errors.toml", "--format", format],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("no changes: both files describe the same catalogue"),
            "{format}: {}",
            stdout(&out)
        );
        assert!(!stdout(&out).contains("::"), "{}", stdout(&out));
    }
    let out = errcat_in(
        root,
        &[
            "diff",
            "errors.toml",
            "errors.toml",
            "--format",
            "json",
            "--fail-on",
            "info",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).starts_with("no changes"));
}

#[test]
fn text_lists_each_finding_located_then_the_summary() {
    let dir = pair(&changed());
    let out = diff_in(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let line = base().lines().position(|l| l == "status = 409").unwrap() + 1;
    assert!(
        text.starts_with(
            "breaking[entry-removed]: entry create-trackers 409 \"Conflict\" was removed: `codes::CREATE_TRACKERS_409` and code naming it stop compiling"
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!("  --> old.toml:{line}:10\n")),
        "{text}"
    );
    assert!(text.contains("warning[entry-meaning-changed]: entry get-tracker 404's meaning changed from \"Not Found\" to \"Not Found: 100%, really\"\n  --> new.toml:"), "{text}");
    assert!(text.contains("info[entry-text-changed]: entry get-tracker 404 \"Not Found: 100%, really\"'s resolution changed\n"), "{text}");
    assert!(
        text.ends_with(
            "\n1 breaking, 1 warning, 1 info: a major version bump (breaking changes)\n"
        ),
        "{text}"
    );
}

#[test]
fn fail_on_sets_the_lowest_level_that_fails() {
    let info_only = edited(
        "resolution = \"Check the trackerId and ensure that it is valid and exists.\"",
        "resolution = \"Check the trackerId.\"",
    );
    let warning = edited("meaning = \"Conflict\"", "meaning = \"Already Exists\"");
    for (new, fail_on, code) in [
        (&info_only, None, 0),
        (&info_only, Some("warning"), 0),
        (&info_only, Some("info"), 1),
        (&warning, None, 0),
        (&warning, Some("warning"), 1),
        (&warning, Some("breaking"), 0),
        (&changed(), None, 1),
        (&changed(), Some("breaking"), 1),
    ] {
        let dir = pair(new);
        let extra: Vec<&str> = fail_on.map_or(vec![], |f| vec!["--fail-on", f]);
        let out = diff_in(dir.path(), &extra);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{fail_on:?}: {}",
            stdout(&out)
        );
    }
    let dir = pair(&info_only);
    let out = diff_in(dir.path(), &[]);
    assert!(
        stdout(&out)
            .ends_with("0 breaking, 0 warning, 1 info: a patch version bump (text changes only)\n")
    );
}

fn json_findings(dir: &Path) -> Vec<Value> {
    let out = diff_in(dir, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "1 breaking, 1 warning, 1 info: a major version bump (breaking changes)\n"
    );
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn json_is_one_object_per_finding_valid_against_the_schema() {
    let dir = pair(&changed());
    let findings = json_findings(dir.path());
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for f in &findings {
        let errors: Vec<String> = validator.iter_errors(f).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{f}: {errors:#?}");
    }
    let line = base().lines().position(|l| l == "status = 409").unwrap() + 1;
    assert_eq!(findings[0]["rule"], "entry-removed");
    assert_eq!(findings[0]["level"], "breaking");
    assert_eq!(findings[0]["bump"], "major");
    assert_eq!(findings[0]["side"], "old");
    assert_eq!(findings[0]["file"], "old.toml");
    assert_eq!(
        (findings[0]["line"].as_u64(), findings[0]["column"].as_u64()),
        (Some(line as u64), Some(10))
    );
    assert_eq!(findings[0]["endpoint"], "create-trackers");
    assert_eq!(findings[0]["status"], 409);
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "entry-removed",
            "entry-meaning-changed",
            "entry-text-changed"
        ]
    );
    // The schema holds something: it rejects an unknown rule and a missing key.
    let mut bad = findings[0].clone();
    bad["rule"] = "entry-vanished".into();
    assert!(!validator.is_valid(&bad));
    bad.as_object_mut().unwrap().remove("rule");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn github_output_is_workflow_commands() {
    let dir = pair(&changed());
    let out = diff_in(dir.path(), &["--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let command = regex::Regex::new(
        r"^::(error|warning|notice) file=(?:[^,:%\r\n]|%[0-9A-F]{2})+,line=[1-9][0-9]*,col=[1-9][0-9]*,title=[a-z]+(?:-[a-z]+)*::(?:[^%\r\n]|%25|%0D|%0A)+$",
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (summary, commands) = lines.split_last().unwrap();
    assert_eq!(commands.len(), 3, "{text}");
    for line in commands {
        assert!(command.is_match(line), "not a workflow command: {line}");
    }
    assert!(
        commands[0].starts_with("::error file=old.toml,line="),
        "{text}"
    );
    assert!(
        commands[0].contains(",title=entry-removed::entry create-trackers 409"),
        "{text}"
    );
    assert!(
        commands[0].contains("%0Ahelp: deprecate it first"),
        "{text}"
    );
    assert!(
        commands[1].starts_with("::warning file=new.toml,"),
        "{text}"
    );
    assert!(
        commands[1].contains("\"Not Found: 100%25, really\""),
        "{text}"
    );
    assert!(commands[2].starts_with("::notice file=new.toml,"), "{text}");
    assert!(!summary.starts_with("::"));
    assert!(summary.starts_with("1 breaking, 1 warning, 1 info"));
}

#[test]
fn markdown_is_a_table_whose_cells_read_as_the_findings() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let dir = pair(&changed());
    let findings = json_findings(dir.path());
    let out = diff_in(dir.path(), &["--format", "markdown"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut in_paragraph = false;
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableRow | Tag::TableHead) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => rows.last_mut().unwrap().push(String::new()),
            Event::Start(Tag::Paragraph) => {
                in_paragraph = true;
                paragraphs.push(String::new());
            }
            Event::End(TagEnd::Paragraph) => in_paragraph = false,
            Event::Text(t) | Event::Code(t) => {
                if in_paragraph {
                    paragraphs.last_mut().unwrap().push_str(&t);
                } else if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.push_str(&t);
                }
            }
            _ => {}
        }
    }
    assert_eq!(rows[0], ["level", "rule", "where", "finding"]);
    assert_eq!(rows.len(), findings.len() + 1, "{text}");
    for (row, f) in rows[1..].iter().zip(&findings) {
        assert_eq!(row[0], f["level"].as_str().unwrap());
        assert_eq!(row[1], f["rule"].as_str().unwrap());
        assert_eq!(
            row[2],
            format!(
                "{}:{}:{}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["column"]
            )
        );
        let mut finding = f["message"].as_str().unwrap().to_string();
        if let Some(hint) = f["hint"].as_str() {
            finding = format!("{finding}help: {hint}");
        }
        assert_eq!(row[3], finding);
    }
    assert_eq!(
        paragraphs,
        ["1 breaking, 1 warning, 1 info: a major version bump (breaking changes)"]
    );
}

#[test]
fn a_renamed_endpoint_says_the_route_is_the_same() {
    let dir = pair(&edited("slug = \"get-tracker\"", "slug = \"tracker\""));
    let out = diff_in(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("breaking[endpoint-removed]: endpoint \"get-tracker\" (GET /v1/manage/tracker/{trackerId}) was removed"), "{text}");
    assert!(text.contains("= help: the route GET /v1/manage/tracker/{trackerId} is the same as new endpoint \"tracker\"'s"), "{text}");
    assert!(
        text.contains("info[endpoint-added]: endpoint \"tracker\""),
        "{text}"
    );
}

/// A repository whose last commit changed errors.toml from the shipped
/// catalogue to [`changed`].
fn repository() -> tempfile::TempDir {
    let dir = scratch();
    let d = dir.path();
    git(d, &["init", "-q"]);
    std::fs::write(d.join("errors.toml"), base()).unwrap();
    git(d, &["add", "errors.toml"]);
    git(d, &["commit", "-q", "-m", "shipped"]);
    std::fs::write(d.join("errors.toml"), changed()).unwrap();
    git(d, &["commit", "-q", "-am", "changed"]);
    dir
}

#[test]
fn git_revisions_are_read_with_git_show() {
    let repo = repository();
    let d = repo.path();
    let out = errcat_in(d, &["diff", "HEAD~1:errors.toml", "errors.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let line = base().lines().position(|l| l == "status = 409").unwrap() + 1;
    assert!(
        stdout(&out).contains(&format!("  --> HEAD~1:errors.toml:{line}:10\n")),
        "{}",
        stdout(&out)
    );
    // Both sides from git, and one commit against itself.
    let out = errcat_in(
        d,
        &[
            "diff",
            "HEAD~1:errors.toml",
            "HEAD:errors.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(stdout(&out).lines().count(), 3);
    let out = errcat_in(d, &["diff", "HEAD:errors.toml", "errors.toml"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("no changes"));
    // A REV:PATH location is a property value: `:` is escaped.
    let out = errcat_in(
        d,
        &[
            "diff",
            "HEAD~1:errors.toml",
            "errors.toml",
            "--format",
            "github",
        ],
    );
    assert!(
        stdout(&out).starts_with("::error file=HEAD~1%3Aerrors.toml,line="),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_unknown_revision_or_path_is_one_line_and_exit_2() {
    let repo = repository();
    let d = repo.path();
    for (old, why) in [
        (
            "no-such-branch:errors.toml",
            "cannot read 'no-such-branch:errors.toml' from git: ",
        ),
        (
            "HEAD:missing.toml",
            "cannot read 'HEAD:missing.toml' from git: ",
        ),
        ("missing.toml", "cannot read 'missing.toml': no such file"),
    ] {
        let out = errcat_in(d, &["diff", old, "errors.toml"]);
        assert_eq!(out.status.code(), Some(2), "{old}");
        assert_eq!(stdout(&out), "");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("errcat: {why}")), "{err}");
    }
    // Outside a repository too.
    let dir = scratch();
    std::fs::write(dir.path().join("errors.toml"), base()).unwrap();
    let out = errcat_in(dir.path(), &["diff", "main:errors.toml", "errors.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn an_invalid_side_prints_its_diagnostics_and_exits_2() {
    let dir = pair(&edited("status = 409", "status = \"409 - Conflict\""));
    let out = diff_in(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(
        err.contains("error[E0005]: `status` must be an integer"),
        "{err}"
    );
    assert!(err.contains("--> new.toml:100:10"), "{err}");
    assert!(
        err.ends_with(
            "errcat: 'new.toml' is not a valid catalogue (1 error): fix it, then diff again\n"
        ),
        "{err}"
    );
    // An empty deprecation note is invalid too.
    let dir = pair(&edited(
        "path = \"/v1/process/text\"\n",
        "path = \"/v1/process/text\"\ndeprecated = \"\"\n",
    ));
    let out = diff_in(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("error[E0013]: `deprecated` is empty"),
        "{}",
        stderr(&out)
    );
    let out = errcat_in(dir.path(), &["check", "new.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("error[E0013]: `deprecated` is empty"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn bad_arguments_are_one_line_and_exit_2() {
    let dir = pair(&base());
    for extra in [
        &["--format", "xml"][..],
        &["--fail-on", "major"],
        &["--max-bytes", "lots"],
    ] {
        let out = diff_in(dir.path(), extra);
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    }
    let out = errcat_in(dir.path(), &["diff", "old.toml"]);
    assert_eq!(out.status.code(), Some(2));
    // Over --max-bytes: E0017, located, exit 2.
    let out = diff_in(dir.path(), &["--max-bytes", "100"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("E0017"), "{}", stderr(&out));
}

#[test]
fn a_code_finding_names_the_code_in_json() {
    let new = format!(
        "{}\n[[codes]]\ncode = \"card_declined\"\nstatus = 402\nmeaning = \"Card declined\"\n",
        base()
    );
    let dir = pair(&new);
    let out = diff_in(dir.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let findings: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    assert!(validator.is_valid(f), "{f}");
    assert_eq!(
        (&f["rule"], &f["code"], &f["status"], &f["endpoint"]),
        (
            &Value::from("code-added"),
            &Value::from("card_declined"),
            &Value::from(402),
            &Value::Null
        )
    );
    assert_eq!(
        f["line"].as_u64(),
        Some(
            new.lines()
                .position(|l| l == "code = \"card_declined\"")
                .unwrap() as u64
                + 1
        )
    );
}
