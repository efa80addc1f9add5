//! Volume Licensing agreement programs and product pools.

crate::macros::id_enum! {
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
    pub enum AgreementProgram: "agreement program", "a program ID such as enterprise-agreement, select-plus, open-value or csp" {
        /// Enterprise Agreement (EA).
        EnterpriseAgreement => "enterprise-agreement", "Enterprise Agreement",
        /// Select License.
        SelectLicense => "select-license", "Select License",
        /// Select Plus.
        SelectPlus => "select-plus", "Select Plus",
        /// Microsoft Products and Services Agreement (MPSA).
        Mpsa => "mpsa", "Microsoft Products and Services Agreement",
        /// Open License.
        OpenLicense => "open-license", "Open License",
        /// Open Value.
        OpenValue => "open-value", "Open Value",
        /// Open Value Subscription.
        OpenValueSubscription => "open-value-subscription", "Open Value Subscription",
        /// Campus Agreement.
        Campus => "campus", "Campus Agreement",
        /// School Agreement.
        School => "school", "School Agreement",
        /// Services Provider License Agreement (SPLA).
        Spla => "spla", "Services Provider License Agreement",
        /// ISV Royalty Licensing Program.
        IsvRoyalty => "isv-royalty", "ISV Royalty Licensing Program",
        /// High Volume Messaging Services Agreement (HVMS).
        Hvms => "hvms", "High Volume Messaging Services Agreement",
        /// Cloud Solution Provider (CSP).
        Csp => "csp", "Cloud Solution Provider",
    }
}

crate::macros::id_enum! {
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
    pub enum ProductPool: "product pool", "one of systems, servers, applications" {
        /// Systems: Windows client operating systems.
        Systems => "systems", "Systems",
        /// Servers: Windows Server and server products.
        Servers => "servers", "Servers",
        /// Applications: Office and other applications.
        Applications => "applications", "Applications",
    }
}
