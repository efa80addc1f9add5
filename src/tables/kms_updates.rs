//! Required KMS host updates: which KB a host OS needs before it activates a newer client
//! release, and the combinations that cannot be updated.
//!
//! Transcribed from `kms-host-required-updates.csv` (KMS activation planning, Step 1 of 2012
//! R2 planning, the troubleshooting guide, the Windows Server 2016/2019 Activation pages).
//! Windows Server 2003 hosts are not modelled. Tests compare every row.

use crate::catalog::Basis;
use crate::catalog::{Kb, Release};

use Release as R;

/// A release generation: client and server releases shipped together share one. Used only to
/// tell "the client is not newer than the host" (no update needed). `None` for Office.
pub(crate) const fn generation(r: Release) -> Option<u8> {
    Some(match r {
        R::WindowsVista | R::WindowsServer2008 | R::SmallBusinessServer2008 => 1,
        R::Windows7 | R::WindowsServer2008R2 | R::SmallBusinessServer2011 => 2,
        R::Windows8 | R::WindowsServer2012 => 3,
        R::Windows81 | R::WindowsServer2012R2 => 4,
        R::Windows10 | R::Windows10Ltsb2015 | R::Windows10Ltsb2016 | R::WindowsServer2016 => 5,
        R::WindowsServer1709 | R::WindowsServer1803 => 6,
        R::Windows10Ltsc2019 | R::WindowsServer2019 | R::WindowsServerSac => 7,
        R::Windows11 | R::Windows10Ltsc2021 | R::WindowsServer2022 => 8,
        R::Windows11Ltsc2024 | R::WindowsServer2025 => 9,
        R::Office2010
        | R::Office2013
        | R::Office2016
        | R::Office2019
        | R::OfficeLtsc2021
        | R::OfficeLtsc2024 => return None,
    })
}

/// One row of the update table.
#[derive(Debug, Clone, Copy)]
pub(crate) enum UpdateRow {
    /// The host needs `.0` (or the alternative `.1`).
    Kb(Kb, Option<Kb>, Basis),
    /// No update helps.
    Cannot(Basis),
    /// Microsoft's texts disagree: the crate answers undocumented, naming both.
    Conflict(Basis),
}

const fn kb(basis: Basis, first: u32, alternative: Option<u32>) -> Option<UpdateRow> {
    let alt = match alternative {
        Some(n) => Some(Kb::from_table(n)),
        None => None,
    };
    Some(UpdateRow::Kb(Kb::from_table(first), alt, basis))
}

const fn cannot(basis: Basis) -> Option<UpdateRow> {
    Some(UpdateRow::Cannot(basis))
}

/// The listed update row for a KMS host on `host` activating `client`, if any.
pub(crate) const fn update_row(host: Release, client: Release) -> Option<UpdateRow> {
    let plan = Basis::RequiredUpdatesTable;
    let step1 = Basis::RequiredUpdatesStep1;
    match (host, client) {
        (R::WindowsServer2022, R::WindowsServer2025) => kb(plan, 5_034_765, None),
        (R::WindowsServer2019, R::WindowsServer2025) => kb(plan, 5_034_768, None),
        (R::WindowsServer2019, R::WindowsServer2022) => kb(plan, 5_003_646, None),
        (R::WindowsServer2016, R::WindowsServer2022) => kb(plan, 5_003_638, None),
        // Two S-PLAN rows name 2019 clients for 2016 hosts: KB4478877 (December 2018) and
        // KB5003638 (June 2021, which also covers 2022); either is enough.
        (R::WindowsServer2016, R::WindowsServer2019) => kb(plan, 4_478_877, Some(5_003_638)),
        (R::WindowsServer2012R2, R::WindowsServer2019) => kb(plan, 4_467_695, None),
        // Decision (reference conflict 12): S-PLAN (2025) names the July 2016 rollup KB3172614
        // (or the November 2018 KB4467695) for Windows 10 and 2016 clients; "Windows 10
        // infrastructure requirements" and Step 1 name the older KB3058168. The newest Microsoft
        // text wins: KB3058168 alone does not satisfy the requirement.
        (R::WindowsServer2012R2, R::WindowsServer2016 | R::Windows10) => {
            kb(plan, 3_172_614, Some(4_467_695))
        }
        (R::WindowsServer2012, R::WindowsServer2016 | R::Windows10) => kb(plan, 3_172_615, None),
        // Decision (issue 10, item 7): Step 1 (2012 R2 planning) names KB2885698 "Update adds
        // support for Windows 8.1 and Windows Server 2012 R2 clients to ... Windows Server 2012
        // KMS hosts"; KMS activation planning (2025) names "July 2016 update rollup for Windows
        // Server 2012 (KB3172615) or later monthly rollup" for Windows Server 2012 R2 clients
        // on a Windows Server 2012 host. The newer text wins, as for conflict 11: KB2885698 is
        // not accepted, and the row's basis names both pages.
        (R::WindowsServer2012, R::WindowsServer2012R2) => {
            kb(Basis::RequiredUpdatesPlanOverStep1, 3_172_615, None)
        }
        (R::WindowsServer2012 | R::Windows8, R::Windows81) => kb(step1, 2_885_698, None),
        (R::Windows8, R::WindowsServer2012R2) => kb(step1, 2_885_698, None),
        // Windows 8 hosts appear only in Step 1 / Windows 10 infrastructure requirements.
        (R::Windows8, R::Windows10) => kb(step1, 3_058_168, None),
        // Decision (reference conflict 11): for 2008 R2 hosts S-PLAN (2025) names KB3079821 for
        // 2012 R2, 2012 and Windows 10 clients; Step 1 names KB2757817 (8/2012) and KB2885698
        // (8.1/2012 R2). The newest text wins for the clients it names; Step 1 still decides
        // Windows 8 and 8.1, which S-PLAN does not name.
        (R::WindowsServer2008R2, R::WindowsServer2012R2 | R::WindowsServer2012) => {
            kb(Basis::RequiredUpdatesPlanOverStep1, 3_079_821, None)
        }
        (R::WindowsServer2008R2, R::Windows10) => kb(plan, 3_079_821, None),
        (R::Windows81, R::Windows10) => kb(plan, 3_172_614, None),
        (R::Windows7, R::Windows10) => kb(plan, 3_079_821, None),
        (R::WindowsServer2008R2 | R::Windows7, R::Windows8) => kb(step1, 2_757_817, None),
        (R::Windows7, R::WindowsServer2012) => kb(step1, 2_757_817, None),
        (R::WindowsServer2008R2 | R::Windows7, R::Windows81) => kb(step1, 2_885_698, None),
        (R::Windows7, R::WindowsServer2012R2) => kb(step1, 2_885_698, None),
        (R::WindowsVista | R::WindowsServer2008, R::Windows7 | R::WindowsServer2008R2) => {
            kb(Basis::RequiredUpdatesKb968912, 968_912, None)
        }
        (R::WindowsVista | R::WindowsServer2008, R::Windows8 | R::WindowsServer2012) => {
            kb(step1, 2_757_817, None)
        }
        // Decision (sources disagree, both of the 2012 R2 planning set): Step 1 (S-STEP1,
        // jj134256) names KB2885698 "Update adds support for Windows 8.1 and Windows Server 2012
        // R2 clients to Windows Server 2008, Windows 7, ..." for Vista / 2008 hosts; Table 7
        // (S-T7, with S-KB3086418 for Windows 10) says "Windows Vista and Windows Server 2008
        // cannot activate Windows 10 or Windows Server 2012 R2". Neither is newer, so for
        // Windows Server 2012 R2 the crate answers undocumented (naming both); Windows 8.1 is
        // named only by Step 1 (Table 7 is silent on it) and keeps KB2885698.
        (R::WindowsVista | R::WindowsServer2008, R::Windows81) => kb(step1, 2_885_698, None),
        (R::WindowsVista | R::WindowsServer2008, R::WindowsServer2012R2) => {
            Some(UpdateRow::Conflict(Basis::Step1ConflictsWithTable7))
        }
        (R::WindowsVista | R::WindowsServer2008, R::Windows10) => {
            cannot(Basis::CannotUpdateVistaForWindows10)
        }
        (
            R::WindowsServer2008R2,
            R::WindowsServer2016
            | R::WindowsServer1709
            | R::WindowsServer1803
            | R::WindowsServer2019
            | R::WindowsServerSac
            | R::WindowsServer2022
            | R::WindowsServer2025,
        ) => cannot(Basis::CannotUpdate2008R2),
        _ => None,
    }
}
