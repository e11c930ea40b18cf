//! The matcher over tables the build crate makes from a catalogue with every
//! kind of template conflict, checked against a naive reference matcher that
//! scans every template and ranks matches by the documented priority.

use http::Method;
use percent_encoding::percent_decode_str;
use proptest::prelude::*;

use error_catalogue_build::routes::{Segment, Template, TrieNode};
use error_catalogue_records::MethodRoutes;

use super::{DECODED, decode_into, eq_decoded, find, segment_end};

/// (method, template) of each endpoint, in page order.
const TEMPLATES: &[(&str, &str)] = &[
    ("GET", "/"),
    ("GET", "/a/{x}"),
    ("GET", "/a/b"),
    ("GET", "/a/b/c"),
    ("GET", "/a/{x}/c"),
    ("GET", "/{p}/b/{q}"),
    ("GET", "/{p}/{q}/d"),
    ("HEAD", "/h/{x}"),
    ("GET", "/h/lit"),
    ("GET", "/h/{y}/z"),
    ("GET", "/sp%20ace/{s}/"),
    ("GET", "/ünï/{name}"),
    ("POST", "/a/b"),
    ("DELETE", "/a/{x}/{y}/{z}"),
    ("GET", "/e//f"),
    ("GET", "/m/n/o/p"),
    ("GET", "/m/n/{x}/q"),
    ("GET", "/s%2Fl/x"),
    ("POST", "/m/n/o"),
    // 19..=32: a node of many literals, found by binary search.
    ("GET", "/k/k0"),
    ("GET", "/k/k1"),
    ("GET", "/k/k2"),
    ("GET", "/k/k3"),
    ("GET", "/k/k4"),
    ("GET", "/k/k5"),
    ("GET", "/k/k6"),
    ("GET", "/k/k7"),
    ("GET", "/k/k8"),
    ("GET", "/k/kk"),
    ("GET", "/k/kkk-longer-than-eight-bytes"),
    ("GET", "/k/kkk-longer-than-eight-bytez"),
    ("GET", "/k/%C3%BC"),
    ("GET", "/k/{any}/k"),
    // 33..=35: literals that raw bytes cannot stand for.
    ("GET", "/pc/a%2541"),
    ("GET", "/pc/aA"),
    ("GET", "/q%3Fm/{x}"),
    // 36..=38: literals beside a parameter to fall back on.
    ("PUT", "/f/x/y"),
    ("PUT", "/f/x/z"),
    ("PUT", "/{p}/x/y"),
    // 39..=40: in the /k/ node, a literal raw bytes cannot stand for,
    // beside the literal those bytes decode to.
    ("GET", "/k/a%2541"),
    ("GET", "/k/aA"),
    // 41..=42: literals holding a decoded `/` and `?`, which only their
    // escapes match.
    ("PUT", "/n%2Fo"),
    ("PUT", "/n%3Fo/{x}"),
];

/// The reference's reading of a path, eagerly, as documented: the path of a
/// bare path or URL, query and fragment cut, one trailing slash dropped;
/// its segments after the leading `/` (`None`: the root).
fn segments(input: &str) -> Option<(Option<&str>, bool)> {
    let path = if input.starts_with('/') {
        input
    } else {
        let (scheme, rest) = input.split_once("://")?;
        let mut chars = scheme.chars();
        let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !ok {
            return None;
        }
        rest.find(['/', '?', '#']).map_or("", |i| &rest[i..])
    };
    let path = path.find(['?', '#']).map_or(path, |i| &path[..i]);
    let path = if path.len() > 1 {
        path.strip_suffix('/').unwrap_or(path)
    } else {
        path
    };
    let encoded = path.contains('%');
    Some((
        path.strip_prefix('/').filter(|rest| !rest.is_empty()),
        encoded,
    ))
}

/// A catalogue's templates and base paths, to build tables from and to
/// check the matcher against the reference on.
struct Fixture {
    templates: &'static [(&'static str, &'static str)],
    bases: &'static [&'static str],
}

/// [`TEMPLATES`], no base paths.
const MAIN: Fixture = Fixture {
    templates: TEMPLATES,
    bases: &[],
};

/// Multi-segment parameters under three base paths.
const MULTI: Fixture = Fixture {
    templates: &[
        ("GET", "/images/{*name}/json"),
        ("GET", "/images/{*name}"),
        ("GET", "/images/search"),
        ("GET", "/images/{id}/history"),
        ("DELETE", "/images/{*name}"),
        ("GET", "/files/{*path}"),
        ("GET", "/files/{*path}/raw/{rev}"),
        ("GET", "/a/{x}/{*rest}"),
        ("GET", "/a/b/{*rest}"),
        ("GET", "/{*all}/tail"),
        ("GET", "/v/{*x}/k"),
        ("GET", "/v/{*x}/{p}/k"),
        ("HEAD", "/images/{*name}/json"),
    ],
    bases: &["", "/{version}", "/api/v2"],
};

impl Fixture {
    fn toml(&self) -> String {
        let mut text = String::from(
            "[page]\nid = \"r\"\ntitle = \"R\"\nslug = \"/r/\"\ndocs_base_url = \"https://x.example\"\n\
             [general]\ntitle = \"HTTP Codes\"\n",
        );
        if !self.bases.is_empty() {
            let listed: Vec<String> = self.bases.iter().map(|b| format!("{b:?}")).collect();
            text.push_str(&format!("[api]\nbase_paths = [{}]\n", listed.join(", ")));
        }
        for (i, (method, path)) in self.templates.iter().enumerate() {
            text.push_str(&format!(
                "[[endpoints]]\nname = \"E{i}\"\nmethod = \"{method}\"\npath = \"{path}\"\n"
            ));
        }
        text
    }

    fn built(&self) -> Vec<(error_catalogue_records::Method, TrieNode)> {
        let report = error_catalogue_build::check_str("routes.toml", &self.toml());
        let rendered = report.render(false);
        let catalogue = report
            .catalogue
            .unwrap_or_else(|| panic!("the fixture is valid: {rendered}"));
        error_catalogue_build::routes::tries(&catalogue)
    }

    /// Each template under each base path (none: the empty one), with its
    /// endpoint's index.
    fn routes(&self) -> Vec<(&'static str, Template, usize)> {
        let bases: &[&str] = if self.bases.is_empty() {
            &[""]
        } else {
            self.bases
        };
        let mut out = Vec::new();
        for (i, (m, p)) in self.templates.iter().enumerate() {
            for base in bases {
                let t = Template::parse(p).unwrap();
                out.push((*m, t.under(&Template::parse_base(base).unwrap()), i));
            }
        }
        out
    }
}

/// A fixture's tries as the matcher reads them, endpoints by index.
struct Owned {
    routes: &'static [MethodRoutes<'static, usize>],
    fixture: &'static Fixture,
}

impl Owned {
    fn new(fixture: &'static Fixture) -> Owned {
        let routes = fixture
            .built()
            .iter()
            .map(|(method, root)| MethodRoutes {
                method: *method,
                root: crate::load::leaked_node(root, &|i| i),
            })
            .collect();
        Owned {
            routes: Vec::leak(routes),
            fixture,
        }
    }

    fn find<'a>(&self, method: &Method, path: &'a str) -> Option<(usize, Vec<&'a str>)> {
        let mut values = [""; 8];
        let found = find(self.routes, method, path, &mut values)?;
        let n = Template::parse(self.fixture.templates[found.endpoint].1)
            .unwrap()
            .under(&Template::parse_base(found.base_path).unwrap())
            .params()
            .count();
        Some((found.endpoint, values[..n].to_vec()))
    }
}

/// A template's rank on a request it matches, and what it captures: per
/// template segment, literal over mixed segment (more text first) over
/// parameter over multi-segment parameter, which ranks higher the fewer
/// segments it takes (the walk tries the fewest first). `None` when it does
/// not match.
/// Per template segment: 3 literal, 2 mixed with its text's length, 1
/// parameter, 0 multi-segment parameter with minus the segments it takes;
/// compared lexicographically.
type Rank = Vec<(u8, isize)>;

fn rank(t: &Template, request: &[&str]) -> Option<(Rank, Vec<String>)> {
    let fixed = t
        .segments
        .iter()
        .filter(|s| !matches!(s, Segment::CatchAll(_)))
        .count();
    let multi = t.segments.len() != fixed;
    let taken = request.len().checked_sub(fixed)?;
    if (multi && taken == 0) || (!multi && taken != 0) {
        return None;
    }
    let mut at = 0;
    let (mut rank, mut captured) = (Vec::new(), Vec::new());
    for s in &t.segments {
        match s {
            Segment::Literal(bytes) => {
                if percent_decode_str(request[at]).collect::<Vec<u8>>() != *bytes {
                    return None;
                }
                rank.push((3, 0));
                at += 1;
            }
            Segment::Param(_) => {
                if request[at].is_empty() {
                    return None;
                }
                captured.push(request[at].to_string());
                rank.push((1, 0));
                at += 1;
            }
            Segment::Mixed { texts, .. } => {
                captured.extend(reference_cut(texts, request[at])?);
                let text: usize = texts.iter().map(Vec::len).sum();
                rank.push((2, text as isize));
                at += 1;
            }
            Segment::CatchAll(_) => {
                let taken_segments = &request[at..at + taken];
                if taken_segments.iter().any(|r| r.is_empty()) {
                    return None;
                }
                captured.push(taken_segments.join("/"));
                rank.push((0, -(taken as isize)));
                at += taken;
            }
        }
    }
    Some((rank, captured))
}

/// A mixed segment's parameters in a raw request segment, by brute force:
/// every way to cut it at escape boundaries so that the texts match decoded
/// and each parameter is non-empty, the one whose parameters end latest,
/// first to last (each but the last takes the longest run it can).
fn reference_cut(texts: &[Vec<u8>], raw: &str) -> Option<Vec<String>> {
    let bytes = raw.as_bytes();
    let mut bounds = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_hexdigit);
        i += if bytes[i] == b'%' && hex(i + 1) && hex(i + 2) {
            3
        } else {
            1
        };
        // Texts are UTF-8: no cut falls inside a character.
        if raw.is_char_boundary(i) {
            bounds.push(i);
        }
    }
    fn go(
        texts: &[Vec<u8>],
        bytes: &[u8],
        bounds: &[usize],
        from: usize,
        runs: &mut Vec<(usize, usize)>,
        out: &mut Vec<Vec<(usize, usize)>>,
    ) {
        let Some((text, rest)) = texts.split_first() else {
            return;
        };
        for &e in bounds.iter().filter(|&&e| e >= from) {
            if percent_encoding::percent_decode(&bytes[from..e]).collect::<Vec<u8>>() != *text {
                continue;
            }
            if rest.is_empty() {
                if e == bytes.len() {
                    out.push(runs.clone());
                }
                continue;
            }
            for &f in bounds.iter().filter(|&&f| f > e) {
                runs.push((e, f));
                go(rest, bytes, bounds, f, runs, out);
                runs.pop();
            }
        }
    }
    let mut all = Vec::new();
    go(texts, bytes, &bounds, 0, &mut Vec::new(), &mut all);
    let best = all.into_iter().max()?;
    Some(
        best.into_iter()
            .map(|(a, b)| raw[a..b].to_string())
            .collect(),
    )
}

/// The reference: every template of the method under every base path
/// (HEAD: also GET's, unless a HEAD template has the same key), the
/// matching ones ranked by [`rank`].
fn reference(fixture: &Fixture, method: &str, path: &str) -> Option<(usize, Vec<String>)> {
    let (rest, _) = segments(path)?;
    let request: Vec<&str> = rest.map_or(Vec::new(), |r| r.split('/').collect());
    let routes = fixture.routes();
    let head_keys: Vec<_> = routes
        .iter()
        .filter(|(m, _, _)| *m == "HEAD")
        .map(|(_, t, _)| t.owned_key())
        .collect();
    let mut best: Option<(Rank, usize, Vec<String>)> = None;
    for (m, t, i) in &routes {
        let applies = *m == method
            || (method == "HEAD" && *m == "GET" && !head_keys.contains(&t.owned_key()));
        if !applies {
            continue;
        }
        let Some((rank, captured)) = rank(t, &request) else {
            continue;
        };
        if best.as_ref().is_none_or(|(b, _, _)| rank > *b) {
            best = Some((rank, *i, captured));
        }
    }
    best.map(|(_, i, c)| (i, c))
}

fn owned() -> &'static Owned {
    static OWNED: std::sync::OnceLock<Owned> = std::sync::OnceLock::new();
    OWNED.get_or_init(|| Owned::new(&MAIN))
}

fn owned_multi() -> &'static Owned {
    static OWNED: std::sync::OnceLock<Owned> = std::sync::OnceLock::new();
    OWNED.get_or_init(|| Owned::new(&MULTI))
}

/// The matcher's answer on `owned`'s tables, asserted equal to the reference's.
fn check_on(owned: &Owned, method: &str, path: &str) -> Option<(usize, Vec<String>)> {
    let m = Method::from_bytes(method.as_bytes()).unwrap();
    let got = owned
        .find(&m, path)
        .map(|(i, v)| (i, v.into_iter().map(str::to_string).collect()));
    assert_eq!(
        got,
        reference(owned.fixture, method, path),
        "{method} {path:?}"
    );
    got
}

fn check(method: &str, path: &str) -> Option<usize> {
    check_on(owned(), method, path).map(|(i, _)| i)
}

/// [`check`] on [`MULTI`]: the endpoint and the captured values.
fn check_multi(method: &str, path: &str) -> Option<(usize, Vec<String>)> {
    check_on(owned_multi(), method, path)
}

#[test]
fn methods_no_template_has_route_nothing() {
    assert_eq!(check("PURGE", "/a/b"), None);
    assert_eq!(check("PATCH", "/a/b"), None);
}

#[test]
fn literal_beats_parameter_at_the_first_difference() {
    assert_eq!(check("GET", "/a/b"), Some(2));
    assert_eq!(check("GET", "/a/x"), Some(1));
    assert_eq!(check("GET", "/a/b/c"), Some(3));
    assert_eq!(check("GET", "/a/x/c"), Some(4));
    // Only `/{p}/b/{q}` takes a last segment other than `c` or `d`.
    assert_eq!(check("GET", "/a/b/q"), Some(5));
    assert_eq!(check("GET", "/z/b/d"), Some(5));
    assert_eq!(check("GET", "/z/y/d"), Some(6));
    assert_eq!(check("GET", "/z/y/q"), None);
}

#[test]
fn head_routes_to_get_unless_head_has_the_template() {
    // GET's literal template still beats HEAD's parameter.
    assert_eq!(check("HEAD", "/h/lit"), Some(8));
    assert_eq!(check("HEAD", "/h/other"), Some(7));
    assert_eq!(check("GET", "/h/other"), None);
    assert_eq!(check("GET", "/h/lit"), Some(8));
    assert_eq!(check("HEAD", "/h/1/z"), Some(9));
    assert_eq!(check("HEAD", "/a/b"), Some(2));
    assert_eq!(check("POST", "/a/b"), Some(12));
    assert_eq!(check("PUT", "/a/b"), None);
}

#[test]
fn encoded_literals_roots_and_empty_segments() {
    assert_eq!(check("GET", "/"), Some(0));
    assert_eq!(check("GET", "https://h.example"), Some(0));
    assert_eq!(check("GET", "/sp%20ace/1"), Some(10));
    assert_eq!(check("GET", "/sp ace/1/"), Some(10));
    assert_eq!(check("GET", "/%C3%BCn%C3%AF/x"), Some(11));
    assert_eq!(check("GET", "/ünï/x?y#z"), Some(11));
    assert_eq!(check("GET", "/%61/b"), Some(2));
    assert_eq!(check("GET", "/e//f"), Some(14));
    assert_eq!(check("GET", "/a/"), None);
    assert_eq!(check("GET", "/a//c"), None);
    assert_eq!(check("DELETE", "/a/1/2/3"), Some(13));
    let owned = owned();
    assert_eq!(
        owned.find(&Method::DELETE, "/a/1%2F/%zz/3"),
        Some((13, vec!["1%2F", "%zz", "3"]))
    );
}

#[test]
fn paths_from_paths_and_urls() {
    let rest = |p| segments(p).map(|(rest, _)| rest);
    assert_eq!(rest("/"), Some(None));
    assert_eq!(rest("/a/b/"), Some(Some("a/b")));
    assert_eq!(rest("/a/b//"), Some(Some("a/b/")));
    assert_eq!(rest("/a?x=/y#z"), Some(Some("a")));
    assert_eq!(rest("https://h.example:8080/a/b?q"), Some(Some("a/b")));
    assert_eq!(rest("http://h.example"), Some(None));
    assert_eq!(rest("http://h.example?x=/a"), Some(None));
    assert_eq!(rest("a/b"), None);
    assert_eq!(rest(""), None);
    assert_eq!(rest("1http://h/a"), None);
    assert_eq!(rest("//"), Some(None));
}

proptest! {
    /// The matcher's own decoding agrees with `percent_decode`, on any bytes
    /// (stray `%`, one hex digit, lower and upper case, long segments).
    #[test]
    fn decoding_agrees_with_percent_decode(
        raw in proptest::collection::vec(
            prop_oneof![Just(b'%'), Just(b'a'), Just(b'F'), Just(b'7'), Just(b'z'), any::<u8>()],
            0..200,
        ),
        other in proptest::collection::vec(any::<u8>(), 0..4),
    ) {
        let want: Vec<u8> = percent_encoding::percent_decode(&raw).collect();
        let mut buf = [0u8; DECODED];
        let got = decode_into(&raw, &mut buf);
        if want.len() <= DECODED {
            prop_assert_eq!(got, Some(want.as_slice()));
        } else {
            prop_assert_eq!(got, None);
        }
        prop_assert!(eq_decoded(&want, &raw));
        let mut longer = want.clone();
        longer.extend_from_slice(&other);
        prop_assert_eq!(eq_decoded(&longer, &raw), other.is_empty());
        if let Some((_, shorter)) = want.split_last() {
            prop_assert!(!eq_decoded(shorter, &raw));
        }
    }
}

#[test]
fn chains_of_literals_and_slashes_inside_literals() {
    assert_eq!(check("GET", "/m/n/o/p"), Some(15));
    assert_eq!(check("GET", "/m/%6E/o/%70"), Some(15));
    assert_eq!(check("GET", "/m/n/o/q"), Some(16));
    assert_eq!(check("GET", "/m/n/o"), None);
    assert_eq!(check("GET", "/m/n/o/p/"), Some(15));
    assert_eq!(check("GET", "/m/n/o/pp"), None);
    assert_eq!(check("GET", "/m/n/op"), None);
    assert_eq!(check("POST", "/m/n/o"), Some(18));
    assert_eq!(check("POST", "/m/n/%6F"), Some(18));
    assert_eq!(check("POST", "/m/n"), None);
    assert_eq!(check("GET", "/s%2Fl/x"), Some(17));
    assert_eq!(check("GET", "/s%2fl/x"), Some(17));
    assert_eq!(check("GET", "/s/l/x"), None);
}

#[test]
fn literals_beside_a_parameter() {
    assert_eq!(check("PUT", "/f/x/y"), Some(36));
    assert_eq!(check("PUT", "/f/x/z/"), Some(37));
    assert_eq!(check("PUT", "/f/%78/%7a?q"), Some(37));
    assert_eq!(check("PUT", "/f/x%2Fz"), None);
    assert_eq!(check("PUT", "/f/x/q"), None);
    assert_eq!(check("PUT", "/g/x/y"), Some(38));
    assert_eq!(check("PUT", "/f/x"), None);
    assert_eq!(check("PUT", "/f/x/y/z"), None);
}

#[test]
fn many_literals_are_searched_by_their_bytes() {
    for (i, name) in ["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "kk"]
        .iter()
        .enumerate()
    {
        assert_eq!(check("GET", &format!("/k/{name}")), Some(19 + i), "{name}");
    }
    assert_eq!(check("GET", "/k/kkk-longer-than-eight-bytes"), Some(29));
    assert_eq!(check("GET", "/k/kkk-longer-than-eight-bytez"), Some(30));
    assert_eq!(check("GET", "/k/kkk-longer-than-eight-byte%7A"), Some(30));
    assert_eq!(check("GET", "/k/kkk-longer-than-eight-byte"), None);
    assert_eq!(check("GET", "/k/%6B%35"), Some(24));
    assert_eq!(check("GET", "/k/ü"), Some(31));
    assert_eq!(check("GET", "/k/%c3%bc"), Some(31));
    assert_eq!(check("GET", "/k/k9"), None);
    assert_eq!(check("GET", "/k/k3/k"), Some(32));
    // `a%41` is the first literal's decoded text, but the request's
    // `a%41` stands for `aA`: a segment with `%` is searched decoded.
    assert_eq!(check("GET", "/k/a%2541"), Some(39));
    assert_eq!(check("GET", "/k/a%41"), Some(40));
    assert_eq!(check("GET", "/k/aA"), Some(40));
}

#[test]
fn literals_raw_bytes_cannot_stand_for() {
    assert_eq!(check("GET", "/pc/aA"), Some(34));
    assert_eq!(check("GET", "/pc/a%41"), Some(34));
    assert_eq!(check("GET", "/pc/a%2541"), Some(33));
    assert_eq!(check("GET", "/pc/a%41?x"), Some(34));
    assert_eq!(check("GET", "/q%3Fm/1"), Some(35));
    assert_eq!(check("GET", "/q%3fm/1/"), Some(35));
    assert_eq!(check("GET", "/q?m/1"), None);
    assert_eq!(check("GET", "//"), Some(0));
    assert_eq!(check("GET", "//?x"), Some(0));
    assert_eq!(check("GET", "/?x"), Some(0));
    assert_eq!(check("GET", "/#/a/b"), Some(0));
    assert_eq!(check("GET", "/a/b?/c"), Some(2));
    assert_eq!(check("GET", "/a/b#?/c"), Some(2));
    assert_eq!(check("GET", "/a/b/?c"), Some(2));
    assert_eq!(check("GET", "/a/b//?c"), None);
    // A raw `/` or `?` is no escape.
    assert_eq!(check("PUT", "/n%2Fo"), Some(41));
    assert_eq!(check("PUT", "/n%2fo/"), Some(41));
    assert_eq!(check("PUT", "/n/o"), None);
    assert_eq!(check("PUT", "/n%3Fo/1"), Some(42));
    assert_eq!(check("PUT", "/n?o/1"), None);
    assert_eq!(check("PUT", "/n#o/1"), None);
}

/// The values a [`check_multi`] captures, owned.
fn caught(i: usize, values: &[&str]) -> Option<(usize, Vec<String>)> {
    Some((i, values.iter().map(|v| v.to_string()).collect()))
}

#[test]
fn multi_segment_parameters_take_whole_segments() {
    assert_eq!(
        check_multi("GET", "/images/library/ubuntu/json"),
        caught(0, &["library/ubuntu"])
    );
    assert_eq!(
        check_multi("GET", "/images/ubuntu/json"),
        caught(0, &["ubuntu"])
    );
    // Without the trailing literal, the other template takes every segment.
    assert_eq!(
        check_multi("GET", "/images/library/ubuntu"),
        caught(1, &["library/ubuntu"])
    );
    assert_eq!(
        check_multi("GET", "/images/library/ubuntu/json/"),
        caught(0, &["library/ubuntu"])
    );
    // Literal segments still win, then a one-segment parameter.
    assert_eq!(check_multi("GET", "/images/search"), caught(2, &[]));
    assert_eq!(check_multi("GET", "/images/x/history"), caught(3, &["x"]));
    assert_eq!(
        check_multi("GET", "/images/x/y/history"),
        caught(1, &["x/y/history"])
    );
    // A percent-encoded slash stays inside its segment, raw.
    assert_eq!(
        check_multi("GET", "/images/library%2Fubuntu/json"),
        caught(0, &["library%2Fubuntu"])
    );
    // One or more non-empty segments: none, or an empty one, is no match.
    assert_eq!(check_multi("GET", "/images/json"), caught(1, &["json"]));
    assert_eq!(check_multi("GET", "/images"), None);
    assert_eq!(check_multi("GET", "/images//json"), None);
    assert_eq!(
        check_multi("DELETE", "/images/a/b/c"),
        caught(4, &["a/b/c"])
    );
    // In the middle, and the fewest segments that let the rest match.
    assert_eq!(
        check_multi("GET", "/files/a/b/raw/7"),
        caught(6, &["a/b", "7"])
    );
    assert_eq!(
        check_multi("GET", "/files/a/raw/b/raw/7"),
        caught(6, &["a/raw/b", "7"])
    );
    assert_eq!(
        check_multi("GET", "/files/a/raw/7/x"),
        caught(5, &["a/raw/7/x"])
    );
    assert_eq!(check_multi("GET", "/v/q/r/k"), caught(11, &["q", "r"]));
    assert_eq!(check_multi("GET", "/v/q/k"), caught(10, &["q"]));
    // A literal before wins over a parameter before.
    assert_eq!(check_multi("GET", "/a/b/c/d"), caught(8, &["c/d"]));
    assert_eq!(check_multi("GET", "/a/z/c/d"), caught(7, &["z", "c/d"]));
    // Under the base path `/{version}`, its parameter comes first and wins.
    assert_eq!(check_multi("GET", "/x/y/tail"), caught(9, &["x", "y"]));
    assert_eq!(check_multi("GET", "/x/tail"), caught(9, &["x"]));
    // HEAD has its own template; GET's others still answer HEAD.
    assert_eq!(
        check_multi("HEAD", "/images/a/b/json"),
        caught(12, &["a/b"])
    );
    assert_eq!(check_multi("HEAD", "/files/a/b"), caught(5, &["a/b"]));
}

#[test]
fn base_paths_prefix_every_template() {
    assert_eq!(
        check_multi("GET", "/v1.43/images/library/ubuntu/json"),
        caught(0, &["v1.43", "library/ubuntu"])
    );
    assert_eq!(check_multi("GET", "/api/v2/images/search"), caught(2, &[]));
    assert_eq!(
        check_multi("GET", "https://h.example/api/v2/files/x/y?z"),
        caught(5, &["x/y"])
    );
    // Under `/{version}`, `api` is a version: `/api/images/search`.
    assert_eq!(
        check_multi("GET", "/api/images/search"),
        caught(2, &["api"])
    );
    // `/v2/images/…` is not `/api/v2`: `v2` is the version there.
    assert_eq!(check_multi("GET", "/v2/images/search"), caught(2, &["v2"]));
    assert_eq!(
        check_multi("GET", "/a/b/images/search"),
        caught(8, &["images/search"])
    );
}

#[test]
fn route_matches_name_base_path_parameters_first() {
    let owned = owned_multi();
    let (i, values) = owned.find(&Method::GET, "/v9/files/a/b/raw/3").unwrap();
    assert_eq!((i, values), (6, vec!["v9", "a/b", "3"]));
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("pc"),
        Just("aA"),
        Just("a%41"),
        Just("a%2541"),
        Just("q%3Fm"),
        Just("q?m"),
        Just("a#b"),
        Just("?"),
        Just("k"),
        Just("k3"),
        Just("kk"),
        Just("k%6B"),
        Just("kkk-longer-than-eight-bytes"),
        Just("kkk-longer-than-eight-byte%7A"),
        Just("%C3%BC"),
        Just("m"),
        Just("n"),
        Just("o"),
        Just("p"),
        Just("q"),
        Just("%6E"),
        Just("s%2Fl"),
        Just("s"),
        Just("l"),
        Just("a"),
        Just("b"),
        Just("c"),
        Just("d"),
        Just("h"),
        Just("lit"),
        Just("z"),
        Just("x"),
        Just("y"),
        Just("%78"),
        Just("e"),
        Just("f"),
        Just("sp%20ace"),
        Just("sp ace"),
        Just("%C3%BCn%C3%AF"),
        Just("ünï"),
        Just("%61"),
        Just(""),
        Just("%"),
        Just("%zz"),
        Just(".."),
        Just("\0"),
        Just("🚀"),
    ]
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn segments_end_at_a_delimiter(
        c in proptest::collection::vec(
            prop_oneof![Just(b'a'), Just(b'/'), Just(b'?'), Just(b'#'), Just(b'%'), any::<u8>()],
            0..40,
        ),
    ) {
        let end = c.iter().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(c.len());
        prop_assert_eq!(segment_end(&c), end);
    }

    #[test]
    fn agrees_with_the_reference(
        method in prop_oneof![Just("GET"), Just("HEAD"), Just("POST"), Just("DELETE"), Just("PUT")],
        parts in proptest::collection::vec(segment(), 0..5),
        trailing in any::<bool>(),
        query in any::<bool>(),
    ) {
        let mut path = format!("/{}", parts.join("/"));
        if trailing { path.push('/'); }
        if query { path.push_str("?q=/a/b#f"); }
        check(method, &path);
    }

    #[test]
    fn multi_segment_routes_agree_with_the_reference(
        method in prop_oneof![Just("GET"), Just("HEAD"), Just("DELETE")],
        parts in proptest::collection::vec(
            prop_oneof![
                Just("images"), Just("json"), Just("search"), Just("history"), Just("files"),
                Just("raw"), Just("a"), Just("b"), Just("v"), Just("k"), Just("tail"),
                Just("api"), Just("v2"), Just("v1.43"), Just("x%2Fy"), Just(""), Just("%6Ason"),
            ],
            0..8,
        ),
        trailing in any::<bool>(),
    ) {
        let mut path = format!("/{}", parts.join("/"));
        if trailing { path.push('/'); }
        check_multi(method, &path);
    }

    #[test]
    fn any_input_is_safe(method in "[A-Z]{1,8}", path in any::<String>()) {
        let owned = owned();
        if let Ok(m) = Method::from_bytes(method.as_bytes()) {
            let _ = owned.find(&m, &path);
            let _ = crate::route(&m, &path);
        }
    }
}

mod mixed;
