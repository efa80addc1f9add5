//! Host key (CSVLK group) x client SKU: which host key activates which client.
//!
//! Transcribed from the reference tables `kms-host-key-activates-current.csv` (KMS activation
//! planning, ms.date 2025-03-17), `kms-host-key-activates-historical.csv` (Windows Server
//! 2016/2019 Activation pages, Step 1 of 2012 R2 planning, Table 7, the Volume Activation 2.0
//! guides), `kms-product-key-groups-2008.csv` and `office-host-key-activates.csv`; the tests
//! in `tests/kms.rs` compare every row of those files (copied to `tests/data/`).
//!
//! Lookup is a `match` on the key, then on the release and edition: no allocation.

use crate::catalog::coverage::{Answer, Basis, Coverage};
use crate::catalog::{Edition, Family, KmsHostKey, Release};
use crate::macros::Lookup as _;

use Edition as E;
use KmsHostKey as K;
use Release as R;

const fn yes(basis: Basis) -> Option<Coverage> {
    Some(Coverage::new(Answer::Documented, basis))
}

const fn derived(basis: Basis) -> Option<Coverage> {
    Some(Coverage::new(Answer::Derived, basis))
}

/// "Windows Server 20xx (all editions)" and "Windows Server Semi-Annual Channel" rows.
const fn server_all_editions_from(release: Release, oldest: Release) -> bool {
    use Release::*;
    let listed = matches!(
        release,
        WindowsServer2008
            | WindowsServer2008R2
            | WindowsServer2012
            | WindowsServer2012R2
            | WindowsServer2016
            | WindowsServer1709
            | WindowsServer1803
            | WindowsServer2019
            | WindowsServer2022
            | WindowsServer2025
    ) || release.is_semi_annual_channel();
    listed && release as u8 >= oldest as u8
}

/// "Windows 10/11 Enterprise/Enterprise N, Professional/Professional N, Professional for
/// Workstations/Professional N for Workstations, Education/Education N" (S-PLAN).
const fn pro_ent_edu_workstations(e: Edition) -> bool {
    matches!(
        e,
        E::Enterprise
            | E::EnterpriseN
            | E::Pro
            | E::ProN
            | E::ProForWorkstations
            | E::ProForWorkstationsN
            | E::Education
            | E::EducationN
    )
}

/// "Windows 10 Enterprise LTSC/LTSC N/LTSB" (2019, 2022, 2025 rows, no year).
///
/// Decision (reference conflict 8 and resolutions Q2): the yearless label covers LTSB 2015,
/// LTSB 2016 and LTSC 2019 — the releases that existed when the 2019 row used it, and which
/// "Windows Server 2019 Activation" (2020) names for the 2019 key ("Windows 10 Enterprise LTSC
/// 2019", "LTSC N 2019", "Windows 10 LTSB (2015 and 2016)"). It is not read as LTSC 2021:
/// KMS activation planning never names LTSC 2021 and MicrosoftDocs issue #6353 asking exactly
/// this is unanswered, so LTSC 2021 answers undocumented.
const fn ltsc_without_year(r: Release, e: Edition) -> bool {
    matches!(
        r,
        R::Windows10Ltsb2015 | R::Windows10Ltsb2016 | R::Windows10Ltsc2019
    ) && matches!(e, E::EnterpriseLtsc | E::EnterpriseNLtsc)
}

/// Professional / Enterprise of Windows 8.1 and Windows 7 (every current row lists these two).
const fn pro_ent(e: Edition) -> bool {
    matches!(e, E::Pro | E::Enterprise)
}

/// "Windows Vista Business/Enterprise" (S-STEP1, S-T7 client rows).
const fn vista_business_ent(e: Edition) -> bool {
    matches!(e, E::Business | E::Enterprise)
}

/// Windows Server 2008 / 2008 R2 product key group membership, A = 1, B = 2, C = 3.
///
/// Sources: "Volume Activation 2.0 Volume Product Key Groups" (dd183740), "Determining Product
/// Key Needs" (ff793412), Table 7, Volume Licensing FAQ.
///
/// Decision (reference conflict 14): Windows Server 2008 HPC is in Group A. "Determining
/// Product Key Needs" puts "Windows Compute Cluster Server 2008" and the Volume Licensing FAQ
/// "Windows Server 2008 HPC Edition" in Group A beside Web Server 2008; "Volume Activation 2.0
/// Volume Product Key Groups" lists only Web Server 2008. Two Microsoft texts name the HPC
/// product in Group A and none puts it elsewhere, so it is Group A.
const fn server_2008_group(e: Edition) -> Option<u8> {
    match e {
        E::Web | E::Hpc => Some(1),
        E::Standard | E::Enterprise | E::StandardWithoutHyperV | E::EnterpriseWithoutHyperV => {
            Some(2)
        }
        E::Datacenter | E::DatacenterWithoutHyperV | E::Itanium => Some(3),
        _ => None,
    }
}

/// The rows listed for `key` (documented yes, or derived where the source row is a hierarchy
/// derivation).
const fn listed(key: KmsHostKey, r: Release, e: Edition) -> Option<Coverage> {
    match key {
        K::WindowsServer2025 | K::WindowsServer2022 => {
            let b = Basis::ActivationVersionsTable;
            let oldest_new = matches!(key, K::WindowsServer2025);
            if server_all_editions_from(r, R::WindowsServer2008) {
                if matches!(r, R::WindowsServer2025) && !oldest_new {
                    return None;
                }
                return yes(b);
            }
            match r {
                R::Windows11Ltsc2024 if oldest_new && matches!(e, E::EnterpriseLtsc) => yes(b),
                R::Windows11 | R::Windows10 if pro_ent_edu_workstations(e) => yes(b),
                R::Windows81 | R::Windows7 if pro_ent(e) => yes(b),
                _ if ltsc_without_year(r, e) => yes(b),
                _ => None,
            }
        }
        K::WindowsServer2019 => {
            let b = Basis::ActivationVersions2019;
            if server_all_editions_from(r, R::WindowsServer2008)
                && r as u8 <= R::WindowsServerSac as u8
            {
                return yes(b);
            }
            match r {
                R::Windows10 if pro_ent_edu_workstations(e) => yes(b),
                R::Windows81 | R::Windows7 if pro_ent(e) => yes(b),
                _ if ltsc_without_year(r, e) => yes(b),
                _ => None,
            }
        }
        K::WindowsServer2016 => {
            let b = Basis::ActivationVersionsTable;
            if server_all_editions_from(r, R::WindowsServer2008)
                && (r as u8 <= R::WindowsServer2016 as u8 || r.is_semi_annual_channel())
            {
                return yes(b);
            }
            match r {
                // "Windows 10 LTSB (2015 and 2016)": no edition named, so LTSB and LTSB N.
                R::Windows10Ltsb2015 | R::Windows10Ltsb2016
                    if matches!(e, E::EnterpriseLtsc | E::EnterpriseNLtsc) =>
                {
                    yes(b)
                }
                R::Windows10 if pro_ent_edu_workstations(e) => yes(b),
                R::Windows81 | R::Windows7 if pro_ent(e) => yes(b),
                _ => None,
            }
        }
        K::Windows10 => {
            let b = Basis::ActivationVersionsTable;
            match r {
                R::Windows10Ltsb2015 if matches!(e, E::EnterpriseLtsc | E::EnterpriseNLtsc) => {
                    yes(b)
                }
                R::Windows10
                    if matches!(
                        e,
                        E::Enterprise
                            | E::EnterpriseN
                            | E::Pro
                            | E::ProN
                            | E::Education
                            | E::EducationN
                            | E::ProForWorkstations
                    ) =>
                {
                    yes(b)
                }
                R::Windows81 | R::Windows7 if pro_ent(e) => yes(b),
                // Decision (reference conflict 9): Step 1 (2012 R2 planning) lists Windows 8
                // Pro/Enterprise and Vista Business/Enterprise for this key; KMS activation
                // planning (2025) and the 2016/2019 Activation pages omit them without saying
                // no. Omission is not a "no", so Step 1's rows stand, with Step 1 as source.
                R::Windows8 if pro_ent(e) => yes(Basis::Step1Table),
                R::WindowsVista if vista_business_ent(e) => yes(Basis::Step1Table),
                _ => None,
            }
        }
        K::WindowsServer2012R2ForWindows10 => {
            let b = Basis::ActivationVersions2012R2ForWindows10;
            if server_all_editions_from(r, R::WindowsServer2008)
                && r as u8 <= R::WindowsServer2012R2 as u8
            {
                return yes(b);
            }
            match r {
                // "Windows 10 Professional", "Enterprise", "Pro for Workstations",
                // "Education", "Enterprise LTSB (2015)": no N editions are named.
                R::Windows10
                    if matches!(
                        e,
                        E::Pro | E::Enterprise | E::ProForWorkstations | E::Education
                    ) =>
                {
                    yes(b)
                }
                R::Windows10Ltsb2015 if matches!(e, E::EnterpriseLtsc) => yes(b),
                R::Windows81 | R::Windows7 if pro_ent(e) => yes(b),
                // Decision (reference conflict 10): Step 1 adds Windows 8 and Vista; the 2016 and
                // 2019 Activation pages omit them without saying no; Step 1's rows stand.
                R::Windows8 if pro_ent(e) => yes(Basis::Step1Table),
                R::WindowsVista if vista_business_ent(e) => yes(Basis::Step1Table),
                _ => None,
            }
        }
        K::WindowsServer2012R2 => {
            let b = Basis::Step1Table;
            if server_all_editions_from(r, R::WindowsServer2008)
                && r as u8 <= R::WindowsServer2012R2 as u8
            {
                return yes(b);
            }
            match r {
                R::Windows81 | R::Windows8 | R::Windows7 if pro_ent(e) => yes(b),
                R::WindowsVista if vista_business_ent(e) => yes(b),
                _ => None,
            }
        }
        K::Windows81 => {
            let b = Basis::Step1AndTable7;
            match r {
                R::Windows81 | R::Windows8 | R::Windows7 if pro_ent(e) => yes(b),
                R::WindowsVista if vista_business_ent(e) => yes(b),
                _ => None,
            }
        }
        // No Microsoft list was found for the Windows Server 2012 and Windows 8 keys
        // (reference conflict 13): only their own group follows from the hierarchy rule "can
        // activate the Windows editions within that specific product group".
        K::WindowsServer2012 => match r {
            R::WindowsServer2012 => derived(Basis::ProductGroupHierarchy),
            _ => None,
        },
        K::Windows8 => match r {
            R::Windows8 => derived(Basis::ProductGroupHierarchy),
            _ => None,
        },
        K::Windows7 => match r {
            R::Windows7 | R::WindowsVista if matches!(e, E::Pro | E::Enterprise | E::Business) => {
                yes(Basis::Table7)
            }
            _ => None,
        },
        K::WindowsVista => match r {
            R::WindowsVista if vista_business_ent(e) => yes(Basis::VistaKeyTable),
            _ => None,
        },
        K::WindowsServer2008R2GroupA
        | K::WindowsServer2008R2GroupB
        | K::WindowsServer2008R2GroupC => {
            let b = Basis::Table7;
            let level = match key {
                K::WindowsServer2008R2GroupA => 1,
                K::WindowsServer2008R2GroupB => 2,
                _ => 3,
            };
            match r {
                // "Windows Vista Volume Editions", "Windows 7 Volume Editions".
                R::WindowsVista | R::Windows7 => yes(b),
                R::WindowsServer2008R2 | R::WindowsServer2008 => match server_2008_group(e) {
                    Some(g) if g <= level => {
                        // 2008 R2 has no "without Hyper-V" editions; the SKU table has none.
                        yes(b)
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        K::WindowsServer2008GroupA | K::WindowsServer2008GroupB | K::WindowsServer2008GroupC => {
            // Group B is the worked example of "Changes to Volume Activation 2.0"; A and C
            // follow from the hierarchy rule (reference rows with confidence "hierarchy").
            let (level, b, direct) = match key {
                K::WindowsServer2008GroupA => (1, Basis::ProductGroupHierarchy, false),
                K::WindowsServer2008GroupB => (2, Basis::Va2GroupBExample, true),
                _ => (3, Basis::ProductGroupHierarchy, false),
            };
            let hit = match r {
                R::WindowsVista => true,
                R::WindowsServer2008 => match server_2008_group(e) {
                    Some(g) => g <= level,
                    None => false,
                },
                _ => false,
            };
            match (hit, direct) {
                (true, true) => yes(b),
                (true, false) => derived(b),
                (false, _) => None,
            }
        }
        K::OfficeLtsc2024
        | K::OfficeLtsc2021
        | K::Office2019
        | K::Office2016
        | K::Office2013
        | K::Office2010 => None,
    }
}

crate::macros::const_table! {
    /// Every (key, release, edition) answer, computed at compile time from [`compute`], so a
    /// lookup is three bounds-checked loads (two bytes per entry).
    static COVERAGE: [Coverage; KmsHostKey, Release, Edition] = |k, r, e| compute(k, r, e);
}

/// Host key x client: the answer and its basis (a table lookup).
pub(crate) fn key_coverage(key: KmsHostKey, r: Release, e: Edition) -> Coverage {
    COVERAGE
        .lookup((key as usize, r as usize, e as usize))
        .unwrap_or_else(|| compute(key, r, e))
}

/// Host key x client: the answer and its basis.
const fn compute(key: KmsHostKey, r: Release, e: Edition) -> Coverage {
    let client_family = r.family();
    // Office: one host key per Office version (office-host-key-activates.csv).
    //
    // Decision (Office conflict 2): "activate a KMS host key for each version of Office"
    // (configure-a-kms-host-computer-for-office) against "you install and enable only one KMS
    // host key to activate all volume licensed versions of Office" (activate-office-by-using-kms).
    // The 2016-era original of the second sentence read "... all volume license editions of
    // Office 2016 KMS clients", so both mean one key per version, covering every product of it.
    //
    // Decision (Office conflict 3): no Microsoft page says a newer Office host key activates an
    // older Office version (nor the reverse); the Windows "newer key activates the previous
    // generation" rule is a Windows rule and is not carried over. Other versions: undocumented.
    if key.is_office_key() || matches!(client_family, Family::Office) {
        if !key.is_office_key() || !matches!(client_family, Family::Office) {
            return Coverage::new(Answer::DocumentedNo, Basis::OfficeKeyPerVersion);
        }
        if key.release() as u8 != r as u8 {
            return Coverage::new(Answer::Undocumented, Basis::OfficeOtherVersion);
        }
        return match key {
            K::Office2013 | K::Office2010 => {
                Coverage::new(Answer::Derived, Basis::OfficeKeyPerVersionOlder)
            }
            _ => Coverage::new(Answer::Documented, Basis::OfficeKeyPerVersion),
        };
    }
    if let Some(c) = listed(key, r, e) {
        return c;
    }
    let is_sbs = matches!(r, R::SmallBusinessServer2008 | R::SmallBusinessServer2011);
    if key.is_client_key() && matches!(client_family, Family::Server) {
        return Coverage::new(Answer::DocumentedNo, Basis::ClientKeyActivatesOnlyClients);
    }
    if matches!(
        key,
        K::WindowsVista
            | K::WindowsServer2008GroupA
            | K::WindowsServer2008GroupB
            | K::WindowsServer2008GroupC
    ) && !is_sbs
        && (r as u8 >= R::Windows7 as u8 && matches!(client_family, Family::Client)
            || r as u8 >= R::WindowsServer2008R2 as u8 && matches!(client_family, Family::Server))
    {
        return Coverage::new(Answer::DocumentedNo, Basis::VistaKeysStopAtVista);
    }
    if matches!(key.family(), Family::Server)
        && matches!(client_family, Family::Server)
        && !is_sbs
        && r as u8 > key.release() as u8
    {
        return Coverage::new(Answer::DocumentedNo, Basis::NewerServerNeedsNewerKey);
    }
    if matches!(r, R::Windows11) {
        return Coverage::new(Answer::Undocumented, Basis::Windows11NotListed);
    }
    if matches!(e, E::IotEnterpriseLtsc) {
        return Coverage::new(Answer::Undocumented, Basis::IotLtscNotListed);
    }
    if r.is_long_term_servicing() {
        return Coverage::new(Answer::Undocumented, Basis::LtscReleaseNotListed);
    }
    Coverage::new(Answer::Undocumented, Basis::NotListed)
}
