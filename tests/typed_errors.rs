//! The typed errors generated for the shipped catalogue, held to the
//! page's rows: one variant per 4xx/5xx status `lookup` answers for an
//! endpoint, named from the status's reason phrase, and `Undocumented` for
//! every other 4xx/5xx; their text, problem+json and miette report.

use error_catalogue::{
    AsyncTextApiError, CatalogueEndpoint, CreateTrackersError, Endpoint, EndpointError, Error,
    GetTrackerError, StatusCode, TypedErrors, lookup,
};

/// `Debug` of a documented variant is its name: the status's canonical
/// reason phrase in UpperCamelCase.
fn variant_name(status: StatusCode) -> String {
    let phrase = status.canonical_reason().unwrap().replace('\'', "");
    phrase
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            let first = cs.next().unwrap().to_ascii_uppercase();
            std::iter::once(first)
                .chain(cs.map(|c| c.to_ascii_lowercase()))
                .collect::<String>()
        })
        .collect()
}

#[test]
fn every_status_of_every_endpoint_has_its_variant() {
    let mut documented = 0;
    for &endpoint in &Endpoint::ALL {
        for code in 100..=999u16 {
            let status = StatusCode::from_u16(code).unwrap();
            let error = Error::from_status(endpoint, status);
            if !(400..=599).contains(&code) {
                assert_eq!(error, None, "{endpoint:?} {code}");
                continue;
            }
            let error = error.unwrap();
            assert_eq!((error.endpoint(), error.code()), (endpoint, code));
            assert_eq!(endpoint.error(status), Some(error));
            let inner = format!("{error:?}");
            match lookup(endpoint, status) {
                Some(entry) => {
                    documented += 1;
                    assert_eq!(error.entry(), Some(entry), "{endpoint:?} {code}");
                    assert_eq!(error.is_retryable(), entry.retryable());
                    assert_eq!(inner, format!("{endpoint:?}({})", variant_name(status)));
                }
                None => {
                    assert_eq!(error.entry(), None);
                    assert_eq!(inner, format!("{endpoint:?}(Undocumented({code}))"));
                }
            }
        }
    }
    // The page's 4xx/5xx rows per endpoint, own and general, once each.
    let expected: usize = Endpoint::ALL
        .iter()
        .map(|&e| {
            (400..=599)
                .filter(|&c| lookup(e, StatusCode::from_u16(c).unwrap()).is_some())
                .count()
        })
        .sum();
    assert_eq!(documented, expected);
    // The page: the general table's 400 401 403 404 405 429 500 for each of
    // the three endpoints, plus Create Trackers' 409 413 502 504 of its own.
    assert_eq!(documented, 3 * 7 + 4);
}

#[test]
fn variants_are_named_from_the_canonical_phrase_whatever_the_data_says() {
    // The page calls Create Trackers' 413 "Request Entity Too Large" and its
    // 429 "Too many requests": the names follow the status.
    let e = CreateTrackersError::PayloadTooLarge;
    assert_eq!(e.entry().unwrap().meaning(), "Request Entity Too Large");
    assert_eq!(
        CreateTrackersError::TooManyRequests
            .entry()
            .unwrap()
            .meaning(),
        "Too many requests"
    );
    assert_eq!(
        CreateTrackersError::from_status(StatusCode::CONFLICT),
        Some(CreateTrackersError::Conflict)
    );
    assert_eq!(
        GetTrackerError::from_status(StatusCode::NOT_FOUND),
        Some(GetTrackerError::NotFound)
    );
    assert_eq!(
        AsyncTextApiError::from_status(StatusCode::IM_A_TEAPOT),
        Some(AsyncTextApiError::Undocumented(StatusCode::IM_A_TEAPOT))
    );
    assert_eq!(AsyncTextApiError::from_status(StatusCode::OK), None);
    assert!(AsyncTextApiError::TooManyRequests.is_retryable());
    assert!(!GetTrackerError::NotFound.is_retryable());
    // Undocumented: retryable as the status's default says.
    assert!(GetTrackerError::Undocumented(StatusCode::SERVICE_UNAVAILABLE).is_retryable());
    assert!(!GetTrackerError::Undocumented(StatusCode::IM_A_TEAPOT).is_retryable());
    assert_eq!(
        Error::from(CreateTrackersError::Conflict).endpoint(),
        Endpoint::CreateTrackers
    );
}

#[test]
fn display_says_the_endpoint_status_meaning_and_description() {
    assert_eq!(
        CreateTrackersError::Conflict.to_string(),
        "Create Trackers → 409 Conflict: The 409 response code specifies that the Tracker with that specific name already exists."
    );
    assert_eq!(
        GetTrackerError::Forbidden.to_string(),
        "Get Tracker → 403 Forbidden",
        "an entry without description"
    );
    assert_eq!(
        GetTrackerError::Undocumented(StatusCode::IM_A_TEAPOT).to_string(),
        "Get Tracker → 418 I'm a teapot (not documented for this endpoint)"
    );
    let wide = Error::GetTracker(GetTrackerError::NotFound);
    assert_eq!(wide.to_string(), GetTrackerError::NotFound.to_string());
    let boxed: Box<dyn std::error::Error> = Box::new(CreateTrackersError::Conflict);
    assert!(boxed.to_string().starts_with("Create Trackers → 409"));
}

#[cfg(feature = "serde")]
#[test]
fn typed_errors_answer_with_problem_json() {
    let response: http::Response<Vec<u8>> = CreateTrackersError::Conflict.into();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        json["type"],
        "https://docs.symbl.ai/docs/developer-tools/errors/#create-trackers-409"
    );
    // An undocumented status: RFC 9457's about:blank, titled by the phrase.
    let response = GetTrackerError::Undocumented(StatusCode::IM_A_TEAPOT).to_response();
    assert_eq!(response.status(), StatusCode::IM_A_TEAPOT);
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"type": "about:blank", "title": "I'm a teapot", "status": 418})
    );
    assert!(response.headers().get("retry-after").is_none());
}

#[cfg(feature = "miette")]
#[test]
fn miette_reports_the_entry_s_id_help_and_url() {
    use miette::{Diagnostic, NarratableReportHandler};

    let e = CreateTrackersError::Conflict;
    assert_eq!(
        Diagnostic::code(&e).unwrap().to_string(),
        "create-trackers-409"
    );
    assert_eq!(
        e.url().unwrap().to_string(),
        "https://docs.symbl.ai/docs/developer-tools/errors/#create-trackers-409"
    );
    let mut report = String::new();
    NarratableReportHandler::new()
        .render_report(&mut report, &e)
        .unwrap();
    for part in [
        "Create Trackers → 409 Conflict: The 409 response code specifies",
        "diagnostic code: create-trackers-409",
        "For more details, see:\nhttps://docs.symbl.ai/docs/developer-tools/errors/#create-trackers-409",
        "Modify the name of the Tracker",
    ] {
        assert!(report.contains(part), "{part:?} in\n{report}");
    }
    // Undocumented: no code, help or url, the message alone.
    let e = GetTrackerError::Undocumented(StatusCode::IM_A_TEAPOT);
    assert!(Diagnostic::code(&e).is_none() && e.help().is_none() && e.url().is_none());
}

/// Generic code handles any endpoint's error without naming it.
fn retry_advice(e: &impl EndpointError) -> String {
    match (e.is_documented(), e.is_retryable()) {
        (true, true) => format!("retry {} later", e.endpoint()),
        (true, false) => format!("fix the request to {}", e.endpoint()),
        (false, _) => format!("{} is not documented", e.code()),
    }
}

#[test]
fn generic_code_handles_every_endpoint_s_errors() {
    assert_eq!(
        retry_advice(&AsyncTextApiError::TooManyRequests),
        "retry Async Text API later"
    );
    assert_eq!(
        retry_advice(&Error::CreateTrackers(CreateTrackersError::BadRequest)),
        "fix the request to Create Trackers"
    );
    assert_eq!(
        retry_advice(&GetTrackerError::Undocumented(StatusCode::GONE)),
        "410 is not documented"
    );
    fn endpoint_of<E: TypedErrors>(e: E, status: StatusCode) -> Option<E> {
        e.error(status).map(|x| x.endpoint())
    }
    assert_eq!(
        endpoint_of(Endpoint::GetTracker, StatusCode::NOT_FOUND),
        Some(Endpoint::GetTracker)
    );
    assert_eq!(
        Endpoint::GetTracker.name(),
        CatalogueEndpoint::name(Endpoint::GetTracker)
    );
}

#[test]
fn a_catalogue_without_codes_types_a_response_by_its_status() {
    // The shipped catalogue documents no codes: a body's code changes nothing.
    for e in Endpoint::ALL {
        for status in [409, 401, 418, 200] {
            let status = StatusCode::from_u16(status).unwrap();
            for code in [None, Some("card_declined"), Some("40140")] {
                assert_eq!(
                    e.response_error(status, code),
                    e.error(status),
                    "{e} {status} {code:?}"
                );
            }
        }
    }
    let e = CreateTrackersError::Conflict;
    assert_eq!(EndpointError::code_entry(&e), None);
    assert_eq!(
        e.entry(),
        Endpoint::CreateTrackers.lookup(StatusCode::CONFLICT)
    );
}
