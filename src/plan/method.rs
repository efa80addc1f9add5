//! The activation method the planner recommends for a machine, and the product classes a KMS
//! host counts.

use crate::catalog::Family;
use crate::rules::MakActivationMethod;

/// The activation method the planner recommends for a machine.
///
/// Microsoft may add activation methods, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::plan::RecommendedMethod;
///
/// assert_eq!("mak-proxy".parse::<RecommendedMethod>()?, RecommendedMethod::MakProxy);
/// assert!(RecommendedMethod::MakProxy.is_mak());
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
pub enum RecommendedMethod {
    /// Active Directory-based activation: the domain activates the machine.
    #[strum(serialize = "adba")]
    Adba,
    /// Automatic Virtual Machine Activation: the Datacenter Hyper-V host activates the VM.
    #[strum(serialize = "avma")]
    Avma,
    /// A KMS host of the fleet activates the machine.
    #[strum(serialize = "kms")]
    Kms,
    /// MAK, each computer contacting Microsoft itself.
    #[strum(serialize = "mak-independent")]
    MakIndependent,
    /// MAK through the Volume Activation Management Tool (VAMT).
    #[strum(serialize = "mak-proxy")]
    MakProxy,
    /// Not volume activation: the machine has a retail, OEM, evaluation, subscription or
    /// KMS host key (channel), activated the way that key is.
    #[strum(serialize = "outside-volume-activation")]
    OutsideVolumeActivation,
}

impl RecommendedMethod {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            RecommendedMethod::Adba => "Active Directory-based activation",
            RecommendedMethod::Avma => "Automatic Virtual Machine Activation",
            RecommendedMethod::Kms => "Key Management Service",
            RecommendedMethod::MakIndependent => "MAK independent activation",
            RecommendedMethod::MakProxy => "MAK proxy activation (VAMT)",
            RecommendedMethod::OutsideVolumeActivation => "Outside volume activation",
        }
    }

    /// The error for text that is no RecommendedMethod ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("recommended method", s)
    }
}

crate::macros::serde_as_id!(RecommendedMethod);

impl RecommendedMethod {
    /// The MAK activation method (FAQ: independent or proxy through VAMT), for a MAK method.
    ///
    /// ```
    /// use volume_activation::rules::MakActivationMethod;
    /// use volume_activation::plan::RecommendedMethod;
    ///
    /// assert_eq!(RecommendedMethod::MakProxy.mak_method(), Some(MakActivationMethod::Proxy));
    /// assert_eq!(RecommendedMethod::Kms.mak_method(), None);
    /// ```
    #[must_use]
    pub const fn mak_method(self) -> Option<MakActivationMethod> {
        match self {
            RecommendedMethod::MakIndependent => Some(MakActivationMethod::Independent),
            RecommendedMethod::MakProxy => Some(MakActivationMethod::Proxy),
            RecommendedMethod::Adba
            | RecommendedMethod::Avma
            | RecommendedMethod::Kms
            | RecommendedMethod::OutsideVolumeActivation => None,
        }
    }

    /// Whether the method is a MAK (independent or proxy).
    #[must_use]
    pub const fn is_mak(self) -> bool {
        matches!(
            self,
            RecommendedMethod::MakIndependent | RecommendedMethod::MakProxy
        )
    }
}

/// The product classes a KMS host's projection is given for: Windows client and Windows
/// Server share one count (thresholds 25 and 5), Office has its own (threshold 5).
///
/// ```
/// use volume_activation::Family;
/// use volume_activation::plan::ProductClass;
///
/// assert_eq!(ProductClass::of(Family::Server), ProductClass::WindowsServer);
/// assert_eq!(ProductClass::WindowsClient.threshold(), 25);
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
pub enum ProductClass {
    /// Windows client (threshold 25).
    #[strum(serialize = "windows-client")]
    WindowsClient,
    /// Windows Server (threshold 5).
    #[strum(serialize = "windows-server")]
    WindowsServer,
    /// Volume editions of Office (threshold 5).
    #[strum(serialize = "office")]
    Office,
}

impl ProductClass {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ProductClass::WindowsClient => "Windows client",
            ProductClass::WindowsServer => "Windows Server",
            ProductClass::Office => "Office",
        }
    }

    /// The error for text that is no ProductClass ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("product class", s)
    }
}

crate::macros::serde_as_id!(ProductClass);

impl ProductClass {
    /// The class of a product family.
    #[must_use]
    pub const fn of(family: Family) -> ProductClass {
        match family {
            Family::Client => ProductClass::WindowsClient,
            Family::Server => ProductClass::WindowsServer,
            Family::Office => ProductClass::Office,
        }
    }

    /// The family of the class.
    #[must_use]
    pub const fn family(self) -> Family {
        match self {
            ProductClass::WindowsClient => Family::Client,
            ProductClass::WindowsServer => Family::Server,
            ProductClass::Office => Family::Office,
        }
    }

    /// The KMS activation threshold of the class ([`family_threshold`](crate::rules::family_threshold)).
    #[must_use]
    pub const fn threshold(self) -> u32 {
        crate::rules::family_threshold(self.family())
    }

    /// The position of the class in declaration order (strum's `VariantArray::VARIANTS`).
    pub(crate) const fn index(self) -> usize {
        match self {
            ProductClass::WindowsClient => 0,
            ProductClass::WindowsServer => 1,
            ProductClass::Office => 2,
        }
    }
}
