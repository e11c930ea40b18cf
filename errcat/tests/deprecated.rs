//! `deprecated = "…"` in the data reaches every output: each docs format,
//! the JSON (valid against its schema), the OpenAPI operation, and
//! `errcat lookup`'s text. (The generated code's `#[deprecated]` is held by
//! tests/build_e2e.rs, which compiles a crate that names deprecated items.)

use std::path::{Path, PathBuf};

mod common;

use common::{ENDPOINT_NOTE, ENTRY_NOTE};

/// The shipped catalogue with Get Tracker and Create Trackers' 409 deprecated.
fn deprecated_catalogue(dir: &Path) -> PathBuf {
    let text = common::deprecated_catalogue_text();
    let path = dir.join("deprecated.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn errcat(dir: &Path, args: &[&str]) -> String {
    String::from_utf8(common::success_in(dir, args)).unwrap()
}

#[test]
fn every_output_says_what_is_deprecated() {
    let dir = std::env::temp_dir().join(format!("errcat-deprecated-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = deprecated_catalogue(&dir);
    let file = file.to_str().unwrap();
    let render = |format: &str| errcat(&dir, &["-c", file, "render", "--format", format]);

    for format in ["mdx", "markdown"] {
        let page = render(format);
        assert!(
            page.contains(&format!("**Deprecated:** {ENDPOINT_NOTE}")),
            "{format}"
        );
        assert!(
            page.contains(&format!("Deprecated: {ENTRY_NOTE}")),
            "{format}"
        );
    }
    let html = render("html");
    assert!(html.contains(&format!(
        "<p><strong>Deprecated:</strong> {ENDPOINT_NOTE}</p>"
    )));
    assert!(html.contains(&format!("Deprecated: {ENTRY_NOTE}")));

    let json: serde_json::Value = serde_json::from_str(&render("json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("schema/catalogue.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&json), "the JSON matches its schema");
    let get_tracker = &json["endpoints"][2];
    assert_eq!(get_tracker["slug"], "get-tracker");
    assert_eq!(get_tracker["deprecated"], ENDPOINT_NOTE);
    let conflict = &json["endpoints"][1]["entries"][0];
    assert_eq!(
        (conflict["status"].as_u64(), conflict["deprecated"].as_str()),
        (Some(409), Some(ENTRY_NOTE))
    );
    // Not deprecated: no key at all, as before.
    assert!(json["endpoints"][0].get("deprecated").is_none());

    let openapi: serde_json::Value = serde_json::from_str(&render("openapi")).unwrap();
    let get = &openapi["paths"]["/v1/manage/tracker/{trackerId}"]["get"];
    assert_eq!(get["deprecated"], true);
    assert_eq!(get["x-endpoint"]["deprecated"], ENDPOINT_NOTE);
    let post = &openapi["paths"]["/v1/manage/trackers"]["post"];
    assert!(post.get("deprecated").is_none());
    assert_eq!(
        post["responses"]["409"]["x-entry"]["deprecated"],
        ENTRY_NOTE
    );

    let tables: serde_json::Value = serde_json::from_str(&render("tables")).unwrap();
    assert_eq!(tables["tables"][3]["deprecated"], ENDPOINT_NOTE);

    let lookup = errcat(&dir, &["-c", file, "lookup", "create-trackers", "409"]);
    assert!(
        lookup.ends_with(&format!("  Deprecated: {ENTRY_NOTE}\n")),
        "{lookup}"
    );
    // An entry of a deprecated endpoint says its endpoint's note.
    let lookup = errcat(&dir, &["-c", file, "lookup", "get-tracker", "404"]);
    assert!(
        lookup.ends_with(&format!("  Deprecated: {ENDPOINT_NOTE}\n")),
        "{lookup}"
    );
    let lookup = errcat(&dir, &["-c", file, "lookup", "async-text-api", "429"]);
    assert!(!lookup.contains("Deprecated"), "{lookup}");
}
