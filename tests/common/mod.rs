//! The shipped catalogue with deprecations added, for the tests of the
//! library and of errcat (errcat/tests/common includes this file).
#![allow(dead_code)]

/// Get Tracker's deprecation note in [`deprecated_catalogue_text`].
pub const ENDPOINT_NOTE: &str = "Use List Trackers with a name filter.";
/// Create Trackers' 409's deprecation note in [`deprecated_catalogue_text`].
pub const ENTRY_NOTE: &str = "Names are no longer unique.";

/// The shipped errors.toml with Get Tracker and Create Trackers' 409
/// deprecated ([`ENDPOINT_NOTE`], [`ENTRY_NOTE`]).
pub fn deprecated_catalogue_text() -> String {
    include_str!("../../errors.toml")
        .replacen(
            "path = \"/v1/manage/tracker/{trackerId}\"",
            &format!(
                "path = \"/v1/manage/tracker/{{trackerId}}\"\ndeprecated = \"{ENDPOINT_NOTE}\""
            ),
            1,
        )
        .replacen(
            "status = 409\n",
            &format!("status = 409\ndeprecated = \"{ENTRY_NOTE}\"\n"),
            1,
        )
}
