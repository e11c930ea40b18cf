//! The lookup index generated code builds, on hand-built tables.

use super::*;

static ENTRIES: [Entry<u8>; 3] = [
    entry(EntryRecord {
        status: Some(401),
        ..RECORD
    }),
    entry(EntryRecord {
        status: Some(404),
        ..RECORD
    }),
    entry(EntryRecord {
        status: Some(503),
        ..RECORD
    }),
];
const RECORD: EntryRecord<'static, u8> = EntryRecord {
    anchor: "a",
    status: None,
    endpoint: None,
    code: None,
    codes: &[],
    retryable: false,
    meaning: "m",
    description: None,
    resolution: None,
    plain: None,
    example: None,
    deprecated: None,
};
static STATUSES: [u16; 3] = [401, 404, 503];
static ROWS: [[Option<&Entry<u8>>; 3]; 2] = [
    [Some(&ENTRIES[0]), None, Some(&ENTRIES[2])],
    [Some(&ENTRIES[0]), Some(&ENTRIES[1]), Some(&ENTRIES[2])],
];
static LOOKUP: Lookup<u8> = Lookup::new(&STATUSES, &ROWS);

fn status(e: Option<&Entry<u8>>) -> Option<u16> {
    e.and_then(|e| e.record().status)
}

#[test]
fn cells_are_found_by_row_and_status() {
    assert_eq!(status(LOOKUP.get(0, 401)), Some(401));
    assert_eq!(status(LOOKUP.get(0, 404)), None);
    assert_eq!(status(LOOKUP.get(1, 404)), Some(404));
    assert_eq!(status(LOOKUP.get(1, 503)), Some(503));
    // A status no table lists, and a row past the end.
    assert_eq!(status(LOOKUP.get(1, 402)), None);
    assert_eq!(status(LOOKUP.get(2, 401)), None);
}

#[test]
fn cells_built_at_run_time_read_the_same() {
    let cells = Vec::leak(ROWS.as_flattened().to_vec());
    let lookup = Lookup::from_cells(&STATUSES, cells);
    for row in 0..3 {
        for s in [401, 402, 404, 503] {
            assert_eq!(status(lookup.get(row, s)), status(LOOKUP.get(row, s)));
        }
    }
}

#[cfg(feature = "symbl")]
#[test]
fn tables_debug_names_the_page_and_counts_the_entries() {
    use crate::engine::CatalogueEndpoint;
    let tables = <crate::Endpoint as CatalogueEndpoint>::tables();
    assert_eq!(
        format!("{tables:?}"),
        r#"Tables { page: "Error Codes", entries: 18, .. }"#
    );
}
