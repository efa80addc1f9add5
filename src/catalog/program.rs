//! Volume Licensing agreement programs and product pools.

/// A Microsoft Volume Licensing agreement program.
///
/// The rules attached to programs (key delivery, rights, MAK allotments) live in the
/// `rules` layer. Microsoft renames and adds programs, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::catalog::AgreementProgram;
///
/// let p: AgreementProgram = "select-plus".parse()?;
/// assert_eq!(p.name(), "Select Plus");
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
pub enum AgreementProgram {
    /// Enterprise Agreement (EA).
    #[strum(serialize = "enterprise-agreement")]
    EnterpriseAgreement,
    /// Select License.
    #[strum(serialize = "select-license")]
    SelectLicense,
    /// Select Plus.
    #[strum(serialize = "select-plus")]
    SelectPlus,
    /// Microsoft Products and Services Agreement (MPSA).
    #[strum(serialize = "mpsa")]
    Mpsa,
    /// Open License.
    #[strum(serialize = "open-license")]
    OpenLicense,
    /// Open Value.
    #[strum(serialize = "open-value")]
    OpenValue,
    /// Open Value Subscription.
    #[strum(serialize = "open-value-subscription")]
    OpenValueSubscription,
    /// Campus Agreement.
    #[strum(serialize = "campus")]
    Campus,
    /// School Agreement.
    #[strum(serialize = "school")]
    School,
    /// Services Provider License Agreement (SPLA).
    #[strum(serialize = "spla")]
    Spla,
    /// ISV Royalty Licensing Program.
    #[strum(serialize = "isv-royalty")]
    IsvRoyalty,
    /// High Volume Messaging Services Agreement (HVMS).
    #[strum(serialize = "hvms")]
    Hvms,
    /// Cloud Solution Provider (CSP).
    #[strum(serialize = "csp")]
    Csp,
}

impl AgreementProgram {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            AgreementProgram::EnterpriseAgreement => "Enterprise Agreement",
            AgreementProgram::SelectLicense => "Select License",
            AgreementProgram::SelectPlus => "Select Plus",
            AgreementProgram::Mpsa => "Microsoft Products and Services Agreement",
            AgreementProgram::OpenLicense => "Open License",
            AgreementProgram::OpenValue => "Open Value",
            AgreementProgram::OpenValueSubscription => "Open Value Subscription",
            AgreementProgram::Campus => "Campus Agreement",
            AgreementProgram::School => "School Agreement",
            AgreementProgram::Spla => "Services Provider License Agreement",
            AgreementProgram::IsvRoyalty => "ISV Royalty Licensing Program",
            AgreementProgram::Hvms => "High Volume Messaging Services Agreement",
            AgreementProgram::Csp => "Cloud Solution Provider",
        }
    }

    /// The error for text that is no AgreementProgram ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown(
            "agreement program",
            s,
            "a program ID such as enterprise-agreement, select-plus, open-value or csp",
        )
    }
}

crate::macros::serde_as_id!(AgreementProgram);

/// A Volume Licensing product pool: Enterprise Agreement, Select License and Select Plus
/// customers receive keys per pool (Volume Licensing FAQ, 06/2018).
///
/// Microsoft could add pools, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::catalog::ProductPool;
///
/// assert_eq!("servers".parse::<ProductPool>()?, ProductPool::Servers);
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
pub enum ProductPool {
    /// Systems: Windows client operating systems.
    #[strum(serialize = "systems")]
    Systems,
    /// Servers: Windows Server and server products.
    #[strum(serialize = "servers")]
    Servers,
    /// Applications: Office and other applications.
    #[strum(serialize = "applications")]
    Applications,
}

impl ProductPool {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ProductPool::Systems => "Systems",
            ProductPool::Servers => "Servers",
            ProductPool::Applications => "Applications",
        }
    }

    /// The error for text that is no ProductPool ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("product pool", s)
    }
}

crate::macros::serde_as_id!(ProductPool);
