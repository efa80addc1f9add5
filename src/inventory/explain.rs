//! The diagnosis a support engineer gives from a parsed capture: per product, the state in
//! plain words, the deadline, the error code's documented cause and resolution, and what the
//! activation rules say.

use std::fmt;
use strum::IntoEnumIterator;

use chrono::{DateTime, TimeDelta, Utc};

use super::capture::{Capture, CaptureFormat};
use super::identify::{Identification, identify};
use super::record::{LicenseRecord, Remaining};
use crate::catalog::{Answer, Channel, Confidence, Family, KmsHostKey, Recognized, Sku, Source};
use crate::lifecycle::LicenseStatus;
use crate::rules::{
    ActivationErrorCode, CountFinding, Denial, KmsHost, activation_threshold, check_activation,
    family_threshold, host_key_coverage,
};

/// What a [`Finding`] is about.
///
/// The crate may explain more, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::inventory::FindingKind;
///
/// assert_eq!("error-code".parse::<FindingKind>()?, FindingKind::ErrorCode);
/// assert_eq!(FindingKind::KmsCount.name(), "KMS count");
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
pub enum FindingKind {
    /// What the printed name says the product is.
    #[strum(serialize = "product")]
    Product,
    /// The licence state in plain words.
    #[strum(serialize = "state")]
    State,
    /// When the grace period or the activation ends.
    #[strum(serialize = "deadline")]
    Deadline,
    /// The status reason's documented cause and resolution.
    #[strum(serialize = "error-code")]
    ErrorCode,
    /// How the product activates (KMS, MAK, retail, OEM, Active Directory).
    #[strum(serialize = "activation")]
    Activation,
    /// What the KMS rules say about this KMS client and its host.
    #[strum(serialize = "kms-client")]
    KmsClient,
    /// What the capture says about a KMS host on this machine.
    #[strum(serialize = "kms-host")]
    KmsHost,
    /// A KMS host's count against the thresholds of the product classes it serves.
    #[strum(serialize = "kms-count")]
    KmsCount,
    /// Something about the capture itself (a line that could not be read, a cut-off record).
    #[strum(serialize = "capture")]
    Capture,
}

impl FindingKind {
    /// The name in words.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            FindingKind::Product => "Product",
            FindingKind::State => "State",
            FindingKind::Deadline => "Deadline",
            FindingKind::ErrorCode => "Error code",
            FindingKind::Activation => "Activation",
            FindingKind::KmsClient => "KMS client",
            FindingKind::KmsHost => "KMS host",
            FindingKind::KmsCount => "KMS count",
            FindingKind::Capture => "Capture",
        }
    }

    /// The error for text that is no FindingKind ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("finding kind", s)
    }
}

crate::macros::serde_as_id!(FindingKind);

/// One statement of a diagnosis, with what it rests on: the documents it follows (URLs), how
/// sure the crate is, and the capture line it reads when there is one.
///
/// ```
/// use volume_activation::{explain, parse_capture};
/// use volume_activation::inventory::{CaptureFormat, ExplainOptions, FindingKind, ParseOptions};
///
/// let text = "Name: Windows(R), Enterprise edition\nLicense Status: Notification\nNotification Reason: 0xC004F009.\n";
/// let capture = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new())?;
/// let diagnosis = explain(&capture, &ExplainOptions::new());
/// let code = diagnosis.products()[0].finding(FindingKind::ErrorCode).unwrap();
/// assert!(code.text().starts_with("0xC004F009"));
/// assert_eq!(code.line(), Some(3));
/// assert!(code.sources().iter().any(|s| s.starts_with("https://learn.microsoft.com/")));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Finding {
    kind: FindingKind,
    text: String,
    confidence: Confidence,
    sources: Vec<String>,
    line: Option<usize>,
}

impl Finding {
    fn new(kind: FindingKind, text: String, confidence: Confidence) -> Finding {
        Finding {
            kind,
            text,
            confidence,
            sources: Vec::new(),
            line: None,
        }
    }

    fn source(mut self, source: Source) -> Finding {
        self.push_url(source.url());
        self
    }

    fn sources_from<'s>(mut self, urls: impl IntoIterator<Item = &'s str>) -> Finding {
        for url in urls {
            self.push_url(url);
        }
        self
    }

    fn push_url(&mut self, url: &str) {
        if !self.sources.iter().any(|s| s == url) {
            self.sources.push(url.to_owned());
        }
    }

    fn at_line(mut self, line: Option<usize>) -> Finding {
        self.line = line;
        self
    }

    /// What the finding is about.
    #[must_use]
    pub const fn kind(&self) -> FindingKind {
        self.kind
    }

    /// The statement, in plain words.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How sure the crate is of the rule the statement applies (a fact read from the capture
    /// is as sure as the document that says what it means).
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// The URLs of the documents the statement follows; empty when it only restates the
    /// capture.
    #[must_use]
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The capture line the statement reads, counting from 1, when there is one.
    #[must_use]
    pub const fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for Finding {
    /// `kind: text`, then the capture line and the first source on the next line, indented.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_ref(), self.text)?;
        if self.confidence != Confidence::Documented {
            write!(f, " [{}]", self.confidence.name())?;
        }
        let line = self.line.map(|l| format!("line {l}"));
        let source = self.sources.first().map(|s| format!("source: {s}"));
        let more = self.sources.len().saturating_sub(1);
        match (line, source) {
            (None, None) => {}
            (l, s) => {
                let parts: Vec<String> = l.into_iter().chain(s).collect();
                write!(f, "\n      ({}", parts.join("; "))?;
                if more > 0 {
                    write!(f, " and {more} more")?;
                }
                write!(f, ")")?;
            }
        }
        Ok(())
    }
}

/// The diagnosis of one licensed product of a capture.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ProductDiagnosis {
    name: Option<String>,
    sku: Option<Sku>,
    recognized: Recognized,
    status: Option<LicenseStatus>,
    findings: Vec<Finding>,
}

impl ProductDiagnosis {
    /// The product name as printed.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The SKU: recognised from the name, or given with [`ExplainOptions::sku`].
    #[must_use]
    pub const fn sku(&self) -> Option<Sku> {
        self.sku
    }

    /// What the name and description say about the product.
    #[must_use]
    pub const fn recognized(&self) -> Recognized {
        self.recognized
    }

    /// The licence state as printed.
    #[must_use]
    pub const fn status(&self) -> Option<LicenseStatus> {
        self.status
    }

    /// The findings, in the order a support engineer reads them.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The first finding of `kind`.
    #[must_use]
    pub fn finding(&self, kind: FindingKind) -> Option<&Finding> {
        self.findings.iter().find(|f| f.kind == kind)
    }
}

impl fmt::Display for ProductDiagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name.as_deref().unwrap_or("(no product name)"))?;
        if let Some(sku) = self.sku {
            write!(f, " [{sku}]")?;
        }
        for finding in &self.findings {
            write!(f, "\n  - {finding}")?;
        }
        Ok(())
    }
}

/// What a capture says, product by product, with the documented rules applied: built by
/// [`explain`].
///
/// `Display` writes it as text for a person; serde writes the typed form.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Diagnosis {
    format: CaptureFormat,
    products: Vec<ProductDiagnosis>,
    findings: Vec<Finding>,
}

impl Diagnosis {
    /// The format of the capture explained.
    #[must_use]
    pub const fn format(&self) -> CaptureFormat {
        self.format
    }

    /// One diagnosis per record of the capture (a cut-off last record included), in order.
    #[must_use]
    pub fn products(&self) -> &[ProductDiagnosis] {
        &self.products
    }

    /// Findings about the capture as a whole (lines that could not be read, a cut-off
    /// record, the host capture).
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

impl fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.products.len();
        write!(
            f,
            "{} capture: {n} product{}",
            self.format.name(),
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.products {
            write!(f, "\n\n{p}")?;
        }
        if !self.findings.is_empty() {
            write!(f, "\n\nCapture")?;
            for finding in &self.findings {
                write!(f, "\n  - {finding}")?;
            }
        }
        Ok(())
    }
}

/// What [`explain`] knows besides the capture: the KMS host (as a [`KmsHost`] or as a
/// capture of its `slmgr /dlv`), the SKU when the capture does not name it, and the time.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use volume_activation::{KmsHost, KmsHostKey, Sku};
/// use volume_activation::inventory::ExplainOptions;
///
/// let host = KmsHost::new("windows-server-2019/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2019);
/// let options = ExplainOptions::new()
///     .host(host)
///     .sku("windows-server-2022/standard".parse()?)
///     .at(Utc.with_ymd_and_hms(2026, 5, 14, 10, 0, 0).unwrap());
/// # let _ = options;
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExplainOptions {
    host: Option<KmsHost>,
    host_capture: Option<Capture>,
    sku: Option<Sku>,
    now: Option<DateTime<Utc>>,
}

impl ExplainOptions {
    /// No host, no SKU, no time.
    #[must_use]
    pub fn new() -> ExplainOptions {
        ExplainOptions::default()
    }

    /// The KMS host the capture's KMS clients use: its OS, host key and updates. With it the
    /// diagnosis applies [`check_activation`].
    #[must_use]
    pub fn host(mut self, host: KmsHost) -> ExplainOptions {
        self.host = Some(host);
        self
    }

    /// A capture of the KMS host (`slmgr /dlv` on the host, `Get-KmsLicenseInfo`, WMI): its
    /// current count is checked against each client's threshold. Printed host descriptions
    /// (`VOLUME_KMS_2012-R2_WIN10 channel`) do not name the host key group in a form Microsoft
    /// documents, so give [`host`](Self::host) too for the host-key rules.
    #[must_use]
    pub fn host_capture(mut self, capture: Capture) -> ExplainOptions {
        self.host_capture = Some(capture);
        self
    }

    /// The SKU of the capture's products that do not name a whole SKU (`Windows(R),
    /// ServerStandard edition` names no release). Applied to each record without a
    /// recognised SKU whose recognised family and edition, where printed, agree with it.
    #[must_use]
    pub fn sku(mut self, sku: Sku) -> ExplainOptions {
        self.sku = Some(sku);
        self
    }

    /// The time the capture was taken: printed minutes left become an instant.
    #[must_use]
    pub fn at(mut self, now: DateTime<Utc>) -> ExplainOptions {
        self.now = Some(now);
        self
    }
}

/// Explains a parsed capture: for each product the state in plain words, the deadline, the
/// status reason's documented cause and resolution ([`ActivationErrorCode`]), how it
/// activates, and what the KMS rules say ([`check_activation`], [`host_key_coverage`],
/// [`activation_threshold`], the count rules of [`CountFinding`]). Never fails and never
/// reads the clock: what the capture does not say is said to be unknown.
///
/// ```
/// use volume_activation::{KmsHost, KmsHostKey, Sku, explain, parse_capture};
/// use volume_activation::inventory::{CaptureFormat, ExplainOptions, FindingKind, ParseOptions};
///
/// let client = "\
/// Name: Windows(R), ServerStandard edition
/// Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel
/// License Status: Initial grace period
/// Time remaining: 43200 minute(s) (30 day(s))
/// ";
/// let capture = parse_capture(CaptureFormat::SlmgrDli, client, &ParseOptions::new())?;
/// let host = KmsHost::new("windows-server-2019/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2019);
/// let options = ExplainOptions::new().host(host).sku("windows-server-2022/standard".parse()?);
/// let d = explain(&capture, &options);
/// let kms = d.products()[0].finding(FindingKind::KmsClient).unwrap();
/// assert!(kms.text().contains(
///     "this Windows Server 2022 client cannot be activated by a host with a Windows Server 2019 key: \
///      install a Windows Server 2022 or 2025 host key"
/// ));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn explain(capture: &Capture, options: &ExplainOptions) -> Diagnosis {
    let host_counts = options
        .host_capture
        .as_ref()
        .map(HostCounts::of)
        .unwrap_or_default();
    let products = capture
        .records
        .iter()
        .chain(capture.partial.iter())
        .map(|r| product(r, options, host_counts, capture.service_version()))
        .collect();
    let mut findings = Vec::new();
    for w in &capture.warnings {
        findings.push(
            Finding::new(
                FindingKind::Capture,
                format!("not read: {}", w.message),
                Confidence::Documented,
            )
            .at_line(w.line),
        );
    }
    if let Some(lang) = capture.display_language() {
        findings.push(
            Finding::new(
                FindingKind::Capture,
                format!(
                    "printed in display language {lang}: its labels are read as the source below shows them"
                ),
                lang.confidence(),
            )
            .sources_from(lang.urls()),
        );
    }
    if capture.partial.is_some() {
        findings.push(Finding::new(
            FindingKind::Capture,
            "the capture is cut off: the last product is incomplete and explained from what was printed".to_owned(),
            Confidence::Documented,
        ));
    }
    if let Some(hc) = &options.host_capture {
        findings.push(host_capture_finding(
            hc,
            host_counts.any(),
            options.host.is_some(),
        ));
    }
    Diagnosis {
        format: capture.format,
        products,
        findings,
    }
}

/// Whether a record is an Office product (by its name or its Application ID).
fn is_office(r: &LicenseRecord) -> bool {
    r.recognized.family() == Some(Family::Office) || r.application_id.is_some_and(|a| a.is_office())
}

/// The current counts a host capture prints: (Windows, Office). A machine can be a Windows
/// and an Office KMS host at once, each with its own count.
#[derive(Debug, Clone, Copy, Default)]
struct HostCounts {
    windows: Option<u32>,
    office: Option<u32>,
}

impl HostCounts {
    fn of(c: &Capture) -> HostCounts {
        let mut out = HostCounts::default();
        for r in c.records.iter().chain(c.partial.iter()) {
            let Some(n) = r.kms_host.as_ref().and_then(|h| h.current_count) else {
                continue;
            };
            let slot = if is_office(r) {
                &mut out.office
            } else {
                &mut out.windows
            };
            if slot.is_none() {
                *slot = Some(n);
            }
        }
        out
    }

    fn any(self) -> Option<u32> {
        self.windows.or(self.office)
    }

    fn for_record(self, r: &LicenseRecord, sku: Option<Sku>) -> Option<u32> {
        if is_office(r) || sku.is_some_and(|s| s.family() == Family::Office) {
            self.office
        } else {
            self.windows
        }
    }
}

fn host_capture_finding(hc: &Capture, count: Option<u32>, have_key: bool) -> Finding {
    let mut text = match count {
        Some(n) => format!(
            "the KMS host capture ({}) reports a current count of {n}",
            hc.format.name()
        ),
        None => format!(
            "the KMS host capture ({}) prints no current count: it is not a KMS host, or its count is not shown",
            hc.format.name()
        ),
    };
    if !have_key {
        text.push_str("; its product description does not name the host key group in a form Microsoft documents, so the host-key rules need the host given as a KmsHost");
    }
    Finding::new(FindingKind::KmsHost, text, Confidence::Documented)
}

fn line_of(r: &LicenseRecord, keys: &[&str]) -> Option<usize> {
    r.fields
        .iter()
        .find(|f| {
            let k: String = f
                .key
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            keys.iter().any(|want| k == *want)
        })
        .and_then(|f| f.line)
}

/// The SKU of a record: recognised, or the caller's when it agrees with what was recognised.
fn sku_of(r: &LicenseRecord, given: Option<Sku>) -> (Option<Sku>, bool) {
    if r.sku.is_some() {
        return (r.sku, false);
    }
    let Some(sku) = given else {
        return (None, false);
    };
    let rec = r.recognized;
    let agrees = rec.family().is_none_or(|f| f == sku.family())
        && rec.edition().is_none_or(|e| e == sku.edition())
        && rec.release().is_none_or(|rel| rel == sku.release())
        && r.application_id
            .is_none_or(|a| !(a.is_office() && sku.family() != Family::Office))
        && r.name.is_some();
    if agrees {
        (Some(sku), true)
    } else {
        (None, false)
    }
}

fn product(
    r: &LicenseRecord,
    options: &ExplainOptions,
    counts: HostCounts,
    service_version: Option<&str>,
) -> ProductDiagnosis {
    let (mut sku, given) = sku_of(r, options.sku);
    // Not named whole and not given: identify it from the edition word, the build number and
    // the Activation ID.
    let identified = (sku.is_none() && r.sku.is_none())
        .then(|| identify(r, service_version))
        .filter(|id| id.sku().is_some());
    if let Some(id) = &identified {
        sku = id.sku();
    }
    let host_count = counts.for_record(r, sku);
    let mut findings = Vec::new();
    findings.push(match &identified {
        Some(id) => identified_finding(r, id),
        None => identity(r, sku, given),
    });
    findings.push(state(r));
    findings.extend(deadline(r, options.now));
    findings.extend(error_code(r));
    findings.extend(activation(r, sku));
    if r.channel == Some(Channel::VolumeGvlk) {
        findings.extend(kms_client(r, sku, options, host_count));
    }
    if r.kms_host
        .as_ref()
        .is_some_and(|h| h.is_kms_host != Some(false))
    {
        findings.extend(kms_host(r, sku, options.host.as_ref()));
    }
    ProductDiagnosis {
        name: r.name.clone(),
        sku,
        recognized: r.recognized,
        status: r.status,
        findings,
    }
}

fn identified_finding(r: &LicenseRecord, id: &Identification) -> Finding {
    let line = line_of(r, &["name", "licensename"]);
    let clues: Vec<&str> = id.clues().iter().map(|c| c.text.as_str()).collect();
    let text = format!("{id}: {}", clues.join("; "));
    let sources = id.clues().iter().filter_map(|c| c.source.as_deref());
    Finding::new(
        FindingKind::Product,
        text,
        id.confidence().unwrap_or(Confidence::Documented),
    )
    .sources_from(sources)
    .at_line(line)
}

fn identity(r: &LicenseRecord, sku: Option<Sku>, given: bool) -> Finding {
    let line = line_of(r, &["name", "licensename"]);
    let text = match (sku, given) {
        (Some(s), false) => format!("{} ({s})", s.name()),
        (Some(s), true) => format!(
            "{} ({s}), as given: the capture does not name the whole SKU",
            s.name()
        ),
        (None, _) => {
            let rec = r.recognized;
            let mut parts = Vec::new();
            if let Some(rel) = rec.release() {
                parts.push(format!("release {}", rel.name()));
            }
            if let Some(e) = rec.edition() {
                parts.push(format!("edition {}", e.name()));
            }
            if let Some(f) = rec.family() {
                parts.push(format!("family {f}"));
            }
            if parts.is_empty() {
                "the printed name is not one the crate recognises; the SKU is unknown".to_owned()
            } else {
                format!(
                    "the printed name gives only {}; the SKU is unknown (give it with ExplainOptions::sku)",
                    parts.join(", ")
                )
            }
        }
    };
    let confidence = if sku.is_some() && !given {
        r.recognized.confidence().unwrap_or(Confidence::Documented)
    } else {
        Confidence::Documented
    };
    Finding::new(FindingKind::Product, text, confidence).at_line(line)
}

fn state(r: &LicenseRecord) -> Finding {
    let line = line_of(r, &["licensestatus"]);
    let text = match r.status {
        None if r.permanent => "permanently activated".to_owned(),
        None => "the capture prints no licence status for this product (for example \"This license is not in use\")".to_owned(),
        Some(s) => {
            let words = match s {
                LicenseStatus::Licensed if r.permanent => "licensed: permanently activated",
                LicenseStatus::Licensed => "licensed: activated",
                LicenseStatus::OobGrace => {
                    "not activated yet: in the initial (out-of-box) grace period"
                }
                LicenseStatus::OotGrace => {
                    "in the additional grace period: the KMS activation expired or the hardware changed beyond tolerance"
                }
                LicenseStatus::NonGenuineGrace => {
                    "in the non-genuine grace period: the installation failed genuine validation"
                }
                LicenseStatus::Notification => {
                    "in notification mode: the grace period ended without activation"
                }
                LicenseStatus::ExtendedGrace => "in the extended grace period",
                LicenseStatus::Unlicensed => "unlicensed: not activated and no grace period",
            };
            let mut t = format!("{words} (WMI LicenseStatus {} = {})", s.wmi(), s.name());
            if let Some(hr) = r.status_reason.filter(|&h| h != 0) {
                if matches!(s, LicenseStatus::Notification | LicenseStatus::OotGrace | LicenseStatus::NonGenuineGrace | LicenseStatus::Unlicensed) {
                    let why = ActivationErrorCode::lookup(hr)
                        .map(|c| format!(": {}", c.message().trim_end_matches('.')))
                        .unwrap_or_default();
                    t.push_str(&format!("; reason 0x{hr:08X}{why}"));
                }
            }
            t
        }
    };
    let f = Finding::new(FindingKind::State, text, Confidence::Documented).at_line(line);
    if r.status.is_some() {
        f.source(Source::SPP_WMI_PRODUCT)
    } else {
        f
    }
}

fn deadline(r: &LicenseRecord, now: Option<DateTime<Utc>>) -> Option<Finding> {
    let what = match (r.status, r.channel) {
        (Some(LicenseStatus::Licensed), Some(Channel::VolumeGvlk)) => "the KMS activation",
        (Some(LicenseStatus::Licensed), _) => "the activation",
        (Some(LicenseStatus::Notification | LicenseStatus::Unlicensed), _) => "the current period",
        _ => "the grace period",
    };
    if let Some(exp) = r.expires {
        let line = line_of(r, &[]);
        return Some(
            Finding::new(
                FindingKind::Deadline,
                format!("{what} ends {exp}, as printed"),
                Confidence::Documented,
            )
            .at_line(line),
        );
    }
    if let Some(end) = r.evaluation_end {
        if r.remaining.is_none() {
            return Some(Finding::new(
                FindingKind::Deadline,
                format!("the evaluation period ends {end}, as printed"),
                Confidence::Documented,
            ));
        }
    }
    let line = line_of(
        r,
        &[
            "volumeactivationexpiration",
            "timebasedactivationexpiration",
            "automaticvmactivationexpiration",
            "timeremaining",
            "remaininggrace",
            "graceperiodremaining",
        ],
    );
    let text = match r.remaining? {
        Remaining::Unlimited => format!("{what} has no time limit (printed as unlimited)"),
        // WMI prints GracePeriodRemaining 0 for an activated product that has no end (MAK,
        // retail, OEM, a KMS host): there is no deadline to state.
        Remaining::Minutes { minutes: 0, .. }
            if r.status == Some(LicenseStatus::Licensed)
                && r.channel != Some(Channel::VolumeGvlk) =>
        {
            return None;
        }
        Remaining::Minutes { minutes, days } => {
            let mut t = format!("{what} ends in {minutes} minutes");
            if let Some(d) = days {
                t.push_str(&format!(" ({d} days as printed)"));
            }
            if let Some(now) = now {
                let at = i64::try_from(minutes)
                    .ok()
                    .and_then(TimeDelta::try_minutes)
                    .and_then(|d| now.checked_add_signed(d));
                if let Some(at) = at {
                    t.push_str(&format!(
                        ", at {} (from the time given, {})",
                        at.format("%Y-%m-%dT%H:%M:%SZ"),
                        now.format("%Y-%m-%dT%H:%M:%SZ")
                    ));
                }
            }
            if minutes == 0 && r.status != Some(LicenseStatus::Licensed) {
                t.push_str("; no time is left");
            }
            t
        }
    };
    Some(Finding::new(FindingKind::Deadline, text, Confidence::Documented).at_line(line))
}

fn error_code(r: &LicenseRecord) -> Option<Finding> {
    let hr = r.status_reason.filter(|&h| h != 0)?;
    let line = line_of(
        r,
        &["notificationreason", "licensestatusreason", "errorcode"],
    );
    let f = match ActivationErrorCode::lookup(hr) {
        Some(code) => Finding::new(
            FindingKind::ErrorCode,
            format!(
                "0x{hr:08X}{}: {} Cause: {} Resolution: {}",
                code.symbol().map(|s| format!(" ({s})")).unwrap_or_default(),
                sentence(code.message()),
                sentence(code.cause()),
                sentence(code.resolution())
            ),
            Confidence::Documented,
        )
        .sources_from(code.sources()),
        None => Finding::new(
            FindingKind::ErrorCode,
            format!(
                "0x{hr:08X}: not in Microsoft's activation error-code tables the crate follows; its cause is undocumented here"
            ),
            Confidence::Unverified,
        ),
    };
    Some(f.at_line(line))
}

fn sentence(s: &str) -> String {
    let t = s.trim();
    if t.ends_with('.') || t.ends_with('!') || t.ends_with('?') {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

/// The activation finding. For a KMS client, Active Directory-based activation is mentioned
/// only for a known SKU whose release supports it ([`crate::rules::supports_adba`]: Windows 8 /
/// Windows Server 2012 and later, Office 2013 and later); Windows 7 or Windows Server 2008 R2
/// cannot use it, and for an unknown product the crate does not say.
fn activation(r: &LicenseRecord, sku: Option<Sku>) -> Option<Finding> {
    if let Some(obj) = r.field("ADActivationObjectName") {
        return Some(
            Finding::new(
                FindingKind::Activation,
                format!("activated by Active Directory-based activation (activation object \"{obj}\"): it stays activated while it remains a domain member in periodic contact with a domain controller"),
                Confidence::Documented,
            )
            .source(Source::VL_FAQ)
            .at_line(line_of(r, &["adactivationobjectname"])),
        );
    }
    let line = line_of(
        r,
        &["productkeychannel", "description", "licensedescription"],
    );
    let (text, source) = match r.channel? {
        Channel::VolumeGvlk => {
            let kms = "KMS client (a KMS client setup key, GVLK, is installed): it activates with a KMS host on the network";
            match sku.and_then(|s| {
                crate::rules::adba::adba_confidence(s.release()).map(|c| (s, c))
            }) {
                Some((s, adba_confidence)) => {
                    let adba = if s.family() == Family::Office {
                        Source::OFFICE_ADBA
                    } else {
                        Source::WINDOWS_ADBA
                    };
                    return Some(
                        Finding::new(
                            FindingKind::Activation,
                            format!("{kms}, or with Active Directory-based activation"),
                            adba_confidence,
                        )
                        .source(Source::KMS_CLIENT_KEYS)
                        .source(adba)
                        .at_line(line),
                    );
                }
                None => (kms.to_owned(), Source::KMS_CLIENT_KEYS),
            }
        }
        Channel::VolumeMak => (
            "MAK (Multiple Activation Key): it activates once, with Microsoft's hosted activation services; no KMS host is involved and the KMS count and thresholds do not apply".to_owned(),
            Source::VL_FAQ,
        ),
        Channel::VolumeCsvlk => (
            "KMS host key (CSVLK) installed: this machine is a KMS host".to_owned(),
            Source::KMS_PLANNING,
        ),
        c @ (Channel::Retail
        | Channel::OemDm
        | Channel::OemSlp
        | Channel::OemNonSlp
        | Channel::OemCoa) => (
            format!("{} licence: it activates with Microsoft, not with KMS (KMS activates only products with a KMS client setup key, GVLK)", c.name()),
            Source::KMS_CLIENT_KEYS,
        ),
        c => (
            format!("{} licence: not a KMS client (KMS activates only products with a KMS client setup key, GVLK)", c.name()),
            Source::KMS_CLIENT_KEYS,
        ),
    };
    Some(
        Finding::new(FindingKind::Activation, text, Confidence::Documented)
            .source(source)
            .at_line(line),
    )
}

/// A host key's label without the table's wrapping words: "Windows Server 2019".
fn key_label(k: KmsHostKey) -> &'static str {
    let n = k.name();
    let n = n.split(" (").next().unwrap_or(n);
    let n = n.strip_prefix("Volume License for ").unwrap_or(n);
    let n = n.strip_suffix(" client KMS host key").unwrap_or(n);
    n.strip_suffix(" KMS host key").unwrap_or(n)
}

/// "Windows Server 2022 or 2025" (two common leading words, a product name, said once), "A,
/// B or C" otherwise.
fn join_labels(labels: &[&str]) -> String {
    let words: Vec<Vec<&str>> = labels.iter().map(|l| l.split(' ').collect()).collect();
    let common = match words.split_first() {
        Some((first, rest)) => (0..first.len().min(2))
            .take_while(|&i| {
                rest.iter().all(|w| w.get(i) == first.get(i))
                    && words.iter().all(|w| w.len() > i.saturating_add(1))
            })
            .count(),
        None => 0,
    };
    let (prefix, tails): (String, Vec<String>) = if common == 2 {
        let prefix = words
            .first()
            .map(|w| w.iter().take(common).copied().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        (
            format!("{prefix} "),
            words
                .iter()
                .map(|w| w.iter().skip(common).copied().collect::<Vec<_>>().join(" "))
                .collect(),
        )
    } else {
        (
            String::new(),
            labels.iter().map(|l| (*l).to_owned()).collect(),
        )
    };
    let body = match tails.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} or {last}", init.join(", ")),
    };
    format!("{prefix}{body}")
}

/// The host keys whose coverage of `client` is documented or derived, oldest release first.
fn covering_keys(client: Sku) -> Vec<KmsHostKey> {
    let mut keys: Vec<KmsHostKey> = KmsHostKey::iter()
        .filter(|&k| host_key_coverage(k, client).is_yes())
        .collect();
    // Windows Server keys first, then client and Office keys; oldest release first.
    keys.sort_by_key(|&k| (k.family() != Family::Server, k.release(), key_label(k)));
    keys
}

fn key_advice(client: Sku) -> String {
    let keys = covering_keys(client);
    if keys.is_empty() {
        return "Microsoft documents no host key that activates it".to_owned();
    }
    let labels: Vec<&str> = keys.iter().map(|&k| key_label(k)).collect();
    let list = join_labels(&labels);
    format!("install {} {list} host key", article(&list))
}

/// "a" or "an" before `word`.
fn article(word: &str) -> &'static str {
    if word.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn client_label(sku: Sku) -> &'static str {
    sku.release().name()
}

fn kms_client(
    r: &LicenseRecord,
    sku: Option<Sku>,
    options: &ExplainOptions,
    host_count: Option<u32>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(c) = &r.kms_client {
        let host = c
            .registered_host
            .as_deref()
            .map(|h| (h, c.registered_port, "set on the client"))
            .or_else(|| {
                c.discovered_host
                    .as_deref()
                    .map(|h| (h, c.discovered_port, "found through DNS or last used"))
            });
        if let Some((h, port, how)) = host {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            out.push(Finding::new(
                FindingKind::KmsClient,
                format!("its KMS host is {h}{port} ({how})"),
                Confidence::Documented,
            ));
        }
    }
    let Some(sku) = sku else {
        let threshold = r.recognized.family().map(family_threshold);
        let text = match threshold {
            Some(t) => format!(
                "the SKU is unknown, so the host-key rules cannot be checked; a KMS client of this family needs a host count of at least {t}"
            ),
            None => "the SKU is unknown, so the KMS rules (host key, threshold) cannot be checked"
                .to_owned(),
        };
        let mut f = Finding::new(FindingKind::KmsClient, text, Confidence::Documented);
        if threshold.is_some() {
            f = f.source(crate::rules::threshold_source().0);
        }
        out.push(f);
        return out;
    };
    let threshold = activation_threshold(sku);
    let Some(host) = &options.host else {
        let client = client_label(sku);
        let advice = key_advice(sku);
        let mut text = match advice.strip_prefix("install ") {
            Some(keys) => format!(
                "{} {client} KMS client needs a host whose key covers it ({keys}) and a count of at least {threshold}",
                article(client),
            ),
            None => format!(
                "{} {client} KMS client: {advice}; it also needs a count of at least {threshold}",
                article(client),
            ),
        };
        if let Some(n) = host_count {
            if n < threshold {
                text.push_str(&format!(
                    "; the host capture's count {n} is below {threshold}, so the host does not activate it yet"
                ));
            } else {
                text.push_str(&format!("; the host capture's count {n} meets it"));
            }
        }
        out.push(
            Finding::new(FindingKind::KmsClient, text, Confidence::Documented)
                .source(crate::rules::threshold_source().0),
        );
        return out;
    };
    let count = host_count.unwrap_or(threshold);
    let count_note = if host_count.is_none() {
        " (the host's count is not known; only the other rules were checked)"
    } else {
        ""
    };
    let f = match check_activation(host, sku, Channel::VolumeGvlk, count) {
        Ok(a) => {
            let mut text = format!(
                "a host with {} {} key on {} activates this {} client: {}",
                article(key_label(host.key())),
                key_label(host.key()),
                host.os().name(),
                client_label(sku),
                match a.key_coverage().answer() {
                    Answer::Derived => "derived from a documented rule",
                    _ => "documented",
                }
            );
            if host_count.is_some() {
                text.push_str(&format!("; count {count} meets the threshold {threshold}"));
            }
            text.push_str(count_note);
            Finding::new(FindingKind::KmsClient, text, a.key_coverage().confidence())
                .sources_from(a.sources().map(|s| s.url()))
        }
        Err(d) => denial_finding(d, host, sku, count_note),
    };
    out.push(f);
    out
}

fn denial_finding(d: Denial, host: &KmsHost, sku: Sku, count_note: &str) -> Finding {
    let key = key_label(host.key());
    let client = client_label(sku);
    let mut confidence = Confidence::Documented;
    let mut text = match d {
        Denial::KeyDoesNotCover { coverage, .. } => {
            confidence = coverage.confidence();
            format!(
                "this {client} client cannot be activated by a host with {} {key} key: {}",
                article(key),
                key_advice(sku)
            )
        }
        Denial::CoverageUndocumented { .. } => {
            confidence = Confidence::Unverified;
            format!(
                "Microsoft does not document that a host with {} {key} key activates this {client} client: {}",
                article(key),
                key_advice(sku)
            )
        }
        Denial::CountBelowThreshold {
            count, threshold, ..
        } => {
            let f = CountFinding::TooFewMachines {
                unique: count,
                threshold,
            };
            format!("the host does not activate it yet: {f}")
        }
        other => format!("the host does not activate it: {other}"),
    };
    text.push_str(count_note);
    if let Some(code) = d.error_code() {
        text.push_str(&format!(
            "; Windows reports 0x{:08X}, whose documented resolution is: {}",
            code.hresult(),
            sentence(code.resolution())
        ));
    }
    let mut f = Finding::new(FindingKind::KmsClient, text, confidence)
        .sources_from(d.sources().iter().map(|s| s.url()));
    if let Some(code) = d.error_code() {
        f = f.sources_from(code.sources());
    }
    f
}

fn kms_host(r: &LicenseRecord, sku: Option<Sku>, host: Option<&KmsHost>) -> Vec<Finding> {
    let Some(h) = &r.kms_host else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let line = line_of(r, &["currentcount", "keymanagementservicecurrentcount"]);
    let Some(count) = h.current_count else {
        out.push(Finding::new(
            FindingKind::KmsHost,
            "a KMS host whose current count is not printed".to_owned(),
            Confidence::Documented,
        ));
        return out;
    };
    let office = is_office(r) || sku.is_some_and(|s| s.family() == Family::Office);
    let classes: &[Family] = if office {
        &[Family::Office]
    } else if host.is_some_and(|h| h.key().is_client_key()) {
        &[Family::Client]
    } else {
        &[Family::Client, Family::Server]
    };
    let (planning, _) = crate::rules::threshold_source();
    for &family in classes {
        let threshold = family_threshold(family);
        let class = match family {
            Family::Client => "Windows client",
            Family::Server => "Windows Server",
            Family::Office => "Office",
        };
        let text = if count >= threshold {
            format!(
                "current count {count} meets the {class} threshold of {threshold}: it activates {class} KMS clients its key covers"
            )
        } else {
            let f = CountFinding::TooFewMachines {
                unique: count,
                threshold,
            };
            format!(
                "current count {count} is below the {class} threshold of {threshold}: {class} KMS clients stay unactivated ({f})"
            )
        };
        out.push(
            Finding::new(FindingKind::KmsCount, text, Confidence::Documented)
                .source(planning)
                .at_line(line),
        );
    }
    let lowest = classes
        .iter()
        .map(|&f| family_threshold(f))
        .max()
        .unwrap_or(0);
    if count < lowest {
        // Why a count stays low, per the documented count rules.
        let mut reasons = vec![
            CountFinding::RepeatedIds {
                ids: 0,
                contacts: 0,
            },
            CountFinding::Expired { ids: 0 },
        ];
        if !office && count <= 10 {
            reasons.push(CountFinding::CacheBelowThreshold {
                cache_size: 10,
                threshold: lowest,
            });
        }
        for reason in reasons {
            let why = match reason {
                CountFinding::RepeatedIds { .. } => {
                    "machines cloned from an image that was not generalized share one client machine ID and count once"
                }
                CountFinding::Expired { .. } => {
                    "a client that does not renew within 30 days is dropped from the count"
                }
                CountFinding::CacheBelowThreshold { .. } => {
                    "if only Windows Server clients have contacted the host, it keeps only 10 client IDs until the first Windows client contacts it"
                }
                _ => continue,
            };
            out.push(
                Finding::new(
                    FindingKind::KmsCount,
                    format!(
                        "possible reason the count is low: {why} (rule: \"{}\")",
                        reason.rule()
                    ),
                    reason.confidence(),
                )
                .source(reason.source()),
            );
        }
    }
    if let Some(req) = h.required_count {
        out.push(
            Finding::new(
                FindingKind::KmsHost,
                format!("the host reports a required client count of {req}"),
                Confidence::Documented,
            )
            .source(Source::SPP_WMI_PRODUCT)
            .at_line(line_of(r, &["requiredclientcount"])),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{join_labels, key_label};
    use crate::catalog::KmsHostKey;

    #[test]
    fn labels_and_lists() {
        assert_eq!(
            key_label(KmsHostKey::WindowsServer2019),
            "Windows Server 2019"
        );
        assert_eq!(key_label(KmsHostKey::Windows7), "Windows 7");
        assert_eq!(key_label(KmsHostKey::OfficeLtsc2021), "Office LTSC 2021");
        assert_eq!(
            key_label(KmsHostKey::WindowsServer2008R2GroupC),
            "Windows Server 2008 R2 Server Group C"
        );
        assert_eq!(
            join_labels(&["Windows Server 2022", "Windows Server 2025"]),
            "Windows Server 2022 or 2025"
        );
        assert_eq!(
            join_labels(&["Windows Server 2022", "Windows Server 2025", "Windows 10"]),
            "Windows Server 2022, Windows Server 2025 or Windows 10"
        );
        assert_eq!(join_labels(&["Office 2016"]), "Office 2016");
        assert_eq!(join_labels(&[]), "");
        // A label that is the common prefix itself is not cut to nothing.
        assert_eq!(
            join_labels(&[
                "Windows Server 2012 R2",
                "Windows Server 2012 R2 for Windows 10"
            ]),
            "Windows Server 2012 R2 or 2012 R2 for Windows 10"
        );
    }
}
