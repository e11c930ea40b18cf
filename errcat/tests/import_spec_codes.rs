//! `errcat import openapi` on the application codes a spec made by hand
//! documents: a schema's `code` enum and a description's bulleted code
//! spans become `[[codes]]` and the rows' `codes`, checked clean.

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
    "400": {"description": "Bad.\n* `item-name` first\n* `item_name` same identifier\n* `ok` fine",
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
        ]
    );
    let report = error_catalogue_build::check_str("errors.toml", &import.toml);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    let spec = spec.replace("[40001, \"text\"]", "[\"text\"]");
    let (toml, warnings, catalogue) = imported(&spec);
    assert_eq!(
        warnings,
        [
            "3:28: code \"item_name\" makes the identifier `ItemName`, as \"item-name\" does: left out"
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
/// bullet, imported, checked clean, and looked up.
#[test]
fn box_client_error_codes() {
    let (text, catalogue, _) = import_fixture("box-platform-2024.0-uploads.json");
    assert!(
        text.contains("[[codes]]\ncode = \"item_name_invalid\"\n"),
        "{text}"
    );
    assert!(!catalogue.codes.is_empty());
}
