//! What a capture says about a product's licence at one instant: the start of a lifecycle
//! that was not watched from its installation.

use crate::lifecycle::event::ActivationMethod;
use crate::lifecycle::license_status::LicenseStatus;

/// A product's licence state as a tool printed it at one instant: the status, the time left
/// in the current period (grace, or a KMS / ADBA activation's validity), the status reason,
/// and how it was activated. [`Lifecycle::observed`](crate::Lifecycle::observed) continues a
/// lifecycle from it.
///
/// ```
/// use volume_activation::lifecycle::{LicenseStatus, Observation};
///
/// let o = Observation::new(LicenseStatus::OobGrace).remaining_minutes(43_200);
/// assert_eq!(o.status, LicenseStatus::OobGrace);
/// assert_eq!(o.remaining_minutes, Some(43_200));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Observation {
    /// The licence status.
    pub status: LicenseStatus,
    /// Minutes left in the current period, as printed (WMI `GracePeriodRemaining`, slmgr's
    /// `Time remaining` or `Volume activation expiration`).
    pub remaining_minutes: Option<u64>,
    /// The status reason (an HRESULT), as printed.
    pub reason: Option<u32>,
    /// How a licensed product was activated, when the capture says (a licensed GVLK product
    /// is taken as KMS-activated otherwise; ADBA has the same 180-day validity).
    pub method: Option<ActivationMethod>,
    /// The rearms left, as printed (`Remaining Windows rearm count`); a rearm the capture
    /// does not show is not assumed.
    pub rearms_left: Option<u32>,
}

impl Observation {
    /// An observation of `status` with nothing else known.
    #[must_use]
    pub const fn new(status: LicenseStatus) -> Observation {
        Observation {
            status,
            remaining_minutes: None,
            reason: None,
            method: None,
            rearms_left: None,
        }
    }

    /// The minutes left in the current period.
    #[must_use]
    pub const fn remaining_minutes(mut self, minutes: u64) -> Observation {
        self.remaining_minutes = Some(minutes);
        self
    }

    /// The status reason.
    #[must_use]
    pub const fn reason(mut self, reason: u32) -> Observation {
        self.reason = Some(reason);
        self
    }

    /// How the product was activated.
    #[must_use]
    pub const fn method(mut self, method: ActivationMethod) -> Observation {
        self.method = Some(method);
        self
    }

    /// The rearms left.
    #[must_use]
    pub const fn rearms_left(mut self, rearms: u32) -> Observation {
        self.rearms_left = Some(rearms);
        self
    }
}
