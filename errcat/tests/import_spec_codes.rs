//! `errcat import openapi` on what a spec made by hand says of codes and
//! servers: a schema's `code` enum and a description's bulleted code spans
//! become `[[codes]]` and the rows' `codes`; an operation's own `servers`
//! become base paths. Checked clean, and Box's real requests routed.

use error_catalogue_build::catalogue::CodeValue;
use error_catalogue_build::import::openapi;

mod import_support;

use import_support::*;

/// Imports `spec` and checks the result: no error, no warning.
fn imported(spec: &str) -> (String, Vec<String>, error_catalogue_build::Catalogue) {
    let import = openapi("spec.json", spec).unwrap_or_else(|p| panic!("{p:?}"));
    let report = error_catalogue_build::check_str("errors.toml", &import.toml);
    assert!(
        report.diagnostics.is_empty(),
        "{}\n{}",
        report.render(false),
        import.toml
    );
    let warnings = import.warnings.iter().map(ToString::to_string).collect();
    (import.toml, warnings, report.catalogue.unwrap())
}

fn text(s: &str) -> CodeValue {
    CodeValue::Text(s.to_string())
}

const SPEC: &str = r##"{"openapi": "3.0.2", "info": {"title": "Files", "version": "1"},
"paths": {
  "/files": {"post": {"operationId": "upload", "responses": {
    "400": {"description": "Bad request.\n* `bad_request` when a parameter is missing.\n* `item_name_invalid` when the name contains\n  non-valid characters.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ClientError"}}}},
    "409": {"description": "Conflict.\n\n* `item_name_in_use` when a file with the same name already\nexists.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConflictError"}}}},
    "default": {"description": "An unexpected error.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ClientError"}}}}}}},
  "/folders": {"post": {"operationId": "createFolder", "responses": {
    "404": {"description": "Not found.\n* `bad_request` when the parent is not a folder.\n* `Users can not be NULL` is a message, not a code.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ClientError"}}}},
    "409": {"$ref": "#/components/responses/Conflict"}}}}
},
"components": {
  "responses": {"Conflict": {"description": "Conflict.\n* `item_name_in_use` when a folder with that name exists.",
     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConflictError"}}}}},
  "schemas": {
    "ClientError": {"type": "object", "properties": {
      "code": {"type": "string", "enum": ["bad_request", "not_found", "item_name_invalid", null]}}},
    "ConflictError": {"allOf": [{"$ref": "#/components/schemas/Base"},
      {"properties": {"code": {"$ref": "#/components/schemas/ConflictCode"}}}]},
    "Base": {"properties": {"message": {"type": "string"}}},
    "ConflictCode": {"type": "string", "enum": ["item_name_in_use", "locked"]}
  }
}}"##;

/// Box's shapes: an enum through `$ref`s and `allOf`, bullets (wrapped,
/// lazily continued), a status only when one status documents a code.
#[test]
fn enums_and_bulleted_codes_become_the_registry_and_the_rows_codes() {
    let (toml, warnings, catalogue) = imported(SPEC);
    assert!(warnings.is_empty(), "{warnings:?}");
    let codes: Vec<(String, Option<u16>, &str, Option<&str>)> = catalogue
        .codes
        .iter()
        .map(|c| {
            (
                c.code.to_string(),
                c.status,
                c.meaning.as_str(),
                c.description.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            // ClientError is under 400, 404 and `default`: any status.
            (
                "bad_request".into(),
                None,
                "Bad request",
                Some("`bad_request` when a parameter is missing.")
            ),
            ("not_found".into(), None, "Not found", None),
            (
                "item_name_invalid".into(),
                None,
                "Item name invalid",
                Some("`item_name_invalid` when the name contains non-valid characters.")
            ),
            // ConflictError is under 409 alone.
            (
                "item_name_in_use".into(),
                Some(409),
                "Item name in use",
                Some("`item_name_in_use` when a file with the same name already exists.")
            ),
            ("locked".into(), Some(409), "Locked", None),
        ]
    );
    let rows = |name: &str| -> Vec<(u16, Vec<CodeValue>)> {
        let e = catalogue.endpoints.iter().find(|e| e.name == name).unwrap();
        e.entries
            .iter()
            .map(|r| (r.status, r.codes.clone()))
            .collect()
    };
    assert_eq!(
        rows("Upload"),
        [
            (400, vec![text("bad_request"), text("item_name_invalid")]),
            (409, vec![text("item_name_in_use")]),
        ]
    );
    assert_eq!(
        rows("Create Folder"),
        [
            (404, vec![text("bad_request")]),
            (409, vec![text("item_name_in_use")]),
        ]
    );
    // The enum's values no description lists are allowed unlisted.
    assert!(
        toml.contains(
            "code = \"not_found\"\nmeaning = \"Not found\"\nallow = [\"unlisted-code\"]\n"
        ),
        "{toml}"
    );
    assert!(
        toml.contains("# - The values of the `code` enum of `#/components/schemas/ClientError`,\n#   `#/components/schemas/ConflictError` are [[codes]]"),
        "{toml}"
    );
    assert!(
        toml.contains("# - 3 codes a response's description lists as bullets"),
        "{toml}"
    );
    // Deterministic.
    assert_eq!(openapi("spec.json", SPEC).unwrap().toml, toml);
}

/// A code the catalogue cannot hold costs only itself: one of the other
/// kind than the first, or one whose identifier an earlier code makes, is
/// left out with a located warning, and from the rows that list it.
#[test]
fn codes_the_catalogue_cannot_hold_are_left_out_with_a_warning() {
    let spec = r##"{"openapi": "3.0.0", "info": {"title": "X", "version": "1"}, "paths": {
  "/a": {"get": {"responses": {
    "400": {"description": "Bad.\n* `item-name` first\n* `item_name` same identifier\n* `ok` fine\n* `...` dots",
            "content": {"application/json": {"schema": {"properties": {"code": {"enum": [40001, "text"]}}}}}}}}}}}"##;
    let import = openapi("spec.json", spec).unwrap();
    let warnings: Vec<String> = import.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "4:97: code \"text\" is text, but the catalogue's first code (\"40001\") is an integer, and a catalogue's codes are one kind (E0024): left out",
            "3:28: code \"item-name\" is text, but the catalogue's first code (\"40001\") is an integer, and a catalogue's codes are one kind (E0024): left out",
            "3:28: code \"item_name\" is text, but the catalogue's first code (\"40001\") is an integer, and a catalogue's codes are one kind (E0024): left out",
            "3:28: code \"ok\" is text, but the catalogue's first code (\"40001\") is an integer, and a catalogue's codes are one kind (E0024): left out",
            "3:28: code \"...\" is text, but the catalogue's first code (\"40001\") is an integer, and a catalogue's codes are one kind (E0024): left out",
        ]
    );
    let report = error_catalogue_build::check_str("errors.toml", &import.toml);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    let spec = spec.replace("[40001, \"text\"]", "[\"text\"]");
    let (toml, warnings, catalogue) = imported(&spec);
    assert_eq!(
        warnings,
        [
            "3:28: code \"item_name\" makes the identifier `ItemName`, as \"item-name\" does: left out",
            "3:28: code \"...\" makes no identifier: it has no ASCII letter or digit: left out",
        ]
    );
    let listed: Vec<String> = catalogue.endpoints[0].entries[0]
        .codes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(listed, ["item-name", "ok"], "{toml}");
}

/// Box's real description: `ClientError.code` and the codes its responses
/// bullet as `[[codes]]`, the upload operations' own servers as a base
/// path; checked clean (no warning), and real request lines of Box routed
/// and explained.
#[test]
fn box_uploads_codes_and_servers() {
    let (text, catalogue, stderr) = import_fixture("box-platform-2024.0-uploads.json");
    assert!(
        stderr.contains("errors.toml: 9 endpoints, 27 entries, 32 codes from OpenAPI 3.0.2 "),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("box-platform-2024.0-uploads.json (2 operations without a 4xx or 5xx response left out)\n"),
        "{stderr}"
    );
    // GET /authorize, left out, adds no base path of its own ("/api/oauth2").
    assert_eq!(catalogue.base_paths, ["/2.0", "", "/api/2.0"]);
    assert!(
        text.contains("# - Operations served under servers of their own add those servers' paths to [api] base_paths: \"\"\n#   (POST /oauth2/token), \"/api/2.0\" (POST /files/{file_id}/content and 4 more)."),
        "{text}"
    );
    // ClientError's enum, in its order, then the codes only bullets name.
    let codes: Vec<String> = catalogue.codes.iter().map(|c| c.code.to_string()).collect();
    assert_eq!(codes.len(), 32, "{codes:?}");
    assert_eq!(codes[..3], ["created", "accepted", "no_content"]);
    assert_eq!(codes[16], "insufficient_scope");
    let code = |c: &str| {
        catalogue
            .codes
            .iter()
            .find(|x| x.code.to_string() == c)
            .unwrap()
    };
    // In ClientError, which `default` and many statuses carry: any status.
    assert_eq!(code("item_name_invalid").status, None);
    // Bulleted under 409 alone, by two operations.
    let in_use = code("item_name_in_use");
    assert_eq!(
        (in_use.status, in_use.meaning.as_str()),
        (Some(409), "Item name in use")
    );
    assert_eq!(
        in_use.description.as_deref(),
        Some("`item_name_in_use` when a folder with the same name already exists.")
    );
    let rows = |path: &str, status: u16| -> Vec<String> {
        let e = catalogue.endpoints.iter().find(|e| e.path == path).unwrap();
        let row = e.entries.iter().find(|r| r.status == status).unwrap();
        row.codes.iter().map(ToString::to_string).collect()
    };
    assert_eq!(
        rows("/files/upload_sessions", 400),
        [
            "missing_destination",
            "invalid_folder_id",
            "item_name_invalid",
            "missing_file_size",
            "invalid_file_size",
            "file_size_too_small",
            "missing_file_name"
        ]
    );
    assert_eq!(
        rows("/zip_downloads/{zip_download_id}/content", 429),
        [
            "user_too_many_concurrent_downloads",
            "enterprise_too_many_concurrent_downloads"
        ]
    );

    let dir = scratch("box-uploads-routes");
    let file = dir.join("errors.toml");
    std::fs::write(&file, &text).unwrap();
    for (request, status, endpoint) in [
        (
            "POST https://upload.box.com/api/2.0/files/content",
            "409",
            "post-files-content",
        ),
        (
            "POST https://upload.box.com/api/2.0/files/12345/content",
            "412",
            "post-files-id-content",
        ),
        (
            "PUT https://upload.box.com/api/2.0/files/upload_sessions/F971964745A5CD0C001BBE4E58196BFD",
            "416",
            "put-files-upload-sessions-id",
        ),
        (
            "POST https://api.box.com/oauth2/token",
            "400",
            "post-oauth2-token",
        ),
        (
            "DELETE https://api.box.com/2.0/folders/12345",
            "400",
            "delete-folders-id",
        ),
        ("POST /2.0/folders/0/copy", "409", "post-folders-id-copy"),
        (
            "GET https://dl.boxcloud.com/2.0/zip_downloads/Lu6fA9Ob-jyysp3AAvMF4AkLEwZwAYbL=tgj2zIXKAaXBLvY/content",
            "429",
            "get-zip-downloads-id-content",
        ),
    ] {
        assert_eq!(
            lookup(&file, request, status)["endpoint"],
            endpoint,
            "{request}"
        );
    }
    // A body with Box's code explains the response by that code.
    std::fs::write(
        dir.join("body.json"),
        r#"{"type": "error", "status": 409, "code": "item_name_in_use", "message": "Item with the same name already exists"}"#,
    )
    .unwrap();
    let out = errcat()
        .arg("-c")
        .arg(&file)
        .args([
            "explain",
            "POST",
            "https://api.box.com/2.0/folders/0/copy",
            "409",
            "--body",
        ])
        .arg(dir.join("body.json"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let explained: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(explained["code"], "item_name_in_use");
    assert_eq!(explained["code_documented"], true);
    assert_eq!(explained["entry"]["anchor"], "code-item-name-in-use");
}

/// An operation's own servers (or its path item's) add their paths as base
/// paths; a server of the root's path adds nothing, whatever its host; a
/// path the catalogue cannot take is a warning, and the operation routes
/// under the root's base paths.
#[test]
fn own_servers_become_base_paths_or_a_warning() {
    let spec = r##"{"openapi": "3.1.0", "info": {"title": "X", "version": "1"},
"servers": [{"url": "https://api.example.com/v1"}],
"paths": {
  "/a": {"get": {"servers": [{"url": "https://{region}.example.com/v1", "variables": {"region": {"default": "eu"}}}],
                 "responses": {"404": {"description": "No a."}}}},
  "/b": {"servers": [{"url": "https://files.example.com/files/v2"}],
         "get": {"responses": {"404": {"description": "No b."}}}},
  "/c": {"get": {"servers": [{"url": "https://x.example.com/c//d"}], "responses": {"404": {"description": "No c."}}}},
  "/d": {"get": {"servers": [{"url": "https://x.example.com/files/v2/"}], "responses": {"410": {"description": "Gone."}}}}
}}"##;
    let (toml, warnings, catalogue) = imported(spec);
    assert_eq!(catalogue.base_paths, ["/v1", "/files/v2"]);
    assert_eq!(
        warnings,
        [
            "8:30: GET /c: its server's path \"/c//d\" has an empty segment, so the catalogue cannot route requests under it: imported under the root's base paths"
        ]
    );
    assert!(toml.contains("\"/files/v2\" (GET /b and 1 more)"), "{toml}");
    // With no root servers, the root is "": it stays a base path.
    let spec = spec.replace(r#""servers": [{"url": "https://api.example.com/v1"}],"#, "");
    let (_, _, catalogue) = imported(&spec);
    assert_eq!(catalogue.base_paths, ["", "/v1", "/files/v2"]);
}

/// Operations joined for differing only by a `#fragment` list the codes
/// both bullet under one status once each, in the spec's order.
#[test]
fn joined_fragments_list_the_codes_of_both() {
    let spec = r##"{"openapi": "3.0.2", "info": {"title": "X", "version": "1"}, "paths": {
  "/files/{id}#add_link": {"put": {"operationId": "put_files_id#add_link", "responses": {
    "400": {"description": "Bad.\n* `bad_request` when a field is wrong.\n* `link_exists` when it has one."}}}},
  "/files/{id}#remove_link": {"put": {"operationId": "put_files_id#remove_link", "responses": {
    "400": {"description": "Bad.\n* `bad_request` when a field is wrong.\n* `no_link` when it has none."}}}}
}}"##;
    let (_, warnings, catalogue) = imported(spec);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    let e = &catalogue.endpoints[0];
    assert_eq!(e.path, "/files/{id}");
    let listed: Vec<String> = e.entries[0].codes.iter().map(ToString::to_string).collect();
    assert_eq!(listed, ["bad_request", "link_exists", "no_link"]);
    let statuses: Vec<Option<u16>> = catalogue.codes.iter().map(|c| c.status).collect();
    assert_eq!(statuses, [Some(400); 3]);
}
