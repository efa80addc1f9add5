//! Three-valued facts with provenance: documented yes, derived yes, documented no,
//! undocumented.

use crate::catalog::{Confidence, Source};

crate::macros::id_enum! {
    /// What the published sources say about one relation (a host key and a client, a host OS
    /// and a host key, a host OS and a client release).
    ///
    /// The crate owns this set, so it is exhaustive.
    ///
    /// ```
    /// use volume_activation::catalog::Answer;
    ///
    /// assert!(Answer::Derived.is_yes());
    /// assert!(!Answer::Undocumented.is_yes());
    /// assert_eq!("documented-no".parse::<Answer>()?, Answer::DocumentedNo);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    pub enum Answer: "answer", "one of documented, derived, documented-no, undocumented" {
        /// Yes: Microsoft says so in so many words (a table row).
        Documented => "documented", "yes (documented)",
        /// Yes: follows from a documented rule (the product-key-group hierarchy, a per-version
        /// rule), though no table lists the pair.
        Derived => "derived", "yes (derived from a documented rule)",
        /// No: a documented rule excludes it.
        DocumentedNo => "documented-no", "no (documented)",
        /// Microsoft is silent; the crate does not guess, and treats it as not a yes.
        Undocumented => "undocumented", "undocumented",
    }
}

impl Answer {
    /// Whether this is a yes (documented or derived). Undocumented is not a yes.
    #[must_use]
    pub const fn is_yes(self) -> bool {
        matches!(self, Answer::Documented | Answer::Derived)
    }

    /// How sure the crate is: documented answers (yes or no) are [`Confidence::Documented`],
    /// derived ones [`Confidence::Derived`], undocumented ones [`Confidence::Unverified`].
    #[must_use]
    pub const fn confidence(self) -> Confidence {
        match self {
            Answer::Documented | Answer::DocumentedNo => Confidence::Documented,
            Answer::Derived => Confidence::Derived,
            Answer::Undocumented => Confidence::Unverified,
        }
    }
}

crate::macros::id_enum! {
    /// Why the crate answers what it answers: the table or the documented rule behind one
    /// [`Coverage`], with its sources ([`Basis::sources`]).
    ///
    /// Microsoft publishes new tables, so this enum is `#[non_exhaustive]`.
    ///
    /// ```
    /// use volume_activation::catalog::{Basis, Source};
    ///
    /// assert_eq!(Basis::ActivationVersionsTable.sources(), &[Source::KMS_PLANNING]);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[non_exhaustive]
    pub enum Basis: "basis", "a basis ID such as activation-versions-table or product-group-hierarchy" {
        /// The current "activation versions" table of KMS activation planning (2025-03-17).
        ActivationVersionsTable => "activation-versions-table", "listed in the current KMS activation versions table",
        /// The Windows Server 2019 row of the current table and of the 2020 Windows Server
        /// 2019 Activation page (which names LTSC 2019 and LTSB 2015/2016 explicitly).
        ActivationVersions2019 => "activation-versions-2019", "listed for the Windows Server 2019 host key (current table and Windows Server 2019 Activation page)",
        /// The "Windows Server 2012 R2 for Windows 10" rows of the Windows Server 2016 and 2019
        /// Activation pages and of Step 1 (2012 R2 planning).
        ActivationVersions2012R2ForWindows10 => "activation-versions-2012-r2-for-windows-10", "listed for the Windows Server 2012 R2 for Windows 10 host key (Windows Server 2016/2019 Activation pages)",
        /// The older lists of Step 1: Review and Select Activation Methods (2012 R2 planning).
        Step1Table => "step1-table", "listed in Step 1: Review and Select Activation Methods (Windows Server 2012 R2)",
        /// Step 1 and Table 7 of the 2012 R2 Volume Activation Technical Reference.
        Step1AndTable7 => "step1-and-table7", "listed in Step 1 and Table 7 (Windows Server 2012 R2 references)",
        /// Table 7 of the 2012 R2 Volume Activation Technical Reference (and the Windows 7
        /// "Determining Product Key Needs" for the Windows 7 key).
        Table7 => "table7", "listed in Table 7 (Windows Server 2012 R2 Volume Activation Technical Reference)",
        /// The Vista VL rows of Table 7 and the Volume Activation 2.0 key groups.
        VistaKeyTable => "vista-key-table", "listed for the Windows Vista host key (Table 7, Volume Activation 2.0 key groups)",
        /// The Server Group B example of "Changes to Volume Activation 2.0".
        Va2GroupBExample => "va2-group-b-example", "the Server Group B example of Changes to Volume Activation 2.0",
        /// The product-key-group hierarchy: a key activates its own group and the lower groups.
        ProductGroupHierarchy => "product-group-hierarchy", "derived from the product key group hierarchy (a key activates its own group and lower groups)",
        /// Windows 11 is listed only under the 2022 and 2025 keys.
        Windows11NotListed => "windows-11-not-listed", "Microsoft lists Windows 11 only under the Windows Server 2022 and 2025 host keys; it says neither yes nor no for this key",
        /// No table names this LTSB/LTSC release for this key.
        LtscReleaseNotListed => "ltsc-release-not-listed", "no table names this LTSB/LTSC release for this key (the 2019, 2022 and 2025 rows say \"Windows 10 Enterprise LTSC/LTSC N/LTSB\" without a year)",
        /// IoT Enterprise LTSC appears in no host-key table.
        IotLtscNotListed => "iot-ltsc-not-listed", "Windows IoT Enterprise LTSC appears in no host key table",
        /// The pair appears in no table and no documented rule decides it.
        NotListed => "not-listed", "not listed in any Microsoft table read, and no documented rule decides it",
        /// A client KMS host key activates only client operating systems.
        ClientKeyActivatesOnlyClients => "client-key-activates-only-clients", "a KMS host on a Windows client activates only Windows client (and a client key cannot be installed on Windows Server)",
        /// Windows Vista and Windows Server 2008 keys cannot activate Windows 7 / 2008 R2 or later.
        VistaKeysStopAtVista => "vista-keys-stop-at-vista", "Windows Server 2008 and Windows Vista keys cannot activate Windows 7 or Windows Server 2008 R2 and later",
        /// A newer Windows Server needs a newer host key.
        NewerServerNeedsNewerKey => "newer-server-needs-newer-key", "activating a Windows Server newer than the host key needs a newer host key",
        /// One Office host key per Office version; Windows keys do not activate Office.
        OfficeKeyPerVersion => "office-key-per-version", "Office needs the Office host key of its own version (one per version; Windows keys do not activate Office)",
        /// Office 2010 / 2013: separate host packs and keys per version (implied).
        OfficeKeyPerVersionOlder => "office-key-per-version-older", "derived for Office 2010/2013 from the per-version host packs and keys",
        /// Whether an Office host key activates another Office version is not documented.
        OfficeOtherVersion => "office-other-version", "no Microsoft page says an Office host key activates another Office version",
        /// The host-OS rows of the activation versions tables.
        HostOsTable => "host-os-table", "listed as a host OS for this key (KMS activation planning, Windows Server 2016/2019 Activation)",
        /// The host-OS rows of Step 1 (2012 R2 planning).
        HostOsStep1 => "host-os-step1", "listed as a host OS in Step 1: Review and Select Activation Methods",
        /// The Windows 7 era host-OS statements.
        HostOsWindows7Guide => "host-os-windows-7-guide", "listed as a host OS in the Windows 7 Volume Activation guides and Table 7",
        /// The Windows Server 2008 era host-OS statements.
        HostOsWs2008Blog => "host-os-ws2008-blog", "listed as a host OS in Volume Activation of Windows Server 2008 (Microsoft blog)",
        /// A client key cannot be installed on Windows Server.
        ClientKeyNotOnServer => "client-key-not-on-server", "a client KMS key can't be installed into the KMS in Windows Server",
        /// Datacenter: Azure Edition cannot be a KMS host.
        AzureEditionCannotHost => "azure-edition-cannot-host", "Windows Server Datacenter: Azure Edition is activated by Azure and can't be a KMS host",
        /// The 2012 R2 for Windows 10 key cannot be installed on Windows Server 2016.
        Windows10KeyNotOn2016 => "windows-10-key-not-on-2016", "the Windows Server 2012 R2 for Windows 10 host key cannot be installed on Windows Server 2016",
        /// Office LTSC 2024 / LTSC 2021 / 2019 / 2016 host OS list ("at least ...").
        OfficeHostOs => "office-host-os", "listed as a host OS for this Office version's host pack",
        /// Office 2013 host OS list (2012 text).
        OfficeHostOs2013 => "office-host-os-2013", "listed as an Office 2013 host OS (Volume activation methods in Office 2013)",
        /// Office 2010 host OS list (Microsoft support blog).
        OfficeHostOs2010 => "office-host-os-2010", "listed as an Office 2010 host OS (Microsoft support blog)",
        /// The required-updates table of KMS activation planning.
        RequiredUpdatesTable => "required-updates-table", "the update table of KMS activation planning",
        /// The update statements of Step 1 (2012 R2 planning).
        RequiredUpdatesStep1 => "required-updates-step1", "the updates named in Step 1: Review and Select Activation Methods",
        /// KB968912 for Vista / Server 2008 hosts.
        RequiredUpdatesKb968912 => "required-updates-kb968912", "KB968912 extends Vista / Windows Server 2008 KMS hosts to Windows 7 / 2008 R2",
        /// The host OS appears in no host-OS list for this key.
        HostOsNotListed => "host-os-not-listed", "not listed as a host OS for this key, and no documented rule decides it",
        /// Windows Server 2008 R2 hosts cannot be updated for 2016 or newer.
        CannotUpdate2008R2 => "cannot-update-2008-r2", "Windows Server 2008 R2 KMS hosts cannot be updated to activate Windows Server 2016 or newer",
        /// Vista / Server 2008 hosts cannot activate Windows 10.
        CannotUpdateVistaForWindows10 => "cannot-update-vista-for-windows-10", "Windows Vista and Windows Server 2008 KMS hosts cannot activate Windows 10",
        /// Step 1 and Table 7 of the 2012 R2 planning guide disagree on Vista / Server 2008
        /// hosts activating Windows Server 2012 R2.
        Step1ConflictsWithTable7 => "step1-conflicts-with-table7", "Step 1 names KB2885698 for Windows Server 2008 KMS hosts activating Windows Server 2012 R2; Table 7 says Windows Vista and Windows Server 2008 cannot activate Windows Server 2012 R2",
        /// The client is not newer than the host: no update is needed.
        NotNewerThanHost => "not-newer-than-host", "updates are required only to activate a Windows newer than the KMS host",
    }
}

impl Basis {
    /// The documents this basis rests on.
    #[must_use]
    pub const fn sources(self) -> &'static [Source] {
        use Basis::*;
        match self {
            ActivationVersionsTable | Windows11NotListed | LtscReleaseNotListed | NotListed => {
                &[Source::KMS_PLANNING]
            }
            ActivationVersions2019 => &[Source::KMS_PLANNING, Source::KMS_SERVER_2019_ACTIVATION],
            ActivationVersions2012R2ForWindows10 => &[
                Source::KMS_SERVER_2016_ACTIVATION,
                Source::KMS_SERVER_2019_ACTIVATION,
                Source::KMS_STEP1_2012R2,
            ],
            Step1Table | HostOsStep1 | RequiredUpdatesStep1 => &[Source::KMS_STEP1_2012R2],
            Step1AndTable7 | Step1ConflictsWithTable7 => {
                &[Source::KMS_STEP1_2012R2, Source::KMS_TABLE7_2012R2]
            }
            Table7 => &[Source::KMS_TABLE7_2012R2, Source::W7_KEY_NEEDS],
            VistaKeyTable => &[Source::KMS_TABLE7_2012R2, Source::VA2_KEY_GROUPS],
            Va2GroupBExample => &[Source::KMS_VA2_CHANGES],
            ProductGroupHierarchy => &[Source::W7_KEY_NEEDS, Source::KMS_VA2_CHANGES],
            IotLtscNotListed => &[Source::KMS_PLANNING, Source::IOT_VOLUME_LICENSE],
            ClientKeyActivatesOnlyClients => {
                &[Source::KMS_PLANNING, Source::KMS_ACTIVATE_USING_KMS]
            }
            VistaKeysStopAtVista => &[Source::KMS_TABLE7_2012R2, Source::KMS_TROUBLESHOOTING],
            NewerServerNeedsNewerKey => &[
                Source::KMS_PLANNING,
                Source::KMS_ACTIVATE_USING_KMS,
                Source::KMS_RESOLVING_ERROR_CODES,
            ],
            OfficeKeyPerVersion | OfficeOtherVersion => {
                &[Source::OFFICE_KMS_HOST, Source::OFFICE_ACTIVATE_BY_KMS]
            }
            OfficeKeyPerVersionOlder => &[
                Source::OFFICE_KMS_HOST,
                Source::OFFICE_2013_ACTIVATION_METHODS,
            ],
            HostOsTable => &[
                Source::KMS_PLANNING,
                Source::KMS_SERVER_2016_ACTIVATION,
                Source::KMS_SERVER_2019_ACTIVATION,
            ],
            HostOsWindows7Guide => &[
                Source::KMS_W7_UNDERSTANDING,
                Source::KMS_TROUBLESHOOTING,
                Source::KMS_TABLE7_2012R2,
            ],
            HostOsWs2008Blog => &[Source::KMS_BLOG_WS2008],
            ClientKeyNotOnServer => &[Source::KMS_ACTIVATE_USING_KMS, Source::KMS_KB3086418],
            AzureEditionCannotHost | RequiredUpdatesTable | NotNewerThanHost => {
                &[Source::KMS_PLANNING]
            }
            Windows10KeyNotOn2016 => &[Source::KMS_DOCS_PR_1268],
            OfficeHostOs => &[Source::OFFICE_KMS_HOST],
            HostOsNotListed => &[Source::KMS_PLANNING, Source::OFFICE_KMS_HOST],
            OfficeHostOs2013 => &[Source::OFFICE_2013_ACTIVATION_METHODS],
            OfficeHostOs2010 => &[Source::OFFICE_2010_KMS_BLOG],
            RequiredUpdatesKb968912 => &[Source::KMS_TROUBLESHOOTING, Source::KMS_W7_UNDERSTANDING],
            CannotUpdate2008R2 => &[
                Source::KMS_SERVER_2016_ACTIVATION,
                Source::KMS_SERVER_2019_ACTIVATION,
            ],
            CannotUpdateVistaForWindows10 => &[Source::KMS_TABLE7_2012R2, Source::KMS_KB3086418],
        }
    }
}

/// One three-valued fact with its provenance: the [`Answer`] and the [`Basis`] it rests on.
///
/// Returned by [`host_key_coverage`](crate::rules::host_key_coverage) and
/// [`host_os_support`](crate::rules::host_os_support). `Copy`, allocation-free.
///
/// ```
/// use volume_activation::{Confidence, KmsHostKey, Sku};
/// use volume_activation::catalog::Answer;
/// use volume_activation::rules::host_key_coverage;
///
/// let c = host_key_coverage(KmsHostKey::WindowsServer2019, "windows-11/enterprise".parse::<Sku>()?);
/// assert_eq!(c.answer(), Answer::Undocumented);
/// assert!(!c.is_yes());
/// assert_eq!(c.confidence(), Confidence::Unverified);
/// assert!(c.sources()[0].url().contains("kms-activation-planning"));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Coverage {
    answer: Answer,
    basis: Basis,
}

impl Coverage {
    pub(crate) const fn new(answer: Answer, basis: Basis) -> Coverage {
        Coverage { answer, basis }
    }

    /// The answer.
    #[must_use]
    pub const fn answer(self) -> Answer {
        self.answer
    }

    /// What the answer rests on.
    #[must_use]
    pub const fn basis(self) -> Basis {
        self.basis
    }

    /// Whether the answer is a yes (documented or derived).
    #[must_use]
    pub const fn is_yes(self) -> bool {
        self.answer.is_yes()
    }

    /// How sure the crate is.
    #[must_use]
    pub const fn confidence(self) -> Confidence {
        self.answer.confidence()
    }

    /// The documents the answer rests on.
    #[must_use]
    pub const fn sources(self) -> &'static [Source] {
        self.basis.sources()
    }
}
