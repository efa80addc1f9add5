//! The events that change a machine's licence state.

use std::fmt;

use crate::catalog::Channel;
use crate::rules::mak::MakActivationMethod;
use crate::rules::timing::KmsInterval;

/// How a product was activated.
///
/// Microsoft adds activation methods, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::lifecycle::ActivationMethod;
///
/// assert_eq!(ActivationMethod::Kms.name(), "KMS");
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
pub enum ActivationMethod {
    /// Key Management Service: valid 180 days, renewed.
    #[strum(serialize = "kms")]
    Kms,
    /// Active Directory-based activation: valid 180 days since the last domain contact.
    #[strum(serialize = "adba")]
    Adba,
    /// Multiple Activation Key: permanent until the hardware changes beyond tolerance.
    #[strum(serialize = "mak")]
    Mak,
    /// Automatic Virtual Machine Activation.
    #[strum(serialize = "avma")]
    Avma,
}

impl ActivationMethod {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ActivationMethod::Kms => "KMS",
            ActivationMethod::Adba => "Active Directory-based activation",
            ActivationMethod::Mak => "MAK",
            ActivationMethod::Avma => "AVMA",
        }
    }

    /// The error for text that is no ActivationMethod ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("activation method", s)
    }
}

crate::macros::serde_as_id!(ActivationMethod);

/// Something that happens to a machine and may change its licence state.
///
/// Events are applied with [`Lifecycle::apply`](crate::lifecycle::Lifecycle::apply) in time order.
/// Microsoft may add ways to activate, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::rules::KmsInterval;
/// use volume_activation::lifecycle::Event;
///
/// let e = Event::KmsActivation { renewal_interval: KmsInterval::RENEWAL_DEFAULT };
/// assert_eq!(e.to_string(), "kms-activation");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "event", rename_all = "kebab-case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Event {
    /// A successful KMS activation; the host sends its renewal interval ("When KMS activation
    /// succeeds, the client receives and stores the KMS host's Renewal Interval, and Windows
    /// activates for 180 days").
    KmsActivation {
        /// The renewal interval the KMS host provided.
        renewal_interval: KmsInterval,
    },
    /// A successful KMS renewal: "If it succeeds, the 180-day period is reset."
    KmsRenewal,
    /// A failed KMS renewal or activation attempt. It changes no state ("If it fails, the
    /// system will watch for network changes or other qualifying events to trigger another
    /// attempt"); the validity interval keeps running.
    KmsRenewalFailure,
    /// A successful MAK activation.
    MakActivation {
        /// Independent or proxy ([`MakActivationMethod`]).
        mode: MakActivationMethod,
    },
    /// A successful Active Directory-based activation (or reactivation).
    AdbaActivation,
    /// The machine left the domain (and the computer or the Software Protection service
    /// restarted): "Windows changes the status to Not Activated and the computer tries to
    /// activate with KMS." Microsoft does not say which `LicenseStatus` "Not Activated" is;
    /// the crate reports the out-of-box grace clock started at install or the last rearm
    /// (Notification if it has run out), marked [`Confidence::Unverified`](crate::catalog::Confidence).
    LeaveDomain,
    /// A successful Automatic Virtual Machine Activation.
    AvmaActivation,
    /// `slmgr /rearm` (or `sysprep /generalize`, `ospp.vbs /rearm`): resets the activation
    /// timers and uses one rearm. (Office also "Freezes the grace timer until either an Office
    /// application is run, or the ospp.vbs script is run"; the crate starts the timer at the
    /// rearm.)
    Rearm,
    /// The hardware changed beyond tolerance (`0xC004F00F`).
    HardwareOutOfTolerance,
    /// Windows determined the installation is not genuine.
    NonGenuine,
    /// The evaluation end date passed: "the LicenseStatus property is set to Unlicensed and
    /// cannot be activated."
    EvaluationExpiry,
    /// A new product key was installed (`slmgr /ipk`, `ospp.vbs /inpkey`), e.g. converting a KMS
    /// client to MAK. An activated machine loses its activation with its key; as for
    /// [`Event::LeaveDomain`], the crate then reports the out-of-box grace clock (unverified).
    KeyChange {
        /// The channel of the new key.
        channel: Channel,
    },
}

impl Event {
    /// The event's kebab-case name, as `Display` writes it and error messages quote it.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            Event::KmsActivation { .. } => "kms-activation",
            Event::KmsRenewal => "kms-renewal",
            Event::KmsRenewalFailure => "kms-renewal-failure",
            Event::MakActivation { .. } => "mak-activation",
            Event::AdbaActivation => "adba-activation",
            Event::LeaveDomain => "leave-domain",
            Event::AvmaActivation => "avma-activation",
            Event::Rearm => "rearm",
            Event::HardwareOutOfTolerance => "hardware-out-of-tolerance",
            Event::NonGenuine => "non-genuine",
            Event::EvaluationExpiry => "evaluation-expiry",
            Event::KeyChange { .. } => "key-change",
        }
    }

    /// The activation method this event activates with, if it is a successful activation or
    /// renewal.
    #[must_use]
    pub const fn activation(&self) -> Option<ActivationMethod> {
        match self {
            Event::KmsActivation { .. } | Event::KmsRenewal => Some(ActivationMethod::Kms),
            Event::MakActivation { .. } => Some(ActivationMethod::Mak),
            Event::AdbaActivation => Some(ActivationMethod::Adba),
            Event::AvmaActivation => Some(ActivationMethod::Avma),
            Event::KmsRenewalFailure
            | Event::LeaveDomain
            | Event::Rearm
            | Event::HardwareOutOfTolerance
            | Event::NonGenuine
            | Event::EvaluationExpiry
            | Event::KeyChange { .. } => None,
        }
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
