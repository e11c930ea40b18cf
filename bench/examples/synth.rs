//! Writes a synthetic catalogue of N entries for the scale study
//! (`scripts/scale.sh`): a 10-row general table and endpoints of 10 rows
//! each, with distinct path templates (each has its own literal segment, so
//! no two share a method and shape), reason-phrase meanings, descriptions of
//! 100–200 bytes, one in ten with a code span, and resolutions drawn from a
//! pool of 24, as real pages repeat them.
//!
//! `cargo run -p error-catalogue-bench --example synth -- N [OUT]` (stdout
//! without OUT). With `--time-codegen` it also reports how long validation,
//! token generation and prettyplease take on it, on stderr.

use std::fmt::Write as _;
use std::time::Instant;

const GENERAL: [u16; 10] = [200, 201, 400, 401, 403, 404, 405, 429, 500, 503];
const STATUSES: [u16; 38] = [
    400, 401, 402, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422,
    423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
];
const NOUNS: [&str; 20] = [
    "tracker",
    "conversation",
    "job",
    "message",
    "member",
    "topic",
    "entity",
    "insight",
    "question",
    "summary",
    "webhook",
    "account",
    "project",
    "report",
    "session",
    "stream",
    "transcript",
    "voice",
    "video",
    "label",
];
/// (action, method, whether the path names one resource).
const ACTIONS: [(&str, &str, bool); 5] = [
    ("Create", "POST", false),
    ("Get", "GET", true),
    ("List", "GET", false),
    ("Update", "PUT", true),
    ("Delete", "DELETE", true),
];
const FILLERS: [&str; 6] = [
    "This usually happens when the request was built from stale data.",
    "Check the request against the API reference for this endpoint.",
    "The response body carries a message with the details.",
    "Requests made with an expired access token fail the same way.",
    "The limit applies per account, not per application.",
    "Retries with the same payload fail until the cause is fixed.",
];

/// SplitMix64: a fixed sequence, so a given N always yields the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Unknown")
}

fn resolution(k: usize) -> String {
    let verbs = ["Check", "Verify", "Correct", "Review", "Update", "Confirm"];
    let objects = [
        "the request body and its parameters",
        "the access token and the account's permissions",
        "the identifiers in the path",
    ];
    let tails = [
        "then send the request again.",
        "and reach out to support@example.com if it persists after multiple attempts.",
        "to resolve the error.",
        "before retrying with exponential backoff.",
    ];
    // 24 distinct sentences: each k picks a distinct (verb, object, tail) mix.
    let (v, o, t) = (k % 6, (k / 6) % 3, (k / 2) % 4);
    format!("{} {} {}", verbs[v], objects[o], tails[t])
}

fn entry(out: &mut String, table: &str, status: u16, description: &str, resolution: &str) {
    let _ = write!(
        out,
        "\n[[{table}.errors]]\nstatus = {status}\nmeaning = \"{}\"\ndescription = \"{description}\"\n",
        reason(status)
    );
    if !resolution.is_empty() {
        let _ = writeln!(out, "resolution = \"{resolution}\"");
    }
}

fn catalogue(n: usize) -> String {
    let mut rng = Rng(n as u64);
    let mut out = String::with_capacity(n * 400);
    out.push_str(concat!(
        "# Synthetic catalogue for the scale study (bench/examples/synth.rs).\n\n",
        "[page]\nid = \"errors\"\ntitle = \"Error Codes\"\nslug = \"/errors/\"\n",
        "docs_base_url = \"https://docs.example.com\"\n\n",
        "[general]\ntitle = \"HTTP Codes\"\n",
    ));
    let general = GENERAL.len().min(n);
    for &status in &GENERAL[..general] {
        let d = format!(
            "The {status} response code means {} for any endpoint of the API.",
            reason(status).to_lowercase()
        );
        entry(&mut out, "general", status, &d, "");
    }
    let rest = n - general;
    let endpoints = rest.div_ceil(10);
    for i in 0..endpoints {
        let rows = if i + 1 == endpoints {
            rest - 10 * i
        } else {
            10
        };
        let noun = NOUNS[i % NOUNS.len()];
        let (action, method, one) = ACTIONS[(i / NOUNS.len()) % ACTIONS.len()];
        let mut title = noun.to_owned();
        title[..1].make_ascii_uppercase();
        let name = format!("{action} {title} {i}");
        let version = 1 + i % 3;
        let path = if one {
            format!("/v{version}/{noun}s-{i}/{{{noun}Id}}")
        } else {
            format!("/v{version}/{noun}s-{i}")
        };
        let _ = write!(
            out,
            "\n[[endpoints]]\nname = \"{name}\"\nmethod = \"{method}\"\npath = \"{path}\"\n"
        );
        let mut pool = STATUSES.to_vec();
        for _ in 0..rows {
            let status = pool.swap_remove(rng.below(pool.len()));
            let code = if rng.below(10) == 0 {
                "`X-Request-Id`"
            } else {
                "request"
            };
            let d = format!(
                "The {status} response code specifies that the {noun} {code} sent to {name} could not be completed ({}). {}",
                reason(status).to_lowercase(),
                FILLERS[rng.below(FILLERS.len())]
            );
            entry(
                &mut out,
                "endpoints",
                status,
                &d,
                &resolution(rng.below(24)),
            );
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let time = args.iter().any(|a| a == "--time-codegen");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let Some(n) = positional.next().and_then(|n| n.parse::<usize>().ok()) else {
        eprintln!("usage: synth N [OUT] [--time-codegen]");
        std::process::exit(2);
    };
    let text = catalogue(n);
    let out = positional.next();
    match out {
        Some(path) => std::fs::write(path, &text).expect("cannot write the catalogue"),
        None => print!("{text}"),
    }
    if time {
        let t = Instant::now();
        // Read back from OUT with a limit the 37 MB 10⁵-entry file fits in,
        // as `scripts/scale.sh` raises it with ERROR_CATALOGUE_MAX_BYTES.
        let report = match out {
            Some(path) => error_catalogue_build::check_file_with_limit(path, 64 * 1024 * 1024),
            None => error_catalogue_build::check_str("synth.toml", &text),
        };
        let checked = t.elapsed();
        assert!(report.diagnostics.is_empty(), "{}", report.render(false));
        let catalogue = report.catalogue.expect("the synthetic catalogue is valid");
        for entry_consts in [false, true] {
            let options = error_catalogue_build::codegen::Options::new(entry_consts);
            let t = Instant::now();
            let tokens = error_catalogue_build::codegen::tokens(&catalogue, options);
            let tokenized = t.elapsed();
            let raw = tokens.to_string().len();
            let t = Instant::now();
            let source = error_catalogue_build::codegen::source(&catalogue, options, "errors.toml");
            let formatted = t.elapsed();
            eprintln!(
                "entries={n} entry_consts={entry_consts} check_s={:.3} tokens_s={:.3} source_s={:.3} unformatted_bytes={raw} formatted_bytes={}",
                checked.as_secs_f64(),
                tokenized.as_secs_f64(),
                formatted.as_secs_f64(),
                source.len()
            );
        }
    }
}
