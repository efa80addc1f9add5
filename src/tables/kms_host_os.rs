//! Host OS x host key: which operating system can run which KMS host key.
//!
//! Transcribed from `kms-host-key-host-os.csv` (KMS activation planning, Windows Server
//! 2016/2019 Activation, Step 1 of 2012 R2 planning, the Windows 7 guides, the Windows Server
//! 2008 blog) and `office-host-pack-host-os.csv` (Office host packs). Windows Server 2003 hosts
//! are not modelled (no [`Release`] for them). Tests compare every row.

use crate::catalog::coverage::{Answer, Basis, Coverage};
use crate::catalog::{Edition, Family, KmsHostKey, Release};
use crate::macros::Lookup as _;

use Edition as E;
use KmsHostKey as K;
use Release as R;

const fn yes(basis: Basis) -> Coverage {
    Coverage::new(Answer::Documented, basis)
}

/// "Windows Server 20xx or later" of the Office host-pack table, in release order (Small
/// Business Server is not named and is left out).
const fn server_or_later(r: Release, oldest: Release) -> bool {
    matches!(r.family(), Family::Server)
        && !matches!(r, R::SmallBusinessServer2008 | R::SmallBusinessServer2011)
        && r as u8 >= oldest as u8
}

/// "Windows 10 (volume editions) or later" etc., in release order.
const fn client_or_later(r: Release, oldest: Release) -> bool {
    matches!(r.family(), Family::Client) && r as u8 >= oldest as u8
}

crate::macros::const_table! {
    /// Every (key, host release, host edition) answer, computed at compile time from
    /// [`compute`].
    static HOST_SUPPORT: [Coverage; KmsHostKey, Release, Edition] = |k, r, e| compute(r, e, k);
}

/// Whether host OS `r`/`e` can run host key `key` (a table lookup).
pub(crate) fn host_support(r: Release, e: Edition, key: KmsHostKey) -> Coverage {
    HOST_SUPPORT
        .lookup((key as usize, r as usize, e as usize))
        .unwrap_or_else(|| compute(r, e, key))
}

/// Whether host OS `r`/`e` can run host key `key`.
const fn compute(r: Release, e: Edition, key: KmsHostKey) -> Coverage {
    // S-PLAN footnote 1: "Azure activates Windows Server Datacenter: Azure Edition, meaning it
    // can't be configured as a KMS host".
    if matches!(e, E::DatacenterAzureEdition) {
        return Coverage::new(Answer::DocumentedNo, Basis::AzureEditionCannotHost);
    }
    if key.is_client_key() && matches!(r.family(), Family::Server) {
        return Coverage::new(Answer::DocumentedNo, Basis::ClientKeyNotOnServer);
    }
    let std_dc = matches!(e, E::Standard | E::Datacenter);
    let office = Basis::OfficeHostOs;
    let hit = match key {
        // "Office LTSC 2024: At least Windows Server 2019 or at least Windows 10 (volume
        // editions)" — Configure a KMS host computer for Office, the newest revision read
        // (ms.date 2025-04-25, MicrosoftDocs/OfficeDocs-DeployOffice history to 2025-05-04;
        // the text changed on 2024-11-01 in commit afe17a28 "Update minimum supported Windows
        // server version for LTSC 2024"). The 2024-09-18 revision said "At least Windows
        // Server 2022 or at least Windows 10 (volume editions)" (issue 10, item 9).
        K::OfficeLtsc2024 => {
            server_or_later(r, R::WindowsServer2019) || client_or_later(r, R::Windows10)
        }
        K::OfficeLtsc2021 => {
            server_or_later(r, R::WindowsServer2016) || client_or_later(r, R::Windows10)
        }
        K::Office2019 => {
            server_or_later(r, R::WindowsServer2012) || client_or_later(r, R::Windows81)
        }
        // "Windows 7 Service Pack 1 (volume editions) or later": service packs are not
        // modelled, so Windows 7 is taken as Windows 7 SP1.
        K::Office2016 => {
            server_or_later(r, R::WindowsServer2008R2) || client_or_later(r, R::Windows7)
        }
        // Office conflict 8: the Office 2013 list is from 2012 (Volume activation methods in
        // Office 2013) and predates Windows 8.1 / Server 2012 R2 and later; those hosts answer
        // undocumented rather than being read into the list.
        K::Office2013 => {
            if matches!(
                r,
                R::WindowsServer2008R2 | R::Windows7 | R::Windows8 | R::WindowsServer2012
            ) {
                return yes(Basis::OfficeHostOs2013);
            }
            false
        }
        // Office conflict 9: the Office 2010 list (Windows Server 2003 with a patch, Windows
        // Server 2008 R2, Windows 7) rests on a Microsoft support blog, not on the Office 2010
        // TechNet page; it is kept as Microsoft text. Windows Server 2003 is not modelled.
        //
        // Issue 10, item 8: the Volume Licensing FAQ says "only Windows Server 2003, Windows 7
        // volume editions, and Windows Server 2008 R2 are supported as Office KMS hosts" and
        // "Windows Server 2008 isn't covered as a platform as an Office 2010 KMS host" (no
        // patch exists): every other host OS is a documented no.
        K::Office2010 => {
            if matches!(r, R::WindowsServer2008R2 | R::Windows7) {
                return yes(Basis::OfficeHostOs2010);
            }
            return Coverage::new(Answer::DocumentedNo, Basis::OfficeHostOs2010Only);
        }
        K::WindowsServer2025 => {
            matches!(
                r,
                R::WindowsServer2025 | R::WindowsServer2022 | R::WindowsServer2019
            )
        }
        K::WindowsServer2022 => {
            matches!(
                r,
                R::WindowsServer2022 | R::WindowsServer2019 | R::WindowsServer2016
            )
        }
        K::WindowsServer2019 => {
            matches!(
                r,
                R::WindowsServer2019 | R::WindowsServer2016 | R::WindowsServer2012R2
            )
        }
        K::WindowsServer2016 => {
            matches!(
                r,
                R::WindowsServer2016 | R::WindowsServer2012R2 | R::WindowsServer2012
            )
        }
        K::Windows10 => match r {
            R::Windows10 | R::Windows81 | R::Windows7 => true,
            // Decision (reference conflict 9): only Step 1 lists Windows 8 as a host for this
            // key; the newer pages omit it without saying no, so Step 1's row stands.
            R::Windows8 => return yes(Basis::HostOsStep1),
            _ => false,
        },
        K::WindowsServer2012R2ForWindows10 => match r {
            // MicrosoftDocs PR #1268: "You cannot install KMS host key of Windows Server 2012
            // R2 for Windows 10 on Windows Server 2016."
            R::WindowsServer2016 => {
                return Coverage::new(Answer::DocumentedNo, Basis::Windows10KeyNotOn2016);
            }
            R::WindowsServer2008R2 => true,
            R::WindowsServer2012 | R::WindowsServer2012R2 => std_dc,
            _ => false,
        },
        K::Windows81 => {
            if matches!(
                r,
                R::WindowsVista | R::Windows7 | R::Windows8 | R::Windows81
            ) {
                return yes(Basis::HostOsStep1);
            }
            false
        }
        K::WindowsServer2012R2 => {
            if matches!(r, R::WindowsServer2008 | R::WindowsServer2008R2)
                || matches!(r, R::WindowsServer2012 | R::WindowsServer2012R2) && std_dc
            {
                return yes(Basis::HostOsStep1);
            }
            false
        }
        K::Windows7 => {
            if matches!(r, R::WindowsVista | R::Windows7) {
                return yes(Basis::HostOsWindows7Guide);
            }
            false
        }
        K::WindowsServer2008R2GroupA
        | K::WindowsServer2008R2GroupB
        | K::WindowsServer2008R2GroupC => {
            if matches!(r, R::WindowsServer2008 | R::WindowsServer2008R2) {
                return yes(Basis::HostOsWindows7Guide);
            }
            false
        }
        K::WindowsVista => {
            if matches!(r, R::WindowsVista) {
                return yes(Basis::HostOsWs2008Blog);
            }
            false
        }
        K::WindowsServer2008GroupA | K::WindowsServer2008GroupB | K::WindowsServer2008GroupC => {
            if matches!(r, R::WindowsServer2008) {
                return yes(Basis::HostOsWs2008Blog);
            }
            false
        }
        // Issue 10 (rule class 3): no host-OS list names these two keys, but Table 7 of the
        // 2012 R2 Volume Activation Technical Reference lists a KMS host running Windows
        // Server 2012 with its KMS key, and a KMS host running Windows 8 with the client KMS
        // key: the key named for a release runs on that release (derived). Standard and
        // Datacenter for the server, as the 2012 R2 key's Step 1 host rows name them.
        K::WindowsServer2012 => {
            if matches!(r, R::WindowsServer2012) && std_dc {
                return Coverage::new(Answer::Derived, Basis::HostOsOwnRelease);
            }
            false
        }
        K::Windows8 => {
            if matches!(r, R::Windows8) {
                return Coverage::new(Answer::Derived, Basis::HostOsOwnRelease);
            }
            false
        }
    };
    if hit {
        if key.is_office_key() {
            yes(office)
        } else {
            yes(Basis::HostOsTable)
        }
    } else {
        Coverage::new(Answer::Undocumented, Basis::HostOsNotListed)
    }
}
