//! `errcat import openapi` on specs that are not tidy: operations the
//! catalogue cannot say left out with a warning (`--strict` refuses them),
//! Box's `#fragment` operations as one endpoint per route, GitHub's
//! `x-multi-segment` parameters as `{*name}`, and real requests routed
//! through each.

use std::path::PathBuf;

mod import_support;

use import_support::*;

/// An operation the catalogue cannot say costs only itself: a located
/// warning, a line in the header, the rest written; `--strict` writes
/// nothing.
#[test]
fn operations_the_catalogue_cannot_say_are_left_out_with_a_warning() {
    // Box's real paths (text beside a parameter imports), a template with
    // too many parameters, two templates that route the same requests, and
    // two whose overlap only the validator sees (E0016).
    let spec = r#"{"openapi": "3.0.2", "info": {"title": "Box", "version": "2024.0"}, "paths": {
  "/files/{file_id}/thumbnail.{extension}": {"get": {"responses": {"404": {"description": "No file."}}}},
  "/users/{user_id}": {"get": {"responses": {"404": {"description": "No user."}}}},
  "/users/{id}": {"get": {"responses": {"404": {"description": "No user."}}}},
  "/a/x{p}": {"get": {"responses": {"409": {"description": "Conflict."}}}},
  "/a/{q}x": {"get": {"responses": {"409": {"description": "Conflict."}}}},
  "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}": {"get": {"responses": {"410": {"description": "Gone."}}}}
}}"#;
    let dir = scratch("left-out");
    std::fs::write(dir.join("box.json"), spec).unwrap();
    let warnings = [
        "box.json:4:3: warning: GET /users/{id}: it matches the same requests as GET /users/{user_id} (line 3), and a catalogue routes each request to one endpoint: operation left out",
        "box.json:6:15: warning: GET /a/{q}x: GET /a/{q}x and GET /a/x{p} both match some requests, with as much literal text where they first differ: operation left out",
        "box.json:7:3: warning: GET /{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}: the path template has 9 parameters; a catalogue template has at most 8: operation left out",
    ];
    let out = errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "box.json", "-o", "errors.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        warnings.join("\n")
            + "\nerrcat: wrote errors.toml: 3 endpoints, 3 entries from OpenAPI 3.0.2 box.json (3 operations the catalogue cannot say left out)\n"
    );
    let text = std::fs::read_to_string(dir.join("errors.toml")).unwrap();
    assert!(
        text.contains("\n# - Line 4:3: GET /users/{id}: it matches the same requests as GET /users/{user_id} (line 3), and a\n#   catalogue routes each request to one endpoint: operation left out\n"),
        "{text}"
    );
    assert_eq!(text.matches("\n# - Line ").count(), 3, "{text}");
    let catalogue = checked(&dir.join("errors.toml"));
    let paths: Vec<&str> = catalogue
        .endpoints
        .iter()
        .map(|e| e.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "/files/{file_id}/thumbnail.{extension}",
            "/users/{user_id}",
            "/a/x{p}"
        ]
    );

    let out = errcat()
        .current_dir(&dir)
        .args([
            "import",
            "openapi",
            "box.json",
            "-o",
            "strict.toml",
            "--strict",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let errors: Vec<String> = warnings
        .iter()
        .map(|w| w.replace(": warning: ", ": error: "))
        .collect();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        errors.join("\n") + "\nerrcat: box.json: 3 problems, nothing written\n"
    );
    assert!(!dir.join("strict.toml").exists());
}

/// Box's operations that differ only by a `#fragment` are one route: one
/// endpoint, named from the fragment-less path's operation, their rows
/// together, a warning for each joined.
#[test]
fn box_fragments_are_one_endpoint_per_route() {
    let name = "box-platform-2024.0-shared-links.json";
    let (text, catalogue, stderr) = import_fixture(name);
    for (line, fragment, first) in [
        (
            1012,
            "GET /files/{file_id}#get_shared_link",
            "GET /files/{file_id} (line 403)",
        ),
        (
            1124,
            "PUT /files/{file_id}#add_shared_link",
            "PUT /files/{file_id} (line 631)",
        ),
        (
            1275,
            "PUT /files/{file_id}#update_shared_link",
            "PUT /files/{file_id} (line 631)",
        ),
        (
            1426,
            "PUT /files/{file_id}#remove_shared_link",
            "PUT /files/{file_id} (line 631)",
        ),
    ] {
        assert!(
            stderr.contains(&format!(
                "/{name}:{line}:7: warning: {fragment}: the same route as {first} once the fragment is left out, as a request sends it: imported as one endpoint, their rows together\n"
            )),
            "{stderr}"
        );
    }
    let routes: Vec<(&str, &str, &str)> = catalogue
        .endpoints
        .iter()
        .map(|e| (e.name.as_str(), e.method.as_str(), e.path.as_str()))
        .collect();
    assert_eq!(
        routes,
        [
            ("Get Files Id", "GET", "/files/{file_id}"),
            ("Post Files Id", "POST", "/files/{file_id}"),
            ("Put Files Id", "PUT", "/files/{file_id}"),
            ("Delete Files Id", "DELETE", "/files/{file_id}"),
            (
                "Get Files Id Thumbnail Id",
                "GET",
                "/files/{file_id}/thumbnail.{extension}"
            ),
        ]
    );
    assert!(text.contains(
        "# The spec's `PUT /files/{file_id}`, `PUT /files/{file_id}#add_shared_link`, `PUT\n\
         # /files/{file_id}#update_shared_link`, `PUT /files/{file_id}#remove_shared_link` are one route to a\n"
    ), "{text}");
    // 400: `PUT /files/{file_id}`'s description, then #add_shared_link's;
    // #update_shared_link says what #add_shared_link does.
    assert!(text.contains(
        "\n# The route's operations describe 400 differently: each description is kept, in the spec's order\n\
         # (the later from #add_shared_link).\n[[endpoints.errors]]\nstatus = 400\nmeaning = \"Bad Request\"\n\
         description = '''\nReturned when the new retention time > maximum retention length.\n\n\
         Returned when there is an incorrect permission combination.'''\n"
    ), "{text}");
    // Real requests, under the servers' /2.0.
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("import-{name}"))
        .join("errors.toml");
    let put = lookup(&file, "PUT /2.0/files/12345", "400");
    assert_eq!(put["endpoint"], "put-files-id");
    let thumbnail = lookup(&file, "GET /2.0/files/12345/thumbnail.png", "404");
    assert_eq!(thumbnail["endpoint"], "get-files-id-thumbnail-id");
}

/// GitHub's `x-multi-segment: true` path parameters (inline, and through a
/// `$ref` to `components/parameters`) become `{*name}`: requests whose
/// file paths and branch names hold slashes route.
#[test]
fn github_multi_segment_parameters_route_requests_with_slashes() {
    let name = "github-rest-2022-11-28.yaml";
    let (_, catalogue, _) = import_fixture(name);
    let paths: Vec<&str> = catalogue
        .endpoints
        .iter()
        .map(|e| e.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "/repos/{owner}/{repo}/branches/{*branch}/protection/restrictions/users",
            "/repos/{owner}/{repo}/branches/{*branch}/rename",
            "/repos/{owner}/{repo}/contents/{*path}",
            "/repos/{owner}/{repo}/contents/{*path}",
        ]
    );
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("import-{name}"))
        .join("errors.toml");
    for (request, status, endpoint) in [
        (
            "PUT /repos/octocat/hello/contents/docs/guide/intro.md",
            "409",
            "repos-create-or-update-file-contents",
        ),
        (
            "DELETE /repos/octocat/hello/contents/README.md",
            "503",
            "repos-delete-file",
        ),
        (
            "POST /repos/octocat/hello/branches/feature/x/rename",
            "403",
            "repos-rename-branch",
        ),
    ] {
        assert_eq!(
            lookup(&file, request, status)["endpoint"],
            endpoint,
            "{request}"
        );
    }
    // 404 is every operation's alike: the general row, once the request
    // has routed (an unrouted one is exit 2).
    let users = "GET /repos/octocat/hello/branches/release/2.0/protection/restrictions/users";
    assert_eq!(
        lookup(&file, users, "404")["anchor"],
        "http-status-codes-404"
    );
    let out = errcat()
        .arg("lookup")
        .arg("-c")
        .arg(&file)
        .args(["GET /repos/octocat/hello/contents", "404"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// Operations with a fragment and no fragment-less sibling are named from
/// their operationIds' shared prefix, as is one alone (`post_oauth2_token`
/// of `post_oauth2_token#refresh`); each with a warning.
#[test]
fn fragments_without_a_plain_path_share_their_operation_ids_prefix() {
    let spec = r#"{"openapi": "3.0.2", "info": {"title": "Box", "version": "2024.0"}, "paths": {
  "/shared_items#folders": {"get": {"operationId": "get_shared_items#folders",
    "responses": {"404": {"description": "No such folder."}, "410": {"description": "Gone."}}}},
  "/shared_items#web_links": {"get": {"operationId": "get_shared_items#web_links",
    "responses": {"404": {"description": "No such web link."}}}},
  "/oauth2/token#refresh": {"post": {"operationId": "post_oauth2_token#refresh",
    "responses": {"400": {"description": "Bad token."}}}}
}}"#;
    let dir = scratch("fragments");
    std::fs::write(dir.join("box.json"), spec).unwrap();
    let out = errcat()
        .current_dir(&dir)
        .args(["import", "openapi", "box.json", "-o", "errors.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with(
        "box.json:2:3: warning: GET /shared_items#folders: a request never sends the fragment: imported as GET /shared_items\n\
         box.json:4:31: warning: GET /shared_items#web_links: the same route as GET /shared_items#folders (line 2) once the fragment is left out, as a request sends it: imported as one endpoint, their rows together\n\
         box.json:6:3: warning: POST /oauth2/token#refresh: a request never sends the fragment: imported as POST /oauth2/token\n"
    ), "{stderr}");
    let catalogue = checked(&dir.join("errors.toml"));
    let names: Vec<(&str, &str)> = catalogue
        .endpoints
        .iter()
        .map(|e| (e.name.as_str(), e.path.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Get Shared Items", "/shared_items"),
            ("Post Oauth2 Token", "/oauth2/token"),
        ]
    );
    let shared = &catalogue.endpoints[0];
    let statuses: Vec<u16> = shared.entries.iter().map(|e| e.status).collect();
    assert_eq!(statuses, [404, 410]);
    assert_eq!(
        shared.entries[0].description.as_deref(),
        Some("No such folder.\n\nNo such web link.")
    );
}
