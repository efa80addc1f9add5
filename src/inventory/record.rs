//! The typed records a capture of tool output becomes.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::catalog::{ApplicationId, Channel, Guid, Recognized, Sku};
use crate::lifecycle::LicenseStatus;

/// One `key: value` pair exactly as the tool printed it, with the line it came from.
///
/// Every line of a record is kept as a `RawField`, recognised or not, in input order, so a
/// parsed capture loses nothing (and a later diagnosis can cite the line). A line without a
/// `key: value` shape (`DNS publishing enabled`) is kept with the whole text as `key` and no
/// `value`.
///
/// A full product key printed anywhere in a line is stored redacted, as
/// `*****-*****-*****-*****-T83GX` (the same holds for a record's name, description and
/// extended PID), so no full key reaches `Debug`, serde output or a report.
///
/// ```
/// use volume_activation::parse_capture;
/// use volume_activation::inventory::{CaptureFormat, ParseOptions};
///
/// let text = "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\nFoo: bar\n";
/// let capture = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new())?;
/// let record = &capture.records[0];
/// let unknown: Vec<_> = record.unrecognised().collect();
/// assert_eq!(unknown[0].key, "Foo");
/// assert_eq!(unknown[0].value.as_deref(), Some("bar"));
/// assert_eq!(unknown[0].line, Some(3));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RawField {
    /// The line of the capture, counting from 1 (`None` for JSON input, which has no
    /// per-property lines).
    pub line: Option<usize>,
    /// The key as printed, trimmed (for a line without a value, the whole line).
    pub key: String,
    /// The value as printed, trimmed; `None` when the line has no value (or JSON `null`).
    /// JSON numbers, booleans, arrays and objects are kept as their JSON text.
    pub value: Option<String>,
    /// Whether the parser read this field into a typed value of its record.
    pub recognised: bool,
}

/// A moment as the tool printed it.
///
/// slmgr, ospp and `Format-List` print local wall-clock time without an offset, so those are
/// [`PrintedTime::Local`]: converting them to UTC needs the machine's offset, which the
/// capture does not say. JSON (`/Date(ms)/`), ISO 8601 with an offset and WMI DMTF datetimes
/// carry one, and are [`PrintedTime::Utc`].
///
/// ```
/// use volume_activation::parse_capture;
/// use volume_activation::inventory::{CaptureFormat, ParseOptions, PrintedTime};
///
/// let text = "Windows(R), Enterprise edition:\n    Volume activation will expire 2026-05-14 10:16:58\n";
/// let capture = parse_capture(CaptureFormat::SlmgrXpr, text, &ParseOptions::new())?;
/// let expiry = capture.records[0].expires.unwrap();
/// assert!(matches!(expiry, PrintedTime::Local(_)));
/// assert_eq!(expiry.to_string(), "2026-05-14T10:16:58 (local time)");
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum PrintedTime {
    /// Wall-clock time on the machine; its UTC offset was not printed.
    Local(NaiveDateTime),
    /// An instant: the tool printed an offset (or UTC).
    Utc(DateTime<Utc>),
}

impl RawField {
    /// A printed line: its line number (from 1; `None` for JSON), key, value (`None` when the
    /// line has none) and whether a parser read it. Stored in a [`RawFields`], any full
    /// product key in it is masked.
    ///
    /// ```
    /// use volume_activation::inventory::RawField;
    ///
    /// let f = RawField::new(Some(3), "Foo", Some("bar"), false);
    /// assert_eq!((f.line, f.key.as_str(), f.value.as_deref()), (Some(3), "Foo", Some("bar")));
    /// ```
    #[must_use]
    pub fn new(line: Option<usize>, key: &str, value: Option<&str>, recognised: bool) -> RawField {
        RawField {
            line,
            key: key.to_owned(),
            value: value.map(str::to_owned),
            recognised,
        }
    }
}

impl From<RawFieldRef<'_>> for RawField {
    fn from(f: RawFieldRef<'_>) -> RawField {
        RawField {
            line: f.line,
            key: f.key.to_owned(),
            value: f.value.map(str::to_owned),
            recognised: f.recognised,
        }
    }
}

/// One printed line of a [`RawFields`], borrowed: what [`RawField`] holds, without copies.
///
/// Its fields have [`RawField`]'s names, and it serialises the same way.
///
/// ```
/// use volume_activation::inventory::{CaptureFormat, ParseOptions, RawField, parse_capture};
///
/// let text = "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\nFoo: bar\n";
/// let capture = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new())?;
/// let foo = capture.records[0].fields.get(2).unwrap();
/// assert_eq!((foo.key, foo.value, foo.line, foo.recognised), ("Foo", Some("bar"), Some(3), false));
/// let owned = RawField::from(foo);
/// assert_eq!(owned.value.as_deref(), Some("bar"));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RawFieldRef<'a> {
    /// The line of the capture, counting from 1 (`None` for JSON input).
    pub line: Option<usize>,
    /// The key as printed, trimmed (for a line without a value, the whole line).
    pub key: &'a str,
    /// The value as printed, trimmed; `None` when the line has no value (or JSON `null`).
    pub value: Option<&'a str>,
    /// Whether the parser read this field into a typed value of its record.
    pub recognised: bool,
}

/// Flag bits of a line's first byte in a [`RawFields`] buffer.
const HAS_VALUE: u8 = 1;
const RECOGNISED: u8 = 2;
const HAS_LINE: u8 = 4;
/// Numbers in a [`RawFields`] buffer are written six bits per byte; this bit says another
/// byte of the same number follows (forwards) or precedes (backwards).
const MORE: u8 = 0x40;
const DIGIT: usize = 0x3F;

/// The printed lines of a record (or of a capture's preamble), in input order, every full
/// product key in them masked.
///
/// Stored compactly in one text buffer, each line as a few bytes of lengths and line number
/// followed by its key and value, so a parsed capture holds little more than the text it read
/// (one owned string pair per line held 15 to 18 times the input; a 32-byte index entry per
/// line still cost as much as the text of a short `slmgr /xpr` line). Read it with
/// [`iter`](RawFields::iter) (either direction), [`first`](RawFields::first),
/// [`last`](RawFields::last) or [`get`](RawFields::get) (which walks the lines before the one
/// asked for), which give borrowed [`RawFieldRef`]s; it serialises as a list of
/// [`RawField`]s.
///
/// ```
/// use volume_activation::inventory::{RawField, RawFields};
///
/// let mut fields = RawFields::new();
/// fields.push(&RawField::new(Some(1), "Name", Some("X"), true));
/// fields.push(&RawField::new(Some(2), "DNS publishing enabled", None, true));
/// assert_eq!(fields.len(), 2);
/// let keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
/// assert_eq!(keys, ["Name", "DNS publishing enabled"]);
/// assert_eq!(fields.get(0).and_then(|f| f.value), Some("X"));
/// assert_eq!(fields.last().map(|f| f.line), Some(Some(2)));
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct RawFields {
    /// The lines, each written as: a flags byte ([`HAS_VALUE`], [`RECOGNISED`],
    /// [`HAS_LINE`]); the key's length, the value's length (with a value) and the line number
    /// (with one), each as [`put`] writes a number; the key; the value; and the length of all
    /// that as [`put_back`] writes it, so the lines can be walked from the end. Every byte
    /// besides the key and the value is ASCII, so the buffer is text and reading a key or a
    /// value needs no UTF-8 check.
    buf: String,
    /// How many lines.
    len: usize,
}

/// Appends `n` six bits per byte, lowest first, [`MORE`] on every byte but the last.
fn put(buf: &mut String, n: usize) {
    let mut n = n;
    loop {
        let digit = u8::try_from(n & DIGIT).unwrap_or_default();
        n = n.checked_shr(6).unwrap_or_default();
        if n == 0 {
            buf.push(char::from(digit));
            return;
        }
        buf.push(char::from(digit | MORE));
    }
}

/// How many bytes [`put`] and [`put_back`] write for `n`.
fn digits(n: usize) -> usize {
    let mut count = 1_usize;
    let mut rest = n.checked_shr(6).unwrap_or_default();
    while rest != 0 {
        count = count.saturating_add(1);
        rest = rest.checked_shr(6).unwrap_or_default();
    }
    count
}

/// Appends `n` to be read from its end: the bytes [`put`] writes, in reverse order, with
/// [`MORE`] on every byte but the first.
fn put_back(buf: &mut String, n: usize) {
    let count = digits(n);
    for i in (0..count).rev() {
        let shift = u32::try_from(i.saturating_mul(6)).unwrap_or(u32::MAX);
        let digit =
            u8::try_from(n.checked_shr(shift).unwrap_or_default() & DIGIT).unwrap_or_default();
        let more = if i.saturating_add(1) == count {
            0
        } else {
            MORE
        };
        buf.push(char::from(digit | more));
    }
}

/// The number [`put`] wrote at `at`, and the offset after it.
fn get(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let (mut n, mut shift, mut at) = (0_usize, 0_u32, at);
    loop {
        let byte = *bytes.get(at)?;
        at = at.checked_add(1)?;
        n |= usize::from(byte & 0x3F).checked_shl(shift)?;
        if byte & MORE == 0 {
            return Some((n, at));
        }
        shift = shift.checked_add(6)?;
    }
}

/// The number [`put_back`] wrote ending at `end`, and the offset it starts at.
fn get_back(bytes: &[u8], end: usize) -> Option<(usize, usize)> {
    let (mut n, mut shift, mut at) = (0_usize, 0_u32, end);
    loop {
        at = at.checked_sub(1)?;
        let byte = *bytes.get(at)?;
        n |= usize::from(byte & 0x3F).checked_shl(shift)?;
        if byte & MORE == 0 {
            return Some((n, at));
        }
        shift = shift.checked_add(6)?;
    }
}

impl RawFields {
    /// No fields.
    #[must_use]
    pub fn new() -> RawFields {
        RawFields::default()
    }

    /// How many lines there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The line at `index` (from 0), in input order. Walks the lines before it (records have
    /// a few dozen lines): to visit every line, use [`iter`](RawFields::iter).
    #[must_use]
    pub fn get(&self, index: usize) -> Option<RawFieldRef<'_>> {
        self.iter().nth(index)
    }

    /// The first line.
    #[must_use]
    pub fn first(&self) -> Option<RawFieldRef<'_>> {
        self.iter().next()
    }

    /// The last line.
    #[must_use]
    pub fn last(&self) -> Option<RawFieldRef<'_>> {
        self.iter().next_back()
    }

    /// The lines in input order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = RawFieldRef<'_>> + ExactSizeIterator {
        Iter {
            fields: self,
            front: 0,
            back: self.buf.len(),
            left: self.len,
        }
    }

    /// Appends a line, any full product key in it masked.
    pub fn push(&mut self, field: &RawField) {
        self.push_parts(
            field.line,
            &field.key,
            field.value.as_deref(),
            field.recognised,
        );
    }

    /// Appends a line from its parts, any full product key masked.
    pub(crate) fn push_parts(
        &mut self,
        line: Option<usize>,
        key: &str,
        value: Option<&str>,
        recognised: bool,
    ) {
        let key = crate::catalog::product_key::redact_cow(key);
        let value = value.map(crate::catalog::product_key::redact_cow);
        let start = self.buf.len();
        let mut flags = 0;
        if value.is_some() {
            flags |= HAS_VALUE;
        }
        if recognised {
            flags |= RECOGNISED;
        }
        if line.is_some() {
            flags |= HAS_LINE;
        }
        self.buf.push(char::from(flags));
        put(&mut self.buf, key.len());
        if let Some(v) = &value {
            put(&mut self.buf, v.len());
        }
        if let Some(n) = line {
            put(&mut self.buf, n);
        }
        self.buf.push_str(&key);
        if let Some(v) = &value {
            self.buf.push_str(v);
        }
        let written = self.buf.len().saturating_sub(start);
        put_back(&mut self.buf, written);
        self.len = self.len.saturating_add(1);
    }

    /// Gives back spare capacity (a finished record keeps only what it holds).
    pub(crate) fn shrink_to_fit(&mut self) {
        self.buf.shrink_to_fit();
    }

    /// The line written at `at`, and the offset of the next one.
    fn decode(&self, at: usize) -> Option<(RawFieldRef<'_>, usize)> {
        let bytes = self.buf.as_bytes();
        let flags = *bytes.get(at)?;
        let (key_len, p) = get(bytes, at.checked_add(1)?)?;
        let (value_len, p) = if flags & HAS_VALUE == 0 {
            (0, p)
        } else {
            get(bytes, p)?
        };
        let (line, p) = if flags & HAS_LINE == 0 {
            (None, p)
        } else {
            let (n, p) = get(bytes, p)?;
            (Some(n), p)
        };
        let key_end = p.checked_add(key_len)?;
        let end = key_end.checked_add(value_len)?;
        // The lengths were taken from the key and value pushed: character boundaries.
        let key = self.buf.get(p..key_end)?;
        let value = if flags & HAS_VALUE == 0 {
            None
        } else {
            Some(self.buf.get(key_end..end)?)
        };
        let next = end.checked_add(digits(end.checked_sub(at)?))?;
        let field = RawFieldRef {
            line,
            key,
            value,
            recognised: flags & RECOGNISED != 0,
        };
        Some((field, next))
    }

    /// The line whose encoding ends at `end`, and the offset it starts at.
    fn decode_back(&self, end: usize) -> Option<(RawFieldRef<'_>, usize)> {
        let (len, footer) = get_back(self.buf.as_bytes(), end)?;
        let start = footer.checked_sub(len)?;
        let (field, _) = self.decode(start)?;
        Some((field, start))
    }
}

/// The lines of a [`RawFields`], from either end.
struct Iter<'a> {
    fields: &'a RawFields,
    /// Where the next line from the front starts, and where the next from the back ends.
    front: usize,
    back: usize,
    /// Lines not yet given from either end.
    left: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = RawFieldRef<'a>;

    fn next(&mut self) -> Option<RawFieldRef<'a>> {
        if self.left == 0 {
            return None;
        }
        let (field, next) = self.fields.decode(self.front)?;
        self.front = next;
        self.left = self.left.saturating_sub(1);
        Some(field)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        let (field, start) = self.fields.decode_back(self.back)?;
        self.back = start;
        self.left = self.left.saturating_sub(1);
        Some(field)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl std::fmt::Debug for RawFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a RawFields {
    type Item = RawFieldRef<'a>;
    type IntoIter = Box<dyn Iterator<Item = RawFieldRef<'a>> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl FromIterator<RawField> for RawFields {
    fn from_iter<I: IntoIterator<Item = RawField>>(iter: I) -> RawFields {
        let mut out = RawFields::new();
        for f in iter {
            out.push(&f);
        }
        out
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RawFields {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for RawFields {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = <Vec<RawField> as serde::Deserialize>::deserialize(d)?;
        Ok(fields.into_iter().collect())
    }
}

/// `text` with every full product key masked (the one place capture text is stored).
pub(crate) fn redact(text: &str) -> String {
    crate::catalog::product_key::redact_keys(text)
}

impl std::fmt::Display for PrintedTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrintedTime::Local(t) => write!(f, "{} (local time)", t.format("%Y-%m-%dT%H:%M:%S")),
            PrintedTime::Utc(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

/// Time left before a grace period or a volume activation expires, as printed.
///
/// The day count is kept exactly as the tool printed it: slmgr versions round minutes to days
/// differently, so it is never recomputed from the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Remaining {
    /// A finite time left.
    Minutes {
        /// Minutes left, as printed.
        minutes: u64,
        /// Days left, if the tool printed a day count too (not derived from `minutes`).
        days: Option<u64>,
    },
    /// The tool printed a sentinel for "no limit" (`Unlimited`, `No Limit`).
    Unlimited,
}

/// Which expiry line a remaining time or an expiry date came from.
///
/// slmgr prints `Volume activation expiration`, `Timebased activation expiration`, `Automatic
/// VM activation expiration` (and `/xpr`'s `... will expire`) for an activation that ends,
/// and `Time remaining` for a grace period; WMI's `GracePeriodRemaining`, ospp's `REMAINING
/// GRACE` and OSLicense's `RemainingGrace` count down whichever the licence state is in
/// (sources: slmgr.vbs `L_MsgLicenseStatusVL_1`, `_TBL_1`, `_AVMA_1`,
/// `L_MsgLicenseStatusTimeRemaining`, as in `fields.rs`).
///
/// The tools may print more, so this enum is `#[non_exhaustive]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum ExpiryKind {
    /// A volume (KMS) activation's validity.
    Volume,
    /// A time-based activation (an evaluation edition).
    TimeBased,
    /// An Automatic VM Activation's validity.
    AutomaticVm,
    /// A grace period (initial, additional, non-genuine or extended).
    Grace,
    /// A countdown the tool does not name (WMI `GracePeriodRemaining`, ospp `REMAINING
    /// GRACE`): the licence state says which.
    Unnamed,
}

/// A KMS client's settings and what it last discovered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct KmsClientInfo {
    /// The KMS host name set with `slmgr /skms` (`KeyManagementServiceMachine`).
    pub registered_host: Option<String>,
    /// The port set with the host name (`KeyManagementServicePort`).
    pub registered_port: Option<u16>,
    /// The DNS domain set with `slmgr /skms-domain` (`KeyManagementServiceLookupDomain`).
    pub lookup_domain: Option<String>,
    /// The KMS host found through DNS or last used (`DiscoveredKeyManagementServiceMachineName`).
    pub discovered_host: Option<String>,
    /// The port of the discovered host.
    pub discovered_port: Option<u16>,
    /// The IP address of the discovered host, as printed.
    pub discovered_ip: Option<String>,
    /// The KMS host's extended PID (`KeyManagementServiceProductKeyID`).
    pub host_extended_pid: Option<String>,
    /// Activation retry interval in minutes (`VLActivationInterval`).
    pub activation_interval: Option<u32>,
    /// Renewal interval in minutes (`VLRenewalInterval`).
    pub renewal_interval: Option<u32>,
    /// Whether KMS host caching is enabled.
    pub host_caching: Option<bool>,
}

/// Requests a KMS host has received, per reported client state, as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct KmsRequestCounts {
    /// Total requests received.
    pub total: Option<u64>,
    /// Failed requests received.
    pub failed: Option<u64>,
    /// Requests from unlicensed clients.
    pub unlicensed: Option<u64>,
    /// Requests from licensed clients.
    pub licensed: Option<u64>,
    /// Requests from clients in the initial (out-of-box) grace period.
    pub oob_grace: Option<u64>,
    /// Requests from clients whose licence expired or whose hardware is out of tolerance.
    pub oot_grace: Option<u64>,
    /// Requests from clients in the non-genuine grace period.
    pub non_genuine_grace: Option<u64>,
    /// Requests from clients in the notification state.
    pub notification: Option<u64>,
}

/// What a KMS host reports about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct KmsHostInfo {
    /// Whether the machine is a KMS host, when the capture says: WMI's
    /// `IsKeyManagementServiceMachine`, or `false` for a current count of -1. A machine that
    /// is not a KMS host keeps the host settings it prints (listening port, DNS publishing,
    /// low priority), with this `Some(false)`; counts and requests are then `None`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub is_kms_host: Option<bool>,
    /// The current count (`KeyManagementServiceCurrentCount`).
    pub current_count: Option<u32>,
    /// The count needed before it activates clients (`RequiredClientCount`); only WMI
    /// prints it.
    pub required_count: Option<u32>,
    /// The TCP port it listens on.
    pub listening_port: Option<u16>,
    /// Whether it publishes its SRV record in DNS.
    pub dns_publishing: Option<bool>,
    /// Whether it runs at low priority.
    pub low_priority: Option<bool>,
    /// Requests received from clients.
    pub requests: KmsRequestCounts,
}

/// One licensed product (or one licensing-service block) read from a capture.
///
/// Every typed field is `None` when the capture did not print it (or printed a sentinel
/// such as `N/A`); every printed line is in [`fields`](LicenseRecord::fields) either way.
///
/// ```
/// use volume_activation::{Channel, LicenseStatus, parse_capture};
/// use volume_activation::inventory::{CaptureFormat, ParseOptions};
///
/// let text = "\
/// Name: Windows(R), Enterprise edition
/// Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel
/// Partial Product Key: 2YT43
/// License Status: Initial grace period
/// Time remaining: 43200 minute(s) (30 day(s))
/// ";
/// let capture = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new())?;
/// let r = &capture.records[0];
/// assert_eq!(r.channel, Some(Channel::VolumeGvlk));
/// assert_eq!(r.status, Some(LicenseStatus::OobGrace));
/// assert_eq!(r.partial_key.as_deref(), Some("2YT43"));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LicenseRecord {
    /// The product name as printed (`Windows(R), Enterprise edition`, `Office 16,
    /// Office16ProPlusVL_KMS_Client edition`).
    pub name: Option<String>,
    /// The description as printed (`Windows(R) Operating System, VOLUME_KMSCLIENT channel`).
    pub description: Option<String>,
    /// The SKU, when the printed name (with the description) names one
    /// ([`Sku::parse_lenient`], [`recognize_product`](crate::catalog::recognize_product)); the raw
    /// name stays in `name`.
    pub sku: Option<Sku>,
    /// What the printed name and description tell about the product even when they do not
    /// name a whole SKU (`Windows(R), Enterprise edition` names the edition only; `Office 16,
    /// ...` the family and release). Empty when nothing was recognised.
    #[cfg_attr(feature = "serde", serde(default))]
    pub recognized: Recognized,
    /// The Activation ID (WMI `ID`, ospp `SKU ID`).
    pub activation_id: Option<Guid>,
    /// The Application ID (Windows `55c92734-…`, Office `0ff1ce15-…` / `0ff1ce16-…`).
    pub application_id: Option<ApplicationId>,
    /// The extended PID as printed.
    pub extended_pid: Option<String>,
    /// The licence channel (from the channel line, or else from the description).
    pub channel: Option<Channel>,
    /// The last five characters of the installed product key.
    pub partial_key: Option<String>,
    /// The licence state.
    pub status: Option<LicenseStatus>,
    /// The status reason / notification reason / error code (an HRESULT).
    pub status_reason: Option<u32>,
    /// Time left in the current grace period or volume activation.
    pub remaining: Option<Remaining>,
    /// When the grace period or volume activation ends, when the tool printed a date
    /// (`slmgr /xpr`).
    pub expires: Option<PrintedTime>,
    /// Which expiry line gave `remaining` or `expires`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub expiry_kind: Option<ExpiryKind>,
    /// `slmgr /xpr` said the product is permanently activated.
    pub permanent: bool,
    /// The end of an evaluation period (`None` when printed as the 1601 "not set" date).
    pub evaluation_end: Option<PrintedTime>,
    /// The licensing service's trusted time.
    pub trusted_time: Option<PrintedTime>,
    /// The client machine ID (CMID).
    pub client_machine_id: Option<Guid>,
    /// Remaining rearm count of the application: slmgr's `Remaining Windows rearm count`
    /// (WMI `RemainingWindowsReArmCount`), or `Remaining App rearm count` (WMI
    /// `RemainingAppReArmCount`) for another application. `None` when not printed or printed
    /// as "not applicable" (WMI's 4294967295 or -1).
    pub windows_rearm_count: Option<u32>,
    /// Remaining rearm count of the SKU (`Remaining SKU rearm count`,
    /// `RemainingSkuReArmCount`), a separate counter; `None` as above.
    pub sku_rearm_count: Option<u32>,
    /// KMS client settings, when any were printed.
    pub kms_client: Option<Box<KmsClientInfo>>,
    /// KMS host data, when the product is a KMS host (WMI's current count of -1 means it is
    /// not one, and gives `None`).
    pub kms_host: Option<Box<KmsHostInfo>>,
    /// The capture starts inside this record: its heading (`Name:`, ospp's `SKU ID:` or
    /// `PRODUCT ID:`, `/xpr`'s product line) was cut off, so it holds only the fields after
    /// the cut (a warning says so too).
    #[cfg_attr(feature = "serde", serde(default))]
    pub cut_at_start: bool,
    /// Every line of the record, as printed, in order.
    pub fields: RawFields,
}

impl LicenseRecord {
    /// The fields the parser did not read into a typed value, in input order.
    pub fn unrecognised(&self) -> impl Iterator<Item = RawFieldRef<'_>> {
        self.fields.iter().filter(|f| !f.recognised)
    }

    /// The printed value of the first field named `key` (ASCII case-insensitive).
    ///
    /// ```
    /// use volume_activation::parse_capture;
    /// use volume_activation::inventory::{CaptureFormat, ParseOptions};
    ///
    /// let text = "Name: Windows(R), Enterprise edition\nTrusted time: 5/14/2026 10:16:58 AM\nLicense Status: Licensed\n";
    /// let capture = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new())?;
    /// assert_eq!(capture.records[0].field("trusted time"), Some("5/14/2026 10:16:58 AM"));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.key.eq_ignore_ascii_case(key))
            .and_then(|f| f.value)
    }

    pub(crate) fn kms_client_mut(&mut self) -> &mut KmsClientInfo {
        self.kms_client.get_or_insert_with(Box::default)
    }

    pub(crate) fn kms_host_mut(&mut self) -> &mut KmsHostInfo {
        self.kms_host.get_or_insert_with(Box::default)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::{RawField, RawFields, digits, get, get_back, put, put_back};
    use proptest::prelude::*;

    fn field() -> impl Strategy<Value = RawField> {
        (
            proptest::option::of(any::<usize>()),
            ".{0,90}",
            proptest::option::of(".{0,90}"),
            any::<bool>(),
        )
            .prop_map(|(line, key, value, recognised)| RawField {
                line,
                key,
                value,
                recognised,
            })
    }

    #[test]
    fn numbers_read_back_from_either_end() {
        for n in [
            0,
            1,
            63,
            64,
            4095,
            4096,
            100_000,
            usize::MAX >> 1,
            usize::MAX,
        ] {
            let mut s = String::from("x");
            put(&mut s, n);
            assert_eq!(s.len(), 1 + digits(n), "{n}");
            assert_eq!(get(s.as_bytes(), 1), Some((n, s.len())), "{n}");
            let mut b = String::from("x");
            put_back(&mut b, n);
            assert_eq!(b.len(), 1 + digits(n), "{n}");
            assert_eq!(get_back(b.as_bytes(), b.len()), Some((n, 1)), "{n}");
            assert!(s.is_ascii() && b.is_ascii());
        }
    }

    #[test]
    fn a_short_line_costs_a_few_bytes_besides_its_text() {
        let mut f = RawFields::new();
        f.push_parts(
            Some(100_000),
            "Windows(R), Enterprise edition",
            Some(""),
            true,
        );
        // Flags, key length, value length, three bytes of line number, the key, one byte of
        // length at the end.
        assert_eq!(f.buf.len(), 1 + 1 + 1 + 3 + 30 + 1);
        assert_eq!(std::mem::size_of::<RawFields>(), 32);
    }

    proptest! {
        /// Every line reads back as pushed (keys masked), from the front, from the back, by
        /// index, and first and last.
        #[test]
        fn lines_read_back(fields in proptest::collection::vec(field(), 0..12)) {
            let stored: RawFields = fields.iter().cloned().collect();
            let masked: Vec<RawField> = fields
                .iter()
                .map(|f| RawField {
                    line: f.line,
                    key: crate::catalog::product_key::redact_keys(&f.key),
                    value: f.value.as_deref().map(crate::catalog::product_key::redact_keys),
                    recognised: f.recognised,
                })
                .collect();
            prop_assert_eq!(stored.len(), fields.len());
            prop_assert_eq!(stored.is_empty(), fields.is_empty());
            let forward: Vec<RawField> = stored.iter().map(RawField::from).collect();
            prop_assert_eq!(&forward, &masked);
            let mut backward: Vec<RawField> = stored.iter().rev().map(RawField::from).collect();
            backward.reverse();
            prop_assert_eq!(&backward, &masked);
            for (i, f) in masked.iter().enumerate() {
                prop_assert_eq!(stored.get(i).map(RawField::from), Some(f.clone()));
            }
            prop_assert_eq!(stored.get(fields.len()), None);
            prop_assert_eq!(stored.first().map(RawField::from), masked.first().cloned());
            prop_assert_eq!(stored.last().map(RawField::from), masked.last().cloned());
            // Taken from both ends in turn, every line comes once.
            let mut it = stored.iter();
            let (mut front, mut back) = (Vec::new(), Vec::new());
            loop {
                prop_assert_eq!(
                    it.len(),
                    fields.len().saturating_sub(front.len().saturating_add(back.len()))
                );
                let Some(f) = it.next() else { break };
                front.push(RawField::from(f));
                let Some(b) = it.next_back() else { break };
                back.push(RawField::from(b));
            }
            front.extend(back.into_iter().rev());
            prop_assert_eq!(&front, &masked);
        }
    }
}
