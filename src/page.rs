//! [`Page`]: the documentation page's metadata, from the data file's `[page]`.

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

    /// The page's URL: base URL + slug.
    pub fn url(&self) -> String {
        format!("{}{}", self.docs_base_url, self.slug)
    }

    /// The URL of an anchor on the page: the page's URL, `#`, anchor.
    pub fn anchor_url(&self, anchor: &str) -> String {
        format!("{}{}#{anchor}", self.docs_base_url, self.slug)
    }
}
