//! MAK accounting in a plan: activations needed per key against what remains.

use crate::catalog::Sku;
use crate::rules::MakBalance;

/// One MAK of the fleet in a plan: the machines the plan activates with it, the activations
/// they need (first activations and reimages) and the balance against what remains.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use volume_activation::{Channel, Fleet, Sku};
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::plan::{Hardware, MachineSpec, MakKeySpec};
///
/// let pro: Sku = "windows-11/pro".parse()?;
/// let fleet = Fleet::builder(AgreementProgram::OpenLicense)
///     .machine(MachineSpec::new("pc-1", pro, Channel::VolumeMak, Hardware::Physical).reimages(2))
///     .mak_key(MakKeySpec::new("Win11 Pro", 2).product(pro))
///     .build()?;
/// let p = fleet.plan(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
/// let key = &p.mak_keys()[0];
/// assert_eq!(key.balance().needed(), 3);
/// assert_eq!(key.balance().shortfall(), 1);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MakPlan {
    pub(crate) name: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(crate) partial_key: Option<String>,
    pub(crate) machines: u32,
    pub(crate) reimages: u64,
    pub(crate) balance: MakBalance,
}

impl MakPlan {
    /// The MAK's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The last five characters of the key, if the fleet gives them.
    #[must_use]
    pub fn partial_key(&self) -> Option<&str> {
        self.partial_key.as_deref()
    }

    /// The machines the plan activates with this MAK.
    #[must_use]
    pub fn machines(&self) -> u32 {
        self.machines
    }

    /// The planned reimages of those machines.
    #[must_use]
    pub fn reimages(&self) -> u64 {
        self.reimages
    }

    /// Activations needed against activations remaining.
    #[must_use]
    pub fn balance(&self) -> MakBalance {
        self.balance
    }
}

/// MAK machines of one product that no MAK of the fleet activates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MissingMak {
    pub(crate) sku: Sku,
    pub(crate) machines: u32,
    pub(crate) activations: u64,
}

impl MissingMak {
    /// The product.
    #[must_use]
    pub fn sku(&self) -> Sku {
        self.sku
    }

    /// The machines of that product planned for MAK.
    #[must_use]
    pub fn machines(&self) -> u32 {
        self.machines
    }

    /// The activations they need (first activations and reimages).
    #[must_use]
    pub fn activations(&self) -> u64 {
        self.activations
    }
}
