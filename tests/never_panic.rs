//! `lookup` and `Endpoint::from_str` never panic, whatever they are given.

use error_catalogue::{Endpoint, StatusCode, lookup, lookup_general};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn lookup_any_status(code in 0u16..=u16::MAX) {
        if let Ok(status) = StatusCode::from_u16(code) {
            for &ep in &Endpoint::ALL {
                if let Some(e) = lookup(ep, status) {
                    prop_assert_eq!(e.code(), code);
                }
            }
            if let Some(e) = lookup_general(status) {
                prop_assert_eq!(e.code(), code);
                prop_assert!(e.is_general());
            }
        }
    }

    #[test]
    fn parse_any_string(s in any::<String>()) {
        if let Ok(ep) = s.parse::<Endpoint>() {
            let ident = format!("{:?}", ep);
            let known = [ep.name(), ep.slug(), ident.as_str()];
            prop_assert!(known.iter().any(|k| k.eq_ignore_ascii_case(&s)));
        }
    }

    #[test]
    fn parse_near_misses(base in prop::sample::select(vec!["create-trackers", "Get Tracker", "AsyncTextApi"]),
                         at in 0usize..20, c in any::<char>()) {
        let mut s: String = base.to_string();
        let at = s.char_indices().map(|(i, _)| i).nth(at).unwrap_or(s.len());
        s.insert(at, c);
        let _ = s.parse::<Endpoint>();
        s.truncate(at);
        let _ = s.parse::<Endpoint>();
    }
}
