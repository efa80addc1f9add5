//! One machine's plan: the recommended method and the reasons.

use std::sync::Arc;

use crate::catalog::{Channel, Sku};
use crate::plan::method::RecommendedMethod;
use crate::plan::reason::Reason;

/// One machine's plan: its recommended activation method, the KMS host or MAK it uses, and
/// the reasons, in the order the planner applied them.
///
/// A plan copies no text per machine: the name is the fleet's, the KMS host and MAK names are
/// shared by the machines that use them, and machines with the same reasons share one list.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use volume_activation::{Channel, Fleet};
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::plan::{Hardware, MachineSpec, RecommendedMethod};
///
/// let fleet = Fleet::builder(AgreementProgram::OpenLicense)
///     .machine(MachineSpec::new("pc-1", "windows-11/pro".parse()?, Channel::VolumeGvlk, Hardware::Physical))
///     .build()?;
/// let p = fleet.plan(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
/// let m = &p.machines()[0];
/// assert_eq!(m.name(), "pc-1");
/// assert_eq!(m.method(), RecommendedMethod::MakProxy);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MachinePlan {
    pub(crate) name: Arc<str>,
    pub(crate) sku: Sku,
    pub(crate) channel: Channel,
    pub(crate) method: RecommendedMethod,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(crate) kms_host: Option<Arc<str>>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(crate) mak_key: Option<Arc<str>>,
    pub(crate) reasons: Arc<[Reason]>,
}

impl MachinePlan {
    /// The machine's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The product.
    #[must_use]
    pub fn sku(&self) -> Sku {
        self.sku
    }

    /// The channel installed now (the plan may need another key: see
    /// [`MachinePlan::needs_key_change`]).
    #[must_use]
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// The recommended method.
    #[must_use]
    pub fn method(&self) -> RecommendedMethod {
        self.method
    }

    /// The KMS host, for [`RecommendedMethod::Kms`].
    #[must_use]
    pub fn kms_host(&self) -> Option<&str> {
        self.kms_host.as_deref()
    }

    /// The MAK, for a MAK method when a MAK of the fleet activates the product.
    #[must_use]
    pub fn mak_key(&self) -> Option<&str> {
        self.mak_key.as_deref()
    }

    /// The reasons, in the order the planner applied them.
    #[must_use]
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }

    /// The channel the method needs, where it differs from the installed one: a GVLK for ADBA
    /// and KMS, an AVMA key for AVMA, a MAK for MAK.
    #[must_use]
    pub fn needs_key_change(&self) -> Option<Channel> {
        let needed = match self.method {
            RecommendedMethod::Adba | RecommendedMethod::Kms => Channel::VolumeGvlk,
            RecommendedMethod::Avma => Channel::Avma,
            RecommendedMethod::MakIndependent | RecommendedMethod::MakProxy => Channel::VolumeMak,
            RecommendedMethod::OutsideVolumeActivation => return None,
        };
        (needed != self.channel).then_some(needed)
    }
}
