//! Agreement-program rules: how keys are delivered per program, the rights every program
//! grants (reimaging, downgrade, evaluation, training and back-up copies), downgrade keys, setup
//! keys, KMS host-key limits, Office keys across architectures, keys across Licensing IDs, and
//! Small Business Server 2011 / 2008.
//!
//! Most rules come from Microsoft's Volume Licensing product activation FAQ (publication
//! 06/2018, [`Source::VL_FAQ`]); each answer is a [`Cited`] value naming its source, its
//! confidence and the passage it rests on. Where the FAQ is silent the answer is
//! "undocumented", never a guess.

use crate::catalog::{
    AgreementProgram, Channel, Confidence, Edition, Family, ProductPool, Release, Sku, Source,
};
use crate::error::Error;
use crate::rules::cited::Cited;
use strum::VariantArray;

const FAQ: Source = Source::VL_FAQ;
const DOC: Confidence = Confidence::Documented;

/// How a program's customers receive their volume licence keys.
///
/// Microsoft changes its portals (keys now also surface in the Microsoft 365 admin
/// center), so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::rules::{key_delivery, KeyDelivery};
///
/// assert_eq!(key_delivery(AgreementProgram::OpenValue).value(), KeyDelivery::PerPurchase);
/// assert_eq!(key_delivery(AgreementProgram::Hvms).value(), KeyDelivery::ActivationCenterOnly);
/// assert_eq!(key_delivery(AgreementProgram::Csp).value(), KeyDelivery::Undocumented);
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
pub enum KeyDelivery {
    /// Keys per product pool (systems, servers, applications), listed in the VLSC for each
    /// Licensing ID.
    #[strum(serialize = "per-product-pool")]
    PerProductPool,
    /// Keys based on the licence purchase, listed in the VLSC for each Licensing ID.
    #[strum(serialize = "per-purchase")]
    PerPurchase,
    /// Keys on the VLSC Product Keys page; how they are grouped is not published.
    #[strum(serialize = "vlsc-product-keys")]
    VlscProductKeys,
    /// Keys are not in the VLSC: they are requested by calling the Microsoft Activation
    /// Center.
    #[strum(serialize = "activation-center-only")]
    ActivationCenterOnly,
    /// Microsoft's activation FAQ and planning pages do not say.
    #[strum(serialize = "undocumented")]
    Undocumented,
}

impl KeyDelivery {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            KeyDelivery::PerProductPool => "Keys per product pool (systems, servers, applications)",
            KeyDelivery::PerPurchase => "Keys based on the licence purchase",
            KeyDelivery::VlscProductKeys => "Keys on the VLSC Product Keys page",
            KeyDelivery::ActivationCenterOnly => "Keys only from the Microsoft Activation Center",
            KeyDelivery::Undocumented => "Undocumented",
        }
    }

    /// The error for text that is no KeyDelivery ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("key delivery", s)
    }
}

crate::macros::serde_as_id!(KeyDelivery);

impl KeyDelivery {
    /// Whether keys are listed in the Volume Licensing Service Center (VLSC): `Some(true)`
    /// for the VLSC deliveries, `Some(false)` for Activation-Center-only, `None` when
    /// undocumented.
    #[must_use]
    pub const fn in_vlsc(self) -> Option<bool> {
        match self {
            KeyDelivery::PerProductPool
            | KeyDelivery::PerPurchase
            | KeyDelivery::VlscProductKeys => Some(true),
            KeyDelivery::ActivationCenterOnly => Some(false),
            KeyDelivery::Undocumented => None,
        }
    }

    /// The product pools keys are delivered per: all three (systems, servers, applications)
    /// for [`KeyDelivery::PerProductPool`], none otherwise.
    ///
    /// ```
    /// use volume_activation::catalog::{AgreementProgram, ProductPool};
    /// use volume_activation::rules::key_delivery;
    ///
    /// let pools = key_delivery(AgreementProgram::SelectLicense).value().pools();
    /// assert_eq!(pools, &[ProductPool::Systems, ProductPool::Servers, ProductPool::Applications][..]);
    /// assert!(key_delivery(AgreementProgram::OpenLicense).value().pools().is_empty());
    /// ```
    #[must_use]
    pub const fn pools(self) -> &'static [ProductPool] {
        match self {
            KeyDelivery::PerProductPool => ProductPool::VARIANTS,
            KeyDelivery::PerPurchase
            | KeyDelivery::VlscProductKeys
            | KeyDelivery::ActivationCenterOnly
            | KeyDelivery::Undocumented => &[],
        }
    }
}

/// How customers of `program` receive their volume licence keys.
///
/// - Enterprise Agreement, Select License, Select Plus: per product pool (systems, servers,
///   applications) — FAQ, "How does Microsoft determine which product keys are associated with
///   my agreement(s)?".
/// - Open License, Open Value: "based on their license purchase" — same FAQ answer.
/// - HVMS and ISV Royalty: not through the VLSC; by calling the Microsoft Activation Center —
///   FAQ, "If I'm a HVMS or ISVR partner, where can I get my keys?".
/// - SPLA: the VLSC Product Keys page ("Plan for volume activation" lists "Services Provider
///   License"); the grouping is not published.
/// - MPSA, Open Value Subscription, Campus, School, CSP: the FAQ does not say — undocumented.
///
/// ```
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::rules::{key_delivery, KeyDelivery};
///
/// let ea = key_delivery(AgreementProgram::EnterpriseAgreement);
/// assert_eq!(ea.value(), KeyDelivery::PerProductPool);
/// assert_eq!(ea.value().in_vlsc(), Some(true));
/// assert_eq!(key_delivery(AgreementProgram::IsvRoyalty).value().in_vlsc(), Some(false));
/// ```
#[must_use]
pub const fn key_delivery(program: AgreementProgram) -> Cited<KeyDelivery> {
    use AgreementProgram as P;
    match program {
        P::EnterpriseAgreement => Cited::new(
            KeyDelivery::PerProductPool,
            FAQ,
            DOC,
            "Enterprise Agreement customers receive keys per product pool (systems, servers, applications).",
        ),
        P::SelectLicense => Cited::new(
            KeyDelivery::PerProductPool,
            FAQ,
            DOC,
            "Select License customers receive keys per product pool (systems, servers, applications).",
        ),
        P::SelectPlus => Cited::new(
            KeyDelivery::PerProductPool,
            FAQ,
            DOC,
            "Select Plus customers receive keys per product pool (systems, servers, applications).",
        ),
        P::OpenLicense | P::OpenValue => Cited::new(
            KeyDelivery::PerPurchase,
            FAQ,
            DOC,
            "Open License and Open Value customers receive applicable keys based on their license purchase.",
        ),
        P::Hvms | P::IsvRoyalty => Cited::new(
            KeyDelivery::ActivationCenterOnly,
            FAQ,
            DOC,
            "the keys aren’t available through the VLSC; you must request them by calling your Microsoft Activation Center.",
        ),
        P::Spla => Cited::new(
            KeyDelivery::VlscProductKeys,
            Source::PLAN_VA_CLIENT,
            DOC,
            "Go to the Product Keys section of the Volume Licensing Service Center for the following agreements: Open, Open Value, Select, Enterprise, and Services Provider License",
        ),
        P::Mpsa | P::OpenValueSubscription | P::Campus | P::School | P::Csp => Cited::new(
            KeyDelivery::Undocumented,
            FAQ,
            Confidence::Unverified,
            "the FAQ names key delivery only for Enterprise Agreement, Select License, Select Plus, Open License, Open Value, HVMS and ISV Royalty",
        ),
    }
}

/// The product pool a SKU's keys belong to, for the programs that deliver keys per pool
/// ([`KeyDelivery::PerProductPool`]): Windows client → systems, Windows Server → servers,
/// Office → applications.
///
/// The FAQ names the pools ("systems, servers, applications") but not their membership; the
/// mapping by family is not published by Microsoft, so the answer is
/// [`Confidence::Unverified`].
///
/// ```
/// use volume_activation::{Confidence, Sku};
/// use volume_activation::catalog::ProductPool;
/// use volume_activation::rules::product_pool;
///
/// let pool = product_pool("windows-server-2022/standard".parse::<Sku>()?);
/// assert_eq!(pool.value(), ProductPool::Servers);
/// assert_eq!(pool.confidence(), Confidence::Unverified);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub const fn product_pool(sku: Sku) -> Cited<ProductPool> {
    const PASSAGE: &str =
        "keys per product pool (systems, servers, applications); pool membership is not published";
    let pool = match sku.family() {
        Family::Client => ProductPool::Systems,
        Family::Server => ProductPool::Servers,
        Family::Office => ProductPool::Applications,
    };
    Cited::new(pool, FAQ, Confidence::Unverified, PASSAGE)
}

/// A use right attached to volume licence keys by an agreement program.
///
/// ```
/// use volume_activation::rules::ProgramRight;
///
/// assert_eq!("training-and-backup-copies".parse::<ProgramRight>()?, ProgramRight::TrainingAndBackupCopies);
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
pub enum ProgramRight {
    /// Reimaging OEM or full packaged product licensed copies with Volume Licensing media.
    #[strum(serialize = "reimaging")]
    Reimaging,
    /// Using keys for an earlier version (downgrade).
    #[strum(serialize = "downgrade")]
    Downgrade,
    /// Evaluation rights.
    #[strum(serialize = "evaluation")]
    Evaluation,
    /// Limited software copies for training and back-up.
    #[strum(serialize = "training-and-backup-copies")]
    TrainingAndBackupCopies,
}

impl ProgramRight {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ProgramRight::Reimaging => "Reimaging rights",
            ProgramRight::Downgrade => "Downgrade rights",
            ProgramRight::Evaluation => "Evaluation rights",
            ProgramRight::TrainingAndBackupCopies => "Limited copies for training and back-up",
        }
    }

    /// The error for text that is no ProgramRight ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("program right", s)
    }
}

crate::macros::serde_as_id!(ProgramRight);

/// Whether a program grants a right, as far as Microsoft's text says.
///
/// ```
/// use volume_activation::rules::Entitlement;
///
/// assert_eq!(Entitlement::Granted.to_string(), "granted");
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
pub enum Entitlement {
    /// Microsoft's text grants the right.
    #[strum(serialize = "granted")]
    Granted,
    /// Microsoft's text does not say (it is not a "no").
    #[strum(serialize = "undocumented")]
    Undocumented,
}

impl Entitlement {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Entitlement::Granted => "Granted",
            Entitlement::Undocumented => "Undocumented",
        }
    }

    /// The error for text that is no Entitlement ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("entitlement", s)
    }
}

crate::macros::serde_as_id!(Entitlement);

/// Whether `program` grants `right`.
///
/// FAQ, "How does Microsoft determine which product keys are associated with my
/// agreement(s)?": "All customers have the right to use keys for reimaging and downgrade.
/// Enterprise Agreement, Select License, and Select Plus customers are also provided with
/// evaluation rights and limited software copies for training and back-up."
///
/// Reimaging and downgrade are granted for every Volume Licensing program: documented for
/// the programs the FAQ names (Enterprise Agreement, Select License, Select Plus, Open
/// License, Open Value, Campus, School, SPLA, ISV Royalty, HVMS), derived from "All customers"
/// for the Volume Licensing programs it never names (MPSA, Open Value Subscription). CSP is a
/// cloud partner program, not a Volume Licensing agreement the FAQ speaks of, so its answer is
/// undocumented. Evaluation rights and training/back-up copies are named only for EA, Select
/// License and Select Plus; for the other programs the FAQ is silent (undocumented, not "no").
///
/// ```
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::rules::{program_right, Entitlement, ProgramRight};
///
/// assert_eq!(program_right(AgreementProgram::OpenLicense, ProgramRight::Reimaging).value(), Entitlement::Granted);
/// assert_eq!(program_right(AgreementProgram::SelectPlus, ProgramRight::Evaluation).value(), Entitlement::Granted);
/// assert_eq!(program_right(AgreementProgram::OpenValue, ProgramRight::Evaluation).value(), Entitlement::Undocumented);
/// ```
#[must_use]
pub const fn program_right(program: AgreementProgram, right: ProgramRight) -> Cited<Entitlement> {
    use AgreementProgram as P;
    const ALL: &str = "All customers have the right to use keys for reimaging and downgrade.";
    const EVAL: &str = "Enterprise Agreement, Select License, and Select Plus customers are also provided with evaluation rights and limited software copies for training and back-up.";
    const CSP_SILENT: &str = "the FAQ speaks of Volume Licensing customers; CSP is not named";
    const EVAL_SILENT: &str = "the FAQ names evaluation rights and training/back-up copies only for Enterprise Agreement, Select License and Select Plus";
    match right {
        ProgramRight::Reimaging | ProgramRight::Downgrade => match program {
            P::Csp => Cited::new(
                Entitlement::Undocumented,
                FAQ,
                Confidence::Unverified,
                CSP_SILENT,
            ),
            // Not named anywhere in the FAQ: derived from "All customers".
            P::Mpsa | P::OpenValueSubscription => {
                Cited::new(Entitlement::Granted, FAQ, Confidence::Derived, ALL)
            }
            P::EnterpriseAgreement
            | P::SelectLicense
            | P::SelectPlus
            | P::OpenLicense
            | P::OpenValue
            | P::Campus
            | P::School
            | P::Spla
            | P::IsvRoyalty
            | P::Hvms => Cited::new(Entitlement::Granted, FAQ, DOC, ALL),
        },
        ProgramRight::Evaluation | ProgramRight::TrainingAndBackupCopies => match program {
            P::EnterpriseAgreement | P::SelectLicense | P::SelectPlus => {
                Cited::new(Entitlement::Granted, FAQ, DOC, EVAL)
            }
            P::Mpsa
            | P::OpenLicense
            | P::OpenValue
            | P::OpenValueSubscription
            | P::Campus
            | P::School
            | P::Spla
            | P::IsvRoyalty
            | P::Hvms
            | P::Csp => Cited::new(
                Entitlement::Undocumented,
                FAQ,
                Confidence::Unverified,
                EVAL_SILENT,
            ),
        },
    }
}

/// Whether `program` grants `right` according to Microsoft's text: the conservative boolean
/// of [`program_right`] (only a documented grant is `true`).
///
/// ```
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::rules::{has_right, ProgramRight};
///
/// assert!(has_right(AgreementProgram::EnterpriseAgreement, ProgramRight::TrainingAndBackupCopies));
/// assert!(!has_right(AgreementProgram::OpenLicense, ProgramRight::TrainingAndBackupCopies));
/// ```
#[must_use]
pub const fn has_right(program: AgreementProgram, right: ProgramRight) -> bool {
    let answer = program_right(program, right);
    matches!(answer.value(), Entitlement::Granted) && answer.is_sourced()
}

/// What a program requires before its customers reimage with Volume Licensing media and
/// keys.
///
/// ```
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::rules::{reimaging_requirement, ReimagingRequirement};
///
/// assert_eq!(
///     reimaging_requirement(AgreementProgram::OpenLicense).value(),
///     ReimagingRequirement::IdenticalProductAndOnePurchasedUnit,
/// );
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
pub enum ReimagingRequirement {
    /// The copies made from the Volume Licensing media are identical to the originally
    /// licensed (OEM or full packaged) product.
    #[strum(serialize = "identical-product")]
    IdenticalProduct,
    /// As [`ReimagingRequirement::IdenticalProduct`], and at least one unit of the product
    /// purchased under the agreement (to obtain the media and a key).
    #[strum(serialize = "identical-product-and-one-purchased-unit")]
    IdenticalProductAndOnePurchasedUnit,
    /// Microsoft's text does not say.
    #[strum(serialize = "undocumented")]
    Undocumented,
}

impl ReimagingRequirement {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ReimagingRequirement::IdenticalProduct => {
                "Copies identical to the originally licensed product"
            }
            ReimagingRequirement::IdenticalProductAndOnePurchasedUnit => {
                "Identical product, and at least one purchased unit"
            }
            ReimagingRequirement::Undocumented => "Undocumented",
        }
    }

    /// The error for text that is no ReimagingRequirement ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("reimaging requirement", s)
    }
}

crate::macros::serde_as_id!(ReimagingRequirement);

/// What `program` requires for reimaging.
///
/// FAQ, "Can I use my Volume License Keys to exercise my reimaging rights?": "Reimaging rights
/// are granted to all Microsoft Volume Licensing customers … as long as copies made from the
/// Volume Licensing media are identical to the originally licensed product" and "if you’re an
/// Open License customer, you must purchase at least one unit of the product that you want to
/// reimage to obtain access to the product media and receive a key". Derived for MPSA and Open
/// Value Subscription, which the FAQ never names; CSP: undocumented (see [`program_right`]).
#[must_use]
pub const fn reimaging_requirement(program: AgreementProgram) -> Cited<ReimagingRequirement> {
    use AgreementProgram as P;
    const REIMAGE_IDENTICAL: &str = "as long as copies made from the Volume Licensing media are identical to the originally licensed product";
    match program {
        P::OpenLicense => Cited::new(
            ReimagingRequirement::IdenticalProductAndOnePurchasedUnit,
            FAQ,
            DOC,
            "if you’re an Open License customer, you must purchase at least one unit of the product that you want to reimage",
        ),
        P::Csp => Cited::new(
            ReimagingRequirement::Undocumented,
            FAQ,
            Confidence::Unverified,
            "the FAQ speaks of Volume Licensing customers; CSP is not named",
        ),
        // Not named anywhere in the FAQ: derived from "all Microsoft Volume Licensing customers".
        P::Mpsa | P::OpenValueSubscription => Cited::new(
            ReimagingRequirement::IdenticalProduct,
            FAQ,
            Confidence::Derived,
            REIMAGE_IDENTICAL,
        ),
        P::EnterpriseAgreement
        | P::SelectLicense
        | P::SelectPlus
        | P::OpenValue
        | P::Campus
        | P::School
        | P::Spla
        | P::IsvRoyalty
        | P::Hvms => Cited::new(
            ReimagingRequirement::IdenticalProduct,
            FAQ,
            DOC,
            REIMAGE_IDENTICAL,
        ),
    }
}

/// Whether the customer bought at least one licence unit of the product under the agreement:
/// the condition Open License puts on reimaging ([`can_reimage`]).
///
/// ```
/// use volume_activation::rules::UnitsPurchased;
///
/// assert_eq!("at-least-one".parse::<UnitsPurchased>()?, UnitsPurchased::AtLeastOne);
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
pub enum UnitsPurchased {
    /// No licence unit of the product was purchased.
    #[strum(serialize = "none")]
    None,
    /// At least one licence unit of the product was purchased.
    #[strum(serialize = "at-least-one")]
    AtLeastOne,
}

impl UnitsPurchased {
    /// A short description.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            UnitsPurchased::None => "No unit purchased",
            UnitsPurchased::AtLeastOne => "At least one unit purchased",
        }
    }

    /// The error for text that is no UnitsPurchased ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("units purchased", s)
    }
}

crate::macros::serde_as_id!(UnitsPurchased);

/// Whether a customer of `program` who purchased `units_purchased` units of a product under
/// the agreement may reimage it with Volume Licensing media and keys (the copies must also be
/// identical to the originally licensed product, which the caller vouches for).
///
/// Open License needs at least one purchased unit; the other Volume Licensing programs have
/// no such condition; CSP is undocumented, so `false`.
///
/// ```
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::rules::{can_reimage, UnitsPurchased};
///
/// assert!(!can_reimage(AgreementProgram::OpenLicense, UnitsPurchased::None));
/// assert!(can_reimage(AgreementProgram::OpenLicense, UnitsPurchased::AtLeastOne));
/// assert!(can_reimage(AgreementProgram::EnterpriseAgreement, UnitsPurchased::None));
/// ```
#[must_use]
pub const fn can_reimage(program: AgreementProgram, purchased: UnitsPurchased) -> bool {
    match reimaging_requirement(program).value() {
        ReimagingRequirement::IdenticalProduct => true,
        ReimagingRequirement::IdenticalProductAndOnePurchasedUnit => {
            matches!(purchased, UnitsPurchased::AtLeastOne)
        }
        ReimagingRequirement::Undocumented => false,
    }
}

/// The version a downgrade goes to.
///
/// Windows XP is not in the crate's catalogue (it predates Volume Activation); it appears
/// here only because the FAQ names it.
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::DowngradeTarget;
///
/// assert_eq!(DowngradeTarget::Release(Release::WindowsVista).to_string(), "windows-vista");
/// assert_eq!(DowngradeTarget::WindowsXpProfessional.to_string(), "windows-xp-professional");
/// assert_eq!("windows-vista".parse::<DowngradeTarget>()?, DowngradeTarget::Release(Release::WindowsVista));
/// # Ok::<(), volume_activation::Error>(())
/// ```
///
/// # Errors
///
/// Parsing fails on anything but a release ID or `windows-xp-professional` (ASCII
/// case-insensitive, like every ID of the crate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum DowngradeTarget {
    /// A release of the catalogue.
    Release(Release),
    /// Windows XP Professional (text only: not in the catalogue).
    WindowsXpProfessional,
}

impl std::fmt::Display for DowngradeTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DowngradeTarget::Release(r) => write!(f, "{r}"),
            DowngradeTarget::WindowsXpProfessional => f.write_str("windows-xp-professional"),
        }
    }
}

impl std::str::FromStr for DowngradeTarget {
    type Err = Error;

    /// A release ID (`windows-vista`) or `windows-xp-professional`: the inverse of `Display`.
    fn from_str(s: &str) -> Result<Self, Error> {
        if s.eq_ignore_ascii_case("windows-xp-professional") {
            return Ok(DowngradeTarget::WindowsXpProfessional);
        }
        s.parse::<Release>()
            .map(DowngradeTarget::Release)
            .map_err(|_| {
                Error::unknown(
                    "downgrade target",
                    s,
                    "a release id such as windows-vista, or windows-xp-professional",
                )
            })
    }
}

/// A key that can be used for a downgrade.
///
/// `Display` writes a lowercase ID in the crate's style (`host-key-of/windows-7`,
/// `mak/windows-vista`, `windows-xp-professional-key`) that `FromStr` reads back;
/// [`DowngradeKey::name`] gives the FAQ's wording.
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::DowngradeKey;
///
/// let k = DowngradeKey::HostKeyOf(Release::Windows7);
/// assert_eq!(k.to_string(), "host-key-of/windows-7");
/// assert_eq!("host-key-of/windows-7".parse::<DowngradeKey>()?, k);
/// assert_eq!(k.name(), "A KMS host activated with a Windows 7 KMS key");
/// # Ok::<(), volume_activation::Error>(())
/// ```
///
/// # Errors
///
/// Parsing fails on anything but `host-key-of/<release>`, `mak/<release>` or
/// `windows-xp-professional-key` (ASCII case-insensitive, like every ID of the crate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum DowngradeKey {
    /// A KMS host activated with the KMS host key of this release (named for the release, not
    /// a [`KmsHostKey`](crate::catalog::KmsHostKey): the FAQ names releases).
    HostKeyOf(Release),
    /// A MAK of this release.
    Mak(Release),
    /// The Windows XP Professional key (the only key for a downgrade to Windows XP).
    WindowsXpProfessionalKey,
}

impl DowngradeKey {
    /// The FAQ's wording ("A KMS host activated with a Windows 7 KMS key", "A Windows Vista
    /// MAK", "The Windows XP Professional key").
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            DowngradeKey::HostKeyOf(r) => {
                format!("A KMS host activated with a {} KMS key", r.name())
            }
            DowngradeKey::Mak(r) => format!("A {} MAK", r.name()),
            DowngradeKey::WindowsXpProfessionalKey => "The Windows XP Professional key".to_owned(),
        }
    }
}

impl std::fmt::Display for DowngradeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DowngradeKey::HostKeyOf(r) => write!(f, "host-key-of/{r}"),
            DowngradeKey::Mak(r) => write!(f, "mak/{r}"),
            DowngradeKey::WindowsXpProfessionalKey => f.write_str("windows-xp-professional-key"),
        }
    }
}

impl std::str::FromStr for DowngradeKey {
    type Err = Error;

    /// The inverse of `Display`.
    fn from_str(s: &str) -> Result<Self, Error> {
        let unknown = || {
            Error::unknown(
                "downgrade key",
                s,
                "host-key-of/<release>, mak/<release> or windows-xp-professional-key",
            )
        };
        if s.eq_ignore_ascii_case("windows-xp-professional-key") {
            return Ok(DowngradeKey::WindowsXpProfessionalKey);
        }
        let (kind, release) = s.split_once('/').ok_or_else(unknown)?;
        let release = release.parse::<Release>().map_err(|_| unknown())?;
        if kind.eq_ignore_ascii_case("host-key-of") {
            Ok(DowngradeKey::HostKeyOf(release))
        } else if kind.eq_ignore_ascii_case("mak") {
            Ok(DowngradeKey::Mak(release))
        } else {
            Err(unknown())
        }
    }
}

const W7_TO_VISTA: &[DowngradeKey] = &[
    DowngradeKey::HostKeyOf(Release::Windows7),
    DowngradeKey::HostKeyOf(Release::WindowsVista),
    DowngradeKey::Mak(Release::WindowsVista),
];
const TO_XP: &[DowngradeKey] = &[DowngradeKey::WindowsXpProfessionalKey];

/// The keys that can be used to downgrade a licensed `licensed` release to `target`, where
/// the FAQ says; `None` where it does not.
///
/// FAQ, "I purchased new PCs preinstalled with Windows 7 Professional and plan to downgrade to
/// an earlier version of Windows. What key can I use?": to Windows Vista, "A KMS host
/// activated with a Windows 7 KMS key will activate Windows Vista and Windows 7 KMS clients",
/// "A KMS host activated with a Windows Vista KMS key will activate Windows Vista KMS clients",
/// or "A Windows Vista MAK"; to Windows XP, "you must to use the Windows XP Professional key
/// only".
///
/// The downgrade right itself (granted to all Volume Licensing customers) is
/// [`program_right`] with [`ProgramRight::Downgrade`]. Microsoft's later "Downgrade rights"
/// guidance (<https://www.microsoft.com/licensing/guidance/Downgrade-rights>) adds that
/// "Microsoft does not provide installation media or product keys for older versions" in
/// general; it speaks of licences in general, not of the FAQ's volume licence keys, so this
/// answer keeps the FAQ's text.
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::{downgrade_keys, DowngradeKey, DowngradeTarget};
///
/// let keys = downgrade_keys(Release::Windows7, DowngradeTarget::Release(Release::WindowsVista)).unwrap();
/// assert!(keys.value().contains(&DowngradeKey::HostKeyOf(Release::Windows7)));
/// let xp = downgrade_keys(Release::Windows7, DowngradeTarget::WindowsXpProfessional).unwrap();
/// assert_eq!(xp.value(), &[DowngradeKey::WindowsXpProfessionalKey][..]);
/// assert!(downgrade_keys(Release::Windows11, DowngradeTarget::Release(Release::Windows10)).is_none());
/// ```
#[must_use]
pub const fn downgrade_keys(
    licensed: Release,
    target: DowngradeTarget,
) -> Option<Cited<&'static [DowngradeKey]>> {
    match (licensed, target) {
        (Release::Windows7, DowngradeTarget::Release(Release::WindowsVista)) => Some(Cited::new(
            W7_TO_VISTA,
            FAQ,
            DOC,
            "A KMS host activated with a Windows 7 KMS key will activate Windows Vista and Windows 7 KMS clients.",
        )),
        (Release::Windows7, DowngradeTarget::WindowsXpProfessional) => Some(Cited::new(
            TO_XP,
            FAQ,
            DOC,
            "If you want to downgrade to Windows XP, you must to use the Windows XP Professional key only.",
        )),
        _ => None,
    }
}

/// The KMS client releases a KMS host activated with `host_key`'s KMS key activates, as the
/// FAQ's downgrade answer states them; `None` for releases the FAQ does not name (the full
/// host-key matrix is the KMS rules' business).
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::downgrade_host_key_clients;
///
/// let w7 = downgrade_host_key_clients(Release::Windows7).unwrap();
/// assert_eq!(w7.value(), &[Release::WindowsVista, Release::Windows7][..]);
/// ```
#[must_use]
pub const fn downgrade_host_key_clients(host_key: Release) -> Option<Cited<&'static [Release]>> {
    match host_key {
        Release::Windows7 => Some(Cited::new(
            &[Release::WindowsVista, Release::Windows7],
            FAQ,
            DOC,
            "A KMS host activated with a Windows 7 KMS key will activate Windows Vista and Windows 7 KMS clients.",
        )),
        Release::WindowsVista => Some(Cited::new(
            &[Release::WindowsVista],
            FAQ,
            DOC,
            "A KMS host activated with a Windows Vista KMS key will activate Windows Vista KMS clients.",
        )),
        _ => None,
    }
}

/// Where a setup key comes from. A setup key "unlocks" one product/version combination and
/// bypasses activation (FAQ, "What is a setup key?").
///
/// Which products use setup keys is not published in the FAQ (undocumented).
///
/// ```
/// use volume_activation::rules::SetupKeySource;
///
/// assert!(SetupKeySource::ActivationCallCenter.requires_proof_of_purchase());
/// assert!(!SetupKeySource::MediaSleeve.requires_proof_of_purchase());
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
pub enum SetupKeySource {
    /// Physical fulfilment: printed on the media sleeve.
    #[strum(serialize = "media-sleeve")]
    MediaSleeve,
    /// Download fulfilment: provided with the download.
    #[strum(serialize = "download")]
    Download,
    /// Shown on the VLSC download screen.
    #[strum(serialize = "vlsc-download-screen")]
    VlscDownloadScreen,
    /// From the Activation Call Center, with agreement information and proof of purchase.
    #[strum(serialize = "activation-call-center")]
    ActivationCallCenter,
}

impl SetupKeySource {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SetupKeySource::MediaSleeve => "Printed on the media sleeve (physical fulfilment)",
            SetupKeySource::Download => "Provided with the download (download fulfilment)",
            SetupKeySource::VlscDownloadScreen => "Shown on the VLSC download screen",
            SetupKeySource::ActivationCallCenter => "From the Activation Call Center",
        }
    }

    /// The error for text that is no SetupKeySource ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("setup key source", s)
    }
}

crate::macros::serde_as_id!(SetupKeySource);

impl SetupKeySource {
    /// Whether this source asks for Volume Licensing agreement information and proof of
    /// purchase (only the Activation Call Center, per the FAQ).
    #[must_use]
    pub const fn requires_proof_of_purchase(self) -> bool {
        matches!(self, SetupKeySource::ActivationCallCenter)
    }
}

/// Every place a setup key comes from (FAQ, "What is a setup key?"). The FAQ announces
/// "three ways" and then lists four (sleeve, download, VLSC download screen, Activation Call
/// Center); all four are returned.
///
/// ```
/// use volume_activation::rules::setup_key_sources;
///
/// assert_eq!(setup_key_sources().value().len(), 4);
/// ```
#[must_use]
pub const fn setup_key_sources() -> Cited<&'static [SetupKeySource]> {
    Cited::new(
        SetupKeySource::VARIANTS,
        FAQ,
        DOC,
        "There are three ways to obtain setup keys: … Physical fulfillment. … Download fulfillment. … the setup key is provided on the download screen … You can call the Activation Call Center to obtain the setup keys you need.",
    )
}

/// Whether a setup key bypasses activation: yes (FAQ, "What is a setup key?": "Setup keys are
/// used for each product/version combination to \"unlock\" the product and will bypass
/// activation.").
#[must_use]
pub const fn setup_key_bypasses_activation() -> Cited<bool> {
    Cited::new(
        true,
        FAQ,
        DOC,
        "Setup keys are used for each product/version combination to \"unlock\" the product and will bypass activation.",
    )
}

/// The most KMS hosts one KMS host key may be installed on (6).
///
/// Source: "the CSVLK that is used on the first host can be used to activate up to five more
/// KMS hosts on your network for a total of six" — Key Management Services (KMS) activation
/// planning; FAQ: "Each KMS host key can be used to set up six KMS hosts, which can be
/// physical or virtual."
pub const KMS_HOST_KEY_MAX_HOSTS: u32 = 6;

/// How many times one KMS host may be reactivated with the same key after its first
/// activation (9).
///
/// Source: "After a KMS host is activated, administrators can reactivate the same host up to
/// nine times with the same key." — Key Management Services (KMS) activation planning.
pub const KMS_HOST_MAX_REACTIVATIONS: u32 = 9;

/// The activation limits of one KMS host key.
///
/// ```
/// use volume_activation::Family;
/// use volume_activation::rules::kms_host_key_limits;
///
/// let limits = kms_host_key_limits(Family::Server).value().unwrap();
/// assert_eq!(limits.hosts(), 6);
/// assert_eq!(limits.reactivations_per_host(), 9);
/// assert_eq!(limits.activations_per_host(), 10);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct KmsHostKeyLimits {
    hosts: u32,
    reactivations_per_host: u32,
}

impl KmsHostKeyLimits {
    /// The most hosts the key may be installed on.
    #[must_use]
    pub const fn hosts(self) -> u32 {
        self.hosts
    }

    /// The reactivations allowed on one host after its first activation.
    #[must_use]
    pub const fn reactivations_per_host(self) -> u32 {
        self.reactivations_per_host
    }

    /// The activations allowed on one host in all: the first and the reactivations (10, as
    /// error 0xC004C008's cause puts it: "activated up to 10 times on up to six different
    /// computers").
    #[must_use]
    pub const fn activations_per_host(self) -> u32 {
        self.reactivations_per_host.saturating_add(1)
    }
}

/// The limits of a KMS host key of `family`: six hosts, nine reactivations each, for Windows
/// client and Windows Server host keys; `None` (undocumented) for Office host keys, which the
/// Windows pages do not cover and the FAQ does not name.
///
/// More hosts can be requested from the Microsoft Activation Center (KMS activation planning).
#[must_use]
pub const fn kms_host_key_limits(family: Family) -> Cited<Option<KmsHostKeyLimits>> {
    match family {
        Family::Client | Family::Server => Cited::new(
            Some(KmsHostKeyLimits {
                hosts: KMS_HOST_KEY_MAX_HOSTS,
                reactivations_per_host: KMS_HOST_MAX_REACTIVATIONS,
            }),
            Source::KMS_PLANNING,
            DOC,
            "can be used to activate up to five more KMS hosts on your network for a total of six … reactivate the same host up to nine times with the same key",
        ),
        Family::Office => Cited::new(
            None,
            Source::KMS_PLANNING,
            Confidence::Unverified,
            "the six-host and nine-reactivation limits are published for Windows KMS host keys; Office host keys are not named",
        ),
    }
}

/// The most KMS hosts one KMS host key of `family` may be set up on: six, for every family.
///
/// Windows keys: "the CSVLK that is used on the first host can be used to activate up to five
/// more KMS hosts on your network for a total of six" — KMS activation planning. Office keys:
/// the Volume Licensing FAQ says it of every KMS host key, not only Windows ones: "Each KMS
/// host key can be used to set up six KMS hosts, which can be physical or virtual." (issue
/// 10). The nine reactivations per host ([`kms_host_key_limits`]) stay Windows-only.
///
/// ```
/// use volume_activation::Family;
/// use volume_activation::rules::kms_host_key_max_hosts;
///
/// assert_eq!(kms_host_key_max_hosts(Family::Office).value(), 6);
/// assert_eq!(kms_host_key_max_hosts(Family::Office).source().id(), "FAQ");
/// ```
#[must_use]
pub const fn kms_host_key_max_hosts(family: Family) -> Cited<u32> {
    match family {
        Family::Client | Family::Server => Cited::new(
            KMS_HOST_KEY_MAX_HOSTS,
            Source::KMS_PLANNING,
            DOC,
            "can be used to activate up to five more KMS hosts on your network for a total of six",
        ),
        Family::Office => Cited::new(
            KMS_HOST_KEY_MAX_HOSTS,
            FAQ,
            DOC,
            "Each KMS host key can be used to set up six KMS hosts, which can be physical or virtual.",
        ),
    }
}

/// Whether a KMS host may run on a virtual machine: yes, for every host key.
///
/// FAQ, "Which activation method should be used for virtual computers?": "Each KMS host key can
/// be used to set up six KMS hosts, which can be physical or virtual." (and, for the older
/// hosts, "Windows Vista SP1, Windows Server 2008, Windows Server 2003 v1.1, and Windows 7
/// support hosting KMS on a virtual computer.").
///
/// ```
/// use volume_activation::rules::kms_host_can_be_virtual;
///
/// assert!(kms_host_can_be_virtual().value());
/// ```
#[must_use]
pub const fn kms_host_can_be_virtual() -> Cited<bool> {
    Cited::new(
        true,
        FAQ,
        DOC,
        "Each KMS host key can be used to set up six KMS hosts, which can be physical or virtual.",
    )
}

/// Whether virtual machines running `client` count toward the KMS activation threshold: yes.
///
/// FAQ: "Windows Vista SP2, Windows Server 2008 SP2, and the release of Windows 7 and Windows
/// Server 2008 R2: Virtual computers count toward the activation threshold for KMS." (service
/// packs are not modelled: for Windows Vista and Windows Server 2008 the answer holds from
/// SP2); for every other release the FAQ's general statement: "KMS requires a minimum number of
/// either physical or virtual computers in a network environment."
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::virtual_machines_count_toward_threshold;
///
/// assert!(virtual_machines_count_toward_threshold(Release::Windows7).value());
/// assert!(virtual_machines_count_toward_threshold(Release::Windows11).value());
/// ```
#[must_use]
pub const fn virtual_machines_count_toward_threshold(client: Release) -> Cited<bool> {
    let passage = match client {
        Release::WindowsVista
        | Release::WindowsServer2008
        | Release::Windows7
        | Release::WindowsServer2008R2 => {
            "Windows Vista SP2, Windows Server 2008 SP2, and the release of Windows 7 and Windows Server 2008 R2: Virtual computers count toward the activation threshold for KMS."
        }
        _ => {
            "KMS requires a minimum number of either physical or virtual computers in a network environment."
        }
    };
    Cited::new(true, FAQ, DOC, passage)
}

/// Whether a KMS host key of `family` already activated on `hosts_in_use` hosts may be set up
/// on one more host ([`kms_host_key_max_hosts`]: six for every family).
///
/// ```
/// use volume_activation::Family;
/// use volume_activation::rules::can_add_kms_host;
///
/// assert!(can_add_kms_host(Family::Server, 5));
/// assert!(!can_add_kms_host(Family::Server, 6));
/// assert!(can_add_kms_host(Family::Office, 0));
/// assert!(!can_add_kms_host(Family::Office, 6));
/// ```
#[must_use]
pub const fn can_add_kms_host(family: Family, hosts_in_use: u32) -> bool {
    hosts_in_use < kms_host_key_max_hosts(family).value()
}

/// Whether a KMS host of `family` that has been reactivated `reactivations_done` times with the
/// same key may be reactivated once more (conservative: `false` where undocumented).
///
/// ```
/// use volume_activation::Family;
/// use volume_activation::rules::can_reactivate_kms_host;
///
/// assert!(can_reactivate_kms_host(Family::Client, 8));
/// assert!(!can_reactivate_kms_host(Family::Client, 9));
/// ```
#[must_use]
pub const fn can_reactivate_kms_host(family: Family, reactivations_done: u32) -> bool {
    match kms_host_key_limits(family).value() {
        Some(limits) => reactivations_done < limits.reactivations_per_host(),
        None => false,
    }
}

/// Whether one Office product key works for both the x86 (32-bit) and x64 (64-bit) versions:
/// yes. `None` for a release that is not Office.
///
/// FAQ, "Are there different keys for x86 (32-bit) and x64 (64-bit) versions of Office 2010 or
/// Office 2013 products?": "The product key for any Office product will work on both the x86
/// (32-bit) and x64 (64-bit) versions." The question names Office 2010 and 2013 (documented);
/// for later Office releases the answer follows from "any Office product" (derived).
///
/// ```
/// use volume_activation::{Confidence, Release};
/// use volume_activation::rules::office_key_covers_x86_and_x64;
///
/// let o2013 = office_key_covers_x86_and_x64(Release::Office2013).unwrap();
/// assert!(o2013.value());
/// assert_eq!(o2013.confidence(), Confidence::Documented);
/// assert_eq!(office_key_covers_x86_and_x64(Release::OfficeLtsc2024).unwrap().confidence(), Confidence::Derived);
/// assert!(office_key_covers_x86_and_x64(Release::Windows11).is_none());
/// ```
#[must_use]
pub const fn office_key_covers_x86_and_x64(release: Release) -> Option<Cited<bool>> {
    const PASSAGE: &str = "The product key for any Office product will work on both the x86 (32-bit) and x64 (64-bit) versions.";
    match release {
        Release::Office2010 | Release::Office2013 => Some(Cited::new(true, FAQ, DOC, PASSAGE)),
        Release::Office2016
        | Release::Office2019
        | Release::OfficeLtsc2021
        | Release::OfficeLtsc2024 => Some(Cited::new(true, FAQ, Confidence::Derived, PASSAGE)),
        _ => None,
    }
}

/// Whether keys provided under one Licensing ID (agreement, enrollment, affiliate or licence)
/// may be used for licences under another — e.g. a parent company's KMS key for a child
/// company with its own agreement: yes.
///
/// FAQ, "If a "child" company (owned by a "parent" company) has an individual agreement, can
/// the parent company use the same key …?": "customers don’t have to use keys provided under a
/// specific Licensing ID … They can choose to use keys specific to agreements/licenses, or one
/// set of keys for all."
#[must_use]
pub const fn keys_shareable_across_licensing_ids() -> Cited<bool> {
    Cited::new(
        true,
        FAQ,
        DOC,
        "They can choose to use keys specific to agreements/licenses, or one set of keys for all.",
    )
}

/// The MAK a Windows Small Business Server 2011 edition is activated with.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::{sbs_2011_mak, SbsMak};
///
/// let premium = sbs_2011_mak("small-business-server-2011/premium-add-on".parse::<Sku>()?).unwrap();
/// assert_eq!(premium.value(), SbsMak::WindowsServer2008R2MakB);
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
pub enum SbsMak {
    /// The "Win SBS Std/Essentials 2011" MAK (Standard and Essentials).
    #[strum(serialize = "win-sbs-std-essentials-2011")]
    WinSbsStdEssentials2011,
    /// The Windows Server 2008 R2 MAK B (the Premium Add-on).
    #[strum(serialize = "windows-server-2008-r2-mak-b")]
    WindowsServer2008R2MakB,
}

impl SbsMak {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SbsMak::WinSbsStdEssentials2011 => "Win SBS Std/Essentials 2011 MAK",
            SbsMak::WindowsServer2008R2MakB => "Windows Server 2008 R2 MAK B",
        }
    }

    /// The error for text that is no SbsMak ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("sbs mak", s)
    }
}

crate::macros::serde_as_id!(SbsMak);

/// The MAK a Small Business Server 2011 SKU uses; `None` for any other SKU.
///
/// FAQ, "What key(s) should I use for Small Business Server 2011?": "Windows Small Business
/// Server 2011 Standard will use the Win SBS Std/Essentials 2011 MAK", "… Essentials will use
/// the Win SBS Std/Essentials 2011 MAK", "… Premium Add-on will use the Windows Server 2008 R2
/// MAK B".
#[must_use]
pub const fn sbs_2011_mak(sku: Sku) -> Option<Cited<SbsMak>> {
    match (sku.release(), sku.edition()) {
        (Release::SmallBusinessServer2011, Edition::Standard) => Some(Cited::new(
            SbsMak::WinSbsStdEssentials2011,
            FAQ,
            DOC,
            "Windows Small Business Server 2011 Standard will use the Win SBS Std/Essentials 2011 MAK",
        )),
        (Release::SmallBusinessServer2011, Edition::Essentials) => Some(Cited::new(
            SbsMak::WinSbsStdEssentials2011,
            FAQ,
            DOC,
            "Windows Small Business Server 2011 Essentials will use the Win SBS Std/Essentials 2011 MAK",
        )),
        (Release::SmallBusinessServer2011, Edition::PremiumAddOn) => Some(Cited::new(
            SbsMak::WindowsServer2008R2MakB,
            FAQ,
            DOC,
            "Windows Small Business Server 2011 Premium Add-on will use the Windows Server 2008 R2 MAK B",
        )),
        _ => None,
    }
}

/// How Small Business Server 2011 is set up and activated: it installs as a KMS client, KMS is
/// not offered for it, and it is converted to MAK activation by installing a MAK during or any
/// time after setup.
///
/// ```
/// use volume_activation::Channel;
/// use volume_activation::rules::sbs_2011_activation;
///
/// let sbs = sbs_2011_activation().value();
/// assert_eq!(sbs.installs_as(), Channel::VolumeGvlk);
/// assert!(!sbs.kms_offered());
/// assert_eq!(sbs.convert_to(), Channel::VolumeMak);
/// assert!(sbs.mak_installable_after_setup());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sbs2011Activation {
    installs_as: Channel,
    kms_offered: bool,
    convert_to: Channel,
    mak_installable_after_setup: bool,
}

impl Sbs2011Activation {
    /// The channel SBS 2011 installs with: a KMS client ([`Channel::VolumeGvlk`]).
    #[must_use]
    pub const fn installs_as(self) -> Channel {
        self.installs_as
    }

    /// Whether a KMS key is offered for SBS 2011 (no: MAK only).
    #[must_use]
    pub const fn kms_offered(self) -> bool {
        self.kms_offered
    }

    /// The channel to convert to: MAK ([`Channel::VolumeMak`]).
    #[must_use]
    pub const fn convert_to(self) -> Channel {
        self.convert_to
    }

    /// Whether the MAK may be installed any time after the operating system is installed (as
    /// well as during setup): yes.
    #[must_use]
    pub const fn mak_installable_after_setup(self) -> bool {
        self.mak_installable_after_setup
    }
}

/// Small Business Server 2011 activation (FAQ, "What key(s) should I use for Small Business
/// Server 2011?"): "Small Business Server 2011 installs automatically as a Key Management
/// Server (KMS) client. KMS, another type of Volume License key, isn’t offered for Small
/// Business Server 2011. To use a MAK, customers will need to convert their KMS client machine
/// to a MAK activation client by installing a MAK. You can install a MAK during or any time
/// after the operating system is installed."
#[must_use]
pub const fn sbs_2011_activation() -> Cited<Sbs2011Activation> {
    Cited::new(
        Sbs2011Activation {
            installs_as: Channel::VolumeGvlk,
            kms_offered: false,
            convert_to: Channel::VolumeMak,
            mak_installable_after_setup: true,
        },
        FAQ,
        DOC,
        "KMS, another type of Volume License key, isn’t offered for Small Business Server 2011.",
    )
}

/// Whether Windows Small Business Server 2008 is available other than on physical media: no;
/// its product keys are adhered to that media (so there is no volume key to look up).
///
/// FAQ, downgrade rights: "Windows Small Business Server 2008 is only available via physical
/// media and product keys are adhered to that media."
#[must_use]
pub const fn sbs_2008_only_on_physical_media() -> Cited<bool> {
    Cited::new(
        true,
        FAQ,
        DOC,
        "Windows Small Business Server 2008 is only available via physical media and product keys are adhered to that media.",
    )
}

/// Whether Small Business Server 2011 Standard media can be downloaded from the VLSC: no
/// (physical media instead).
///
/// FAQ: "Please note that media for Small Business Server 2011 Standard will not be available
/// for download on the VLSC due to the large file size. Information on how to obtain physical
/// media will be available for customers on the VLSC."
#[must_use]
pub const fn sbs_2011_standard_media_downloadable() -> Cited<bool> {
    Cited::new(
        false,
        FAQ,
        DOC,
        "media for Small Business Server 2011 Standard will not be available for download on the VLSC due to the large file size",
    )
}

/// Whether a downgrade to Small Business Server 2003 needs the SBS 2003 CAL keys to activate
/// the SBS 2003 CALs: yes.
///
/// FAQ: "If you’re downgrading to SBS 2003, you’ll need corresponding SBS 2003 CAL keys to
/// activate your SBS 2003 CALs."
#[must_use]
pub const fn sbs_2003_downgrade_needs_cal_keys() -> Cited<bool> {
    Cited::new(
        true,
        FAQ,
        DOC,
        "If you’re downgrading to SBS 2003, you’ll need corresponding SBS 2003 CAL keys to activate your SBS 2003 CALs.",
    )
}

/// Whether Windows Small Business Server 2008 CALs need activation: no.
///
/// FAQ, "What key(s) should I use for Small Business Server 2011?", downgrade rights: "Windows
/// Small Business Server 2008 CALs don’t require activation." (SBS 2003 CALs, for a downgrade
/// to SBS 2003, need their own SBS 2003 CAL keys; SBS 2003 is not in the catalogue.)
#[must_use]
pub const fn sbs_2008_cals_need_activation() -> Cited<bool> {
    Cited::new(
        false,
        FAQ,
        DOC,
        "Windows Small Business Server 2008 CALs don’t require activation.",
    )
}

/// Program questions asked of the SKU.
impl Sku {
    /// The Volume Licensing product pool of this SKU, with its source; the same as
    /// [`product_pool`].
    ///
    /// ```
    /// use volume_activation::Sku;
    /// use volume_activation::catalog::ProductPool;
    ///
    /// let sku: Sku = "windows-server-2022/standard".parse()?;
    /// assert_eq!(sku.product_pool().value(), ProductPool::Servers);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub const fn product_pool(self) -> Cited<ProductPool> {
        product_pool(self)
    }
}
