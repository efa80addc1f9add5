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
    /// A field with its key and value as printed, any full product key in them redacted.
    pub(crate) fn new(
        line: Option<usize>,
        key: &str,
        value: Option<&str>,
        recognised: bool,
    ) -> RawField {
        RawField {
            line,
            key: redact(key),
            value: value.map(redact),
            recognised,
        }
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
    /// `slmgr /xpr` said the product is permanently activated.
    pub permanent: bool,
    /// The end of an evaluation period (`None` when printed as the 1601 "not set" date).
    pub evaluation_end: Option<PrintedTime>,
    /// The licensing service's trusted time.
    pub trusted_time: Option<PrintedTime>,
    /// The client machine ID (CMID).
    pub client_machine_id: Option<Guid>,
    /// Remaining Windows rearm count.
    pub windows_rearm_count: Option<u32>,
    /// Remaining SKU (or application) rearm count.
    pub sku_rearm_count: Option<u32>,
    /// KMS client settings, when any were printed.
    pub kms_client: Option<KmsClientInfo>,
    /// KMS host data, when the product is a KMS host (WMI's current count of -1 means it is
    /// not one, and gives `None`).
    pub kms_host: Option<KmsHostInfo>,
    /// Every line of the record, as printed, in order.
    pub fields: Vec<RawField>,
}

impl LicenseRecord {
    /// The fields the parser did not read into a typed value, in input order.
    pub fn unrecognised(&self) -> impl Iterator<Item = &RawField> {
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
            .and_then(|f| f.value.as_deref())
    }

    pub(crate) fn kms_client_mut(&mut self) -> &mut KmsClientInfo {
        self.kms_client.get_or_insert_with(KmsClientInfo::default)
    }

    pub(crate) fn kms_host_mut(&mut self) -> &mut KmsHostInfo {
        self.kms_host.get_or_insert_with(KmsHostInfo::default)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}
