//! The documents the KMS host-key, host-OS and update relations follow.

use crate::Source;

impl Source {
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
}
