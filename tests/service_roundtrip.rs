//! A real service and a real client: examples/service.rs's app on
//! 127.0.0.1, requests sent with ureq, each response explained with
//! `Explanation`. The entry the server answered with (named by the problem's
//! `type`) must be the entry the client's explanation finds.
#![cfg(all(feature = "axum", feature = "entry-consts"))]

#[allow(dead_code)]
#[path = "../examples/service.rs"]
mod service;

use std::net::SocketAddr;
use std::thread::JoinHandle;
use std::time::Duration;

use error_catalogue::{
    AsyncTextApiError, CreateTrackersError, Endpoint, Entry, Error, Explanation, PROBLEM_JSON,
    entries,
};
use http::Method;

/// The service on an ephemeral loopback port, stopped on drop.
struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                axum::serve(listener, service::app())
                    .with_graceful_shutdown(async move {
                        let _ = stopped.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = addr_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the service starts");
        Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What came back for one request.
struct Exchange {
    explanation: Explanation,
    served: Option<&'static Entry>,
    content_type: Option<String>,
    body: serde_json::Value,
}

fn send(server: &Server, method: Method, path: &str) -> Exchange {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let url = format!("http://{}{path}", server.addr);
    let request = ureq::http::Request::builder()
        .method(method.clone())
        .uri(&url)
        .body(())
        .unwrap();
    let response = agent.run(request).expect("the service answers");
    let (parts, mut body) = response.into_parts();
    let body = body.read_to_vec().unwrap();
    let explanation = Explanation::from_response(&method, &url, &parts, &body)
        .unwrap_or_else(|| panic!("{method} {path}: {} is not in the catalogue", parts.status));
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let served = json["type"].as_str().and_then(|ty| {
        entries()
            .iter()
            .find(|e| ty.ends_with(&format!("#{}", e.anchor())))
    });
    Exchange {
        explanation,
        served,
        content_type: parts
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        body: json,
    }
}

fn assert_round_trip(x: &Exchange) {
    assert_eq!(x.content_type.as_deref(), Some(PROBLEM_JSON));
    let served = x
        .served
        .expect("the problem's type names a catalogue entry");
    assert!(
        std::ptr::eq(served, x.explanation.entry()),
        "served {} but explained {}",
        served.anchor(),
        x.explanation.entry().anchor()
    );
    assert_eq!(x.body["status"].as_u64(), Some(u64::from(served.code())));
}

#[test]
fn real_requests_round_trip_through_the_catalogue() {
    let server = Server::start();

    // A hit in an endpoint's own table.
    let hit = send(&server, Method::POST, "/v1/manage/trackers");
    assert_round_trip(&hit);
    assert_eq!(hit.explanation.entry().anchor(), "create-trackers-409");
    assert_eq!(hit.explanation.endpoint(), Some(Endpoint::CreateTrackers));
    assert!(!hit.explanation.is_general() && !hit.explanation.retryable());
    assert_eq!(
        hit.explanation.server_message(),
        hit.explanation.entry().plain_description()
    );
    assert!(
        hit.explanation
            .to_string()
            .starts_with("Create Trackers → 409 Conflict: ")
    );
    // The client matches the typed error the service returned with `?`.
    match hit.explanation.error() {
        Some(Error::CreateTrackers(CreateTrackersError::Conflict)) => {}
        other => panic!("expected Create Trackers' Conflict, got {other:?}"),
    }

    // A parameterised route, with the server's own extension member.
    let tracker = send(
        &server,
        Method::GET,
        "/v1/manage/tracker/5f3c%20a?verbose=1",
    );
    assert_round_trip(&tracker);
    assert_eq!(tracker.explanation.entry().anchor(), "get-tracker-404");
    assert_eq!(tracker.body["trackerId"], "5f3c a");

    // The general table: a path no endpoint has, and a method a route lacks.
    let unknown = send(&server, Method::GET, "/v2/unknown/thing");
    assert_round_trip(&unknown);
    assert_eq!(unknown.explanation.entry().anchor(), "http-codes-404");
    assert_eq!(unknown.explanation.endpoint(), None);
    assert!(unknown.explanation.is_general());
    let wrong_method = send(&server, Method::DELETE, "/v1/manage/trackers");
    assert_round_trip(&wrong_method);
    assert_eq!(wrong_method.explanation.entry().anchor(), "http-codes-405");

    // Retryable, with Retry-After.
    let busy = send(&server, Method::POST, "/v1/process/text");
    assert_round_trip(&busy);
    assert_eq!(busy.explanation.entry().anchor(), "async-text-api-429");
    assert!(busy.explanation.retryable());
    assert_eq!(busy.explanation.retry_delay(), Some(service::RETRY_AFTER));
    assert!(busy.explanation.to_string().ends_with(" Retry after 2 s."));
    assert_eq!(
        busy.explanation.error(),
        Some(Error::AsyncTextApi(AsyncTextApiError::TooManyRequests))
    );
    // No endpoint matched: no typed error, the general entry still explains.
    assert_eq!(unknown.explanation.error(), None);
}

#[test]
fn head_requests_are_explained_from_status_alone() {
    let server = Server::start();
    let head = send(&server, Method::HEAD, "/v1/manage/tracker/abc");
    assert_eq!(head.explanation.entry().anchor(), "get-tracker-404");
    assert_eq!(
        head.explanation.server_message(),
        None,
        "a HEAD response has no body"
    );
}
