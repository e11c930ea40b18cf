//! Writes a synthetic catalogue of N distinct, non-ambiguous endpoint
//! templates (default 1000) to stdout, for benchmarking routing at scale:
//!
//! ```sh
//! cargo run -p error-catalogue-bench --example route_synth -- 1000 > /tmp/synth-1000.toml
//! ERROR_CATALOGUE_TOML=/tmp/synth-1000.toml cargo bench -p error-catalogue-bench --bench route
//! ```
//!
//! Shaped like a REST API: a few API versions and service groups, resources
//! named from a word list, each with a run of the usual shapes (collection,
//! item by id, nested collection and item, actions), so the tries have the
//! wide literal fan-out, shared prefixes and parameter chains of a real
//! catalogue. Same method and same shape is a build error (E0016), so every
//! (method, template) is distinct by construction.

use std::fmt::Write as _;

const GROUPS: [&str; 8] = [
    "manage",
    "process",
    "conversations",
    "jobs",
    "users",
    "billing",
    "analytics",
    "storage",
];

const WORDS: [&str; 24] = [
    "tracker",
    "entity",
    "message",
    "topic",
    "question",
    "insight",
    "summary",
    "speaker",
    "member",
    "phrase",
    "action",
    "follow",
    "comment",
    "transcript",
    "report",
    "invoice",
    "account",
    "session",
    "webhook",
    "token",
    "bucket",
    "object",
    "channel",
    "event",
];

/// A resource's shapes: method and template, `{r}` standing for its name.
const SHAPES: [(&str, &str); 10] = [
    ("GET", "/{v}/{g}/{r}s"),
    ("POST", "/{v}/{g}/{r}s"),
    ("GET", "/{v}/{g}/{r}/{rid}"),
    ("PUT", "/{v}/{g}/{r}/{rid}"),
    ("DELETE", "/{v}/{g}/{r}/{rid}"),
    ("GET", "/{v}/{g}/{r}/{rid}/items"),
    ("POST", "/{v}/{g}/{r}/{rid}/items"),
    ("GET", "/{v}/{g}/{r}/{rid}/items/{itemId}"),
    ("DELETE", "/{v}/{g}/{r}/{rid}/items/{itemId}"),
    ("GET", "/{v}/{g}/{r}s/search"),
];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("N: a number of templates"))
        .unwrap_or(1000);
    let mut out = String::from(
        "[page]\nid = \"synth\"\ntitle = \"Synthetic\"\nslug = \"/synth/\"\n\
         docs_base_url = \"https://synth.example\"\n\n\
         [general]\ntitle = \"HTTP Codes\"\n\n\
         [[general.errors]]\nstatus = 404\nmeaning = \"Not Found\"\n",
    );
    let mut made = 0;
    // Resource k: word k mod 24 with a suffix for later rounds, in group
    // k mod 8, under version v1 or v2.
    for k in 0.. {
        let word = WORDS[k % WORDS.len()];
        let round = k / WORDS.len();
        let r = if round == 0 {
            word.to_string()
        } else {
            format!("{word}{round}")
        };
        let g = GROUPS[(k / 3) % GROUPS.len()];
        let v = if k % 5 == 4 { "v2" } else { "v1" };
        for (shape, (method, template)) in SHAPES.iter().enumerate() {
            if made == n {
                print!("{out}");
                return;
            }
            let path = template
                .replace("{v}", v)
                .replace("{g}", g)
                .replace("{rid}", &format!("{{{r}Id}}"))
                .replace("{r}", &r);
            let _ = write!(
                out,
                "\n[[endpoints]]\nname = \"Res {k} shape {shape}\"\nmethod = \"{method}\"\npath = \"{path}\"\n"
            );
            made += 1;
        }
    }
}
