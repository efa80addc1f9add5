//! Whether a text leaks the product key the redaction checks insert, in any spelling: shared by
//! `tests/redaction.rs` (which also checks that it sees every spelling) and the `redaction`
//! fuzz target (`fuzz/fuzz_targets/redaction.rs`).
//!
//! The key is Windows Pro's published GVLK (public data); the check would catch any key.

/// The key's 25 characters without separators.
pub const BARE: &str = "W269NWFGWXYVC9B4J6C9T83GX";

/// Whether `out` holds the key in any spelling: escapes (`\n`, `\u{2013}`, `\u2013`) and
/// everything but letters and digits dropped, uppercased.
pub fn leaks(out: &str) -> bool {
    let mut flat = String::with_capacity(out.len());
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek() {
                Some('n' | 'r' | 't') => {
                    chars.next();
                }
                Some('u') => {
                    chars.next();
                    while chars
                        .peek()
                        .is_some_and(|c| c.is_ascii_hexdigit() || *c == '{' || *c == '}')
                    {
                        chars.next();
                    }
                }
                _ => {}
            }
            continue;
        }
        if c.is_ascii_alphanumeric() {
            flat.push(c.to_ascii_uppercase());
        }
    }
    flat.contains(BARE)
}
