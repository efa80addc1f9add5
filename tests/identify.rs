//! Product identification: per rule (Activation ID, build number, edition name), per
//! ambiguity, and exhaustively over the build table.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use volume_activation::catalog::{ActivationId, Edition, KmsHostKey, Release, Sku};
use volume_activation::inventory::{
    CaptureFormat, Evidence, Identification, IdentificationOutcome, LicenseRecord, ParseOptions,
    identify, parse_capture,
};
use volume_activation::rules::{host_key_of_activation_id, releases_of_build};

fn record(text: &str) -> LicenseRecord {
    let c = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new()).unwrap();
    c.records.into_iter().next().unwrap()
}

fn windows(word: &str) -> LicenseRecord {
    record(&format!(
        "Name: Windows(R), {word} edition\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Licensed\n"
    ))
}

fn sku(id: &Identification) -> Option<String> {
    id.sku().map(|s| s.to_string())
}

fn evidence(id: &Identification) -> Vec<Evidence> {
    id.clues().iter().map(|c| c.evidence).collect()
}

#[test]
fn activation_id_names_the_office_kms_host_key() {
    // Source: "Configure a KMS host computer to activate volume licensed versions of Office".
    let rows = [
        (
            "F3D89BBF-C0EC-47CE-A8FA-E5A5F97E447F",
            KmsHostKey::OfficeLtsc2024,
        ),
        (
            "47F3B983-7C53-4D45-ABC6-BCD91E2DD90A",
            KmsHostKey::OfficeLtsc2021,
        ),
        (
            "70512334-47B4-44DB-A233-BE5EA33B914C",
            KmsHostKey::Office2019,
        ),
        (
            "98EBFE73-2084-4C97-932C-C0CD1643BEA7",
            KmsHostKey::Office2016,
        ),
    ];
    for (id, key) in rows {
        let parsed: ActivationId = id.parse().unwrap();
        assert_eq!(host_key_of_activation_id(parsed).map(|x| x.0), Some(key));
        let r = record(&format!(
            "Name: Office 16, OfficeKMSHostVL_KMS_Host edition\nActivation ID: {id}\nLicense Status: Licensed\n"
        ));
        let got = identify(&r, Some("10.0.20348.1"));
        assert_eq!(got.outcome(), IdentificationOutcome::Identified, "{id}");
        assert_eq!(got.kms_host_key(), Some(key));
        assert_eq!(got.sku(), None);
        assert_eq!(evidence(&got).first(), Some(&Evidence::ActivationId));
        assert!(
            got.clues()[0]
                .source
                .as_deref()
                .unwrap()
                .contains("configure-a-kms-host-computer-for-office")
        );
    }
    // The corrected-away LTSC 2024 ID and a made-up one are not listed.
    for id in [
        "8D368FC1-9470-4BE2-8D66-90E836CBB051",
        "aaaaaaaa-0000-4000-8000-000000000001",
    ] {
        assert_eq!(host_key_of_activation_id(id.parse().unwrap()), None);
    }
}

#[test]
fn build_number_and_edition_decide_the_release() {
    let cases = [
        ("Professional", "10.0.26100.1", "windows-11/pro"),
        (
            "ServerStandard",
            "10.0.26100.2033",
            "windows-server-2025/standard",
        ),
        (
            "ServerDatacenter",
            "10.0.20348.1",
            "windows-server-2022/datacenter",
        ),
        ("Enterprise", "10.0.17763.1", "windows-10/enterprise"),
        ("Enterprise", "10.0.22631.4169", "windows-11/enterprise"),
        ("Professional", "10.0.19045.1", "windows-10/pro"),
    ];
    for (word, version, want) in cases {
        let id = identify(&windows(word), Some(version));
        assert_eq!(
            id.outcome(),
            IdentificationOutcome::Identified,
            "{word} {version}"
        );
        assert_eq!(sku(&id).as_deref(), Some(want), "{word} {version}");
        assert_eq!(
            evidence(&id),
            [Evidence::EditionName, Evidence::BuildNumber]
        );
        assert!(
            id.clues()[1].text.starts_with("build "),
            "{}",
            id.clues()[1].text
        );
        assert!(
            id.clues()[1]
                .source
                .as_deref()
                .unwrap()
                .starts_with("https://learn.microsoft.com/")
        );
        assert!(id.candidates().is_empty());
        assert_eq!(id.candidate_count(), 1);
    }
}

#[test]
fn confidence_is_the_weakest_clue() {
    // Professional is documented; ServerStandard is derived (the DISM edition ID).
    let pro = identify(&windows("Professional"), Some("10.0.26100.1"));
    assert_eq!(
        pro.confidence(),
        Some(volume_activation::Confidence::Documented)
    );
    let std = identify(&windows("ServerStandard"), Some("10.0.26100.1"));
    assert_eq!(
        std.confidence(),
        Some(volume_activation::Confidence::Derived)
    );
}

#[test]
fn an_edition_name_alone_is_ambiguous_and_lists_every_candidate() {
    let id = identify(&windows("Professional"), None);
    assert_eq!(id.outcome(), IdentificationOutcome::Ambiguous);
    assert_eq!(id.sku(), None);
    let want: Vec<Sku> = Sku::all().filter(|s| s.edition() == Edition::Pro).collect();
    assert_eq!(id.candidates(), want.as_slice());
    assert_eq!(id.candidate_count(), want.len());
    assert_eq!(id.confidence(), None);
    assert!(
        id.to_string()
            .starts_with(&format!("ambiguous: {} SKUs fit", want.len()))
    );
}

#[test]
fn a_build_shared_by_client_and_server_is_ambiguous_without_the_edition() {
    // 17763 is Windows 10 1809, Windows 10 LTSC 2019, Windows Server 2019 and SAC 1809:
    // ServerStandard fits both server releases.
    let id = identify(&windows("ServerStandard"), Some("10.0.17763.1"));
    assert_eq!(id.outcome(), IdentificationOutcome::Ambiguous);
    let names: Vec<String> = id.candidates().iter().map(Sku::to_string).collect();
    assert_eq!(
        names,
        [
            "windows-server-2019/standard",
            "windows-server-sac/standard"
        ]
    );
    // A name the crate does not read, on 26100: every SKU of the three releases, capped at 12.
    let id = identify(&windows("SomethingNew"), Some("10.0.26100.1"));
    assert_eq!(id.outcome(), IdentificationOutcome::Ambiguous);
    let all = Sku::all()
        .filter(|s| {
            [
                Release::Windows11,
                Release::Windows11Ltsc2024,
                Release::WindowsServer2025,
            ]
            .contains(&s.release())
        })
        .count();
    assert_eq!(id.candidate_count(), all);
    assert_eq!(id.candidates().len(), all.min(12));
    assert_eq!(evidence(&id), [Evidence::BuildNumber]);
}

#[test]
fn contradictory_and_unknown_are_reported_not_guessed() {
    // Pro on a Windows Server 2022 build: no SKU fits.
    let id = identify(&windows("Professional"), Some("10.0.20348.1"));
    assert_eq!(id.outcome(), IdentificationOutcome::Contradictory);
    assert_eq!(id.sku(), None);
    assert!(id.candidates().is_empty());
    assert!(id.to_string().starts_with("contradictory"));
    // Nothing readable: unknown; an unknown build (Windows 8.1's 6.3) adds nothing.
    let id = identify(&windows("SomethingNew"), Some("6.3.9600.16384"));
    assert_eq!(id.outcome(), IdentificationOutcome::Unknown);
    assert!(id.clues().is_empty());
}

#[test]
fn the_windows_build_says_nothing_about_office() {
    let r =
        record("Name: Office 16, Office16ProPlusVL_KMS_Client edition\nLicense Status: Licensed\n");
    let id = identify(&r, Some("10.0.26100.1"));
    assert_eq!(sku(&id).as_deref(), Some("office-2016/professional-plus"));
    assert_eq!(evidence(&id), [Evidence::ProductName]);
}

#[test]
fn a_whole_sku_name_is_identified_by_the_name() {
    let r = record("Name: Windows Server 2019 Datacenter\nLicense Status: Licensed\n");
    let id = identify(&r, None);
    assert_eq!(sku(&id).as_deref(), Some("windows-server-2019/datacenter"));
    // A build that disagrees makes it contradictory, not silently the name's.
    let id = identify(&r, Some("10.0.26100.1"));
    assert_eq!(id.outcome(), IdentificationOutcome::Contradictory);
}

#[test]
fn every_edition_unique_to_a_build_is_identified_from_the_edition_name() {
    // Exhaustive over the build table: for every build the crate knows and every edition
    // that exactly one of its releases has, "Windows(R), <edition> edition" on that build
    // is that SKU.
    let mut checked = 0;
    for build in 10_000..30_000u32 {
        let releases: Vec<Release> = releases_of_build(build).map(|(r, _)| r).collect();
        if releases.is_empty() {
            continue;
        }
        let skus: Vec<Sku> = Sku::all()
            .filter(|s| releases.contains(&s.release()))
            .collect();
        for s in &skus {
            let same: Vec<&Sku> = skus.iter().filter(|o| o.edition() == s.edition()).collect();
            if same.len() != 1 || matches!(s.edition(), Edition::Base | Edition::BaseN) {
                continue;
            }
            let id = identify(
                &windows(s.edition().name()),
                Some(&format!("10.0.{build}.1")),
            );
            assert_eq!(id.sku(), Some(*s), "build {build} edition {}", s.edition());
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
}
