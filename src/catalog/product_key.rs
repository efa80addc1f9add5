//! Product keys: the 5x5 format, validated and never shown in full.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// The characters a product key group may contain: the published product-key alphabet
/// `BCDFGHJKMPQRTVWXY2346789`, plus `N`, which may appear at most once in a key.
const ALPHABET: &[u8] = b"BCDFGHJKMPQRTVWXY2346789";

/// A product key in the 5x5 format `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`.
///
/// Parsing checks the format and the alphabet (the characters
/// `BCDFGHJKMPQRTVWXY2346789`, and at most one `N`); it does not check that Microsoft issued
/// the key. Lowercase input is accepted and stored uppercase.
///
/// A key is sensitive. `Debug` and `Display` show only the last five characters
/// (`*****-*****-*****-*****-T83GX`), errors about a malformed key show at most the last five
/// characters of the input, and [`ProductKey::partial`] returns those five characters, which
/// is what Windows itself prints. [`ProductKey::reveal`] returns the whole key, for the
/// published GVLKs and AVMA keys; serde writes the whole key too, so that stored data round-trips.
///
/// ```
/// use volume_activation::ProductKey;
///
/// let key = ProductKey::parse("W269N-WFGWX-YVC9B-4J6C9-T83GX")?;
/// assert_eq!(key.partial(), "T83GX");
/// assert_eq!(key.to_string(), "*****-*****-*****-*****-T83GX");
/// assert!(!format!("{key:?}").contains("WFGWX"));
///
/// let err = ProductKey::parse("W269N-WFGWX-YVC9B-4J6C9-T83GA").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid product key: character 29 is not in the product-key alphabet (key ending \"T83GA\")"
/// );
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProductKey {
    chars: [u8; 25],
}

/// The last five characters of `s` (fewer if it is shorter), for error messages.
fn tail5(s: &str) -> String {
    let n = s.chars().count();
    s.chars()
        .skip(n.saturating_sub(5))
        .flat_map(char::escape_default)
        .collect()
}

impl ProductKey {
    /// Parses and validates a key in the 5x5 format.
    ///
    /// # Errors
    ///
    /// When the input is not five groups of five characters separated by `-`, when a character
    /// is outside the product-key alphabet, or when `N` appears more than once. The message
    /// names the 1-based position of the fault and at most the last five characters of the
    /// input.
    pub fn parse(s: &str) -> Result<ProductKey, Error> {
        let t = s.trim();
        let ending = || tail5(t);
        if t.chars().count() != 29 {
            return Err(Error::product_key(format!(
                "expected 29 characters (5 groups of 5 separated by '-'), found {} (key ending \"{}\")",
                t.chars().count(),
                ending()
            )));
        }
        let mut chars = [0u8; 25];
        let mut n_count = 0u8;
        let mut out = chars.iter_mut();
        for (i, c) in t.chars().enumerate() {
            let pos = i.saturating_add(1);
            if pos % 6 == 0 {
                if c != '-' {
                    return Err(Error::product_key(format!(
                        "character {pos} should be '-' (key ending \"{}\")",
                        ending()
                    )));
                }
                continue;
            }
            let u = c.to_ascii_uppercase();
            let ok = u.is_ascii() && (ALPHABET.contains(&(u as u8)) || u == 'N');
            if !ok {
                return Err(Error::product_key(format!(
                    "character {pos} is not in the product-key alphabet (key ending \"{}\")",
                    ending()
                )));
            }
            if u == 'N' {
                n_count = n_count.saturating_add(1);
                if n_count > 1 {
                    return Err(Error::product_key(format!(
                        "character {pos} is a second 'N'; a key has at most one (key ending \"{}\")",
                        ending()
                    )));
                }
            }
            if let Some(slot) = out.next() {
                *slot = u as u8;
            }
        }
        Ok(ProductKey { chars })
    }

    /// The last five characters, as Windows prints them (`Partial Product Key`).
    #[must_use]
    pub fn partial(&self) -> &str {
        self.chars
            .get(20..)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// A key from a crate table, at compile time: the 25 key characters of `text`, dashes
    /// skipped, uppercased. A malformed table entry would give a key that matches no published
    /// key; `tests/gvlk.rs` compares every entry with the published tables in both directions.
    pub(crate) const fn from_static(text: &'static str) -> ProductKey {
        let mut chars = [0u8; 25];
        let mut rest = text.as_bytes();
        let mut out: &mut [u8] = &mut chars;
        while let [b, tail @ ..] = rest {
            if *b != b'-' {
                if let [slot, more @ ..] = out {
                    *slot = b.to_ascii_uppercase();
                    out = more;
                }
            }
            rest = tail;
        }
        ProductKey { chars }
    }

    /// The whole key, `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`.
    ///
    /// Only the GVLKs and AVMA keys Microsoft publishes are data; do not log the result for any
    /// other key.
    #[must_use]
    pub fn reveal(&self) -> String {
        let mut s = String::with_capacity(29);
        for (i, group) in self.chars.chunks(5).enumerate() {
            if i > 0 {
                s.push('-');
            }
            s.extend(group.iter().map(|&b| char::from(b)));
        }
        s
    }
}

impl fmt::Debug for ProductKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProductKey(*****-*****-*****-*****-{})", self.partial())
    }
}

impl fmt::Display for ProductKey {
    /// The redacted form `*****-*****-*****-*****-XXXXX`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "*****-*****-*****-*****-{}", self.partial())
    }
}

impl FromStr for ProductKey {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProductKey::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ProductKey {
    /// The whole key, so stored data round-trips. Keep serialised keys as secret as the keys.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.reveal())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ProductKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        ProductKey::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Replaces every key-shaped run in `input` with `*****-*****-*****-*****-` and its last five
/// characters, so that error messages, warnings and stored capture text never carry a full key.
///
/// Key-shaped means characters of the product-key alphabet (`BCDFGHJKMPQRTVWXY2346789` plus
/// `N`, ASCII case-insensitive) either as five groups of five joined by `-` (matched wherever
/// it appears, even inside a longer word), or as exactly 25 of them undashed with no ASCII
/// alphanumeric on either side. Longer runs (a 63-digit installation ID, a hash) and GUIDs are
/// left alone.
pub(crate) fn redact_keys(input: &str) -> String {
    let bytes = input.as_bytes();
    // A key in either form lies in a run of 25 or more key characters and dashes; most text
    // (every field of a capture passes here) has none, and is returned after one pass.
    if bytes.len() < 25 {
        return input.to_owned();
    }
    if !has_key_run(bytes) {
        return input.to_owned();
    }
    let mut out = String::new();
    let mut i = 0usize;
    let mut copied = 0usize;
    while i < bytes.len() {
        let rest = bytes.get(i..).unwrap_or_default();
        let at_word_start = !i
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .is_some_and(u8::is_ascii_alphanumeric);
        let len = if is_dashed_key(rest) {
            Some(29)
        } else if at_word_start {
            let run = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            (run == 25 && rest.iter().take(25).all(|b| is_key_char(*b))).then_some(25)
        } else {
            None
        };
        match len {
            Some(len) => {
                let end = i.saturating_add(len);
                if out.is_empty() {
                    out.reserve(input.len());
                }
                out.push_str(input.get(copied..i).unwrap_or_default());
                out.push_str("*****-*****-*****-*****-");
                out.push_str(input.get(end.saturating_sub(5)..end).unwrap_or_default());
                i = end;
                copied = end;
            }
            None => i = i.saturating_add(1),
        }
    }
    out.push_str(input.get(copied..).unwrap_or_default());
    out
}

/// Whether `bytes` holds a run of 25 or more key characters and dashes, the least any key
/// takes. A skip search: when the byte 24 places ahead of a candidate start cannot be in a run,
/// no run starting in between can reach 25, so the search jumps past it; ordinary text is
/// rejected after looking at a small share of its bytes.
fn has_key_run(bytes: &[u8]) -> bool {
    let ok = |b: &u8| is_key_char(*b) || *b == b'-';
    let mut start = 0usize;
    loop {
        let Some(window) = start.checked_add(25).and_then(|end| bytes.get(start..end)) else {
            return false;
        };
        // The last byte of the window that cannot be in a run, if any.
        match window.iter().rposition(|b| !ok(b)) {
            None => return true,
            Some(bad) => start = start.saturating_add(bad).saturating_add(1),
        }
    }
}

/// Whether `b` is a product-key character (the alphabet [`ALPHABET`] or `N`), ASCII
/// case-insensitive. A `match`, not a search of the alphabet: every byte of every captured
/// field passes here.
fn is_key_char(b: u8) -> bool {
    matches!(
        b.to_ascii_uppercase(),
        b'B' | b'C'
            | b'D'
            | b'F'
            | b'G'
            | b'H'
            | b'J'
            | b'K'
            | b'M'
            | b'N'
            | b'P'
            | b'Q'
            | b'R'
            | b'T'
            | b'V'
            | b'W'
            | b'X'
            | b'Y'
            | b'2'
            | b'3'
            | b'4'
            | b'6'
            | b'7'
            | b'8'
            | b'9'
    )
}

/// Whether `b` starts with five groups of five product-key characters joined by `-`.
fn is_dashed_key(b: &[u8]) -> bool {
    (0..29).all(|k| {
        if k % 6 == 5 {
            b.get(k) == Some(&b'-')
        } else {
            b.get(k).is_some_and(|c| is_key_char(*c))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_dashed_and_plain_keys() {
        assert_eq!(
            redact_keys("x W269N-WFGWX-YVC9B-4J6C9-T83GX y"),
            "x *****-*****-*****-*****-T83GX y"
        );
        assert_eq!(
            redact_keys("W269NWFGWXYVC9B4J6C9T83GX"),
            "*****-*****-*****-*****-T83GX"
        );
        assert_eq!(redact_keys("short-thing"), "short-thing");
        assert_eq!(
            redact_keys("AW269N-WFGWX-YVC9B-4J6C9-T83GXX"),
            "A*****-*****-*****-*****-T83GXX"
        );
        // 27 key characters are not a key (only exactly 25 undashed are).
        assert_eq!(
            redact_keys("XW269NWFGWXYVC9B4J6C9T83GXY"),
            "XW269NWFGWXYVC9B4J6C9T83GXY"
        );
        assert_eq!(
            redact_keys("é W269N-WFGWX-YVC9B-4J6C9-T83GX"),
            "é *****-*****-*****-*****-T83GX"
        );
    }

    #[test]
    fn key_char_is_the_alphabet_and_n() {
        for b in 0..=u8::MAX {
            let u = b.to_ascii_uppercase();
            assert_eq!(is_key_char(b), ALPHABET.contains(&u) || u == b'N', "{b}");
        }
    }

    #[test]
    fn leaves_ids_guids_and_long_runs_alone() {
        let iid = "123456789012345678901234567890123456789012345678901234567890123";
        assert_eq!(redact_keys(iid), iid);
        let grouped = "2346789-2346789-2346789-2346789-2346789-2346789-2346789-2346789-2346789";
        assert_eq!(redact_keys(grouped), grouped);
        let xs = "x".repeat(100);
        assert_eq!(redact_keys(&xs), xs);
        let guid = "55c92734-d682-4d71-983e-d6ec3f16059f";
        assert_eq!(redact_keys(guid), guid);
        // 25 alphanumerics outside the alphabet (A, E, I, L, O, S, U, Z, 0, 1, 5).
        assert_eq!(
            redact_keys("AEILOSUZ01AEILOSUZ015AEIL"),
            "AEILOSUZ01AEILOSUZ015AEIL"
        );
        assert_eq!(
            redact_keys("ABCDE-FGHIJ-KLMNO-PQRST-UVWXY"),
            "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY"
        );
        // Lowercase keys and keys between punctuation are masked.
        assert_eq!(
            redact_keys("(w269n-wfgwx-yvc9b-4j6c9-t83gx)"),
            "(*****-*****-*****-*****-t83gx)"
        );
        assert_eq!(
            redact_keys("k=W269NWFGWXYVC9B4J6C9T83GX;"),
            "k=*****-*****-*****-*****-T83GX;"
        );
        // A 26-character run is left whole.
        assert_eq!(
            redact_keys("W269NWFGWXYVC9B4J6C9T83GXB"),
            "W269NWFGWXYVC9B4J6C9T83GXB"
        );
    }
}

#[cfg(test)]
mod key_run_tests {
    use super::has_key_run;
    use proptest::prelude::*;

    /// The straightforward definition: the longest run of key characters and dashes.
    fn longest_run(bytes: &[u8]) -> usize {
        let mut run = 0usize;
        let mut longest = 0usize;
        for b in bytes {
            run = if super::is_key_char(*b) || *b == b'-' {
                run.saturating_add(1)
            } else {
                0
            };
            longest = longest.max(run);
        }
        longest
    }

    proptest! {
        #[test]
        fn skip_search_agrees_with_the_longest_run(s in "[A-Z2-9a-z \\-_:.]{0,90}") {
            prop_assert_eq!(has_key_run(s.as_bytes()), longest_run(s.as_bytes()) >= 25);
        }
    }
}
