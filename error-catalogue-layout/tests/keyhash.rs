//! The key hash folds ASCII case exactly as `to_ascii_lowercase` does, reads
//! every byte, and compares exactly as `eq_ignore_ascii_case` does.

use error_catalogue_layout::keyhash::{eq_folded, fold8, hash};

/// Keys of every length up to 40, upper, lower and non-ASCII bytes mixed.
fn samples() -> Vec<Vec<u8>> {
    let alphabet = b"aZ-9 \xc3\xa9@[`{Mq";
    let mut state = 1u32;
    let mut out = Vec::new();
    for len in 0..=40 {
        for _ in 0..20 {
            let key = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    alphabet[(state >> 24) as usize % alphabet.len()]
                })
                .collect();
            out.push(key);
        }
    }
    out
}

#[test]
fn fold8_lower_cases_ascii_letters_only() {
    for b in 0..=255u8 {
        let w = u64::from_le_bytes([b, 0x41, b, 0x5a, b, 0xc3, b, 0x40]);
        let want = u64::from_le_bytes(
            [b, 0x41, b, 0x5a, b, 0xc3, b, 0x40].map(|x| x.to_ascii_lowercase()),
        );
        assert_eq!(fold8(w), want, "{b:#x}");
    }
}

#[test]
fn hash_ignores_ascii_case_and_sees_every_byte() {
    for key in samples() {
        let lower = key.to_ascii_lowercase();
        let upper = key.to_ascii_uppercase();
        assert_eq!(hash(&key, 7), hash(&lower, 7));
        assert_eq!(hash(&upper, 7), hash(&lower, 7));
        for i in 0..key.len() {
            let mut other = lower.clone();
            other[i] ^= 0x01;
            if !other.eq_ignore_ascii_case(&lower) {
                assert_ne!(hash(&other, 7), hash(&lower, 7), "{key:?} byte {i}");
            }
        }
    }
}

#[test]
fn eq_folded_is_eq_ignore_ascii_case() {
    let samples = samples();
    for a in &samples {
        let lower = a.to_ascii_lowercase();
        assert!(eq_folded(a, &lower));
        assert!(eq_folded(&a.to_ascii_uppercase(), &lower));
        for b in samples.iter().filter(|b| b.len() == a.len()).take(30) {
            assert_eq!(
                eq_folded(b, &lower),
                b.eq_ignore_ascii_case(&lower),
                "{a:?} {b:?}"
            );
        }
    }
}
