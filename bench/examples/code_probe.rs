//! Races `lookup_code` and `Code::from_str` against a `HashMap<&str,
//! &Entry>` built from the same codes, over `benches/codes.rs`'s registries
//! and workloads: ROUNDS rounds, each timing 2,048 passes of one side then
//! of the other over the same 1,024 inputs, and prints the medians of ns per
//! look-up and of the rounds' ratios. Each ratio compares two runs
//! milliseconds apart, so load that comes and goes on a shared machine
//! moves both sides of it alike.
//!
//! ```sh
//! cargo build -p error-catalogue-bench --release --example code_probe
//! target/release/examples/code_probe race 21
//! ```
//!
//! For instruction counts under valgrind (repeatable where timings are
//! not), `code_probe REGISTRY MODE N` runs one side over the 1,024 inputs
//! N times: REGISTRY `170`, `2000` or `2000_integer`; MODE `lookup_code`,
//! `from_str`, `hash` or `none` (the loop alone). Instructions per look-up:
//! the difference of two runs' totals over the difference of their N, over
//! 1,024.

#[path = "../benches/common/codes.rs"]
mod codes;
#[path = "../benches/common/mod.rs"]
mod common;

use codes::run;

#[path = "../benches/common/race.rs"]
mod race;

/// Races the sides of registry module `$m`, printing a line per pair.
macro_rules! race_registry {
    ($m:ident, $name:literal, $rounds:expr) => {{
        use codes::$m::{Code, lookup_code};
        let sides = crate::sides!(codes::$m);
        let (work, hash) = (&sides.work, &sides.hash);
        let by_hash = |s: &str| hash.get(s).copied();
        let mut sink = 0u64;
        let ours: [(&str, &dyn Fn() -> u64); 2] = [
            ("lookup_code", &|| run(work, lookup_code) as u64),
            ("Code::from_str", &|| run(work, |s| s.parse::<Code>().ok()) as u64),
        ];
        for (what, f) in ours {
            let [a, b, ratio] =
                race::race($rounds, work.len(), &mut sink, f, &|| run(work, by_hash) as u64);
            println!(
                "{}: {what} {a:.1} ns, HashMap {b:.1} ns per look-up (medians of {} rounds); median ratio {ratio:.3}",
                $name, $rounds
            );
        }
        sink
    }};
}

/// Runs one side of registry module `$m` `$n` times.
macro_rules! repeat {
    ($m:ident, $mode:expr, $n:expr) => {{
        use codes::$m::{Code, lookup_code};
        let sides = crate::sides!(codes::$m);
        let (work, hash) = (&sides.work, &sides.hash);
        let mut sum = 0usize;
        for _ in 0..$n {
            sum += match $mode {
                "lookup_code" => run(work, lookup_code),
                "from_str" => run(work, |s| s.parse::<Code>().ok()),
                "hash" => run(work, |s| hash.get(s).copied()),
                _ => run(work, |_| None::<()>),
            };
        }
        sum as u64
    }};
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let sum = match args.as_slice() {
        ["race", rounds] if rounds.parse::<usize>().is_ok() => {
            let rounds: usize = rounds.parse().unwrap_or(21);
            race_registry!(codes_170, "170", rounds)
                ^ race_registry!(codes_2000, "2000", rounds)
                ^ race_registry!(codes_int_2000, "2000_integer", rounds)
        }
        [registry, mode, n] if n.parse::<usize>().is_ok() => {
            let n: usize = n.parse().unwrap_or(1);
            match *registry {
                "170" => repeat!(codes_170, *mode, n),
                "2000" => repeat!(codes_2000, *mode, n),
                "2000_integer" => repeat!(codes_int_2000, *mode, n),
                other => {
                    eprintln!("code_probe: no registry {other:?} (170, 2000, 2000_integer)");
                    std::process::exit(2);
                }
            }
        }
        _ => {
            eprintln!(
                "usage: code_probe race ROUNDS | code_probe 170|2000|2000_integer lookup_code|from_str|hash|none N"
            );
            std::process::exit(2);
        }
    };
    eprintln!("{sum}");
}
