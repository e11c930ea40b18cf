//! A small HTTP service (axum) that answers its routes with the catalogue's
//! problem+json: every failure a client sees is an entry of the docs page,
//! with `type` linking to it.
//!
//! ```sh
//! cargo run --example service        # prints: listening on http://127.0.0.1:PORT
//! curl -i -X POST http://127.0.0.1:PORT/v1/manage/trackers
//! ```
//!
//! tests/service_roundtrip.rs starts the same [`app`] and explains its
//! answers with a real HTTP client.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::{Method, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use error_catalogue::{CreateTrackersError, Endpoint, Problem, StatusCode, codes, lookup_request};

/// How long a client should wait before sending more text to process.
pub const RETRY_AFTER: Duration = Duration::from_secs(2);

/// The service's routes: the catalogue's endpoints, each failing as its
/// table documents, and every other request answered from the general table.
pub fn app() -> Router {
    Router::new()
        .route(Endpoint::CreateTrackers.path(), post(create_tracker))
        .route(Endpoint::GetTracker.path(), get(get_tracker))
        .route(Endpoint::AsyncTextApi.path(), post(process_text))
        .method_not_allowed_fallback(general(StatusCode::METHOD_NOT_ALLOWED))
        .fallback(general(StatusCode::NOT_FOUND))
}

/// For an entry a build's data no longer has: 500, rather than a panic.
fn internal_error() -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
}

/// Every tracker name is taken in this demo.
fn reserve_name(_name: &str) -> Result<(), CreateTrackersError> {
    Err(CreateTrackersError::Conflict)
}

/// 409 Conflict, by `?` on a typed error: its problem+json is the entry's.
async fn create_tracker() -> Result<String, CreateTrackersError> {
    reserve_name("my-tracker")?;
    Ok("created".to_string())
}

/// No tracker exists: 404, naming the one asked for (a `Problem` carries the
/// instance and an extension member; a reserved name is an `Err`, never a panic).
async fn get_tracker(Path(tracker_id): Path<String>) -> Result<String, Problem> {
    let problem = codes::GET_TRACKER_404
        .problem()
        .with_instance(format!("/v1/manage/tracker/{tracker_id}"));
    Err(problem
        .clone()
        .with_extension("trackerId", &tracker_id)
        .unwrap_or(problem))
}

/// Always at the concurrency limit: 429 with `Retry-After`.
async fn process_text() -> Result<String, Problem> {
    Err(codes::ASYNC_TEXT_API_429
        .problem()
        .with_retry_after(RETRY_AFTER))
}

/// A handler answering `status` for whatever the request routes to in the
/// catalogue (the general table for unknown paths).
fn general(
    status: StatusCode,
) -> impl Fn(Method, Uri) -> std::future::Ready<Response> + Clone + Send + Sync + 'static {
    move |method: Method, uri: Uri| {
        std::future::ready(match lookup_request(&method, uri.path(), status) {
            Some(e) => e
                .problem()
                .with_instance(uri.path())
                .into_response()
                .map(Body::from),
            None => internal_error(),
        })
    }
}

fn main() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        println!("listening on http://{}", listener.local_addr()?);
        axum::serve(listener, app()).await
    })
}
