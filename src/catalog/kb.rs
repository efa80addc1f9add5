//! Microsoft Knowledge Base (KB) article numbers, which name Windows updates.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// A Microsoft Knowledge Base number, the name of a Windows update (`KB5034765`).
///
/// `Display` writes `KB` and the number; `FromStr` reads `KB5034765`, `kb5034765` or
/// `5034765` (strictly: no leading zeros, not zero); serde uses the `Display` form.
///
/// ```
/// use volume_activation::catalog::Kb;
///
/// let kb: Kb = "KB3172614".parse()?;
/// assert_eq!(kb.number(), 3_172_614);
/// assert_eq!(kb.to_string(), "KB3172614");
/// assert_eq!(Kb::new(3_172_614).unwrap(), kb);
/// assert!("KB007".parse::<Kb>().is_err());
/// # Ok::<(), volume_activation::Error>(())
/// ```
///
/// # Errors
///
/// Parsing fails on an empty number, a non-digit (`KBx`, `KB-1`, `K5034765`), a leading zero
/// or zero (`KB007`, `KB0`), and a number above `u32::MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kb(u32);

impl Kb {
    /// The KB with this number; `None` for 0, which is no knowledge base article (the same
    /// rule as parsing, which refuses `KB0`).
    #[must_use]
    pub const fn new(number: u32) -> Option<Kb> {
        if number == 0 { None } else { Some(Kb(number)) }
    }

    /// A KB from one of the crate's tables (their tests check every number is one Microsoft
    /// names, so none is 0).
    pub(crate) const fn from_table(number: u32) -> Kb {
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

/// A KB number from its number: the same rule as [`Kb::new`] (no zero).
///
/// ```
/// use volume_activation::catalog::Kb;
///
/// assert_eq!(Kb::try_from(4_478_877)?.to_string(), "KB4478877");
/// assert_eq!(
///     Kb::try_from(0).unwrap_err().to_string(),
///     "KB0".parse::<Kb>().unwrap_err().to_string().replace("KB0", "0"),
/// );
/// # Ok::<(), volume_activation::Error>(())
/// ```
impl TryFrom<u32> for Kb {
    type Error = Error;

    fn try_from(number: u32) -> Result<Kb, Error> {
        Kb::new(number).ok_or_else(|| {
            Error::invalid(
                "kb",
                "0",
                "a knowledge base number without leading zeros, not zero",
            )
        })
    }
}

impl FromStr for Kb {
    type Err = Error;

    /// Reads `KB` (any case) followed by the number, or the number alone. The number is
    /// strict: ASCII digits, no leading zero, not zero (`KB007` and `KB0` are refused, so
    /// `Display` and `FromStr` are inverses).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const EXPECTED: &str = "a knowledge base number such as KB5034765";
        let digits = match s.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("kb") => s.get(2..).unwrap_or(""),
            _ => s,
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::invalid("kb", s, EXPECTED));
        }
        if digits.starts_with('0') {
            return Err(Error::invalid(
                "kb",
                s,
                "a knowledge base number without leading zeros, not zero",
            ));
        }
        digits
            .parse::<u32>()
            .map(Kb)
            .map_err(|_| Error::invalid("kb", s, "a knowledge base number below 4294967296"))
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
