//! The published timing rules of volume activation: grace periods, validity, renewal and
//! retry intervals, rearm limits. Each is a value with its source and confidence.

use chrono::TimeDelta;
#[cfg(feature = "serde")]
use strum::IntoEnumIterator;

use crate::catalog::{Confidence, Family, Release, Source};
use crate::error::Error;

// ---------------------------------------------------------------------------------------------
// HRESULTs the lifecycle reports as reasons.

/// `SL_E_GRACE_TIME_EXPIRED`: "The grace period expired before the system was activated. Now,
/// the system is in the Notifications state." The reason the lifecycle gives for Notification
/// after a grace period ends.
///
/// Source: <https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes>
pub const HR_GRACE_TIME_EXPIRED: u32 = 0xC004_F009;

/// `SL_E_OUT_OF_TOLERANCE`: "the hardware ID binding is beyond level of tolerance". The reason
/// the lifecycle gives for out-of-tolerance grace after a hardware change.
///
/// Source: <https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes>
pub const HR_OUT_OF_TOLERANCE: u32 = 0xC004_F00F;

/// The non-genuine grace code as Microsoft's error-code pages write it (`0xC004F065`; the SDK
/// defines the informational `0x4004F065`): "The system will continue to run during the
/// Non-Genuine grace period".
///
/// Source: <https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes>
pub const HR_NONGENUINE_GRACE: u32 = 0xC004_F065;

/// `SL_E_NONGENUINE_GRACE_TIME_EXPIRED`: "the non-genuine grace period expired". The reason the
/// lifecycle gives for Notification after non-genuine grace.
///
/// Sources differ: slmgr.vbs labels `0xC004F200` (`SL_E_NOT_GENUINE`) as a "(non-genuine)"
/// notification reason, while the error-code page names `0xC004F064` for the end of the
/// non-genuine grace period; the crate follows the error-code page.
///
/// Source: <https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes>
pub const HR_NONGENUINE_GRACE_EXPIRED: u32 = 0xC004_F064;

/// `SL_REMAPPING_SP_PUB_TS_MAX_REARM_REACHED`: "The maximum allowed number of re-arms has been
/// exceeded. You must re-install the OS before trying to re-arm again". What Windows reports
/// for a rearm with no rearms left; the lifecycle rejects such a rearm with an
/// [`Error`](crate::error::Error) whose message names this code.
///
/// Source: <https://learn.microsoft.com/en-us/troubleshoot/windows-client/setup-upgrade-and-drivers/error-occurs-when-running-sysprep-generalize>
pub const HR_REARM_EXHAUSTED: u32 = 0xC004_D307;

// ---------------------------------------------------------------------------------------------

/// A published duration: its length, where it comes from, and how sure the crate is of it.
///
/// Where Microsoft publishes no length for a release, the crate answers with the documented
/// fallback (usually the generic "typically 30 days") and says so: the confidence is
/// [`Confidence::Unverified`] and [`Timing::note`] explains the choice.
///
/// ```
/// use volume_activation::{Confidence, Release};
/// use volume_activation::rules::{oob_grace, KMS_VALIDITY};
///
/// assert_eq!(KMS_VALIDITY.days(), 180);
/// assert_eq!(KMS_VALIDITY.confidence(), Confidence::Documented);
///
/// let g = oob_grace(Release::Windows11);
/// assert_eq!(g.days(), 30);
/// assert_eq!(g.confidence(), Confidence::Unverified);
/// ```
///
/// With the `serde` feature a timing deserialises only if it is one the crate publishes (its
/// minutes, confidence, source and note all match); a forged record is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Timing {
    minutes: u32,
    confidence: Confidence,
    source: Source,
    note: &'static str,
}

const MINUTES_PER_DAY: u32 = 1440;

impl Timing {
    pub(crate) const fn days_of(
        days: u32,
        confidence: Confidence,
        source: Source,
        note: &'static str,
    ) -> Timing {
        Timing {
            minutes: days.saturating_mul(MINUTES_PER_DAY),
            confidence,
            source,
            note,
        }
    }

    /// The length in minutes (the unit WMI reports).
    #[must_use]
    pub const fn minutes(&self) -> u32 {
        self.minutes
    }

    /// The length in whole days (rounded down).
    #[must_use]
    pub const fn days(&self) -> u32 {
        self.minutes / MINUTES_PER_DAY
    }

    /// The length as a chrono duration.
    #[must_use]
    pub const fn duration(&self) -> TimeDelta {
        TimeDelta::minutes(self.minutes as i64)
    }

    /// How sure the crate is of the length.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// Where the length is published (or, for an unverified length, the source of the fallback).
    #[must_use]
    pub const fn source(&self) -> Source {
        self.source
    }

    /// What the source says, and for an unverified length why the crate chose it.
    #[must_use]
    pub const fn note(&self) -> &'static str {
        self.note
    }
}

/// KMS activation validity: "KMS activations are valid for 180 days".
///
/// Source: <https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning>
pub const KMS_VALIDITY: Timing = Timing::days_of(
    180,
    Confidence::Documented,
    Source::KMS_PLANNING,
    "\"KMS activations are valid for 180 days, a period known as the activation validity interval\"",
);

/// Default KMS renewal interval: "By default, KMS client computers attempt to renew their
/// activation every seven days" (10,080 minutes).
///
/// Source: <https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning>
///
/// Decision (reference conflict 2): Table 8 of the 2012 R2 technical reference prints "15–43,200
/// minutes (30 days—default)" in its range cell, while its value column, "Registry Settings for
/// Volume Activation" and the slmgr reference all give a 10,080-minute (7-day) default; 43,200
/// is the maximum and 7 days the default.
pub const KMS_RENEWAL_DEFAULT: Timing = Timing::days_of(
    7,
    Confidence::Documented,
    Source::KMS_PLANNING,
    "\"By default, KMS client computers attempt to renew their activation every seven days\"; VLRenewalInterval default 10,080 minutes",
);

/// KMS retry while not activated: "If KMS activation fails, the client computer retries every
/// two hours" (VLActivationInterval, 120 minutes by default).
///
/// Source: <https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-10-clients-vamt>
pub const KMS_RETRY: Timing = Timing {
    minutes: 120,
    confidence: Confidence::Documented,
    source: Source::KMS_W10_CLIENTS,
    note: "\"If KMS activation fails, the client computer retries every two hours\"; VLActivationInterval default 120 minutes",
};

/// ADBA activation validity: clients "maintain their activated state for up to 180 days since
/// the last contact with the domain".
///
/// Source: <https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-using-active-directory-based-activation-client>
pub const ADBA_VALIDITY: Timing = Timing::days_of(
    180,
    Confidence::Documented,
    Source::WINDOWS_ADBA,
    "\"maintain their activated state for up to 180 days since the last contact with the domain\"",
);

/// ADBA renewal: "By default, this reactivation event occurs every seven days."
///
/// Source: <https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-using-active-directory-based-activation-client>
pub const ADBA_RENEWAL: Timing = Timing::days_of(
    7,
    Confidence::Documented,
    Source::WINDOWS_ADBA,
    "\"By default, this reactivation event occurs every seven days\"",
);

/// Office 2016 and later: "a 25-day grace period from the time of installation of KMS clients
/// before notifications to activate are displayed to the user".
///
/// Source: <https://learn.microsoft.com/en-us/office/volume-license-activation/rearm-an-office-installation-on-an-image-when-using-kms-to-activate>
pub const OFFICE_NOTIFICATION_FREE: Timing = Timing::days_of(
    25,
    Confidence::Documented,
    Source::OFFICE_REARM,
    "\"There's a 25-day grace period from the time of installation of Key Management Service (KMS) clients before notifications to activate are displayed to the user\"",
);

/// Office 2016 and later: a rearm "Resets the grace timer to 30 days".
///
/// Source: <https://learn.microsoft.com/en-us/office/volume-license-activation/rearm-an-office-installation-on-an-image-when-using-kms-to-activate>
pub const OFFICE_REARM_GRACE: Timing = Timing::days_of(
    30,
    Confidence::Documented,
    Source::OFFICE_REARM,
    "rearming \"Resets the grace timer to 30 days\"",
);

/// The range Windows accepts for the KMS activation (retry) and renewal intervals, in
/// minutes: "The minimum value is 15 minutes, and the maximum is 43,200 minutes (30 days)".
///
/// Source: <https://docs.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/dn502532(v=ws.11)>
/// (and `slmgr /sai`, `/sri`: "must be between 15 minutes and 30 days").
pub const KMS_INTERVAL_MINUTES: std::ops::RangeInclusive<u32> = 15..=43_200;

/// A KMS activation or renewal interval in minutes, within [`KMS_INTERVAL_MINUTES`]
/// (15 to 43,200).
///
/// The KMS host sends its renewal interval to the client with each activation ("When KMS
/// activation succeeds, the client receives and stores the KMS host's Renewal Interval").
///
/// ```
/// use volume_activation::rules::KmsInterval;
///
/// assert_eq!(KmsInterval::RENEWAL_DEFAULT.minutes(), 10_080);
/// assert_eq!(KmsInterval::new(15)?.minutes(), 15);
/// assert_eq!(
///     KmsInterval::new(14).unwrap_err().to_string(),
///     "kms interval 14 is out of range: expected 15 to 43200 minutes",
/// );
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct KmsInterval(u32);

impl KmsInterval {
    /// The default renewal interval, 10,080 minutes (7 days): [`KMS_RENEWAL_DEFAULT`] as an
    /// interval (the one fact, derived here).
    pub const RENEWAL_DEFAULT: KmsInterval = KmsInterval(KMS_RENEWAL_DEFAULT.minutes());

    /// The default activation (retry) interval, 120 minutes: [`KMS_RETRY`] as an interval (the
    /// one fact, derived here).
    pub const ACTIVATION_DEFAULT: KmsInterval = KmsInterval(KMS_RETRY.minutes());

    /// Where the range 15 to 43,200 minutes is published ("Registry Settings for Volume
    /// Activation": "The minimum value is 15 minutes, and the maximum is 43,200 minutes (30
    /// days)").
    pub const RANGE_SOURCE: Source = Source::KMS_REGISTRY_SETTINGS;

    /// An interval of `minutes`.
    ///
    /// # Errors
    ///
    /// When `minutes` is outside 15 to 43,200, e.g. 0, 14 or 43,201.
    pub fn new(minutes: u32) -> Result<KmsInterval, Error> {
        if KMS_INTERVAL_MINUTES.contains(&minutes) {
            Ok(KmsInterval(minutes))
        } else {
            Err(Error::out_of_range(
                "kms interval",
                minutes,
                format!(
                    "{} to {} minutes",
                    KMS_INTERVAL_MINUTES.start(),
                    KMS_INTERVAL_MINUTES.end()
                ),
            ))
        }
    }

    /// The interval in minutes.
    #[must_use]
    pub const fn minutes(self) -> u32 {
        self.0
    }

    /// The interval as a chrono duration.
    #[must_use]
    pub const fn duration(self) -> TimeDelta {
        TimeDelta::minutes(self.0 as i64)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for KmsInterval {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m = <u32 as serde::Deserialize>::deserialize(d)?;
        KmsInterval::new(m).map_err(serde::de::Error::custom)
    }
}

const fn is_office_2016_or_later(release: Release) -> bool {
    matches!(
        release,
        Release::Office2016
            | Release::Office2019
            | Release::OfficeLtsc2021
            | Release::OfficeLtsc2024
    )
}

/// The out-of-box (initial) grace period of a release: how long after installation (or a
/// rearm) the product runs before notification mode, if it is not activated.
///
/// - Windows 7, Windows Server 2008 R2: 30 days, documented ("The length of a grace period is
///   30 days for either the client or server operating system").
/// - Office 2016 and later: 25 days before notifications, documented.
/// - Every other release: UNVERIFIED; Microsoft publishes only "The activation grace period is
///   typically 30 days" (SkipRearm) and "the 30-day out-of-the-box grace period" (KMS
///   troubleshooting, 2025), and the Windows 8.1 / Server 2012 R2 policy table says "Not
///   available". The crate answers 30 days (25 for Office 2010 / 2013, the Office 2016+
///   figure), marked [`Confidence::Unverified`]. A non-Microsoft source says 60 days for Windows
///   Server 2008; the crate does not use it.
///
/// ```
/// use volume_activation::{Confidence, Release};
/// use volume_activation::rules::oob_grace;
///
/// assert_eq!(oob_grace(Release::Windows7).confidence(), Confidence::Documented);
/// assert_eq!(oob_grace(Release::Office2019).days(), 25);
/// assert_eq!(oob_grace(Release::WindowsServer2008).confidence(), Confidence::Unverified);
/// ```
#[must_use]
pub const fn oob_grace(release: Release) -> Timing {
    use Release::*;
    match release {
        Windows7 | WindowsServer2008R2 => Timing::days_of(
            30,
            Confidence::Documented,
            Source::W7_LICENSING_CONDITIONS,
            "\"The length of a grace period is 30 days for either the client or server operating system\"",
        ),
        WindowsVista => Timing::days_of(
            30,
            Confidence::Unverified,
            Source::KB925582,
            "KB925582 (read via a mirror): reduced functionality mode if \"You do not activate Windows Vista within 30 days after you install Windows Vista\"",
        ),
        WindowsServer2008 | SmallBusinessServer2008 => Timing::days_of(
            30,
            Confidence::Unverified,
            Source::SKIPREARM,
            "UNVERIFIED: no Microsoft length found (a non-Microsoft page says 60 days for Windows Server 2008); fallback \"The activation grace period is typically 30 days\"",
        ),
        SmallBusinessServer2011 => Timing::days_of(
            30,
            Confidence::Unverified,
            Source::W7_LICENSING_CONDITIONS,
            "UNVERIFIED: not stated for Small Business Server 2011; fallback the Windows Server 2008 R2 figure of 30 days",
        ),
        Windows8 | Windows81 | Windows10 | Windows10Ltsb2015 | Windows10Ltsb2016
        | Windows10Ltsc2019 | Windows11 | Windows10Ltsc2021 | Windows11Ltsc2024
        | WindowsServer2012 | WindowsServer2012R2 | WindowsServer2016 | WindowsServer1709
        | WindowsServer1803 | WindowsServer2019 | WindowsServerSac | WindowsServer2022
        | WindowsServer2025 => Timing::days_of(
            30,
            Confidence::Unverified,
            Source::KMS_TROUBLESHOOTING,
            "UNVERIFIED per release: Microsoft publishes only \"the 30-day out-of-the-box grace period\" (KMS troubleshooting) and \"typically 30 days\" (SkipRearm); the 8.1 / 2012 R2 policy table says \"Not available\"",
        ),
        Office2016 | Office2019 | OfficeLtsc2021 | OfficeLtsc2024 => OFFICE_NOTIFICATION_FREE,
        Office2010 | Office2013 => Timing::days_of(
            25,
            Confidence::Unverified,
            Source::OFFICE_REARM,
            "UNVERIFIED: no Microsoft page for Office 2010 / 2013 read; fallback the Office 2016+ 25-day notification-free period",
        ),
    }
}

/// The grace period a rearm starts: [`OFFICE_REARM_GRACE`] (30 days) for Office 2016 and
/// later, otherwise the release's [`oob_grace`] ("/rearm resets the activation timers").
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::rearm_grace;
///
/// assert_eq!(rearm_grace(Release::Office2016).days(), 30);
/// assert_eq!(rearm_grace(Release::Windows7).days(), 30);
/// ```
#[must_use]
pub const fn rearm_grace(release: Release) -> Timing {
    if is_office_2016_or_later(release) {
        OFFICE_REARM_GRACE
    } else {
        oob_grace(release)
    }
}

/// The out-of-tolerance grace period after a KMS or ADBA activation expires without renewal,
/// before notification mode. (A hardware change beyond tolerance is another trigger:
/// [`hardware_oot_grace`].)
///
/// - Office 2016 and later: 30 days, documented ("Office goes into the out-of-tolerance state
///   for 30 days").
/// - Windows: UNVERIFIED. The Windows 7 timing page confirms the state ("If 180 days passes
///   without successful reactivation, the client transitions into Out of Tolerance (OOT)
///   Grace") but its length sentence was not readable; the 8.1 / 2012 R2 policy table says "Not
///   available". The crate answers 30 days: the Vista volume "reactivation grace period is 30
///   days" (KB925582, via a mirror; its "210 days" is 180 + 30), marked
///   [`Confidence::Unverified`].
///
/// ```
/// use volume_activation::{Confidence, Release};
/// use volume_activation::rules::oot_grace;
///
/// assert_eq!(oot_grace(Release::Office2019).confidence(), Confidence::Documented);
/// assert_eq!(oot_grace(Release::Windows10).days(), 30);
/// assert_eq!(oot_grace(Release::Windows10).confidence(), Confidence::Unverified);
/// ```
#[must_use]
pub const fn oot_grace(release: Release) -> Timing {
    if is_office_2016_or_later(release) {
        return Timing::days_of(
            30,
            Confidence::Documented,
            Source::OFFICE_ACTIVATE_BY_KMS,
            "\"If activation doesn't occur during the 180-day period, Office goes into the out-of-tolerance state for 30 days\"",
        );
    }
    match release.family() {
        Family::Office => Timing::days_of(
            30,
            Confidence::Unverified,
            Source::OFFICE_ACTIVATE_BY_KMS,
            "UNVERIFIED for Office 2010 / 2013: fallback the Office 2016+ out-of-tolerance length of 30 days",
        ),
        Family::Client | Family::Server => Timing::days_of(
            30,
            Confidence::Unverified,
            Source::W7_KMS_TIMING,
            "UNVERIFIED: Microsoft confirms the OOT grace state after 180 days without renewal but no length was readable; fallback the Vista volume \"reactivation grace period is 30 days\" (KB925582, via a mirror)",
        ),
    }
}

/// The out-of-tolerance grace period after a hardware change beyond tolerance
/// (`0xC004F00F`), before notification mode. UNVERIFIED for every release: Microsoft
/// documents the out-of-tolerance length only for a lapsed KMS activation ([`oot_grace`]; for
/// Office 2016 and later "Office goes into the out-of-tolerance state for 30 days" after the
/// 180-day period), not for a hardware change. The crate answers the same 30-day fallback,
/// marked [`Confidence::Unverified`]. For Windows the only hardware wording found is Vista's
/// KB925582 (via a mirror): "You do not activate Windows Vista within 30 days after you replace
/// the hard disk drive".
///
/// ```
/// use volume_activation::{Confidence, Release};
/// use volume_activation::rules::{hardware_oot_grace, oot_grace};
///
/// let g = hardware_oot_grace(Release::Office2019);
/// assert_eq!(g.days(), 30);
/// assert_eq!(g.confidence(), Confidence::Unverified);
/// assert_eq!(oot_grace(Release::Office2019).confidence(), Confidence::Documented);
/// ```
#[must_use]
pub const fn hardware_oot_grace(release: Release) -> Timing {
    match release.family() {
        Family::Office => Timing::days_of(
            30,
            Confidence::Unverified,
            Source::OFFICE_ACTIVATE_BY_KMS,
            "UNVERIFIED: Microsoft documents the Office out-of-tolerance 30 days only after a 180-day KMS lapse, not after a hardware change; fallback that length",
        ),
        Family::Client | Family::Server => Timing::days_of(
            30,
            Confidence::Unverified,
            Source::KB925582,
            "UNVERIFIED: no current Microsoft length after a hardware change; Windows Vista (KB925582, via a mirror): \"You do not activate Windows Vista within 30 days after you replace the hard disk drive\"",
        ),
    }
}

/// The non-genuine grace period: after Windows determines the system is not genuine, before
/// notification mode. UNVERIFIED for every release: the only length found is "a 30-day
/// Non-Genuine state grace period" in a mirror of the Volume Activation 2.0 Operations Guide
/// (Vista SP1 / Server 2008); current error-code pages name "the Non-Genuine grace period"
/// without a length. The crate answers 30 days, marked [`Confidence::Unverified`].
///
/// ```
/// use volume_activation::{Confidence, Release};
/// use volume_activation::rules::non_genuine_grace;
///
/// assert_eq!(non_genuine_grace(Release::Windows11).days(), 30);
/// assert_eq!(non_genuine_grace(Release::Windows11).confidence(), Confidence::Unverified);
/// ```
#[must_use]
pub const fn non_genuine_grace(release: Release) -> Timing {
    // The same (unverified) figure for every release.
    let _ = release;
    Timing::days_of(
        30,
        Confidence::Unverified,
        Source::VA2_OPERATIONS_GUIDE,
        "UNVERIFIED: \"the computer can be placed in a 30-day Non-Genuine state grace period\" (Volume Activation 2.0 Operations Guide, via a mirror); no later length found",
    )
}

/// What a product shows when a grace period ends without activation.
///
/// A closed set the crate owns (Microsoft replaced the first with the second), so
/// exhaustive.
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::{ExpiryMode, expiry_mode};
///
/// assert_eq!(expiry_mode(Release::WindowsVista, true), ExpiryMode::ReducedFunctionality);
/// assert_eq!(expiry_mode(Release::WindowsVista, false), ExpiryMode::Notification);
/// assert_eq!(expiry_mode(Release::Windows11, false), ExpiryMode::Notification);
/// assert_eq!("reduced-functionality".parse::<ExpiryMode>()?, ExpiryMode::ReducedFunctionality);
/// # Ok::<(), volume_activation::Error>(())
/// ```
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
pub enum ExpiryMode {
    /// Notification mode: the product keeps working and reminds the user (from Windows
    /// Vista SP1 and Windows Server 2008 on).
    #[strum(serialize = "notification")]
    Notification,
    /// Reduced functionality mode (Windows Vista before SP1 only): e.g. one-hour sessions
    /// (KB925582, via a mirror).
    #[strum(serialize = "reduced-functionality")]
    ReducedFunctionality,
}

impl ExpiryMode {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ExpiryMode::Notification => "Notification mode",
            ExpiryMode::ReducedFunctionality => "Reduced functionality mode",
        }
    }

    /// The error for text that is no ExpiryMode ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("expiry mode", s)
    }
}

crate::macros::serde_as_id!(ExpiryMode);

/// The expiry behaviour of a release: reduced functionality mode for Windows Vista RTM
/// (`vista_rtm` true, before SP1), notification mode otherwise ("In Windows Vista SP1 and
/// Windows Server 2008, RFM is removed from the product and replaced with a
/// notifications-based experience" — Volume Activation 2.0 Operations Guide, via a mirror).
///
/// `vista_rtm` is ignored for every release other than Windows Vista.
///
/// Sources: the Volume Activation 2.0 Operations Guide, p. 15, read via a mirror
/// (<http://office.manualsonline.com/manuals/mfg/microsoft_1/2.html?p=15>; the TechNet page
/// cc308698 has a "Notifications vs. RFM" section whose text was not visible), and
/// <https://support.microsoft.com/kb/925582> (via a mirror).
#[must_use]
pub const fn expiry_mode(release: Release, vista_rtm: bool) -> ExpiryMode {
    match (release, vista_rtm) {
        (Release::WindowsVista, true) => ExpiryMode::ReducedFunctionality,
        _ => ExpiryMode::Notification,
    }
}

/// How many times a release can be rearmed, with its source and confidence.
///
/// ```
/// use volume_activation::{Confidence, Release};
/// use volume_activation::rules::rearm_limit;
///
/// let w7 = rearm_limit(Release::Windows7);
/// assert_eq!(w7.count(), 3);
/// assert_eq!(w7.confidence(), Confidence::Documented);
///
/// let w11 = rearm_limit(Release::Windows11);
/// assert_eq!(w11.count(), 1000); // the newest documented limit, as a fallback
/// assert_eq!(w11.confidence(), Confidence::Unverified);
///
/// assert!(rearm_limit(Release::Office2016).extra_after_kms());
/// ```
///
/// With the `serde` feature a rearm limit deserialises only if it is one [`rearm_limit`]
/// returns; a forged record is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RearmLimit {
    count: u32,
    extra_after_kms: bool,
    confidence: Confidence,
    source: Source,
    note: &'static str,
}

impl RearmLimit {
    /// The number of rearms a fresh installation has.
    #[must_use]
    pub const fn count(&self) -> u32 {
        self.count
    }

    /// Whether a KMS (or ADBA) activation grants one more rearm when none are left (Office
    /// 2016 and later: "If you run out of rearms, activating by using a KMS host computer lets
    /// you rearm once").
    #[must_use]
    pub const fn extra_after_kms(&self) -> bool {
        self.extra_after_kms
    }

    /// How sure the crate is of the count.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// Where the count is published (or the source of the fallback).
    #[must_use]
    pub const fn source(&self) -> Source {
        self.source
    }

    /// What the source says, and for an unverified count why the crate chose it.
    #[must_use]
    pub const fn note(&self) -> &'static str {
        self.note
    }
}

/// The rearm limit of a release.
///
/// - Windows Vista, Windows 7: 3, documented ("in Windows 7 and Windows Vista, there is a limit
///   to the number of times Windows can be rearmed. Typically, a system can be rearmed only 3
///   times"). Conflicts recorded: the Windows 7 "Manage the Activation Clock" page says a KMS
///   client can "rearm the activation clock an unlimited number of times", and a mirror of the
///   VA 2.0 Operations Guide says Vista SP1 Enterprise can be reset five times; the crate follows
///   the SkipRearm reference (3).
/// - Windows Server 2008 / 2008 R2 (and SBS 2008 / 2011): 3, UNVERIFIED (the VA 2.0
///   Operations Guide, via a mirror, says three for Windows Server 2008; the Sysprep page gives
///   3 Sysprep runs for both).
/// - Windows 8.1, Windows Server 2012 R2: 1000, documented (Table 8, "Rearm limit | 1000").
/// - Windows 8, Windows Server 2012: 1000, UNVERIFIED (the `/dlv` example on build 9200 of
///   "Configure a KMS host computer to activate volume licensed versions of Office" shows
///   "Remaining Windows rearm count: 1000"; cited as that page).
/// - Windows 10, 11 and Server 2016 and later: UNVERIFIED; Microsoft says only "In Windows 8,
///   the Windows licensing state can be reset repeatedly". The crate answers the newest
///   documented limit, 1000 (Windows 8.1 / Server 2012 R2).
/// - Office 2016 and later: 5, plus one after a KMS activation, documented ("You can rearm five
///   times, unless you activate Office by using a KMS host computer").
/// - Office 2010 / 2013: 5, UNVERIFIED (non-Microsoft sources for Office 2010).
#[must_use]
pub const fn rearm_limit(release: Release) -> RearmLimit {
    use Release::*;
    const fn r(
        count: u32,
        confidence: Confidence,
        source: Source,
        note: &'static str,
    ) -> RearmLimit {
        RearmLimit {
            count,
            extra_after_kms: false,
            confidence,
            source,
            note,
        }
    }
    match release {
        WindowsVista | Windows7 => r(
            3,
            Confidence::Documented,
            Source::SKIPREARM,
            "\"in Windows 7 and Windows Vista, there is a limit to the number of times Windows can be rearmed. Typically, a system can be rearmed only 3 times\"",
        ),
        WindowsServer2008
        | SmallBusinessServer2008
        | WindowsServer2008R2
        | SmallBusinessServer2011 => r(
            3,
            Confidence::Unverified,
            Source::VA2_OPERATIONS_GUIDE,
            "UNVERIFIED: \"The maximum number of possible resets for Windows Vista Business and Windows Server 2008 is three\" (VA 2.0 Operations Guide, via a mirror)",
        ),
        Windows81 | WindowsServer2012R2 => r(
            1000,
            Confidence::Documented,
            Source::KMS_TABLE8_2012R2,
            "\"Rearm limit | 1000 | 1000 | Not configurable\"",
        ),
        Windows8 | WindowsServer2012 => r(
            1000,
            Confidence::Unverified,
            Source::OFFICE_KMS_HOST,
            "UNVERIFIED: a Microsoft /dlv example on build 9200 shows \"Remaining Windows rearm count: 1000\"; the 8.1 / 2012 R2 limit is 1000",
        ),
        Windows10 | Windows10Ltsb2015 | Windows10Ltsb2016 | Windows10Ltsc2019 | Windows11
        | Windows10Ltsc2021 | Windows11Ltsc2024 | WindowsServer2016 | WindowsServer1709
        | WindowsServer1803 | WindowsServer2019 | WindowsServerSac | WindowsServer2022
        | WindowsServer2025 => r(
            1000,
            Confidence::Unverified,
            Source::KMS_TABLE8_2012R2,
            "UNVERIFIED: no Microsoft rearm limit published; fallback the newest documented limit (Windows 8.1 / Server 2012 R2: 1000)",
        ),
        Office2016 | Office2019 | OfficeLtsc2021 | OfficeLtsc2024 => RearmLimit {
            count: 5,
            extra_after_kms: true,
            confidence: Confidence::Documented,
            source: Source::OFFICE_REARM,
            note: "\"You can rearm five times, unless you activate Office by using a KMS host computer. If you run out of rearms, activating by using a KMS host computer lets you rearm once.\"",
        },
        Office2010 | Office2013 => r(
            5,
            Confidence::Unverified,
            Source::OFFICE_REARM,
            "UNVERIFIED: no Microsoft figure for Office 2010 / 2013; fallback the Office 2016+ count of 5",
        ),
    }
}

/// Every timing the crate publishes: the constants and the per-release answers.
#[cfg(feature = "serde")]
fn known_timings() -> impl Iterator<Item = Timing> {
    [
        KMS_VALIDITY,
        KMS_RENEWAL_DEFAULT,
        KMS_RETRY,
        ADBA_VALIDITY,
        ADBA_RENEWAL,
        OFFICE_NOTIFICATION_FREE,
        OFFICE_REARM_GRACE,
        crate::rules::kms_count::KMS_COUNT_WINDOW,
    ]
    .into_iter()
    .chain(Release::iter().flat_map(|r| {
        [
            oob_grace(r),
            oot_grace(r),
            hardware_oot_grace(r),
            rearm_grace(r),
            non_genuine_grace(r),
        ]
    }))
}

/// The serialised form of [`Timing`].
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TimingRepr {
    minutes: u32,
    confidence: Confidence,
    source: Source,
    note: String,
}

/// The published value `is` picks out of `known`, or an error naming `what` and quoting `note`.
#[cfg(feature = "serde")]
fn published<T, E: serde::de::Error>(
    mut known: impl Iterator<Item = T>,
    is: impl Fn(&T) -> bool,
    what: &'static str,
    note: &str,
) -> Result<T, E> {
    known.find(is).ok_or_else(|| {
        E::custom(Error::invalid(
            what,
            note,
            format!("a {what} the crate publishes (its value, confidence, source and note)"),
        ))
    })
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Timing {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = TimingRepr::deserialize(d)?;
        let fields = (r.minutes, r.confidence, r.source, r.note.as_str());
        published(
            known_timings(),
            |t| (t.minutes, t.confidence, t.source, t.note) == fields,
            "timing",
            &r.note,
        )
    }
}

/// The serialised form of [`RearmLimit`].
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RearmLimitRepr {
    count: u32,
    extra_after_kms: bool,
    confidence: Confidence,
    source: Source,
    note: String,
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for RearmLimit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = RearmLimitRepr::deserialize(d)?;
        let fields = (
            r.count,
            r.extra_after_kms,
            r.confidence,
            r.source,
            r.note.as_str(),
        );
        published(
            Release::iter().map(rearm_limit),
            |l| (l.count, l.extra_after_kms, l.confidence, l.source, l.note) == fields,
            "rearm limit",
            &r.note,
        )
    }
}
