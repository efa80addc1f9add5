//! Product identification: which SKU a licence record is, from everything the record holds
//! (Activation ID, printed name and edition word, the licensing service's build number).

use std::fmt;

use super::record::LicenseRecord;
use crate::catalog::{Confidence, Family, KmsHostKey, Release, Sku};
use crate::rules::product_id::build_of_version;
use crate::rules::{host_key_of_activation_id, releases_of_build};

/// What a piece of identification evidence is.
///
/// The crate may read more evidence, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::inventory::Evidence;
///
/// assert_eq!("build-number".parse::<Evidence>()?, Evidence::BuildNumber);
/// assert_eq!(Evidence::ActivationId.name(), "Activation ID");
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
pub enum Evidence {
    /// The Activation ID (SKU ID) is one the crate lists.
    #[strum(serialize = "activation-id")]
    ActivationId,
    /// The printed name (or description) names the release, the family or the whole SKU.
    #[strum(serialize = "product-name")]
    ProductName,
    /// The `Windows(R), <edition> edition` word names the edition.
    #[strum(serialize = "edition-name")]
    EditionName,
    /// The licensing service version's build number names the releases that ship with it.
    #[strum(serialize = "build-number")]
    BuildNumber,
}

impl Evidence {
    /// The name in words.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Evidence::ActivationId => "Activation ID",
            Evidence::ProductName => "product name",
            Evidence::EditionName => "edition name",
            Evidence::BuildNumber => "build number",
        }
    }

    /// The error for text that is no Evidence ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("evidence", s)
    }
}

crate::macros::serde_as_id!(Evidence);

/// How far identification got.
///
/// ```
/// use volume_activation::inventory::IdentificationOutcome;
///
/// assert_eq!(IdentificationOutcome::Ambiguous.to_string(), "ambiguous");
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
pub enum IdentificationOutcome {
    /// One SKU fits every piece of evidence (or, for a KMS host licence, the host key
    /// group is known).
    #[strum(serialize = "identified")]
    Identified,
    /// Several SKUs fit: the candidates are listed, none is chosen.
    #[strum(serialize = "ambiguous")]
    Ambiguous,
    /// The pieces of evidence exclude each other (an edition no release of the build has).
    #[strum(serialize = "contradictory")]
    Contradictory,
    /// The record says too little (no name the crate reads, no known build).
    #[strum(serialize = "unknown")]
    Unknown,
}

impl IdentificationOutcome {
    /// The name in words.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            IdentificationOutcome::Identified => "identified",
            IdentificationOutcome::Ambiguous => "ambiguous",
            IdentificationOutcome::Contradictory => "contradictory",
            IdentificationOutcome::Unknown => "unknown",
        }
    }

    /// The error for text that is no IdentificationOutcome ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("identification outcome", s)
    }
}

crate::macros::serde_as_id!(IdentificationOutcome);

/// One piece of evidence, as read from the record: what it is, what it says, how sure the
/// crate is of its meaning, and the document that gives the meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Clue {
    /// What the evidence is.
    pub evidence: Evidence,
    /// What it says, in plain words (`build 26100: Windows 11, Windows 11 LTSC 2024, Windows
    /// Server 2025`).
    pub text: String,
    /// How sure the crate is of the meaning.
    pub confidence: Confidence,
    /// The URL of the document that gives the meaning, when there is one.
    pub source: Option<String>,
}

/// The most candidates an [`Identification`] lists.
const MAX_CANDIDATES: usize = 12;

/// Which product a licence record is: built by [`identify`].
///
/// ```
/// use volume_activation::inventory::{CaptureFormat, IdentificationOutcome, ParseOptions, identify, parse_capture};
///
/// let text = "Software licensing service version: 10.0.26100.1\n\nName: Windows(R), ServerStandard edition\nLicense Status: Licensed\n";
/// let c = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new())?;
/// let id = identify(&c.records[0], c.service_version());
/// assert_eq!(id.outcome(), IdentificationOutcome::Identified);
/// assert_eq!(id.sku().map(|s| s.to_string()).as_deref(), Some("windows-server-2025/standard"));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Identification {
    outcome: IdentificationOutcome,
    sku: Option<Sku>,
    kms_host_key: Option<KmsHostKey>,
    candidates: Vec<Sku>,
    candidate_count: usize,
    confidence: Option<Confidence>,
    clues: Vec<Clue>,
}

impl Identification {
    /// How far identification got.
    #[must_use]
    pub const fn outcome(&self) -> IdentificationOutcome {
        self.outcome
    }

    /// The SKU, when exactly one fits.
    #[must_use]
    pub const fn sku(&self) -> Option<Sku> {
        self.sku
    }

    /// The KMS host key group, when the Activation ID is one of a KMS host licence.
    #[must_use]
    pub const fn kms_host_key(&self) -> Option<KmsHostKey> {
        self.kms_host_key
    }

    /// The SKUs that fit, when several do (at most 12 listed, in catalogue order; see
    /// [`candidate_count`](Self::candidate_count)).
    #[must_use]
    pub fn candidates(&self) -> &[Sku] {
        &self.candidates
    }

    /// How many SKUs fit the evidence.
    #[must_use]
    pub const fn candidate_count(&self) -> usize {
        self.candidate_count
    }

    /// The weakest confidence of the evidence used; `None` when nothing was identified.
    #[must_use]
    pub const fn confidence(&self) -> Option<Confidence> {
        self.confidence
    }

    /// The evidence read, in the order it was weighed.
    #[must_use]
    pub fn clues(&self) -> &[Clue] {
        &self.clues
    }

    /// The family of the product, when the evidence says.
    #[must_use]
    pub fn family(&self) -> Option<Family> {
        self.sku.map(Sku::family).or_else(|| {
            let first = self.candidates.first()?.family();
            self.candidates
                .iter()
                .all(|s| s.family() == first)
                .then_some(first)
        })
    }
}

impl fmt::Display for Identification {
    /// `windows-server-2025/standard (identified from edition name, build number)`, or the
    /// outcome with its candidates.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let by: Vec<&str> = self.clues.iter().map(|c| c.evidence.name()).collect();
        let by = if by.is_empty() {
            "no evidence".to_owned()
        } else {
            by.join(", ")
        };
        match (self.outcome, self.sku, self.kms_host_key) {
            (IdentificationOutcome::Identified, Some(s), _) => {
                write!(f, "{} ({s}; identified from {by})", s.name())
            }
            (IdentificationOutcome::Identified, None, Some(k)) => {
                write!(f, "{} (identified from {by})", k.name())
            }
            (IdentificationOutcome::Ambiguous, _, _) => {
                let names: Vec<String> = self.candidates.iter().map(Sku::to_string).collect();
                write!(
                    f,
                    "ambiguous: {} SKUs fit ({}{}) from {by}",
                    self.candidate_count,
                    names.join(", "),
                    if self.candidate_count > self.candidates.len() {
                        ", ..."
                    } else {
                        ""
                    }
                )
            }
            (IdentificationOutcome::Contradictory, _, _) => {
                write!(
                    f,
                    "contradictory: no SKU fits every piece of evidence ({by})"
                )
            }
            _ => write!(f, "unknown: the capture does not say which product this is"),
        }
    }
}

/// Identifies the product of a licence record from everything it holds:
///
/// 1. the Activation ID, when it is one the crate lists ([`host_key_of_activation_id`](crate::rules::host_key_of_activation_id): the
///    Office KMS host licences);
/// 2. the printed name and description ([`recognize_product`](crate::catalog::recognize_product),
///    already in [`LicenseRecord::recognized`]): the whole SKU, or the release, family or
///    edition word (`Windows(R), Professional edition`, `ServerStandard`);
/// 3. the licensing service version's build number (`service_version`, from
///    [`Capture::service_version`](crate::Capture::service_version);
///    [`releases_of_build`](crate::rules::releases_of_build)), for Windows products only (Office on Windows 8 and later is
///    licensed by the same service, so its build says nothing about Office).
///
/// The SKUs that fit every piece of evidence decide: one is [`Identified`], several are
/// [`Ambiguous`] (listed, never guessed), none is [`Contradictory`]; no evidence at all is
/// [`Unknown`]. A record whose Activation ID is a KMS host licence is [`Identified`] by its
/// host key group ([`Identification::kms_host_key`]), with no SKU.
///
/// [`Identified`]: IdentificationOutcome::Identified
/// [`Ambiguous`]: IdentificationOutcome::Ambiguous
/// [`Contradictory`]: IdentificationOutcome::Contradictory
/// [`Unknown`]: IdentificationOutcome::Unknown
///
/// ```
/// use volume_activation::inventory::{CaptureFormat, IdentificationOutcome, ParseOptions, identify, parse_capture};
///
/// // Enterprise on build 17763: Windows 10, version 1809 (the LTSC edition is EnterpriseS).
/// let text = "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n";
/// let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new())?;
/// let id = identify(&c.records[0], Some("10.0.17763.1"));
/// assert_eq!(id.sku().map(|s| s.to_string()).as_deref(), Some("windows-10/enterprise"));
///
/// // Without the build, Enterprise is many releases.
/// let id = identify(&c.records[0], None);
/// assert_eq!(id.outcome(), IdentificationOutcome::Ambiguous);
/// assert!(id.candidate_count() > 1);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn identify(record: &LicenseRecord, service_version: Option<&str>) -> Identification {
    let mut clues = Vec::new();
    let mut host_key = None;
    if let Some((key, source, confidence)) = record
        .activation_id
        .and_then(|g| host_key_of_activation_id(g.into()))
    {
        host_key = Some(key);
        clues.push(Clue {
            evidence: Evidence::ActivationId,
            text: format!(
                "Activation ID {}: {}",
                record
                    .activation_id
                    .map(|g| g.to_string())
                    .unwrap_or_default(),
                key.name()
            ),
            confidence,
            source: Some(source.url().to_owned()),
        });
    }
    let rec = record.recognized;
    let release = record.sku.map(Sku::release).or(rec.release());
    let edition = record.sku.map(Sku::edition).or(rec.edition());
    // A name that starts with "Windows", or the Windows Application ID, is not Office
    // (`Windows(R), ServerStandard edition`: Standard is an Office edition too).
    let windows = record.name.as_deref().is_some_and(|n| {
        n.trim_start()
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("windows"))
    }) || record.application_id.is_some_and(|a| a.is_windows());
    let family = record
        .sku
        .map(Sku::family)
        .or(rec.family())
        .or(host_key.map(KmsHostKey::family));
    let name_confidence = rec.confidence().unwrap_or(Confidence::Documented);
    if release.is_some() || (family.is_some() && host_key.is_none() && edition.is_none()) {
        let mut parts = Vec::new();
        if let Some(s) = record.sku {
            parts.push(s.name().to_owned());
        } else {
            if let Some(r) = release {
                parts.push(r.name().to_owned());
            } else if let Some(f) = family {
                parts.push(f.name().to_owned());
            }
            if let Some(e) = edition {
                parts.push(e.name().to_owned());
            }
        }
        clues.push(Clue {
            evidence: Evidence::ProductName,
            text: format!("the printed name says {}", parts.join(" ")),
            confidence: name_confidence,
            source: None,
        });
    } else if let Some(e) = edition {
        clues.push(Clue {
            evidence: Evidence::EditionName,
            text: format!("the edition word says {}", e.name()),
            confidence: name_confidence,
            source: None,
        });
    }
    let office =
        family == Some(Family::Office) || record.application_id.is_some_and(|a| a.is_office());
    let mut builds: Option<Vec<Release>> = None;
    let mut build_rows: Vec<(Release, crate::catalog::Source)> = Vec::new();
    if !office {
        if let Some(build) = service_version.and_then(build_of_version) {
            let rows: Vec<(Release, crate::catalog::Source)> = releases_of_build(build).collect();
            if let Some((_, source)) = rows.first() {
                let names: Vec<&str> = rows.iter().map(|(r, _)| r.name()).collect();
                clues.push(Clue {
                    evidence: Evidence::BuildNumber,
                    text: format!("build {build}: {}", names.join(", ")),
                    confidence: Confidence::Documented,
                    source: Some(source.url().to_owned()),
                });
                build_rows = rows.clone();
                builds = Some(rows.into_iter().map(|(r, _)| r).collect());
            }
        }
    }
    let confidence = clues
        .iter()
        .map(|c| c.confidence)
        .max_by_key(|c| weakness(*c));
    let says_something = release.is_some() || edition.is_some() || builds.is_some();
    // A KMS host licence is its host key group; no client SKU is asked of it.
    if host_key.is_some() || !says_something {
        let outcome = if host_key.is_some() {
            IdentificationOutcome::Identified
        } else {
            IdentificationOutcome::Unknown
        };
        return Identification {
            outcome,
            sku: None,
            kms_host_key: host_key,
            candidates: Vec::new(),
            candidate_count: 0,
            confidence: host_key.and(confidence),
            clues,
        };
    }
    let fits = |s: &Sku| {
        release.is_none_or(|r| s.release() == r)
            && edition.is_none_or(|e| s.edition() == e)
            && family.is_none_or(|f| s.family() == f)
            && !(windows && s.family() == Family::Office)
            && builds.as_ref().is_none_or(|b| b.contains(&s.release()))
    };
    let mut candidates = Vec::new();
    let mut count = 0usize;
    for s in Sku::all().filter(fits) {
        count = count.saturating_add(1);
        if candidates.len() < MAX_CANDIDATES {
            candidates.push(s);
        }
    }
    let (outcome, sku) = match (count, candidates.first()) {
        (1, Some(&s)) => (IdentificationOutcome::Identified, Some(s)),
        (0, _) => (IdentificationOutcome::Contradictory, None),
        _ => (IdentificationOutcome::Ambiguous, None),
    };
    if sku.is_some() || outcome == IdentificationOutcome::Contradictory {
        candidates.clear();
    }
    // The build clue cites the page that lists the identified release.
    if let Some(release) = sku.map(Sku::release) {
        let page = build_rows
            .iter()
            .find(|(r, _)| *r == release)
            .map(|(_, src)| src.url());
        if let (Some(url), Some(clue)) = (
            page,
            clues
                .iter_mut()
                .find(|c| c.evidence == Evidence::BuildNumber),
        ) {
            clue.source = Some(url.to_owned());
        }
    }
    Identification {
        outcome,
        sku,
        kms_host_key: host_key,
        candidates,
        candidate_count: count,
        confidence: sku.and(confidence),
        clues,
    }
}

/// Orders confidences from strongest (0) to weakest.
const fn weakness(c: Confidence) -> u8 {
    match c {
        Confidence::Documented => 0,
        Confidence::Derived => 1,
        Confidence::Unverified => 2,
    }
}
