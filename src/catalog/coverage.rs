//! Three-valued facts with provenance: documented yes, derived yes, documented no,
//! undocumented.

use crate::catalog::{Confidence, Source};

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
/// assert!(Answer::DerivedNo.is_no());
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
pub enum Answer {
    /// Yes: Microsoft says so in so many words (a table row).
    #[strum(serialize = "documented")]
    Documented,
    /// Yes: follows from a documented rule (the product-key-group hierarchy, a per-version
    /// rule), though no table lists the pair.
    #[strum(serialize = "derived")]
    Derived,
    /// No: Microsoft says so in so many words (a page names the case, or lists what is
    /// supported with "only").
    #[strum(serialize = "documented-no")]
    DocumentedNo,
    /// No: follows from a documented general rule (a key does not activate a later
    /// generation, a group key does not activate a higher group, one Office key per
    /// version), though no page names the pair.
    #[strum(serialize = "derived-no")]
    DerivedNo,
    /// Microsoft is silent; the crate does not guess, and treats it as not a yes.
    #[strum(serialize = "undocumented")]
    Undocumented,
}

impl Answer {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Answer::Documented => "yes (documented)",
            Answer::Derived => "yes (derived from a documented rule)",
            Answer::DocumentedNo => "no (documented)",
            Answer::DerivedNo => "no (derived from a documented rule)",
            Answer::Undocumented => "undocumented",
        }
    }

    /// The error for text that is no Answer ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("answer", s)
    }
}

crate::macros::serde_as_id!(Answer);

impl Answer {
    /// Whether this is a yes (documented or derived). Undocumented is not a yes.
    #[must_use]
    pub const fn is_yes(self) -> bool {
        matches!(self, Answer::Documented | Answer::Derived)
    }

    /// Whether this is a no (documented or derived). Undocumented is not a no.
    #[must_use]
    pub const fn is_no(self) -> bool {
        matches!(self, Answer::DocumentedNo | Answer::DerivedNo)
    }

    /// How sure the crate is: documented answers (yes or no) are [`Confidence::Documented`],
    /// derived ones (yes or no) [`Confidence::Derived`], undocumented ones
    /// [`Confidence::Unverified`].
    #[must_use]
    pub const fn confidence(self) -> Confidence {
        match self {
            Answer::Documented | Answer::DocumentedNo => Confidence::Documented,
            Answer::Derived | Answer::DerivedNo => Confidence::Derived,
            Answer::Undocumented => Confidence::Unverified,
        }
    }
}

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
pub enum Basis {
    /// The current "activation versions" table of KMS activation planning (2025-03-17).
    #[strum(serialize = "activation-versions-table")]
    ActivationVersionsTable,
    /// The Windows Server 2019 row of the current table and of the 2020 Windows Server
    /// 2019 Activation page (which names LTSC 2019 and LTSB 2015/2016 explicitly).
    #[strum(serialize = "activation-versions-2019")]
    ActivationVersions2019,
    /// The "Windows Server 2012 R2 for Windows 10" rows of the Windows Server 2016 and 2019
    /// Activation pages and of Step 1 (2012 R2 planning).
    #[strum(serialize = "activation-versions-2012-r2-for-windows-10")]
    ActivationVersions2012R2ForWindows10,
    /// The older lists of Step 1: Review and Select Activation Methods (2012 R2 planning).
    #[strum(serialize = "step1-table")]
    Step1Table,
    /// Step 1 and Table 7 of the 2012 R2 Volume Activation Technical Reference.
    #[strum(serialize = "step1-and-table7")]
    Step1AndTable7,
    /// Table 7 of the 2012 R2 Volume Activation Technical Reference (and the Windows 7
    /// "Determining Product Key Needs" for the Windows 7 key).
    #[strum(serialize = "table7")]
    Table7,
    /// The Vista VL rows of Table 7 and the Volume Activation 2.0 key groups.
    #[strum(serialize = "vista-key-table")]
    VistaKeyTable,
    /// The Server Group B example of "Changes to Volume Activation 2.0".
    #[strum(serialize = "va2-group-b-example")]
    Va2GroupBExample,
    /// The product-key-group hierarchy: a key activates its own group and the lower groups.
    #[strum(serialize = "product-group-hierarchy")]
    ProductGroupHierarchy,
    /// A key does not activate a later generation (the rule between the table rows).
    /// Windows 7 "Determining Product Key Needs": "The KMS key for the newer Windows
    /// products will also activate the previous generation" (the hierarchy runs one way:
    /// newer keys cover older products, never the reverse).
    #[strum(serialize = "later-generation")]
    LaterGeneration,
    /// KB3086418: a Windows Server 2012 R2 host needs the "Windows Server 2012 R2 for
    /// Windows 10" key to activate Windows 10.
    #[strum(serialize = "later-generation-kb3086418")]
    LaterGenerationKb3086418,
    /// The key's row names LTSB/LTSC releases by year; a later year's release is a later
    /// generation than the row covers.
    #[strum(serialize = "ltsc-later-year")]
    LtscLaterYear,
    /// The previous generation: a key activates its own generation's group and the
    /// previous generation ("The KMS key for the newer Windows products will also activate
    /// the previous generation").
    #[strum(serialize = "previous-generation")]
    PreviousGeneration,
    /// An older Office version's host key never activates a newer Office version: one host
    /// key per version ("activate a KMS host key for each version of Office").
    #[strum(serialize = "office-older-key-newer-version")]
    OfficeOlderKeyNewerVersion,
    /// KMS is not offered for Windows Small Business Server 2011 (MAK only).
    #[strum(serialize = "sbs-kms-not-offered")]
    SbsKmsNotOffered,
    /// Windows 11 is listed only under the 2022 and 2025 keys.
    #[strum(serialize = "windows-11-not-listed")]
    Windows11NotListed,
    /// No table names this LTSB/LTSC release for this key.
    #[strum(serialize = "ltsc-release-not-listed")]
    LtscReleaseNotListed,
    /// IoT Enterprise LTSC appears in no host-key table.
    #[strum(serialize = "iot-ltsc-not-listed")]
    IotLtscNotListed,
    /// The pair appears in no table and no documented rule decides it.
    #[strum(serialize = "not-listed")]
    NotListed,
    /// A client KMS host key activates only client operating systems.
    #[strum(serialize = "client-key-activates-only-clients")]
    ClientKeyActivatesOnlyClients,
    /// Windows Vista and Windows Server 2008 keys cannot activate Windows 7 / 2008 R2 or later.
    #[strum(serialize = "vista-keys-stop-at-vista")]
    VistaKeysStopAtVista,
    /// A newer Windows Server needs a newer host key.
    #[strum(serialize = "newer-server-needs-newer-key")]
    NewerServerNeedsNewerKey,
    /// One Office host key per Office version; Windows keys do not activate Office.
    #[strum(serialize = "office-key-per-version")]
    OfficeKeyPerVersion,
    /// Office 2010 / 2013: separate host packs and keys per version (implied).
    #[strum(serialize = "office-key-per-version-older")]
    OfficeKeyPerVersionOlder,
    /// Whether an Office host key activates another Office version is not documented.
    #[strum(serialize = "office-other-version")]
    OfficeOtherVersion,
    /// The host-OS rows of the activation versions tables.
    #[strum(serialize = "host-os-table")]
    HostOsTable,
    /// The host-OS rows of Step 1 (2012 R2 planning).
    #[strum(serialize = "host-os-step1")]
    HostOsStep1,
    /// The Windows 7 era host-OS statements.
    #[strum(serialize = "host-os-windows-7-guide")]
    HostOsWindows7Guide,
    /// The Windows Server 2008 era host-OS statements.
    #[strum(serialize = "host-os-ws2008-blog")]
    HostOsWs2008Blog,
    /// A client key cannot be installed on Windows Server.
    #[strum(serialize = "client-key-not-on-server")]
    ClientKeyNotOnServer,
    /// Datacenter: Azure Edition cannot be a KMS host.
    #[strum(serialize = "azure-edition-cannot-host")]
    AzureEditionCannotHost,
    /// The 2012 R2 for Windows 10 key cannot be installed on Windows Server 2016.
    #[strum(serialize = "windows-10-key-not-on-2016")]
    Windows10KeyNotOn2016,
    /// Office LTSC 2024 / LTSC 2021 / 2019 / 2016 host OS list ("at least ...").
    #[strum(serialize = "office-host-os")]
    OfficeHostOs,
    /// Office 2013 host OS list (2012 text).
    #[strum(serialize = "office-host-os-2013")]
    OfficeHostOs2013,
    /// Office 2010 host OS list (Microsoft support blog).
    #[strum(serialize = "office-host-os-2010")]
    OfficeHostOs2010,
    /// The Office 2010 host list of the Volume Licensing FAQ, which says "only".
    #[strum(serialize = "office-host-os-2010-only")]
    OfficeHostOs2010Only,
    /// A key no host-OS list names runs on the release it is named for (Table 7 lists KMS
    /// hosts running Windows Server 2012 and Windows 8 with their KMS keys).
    #[strum(serialize = "host-os-own-release")]
    HostOsOwnRelease,
    /// The required-updates table of KMS activation planning, which names a newer update
    /// than Step 1 for this host and client.
    #[strum(serialize = "required-updates-plan-over-step1")]
    RequiredUpdatesPlanOverStep1,
    /// The required-updates table of KMS activation planning.
    #[strum(serialize = "required-updates-table")]
    RequiredUpdatesTable,
    /// The update statements of Step 1 (2012 R2 planning).
    #[strum(serialize = "required-updates-step1")]
    RequiredUpdatesStep1,
    /// KB968912 for Vista / Server 2008 hosts.
    #[strum(serialize = "required-updates-kb968912")]
    RequiredUpdatesKb968912,
    /// The host OS appears in no host-OS list for this key.
    #[strum(serialize = "host-os-not-listed")]
    HostOsNotListed,
    /// Windows Server 2008 R2 hosts cannot be updated for 2016 or newer.
    #[strum(serialize = "cannot-update-2008-r2")]
    CannotUpdate2008R2,
    /// Vista / Server 2008 hosts cannot activate Windows 10.
    #[strum(serialize = "cannot-update-vista-for-windows-10")]
    CannotUpdateVistaForWindows10,
    /// Step 1 and Table 7 of the 2012 R2 planning guide disagree on Vista / Server 2008
    /// hosts activating Windows Server 2012 R2.
    #[strum(serialize = "step1-conflicts-with-table7")]
    Step1ConflictsWithTable7,
    /// The client is not newer than the host: no update is needed.
    #[strum(serialize = "not-newer-than-host")]
    NotNewerThanHost,
}

impl Basis {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Basis::ActivationVersionsTable => "listed in the current KMS activation versions table",
            Basis::ActivationVersions2019 => {
                "listed for the Windows Server 2019 host key (current table and Windows Server 2019 Activation page)"
            }
            Basis::ActivationVersions2012R2ForWindows10 => {
                "listed for the Windows Server 2012 R2 for Windows 10 host key (Windows Server 2016/2019 Activation pages)"
            }
            Basis::Step1Table => {
                "listed in Step 1: Review and Select Activation Methods (Windows Server 2012 R2)"
            }
            Basis::Step1AndTable7 => {
                "listed in Step 1 and Table 7 (Windows Server 2012 R2 references)"
            }
            Basis::Table7 => {
                "listed in Table 7 (Windows Server 2012 R2 Volume Activation Technical Reference)"
            }
            Basis::VistaKeyTable => {
                "listed for the Windows Vista host key (Table 7, Volume Activation 2.0 key groups)"
            }
            Basis::Va2GroupBExample => {
                "the Server Group B example of Changes to Volume Activation 2.0"
            }
            Basis::ProductGroupHierarchy => {
                "derived from the product key group hierarchy (a key activates its own group and lower groups)"
            }
            Basis::LaterGeneration => {
                "derived from the key hierarchy: a KMS host key activates its own and earlier generations, never a later one (\"The KMS key for the newer Windows products will also activate the previous generation\")"
            }
            Basis::LaterGenerationKb3086418 => {
                "KB3086418: to activate Windows 10 a Windows Server 2012 R2 KMS host needs the updated \"Windows Server 2012 R2 for Windows 10\" host key"
            }
            Basis::LtscLaterYear => {
                "the key's row names its LTSB/LTSC releases by year; a release of a later year is a later generation, which the key does not activate"
            }
            Basis::PreviousGeneration => {
                "derived: \"The KMS key for the newer Windows products will also activate the previous generation\" (and a key activates its own product group)"
            }
            Basis::OfficeOlderKeyNewerVersion => {
                "derived: Office needs a KMS host key for each version (\"activate a KMS host key for each version of Office\"); an older version's key cannot know a newer version"
            }
            Basis::SbsKmsNotOffered => {
                "KMS isn't offered for Small Business Server 2011; each edition uses a MAK (Volume Licensing FAQ)"
            }
            Basis::Windows11NotListed => {
                "Microsoft lists Windows 11 only under the Windows Server 2022 and 2025 host keys; it says neither yes nor no for this key"
            }
            Basis::LtscReleaseNotListed => {
                "no table names this LTSB/LTSC release for this key (the 2019, 2022 and 2025 rows say \"Windows 10 Enterprise LTSC/LTSC N/LTSB\" without a year)"
            }
            Basis::IotLtscNotListed => "Windows IoT Enterprise LTSC appears in no host key table",
            Basis::NotListed => {
                "not listed in any Microsoft table read, and no documented rule decides it"
            }
            Basis::ClientKeyActivatesOnlyClients => {
                "a KMS host on a Windows client activates only Windows client (and a client key cannot be installed on Windows Server)"
            }
            Basis::VistaKeysStopAtVista => {
                "Windows Server 2008 and Windows Vista keys cannot activate Windows 7 or Windows Server 2008 R2 and later"
            }
            Basis::NewerServerNeedsNewerKey => {
                "activating a Windows Server newer than the host key needs a newer host key"
            }
            Basis::OfficeKeyPerVersion => {
                "Office needs the Office host key of its own version (one per version; Windows keys do not activate Office)"
            }
            Basis::OfficeKeyPerVersionOlder => {
                "derived for Office 2010/2013 from the per-version host packs and keys"
            }
            Basis::OfficeOtherVersion => {
                "no Microsoft page says an Office host key activates another Office version"
            }
            Basis::HostOsTable => {
                "listed as a host OS for this key (KMS activation planning, Windows Server 2016/2019 Activation)"
            }
            Basis::HostOsStep1 => {
                "listed as a host OS in Step 1: Review and Select Activation Methods"
            }
            Basis::HostOsWindows7Guide => {
                "listed as a host OS in the Windows 7 Volume Activation guides and Table 7"
            }
            Basis::HostOsWs2008Blog => {
                "listed as a host OS in Volume Activation of Windows Server 2008 (Microsoft blog)"
            }
            Basis::ClientKeyNotOnServer => {
                "a client KMS key can't be installed into the KMS in Windows Server"
            }
            Basis::AzureEditionCannotHost => {
                "Windows Server Datacenter: Azure Edition is activated by Azure and can't be a KMS host"
            }
            Basis::Windows10KeyNotOn2016 => {
                "the Windows Server 2012 R2 for Windows 10 host key cannot be installed on Windows Server 2016"
            }
            Basis::OfficeHostOs => "listed as a host OS for this Office version's host pack",
            Basis::OfficeHostOs2013 => {
                "listed as an Office 2013 host OS (Volume activation methods in Office 2013)"
            }
            Basis::OfficeHostOs2010 => "listed as an Office 2010 host OS (Microsoft support blog)",
            Basis::OfficeHostOs2010Only => {
                "only Windows Server 2003, Windows 7 volume editions and Windows Server 2008 R2 are supported as Office 2010 KMS hosts; Windows Server 2008 isn't covered (Volume Licensing FAQ)"
            }
            Basis::HostOsOwnRelease => {
                "derived: the key runs on the release it is named for (Table 7 lists KMS hosts running Windows Server 2012 and Windows 8 with their KMS keys)"
            }
            Basis::RequiredUpdatesPlanOverStep1 => {
                "the update table of KMS activation planning (2025) names a newer update than Step 1 (2012 R2 planning) for this host and client; the newer text wins"
            }
            Basis::RequiredUpdatesTable => "the update table of KMS activation planning",
            Basis::RequiredUpdatesStep1 => {
                "the updates named in Step 1: Review and Select Activation Methods"
            }
            Basis::RequiredUpdatesKb968912 => {
                "KB968912 extends Vista / Windows Server 2008 KMS hosts to Windows 7 / 2008 R2"
            }
            Basis::HostOsNotListed => {
                "not listed as a host OS for this key, and no documented rule decides it"
            }
            Basis::CannotUpdate2008R2 => {
                "Windows Server 2008 R2 KMS hosts cannot be updated to activate Windows Server 2016 or newer"
            }
            Basis::CannotUpdateVistaForWindows10 => {
                "Windows Vista and Windows Server 2008 KMS hosts cannot activate Windows 10"
            }
            Basis::Step1ConflictsWithTable7 => {
                "Step 1 names KB2885698 for Windows Server 2008 KMS hosts activating Windows Server 2012 R2; Table 7 says Windows Vista and Windows Server 2008 cannot activate Windows Server 2012 R2"
            }
            Basis::NotNewerThanHost => {
                "updates are required only to activate a Windows newer than the KMS host"
            }
        }
    }

    /// The error for text that is no Basis ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown(
            "basis",
            s,
            "a basis ID such as activation-versions-table or product-group-hierarchy",
        )
    }
}

crate::macros::serde_as_id!(Basis);

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
            LaterGeneration => &[Source::W7_KEY_NEEDS, Source::KMS_KB3086418],
            LaterGenerationKb3086418 => &[Source::KMS_KB3086418],
            LtscLaterYear => &[
                Source::KMS_PLANNING,
                Source::KMS_SERVER_2016_ACTIVATION,
                Source::KMS_SERVER_2019_ACTIVATION,
                Source::W7_KEY_NEEDS,
            ],
            PreviousGeneration => &[Source::W7_KEY_NEEDS, Source::KMS_TABLE7_2012R2],
            OfficeOlderKeyNewerVersion => &[Source::OFFICE_KMS_HOST],
            SbsKmsNotOffered => &[Source::VL_FAQ],
            OfficeHostOs2010Only => &[Source::VL_FAQ, Source::OFFICE_2010_KMS_BLOG],
            RequiredUpdatesPlanOverStep1 => &[Source::KMS_PLANNING, Source::KMS_STEP1_2012R2],
            HostOsOwnRelease => &[Source::KMS_TABLE7_2012R2],
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
