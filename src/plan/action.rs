//! The actions a plan asks for.

use std::fmt;

use chrono::{DateTime, Utc};

use crate::catalog::{Channel, Kb, KmsHostKey, Sku};
use crate::plan::method::ProductClass;

/// An action the plan asks for, with the number of machines it concerns.
///
/// More actions may be added, so this enum and its variants are `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::plan::Action;
///
/// let a = Action::RequestMakActivations { key: "Windows 11 Pro MAK".into(), shortfall: 12 };
/// assert_eq!(a.to_string(), "request 12 more activations for mak \"Windows 11 Pro MAK\" from the microsoft activation center");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "action"))]
#[non_exhaustive]
pub enum Action {
    /// Install an update on a KMS host so that it activates more clients.
    InstallUpdate {
        /// The KMS host.
        host: String,
        /// The KB: this update or a later cumulative update.
        kb: Kb,
        /// The machines waiting for it.
        machines: u32,
        /// Whether the host's count would then reach the thresholds of those machines.
        then_reached: bool,
    },
    /// Obtain and install a KMS host key that covers clients the host's key does not.
    InstallHostKey {
        /// The KMS host.
        host: String,
        /// The host key group to obtain (from the VLSC).
        key: KmsHostKey,
        /// The update the host needs first, if any.
        kb: Option<Kb>,
        /// The machines waiting for it.
        machines: u32,
        /// Whether the host's count would then reach the thresholds of those machines.
        then_reached: bool,
    },
    /// Create an Active Directory activation object in a domain with a KMS host key group
    /// (from the VLSC) for the machines planned for ADBA.
    AddAdbaActivationObject {
        /// The domain.
        domain: String,
        /// The host key group the object is made with.
        key: KmsHostKey,
        /// The machines it activates.
        machines: u32,
    },
    /// A KMS host's count stays below a class's threshold: add KMS clients, or keep these
    /// machines on MAK.
    AddKmsClients {
        /// The KMS host.
        host: String,
        /// The product class.
        class: ProductClass,
        /// The projected count.
        count: u32,
        /// The threshold.
        threshold: u32,
        /// The machines moved to MAK meanwhile.
        machines: u32,
    },
    /// Machines of a site no KMS host serves: activate them with MAK (or add a KMS host
    /// there).
    SwitchSiteToMak {
        /// The site (`None`: machines without a site).
        site: Option<String>,
        /// The machines.
        machines: u32,
    },
    /// Ask the Microsoft Activation Center for more MAK activations.
    RequestMakActivations {
        /// The MAK.
        key: String,
        /// The activations missing.
        shortfall: u64,
    },
    /// Obtain a MAK for a product no MAK of the fleet activates (for Small Business Server 2011,
    /// the MAK the Volume Licensing FAQ names for the edition).
    ObtainMak {
        /// The product.
        sku: Sku,
        /// The machines.
        machines: u32,
        /// The activations they need.
        activations: u64,
    },
    /// A KMS host reaches a class's threshold only after the grace period of machines that
    /// come online earlier ends.
    ThresholdAfterGrace {
        /// The KMS host.
        host: String,
        /// The product class.
        class: ProductClass,
        /// When the threshold is reached.
        reached_on: DateTime<Utc>,
        /// The machines that reach notification before.
        machines: u32,
    },
    /// Install another kind of key on machines whose method needs it (a GVLK for ADBA and
    /// KMS, an AVMA key, a MAK).
    InstallKeys {
        /// The channel to install.
        channel: Channel,
        /// The machines.
        machines: u32,
    },
}

/// "1 machine waits for it" / "n machines wait for it".
fn waiting(machines: u32) -> String {
    if machines == 1 {
        "1 machine waits for it".to_owned()
    } else {
        format!("{machines} machines wait for it")
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::InstallUpdate {
                host,
                kb,
                machines,
                then_reached,
            } => {
                write!(
                    f,
                    "install {kb} (or a later cumulative update) on kms host \"{host}\": {}",
                    waiting(*machines)
                )?;
                then(f, *then_reached)
            }
            Action::InstallHostKey {
                host,
                key,
                kb,
                machines,
                then_reached,
            } => {
                write!(
                    f,
                    "obtain the \"{}\" host key from the vlsc and install it on kms host \"{host}\"",
                    key.name()
                )?;
                if let Some(kb) = kb {
                    write!(f, " after {kb}")?;
                }
                write!(f, ": {}", waiting(*machines))?;
                then(f, *then_reached)
            }
            Action::AddAdbaActivationObject {
                domain,
                key,
                machines,
            } => write!(
                f,
                "create an active directory activation object in \"{domain}\" with the \"{}\" host key: {machines} machines use adba",
                key.name()
            ),
            Action::AddKmsClients {
                host,
                class,
                count,
                threshold,
                machines,
            } => write!(
                f,
                "kms host \"{host}\" reaches {count} of {threshold} for {}: add {} kms clients, or keep its {machines} machines on mak",
                class.name().to_ascii_lowercase(),
                threshold.saturating_sub(*count)
            ),
            Action::SwitchSiteToMak {
                site: Some(site),
                machines,
            } => write!(
                f,
                "no kms host serves site \"{site}\": activate its {machines} machines with mak (or add a kms host there)"
            ),
            Action::SwitchSiteToMak {
                site: None,
                machines,
            } => write!(
                f,
                "no kms host serves the {machines} machines without a site: activate them with mak (or give them a site with a kms host)"
            ),
            Action::RequestMakActivations { key, shortfall } => write!(
                f,
                "request {shortfall} more activations for mak \"{key}\" from the microsoft activation center"
            ),
            // Small Business Server 2011: the FAQ names the MAK each edition uses.
            Action::ObtainMak {
                sku,
                machines,
                activations,
            } => match crate::rules::sbs_2011_mak(*sku) {
                Some(mak) => write!(
                    f,
                    "obtain the {} for {sku} ({machines} machines, {activations} activations; kms is not offered for small business server 2011)",
                    mak.value().name()
                ),
                None => write!(
                    f,
                    "obtain a mak for {sku} ({machines} machines, {activations} activations)"
                ),
            },
            Action::InstallKeys { channel, machines } => match channel {
                Channel::VolumeGvlk => write!(
                    f,
                    "install the kms client setup key (gvlk) on {machines} machines planned for adba or kms"
                ),
                Channel::Avma => write!(
                    f,
                    "install the avma key on {machines} virtual machines planned for avma"
                ),
                Channel::VolumeMak => {
                    write!(f, "install a mak on {machines} machines planned for mak")
                }
                other => write!(f, "install a {other} key on {machines} machines"),
            },
            Action::ThresholdAfterGrace {
                host,
                class,
                reached_on,
                machines,
            } => write!(
                f,
                "kms host \"{host}\" reaches the {} threshold only on {}: {machines} machines online earlier reach notification first; bring the rollout forward or activate them with mak meanwhile",
                class.name().to_ascii_lowercase(),
                reached_on.format("%Y-%m-%d")
            ),
        }
    }
}

fn then(f: &mut fmt::Formatter<'_>, reached: bool) -> fmt::Result {
    if reached {
        f.write_str("; the host's count would then reach their threshold")
    } else {
        f.write_str("; even then the host's count stays below their threshold: keep them on mak or add kms clients")
    }
}
