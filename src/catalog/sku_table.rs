//! The SKU table: every real (release, edition) pair and its marketing name.
//!
//! Built from the reference GVLK tables (`windows-gvlk.csv`, `office-gvlk.csv`) and the
//! volume editions the reference names (Windows Vista/7, Windows Server 2008/2008 R2 key groups,
//! Office 2010/2013 suites, Small Business Server from the Volume Licensing FAQ). Rows are sorted
//! by (release, edition) declaration order; tests check the order, uniqueness, and that every
//! GVLK row of `tests/data/*-gvlk.csv` names a SKU of this table.
//!
//! Sources: <https://learn.microsoft.com/en-us/windows-server/get-started/kms-client-activation-keys>;
//! <https://learn.microsoft.com/en-us/office/volume-license-activation/gvlks>; Volume Licensing
//! product activation FAQ (06/2018) for Small Business Server 2011 editions.
//!
//! Unverified: the FAQ names Windows Small Business Server 2008 but none of its editions; the
//! two rows `small-business-server-2008/standard` and `/premium` use the product's edition
//! names, which no page of the reference lists. Office 2010 and 2013 have the products of
//! Microsoft's Office 2010 / 2013 GVLK tables (suites, Project, Visio, single apps; issue 10),
//! except "Office Home and Business 2010", which is left out (see `tables::gvlk`).

use crate::catalog::{Edition, Release};

/// One row: release, edition, marketing name.
pub(crate) type SkuRow = (Release, Edition, &'static str);

/// How many rows [`SKUS`] has (`Sku::COUNT`).
pub(crate) const SKU_COUNT: usize = 187;

/// Every SKU, sorted by (release, edition) declaration order.
pub(crate) static SKUS: [SkuRow; SKU_COUNT] = [
    (
        Release::WindowsVista,
        Edition::Business,
        "Windows Vista Business",
    ),
    (
        Release::WindowsVista,
        Edition::BusinessN,
        "Windows Vista Business N",
    ),
    (
        Release::WindowsVista,
        Edition::Enterprise,
        "Windows Vista Enterprise",
    ),
    (
        Release::WindowsVista,
        Edition::EnterpriseN,
        "Windows Vista Enterprise N",
    ),
    (Release::Windows7, Edition::Pro, "Windows 7 Professional"),
    (Release::Windows7, Edition::ProN, "Windows 7 Professional N"),
    (Release::Windows7, Edition::ProE, "Windows 7 Professional E"),
    (
        Release::Windows7,
        Edition::Enterprise,
        "Windows 7 Enterprise",
    ),
    (
        Release::Windows7,
        Edition::EnterpriseN,
        "Windows 7 Enterprise N",
    ),
    (
        Release::Windows7,
        Edition::EnterpriseE,
        "Windows 7 Enterprise E",
    ),
    (Release::Windows8, Edition::Pro, "Windows 8 Pro"),
    (Release::Windows8, Edition::ProN, "Windows 8 Pro N"),
    (
        Release::Windows8,
        Edition::Enterprise,
        "Windows 8 Enterprise",
    ),
    (
        Release::Windows8,
        Edition::EnterpriseN,
        "Windows 8 Enterprise N",
    ),
    (Release::Windows81, Edition::Pro, "Windows 8.1 Pro"),
    (Release::Windows81, Edition::ProN, "Windows 8.1 Pro N"),
    (
        Release::Windows81,
        Edition::Enterprise,
        "Windows 8.1 Enterprise",
    ),
    (
        Release::Windows81,
        Edition::EnterpriseN,
        "Windows 8.1 Enterprise N",
    ),
    (Release::Windows10, Edition::Pro, "Windows 10 Pro"),
    (Release::Windows10, Edition::ProN, "Windows 10 Pro N"),
    (
        Release::Windows10,
        Edition::ProForWorkstations,
        "Windows 10 Pro for Workstations",
    ),
    (
        Release::Windows10,
        Edition::ProForWorkstationsN,
        "Windows 10 Pro for Workstations N",
    ),
    (
        Release::Windows10,
        Edition::ProEducation,
        "Windows 10 Pro Education",
    ),
    (
        Release::Windows10,
        Edition::ProEducationN,
        "Windows 10 Pro Education N",
    ),
    (
        Release::Windows10,
        Edition::Education,
        "Windows 10 Education",
    ),
    (
        Release::Windows10,
        Edition::EducationN,
        "Windows 10 Education N",
    ),
    (
        Release::Windows10,
        Edition::Enterprise,
        "Windows 10 Enterprise",
    ),
    (
        Release::Windows10,
        Edition::EnterpriseN,
        "Windows 10 Enterprise N",
    ),
    (
        Release::Windows10,
        Edition::EnterpriseG,
        "Windows 10 Enterprise G",
    ),
    (
        Release::Windows10,
        Edition::EnterpriseGN,
        "Windows 10 Enterprise G N",
    ),
    (
        Release::Windows10Ltsb2015,
        Edition::EnterpriseLtsc,
        "Windows 10 Enterprise LTSB 2015",
    ),
    (
        Release::Windows10Ltsb2015,
        Edition::EnterpriseNLtsc,
        "Windows 10 Enterprise N LTSB 2015",
    ),
    (
        Release::Windows10Ltsb2016,
        Edition::EnterpriseLtsc,
        "Windows 10 Enterprise LTSB 2016",
    ),
    (
        Release::Windows10Ltsb2016,
        Edition::EnterpriseNLtsc,
        "Windows 10 Enterprise N LTSB 2016",
    ),
    (
        Release::Windows10Ltsc2019,
        Edition::EnterpriseLtsc,
        "Windows 10 Enterprise LTSC 2019",
    ),
    (
        Release::Windows10Ltsc2019,
        Edition::EnterpriseNLtsc,
        "Windows 10 Enterprise N LTSC 2019",
    ),
    (Release::Windows11, Edition::Pro, "Windows 11 Pro"),
    (Release::Windows11, Edition::ProN, "Windows 11 Pro N"),
    (
        Release::Windows11,
        Edition::ProForWorkstations,
        "Windows 11 Pro for Workstations",
    ),
    (
        Release::Windows11,
        Edition::ProForWorkstationsN,
        "Windows 11 Pro for Workstations N",
    ),
    (
        Release::Windows11,
        Edition::ProEducation,
        "Windows 11 Pro Education",
    ),
    (
        Release::Windows11,
        Edition::ProEducationN,
        "Windows 11 Pro Education N",
    ),
    (
        Release::Windows11,
        Edition::Education,
        "Windows 11 Education",
    ),
    (
        Release::Windows11,
        Edition::EducationN,
        "Windows 11 Education N",
    ),
    (
        Release::Windows11,
        Edition::Enterprise,
        "Windows 11 Enterprise",
    ),
    (
        Release::Windows11,
        Edition::EnterpriseN,
        "Windows 11 Enterprise N",
    ),
    (
        Release::Windows11,
        Edition::EnterpriseG,
        "Windows 11 Enterprise G",
    ),
    (
        Release::Windows11,
        Edition::EnterpriseGN,
        "Windows 11 Enterprise G N",
    ),
    (
        Release::Windows10Ltsc2021,
        Edition::EnterpriseLtsc,
        "Windows 10 Enterprise LTSC 2021",
    ),
    (
        Release::Windows10Ltsc2021,
        Edition::EnterpriseNLtsc,
        "Windows 10 Enterprise N LTSC 2021",
    ),
    (
        Release::Windows10Ltsc2021,
        Edition::IotEnterpriseLtsc,
        "Windows IoT Enterprise LTSC 2021",
    ),
    (
        Release::Windows11Ltsc2024,
        Edition::EnterpriseLtsc,
        "Windows 11 Enterprise LTSC 2024",
    ),
    (
        Release::Windows11Ltsc2024,
        Edition::EnterpriseNLtsc,
        "Windows 11 Enterprise N LTSC 2024",
    ),
    (
        Release::Windows11Ltsc2024,
        Edition::IotEnterpriseLtsc,
        "Windows IoT Enterprise LTSC 2024",
    ),
    (
        Release::WindowsServer2008,
        Edition::Enterprise,
        "Windows Server 2008 Enterprise",
    ),
    (
        Release::WindowsServer2008,
        Edition::Standard,
        "Windows Server 2008 Standard",
    ),
    (
        Release::WindowsServer2008,
        Edition::Datacenter,
        "Windows Server 2008 Datacenter",
    ),
    (
        Release::WindowsServer2008,
        Edition::Web,
        "Windows Web Server 2008",
    ),
    (
        Release::WindowsServer2008,
        Edition::Hpc,
        "Windows Server 2008 HPC",
    ),
    (
        Release::WindowsServer2008,
        Edition::Itanium,
        "Windows Server 2008 for Itanium-Based Systems",
    ),
    (
        Release::WindowsServer2008,
        Edition::StandardWithoutHyperV,
        "Windows Server 2008 Standard without Hyper-V",
    ),
    (
        Release::WindowsServer2008,
        Edition::EnterpriseWithoutHyperV,
        "Windows Server 2008 Enterprise without Hyper-V",
    ),
    (
        Release::WindowsServer2008,
        Edition::DatacenterWithoutHyperV,
        "Windows Server 2008 Datacenter without Hyper-V",
    ),
    (
        Release::SmallBusinessServer2008,
        Edition::Standard,
        "Windows Small Business Server 2008 Standard",
    ),
    (
        Release::SmallBusinessServer2008,
        Edition::Premium,
        "Windows Small Business Server 2008 Premium",
    ),
    (
        Release::WindowsServer2008R2,
        Edition::Enterprise,
        "Windows Server 2008 R2 Enterprise",
    ),
    (
        Release::WindowsServer2008R2,
        Edition::Standard,
        "Windows Server 2008 R2 Standard",
    ),
    (
        Release::WindowsServer2008R2,
        Edition::Datacenter,
        "Windows Server 2008 R2 Datacenter",
    ),
    (
        Release::WindowsServer2008R2,
        Edition::Web,
        "Windows Server 2008 R2 Web",
    ),
    (
        Release::WindowsServer2008R2,
        Edition::Hpc,
        "Windows Server 2008 R2 HPC edition",
    ),
    (
        Release::WindowsServer2008R2,
        Edition::Itanium,
        "Windows Server 2008 R2 for Itanium-based Systems",
    ),
    (
        Release::SmallBusinessServer2011,
        Edition::Standard,
        "Windows Small Business Server 2011 Standard",
    ),
    (
        Release::SmallBusinessServer2011,
        Edition::Essentials,
        "Windows Small Business Server 2011 Essentials",
    ),
    (
        Release::SmallBusinessServer2011,
        Edition::PremiumAddOn,
        "Windows Small Business Server 2011 Premium Add-on",
    ),
    (
        Release::WindowsServer2012,
        Edition::Standard,
        "Windows Server 2012 Standard",
    ),
    (
        Release::WindowsServer2012,
        Edition::Datacenter,
        "Windows Server 2012 Datacenter",
    ),
    (
        Release::WindowsServer2012,
        Edition::Essentials,
        "Windows Server 2012 Essentials",
    ),
    (
        Release::WindowsServer2012,
        Edition::MultiPointStandard,
        "Windows Server 2012 MultiPoint Standard",
    ),
    (
        Release::WindowsServer2012,
        Edition::MultiPointPremium,
        "Windows Server 2012 MultiPoint Premium",
    ),
    (
        Release::WindowsServer2012,
        Edition::Base,
        "Windows Server 2012",
    ),
    (
        Release::WindowsServer2012,
        Edition::BaseN,
        "Windows Server 2012 N",
    ),
    (
        Release::WindowsServer2012,
        Edition::SingleLanguage,
        "Windows Server 2012 Single Language",
    ),
    (
        Release::WindowsServer2012,
        Edition::CountrySpecific,
        "Windows Server 2012 Country Specific",
    ),
    (
        Release::WindowsServer2012R2,
        Edition::Standard,
        "Windows Server 2012 R2 Standard",
    ),
    (
        Release::WindowsServer2012R2,
        Edition::Datacenter,
        "Windows Server 2012 R2 Datacenter",
    ),
    (
        Release::WindowsServer2012R2,
        Edition::Essentials,
        "Windows Server 2012 R2 Essentials",
    ),
    (
        Release::WindowsServer2016,
        Edition::Standard,
        "Windows Server 2016 Standard",
    ),
    (
        Release::WindowsServer2016,
        Edition::Datacenter,
        "Windows Server 2016 Datacenter",
    ),
    (
        Release::WindowsServer2016,
        Edition::Essentials,
        "Windows Server 2016 Essentials",
    ),
    (
        Release::WindowsServer1709,
        Edition::Standard,
        "Windows Server, version 1709 Standard",
    ),
    (
        Release::WindowsServer1709,
        Edition::Datacenter,
        "Windows Server, version 1709 Datacenter",
    ),
    (
        Release::WindowsServer1803,
        Edition::Standard,
        "Windows Server, version 1803 Standard",
    ),
    (
        Release::WindowsServer1803,
        Edition::Datacenter,
        "Windows Server, version 1803 Datacenter",
    ),
    (
        Release::WindowsServer2019,
        Edition::Standard,
        "Windows Server 2019 Standard",
    ),
    (
        Release::WindowsServer2019,
        Edition::Datacenter,
        "Windows Server 2019 Datacenter",
    ),
    (
        Release::WindowsServer2019,
        Edition::Essentials,
        "Windows Server 2019 Essentials",
    ),
    (
        Release::WindowsServerSac,
        Edition::Standard,
        "Windows Server Semi-Annual Channel Standard",
    ),
    (
        Release::WindowsServerSac,
        Edition::Datacenter,
        "Windows Server Semi-Annual Channel Datacenter",
    ),
    (
        Release::WindowsServer2022,
        Edition::Standard,
        "Windows Server 2022 Standard",
    ),
    (
        Release::WindowsServer2022,
        Edition::Datacenter,
        "Windows Server 2022 Datacenter",
    ),
    (
        Release::WindowsServer2022,
        Edition::DatacenterAzureEdition,
        "Windows Server 2022 Datacenter: Azure Edition",
    ),
    (
        Release::WindowsServer2025,
        Edition::Standard,
        "Windows Server 2025 Standard",
    ),
    (
        Release::WindowsServer2025,
        Edition::Datacenter,
        "Windows Server 2025 Datacenter",
    ),
    (
        Release::WindowsServer2025,
        Edition::DatacenterAzureEdition,
        "Windows Server 2025 Datacenter: Azure Edition",
    ),
    (
        Release::Office2010,
        Edition::Standard,
        "Office Standard 2010",
    ),
    (
        Release::Office2010,
        Edition::ProfessionalPlus,
        "Office Professional Plus 2010",
    ),
    (
        Release::Office2010,
        Edition::ProjectProfessional,
        "Project Professional 2010",
    ),
    (
        Release::Office2010,
        Edition::ProjectStandard,
        "Project Standard 2010",
    ),
    (
        Release::Office2010,
        Edition::VisioPremium,
        "Visio Premium 2010",
    ),
    (
        Release::Office2010,
        Edition::VisioProfessional,
        "Visio Professional 2010",
    ),
    (
        Release::Office2010,
        Edition::VisioStandard,
        "Visio Standard 2010",
    ),
    (Release::Office2010, Edition::Access, "Access 2010"),
    (Release::Office2010, Edition::Excel, "Excel 2010"),
    (Release::Office2010, Edition::InfoPath, "InfoPath 2010"),
    (Release::Office2010, Edition::OneNote, "OneNote 2010"),
    (Release::Office2010, Edition::Outlook, "Outlook 2010"),
    (Release::Office2010, Edition::PowerPoint, "PowerPoint 2010"),
    (Release::Office2010, Edition::Publisher, "Publisher 2010"),
    (
        Release::Office2010,
        Edition::SharePointWorkspace,
        "SharePoint Workspace 2010",
    ),
    (Release::Office2010, Edition::Word, "Word 2010"),
    (
        Release::Office2013,
        Edition::Standard,
        "Office Standard 2013",
    ),
    (
        Release::Office2013,
        Edition::ProfessionalPlus,
        "Office Professional Plus 2013",
    ),
    (
        Release::Office2013,
        Edition::ProjectProfessional,
        "Project Professional 2013",
    ),
    (
        Release::Office2013,
        Edition::ProjectStandard,
        "Project Standard 2013",
    ),
    (
        Release::Office2013,
        Edition::VisioProfessional,
        "Visio Professional 2013",
    ),
    (
        Release::Office2013,
        Edition::VisioStandard,
        "Visio Standard 2013",
    ),
    (Release::Office2013, Edition::Access, "Access 2013"),
    (Release::Office2013, Edition::Excel, "Excel 2013"),
    (Release::Office2013, Edition::InfoPath, "InfoPath 2013"),
    (Release::Office2013, Edition::OneNote, "OneNote 2013"),
    (Release::Office2013, Edition::Outlook, "Outlook 2013"),
    (Release::Office2013, Edition::PowerPoint, "PowerPoint 2013"),
    (Release::Office2013, Edition::Publisher, "Publisher 2013"),
    (Release::Office2013, Edition::Lync, "Lync 2013"),
    (Release::Office2013, Edition::Word, "Word 2013"),
    (
        Release::Office2016,
        Edition::Standard,
        "Office Standard 2016",
    ),
    (
        Release::Office2016,
        Edition::ProfessionalPlus,
        "Office Professional Plus 2016",
    ),
    (
        Release::Office2016,
        Edition::ProjectProfessional,
        "Project Professional 2016",
    ),
    (
        Release::Office2016,
        Edition::ProjectStandard,
        "Project Standard 2016",
    ),
    (
        Release::Office2016,
        Edition::VisioProfessional,
        "Visio Professional 2016",
    ),
    (
        Release::Office2016,
        Edition::VisioStandard,
        "Visio Standard 2016",
    ),
    (Release::Office2016, Edition::Access, "Access 2016"),
    (Release::Office2016, Edition::Excel, "Excel 2016"),
    (Release::Office2016, Edition::OneNote, "OneNote 2016"),
    (Release::Office2016, Edition::Outlook, "Outlook 2016"),
    (Release::Office2016, Edition::PowerPoint, "PowerPoint 2016"),
    (Release::Office2016, Edition::Publisher, "Publisher 2016"),
    (
        Release::Office2016,
        Edition::SkypeForBusiness,
        "Skype for Business 2016",
    ),
    (Release::Office2016, Edition::Word, "Word 2016"),
    (
        Release::Office2019,
        Edition::Standard,
        "Office Standard 2019",
    ),
    (
        Release::Office2019,
        Edition::ProfessionalPlus,
        "Office Professional Plus 2019",
    ),
    (
        Release::Office2019,
        Edition::ProjectProfessional,
        "Project Professional 2019",
    ),
    (
        Release::Office2019,
        Edition::ProjectStandard,
        "Project Standard 2019",
    ),
    (
        Release::Office2019,
        Edition::VisioProfessional,
        "Visio Professional 2019",
    ),
    (
        Release::Office2019,
        Edition::VisioStandard,
        "Visio Standard 2019",
    ),
    (Release::Office2019, Edition::Access, "Access 2019"),
    (Release::Office2019, Edition::Excel, "Excel 2019"),
    (Release::Office2019, Edition::Outlook, "Outlook 2019"),
    (Release::Office2019, Edition::PowerPoint, "PowerPoint 2019"),
    (Release::Office2019, Edition::Publisher, "Publisher 2019"),
    (
        Release::Office2019,
        Edition::SkypeForBusiness,
        "Skype for Business 2019",
    ),
    (Release::Office2019, Edition::Word, "Word 2019"),
    (
        Release::OfficeLtsc2021,
        Edition::Standard,
        "Office LTSC Standard 2021",
    ),
    (
        Release::OfficeLtsc2021,
        Edition::ProfessionalPlus,
        "Office LTSC Professional Plus 2021",
    ),
    (
        Release::OfficeLtsc2021,
        Edition::ProjectProfessional,
        "Project Professional 2021",
    ),
    (
        Release::OfficeLtsc2021,
        Edition::ProjectStandard,
        "Project Standard 2021",
    ),
    (
        Release::OfficeLtsc2021,
        Edition::VisioProfessional,
        "Visio LTSC Professional 2021",
    ),
    (
        Release::OfficeLtsc2021,
        Edition::VisioStandard,
        "Visio LTSC Standard 2021",
    ),
    (Release::OfficeLtsc2021, Edition::Access, "Access LTSC 2021"),
    (Release::OfficeLtsc2021, Edition::Excel, "Excel LTSC 2021"),
    (
        Release::OfficeLtsc2021,
        Edition::Outlook,
        "Outlook LTSC 2021",
    ),
    (
        Release::OfficeLtsc2021,
        Edition::PowerPoint,
        "PowerPoint LTSC 2021",
    ),
    (
        Release::OfficeLtsc2021,
        Edition::Publisher,
        "Publisher LTSC 2021",
    ),
    (
        Release::OfficeLtsc2021,
        Edition::SkypeForBusiness,
        "Skype for Business LTSC 2021",
    ),
    (Release::OfficeLtsc2021, Edition::Word, "Word LTSC 2021"),
    (
        Release::OfficeLtsc2024,
        Edition::Standard,
        "Office LTSC Standard 2024",
    ),
    (
        Release::OfficeLtsc2024,
        Edition::ProfessionalPlus,
        "Office LTSC Professional Plus 2024",
    ),
    (
        Release::OfficeLtsc2024,
        Edition::ProjectProfessional,
        "Project Professional 2024",
    ),
    (
        Release::OfficeLtsc2024,
        Edition::ProjectStandard,
        "Project Standard 2024",
    ),
    (
        Release::OfficeLtsc2024,
        Edition::VisioProfessional,
        "Visio LTSC Professional 2024",
    ),
    (
        Release::OfficeLtsc2024,
        Edition::VisioStandard,
        "Visio LTSC Standard 2024",
    ),
    (Release::OfficeLtsc2024, Edition::Access, "Access LTSC 2024"),
    (Release::OfficeLtsc2024, Edition::Excel, "Excel LTSC 2024"),
    (
        Release::OfficeLtsc2024,
        Edition::Outlook,
        "Outlook LTSC 2024",
    ),
    (
        Release::OfficeLtsc2024,
        Edition::PowerPoint,
        "PowerPoint LTSC 2024",
    ),
    (
        Release::OfficeLtsc2024,
        Edition::SkypeForBusiness,
        "Skype for Business LTSC 2024",
    ),
    (Release::OfficeLtsc2024, Edition::Word, "Word LTSC 2024"),
];
