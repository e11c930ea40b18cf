//! The OpenAPI 3.1 document: each endpoint's operation with its error
//! responses, the general statuses under `components/responses` (referenced
//! by every operation that does not list the status itself), the page's
//! error body (`{"message": ...}`) and RFC 9457 problem details as schemas,
//! and links to the page's anchors.
//!
//! What OpenAPI has no field for travels in three extensions, which
//! `errcat import openapi` reads back to give the catalogue again:
//! `x-catalogue` on the document (`page`: errors.toml's `[page]`; `general`:
//! the general table's `title`, `slug` and `responses`, the names of its rows
//! under `components/responses` in page order; when the catalogue has
//! application codes, `codes`, each as `[[codes]]` has it (`code` as sent, a
//! JSON number for integer codes; `status` absent for any status), and
//! `code_pointers`), `x-endpoint` on each operation (`name`, `slug`,
//! `order`: the endpoint's place on the page) and `x-entry` on each
//! response made from an entry (`status`, `meaning`, `description`,
//! `resolution`, `retryable`, `example` with `body`, `caption`, `lang`,
//! `codes` (the codes the row lists), each as errors.toml has it, and
//! `order`: the row's place in its table). A row's response description
//! links each code it lists to the code's row on the page. A template's `{*name}`, which OpenAPI cannot say, is `{name}` in
//! the path and the template as written in `x-endpoint.path`; base paths
//! are `servers`, each parameter a variable.

use std::borrow::Cow;
use std::marker::PhantomData;

use error_catalogue_records::template::{self, Segment};
use serde_json::{Map, Value, json};

use super::escape::{self, Place, Target};
use super::{inline_markup, plain_text};
use crate::engine::{Catalogue, CatalogueEndpoint, Entry};
use crate::ser::{Code, Codes};

/// The document as a JSON value.
pub fn document<E: CatalogueEndpoint>(c: Catalogue<E>) -> Value {
    let page = c.page();
    let mut paths = Map::new();
    for (order, &endpoint) in c.endpoints().iter().enumerate() {
        let method = endpoint.method().as_str().to_ascii_lowercase();
        // `/a/{x}` and `/a/{*x}` of one method are two operations: the
        // second keeps its template as the path.
        let mut path = openapi_path(endpoint.path());
        if paths
            .get(&path)
            .is_some_and(|item| item.get(&method).is_some())
        {
            path = endpoint.path().to_string();
        }
        let item = paths
            .entry(path)
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(item) = item {
            item.insert(method, operation(c, endpoint, order));
        }
    }
    let general: Map<String, Value> = c
        .general()
        .iter()
        .enumerate()
        .map(|(order, e)| (e.anchor().to_string(), response(e, order)))
        .collect();
    let general_names: Vec<&str> = c.general().iter().map(|e| e.anchor()).collect();
    let mut x_page = json!({
        "id": page.id(),
        "sidebar_label": page.sidebar_label(),
        "slug": page.slug(),
        "docs_base_url": page.docs_base_url(),
        "imports": page.imports(),
        "intro": page.intro(),
    });
    if let Some(support) = page.support() {
        x_page["support"] = json!({ "notice": support.notice(), "email": support.email() });
    }
    let servers: Vec<Value> = c.base_paths().iter().map(|&base| server(base)).collect();
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": page.title(),
            "version": env!("CARGO_PKG_VERSION"),
            "description": format!(
                "The error responses documented on [{}]({}), generated from the error catalogue.",
                inline_markup(page.title(), Target::Markdown, Place::Cell),
                page.url()
            ),
        },
        "externalDocs": { "url": page.url() },
        "x-catalogue": {
            "page": x_page,
            "general": {
                "title": page.general_title(),
                "slug": page.general_slug(),
                "responses": general_names,
            },
        },
        "paths": paths,
        "components": {
            "schemas": {
                "Error": {
                    "description": "The error body the documentation shows: `{\"message\": ...}`.",
                    "type": "object",
                    "required": ["message"],
                    "properties": { "message": { "type": "string" } },
                },
                "Problem": {
                    "description": "RFC 9457 problem details; `type` links to the entry on the documentation page.",
                    "type": "object",
                    "required": ["type", "title", "status"],
                    "properties": {
                        "type": { "type": "string", "format": "uri" },
                        "title": { "type": "string" },
                        "status": { "type": "integer", "minimum": 100, "maximum": 599 },
                        "detail": { "type": "string" },
                        "instance": { "type": "string" },
                    },
                },
            },
            "responses": general,
        },
    });
    if !servers.is_empty() {
        doc["servers"] = Value::Array(servers);
    }
    if !c.codes().is_empty() {
        let codes: Vec<Value> = c.codes().iter().map(app_code).collect();
        doc["x-catalogue"]["codes"] = Value::Array(codes);
        doc["x-catalogue"]["code_pointers"] = json!(c.code_pointers());
    }
    doc
}

/// An application code's entry as `x-catalogue.codes` holds it: the keys of
/// `[[codes]]`, each as errors.toml has it.
fn app_code<E: CatalogueEndpoint>(e: &Entry<E>) -> Value {
    let mut code = json!({
        "code": Code(e.app_code().unwrap_or_default(), PhantomData::<E>),
    });
    if let Some(status) = e.documented_status() {
        code["status"] = json!(status.as_u16());
    }
    code["meaning"] = json!(e.meaning());
    texts(&mut code, e);
    code
}

/// The optional keys an entry and a code share: description, resolution,
/// retryable, deprecated, example.
fn texts<E: CatalogueEndpoint>(out: &mut Value, e: &Entry<E>) {
    if let Some(d) = e.description() {
        out["description"] = json!(d);
    }
    if let Some(r) = e.resolution() {
        out["resolution"] = json!(r);
    }
    out["retryable"] = json!(e.retryable());
    if let Some(note) = e.deprecated() {
        out["deprecated"] = json!(note);
    }
    if let Some(x) = e.example() {
        out["example"] = json!({ "body": x.body(), "lang": x.lang() });
        if let Some(caption) = x.caption() {
            out["example"]["caption"] = json!(caption);
        }
    }
}

/// A template as an OpenAPI path: `{*name}` is `{name}`.
fn openapi_path(template: &str) -> String {
    let segments: Vec<Cow<'_, str>> = template
        .split('/')
        .map(|text| match template::segment(text) {
            Ok(Segment::CatchAll(name)) => Cow::Owned(format!("{{{name}}}")),
            _ => Cow::Borrowed(text),
        })
        .collect();
    segments.join("/")
}

/// A base path as a server: relative to the document, `/` for none, each
/// parameter a variable whose default is its name.
fn server(base: &str) -> Value {
    let variables: Map<String, Value> = template::params(base)
        .map(|name| (name.to_string(), json!({ "default": name })))
        .collect();
    let url = if base.is_empty() { "/" } else { base };
    let mut server = json!({ "url": url });
    if !variables.is_empty() {
        server["variables"] = Value::Object(variables);
    }
    server
}

fn operation<E: CatalogueEndpoint>(c: Catalogue<E>, endpoint: E, order: usize) -> Value {
    let mut responses = Map::new();
    for (row, e) in endpoint.entries().iter().enumerate() {
        responses.insert(e.code().to_string(), response(e, row));
    }
    for e in c.general() {
        responses
            .entry(e.code().to_string())
            .or_insert_with(|| json!({ "$ref": format!("#/components/responses/{}", e.anchor()) }));
    }
    if responses.is_empty() {
        responses.insert(
            "default".to_string(),
            json!({ "description": "No documented responses." }),
        );
    }
    // Validation admits no name twice. A mixed segment's parameters are
    // OpenAPI's as written (`thumbnail.{extension}`).
    let parameters: Vec<Value> = template::segments(endpoint.path())
        .filter_map(Result::ok)
        .flat_map(|s| {
            let multi = matches!(s, Segment::CatchAll(_));
            s.names().map(move |name| match multi {
                true => json!({
                    "name": name,
                    "in": "path",
                    "required": true,
                    "description": "One or more path segments, `/` kept.",
                    "schema": { "type": "string" },
                }),
                false => json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }),
            })
        })
        .collect();
    let mut op = json!({
        "operationId": endpoint.slug(),
        "summary": endpoint.name(),
        "externalDocs": { "url": c.page().anchor_url(endpoint.slug()) },
        "x-endpoint": { "name": endpoint.name(), "slug": endpoint.slug(), "order": order },
        "responses": responses,
    });
    let multi = |s: Result<Segment<'_>, _>| matches!(s, Ok(Segment::CatchAll(_)));
    if template::segments(endpoint.path()).any(multi) {
        op["x-endpoint"]["path"] = json!(endpoint.path());
    }
    if !parameters.is_empty() {
        op["parameters"] = Value::Array(parameters);
    }
    if let Some(note) = endpoint.deprecated() {
        op["deprecated"] = json!(true);
        op["description"] = json!(format!(
            "Deprecated: {}",
            inline_markup(note, Target::Markdown, Place::Paragraph)
        ));
        op["x-endpoint"]["deprecated"] = json!(note);
    }
    op
}

/// One entry as a response: a CommonMark description (meaning, description,
/// resolution, a link to its row); for 4xx and 5xx, example bodies; the
/// entry itself as `x-entry`, `order` its row's place in its table.
fn response<E: CatalogueEndpoint>(e: &Entry<E>, order: usize) -> Value {
    let md = |s: &str| inline_markup(s, Target::Markdown, Place::Paragraph);
    let mut description = md(e.meaning());
    if let Some(d) = e.description() {
        description.push_str(" -- ");
        description.push_str(&inline_markup(d, Target::Markdown, Place::Cell));
    }
    if let Some(r) = e.resolution() {
        description.push_str("\n\nResolution: ");
        description.push_str(&inline_markup(r, Target::Markdown, Place::Cell));
    }
    if let Some(note) = e.deprecated() {
        description.push_str("\n\nDeprecated: ");
        description.push_str(&inline_markup(note, Target::Markdown, Place::Cell));
    }
    let codes = e.listed_codes();
    if !codes.is_empty() {
        description.push_str("\n\nCodes: ");
        for (i, &code) in codes.iter().enumerate() {
            if i > 0 {
                description.push_str(", ");
            }
            let mut link = String::new();
            let anchor = E::lookup_code(code).map(|x| x.anchor());
            escape::code_link(&mut link, code, None, Target::Markdown);
            match anchor {
                Some(anchor) => description.push_str(&format!(
                    "[{link}]({})",
                    E::tables().page.anchor_url(anchor)
                )),
                None => description.push_str(&link),
            }
        }
    }
    let url = e.url();
    description.push_str(&format!("\n\n[Documentation]({url})"));
    let mut entry = json!({
        "status": e.code(),
        "meaning": e.meaning(),
    });
    texts(&mut entry, e);
    if !codes.is_empty() {
        entry["codes"] = json!(Codes(codes, PhantomData::<E>));
    }
    entry["order"] = json!(order);
    let mut response = json!({ "description": description, "x-docs-url": url, "x-entry": entry });
    if e.code() >= 400 {
        let detail = e
            .description()
            .map_or_else(|| plain_text(e.meaning()), plain_text);
        let body = e
            .example()
            .and_then(|x| serde_json::from_str::<Value>(x.body()).ok())
            .unwrap_or_else(|| json!({ "message": detail }));
        response["content"] = json!({
            "application/json": {
                "schema": { "$ref": "#/components/schemas/Error" },
                "example": body,
            },
            "application/problem+json": {
                "schema": { "$ref": "#/components/schemas/Problem" },
                "example": {
                    "type": url,
                    "title": plain_text(e.meaning()),
                    "status": e.code(),
                    "detail": detail,
                },
            },
        });
    }
    response
}
