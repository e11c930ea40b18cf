//! The case-folding hash and comparison behind endpoint parsing.
//!
//! Both halves use this one copy: the build crate hashes the lower-cased
//! keys with it to solve the perfect-hash table, and the runtime hashes
//! what it parses with it. It folds ASCII case eight bytes at a time while
//! it hashes, so parsing never copies the input; plain, `no_std`, safe Rust.

/// An odd constant with well-spread bits (rustc-hash's).
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// Multiplies to 128 bits and folds the halves: one multiply mixes a word.
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Lower-cases the ASCII letters among eight bytes at once; other bytes,
/// non-ASCII ones included, are left as they are.
#[inline]
pub fn fold8(w: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    let low7 = w & (0x7f * LO);
    let ge_a = low7 + (0x80 - u64::from(b'A')) * LO;
    let gt_z = low7 + (0x80 - u64::from(b'Z') - 1) * LO;
    let upper = ge_a & !gt_z & !w & (0x80 * LO);
    w | (upper >> 2)
}

#[inline]
fn load8(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// Every byte of a key shorter than eight bytes in one word, one byte a lane
/// (overlapping loads), so lane-wise folding still applies.
#[inline]
fn load_short(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | (u64::from(hi) << 32)
    } else if n > 0 {
        u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16)
    } else {
        0
    }
}

/// The hash of `key` with ASCII case folded, under `seed`. It reads the
/// key's whole words, then its last eight bytes (overlapping), or one packed
/// word if it is shorter than eight bytes: with the length, every byte counts.
#[inline]
pub fn hash(key: &[u8], seed: u64) -> u64 {
    let n = key.len();
    let h = seed ^ (n as u64);
    if n < 8 {
        return mix(h ^ fold8(load_short(key)), K);
    }
    let mut h = h;
    let mut i = 0;
    while i + 8 < n {
        h = mix(h ^ fold8(load8(key, i)), K);
        i += 8;
    }
    mix(h ^ fold8(load8(key, n - 8)), K)
}

/// Whether `s` equals `lower` (a lower-cased key) ignoring ASCII case,
/// compared a word at a time, the same words [`hash`] reads.
#[inline]
pub fn eq_folded(s: &[u8], lower: &[u8]) -> bool {
    let n = s.len();
    if n != lower.len() {
        return false;
    }
    if n < 8 {
        return fold8(load_short(s)) == load_short(lower);
    }
    let mut i = 0;
    while i + 8 < n {
        if fold8(load8(s, i)) != load8(lower, i) {
            return false;
        }
        i += 8;
    }
    fold8(load8(s, n - 8)) == load8(lower, n - 8)
}
