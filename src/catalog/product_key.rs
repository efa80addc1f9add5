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

    /// `text` with every product key in it masked, in any spelling: the first twenty key
    /// characters become `*`, the last five (what Windows prints as the partial key) and every
    /// separator and line break stay, so the text keeps its length. Groups may be joined by
    /// `-`, spaces, `_`, Unicode dashes or nothing, and cut by up to two console wraps. Use it
    /// before printing or logging text a user typed or a machine printed.
    ///
    /// ```
    /// use volume_activation::catalog::ProductKey;
    ///
    /// assert_eq!(
    ///     ProductKey::redact_text("key W269N WFGWX YVC9B 4J6C9 T83GX, then W269N-WFGWX-YV\nC9B-4J6C9-T83GX"),
    ///     "key ***** ***** ***** ***** T83GX, then *****-*****-**\n***-*****-T83GX"
    /// );
    /// assert_eq!(ProductKey::redact_text("no key here"), "no key here");
    /// ```
    #[must_use]
    pub fn redact_text(text: &str) -> String {
        redact_keys(text)
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

/// `input` with every key-shaped run masked: the first twenty key characters become `*`,
/// the last five stay (what Windows itself prints as the partial key), and everything between
/// them (separators, line breaks) is kept, so the text keeps its length, its lines and its
/// columns. Error messages, warnings and stored capture text pass through here, so no full key
/// reaches them in any spelling.
///
/// Key-shaped means 25 characters of the product-key alphabet (`BCDFGHJKMPQRTVWXY2346789` plus
/// `N`, ASCII case-insensitive) in five groups of five, either
/// - with a separator between some or all groups: `-`, a space, `_`, or a Unicode hyphen or
///   dash (U+2010 to U+2015, U+2212) (matched wherever it appears, even inside a longer
///   word), or
/// - undashed, 25 in a row, with no ASCII alphanumeric on either side;
///
/// and in both forms a key may be cut by up to two line breaks anywhere (a console wrap:
/// `\n`, `\r\n` or `\r`, or the escapes `\n`, `\r` as JSON writes them), each followed by
/// indentation. Longer runs (a 63-digit installation ID, a hash), GUIDs and groups of another
/// size are left alone.
pub(crate) fn redact_keys(input: &str) -> String {
    redact_cow(input).into_owned()
}

/// As [`redact_keys`], borrowing `input` when it holds no key (the common case: no copy).
pub(crate) fn redact_cow(input: &str) -> std::borrow::Cow<'_, str> {
    let bytes = input.as_bytes();
    // A key in any spelling lies in a run of 25 or more bytes that can be in one; most text
    // (every field of a capture passes here) has none, and is returned after one pass.
    if bytes.len() < 25 || !has_key_run(bytes) {
        return std::borrow::Cow::Borrowed(input);
    }
    let mut out = String::new();
    let mut copied = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let found = if bytes.get(i).is_some_and(|b| is_key_char(*b)) {
            key_at(bytes, i)
        } else {
            None
        };
        let Some((positions, end)) = found else {
            i = i.saturating_add(1);
            continue;
        };
        if out.is_empty() {
            out.reserve(input.len());
        }
        for &at in positions.iter().take(20) {
            // Key characters are ASCII: both sides of `at` are character boundaries.
            out.push_str(input.get(copied..at).unwrap_or_default());
            out.push('*');
            copied = at.saturating_add(1);
        }
        i = end;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(input);
    }
    out.push_str(input.get(copied..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

/// Most line breaks a key may be cut by, and most indentation after one.
const MAX_BREAKS: usize = 2;
const MAX_INDENT: usize = 80;

/// The separators allowed between the groups of a key: ASCII ones, and the UTF-8 of U+2010
/// to U+2015 (hyphens and dashes) and U+2212 (minus sign).
fn separator_len(b: &[u8]) -> Option<usize> {
    match b {
        [b'-' | b' ' | b'_', ..] => Some(1),
        [0xE2, 0x80, 0x90..=0x95, ..] | [0xE2, 0x88, 0x92, ..] => Some(3),
        _ => None,
    }
}

/// The length of a line break at the start of `b` with the indentation after it: a real
/// break (`\r\n`, `\n`, `\r`, any `\r` run before `\n`) or a written escape (`\\r\\n`,
/// `\\n`, `\\r`).
fn break_len(b: &[u8]) -> Option<usize> {
    let mut n = 0usize;
    let mut any = false;
    loop {
        match b.get(n..) {
            Some([b'\r' | b'\n', ..]) => n = n.saturating_add(1),
            Some([b'\\', b'r' | b'n', ..]) => n = n.saturating_add(2),
            _ => break,
        }
        any = true;
        if n > 8 {
            return None;
        }
    }
    if !any {
        return None;
    }
    let indent = b
        .get(n..)
        .unwrap_or_default()
        .iter()
        .take(MAX_INDENT.saturating_add(1))
        .take_while(|c| **c == b' ' || **c == b'\t')
        .count();
    (indent <= MAX_INDENT).then_some(n.saturating_add(indent))
}

/// A key starting at `start` (a key character): the byte positions of its 25 characters and
/// the byte after it.
fn key_at(bytes: &[u8], start: usize) -> Option<([usize; 25], usize)> {
    let mut positions = [0usize; 25];
    let mut i = start;
    let mut breaks = 0usize;
    // Whether some two groups are separated (else the key must be a whole word).
    let mut separated = false;
    let skip_break = |i: &mut usize, breaks: &mut usize| -> bool {
        match break_len(bytes.get(*i..).unwrap_or_default()) {
            Some(n) if *breaks < MAX_BREAKS => {
                *i = i.saturating_add(n);
                *breaks = breaks.saturating_add(1);
                true
            }
            _ => false,
        }
    };
    for (k, slot) in positions.iter_mut().enumerate() {
        if k > 0 {
            skip_break(&mut i, &mut breaks);
        }
        if k > 0 && k % 5 == 0 {
            if let Some(n) = separator_len(bytes.get(i..).unwrap_or_default()) {
                separated = true;
                i = i.saturating_add(n);
                skip_break(&mut i, &mut breaks);
            }
        }
        if !bytes.get(i).is_some_and(|b| is_key_char(*b)) {
            return None;
        }
        *slot = i;
        i = i.saturating_add(1);
    }
    if !separated {
        // Undashed: a whole word of exactly 25.
        let alnum = |at: Option<usize>| {
            at.and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_alphanumeric)
        };
        if alnum(start.checked_sub(1)) || alnum(Some(i)) {
            return None;
        }
    }
    Some((positions, i))
}

/// Whether `bytes` holds a run of 25 or more bytes that can be part of a key in some spelling
/// (key characters, separators, line breaks, indentation, escapes and any non-ASCII byte), the
/// least any key takes. A skip search: when the byte 24 places ahead of a candidate start
/// cannot be in a run, no run starting in between can reach 25, so the search jumps past it;
/// ordinary text is rejected after looking at a small share of its bytes.
fn has_key_run(bytes: &[u8]) -> bool {
    let ok = |b: &u8| may_be_in_key(*b);
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

/// Whether `b` can be part of a key in some spelling: a key character (which takes in the `r`
/// and `n` of a written `\\r` or `\\n`), a separator, a line break, indentation, a backslash, or a
/// byte of a non-ASCII character (the Unicode dashes).
fn may_be_in_key(b: u8) -> bool {
    is_key_char(b) || matches!(b, b'-' | b' ' | b'_' | b'\t' | b'\r' | b'\n' | b'\\') || b >= 0x80
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
            "********************T83GX"
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
    fn redacts_every_spelling_keeping_length_and_lines() {
        let cases = [
            (
                "W269N WFGWX YVC9B 4J6C9 T83GX",
                "***** ***** ***** ***** T83GX",
            ),
            (
                "W269N_WFGWX_YVC9B_4J6C9_T83GX",
                "*****_*****_*****_*****_T83GX",
            ),
            (
                "W269N\u{2013}WFGWX\u{2013}YVC9B\u{2013}4J6C9\u{2013}T83GX",
                "*****\u{2013}*****\u{2013}*****\u{2013}*****\u{2013}T83GX",
            ),
            (
                "W269N\u{2014}WFGWX-YVC9B_4J6C9 T83GX",
                "*****\u{2014}*****-*****_***** T83GX",
            ),
            // Console wraps: inside a group, at a separator, twice, with indentation.
            (
                "Key: W269N-WFGWX-YV\nC9B-4J6C9-T83GX",
                "Key: *****-*****-**\n***-*****-T83GX",
            ),
            (
                "W269N-WFGWX-\r\nYVC9B-4J6C9-T83GX",
                "*****-*****-\r\n*****-*****-T83GX",
            ),
            (
                "W269N-WF\rGWX-YVC9B-4J6C9-T8\n3GX",
                "*****-**\r***-*****-*****-T8\n3GX",
            ),
            (
                "x : W269N-WFGWX-YVC9B-\n           4J6C9-T83GX",
                "x : *****-*****-*****-\n           *****-T83GX",
            ),
            ("W269NWFGWXYVC9B\n4J6C9T83GX", "***************\n*****T83GX"),
            // The escapes JSON writes for a break.
            (
                "\"W269N-WFGWX-\\nYVC9B-4J6C9-T83GX\"",
                "\"*****-*****-\\n*****-*****-T83GX\"",
            ),
        ];
        for (input, want) in cases {
            let got = redact_keys(input);
            assert_eq!(got, want, "{input:?}");
            assert_eq!(got.len(), input.len());
        }
        // Three breaks are not a wrap of one key; groups of another size are no key.
        let three = "W269N-\nWFGWX-\nYVC9B-\n4J6C9-T83GX";
        assert_eq!(redact_keys(three), three);
        let sizes = "W269 NWFGW XYVC9B 4J6C9 T83GX";
        assert_eq!(redact_keys(sizes), sizes);
        // Some groups separated, some not: still a key.
        assert_eq!(
            redact_keys("W269NWFGWX-YVC9B-4J6C9-T83GX"),
            "**********-*****-*****-T83GX"
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
            "k=********************T83GX;"
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
            run = if super::may_be_in_key(*b) {
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
