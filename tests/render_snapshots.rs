//! Every format over the shipped catalogue, held by insta snapshots
//! (tests/snapshots/): a change to any output shows up as a reviewable diff.
#![cfg(all(feature = "render", feature = "serde"))]

use error_catalogue::render::{Format, render};

fn rendered(format: Format) -> String {
    let mut out = Vec::new();
    render(format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn snapshots_of_every_format() {
    for &format in Format::ALL {
        insta::assert_snapshot!(format.name(), rendered(format));
    }
}

#[test]
fn output_is_deterministic() {
    for &format in Format::ALL {
        assert_eq!(rendered(format), rendered(format), "{}", format.name());
    }
}
