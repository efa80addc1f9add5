//! MAK rules: how Microsoft sizes a MAK's allotment per program, the FAQ's advice on when to
//! use MAK or KMS, and MAK accounting (activations needed, including reimages, against what
//! remains).

use crate::catalog::{AgreementProgram, Confidence, Source};
use crate::rules::cited::Cited;

const FAQ: Source = Source::VL_FAQ;
const DOC: Confidence = Confidence::Documented;

/// What Microsoft looks at to size a program's MAK allotment.
///
/// In general (FAQ, "… the number of MAK activations does not match the number of our
/// purchased licenses. Why …?"): "licenses purchased, the customer purchase pricing level,
/// and the Volume Licensing program".
///
/// ```
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::rules::{mak_allotment_basis, MakAllotmentBasis};
///
/// assert_eq!(mak_allotment_basis(AgreementProgram::Campus).value(), MakAllotmentBasis::PriceLevel);
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
pub enum MakAllotmentBasis {
    /// The number of licences, usually with more activations than may be needed (for
    /// reactivations and virtual machine licensing rights).
    #[strum(serialize = "licence-count-with-headroom")]
    LicenceCountWithHeadroom,
    /// A specific number of activations per pricing level (A, B, C, D); the numbers are not
    /// published.
    #[strum(serialize = "price-level")]
    PriceLevel,
    /// The FAQ does not say for this program.
    #[strum(serialize = "undocumented")]
    Undocumented,
}

impl MakAllotmentBasis {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            MakAllotmentBasis::LicenceCountWithHeadroom => "Licence count, with headroom",
            MakAllotmentBasis::PriceLevel => "Per pricing level (A-D)",
            MakAllotmentBasis::Undocumented => "Undocumented",
        }
    }

    /// The error for text that is no MakAllotmentBasis ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("mak allotment basis", s)
    }
}

crate::macros::serde_as_id!(MakAllotmentBasis);

/// How Microsoft sizes MAK allotments for `program`.
///
/// FAQ (same question): "For Open License customers, we look at the number of licenses they
/// have and usually give them more MAK activations than what may be needed" and "For Select,
/// Enterprise Agreement, Campus Agreement, School Agreement, and Services Provider License
/// Agreement (SPLA) we look at the pricing levels (A, B, C, D) and give a specific amount of
/// activations per level". "Select" is taken to mean Select License (documented); the FAQ
/// names Select Plus separately elsewhere, so Select Plus is [`Confidence::Unverified`]. The
/// other programs: undocumented.
#[must_use]
pub const fn mak_allotment_basis(program: AgreementProgram) -> Cited<MakAllotmentBasis> {
    use AgreementProgram as P;
    const LEVELS: &str = "For Select, Enterprise Agreement, Campus Agreement, School Agreement, and Services Provider License Agreement (SPLA) we look at the pricing levels (A, B, C, D)";
    match program {
        P::OpenLicense => Cited::new(
            MakAllotmentBasis::LicenceCountWithHeadroom,
            FAQ,
            DOC,
            "For Open License customers, we look at the number of licenses they have and usually give them more MAK activations than what may be needed",
        ),
        P::SelectLicense | P::EnterpriseAgreement | P::Campus | P::School | P::Spla => {
            Cited::new(MakAllotmentBasis::PriceLevel, FAQ, DOC, LEVELS)
        }
        P::SelectPlus => Cited::new(
            MakAllotmentBasis::PriceLevel,
            FAQ,
            Confidence::Unverified,
            LEVELS,
        ),
        P::Mpsa | P::OpenValue | P::OpenValueSubscription | P::IsvRoyalty | P::Hvms | P::Csp => {
            Cited::new(
                MakAllotmentBasis::Undocumented,
                FAQ,
                Confidence::Unverified,
                "the FAQ describes MAK allotments only for Open License, Select, Enterprise Agreement, Campus, School and SPLA",
            )
        }
    }
}

/// A Volume Licensing pricing level. Microsoft gives "a specific amount of activations per
/// level" for Select, Enterprise Agreement, Campus, School and SPLA, but does not publish
/// the amounts: [`PriceLevel::published_mak_activations`] is `None` for every level.
///
/// ```
/// use volume_activation::rules::PriceLevel;
/// use volume_activation::strum::IntoEnumIterator;
///
/// assert!(PriceLevel::iter().all(|l| l.published_mak_activations().is_none()));
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
pub enum PriceLevel {
    /// Level A.
    #[strum(serialize = "a")]
    A,
    /// Level B.
    #[strum(serialize = "b")]
    B,
    /// Level C.
    #[strum(serialize = "c")]
    C,
    /// Level D.
    #[strum(serialize = "d")]
    D,
}

impl PriceLevel {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            PriceLevel::A => "Level A",
            PriceLevel::B => "Level B",
            PriceLevel::C => "Level C",
            PriceLevel::D => "Level D",
        }
    }

    /// The error for text that is no PriceLevel ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("price level", s)
    }
}

crate::macros::serde_as_id!(PriceLevel);

impl PriceLevel {
    /// The MAK activations Microsoft gives at this level, if published: never (the FAQ states
    /// that each level has "a specific amount" without the amounts).
    #[must_use]
    pub const fn published_mak_activations(self) -> Option<u32> {
        match self {
            PriceLevel::A | PriceLevel::B | PriceLevel::C | PriceLevel::D => None,
        }
    }
}

/// The FAQ's example Open License allotment: a purchase of 1 to 25 licences "may get 50
/// activations" on its MAK. `None` outside 1..=25 (no number is published).
///
/// This is an example of what Microsoft may give, not a guarantee: the real count is on the
/// VLSC Product Keys page or in VAMT.
///
/// ```
/// use volume_activation::rules::open_license_example_mak_activations;
///
/// assert_eq!(open_license_example_mak_activations(10).map(|a| a.value()), Some(50));
/// assert!(open_license_example_mak_activations(26).is_none());
/// assert!(open_license_example_mak_activations(0).is_none());
/// ```
#[must_use]
pub const fn open_license_example_mak_activations(licences: u32) -> Option<Cited<u32>> {
    if licences >= 1 && licences <= 25 {
        Some(Cited::new(
            OPEN_LICENSE_EXAMPLE_ACTIVATIONS,
            FAQ,
            DOC,
            "if a customer purchases between 1–25 licenses, they may get 50 activations on their MAK",
        ))
    } else {
        None
    }
}

/// The FAQ's example MAK allotment for an Open License purchase of 1 to 25 licences (50).
pub const OPEN_LICENSE_EXAMPLE_ACTIVATIONS: u32 = 50;

/// A piece of activation advice the FAQ gives.
///
/// ```
/// use volume_activation::rules::{faq_advice_for_virtual_machines, FaqAdvice};
///
/// assert_eq!(faq_advice_for_virtual_machines().value(), FaqAdvice::KmsPreferred);
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
pub enum FaqAdvice {
    /// Use MAKs with the Volume Activation Management Tool (VAMT).
    #[strum(serialize = "mak-with-vamt")]
    MakWithVamt,
    /// KMS is preferred (MAK may also be used).
    #[strum(serialize = "kms-preferred")]
    KmsPreferred,
}

impl FaqAdvice {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            FaqAdvice::MakWithVamt => "MAK with VAMT",
            FaqAdvice::KmsPreferred => "KMS preferred",
        }
    }

    /// The error for text that is no FaqAdvice ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("faq advice", s)
    }
}

crate::macros::serde_as_id!(FaqAdvice);

/// Below this many PCs the FAQ advises MAK with VAMT (50).
pub const MAK_WITH_VAMT_BELOW_PCS: u32 = 50;

/// The FAQ's advice for an organisation of `pcs` PCs: MAK with VAMT when there are fewer than
/// 50; `None` otherwise (the FAQ gives no advice by size above that).
///
/// FAQ, "I'm planning to deploy Windows 7 and Office 2010 by using KMS … Which Windows Server
/// versions can I use to set up a KMS host computer?": "If you have fewer than 50 PCs, the best
/// option is to use Multiple Activation Keys (MAK) with Volume Activation Management Tool
/// (VAMT)." The sentence stands in that answer about Windows 7 / Office 2010 KMS hosts.
///
/// ```
/// use volume_activation::rules::{faq_advice_for_pc_count, FaqAdvice};
///
/// assert_eq!(faq_advice_for_pc_count(49).map(|a| a.value()), Some(FaqAdvice::MakWithVamt));
/// assert!(faq_advice_for_pc_count(50).is_none());
/// ```
#[must_use]
pub const fn faq_advice_for_pc_count(pcs: u32) -> Option<Cited<FaqAdvice>> {
    if pcs < MAK_WITH_VAMT_BELOW_PCS {
        Some(Cited::new(
            FaqAdvice::MakWithVamt,
            FAQ,
            DOC,
            "If you have fewer than 50 PCs, the best option is to use Multiple Activation Keys (MAK) with Volume Activation Management Tool (VAMT).",
        ))
    } else {
        None
    }
}

/// The FAQ's advice for virtual machines: KMS is preferred.
///
/// FAQ, "Which activation method should be used for virtual computers?": "KMS is preferred
/// (although either KMS or MAK may be used) because each time a computer is activated using a
/// MAK, one activation is decremented. This applies to both physical and virtual computers."
#[must_use]
pub const fn faq_advice_for_virtual_machines() -> Cited<FaqAdvice> {
    Cited::new(
        FaqAdvice::KmsPreferred,
        FAQ,
        DOC,
        "KMS is preferred (although either KMS or MAK may be used) because each time a computer is activated using a MAK, one activation is decremented.",
    )
}

/// How a computer is activated with a MAK (FAQ, "What is a Multiple Activation Key (MAK)
/// and how does it work?").
///
/// ```
/// use volume_activation::rules::MakActivationMethod;
///
/// assert!(MakActivationMethod::Independent.each_computer_contacts_microsoft());
/// assert!(!MakActivationMethod::Proxy.each_computer_contacts_microsoft());
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
pub enum MakActivationMethod {
    /// MAK independent activation: each computer connects to Microsoft via the web or
    /// telephone.
    #[strum(serialize = "independent")]
    Independent,
    /// MAK proxy activation: VAMT makes one centralised activation request on behalf of
    /// multiple computers.
    #[strum(serialize = "proxy")]
    Proxy,
}

impl MakActivationMethod {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            MakActivationMethod::Independent => "MAK Independent Activation",
            MakActivationMethod::Proxy => "MAK Proxy Activation (VAMT)",
        }
    }

    /// The error for text that is no MakActivationMethod ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("mak activation method", s)
    }
}

crate::macros::serde_as_id!(MakActivationMethod);

impl MakActivationMethod {
    /// Whether each computer connects to Microsoft itself (independent) rather than through
    /// one centralised VAMT request (proxy).
    #[must_use]
    pub const fn each_computer_contacts_microsoft(self) -> bool {
        matches!(self, MakActivationMethod::Independent)
    }

    /// The FAQ passage that defines the method.
    #[must_use]
    pub const fn cited(self) -> Cited<MakActivationMethod> {
        match self {
            MakActivationMethod::Independent => Cited::new(
                self,
                FAQ,
                DOC,
                "MAK Independent Activation: Each computer individually connects to Microsoft via the web or telephone to complete activation.",
            ),
            MakActivationMethod::Proxy => Cited::new(
                self,
                FAQ,
                DOC,
                "MAK Proxy Activation: This method uses the Volume Activation Management Tool (VAMT). One centralized activation request is made on behalf of multiple computers with one connection to Microsoft online or by telephone.",
            ),
        }
    }
}

/// Whether an organisation may use KMS and MAK side by side: yes.
///
/// FAQ, "Can I use both MAK and KMS for activating systems in my organization?": "Yes. As a
/// Volume Licensing customer, you can use a KMS hosted activation service and/or MAKs to
/// activate your computers, depending on the needs of your environment."
#[must_use]
pub const fn kms_and_mak_may_be_combined() -> Cited<bool> {
    Cited::new(
        true,
        FAQ,
        DOC,
        "you can use a KMS hosted activation service and/or MAKs to activate your computers, depending on the needs of your environment.",
    )
}

/// One machine's MAK work: whether it still needs its first activation, how many reimages
/// are planned, and whether those reimages reapply the confirmation ID (CID) VAMT stored
/// (local reactivation on unchanged hardware).
///
/// Accounting rules:
/// - every MAK activation consumes one activation, physical or virtual (FAQ: "each time a
///   computer is activated using a MAK, one activation is decremented. This applies to both
///   physical and virtual computers.");
/// - a reimage activated with the MAK is such an activation (FAQ, "I want to reimage Windows 7
///   Professional by using the MAK instead of KMS. What happens if I don’t have enough
///   activations …?" — derived);
/// - a reimage that reapplies the stored CID consumes none ("Reapplying the same CID conserves
///   the remaining activations on the key." — VAMT local reactivation; only where the hardware
///   has not changed significantly).
///
/// ```
/// use volume_activation::rules::MakMachine;
///
/// assert_eq!(MakMachine::unactivated().with_reimages(2).activations_needed(), 3);
/// assert_eq!(MakMachine::unactivated().with_reimages(2).reapplying_cid().activations_needed(), 1);
/// assert_eq!(MakMachine::activated().with_reimages(1).activations_needed(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MakMachine {
    needs_first_activation: bool,
    reimages: u32,
    reapply_cid: bool,
}

impl MakMachine {
    /// A machine not yet MAK-activated: it needs its first activation.
    #[must_use]
    pub const fn unactivated() -> Self {
        MakMachine {
            needs_first_activation: true,
            reimages: 0,
            reapply_cid: false,
        }
    }

    /// A machine already activated with the MAK: no first activation.
    #[must_use]
    pub const fn activated() -> Self {
        MakMachine {
            needs_first_activation: false,
            reimages: 0,
            reapply_cid: false,
        }
    }

    /// The same machine, reimaged `reimages` times, each reimage reactivated with the MAK.
    #[must_use]
    pub const fn with_reimages(self, reimages: u32) -> Self {
        MakMachine { reimages, ..self }
    }

    /// The same machine, its reimages reactivated by reapplying the CID VAMT stored (VAMT local
    /// reactivation, unchanged hardware), which consumes no activation.
    #[must_use]
    pub const fn reapplying_cid(self) -> Self {
        MakMachine {
            reapply_cid: true,
            ..self
        }
    }

    /// Whether the machine still needs its first MAK activation.
    #[must_use]
    pub const fn needs_first_activation(self) -> bool {
        self.needs_first_activation
    }

    /// The planned reimages.
    #[must_use]
    pub const fn reimages(self) -> u32 {
        self.reimages
    }

    /// Whether reimages reapply the stored CID.
    #[must_use]
    pub const fn reapplies_cid(self) -> bool {
        self.reapply_cid
    }

    /// The MAK activations this machine consumes: one for the first activation if needed, plus
    /// one per reimage unless the CID is reapplied.
    #[must_use]
    pub const fn activations_needed(self) -> u64 {
        let first: u64 = if self.needs_first_activation { 1 } else { 0 };
        let reimages: u64 = if self.reapply_cid {
            0
        } else {
            self.reimages as u64
        };
        first.saturating_add(reimages)
    }
}

/// The MAK activations a set of machines consumes (the sum of
/// [`MakMachine::activations_needed`], saturating at `u64::MAX`).
///
/// ```
/// use volume_activation::rules::{mak_activations_needed, MakMachine};
///
/// let machines = [MakMachine::unactivated().with_reimages(0), MakMachine::unactivated().with_reimages(1), MakMachine::activated().with_reimages(3).reapplying_cid()];
/// assert_eq!(mak_activations_needed(machines), 3);
/// ```
#[must_use]
pub fn mak_activations_needed(machines: impl IntoIterator<Item = MakMachine>) -> u64 {
    machines
        .into_iter()
        .fold(0u64, |sum, m| sum.saturating_add(m.activations_needed()))
}

/// MAK activations needed against what remains on a key.
///
/// ```
/// use volume_activation::rules::MakBalance;
///
/// let b = MakBalance::new(120, 100);
/// assert!(!b.is_sufficient());
/// assert_eq!(b.shortfall(), 20);
/// assert_eq!(b.left_after(), 0);
/// assert_eq!(MakBalance::new(30, 50).left_after(), 20);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MakBalance {
    needed: u64,
    remaining: u64,
}

impl MakBalance {
    /// `needed` activations against `remaining` on the key.
    #[must_use]
    pub const fn new(needed: u64, remaining: u64) -> Self {
        MakBalance { needed, remaining }
    }

    /// The activations needed.
    #[must_use]
    pub const fn needed(self) -> u64 {
        self.needed
    }

    /// The activations remaining on the key.
    #[must_use]
    pub const fn remaining(self) -> u64 {
        self.remaining
    }

    /// Whether the key has enough activations left.
    #[must_use]
    pub const fn is_sufficient(self) -> bool {
        self.needed <= self.remaining
    }

    /// The activations missing (0 when sufficient): what to ask the Microsoft Activation
    /// Center for ("To increase your MAK activation limit, please contact your Microsoft
    /// Activation Center." — FAQ).
    #[must_use]
    pub const fn shortfall(self) -> u64 {
        self.needed.saturating_sub(self.remaining)
    }

    /// The activations left on the key afterwards (0 when short).
    #[must_use]
    pub const fn left_after(self) -> u64 {
        self.remaining.saturating_sub(self.needed)
    }
}

/// Where the MAK accounting rules come from: the FAQ for "one activation per MAK activation,
/// physical or virtual", and VAMT local reactivation for reapplying a CID.
///
/// ```
/// use volume_activation::rules::mak_accounting_sources;
///
/// let [faq, vamt] = mak_accounting_sources();
/// assert_eq!(faq.source().id(), "FAQ");
/// assert!(vamt.passage().contains("conserves the remaining activations"));
/// ```
#[must_use]
pub const fn mak_accounting_sources() -> [Cited<()>; 2] {
    [
        Cited::new(
            (),
            FAQ,
            DOC,
            "each time a computer is activated using a MAK, one activation is decremented. This applies to both physical and virtual computers.",
        ),
        Cited::new(
            (),
            Source::VAMT_LOCAL_REACTIVATION,
            DOC,
            "Reapplying the same CID conserves the remaining activations on the key.",
        ),
    ]
}
