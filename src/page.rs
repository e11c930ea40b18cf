//! [`Page`]: the documentation page's metadata, from the data file's `[page]`.

use core::fmt;

/// Metadata of the documentation page the catalogue is published as.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) sidebar_label: &'static str,
    pub(crate) slug: &'static str,
    pub(crate) docs_base_url: &'static str,
    pub(crate) imports: &'static [&'static str],
    pub(crate) intro: &'static [&'static str],
    pub(crate) support: Option<Support>,
    pub(crate) general_title: &'static str,
    pub(crate) general_slug: &'static str,
}

/// The support notice at the foot of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Support {
    pub(crate) notice: &'static str,
    pub(crate) email: &'static str,
}

impl Support {
    /// The notice, inline Markdown.
    pub fn notice(&self) -> &'static str {
        self.notice
    }

    /// The support address.
    pub fn email(&self) -> &'static str {
        self.email
    }
}

impl Page {
    /// Front matter `id`.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// Front matter `title`.
    pub fn title(&self) -> &'static str {
        self.title
    }

    /// Front matter `sidebar_label`.
    pub fn sidebar_label(&self) -> &'static str {
        self.sidebar_label
    }

    /// Front matter `slug`: the page's path below [`Page::docs_base_url`].
    pub fn slug(&self) -> &'static str {
        self.slug
    }

    /// Where the docs are published, without a trailing slash.
    pub fn docs_base_url(&self) -> &'static str {
        self.docs_base_url
    }

    /// MDX import lines.
    pub fn imports(&self) -> &'static [&'static str] {
        self.imports
    }

    /// Intro paragraphs, inline Markdown.
    pub fn intro(&self) -> &'static [&'static str] {
        self.intro
    }

    /// The support notice, if the page has one.
    pub fn support(&self) -> Option<&Support> {
        self.support.as_ref()
    }

    /// The general table's heading ("HTTP Codes").
    pub fn general_title(&self) -> &'static str {
        self.general_title
    }

    /// The general table's anchor (`http-codes`).
    pub fn general_slug(&self) -> &'static str {
        self.general_slug
    }

    /// The page's URL: base URL + slug. Allocates nothing: the URL is
    /// written when displayed (`to_string()` for a `String`).
    ///
    /// ```
    /// let url = error_catalogue::page().url();
    /// assert_eq!(url.to_string(), "https://docs.symbl.ai/docs/developer-tools/errors/");
    /// assert_eq!(url, "https://docs.symbl.ai/docs/developer-tools/errors/");
    /// ```
    pub fn url(&self) -> DocsUrl<'static> {
        DocsUrl {
            base: self.docs_base_url,
            slug: self.slug,
            anchor: None,
        }
    }

    /// The URL of an anchor on the page: the page's URL, `#`, anchor.
    /// Allocates nothing, as [`Page::url`].
    pub fn anchor_url<'a>(&self, anchor: &'a str) -> DocsUrl<'a> {
        DocsUrl {
            base: self.docs_base_url,
            slug: self.slug,
            anchor: Some(anchor),
        }
    }
}

/// A URL on the docs page ([`Page::url`], [`Page::anchor_url`],
/// [`Entry::url`](crate::engine::Entry::url)), held as its parts and written
/// out by `Display` (and `Serialize`, as a string), so that asking for it
/// allocates nothing. Compares equal to the string it displays as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DocsUrl<'a> {
    base: &'static str,
    slug: &'static str,
    anchor: Option<&'a str>,
}

impl<'a> DocsUrl<'a> {
    /// The anchor after `#`, if the URL has one.
    pub fn anchor(&self) -> Option<&'a str> {
        self.anchor
    }

    /// Whether `s` is this URL, written out.
    fn is(&self, s: &str) -> bool {
        let rest = s
            .strip_prefix(self.base)
            .and_then(|r| r.strip_prefix(self.slug));
        match (rest, self.anchor) {
            (Some(rest), None) => rest.is_empty(),
            (Some(rest), Some(anchor)) => rest.strip_prefix('#') == Some(anchor),
            (None, _) => false,
        }
    }
}

impl fmt::Display for DocsUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.base)?;
        f.write_str(self.slug)?;
        if let Some(anchor) = self.anchor {
            f.write_str("#")?;
            f.write_str(anchor)?;
        }
        Ok(())
    }
}

impl PartialEq<str> for DocsUrl<'_> {
    fn eq(&self, other: &str) -> bool {
        self.is(other)
    }
}

impl PartialEq<&str> for DocsUrl<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.is(other)
    }
}

impl PartialEq<String> for DocsUrl<'_> {
    fn eq(&self, other: &String) -> bool {
        self.is(other)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DocsUrl<'_> {
    /// The URL as a string.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
