//! The path-template grammar, parsed here and nowhere else: by the build
//! crate's checks and route tries, the runtime's renderers and the importer.
//!
//! A template is `/`-separated segments after a leading `/`; one trailing
//! slash is ignored and `/` has no segments. A segment is literal text, a
//! `{name}` parameter (one whole segment), a `{*name}` multi-segment
//! parameter (one or more whole segments, at most one per template), or a
//! mixed segment: literal text and `{name}` parameters, never two
//! parameters without text between them (`thumbnail.{extension}`,
//! `{name}:cancel`, `{id}.{format}`, `v{major}`). No name is used twice.

use crate::Part;

/// One segment of a path template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment<'p> {
    /// Literal text, as written (still percent-encoded).
    Literal(&'p str),
    /// `{name}`: one whole segment.
    Param(&'p str),
    /// `{*name}`: one or more whole segments.
    CatchAll(&'p str),
    /// Literal text and `{name}` parameters in one segment, as written
    /// (its [`Segment::parts`] read it).
    Mixed(&'p str),
}

impl<'p> Segment<'p> {
    /// The parameter's name, for a whole-segment parameter.
    pub fn name(self) -> Option<&'p str> {
        match self {
            Segment::Param(name) | Segment::CatchAll(name) => Some(name),
            Segment::Literal(_) | Segment::Mixed(_) => None,
        }
    }

    /// The names of the segment's parameters, in order.
    pub fn names(self) -> impl Iterator<Item = &'p str> {
        let mixed = match self {
            Segment::Mixed(text) => text,
            _ => "",
        };
        self.name()
            .into_iter()
            .chain(parts(mixed).filter_map(|p| match p {
                Part::Param(name) => Some(name),
                Part::Text(_) => None,
            }))
    }

    /// A mixed segment's parts in order, its text as written; none for
    /// the other kinds.
    pub fn parts(self) -> impl Iterator<Item = Part<'p>> {
        parts(match self {
            Segment::Mixed(text) => text,
            _ => "",
        })
    }
}

/// The parts of a mixed segment that [`segment`] accepted: text up to a
/// `{`, the name up to its `}`, and so on.
fn parts(mut text: &str) -> impl Iterator<Item = Part<'_>> {
    core::iter::from_fn(move || {
        if text.is_empty() {
            return None;
        }
        if let Some(inner) = text.strip_prefix('{') {
            let (name, rest) = inner.split_once('}').unwrap_or((inner, ""));
            text = rest;
            return Some(Part::Param(name));
        }
        let (literal, rest) = text.split_at(text.find('{').unwrap_or(text.len()));
        text = rest;
        Some(Part::Text(literal))
    })
}

/// Why a template is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateError {
    /// It does not start with `/`.
    NotAbsolute,
    /// A `{` without its `}`, a `}` without its `{`, or a `{` inside braces.
    Braces,
    /// `{}` or `{*}`.
    EmptyName,
    /// One name twice.
    DuplicateName,
    /// Two `{*name}`s.
    TwoCatchAlls,
    /// A `{*name}` beside text in its segment (`files{*path}`).
    CatchAllInSegment,
    /// Two parameters with no text between them (`{a}{b}`).
    AdjacentParams,
    /// A `?` or `#` in a segment with parameters, which a request's path
    /// never holds there.
    Delimiter,
}

impl TemplateError {
    /// What is wrong, to follow "the path …".
    pub fn message(self) -> &'static str {
        match self {
            TemplateError::NotAbsolute => "does not start with `/`",
            TemplateError::Braces => "has unbalanced or nested braces",
            TemplateError::EmptyName => "has a parameter without a name (`{}` or `{*}`)",
            TemplateError::DuplicateName => "names one parameter twice",
            TemplateError::TwoCatchAlls => "has more than one multi-segment parameter `{*name}`",
            TemplateError::CatchAllInSegment => {
                "has a multi-segment parameter `{*name}` beside text in its segment: it takes whole segments"
            }
            TemplateError::AdjacentParams => {
                "has two parameters with no text between them (`{a}{b}`): nothing says where one ends"
            }
            TemplateError::Delimiter => {
                "has `?` or `#` beside a parameter, which end a request's path (write `%3F` or `%23`)"
            }
        }
    }
}

impl core::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message())
    }
}

/// A template's first fault and the segment it is in (empty for
/// [`TemplateError::NotAbsolute`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault<'p> {
    /// What is wrong.
    pub error: TemplateError,
    /// The segment, as written.
    pub segment: &'p str,
}

impl core::fmt::Display for Fault<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.error.message())?;
        match self.error {
            TemplateError::NotAbsolute | TemplateError::TwoCatchAlls => Ok(()),
            _ => write!(f, " (segment `{}`)", self.segment),
        }
    }
}

/// One segment's text as a [`Segment`].
pub fn segment(text: &str) -> Result<Segment<'_>, TemplateError> {
    if !text.contains(['{', '}']) {
        return Ok(Segment::Literal(text));
    }
    // A whole-segment parameter.
    if let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}'))
        && !inner.contains(['{', '}'])
    {
        let parsed = match inner.strip_prefix('*') {
            Some(name) => Segment::CatchAll(name),
            None => Segment::Param(inner),
        };
        return match parsed.name() {
            Some("") => Err(TemplateError::EmptyName),
            _ => Ok(parsed),
        };
    }
    // A mixed segment: text and `{name}`s, each name closed before the
    // next brace, never two without text between them.
    let mut rest = text;
    let mut after_param = false;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('{') {
            let close = inner.find('}').ok_or(TemplateError::Braces)?;
            let name = &inner[..close];
            if name.contains('{') {
                return Err(TemplateError::Braces);
            }
            if name.starts_with('*') {
                return Err(TemplateError::CatchAllInSegment);
            }
            if name.is_empty() {
                return Err(TemplateError::EmptyName);
            }
            if after_param {
                return Err(TemplateError::AdjacentParams);
            }
            after_param = true;
            rest = &inner[close + 1..];
        } else {
            let end = rest.find(['{', '}']).unwrap_or(rest.len());
            if rest[end..].starts_with('}') {
                return Err(TemplateError::Braces);
            }
            if rest[..end].contains(['?', '#']) {
                return Err(TemplateError::Delimiter);
            }
            after_param = false;
            rest = &rest[end..];
        }
    }
    Ok(Segment::Mixed(text))
}

/// The segments of `path` after its leading `/`, one trailing slash
/// ignored, each parsed (a template's own checks are [`check`]'s).
pub fn segments(path: &str) -> impl Iterator<Item = Result<Segment<'_>, TemplateError>> {
    let rest = path.strip_prefix('/').unwrap_or(path);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    // `/` (and `//`, its trailing slash ignored) has no segments.
    let rest = (!rest.is_empty()).then_some(rest);
    rest.into_iter().flat_map(|r| r.split('/')).map(segment)
}

/// The names of `path`'s parameters, in order (segments that do not parse
/// are passed over: [`check`] reports them).
pub fn params(path: &str) -> impl Iterator<Item = &str> {
    segments(path).flat_map(|s| s.ok().into_iter().flat_map(Segment::names))
}

/// Checks a template: absolute, each segment one [`segment`] accepts, no
/// name twice, at most one `{*name}`.
pub fn check(path: &str) -> Result<(), Fault<'_>> {
    if !path.starts_with('/') {
        return Err(Fault {
            error: TemplateError::NotAbsolute,
            segment: "",
        });
    }
    let mut catch_alls = 0;
    // Every segment, the trailing empty one too: a brace there is an error.
    for (i, text) in path.split('/').skip(1).enumerate() {
        let fault = |error| Fault {
            error,
            segment: text,
        };
        let parsed = segment(text).map_err(fault)?;
        if matches!(parsed, Segment::CatchAll(_)) {
            catch_alls += 1;
        }
        // Quadratic in the parameters, which the build bounds to a few.
        for (j, name) in parsed.names().enumerate() {
            let before = path.split('/').skip(1).take(i);
            let earlier = before
                .flat_map(|t| segment(t).ok().into_iter().flat_map(Segment::names))
                .chain(parsed.names().take(j));
            if earlier.into_iter().any(|n| n == name) {
                return Err(fault(TemplateError::DuplicateName));
            }
        }
    }
    if catch_alls > 1 {
        return Err(Fault {
            error: TemplateError::TwoCatchAlls,
            segment: "",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn all(path: &str) -> Result<([Option<Segment<'_>>; 4], usize), TemplateError> {
        let mut out = [None; 4];
        let mut n = 0;
        for s in segments(path) {
            out[n] = Some(s?);
            n += 1;
        }
        Ok((out, n))
    }

    fn why(path: &str) -> Option<TemplateError> {
        check(path).err().map(|f| f.error)
    }

    #[test]
    fn segments_are_literals_params_and_catch_alls() {
        let (s, n) = all("/v1/{id}/files/{*path}/").unwrap();
        assert_eq!(n, 4);
        assert_eq!(s[0], Some(Segment::Literal("v1")));
        assert_eq!(s[1], Some(Segment::Param("id")));
        assert_eq!(s[3], Some(Segment::CatchAll("path")));
        assert_eq!(all("/").unwrap().1, 0);
        assert_eq!(all("//").unwrap().1, 0);
        assert_eq!(all("///").unwrap().1, 2);
        assert_eq!(params("/a/{x}/{*y}").count(), 2);
        assert_eq!(params("/a/{x}/{*y}").nth(1), Some("y"));
    }

    #[test]
    fn mixed_segments_read_as_text_and_parameters() {
        let (s, n) = all("/files/{file_id}/thumbnail.{extension}").unwrap();
        assert_eq!(n, 3);
        let mixed = s[2].unwrap();
        assert_eq!(mixed, Segment::Mixed("thumbnail.{extension}"));
        let mut parts = mixed.parts();
        assert_eq!(parts.next(), Some(Part::Text("thumbnail.")));
        assert_eq!(parts.next(), Some(Part::Param("extension")));
        assert_eq!(parts.next(), None);
        let id_format: [Part<'_>; 3] = [Part::Param("id"), Part::Text("."), Part::Param("format")];
        assert!(segment("{id}.{format}").unwrap().parts().eq(id_format));
        assert!(
            segment("{name}:cancel")
                .unwrap()
                .parts()
                .eq([Part::Param("name"), Part::Text(":cancel")])
        );
        assert!(
            segment("v{major}")
                .unwrap()
                .parts()
                .eq([Part::Text("v"), Part::Param("major")])
        );
        assert_eq!(mixed.name(), None);
        assert!(Segment::Literal("x").parts().next().is_none());
        assert!(Segment::Param("x").names().eq(["x"]));
        assert!(params("/v{a}/{b}.{c}/{*d}").eq(["a", "b", "c", "d"]));
        assert_eq!(check("/a/v{a}.{b}-{c}"), Ok(()));
        assert_eq!(check("/{x}:a/{y}%7B"), Ok(()));
    }

    #[test]
    fn bad_templates_say_why() {
        assert_eq!(why("a/b"), Some(TemplateError::NotAbsolute));
        assert_eq!(why("/a{b"), Some(TemplateError::Braces));
        assert_eq!(why("/{a}}"), Some(TemplateError::Braces));
        assert_eq!(why("/a}b"), Some(TemplateError::Braces));
        assert_eq!(why("/{{a}x"), Some(TemplateError::Braces));
        assert_eq!(why("/{}"), Some(TemplateError::EmptyName));
        assert_eq!(why("/{*}"), Some(TemplateError::EmptyName));
        assert_eq!(why("/x{}"), Some(TemplateError::EmptyName));
        assert_eq!(why("/{a}/{a}"), Some(TemplateError::DuplicateName));
        assert_eq!(why("/{a}.{a}"), Some(TemplateError::DuplicateName));
        assert_eq!(why("/{a}/x{a}"), Some(TemplateError::DuplicateName));
        assert_eq!(why("/{*a}/{*b}"), Some(TemplateError::TwoCatchAlls));
        assert_eq!(why("/files{*path}"), Some(TemplateError::CatchAllInSegment));
        assert_eq!(why("/{*path}.json"), Some(TemplateError::CatchAllInSegment));
        assert_eq!(why("/{a}{b}"), Some(TemplateError::AdjacentParams));
        assert_eq!(why("/x{a}{b}.y"), Some(TemplateError::AdjacentParams));
        assert_eq!(why("/{id}#fragment"), Some(TemplateError::Delimiter));
        assert_eq!(why("/{id}?x"), Some(TemplateError::Delimiter));
        assert_eq!(check("/{a}/b/{*c}/"), Ok(()));
        // A literal segment stays as it was: braces-free text of any kind.
        assert_eq!(check("/a#b"), Ok(()));
    }

    #[test]
    fn a_fault_names_its_segment() {
        let f = check("/v1/files{*path}").unwrap_err();
        assert_eq!(f.segment, "files{*path}");
        assert_eq!(
            f.to_string(),
            "has a multi-segment parameter `{*name}` beside text in its segment: it takes whole segments (segment `files{*path}`)"
        );
        assert_eq!(
            check("v1").unwrap_err().to_string(),
            "does not start with `/`"
        );
    }
}
