//! A capture: the text one tool printed, parsed into records and warnings.

use super::record::{LicenseRecord, RawFieldRef, RawFields};
use crate::error::Error;

/// The tool output a capture holds.
///
/// Microsoft adds tools, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::inventory::CaptureFormat;
///
/// assert_eq!("slmgr-dlv".parse::<CaptureFormat>()?, CaptureFormat::SlmgrDlv);
/// assert_eq!(CaptureFormat::OsppDstatus.name(), "cscript ospp.vbs /dstatus");
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[non_exhaustive]
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::AsRefStr,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::EnumCount,
    strum::VariantArray,
)]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = crate::error::Error,
    parse_err_fn = Self::unknown
)]
pub enum CaptureFormat {
    /// `cscript slmgr.vbs /dlv` (detailed licence information; `/dlv all` too).
    #[strum(serialize = "slmgr-dlv")]
    SlmgrDlv,
    /// `cscript slmgr.vbs /dli` (basic licence information).
    #[strum(serialize = "slmgr-dli")]
    SlmgrDli,
    /// `cscript slmgr.vbs /xpr` (expiration date).
    #[strum(serialize = "slmgr-xpr")]
    SlmgrXpr,
    /// `cscript ospp.vbs /dstatus` (Office; `/dstatusall` too).
    #[strum(serialize = "ospp-dstatus")]
    OsppDstatus,
    /// `Get-CimInstance SoftwareLicensingProduct` / `SoftwareLicensingService` in list
    /// view (`Format-List`, `Name : value`).
    #[strum(serialize = "wmi-list")]
    WmiList,
    /// The same classes through `ConvertTo-Json` (one object or an array).
    #[strum(serialize = "wmi-json")]
    WmiJson,
    /// The OSLicense module (`Get-OSLicenseInfo`, `Get-KmsLicenseInfo`,
    /// `Get-ADLicenseInfo`) in list view.
    #[strum(serialize = "oslicense-list")]
    OsLicenseList,
    /// The OSLicense module through `ConvertTo-Json`.
    #[strum(serialize = "oslicense-json")]
    OsLicenseJson,
    /// A third-party "check activation" script's output: text that looks like slmgr's but
    /// is not Microsoft's (its own banners and labels, `Press any key`, minute counts
    /// blanked or reformatted). Only a licence status stated in Microsoft's words
    /// (`License Status: Licensed`) is read, always with a warning that says so.
    #[strum(serialize = "look-alike")]
    LookAlike,
}

impl CaptureFormat {
    /// What prints this format, in words (the command, or the kind of script).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            CaptureFormat::SlmgrDlv => "slmgr.vbs /dlv",
            CaptureFormat::SlmgrDli => "slmgr.vbs /dli",
            CaptureFormat::SlmgrXpr => "slmgr.vbs /xpr",
            CaptureFormat::OsppDstatus => "cscript ospp.vbs /dstatus",
            CaptureFormat::WmiList => "Get-CimInstance SoftwareLicensing* | Format-List",
            CaptureFormat::WmiJson => "Get-CimInstance SoftwareLicensing* | ConvertTo-Json",
            CaptureFormat::OsLicenseList => "Get-OSLicenseInfo | Format-List",
            CaptureFormat::OsLicenseJson => "Get-OSLicenseInfo | ConvertTo-Json",
            CaptureFormat::LookAlike => {
                "a third-party activation check script (not Microsoft's output)"
            }
        }
    }

    /// The error for text that is no CaptureFormat ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("capture format", s)
    }
}

crate::macros::serde_as_id!(CaptureFormat);

/// Which number comes first in a slashed date such as `3/4/2026`, as the machine's
/// locale prints it.
///
/// Without one, a date whose day and month are both 12 or less is reported as ambiguous
/// (a warning; the raw text stays in the record), never guessed. Dotted dates
/// (`01.01.1601 01:00:00`) are always day first; ISO dates need no order.
///
/// ```
/// use volume_activation::parse_capture;
/// use volume_activation::inventory::{CaptureFormat, DateOrder, ParseOptions};
///
/// let text = "Name: Windows(R), Enterprise edition\nTrusted time: 3/4/2026 10:00:00\nLicense Status: Licensed\n";
/// let guessed = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new())?;
/// assert!(guessed.records[0].trusted_time.is_none());
/// assert_eq!(guessed.warnings[0].line, Some(2));
///
/// let uk = ParseOptions::new().date_order(DateOrder::DayFirst);
/// let told = parse_capture(CaptureFormat::SlmgrDlv, text, &uk)?;
/// assert_eq!(told.records[0].trusted_time.unwrap().to_string(), "2026-04-03T10:00:00 (local time)");
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::AsRefStr,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::EnumCount,
    strum::VariantArray,
)]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = crate::error::Error,
    parse_err_fn = Self::unknown
)]
pub enum DateOrder {
    /// `month/day/year` (United States English).
    #[strum(serialize = "month-first")]
    MonthFirst,
    /// `day/month/year` (United Kingdom English and most other locales).
    #[strum(serialize = "day-first")]
    DayFirst,
}

impl DateOrder {
    /// The name in words.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "Month first (M/D/Y)",
            DateOrder::DayFirst => "Day first (D/M/Y)",
        }
    }

    /// The error for text that is no DateOrder ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("date order", s)
    }
}

crate::macros::serde_as_id!(DateOrder);

/// How to read a capture.
///
/// ```
/// use volume_activation::inventory::{DateOrder, ParseOptions};
///
/// let opts = ParseOptions::new().date_order(DateOrder::DayFirst).console_width(120);
/// # let _ = opts;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParseOptions {
    pub(crate) date_order: Option<DateOrder>,
    pub(crate) console_width: Option<usize>,
}

impl ParseOptions {
    /// The defaults: no date order (ambiguous dates are reported), console-wrapped lines
    /// rejoined when a line fills 80 or 120 columns.
    #[must_use]
    pub fn new() -> ParseOptions {
        ParseOptions::default()
    }

    /// The day/month order of the machine's locale.
    #[must_use]
    pub fn date_order(mut self, order: DateOrder) -> ParseOptions {
        self.date_order = Some(order);
        self
    }

    /// The console width the capture was copied from: a line exactly this many characters
    /// long followed by a line that is no known field is rejoined with it. `0` turns
    /// rejoining off.
    #[must_use]
    pub fn console_width(mut self, width: usize) -> ParseOptions {
        self.console_width = Some(width);
        self
    }

    pub(crate) fn is_wrap_width(&self, len: usize) -> bool {
        match self.console_width {
            Some(0) => false,
            Some(w) => len == w,
            None => len == 80 || len == 120,
        }
    }
}

/// Something in a capture the parser could not read, kept beside the records: the line
/// (from 1; `None` when unknown) and a message naming the input and what was expected.
///
/// ```
/// use volume_activation::parse_capture;
/// use volume_activation::inventory::{CaptureFormat, ParseOptions};
///
/// let text = "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\nCurrent count: many\n";
/// let c = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new())?;
/// assert_eq!(c.warnings[0].line, Some(3));
/// assert_eq!(
///     c.warnings[0].message,
///     "slmgr.vbs /dlv line 3: cannot read \"Current count: many\": expected a whole number"
/// );
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Warning {
    /// The line of the capture, counting from 1.
    pub line: Option<usize>,
    /// What could not be read and what was expected.
    pub message: String,
}

impl From<Error> for Warning {
    fn from(e: Error) -> Warning {
        Warning {
            line: e.line(),
            message: e.to_string(),
        }
    }
}

/// Most warnings a capture keeps (each names a line); past it, the rest are counted and one
/// last warning says how many were left out, so a capture of garbage holds bounded memory.
pub const WARNINGS_MAX: usize = 1000;

/// Warnings as a parser collects them: the first [`WARNINGS_MAX`] kept, the rest counted.
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    pub(crate) list: Vec<Warning>,
    left_out: usize,
}

impl Warnings {
    pub(crate) fn push(&mut self, w: Warning) {
        if self.list.len() < WARNINGS_MAX {
            self.list.push(w);
        } else {
            self.left_out = self.left_out.saturating_add(1);
        }
    }

    /// The kept warnings, and one more saying how many were left out, if any.
    pub(crate) fn finish(mut self) -> Vec<Warning> {
        if self.left_out > 0 {
            let noun = if self.left_out == 1 {
                "warning"
            } else {
                "warnings"
            };
            self.list.push(Warning {
                line: None,
                message: format!(
                    "{} more {noun} left out (a capture keeps the first {WARNINGS_MAX})",
                    self.left_out
                ),
            });
        }
        self.list
    }
}

/// What an activation command printed about one attempt: `slmgr /ato` (`Activating <name>
/// (<Activation ID>) ...`, then `Product activated successfully.` or `Error: 0x… <text>`),
/// `ospp.vbs /act` (`<Product activation successful>`, or `ERROR CODE:` and `ERROR
/// DESCRIPTION:` lines), and slmgr's error output of any command (`Error: 0xC004C032 …`).
///
/// Sources: slmgr.vbs `L_MsgActivating`, `L_MsgActivated`, `L_MsgActivated_Failed`,
/// `L_MsgErrorText_8` (public copy:
/// <https://github.com/winexe0/ActivationStatus/blob/00552b65a10137255be5245a9979ef57e539ff9d/slmgr.vbs>);
/// ospp.vbs `MSG_ACTATTEMPT`, `MSG_ACTSUCCESS`, `MSG_OFFLINEACTSUCCESS`, `MSG_ERRCODE`,
/// `MSG_ERRDESC` (public copy:
/// <https://github.com/hamlet23/Office2024ProPlusDeploymentAndKMSActivation/blob/09595ba04f8f2d96e8cea1953d401eeae67a21cc/OSPP.VBS>).
///
/// ```
/// use volume_activation::inventory::{CaptureFormat, CommandOutcome, ParseOptions, parse_capture};
///
/// let text = "Activating Windows(R), Enterprise edition (aaaaaaaa-0000-4000-8000-000000000001) ...\n\
/// Error: 0xC004F074 The Software Protection Service reported that the computer could not be activated.\n";
/// let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new())?;
/// let r = &c.results[0];
/// assert_eq!(r.product.as_deref(), Some("Windows(R), Enterprise edition"));
/// assert_eq!(r.line, 2);
/// assert!(matches!(r.outcome, CommandOutcome::Failed { code: Some(0xC004_F074), .. }));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CommandResult {
    /// The line that gave the outcome, counting from 1.
    pub line: usize,
    /// The product the command worked on, when it printed one.
    pub product: Option<String>,
    /// What happened.
    pub outcome: CommandOutcome,
}

/// The outcome of a command: see [`CommandResult`].
///
/// The tools may print more outcomes, so this enum is `#[non_exhaustive]`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum CommandOutcome {
    /// The product was activated (online or, for ospp, offline).
    Activated,
    /// The command failed.
    Failed {
        /// The HRESULT printed, if any.
        code: Option<u32>,
        /// The error text printed with it, if any (any product key redacted).
        description: Option<String>,
    },
}

/// A parsed capture: complete records, any trailing incomplete one, and warnings.
///
/// Nothing printed is dropped: every line is in a record's or the preamble's `fields` (a
/// console-wrapped line rejoined with the line it continues), or named in a warning. Only
/// blank lines and ospp's dashed separators are formatting and not kept.
///
/// ```
/// use volume_activation::{LicenseStatus, parse_capture};
/// use volume_activation::inventory::{CaptureFormat, ParseOptions};
///
/// // Cut off in the middle of the second product.
/// let text = "Name: Office 16, Office16ProPlusVL_KMS_Client edition\nLicense Status: Licensed\n\nName: Windows(R), Enterprise edition\nDescription: Windows(R) Op";
/// let c = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new())?;
/// assert_eq!(c.records.len(), 1);
/// assert_eq!(c.records[0].status, Some(LicenseStatus::Licensed));
/// assert!(c.partial.is_some());
/// assert_eq!(c.warnings[0].line, Some(4));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Capture {
    /// What the capture was read as.
    pub format: CaptureFormat,
    /// Lines before the first record (script banner, service version, separators).
    pub preamble: RawFields,
    /// The complete records, in input order.
    pub records: Vec<LicenseRecord>,
    /// A last record the capture cut off before it was complete.
    pub partial: Option<LicenseRecord>,
    /// What could not be read: at most [`WARNINGS_MAX`], then one saying how many more.
    pub warnings: Vec<Warning>,
    /// Outcomes of activation commands and slmgr errors the capture printed, in order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub results: Vec<CommandResult>,
}

impl Capture {
    pub(crate) fn new(format: CaptureFormat) -> Capture {
        Capture {
            format,
            preamble: RawFields::new(),
            records: Vec::new(),
            partial: None,
            warnings: Vec::new(),
            results: Vec::new(),
        }
    }

    /// The licensing service version slmgr printed (`Software licensing service version`),
    /// or the `Version` of a WMI service block.
    ///
    /// ```
    /// use volume_activation::parse_capture;
    /// use volume_activation::inventory::{CaptureFormat, ParseOptions};
    ///
    /// let text = "Software licensing service version: 10.0.26100.1\n\nName: Windows(R), Professional edition\nLicense Status: Licensed\n";
    /// let c = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new())?;
    /// assert_eq!(c.service_version(), Some("10.0.26100.1"));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn service_version(&self) -> Option<&str> {
        service_version_in(
            self.preamble
                .iter()
                .chain(self.records.iter().flat_map(|r| r.fields.iter())),
        )
    }
}

/// The licensing service version among `fields`, as [`Capture::service_version`] finds it
/// (for the status of a fleet, per machine of a capture).
pub(crate) fn service_version_in<'a>(
    mut fields: impl Iterator<Item = RawFieldRef<'a>>,
) -> Option<&'a str> {
    fields
        .find(|f| {
            f.key
                .eq_ignore_ascii_case("Software licensing service version")
                || f.key.eq_ignore_ascii_case("Version")
        })
        .and_then(|f| f.value)
}

impl Capture {
    /// The display language the capture's labels were printed in, when it is not English:
    /// the language of the first label, or of the first `slmgr /xpr` sentence read, from
    /// another language's table (see [`DisplayLanguage`](super::DisplayLanguage) for each
    /// language's source).
    ///
    /// ```
    /// use volume_activation::parse_capture;
    /// use volume_activation::inventory::{CaptureFormat, ParseOptions};
    ///
    /// let text = "Name: Windows(R), Enterprise edition\nLizenzstatus: Lizenziert\n";
    /// let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new())?;
    /// assert_eq!(c.display_language().map(|l| l.tag()), Some("de-DE"));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn display_language(&self) -> Option<super::DisplayLanguage> {
        self.preamble
            .iter()
            .chain(self.records.iter().flat_map(|r| r.fields.iter()))
            .chain(self.partial.iter().flat_map(|r| r.fields.iter()))
            .find_map(|f| {
                let mut buf = [0; super::fields::NORM_MAX];
                super::locale::language_of(super::fields::norm(f.key, &mut buf)).or_else(|| {
                    // A `/xpr` sentence is kept whole as its field's key.
                    (self.format == CaptureFormat::SlmgrXpr && f.recognised)
                        .then(|| super::locale::xpr_language(f.key))
                        .flatten()
                })
            })
    }
}

/// Parses tool output into a [`Capture`].
///
/// Accepts CRLF or LF, a UTF-8 BOM, `cscript` banners, blank lines, ospp's
/// `---Processing---` / `---Exiting---` separators, console-wrapped lines, several products
/// (Windows and Office mixed) and truncated captures.
///
/// ```
/// use volume_activation::{LicenseStatus, parse_capture};
/// use volume_activation::inventory::{CaptureFormat, ParseOptions};
///
/// let text = "Microsoft (R) Windows Script Host Version 5.812\r\n\r\n\
/// Name: Windows(R), Enterprise edition\r\n\
/// License Status: Notification\r\n\
/// Notification Reason: 0xC004F009 (grace time expired).\r\n";
/// let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new())?;
/// assert_eq!(c.records[0].status, Some(LicenseStatus::Notification));
/// assert_eq!(c.records[0].status_reason, Some(0xC004_F009));
/// # Ok::<(), volume_activation::Error>(())
/// ```
///
/// # Errors
///
/// When no record can be read at all (empty input, another tool's output, JSON that is not
/// an object or an array of objects): a parse error naming the first line that could not be
/// read and what was expected. Problems inside an otherwise readable capture are
/// [`Capture::warnings`], not errors.
pub fn parse_capture(
    format: CaptureFormat,
    input: &str,
    options: &ParseOptions,
) -> Result<Capture, Error> {
    match format {
        CaptureFormat::SlmgrDlv
        | CaptureFormat::SlmgrDli
        | CaptureFormat::SlmgrXpr
        | CaptureFormat::OsppDstatus
        | CaptureFormat::WmiList
        | CaptureFormat::OsLicenseList => super::text::parse(format, input, options),
        CaptureFormat::WmiJson | CaptureFormat::OsLicenseJson => json(format, input, options),
        CaptureFormat::LookAlike => Ok(super::lookalike::parse(input)),
    }
}

/// Parses tool output saved as bytes: UTF-16 with a byte-order mark (what Windows
/// PowerShell 5.1's `>` and `Out-File` write), UTF-8 with or without one; invalid sequences
/// become U+FFFD. Then as [`parse_capture`].
///
/// ```
/// use volume_activation::LicenseStatus;
/// use volume_activation::inventory::{CaptureFormat, ParseOptions, parse_capture_bytes};
///
/// // "Name: X\r\nLicense Status: Licensed\r\n" as PowerShell 5.1 saves it.
/// let mut bytes = vec![0xFF, 0xFE];
/// for u in "Name: X\r\nLicense Status: Licensed\r\n".encode_utf16() {
///     bytes.extend_from_slice(&u.to_le_bytes());
/// }
/// let c = parse_capture_bytes(CaptureFormat::SlmgrDli, &bytes, &ParseOptions::new())?;
/// assert_eq!(c.records[0].status, Some(LicenseStatus::Licensed));
/// # Ok::<(), volume_activation::Error>(())
/// ```
///
/// # Errors
///
/// As [`parse_capture`].
pub fn parse_capture_bytes(
    format: CaptureFormat,
    input: &[u8],
    options: &ParseOptions,
) -> Result<Capture, Error> {
    let text = decode_capture(input);
    parse_capture(format, &text, options)
}

/// The text of tool output saved as bytes, as [`parse_capture_bytes`] reads it: UTF-16 with a
/// byte-order mark (little- or big-endian), UTF-8 with or without one; invalid sequences (and
/// an odd last byte of UTF-16) become U+FFFD. For a caller that looks at the text before
/// parsing it ([`CaptureFormat::detect`], [`parse_capture`]).
///
/// ```
/// use volume_activation::inventory::decode_capture;
///
/// let mut bytes = vec![0xFF, 0xFE];
/// for u in "Name: X\r\nLicense Status: Licensed\r\n".encode_utf16() {
///     bytes.extend_from_slice(&u.to_le_bytes());
/// }
/// assert_eq!(decode_capture(&bytes), "Name: X\r\nLicense Status: Licensed\r\n");
/// assert_eq!(decode_capture(b"\xEF\xBB\xBFName: X\n"), "Name: X\n");
/// assert_eq!(decode_capture(b"Name: \xFF\n"), "Name: \u{FFFD}\n");
/// ```
#[must_use]
pub fn decode_capture(input: &[u8]) -> std::borrow::Cow<'_, str> {
    let utf16 = |rest: &[u8], le: bool| -> String {
        let units = rest.chunks(2).map(|c| match (c.first(), c.get(1), le) {
            (Some(&a), Some(&b), true) => u16::from_le_bytes([a, b]),
            (Some(&a), Some(&b), false) => u16::from_be_bytes([a, b]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    match input {
        [0xFF, 0xFE, rest @ ..] => std::borrow::Cow::Owned(utf16(rest, true)),
        [0xFE, 0xFF, rest @ ..] => std::borrow::Cow::Owned(utf16(rest, false)),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest),
        _ => String::from_utf8_lossy(input),
    }
}

#[cfg(feature = "serde")]
fn json(format: CaptureFormat, input: &str, options: &ParseOptions) -> Result<Capture, Error> {
    super::json::parse(format, input, options)
}

#[cfg(not(feature = "serde"))]
fn json(format: CaptureFormat, _input: &str, _options: &ParseOptions) -> Result<Capture, Error> {
    Err(Error::invalid(
        "capture format",
        format.as_ref(),
        "a text format: JSON captures need the serde feature",
    ))
}

/// The format label used in error messages.
pub(crate) fn label(format: CaptureFormat) -> &'static str {
    format.name()
}
