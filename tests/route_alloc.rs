//! Routing allocates nothing: a counting global allocator around every
//! routing call, on plain, encoded, URL and hostile inputs. (The allocator's
//! `unsafe impl` lives here, in this test crate; the library forbids unsafe.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use error_catalogue::{Endpoint, StatusCode, lookup_request, route};
use http::Method;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn routing_never_allocates() {
    let long = format!("/v1/manage/tracker/{}", "%41".repeat(5_000));
    let paths = [
        "/v1/manage/tracker/5f3c",
        "/v1/manage/tracker/5f3c%20a/",
        "https://api.symbl.ai/v1/manage/%74rackers?x=1#f",
        "/v1/process/text",
        "/nowhere/at/all",
        "",
        "%",
        "/%zz/%",
        "/\0/🚀/..",
        long.as_str(),
    ];
    let methods = [Method::GET, Method::HEAD, Method::POST, Method::DELETE];
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let mut found = 0;
    for path in paths {
        for method in &methods {
            found += usize::from(Endpoint::route(method, path).is_some());
            if let Some(m) = route(method, path) {
                found += m.params().count();
                found += usize::from(m.param("trackerId").is_some());
                // Decoding borrows when nothing is encoded.
                if m.param("trackerId") == Some("5f3c") {
                    found += m.param_decoded("trackerId").map_or(0, |v| v.len());
                }
            }
            found += usize::from(lookup_request(method, path, StatusCode::NOT_FOUND).is_some());
        }
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert!(found > 0);
    assert_eq!(
        after - before,
        0,
        "routing allocated {} times",
        after - before
    );
}
