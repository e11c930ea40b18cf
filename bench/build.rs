//! Generates the catalogues `benches/codes.rs` looks codes up in: synthetic
//! registries of application codes, Stripe's size (170 codes) and Twilio's
//! (2,000), and 2,000 integer codes as Twilio's and Ably's are, written to
//! `OUT_DIR` and built as any crate builds its own
//! (`include_catalogue!("codes_170")`); and the API of segments with text
//! beside parameters `benches/route.rs` routes in (`mixed_routes`).
//!
//! String codes read as real ones do: a snake-case phrase and a number that
//! makes each unique (`card_declined_17`), 10 to 30 bytes; integer codes have
//! five digits (`40140`). All come under the 4xx and 5xx statuses APIs send
//! them with.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Registries: Stripe's size (about 170), Twilio's (about 1,950), and
/// Twilio's again with integer codes; (name, codes, integer).
const REGISTRIES: [(&str, usize, bool); 3] = [
    ("codes_170", 170, false),
    ("codes_2000", 2_000, false),
    ("codes_int_2000", 2_000, true),
];

const PHRASES: [&str; 12] = [
    "card_declined",
    "expired_card",
    "insufficient_funds",
    "rate_limit",
    "channel_not_found",
    "invalid_request",
    "account_invalid",
    "token_expired",
    "resource_missing",
    "idempotency_error",
    "parameter_unknown",
    "api_key_expired",
];
const STATUSES: [u16; 6] = [400, 401, 402, 404, 429, 500];

/// The errors.toml of a registry of `n` codes, integers or strings.
fn catalogue(n: usize, integer: bool) -> String {
    let mut out = String::from(
        "[page]\nid = \"errors\"\ntitle = \"Errors\"\nslug = \"/errors/\"\n\
         docs_base_url = \"https://example.com/docs\"\n\n[general]\ntitle = \"General\"\n",
    );
    for i in 0..n {
        let phrase = PHRASES[i % PHRASES.len()];
        let status = STATUSES[i % STATUSES.len()];
        // Five digits, spread as registries number them (not consecutive).
        let code = match integer {
            true => format!("{}", 10_000 + i * 37),
            false => format!("\"{phrase}_{i}\""),
        };
        let _ = write!(
            out,
            "\n[[codes]]\ncode = {code}\nstatus = {status}\nmeaning = \"{phrase} ({i})\"\n\
             description = \"Synthetic code {i}.\"\n"
        );
    }
    out
}

/// Templates with text before a parameter in a segment, the form matchit
/// 0.8.4 (the lockfile's) also takes, beside plain ones; the bench compares
/// the two on them. (A text after a parameter, `{name}:cancel`, and two
/// parameters in a segment, `{id}.{format}`, matchit 0.8.4 refuses.)
pub const MIXED_ROUTES: [(&str, &str); 19] = [
    ("GET", "/api/v{major}/users"),
    ("POST", "/api/v{major}/users"),
    ("GET", "/api/v{major}/users/{user_id}"),
    ("DELETE", "/api/v{major}/users/{user_id}"),
    ("GET", "/api/v{major}/users/{user_id}/avatar.{extension}"),
    ("GET", "/api/v{major}/orders"),
    ("GET", "/api/v{major}/orders/{order_id}"),
    ("GET", "/api/v{major}/orders/{order_id}/invoice-{number}"),
    ("GET", "/files/{file_id}"),
    ("PATCH", "/files/{file_id}"),
    ("GET", "/files/{file_id}/thumbnail.{extension}"),
    ("GET", "/files/{file_id}/versions/v{version}"),
    ("GET", "/files/{file_id}/content"),
    ("GET", "/repos/{owner}/{repo}/releases/tag-{tag}"),
    ("GET", "/repos/{owner}/{repo}/issues/{number}"),
    ("GET", "/repos/{owner}/{repo}/pulls/pr-{number}"),
    ("GET", "/images/img-{id}"),
    ("GET", "/image-meta/{id}"),
    ("GET", "/search"),
];

/// The errors.toml of [`MIXED_ROUTES`].
fn mixed_routes() -> String {
    let mut out = String::from(
        "[page]\nid = \"errors\"\ntitle = \"Errors\"\nslug = \"/errors/\"\n\
         docs_base_url = \"https://example.com/docs\"\n\n[general]\ntitle = \"General\"\n",
    );
    for (i, (method, path)) in MIXED_ROUTES.iter().enumerate() {
        let _ = write!(
            out,
            "\n[[endpoints]]\nname = \"Route {i}\"\nmethod = \"{method}\"\npath = \"{path}\"\n"
        );
    }
    out
}

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, n, integer) in REGISTRIES {
        let file = out.join(format!("{name}.toml"));
        std::fs::write(&file, catalogue(n, integer)).expect("OUT_DIR is writable");
        error_catalogue_build::Builder::new()
            .file(file)
            .name(name)
            // Looked up, never named: no constants to compile.
            .entry_consts(false)
            .run_build_script();
    }
    let file = out.join("mixed_routes.toml");
    std::fs::write(&file, mixed_routes()).expect("OUT_DIR is writable");
    error_catalogue_build::Builder::new()
        .file(file)
        .name("mixed_routes")
        // Routed only: no constants or typed errors to compile.
        .entry_consts(false)
        .typed_errors(false)
        .run_build_script();
    println!("cargo::rerun-if-changed=build.rs");
}
