//! KMS host keys (CSVLK groups): Windows Server, Windows client and Office host keys.

use crate::catalog::{Family, Release};
use crate::error::Error;
use strum::VariantArray;

/// A KMS host key group: which Customer Specific Volume License Key (CSVLK) a KMS host has
/// installed. A host key group is not a [`Release`]: "Volume License for Windows Server 2019"
/// activates many releases, and the 2008 / 2008 R2 server keys come in groups A, B and C.
///
/// The canonical ID names the group (`windows-server-2019`,
/// `windows-server-2008-r2-group-b`, `office-ltsc-2021`); [`KmsHostKey::name`] gives the
/// name Microsoft's tables print ("Volume License for Windows Server 2019").
///
/// Every group of the reference is here, current and historical. Microsoft documents no
/// separate LTSB/LTSC host key, so there is none. Microsoft adds host keys with each
/// release, so this enum is `#[non_exhaustive]`.
///
/// Sources: "Key Management Services (KMS) activation planning"
/// <https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning>;
/// Windows Server 2012 R2 "Step 1: Review and Select Activation Methods"
/// <https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-R2-and-2012/jj134256(v=ws.11)>;
/// "Determining Product Key Needs" <http://technet.microsoft.com/en-us/library/ff793412.aspx>;
/// "Volume Activation 2.0 Volume Product Key Groups" <http://technet.microsoft.com/ja-jp/library/dd183740.aspx>;
/// "Configure a KMS host computer to activate volume licensed versions of Office"
/// <https://learn.microsoft.com/en-us/office/volume-license-activation/configure-a-kms-host-computer-for-office>.
///
/// ```
/// use volume_activation::{Family, KmsHostKey, Release};
///
/// let key: KmsHostKey = "windows-server-2019".parse()?;
/// assert_eq!(key.name(), "Volume License for Windows Server 2019");
/// assert_eq!(key.family(), Family::Server);
/// assert_eq!(key.release(), Release::WindowsServer2019);
/// assert_eq!(KmsHostKey::parse_lenient("Volume License for Windows Server 2019")?, key);
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
pub enum KmsHostKey {
    /// Volume License for Windows Server 2025.
    #[strum(serialize = "windows-server-2025")]
    WindowsServer2025,
    /// Volume License for Windows Server 2022.
    #[strum(serialize = "windows-server-2022")]
    WindowsServer2022,
    /// Volume License for Windows Server 2019.
    #[strum(serialize = "windows-server-2019")]
    WindowsServer2019,
    /// Volume License for Windows Server 2016.
    #[strum(serialize = "windows-server-2016")]
    WindowsServer2016,
    /// Volume license for "Windows Server 2012 R2 for Windows 10" (VLSC: "Windows Srv
    /// 2012R2 DataCtr/Std KMS for Windows 10").
    #[strum(serialize = "windows-server-2012-r2-for-windows-10")]
    WindowsServer2012R2ForWindows10,
    /// Volume license for Windows Server 2012 R2.
    #[strum(serialize = "windows-server-2012-r2")]
    WindowsServer2012R2,
    /// Volume license for Windows Server 2012 (no Microsoft list of what it activates was
    /// found; only its own group is derived).
    #[strum(serialize = "windows-server-2012")]
    WindowsServer2012,
    /// Windows Server 2008 R2 Server Group C (KMS_C).
    #[strum(serialize = "windows-server-2008-r2-group-c")]
    WindowsServer2008R2GroupC,
    /// Windows Server 2008 R2 Server Group B (KMS_B).
    #[strum(serialize = "windows-server-2008-r2-group-b")]
    WindowsServer2008R2GroupB,
    /// Windows Server 2008 R2 Server Group A (KMS_A).
    #[strum(serialize = "windows-server-2008-r2-group-a")]
    WindowsServer2008R2GroupA,
    /// Windows Server 2008 Server Group C.
    #[strum(serialize = "windows-server-2008-group-c")]
    WindowsServer2008GroupC,
    /// Windows Server 2008 Server Group B.
    #[strum(serialize = "windows-server-2008-group-b")]
    WindowsServer2008GroupB,
    /// Windows Server 2008 Server Group A.
    #[strum(serialize = "windows-server-2008-group-a")]
    WindowsServer2008GroupA,
    /// Volume license for Windows 10 (a client KMS host key).
    #[strum(serialize = "windows-10")]
    Windows10,
    /// Volume license for Windows 8.1 (a client KMS host key).
    #[strum(serialize = "windows-8.1")]
    Windows81,
    /// Volume license for Windows 8 (a client KMS host key; no Microsoft list of what it
    /// activates was found, only its own group is derived).
    #[strum(serialize = "windows-8")]
    Windows8,
    /// Windows 7 client KMS host key (Client VL, Windows 7).
    #[strum(serialize = "windows-7")]
    Windows7,
    /// Windows Vista client KMS host key (Vista VL).
    #[strum(serialize = "windows-vista")]
    WindowsVista,
    /// Office LTSC 2024 KMS host key.
    #[strum(serialize = "office-ltsc-2024")]
    OfficeLtsc2024,
    /// Office LTSC 2021 KMS host key.
    #[strum(serialize = "office-ltsc-2021")]
    OfficeLtsc2021,
    /// Office 2019 KMS host key.
    #[strum(serialize = "office-2019")]
    Office2019,
    /// Office 2016 KMS host key.
    #[strum(serialize = "office-2016")]
    Office2016,
    /// Office 2013 KMS host key.
    #[strum(serialize = "office-2013")]
    Office2013,
    /// Office 2010 KMS host key.
    #[strum(serialize = "office-2010")]
    Office2010,
}

impl KmsHostKey {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            KmsHostKey::WindowsServer2025 => "Volume License for Windows Server 2025",
            KmsHostKey::WindowsServer2022 => "Volume License for Windows Server 2022",
            KmsHostKey::WindowsServer2019 => "Volume License for Windows Server 2019",
            KmsHostKey::WindowsServer2016 => "Volume License for Windows Server 2016",
            KmsHostKey::WindowsServer2012R2ForWindows10 => {
                "Volume License for Windows Server 2012 R2 for Windows 10"
            }
            KmsHostKey::WindowsServer2012R2 => "Volume License for Windows Server 2012 R2",
            KmsHostKey::WindowsServer2012 => "Volume License for Windows Server 2012",
            KmsHostKey::WindowsServer2008R2GroupC => {
                "Windows Server 2008 R2 Server Group C (KMS_C)"
            }
            KmsHostKey::WindowsServer2008R2GroupB => {
                "Windows Server 2008 R2 Server Group B (KMS_B)"
            }
            KmsHostKey::WindowsServer2008R2GroupA => {
                "Windows Server 2008 R2 Server Group A (KMS_A)"
            }
            KmsHostKey::WindowsServer2008GroupC => "Windows Server 2008 Server Group C",
            KmsHostKey::WindowsServer2008GroupB => "Windows Server 2008 Server Group B",
            KmsHostKey::WindowsServer2008GroupA => "Windows Server 2008 Server Group A",
            KmsHostKey::Windows10 => "Volume License for Windows 10",
            KmsHostKey::Windows81 => "Volume License for Windows 8.1",
            KmsHostKey::Windows8 => "Volume License for Windows 8",
            KmsHostKey::Windows7 => "Windows 7 client KMS host key (Client VL)",
            KmsHostKey::WindowsVista => "Windows Vista client KMS host key (Vista VL)",
            KmsHostKey::OfficeLtsc2024 => "Office LTSC 2024 KMS host key",
            KmsHostKey::OfficeLtsc2021 => "Office LTSC 2021 KMS host key",
            KmsHostKey::Office2019 => "Office 2019 KMS host key",
            KmsHostKey::Office2016 => "Office 2016 KMS host key",
            KmsHostKey::Office2013 => "Office 2013 KMS host key",
            KmsHostKey::Office2010 => "Office 2010 KMS host key",
        }
    }

    /// The error for text that is no KmsHostKey ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown(
            "kms host key",
            s,
            "a host key ID such as windows-server-2022, windows-10, windows-server-2008-r2-group-c or office-ltsc-2024",
        )
    }
}

crate::macros::serde_as_id!(KmsHostKey);

impl KmsHostKey {
    /// The family of the product the key is for: [`Family::Server`] for the Windows Server
    /// keys (which also activate Windows client), [`Family::Client`] for the Windows client
    /// keys (which activate only Windows client), [`Family::Office`] for the Office keys.
    ///
    /// ```
    /// use volume_activation::{Family, KmsHostKey};
    ///
    /// assert_eq!(KmsHostKey::Windows10.family(), Family::Client);
    /// assert_eq!(KmsHostKey::OfficeLtsc2021.family(), Family::Office);
    /// ```
    #[must_use]
    pub const fn family(self) -> Family {
        self.release().family()
    }

    /// The release the key group is named for ("Windows Server 2012 R2 for Windows 10" is a
    /// Windows Server 2012 R2 key; the 2008 R2 groups A, B and C are Windows Server 2008 R2
    /// keys).
    #[must_use]
    pub const fn release(self) -> Release {
        use KmsHostKey::*;
        match self {
            WindowsServer2025 => Release::WindowsServer2025,
            WindowsServer2022 => Release::WindowsServer2022,
            WindowsServer2019 => Release::WindowsServer2019,
            WindowsServer2016 => Release::WindowsServer2016,
            WindowsServer2012R2ForWindows10 | WindowsServer2012R2 => Release::WindowsServer2012R2,
            WindowsServer2012 => Release::WindowsServer2012,
            WindowsServer2008R2GroupC | WindowsServer2008R2GroupB | WindowsServer2008R2GroupA => {
                Release::WindowsServer2008R2
            }
            WindowsServer2008GroupC | WindowsServer2008GroupB | WindowsServer2008GroupA => {
                Release::WindowsServer2008
            }
            Windows10 => Release::Windows10,
            Windows81 => Release::Windows81,
            Windows8 => Release::Windows8,
            Windows7 => Release::Windows7,
            WindowsVista => Release::WindowsVista,
            OfficeLtsc2024 => Release::OfficeLtsc2024,
            OfficeLtsc2021 => Release::OfficeLtsc2021,
            Office2019 => Release::Office2019,
            Office2016 => Release::Office2016,
            Office2013 => Release::Office2013,
            Office2010 => Release::Office2010,
        }
    }

    /// The newest client or server release the key was issued to activate: what a host OS
    /// must be updated for before it accepts the key ("Windows Server 2012 R2 for Windows 10"
    /// was issued for Windows 10).
    #[must_use]
    pub const fn issued_for(self) -> Release {
        match self {
            KmsHostKey::WindowsServer2012R2ForWindows10 => Release::Windows10,
            other => other.release(),
        }
    }

    /// Whether this is a Windows client KMS host key (Vista, 7, 8, 8.1, 10). Source: "A client
    /// KMS key can't be installed into the KMS in Windows Server." — Activate using Key
    /// Management Service,
    /// <https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-using-key-management-service-vamt>.
    #[must_use]
    pub const fn is_client_key(self) -> bool {
        matches!(self.family(), Family::Client)
    }

    /// Whether this is an Office KMS host key.
    #[must_use]
    pub const fn is_office_key(self) -> bool {
        matches!(self.family(), Family::Office)
    }

    /// The Windows Server 2008 / 2008 R2 product key group letter (`'A'`, `'B'`, `'C'`) of a
    /// 2008-era server key, `None` for the others. Group C is the most inclusive. Source:
    /// "Determining Product Key Needs", <http://technet.microsoft.com/en-us/library/ff793412.aspx>.
    #[must_use]
    pub const fn server_group(self) -> Option<char> {
        use KmsHostKey::*;
        match self {
            WindowsServer2008R2GroupA | WindowsServer2008GroupA => Some('A'),
            WindowsServer2008R2GroupB | WindowsServer2008GroupB => Some('B'),
            WindowsServer2008R2GroupC | WindowsServer2008GroupC => Some('C'),
            _ => None,
        }
    }

    /// Reads a host key by canonical ID or by marketing name, ASCII case-insensitively; also
    /// accepts every label Microsoft's tables print for one key ("Volume license for Windows
    /// 10", `Volume license for "Windows Server 2012 R2 for Windows 10"`, "Windows 7 client
    /// KMS key (Client VL, Windows 7)", "Windows Server 2008 R2 Server Group A", "Office
    /// 2019"): quotes, parenthesised notes, "host" in "KMS host key" and runs of spaces do not
    /// matter. A label naming several keys ("Windows Server 2008 R2 Server Group A/B/C keys")
    /// is no one key and is an error.
    ///
    /// # Errors
    ///
    /// When the text names no host key, e.g. `"windows-server-2030"`.
    ///
    /// ```
    /// use volume_activation::KmsHostKey;
    ///
    /// assert_eq!(KmsHostKey::parse_lenient("Volume license for Windows 10")?, KmsHostKey::Windows10);
    /// assert_eq!(KmsHostKey::parse_lenient("Office LTSC 2021")?, KmsHostKey::OfficeLtsc2021);
    /// assert_eq!(
    ///     KmsHostKey::parse_lenient("Windows Vista client KMS key (Vista VL)")?,
    ///     KmsHostKey::WindowsVista
    /// );
    /// assert!(KmsHostKey::parse_lenient("windows-server-2030").is_err());
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    pub fn parse_lenient(s: &str) -> Result<KmsHostKey, Error> {
        let t = s.trim();
        if let Ok(k) = t.parse::<KmsHostKey>() {
            return Ok(k);
        }
        let wanted = label_words(t);
        KmsHostKey::VARIANTS
            .iter()
            .copied()
            .find(|k| {
                let name = label_words(k.name());
                name == wanted || name.strip_suffix(" kms key").is_some_and(|n| n == wanted)
            })
            .ok_or_else(|| {
                Error::unknown(
                    "kms host key",
                    s,
                    "a host key ID or name such as windows-server-2022 or \"Volume License for Windows Server 2019\"",
                )
            })
    }
}

/// A host key label reduced to the words that tell keys apart: ASCII lowercase, quotes and
/// parenthesised notes dropped, "kms host key" read as "kms key", single spaces. Linear in the
/// label.
fn label_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            '"' => {}
            _ if depth > 0 => {}
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out.trim_end().replace(" kms host key", " kms key")
}
