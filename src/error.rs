//! The crate's one error type for bad input.

use std::borrow::Cow;
use std::fmt;

/// An error for input the crate cannot accept: an unknown name, a malformed product key, a
/// value out of range, a line of tool output it cannot read, events out of order, bad JSON.
///
/// A "no" from a rule is not an error: rules answer with `Denial` values.
/// The kind of error is private; ask it with the `is_*` predicates. Messages are lowercase,
/// quote the offending input (with any product key redacted to its last five characters) and
/// say what was expected.
///
/// ```
/// use volume_activation::Release;
///
/// let err = "windows-13".parse::<Release>().unwrap_err();
/// assert!(err.is_unknown());
/// assert!(err.to_string().starts_with("unknown release \"windows-13\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// A name that is not one of a closed set.
    Unknown {
        what: &'static str,
        input: String,
        expected: Cow<'static, str>,
    },
    /// A product key that is not a 5x5 key of the published alphabet.
    ProductKey { detail: String },
    /// A number or value outside the documented range.
    OutOfRange {
        what: &'static str,
        input: String,
        expected: String,
    },
    /// A combination that does not exist (e.g. a release and edition that form no SKU).
    Invalid {
        what: &'static str,
        input: String,
        expected: String,
    },
    /// A line of tool output that cannot be read.
    Parse {
        format: &'static str,
        line: usize,
        input: String,
        expected: String,
    },
    /// An event earlier than one already applied.
    OutOfOrder { what: &'static str, detail: String },
    /// JSON that does not describe the expected value.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // only the JSON readers build it
    Json { what: &'static str, detail: String },
    /// A described whole (a fleet file) with one or more problems, each already quoted and
    /// naming its record and field.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // only the fleet reader builds it
    Problems {
        what: &'static str,
        /// The first [`PROBLEMS_MAX`] problems.
        problems: Vec<String>,
        /// How many there were.
        total: usize,
    },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Unknown {
                what,
                input,
                expected,
            } => {
                write!(f, "unknown {what} \"{input}\": expected {expected}")
            }
            ErrorKind::ProductKey { detail } => write!(f, "invalid product key: {detail}"),
            ErrorKind::OutOfRange {
                what,
                input,
                expected,
            } => {
                write!(f, "{what} {input} is out of range: expected {expected}")
            }
            ErrorKind::Invalid {
                what,
                input,
                expected,
            } => {
                write!(f, "invalid {what} \"{input}\": expected {expected}")
            }
            ErrorKind::Parse {
                format,
                line,
                input,
                expected,
            } => {
                write!(
                    f,
                    "{format} line {line}: cannot read \"{input}\": expected {expected}"
                )
            }
            ErrorKind::OutOfOrder { what, detail } => write!(f, "{what} out of order: {detail}"),
            ErrorKind::Json { what, detail } => write!(f, "invalid {what} json: {detail}"),
            ErrorKind::Problems {
                what,
                problems,
                total,
            } => {
                let noun = if *total == 1 { "problem" } else { "problems" };
                write!(f, "invalid {what}: {total} {noun}: {}", problems.join("; "))?;
                let more = total.saturating_sub(problems.len());
                if more > 0 {
                    write!(f, "; and {more} more")?;
                }
                Ok(())
            }
        }
    }
}

/// Longest input quoted in a message, in characters.
const QUOTE_MAX: usize = 80;

/// Most problems one error lists; the message says how many more there were.
pub(crate) const PROBLEMS_MAX: usize = 20;

/// Longest cause (another library's message, such as serde's) kept in full, in characters;
/// a longer one keeps its start and its end, where serde names the line and column.
const CAUSE_MAX: usize = 240;
/// Characters kept from the end of a long cause.
const CAUSE_TAIL: usize = 80;

/// A cause for an error message: another library's message (serde's, which names a line and
/// column and may quote input) or a message of this crate. Any product key is redacted and
/// control characters are escaped, but quotes are not (the cause is not input quoted by this
/// crate, so it is never escaped twice); a long cause keeps its first and last characters
/// with `…` between, so its position survives.
pub(crate) fn cause(detail: &str) -> String {
    let redacted = crate::catalog::product_key::redact_cow(detail);
    let n = redacted.chars().count();
    let head = if n > CAUSE_MAX {
        CAUSE_MAX.saturating_sub(CAUSE_TAIL)
    } else {
        n
    };
    let tail_from = if n > CAUSE_MAX {
        n.saturating_sub(CAUSE_TAIL)
    } else {
        n
    };
    let mut out = String::new();
    for (i, c) in redacted.chars().enumerate() {
        if i == head && head < tail_from {
            out.push('…');
        }
        if i >= head && i < tail_from {
            continue;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Quotes outside input for an error message: at most [`QUOTE_MAX`] characters, control
/// characters escaped, and anything shaped like a product key redacted to its last five
/// characters, so a key never reaches a message or a log.
pub(crate) fn quote(input: &str) -> String {
    let redacted = crate::catalog::product_key::redact_keys(input);
    let mut out = String::new();
    for (n, c) in redacted.chars().enumerate() {
        if n >= QUOTE_MAX {
            out.push('…');
            break;
        }
        if c.is_control() || c == '"' || c == '\\' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

impl Error {
    fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    /// An unknown name: `what` is the kind of thing ("release"), `expected` says what would do.
    pub(crate) fn unknown(what: &'static str, input: &str, expected: &'static str) -> Self {
        Self::new(ErrorKind::Unknown {
            what,
            input: quote(input),
            expected: Cow::Borrowed(expected),
        })
    }

    /// An unknown name of the closed set `T`, expecting "one of" every ID of `T` in declaration
    /// order (strum's `VARIANTS` and `AsRefStr`), so the list cannot go stale when a variant is
    /// added.
    pub(crate) fn unknown_id<T>(what: &'static str, input: &str) -> Self
    where
        T: strum::VariantArray + AsRef<str>,
    {
        let mut expected = String::from("one of ");
        for (n, id) in T::VARIANTS.iter().enumerate() {
            if n > 0 {
                expected.push_str(", ");
            }
            expected.push_str(id.as_ref());
        }
        Self::new(ErrorKind::Unknown {
            what,
            input: quote(input),
            expected: Cow::Owned(expected),
        })
    }

    /// A malformed product key (`detail` is redacted once more, in case).
    pub(crate) fn product_key(detail: String) -> Self {
        Self::new(ErrorKind::ProductKey {
            detail: cause(&detail),
        })
    }

    /// A value out of its documented range.
    pub(crate) fn out_of_range(
        what: &'static str,
        input: impl fmt::Display,
        expected: impl Into<String>,
    ) -> Self {
        Self::new(ErrorKind::OutOfRange {
            what,
            input: quote(&input.to_string()),
            expected: cause(&expected.into()),
        })
    }

    /// A combination or value that does not exist.
    pub(crate) fn invalid(what: &'static str, input: &str, expected: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid {
            what,
            input: quote(input),
            expected: cause(&expected.into()),
        })
    }

    /// A line of tool output that cannot be read (`line` counts from 1).
    pub(crate) fn parse(
        format: &'static str,
        line: usize,
        input: &str,
        expected: impl Into<String>,
    ) -> Self {
        Self::new(ErrorKind::Parse {
            format,
            line,
            input: quote(input),
            expected: cause(&expected.into()),
        })
    }

    /// An event earlier than the last applied one.
    pub(crate) fn out_of_order(what: &'static str, detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::OutOfOrder {
            what,
            detail: cause(&detail.into()),
        })
    }

    /// JSON that does not describe the expected value.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // only the JSON readers call it
    pub(crate) fn json(what: &'static str, detail: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Json {
            what,
            detail: cause(&detail.to_string()),
        })
    }

    /// A whole (a fleet file) with problems; each entry names its record and field and quotes
    /// the input with [`quote`]. The message lists the first [`PROBLEMS_MAX`] and says how many
    /// more there were. Reported with [`Error::is_invalid`].
    #[cfg_attr(not(feature = "serde"), allow(dead_code))] // only the fleet reader calls it
    pub(crate) fn problems(what: &'static str, mut problems: Vec<String>) -> Self {
        let total = problems.len();
        problems.truncate(PROBLEMS_MAX);
        for p in &mut problems {
            *p = cause(p);
        }
        Self::new(ErrorKind::Problems {
            what,
            problems,
            total,
        })
    }

    /// The input was a name outside a closed set (a release, an edition, a host key, ...).
    #[must_use]
    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, ErrorKind::Unknown { .. })
    }

    /// The input was a malformed product key.
    #[must_use]
    pub fn is_product_key(&self) -> bool {
        matches!(self.kind, ErrorKind::ProductKey { .. })
    }

    /// The input was a value outside its documented range.
    #[must_use]
    pub fn is_out_of_range(&self) -> bool {
        matches!(self.kind, ErrorKind::OutOfRange { .. })
    }

    /// The input was a combination that does not exist (including a fleet description with
    /// problems such as duplicate names or missing references).
    #[must_use]
    pub fn is_invalid(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Invalid { .. } | ErrorKind::Problems { .. }
        )
    }

    /// The input was tool output that could not be read.
    #[must_use]
    pub fn is_parse(&self) -> bool {
        matches!(self.kind, ErrorKind::Parse { .. })
    }

    /// The line of tool output the error is about, counting from 1, if it is a parse error.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::Parse { line, .. } => Some(line),
            _ => None,
        }
    }

    /// The input was an event earlier than one already applied.
    #[must_use]
    pub fn is_out_of_order(&self) -> bool {
        matches!(self.kind, ErrorKind::OutOfOrder { .. })
    }

    /// The input was JSON that does not describe the expected value.
    #[must_use]
    pub fn is_json(&self) -> bool {
        matches!(self.kind, ErrorKind::Json { .. })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Error {
    /// An error serialises as its message (which never contains a full product key).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
mod tests {
    use super::{CAUSE_MAX, CAUSE_TAIL, cause, quote};

    #[test]
    fn a_cause_is_kept_whole_up_to_its_limit_and_cut_in_the_middle_after() {
        let whole: String = "a".repeat(CAUSE_MAX);
        assert_eq!(cause(&whole), whole);
        // One character more: the start and the last CAUSE_TAIL characters stay, `…` between.
        let long = format!(
            "{}{}{}",
            "h".repeat(CAUSE_MAX),
            "m",
            "t".repeat(CAUSE_TAIL - 1)
        );
        let cut = cause(&long);
        let head = CAUSE_MAX - CAUSE_TAIL;
        assert_eq!(
            cut,
            format!("{}…{}", "h".repeat(head), &long[long.len() - CAUSE_TAIL..])
        );
        assert!(cut.ends_with(&format!("m{}", "t".repeat(CAUSE_TAIL - 1))));
    }

    #[test]
    fn a_cause_is_redacted_and_escaped_once() {
        assert_eq!(
            cause("key W269N-WFGWX-YVC9B-4J6C9-T83GX \"quoted\"\n"),
            "key *****-*****-*****-*****-T83GX \"quoted\"\\n"
        );
        // Quoted input escapes its quotes; a cause does not escape them again.
        assert_eq!(quote("a\"b"), "a\\\"b");
        assert_eq!(cause(&quote("a\"b")), "a\\\"b");
    }
}
