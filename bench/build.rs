//! Generates the catalogues `benches/codes.rs` looks codes up in: synthetic
//! registries of application codes, Stripe's size (170 codes) and Twilio's
//! (2,000), written to `OUT_DIR` and built as any crate builds its own
//! (`include_catalogue!("codes_170")`).
//!
//! Codes read as real ones do: a snake-case phrase and a number that makes
//! each unique (`card_declined_17`), 10 to 30 bytes, under the 4xx and 5xx
//! statuses APIs send them with.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Registry sizes: Stripe's (about 170) and Twilio's (about 1,950).
const SIZES: [usize; 2] = [170, 2_000];

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

/// The errors.toml of a registry of `n` codes.
fn catalogue(n: usize) -> String {
    let mut out = String::from(
        "[page]\nid = \"errors\"\ntitle = \"Errors\"\nslug = \"/errors/\"\n\
         docs_base_url = \"https://example.com/docs\"\n\n[general]\ntitle = \"General\"\n",
    );
    for i in 0..n {
        let phrase = PHRASES[i % PHRASES.len()];
        let status = STATUSES[i % STATUSES.len()];
        let _ = write!(
            out,
            "\n[[codes]]\ncode = \"{phrase}_{i}\"\nstatus = {status}\nmeaning = \"{phrase} ({i})\"\n\
             description = \"Synthetic code {i}.\"\n"
        );
    }
    out
}

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for n in SIZES {
        let file = out.join(format!("codes_{n}.toml"));
        std::fs::write(&file, catalogue(n)).expect("OUT_DIR is writable");
        error_catalogue_build::Builder::new()
            .file(file)
            .name(format!("codes_{n}"))
            // Looked up, never named: no constants to compile.
            .entry_consts(false)
            .run_build_script();
    }
    println!("cargo::rerun-if-changed=build.rs");
}
