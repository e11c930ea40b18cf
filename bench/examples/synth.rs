//! Writes a synthetic catalogue of N entries for the scale study
//! (`scripts/scale.sh`): a 10-row general table and endpoints of 10 rows
//! each, with distinct path templates (each has its own literal segment, so
//! no two share a method and shape), reason-phrase meanings, descriptions of
//! 100–200 bytes, one in ten with a code span, and resolutions drawn from a
//! pool of 24, as real pages repeat them.
//!
//! With `--codes C` the catalogue also has a registry of C application codes
//! (`[[codes]]`, issue 26): codes as APIs spell them (`tracker_expired_17`,
//! 12 to 30 bytes), nine in ten with the status of the row that first lists
//! them and one in ten sent with any status, texts as long as the entries'.
//! Every endpoint row lists one to three codes: those first listed there,
//! spread evenly over the rows, then others of its status, so every code is
//! listed and statuses agree (no diagnostic). Without `--codes` the file is
//! byte for byte what it was.
//!
//! `cargo run -p error-catalogue-bench --example synth -- N [OUT] [--codes C]`
//! (stdout without OUT). With `--time-codegen` it also reports how long
//! validation, token generation and prettyplease take on it, on stderr.

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

/// What went wrong, as codes name it (with a noun: `tracker_expired_17`).
const PROBLEMS: [&str; 16] = [
    "not_found",
    "expired",
    "invalid",
    "declined",
    "locked",
    "limit_exceeded",
    "missing",
    "conflict",
    "disabled",
    "unsupported",
    "too_large",
    "forbidden",
    "timeout",
    "unavailable",
    "duplicate",
    "revoked",
];

/// One application code of the `--codes` registry.
struct AppCode {
    code: String,
    /// `None`: sent with any status.
    status: Option<u16>,
    noun: &'static str,
    problem: &'static str,
}

/// The rows' codes: `rows[r]` lists `codes[i]` for each `i` in the answer's
/// `r`th list. `statuses` are the endpoint rows' statuses in file order.
fn assign_codes(n_codes: usize, statuses: &[u16], seed: u64) -> (Vec<AppCode>, Vec<Vec<usize>>) {
    let mut rng = Rng(seed ^ 0xC0DE_5EED);
    let mut listed: Vec<Vec<usize>> = vec![Vec::new(); statuses.len()];
    let mut codes = Vec::with_capacity(n_codes);
    if statuses.is_empty() {
        return (codes, listed);
    }
    // Each code is first listed by its home row, spread evenly over the rows.
    for i in 0..n_codes {
        let home = i * statuses.len() / n_codes;
        let noun = NOUNS[rng.below(NOUNS.len())];
        let problem = PROBLEMS[rng.below(PROBLEMS.len())];
        let status = (rng.below(10) != 0).then_some(statuses[home]);
        codes.push(AppCode {
            code: format!("{noun}_{problem}_{i}"),
            status,
            noun,
            problem,
        });
        listed[home].push(i);
    }
    // Then every row lists one to three, adding codes of its own status (or
    // of any status) already listed elsewhere, as pages repeat a code under
    // several endpoints.
    let mut by_status: std::collections::BTreeMap<Option<u16>, Vec<usize>> = Default::default();
    for (i, c) in codes.iter().enumerate() {
        by_status.entry(c.status).or_default().push(i);
    }
    for (row, &status) in listed.iter_mut().zip(statuses) {
        let want = 1 + rng.below(3);
        for pool in [by_status.get(&Some(status)), by_status.get(&None)]
            .into_iter()
            .flatten()
        {
            for _ in 0..want {
                if row.len() >= want {
                    break;
                }
                let i = pool[rng.below(pool.len())];
                if !row.contains(&i) {
                    row.push(i);
                }
            }
        }
    }
    (codes, listed)
}

/// The `[[codes]]` registry, in code order.
fn write_codes(out: &mut String, codes: &[AppCode], rng: &mut Rng) {
    for c in codes {
        let _ = write!(out, "\n[[codes]]\ncode = \"{}\"\n", c.code);
        if let Some(status) = c.status {
            let _ = writeln!(out, "status = {status}");
        }
        let mut meaning = format!("{} {}", c.noun, c.problem.replace('_', " "));
        meaning[..1].make_ascii_uppercase();
        let sent = match c.status {
            Some(status) => format!("with a {status} response"),
            None => "with any status".to_owned(),
        };
        let _ = write!(
            out,
            "meaning = \"{meaning}\"\ndescription = \"Sent {sent} when the {} named in the request is {}. {}\"\nresolution = \"{}\"\n",
            c.noun,
            c.problem.replace('_', " "),
            FILLERS[rng.below(FILLERS.len())],
            resolution(rng.below(24)),
        );
        if c.problem == "timeout" || c.problem == "unavailable" {
            out.push_str("retryable = true\n");
        }
    }
}

/// The endpoint rows' statuses, as `catalogue` draws them (the same
/// sequence of the same generator).
fn row_statuses(n: usize) -> Vec<u16> {
    let mut rng = Rng(n as u64);
    let rest = n - GENERAL.len().min(n);
    let mut statuses = Vec::with_capacity(rest);
    for i in 0..rest.div_ceil(10) {
        let rows = (rest - 10 * i).min(10);
        let mut pool = STATUSES.to_vec();
        for _ in 0..rows {
            statuses.push(pool.swap_remove(rng.below(pool.len())));
            rng.below(10);
            rng.below(FILLERS.len());
            rng.below(24);
        }
    }
    statuses
}

fn catalogue(n: usize, n_codes: usize) -> String {
    let (codes, listed) = if n_codes > 0 {
        assign_codes(n_codes, &row_statuses(n), n as u64)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut listed = listed.into_iter();
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
    write_codes(&mut out, &codes, &mut Rng(!(n as u64)));
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
            if let Some(row) = listed.next().filter(|row| !row.is_empty()) {
                let names: Vec<String> = row
                    .iter()
                    .map(|&i| format!("\"{}\"", codes[i].code))
                    .collect();
                let _ = writeln!(out, "codes = [{}]", names.join(", "));
            }
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let time = args.iter().any(|a| a == "--time-codegen");
    // `--codes C` takes a value; every other `--` flag stands alone.
    let codes_at = args.iter().position(|a| a == "--codes");
    let n_codes = match codes_at {
        Some(i) => args.get(i + 1).and_then(|c| c.parse::<usize>().ok()),
        None => Some(0),
    };
    let mut positional = args
        .iter()
        .enumerate()
        .filter(|&(i, a)| !a.starts_with("--") && codes_at.is_none_or(|c| i != c + 1))
        .map(|(_, a)| a);
    let (Some(n), Some(n_codes)) = (
        positional.next().and_then(|n| n.parse::<usize>().ok()),
        n_codes,
    ) else {
        eprintln!("usage: synth N [OUT] [--codes C] [--time-codegen]");
        std::process::exit(2);
    };
    let text = catalogue(n, n_codes);
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
                "entries={n} codes={n_codes} entry_consts={entry_consts} check_s={:.3} tokens_s={:.3} source_s={:.3} unformatted_bytes={raw} formatted_bytes={}",
                checked.as_secs_f64(),
                tokenized.as_secs_f64(),
                formatted.as_secs_f64(),
                source.len()
            );
        }
    }
}
