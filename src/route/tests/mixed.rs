//! Mixed segments (`thumbnail.{extension}`, `{name}:cancel`, `{id}.{format}`,
//! `v{major}`) over tables the build crate makes, checked against the
//! reference matcher, which cuts them by brute force.

use super::*;

/// Each shape of the issue, beside the templates it must rank against,
/// under a base path that is itself mixed.
const MIXED: Fixture = Fixture {
    templates: &[
        ("GET", "/files/{file_id}/thumbnail.{extension}"),
        ("GET", "/files/{file_id}/{name}"),
        ("GET", "/files/{file_id}/thumbnail.png"),
        ("GET", "/v1/{name}"),
        ("GET", "/v1/{name}:cancel"),
        ("POST", "/v1/{parent}/levels:append"),
        ("POST", "/v1/{parent}/{verb}"),
        ("GET", "/{id}.{format}"),
        ("GET", "/{id}.tar.{format}"),
        ("GET", "/api/v{major}/x"),
        ("GET", "/api/{p}/x"),
        ("GET", "/api/v{major}.{minor}/x"),
        ("GET", "/a{x}-{y}b/{*rest}"),
        ("GET", "/{*all}/{n}.json"),
        ("GET", "/e%2Ex/{a}%2E{b}"),
        ("GET", "/k/{a}%3Ab"),
        ("HEAD", "/v1/{name}:cancel"),
    ],
    bases: &["", "/v{ver}"],
};

fn owned_mixed() -> &'static Owned {
    static OWNED: std::sync::OnceLock<Owned> = std::sync::OnceLock::new();
    OWNED.get_or_init(|| Owned::new(&MIXED))
}

/// The matcher's endpoint and values on [`MIXED`], held to the reference.
fn check_mixed(method: &str, path: &str) -> Option<(usize, Vec<String>)> {
    check_on(owned_mixed(), method, path)
}

fn caught(i: usize, values: &[&str]) -> Option<(usize, Vec<String>)> {
    Some((i, values.iter().map(|v| v.to_string()).collect()))
}

#[test]
fn text_beside_a_parameter() {
    assert_eq!(
        check_mixed("GET", "/files/12/thumbnail.jpg"),
        caught(0, &["12", "jpg"])
    );
    // The literal segment wins over the mixed one, which wins over `{name}`.
    assert_eq!(
        check_mixed("GET", "/files/12/thumbnail.png"),
        caught(2, &["12"])
    );
    assert_eq!(
        check_mixed("GET", "/files/12/thumbnail."),
        caught(1, &["12", "thumbnail."])
    );
    assert_eq!(
        check_mixed("GET", "/files/12/thumbnail.tar.gz"),
        caught(0, &["12", "tar.gz"])
    );
    // Custom methods (AIP-136) beside the resource.
    assert_eq!(check_mixed("GET", "/v1/op-7:cancel"), caught(4, &["op-7"]));
    assert_eq!(check_mixed("GET", "/v1/op-7"), caught(3, &["op-7"]));
    assert_eq!(check_mixed("GET", "/v1/:cancel"), caught(3, &[":cancel"]));
    assert_eq!(check_mixed("GET", "/v1/a:b:cancel"), caught(4, &["a:b"]));
    assert_eq!(
        check_mixed("POST", "/v1/games%2F1/levels:append"),
        caught(5, &["games%2F1"])
    );
    assert_eq!(
        check_mixed("POST", "/v1/g/levels:appendx"),
        caught(6, &["g", "levels:appendx"])
    );
    // HEAD's own template; GET's others still answer HEAD.
    assert_eq!(check_mixed("HEAD", "/v1/x:cancel"), caught(16, &["x"]));
    assert_eq!(check_mixed("HEAD", "/v1/x"), caught(3, &["x"]));
}

#[test]
fn two_parameters_are_cut_at_the_last_separator() {
    assert_eq!(check_mixed("GET", "/a.json"), caught(7, &["a", "json"]));
    assert_eq!(check_mixed("GET", "/a.b.json"), caught(7, &["a.b", "json"]));
    assert_eq!(check_mixed("GET", "/.json"), None);
    assert_eq!(check_mixed("GET", "/a."), None);
    // More literal text wins: `.tar.` over `.`.
    assert_eq!(check_mixed("GET", "/a.tar.gz"), caught(8, &["a", "gz"]));
    assert_eq!(
        check_mixed("GET", "/a.tar.b.tar.gz"),
        caught(8, &["a.tar.b", "gz"])
    );
    assert_eq!(check_mixed("GET", "/a.tar."), caught(7, &["a", "tar."]));
}

#[test]
fn a_prefix_before_a_parameter() {
    assert_eq!(check_mixed("GET", "/api/v2/x"), caught(9, &["2"]));
    assert_eq!(check_mixed("GET", "/api/v2.1/x"), caught(11, &["2", "1"]));
    assert_eq!(check_mixed("GET", "/api/v/x"), caught(10, &["v"]));
    assert_eq!(check_mixed("GET", "/api/w2/x"), caught(10, &["w2"]));
    assert_eq!(
        check_mixed("GET", "/a1-2-3b/r/s"),
        caught(12, &["1-2", "3", "r/s"])
    );
    assert_eq!(check_mixed("GET", "/a-b/r"), None);
    // A multi-segment parameter before a mixed one: the fewest segments.
    assert_eq!(check_mixed("GET", "/p/q/n.json"), caught(13, &["p/q", "n"]));
}

#[test]
fn texts_compare_decoded_and_parameters_stay_raw() {
    assert_eq!(check_mixed("GET", "/e.x/p.q"), caught(14, &["p", "q"]));
    assert_eq!(
        check_mixed("GET", "/e%2ex/p%2Eq%2Er"),
        caught(14, &["p%2Eq", "r"])
    );
    assert_eq!(check_mixed("GET", "/k/1:b"), caught(15, &["1"]));
    assert_eq!(check_mixed("GET", "/k/1%3Ab"), caught(15, &["1"]));
    assert_eq!(check_mixed("GET", "/k/%3Ab"), None);
    assert_eq!(check_mixed("GET", "/v1/op%3Acancel"), caught(4, &["op"]));
    assert_eq!(
        check_mixed("GET", "/files/1/thumbnail%2Epng"),
        caught(2, &["1"])
    );
    assert_eq!(
        check_mixed("GET", "/files/1/thumbnail%2E%70ng%"),
        caught(0, &["1", "%70ng%"])
    );
}

#[test]
fn under_a_mixed_base_path() {
    assert_eq!(
        check_mixed("GET", "/v3/a.json"),
        caught(7, &["3", "a", "json"])
    );
    assert_eq!(
        check_mixed("GET", "/v3/v1/x:cancel"),
        caught(4, &["3", "x"])
    );
    // The literal `v1` of `/v1/{name}` wins over the base path's `v{ver}`.
    assert_eq!(check_mixed("GET", "/v1/x.y"), caught(3, &["x.y"]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn mixed_routes_agree_with_the_reference(
        method in prop_oneof![Just("GET"), Just("HEAD"), Just("POST")],
        parts in proptest::collection::vec(
            prop_oneof![
                Just("files"), Just("f1"), Just("thumbnail.png"), Just("thumbnail."),
                Just("thumbnail.jpg"), Just("thumbnail%2Epng"), Just("v1"), Just("v2"),
                Just("x"), Just("a:cancel"), Just("a%3Acancel"), Just(":cancel"),
                Just("b:c:cancel"), Just("levels:append"), Just("a.b.json"), Just("a.json"),
                Just(".json"), Just("a.tar.gz"), Just("x.tar."), Just("api"), Just("v1.2"),
                Just("v"), Just("a1-2b"), Just("a-b"), Just("e.x"), Just("e%2Ex"),
                Just("p%2Eq"), Just("k"), Just("1%3Ab"), Just("1:b"), Just("%"), Just("%2"),
                Just(""), Just("n.json"), Just("json"), Just("ü.ü"), Just("a%C3%BC.b"),
            ],
            0..6,
        ),
        trailing in any::<bool>(),
    ) {
        let mut path = format!("/{}", parts.join("/"));
        if trailing { path.push('/'); }
        check_mixed(method, &path);
    }

    #[test]
    fn any_input_is_safe_on_mixed_segments(path in "/[a-z.:%0-9A-F/-]{0,30}", raw in any::<String>()) {
        for input in [&path, &raw] {
            let _ = owned_mixed().find(&Method::GET, input);
        }
    }
}
