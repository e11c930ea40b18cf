//! Lookups, parsing and routing never touch the heap: a counting global
//! allocator (this test crate's own; the library keeps `forbid(unsafe_code)`)
//! sees zero allocations across every endpoint × every status, a set of
//! strings, and plain, encoded, URL and hostile request paths, hits and
//! misses alike.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use error_catalogue::{
    Endpoint, StatusCode, entries, general, lookup, lookup_general, lookup_request, route,
};
use http::Method;

/// Counts the allocations made by the current thread, so the test harness's
/// other threads do not disturb the count.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is a const-initialized thread local, which does not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller upholds `alloc`'s contract, passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: as for `alloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns how many allocations this thread made meanwhile.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (out, ALLOCATIONS.with(Cell::get) - before)
}

#[test]
fn the_counter_counts() {
    let (v, n) = allocations(|| vec![1u8; 3]);
    assert_eq!((v.len(), n), (3, 1));
}

#[test]
fn lookups_never_allocate() {
    // Every status StatusCode admits, and the codes it refuses, built up front.
    let statuses: Vec<StatusCode> = (0..=1000u16)
        .filter_map(|c| StatusCode::from_u16(c).ok())
        .collect();
    let (found, n) = allocations(|| {
        let mut found = 0usize;
        for &status in &statuses {
            found += usize::from(lookup_general(status).is_some());
            for &ep in &Endpoint::ALL {
                found += usize::from(lookup(ep, status).is_some());
                found += usize::from(ep.lookup(status).is_some());
            }
        }
        for &ep in &Endpoint::ALL {
            found += ep.entries().len() + ep.name().len() + ep.slug().len() + ep.path().len();
            found += usize::from(ep.method() == http::Method::GET);
        }
        found + entries().len() + general().len()
    });
    assert!(found > 0);
    assert_eq!(n, 0, "lookups allocated {n} times");
}

#[test]
fn parsing_never_allocates() {
    let mut inputs: Vec<String> = Vec::new();
    for ep in Endpoint::ALL {
        for key in [
            ep.name().to_owned(),
            ep.slug().to_owned(),
            format!("{ep:?}"),
        ] {
            inputs.push(key.to_ascii_uppercase());
            inputs.push(key.to_ascii_lowercase());
            inputs.push(format!("{key}x"));
            inputs.push(key[1..].to_owned());
            inputs.push(key);
        }
    }
    inputs.extend(
        [
            "",
            "general",
            "http-codes",
            " ",
            "é",
            "ÉÀ-ü",
            "x",
            "\0",
            "create-tracker",
        ]
        .map(String::from),
    );
    inputs.push("x".repeat(100_000));
    let ((ok, err), n) = allocations(|| {
        let mut ok = 0usize;
        let mut err = 0usize;
        for s in &inputs {
            match s.parse::<Endpoint>() {
                Ok(_) => ok += 1,
                Err(_) => err += 1,
            }
        }
        (ok, err)
    });
    assert!(ok >= 3 * Endpoint::ALL.len() && err > 0, "{ok} {err}");
    assert_eq!(n, 0, "parsing allocated {n} times");
}

/// Inputs a code look-up sees: codes in several shapes, and hostile ones.
fn code_inputs() -> Vec<String> {
    let mut inputs: Vec<String> = [
        "card_declined",
        "Card_declined",
        "expired_card",
        "channelNotFound",
        "ERR_RATE",
        "40140",
        "0",
        "",
        " ",
        "\0",
        "é",
    ]
    .map(String::from)
    .to_vec();
    inputs.push("x".repeat(100_000));
    inputs
}

#[test]
fn code_lookups_never_allocate() {
    use error_catalogue::{Code, lookup_code, lookup_response};
    let inputs = code_inputs();
    let statuses = [
        StatusCode::OK,
        StatusCode::PAYMENT_REQUIRED,
        StatusCode::CONFLICT,
    ];
    let (found, n) = allocations(|| {
        let mut found = 0usize;
        for s in &inputs {
            found += usize::from(s.parse::<Code>().is_ok());
            found += usize::from(lookup_code(s).is_some());
            for &status in &statuses {
                for &ep in &Endpoint::ALL {
                    found += usize::from(lookup_response(ep, status, Some(s)).is_some());
                    found += usize::from(ep.lookup_response(status, None).is_some());
                    found += ep.codes(status).len();
                }
            }
        }
        found
    });
    // The shipped catalogue has no codes: every answer is the status's.
    assert!(found > 0);
    assert_eq!(n, 0, "code look-ups allocated {n} times");
}

/// A loaded catalogue's codes (the build crate's codes fixture), read through
/// the engine's generic path, which generated code's `lookup_code` skips.
#[cfg(feature = "load")]
#[test]
fn loaded_code_lookups_never_allocate() {
    use error_catalogue::CatalogueEndpoint;
    use error_catalogue::load::{self, Loaded};
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/error-catalogue-build/tests/fixtures/codes.toml"
    );
    let report = error_catalogue_build::check_file(fixture);
    load::load(report.catalogue.as_ref().unwrap()).unwrap();
    let inputs = code_inputs();
    let statuses = [
        StatusCode::OK,
        StatusCode::PAYMENT_REQUIRED,
        StatusCode::IM_A_TEAPOT,
    ];
    let (found, n) = allocations(|| {
        let mut found = 0usize;
        for s in &inputs {
            found += usize::from(Loaded::lookup_code(s).is_some());
            for &status in &statuses {
                for &ep in Loaded::all() {
                    found += usize::from(ep.lookup_response(status, Some(s)).is_some());
                    found += ep.codes(status).len();
                }
            }
        }
        found
    });
    assert!(found >= 4, "{found}");
    assert_eq!(n, 0, "loaded code look-ups allocated {n} times");
}

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
    let (found, n) = allocations(|| {
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
        found
    });
    assert!(found > 0);
    assert_eq!(n, 0, "routing allocated {n} times");
}

#[test]
fn typed_errors_never_allocate() {
    use error_catalogue::Error;
    let statuses: Vec<StatusCode> = (100..=999u16)
        .filter_map(|c| StatusCode::from_u16(c).ok())
        .collect();
    let (found, n) = allocations(|| {
        let mut found = 0usize;
        for &status in &statuses {
            for &ep in &Endpoint::ALL {
                if let Some(e) = Error::from_status(ep, status) {
                    found += usize::from(e.code()) + usize::from(e.is_retryable());
                    found += e.entry().map_or(0, |x| x.anchor().len());
                }
            }
        }
        found
    });
    assert!(found > 0);
    assert_eq!(n, 0, "typed errors allocated {n} times");
}

/// The third-party catalogue, linked beside the shipped one, through the
/// same code: lookups, parsing, routing and typed errors, none allocating.
#[test]
fn a_third_party_catalogue_never_allocates() {
    use docker_engine_errors::docker::{self, Endpoint as Docker, Error as DockerError};
    let statuses: Vec<StatusCode> = (100..=999u16)
        .filter_map(|c| StatusCode::from_u16(c).ok())
        .collect();
    let keys: Vec<String> = Docker::ALL
        .iter()
        .flat_map(|e| {
            [
                e.name().to_ascii_uppercase(),
                e.slug().to_owned(),
                format!("{e:?}x"),
            ]
        })
        .collect();
    let requests = [
        (Method::GET, "/containers/4fa6e0f0c678/json"),
        (Method::POST, "/containers/my%20app/kill?signal=SIGKILL"),
        (Method::GET, "/images/library%2Fnginx/json"),
        // A multi-segment name under a base path.
        (
            Method::GET,
            "/v1.43/images/registry.example.com/team/api:v2/json",
        ),
        (Method::DELETE, "/v1.43/images/a/b/c/d/e/f/g/h/i/j"),
        (Method::POST, "/images/a/b/c/d/e/f/g/h/i/j/nope"),
        (Method::DELETE, "/networks/bridge"),
        (Method::GET, "/no/such/path"),
    ];
    let (found, n) = allocations(|| {
        let mut found = 0usize;
        for &status in &statuses {
            for &ep in &Docker::ALL {
                found += usize::from(docker::lookup(ep, status).is_some());
                found += DockerError::from_status(ep, status).map_or(0, |e| usize::from(e.code()));
            }
        }
        for key in &keys {
            found += usize::from(key.parse::<Docker>().is_ok());
        }
        for (method, path) in &requests {
            if let Some(m) = docker::route(method, path) {
                found += m.params().count() + m.endpoint().path().len();
            }
            found +=
                usize::from(docker::lookup_request(method, path, StatusCode::NOT_FOUND).is_some());
        }
        found
    });
    assert!(found > 0);
    assert_eq!(n, 0, "the third-party catalogue allocated {n} times");
}

#[test]
fn docs_urls_never_allocate() {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(64 * 1024);
    let ((), n) = allocations(|| {
        let page = error_catalogue::page();
        write!(out, "{}", page.url()).unwrap();
        write!(out, "{}", page.anchor_url(page.general_slug())).unwrap();
        for e in entries() {
            let url = e.url();
            assert!(url == e.url() && url.anchor() == Some(e.anchor()));
            write!(out, " {url}").unwrap();
        }
    });
    assert_eq!(n, 0, "building and writing docs URLs allocated");
    assert!(out.contains("#create-trackers-409"), "{out}");
}
