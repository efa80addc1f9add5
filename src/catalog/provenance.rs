//! Where a fact comes from and how sure the crate is of it.

use std::fmt;

/// The date of the newest Microsoft page revision the crate's tables follow (ISO 8601).
///
/// The tables follow, among others: "KMS client activation and product keys" (ms.date
/// 2025-06-25), "Key Management Services (KMS) activation planning" (ms.date 2025-03-17),
/// "Guidelines for troubleshooting KMS" (ms.date 2025-08-13) and "Windows IoT Enterprise LTSC in
/// Volume License" (ms.date 2026-02-26). A change of any table changes this value.
///
/// ```
/// assert_eq!(volume_activation::DATA_VERSION, "2026-02-26");
/// ```
pub const DATA_VERSION: &str = "2026-02-26";

/// A published document a fact is taken from.
///
/// Sources are static data of the crate; users read them, they do not build them. Every
/// source is an associated constant listed in [`Source::all`]; with the `serde` feature a source
/// serialises as its fields and deserialises by looking its ID up ([`Source::from_id`]).
///
/// ```
/// use volume_activation::catalog::Source;
///
/// let s = Source::KMS_CLIENT_KEYS;
/// assert!(s.url().starts_with("https://learn.microsoft.com/"));
/// assert_eq!(s.date(), Some("2025-06-25"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Source {
    id: &'static str,
    title: &'static str,
    url: &'static str,
    date: Option<&'static str>,
}

impl Source {
    /// A source; `date` is the page revision date read (ISO 8601), if the page shows one.
    pub(crate) const fn new(
        id: &'static str,
        title: &'static str,
        url: &'static str,
        date: Option<&'static str>,
    ) -> Self {
        Source {
            id,
            title,
            url,
            date,
        }
    }

    /// The short ID the reference notes use for this source (`S-PLAN`, `S-KEYS`, `FAQ`, ...).
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The document's title.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// The document's public address.
    #[must_use]
    pub const fn url(&self) -> &'static str {
        self.url
    }

    /// The revision date of the page read (ISO 8601), where the page shows one.
    #[must_use]
    pub const fn date(&self) -> Option<&'static str> {
        self.date
    }
}

impl fmt::Display for Source {
    /// `title <url>` (and the revision date in parentheses where known).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.title, self.url)?;
        if let Some(date) = self.date {
            write!(f, " ({date})")?;
        }
        Ok(())
    }
}

/// How sure the crate is of a fact.
///
/// This is a closed set the crate owns, so it is exhaustive.
///
/// ```
/// use volume_activation::Confidence;
///
/// assert_eq!("derived".parse::<Confidence>()?, Confidence::Derived);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::AsRefStr,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::EnumCount,
    strum::VariantArray,
)]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = crate::error::Error,
    parse_err_fn = Self::unknown
)]
pub enum Confidence {
    /// Microsoft publishes the fact in so many words.
    #[strum(serialize = "documented")]
    Documented,
    /// The fact follows from a documented rule (e.g. a documented hierarchy).
    #[strum(serialize = "derived")]
    Derived,
    /// The fact rests on a non-Microsoft source, an older or partial copy, or an inference
    /// the reference notes mark UNVERIFIED.
    #[strum(serialize = "unverified")]
    Unverified,
}

impl Confidence {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Confidence::Documented => "documented",
            Confidence::Derived => "derived from a documented rule",
            Confidence::Unverified => "unverified",
        }
    }

    /// The error for text that is no Confidence ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("confidence", s)
    }
}

crate::macros::serde_as_id!(Confidence);
