//! AVMA: host x guest against `tests/data/avma-host-guest.csv`, keys against
//! `tests/data/avma-keys.csv`, Windows Server 2025 undocumented, denials pinned.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use std::collections::{BTreeSet, HashSet};
use strum::IntoEnumIterator;

use volume_activation::rules::{
    ActivationErrorCode, AvmaActivation, AvmaDenial, avma_key, avma_key_confidence, can_avma,
    check_avma,
};
use volume_activation::{Confidence, Edition, Family, Release, Sku};

fn sku(s: &str) -> Sku {
    s.parse().unwrap()
}

fn release_named(name: &str) -> Release {
    Release::iter()
        .find(|r| r.name() == name)
        .unwrap_or_else(|| panic!("no release named {name}"))
}

fn csv(text: &str, header: &str) -> Vec<Vec<String>> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(header));
    lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

/// (host release, guest release) pairs of the published table.
fn host_guest() -> BTreeSet<(Release, Release)> {
    csv(
        include_str!("data/avma-host-guest.csv"),
        "host_datacenter_version,guest_os",
    )
    .iter()
    .map(|r| (release_named(&r[0]), release_named(&r[1])))
    .collect()
}

#[test]
fn every_row_of_the_host_guest_table() {
    let table = host_guest();
    assert_eq!(table.len(), 10);
    for &(host, guest) in &table {
        let h = Sku::new(host, Edition::Datacenter).unwrap();
        for edition in [Edition::Datacenter, Edition::Standard, Edition::Essentials] {
            if let Ok(g) = Sku::new(guest, edition) {
                let ok = check_avma(h, g).unwrap_or_else(|e| panic!("{h} -> {g}: {e}"));
                assert_eq!(ok.host(), h);
                assert_eq!(ok.guest(), g);
                assert_eq!(Some(ok.key()), avma_key(g));
                assert_eq!(ok.confidence(), Confidence::Documented);
                assert!(ok.source().url().ends_with("automatic-vm-activation"));
            }
        }
    }
}

/// Every (host, guest) pair of SKUs: each yes is backed by a table row with a Datacenter host
/// and a Datacenter, Standard or Essentials guest; every pair involving Windows Server 2025,
/// the Semi-Annual Channel or Datacenter: Azure Edition (outside the "no" rules that come first)
/// is undocumented.
#[test]
fn every_pair_of_skus() {
    let table = host_guest();
    let mut yes = 0;
    for host in Sku::all() {
        for guest in Sku::all() {
            let r = check_avma(host, guest);
            assert_eq!(can_avma(host, guest), r.is_ok());
            let backed = table.contains(&(host.release(), guest.release()))
                && host.edition() == Edition::Datacenter
                && matches!(
                    guest.edition(),
                    Edition::Datacenter | Edition::Standard | Edition::Essentials
                );
            assert_eq!(r.is_ok(), backed, "{host} -> {guest}: {r:?}");
            if r.is_ok() {
                yes += 1;
            }
            if let Err(denial) = r {
                if let Some(h) = denial.hresult() {
                    assert!(ActivationErrorCode::lookup(h).is_some(), "{h:#x}");
                    assert_eq!(ActivationErrorCode::lookup(h).unwrap().methods(), "AVMA");
                }
                let silent = |s: Sku| {
                    s.release() == Release::WindowsServer2025
                        || s.release().is_semi_annual_channel()
                        || s.edition() == Edition::DatacenterAzureEdition
                };
                let documented_host = host.edition() == Edition::Datacenter
                    && matches!(
                        host.release(),
                        Release::WindowsServer2012R2
                            | Release::WindowsServer2016
                            | Release::WindowsServer2019
                            | Release::WindowsServer2022
                    );
                if host.release() == Release::WindowsServer2025
                    && host.edition() == Edition::Datacenter
                {
                    assert_eq!(denial, AvmaDenial::Undocumented { host, guest });
                }
                if documented_host && guest.family() == Family::Server && silent(guest) {
                    assert_eq!(
                        denial,
                        AvmaDenial::Undocumented { host, guest },
                        "{host} -> {guest}"
                    );
                }
            }
        }
    }
    // 4 hosts; guests: 2022 (D,S) x1, 2019 (D,S,E) x2, 2016 (D,S,E) x3, 2012 R2 (D,S,E) x4.
    assert_eq!(yes, 2 + 3 * 2 + 3 * 3 + 3 * 4);
}

#[test]
fn every_published_key() {
    let rows = csv(
        include_str!("data/avma-keys.csv"),
        "avma_guest_version,edition,avma_key",
    );
    assert_eq!(rows.len(), 16);
    let mut expected = HashSet::new();
    for r in &rows {
        let releases: Vec<Release> = match r[0].as_str() {
            "Windows Server versions 1909/1903/1809" => vec![Release::WindowsServerSac],
            "Windows Server versions 1803/1709" => {
                vec![Release::WindowsServer1709, Release::WindowsServer1803]
            }
            name => vec![release_named(name)],
        };
        let edition = match r[1].as_str() {
            "Datacenter Azure Edition" => Edition::DatacenterAzureEdition,
            e => e.to_lowercase().parse::<Edition>().unwrap(),
        };
        for release in releases {
            let s = Sku::new(release, edition).unwrap();
            assert_eq!(avma_key(s).map(|k| k.reveal()), Some(r[2].clone()), "{s}");
            let conf = if release == Release::WindowsServerSac {
                Confidence::Unverified
            } else {
                Confidence::Documented
            };
            assert_eq!(avma_key_confidence(s), Some(conf), "{s}");
            expected.insert(s);
        }
    }
    // No key beyond the published rows (none for Windows Server 2025: resolutions Q5).
    let with_key: HashSet<Sku> = Sku::all().filter(|s| avma_key(*s).is_some()).collect();
    assert_eq!(with_key, expected);
    for s in Sku::of_release(Release::WindowsServer2025) {
        assert_eq!(avma_key(s), None);
        assert_eq!(avma_key_confidence(s), None);
    }
}

#[test]
fn windows_server_2025_is_undocumented() {
    let host = sku("windows-server-2025/datacenter");
    for guest in [
        "windows-server-2025/standard",
        "windows-server-2022/datacenter",
        "windows-server-2016/standard",
    ] {
        let guest = sku(guest);
        let no = check_avma(host, guest).unwrap_err();
        assert_eq!(no, AvmaDenial::Undocumented { host, guest });
        assert_eq!(no.confidence(), Confidence::Unverified);
        assert_eq!(no.hresult(), None);
    }
    let no = check_avma(
        sku("windows-server-2022/datacenter"),
        sku("windows-server-2025/datacenter"),
    )
    .unwrap_err();
    assert!(matches!(no, AvmaDenial::Undocumented { .. }));
}

#[test]
fn denial_messages_and_codes_are_pinned() {
    let dc22 = sku("windows-server-2022/datacenter");
    let cases = [
        (
            check_avma(sku("windows-server-2022/standard"), dc22).unwrap_err(),
            "Windows Server 2022 Standard is not a windows server datacenter hyper-v host; avma needs one",
            Some(0xC004_FD01),
        ),
        (
            check_avma(sku("windows-11/enterprise"), dc22).unwrap_err(),
            "Windows 11 Enterprise is not a windows server datacenter hyper-v host; avma needs one",
            Some(0xC004_FD01),
        ),
        (
            check_avma(
                sku("windows-server-2012/datacenter"),
                sku("windows-server-2012/datacenter"),
            )
            .unwrap_err(),
            "Windows Server 2012 Datacenter predates avma, which starts with windows server 2012 r2 datacenter hosts",
            Some(0xC004_FD01),
        ),
        (
            check_avma(dc22, sku("windows-11/pro")).unwrap_err(),
            "Windows 11 Pro is not windows server; avma activates only windows server guests",
            None,
        ),
        (
            check_avma(
                sku("windows-server-2012-r2/datacenter"),
                sku("windows-server-2016/datacenter"),
            )
            .unwrap_err(),
            "a Windows Server 2012 R2 Datacenter host does not activate Windows Server 2016 Datacenter guests by avma",
            Some(0xC004_FD03),
        ),
        (
            check_avma(dc22, sku("windows-server-2012/datacenter")).unwrap_err(),
            "a Windows Server 2022 Datacenter host does not activate Windows Server 2012 Datacenter guests by avma",
            Some(0xC004_FD03),
        ),
        (
            check_avma(dc22, sku("windows-server-2022/datacenter-azure-edition")).unwrap_err(),
            "microsoft does not document whether a Windows Server 2022 Datacenter host activates Windows Server 2022 Datacenter: Azure Edition guests by avma",
            None,
        ),
    ];
    for (denial, message, code) in cases {
        assert_eq!(denial.to_string(), message);
        assert_eq!(denial.hresult(), code);
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&denial).unwrap();
            assert_eq!(serde_json::from_str::<AvmaDenial>(&json).unwrap(), denial);
        }
        let err: &dyn std::error::Error = &denial;
        assert_eq!(err.to_string(), message);
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip_and_keys_stay_redacted() {
    let ok = check_avma(
        sku("windows-server-2019/datacenter"),
        sku("windows-server-2019/essentials"),
    )
    .unwrap();
    let json = serde_json::to_string(&ok).unwrap();
    assert_eq!(serde_json::from_str::<AvmaActivation>(&json).unwrap(), ok);
    assert!(!format!("{ok:?}").contains("2CTP7"));
    let forged = r#"{"host":"windows-server-2016/datacenter","guest":"windows-server-2022/standard","key":"YDFWN-MJ9JR-3DYRK-FXXRW-78VHK"}"#;
    assert!(serde_json::from_str::<AvmaActivation>(forged).is_err());
}

#[test]
fn auto_traits() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug>() {}
    check::<AvmaActivation>();
    check::<AvmaDenial>();
}
