//! The WMI `LicenseStatus` values.

use crate::error::Error;
use strum::IntoEnumIterator;
use strum::VariantArray;

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
pub enum LicenseStatus {
    /// 0: Unlicensed.
    #[strum(serialize = "unlicensed")]
    Unlicensed,
    /// 1: Licensed (activated).
    #[strum(serialize = "licensed")]
    Licensed,
    /// 2: Out-of-box grace: installed, not yet activated, within the initial grace period.
    #[strum(serialize = "oob-grace")]
    OobGrace,
    /// 3: Out-of-tolerance grace: activation expired or hardware changed beyond tolerance.
    #[strum(serialize = "oot-grace")]
    OotGrace,
    /// 4: Non-genuine grace.
    #[strum(serialize = "non-genuine-grace")]
    NonGenuineGrace,
    /// 5: Notification: grace expired without activation.
    #[strum(serialize = "notification")]
    Notification,
    /// 6: Extended grace.
    #[strum(serialize = "extended-grace")]
    ExtendedGrace,
}

impl LicenseStatus {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            LicenseStatus::Unlicensed => "Unlicensed",
            LicenseStatus::Licensed => "Licensed",
            LicenseStatus::OobGrace => "Initial grace period",
            LicenseStatus::OotGrace => {
                "Additional grace period (KMS license expired or hardware out of tolerance)"
            }
            LicenseStatus::NonGenuineGrace => "Non-genuine grace period",
            LicenseStatus::Notification => "Notification",
            LicenseStatus::ExtendedGrace => "Extended grace period",
        }
    }

    /// The error for text that is no LicenseStatus ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("licence status", s)
    }
}

crate::macros::serde_as_id!(LicenseStatus);

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
        LicenseStatus::VARIANTS
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

/// What the tools print for each state, matched ASCII case-insensitively after trimming.
///
/// - WMI property names (SppWmi `SoftwareLicensingProduct.LicenseStatus`):
///   <https://learn.microsoft.com/en-us/previous-versions/windows/desktop/sppwmi/softwarelicensingproduct>
/// - `slmgr.vbs /dli` and `/dlv` "License Status:" texts (slmgr.vbs display logic, as recorded
///   with the slmgr reference
///   <https://learn.microsoft.com/en-us/windows-server/get-started/activation-slmgr-vbs-options>).
/// - `ospp.vbs /dstatus` "LICENSE STATUS:" texts (the `MSG_*` constants of ospp.vbs, the
///   script described in
///   <https://learn.microsoft.com/en-us/office/volume-license-activation/tools-to-manage-volume-activation-of-office>;
///   read from public copies of the script). Note `---NOTIFICATIONS---` (plural) and
///   `---EXTENDED GRACE---` (a space, not an underscore).
const LENIENT: &[(&str, LicenseStatus)] = &[
    // WMI names.
    ("Unlicensed", LicenseStatus::Unlicensed),
    ("Licensed", LicenseStatus::Licensed),
    ("OOBGrace", LicenseStatus::OobGrace),
    ("OOTGrace", LicenseStatus::OotGrace),
    ("NonGenuineGrace", LicenseStatus::NonGenuineGrace),
    ("Notification", LicenseStatus::Notification),
    ("ExtendedGrace", LicenseStatus::ExtendedGrace),
    // slmgr.vbs.
    ("Initial grace period", LicenseStatus::OobGrace),
    (
        "Additional grace period (KMS license expired or hardware out of tolerance)",
        LicenseStatus::OotGrace,
    ),
    ("Non-genuine grace period", LicenseStatus::NonGenuineGrace),
    ("Extended grace period", LicenseStatus::ExtendedGrace),
    // ospp.vbs.
    ("---UNLICENSED---", LicenseStatus::Unlicensed),
    ("---LICENSED---", LicenseStatus::Licensed),
    ("---OOB_GRACE---", LicenseStatus::OobGrace),
    ("---OOT_GRACE---", LicenseStatus::OotGrace),
    ("---NON_GENUINE_GRACE---", LicenseStatus::NonGenuineGrace),
    ("---NOTIFICATIONS---", LicenseStatus::Notification),
    ("---EXTENDED GRACE---", LicenseStatus::ExtendedGrace),
];

impl LicenseStatus {
    /// How far the status is from Licensed: 0 Licensed, 1 any grace period, 2 Notification,
    /// 3 Unlicensed. With no event, a lifecycle's status never moves to a lower rank as time
    /// passes.
    ///
    /// ```
    /// use volume_activation::LicenseStatus;
    ///
    /// assert!(LicenseStatus::OotGrace.rank() < LicenseStatus::Notification.rank());
    /// ```
    #[must_use]
    pub const fn rank(self) -> u8 {
        match self {
            LicenseStatus::Licensed => 0,
            LicenseStatus::OobGrace
            | LicenseStatus::OotGrace
            | LicenseStatus::NonGenuineGrace
            | LicenseStatus::ExtendedGrace => 1,
            LicenseStatus::Notification => 2,
            LicenseStatus::Unlicensed => 3,
        }
    }

    /// Reads a status as the tools print it, ASCII case-insensitively:
    ///
    /// - the canonical IDs (`oob-grace`) and the WMI integers `0` to `6`;
    /// - the WMI names (`OOBGrace`, `OOTGrace`, `NonGenuineGrace`, `ExtendedGrace`, ...);
    /// - slmgr: `Initial grace period`, `Additional grace period (KMS license expired or
    ///   hardware out of tolerance)`, `Non-genuine grace period.`, `Notification`, `Licensed`,
    ///   `Unlicensed`, `Extended grace period`;
    /// - ospp: `---LICENSED---`, `---OOB_GRACE---`, `---OOT_GRACE---`,
    ///   `---NON_GENUINE_GRACE---`, `---NOTIFICATIONS---`, `---UNLICENSED---`,
    ///   `---EXTENDED GRACE---`;
    ///
    /// optionally after a `License Status:` label, with a trailing period ignored.
    ///
    /// ```
    /// use volume_activation::LicenseStatus;
    ///
    /// assert_eq!(LicenseStatus::parse_lenient("License Status: Initial grace period")?, LicenseStatus::OobGrace);
    /// assert_eq!(LicenseStatus::parse_lenient("LICENSE STATUS:  ---LICENSED--- ")?, LicenseStatus::Licensed);
    /// assert_eq!(LicenseStatus::parse_lenient("3")?, LicenseStatus::OotGrace);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the text names no known state, e.g. `"---UNKNOWN---"` (what ospp prints for a
    /// value it does not know) or `"7"`.
    pub fn parse_lenient(s: &str) -> Result<LicenseStatus, Error> {
        let mut t = s.trim();
        if let Some(rest) = t
            .get(..15)
            .filter(|p| p.eq_ignore_ascii_case("license status:"))
            .and_then(|_| t.get(15..))
        {
            t = rest.trim();
        }
        let t = t.strip_suffix('.').unwrap_or(t).trim();
        // The printed forms first, without building the error a failed strict parse makes
        // (inventory parsers call this once per record).
        if let Some(&(_, v)) = LENIENT
            .iter()
            .find(|(alias, _)| alias.eq_ignore_ascii_case(t))
        {
            return Ok(v);
        }
        if let Some(v) = LicenseStatus::iter().find(|s| s.as_ref().eq_ignore_ascii_case(t)) {
            return Ok(v);
        }
        if let Ok(n) = t.parse::<i64>() {
            return LicenseStatus::from_wmi(n);
        }
        Err(Error::unknown(
            "licence status",
            s,
            "a status as WMI, slmgr or ospp print it, e.g. Licensed, Initial grace period or ---OOB_GRACE---",
        ))
    }
}
