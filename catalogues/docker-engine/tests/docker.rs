//! The Docker Engine API's catalogue, used as its clients and services
//! would: lookups with the general fallback, real request paths routed,
//! problem+json answers and real-shaped error bodies explained. The
//! fixtures are the daemon's own request shapes and messages (see their
//! headers in `tests/fixtures`).

use docker_engine_errors::docker::{self, Endpoint, Entry, Explanation};
use docker_engine_errors::symbl;
use error_catalogue::CatalogueEndpoint;
use http::{HeaderMap, Method, StatusCode};

fn fixture(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn the_catalogue_is_the_spec_s_sixty_eight_operations() {
    assert_eq!(Endpoint::ALL.len(), 68);
    assert_eq!(docker::entries().len(), 112);
    assert_eq!(docker::general().len(), 3);
    assert_eq!(docker::page().title(), "Docker Engine API errors");
    let e = Endpoint::ContainerInspect;
    assert_eq!(
        (e.name(), e.slug(), e.method(), e.path()),
        (
            "Container Inspect",
            "container-inspect",
            Method::GET,
            "/containers/{id}/json"
        )
    );
    assert_eq!(
        format!("{e:?} / {e}"),
        "ContainerInspect / Container Inspect"
    );
}

#[test]
fn lookups_answer_with_the_endpoint_s_row_else_the_general_one() {
    let e: &Entry = docker::lookup(Endpoint::ContainerInspect, StatusCode::NOT_FOUND).unwrap();
    assert_eq!(e.description(), Some("no such container"));
    assert_eq!(e.endpoint(), Some(Endpoint::ContainerInspect));
    assert_eq!(e.anchor(), "container-inspect-404");
    assert!(!e.is_general() && !e.retryable());
    // Container Inspect documents no 500 of its own: the general row answers.
    let e = docker::lookup(
        Endpoint::ContainerInspect,
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .unwrap();
    assert!(e.is_general() && e.retryable());
    assert_eq!(e.description(), Some("server error"));
    assert_eq!(e.endpoint(), None);
    // Container Resize's own 500 says more, and wins.
    let e = docker::lookup(Endpoint::ContainerResize, StatusCode::INTERNAL_SERVER_ERROR).unwrap();
    assert_eq!(e.description(), Some("cannot resize container"));
    assert!(docker::lookup(Endpoint::SystemPing, StatusCode::IM_A_TEAPOT).is_none());
    let general = docker::lookup_general(StatusCode::NOT_FOUND).unwrap();
    assert_eq!(
        general.anchor(),
        format!("{}-404", docker::page().general_slug())
    );
    assert!(general.is_general());
}

#[test]
fn every_endpoint_parses_from_its_name_slug_and_identifier() {
    for &e in &Endpoint::ALL {
        for key in [e.name(), e.slug(), e.ident()] {
            assert_eq!(key.parse::<Endpoint>(), Ok(e), "{key}");
            assert_eq!(key.to_ascii_uppercase().parse::<Endpoint>(), Ok(e), "{key}");
        }
        // Each own entry says it is this endpoint's, and lookup finds it.
        for entry in e.entries() {
            assert_eq!(entry.endpoint(), Some(e));
            assert_eq!(e.lookup(entry.status()), Some(entry));
        }
    }
    assert!("container-inspekt".parse::<Endpoint>().is_err());
}

#[test]
fn real_requests_route_to_their_endpoints() {
    let lines = fixture("requests.tsv");
    assert!(lines.len() >= 80, "{}", lines.len());
    let mut routed = std::collections::BTreeSet::new();
    for line in &lines {
        let [method, path, slug] = &line[..] else {
            panic!("{line:?}")
        };
        let method: Method = method.parse().unwrap();
        let found = docker::route(&method, path).map(|m| m.endpoint().slug());
        let expected = (slug != "-").then_some(slug.as_str());
        assert_eq!(found, expected, "{method} {path}");
        assert_eq!(Endpoint::route(&method, path).map(Endpoint::slug), expected);
        routed.extend(found);
    }
    // Every endpoint is reached by some real request.
    assert_eq!(routed.len(), Endpoint::ALL.len());
    let m = docker::route(&Method::POST, "/containers/my%20app/kill?signal=SIGKILL").unwrap();
    assert_eq!(m.endpoint(), Endpoint::ContainerKill);
    assert_eq!(m.param("id"), Some("my%20app"));
    assert_eq!(m.param_decoded("id").as_deref(), Some("my app"));
    let m = docker::route(&Method::GET, "/images/library%2Fnginx/json").unwrap();
    assert_eq!(m.param_decoded("name").as_deref(), Some("library/nginx"));
}

#[test]
fn image_names_span_segments_and_versions_prefix_any_route() {
    let m = docker::route(&Method::GET, "/v1.43/images/library/ubuntu:22.04/json").unwrap();
    assert_eq!(m.endpoint(), Endpoint::ImageInspect);
    assert_eq!(m.base_path(), "/{version}");
    assert_eq!(
        m.params().collect::<Vec<_>>(),
        [("version", "v1.43"), ("name", "library/ubuntu:22.04")]
    );
    // Sent with its `/` or encoded, the name reads the same.
    for path in [
        "/images/library/ubuntu/json",
        "/images/library%2Fubuntu/json",
    ] {
        let m = docker::route(&Method::GET, path).unwrap();
        assert_eq!(m.base_path(), "");
        assert_eq!(
            m.param_decoded("name").as_deref(),
            Some("library/ubuntu"),
            "{path}"
        );
    }
    // The literal route still wins over a name: `/images/json` lists images.
    assert_eq!(
        docker::Endpoint::route(&Method::GET, "/v1.56/images/json"),
        Some(Endpoint::ImageList)
    );
    assert_eq!(docker::Catalogue.base_paths(), ["", "/{version}"]);
    // The 404 of an image looked up through a versioned path is the entry's.
    let e = docker::lookup_request(
        &Method::DELETE,
        "/v1.45/images/registry.example.com:5000/team/api:v2",
        http::StatusCode::NOT_FOUND,
    )
    .unwrap();
    assert_eq!(e.endpoint(), Some(Endpoint::ImageDelete));
}

#[test]
fn a_service_answers_with_problem_json() {
    let e = docker::codes::CONTAINER_DELETE_409;
    let response = e
        .problem()
        .with_instance("/containers/4fa6e0f0c678")
        .with_extension("containerId", "4fa6e0f0c678")
        .unwrap()
        .into_response();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        json["type"],
        format!(
            "{}{}#container-delete-409",
            docker::page().docs_base_url(),
            docker::page().slug()
        )
    );
    assert_eq!(json["title"], "Conflict");
    assert_eq!(json["detail"], e.plain_description().unwrap());
    assert_eq!(json["containerId"], "4fa6e0f0c678");
    // The catalogue serializes whole, endpoints by slug.
    let all = serde_json::to_value(docker::Catalogue).unwrap();
    assert_eq!(all["endpoints"][0]["slug"], Endpoint::ALL[0].slug());
    assert_eq!(
        serde_json::to_value(Endpoint::ImageTag).unwrap(),
        "image-tag"
    );
}

#[test]
fn clients_explain_the_daemon_s_error_bodies() {
    let lines = fixture("error-bodies.tsv");
    assert!(lines.len() >= 5);
    for line in &lines {
        let [method, path, status, body] = &line[..] else {
            panic!("{line:?}")
        };
        let method: Method = method.parse().unwrap();
        let status = StatusCode::from_u16(status.parse().unwrap()).unwrap();
        let e: Explanation =
            Explanation::from_status(&method, path, status, &HeaderMap::new(), body.as_bytes())
                .unwrap_or_else(|| panic!("{method} {path} {status}"));
        let message: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(e.server_message(), message["message"].as_str(), "{path}");
        assert_eq!(e.entry().code(), status.as_u16());
        assert_eq!(
            e.endpoint(),
            docker::route(&method, path).map(|m| m.endpoint())
        );
        let text = e.to_string();
        assert!(
            text.contains(&format!(
                "{} {}",
                status.as_u16(),
                e.entry().plain_meaning()
            )),
            "{text}"
        );
    }
    let e = Explanation::from_status(
        &Method::GET,
        "/containers/abc/json",
        StatusCode::NOT_FOUND,
        &HeaderMap::new(),
        br#"{"message":"No such container: abc"}"#,
    )
    .unwrap();
    assert_eq!(e.endpoint(), Some(Endpoint::ContainerInspect));
    assert_eq!(
        e.to_string(),
        "Container Inspect → 404 Not Found: no such container (server said: \"No such container: abc\")"
    );
}

/// Generic code handles any catalogue's entries, and one binary links
/// several: this crate's two, and the one error-catalogue ships.
fn summary<E: CatalogueEndpoint>(status: StatusCode, endpoint: E) -> String {
    match endpoint.lookup(status) {
        Some(e) => format!("{}: {} ({})", endpoint.name(), e, e.anchor()),
        None => format!("{}: {} not documented", endpoint.name(), status.as_u16()),
    }
}

#[test]
fn one_binary_links_several_catalogues() {
    assert_eq!(
        summary(StatusCode::CONFLICT, Endpoint::ContainerDelete),
        "Container Delete: 409 Conflict (container-delete-409)"
    );
    assert_eq!(
        summary(StatusCode::CONFLICT, symbl::Endpoint::CreateTrackers),
        "Create Trackers: 409 Conflict (create-trackers-409)"
    );
    assert_eq!(
        summary(
            StatusCode::CONFLICT,
            error_catalogue::Endpoint::CreateTrackers
        ),
        "Create Trackers: 409 Conflict (create-trackers-409)"
    );
    // The same data through two generated modules: equal texts, distinct types.
    let here = symbl::codes::CREATE_TRACKERS_409;
    let shipped = error_catalogue::lookup(
        error_catalogue::Endpoint::CreateTrackers,
        StatusCode::CONFLICT,
    )
    .unwrap();
    assert_eq!(here.description(), shipped.description());
    assert_eq!(here.endpoint(), Some(symbl::Endpoint::CreateTrackers));
    assert_eq!(
        shipped.endpoint(),
        Some(error_catalogue::Endpoint::CreateTrackers)
    );
    assert_eq!(symbl::entries().len(), error_catalogue::entries().len());
    // And each catalogue's route answers from its own tables.
    assert!(docker::route(&Method::POST, "/v1/manage/trackers").is_none());
    assert_eq!(
        symbl::route(&Method::POST, "/v1/manage/trackers").map(|m| m.endpoint()),
        Some(symbl::Endpoint::CreateTrackers)
    );
}

#[test]
fn the_docs_render_from_this_catalogue() {
    let mut page = Vec::new();
    docker::Catalogue
        .render(error_catalogue::render::Format::Markdown, &mut page)
        .unwrap();
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("Container Inspect"), "{page}");
    assert!(page.contains("no such container"));
}

#[test]
fn its_own_typed_errors_match_serve_and_report() {
    use docker::{ContainerDeleteError, Error, ImageInspectError};
    use error_catalogue::EndpointError;

    let e = ContainerDeleteError::from_status(StatusCode::CONFLICT).unwrap();
    assert_eq!(e, ContainerDeleteError::Conflict);
    assert_eq!(e.entry(), Some(docker::codes::CONTAINER_DELETE_409));
    assert_eq!(e.endpoint(), Endpoint::ContainerDelete);
    assert!(
        e.to_string()
            .starts_with("Container Delete → 409 Conflict: "),
        "{e}"
    );
    // The general table's 500 is every endpoint's variant too.
    assert_eq!(
        ImageInspectError::from_status(StatusCode::INTERNAL_SERVER_ERROR),
        Some(ImageInspectError::InternalServerError)
    );
    assert!(ImageInspectError::InternalServerError.is_retryable());
    assert_eq!(
        ImageInspectError::from_status(StatusCode::IM_A_TEAPOT),
        Some(ImageInspectError::Undocumented(StatusCode::IM_A_TEAPOT))
    );
    // A client explains a response and matches the typed error.
    let e = Explanation::from_status(
        &Method::DELETE,
        "/containers/web",
        StatusCode::CONFLICT,
        &HeaderMap::new(),
        br#"{"message":"cannot remove container: container is running"}"#,
    )
    .unwrap();
    match e.error() {
        Some(Error::ContainerDelete(ContainerDeleteError::Conflict)) => {}
        other => panic!("{other:?}"),
    }
    // miette and axum impls, generated in this crate for its own enums.
    let d: &dyn miette::Diagnostic = &ContainerDeleteError::Conflict;
    assert_eq!(d.code().unwrap().to_string(), "container-delete-409");
    let response = axum_core::response::IntoResponse::into_response(ContainerDeleteError::Conflict);
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

/// A table none of whose rows has a resolution leaves the column out, in
/// every docs format; a table with one keeps it.
#[test]
fn tables_without_resolutions_have_no_resolution_column() {
    use error_catalogue::render::Format;
    let tables = docker::Catalogue.tables();
    let with = |e: Endpoint| e.entries().iter().any(|x| x.resolution().is_some());
    let (mut two, mut three) = (0, 0);
    for table in tables.iter().skip(1) {
        let endpoint = table.endpoint.unwrap();
        if with(endpoint) {
            assert_eq!(table.header, ["Error Code", "Description", "Resolution"]);
            three += 1;
        } else {
            assert_eq!(table.header, ["Error Code", "Description"]);
            two += 1;
        }
        for row in &table.rows {
            assert_eq!(row.cells.len(), table.header.len(), "{}", table.heading);
        }
    }
    assert!(two > 0 && three > 0, "{two} {three}");
    let render = |format: Format| {
        let mut out = Vec::new();
        docker::Catalogue.render(format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let markdown = render(Format::Markdown);
    assert_eq!(
        markdown
            .matches("| Error Code | Description | Resolution |\n")
            .count(),
        three
    );
    assert_eq!(
        markdown.matches("| Error Code | Description |\n").count(),
        two
    );
    assert!(markdown.contains(
        "## Container Inspect - GET <a id=\"container-inspect\"></a>\n\n| Error Code | Description |\n| ---------- | ------- |\n| 404 - Not Found <a id=\"container-inspect-404\"></a> | no such container |\n"
    ));
    let mdx = render(Format::Mdx);
    assert_eq!(
        mdx.matches("Error Code | Description | Resolution\n")
            .count(),
        three
    );
    assert_eq!(mdx.matches("Error Code | Description\n").count(), two);
    let html = render(Format::Html);
    assert_eq!(html.matches("<th>Resolution</th>").count(), three);
    assert_eq!(
        html.matches("<th>Description</th></tr>").count(),
        two,
        "{html}"
    );
}

/// The catalogue rendered as OpenAPI (JSON and YAML) and imported back is
/// the catalogue: every endpoint and entry, page and general table.
#[test]
fn openapi_render_then_import_gives_the_catalogue_back() {
    use error_catalogue::render::Format;
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = error_catalogue_build::check_file(manifest.join("errors.toml"))
        .catalogue
        .unwrap();
    for format in [Format::OpenApi, Format::OpenApiYaml] {
        let mut spec = Vec::new();
        docker::Catalogue.render(format, &mut spec).unwrap();
        let spec = String::from_utf8(spec).unwrap();
        let imported = error_catalogue_build::import::openapi("docker.json", &spec).unwrap();
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        let report = error_catalogue_build::check_str("errors.toml", &imported.toml);
        assert!(report.diagnostics.is_empty(), "{}", report.render(false));
        assert_eq!(report.catalogue.unwrap(), shipped, "{}", format.name());
    }
}
