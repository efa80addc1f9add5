//! The documented Windows and Office activation error codes (HRESULTs), as data.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::error::Error;
use crate::tables::error_code_row::ErrorCodeRow;
use crate::tables::error_codes::{ERROR_CODES, HRESULTS};

/// One of the 86 documented activation error codes: its HRESULT, symbol, message, cause,
/// resolution, the activation methods it applies to, and the URLs it is documented at.
///
/// The value is a small `Copy` handle to a static table row: looking a code up allocates
/// nothing. `Display` writes the canonical form `0xC004F038`, which `FromStr` reads back;
/// `FromStr` also reads `C004F038` and the negative decimal form tools such as PowerShell
/// print (`-1073418184`). serde uses the canonical string.
///
/// Where Microsoft documents no cause or resolution, the text says so (`NOT DOCUMENTED ...`);
/// the crate does not fill the gap.
///
/// Sources: "Troubleshoot Windows activation error codes",
/// <https://learn.microsoft.com/en-us/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes>,
/// and the per-code pages [`ActivationErrorCode::sources`] lists.
///
/// ```
/// use volume_activation::rules::ActivationErrorCode;
///
/// let code = ActivationErrorCode::lookup(0xC004_F038).ok_or("undocumented")?;
/// assert_eq!(code.symbol(), Some("SL_E_VL_NOT_ENOUGH_COUNT"));
/// assert_eq!(code.to_string(), "0xC004F038");
/// assert_eq!(ActivationErrorCode::lookup_i32(-1073418184), Some(code));
/// assert_eq!("-1073418184".parse::<ActivationErrorCode>()?, code);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct ActivationErrorCode(&'static ErrorCodeRow);

impl ActivationErrorCode {
    /// The documented code with this HRESULT, or `None` if the crate's table (the 86
    /// documented codes) does not hold it.
    ///
    /// ```
    /// use volume_activation::rules::ActivationErrorCode;
    ///
    /// assert!(ActivationErrorCode::lookup(0xC004_F074).is_some());
    /// assert!(ActivationErrorCode::lookup(0x1234_5678).is_none());
    /// ```
    #[must_use]
    pub fn lookup(hresult: u32) -> Option<ActivationErrorCode> {
        HRESULTS
            .binary_search(&hresult)
            .ok()
            .and_then(|i| ERROR_CODES.get(i))
            .map(ActivationErrorCode)
    }

    /// [`lookup`](Self::lookup) for the signed form some tools print (`-1073418184` is
    /// `0xC004F038`): the same 32 bits read as an `i32`.
    ///
    /// ```
    /// use volume_activation::rules::ActivationErrorCode;
    ///
    /// let code = ActivationErrorCode::lookup_i32(-1073418184).ok_or("undocumented")?;
    /// assert_eq!(code.hresult(), 0xC004_F038);
    /// assert_eq!(code.hresult_i32(), -1073418184);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lookup_i32(hresult: i32) -> Option<ActivationErrorCode> {
        Self::lookup(u32::from_ne_bytes(hresult.to_ne_bytes()))
    }

    /// Reads an HRESULT written as `0xC004F038` (any case), as eight hex digits without prefix
    /// (`C004F038`), or as the signed decimal `i32` [`hresult_i32`](Self::hresult_i32) prints
    /// (`-1073418184`; the informational `0x4004F040` is `1074065472`, without a sign), and
    /// looks it up.
    ///
    /// # Errors
    ///
    /// [`Error::is_invalid`] when the text is none of those forms (`"C004F03"`, `"0xZZ"`,
    /// `"3221549112"`); [`Error::is_unknown`] when it is a well-formed HRESULT that is not one
    /// of the documented codes.
    ///
    /// ```
    /// use volume_activation::rules::ActivationErrorCode;
    ///
    /// let code = ActivationErrorCode::parse("c004f042")?;
    /// assert_eq!(code.symbol(), Some("SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH"));
    /// assert!(ActivationErrorCode::parse("0x12345678").unwrap_err().is_unknown());
    /// let info = ActivationErrorCode::parse("0x4004F040")?;
    /// assert_eq!(ActivationErrorCode::parse(&info.hresult_i32().to_string())?, info);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    pub fn parse(s: &str) -> Result<ActivationErrorCode, Error> {
        let hresult = parse_hresult(s)?;
        Self::lookup(hresult).ok_or_else(|| {
            Error::unknown(
                "activation error code",
                s.trim(),
                "one of the documented activation error codes",
            )
        })
    }

    /// Reads an HRESULT in the forms [`parse`](Self::parse) reads, without looking it up: the
    /// number of an undocumented code too.
    ///
    /// # Errors
    ///
    /// [`Error::is_invalid`] when the text is none of those forms.
    ///
    /// ```
    /// use volume_activation::rules::ActivationErrorCode;
    ///
    /// assert_eq!(ActivationErrorCode::parse_hresult("0x12345678")?, 0x1234_5678);
    /// assert_eq!(ActivationErrorCode::parse_hresult("-1073418124")?, 0xC004_F074);
    /// assert!(ActivationErrorCode::parse_hresult("0xZZ").unwrap_err().is_invalid());
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    pub fn parse_hresult(s: &str) -> Result<u32, Error> {
        parse_hresult(s)
    }

    /// Every documented code, sorted by HRESULT (unsigned).
    ///
    /// ```
    /// assert_eq!(volume_activation::rules::ActivationErrorCode::all().len(), 86);
    /// ```
    pub fn all() -> impl ExactSizeIterator<Item = ActivationErrorCode> + Clone {
        ERROR_CODES.iter().map(ActivationErrorCode)
    }

    /// The HRESULT as an unsigned 32-bit value (`0xC004F038`).
    #[must_use]
    pub const fn hresult(self) -> u32 {
        self.0.hresult
    }

    /// The HRESULT as the signed value some tools print (`-1073418184`).
    #[must_use]
    pub const fn hresult_i32(self) -> i32 {
        i32::from_ne_bytes(self.0.hresult.to_ne_bytes())
    }

    /// The symbolic name (`SL_E_VL_NOT_ENOUGH_COUNT`), or `None` where Microsoft documents
    /// none.
    #[must_use]
    pub const fn symbol(self) -> Option<&'static str> {
        self.0.symbol
    }

    /// A remark on the symbol where the reference adds one (for example that the SDK defines
    /// the code with another severity, or that no public symbol exists).
    #[must_use]
    pub const fn symbol_note(self) -> Option<&'static str> {
        self.0.symbol_note
    }

    /// The message text Windows prints for the code.
    #[must_use]
    pub const fn message(self) -> &'static str {
        self.0.message
    }

    /// The documented cause; says `NOT DOCUMENTED` or `Message text only` where Microsoft
    /// documents none.
    #[must_use]
    pub const fn cause(self) -> &'static str {
        self.0.cause
    }

    /// The documented resolution; says `NOT DOCUMENTED` where Microsoft documents none.
    #[must_use]
    pub const fn resolution(self) -> &'static str {
        self.0.resolution
    }

    /// The activation methods the code applies to, as published (`"KMS client"`, `"MAK"`,
    /// `"AVMA"`, `"KMS client; KMS host"`, ...).
    #[must_use]
    pub const fn methods(self) -> &'static str {
        self.0.methods
    }

    /// The URLs the code's symbol, message, cause and resolution come from.
    pub fn sources(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
        self.0.sources.iter().copied()
    }
}

/// Reads the three text forms of an HRESULT (see [`ActivationErrorCode::parse`]).
fn parse_hresult(s: &str) -> Result<u32, Error> {
    let t = s.trim();
    let bad = || {
        Error::invalid(
            "activation error code",
            t,
            "an hresult such as 0xC004F038, C004F038, -1073418184 or 1074065472",
        )
    };
    let hex = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .or_else(|| (t.len() == 8 && !t.starts_with(['-', '+'])).then_some(t));
    if let Some(digits) = hex {
        if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        return u32::from_str_radix(digits, 16).map_err(|_| bad());
    }
    // The signed decimal form `hresult_i32` prints: negative for the 0xC... and 0x8... codes,
    // positive (no sign) for the 0x4004... informational codes. An unsigned decimal above
    // `i32::MAX` ("3221549112") is no form a tool prints, so it stays invalid.
    let decimal = t.strip_prefix('-').unwrap_or(t);
    if !decimal.is_empty() && decimal.bytes().all(|b| b.is_ascii_digit()) {
        let signed: i32 = t.parse().map_err(|_| bad())?;
        return Ok(u32::from_ne_bytes(signed.to_ne_bytes()));
    }
    Err(bad())
}

impl PartialEq for ActivationErrorCode {
    fn eq(&self, other: &Self) -> bool {
        self.hresult() == other.hresult()
    }
}

impl Eq for ActivationErrorCode {}

impl Hash for ActivationErrorCode {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.hresult().hash(state);
    }
}

impl PartialOrd for ActivationErrorCode {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ActivationErrorCode {
    /// By unsigned HRESULT.
    fn cmp(&self, other: &Self) -> Ordering {
        self.hresult().cmp(&other.hresult())
    }
}

impl fmt::Debug for ActivationErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.symbol() {
            Some(symbol) => write!(f, "ActivationErrorCode({self} {symbol})"),
            None => write!(f, "ActivationErrorCode({self})"),
        }
    }
}

impl fmt::Display for ActivationErrorCode {
    /// The canonical form: `0x` and eight uppercase hex digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08X}", self.hresult())
    }
}

impl FromStr for ActivationErrorCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActivationErrorCode::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ActivationErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ActivationErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        ActivationErrorCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_array_matches_the_rows() {
        assert_eq!(HRESULTS.len(), ERROR_CODES.len());
        assert!(
            HRESULTS
                .iter()
                .zip(&ERROR_CODES)
                .all(|(h, row)| *h == row.hresult)
        );
    }

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(ERROR_CODES.windows(2).all(|w| match w {
            [a, b] => a.hresult < b.hresult,
            _ => false,
        }));
    }

    #[test]
    fn hresult_forms() {
        assert_eq!(parse_hresult("0xc004f038"), Ok(0xC004_F038));
        assert_eq!(parse_hresult(" C004F038 "), Ok(0xC004_F038));
        assert_eq!(parse_hresult("-1073418184"), Ok(0xC004_F038));
        assert_eq!(parse_hresult("0x5"), Ok(5));
        for bad in [
            "",
            "0x",
            "C004F03",
            "0x1C004F038",
            "3221549112",
            "+C004F03",
            "-x",
            "0xZZ",
        ] {
            assert!(parse_hresult(bad).is_err(), "{bad}");
        }
    }
}
