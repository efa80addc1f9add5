//! Editions: the product variants of a release.

crate::macros::id_enum! {
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
    pub enum Edition: "edition", "an edition ID such as pro, enterprise-ltsc, datacenter or professional-plus" {
        /// Windows Vista Business.
        Business => "business", "Business",
        /// Windows Vista Business N.
        BusinessN => "business-n", "Business N",
        /// Pro (Windows 7: Professional).
        Pro => "pro", "Pro",
        /// Pro N (Windows 7: Professional N).
        ProN => "pro-n", "Pro N",
        /// Windows 7 Professional E.
        ProE => "pro-e", "Professional E",
        /// Pro for Workstations.
        ProForWorkstations => "pro-for-workstations", "Pro for Workstations",
        /// Pro for Workstations N.
        ProForWorkstationsN => "pro-for-workstations-n", "Pro for Workstations N",
        /// Pro Education.
        ProEducation => "pro-education", "Pro Education",
        /// Pro Education N.
        ProEducationN => "pro-education-n", "Pro Education N",
        /// Education.
        Education => "education", "Education",
        /// Education N.
        EducationN => "education-n", "Education N",
        /// Enterprise (Windows client; also Windows Server 2008 / 2008 R2 Enterprise).
        Enterprise => "enterprise", "Enterprise",
        /// Enterprise N.
        EnterpriseN => "enterprise-n", "Enterprise N",
        /// Windows 7 Enterprise E.
        EnterpriseE => "enterprise-e", "Enterprise E",
        /// Enterprise G.
        EnterpriseG => "enterprise-g", "Enterprise G",
        /// Enterprise G N.
        EnterpriseGN => "enterprise-g-n", "Enterprise G N",
        /// Enterprise LTSC (LTSB for the 2015 and 2016 releases).
        EnterpriseLtsc => "enterprise-ltsc", "Enterprise LTSC",
        /// Enterprise N LTSC (N LTSB for the 2015 and 2016 releases).
        EnterpriseNLtsc => "enterprise-n-ltsc", "Enterprise N LTSC",
        /// Windows IoT Enterprise LTSC.
        IotEnterpriseLtsc => "iot-enterprise-ltsc", "IoT Enterprise LTSC",
        /// Windows Server Standard (also the Office Standard suite).
        Standard => "standard", "Standard",
        /// Windows Server Datacenter.
        Datacenter => "datacenter", "Datacenter",
        /// Windows Server Datacenter: Azure Edition.
        DatacenterAzureEdition => "datacenter-azure-edition", "Datacenter: Azure Edition",
        /// Windows Server Essentials (SBS 2011 Essentials too).
        Essentials => "essentials", "Essentials",
        /// Windows Web Server.
        Web => "web", "Web",
        /// Windows Server HPC edition.
        Hpc => "hpc", "HPC",
        /// Windows Server for Itanium-based systems.
        Itanium => "itanium", "for Itanium-Based Systems",
        /// Windows Server 2008 Standard without Hyper-V.
        StandardWithoutHyperV => "standard-without-hyper-v", "Standard without Hyper-V",
        /// Windows Server 2008 Enterprise without Hyper-V.
        EnterpriseWithoutHyperV => "enterprise-without-hyper-v", "Enterprise without Hyper-V",
        /// Windows Server 2008 Datacenter without Hyper-V.
        DatacenterWithoutHyperV => "datacenter-without-hyper-v", "Datacenter without Hyper-V",
        /// Windows MultiPoint Server 2012 Standard.
        MultiPointStandard => "multipoint-standard", "MultiPoint Standard",
        /// Windows MultiPoint Server 2012 Premium.
        MultiPointPremium => "multipoint-premium", "MultiPoint Premium",
        /// The GVLK row Microsoft names only "Windows Server 2012", with no edition word.
        Base => "base", "(no edition name)",
        /// The GVLK row "Windows Server 2012 N".
        BaseN => "base-n", "N",
        /// The GVLK row "Windows Server 2012 Single Language".
        SingleLanguage => "single-language", "Single Language",
        /// The GVLK row "Windows Server 2012 Country Specific".
        CountrySpecific => "country-specific", "Country Specific",
        /// Windows Small Business Server Premium (2008).
        Premium => "premium", "Premium",
        /// Windows Small Business Server 2011 Premium Add-on.
        PremiumAddOn => "premium-add-on", "Premium Add-on",
        /// Office Professional Plus.
        ProfessionalPlus => "professional-plus", "Professional Plus",
        /// Project Professional.
        ProjectProfessional => "project-professional", "Project Professional",
        /// Project Standard.
        ProjectStandard => "project-standard", "Project Standard",
        /// Visio Professional.
        VisioProfessional => "visio-professional", "Visio Professional",
        /// Visio Standard.
        VisioStandard => "visio-standard", "Visio Standard",
        /// Access.
        Access => "access", "Access",
        /// Excel.
        Excel => "excel", "Excel",
        /// OneNote.
        OneNote => "onenote", "OneNote",
        /// Outlook.
        Outlook => "outlook", "Outlook",
        /// PowerPoint.
        PowerPoint => "powerpoint", "PowerPoint",
        /// Publisher.
        Publisher => "publisher", "Publisher",
        /// Skype for Business.
        SkypeForBusiness => "skype-for-business", "Skype for Business",
        /// Word.
        Word => "word", "Word",
    }
}
