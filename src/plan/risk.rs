//! Machines whose licence reaches notification within the plan's horizon.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::catalog::Sku;
use crate::plan::method::RecommendedMethod;

/// Why a machine of the plan reaches notification.
///
/// ```
/// use volume_activation::plan::RiskCause;
///
/// assert_eq!(RiskCause::MakActivationsShort.to_string(), "mak-activations-short");
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
pub enum RiskCause {
    /// Its KMS host reaches the threshold only after the machine's grace period ends.
    #[strum(serialize = "threshold-after-grace")]
    ThresholdAfterGrace,
    /// Its MAK has no activation left for it.
    #[strum(serialize = "mak-activations-short")]
    MakActivationsShort,
    /// No MAK of the fleet activates its product.
    #[strum(serialize = "no-mak-key")]
    NoMakKey,
}

impl RiskCause {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            RiskCause::ThresholdAfterGrace => "KMS threshold reached after the grace period",
            RiskCause::MakActivationsShort => "MAK activations short",
            RiskCause::NoMakKey => "No MAK for the product",
        }
    }

    /// The error for text that is no RiskCause ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("risk cause", s)
    }
}

crate::macros::serde_as_id!(RiskCause);

/// A machine whose licence lifecycle reaches notification within the plan's horizon unless
/// the plan's actions are taken. The instant comes from the lifecycle layer
/// ([`Lifecycle::install`](crate::lifecycle::Lifecycle::install) at the machine's rollout date, then
/// [`Lifecycle::next_transition`](crate::lifecycle::Lifecycle::next_transition)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Risk {
    pub(crate) machine: Arc<str>,
    pub(crate) sku: Sku,
    pub(crate) method: RecommendedMethod,
    pub(crate) online: DateTime<Utc>,
    pub(crate) notification_at: DateTime<Utc>,
    pub(crate) cause: RiskCause,
}

impl Risk {
    /// The machine's name.
    #[must_use]
    pub fn machine(&self) -> &str {
        &self.machine
    }

    /// Its product.
    #[must_use]
    pub fn sku(&self) -> Sku {
        self.sku
    }

    /// Its planned method.
    #[must_use]
    pub fn method(&self) -> RecommendedMethod {
        self.method
    }

    /// When it comes online (its rollout date, or the plan instant).
    #[must_use]
    pub fn online(&self) -> DateTime<Utc> {
        self.online
    }

    /// When it enters notification.
    #[must_use]
    pub fn notification_at(&self) -> DateTime<Utc> {
        self.notification_at
    }

    /// Why.
    #[must_use]
    pub fn cause(&self) -> RiskCause {
        self.cause
    }
}
