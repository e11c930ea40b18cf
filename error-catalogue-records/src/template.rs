//! The path-template grammar, parsed here and nowhere else: by the build
//! crate's checks and route tries, the runtime's renderers and the importer.
//!
//! A template is `/`-separated segments after a leading `/`; one trailing
//! slash is ignored and `/` has no segments. A segment is literal text, a
//! `{name}` parameter (one whole segment) or a `{*name}` multi-segment
//! parameter (one or more whole segments, at most one per template). No
//! name is used twice.

/// One segment of a path template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment<'p> {
    /// Literal text, as written (still percent-encoded).
    Literal(&'p str),
    /// `{name}`: one whole segment.
    Param(&'p str),
    /// `{*name}`: one or more whole segments.
    CatchAll(&'p str),
}

impl<'p> Segment<'p> {
    /// The parameter's name, for a parameter.
    pub fn name(self) -> Option<&'p str> {
        match self {
            Segment::Param(name) | Segment::CatchAll(name) => Some(name),
            Segment::Literal(_) => None,
        }
    }
}

/// Why a template is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateError {
    /// It does not start with `/`.
    NotAbsolute,
    /// A brace that does not enclose a whole segment.
    Braces,
    /// `{}` or `{*}`.
    EmptyName,
    /// One name twice.
    DuplicateName,
    /// Two `{*name}`s.
    TwoCatchAlls,
}

impl TemplateError {
    /// What is wrong, to follow "the path …".
    pub fn message(self) -> &'static str {
        match self {
            TemplateError::NotAbsolute => "does not start with `/`",
            TemplateError::Braces => {
                "has unbalanced braces, or a parameter that is not a whole segment"
            }
            TemplateError::EmptyName => "has a parameter without a name (`{}` or `{*}`)",
            TemplateError::DuplicateName => "names one parameter twice",
            TemplateError::TwoCatchAlls => "has more than one multi-segment parameter `{*name}`",
        }
    }
}

impl core::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message())
    }
}

/// One segment's text as a [`Segment`].
pub fn segment(text: &str) -> Result<Segment<'_>, TemplateError> {
    let braces = text.bytes().filter(|b| matches!(b, b'{' | b'}')).count();
    if braces == 0 {
        return Ok(Segment::Literal(text));
    }
    let inner = text
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .filter(|_| braces == 2)
        .ok_or(TemplateError::Braces)?;
    let parsed = match inner.strip_prefix('*') {
        Some(name) => Segment::CatchAll(name),
        None => Segment::Param(inner),
    };
    match parsed.name() {
        Some("") => Err(TemplateError::EmptyName),
        _ => Ok(parsed),
    }
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
    segments(path).filter_map(|s| s.ok()?.name())
}

/// Checks a template: absolute, each brace part of a whole-segment
/// parameter with a name, no name twice, at most one `{*name}`.
pub fn check(path: &str) -> Result<(), TemplateError> {
    if !path.starts_with('/') {
        return Err(TemplateError::NotAbsolute);
    }
    let mut catch_alls = 0;
    // Every segment, the trailing empty one too: a brace there is an error.
    for (i, text) in path.split('/').skip(1).enumerate() {
        let parsed = segment(text)?;
        if matches!(parsed, Segment::CatchAll(_)) {
            catch_alls += 1;
        }
        let Some(name) = parsed.name() else {
            continue;
        };
        // Quadratic in the parameters, which the build bounds to a few.
        let before = path.split('/').skip(1).take(i);
        if before
            .filter_map(|t| segment(t).ok()?.name())
            .any(|n| n == name)
        {
            return Err(TemplateError::DuplicateName);
        }
    }
    if catch_alls > 1 {
        return Err(TemplateError::TwoCatchAlls);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(path: &str) -> Result<([Option<Segment<'_>>; 4], usize), TemplateError> {
        let mut out = [None; 4];
        let mut n = 0;
        for s in segments(path) {
            out[n] = Some(s?);
            n += 1;
        }
        Ok((out, n))
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
    fn bad_templates_say_why() {
        assert_eq!(check("a/b"), Err(TemplateError::NotAbsolute));
        assert_eq!(check("/a{b}"), Err(TemplateError::Braces));
        assert_eq!(check("/{a}}"), Err(TemplateError::Braces));
        assert_eq!(check("/{}"), Err(TemplateError::EmptyName));
        assert_eq!(check("/{*}"), Err(TemplateError::EmptyName));
        assert_eq!(check("/{a}/{a}"), Err(TemplateError::DuplicateName));
        assert_eq!(check("/{*a}/{*b}"), Err(TemplateError::TwoCatchAlls));
        assert_eq!(check("/{a}/b/{*c}/"), Ok(()));
    }
}
