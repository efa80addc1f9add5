//! KMS activation thresholds: 25 for Windows client, 5 for Windows Server and Office.

use crate::catalog::{Confidence, Family, Sku, Source};

/// The KMS activation threshold for a Windows client (25).
///
/// Source: "Clients activate if the count is 25 or higher." — Key Management Services (KMS)
/// activation planning, <https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning>.
pub const CLIENT_THRESHOLD: u32 = 25;

/// The KMS activation threshold for Windows Server and for volume editions of Office (5).
///
/// Source: "Servers and volume editions of Microsoft Office products activate if the count is
/// five or greater." — Key Management Services (KMS) activation planning,
/// <https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning>.
pub const SERVER_AND_OFFICE_THRESHOLD: u32 = 5;

/// The KMS count a product's KMS client needs before the host activates it: 25 for Windows
/// client, 5 for Windows Server, 5 for Office.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::activation_threshold;
///
/// assert_eq!(activation_threshold("windows-11/enterprise".parse::<Sku>()?), 25);
/// assert_eq!(activation_threshold("windows-server-2022/standard".parse::<Sku>()?), 5);
/// assert_eq!(activation_threshold("office-ltsc-2024/professional-plus".parse::<Sku>()?), 5);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub const fn activation_threshold(sku: Sku) -> u32 {
    family_threshold(sku.family())
}

/// The KMS activation threshold of a product family.
#[must_use]
pub const fn family_threshold(family: Family) -> u32 {
    match family {
        Family::Client => CLIENT_THRESHOLD,
        Family::Server | Family::Office => SERVER_AND_OFFICE_THRESHOLD,
    }
}

/// Whether a KMS host reporting `count` activates a KMS client of `sku`: `count >=
/// activation_threshold(sku)`.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::is_threshold_met;
///
/// let win11: Sku = "windows-11/pro".parse()?;
/// assert!(!is_threshold_met(24, win11));
/// assert!(is_threshold_met(25, win11));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub const fn is_threshold_met(count: u32, sku: Sku) -> bool {
    count >= activation_threshold(sku)
}

/// Where the thresholds come from, and how sure the crate is (documented).
#[must_use]
pub const fn threshold_source() -> (Source, Confidence) {
    (Source::KMS_PLANNING, Confidence::Documented)
}

/// Threshold questions asked of the SKU.
impl Sku {
    /// The KMS count this SKU's KMS client needs; the same as [`activation_threshold`].
    ///
    /// ```
    /// use volume_activation::Sku;
    ///
    /// assert_eq!("windows-11/enterprise".parse::<Sku>()?.threshold(), 25);
    /// assert_eq!("office-ltsc-2024/professional-plus".parse::<Sku>()?.threshold(), 5);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub const fn threshold(self) -> u32 {
        activation_threshold(self)
    }

    /// Whether a KMS host reporting `count` activates this SKU's KMS client; the same as
    /// [`is_threshold_met`].
    ///
    /// ```
    /// use volume_activation::Sku;
    ///
    /// let win11: Sku = "windows-11/pro".parse()?;
    /// assert!(!win11.is_threshold_met(24));
    /// assert!(win11.is_threshold_met(25));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub const fn is_threshold_met(self, count: u32) -> bool {
        is_threshold_met(count, self)
    }
}
