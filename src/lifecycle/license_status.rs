//! The WMI `LicenseStatus` values.

use crate::Error;

crate::macros::id_enum! {
    /// A product's licence state, numbered as WMI `SoftwareLicensingProduct.LicenseStatus`
    /// reports it.
    ///
    /// Source: SoftwareLicensingProduct class (SppWmi),
    /// <https://learn.microsoft.com/en-us/previous-versions/windows/desktop/sppwmi/softwarelicensingproduct>:
    /// 0 Unlicensed, 1 Licensed, 2 OOBGrace, 3 OOTGrace, 4 NonGenuineGrace, 5 Notification,
    /// 6 ExtendedGrace. Windows Vista and Windows Server 2008 (SLWmi) define 0 to 5 only.
    ///
    /// Microsoft may add states, so this enum is `#[non_exhaustive]`.
    ///
    /// ```
    /// use volume_activation::LicenseStatus;
    ///
    /// assert_eq!(LicenseStatus::from_wmi(5)?, LicenseStatus::Notification);
    /// assert_eq!(LicenseStatus::OotGrace.wmi(), 3);
    /// assert!(LicenseStatus::from_wmi(7).is_err());
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[non_exhaustive]
    pub enum LicenseStatus: "licence status", "one of unlicensed, licensed, oob-grace, oot-grace, non-genuine-grace, notification, extended-grace" {
        /// 0: Unlicensed.
        Unlicensed => "unlicensed", "Unlicensed",
        /// 1: Licensed (activated).
        Licensed => "licensed", "Licensed",
        /// 2: Out-of-box grace: installed, not yet activated, within the initial grace period.
        OobGrace => "oob-grace", "Initial grace period",
        /// 3: Out-of-tolerance grace: activation expired or hardware changed beyond tolerance.
        OotGrace => "oot-grace", "Additional grace period (KMS license expired or hardware out of tolerance)",
        /// 4: Non-genuine grace.
        NonGenuineGrace => "non-genuine-grace", "Non-genuine grace period",
        /// 5: Notification: grace expired without activation.
        Notification => "notification", "Notification",
        /// 6: Extended grace.
        ExtendedGrace => "extended-grace", "Extended grace period",
    }
}

impl LicenseStatus {
    /// The WMI `LicenseStatus` integer.
    #[must_use]
    pub const fn wmi(self) -> u32 {
        match self {
            LicenseStatus::Unlicensed => 0,
            LicenseStatus::Licensed => 1,
            LicenseStatus::OobGrace => 2,
            LicenseStatus::OotGrace => 3,
            LicenseStatus::NonGenuineGrace => 4,
            LicenseStatus::Notification => 5,
            LicenseStatus::ExtendedGrace => 6,
        }
    }

    /// The state for a WMI `LicenseStatus` integer (SppWmi numbering, 0 to 6).
    ///
    /// # Errors
    ///
    /// When `value` is not 0 to 6.
    pub fn from_wmi(value: i64) -> Result<LicenseStatus, Error> {
        LicenseStatus::ALL
            .iter()
            .copied()
            .find(|s| i64::from(s.wmi()) == value)
            .ok_or_else(|| {
                Error::out_of_range("licence status", value, "a WMI LicenseStatus from 0 to 6")
            })
    }

    /// The state for a Windows Vista / Windows Server 2008 (SLWmi) `LicenseStatus`, which has
    /// no 6.
    ///
    /// # Errors
    ///
    /// When `value` is not 0 to 5.
    pub fn from_wmi_vista(value: i64) -> Result<LicenseStatus, Error> {
        match LicenseStatus::from_wmi(value) {
            Ok(LicenseStatus::ExtendedGrace) | Err(_) => Err(Error::out_of_range(
                "licence status",
                value,
                "a Windows Vista / Server 2008 LicenseStatus from 0 to 5",
            )),
            Ok(s) => Ok(s),
        }
    }
}
