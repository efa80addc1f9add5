//! The activation method the planner recommends for a machine, and the product classes a KMS
//! host counts.

use crate::catalog::Family;
use crate::rules::MakActivationMethod;

crate::macros::id_enum! {
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
    pub enum RecommendedMethod: "recommended method", "one of adba, avma, kms, mak-independent, mak-proxy, outside-volume-activation" {
        /// Active Directory-based activation: the domain activates the machine.
        Adba => "adba", "Active Directory-based activation",
        /// Automatic Virtual Machine Activation: the Datacenter Hyper-V host activates the VM.
        Avma => "avma", "Automatic Virtual Machine Activation",
        /// A KMS host of the fleet activates the machine.
        Kms => "kms", "Key Management Service",
        /// MAK, each computer contacting Microsoft itself.
        MakIndependent => "mak-independent", "MAK independent activation",
        /// MAK through the Volume Activation Management Tool (VAMT).
        MakProxy => "mak-proxy", "MAK proxy activation (VAMT)",
        /// Not volume activation: the machine has a retail, OEM, evaluation, subscription or
        /// KMS host key (channel), activated the way that key is.
        OutsideVolumeActivation => "outside-volume-activation", "Outside volume activation",
    }
}

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

crate::macros::id_enum! {
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
    pub enum ProductClass: "product class", "one of windows-client, windows-server, office" {
        /// Windows client (threshold 25).
        WindowsClient => "windows-client", "Windows client",
        /// Windows Server (threshold 5).
        WindowsServer => "windows-server", "Windows Server",
        /// Volume editions of Office (threshold 5).
        Office => "office", "Office",
    }
}

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

    /// The position of the class in [`ProductClass::ALL`].
    pub(crate) const fn index(self) -> usize {
        match self {
            ProductClass::WindowsClient => 0,
            ProductClass::WindowsServer => 1,
            ProductClass::Office => 2,
        }
    }
}
