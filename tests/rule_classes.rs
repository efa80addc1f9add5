//! The rules Microsoft states between the table rows (issue 10): one test per rule class,
//! quoting its source; an exhaustive check that no (host key, SKU) pair a rule decides answers
//! undocumented; a proptest that coverage is monotone in the key's generation.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use proptest::prelude::*;
use strum::IntoEnumIterator;
use volume_activation::catalog::{Answer, Basis, Source};
use volume_activation::rules::{host_key_coverage, host_os_support};
use volume_activation::{
    Channel, Confidence, Denial, Edition, Family, KmsHost, KmsHostKey, Release, Sku, can_activate,
    check_activation,
};

fn sku(s: &str) -> Sku {
    s.parse().unwrap()
}

fn answer(k: KmsHostKey, s: &str) -> (Answer, Basis) {
    let c = host_key_coverage(k, sku(s));
    (c.answer(), c.basis())
}

/// The key generation the test expects, written out independently of the crate: the client
/// and server releases of one wave share a number.
fn key_gen(k: KmsHostKey) -> Option<u8> {
    use KmsHostKey::*;
    Some(match k {
        WindowsVista
        | WindowsServer2008GroupA
        | WindowsServer2008GroupB
        | WindowsServer2008GroupC => 1,
        Windows7
        | WindowsServer2008R2GroupA
        | WindowsServer2008R2GroupB
        | WindowsServer2008R2GroupC => 2,
        Windows8 | WindowsServer2012 => 3,
        Windows81 | WindowsServer2012R2 => 4,
        Windows10 | WindowsServer2012R2ForWindows10 | WindowsServer2016 => 5,
        WindowsServer2019 => 7,
        WindowsServer2022 => 8,
        WindowsServer2025 => 9,
        _ => return None,
    })
}

fn client_gen(r: Release) -> Option<u8> {
    use Release::*;
    Some(match r {
        WindowsVista => 1,
        Windows7 => 2,
        Windows8 => 3,
        Windows81 => 4,
        Windows10 | Windows10Ltsb2015 | Windows10Ltsb2016 => 5,
        Windows10Ltsc2019 => 7,
        Windows11 | Windows10Ltsc2021 => 8,
        Windows11Ltsc2024 => 9,
        _ => return None,
    })
}

// ------------------------------------------------------------------ rule class 1

/// "The KMS key for the newer Windows products will also activate the previous generation"
/// — Determining Product Key Needs (Windows 7): the hierarchy runs from newer keys to older
/// products, never the reverse. KB3086418: a Windows Server 2012 R2 host needs the updated
/// "Windows Server 2012 R2 for Windows 10" key to activate Windows 10.
#[test]
fn class1_a_key_does_not_activate_a_later_generation() {
    use KmsHostKey::*;
    // Documented: KB3086418 names the Windows Server 2012 R2 key and Windows 10.
    for s in [
        "windows-10/enterprise",
        "windows-10/pro-n",
        "windows-10-ltsb-2015/enterprise-ltsc",
    ] {
        assert_eq!(
            answer(WindowsServer2012R2, s),
            (Answer::DocumentedNo, Basis::LaterGenerationKb3086418),
            "{s}"
        );
    }
    // Derived for every other older key and later client.
    for (k, s) in [
        (Windows7, "windows-8/pro"),
        (Windows7, "windows-8.1/enterprise"),
        (Windows7, "windows-10/enterprise"),
        (Windows8, "windows-8.1/pro"),
        (Windows8, "windows-10/pro"),
        (WindowsServer2012, "windows-8.1/pro"),
        (WindowsServer2012, "windows-10/enterprise"),
        (Windows81, "windows-10/enterprise"),
        (Windows81, "windows-11/pro"),
        (WindowsServer2012R2, "windows-11/enterprise"),
        (WindowsServer2008R2GroupC, "windows-8/enterprise"),
        (WindowsServer2008R2GroupA, "windows-10/pro"),
        (WindowsServer2019, "windows-11-ltsc-2024/enterprise-ltsc"),
        (WindowsServer2022, "windows-11-ltsc-2024/enterprise-ltsc"),
    ] {
        assert_eq!(
            answer(k, s),
            (Answer::DerivedNo, Basis::LaterGeneration),
            "{k} x {s}"
        );
        assert_eq!(
            host_key_coverage(k, sku(s)).confidence(),
            Confidence::Derived
        );
    }
    // A key whose row lists LTSB/LTSC releases by year does not activate a later year.
    for (k, s) in [
        (Windows10, "windows-10-ltsb-2016/enterprise-ltsc"),
        (Windows10, "windows-10-ltsc-2019/enterprise-ltsc"),
        (Windows10, "windows-10-ltsc-2021/enterprise-ltsc"),
        (
            WindowsServer2012R2ForWindows10,
            "windows-10-ltsb-2016/enterprise-ltsc",
        ),
        (WindowsServer2016, "windows-10-ltsc-2019/enterprise-ltsc"),
        (WindowsServer2016, "windows-10-ltsc-2021/enterprise-n-ltsc"),
    ] {
        assert_eq!(
            answer(k, s),
            (Answer::DerivedNo, Basis::LtscLaterYear),
            "{k} x {s}"
        );
    }
    // Where Microsoft added a later product to an older key's row, the row wins.
    assert_eq!(
        answer(WindowsServer2022, "windows-11/enterprise").0,
        Answer::Documented
    );
    assert_eq!(
        answer(WindowsServer2012R2ForWindows10, "windows-10/enterprise").0,
        Answer::Documented
    );
    // The crate's resolutions keep these undocumented.
    for k in [Windows10, WindowsServer2016, WindowsServer2019] {
        assert_eq!(
            answer(k, "windows-11/pro"),
            (Answer::Undocumented, Basis::Windows11NotListed)
        );
    }
    assert_eq!(
        answer(WindowsServer2019, "windows-10-ltsc-2021/enterprise-ltsc").0,
        Answer::Undocumented
    );
    assert_eq!(
        answer(
            WindowsServer2019,
            "windows-10-ltsc-2021/iot-enterprise-ltsc"
        ),
        (Answer::Undocumented, Basis::IotLtscNotListed)
    );
}

/// Item 6: every denial carries the Windows error code where one applies; a client release
/// the key does not cover now gets 0xC004F042, not `None`.
#[test]
fn class1_denial_carries_0xc004f042_for_clients() {
    let host = KmsHost::new(sku("windows-7/enterprise"), KmsHostKey::Windows7);
    let d =
        check_activation(&host, sku("windows-10/enterprise"), Channel::VolumeGvlk, 50).unwrap_err();
    assert!(matches!(d, Denial::KeyDoesNotCover { .. }), "{d:?}");
    assert_eq!(d.hresult(), Some(0xC004_F042));
    assert_eq!(
        d.error_code().unwrap().symbol(),
        Some("SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH")
    );
    assert_eq!(d.coverage().unwrap().basis(), Basis::LaterGeneration);
}

// ------------------------------------------------------------------ rule class 2

/// "product keys are associated with a product group and can activate the Windows editions
/// within that specific product group as well as any editions lower in the product
/// hierarchy ... Server Group C is the most inclusive group" — Determining Product Key Needs.
#[test]
fn class2_group_keys_activate_own_and_lower_groups_never_higher() {
    use KmsHostKey::*;
    let groups: [(&str, u8); 5] = [
        ("web", 1),
        ("hpc", 1),
        ("standard", 2),
        ("enterprise", 2),
        ("datacenter", 3),
    ];
    for (key, level, releases) in [
        (WindowsServer2008GroupA, 1, &["windows-server-2008"][..]),
        (WindowsServer2008GroupB, 2, &["windows-server-2008"][..]),
        (WindowsServer2008GroupC, 3, &["windows-server-2008"][..]),
        (
            WindowsServer2008R2GroupA,
            1,
            &["windows-server-2008", "windows-server-2008-r2"][..],
        ),
        (
            WindowsServer2008R2GroupB,
            2,
            &["windows-server-2008", "windows-server-2008-r2"][..],
        ),
        (
            WindowsServer2008R2GroupC,
            3,
            &["windows-server-2008", "windows-server-2008-r2"][..],
        ),
    ] {
        for release in releases {
            for (edition, g) in groups {
                let s = format!("{release}/{edition}");
                let c = host_key_coverage(key, sku(&s));
                if g <= level {
                    assert!(c.is_yes(), "{key} x {s}: {c:?}");
                } else {
                    assert_eq!(
                        (c.answer(), c.basis()),
                        (Answer::DerivedNo, Basis::ProductGroupHierarchy),
                        "{key} x {s}"
                    );
                }
            }
        }
    }
    // A 2008 key and a 2008 R2 client stay a documented no (Table 7).
    assert_eq!(
        answer(WindowsServer2008GroupC, "windows-server-2008-r2/web"),
        (Answer::DocumentedNo, Basis::VistaKeysStopAtVista)
    );
}

// ------------------------------------------------------------------ rule class 3

/// "The KMS key for the newer Windows products will also activate the previous generation"
/// — Determining Product Key Needs; Table 7 lists Windows Server 2008 R2, Windows 7 and
/// Windows 8 for a KMS host on Windows Server 2012.
#[test]
fn class3_2012_and_windows_8_keys_activate_the_previous_generation() {
    use KmsHostKey::*;
    for s in [
        "windows-server-2008-r2/standard",
        "windows-server-2008-r2/datacenter",
        "windows-7/enterprise",
        "windows-7/pro-n",
    ] {
        assert_eq!(
            answer(WindowsServer2012, s),
            (Answer::Derived, Basis::PreviousGeneration),
            "{s}"
        );
    }
    assert_eq!(
        answer(WindowsServer2012, "windows-8/enterprise"),
        (Answer::Derived, Basis::ProductGroupHierarchy)
    );
    assert_eq!(
        answer(Windows8, "windows-7/pro"),
        (Answer::Derived, Basis::PreviousGeneration)
    );
    // A client key stays a client key.
    assert_eq!(
        answer(Windows8, "windows-server-2008-r2/standard"),
        (Answer::DocumentedNo, Basis::ClientKeyActivatesOnlyClients)
    );
    // can_activate follows: a Windows Server 2012 host with its key (the key runs on its own
    // release: Table 7 lists a KMS host on Windows Server 2012) activates Windows 7 and
    // Windows Server 2008 R2, and a Windows 8 host with its key activates Windows 7.
    let host = KmsHost::new(sku("windows-server-2012/standard"), WindowsServer2012);
    for client in [
        "windows-7/enterprise",
        "windows-server-2008-r2/standard",
        "windows-8/pro",
        "windows-server-2012/datacenter",
    ] {
        let a = check_activation(&host, sku(client), Channel::VolumeGvlk, 50);
        assert!(a.is_ok(), "{client}: {a:?}");
    }
    let c = volume_activation::rules::host_os_support(
        sku("windows-server-2012/standard"),
        WindowsServer2012,
    );
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::Derived, Basis::HostOsOwnRelease)
    );
    let host = KmsHost::new(sku("windows-8/enterprise"), Windows8);
    assert!(can_activate(
        &host,
        sku("windows-7/pro"),
        Channel::VolumeGvlk,
        50
    ));
    // Not decided: Vista on the Windows 8 key stays undocumented, so no.
    let d = check_activation(
        &host,
        sku("windows-vista/business"),
        Channel::VolumeGvlk,
        50,
    );
    assert!(
        matches!(d, Err(Denial::CoverageUndocumented { .. })),
        "{d:?}"
    );
}

// ------------------------------------------------------------------ rule class 4

/// "activate a KMS host key for each version of Office" — Configure a KMS host computer for
/// Office: an older version's key never activates a newer Office (derived no); a newer key and
/// an older Office stay undocumented.
#[test]
fn class4_office_one_key_per_version() {
    use KmsHostKey::*;
    assert_eq!(
        answer(Office2016, "office-2019/professional-plus"),
        (Answer::DerivedNo, Basis::OfficeOlderKeyNewerVersion)
    );
    assert_eq!(
        answer(Office2010, "office-ltsc-2024/standard"),
        (Answer::DerivedNo, Basis::OfficeOlderKeyNewerVersion)
    );
    assert_eq!(
        answer(OfficeLtsc2024, "office-2019/professional-plus"),
        (Answer::Undocumented, Basis::OfficeOtherVersion)
    );
    assert!(host_key_coverage(Office2019, sku("office-2019/visio-professional")).is_yes());
    let host = KmsHost::new(sku("windows-server-2022/standard"), Office2019);
    assert!(!can_activate(
        &host,
        sku("office-ltsc-2021/professional-plus"),
        Channel::VolumeGvlk,
        10
    ));
}

// ------------------------------------------------------------------ FAQ: SBS 2011

/// "KMS, another type of Volume License key, isn't offered for Small Business Server 2011."
/// — Volume Licensing FAQ.
#[test]
fn sbs_2011_no_host_key() {
    for k in KmsHostKey::iter() {
        for s in Sku::of_release(Release::SmallBusinessServer2011) {
            let c = host_key_coverage(k, s);
            if k.family() == Family::Office {
                // An Office key activates only Office: a no too, from its own rule.
                assert_eq!(
                    (c.answer(), c.basis()),
                    (Answer::DocumentedNo, Basis::OfficeKeyPerVersion),
                    "{k} x {s}"
                );
            } else {
                assert_eq!(
                    (c.answer(), c.basis()),
                    (Answer::DocumentedNo, Basis::SbsKmsNotOffered),
                    "{k} x {s}"
                );
            }
        }
    }
}

// ------------------------------------------------------------------ exhaustive

/// Every key x every SKU: no pair answers undocumented where one of the rules decides it
/// (the rules restated here independently of the crate), and every no carries a source.
#[test]
fn exhaustive_no_undocumented_where_a_rule_decides() {
    let mut undocumented = 0;
    for k in KmsHostKey::iter() {
        for s in Sku::all() {
            let c = host_key_coverage(k, s);
            assert!(!c.sources().is_empty());
            assert_eq!(c.confidence(), c.answer().confidence());
            if c.answer() != Answer::Undocumented {
                continue;
            }
            undocumented += 1;
            let (r, e) = (s.release(), s.edition());
            // Office: a key of another family, or an older Office key, decides.
            if k.family() == Family::Office || s.family() == Family::Office {
                assert!(
                    k.family() == Family::Office && s.family() == Family::Office && k.release() > r,
                    "{k} x {s}"
                );
                continue;
            }
            assert_ne!(r, Release::SmallBusinessServer2011, "{k} x {s}");
            if k.family() == Family::Client {
                assert_ne!(s.family(), Family::Server, "{k} x {s}");
            }
            // Class 2: a group key and a 2008 / 2008 R2 edition of a known group.
            if k.server_group().is_some()
                && (r == Release::WindowsServer2008 || r == Release::WindowsServer2008R2)
            {
                panic!("{k} x {s} undocumented: the group hierarchy decides it");
            }
            // Class 3.
            if matches!(k, KmsHostKey::WindowsServer2012 | KmsHostKey::Windows8)
                && matches!(r, Release::Windows7 | Release::Windows8)
            {
                panic!("{k} x {s} undocumented: the previous-generation rule decides it");
            }
            // Class 1: a later client generation is decided, except the resolutions.
            if let (Some(kg), Some(cg)) = (key_gen(k), client_gen(r)) {
                if cg > kg {
                    let kept = kg >= 5
                        && (r == Release::Windows11
                            || r == Release::Windows10Ltsc2021
                            || e == Edition::IotEnterpriseLtsc);
                    assert!(kept, "{k} x {s} undocumented: a later generation");
                }
            }
            // Servers newer than the key: decided.
            if s.family() == Family::Server
                && k.family() == Family::Server
                && r > k.release()
                && r != Release::SmallBusinessServer2008
            {
                panic!("{k} x {s} undocumented: a newer server");
            }
        }
    }
    assert!(undocumented > 0);
}

// ------------------------------------------------------------------ monotonicity

/// Keys of one line, oldest first: a newer key of the same line is expected to cover at least
/// what the older one covers. The 2008 / 2008 R2 groups are a partial order (A < B < C within
/// a generation; a group of the older generation below the same group of the newer one).
const LINES: &[&[KmsHostKey]] = {
    use KmsHostKey::*;
    &[
        &[WindowsVista, Windows7, Windows8, Windows81, Windows10],
        &[
            WindowsServer2008GroupA,
            WindowsServer2008GroupB,
            WindowsServer2008GroupC,
            WindowsServer2008R2GroupC,
            WindowsServer2012,
            WindowsServer2012R2,
            WindowsServer2012R2ForWindows10,
            WindowsServer2016,
            WindowsServer2019,
            WindowsServer2022,
            WindowsServer2025,
        ],
        &[
            WindowsServer2008GroupA,
            WindowsServer2008R2GroupA,
            WindowsServer2008R2GroupB,
            WindowsServer2008R2GroupC,
        ],
        &[WindowsServer2008GroupB, WindowsServer2008R2GroupB],
    ]
};

const OFFICE_LINE: &[KmsHostKey] = {
    use KmsHostKey::*;
    &[
        Office2010,
        Office2013,
        Office2016,
        Office2019,
        OfficeLtsc2021,
        OfficeLtsc2024,
    ]
};

/// no < undocumented < yes.
fn rank(a: Answer) -> u8 {
    match a {
        Answer::DocumentedNo | Answer::DerivedNo => 0,
        Answer::Undocumented => 1,
        _ => 2,
    }
}

/// Whether a documented row explains why `newer` covers less than `older` for `s`: the newer
/// key's answer is undocumented (never a no), and either the older key's answer is a table
/// row the newer key's row omits, or the newer key's row names other editions of the same
/// release and leaves this one out.
fn documented_exception(older: KmsHostKey, newer: KmsHostKey, s: Sku) -> bool {
    host_key_coverage(newer, s).answer() == Answer::Undocumented
        && (host_key_coverage(older, s).answer() == Answer::Documented
            || Sku::of_release(s.release())
                .any(|o| o != s && host_key_coverage(newer, o).answer() == Answer::Documented))
}

fn check_monotone(line: &[KmsHostKey], i: usize, s: Sku) -> Result<(), TestCaseError> {
    let (older, newer) = (line[i], line[i + 1]);
    let (a, b) = (host_key_coverage(older, s), host_key_coverage(newer, s));
    if rank(b.answer()) < rank(a.answer()) {
        prop_assert!(
            documented_exception(older, newer, s),
            "{newer} covers less than {older} for {s}: {:?} vs {:?}",
            b,
            a
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// For a fixed client, coverage is monotone in the key's generation within a line.
    #[test]
    fn coverage_monotone_in_key_generation(line in 0..LINES.len(), pos in 0usize..16, sku_i in 0usize..10_000) {
        let line = LINES[line];
        let i = pos % (line.len() - 1);
        let skus: Vec<Sku> = Sku::all().collect();
        let s = skus[sku_i % skus.len()];
        check_monotone(line, i, s)?;
    }

    /// Office is not monotone upward (a newer key and an older Office stay undocumented), but
    /// a no never turns into a yes for an older key: if a newer Office key says no, so does
    /// every older one.
    #[test]
    fn office_no_is_monotone(pos in 0usize..5, sku_i in 0usize..10_000) {
        let skus: Vec<Sku> = Sku::all().collect();
        let s = skus[sku_i % skus.len()];
        let (older, newer) = (OFFICE_LINE[pos], OFFICE_LINE[pos + 1]);
        if host_key_coverage(newer, s).answer().is_no() {
            prop_assert!(host_key_coverage(older, s).answer().is_no(), "{older} x {s}");
        }
    }
}

/// The check catches a line in the wrong order (a newer key that says no where the older one
/// says yes is never excused).
#[test]
fn monotone_check_rejects_a_reversed_line() {
    use KmsHostKey::*;
    let reversed = [Windows10, Windows81];
    assert!(check_monotone(&reversed, 0, sku("windows-10/pro")).is_err());
    let reversed = [WindowsServer2008R2GroupC, WindowsServer2008R2GroupA];
    assert!(check_monotone(&reversed, 0, sku("windows-server-2008-r2/datacenter")).is_err());
}

/// The same property, exhaustively (the domain is finite).
#[test]
fn coverage_monotone_exhaustive() {
    for line in LINES {
        for i in 0..line.len() - 1 {
            for s in Sku::all() {
                check_monotone(line, i, s).unwrap();
            }
        }
    }
}

// ------------------------------------------------------------------ FAQ and page revisions

/// Item 9: "Office LTSC 2024: At least Windows Server 2019 or at least Windows 10 (volume
/// editions)" — Configure a KMS host computer for Office, revisions since 2024-11-01 (the
/// 2024-09-18 text said "At least Windows Server 2022").
#[test]
fn office_ltsc_2024_host_follows_the_newest_revision() {
    let c = host_os_support(
        sku("windows-server-2019/standard"),
        KmsHostKey::OfficeLtsc2024,
    );
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::Documented, Basis::OfficeHostOs)
    );
    assert_eq!(Source::OFFICE_KMS_HOST.date(), Some("2025-04-25"));
    assert!(
        !host_os_support(
            sku("windows-server-2016/standard"),
            KmsHostKey::OfficeLtsc2024
        )
        .is_yes()
    );
}

/// Item 8: "only Windows Server 2003, Windows 7 volume editions, and Windows Server 2008 R2 are
/// supported as Office KMS hosts" and "Windows Server 2008 isn't covered as a platform as an
/// Office 2010 KMS host" — Volume Licensing FAQ.
#[test]
fn office_2010_host_only_list() {
    for h in [
        "windows-server-2008/standard",
        "windows-vista/enterprise",
        "windows-server-2012/standard",
    ] {
        let c = host_os_support(sku(h), KmsHostKey::Office2010);
        assert_eq!(
            (c.answer(), c.basis()),
            (Answer::DocumentedNo, Basis::OfficeHostOs2010Only),
            "{h}"
        );
        assert!(c.sources().iter().any(|s| s.id() == "FAQ"), "{h}");
    }
    for h in ["windows-server-2008-r2/standard", "windows-7/enterprise"] {
        assert!(
            host_os_support(sku(h), KmsHostKey::Office2010).is_yes(),
            "{h}"
        );
    }
}
