//! A last guard on what the command prints about its input: anything shaped like a product
//! key is cut to its last five characters before it reaches stderr.
//!
//! The library already redacts keys in its own messages; this covers what clap echoes
//! (`invalid value 'ABCDE-…' for '--count'`) and the command's own messages. First the
//! library's own masking ([`ProductKey::redact_text`]: a key in any spelling, groups joined by
//! spaces, `_` or dashes, or cut by a line break), then a pass stricter than a key check on
//! purpose: five groups of five ASCII letters or digits joined by `-`, anywhere, and 25
//! letters or digits standing alone, whatever the alphabet.

use volume_activation::catalog::ProductKey;

/// `text` with every product key masked by the library, then every remaining key-shaped run
/// replaced by `*****-*****-*****-*****-` and its last five characters.
pub(crate) fn redact(text: &str) -> String {
    let text = ProductKey::redact_text(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = chars.get(i..).unwrap_or_default();
        let start_of_word = i == 0
            || chars
                .get(i.wrapping_sub(1))
                .is_none_or(|c| !c.is_ascii_alphanumeric());
        let len = if dashed_key_at(rest) {
            Some(29usize)
        } else if start_of_word && plain_key_at(rest) {
            Some(25)
        } else {
            None
        };
        match len {
            Some(n) => {
                let tail: String = rest
                    .get(n.saturating_sub(5)..n)
                    .unwrap_or_default()
                    .iter()
                    .collect();
                out.push_str("*****-*****-*****-*****-");
                out.push_str(&tail);
                i = i.saturating_add(n);
            }
            None => {
                if let Some(c) = rest.first() {
                    out.push(*c);
                }
                i = i.saturating_add(1);
            }
        }
    }
    out
}

/// Five groups of five ASCII letters or digits joined by `-` at the start of `s`.
fn dashed_key_at(s: &[char]) -> bool {
    s.len() >= 29
        && s.iter().take(29).enumerate().all(|(i, c)| {
            if i % 6 == 5 {
                *c == '-'
            } else {
                c.is_ascii_alphanumeric()
            }
        })
}

/// Exactly 25 ASCII letters or digits at the start of `s`, not followed by another.
fn plain_key_at(s: &[char]) -> bool {
    s.len() >= 25
        && s.iter().take(25).all(char::is_ascii_alphanumeric)
        && s.get(25).is_none_or(|c| !c.is_ascii_alphanumeric())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::redact;

    #[test]
    fn dashed_and_plain_keys_are_cut_to_their_last_five() {
        assert_eq!(
            redact("invalid value 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY' for '--count <N>'"),
            "invalid value '*****-*****-*****-*****-UVWXY' for '--count <N>'"
        );
        assert_eq!(
            redact("x ABCDEFGHIJKLMNOPQRSTUVWXY y"),
            "x *****-*****-*****-*****-UVWXY y"
        );
        assert_eq!(
            redact("abcABCDE-FGHIJ-KLMNO-PQRST-UVWXYz"),
            "abc*****-*****-*****-*****-UVWXYz"
        );
    }

    #[test]
    fn keys_in_other_spellings_are_masked_by_the_library() {
        assert_eq!(
            redact("'BCDFG HJKMP QRTVW XY234 6789B' and 'BCDFG_HJKMP_QRTVW_XY234_6789B'"),
            "'***** ***** ***** ***** 6789B' and '*****_*****_*****_*****_6789B'"
        );
        assert_eq!(
            redact("BCDFG-HJKMP-QR\nTVW-XY234-6789B"),
            "*****-*****-**\n***-*****-6789B"
        );
    }

    #[test]
    fn other_text_is_left_alone() {
        for s in [
            "cannot read \"fleet.json\": No such file or directory",
            "a GUID 55c92734-d682-4d71-983e-d6ec3f16059f",
            "26 chars ABCDEFGHIJKLMNOPQRSTUVWXYZ stay",
            "",
            "é ü ß",
        ] {
            assert_eq!(redact(s), s);
        }
    }
}
