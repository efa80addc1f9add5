//! Active Directory-based activation (ADBA): which Windows and Office versions it activates,
//! on which operating systems, in which forests; how long an activation lasts; and the
//! fallback to KMS.

use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};

use crate::catalog::{Confidence, Family, Release, Sku, Source};
use crate::error::Error;
use crate::rules::timing::{ADBA_RENEWAL, ADBA_VALIDITY};

/// The sources of the ADBA rules.
const ADBA_SOURCES: &[Source] = &[
    Source::WINDOWS_ADBA,
    Source::OFFICE_ADBA,
    Source::KMS_STEP1_2012R2,
    Source::OFFICE_2013_ADBA_BLOG,
];

/// The lowest forest schema ADBA works with: Windows Server 2012.
///
/// Source: "AD DS must be at the Windows Server 2012 schema level to store activation objects."
/// and "for Windows Server 2012 R2, you do not have to run Adprep.exe again; the Windows Server
/// 2012 schema level is adequate." — Step 1: Review and Select Activation Methods (S-STEP1).
/// The current Windows ADBA page says "Extend the domain schema level to Windows Server 2012 R2
/// or later" for the VAMT path; the crate follows the more specific Windows Server statement
/// (reference resolutions.md Q7), so a Windows Server 2012 schema is enough.
pub const ADBA_MIN_FOREST_SCHEMA: Release = Release::WindowsServer2012;

/// The machine's domain as ADBA sees it: a workgroup, or a member of a forest whose schema is
/// at a given Windows Server level.
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::AdbaDomain;
///
/// let domain = AdbaDomain::joined(Release::WindowsServer2016)?;
/// assert_eq!(domain.forest_schema(), Some(Release::WindowsServer2016));
/// assert!(!AdbaDomain::workgroup().is_joined());
/// assert!(AdbaDomain::joined(Release::Windows11).unwrap_err().is_invalid());
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AdbaDomainRepr")
)]
pub struct AdbaDomain {
    forest_schema: Option<Release>,
}

impl AdbaDomain {
    /// A machine in a workgroup (no domain).
    #[must_use]
    pub const fn workgroup() -> AdbaDomain {
        AdbaDomain {
            forest_schema: None,
        }
    }

    /// A domain member whose forest schema is at the level of `forest_schema` (the Windows
    /// Server release whose `adprep` last extended it).
    ///
    /// # Errors
    ///
    /// [`Error::is_invalid`] when `forest_schema` is not a Windows Server release.
    pub fn joined(forest_schema: Release) -> Result<AdbaDomain, Error> {
        if forest_schema.family() != Family::Server {
            return Err(Error::invalid(
                "forest schema level",
                forest_schema.as_ref(),
                "a windows server release such as windows-server-2012",
            ));
        }
        Ok(AdbaDomain {
            forest_schema: Some(forest_schema),
        })
    }

    /// Whether the machine is a domain member.
    #[must_use]
    pub const fn is_joined(self) -> bool {
        self.forest_schema.is_some()
    }

    /// The forest schema level, for a domain member.
    #[must_use]
    pub const fn forest_schema(self) -> Option<Release> {
        self.forest_schema
    }
}

/// A product asking for ADBA: a Windows SKU (running itself), or an Office SKU and the
/// Windows release it runs on.
///
/// ```
/// use volume_activation::{Release, Sku};
/// use volume_activation::rules::AdbaClient;
///
/// let office = AdbaClient::office("office-ltsc-2024/professional-plus".parse()?, Release::Windows11)?;
/// assert_eq!(office.os(), Release::Windows11);
/// let win = AdbaClient::windows("windows-11/enterprise".parse()?)?;
/// assert_eq!(win.os(), Release::Windows11);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AdbaClientRepr")
)]
pub struct AdbaClient {
    product: Sku,
    os: Release,
}

impl AdbaClient {
    /// A Windows client or server SKU.
    ///
    /// # Errors
    ///
    /// [`Error::is_invalid`] when `sku` is an Office SKU.
    pub fn windows(sku: Sku) -> Result<AdbaClient, Error> {
        if sku.family() == Family::Office {
            return Err(Error::invalid(
                "windows sku",
                &sku.to_string(),
                "a windows client or server sku",
            ));
        }
        Ok(AdbaClient {
            product: sku,
            os: sku.release(),
        })
    }

    /// An Office SKU installed on Windows release `os`.
    ///
    /// # Errors
    ///
    /// [`Error::is_invalid`] when `office` is not an Office SKU or `os` is not a Windows
    /// release.
    pub fn office(office: Sku, os: Release) -> Result<AdbaClient, Error> {
        if office.family() != Family::Office {
            return Err(Error::invalid(
                "office sku",
                &office.to_string(),
                "an office sku such as office-ltsc-2024/professional-plus",
            ));
        }
        if os.family() == Family::Office {
            return Err(Error::invalid(
                "operating system",
                os.as_ref(),
                "a windows client or server release",
            ));
        }
        Ok(AdbaClient {
            product: office,
            os,
        })
    }

    /// The product to activate.
    #[must_use]
    pub const fn product(self) -> Sku {
        self.product
    }

    /// The Windows release it runs on.
    #[must_use]
    pub const fn os(self) -> Release {
        self.os
    }
}

/// The serialised form of [`AdbaDomain`], validated on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct AdbaDomainRepr {
    forest_schema: Option<Release>,
}

#[cfg(feature = "serde")]
impl TryFrom<AdbaDomainRepr> for AdbaDomain {
    type Error = Error;

    fn try_from(r: AdbaDomainRepr) -> Result<Self, Error> {
        r.forest_schema
            .map_or(Ok(AdbaDomain::workgroup()), AdbaDomain::joined)
    }
}

/// The serialised form of [`AdbaClient`], validated on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct AdbaClientRepr {
    product: Sku,
    os: Release,
}

#[cfg(feature = "serde")]
impl TryFrom<AdbaClientRepr> for AdbaClient {
    type Error = Error;

    fn try_from(r: AdbaClientRepr) -> Result<Self, Error> {
        match r.product.family() {
            Family::Office => AdbaClient::office(r.product, r.os),
            Family::Client | Family::Server => {
                let client = AdbaClient::windows(r.product)?;
                if client.os == r.os {
                    Ok(client)
                } else {
                    Err(Error::invalid(
                        "adba client os",
                        r.os.as_ref(),
                        format!("the release of the windows sku, {}", client.os),
                    ))
                }
            }
        }
    }
}

/// Whether Windows release `os` can be activated by ADBA (and so host ADBA for Office), and
/// how sure the crate is. `None`: it cannot.
///
/// Sources: "Active Directory-based activation is the newest type of volume activation, and it
/// was introduced in Windows 8." (plan-for-volume-activation-client); applies-to lists of the
/// Windows ADBA page: 2017 "Windows 10, Windows 8.1, Windows 8, Windows Server 2012 R2, Windows
/// Server 2012, Windows Server 2016", 2024 "Windows 11, Windows 10, Windows Server 2022,
/// Windows Server 2019, Windows Server 2016"; another revision "Windows 8.1 or later; Windows
/// Server 2012 or later". Releases only covered by "or later" are derived.
const fn windows_adba(os: Release) -> Option<Confidence> {
    use Release::*;
    match os {
        WindowsVista
        | Windows7
        | WindowsServer2008
        | SmallBusinessServer2008
        | WindowsServer2008R2
        | SmallBusinessServer2011 => None,
        Windows8 | Windows81 | Windows10 | Windows11 | WindowsServer2012 | WindowsServer2012R2
        | WindowsServer2016 | WindowsServer2019 | WindowsServer2022 => Some(Confidence::Documented),
        Windows10Ltsb2015 | Windows10Ltsb2016 | Windows10Ltsc2019 | Windows10Ltsc2021
        | Windows11Ltsc2024 | WindowsServer1709 | WindowsServer1803 | WindowsServerSac
        | WindowsServer2025 => Some(Confidence::Derived),
        Office2010 | Office2013 | Office2016 | Office2019 | OfficeLtsc2021 | OfficeLtsc2024 => None,
    }
}

/// Whether a release can be activated by Active Directory-based activation at all: Windows 8 /
/// Windows Server 2012 and later ("introduced in Windows 8"), Office 2013 and later (Office
/// 2010 has no ADBA). How sure the crate is for each release is [`check_adba`]'s business; this
/// is the yes/no of the same table.
///
/// Source: <https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client>
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::supports_adba;
///
/// assert!(supports_adba(Release::Windows10));
/// assert!(supports_adba(Release::Office2013));
/// assert!(!supports_adba(Release::Windows7));
/// assert!(!supports_adba(Release::Office2010));
/// ```
#[must_use]
pub const fn supports_adba(release: Release) -> bool {
    adba_confidence(release).is_some()
}

/// How sure the crate is that `release` supports ADBA (documented where Microsoft names the
/// release, derived where only an "or later" covers it), or `None` where it does not.
pub(crate) const fn adba_confidence(release: Release) -> Option<Confidence> {
    match windows_adba(release) {
        Some(c) => Some(c),
        None => office_adba(release),
    }
}

/// Whether Office release `office` supports ADBA. Office 2010 has none (ADBA is new in Office
/// 2013, Office Resource Kit blog 2012); Office 2013 and 2016 have their own ADBA pages;
/// later versions are covered by "Microsoft Office 2013 or later" (Windows ADBA page applies-to,
/// one revision) and the current Office ADBA page.
const fn office_adba(office: Release) -> Option<Confidence> {
    use Release::*;
    match office {
        Office2013 | Office2016 => Some(Confidence::Documented),
        Office2019 | OfficeLtsc2021 | OfficeLtsc2024 => Some(Confidence::Derived),
        _ => None,
    }
}

/// Whether Office can use ADBA on Windows release `os`. The current Office ADBA page (ms.date
/// 2024-09-19) lists Windows 11, Windows 10, Windows Server 2022, 2019, 2016, 2012 R2 and 2012;
/// the Office 2013 page (2012) "Windows 8 and Windows Server 2012". Other ADBA-capable Windows
/// releases are derived (the OS itself supports ADBA).
const fn office_os_adba(os: Release) -> Option<Confidence> {
    use Release::*;
    match os {
        Windows8 | Windows10 | Windows11 | WindowsServer2012 | WindowsServer2012R2
        | WindowsServer2016 | WindowsServer2019 | WindowsServer2022 => Some(Confidence::Documented),
        Windows81 => Some(Confidence::Derived),
        _ => windows_adba(os),
    }
}

const fn weaker(a: Confidence, b: Confidence) -> Confidence {
    match (a, b) {
        (Confidence::Unverified, _) | (_, Confidence::Unverified) => Confidence::Unverified,
        (Confidence::Derived, _) | (_, Confidence::Derived) => Confidence::Derived,
        (Confidence::Documented, Confidence::Documented) => Confidence::Documented,
    }
}

/// An ADBA activation: what it activates, how long it lasts, how often it renews, and how
/// sure the crate is.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use volume_activation::{Confidence, Release};
/// use volume_activation::rules::{AdbaClient, AdbaDomain, check_adba};
///
/// let client = AdbaClient::windows("windows-11/enterprise".parse()?)?;
/// let ok = check_adba(client, AdbaDomain::joined(Release::WindowsServer2012)?)?;
/// assert_eq!(ok.validity().num_days(), 180);
/// assert_eq!(ok.renewal_interval().num_days(), 7);
/// assert_eq!(ok.confidence(), Confidence::Documented);
/// let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
/// assert_eq!(ok.expires_at(t), Some(Utc.with_ymd_and_hms(2026, 6, 30, 0, 0, 0).unwrap()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AdbaActivation {
    client: AdbaClient,
    confidence: Confidence,
}

impl AdbaActivation {
    /// The client activated.
    #[must_use]
    pub const fn client(&self) -> AdbaClient {
        self.client
    }

    /// How long the activation lasts after the last contact with the domain
    /// ([`ADBA_VALIDITY`](crate::rules::ADBA_VALIDITY), 180 days).
    #[must_use]
    pub const fn validity(&self) -> TimeDelta {
        ADBA_VALIDITY.duration()
    }

    /// How often the client reactivates by default ([`ADBA_RENEWAL`](crate::rules::ADBA_RENEWAL), 7 days).
    #[must_use]
    pub const fn renewal_interval(&self) -> TimeDelta {
        ADBA_RENEWAL.duration()
    }

    /// When an activation whose last contact with the domain was at `last_contact` lapses
    /// (half-open: activated on `[last_contact, expires_at)`); `None` past chrono's range.
    #[must_use]
    pub fn expires_at(&self, last_contact: DateTime<Utc>) -> Option<DateTime<Utc>> {
        last_contact.checked_add_signed(ADBA_VALIDITY.duration())
    }

    /// Documented when every release involved is named by Microsoft; derived when one is only
    /// covered by an "or later".
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// The pages the ADBA rules follow.
    #[must_use]
    pub const fn sources(&self) -> &'static [Source] {
        ADBA_SOURCES
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AdbaActivation {
    /// Reads `{"client": ..., "confidence": ...}` and accepts it only when the client is
    /// eligible for ADBA with exactly that confidence.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Repr {
            client: AdbaClient,
            confidence: Confidence,
        }
        let r = Repr::deserialize(d)?;
        let confidence = eligibility(r.client).map_err(serde::de::Error::custom)?;
        if confidence != r.confidence {
            return Err(serde::de::Error::custom(format!(
                "adba activation of {} is {confidence}, not {}",
                r.client.product, r.confidence
            )));
        }
        Ok(AdbaActivation {
            client: r.client,
            confidence,
        })
    }
}

/// Why ADBA does not activate a client. Every case falls back to KMS
/// ([`falls_back_to_kms`](Self::falls_back_to_kms)).
///
/// Microsoft may document more reasons, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::{AdbaClient, AdbaDenial, AdbaDomain, check_adba};
///
/// let client = AdbaClient::windows("windows-11/pro".parse()?)?;
/// let no = check_adba(client, AdbaDomain::joined(Release::WindowsServer2008R2)?).unwrap_err();
/// assert_eq!(no, AdbaDenial::SchemaTooOld { schema: Release::WindowsServer2008R2 });
/// assert_eq!(no.hresult(), Some(0xC004_F083));
/// assert!(no.falls_back_to_kms());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "denial"))]
#[non_exhaustive]
pub enum AdbaDenial {
    /// The product predates ADBA: Windows before Windows 8 / Windows Server 2012, or Office
    /// 2010. "KMS is still needed for Earlier versions of volume licensed operating systems and
    /// applications" (Windows ADBA page).
    ProductNotSupported {
        /// The product.
        product: Sku,
    },
    /// Office supports ADBA, but not on this Windows release.
    OsNotSupported {
        /// The Office product.
        product: Sku,
        /// The Windows release it runs on.
        os: Release,
    },
    /// The machine is not a domain member: "Workgroup computers outside the domain" need KMS
    /// (Windows ADBA page).
    NotDomainJoined,
    /// The forest schema is older than Windows Server 2012 ([`ADBA_MIN_FOREST_SCHEMA`]).
    SchemaTooOld {
        /// The forest schema level.
        schema: Release,
    },
}

impl AdbaDenial {
    /// The HRESULT Windows reports, where a documented code applies: `0xC004F083`
    /// (`SL_E_VL_AD_SCHEMA_VERSION_NOT_SUPPORTED`, "Active Directory-Based Activation is not
    /// supported in the current Active Directory schema") for an old schema. The other cases
    /// have no documented code (the client simply uses KMS).
    #[must_use]
    pub const fn hresult(&self) -> Option<u32> {
        match self {
            AdbaDenial::SchemaTooOld { .. } => Some(0xC004_F083),
            AdbaDenial::ProductNotSupported { .. }
            | AdbaDenial::OsNotSupported { .. }
            | AdbaDenial::NotDomainJoined => None,
        }
    }

    /// The documented activation error code of [`hresult`](Self::hresult), with its message,
    /// cause and resolution; `None` where no code is documented.
    ///
    /// ```
    /// use volume_activation::{Release, Sku};
    /// use volume_activation::rules::{check_adba, AdbaClient, AdbaDomain};
    ///
    /// let client = AdbaClient::windows("windows-11/enterprise".parse::<Sku>()?)?;
    /// let denial = check_adba(client, AdbaDomain::joined(Release::WindowsServer2008R2)?).unwrap_err();
    /// assert_eq!(denial.error_code().map(|c| c.hresult()), Some(0xC004_F083));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn error_code(&self) -> Option<crate::rules::ActivationErrorCode> {
        self.hresult()
            .and_then(crate::rules::ActivationErrorCode::lookup)
    }

    /// Whether the client then tries KMS: always. "If the ADDS object can't be retrieved,
    /// client computers use KMS activation"; KMS is still needed for earlier versions and
    /// workgroup computers; a machine removed from the domain "tries to activate with KMS"
    /// (Windows ADBA page). Office: "If Active Directory can't be contacted, Office tries to
    /// activate by using a discoverable KMS host computer." (Office ADBA page).
    #[must_use]
    pub const fn falls_back_to_kms(&self) -> bool {
        true
    }

    /// Where the rule that failed is published.
    #[must_use]
    pub const fn source(&self) -> Source {
        match self {
            AdbaDenial::ProductNotSupported { product } => match product.family() {
                Family::Office => Source::OFFICE_2013_ADBA_BLOG,
                Family::Client | Family::Server => Source::WINDOWS_ADBA,
            },
            AdbaDenial::OsNotSupported { .. } => Source::OFFICE_ADBA,
            AdbaDenial::NotDomainJoined => Source::WINDOWS_ADBA,
            AdbaDenial::SchemaTooOld { .. } => Source::KMS_STEP1_2012R2,
        }
    }
}

impl fmt::Display for AdbaDenial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AdbaDenial::ProductNotSupported { product } => write!(
                f,
                "{} cannot use active directory-based activation (windows 8, windows server 2012 and office 2013 or later only); it uses kms",
                product.name()
            ),
            AdbaDenial::OsNotSupported { product, os } => write!(
                f,
                "{} cannot use active directory-based activation on {}; it uses kms",
                product.name(),
                os.name()
            ),
            AdbaDenial::NotDomainJoined => f.write_str(
                "the computer is not a domain member, so active directory-based activation does not apply; it uses kms",
            ),
            AdbaDenial::SchemaTooOld { schema } => write!(
                f,
                "the forest schema is at the {} level; active directory-based activation needs the windows server 2012 schema or later",
                schema.name()
            ),
        }
    }
}

impl std::error::Error for AdbaDenial {}

/// Whether ADBA activates `client` in `domain`, and if so for how long; if not, why.
///
/// Checks, in order: the product supports ADBA (Windows 8 / Windows Server 2012 and later,
/// Office 2013 and later), Office runs on a Windows release that supports it, the machine is
/// a domain member, the forest schema is at least Windows Server 2012. The activation object
/// must also match the client's GVLK ("Client computers examine the activation object and
/// compare it to the local edition as defined by the GVLK"); which host key covers which
/// product is the KMS host-key relation, not checked here.
///
/// # Errors
///
/// An [`AdbaDenial`] saying which rule failed; the client then uses KMS.
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::{AdbaClient, AdbaDenial, AdbaDomain, check_adba};
///
/// let office2010 = AdbaClient::office("office-2010/professional-plus".parse()?, Release::Windows7)?;
/// let domain = AdbaDomain::joined(Release::WindowsServer2022)?;
/// assert!(matches!(check_adba(office2010, domain), Err(AdbaDenial::ProductNotSupported { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_adba(client: AdbaClient, domain: AdbaDomain) -> Result<AdbaActivation, AdbaDenial> {
    let confidence = eligibility(client)?;
    let schema = domain.forest_schema.ok_or(AdbaDenial::NotDomainJoined)?;
    if schema < ADBA_MIN_FOREST_SCHEMA {
        return Err(AdbaDenial::SchemaTooOld { schema });
    }
    Ok(AdbaActivation { client, confidence })
}

/// Whether the product and OS of `client` support ADBA at all, and how sure the crate is.
fn eligibility(client: AdbaClient) -> Result<Confidence, AdbaDenial> {
    let product = client.product;
    let confidence = match product.family() {
        Family::Client | Family::Server => {
            windows_adba(client.os).ok_or(AdbaDenial::ProductNotSupported { product })?
        }
        Family::Office => {
            let office = office_adba(product.release())
                .ok_or(AdbaDenial::ProductNotSupported { product })?;
            let os = office_os_adba(client.os).ok_or(AdbaDenial::OsNotSupported {
                product,
                os: client.os,
            })?;
            weaker(office, os)
        }
    };
    Ok(confidence)
}

/// Whether ADBA activates `client` in `domain`: `check_adba(client, domain).is_ok()`.
///
/// ```
/// use volume_activation::rules::{AdbaClient, AdbaDomain, can_adba};
///
/// let client = AdbaClient::windows("windows-7/enterprise".parse()?)?;
/// assert!(!can_adba(client, AdbaDomain::joined(volume_activation::Release::WindowsServer2025)?));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn can_adba(client: AdbaClient, domain: AdbaDomain) -> bool {
    check_adba(client, domain).is_ok()
}

/// ADBA questions asked of the release.
impl Release {
    /// Whether this release can activate through Active Directory; the same as
    /// [`supports_adba`].
    ///
    /// ```
    /// use volume_activation::Release;
    ///
    /// assert!(Release::Windows10.supports_adba());
    /// assert!(!Release::Windows7.supports_adba());
    /// ```
    #[must_use]
    pub const fn supports_adba(self) -> bool {
        supports_adba(self)
    }
}
