//! Product releases: Windows client, Windows Server, Office.

use strum::IntoEnumIterator;
/// The three product families the crate models.
///
/// KMS counts them differently: client Windows needs 25, Windows Server 5, Office 5, and
/// Office is counted apart from Windows.
///
/// ```
/// use volume_activation::{Family, Release};
///
/// assert_eq!(Release::WindowsServer2019.family(), Family::Server);
/// assert_eq!("office".parse::<Family>()?, Family::Office);
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
pub enum Family {
    /// Windows client operating systems (Vista to 11, LTSB/LTSC).
    #[strum(serialize = "client")]
    Client,
    /// Windows Server operating systems (2008 to 2025, Semi-Annual Channel, SBS).
    #[strum(serialize = "server")]
    Server,
    /// Office volume releases (2010 to LTSC 2024).
    #[strum(serialize = "office")]
    Office,
}

impl Family {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Family::Client => "Windows client",
            Family::Server => "Windows Server",
            Family::Office => "Office",
        }
    }

    /// The error for text that is no Family ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("family", s)
    }
}

crate::macros::serde_as_id!(Family);

/// A product release: a Windows client release, a Windows Server release, or an Office
/// volume release.
///
/// `Ord` is the one canonical order: by family (client, server, Office), then by general
/// availability within the family. Long-term servicing releases sit in that order among the
/// general releases (Windows 10 Enterprise LTSB 2015 right after Windows 10).
///
/// Microsoft adds releases, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::{Family, Release};
///
/// let r: Release = "windows-server-2022".parse()?;
/// assert_eq!(r.name(), "Windows Server 2022");
/// assert_eq!(r.to_string(), "windows-server-2022");
/// assert!(Release::WindowsServer2019 < r);
/// assert_eq!(r.family(), Family::Server);
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
pub enum Release {
    /// Windows Vista.
    #[strum(serialize = "windows-vista")]
    WindowsVista,
    /// Windows 7.
    #[strum(serialize = "windows-7")]
    Windows7,
    /// Windows 8.
    #[strum(serialize = "windows-8")]
    Windows8,
    /// Windows 8.1.
    #[strum(serialize = "windows-8.1")]
    Windows81,
    /// Windows 10 (general availability / Semi-Annual Channel).
    #[strum(serialize = "windows-10")]
    Windows10,
    /// Windows 10 Enterprise LTSB 2015.
    #[strum(serialize = "windows-10-ltsb-2015")]
    Windows10Ltsb2015,
    /// Windows 10 Enterprise LTSB 2016.
    #[strum(serialize = "windows-10-ltsb-2016")]
    Windows10Ltsb2016,
    /// Windows 10 Enterprise LTSC 2019.
    #[strum(serialize = "windows-10-ltsc-2019")]
    Windows10Ltsc2019,
    /// Windows 11 (general availability).
    #[strum(serialize = "windows-11")]
    Windows11,
    /// Windows 10 Enterprise LTSC 2021 (and Windows IoT Enterprise LTSC 2021).
    #[strum(serialize = "windows-10-ltsc-2021")]
    Windows10Ltsc2021,
    /// Windows 11 Enterprise LTSC 2024 (and Windows IoT Enterprise LTSC 2024).
    #[strum(serialize = "windows-11-ltsc-2024")]
    Windows11Ltsc2024,
    /// Windows Server 2008.
    #[strum(serialize = "windows-server-2008")]
    WindowsServer2008,
    /// Windows Small Business Server 2008.
    #[strum(serialize = "small-business-server-2008")]
    SmallBusinessServer2008,
    /// Windows Server 2008 R2.
    #[strum(serialize = "windows-server-2008-r2")]
    WindowsServer2008R2,
    /// Windows Small Business Server 2011.
    #[strum(serialize = "small-business-server-2011")]
    SmallBusinessServer2011,
    /// Windows Server 2012.
    #[strum(serialize = "windows-server-2012")]
    WindowsServer2012,
    /// Windows Server 2012 R2.
    #[strum(serialize = "windows-server-2012-r2")]
    WindowsServer2012R2,
    /// Windows Server 2016.
    #[strum(serialize = "windows-server-2016")]
    WindowsServer2016,
    /// Windows Server, version 1709 (Semi-Annual Channel; its own GVLKs).
    #[strum(serialize = "windows-server-1709")]
    WindowsServer1709,
    /// Windows Server, version 1803 (Semi-Annual Channel; its own GVLKs).
    #[strum(serialize = "windows-server-1803")]
    WindowsServer1803,
    /// Windows Server 2019.
    #[strum(serialize = "windows-server-2019")]
    WindowsServer2019,
    /// Windows Server Semi-Annual Channel, versions 1809, 1903, 1909, 2004 and 20H2 (one GVLK
    /// set; the channel was retired after 20H2).
    #[strum(serialize = "windows-server-sac")]
    WindowsServerSac,
    /// Windows Server 2022.
    #[strum(serialize = "windows-server-2022")]
    WindowsServer2022,
    /// Windows Server 2025.
    #[strum(serialize = "windows-server-2025")]
    WindowsServer2025,
    /// Office 2010.
    #[strum(serialize = "office-2010")]
    Office2010,
    /// Office 2013.
    #[strum(serialize = "office-2013")]
    Office2013,
    /// Office 2016.
    #[strum(serialize = "office-2016")]
    Office2016,
    /// Office 2019.
    #[strum(serialize = "office-2019")]
    Office2019,
    /// Office LTSC 2021.
    #[strum(serialize = "office-ltsc-2021")]
    OfficeLtsc2021,
    /// Office LTSC 2024.
    #[strum(serialize = "office-ltsc-2024")]
    OfficeLtsc2024,
}

impl Release {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Release::WindowsVista => "Windows Vista",
            Release::Windows7 => "Windows 7",
            Release::Windows8 => "Windows 8",
            Release::Windows81 => "Windows 8.1",
            Release::Windows10 => "Windows 10",
            Release::Windows10Ltsb2015 => "Windows 10 LTSB 2015",
            Release::Windows10Ltsb2016 => "Windows 10 LTSB 2016",
            Release::Windows10Ltsc2019 => "Windows 10 LTSC 2019",
            Release::Windows11 => "Windows 11",
            Release::Windows10Ltsc2021 => "Windows 10 LTSC 2021",
            Release::Windows11Ltsc2024 => "Windows 11 LTSC 2024",
            Release::WindowsServer2008 => "Windows Server 2008",
            Release::SmallBusinessServer2008 => "Windows Small Business Server 2008",
            Release::WindowsServer2008R2 => "Windows Server 2008 R2",
            Release::SmallBusinessServer2011 => "Windows Small Business Server 2011",
            Release::WindowsServer2012 => "Windows Server 2012",
            Release::WindowsServer2012R2 => "Windows Server 2012 R2",
            Release::WindowsServer2016 => "Windows Server 2016",
            Release::WindowsServer1709 => "Windows Server, version 1709",
            Release::WindowsServer1803 => "Windows Server, version 1803",
            Release::WindowsServer2019 => "Windows Server 2019",
            Release::WindowsServerSac => {
                "Windows Server Semi-Annual Channel (versions 1809 to 20H2)"
            }
            Release::WindowsServer2022 => "Windows Server 2022",
            Release::WindowsServer2025 => "Windows Server 2025",
            Release::Office2010 => "Office 2010",
            Release::Office2013 => "Office 2013",
            Release::Office2016 => "Office 2016",
            Release::Office2019 => "Office 2019",
            Release::OfficeLtsc2021 => "Office LTSC 2021",
            Release::OfficeLtsc2024 => "Office LTSC 2024",
        }
    }

    /// The error for text that is no Release ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown(
            "release",
            s,
            "a release ID such as windows-11, windows-server-2022 or office-ltsc-2024",
        )
    }
}

crate::macros::serde_as_id!(Release);

impl Release {
    /// The family this release belongs to.
    #[must_use]
    pub const fn family(self) -> Family {
        use Release::*;
        match self {
            WindowsVista | Windows7 | Windows8 | Windows81 | Windows10 | Windows10Ltsb2015
            | Windows10Ltsb2016 | Windows10Ltsc2019 | Windows11 | Windows10Ltsc2021
            | Windows11Ltsc2024 => Family::Client,
            WindowsServer2008
            | SmallBusinessServer2008
            | WindowsServer2008R2
            | SmallBusinessServer2011
            | WindowsServer2012
            | WindowsServer2012R2
            | WindowsServer2016
            | WindowsServer1709
            | WindowsServer1803
            | WindowsServer2019
            | WindowsServerSac
            | WindowsServer2022
            | WindowsServer2025 => Family::Server,
            Office2010 | Office2013 | Office2016 | Office2019 | OfficeLtsc2021 | OfficeLtsc2024 => {
                Family::Office
            }
        }
    }

    /// Whether this is a long-term servicing release (Windows LTSB/LTSC).
    #[must_use]
    pub const fn is_long_term_servicing(self) -> bool {
        use Release::*;
        matches!(
            self,
            Windows10Ltsb2015
                | Windows10Ltsb2016
                | Windows10Ltsc2019
                | Windows10Ltsc2021
                | Windows11Ltsc2024
        )
    }

    /// Whether this is a Windows Server Semi-Annual Channel release.
    #[must_use]
    pub const fn is_semi_annual_channel(self) -> bool {
        matches!(
            self,
            Release::WindowsServer1709 | Release::WindowsServer1803 | Release::WindowsServerSac
        )
    }

    /// Every release of one family, in release order.
    pub fn of_family(family: Family) -> impl Iterator<Item = Release> + Clone {
        Self::iter().filter(move |r| r.family() == family)
    }
}
