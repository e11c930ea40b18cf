//! The helpers generated code calls, on hand-built tables of both shapes:
//! narrow (`u8` columns, 2-byte cells, as every catalogue here has) and wide
//! (`u16` columns past 255 statuses, 4-byte cells past 65,535 entries), which
//! only catalogues far larger than this crate's tests build would reach.

use super::*;

/// A catalogue type for handles that no table reads.
#[derive(Debug, Clone, Copy)]
struct NoCatalogue;

/// `count` handles whose status is their index (so a test reads back which
/// entry a lookup found).
fn handles(count: usize) -> &'static [Entry<NoCatalogue>] {
    let all: Vec<_> = (0..count).map(|i| Entry::new(i as u32, i as u16)).collect();
    Vec::leak(all)
}

/// Rows of `width` cells of `cell` bytes, cell (r, c) holding `value(r, c)`.
fn rows(
    count: usize,
    width: usize,
    cell: usize,
    value: impl Fn(usize, usize) -> u32,
) -> &'static [u8] {
    let mut out = Vec::new();
    for r in 0..count {
        for c in 0..width {
            out.extend_from_slice(&value(r, c).to_le_bytes()[..cell]);
        }
    }
    Vec::leak(out)
}

fn found(e: Option<&Entry<NoCatalogue>>) -> Option<u32> {
    e.map(|e| e.index)
}

/// The entry `lookup_fixed` of this shape finds for `status` in `row`,
/// after checking that `lookup_in` over the same tables (`wrap` makes the
/// index's `Columns`) finds the same one.
fn agreed<C: Copy + Into<usize>, const ROW_BYTES: usize, const CELL: usize>(
    columns: &'static [C; STATUS_SLOTS],
    wrap: fn(&'static [C; STATUS_SLOTS]) -> Columns,
    rows: &'static [u8],
    entries: &'static [Entry<NoCatalogue>],
    (row, status): (usize, u16),
) -> Option<u32> {
    let fixed = found(lookup_fixed::<C, _, ROW_BYTES, CELL>(
        columns, rows, entries, row, status,
    ));
    let index = LookupIndex {
        status_column: wrap(columns),
        rows,
        row_width: ROW_BYTES / CELL,
        cell_bytes: CELL,
    };
    let dynamic = found(lookup_in(&index, entries, row, status));
    assert_eq!(dynamic, fixed, "lookup_in, row {row}, status {status}");
    fixed
}

#[test]
fn columns_map_each_status_to_its_column_and_every_other_to_zero() {
    let narrow = columns_u8(&[(404, 3), (999, 255), (100, 1)]);
    let wide = columns_u16(&[(404, 300), (999, 65_535), (100, 1)]);
    for status in 0..1024 {
        let (n, w) = match status {
            404 => (3, 300),
            999 => (255, 65_535),
            100 => (1, 1),
            _ => (0, 0),
        };
        assert_eq!((narrow[status], wide[status]), (n, w), "status {status}");
    }
}

#[test]
fn narrow_lookups_read_two_byte_cells() {
    // Column 1 of row r holds entry r + 1 (stored + 1), column 2 none.
    let columns = Box::leak(Box::new(columns_u8(&[(404, 1), (500, 2)])));
    let rows = rows(3, 4, 2, |r, c| if c == 1 { r as u32 + 2 } else { 0 });
    let entries = handles(8);
    let lookup = |at| agreed::<u8, 8, 2>(columns, Columns::U8, rows, entries, at);
    for row in 0..3 {
        assert_eq!(lookup((row, 404)), Some(row as u32 + 1));
        for miss in [500, 200, 999] {
            assert_eq!(lookup((row, miss)), None);
        }
    }
    // A row past the table answers nothing.
    assert_eq!(lookup((3, 404)), None);
}

#[test]
fn wide_lookups_read_four_byte_cells_and_sixteen_bit_columns() {
    // 512 columns; entry numbers past 65,535 need all four bytes of a cell.
    let columns = Box::leak(Box::new(columns_u16(&[(404, 300), (999, 511), (100, 1)])));
    let value = |r: usize, c: usize| match c {
        300 => 70_000 + r as u32 + 1,
        511 => 0x0001_0000 + 1,
        1 => 2,
        _ => 0,
    };
    let rows = rows(2, 512, 4, value);
    let entries = handles(70_010);
    for row in 0..2 {
        for (status, want) in [
            (404, Some(70_000 + row as u32)),
            (999, Some(0x0001_0000)),
            (100, Some(1)),
            (200, None),
        ] {
            let got = agreed::<u16, 2048, 4>(columns, Columns::U16, rows, entries, (row, status));
            assert_eq!(got, want, "row {row}, status {status}");
        }
    }
}

#[test]
fn a_cell_past_the_entries_answers_nothing() {
    let columns = columns_u8(&[(404, 1)]);
    let rows = rows(1, 2, 2, |_, c| if c == 1 { 9 } else { 0 });
    assert_eq!(
        found(lookup_fixed::<u8, _, 4, 2>(
            &columns,
            rows,
            handles(8),
            0,
            404
        )),
        None
    );
    assert_eq!(
        found(lookup_fixed::<u8, _, 4, 2>(
            &columns,
            rows,
            handles(9),
            0,
            404
        )),
        Some(8)
    );
}

#[test]
fn a_column_past_the_row_stays_within_it() {
    // Column 5 of a 4-cell row is read as column 1 (the mask), never as
    // the next row's cell.
    let columns = columns_u8(&[(404, 5)]);
    let rows = rows(2, 4, 2, |r, c| (r * 4 + c) as u32 + 1);
    assert_eq!(
        found(lookup_fixed::<u8, _, 8, 2>(
            &columns,
            rows,
            handles(8),
            0,
            404
        )),
        Some(1)
    );
}

#[test]
fn entry_handles_carry_each_record_status() {
    let record = |status| EntryRecord {
        status,
        ..NO_ENTRY_RECORD
    };
    let records = [record(409), record(500)];
    let all: [Entry<NoCatalogue>; 2] = entry_handles(&records);
    assert_eq!(all.map(|e| (e.index, e.code)), [(0, 409), (1, 500)]);

    let mut packed = vec![0u8; 2 * entry::SIZE];
    packed[entry::STATUS..entry::STATUS + 2].copy_from_slice(&409u16.to_le_bytes());
    packed[entry::SIZE + entry::STATUS..entry::SIZE + entry::STATUS + 2]
        .copy_from_slice(&500u16.to_le_bytes());
    // A handle past the records has status 0, as has one whose record is
    // cut short, even one byte into its status.
    let whole: [Entry<NoCatalogue>; 3] = packed_entry_handles(&packed);
    assert_eq!(
        whole.map(|e| (e.index, e.code)),
        [(0, 409), (1, 500), (2, 0)]
    );
    packed.push(0x01);
    let cut: [Entry<NoCatalogue>; 3] = packed_entry_handles(&packed);
    assert_eq!(cut.map(|e| (e.index, e.code)), [(0, 409), (1, 500), (2, 0)]);
}

#[cfg(feature = "symbl")]
#[test]
fn tables_debug_names_the_page_and_counts_the_entries() {
    let tables = <crate::Endpoint as CatalogueEndpoint>::tables();
    assert_eq!(
        format!("{tables:?}"),
        format!(
            "Tables {{ page: {:?}, entries: {}, .. }}",
            tables.page.title(),
            crate::entries().len()
        )
    );
}

#[test]
fn direct_lookups_index_the_row_by_the_status() {
    // Rows of STATUS_SLOTS cells: status 404's cell is cell 404. The
    // columns map each listed status to itself, so the dynamic reader,
    // which always reads them, answers alike.
    let columns = Box::leak(Box::new(columns_u16(&[(404, 404), (500, 500)])));
    let rows = rows(2, STATUS_SLOTS, 2, |r, c| match c {
        404 => r as u32 + 1,
        500 => 5,
        _ => 0,
    });
    let entries = handles(8);
    for row in 0..2 {
        for (status, want) in [
            (404, Some(row as u32)),
            (500, Some(4)),
            (409, None),
            (999, None),
        ] {
            let got = agreed::<u16, { 2 * STATUS_SLOTS }, 2>(
                columns,
                Columns::U16,
                rows,
                entries,
                (row, status),
            );
            assert_eq!(got, want, "row {row}, status {status}");
        }
    }
}

#[test]
fn a_two_level_row_of_256_cells_is_read_through_its_columns() {
    // 256 cells of 2 bytes: 512 bytes a row, 1,024 bytes times the cell
    // width, and still two-level (status 404 is column 3, not cell 404).
    let columns = columns_u8(&[(404, 3)]);
    let rows = rows(1, 256, 2, |_, c| if c == 3 { 7 } else { 0 });
    let found_404 = lookup_fixed::<u8, _, 512, 2>(&columns, rows, handles(8), 0, 404);
    assert_eq!(found(found_404), Some(6));
}
