//! GUIDs as Windows licensing prints them (Application IDs, Activation IDs, machine IDs).

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// A 128-bit GUID, read case-insensitively from `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`
/// (optionally in braces) and written lowercase without braces.
///
/// ```
/// use volume_activation::catalog::Guid;
///
/// let g: Guid = "{55C92734-D682-4D71-983E-D6EC3F16059F}".parse()?;
/// assert_eq!(g.to_string(), "55c92734-d682-4d71-983e-d6ec3f16059f");
/// assert_eq!(g, Guid::from_u128(0x55c92734_d682_4d71_983e_d6ec3f16059f));
/// # Ok::<(), volume_activation::Error>(())
/// ```
// Stored as big-endian bytes, not a `u128`: the same order (`Ord` compares the bytes, most
// significant first) and hash, with an alignment of 1, so an `Option<Guid>` in a parsed
// record takes 17 bytes instead of the 32 a 16-aligned `u128` needs.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Guid([u8; 16]);

impl Guid {
    /// The GUID with this 128-bit value (the hex digits read left to right).
    #[must_use]
    pub const fn from_u128(value: u128) -> Guid {
        Guid(value.to_be_bytes())
    }

    /// The 128-bit value.
    #[must_use]
    pub const fn as_u128(self) -> u128 {
        u128::from_be_bytes(self.0)
    }

    /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, ASCII case-insensitively, with or without
    /// surrounding braces and whitespace.
    ///
    /// # Errors
    ///
    /// When the text is not 32 hex digits in groups of 8-4-4-4-12.
    pub fn parse(s: &str) -> Result<Guid, Error> {
        let t = s.trim();
        let inner = t
            .strip_prefix('{')
            .and_then(|x| x.strip_suffix('}'))
            .unwrap_or(t);
        let bad = || {
            Error::invalid(
                "guid",
                s,
                "32 hex digits as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
            )
        };
        if inner.len() != 36 {
            return Err(bad());
        }
        let mut value: u128 = 0;
        for (i, b) in inner.bytes().enumerate() {
            if matches!(i, 8 | 13 | 18 | 23) {
                if b != b'-' {
                    return Err(bad());
                }
                continue;
            }
            let digit = char::from(b).to_digit(16).ok_or_else(bad)?;
            value = value.checked_shl(4).ok_or_else(bad)? | u128::from(digit);
        }
        Ok(Guid::from_u128(value))
    }
}

impl std::hash::Hash for Guid {
    /// Hashes the 128-bit value (one write, as a `u128` newtype did).
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u128(self.as_u128());
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.as_u128();
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            (v >> 96) as u32,
            (v >> 80) as u16,
            (v >> 64) as u16,
            (v >> 48) as u16,
            v & 0xffff_ffff_ffff
        )
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Guid({self})")
    }
}

impl From<u128> for Guid {
    fn from(value: u128) -> Guid {
        Guid::from_u128(value)
    }
}

impl FromStr for Guid {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Guid::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Guid {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Guid {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Guid::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::Guid;
    use proptest::prelude::*;

    fn hash_of<T: std::hash::Hash>(v: &T) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        BuildHasherDefault::<DefaultHasher>::default().hash_one(v)
    }

    #[test]
    fn option_of_guid_is_small() {
        // What a parsed record pays for each of its three GUIDs.
        assert_eq!(std::mem::size_of::<Option<Guid>>(), 17);
    }

    proptest! {
        /// The byte storage keeps the value, the order and the hash of the 128-bit number.
        #[test]
        fn bytes_keep_value_order_and_hash(a in any::<u128>(), b in any::<u128>()) {
            let (ga, gb) = (Guid::from_u128(a), Guid::from_u128(b));
            prop_assert_eq!(ga.as_u128(), a);
            prop_assert_eq!(ga.cmp(&gb), a.cmp(&b));
            prop_assert_eq!(ga == gb, a == b);
            prop_assert_eq!(hash_of(&ga), hash_of(&a));
            prop_assert_eq!(Guid::parse(&ga.to_string()).ok(), Some(ga));
        }
    }
}
