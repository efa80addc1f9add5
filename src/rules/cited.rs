//! A rule's answer together with where it comes from.

use crate::{Confidence, Source};

/// A rule's answer with its provenance: the value, the [`Source`] it is taken from, how sure
/// the crate is of it ([`Confidence`]) and the short passage of the source it rests on.
///
/// ```
/// use volume_activation::{key_delivery, AgreementProgram, Confidence, KeyDelivery};
///
/// let answer = key_delivery(AgreementProgram::SelectPlus);
/// assert_eq!(answer.value(), KeyDelivery::PerProductPool);
/// assert_eq!(answer.confidence(), Confidence::Documented);
/// assert_eq!(answer.source().id(), "FAQ");
/// assert!(answer.passage().contains("Select Plus customers receive keys per product pool"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cited<T> {
    value: T,
    source: Source,
    confidence: Confidence,
    passage: &'static str,
}

impl<T: Copy> Cited<T> {
    /// An answer; `passage` quotes (or, for "undocumented", describes) what the source says.
    pub(crate) const fn new(
        value: T,
        source: Source,
        confidence: Confidence,
        passage: &'static str,
    ) -> Self {
        Cited {
            value,
            source,
            confidence,
            passage,
        }
    }

    /// The answer.
    #[must_use]
    pub const fn value(&self) -> T {
        self.value
    }

    /// The document the answer is taken from.
    #[must_use]
    pub const fn source(&self) -> Source {
        self.source
    }

    /// How sure the crate is of the answer.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// The passage of the source the answer rests on (a short quotation), or, when the answer
    /// is "undocumented", what the source leaves unsaid.
    #[must_use]
    pub const fn passage(&self) -> &'static str {
        self.passage
    }

    /// Whether the answer is documented or derived from a documented rule (not unverified).
    #[must_use]
    pub const fn is_sourced(&self) -> bool {
        matches!(
            self.confidence,
            Confidence::Documented | Confidence::Derived
        )
    }
}
