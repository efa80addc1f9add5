//! Editions: the product variants of a release.

/// An edition of a release (Pro, Enterprise LTSC, Datacenter, Professional Plus, ...).
///
/// Editions have no order. An edition alone is not a product: pair it with a
/// [`Release`](crate::catalog::Release) in a [`Sku`](crate::catalog::Sku), which exists only for real
/// combinations. The same edition serves several families where Microsoft uses the same
/// word (`Standard` is a Windows Server edition and an Office suite; `Enterprise` a Windows
/// client and a Windows Server 2008 edition).
///
/// Microsoft adds editions, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::Edition;
///
/// let e: Edition = "enterprise-ltsc".parse()?;
/// assert_eq!(e.name(), "Enterprise LTSC");
/// assert_eq!(e.to_string(), "enterprise-ltsc");
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
pub enum Edition {
    /// Windows Vista Business.
    #[strum(serialize = "business")]
    Business,
    /// Windows Vista Business N.
    #[strum(serialize = "business-n")]
    BusinessN,
    /// Pro (Windows 7: Professional).
    #[strum(serialize = "pro")]
    Pro,
    /// Pro N (Windows 7: Professional N).
    #[strum(serialize = "pro-n")]
    ProN,
    /// Windows 7 Professional E.
    #[strum(serialize = "pro-e")]
    ProE,
    /// Pro for Workstations.
    #[strum(serialize = "pro-for-workstations")]
    ProForWorkstations,
    /// Pro for Workstations N.
    #[strum(serialize = "pro-for-workstations-n")]
    ProForWorkstationsN,
    /// Pro Education.
    #[strum(serialize = "pro-education")]
    ProEducation,
    /// Pro Education N.
    #[strum(serialize = "pro-education-n")]
    ProEducationN,
    /// Education.
    #[strum(serialize = "education")]
    Education,
    /// Education N.
    #[strum(serialize = "education-n")]
    EducationN,
    /// Enterprise (Windows client; also Windows Server 2008 / 2008 R2 Enterprise).
    #[strum(serialize = "enterprise")]
    Enterprise,
    /// Enterprise N.
    #[strum(serialize = "enterprise-n")]
    EnterpriseN,
    /// Windows 7 Enterprise E.
    #[strum(serialize = "enterprise-e")]
    EnterpriseE,
    /// Enterprise G.
    #[strum(serialize = "enterprise-g")]
    EnterpriseG,
    /// Enterprise G N.
    #[strum(serialize = "enterprise-g-n")]
    EnterpriseGN,
    /// Enterprise LTSC (LTSB for the 2015 and 2016 releases).
    #[strum(serialize = "enterprise-ltsc")]
    EnterpriseLtsc,
    /// Enterprise N LTSC (N LTSB for the 2015 and 2016 releases).
    #[strum(serialize = "enterprise-n-ltsc")]
    EnterpriseNLtsc,
    /// Windows IoT Enterprise LTSC.
    #[strum(serialize = "iot-enterprise-ltsc")]
    IotEnterpriseLtsc,
    /// Windows Server Standard (also the Office Standard suite).
    #[strum(serialize = "standard")]
    Standard,
    /// Windows Server Datacenter.
    #[strum(serialize = "datacenter")]
    Datacenter,
    /// Windows Server Datacenter: Azure Edition.
    #[strum(serialize = "datacenter-azure-edition")]
    DatacenterAzureEdition,
    /// Windows Server Essentials (SBS 2011 Essentials too).
    #[strum(serialize = "essentials")]
    Essentials,
    /// Windows Web Server.
    #[strum(serialize = "web")]
    Web,
    /// Windows Server HPC edition.
    #[strum(serialize = "hpc")]
    Hpc,
    /// Windows Server for Itanium-based systems.
    #[strum(serialize = "itanium")]
    Itanium,
    /// Windows Server 2008 Standard without Hyper-V.
    #[strum(serialize = "standard-without-hyper-v")]
    StandardWithoutHyperV,
    /// Windows Server 2008 Enterprise without Hyper-V.
    #[strum(serialize = "enterprise-without-hyper-v")]
    EnterpriseWithoutHyperV,
    /// Windows Server 2008 Datacenter without Hyper-V.
    #[strum(serialize = "datacenter-without-hyper-v")]
    DatacenterWithoutHyperV,
    /// Windows MultiPoint Server 2012 Standard.
    #[strum(serialize = "multipoint-standard")]
    MultiPointStandard,
    /// Windows MultiPoint Server 2012 Premium.
    #[strum(serialize = "multipoint-premium")]
    MultiPointPremium,
    /// The GVLK row Microsoft names only "Windows Server 2012", with no edition word.
    #[strum(serialize = "base")]
    Base,
    /// The GVLK row "Windows Server 2012 N".
    #[strum(serialize = "base-n")]
    BaseN,
    /// The GVLK row "Windows Server 2012 Single Language".
    #[strum(serialize = "single-language")]
    SingleLanguage,
    /// The GVLK row "Windows Server 2012 Country Specific".
    #[strum(serialize = "country-specific")]
    CountrySpecific,
    /// Windows Small Business Server Premium (2008).
    #[strum(serialize = "premium")]
    Premium,
    /// Windows Small Business Server 2011 Premium Add-on.
    #[strum(serialize = "premium-add-on")]
    PremiumAddOn,
    /// Office Professional Plus.
    #[strum(serialize = "professional-plus")]
    ProfessionalPlus,
    /// Project Professional.
    #[strum(serialize = "project-professional")]
    ProjectProfessional,
    /// Project Standard.
    #[strum(serialize = "project-standard")]
    ProjectStandard,
    /// Visio Premium (Office 2010 only).
    #[strum(serialize = "visio-premium")]
    VisioPremium,
    /// Visio Professional.
    #[strum(serialize = "visio-professional")]
    VisioProfessional,
    /// Visio Standard.
    #[strum(serialize = "visio-standard")]
    VisioStandard,
    /// Access.
    #[strum(serialize = "access")]
    Access,
    /// Excel.
    #[strum(serialize = "excel")]
    Excel,
    /// InfoPath (Office 2010 and 2013).
    #[strum(serialize = "infopath")]
    InfoPath,
    /// OneNote.
    #[strum(serialize = "onenote")]
    OneNote,
    /// Outlook.
    #[strum(serialize = "outlook")]
    Outlook,
    /// PowerPoint.
    #[strum(serialize = "powerpoint")]
    PowerPoint,
    /// Publisher.
    #[strum(serialize = "publisher")]
    Publisher,
    /// SharePoint Workspace (Office 2010).
    #[strum(serialize = "sharepoint-workspace")]
    SharePointWorkspace,
    /// Lync (Office 2013; its successor is Skype for Business).
    #[strum(serialize = "lync")]
    Lync,
    /// Skype for Business.
    #[strum(serialize = "skype-for-business")]
    SkypeForBusiness,
    /// Word.
    #[strum(serialize = "word")]
    Word,
}

impl Edition {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Edition::Business => "Business",
            Edition::BusinessN => "Business N",
            Edition::Pro => "Pro",
            Edition::ProN => "Pro N",
            Edition::ProE => "Professional E",
            Edition::ProForWorkstations => "Pro for Workstations",
            Edition::ProForWorkstationsN => "Pro for Workstations N",
            Edition::ProEducation => "Pro Education",
            Edition::ProEducationN => "Pro Education N",
            Edition::Education => "Education",
            Edition::EducationN => "Education N",
            Edition::Enterprise => "Enterprise",
            Edition::EnterpriseN => "Enterprise N",
            Edition::EnterpriseE => "Enterprise E",
            Edition::EnterpriseG => "Enterprise G",
            Edition::EnterpriseGN => "Enterprise G N",
            Edition::EnterpriseLtsc => "Enterprise LTSC",
            Edition::EnterpriseNLtsc => "Enterprise N LTSC",
            Edition::IotEnterpriseLtsc => "IoT Enterprise LTSC",
            Edition::Standard => "Standard",
            Edition::Datacenter => "Datacenter",
            Edition::DatacenterAzureEdition => "Datacenter: Azure Edition",
            Edition::Essentials => "Essentials",
            Edition::Web => "Web",
            Edition::Hpc => "HPC",
            Edition::Itanium => "for Itanium-Based Systems",
            Edition::StandardWithoutHyperV => "Standard without Hyper-V",
            Edition::EnterpriseWithoutHyperV => "Enterprise without Hyper-V",
            Edition::DatacenterWithoutHyperV => "Datacenter without Hyper-V",
            Edition::MultiPointStandard => "MultiPoint Standard",
            Edition::MultiPointPremium => "MultiPoint Premium",
            Edition::Base => "(no edition name)",
            Edition::BaseN => "N",
            Edition::SingleLanguage => "Single Language",
            Edition::CountrySpecific => "Country Specific",
            Edition::Premium => "Premium",
            Edition::PremiumAddOn => "Premium Add-on",
            Edition::ProfessionalPlus => "Professional Plus",
            Edition::ProjectProfessional => "Project Professional",
            Edition::ProjectStandard => "Project Standard",
            Edition::VisioPremium => "Visio Premium",
            Edition::VisioProfessional => "Visio Professional",
            Edition::VisioStandard => "Visio Standard",
            Edition::Access => "Access",
            Edition::Excel => "Excel",
            Edition::InfoPath => "InfoPath",
            Edition::OneNote => "OneNote",
            Edition::Outlook => "Outlook",
            Edition::PowerPoint => "PowerPoint",
            Edition::Publisher => "Publisher",
            Edition::SharePointWorkspace => "SharePoint Workspace",
            Edition::Lync => "Lync",
            Edition::SkypeForBusiness => "Skype for Business",
            Edition::Word => "Word",
        }
    }

    /// The error for text that is no Edition ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown(
            "edition",
            s,
            "an edition ID such as pro, enterprise-ltsc, datacenter or professional-plus",
        )
    }
}

crate::macros::serde_as_id!(Edition);
