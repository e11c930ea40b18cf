//! The runtime API's behaviour beyond the page's rows: fallback, misses,
//! parsing, retryability, plain text, anchors and serialization.

use error_catalogue::{Endpoint, StatusCode, entries, lookup, lookup_general};

#[test]
fn endpoint_entries_win_over_general_ones() {
    let ep = lookup(Endpoint::CreateTrackers, StatusCode::BAD_REQUEST).unwrap();
    assert_eq!(ep.endpoint(), Some(Endpoint::CreateTrackers));
    assert!(
        ep.description()
            .unwrap()
            .starts_with("The 400 response code")
    );
    let gen_ = lookup(Endpoint::GetTracker, StatusCode::BAD_REQUEST).unwrap();
    assert_eq!(gen_.endpoint(), None);
    assert_eq!(gen_.description(), Some("Your request is invalid."));
}

#[test]
fn fallback_and_misses_for_every_endpoint_and_status() {
    for &ep in &Endpoint::ALL {
        for code in 0..=1000u16 {
            let Ok(status) = StatusCode::from_u16(code) else {
                continue;
            };
            let own = ep.entries().iter().find(|e| e.code() == code);
            let expected = own.or_else(|| lookup_general(status));
            assert_eq!(
                lookup(ep, status).map(|e| e as *const _),
                expected.map(|e| e as *const _),
                "{ep} {code}"
            );
            assert_eq!(
                ep.lookup(status).map(|e| e.code()),
                expected.map(|e| e.code())
            );
        }
    }
    assert!(lookup(Endpoint::GetTracker, StatusCode::IM_A_TEAPOT).is_none());
    assert!(lookup(Endpoint::CreateTrackers, StatusCode::from_u16(999).unwrap()).is_none());
    assert_eq!(
        lookup(Endpoint::GetTracker, StatusCode::UNAUTHORIZED)
            .unwrap()
            .meaning(),
        "Unauthorized"
    );
}

#[test]
fn parse_names_slugs_and_identifiers_ignoring_case() {
    for (input, expected) in [
        ("create-trackers", Endpoint::CreateTrackers),
        ("Create Trackers", Endpoint::CreateTrackers),
        ("CREATE TRACKERS", Endpoint::CreateTrackers),
        ("CreateTrackers", Endpoint::CreateTrackers),
        ("get-tracker", Endpoint::GetTracker),
        ("async text api", Endpoint::AsyncTextApi),
        ("AsyncTextApi", Endpoint::AsyncTextApi),
    ] {
        assert_eq!(input.parse::<Endpoint>(), Ok(expected), "{input}");
    }
    for bad in [
        "",
        "create-tracker",
        "general",
        "http-codes",
        " create-trackers",
        "ç",
        "x".repeat(10_000).as_str(),
    ] {
        assert!(bad.parse::<Endpoint>().is_err(), "{bad:?}");
    }
    // Bounded whatever the catalogue's size: it names no endpoint.
    let message = "nope".parse::<Endpoint>().unwrap_err().to_string();
    assert_eq!(message, "no endpoint has that name, slug or identifier");
}

#[test]
fn retryable_follows_the_status() {
    for e in entries() {
        let expected = matches!(e.code(), 429 | 500 | 502 | 503 | 504);
        assert_eq!(e.retryable(), expected, "{} {}", e.anchor(), e.code());
    }
}

#[test]
fn plain_text_drops_markup_only() {
    let async429 = lookup(Endpoint::AsyncTextApi, StatusCode::TOO_MANY_REQUESTS).unwrap();
    assert!(
        async429
            .description()
            .unwrap()
            .contains("maximum of `X` number")
    );
    assert!(
        async429
            .plain_description()
            .unwrap()
            .contains("maximum of X number")
    );
    assert_eq!(async429.plain_resolution(), async429.resolution());
    let conflict = lookup(Endpoint::CreateTrackers, StatusCode::CONFLICT).unwrap();
    assert_eq!(conflict.plain_description(), conflict.description());
    assert_eq!(conflict.plain_meaning(), "Conflict");
}

#[test]
fn anchors_are_slug_and_status() {
    let anchors: Vec<&str> = entries().iter().map(|e| e.anchor()).collect();
    assert!(anchors.contains(&"create-trackers-409"));
    assert!(anchors.contains(&"http-codes-401"));
    let mut unique = anchors.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), anchors.len());
}

#[test]
fn apostrophe_is_repaired() {
    let e = lookup(Endpoint::CreateTrackers, StatusCode::TOO_MANY_REQUESTS).unwrap();
    assert!(e.resolution().unwrap().contains("doesn’t"));
    assert!(entries().iter().all(|e| !format!("{e:?}").contains("â€")));
}

#[cfg(feature = "entry-consts")]
#[test]
fn entry_constants_name_entries() {
    use error_catalogue::codes;
    assert_eq!(codes::CREATE_TRACKERS_409.meaning(), "Conflict");
    assert!(std::ptr::eq(
        codes::CREATE_TRACKERS_409,
        lookup(Endpoint::CreateTrackers, StatusCode::CONFLICT).unwrap()
    ));
    assert_eq!(codes::HTTP_CODES_401.code(), 401);
    assert_eq!(
        codes::GET_TRACKER_404.endpoint(),
        Some(Endpoint::GetTracker)
    );
}

#[cfg(feature = "serde")]
#[test]
fn json_shape() {
    let v = serde_json::to_value(error_catalogue::Catalogue).unwrap();
    assert_eq!(v["page"]["title"], "Error Codes");
    assert_eq!(v["general"]["slug"], "http-codes");
    assert_eq!(v["general"]["entries"].as_array().unwrap().len(), 9);
    assert_eq!(v["endpoints"].as_array().unwrap().len(), 3);
    let ct = &v["endpoints"][1];
    assert_eq!(
        (ct["name"].as_str(), ct["method"].as_str()),
        (Some("Create Trackers"), Some("POST"))
    );
    assert_eq!(ct["entries"][0]["status"], 409);
    assert_eq!(ct["entries"][0]["endpoint"], "create-trackers");
    assert_eq!(
        v["general"]["entries"][4]["description"],
        serde_json::Value::Null
    );
    assert_eq!(v["general"]["entries"][3]["example"]["lang"], "bash");
}

#[test]
fn entries_compare_hash_and_print_by_their_record() {
    use std::hash::{BuildHasher, RandomState};
    let conflict = *lookup(Endpoint::CreateTrackers, StatusCode::CONFLICT).unwrap();
    let copy = conflict;
    let not_found = *lookup(Endpoint::GetTracker, StatusCode::NOT_FOUND).unwrap();
    assert_eq!(copy, conflict);
    assert_ne!(conflict, not_found);
    let hasher = RandomState::new();
    assert_eq!(hasher.hash_one(copy), hasher.hash_one(conflict));
    assert_ne!(hasher.hash_one(conflict), hasher.hash_one(not_found));
    let distinct: std::collections::HashSet<_> = entries().iter().copied().collect();
    assert_eq!(distinct.len(), entries().len());

    assert_eq!(conflict.to_string(), "409 Conflict");
    assert_eq!(format!("{conflict:>3}"), "409 Conflict");
    let debug = format!("{conflict:?}");
    assert!(
        debug.starts_with(
            "Entry { code: 409, endpoint: Some(CreateTrackers), meaning: \"Conflict\", "
        ),
        "{debug}"
    );
    for field in [
        "description: Some(\"The 409 response code",
        "resolution: Some(\"Modify the name",
        "retryable: false",
        "anchor: \"create-trackers-409\"",
        "plain_meaning: \"Conflict\"",
        "plain_description: Some(",
        "plain_resolution: Some(",
        "example: None",
    ] {
        assert!(debug.contains(field), "{field} in {debug}");
    }
}

#[test]
fn the_catalogue_value_is_one_and_prints_its_size() {
    let c = error_catalogue::Catalogue;
    assert_eq!(c, error_catalogue::Catalogue::default());
    assert_eq!(c.clone(), c);
    assert_eq!(
        format!("{c:?}"),
        format!(
            "Catalogue {{ page: \"Error Codes\", endpoints: {}, entries: {} }}",
            Endpoint::ALL.len(),
            entries().len()
        )
    );
    assert_eq!(c.endpoints(), &Endpoint::ALL[..]);
    assert_eq!(c.general().len(), 9);
    assert!(std::ptr::eq(c.page(), error_catalogue::page()));
}
