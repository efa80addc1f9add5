//! Microsoft Knowledge Base (KB) article numbers, which name Windows updates.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A Microsoft Knowledge Base number, the name of a Windows update (`KB5034765`).
///
/// `Display` writes `KB` and the number; `FromStr` reads `KB5034765`, `kb5034765` or
/// `5034765`; serde uses the `Display` form.
///
/// ```
/// use volume_activation::Kb;
///
/// let kb: Kb = "KB3172614".parse()?;
/// assert_eq!(kb.number(), 3_172_614);
/// assert_eq!(kb.to_string(), "KB3172614");
/// assert_eq!(Kb::new(3_172_614), kb);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kb(u32);

impl Kb {
    /// The KB with this number.
    #[must_use]
    pub const fn new(number: u32) -> Kb {
        Kb(number)
    }

    /// The article number.
    #[must_use]
    pub const fn number(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Kb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KB{}", self.0)
    }
}

impl FromStr for Kb {
    type Err = Error;

    /// Reads `KB` followed by digits (case-insensitive), or the digits alone.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = match s.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("kb") => s.get(2..).unwrap_or(""),
            _ => s,
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::unknown(
                "kb",
                s,
                "a knowledge base number such as KB5034765",
            ));
        }
        digits
            .parse::<u32>()
            .map(Kb)
            .map_err(|_| Error::out_of_range("kb", s, "a knowledge base number below 4294967296"))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Kb {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Kb {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
