//! The JSON and OpenAPI renderers: the JSON validates against
//! schema/catalogue.schema.json (and the schema rejects what it should), and
//! the OpenAPI document has every endpoint, status, parameter and link.
#![cfg(all(feature = "render", feature = "serde"))]

use error_catalogue::render;
use error_catalogue::{Endpoint, entries};
use serde_json::{Value, json};

const SCHEMA: &str = include_str!("../schema/catalogue.schema.json");

fn value(f: fn(&mut Vec<u8>) -> std::io::Result<()>) -> Value {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

#[test]
fn json_validates_against_the_schema() {
    let json = value(render::json);
    let v = validator();
    let errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        json,
        serde_json::to_value(error_catalogue::Catalogue).unwrap()
    );
}

#[test]
fn the_schema_rejects_what_the_catalogue_never_holds() {
    let v = validator();
    let good = value(render::json);
    type Mutation = (&'static str, fn(&mut Value));
    let mutations: [Mutation; 6] = [
        ("status out of range", |j| {
            j["general"]["entries"][0]["status"] = json!(99)
        }),
        ("unknown key", |j| j["page"]["extra"] = json!(1)),
        ("missing meaning", |j| {
            j["endpoints"][0]["entries"][0]
                .as_object_mut()
                .unwrap()
                .remove("meaning");
        }),
        ("bad method", |j| {
            j["endpoints"][0]["method"] = json!("FETCH")
        }),
        ("general entry with endpoint", |j| {
            j["general"]["entries"][0]["endpoint"] = json!("create-trackers")
        }),
        ("bad anchor", |j| {
            j["endpoints"][1]["entries"][0]["anchor"] = json!("Create Trackers#409")
        }),
    ];
    for (what, mutate) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert!(!v.is_valid(&bad), "{what} passed the schema");
    }
}

#[test]
fn openapi_has_every_operation_status_and_parameter() {
    let doc = value(render::openapi);
    assert_eq!(doc["openapi"], "3.1.0");
    for ep in Endpoint::ALL {
        let op = &doc["paths"][ep.path()][ep.method().as_str().to_ascii_lowercase()];
        assert_eq!(op["operationId"], ep.slug());
        assert_eq!(
            op["externalDocs"]["url"],
            format!(
                "https://docs.symbl.ai/docs/developer-tools/errors/#{}",
                ep.slug()
            )
        );
        for e in ep.entries() {
            let r = &op["responses"][e.code().to_string()];
            assert!(
                r["description"]
                    .as_str()
                    .unwrap()
                    .contains(&e.plain_meaning()[..3])
            );
            assert_eq!(
                r["x-docs-url"],
                format!(
                    "https://docs.symbl.ai/docs/developer-tools/errors/#{}",
                    e.anchor()
                )
            );
            assert_eq!(
                r["content"]["application/problem+json"]["example"]["type"],
                r["x-docs-url"]
            );
        }
        for g in error_catalogue::general() {
            if ep.entries().iter().all(|e| e.code() != g.code()) {
                assert_eq!(
                    op["responses"][g.code().to_string()]["$ref"],
                    format!("#/components/responses/{}", g.anchor())
                );
            }
        }
    }
    let get = &doc["paths"]["/v1/manage/tracker/{trackerId}"]["get"];
    assert_eq!(
        get["parameters"],
        json!([{ "name": "trackerId", "in": "path", "required": true, "schema": { "type": "string" } }])
    );
    assert!(
        doc["paths"]["/v1/manage/trackers"]["post"]
            .get("parameters")
            .is_none()
    );
    let responses = doc["components"]["responses"].as_object().unwrap();
    assert_eq!(responses.len(), error_catalogue::general().len());
    // The page's example body is the 401's example; others say what the row says.
    assert_eq!(
        responses["http-codes-401"]["content"]["application/json"]["example"],
        json!({ "message": "Token validation failed for provided token." })
    );
    assert_eq!(
        responses["http-codes-404"]["content"]["application/json"]["example"],
        json!({ "message": "The specified resource does not exist." })
    );
    assert!(responses["http-codes-200"].get("content").is_none());
    assert_eq!(entries().len(), 18);
}

#[test]
fn openapi_yaml_is_the_same_document() {
    let mut yaml = Vec::new();
    render::openapi_yaml(&mut yaml).unwrap();
    let yaml = String::from_utf8(yaml).unwrap();
    assert!(yaml.starts_with("\"components\":\n"));
    assert!(yaml.contains("\n\"openapi\": \"3.1.0\"\n"));
    assert!(yaml.contains("\n  \"/v1/manage/tracker/{trackerId}\":\n"));
}

/// Docker's catalogue (base paths, `{*name}` templates) validates too, and
/// carries its base paths; the shipped one, which declares none, has no key.
#[test]
fn a_catalogue_with_base_paths_validates_and_carries_them() {
    let json = serde_json::to_value(docker_engine_errors::docker::Catalogue).unwrap();
    let errors: Vec<String> = validator()
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(json["base_paths"], json!(["", "/{version}"]));
    let shipped = serde_json::to_value(error_catalogue::Catalogue).unwrap();
    assert!(shipped.get("base_paths").is_none());
    let mut bad = json.clone();
    bad["base_paths"] = json!(["/v1/"]);
    assert!(
        !validator().is_valid(&bad),
        "a trailing slash passed the schema"
    );
}
