//! The code-lookup workloads `benches/codes.rs` and `examples/code_probe.rs`
//! share: the registries `build.rs` generates, each with a
//! `HashMap<&str, &Entry>` built from the same codes, as a user would write
//! it, and `common::BATCH` inputs, three in four a code of the registry and
//! one in four not (one letter's case changed or a leading zero, or a code
//! it lacks).
#![allow(dead_code)]

use std::collections::HashMap;
use std::hint::black_box;

use crate::common::{BATCH, Rng};

/// The registries (a workload uses a part of each API).
pub mod codes_170 {
    error_catalogue::include_catalogue!("codes_170");
}
pub mod codes_2000 {
    error_catalogue::include_catalogue!("codes_2000");
}
pub mod codes_int_2000 {
    error_catalogue::include_catalogue!("codes_int_2000");
}

/// `BATCH` inputs over `codes`: three in four a code of it, one in four a
/// miss.
pub fn workload(codes: &[&'static str]) -> Vec<String> {
    let mut rng = Rng(0x5EED_C0DE);
    (0..BATCH)
        .map(|i| {
            let code = codes[rng.below(codes.len())];
            match i % 4 {
                // A letter's case changed; an integer code with a leading zero.
                3 if i % 8 == 3 && code.bytes().any(|b| b.is_ascii_lowercase()) => {
                    code.to_ascii_uppercase()
                }
                3 if i % 8 == 3 => format!("0{code}"),
                3 => format!("{code}x"),
                _ => code.to_owned(),
            }
        })
        .collect()
}

/// How many of `work` `f` finds, summing what it answers so nothing is
/// optimised away.
pub fn run<T>(work: &[String], f: impl Fn(&str) -> Option<T>) -> usize {
    black_box(work).iter().filter(|s| f(s).is_some()).count()
}

/// A registry's workload and its `HashMap<&str, &Entry>`.
pub struct Sides<E: 'static> {
    pub work: Vec<String>,
    pub hash: HashMap<&'static str, &'static E>,
}

/// The [`Sides`] of the registry module `$m`, checking that `lookup_code`
/// and the HashMap answer every input alike and that a quarter miss.
#[macro_export]
macro_rules! sides {
    ($m:path) => {{
        use $m as m;
        let all: Vec<&'static m::Entry> = m::Code::ALL.iter().map(|c| c.entry()).collect();
        let sent: Vec<&'static str> = all.iter().map(|e| e.app_code().unwrap()).collect();
        let sides = $crate::codes::Sides {
            work: $crate::codes::workload(&sent),
            hash: sent.iter().copied().zip(all.iter().copied()).collect(),
        };
        for s in &sides.work {
            assert_eq!(
                m::lookup_code(s),
                sides.hash.get(s.as_str()).copied(),
                "{s:?}"
            );
        }
        let found = $crate::codes::run(&sides.work, m::lookup_code);
        assert_eq!(found, $crate::common::BATCH * 3 / 4);
        sides
    }};
}
