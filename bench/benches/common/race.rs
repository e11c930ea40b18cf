//! Two functions timed in alternating rounds, for the probes' `race` modes
//! (`examples/lookup_probe.rs`, `examples/route_probe.rs`). Criterion times
//! one function for seconds, then the other, so a burst of load on a shared
//! machine lands on one side only; here each round times `PASSES` calls of
//! one, then of the other, and the median of the rounds' ratios is read, so
//! load that comes and goes moves both sides of each ratio alike.
#![allow(dead_code)]

use std::time::Instant;

/// Calls timed at a time. Long enough that the branch predictor has learned
/// the loop again after the other side's round (with 64, both sides took
/// twice as long per operation as in long runs).
pub const PASSES: u32 = 2048;

/// The medians over `rounds` rounds: ns per operation of `ours` and of
/// `theirs` (each call does `ops` operations), and of the rounds' ratios.
/// The calls' results are summed into `sink`, so that none is optimised away.
pub fn race(
    rounds: usize,
    ops: usize,
    sink: &mut u64,
    ours: &dyn Fn() -> u64,
    theirs: &dyn Fn() -> u64,
) -> [f64; 3] {
    let mut time = |f: &dyn Fn() -> u64| {
        let start = Instant::now();
        for _ in 0..PASSES {
            *sink = sink.wrapping_add(f());
        }
        start.elapsed().as_secs_f64() * 1e9 / f64::from(PASSES) / ops as f64
    };
    let (mut a, mut b, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let x = time(ours);
        let y = time(theirs);
        a.push(x);
        b.push(y);
        ratios.push(x / y);
    }
    [a, b, ratios].map(|mut v| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    })
}
