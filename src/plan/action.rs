//! The actions a plan asks for.

use std::fmt;

use crate::plan::method::ProductClass;
use crate::{Channel, Sku};

/// An action the plan asks for, with the number of machines it concerns.
///
/// More actions may be added, so this enum and its variants are `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::Action;
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
    #[non_exhaustive]
    InstallUpdate {
        /// The KMS host.
        host: String,
        /// The KB number (`5003646` for KB5003646): this update or a later cumulative update.
        kb: u32,
        /// The machines waiting for it.
        machines: u32,
    },
    /// Obtain and install a KMS host key that covers clients the host's key does not.
    #[non_exhaustive]
    InstallHostKey {
        /// The KMS host.
        host: String,
        /// The host key group ID to obtain (from the VLSC).
        key: String,
        /// The machines waiting for it.
        machines: u32,
    },
    /// A KMS host's count stays below a class's threshold: add KMS clients, or keep these
    /// machines on MAK.
    #[non_exhaustive]
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
    #[non_exhaustive]
    SwitchSiteToMak {
        /// The site (`None`: machines without a site).
        site: Option<String>,
        /// The machines.
        machines: u32,
    },
    /// Ask the Microsoft Activation Center for more MAK activations.
    #[non_exhaustive]
    RequestMakActivations {
        /// The MAK.
        key: String,
        /// The activations missing.
        shortfall: u64,
    },
    /// Obtain a MAK for a product no MAK of the fleet activates.
    #[non_exhaustive]
    ObtainMak {
        /// The product.
        sku: Sku,
        /// The machines.
        machines: u32,
        /// The activations they need.
        activations: u64,
    },
    /// Install another kind of key on machines whose method needs it (a GVLK for ADBA and
    /// KMS, an AVMA key, a MAK).
    #[non_exhaustive]
    InstallKeys {
        /// The channel to install.
        channel: Channel,
        /// The machines.
        machines: u32,
    },
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::InstallUpdate { host, kb, machines } => write!(
                f,
                "install KB{kb} (or a later cumulative update) on kms host \"{host}\": {machines} machines wait for it"
            ),
            Action::InstallHostKey {
                host,
                key,
                machines,
            } => write!(
                f,
                "obtain the {key} kms host key and install it on \"{host}\": {machines} machines wait for it"
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
            Action::ObtainMak {
                sku,
                machines,
                activations,
            } => write!(
                f,
                "obtain a mak for {sku} ({machines} machines, {activations} activations)"
            ),
            Action::InstallKeys { channel, machines } => {
                write!(f, "install a {} key on {machines} machines", channel.name())
            }
        }
    }
}
