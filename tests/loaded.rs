//! A catalogue loaded at run time (`error_catalogue::load`) answers as the
//! compiled one: the same endpoints, entries, lookups, parsing and routes,
//! and the deprecation notes its data adds. The loaded tables are packed and
//! read through the engine's generic paths (`lookup_in`, packed records and
//! texts), which the compiled catalogue's constants go around.
//!
//! A process holds one loaded catalogue: this file is its own test binary,
//! and loads it once.
#![cfg(all(feature = "load", feature = "symbl"))]

use std::hash::{BuildHasher, RandomState};
use std::sync::Once;

use error_catalogue::engine::{self, Catalogue, Entry};
use error_catalogue::load::{self, LoadError, Loaded};
use error_catalogue::{CatalogueEndpoint, Endpoint, StatusCode};
use http::Method;

mod common;

use common::{ENDPOINT_NOTE, ENTRY_NOTE};

/// The shipped catalogue with Get Tracker and Create Trackers' 409
/// deprecated, loaded once.
fn loaded() {
    static LOAD: Once = Once::new();
    LOAD.call_once(|| {
        let text = common::deprecated_catalogue_text();
        let report = error_catalogue_build::check_str("errors.toml", &text);
        let model = report.catalogue.as_ref().expect("a clean catalogue");
        load::load(model).unwrap();
        assert_eq!(load::load(model), Err(LoadError::AlreadyLoaded));
    });
}

/// The loaded endpoint in the compiled one's place.
fn loaded_of(e: Endpoint) -> Loaded {
    Loaded::all()[e.index()]
}

fn assert_same_entry(l: &Entry<Loaded>, c: &Entry<Endpoint>) {
    let at = c.anchor();
    assert_eq!((l.code(), l.status()), (c.code(), c.status()), "{at}");
    assert_eq!(l.meaning(), c.meaning(), "{at}");
    assert_eq!(l.description(), c.description(), "{at}");
    assert_eq!(l.resolution(), c.resolution(), "{at}");
    assert_eq!(l.retryable(), c.retryable(), "{at}");
    assert_eq!(l.anchor(), c.anchor(), "{at}");
    assert_eq!(l.plain_meaning(), c.plain_meaning(), "{at}");
    assert_eq!(l.plain_description(), c.plain_description(), "{at}");
    assert_eq!(l.plain_resolution(), c.plain_resolution(), "{at}");
    assert_eq!(l.example(), c.example(), "{at}");
    assert_eq!(l.is_general(), c.is_general(), "{at}");
    assert_eq!(
        l.endpoint().map(|e| e.slug()),
        c.endpoint().map(|e| e.slug()),
        "{at}"
    );
    assert_eq!(l.url(), c.url(), "{at}");
    assert_eq!(l.to_string(), c.to_string(), "{at}");
}

#[test]
fn endpoints_are_the_compiled_ones() {
    loaded();
    assert_eq!(Loaded::all().len(), Endpoint::ALL.len());
    for (i, &c) in Endpoint::ALL.iter().enumerate() {
        let l = Loaded::all()[i];
        assert_eq!(l.index(), i);
        assert_eq!(
            (l.name(), l.slug(), l.ident(), l.method(), l.path()),
            (
                c.name(),
                c.slug(),
                CatalogueEndpoint::ident(c),
                c.method(),
                c.path()
            )
        );
        assert_eq!(l.entries().len(), c.entries().len(), "{c:?}");
        for (le, ce) in l.entries().iter().zip(c.entries()) {
            assert_same_entry(le, ce);
        }
        assert_eq!(format!("{l:?}"), format!("{c:?}"));
        assert_eq!(l.to_string(), c.to_string());
    }
    let (l, c) = (Catalogue::<Loaded>::new(), error_catalogue::Catalogue);
    assert_eq!(l.endpoints().len(), c.endpoints().len());
    assert_eq!(l.page(), c.page());
    assert_eq!(l.general().len(), c.general().len());
    assert_eq!(l.entries().len(), c.entries().len());
    for (le, ce) in l.entries().iter().zip(c.entries()) {
        assert_same_entry(le, ce);
    }
}

#[test]
fn deprecation_notes_are_read_from_the_data() {
    loaded();
    let tracker = loaded_of(Endpoint::GetTracker);
    assert_eq!(tracker.deprecated(), Some(ENDPOINT_NOTE));
    assert_eq!(loaded_of(Endpoint::CreateTrackers).deprecated(), None);
    let conflict = loaded_of(Endpoint::CreateTrackers)
        .lookup(StatusCode::CONFLICT)
        .unwrap();
    assert_eq!(conflict.deprecated(), Some(ENTRY_NOTE));
    let deprecated: Vec<&str> = Catalogue::<Loaded>::new()
        .entries()
        .iter()
        .filter(|e| e.deprecated().is_some())
        .map(|e| e.anchor())
        .collect();
    assert_eq!(deprecated, ["create-trackers-409"]);
}

#[test]
fn every_lookup_answers_as_the_compiled_one() {
    loaded();
    for code in 100..=999 {
        let status = StatusCode::from_u16(code).unwrap();
        let (l, c) = (
            Loaded::lookup_general(status),
            error_catalogue::lookup_general(status),
        );
        assert_eq!(l.is_some(), c.is_some(), "{code}");
        if let (Some(l), Some(c)) = (l, c) {
            assert_same_entry(l, c);
        }
        for &e in &Endpoint::ALL {
            let (l, c) = (loaded_of(e).lookup(status), e.lookup(status));
            assert_eq!(l.is_some(), c.is_some(), "{e:?} {code}");
            if let (Some(l), Some(c)) = (l, c) {
                assert_same_entry(l, c);
            }
        }
    }
}

#[test]
fn entries_compare_and_hash_by_record() {
    loaded();
    let entries = Catalogue::<Loaded>::new().entries();
    let hasher = RandomState::new();
    for (i, a) in entries.iter().enumerate() {
        for (j, b) in entries.iter().enumerate() {
            assert_eq!(a == b, i == j, "{} {}", a.anchor(), b.anchor());
        }
        assert_eq!(hasher.hash_one(a), hasher.hash_one(*a));
    }
    assert_ne!(hasher.hash_one(entries[0]), hasher.hash_one(entries[1]));
}

#[test]
fn names_parse_and_requests_route_as_in_the_compiled_one() {
    loaded();
    for &c in &Endpoint::ALL {
        let l = loaded_of(c);
        for key in [c.name(), c.slug(), CatalogueEndpoint::ident(c)] {
            assert_eq!(key.parse::<Loaded>(), Ok(l), "{key}");
            assert_eq!(key.to_ascii_uppercase().parse::<Loaded>(), Ok(l), "{key}");
        }
        let path: String = c
            .path()
            .split('/')
            .map(|s| if s.starts_with('{') { "5f3c0a" } else { s })
            .collect::<Vec<_>>()
            .join("/");
        assert_eq!(Loaded::route(&c.method(), &path), Some(l), "{path}");
        for status in [StatusCode::CONFLICT, StatusCode::UNAUTHORIZED] {
            let (le, ce) = (
                engine::lookup_request::<Loaded>(&c.method(), &path, status),
                error_catalogue::lookup_request(&c.method(), &path, status),
            );
            assert_eq!(le.map(|e| e.anchor()), ce.map(|e| e.anchor()));
        }
    }
    for miss in ["", "nope", "create-tracker", "create-trackers-"] {
        assert!(miss.parse::<Loaded>().is_err(), "{miss}");
    }
    assert_eq!(Loaded::route(&Method::GET, "/nope"), None);
    let general = engine::lookup_request::<Loaded>(&Method::GET, "/nope", StatusCode::UNAUTHORIZED);
    assert_eq!(general.map(|e| e.anchor()), Some("http-codes-401"));
}
