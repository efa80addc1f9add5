//! OS build number -> the Windows releases that ship with it.
//!
//! Transcribed from Microsoft's release-information pages: "Windows 10 release information"
//! (versions 1507 to 22H2 and the LTSB/LTSC releases), "Windows 11 release information"
//! (21H2 to 25H2 and Enterprise LTSC 2024) and "Windows Server release information" (the
//! Long-Term Servicing Channel releases 2016 to 2025 and the Semi-Annual Channel versions
//! 1709 to 20H2). One build can belong to several releases (10.0.26100 is Windows 11, version
//! 24H2, Windows 11 Enterprise LTSC 2024 and Windows Server 2025): the edition decides.
//!
//! Builds before Windows 10 (6.x) are not in the table: no release-information page lists
//! them, so identification falls back to the other evidence.

use crate::catalog::{Release, Source};

use Release as R;

/// One build of one release.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BuildRow {
    pub(crate) build: u32,
    pub(crate) release: Release,
    pub(crate) source: Source,
}

const fn w10(build: u32, release: Release) -> BuildRow {
    BuildRow {
        build,
        release,
        source: Source::WINDOWS10_RELEASE_INFO,
    }
}

const fn w11(build: u32, release: Release) -> BuildRow {
    BuildRow {
        build,
        release,
        source: Source::WINDOWS11_RELEASE_INFO,
    }
}

const fn ws(build: u32, release: Release) -> BuildRow {
    BuildRow {
        build,
        release,
        source: Source::WINDOWS_SERVER_RELEASE_INFO,
    }
}

/// Sorted by build, then by release order.
pub(crate) static BUILDS: &[BuildRow] = &[
    w10(10240, R::Windows10),         // 1507
    w10(10240, R::Windows10Ltsb2015), // Enterprise 2015 LTSB
    w10(10586, R::Windows10),         // 1511
    w10(14393, R::Windows10),         // 1607
    w10(14393, R::Windows10Ltsb2016), // Enterprise 2016 LTSB
    ws(14393, R::WindowsServer2016),
    w10(15063, R::Windows10), // 1703
    w10(16299, R::Windows10), // 1709
    ws(16299, R::WindowsServer1709),
    w10(17134, R::Windows10), // 1803
    ws(17134, R::WindowsServer1803),
    w10(17763, R::Windows10),         // 1809
    w10(17763, R::Windows10Ltsc2019), // Enterprise LTSC 2019
    ws(17763, R::WindowsServer2019),
    ws(17763, R::WindowsServerSac), // version 1809
    w10(18362, R::Windows10),       // 1903
    ws(18362, R::WindowsServerSac),
    w10(18363, R::Windows10), // 1909
    ws(18363, R::WindowsServerSac),
    w10(19041, R::Windows10), // 2004
    ws(19041, R::WindowsServerSac),
    w10(19042, R::Windows10), // 20H2
    ws(19042, R::WindowsServerSac),
    w10(19043, R::Windows10),         // 21H1
    w10(19044, R::Windows10),         // 21H2
    w10(19044, R::Windows10Ltsc2021), // Enterprise LTSC 2021
    w10(19045, R::Windows10),         // 22H2
    ws(20348, R::WindowsServer2022),
    w11(22000, R::Windows11),         // 21H2
    w11(22621, R::Windows11),         // 22H2
    w11(22631, R::Windows11),         // 23H2
    w11(26100, R::Windows11),         // 24H2
    w11(26100, R::Windows11Ltsc2024), // Enterprise LTSC 2024
    ws(26100, R::WindowsServer2025),
    w11(26200, R::Windows11), // 25H2
];

/// The rows of one build (empty when the table does not know it).
pub(crate) fn rows(build: u32) -> impl Iterator<Item = &'static BuildRow> + Clone {
    let start = BUILDS.partition_point(|r| r.build < build);
    BUILDS
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(move |r| r.build == build)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Family;

    #[test]
    fn sorted_unique_and_windows_only() {
        for (a, b) in BUILDS.iter().zip(BUILDS.iter().skip(1)) {
            assert!((a.build, a.release) < (b.build, b.release), "{a:?} {b:?}");
        }
        assert!(BUILDS.iter().all(|r| r.release.family() != Family::Office));
    }

    #[test]
    fn rows_finds_every_release_of_a_build() {
        let r: Vec<Release> = rows(26100).map(|r| r.release).collect();
        assert_eq!(
            r,
            [R::Windows11, R::Windows11Ltsc2024, R::WindowsServer2025]
        );
        assert_eq!(rows(9600).count(), 0);
        assert_eq!(rows(0).count(), 0);
        assert_eq!(rows(u32::MAX).count(), 0);
    }
}
