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
use crate::tables::kms_updates::generation;

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
        // (reference conflict 13): what they activate follows from the rules, in
        // `previous_generation` (rule class 3).
        K::WindowsServer2012 | K::Windows8 => None,
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

/// The rules between the table rows, in the order [`compute`] applies them. Each returns
/// `Some` when it decides the pair.
///
/// Rule class 4 (Office: one key per version).
///
/// Source: "you need to install the Office Volume License Pack for each version of Office on
/// the KMS host computer and activate a KMS host key for each version of Office" — Configure a
/// KMS host computer for Office.
///
/// Decision (Office conflict 2): "activate a KMS host key for each version of Office"
/// (configure-a-kms-host-computer-for-office) against "you install and enable only one KMS
/// host key to activate all volume licensed versions of Office" (activate-office-by-using-kms).
/// The 2016-era original of the second sentence read "... all volume license editions of
/// Office 2016 KMS clients", so both mean one key per version, covering every product of it.
///
/// Decision (Office conflict 3, issue 10): an older version's key never activates a newer
/// Office (derived no: a key per version, and the older host pack predates the newer product).
/// No Microsoft page says whether a newer Office host key activates an older Office version;
/// the Windows "newer key activates the previous generation" rule is a Windows rule and is not
/// carried over, so that direction stays undocumented.
const fn office_rules(key: KmsHostKey, r: Release) -> Option<Coverage> {
    let key_office = key.is_office_key();
    let client_office = matches!(r.family(), Family::Office);
    if !key_office && !client_office {
        return None;
    }
    if !key_office || !client_office {
        return Some(Coverage::new(
            Answer::DocumentedNo,
            Basis::OfficeKeyPerVersion,
        ));
    }
    let (k, c) = (key.release() as u8, r as u8);
    Some(if k < c {
        Coverage::new(Answer::DerivedNo, Basis::OfficeOlderKeyNewerVersion)
    } else if k > c {
        Coverage::new(Answer::Undocumented, Basis::OfficeOtherVersion)
    } else {
        match key {
            K::Office2013 | K::Office2010 => {
                Coverage::new(Answer::Derived, Basis::OfficeKeyPerVersionOlder)
            }
            _ => Coverage::new(Answer::Documented, Basis::OfficeKeyPerVersion),
        }
    })
}

/// Small Business Server 2011: "Small Business Server 2011 installs automatically as a Key
/// Management Server (KMS) client. KMS, another type of Volume License key, isn't offered for
/// Small Business Server 2011." — Volume Licensing FAQ. No host key activates it (documented
/// no); each edition uses its MAK ([`sbs_2011_mak`](crate::sbs_2011_mak)). The FAQ says nothing
/// of the kind for Small Business Server 2008, which stays undocumented.
const fn sbs_rule(r: Release) -> Option<Coverage> {
    match r {
        R::SmallBusinessServer2011 => {
            Some(Coverage::new(Answer::DocumentedNo, Basis::SbsKmsNotOffered))
        }
        _ => None,
    }
}

/// Rule class 2: the Windows Server 2008 / 2008 R2 product key groups are a hierarchy. A group
/// key activates its own group and the lower groups (the rows, in [`listed`]) and never a
/// higher group (derived no).
///
/// Sources: "product keys are associated with a product group and can activate the Windows
/// editions within that specific product group as well as any editions lower in the product
/// hierarchy. ... Server Group C is the most inclusive group in the KMS hierarchy" —
/// Determining Product Key Needs (Windows 7); "A KMS key can activate the Windows editions
/// within its specific product group as well as editions in 'lower' product key groups" —
/// Changes to Volume Activation 2.0.
const fn group_hierarchy(key: KmsHostKey, r: Release, e: Edition) -> Option<Coverage> {
    // A 2008 key and a 2008 R2 client are decided (documented no) by
    // `Basis::VistaKeysStopAtVista`, not by the group letters.
    let (level, newest) = match key {
        K::WindowsServer2008R2GroupA => (1, R::WindowsServer2008R2),
        K::WindowsServer2008R2GroupB => (2, R::WindowsServer2008R2),
        K::WindowsServer2008R2GroupC => (3, R::WindowsServer2008R2),
        K::WindowsServer2008GroupA => (1, R::WindowsServer2008),
        K::WindowsServer2008GroupB => (2, R::WindowsServer2008),
        K::WindowsServer2008GroupC => (3, R::WindowsServer2008),
        _ => return None,
    };
    if !matches!(r, R::WindowsServer2008 | R::WindowsServer2008R2) || r as u8 > newest as u8 {
        return None;
    }
    match server_2008_group(e) {
        Some(g) if g > level => Some(Coverage::new(
            Answer::DerivedNo,
            Basis::ProductGroupHierarchy,
        )),
        _ => None,
    }
}

/// Rule class 3: a key activates its own generation's product group and the previous
/// generation. Applied to the two keys no Microsoft table lists (reference conflict 13): the
/// Windows Server 2012 key (Windows Server 2012 and Windows 8, its own generation; Windows
/// Server 2008 R2 and Windows 7, the previous one) and the Windows 8 key (Windows 8; Windows
/// 7). Every edition of the group, as the 2008 R2 rows of Table 7 say "Windows 7 Volume
/// Editions" and "Windows Server 2008 R2 (all editions)" for the previous generation; a client
/// key's previous generation is client only (a client key activates only clients).
///
/// Sources: "The KMS key for the newer Windows products will also activate the previous
/// generation" — Determining Product Key Needs (Windows 7); Table 7 (2012 R2 Volume Activation
/// Technical Reference) lists Windows Server 2008 R2, Windows 7 and Windows 8 as products a KMS
/// host on Windows Server 2012 activates.
const fn previous_generation(key: KmsHostKey, r: Release) -> Option<Coverage> {
    let hit = match key {
        K::WindowsServer2012 => matches!(
            r,
            R::WindowsServer2012 | R::Windows8 | R::WindowsServer2008R2 | R::Windows7
        ),
        K::Windows8 => matches!(r, R::Windows8 | R::Windows7),
        _ => false,
    };
    if !hit {
        return None;
    }
    let basis = if matches!(r, R::WindowsServer2012 | R::Windows8) {
        Basis::ProductGroupHierarchy
    } else {
        Basis::PreviousGeneration
    };
    derived(basis)
}

/// The LTSB/LTSC year a key's row names last, for the rows that name years: the Windows 10
/// key ("Windows 10 Enterprise LTSB/LTSB N (2015)", KMS activation planning), the Windows Server
/// 2012 R2 for Windows 10 key ("Windows 10 Enterprise LTSB (2015)", Windows Server 2016/2019
/// Activation) and the Windows Server 2016 key ("Windows 10 LTSB (2015 and 2016)"). The 2019,
/// 2022 and 2025 rows say "Windows 10 Enterprise LTSC/LTSC N/LTSB" without a year (see
/// [`ltsc_without_year`]); the older keys list no LTSB/LTSC at all and fall to the generation
/// rule.
const fn ltsc_row_last_year(key: KmsHostKey) -> Option<Release> {
    match key {
        K::Windows10 | K::WindowsServer2012R2ForWindows10 => Some(R::Windows10Ltsb2015),
        K::WindowsServer2016 => Some(R::Windows10Ltsb2016),
        _ => None,
    }
}

/// The key's generation: that of the newest release it was issued for (`None` for Office).
const fn key_generation(key: KmsHostKey) -> Option<u8> {
    generation(key.issued_for())
}

/// The Windows 10 generation (Windows 10, Windows Server 2016, LTSB 2015/2016).
const WINDOWS_10_GENERATION: u8 = match generation(R::Windows10) {
    Some(g) => g,
    None => 0,
};

/// Rule class 1: a key does not activate a later generation of Windows client.
///
/// Sources: "The KMS key for the newer Windows products will also activate the previous
/// generation" — Determining Product Key Needs (Windows 7): the hierarchy runs from newer keys
/// to older products only. KB3086418 says it for one pair: a Windows Server 2012 R2 KMS host
/// needs the updated "Windows Server 2012 R2 for Windows 10" host key to activate Windows 10
/// (documented no for the Windows Server 2012 R2 key and every Windows 10 release); every
/// other pair is derived. Where Microsoft itself listed a later product under an older key
/// (Windows 11 under the 2022 key, Windows 10 under the 2012 R2 for Windows 10 key) the row
/// has already answered in [`listed`].
///
/// Kept undocumented, as the crate's resolutions decide (reference resolutions Q1, Q2):
/// Windows 11 on the Windows 10 generation keys (Windows 10, Windows Server 2012 R2 for Windows
/// 10, 2016) and the 2019 key — Windows 11 shares their GVLKs, and no Microsoft page says yes
/// or no; Windows 10 Enterprise LTSC 2021 on the keys whose row says "LTSC/LTSC N/LTSB"
/// without a year (2019, 2022, 2025); Windows IoT Enterprise LTSC on keys of the Windows 10
/// generation or later (no host-key table names IoT).
///
/// Server clients are decided by [`Basis::NewerServerNeedsNewerKey`] before this rule.
const fn later_generation(key: KmsHostKey, r: Release, e: Edition) -> Option<Coverage> {
    if !matches!(r.family(), Family::Client) {
        return None;
    }
    let (Some(k), Some(c)) = (key_generation(key), generation(r)) else {
        return None;
    };
    let windows_10_era_key = k >= WINDOWS_10_GENERATION;
    if matches!(e, E::IotEnterpriseLtsc) && windows_10_era_key {
        return Some(Coverage::new(Answer::Undocumented, Basis::IotLtscNotListed));
    }
    // LTSB/LTSC releases of a later year than the key's row names.
    if let Some(last) = ltsc_row_last_year(key) {
        if r.is_long_term_servicing() && r as u8 > last as u8 {
            return Some(Coverage::new(Answer::DerivedNo, Basis::LtscLaterYear));
        }
    }
    if c <= k {
        return None;
    }
    if matches!(r, R::Windows11) && windows_10_era_key {
        return Some(Coverage::new(
            Answer::Undocumented,
            Basis::Windows11NotListed,
        ));
    }
    if matches!(r, R::Windows10Ltsc2021) && windows_10_era_key {
        return Some(Coverage::new(
            Answer::Undocumented,
            Basis::LtscReleaseNotListed,
        ));
    }
    let windows_10 = matches!(
        r,
        R::Windows10
            | R::Windows10Ltsb2015
            | R::Windows10Ltsb2016
            | R::Windows10Ltsc2019
            | R::Windows10Ltsc2021
    );
    if matches!(key, K::WindowsServer2012R2) && windows_10 {
        return Some(Coverage::new(
            Answer::DocumentedNo,
            Basis::LaterGenerationKb3086418,
        ));
    }
    Some(Coverage::new(Answer::DerivedNo, Basis::LaterGeneration))
}

/// Host key x client: the answer and its basis. The rules in order: Office (class 4); Small
/// Business Server 2011; the table rows; the product group hierarchy (class 2); the previous
/// generation (class 3); a client key activates only clients; Vista / 2008 keys stop at
/// Vista; a newer server needs a newer key; a later client generation (class 1); what is
/// left is undocumented.
const fn compute(key: KmsHostKey, r: Release, e: Edition) -> Coverage {
    if let Some(c) = office_rules(key, r) {
        return c;
    }
    if let Some(c) = sbs_rule(r) {
        return c;
    }
    if let Some(c) = listed(key, r, e) {
        return c;
    }
    if let Some(c) = group_hierarchy(key, r, e) {
        return c;
    }
    if let Some(c) = previous_generation(key, r) {
        return c;
    }
    let client_family = r.family();
    // Small Business Server 2008 is kept out of the two server rules below (2011 was answered
    // by `sbs_rule`).
    let is_sbs = matches!(r, R::SmallBusinessServer2008);
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
    if let Some(c) = later_generation(key, r, e) {
        return c;
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
