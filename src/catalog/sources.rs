//! The registry of published documents the crate's facts come from: every [`Source`] is one
//! associated constant here, listed once in [`Source::all`], and looked up by its ID with
//! [`Source::from_id`] (which is also how a source deserialises).

use super::provenance::Source;

impl Source {
    /// "KMS client activation and product keys": the published GVLK table.
    pub const KMS_CLIENT_KEYS: Source = Source::new(
        "S-KEYS",
        "KMS client activation and product keys",
        "https://learn.microsoft.com/en-us/windows-server/get-started/kms-client-activation-keys",
        Some("2025-06-25"),
    );

    /// "Key Management Services (KMS) activation planning": thresholds, count model, host keys.
    pub const KMS_PLANNING: Source = Source::new(
        "S-PLAN",
        "Key Management Services (KMS) activation planning",
        "https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning",
        Some("2025-03-17"),
    );

    /// "GVLKs for KMS and Active Directory-based activation of Office": the Office GVLK table.
    pub const OFFICE_GVLK: Source = Source::new(
        "S-OFFICE-GVLK",
        "GVLKs for KMS and Active Directory-based activation of Office, Project, and Visio",
        "https://learn.microsoft.com/en-us/office/volume-license-activation/gvlks",
        Some("2024-09-18"),
    );

    /// Microsoft's Office 2013 GVLK table, "Generic Volume License Keys (GVLKs) for Office
    /// 2013" (Office 2013 resource kit, now under previous versions; also in the "Deployment
    /// guide for Microsoft Office 2013", October 2012). Read through copies only: every key of
    /// it the crate holds was found, with the same product, in at least two independent copies
    /// (issue 10).
    pub const OFFICE_2013_GVLK: Source = Source::new(
        "S-OFFICE-2013-GVLK",
        "Generic Volume License Keys (GVLKs) for Office 2013 (Office 2013 resource kit)",
        "https://learn.microsoft.com/en-us/previous-versions/office/dn385360(v=office.15)",
        None,
    );

    /// Microsoft's Office 2010 GVLK table (Office 2010 TechNet library, now under previous
    /// versions). Read through copies only: every key of it the crate holds was found, with the
    /// same product, in at least two independent copies (issue 10).
    pub const OFFICE_2010_GVLK: Source = Source::new(
        "S-OFFICE-2010-GVLK",
        "Volume activation of Office 2010: KMS client keys (GVLKs) (Office 2010 TechNet library)",
        "https://learn.microsoft.com/en-us/previous-versions/office/office-2010/ee624355(v=office.14)",
        None,
    );

    /// Microsoft's Volume Licensing product activation FAQ (publication 06/2018).
    pub const VL_FAQ: Source = Source::new(
        "FAQ",
        "Volume Licensing: product activation frequently asked questions (publication 06/2018)",
        "http://www.microsoft.com/licensing/existing-customers/product-activation-faq.aspx",
        Some("2018-06"),
    );

    /// "Volume Activation 2.0 Volume Product Key Groups": the Windows Server 2008 key groups.
    pub const VA2_KEY_GROUPS: Source = Source::new(
        "S-VA2-GROUPS",
        "Volume Activation 2.0 Volume Product Key Groups",
        "http://technet.microsoft.com/ja-jp/library/dd183740.aspx",
        None,
    );

    /// "Determining Product Key Needs" (Windows 7 Volume Activation Planning Guide).
    pub const W7_KEY_NEEDS: Source = Source::new(
        "S-W7-KEYNEEDS",
        "Determining Product Key Needs (Windows 7 Volume Activation Planning Guide)",
        "http://technet.microsoft.com/en-us/library/ff793412.aspx",
        None,
    );

    /// The SoftwareLicensingProduct WMI class (SppWmi, Windows 7 and later).
    pub const SPP_WMI_PRODUCT: Source = Source::new(
        "S-SPPWMI",
        "SoftwareLicensingProduct class",
        "https://learn.microsoft.com/en-us/previous-versions/windows/desktop/sppwmi/softwarelicensingproduct",
        Some("2018-05-31"),
    );

    /// The SoftwareLicensingProduct WMI class of Windows Vista / Server 2008 (SLWmi).
    pub const SL_WMI_PRODUCT_VISTA: Source = Source::new(
        "S-SLWMI-VISTA",
        "SoftwareLicensingProduct class (Windows Vista and Windows Server 2008)",
        "https://learn.microsoft.com/en-us/previous-versions/windows/desktop/slwmiprov/softwarelicensingproduct-vista",
        None,
    );

    /// "Windows IoT Enterprise LTSC in Volume License".
    pub const IOT_VOLUME_LICENSE: Source = Source::new(
        "S-IOT-VL",
        "Windows IoT Enterprise LTSC in Volume License",
        "https://learn.microsoft.com/en-us/windows/iot/iot-enterprise/deployment/volume-license",
        Some("2026-02-26"),
    );

    /// "Windows Server 2016 Activation" (historical page, ms.date 2018-09-19).
    pub const KMS_SERVER_2016_ACTIVATION: Source = Source::new(
        "S-2016ACT",
        "Windows Server 2016 Activation",
        "https://learn.microsoft.com/en-us/windows-server/get-started/server-2016-activation",
        Some("2018-09-19"),
    );

    /// "Windows Server 2019 Activation" (historical page, ms.date 2020-09-09).
    pub const KMS_SERVER_2019_ACTIVATION: Source = Source::new(
        "S-2019ACT",
        "Windows Server 2019 Activation",
        "https://learn.microsoft.com/en-us/windows-server/get-started-19/activation-19",
        Some("2020-09-09"),
    );

    /// "Step 1: Review and Select Activation Methods" (Windows Server 2012 / 2012 R2 planning).
    pub const KMS_STEP1_2012R2: Source = Source::new(
        "S-STEP1",
        "Step 1: Review and Select Activation Methods (Windows Server 2012 R2 and 2012)",
        "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-R2-and-2012/jj134256(v=ws.11)",
        None,
    );

    /// "KMS Host Keys to Products Activated for Volume Activation" (Table 7 of the Windows
    /// Server 2012 R2 Volume Activation Technical Reference). The address is the technical
    /// reference's hub; the table page's own address was not confirmed.
    pub const KMS_TABLE7_2012R2: Source = Source::new(
        "S-T7",
        "KMS Host Keys to Products Activated for Volume Activation (Volume Activation Technical Reference, Table 7)",
        "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/dn502529(v=ws.11)",
        None,
    );

    /// "Changes to Volume Activation 2.0 for Windows Server 2008 and Windows Vista SP1".
    pub const KMS_VA2_CHANGES: Source = Source::new(
        "S-VA2-CHANGES",
        "Changes to Volume Activation 2.0 for Windows Server 2008 and Windows Vista SP1",
        "http://technet.microsoft.com/en-us/library/cc308698(printer).aspx",
        None,
    );

    /// "Understanding KMS" (Windows 7 / Windows Server 2008 R2 Volume Activation Planning Guide).
    pub const KMS_W7_UNDERSTANDING: Source = Source::new(
        "S-W7-UKMS",
        "Understanding KMS (Windows 7 Volume Activation Planning Guide)",
        "https://learn.microsoft.com/en-us/previous-versions/tn-archive/ff793434(v=technet.10)",
        None,
    );

    /// "Guidelines for troubleshooting the Key Management Service (KMS)".
    pub const KMS_TROUBLESHOOTING: Source = Source::new(
        "S-TSHOOT",
        "Guidelines for troubleshooting the Key Management Service (KMS)",
        "https://learn.microsoft.com/en-us/windows-server/get-started/activation-troubleshoot-kms-general",
        Some("2025-08-13"),
    );

    /// "Activate using Key Management Service" (Windows deployment docs).
    pub const KMS_ACTIVATE_USING_KMS: Source = Source::new(
        "S-W10KMS",
        "Activate using Key Management Service",
        "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-using-key-management-service-vamt",
        Some("2024-03-29"),
    );

    /// "Resolving common activation error codes".
    pub const KMS_RESOLVING_ERROR_CODES: Source = Source::new(
        "S-ERR",
        "Resolving common activation error codes",
        "https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes",
        Some("2019-09-10"),
    );

    /// "Error 0xC004F015 when you activate Windows 10 Enterprise on a Windows Server 2012 R2
    /// KMS host" (originally KB 3086418).
    pub const KMS_KB3086418: Source = Source::new(
        "S-KB3086418",
        "Error 0xC004F015 when you activate Windows 10 Enterprise on a Windows Server 2012 R2 KMS host",
        "https://learn.microsoft.com/en-us/troubleshoot/windows-server/deployment/error-0xc004f015-activate-windows-10",
        Some("2023-04-28"),
    );

    /// MicrosoftDocs/windowsserverdocs pull request 1268, merged by the docs maintainer:
    /// "You cannot install KMS host key of Windows Server 2012 R2 for Windows 10 on Windows
    /// Server 2016."
    pub const KMS_DOCS_PR_1268: Source = Source::new(
        "S-GH",
        "MicrosoftDocs/windowsserverdocs pull request #1268",
        "https://github.com/MicrosoftDocs/windowsserverdocs/pull/1268",
        Some("2018-08"),
    );

    /// "Volume Activation of Windows Server 2008" (Microsoft employee blog, archived on learn).
    pub const KMS_BLOG_WS2008: Source = Source::new(
        "S-BLOG-WS2008",
        "Volume Activation of Windows Server 2008 (Microsoft blog, archived)",
        "https://learn.microsoft.com/zh-cn/archive/blogs/microsoft_higher_education_east/volume-activation-of-windows-server-2008",
        None,
    );

    /// "Configure a KMS host computer to activate volume licensed versions of Office".
    ///
    /// Revision 2025-04-25 (the newest read: MicrosoftDocs/OfficeDocs-DeployOffice history to
    /// 2025-05-04, `office/volume-license-activation/configure-a-kms-host-computer-for-office.md`).
    /// Since the 2024-11-01 revision it says "Office LTSC 2024: At least Windows Server 2019 or
    /// at least Windows 10 (volume editions)"; the 2024-09-18 revision said "At least Windows
    /// Server 2022".
    pub const OFFICE_KMS_HOST: Source = Source::new(
        "S-OFFICE-KMS-HOST",
        "Configure a KMS host computer to activate volume licensed versions of Office",
        "https://learn.microsoft.com/en-us/office/volume-license-activation/configure-a-kms-host-computer-for-office",
        Some("2025-04-25"),
    );

    /// "Activate volume licensed versions of Office by using KMS".
    pub const OFFICE_ACTIVATE_BY_KMS: Source = Source::new(
        "S-OFFICE-KMS",
        "Activate volume licensed versions of Office by using KMS",
        "https://learn.microsoft.com/en-us/office/volume-license-activation/activate-office-by-using-kms",
        None,
    );

    /// "Volume activation methods in Office 2013" (TechNet, July 16, 2012).
    pub const OFFICE_2013_ACTIVATION_METHODS: Source = Source::new(
        "S-OFFICE-2013",
        "Volume activation methods in Office 2013",
        "http://technet.microsoft.com/en-us/library/jj219430(v=office.15)",
        Some("2012-07-16"),
    );

    /// "Office 2010 KMS activation and case studies" (Microsoft Asia Pacific support blog,
    /// archived on learn).
    pub const OFFICE_2010_KMS_BLOG: Source = Source::new(
        "S-OFFICE-2010-BLOG",
        "Office 2010 KMS activation and case studies (Microsoft support blog, archived)",
        "https://learn.microsoft.com/en-us/archive/blogs/officeasia/office-2010-kms-activiation-and-case-studies",
        None,
    );

    /// "Activate clients running Windows 10": the count table, the 30 days, retry and cache size.
    pub const KMS_W10_CLIENTS: Source = Source::new(
        "S-W10CLIENTS",
        "Activate clients running Windows 10",
        "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-10-clients-vamt",
        Some("2022-11-07"),
    );

    /// "Registry Settings for Volume Activation" (Windows Server 2012 R2 technical reference).
    pub const KMS_REGISTRY_SETTINGS: Source = Source::new(
        "S-REG",
        "Registry Settings for Volume Activation",
        "https://docs.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/dn502532(v=ws.11)",
        None,
    );

    /// The SkipRearm unattend setting (Microsoft-Windows-Security-SPP).
    pub const SKIPREARM: Source = Source::new(
        "S-SKIPREARM",
        "SkipRearm (Microsoft-Windows-Security-SPP unattend reference)",
        "https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/microsoft-windows-security-spp-skiprearm",
        Some("2017-05-02"),
    );

    /// "Appendix B: Licensing Conditions" (Windows 7 Volume Activation Planning Guide).
    pub const W7_LICENSING_CONDITIONS: Source = Source::new(
        "S-W7-APPB",
        "Appendix B: Licensing Conditions (Windows 7 Volume Activation Planning Guide)",
        "https://technet.microsoft.com/sv-se/library/ff793403.aspx",
        None,
    );

    /// "KMS Activation Timing and Discovery" (Windows 7 technical reference).
    pub const W7_KMS_TIMING: Source = Source::new(
        "S-W7-TIMING",
        "KMS Activation Timing and Discovery (Windows 7 technical reference)",
        "http://technet.microsoft.com/sk-sk/library/ff793418.aspx",
        None,
    );

    /// "Activation Policy Values for Volume Activation" (Table 8 of the Windows Server 2012 R2
    /// Volume Activation Technical Reference). The address is the technical reference's hub; the
    /// table page's own address was not confirmed.
    pub const KMS_TABLE8_2012R2: Source = Source::new(
        "S-T8",
        "Activation Policy Values for Volume Activation (Table 8, Windows Server 2012 R2 Volume Activation Technical Reference)",
        "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/dn502529(v=ws.11)",
        None,
    );

    /// KB925582 "The behavior of reduced functionality mode in Windows Vista" (the original was not
    /// retrieved; read via a mirror).
    pub const KB925582: Source = Source::new(
        "S-KB925582",
        "KB925582: The behavior of reduced functionality mode in Windows Vista (read via a mirror)",
        "https://support.microsoft.com/kb/925582",
        None,
    );

    /// "Rearm an Office installation on an image when using KMS to activate".
    pub const OFFICE_REARM: Source = Source::new(
        "S-OFFICE-REARM",
        "Rearm an Office installation on an image when using KMS to activate",
        "https://learn.microsoft.com/en-us/office/volume-license-activation/rearm-an-office-installation-on-an-image-when-using-kms-to-activate",
        None,
    );

    /// "Activate using Active Directory-based activation" (Windows; ms.date 2024-03-29).
    pub const WINDOWS_ADBA: Source = Source::new(
        "S-ADBA",
        "Activate using Active Directory-based activation",
        "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-using-active-directory-based-activation-client",
        Some("2024-03-29"),
    );

    /// "Activate volume licensed versions of Office by using Active Directory" (ms.date 2024-09-19).
    pub const OFFICE_ADBA: Source = Source::new(
        "S-OFFICE-ADBA",
        "Activate volume licensed versions of Office by using Active Directory",
        "https://learn.microsoft.com/en-us/office/volume-license-activation/activate-office-by-using-active-directory",
        Some("2024-09-19"),
    );

    /// "What's new in volume activation for Office 2013 Preview" (Office Resource Kit blog, 2012):
    /// ADBA is new in Office 2013.
    pub const OFFICE_2013_ADBA_BLOG: Source = Source::new(
        "S-ORK-2013",
        "What's new in volume activation for Office 2013 Preview: Active Directory-based activation",
        "https://blogs.technet.microsoft.com/office_resource_kit/2012/08/15/whats-new-in-volume-activation-for-office-2013-preview-active-directory-based-activation/",
        Some("2012-08-15"),
    );

    /// "Automatic Virtual Machine Activation in Windows Server" (ms.date 2023-09-19).
    pub const AVMA: Source = Source::new(
        "S-AVMA",
        "Automatic Virtual Machine Activation in Windows Server",
        "https://learn.microsoft.com/en-us/windows-server/get-started/automatic-vm-activation",
        Some("2023-09-19"),
    );

    /// Ask the Core Team blog: AVMA is new in Windows Server 2012 R2; Windows Server 2012 hosts
    /// and guests are not eligible.
    pub const ASKCORE_AVMA: Source = Source::new(
        "S-ASKCORE-AVMA",
        "Activating Virtual Machines via Automatic Virtual Machine Activation in Windows Server 2012 R2 (Ask the Core Team)",
        "https://docs.microsoft.com/en-us/archive/blogs/askcore/activating-virtual-machines-via-automatic-virtual-machine-activation-in-windows-server-2012-r2",
        None,
    );

    /// "Local Reactivation" (VAMT): reapplying a stored confirmation ID after a reimage.
    pub const VAMT_LOCAL_REACTIVATION: Source = Source::new(
        "S-VAMT-LOCAL",
        "Perform Local Reactivation (VAMT)",
        "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/local-reactivation-vamt",
        None,
    );

    /// "Plan for volume activation" (Windows client): which agreements find keys in the VLSC.
    ///
    /// Read from `MicrosoftDocs/windows-itpro-docs` `plan-for-volume-activation-client.md`
    /// (commit 02855dad…), as recorded in the project's reference notes.
    pub const PLAN_VA_CLIENT: Source = Source::new(
        "S-PLAN-VA-CLIENT",
        "Plan for volume activation",
        "https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client",
        None,
    );

    /// "Volume Activation 2.0 Operations Guide" (Microsoft, 2008), p. 15, read only via a mirror:
    /// facts resting on it alone are [`Confidence::Unverified`](crate::catalog::Confidence::Unverified).
    pub const VA2_OPERATIONS_GUIDE: Source = Source::new(
        "S-VA2-OPS",
        "Volume Activation 2.0 Operations Guide, p. 15 (Microsoft, 2008; read via a mirror)",
        "http://office.manualsonline.com/manuals/mfg/microsoft_1/2.html?p=15",
        Some("2008"),
    );

    /// "Windows 10 release information": versions and OS builds of Windows 10, its LTSB/LTSC
    /// releases included.
    pub const WINDOWS10_RELEASE_INFO: Source = Source::new(
        "S-W10-RELEASES",
        "Windows 10 release information",
        "https://learn.microsoft.com/en-us/windows/release-health/release-information",
        None,
    );

    /// "Windows 11 release information": versions and OS builds of Windows 11, Enterprise
    /// LTSC 2024 included.
    pub const WINDOWS11_RELEASE_INFO: Source = Source::new(
        "S-W11-RELEASES",
        "Windows 11 release information",
        "https://learn.microsoft.com/en-us/windows/release-health/windows11-release-information",
        None,
    );

    /// "Windows Server release information": versions and OS builds of the Windows Server
    /// Long-Term Servicing Channel and Semi-Annual Channel releases.
    pub const WINDOWS_SERVER_RELEASE_INFO: Source = Source::new(
        "S-WS-RELEASES",
        "Windows Server release information",
        "https://learn.microsoft.com/en-us/windows-server/get-started/windows-server-release-info",
        None,
    );

    /// "Upgrade and conversion options for Windows Server": the DISM edition IDs
    /// (`/Set-Edition:ServerStandard`, `ServerDatacenter`).
    pub const SERVER_UPGRADE_CONVERSION: Source = Source::new(
        "S-WS-CONVERSION",
        "Upgrade and conversion options for Windows Server",
        "https://learn.microsoft.com/en-us/windows-server/get-started/upgrade-conversion-options",
        None,
    );
}

/// Every source, in registry order; IDs are unique (tested).
pub(crate) const REGISTRY: &[Source] = &[
    Source::KMS_CLIENT_KEYS,
    Source::KMS_PLANNING,
    Source::OFFICE_GVLK,
    Source::OFFICE_2013_GVLK,
    Source::OFFICE_2010_GVLK,
    Source::VL_FAQ,
    Source::VA2_KEY_GROUPS,
    Source::W7_KEY_NEEDS,
    Source::SPP_WMI_PRODUCT,
    Source::SL_WMI_PRODUCT_VISTA,
    Source::IOT_VOLUME_LICENSE,
    Source::KMS_SERVER_2016_ACTIVATION,
    Source::KMS_SERVER_2019_ACTIVATION,
    Source::KMS_STEP1_2012R2,
    Source::KMS_TABLE7_2012R2,
    Source::KMS_VA2_CHANGES,
    Source::KMS_W7_UNDERSTANDING,
    Source::KMS_TROUBLESHOOTING,
    Source::KMS_ACTIVATE_USING_KMS,
    Source::KMS_RESOLVING_ERROR_CODES,
    Source::KMS_KB3086418,
    Source::KMS_DOCS_PR_1268,
    Source::KMS_BLOG_WS2008,
    Source::OFFICE_KMS_HOST,
    Source::OFFICE_ACTIVATE_BY_KMS,
    Source::OFFICE_2013_ACTIVATION_METHODS,
    Source::OFFICE_2010_KMS_BLOG,
    Source::KMS_W10_CLIENTS,
    Source::KMS_REGISTRY_SETTINGS,
    Source::SKIPREARM,
    Source::W7_LICENSING_CONDITIONS,
    Source::W7_KMS_TIMING,
    Source::KMS_TABLE8_2012R2,
    Source::KB925582,
    Source::OFFICE_REARM,
    Source::WINDOWS_ADBA,
    Source::OFFICE_ADBA,
    Source::OFFICE_2013_ADBA_BLOG,
    Source::AVMA,
    Source::ASKCORE_AVMA,
    Source::VAMT_LOCAL_REACTIVATION,
    Source::PLAN_VA_CLIENT,
    Source::VA2_OPERATIONS_GUIDE,
    Source::WINDOWS10_RELEASE_INFO,
    Source::WINDOWS11_RELEASE_INFO,
    Source::WINDOWS_SERVER_RELEASE_INFO,
    Source::SERVER_UPGRADE_CONVERSION,
];

impl Source {
    /// Every source the crate cites, in registry order (each once; IDs are unique).
    ///
    /// ```
    /// use volume_activation::catalog::Source;
    ///
    /// assert!(Source::all().any(|s| s == Source::KMS_PLANNING));
    /// ```
    pub fn all() -> impl ExactSizeIterator<Item = Source> + Clone {
        REGISTRY.iter().copied()
    }

    /// The source with ID `id` (exact, as [`Source::id`] prints it), if the crate cites one.
    ///
    /// ```
    /// use volume_activation::catalog::Source;
    ///
    /// assert_eq!(Source::from_id("S-PLAN"), Some(Source::KMS_PLANNING));
    /// assert_eq!(Source::from_id("S-NOPE"), None);
    /// ```
    #[must_use]
    pub fn from_id(id: &str) -> Option<Source> {
        REGISTRY.iter().copied().find(|s| s.id() == id)
    }
}

/// The serialised form of a [`Source`]: the ID decides; the other fields, when present, must
/// match the registry (a record naming a known ID with another address is refused).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRepr {
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let r = SourceRepr::deserialize(d)?;
        let source = Source::from_id(&r.id).ok_or_else(|| {
            D::Error::custom(crate::error::Error::unknown(
                "source",
                &r.id,
                "the id of a source the crate cites, such as S-PLAN",
            ))
        })?;
        let matches = r.title.as_deref().is_none_or(|t| t == source.title())
            && r.url.as_deref().is_none_or(|u| u == source.url())
            && (r.date.is_none() || r.date.as_deref() == source.date());
        if matches {
            Ok(source)
        } else {
            Err(D::Error::custom(crate::error::Error::invalid(
                "source",
                &r.id,
                "the title, url and date the crate records for this id",
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::REGISTRY;

    /// Every `Source` constant declared in this file is in [`REGISTRY`] (whose IDs are unique,
    /// `tests/sources.rs`): a constant left out would cite a page that `Source::all` does not
    /// list and that a serialised citation of it could not be read back from.
    #[test]
    fn registry_lists_every_declared_source() {
        let text = include_str!("sources.rs");
        let declared: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub const "))
            .filter_map(|l| l.strip_suffix(": Source = Source::new("))
            .collect();
        assert!(!declared.is_empty());
        let section = text
            .split_once("pub(crate) const REGISTRY: &[Source] = &[")
            .map(|(_, rest)| rest.split_once("];").map_or(rest, |(list, _)| list))
            .unwrap_or_default();
        let registered: Vec<&str> = section
            .split(',')
            .filter_map(|e| e.trim().strip_prefix("Source::"))
            .collect();
        assert_eq!(registered.len(), REGISTRY.len());
        for name in &declared {
            assert!(
                registered.contains(name),
                "Source::{name} is not in REGISTRY"
            );
        }
        assert_eq!(declared.len(), REGISTRY.len());
    }
}
