//! Automatic Virtual Machine Activation (AVMA): which Windows Server Datacenter Hyper-V hosts
//! activate which guest releases and editions, and the published AVMA guest keys.
//!
//! Source: "Automatic Virtual Machine Activation in Windows Server",
//! <https://learn.microsoft.com/en-us/windows-server/get-started/automatic-vm-activation>
//! (ms.date 2023-09-19, the newest Microsoft revision the reference could read). Windows Server
//! 2025 is not in that revision: the crate answers "undocumented" for a 2025 host or guest and
//! carries no 2025 AVMA key (the keys circulating for 2025 come only from third-party text;
//! reference resolutions.md Q5). How long an AVMA activation lasts and how often it renews is
//! not documented by Microsoft (a 7-day figure is third-party only), so the crate states none.

use std::fmt;

use crate::catalog::{Confidence, Edition, Family, ProductKey, Release, Sku, Source};

/// The host x guest table of the AVMA page (`avma-host-guest.csv`): each Datacenter host
/// release and the guest releases it activates. Each guest release covers its Datacenter,
/// Standard and Essentials editions: "A host version can access all the editions (Datacenter,
/// Standard, or Essentials) of its eligible guest VM versions."
const fn documented_guests(host: Release) -> Option<&'static [Release]> {
    use Release::*;
    match host {
        WindowsServer2022 => Some(&[
            WindowsServer2022,
            WindowsServer2019,
            WindowsServer2016,
            WindowsServer2012R2,
        ]),
        WindowsServer2019 => Some(&[WindowsServer2019, WindowsServer2016, WindowsServer2012R2]),
        WindowsServer2016 => Some(&[WindowsServer2016, WindowsServer2012R2]),
        WindowsServer2012R2 => Some(&[WindowsServer2012R2]),
        _ => None,
    }
}

/// What the crate knows about a release as an AVMA host or guest.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// In the AVMA page's table.
    Documented,
    /// Documented as not taking part (before Windows Server 2012 R2).
    Before2012R2,
    /// Microsoft's page is silent (Windows Server 2025, Semi-Annual Channel).
    Silent,
}

const fn role(release: Release) -> Role {
    use Release::*;
    match release {
        WindowsServer2012R2 | WindowsServer2016 | WindowsServer2019 | WindowsServer2022 => {
            Role::Documented
        }
        WindowsServer2008
        | SmallBusinessServer2008
        | WindowsServer2008R2
        | SmallBusinessServer2011
        | WindowsServer2012 => Role::Before2012R2,
        _ => Role::Silent,
    }
}

/// One published AVMA guest key: release, edition, key, confidence.
type AvmaKeyRow = (Release, Edition, &'static str, Confidence);

/// The AVMA guest keys of the AVMA page (`avma-keys.csv`), grouped by release in release order.
///
/// The page lists the Semi-Annual Channel keys for "Windows Server versions 1909/1903/1809";
/// the crate's `windows-server-sac` release also covers versions 2004 and 20H2, for which the
/// page lists no key, so those rows are unverified for the release as a whole.
static AVMA_KEYS: [AvmaKeyRow; 18] = {
    use Confidence::{Documented, Unverified};
    use Edition::{Datacenter, DatacenterAzureEdition, Essentials, Standard};
    use Release::*;
    [
        (
            WindowsServer2012R2,
            Standard,
            "DBGBW-NPF86-BJVTX-K3WKJ-MTB6V",
            Documented,
        ),
        (
            WindowsServer2012R2,
            Datacenter,
            "Y4TGP-NPTV9-HTC2H-7MGQ3-DV4TW",
            Documented,
        ),
        (
            WindowsServer2012R2,
            Essentials,
            "K2XGM-NMBT3-2R6Q8-WF2FK-P36R2",
            Documented,
        ),
        (
            WindowsServer2016,
            Standard,
            "C3RCX-M6NRP-6CXC9-TW2F2-4RHYD",
            Documented,
        ),
        (
            WindowsServer2016,
            Datacenter,
            "TMJ3Y-NTRTM-FJYXT-T22BY-CWG3J",
            Documented,
        ),
        (
            WindowsServer2016,
            Essentials,
            "B4YNW-62DX9-W8V6M-82649-MHBKQ",
            Documented,
        ),
        (
            WindowsServer1709,
            Standard,
            "C3RCX-M6NRP-6CXC9-TW2F2-4RHYD",
            Documented,
        ),
        (
            WindowsServer1709,
            Datacenter,
            "TMJ3Y-NTRTM-FJYXT-T22BY-CWG3J",
            Documented,
        ),
        (
            WindowsServer1803,
            Standard,
            "C3RCX-M6NRP-6CXC9-TW2F2-4RHYD",
            Documented,
        ),
        (
            WindowsServer1803,
            Datacenter,
            "TMJ3Y-NTRTM-FJYXT-T22BY-CWG3J",
            Documented,
        ),
        (
            WindowsServer2019,
            Standard,
            "TNK62-RXVTB-4P47B-2D623-4GF74",
            Documented,
        ),
        (
            WindowsServer2019,
            Datacenter,
            "H3RNG-8C32Q-Q8FRX-6TDXV-WMBMW",
            Documented,
        ),
        (
            WindowsServer2019,
            Essentials,
            "2CTP7-NHT64-BP62M-FV6GG-HFV28",
            Documented,
        ),
        (
            WindowsServerSac,
            Standard,
            "TNK62-RXVTB-4P47B-2D623-4GF74",
            Unverified,
        ),
        (
            WindowsServerSac,
            Datacenter,
            "H3RNG-8C32Q-Q8FRX-6TDXV-WMBMW",
            Unverified,
        ),
        (
            WindowsServer2022,
            Standard,
            "YDFWN-MJ9JR-3DYRK-FXXRW-78VHK",
            Documented,
        ),
        (
            WindowsServer2022,
            Datacenter,
            "W3GNR-8DDXR-2TFRP-H8P33-DV9BG",
            Documented,
        ),
        (
            WindowsServer2022,
            DatacenterAzureEdition,
            "F7TB6-YKN8Y-FCC6R-KQ484-VMK3J",
            Documented,
        ),
    ]
};

fn avma_key_row(guest: Sku) -> Option<(&'static str, Confidence)> {
    AVMA_KEYS
        .iter()
        .find(|(r, e, _, _)| *r == guest.release() && *e == guest.edition())
        .map(|&(_, _, key, confidence)| (key, confidence))
}

/// The AVMA key Microsoft publishes for guest `sku`, or `None` where it publishes none
/// (Windows Server 2025 included: its AVMA keys are not in the Microsoft revision the crate
/// follows).
///
/// Source: <https://learn.microsoft.com/en-us/windows-server/get-started/automatic-vm-activation>.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::avma_key;
///
/// let key = avma_key("windows-server-2022/datacenter".parse::<Sku>()?).ok_or("no key")?;
/// assert_eq!(key.reveal(), "W3GNR-8DDXR-2TFRP-H8P33-DV9BG");
/// assert!(avma_key("windows-server-2025/datacenter".parse::<Sku>()?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn avma_key(guest: Sku) -> Option<ProductKey> {
    // The table's keys are constants: parsed once, on first use, one slot per SKU index.
    static KEYS: std::sync::OnceLock<Vec<Option<ProductKey>>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        Sku::all()
            .map(|sku| avma_key_row(sku).and_then(|(key, _)| ProductKey::parse(key).ok()))
            .collect()
    })
    .get(guest.index())
    .copied()
    .flatten()
}

/// How sure the crate is of [`avma_key`]'s answer for `guest`: documented for the rows of the
/// AVMA page, unverified for `windows-server-sac` (the page names only versions 1809, 1903 and
/// 1909 of that channel). `None` where there is no key.
#[must_use]
pub fn avma_key_confidence(guest: Sku) -> Option<Confidence> {
    avma_key_row(guest).map(|(_, confidence)| confidence)
}

/// An AVMA activation: the host, the guest, and the key the guest installs.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::check_avma;
///
/// let ok = check_avma(
///     "windows-server-2019/datacenter".parse::<Sku>()?,
///     "windows-server-2016/standard".parse::<Sku>()?,
/// )?;
/// assert_eq!(ok.key().partial(), "4RHYD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AvmaActivation {
    host: Sku,
    guest: Sku,
    key: ProductKey,
}

impl AvmaActivation {
    /// The Hyper-V host.
    #[must_use]
    pub const fn host(&self) -> Sku {
        self.host
    }

    /// The guest virtual machine's product.
    #[must_use]
    pub const fn guest(&self) -> Sku {
        self.guest
    }

    /// The AVMA key the guest installs (`slmgr /ipk <AVMA key>`).
    #[must_use]
    pub const fn key(&self) -> ProductKey {
        self.key
    }

    /// Every AVMA activation the crate answers yes to is documented.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        Confidence::Documented
    }

    /// The AVMA page.
    #[must_use]
    pub const fn source(&self) -> Source {
        Source::AVMA
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AvmaActivation {
    /// Reads `{"host": ..., "guest": ...}` (the key is recomputed) and accepts only a pair
    /// [`check_avma`] accepts.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Repr {
            host: Sku,
            guest: Sku,
        }
        let r = Repr::deserialize(d)?;
        check_avma(r.host, r.guest).map_err(serde::de::Error::custom)
    }
}

/// Why a host does not AVMA-activate a guest.
///
/// Microsoft may document more reasons, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::{AvmaDenial, check_avma};
///
/// let host: Sku = "windows-server-2016/datacenter".parse()?;
/// let guest: Sku = "windows-server-2019/standard".parse()?;
/// let no = check_avma(host, guest).unwrap_err();
/// assert_eq!(no, AvmaDenial::GuestNotCovered { host, guest });
/// assert_eq!(no.hresult(), Some(0xC004_FD03));
/// assert_eq!(
///     no.to_string(),
///     "a Windows Server 2016 Datacenter host does not activate Windows Server 2019 Standard guests by avma"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "denial"))]
#[non_exhaustive]
pub enum AvmaDenial {
    /// The host is not Windows Server Datacenter: "AVMA requires a Windows Server Datacenter
    /// edition with the Hyper-V server host role installed."
    HostNotDatacenter {
        /// The host.
        host: Sku,
    },
    /// The host release predates AVMA (introduced in Windows Server 2012 R2; Windows Server
    /// 2012 hosts cannot AVMA-activate).
    HostTooOld {
        /// The host.
        host: Sku,
    },
    /// The guest is not Windows Server.
    GuestNotWindowsServer {
        /// The guest.
        guest: Sku,
    },
    /// The host's release does not activate the guest's release or edition ("The Windows
    /// Server version of the host determines which versions it can activate in a guest VM";
    /// guests are Datacenter, Standard or Essentials).
    GuestNotCovered {
        /// The host.
        host: Sku,
        /// The guest.
        guest: Sku,
    },
    /// Microsoft documents nothing for this pair: a Windows Server 2025 host or guest, a
    /// Semi-Annual Channel host or guest, a Datacenter: Azure Edition host or guest.
    Undocumented {
        /// The host.
        host: Sku,
        /// The guest.
        guest: Sku,
    },
}

impl AvmaDenial {
    /// The HRESULT the guest reports, where a documented code applies: `0xC004FD01`
    /// (`SL_E_IA_INVALID_VIRTUALIZATION_PLATFORM`, "Windows isn't running on a supported
    /// Microsoft Hyper-V virtualization platform"; its documented cause: "AVMA needs a Windows
    /// Server Datacenter Hyper-V host") when the host is not Datacenter or predates AVMA, and
    /// `0xC004FD03` (`SL_E_IA_ID_MISMATCH`, "The host machine can't activate the edition of
    /// Windows on the virtual machine"; cause: "Host version can only activate guest versions
    /// up to its own") when the host does not cover the guest. None for an undocumented pair
    /// or a guest that is not Windows Server.
    #[must_use]
    pub const fn hresult(&self) -> Option<u32> {
        match self {
            AvmaDenial::HostNotDatacenter { .. } | AvmaDenial::HostTooOld { .. } => {
                Some(0xC004_FD01)
            }
            AvmaDenial::GuestNotCovered { .. } => Some(0xC004_FD03),
            AvmaDenial::GuestNotWindowsServer { .. } | AvmaDenial::Undocumented { .. } => None,
        }
    }

    /// The documented activation error code of [`hresult`](Self::hresult), with its message,
    /// cause and resolution; `None` where no code is documented.
    ///
    /// ```
    /// use volume_activation::Sku;
    /// use volume_activation::rules::check_avma;
    ///
    /// let host: Sku = "windows-server-2019/datacenter".parse()?;
    /// let guest: Sku = "windows-server-2022/standard".parse()?;
    /// let denial = check_avma(host, guest).unwrap_err();
    /// assert_eq!(denial.error_code().map(|c| c.hresult()), Some(0xC004_FD03));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn error_code(&self) -> Option<crate::rules::ActivationErrorCode> {
        self.hresult()
            .and_then(crate::rules::ActivationErrorCode::lookup)
    }

    /// How sure the crate is of the "no": documented, except for the undocumented pairs.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        match self {
            AvmaDenial::Undocumented { .. } => Confidence::Unverified,
            _ => Confidence::Documented,
        }
    }

    /// Where the rule is published.
    #[must_use]
    pub const fn source(&self) -> Source {
        match self {
            AvmaDenial::HostTooOld { .. } => Source::ASKCORE_AVMA,
            _ => Source::AVMA,
        }
    }
}

impl fmt::Display for AvmaDenial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AvmaDenial::HostNotDatacenter { host } => write!(
                f,
                "{} is not a windows server datacenter hyper-v host; avma needs one",
                host.name()
            ),
            AvmaDenial::HostTooOld { host } => write!(
                f,
                "{} predates avma, which starts with windows server 2012 r2 datacenter hosts",
                host.name()
            ),
            AvmaDenial::GuestNotWindowsServer { guest } => write!(
                f,
                "{} is not windows server; avma activates only windows server guests",
                guest.name()
            ),
            AvmaDenial::GuestNotCovered { host, guest } => write!(
                f,
                "a {} host does not activate {} guests by avma",
                host.name(),
                guest.name()
            ),
            AvmaDenial::Undocumented { host, guest } => write!(
                f,
                "microsoft does not document whether a {} host activates {} guests by avma",
                host.name(),
                guest.name()
            ),
        }
    }
}

impl std::error::Error for AvmaDenial {}

/// Whether Hyper-V host `host` activates guest `guest` by AVMA, with the key the guest
/// installs; if not, why.
///
/// Checks, in order: the host is Windows Server Datacenter; the host release takes part in
/// AVMA (Windows Server 2012 R2 to 2022 documented; 2025 and Semi-Annual Channel undocumented;
/// older releases no); the guest is Windows Server; the guest release and edition are
/// documented (2025, Semi-Annual Channel and Datacenter: Azure Edition guests are undocumented
/// for a Hyper-V host) and the host's table row covers them. The host must itself be activated,
/// and the guest's Data Exchange integration service enabled; those are states, not checked
/// here.
///
/// # Errors
///
/// An [`AvmaDenial`] saying which rule failed.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::{AvmaDenial, can_avma, check_avma};
///
/// let host: Sku = "windows-server-2025/datacenter".parse()?;
/// let guest: Sku = "windows-server-2022/standard".parse()?;
/// assert_eq!(check_avma(host, guest), Err(AvmaDenial::Undocumented { host, guest }));
/// assert!(!can_avma(host, guest));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_avma(host: Sku, guest: Sku) -> Result<AvmaActivation, AvmaDenial> {
    let undocumented = AvmaDenial::Undocumented { host, guest };
    if host.family() != Family::Server {
        return Err(AvmaDenial::HostNotDatacenter { host });
    }
    match host.edition() {
        Edition::Datacenter => {}
        Edition::DatacenterAzureEdition => return Err(undocumented),
        _ => return Err(AvmaDenial::HostNotDatacenter { host }),
    }
    match role(host.release()) {
        Role::Documented => {}
        Role::Before2012R2 => return Err(AvmaDenial::HostTooOld { host }),
        Role::Silent => return Err(undocumented),
    }
    if guest.family() != Family::Server {
        return Err(AvmaDenial::GuestNotWindowsServer { guest });
    }
    match role(guest.release()) {
        Role::Documented => {}
        Role::Before2012R2 => return Err(AvmaDenial::GuestNotCovered { host, guest }),
        Role::Silent => return Err(undocumented),
    }
    match guest.edition() {
        Edition::Datacenter | Edition::Standard | Edition::Essentials => {}
        Edition::DatacenterAzureEdition => return Err(undocumented),
        _ => return Err(AvmaDenial::GuestNotCovered { host, guest }),
    }
    let covered =
        documented_guests(host.release()).is_some_and(|guests| guests.contains(&guest.release()));
    if !covered {
        return Err(AvmaDenial::GuestNotCovered { host, guest });
    }
    let key = avma_key(guest).ok_or(undocumented)?;
    Ok(AvmaActivation { host, guest, key })
}

/// Whether `host` activates `guest` by AVMA: `check_avma(host, guest).is_ok()`.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::can_avma;
///
/// let host: Sku = "windows-server-2022/datacenter".parse()?;
/// assert!(can_avma(host, "windows-server-2012-r2/essentials".parse()?));
/// assert!(!can_avma("windows-server-2022/standard".parse()?, "windows-server-2022/standard".parse()?));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn can_avma(host: Sku, guest: Sku) -> bool {
    check_avma(host, guest).is_ok()
}

/// AVMA questions asked of the guest SKU.
impl Sku {
    /// The AVMA key Microsoft publishes for this guest SKU; the same as [`avma_key`].
    ///
    /// ```
    /// use volume_activation::Sku;
    ///
    /// let sku: Sku = "windows-server-2022/datacenter".parse()?;
    /// assert_eq!(sku.avma_key().map(|k| k.reveal()).as_deref(), Some("W3GNR-8DDXR-2TFRP-H8P33-DV9BG"));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn avma_key(self) -> Option<ProductKey> {
        avma_key(self)
    }
}
