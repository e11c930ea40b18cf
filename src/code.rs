//! [`ParseCodeError`], and the macros that write each catalogue's `Code`
//! API: the generated module holds the `Code` enum and its data (`CODES`,
//! `CODE_KEYS`); the behaviour is written here once.

use core::fmt;

/// The error from parsing an application code: the catalogue documents no
/// code that is exactly this text (codes are compared as sent, case and
/// all). Its message lists nothing, whatever the catalogue's size.
///
/// ```
/// use error_catalogue::Code;
///
/// let err = "card_declined".parse::<Code>().unwrap_err();
/// assert_eq!(err.to_string(), "the catalogue documents no such application code");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ParseCodeError;

impl fmt::Display for ParseCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the catalogue documents no such application code")
    }
}

impl std::error::Error for ParseCodeError {}

/// The code exactly `s` in a catalogue's code index (generated code's
/// `Code::from_str`, which cannot name the non-exhaustive error itself).
#[inline]
pub fn parse_code<C: Copy>(keys: &phf::Map<&'static str, C>, s: &str) -> Result<C, ParseCodeError> {
    keys.get(s).copied().ok_or(ParseCodeError)
}

/// A catalogue module's `Code` API, written by `catalogue_api!` over the
/// generated `Code`, `CODES` and `CODE_KEYS`.
#[doc(hidden)]
#[macro_export]
macro_rules! __catalogue_code_api {
    () => {
        #[allow(deprecated)]
        impl Code {
            /// The code as the API sends it (`card_declined`; an integer
            /// code in decimal, `40140`).
            #[inline]
            pub fn as_str(self) -> &'static str {
                self.entry().app_code().unwrap_or("")
            }

            /// The code's entry: its status, texts, retry advice and anchor.
            #[inline]
            pub fn entry(self) -> &'static Entry {
                &CODES[self.index()]
            }

            /// The code as a number, when the catalogue's codes are integers;
            /// `None` when they are strings.
            #[inline]
            pub fn as_u64(self) -> ::core::option::Option<u64> {
                match TABLES.integer_codes {
                    true => self.as_str().parse().ok(),
                    false => ::core::option::Option::None,
                }
            }
        }

        impl ::core::fmt::Display for Code {
            /// Writes the code as sent (`card_declined`, `40140`).
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::core::str::FromStr for Code {
            type Err = $crate::ParseCodeError;

            /// Parses a code exactly as sent (case-sensitive; an integer code
            /// in decimal, no sign or leading zeros). Never allocates.
            #[inline]
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                $crate::__private::parse_code(&CODE_KEYS, s)
            }
        }

        /// The entry of an application code as the API sends it
        /// (`card_declined`; an integer code in decimal, `40140`), compared
        /// exactly; `None` for a code the catalogue lacks. Never allocates or
        /// panics.
        #[inline]
        pub fn lookup_code(code: &str) -> ::core::option::Option<&'static Entry> {
            CODE_KEYS.get(code).map(|c| c.entry())
        }

        $crate::__private::catalogue_code_serde_api!();
    };
}

/// The serde-gated part of a catalogue module's `Code` API.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __catalogue_code_serde_api {
    () => {
        impl $crate::__private::serde::Serialize for Code {
            /// A code serializes as it is sent: a string, or a number when
            /// the catalogue's codes are integers.
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                s: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match self.as_u64() {
                    ::core::option::Option::Some(n) => s.serialize_u64(n),
                    ::core::option::Option::None => s.serialize_str(self.as_str()),
                }
            }
        }
    };
}

/// The serde-gated part of a catalogue module's `Code` API: none without `serde`.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __catalogue_code_serde_api {
    () => {};
}

#[cfg(all(test, feature = "load"))]
mod tests {
    use super::*;
    use error_catalogue_build::records::{CodeTexts, code_keys};

    /// The code index the build crate makes for `codes`, as generated code holds it.
    fn index(codes: &str) -> phf::Map<&'static str, usize> {
        let text = format!(
            "[page]\nid = \"e\"\ntitle = \"E\"\nslug = \"/e/\"\ndocs_base_url = \"https://e.example\"\n\
             [general]\ntitle = \"G\"\n{codes}"
        );
        let report = error_catalogue_build::check_str("errors.toml", &text);
        let keys = code_keys(&CodeTexts::new(report.catalogue.as_ref().unwrap()));
        phf::Map {
            key: keys.key,
            pilots: Vec::leak(keys.pilots),
            remap: Vec::leak(keys.remap),
            entries: Vec::leak(
                keys.entries
                    .into_iter()
                    .map(|(k, i)| (&*String::leak(k), i))
                    .collect(),
            ),
        }
    }

    #[test]
    fn codes_parse_exactly_as_sent() {
        let keys = index(
            "[[codes]]\ncode = \"card_declined\"\nmeaning = \"a\"\n\
             [[codes]]\ncode = \"channelNotFound\"\nmeaning = \"b\"\n",
        );
        assert_eq!(parse_code(&keys, "card_declined"), Ok(0));
        assert_eq!(parse_code(&keys, "channelNotFound"), Ok(1));
        for miss in [
            "Card_declined",
            "channelnotfound",
            "card_declined ",
            "",
            "x",
        ] {
            assert_eq!(parse_code(&keys, miss), Err(ParseCodeError), "{miss:?}");
        }
        let ints = index(
            "[[codes]]\ncode = 40140\nmeaning = \"a\"\n[[codes]]\ncode = 0\nmeaning = \"b\"\n",
        );
        assert_eq!(parse_code(&ints, "40140"), Ok(0));
        assert_eq!(parse_code(&ints, "0"), Ok(1));
        assert_eq!(parse_code(&ints, "040140"), Err(ParseCodeError));
        assert_eq!(
            parse_code(
                &phf::Map {
                    key: 0,
                    pilots: &[],
                    remap: &[],
                    entries: &[] as &[(&str, usize)]
                },
                "0"
            ),
            Err(ParseCodeError)
        );
    }
}
