//! Integer application codes at run time (Ably's shape: a registry with no
//! endpoints, `40140` a 401), loaded (feature `load`): looked up by their
//! decimal text, exactly. A process holds one loaded catalogue: this file is
//! its own test binary.
#![cfg(feature = "load")]

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::Catalogue;
use error_catalogue::load::{self, Loaded};
use http::StatusCode;

const ABLY: &str = include_str!("../error-catalogue-build/tests/fixtures/integer-codes.toml");

#[test]
fn integer_codes_are_looked_up_by_their_decimal_text() {
    let report = error_catalogue_build::check_str("ably.toml", ABLY);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    load::load(report.catalogue.as_ref().unwrap()).unwrap();

    let c = Catalogue::<Loaded>::new();
    assert!(c.integer_codes());
    assert!(Loaded::all().is_empty());
    assert_eq!(c.codes().len(), 2);

    let e = Loaded::lookup_code("40140").unwrap();
    assert_eq!(e.app_code(), Some("40140"));
    assert_eq!(e.documented_status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(e.anchor(), "code-40140");
    assert_eq!(e.plain_resolution(), Some("Request a new token."));
    assert_eq!(e.to_string(), "40140 Token expired");

    let unknown = Loaded::lookup_code("0").unwrap();
    assert_eq!((unknown.documented_status(), unknown.code()), (None, 500));
    for miss in ["040140", "+40140", "40140.0", "4014", "-0", ""] {
        assert!(Loaded::lookup_code(miss).is_none(), "{miss:?}");
    }
}
