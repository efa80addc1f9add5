//! One KMS host in a plan: what it covers, what it cannot and why, and its projected counts.

use chrono::{DateTime, Utc};

use crate::catalog::{Kb, KmsHostKey, Sku};
use crate::plan::method::ProductClass;
use crate::rules::Denial;

/// A KMS host's projected count for one product class against that class's threshold.
///
/// Windows client and Windows Server share one count ("activation counts are cumulative"),
/// capped at 50 (10 while only servers have called); Office has its own, capped at 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ClassProjection {
    pub(crate) class: ProductClass,
    pub(crate) machines: u32,
    pub(crate) count: u32,
    pub(crate) threshold: u32,
    pub(crate) reached_on: Option<DateTime<Utc>>,
}

impl ClassProjection {
    /// The product class.
    #[must_use]
    pub fn class(&self) -> ProductClass {
        self.class
    }

    /// The machines of this class the host would activate.
    #[must_use]
    pub fn machines(&self) -> u32 {
        self.machines
    }

    /// The count the host reports once every machine of the rollout is online.
    #[must_use]
    pub fn count(&self) -> u32 {
        self.count
    }

    /// The class's threshold (25 or 5).
    #[must_use]
    pub fn threshold(&self) -> u32 {
        self.threshold
    }

    /// When the count first reaches the threshold (the plan instant or a rollout date);
    /// `None` when it never does.
    #[must_use]
    pub fn reached_on(&self) -> Option<DateTime<Utc>> {
        self.reached_on
    }
}

/// One KMS host of the fleet in a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct HostPlan {
    pub(crate) name: String,
    pub(crate) os: Sku,
    pub(crate) host_key: KmsHostKey,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(crate) site: Option<String>,
    pub(crate) projections: Vec<ClassProjection>,
    pub(crate) covers: Vec<Covered>,
    pub(crate) uncovered: Vec<Uncovered>,
}

impl HostPlan {
    /// The host's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its operating system.
    #[must_use]
    pub fn os(&self) -> Sku {
        self.os
    }

    /// Its host key group.
    #[must_use]
    pub fn host_key(&self) -> KmsHostKey {
        self.host_key
    }

    /// Its site, if any.
    #[must_use]
    pub fn site(&self) -> Option<&str> {
        self.site.as_deref()
    }

    /// The projection per product class, for the classes it has KMS clients of.
    #[must_use]
    pub fn projections(&self) -> &[ClassProjection] {
        &self.projections
    }

    /// The projection for one class, if the host has clients of it.
    #[must_use]
    pub fn projection(&self, class: ProductClass) -> Option<&ClassProjection> {
        self.projections.iter().find(|p| p.class == class)
    }

    /// The machines the plan activates with this host, per product, most machines first.
    #[must_use]
    pub fn covers(&self) -> &[Covered] {
        &self.covers
    }

    /// The machines of its site the host cannot activate (and no other host does), grouped
    /// by product and reason, most machines first.
    #[must_use]
    pub fn uncovered(&self) -> &[Uncovered] {
        &self.uncovered
    }

    /// The machines the host activates (over every class whose threshold is reached).
    #[must_use]
    pub fn covered(&self) -> u32 {
        self.projections
            .iter()
            .filter(|p| p.reached_on.is_some())
            .fold(0u32, |n, p| n.saturating_add(p.machines))
    }
}

/// What would let a KMS host activate clients it denies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "fix"))]
#[non_exhaustive]
pub enum HostFix {
    /// Install this update (or a later cumulative update) on the host.
    InstallUpdate {
        /// The KB Microsoft names.
        kb: Kb,
    },
    /// Obtain this host key group from the VLSC and install it on the host, after the
    /// update it needs on the host's OS, if any.
    InstallHostKey {
        /// The host key group.
        key: KmsHostKey,
        /// The update the host then needs.
        kb: Option<Kb>,
    },
}

/// The fix in the words both reports print: `install KB4478877`, `host key
/// windows-server-2022`, `host key windows-server-2022 after KB5003638`.
///
/// ```
/// use volume_activation::KmsHostKey;
/// use volume_activation::catalog::Kb;
/// use volume_activation::plan::HostFix;
///
/// let kb = Kb::new(5_003_638).unwrap();
/// assert_eq!(HostFix::InstallUpdate { kb }.to_string(), "install KB5003638");
/// let fix = HostFix::InstallHostKey { key: KmsHostKey::WindowsServer2022, kb: Some(kb) };
/// assert_eq!(fix.to_string(), "host key windows-server-2022 after KB5003638");
/// ```
impl std::fmt::Display for HostFix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HostFix::InstallUpdate { kb } => write!(f, "install {kb}"),
            HostFix::InstallHostKey { key, kb } => {
                write!(f, "host key {key}")?;
                match kb {
                    Some(kb) => write!(f, " after {kb}"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Machines of one product a KMS host denies for one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Uncovered {
    pub(crate) sku: Sku,
    pub(crate) machines: u32,
    pub(crate) denial: Denial,
    pub(crate) fix: Option<HostFix>,
}

impl Uncovered {
    /// The product.
    #[must_use]
    pub fn sku(&self) -> Sku {
        self.sku
    }

    /// How many machines.
    #[must_use]
    pub fn machines(&self) -> u32 {
        self.machines
    }

    /// Why the host does not activate them ([`check_activation`](crate::rules::check_activation)).
    #[must_use]
    pub fn denial(&self) -> Denial {
        self.denial
    }

    /// What would let the host activate them, if anything does.
    #[must_use]
    pub fn fix(&self) -> Option<HostFix> {
        self.fix
    }
}

/// Machines of one product a KMS host activates in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Covered {
    pub(crate) sku: Sku,
    pub(crate) machines: u32,
}

impl Covered {
    /// The product.
    #[must_use]
    pub fn sku(&self) -> Sku {
        self.sku
    }

    /// How many machines.
    #[must_use]
    pub fn machines(&self) -> u32 {
        self.machines
    }
}
