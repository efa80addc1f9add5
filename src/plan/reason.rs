//! Why the planner chose a machine's method, and why it passed the others over.

use std::fmt;

use chrono::{DateTime, Utc};

use crate::catalog::{Channel, Release, Source};
use crate::rules::{AdbaDenial, AvmaDenial, Denial, faq_advice_for_virtual_machines};

/// "Activate using Active Directory-based activation" (Windows).
pub(crate) const ADBA_PAGE: Source = Source::new(
    "S-ADBA",
    "Activate using Active Directory-based activation",
    "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-using-active-directory-based-activation-client",
    None,
);

/// "Automatic virtual machine activation in Windows Server".
pub(crate) const AVMA_PAGE: Source = Source::new(
    "S-AVMA",
    "Automatic virtual machine activation in Windows Server",
    "https://learn.microsoft.com/en-us/windows-server/get-started/automatic-vm-activation",
    None,
);

/// "Plan for volume activation": which channels volume activation serves.
pub(crate) const PLAN_VOLUME_ACTIVATION: Source = Source::new(
    "S-PLANVA",
    "Plan for volume activation",
    "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client",
    None,
);

/// One reason in a machine's plan: why its method was chosen, or why another method was
/// passed over. Each reason names the rule it applies ([`Reason::source`]).
///
/// More reasons may be added, so this enum and its variants are `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::plan::Reason;
///
/// let r = Reason::FewerThan50Pcs { pcs: 12 };
/// assert_eq!(r.source().id(), "FAQ");
/// assert!(r.moves_off_kms());
/// assert_eq!(r.to_string(), "the fleet has 12 pcs; with fewer than 50 pcs the faq advises mak with vamt");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "reason"))]
#[non_exhaustive]
pub enum Reason {
    /// The machine's domain and product allow Active Directory-based activation.
    AdbaEligible {
        /// The domain.
        domain: String,
        /// Its forest schema level.
        forest_schema: Release,
    },
    /// Active Directory-based activation does not apply ([`check_adba`](crate::rules::check_adba)
    /// says why).
    AdbaDenied {
        /// Why not.
        denial: AdbaDenial,
    },
    /// The machine's Hyper-V host does not activate it by AVMA
    /// ([`check_avma`](crate::rules::check_avma) says why).
    AvmaDenied {
        /// The Hyper-V host.
        hyperv_host: String,
        /// Why not.
        denial: AvmaDenial,
    },
    /// The machine's Hyper-V host is itself a virtual machine (nested virtualisation, or a
    /// cycle of virtual machines naming each other), so it cannot activate the machine by
    /// AVMA even when its product would.
    ///
    /// Source: the AVMA page ("AVMA requires a Windows Server Datacenter edition with the
    /// Hyper-V server host role installed"; an earlier revision: "AVMA requires a Microsoft
    /// Virtualization Server running Windows Server ... Datacenter"). Confidence: derived: the
    /// page describes the AVMA host as the virtualization server the guests run on, which a
    /// machine the fleet marks virtual is not; Microsoft does not describe AVMA through
    /// nested virtualisation, so the crate does not plan it.
    AvmaHostVirtual {
        /// The Hyper-V host (a virtual machine of the fleet).
        hyperv_host: String,
    },
    /// The machine's Hyper-V host activates it by AVMA only while the host itself is
    /// activated, and the fleet does not mark it activated (field `activated`, default
    /// `false`). AVMA is still planned; activate the host first.
    ///
    /// Source: the AVMA page (the host must be activated; "In a failover cluster, each
    /// virtualization server host in the cluster must be activated for guest VMs to stay
    /// activated"). Confidence: documented.
    AvmaHostNotActivated {
        /// The Hyper-V host.
        hyperv_host: String,
    },
    /// The machine is a virtual machine whose Datacenter Hyper-V host activates it by AVMA.
    AvmaEligible {
        /// The Hyper-V host (a machine of the fleet).
        hyperv_host: String,
    },
    /// A KMS host of the fleet covers the machine and its threshold is reached.
    KmsCovered {
        /// The KMS host.
        host: String,
        /// When the host's projected count first reaches the machine's threshold (the plan
        /// instant, or a rollout date).
        threshold_reached: DateTime<Utc>,
    },
    /// The machine is virtual: the FAQ prefers KMS to MAK for virtual machines.
    VirtualMachineKmsPreferred,
    /// The machine's channel is not volume activation (retail, OEM, evaluation,
    /// subscription, or a KMS host key): no volume method applies.
    NotVolumeChannel {
        /// The installed channel.
        channel: Channel,
    },
    /// ADBA would apply, but no KMS host key group covers the product (documented or
    /// derived), so no Active Directory activation object can be made for it.
    AdbaNoHostKey,
    /// An Office machine whose Windows release is not given (field `os`): Active
    /// Directory-based activation of Office depends on it, so it is not planned.
    OfficeOsNotGiven,
    /// The fleet has no KMS host that could serve the machine's product class.
    NoKmsHost,
    /// No KMS host serves the machine's site (a host with a site serves only that site; a
    /// host without one serves every machine).
    NoKmsHostAtSite {
        /// The machine's site (`None`: no site given).
        site: Option<String>,
    },
    /// A KMS host that serves the machine's site does not activate its product
    /// ([`check_activation`](crate::rules::check_activation) says why).
    KmsDenied {
        /// The KMS host.
        host: String,
        /// Why not.
        denial: Denial,
    },
    /// The KMS host's projected count never reaches the machine's threshold.
    ThresholdNotReached {
        /// The KMS host.
        host: String,
        /// The count it would report once every machine of the rollout is online.
        count: u32,
        /// The threshold (25 Windows client, 5 Windows Server and Office).
        threshold: u32,
    },
    /// The fleet has fewer than 50 PCs: the FAQ advises MAK with VAMT.
    #[cfg_attr(feature = "serde", serde(rename = "fewer-than-50-pcs"))]
    FewerThan50Pcs {
        /// The fleet's PCs (Windows machines).
        pcs: u32,
    },
    /// The machine's site has fewer than 50 PCs: the FAQ advises MAK with VAMT, so its MAK
    /// activation goes through VAMT (proxy).
    SiteFewerThan50Pcs {
        /// The site (`None`: machines without a site).
        site: Option<String>,
        /// The site's PCs (Windows machines).
        pcs: u32,
    },
    /// No MAK of the fleet activates the machine's product.
    NoMakKey,
    /// The machine's MAK has fewer activations left than the plan needs.
    MakActivationsShort {
        /// The MAK's name.
        key: String,
    },
}

impl Reason {
    /// Where the rule this reason applies is published.
    #[must_use]
    pub fn source(&self) -> Source {
        match self {
            Reason::AdbaEligible { .. } | Reason::OfficeOsNotGiven | Reason::AdbaNoHostKey => {
                ADBA_PAGE
            }
            Reason::AdbaDenied { denial } => denial.source(),
            Reason::AvmaDenied { denial, .. } => denial.source(),
            Reason::KmsDenied { denial, .. } => denial
                .sources()
                .first()
                .copied()
                .unwrap_or(Source::KMS_PLANNING),
            Reason::AvmaEligible { .. }
            | Reason::AvmaHostVirtual { .. }
            | Reason::AvmaHostNotActivated { .. } => AVMA_PAGE,
            Reason::KmsCovered { .. }
            | Reason::NoKmsHost
            | Reason::NoKmsHostAtSite { .. }
            | Reason::ThresholdNotReached { .. } => Source::KMS_PLANNING,
            Reason::NotVolumeChannel { .. } => PLAN_VOLUME_ACTIVATION,
            Reason::VirtualMachineKmsPreferred => faq_advice_for_virtual_machines().source(),
            Reason::FewerThan50Pcs { .. }
            | Reason::SiteFewerThan50Pcs { .. }
            | Reason::NoMakKey
            | Reason::MakActivationsShort { .. } => Source::VL_FAQ,
        }
    }

    /// Whether this reason takes a machine off KMS (to ADBA, AVMA, MAK or outside volume
    /// activation).
    #[must_use]
    pub fn moves_off_kms(&self) -> bool {
        match self {
            Reason::AdbaEligible { .. }
            | Reason::AvmaEligible { .. }
            | Reason::NotVolumeChannel { .. }
            | Reason::NoKmsHost
            | Reason::NoKmsHostAtSite { .. }
            | Reason::KmsDenied { .. }
            | Reason::ThresholdNotReached { .. }
            | Reason::FewerThan50Pcs { .. } => true,
            Reason::KmsCovered { .. }
            | Reason::AdbaDenied { .. }
            | Reason::AvmaDenied { .. }
            | Reason::AvmaHostVirtual { .. }
            | Reason::AvmaHostNotActivated { .. }
            | Reason::VirtualMachineKmsPreferred
            | Reason::OfficeOsNotGiven
            | Reason::AdbaNoHostKey
            | Reason::SiteFewerThan50Pcs { .. }
            | Reason::NoMakKey
            | Reason::MakActivationsShort { .. } => false,
        }
    }

    /// The reason's kind as a kebab-case ID (the JSON tag).
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::AdbaEligible { .. } => "adba-eligible",
            Reason::AvmaEligible { .. } => "avma-eligible",
            Reason::AdbaDenied { .. } => "adba-denied",
            Reason::AvmaDenied { .. } => "avma-denied",
            Reason::AvmaHostVirtual { .. } => "avma-host-virtual",
            Reason::AvmaHostNotActivated { .. } => "avma-host-not-activated",
            Reason::KmsCovered { .. } => "kms-covered",
            Reason::VirtualMachineKmsPreferred => "virtual-machine-kms-preferred",
            Reason::NotVolumeChannel { .. } => "not-volume-channel",
            Reason::OfficeOsNotGiven => "office-os-not-given",
            Reason::AdbaNoHostKey => "adba-no-host-key",
            Reason::NoKmsHost => "no-kms-host",
            Reason::NoKmsHostAtSite { .. } => "no-kms-host-at-site",
            Reason::KmsDenied { .. } => "kms-denied",
            Reason::ThresholdNotReached { .. } => "threshold-not-reached",
            Reason::FewerThan50Pcs { .. } => "fewer-than-50-pcs",
            Reason::SiteFewerThan50Pcs { .. } => "site-fewer-than-50-pcs",
            Reason::NoMakKey => "no-mak-key",
            Reason::MakActivationsShort { .. } => "mak-activations-short",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::AdbaEligible {
                domain,
                forest_schema,
            } => write!(
                f,
                "domain \"{domain}\" (schema {}) activates it by active directory-based activation",
                forest_schema.as_ref()
            ),
            Reason::AdbaDenied { denial } => write!(f, "no adba: {denial}"),
            Reason::AvmaDenied {
                hyperv_host,
                denial,
            } => write!(f, "no avma on \"{hyperv_host}\": {denial}"),
            Reason::AvmaHostVirtual { hyperv_host } => write!(
                f,
                "no avma on \"{hyperv_host}\": it is itself a virtual machine, and avma needs a datacenter hyper-v host (the virtualization server)"
            ),
            Reason::AvmaHostNotActivated { hyperv_host } => write!(
                f,
                "hyper-v host \"{hyperv_host}\" is not marked activated: avma activates guests only while the host is activated"
            ),
            Reason::AvmaEligible { hyperv_host } => write!(
                f,
                "datacenter hyper-v host \"{hyperv_host}\" activates it by avma"
            ),
            Reason::KmsCovered {
                host,
                threshold_reached,
            } => write!(
                f,
                "kms host \"{host}\" covers it; threshold reached {}",
                threshold_reached.format("%Y-%m-%d")
            ),
            Reason::VirtualMachineKmsPreferred => {
                f.write_str("virtual machine: the faq prefers kms to mak")
            }
            Reason::NotVolumeChannel { channel } => write!(
                f,
                "channel {channel} is not volume activation (a gvlk or mak is needed)"
            ),
            Reason::OfficeOsNotGiven => f.write_str(
                "the windows release office runs on is not given (field os), so adba is not planned",
            ),
            Reason::AdbaNoHostKey => f.write_str(
                "no kms host key group covers this product, so no active directory activation object can be made",
            ),
            Reason::NoKmsHost => f.write_str("the fleet has no kms host"),
            Reason::NoKmsHostAtSite { site: Some(site) } => {
                write!(f, "no kms host serves site \"{site}\"")
            }
            Reason::NoKmsHostAtSite { site: None } => {
                f.write_str("no kms host serves machines without a site")
            }
            Reason::KmsDenied { host, denial } => {
                write!(f, "kms host \"{host}\" does not activate it: {denial}")
            }
            Reason::ThresholdNotReached {
                host,
                count,
                threshold,
            } => write!(
                f,
                "kms host \"{host}\" reaches a count of {count}, below the threshold {threshold}"
            ),
            Reason::FewerThan50Pcs { pcs } => write!(
                f,
                "the fleet has {pcs} pcs; with fewer than 50 pcs the faq advises mak with vamt"
            ),
            Reason::SiteFewerThan50Pcs {
                site: Some(site),
                pcs,
            } => write!(
                f,
                "site \"{site}\" has {pcs} pcs; with fewer than 50 pcs the faq advises mak with vamt (proxy)"
            ),
            Reason::SiteFewerThan50Pcs { site: None, pcs } => write!(
                f,
                "{pcs} pcs have no site; with fewer than 50 pcs the faq advises mak with vamt (proxy)"
            ),
            Reason::NoMakKey => f.write_str("no mak of the fleet activates this product"),
            Reason::MakActivationsShort { key } => {
                write!(f, "mak \"{key}\" has too few activations left")
            }
        }
    }
}
