//! KMS host keys, host OS support, required updates, check_activation and Denial, tested
//! against the reference CSVs in tests/data.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use std::collections::BTreeSet;
use strum::IntoEnumIterator;
use strum::VariantArray;

use volume_activation::catalog::{Answer, Basis, Kb};
use volume_activation::rules::{UpdateNeed, host_key_coverage, host_os_support, required_update};
use volume_activation::{
    Channel, Confidence, Denial, Edition, Family, KmsHost, KmsHostKey, Release, Sku, can_activate,
    check_activation,
};

// ---------------------------------------------------------------- CSV helpers

fn csv(name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let mut rows = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut fields = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => fields.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        fields.push(cur);
        rows.push(fields);
    }
    rows
}

fn sku(s: &str) -> Sku {
    s.parse().unwrap()
}

fn release_named(name: &str) -> Release {
    Release::iter()
        .find(|r| r.name().eq_ignore_ascii_case(name))
        .unwrap_or_else(|| panic!("no release named {name:?}"))
}

fn skus_of(r: Release) -> Vec<Sku> {
    Sku::of_release(r).collect()
}

fn keys_of(label: &str) -> Vec<KmsHostKey> {
    use KmsHostKey::*;
    match label {
        "Windows Server 2008 R2 Server Group A/B/C keys" => vec![
            WindowsServer2008R2GroupA,
            WindowsServer2008R2GroupB,
            WindowsServer2008R2GroupC,
        ],
        "Windows Server 2008 server KMS keys (A/B/C)" => vec![
            WindowsServer2008GroupA,
            WindowsServer2008GroupB,
            WindowsServer2008GroupC,
        ],
        // Every label naming one key is read by parse_lenient itself (issue 10, item 7).
        other => vec![KmsHostKey::parse_lenient(other).unwrap_or_else(|e| panic!("{other}: {e}"))],
    }
}

fn edition_word(w: &str) -> Edition {
    match w {
        "Enterprise" => Edition::Enterprise,
        "Enterprise N" => Edition::EnterpriseN,
        "Professional" | "Pro" => Edition::Pro,
        "Professional N" => Edition::ProN,
        "Professional for Workstations" | "Pro for Workstations" => Edition::ProForWorkstations,
        "Professional N for Workstations" => Edition::ProForWorkstationsN,
        "Education" => Edition::Education,
        "Education N" => Edition::EducationN,
        "Business" => Edition::Business,
        other => panic!("edition word {other:?}"),
    }
}

/// 2008 / 2008 R2 server group membership, from kms-product-key-groups-2008.csv.
fn group_members(group: &str) -> Vec<Sku> {
    csv("kms-product-key-groups-2008.csv")
        .into_iter()
        .filter(|r| r[0] == group)
        .map(|r| edition_2008(&r[1]))
        .collect()
}

fn edition_2008(label: &str) -> Sku {
    let (release, rest) = if let Some(rest) = label.strip_prefix("Windows Server 2008 R2 ") {
        (Release::WindowsServer2008R2, rest)
    } else if let Some(rest) = label.strip_prefix("Windows Server 2008 ") {
        (Release::WindowsServer2008, rest)
    } else {
        match label {
            "Windows Web Server 2008 R2" => return sku("windows-server-2008-r2/web"),
            "Windows HPC Server 2008 R2" => return sku("windows-server-2008-r2/hpc"),
            "Windows Web Server 2008" => return sku("windows-server-2008/web"),
            // Decision (conflict 14): Compute Cluster Server 2008 is the 2008 HPC SKU.
            "Windows Compute Cluster Server 2008" => return sku("windows-server-2008/hpc"),
            "Windows 7 Professional" => return sku("windows-7/pro"),
            "Windows 7 Enterprise" => return sku("windows-7/enterprise"),
            "Windows Vista Business" => return sku("windows-vista/business"),
            "Windows Vista Enterprise" => return sku("windows-vista/enterprise"),
            other => panic!("2008 edition {other:?}"),
        }
    };
    let edition = match rest {
        "HPC Edition" => Edition::Hpc,
        "Standard" => Edition::Standard,
        "Enterprise" => Edition::Enterprise,
        "Datacenter" => Edition::Datacenter,
        "for Itanium-Based Systems" => Edition::Itanium,
        "Standard without Hyper-V" => Edition::StandardWithoutHyperV,
        "Enterprise without Hyper-V" => Edition::EnterpriseWithoutHyperV,
        "Datacenter without Hyper-V" => Edition::DatacenterWithoutHyperV,
        other => panic!("2008 edition {other:?}"),
    };
    Sku::new(release, edition).unwrap()
}

/// The SKUs a client label of the activation tables names.
fn clients_of(label: &str) -> Vec<Sku> {
    if let Some(r) = label.strip_suffix(" (all editions)") {
        return skus_of(release_named(r));
    }
    match label {
        "Windows Server Semi-Annual Channel" => {
            return [
                Release::WindowsServer1709,
                Release::WindowsServer1803,
                Release::WindowsServerSac,
            ]
            .into_iter()
            .flat_map(skus_of)
            .collect();
        }
        "Windows 11 Enterprise LTSC 2024" => {
            return vec![sku("windows-11-ltsc-2024/enterprise-ltsc")];
        }
        // The yearless label: LTSC 2019 (decision in src/tables/kms_host_key.rs).
        "Windows 10 Enterprise LTSC" | "Windows 10 Enterprise LTSC 2019" => {
            return vec![sku("windows-10-ltsc-2019/enterprise-ltsc")];
        }
        "Windows 10 Enterprise LTSC N" | "Windows 10 Enterprise LTSC N 2019" => {
            return vec![sku("windows-10-ltsc-2019/enterprise-n-ltsc")];
        }
        // "LTSB" names the LTSB product line (2015 and 2016), LTSB and LTSB N.
        "Windows 10 Enterprise LTSB" => {
            return [Release::Windows10Ltsb2015, Release::Windows10Ltsb2016]
                .into_iter()
                .flat_map(skus_of)
                .collect();
        }
        "Windows 10 LTSB 2015" => return skus_of(Release::Windows10Ltsb2015),
        "Windows 10 LTSB 2016" => return skus_of(Release::Windows10Ltsb2016),
        "Windows 10 Enterprise LTSB 2015" | "Windows 10 Enterprise LTSB (2015)" => {
            return vec![sku("windows-10-ltsb-2015/enterprise-ltsc")];
        }
        "Windows 10 Enterprise LTSB N 2015" => {
            return vec![sku("windows-10-ltsb-2015/enterprise-n-ltsc")];
        }
        "Windows Vista Volume Editions" => return skus_of(Release::WindowsVista),
        "Windows 7 Volume Editions" => return skus_of(Release::Windows7),
        _ => {}
    }
    if let Some(group) = label.strip_prefix("Windows Server 2008 R2 Group ") {
        return group_members(&format!("Windows Server 2008 R2 Group {group}"));
    }
    if let Some(group) = label.strip_prefix("Windows Server 2008 Group ") {
        return group_members(&format!("Windows Server 2008 Group {group}"));
    }
    for (prefix, release) in [
        ("Windows 11 ", Release::Windows11),
        ("Windows 10 ", Release::Windows10),
        ("Windows 8.1 ", Release::Windows81),
        ("Windows 8 ", Release::Windows8),
        ("Windows 7 ", Release::Windows7),
        ("Windows Vista ", Release::WindowsVista),
    ] {
        if let Some(rest) = label.strip_prefix(prefix) {
            return vec![Sku::new(release, edition_word(rest)).unwrap()];
        }
    }
    panic!("client label {label:?}")
}

/// Every (key, sku) pair the CSVs back, with the row's confidence ("direct" / "hierarchy").
fn csv_pairs() -> Vec<(KmsHostKey, Sku, &'static str, &'static str)> {
    let mut out = Vec::new();
    for r in csv("kms-host-key-activates-current.csv") {
        for k in keys_of(&r[0]) {
            for s in clients_of(&r[1]) {
                out.push((k, s, "direct", "current"));
            }
        }
    }
    for r in csv("kms-host-key-activates-historical.csv") {
        let conf = if r[3] == "hierarchy" {
            "hierarchy"
        } else {
            "direct"
        };
        for k in keys_of(&r[0]) {
            for s in clients_of(&r[1]) {
                out.push((k, s, conf, "historical"));
            }
        }
    }
    for r in csv("office-host-key-activates.csv") {
        let k = KmsHostKey::parse_lenient(&r[0]).unwrap();
        for s in skus_of(release_named(&r[1])) {
            out.push((k, s, "direct", "office"));
        }
    }
    out
}

// ---------------------------------------------------------------- host keys

#[test]
fn host_key_ids_names_and_parse() {
    assert_eq!(KmsHostKey::VARIANTS.len(), 24);
    for k in KmsHostKey::iter() {
        assert_eq!(k.as_ref().parse::<KmsHostKey>().unwrap(), k);
        assert_eq!(KmsHostKey::parse_lenient(k.name()).unwrap(), k);
        assert_eq!(k.to_string(), k.as_ref());
        assert_eq!(k.family(), k.release().family());
    }
    assert_eq!(
        KmsHostKey::WindowsServer2019.name(),
        "Volume License for Windows Server 2019"
    );
    let e = "windows-server-2030".parse::<KmsHostKey>().unwrap_err();
    assert!(e.is_unknown());
    assert_eq!(
        e.to_string(),
        "unknown kms host key \"windows-server-2030\": expected a host key ID such as windows-server-2022, windows-10, windows-server-2008-r2-group-c or office-ltsc-2024"
    );
    let e = "windows-12/pro".parse::<Sku>().unwrap_err();
    assert!(e.is_unknown());
    assert!(
        e.to_string().starts_with("unknown release \"windows-12\""),
        "{e}"
    );
    assert!(
        KmsHostKey::parse_lenient("nonsense")
            .unwrap_err()
            .is_unknown()
    );
    // Issue 10, item 7: the labels the reference tables print.
    use KmsHostKey::*;
    for (label, key) in [
        (
            "Volume license for \"Windows Server 2012 R2 for Windows 10\"",
            WindowsServer2012R2ForWindows10,
        ),
        ("Windows 7 client KMS key (Client VL, Windows 7)", Windows7),
        ("Windows Vista client KMS key (Vista VL)", WindowsVista),
        (
            "Windows Server 2008 Server Group A",
            WindowsServer2008GroupA,
        ),
        (
            "Windows Server 2008 R2 Server Group C (KMS_C)",
            WindowsServer2008R2GroupC,
        ),
        (
            "Volume license for Windows Server 2012 R2",
            WindowsServer2012R2,
        ),
        ("volume  LICENSE for windows 8.1", Windows81),
        ("Office LTSC 2024 KMS host key", OfficeLtsc2024),
        ("Office 2010", Office2010),
    ] {
        assert_eq!(KmsHostKey::parse_lenient(label).unwrap(), key, "{label}");
    }
    for several in [
        "Windows Server 2008 R2 Server Group A/B/C keys",
        "Windows Server 2008 server KMS keys (A/B/C)",
        "Windows 7 / Windows Server 2008 R2 KMS keys (key types not stated)",
        "Windows 7",
    ] {
        assert!(
            KmsHostKey::parse_lenient(several).unwrap_err().is_unknown(),
            "{several}"
        );
    }
    assert_eq!(
        KmsHostKey::WindowsServer2012R2ForWindows10.issued_for(),
        Release::Windows10
    );
    assert_eq!(
        KmsHostKey::WindowsServer2008R2GroupC.server_group(),
        Some('C')
    );
    assert_eq!(KmsHostKey::WindowsServer2019.server_group(), None);
}

#[test]
fn kb_parse_display() {
    assert_eq!(
        "KB5034765".parse::<Kb>().unwrap(),
        Kb::new(5_034_765).unwrap()
    );
    assert_eq!("kb968912".parse::<Kb>().unwrap().to_string(), "KB968912");
    assert_eq!("968912".parse::<Kb>().unwrap(), Kb::new(968_912).unwrap());
    for bad in ["", "KB", "KB12a", "K5034765", "KB-1"] {
        assert!(bad.parse::<Kb>().is_err(), "{bad}");
    }
    assert_eq!(
        "KBx".parse::<Kb>().unwrap_err().to_string(),
        "invalid kb \"KBx\": expected a knowledge base number such as KB5034765"
    );
    assert!("KBx".parse::<Kb>().unwrap_err().is_invalid());
    // Strict numbers: no zero, no leading zeros (audit item 5).
    for bad in ["KB0", "0", "KB007", "kb0968912", "007"] {
        assert_eq!(
            bad.parse::<Kb>().unwrap_err().to_string(),
            format!(
                "invalid kb \"{bad}\": expected a knowledge base number without leading zeros, not zero"
            ),
        );
    }
    assert_eq!(
        "KB4294967296".parse::<Kb>().unwrap_err().to_string(),
        "invalid kb \"KB4294967296\": expected a knowledge base number below 4294967296"
    );
    assert_eq!("Kb1".parse::<Kb>().unwrap(), Kb::new(1).unwrap());
    // Display and FromStr are inverses.
    for n in [1, 9, 10, 968_912, 5_034_765, u32::MAX] {
        let kb = Kb::new(n).unwrap();
        assert_eq!(kb.to_string().parse::<Kb>().unwrap(), kb);
        #[cfg(feature = "serde")]
        {
            assert_eq!(
                serde_json::from_str::<Kb>(&serde_json::to_string(&kb).unwrap()).unwrap(),
                kb
            );
        }
    }
    #[cfg(feature = "serde")]
    {
        assert!(serde_json::from_str::<Kb>("\"KB007\"").is_err());
    }
}

// ---------------------------------------------------------------- host key x client

#[test]
fn every_csv_row_is_a_yes() {
    for (k, s, conf, file) in csv_pairs() {
        let c = host_key_coverage(k, s);
        assert!(c.is_yes(), "{file}: {k} x {s} answered {:?}", c);
        assert!(!c.sources().is_empty());
        if conf == "hierarchy" {
            assert_eq!(c.answer(), Answer::Derived, "{k} x {s}");
            assert_eq!(c.basis(), Basis::ProductGroupHierarchy);
        }
        if file == "current" {
            assert_eq!(c.answer(), Answer::Documented, "{k} x {s}");
            assert!(
                c.sources().iter().any(|s| s.id() == "S-PLAN"),
                "{k} x {s}: {:?}",
                c.basis()
            );
        }
    }
}

#[test]
fn product_key_groups_2008() {
    // Client VL rows: the key of that client release activates them.
    for r in csv("kms-product-key-groups-2008.csv") {
        let s = edition_2008(&r[1]);
        let own = match r[0].as_str() {
            "Client VL (Windows 7)" => KmsHostKey::Windows7,
            "Client VL (Windows Vista) / Vista VL" => KmsHostKey::WindowsVista,
            g => {
                let letter = g.chars().last().unwrap();
                let r2 = g.contains("R2");
                KmsHostKey::iter()
                    .find(|k| {
                        k.server_group() == Some(letter)
                            && (k.release() == Release::WindowsServer2008R2) == r2
                    })
                    .unwrap()
            }
        };
        assert!(host_key_coverage(own, s).is_yes(), "{own} x {s}");
        // A lower group's key does not say yes for a higher group's edition.
        if let Some(g) = own.server_group() {
            for lower in KmsHostKey::iter()
                .filter(|k| k.release() == own.release() && k.server_group().is_some_and(|l| l < g))
            {
                assert!(!host_key_coverage(lower, s).is_yes(), "{lower} x {s}");
            }
        }
    }
}

/// Every (host key, SKU) pair: backed by a CSV row, or a documented / derived rule, or
/// undocumented — and the reason is the expected one.
#[test]
fn exhaustive_key_x_sku() {
    let backed: BTreeSet<(String, String)> = csv_pairs()
        .into_iter()
        .map(|(k, s, _, _)| (k.to_string(), s.to_string()))
        .collect();
    let mut counts = [0usize; 5];
    for k in KmsHostKey::iter() {
        for s in Sku::all() {
            let c = host_key_coverage(k, s);
            assert!(!c.sources().is_empty(), "{k} x {s}");
            assert_eq!(c.confidence(), c.answer().confidence());
            let in_csv = backed.contains(&(k.to_string(), s.to_string()));
            match c.answer() {
                Answer::Documented => {
                    assert!(
                        in_csv,
                        "{k} x {s} documented but in no CSV row ({:?})",
                        c.basis()
                    )
                }
                Answer::Derived => assert!(
                    in_csv
                        || (c.basis() == Basis::ProductGroupHierarchy
                            && s.release().family() == Family::Client
                            || s.release() == k.release())
                        || c.basis() == Basis::PreviousGeneration
                        || c.basis() == Basis::OfficeKeyPerVersionOlder,
                    "{k} x {s} derived without a rule ({:?})",
                    c.basis()
                ),
                Answer::DocumentedNo | Answer::DerivedNo | Answer::Undocumented => {
                    assert!(!in_csv, "{k} x {s} is a CSV row but answered {:?}", c)
                }
            }
            // The documented "no" rules.
            if k.is_client_key() && s.family() == Family::Server {
                assert_eq!(c.answer(), Answer::DocumentedNo, "{k} x {s}");
            }
            if k.family() != Family::Office && s.family() == Family::Office
                || k.family() == Family::Office && s.family() != Family::Office
            {
                assert_eq!(c.basis(), Basis::OfficeKeyPerVersion, "{k} x {s}");
                assert_eq!(c.answer(), Answer::DocumentedNo);
            }
            // Where Microsoft is silent: undocumented, and said so.
            if s.release() == Release::Windows11
                && matches!(
                    k,
                    KmsHostKey::Windows10
                        | KmsHostKey::WindowsServer2016
                        | KmsHostKey::WindowsServer2019
                )
            {
                assert_eq!(c.answer(), Answer::Undocumented);
                assert_eq!(c.basis(), Basis::Windows11NotListed);
            }
            if s.edition() == Edition::IotEnterpriseLtsc && k.family() != Family::Office {
                assert!(!c.is_yes(), "{k} x {s}");
                // Keys older than the Windows 10 generation: the generation rule says no.
                let windows_10_era = matches!(
                    k,
                    KmsHostKey::WindowsServer2012R2ForWindows10
                        | KmsHostKey::WindowsServer2016
                        | KmsHostKey::WindowsServer2019
                        | KmsHostKey::WindowsServer2022
                        | KmsHostKey::WindowsServer2025
                );
                if windows_10_era {
                    assert_eq!(c.basis(), Basis::IotLtscNotListed, "{k} x {s}");
                }
            }
            if s.release() == Release::Windows10Ltsc2021 && k.family() == Family::Server {
                assert!(!c.is_yes(), "{k} x {s}");
            }
            counts[c.answer() as usize] += 1;
        }
    }
    assert!(counts.iter().all(|&n| n > 0), "{counts:?}");
}

#[test]
fn documented_no_rules() {
    use KmsHostKey::*;
    let c = host_key_coverage(WindowsServer2016, sku("windows-server-2022/standard"));
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::DocumentedNo, Basis::NewerServerNeedsNewerKey)
    );
    let c = host_key_coverage(WindowsServer2008GroupC, sku("windows-7/enterprise"));
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::DocumentedNo, Basis::VistaKeysStopAtVista)
    );
    let c = host_key_coverage(WindowsVista, sku("windows-server-2008-r2/standard"));
    assert_eq!(c.answer(), Answer::DocumentedNo);
    let c = host_key_coverage(Windows10, sku("windows-server-2016/standard"));
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::DocumentedNo, Basis::ClientKeyActivatesOnlyClients)
    );
    // Office: own version yes, other versions undocumented (down-level not documented).
    assert!(host_key_coverage(Office2019, sku("office-2019/visio-professional")).is_yes());
    let c = host_key_coverage(OfficeLtsc2024, sku("office-2019/professional-plus"));
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::Undocumented, Basis::OfficeOtherVersion)
    );
}

/// Conflicts of the reference's "Open questions / conflicts", each decided in code.
#[test]
fn conflict_decisions() {
    use KmsHostKey::*;
    // Conflict 8 / resolutions Q2: LTSC 2021 is not read into the yearless label; LTSC 2019
    // is; LTSC 2024 only on the 2025 key.
    for k in [WindowsServer2019, WindowsServer2022, WindowsServer2025] {
        let c = host_key_coverage(k, sku("windows-10-ltsc-2021/enterprise-ltsc"));
        assert_eq!(
            (c.answer(), c.basis()),
            (Answer::Undocumented, Basis::LtscReleaseNotListed)
        );
        assert!(host_key_coverage(k, sku("windows-10-ltsc-2019/enterprise-ltsc")).is_yes());
    }
    assert!(
        host_key_coverage(
            WindowsServer2025,
            sku("windows-11-ltsc-2024/enterprise-ltsc")
        )
        .is_yes()
    );
    assert!(
        !host_key_coverage(
            WindowsServer2022,
            sku("windows-11-ltsc-2024/enterprise-ltsc")
        )
        .is_yes()
    );
    assert!(!host_key_coverage(Windows10, sku("windows-10-ltsb-2016/enterprise-ltsc")).is_yes());
    // Conflict 7 / Q1: Windows 11 on the Windows 10, 2016, 2019 keys is undocumented.
    for k in [Windows10, WindowsServer2016, WindowsServer2019] {
        assert_eq!(
            host_key_coverage(k, sku("windows-11/pro")).answer(),
            Answer::Undocumented
        );
    }
    // Conflict 9 and 10: Step 1's Windows 8 / Vista rows stand (older page; newer pages omit).
    for k in [Windows10, WindowsServer2012R2ForWindows10] {
        let c = host_key_coverage(k, sku("windows-8/enterprise"));
        assert_eq!(
            (c.answer(), c.basis()),
            (Answer::Documented, Basis::Step1Table)
        );
        assert!(host_key_coverage(k, sku("windows-vista/business")).is_yes());
    }
    assert_eq!(
        host_os_support(sku("windows-8/pro"), Windows10).basis(),
        Basis::HostOsStep1
    );
    // Conflict 13: no list for the 2012 and Windows 8 keys; their own group and the previous
    // generation are derived (issue 10, rule class 3), the rest is not decided.
    let c = host_key_coverage(WindowsServer2012, sku("windows-server-2012/datacenter"));
    assert_eq!(c.answer(), Answer::Derived);
    let c = host_key_coverage(WindowsServer2012, sku("windows-8/pro"));
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::Derived, Basis::ProductGroupHierarchy)
    );
    assert_eq!(
        host_key_coverage(WindowsServer2012, sku("windows-vista/business")).answer(),
        Answer::Undocumented
    );
    // Conflict 14: Windows Server 2008 HPC is in Group A.
    assert!(host_key_coverage(WindowsServer2008GroupA, sku("windows-server-2008/hpc")).is_yes());
    assert!(host_key_coverage(WindowsServer2008R2GroupA, sku("windows-server-2008/hpc")).is_yes());
    // Conflict 12: KB3058168 alone does not satisfy S-PLAN's Windows 10 requirement.
    let r = required_update(Release::WindowsServer2012R2, Release::Windows10);
    assert!(!r.is_met_by(&[Kb::new(3_058_168).unwrap()]));
    assert!(r.is_met_by(&[Kb::new(3_172_614).unwrap()]));
    // Conflict 11: 2008 R2 host -> 2012 R2 clients: S-PLAN's KB3079821, not Step 1's KB2885698.
    let r = required_update(Release::WindowsServer2008R2, Release::WindowsServer2012R2);
    assert_eq!(r.kbs().collect::<Vec<_>>(), [Kb::new(3_079_821).unwrap()]);
    assert_eq!(r.basis(), Basis::RequiredUpdatesPlanOverStep1);
    // Issue 10, item 7: the KB2885698 row for Windows Server 2012 hosts -> 2012 R2 clients is
    // not accepted (S-PLAN's KB3172615 wins); the answer names both pages.
    let r = required_update(Release::WindowsServer2012, Release::WindowsServer2012R2);
    assert_eq!(r.kbs().collect::<Vec<_>>(), [Kb::new(3_172_615).unwrap()]);
    assert_eq!(r.basis(), Basis::RequiredUpdatesPlanOverStep1);
    let ids: Vec<&str> = r.sources().iter().map(|s| s.id()).collect();
    assert_eq!(ids, ["S-PLAN", "S-STEP1"]);
    assert!(!r.is_met_by(&[Kb::new(2_885_698).unwrap()]));
    assert!(r.is_met_by(&[Kb::new(3_172_615).unwrap()]));
    assert_eq!(
        required_update(Release::WindowsServer2008R2, Release::Windows81).kb(),
        Some(Kb::new(2_885_698).unwrap())
    );
    // Table 7 vs Step 1 (KB2885698), both of the 2012 R2 set: Vista/2008 hosts -> 2012 R2 is
    // undocumented (naming both); 8.1 keeps Step 1's KB2885698; Windows 10 never.
    let r = required_update(Release::WindowsServer2008, Release::WindowsServer2012R2);
    assert_eq!(
        (r.need(), r.kb(), r.basis()),
        (
            UpdateNeed::Undocumented,
            None,
            Basis::Step1ConflictsWithTable7
        )
    );
    assert_eq!(
        required_update(Release::WindowsServer2008, Release::Windows81).kb(),
        Some(Kb::new(2_885_698).unwrap())
    );
    assert_eq!(
        required_update(Release::WindowsVista, Release::Windows10).need(),
        UpdateNeed::CannotBeUpdated
    );
}

// ---------------------------------------------------------------- host OS x host key

fn host_skus(label: &str) -> Option<Vec<Sku>> {
    let not_azure = |v: Vec<Sku>| -> Vec<Sku> {
        v.into_iter()
            .filter(|s| s.edition() != Edition::DatacenterAzureEdition)
            .collect()
    };
    if label.starts_with("Windows Server 2003") {
        return None; // not modelled
    }
    let or_later = |oldest: Release| -> Vec<Sku> {
        Release::of_family(oldest.family())
            .filter(|r| *r >= oldest)
            .filter(|r| {
                !matches!(
                    r,
                    Release::SmallBusinessServer2008 | Release::SmallBusinessServer2011
                )
            })
            .flat_map(skus_of)
            .collect()
    };
    let label = label
        .replace(" (volume editions)", "")
        .replace(" (volume license edition)", "")
        .replace(" Service Pack 1", "");
    if let Some(r) = label.strip_suffix(" or later") {
        return Some(not_azure(or_later(release_named(r))));
    }
    if let Ok(r) = std::panic::catch_unwind(|| release_named(&label)) {
        return Some(not_azure(skus_of(r)));
    }
    let (r, e) = label.rsplit_once(' ').unwrap();
    Some(vec![
        Sku::new(release_named(r), e.parse().unwrap()).unwrap(),
    ])
}

#[test]
fn every_host_os_row() {
    let mut checked = 0;
    for r in csv("kms-host-key-host-os.csv") {
        if r[0].starts_with("Windows 7 / Windows Server 2008 R2") {
            continue; // Windows Server 2003 hosts are not modelled
        }
        let Some(hosts) = host_skus(&r[1]) else {
            continue;
        };
        for k in keys_of(&r[0]) {
            for h in &hosts {
                let c = host_os_support(*h, k);
                assert!(c.is_yes(), "{k} on {h}: {c:?}");
                checked += 1;
            }
        }
    }
    for r in csv("office-host-pack-host-os.csv") {
        let k = KmsHostKey::parse_lenient(&r[0]).unwrap();
        let Some(hosts) = host_skus(&r[1]) else {
            continue;
        };
        for h in hosts {
            assert!(host_os_support(h, k).is_yes(), "{k} on {h}");
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked}");
}

#[test]
fn host_os_documented_no() {
    let azure = sku("windows-server-2025/datacenter-azure-edition");
    let c = host_os_support(azure, KmsHostKey::WindowsServer2025);
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::DocumentedNo, Basis::AzureEditionCannotHost)
    );
    let c = host_os_support(
        sku("windows-server-2016/datacenter"),
        KmsHostKey::WindowsServer2012R2ForWindows10,
    );
    assert_eq!(
        (c.answer(), c.basis()),
        (Answer::DocumentedNo, Basis::Windows10KeyNotOn2016)
    );
    for k in KmsHostKey::iter().filter(|k| k.is_client_key()) {
        for h in Sku::all().filter(|s| s.family() == Family::Server) {
            assert_eq!(
                host_os_support(h, k).answer(),
                Answer::DocumentedNo,
                "{k} on {h}"
            );
        }
    }
    // Office hosts never run on an Office "OS", and every answer has a source.
    for k in KmsHostKey::iter() {
        for h in Sku::all() {
            let c = host_os_support(h, k);
            assert!(!c.sources().is_empty());
            if h.family() == Family::Office {
                assert!(!c.is_yes(), "{k} on {h}");
            }
        }
    }
}

// ---------------------------------------------------------------- required updates

fn update_clients(label: &str) -> Vec<Release> {
    match label {
        "Windows Server 2016 or newer" => Release::of_family(Family::Server)
            .filter(|r| *r >= Release::WindowsServer2016)
            .collect(),
        "Windows Server 2012 or newer" | "Windows 8" => {
            vec![release_named(label.trim_end_matches(" or newer"))]
        }
        other => vec![release_named(other)],
    }
}

#[test]
fn every_required_update_row() {
    let mut checked = 0;
    for r in csv("kms-host-required-updates.csv") {
        if r[0].contains("2003") {
            continue; // Windows Server 2003 hosts are not modelled
        }
        let hosts: Vec<Release> = r[0].split("; ").map(release_named).collect();
        let clients: Vec<Release> = r[1].split("; ").flat_map(update_clients).collect();
        let kb = r[2]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .find(|w| w.starts_with("KB") && w.len() > 2)
            .map(|w| w.parse::<Kb>().unwrap());
        for h in &hosts {
            for c in &clients {
                let req = required_update(*h, *c);
                assert!(!req.sources().is_empty());
                // Decisions (see conflict_decisions): rows superseded by a newer text.
                let superseded = matches!(
                    (kb.map(Kb::number), *h, *c),
                    (
                        Some(3_058_168),
                        Release::WindowsServer2012R2
                            | Release::Windows81
                            | Release::WindowsServer2012,
                        _,
                    ) | (
                        Some(2_757_817 | 2_885_698),
                        Release::WindowsServer2008R2,
                        Release::WindowsServer2012 | Release::WindowsServer2012R2,
                    ) | (
                        Some(2_885_698),
                        Release::WindowsServer2012,
                        Release::WindowsServer2012R2
                    )
                );
                // Decision (S-STEP1 KB2885698 vs S-T7 "cannot activate"): undocumented.
                if matches!(
                    (*h, *c),
                    (
                        Release::WindowsVista | Release::WindowsServer2008,
                        Release::WindowsServer2012R2
                    )
                ) {
                    assert_eq!(req.need(), UpdateNeed::Undocumented, "{h} -> {c}");
                    assert_eq!(req.basis(), Basis::Step1ConflictsWithTable7);
                    assert_eq!(req.confidence(), Confidence::Unverified);
                    let ids: Vec<&str> = req.sources().iter().map(|s| s.id()).collect();
                    assert_eq!(ids, ["S-STEP1", "S-T7"]);
                    assert_eq!(req.kbs().count(), 0);
                    continue;
                }
                if superseded {
                    assert_eq!(req.need(), UpdateNeed::Required, "{h} -> {c}");
                    continue;
                }
                match kb {
                    Some(kb) => {
                        assert_eq!(req.need(), UpdateNeed::Required, "{h} -> {c}");
                        assert!(
                            req.kbs().any(|k| k == kb),
                            "{h} -> {c}: {kb} not in {req:?}"
                        );
                    }
                    None => assert_eq!(req.need(), UpdateNeed::CannotBeUpdated, "{h} -> {c}"),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "{checked}");
    // Windows 8.1 on a Vista / 2008 host: only Step 1 speaks (Table 7 is silent on 8.1).
    for h in [Release::WindowsVista, Release::WindowsServer2008] {
        let req = required_update(h, Release::Windows81);
        assert_eq!(req.kbs().collect::<Vec<_>>(), [Kb::new(2_885_698).unwrap()]);
        assert_eq!(req.confidence(), Confidence::Documented);
    }
    assert_eq!(
        required_update(Release::WindowsServer2025, Release::Windows7).need(),
        UpdateNeed::NotNeeded
    );
    assert_eq!(
        required_update(Release::WindowsServer2019, Release::Windows11).need(),
        UpdateNeed::Undocumented
    );
}

// ---------------------------------------------------------------- check_activation

fn host(os: &str, key: KmsHostKey, kbs: &[u32]) -> KmsHost {
    kbs.iter().fold(KmsHost::new(sku(os), key), |h, n| {
        h.with_update(Kb::new(*n).unwrap())
    })
}

#[test]
fn the_issue_question() {
    let h = host(
        "windows-server-2016/standard",
        KmsHostKey::WindowsServer2019,
        &[4_478_877],
    );
    let d =
        check_activation(&h, sku("windows-11/enterprise"), Channel::VolumeGvlk, 100).unwrap_err();
    assert!(matches!(d, Denial::CoverageUndocumented { .. }), "{d:?}");
    assert_eq!(d.hresult(), None);
    assert_eq!(d.coverage().unwrap().basis(), Basis::Windows11NotListed);
    // Without the update the key itself is refused first.
    let h = host(
        "windows-server-2016/standard",
        KmsHostKey::WindowsServer2019,
        &[],
    );
    let d =
        check_activation(&h, sku("windows-10/enterprise"), Channel::VolumeGvlk, 100).unwrap_err();
    match d {
        Denial::UpdateMissing {
            host_os,
            release,
            kb,
            alternative,
            ..
        } => {
            assert_eq!(host_os, sku("windows-server-2016/standard"));
            assert_eq!(release, Release::WindowsServer2019);
            assert_eq!(kb, Kb::new(4_478_877).unwrap());
            assert_eq!(alternative, Some(Kb::new(5_003_638).unwrap()));
        }
        other => panic!("{other:?}"),
    }
}

#[cfg(feature = "serde")]
#[test]
fn denial_messages_and_codes() {
    let ws22 = host(
        "windows-server-2022/standard",
        KmsHostKey::WindowsServer2022,
        &[],
    );
    let w10h = host("windows-10/enterprise", KmsHostKey::Windows10, &[]);
    let cases: Vec<(Denial, &str)> = vec![
        (
            check_activation(&ws22, sku("windows-11/pro"), Channel::VolumeMak, 50).unwrap_err(),
            "windows-11/pro is not a kms client: its channel is volume-mak, not volume-gvlk",
        ),
        (
            check_activation(&host("windows-server-2016/standard", KmsHostKey::Windows10, &[]), sku("windows-10/pro"), Channel::VolumeGvlk, 50).unwrap_err(),
            "a kms host on windows-server-2016/standard cannot run the windows-10 host key (client-key-not-on-server)",
        ),
        (
            check_activation(&host("windows-server-2016/standard", KmsHostKey::WindowsServer2025, &[]), sku("windows-10/pro"), Channel::VolumeGvlk, 50).unwrap_err(),
            "undocumented whether a kms host on windows-server-2016/standard can run the windows-server-2025 host key",
        ),
        (
            check_activation(&host("windows-server-2019/standard", KmsHostKey::WindowsServer2025, &[]), sku("windows-10/pro"), Channel::VolumeGvlk, 50).unwrap_err(),
            "a kms host on windows-server-2019/standard needs update KB5034768 before it activates windows-server-2025",
        ),
        (
            check_activation(&w10h, sku("windows-server-2016/standard"), Channel::VolumeGvlk, 50).unwrap_err(),
            "a kms host on the client os windows-10/enterprise cannot activate the server windows-server-2016/standard",
        ),
        (
            check_activation(&ws22, sku("windows-server-2025/standard"), Channel::VolumeGvlk, 50).unwrap_err(),
            "the windows-server-2022 host key does not activate windows-server-2025/standard (newer-server-needs-newer-key)",
        ),
        (
            check_activation(&ws22, sku("windows-10-ltsc-2021/enterprise-ltsc"), Channel::VolumeGvlk, 50).unwrap_err(),
            "undocumented whether the windows-server-2022 host key activates windows-10-ltsc-2021/enterprise-ltsc",
        ),
        (
            check_activation(&ws22, sku("windows-11/pro"), Channel::VolumeGvlk, 24).unwrap_err(),
            "the kms count 24 is below the activation threshold 25 of windows-11/pro",
        ),
        (
            // Not reachable through check_activation with today's tables (every key a 2008 R2 or
            // Vista/2008 host can run stops before the releases it cannot be updated for).
            serde_json::from_str::<Denial>(
                r#"{"rule":"cannot-be-updated","host_os":"windows-server-2008-r2/standard","release":"windows-server-2016"}"#,
            )
            .unwrap(),
            "a kms host on windows-server-2008-r2/standard cannot be updated to activate windows-server-2016",
        ),
    ];
    let codes: BTreeSet<u32> = csv("activation-error-codes.csv")
        .iter()
        .map(|r| u32::from_str_radix(r[0].trim_start_matches("0x"), 16).unwrap())
        .collect();
    for (d, msg) in &cases {
        assert_eq!(d.to_string(), *msg);
        assert!(
            msg.chars().all(|c| !c.is_uppercase() || msg.contains("KB")),
            "{msg}"
        );
        if let Some(code) = d.hresult() {
            assert!(codes.contains(&code), "{code:#x} not documented");
        }
        assert!(!d.sources().is_empty(), "{msg}");
        let e: &dyn std::error::Error = d;
        assert_eq!(e.to_string(), *msg);
    }
    assert_eq!(cases[7].0.hresult(), Some(0xC004_F038));
    assert_eq!(cases[5].0.hresult(), Some(0xC004_F042));
    assert_eq!(cases[4].0.hresult(), Some(0xC004_F042));
    assert_eq!(cases[3].0.hresult(), Some(0xC004_F050));
    assert_eq!(cases[0].0.hresult(), None);
}

#[test]
fn activations() {
    let ws25 = host(
        "windows-server-2019/datacenter",
        KmsHostKey::WindowsServer2025,
        &[5_034_768],
    );
    for (client, count) in [
        ("windows-server-2025/standard", 5),
        ("windows-11-ltsc-2024/enterprise-ltsc", 25),
        ("windows-7/enterprise", 25),
        ("windows-server-2008/web", 5),
    ] {
        let a = check_activation(&ws25, sku(client), Channel::VolumeGvlk, count).unwrap();
        assert_eq!(a.validity().num_days(), 180);
        assert_eq!(a.renewal_interval().num_days(), 7);
        assert_eq!(a.count(), count);
        assert!(a.sources().any(|s| s.id() == "S-PLAN"));
    }
    // Office on a Windows 10 host with the Office LTSC 2021 key; threshold 5.
    let office = host("windows-10/enterprise", KmsHostKey::OfficeLtsc2021, &[]);
    let a = check_activation(
        &office,
        sku("office-ltsc-2021/professional-plus"),
        Channel::VolumeGvlk,
        5,
    )
    .unwrap();
    assert_eq!(a.threshold(), 5);
    assert!(a.sources().any(|s| s.id() == "S-OFFICE-KMS"));
    assert!(!can_activate(
        &office,
        sku("office-ltsc-2021/professional-plus"),
        Channel::VolumeGvlk,
        4
    ));
    // Windows 10 on a 2012 R2 host with the Windows 10 key: the client key can't go on Server.
    let d = check_activation(
        &host(
            "windows-server-2012-r2/standard",
            KmsHostKey::Windows10,
            &[3_172_614],
        ),
        sku("windows-10/enterprise"),
        Channel::VolumeGvlk,
        30,
    )
    .unwrap_err();
    assert!(matches!(d, Denial::HostOsCannotRunKey { .. }));
    let ok = host(
        "windows-server-2012-r2/standard",
        KmsHostKey::WindowsServer2012R2ForWindows10,
        &[3_172_614],
    );
    assert!(can_activate(
        &ok,
        sku("windows-10/enterprise"),
        Channel::VolumeGvlk,
        30
    ));
}

// ---------------------------------------------------------------- serde, traits

#[cfg(feature = "serde")]
#[test]
fn serde_round_trips() {
    let h = host(
        "windows-server-2016/standard",
        KmsHostKey::WindowsServer2019,
        &[4_478_877],
    );
    let j = serde_json::to_string(&h).unwrap();
    assert_eq!(serde_json::from_str::<KmsHost>(&j).unwrap(), h);
    let a = check_activation(&h, sku("windows-10/pro"), Channel::VolumeGvlk, 30).unwrap();
    let j = serde_json::to_string(&a).unwrap();
    assert_eq!(
        serde_json::from_str::<volume_activation::rules::Activation>(&j).unwrap(),
        a
    );
    let d = check_activation(&h, sku("windows-11/pro"), Channel::VolumeGvlk, 30).unwrap_err();
    let j = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Denial>(&j).unwrap(), d);
    let r = required_update(Release::WindowsServer2016, Release::WindowsServer2019);
    let j = serde_json::to_string(&r).unwrap();
    assert_eq!(
        serde_json::from_str::<volume_activation::rules::UpdateRequirement>(&j).unwrap(),
        r
    );
    assert_eq!(
        serde_json::to_string(&Kb::new(968_912).unwrap()).unwrap(),
        "\"KB968912\""
    );
    for k in KmsHostKey::iter() {
        let j = serde_json::to_string(&k).unwrap();
        assert_eq!(serde_json::from_str::<KmsHostKey>(&j).unwrap(), k);
    }
}

#[test]
fn auto_traits() {
    fn check<T: std::fmt::Debug + Clone + Send + Sync>() {}
    check::<KmsHostKey>();
    check::<Kb>();
    check::<KmsHost>();
    check::<volume_activation::rules::Activation>();
    check::<Denial>();
    check::<volume_activation::catalog::Coverage>();
    check::<volume_activation::rules::UpdateRequirement>();
    check::<Answer>();
    check::<Basis>();
}

// ---------------------------------------------------------------- proptest

mod props {
    use super::*;
    use proptest::prelude::*;

    const KBS: [u32; 12] = [
        5_034_765, 5_034_768, 5_003_646, 5_003_638, 4_478_877, 4_467_695, 3_172_614, 3_172_615,
        3_079_821, 2_757_817, 2_885_698, 968_912,
    ];

    proptest! {
        #[test]
        fn can_activate_agrees_with_check(
            os in 0..Sku::all().len(),
            key in 0..KmsHostKey::VARIANTS.len(),
            client in 0..Sku::all().len(),
            channel in 0..Channel::VARIANTS.len(),
            count in 0u32..60,
            kbs in proptest::collection::vec(0..KBS.len(), 0..4),
        ) {
            let os = Sku::all().nth(os).unwrap();
            let client = Sku::all().nth(client).unwrap();
            let key = KmsHostKey::VARIANTS[key];
            let channel = Channel::VARIANTS[channel];
            let h = kbs.iter().fold(KmsHost::new(os, key), |h, i| h.with_update(Kb::new(KBS[*i]).unwrap()));
            let r = check_activation(&h, client, channel, count);
            prop_assert_eq!(can_activate(&h, client, channel, count), r.is_ok());
            // Monotone in the count: a yes stays a yes with a higher count.
            if r.is_ok() {
                prop_assert!(can_activate(&h, client, channel, count.saturating_add(100)));
            }
            if let Err(d) = r {
                prop_assert!(!d.to_string().is_empty());
            }
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn every_basis_has_sources_and_ids_round_trip() {
    for b in Basis::iter() {
        assert!(!b.sources().is_empty(), "{b}");
        assert!(b.sources().iter().all(|s| s.url().starts_with("http")));
        assert_eq!(b.as_ref().parse::<Basis>().unwrap(), b);
        let j = serde_json::to_string(&b).unwrap();
        assert_eq!(serde_json::from_str::<Basis>(&j).unwrap(), b);
    }
    for a in Answer::iter() {
        assert_eq!(a.as_ref().parse::<Answer>().unwrap(), a);
    }
    for n in UpdateNeed::iter() {
        let j = serde_json::to_string(&n).unwrap();
        assert_eq!(serde_json::from_str::<UpdateNeed>(&j).unwrap(), n);
    }
    let c = host_key_coverage(KmsHostKey::WindowsServer2022, sku("windows-11/pro"));
    let j = serde_json::to_string(&c).unwrap();
    assert_eq!(
        j,
        r#"{"answer":"documented","basis":"activation-versions-table"}"#
    );
    assert_eq!(
        serde_json::from_str::<volume_activation::catalog::Coverage>(&j).unwrap(),
        c
    );
}

// ---------------------------------------------------------------- client update needs

#[cfg(feature = "serde")]
/// An undocumented client update need is a denial, never a yes (audit item 1). A Windows
/// Server 2012 host with the 2016 key and KB3172615 (S-PLAN: for "Windows Server 2016; Windows
/// Server 2012 R2; Windows 10") asked for Windows Server 1709: Microsoft names no update.
#[test]
fn undocumented_client_update_is_a_denial() {
    let h = host(
        "windows-server-2012/standard",
        KmsHostKey::WindowsServer2016,
        &[3_172_615],
    );
    assert!(can_activate(
        &h,
        sku("windows-server-2016/standard"),
        Channel::VolumeGvlk,
        5
    ));
    let d = check_activation(
        &h,
        sku("windows-server-1709/standard"),
        Channel::VolumeGvlk,
        5,
    )
    .unwrap_err();
    assert_eq!(
        d,
        serde_json::from_str::<Denial>(
            r#"{"rule":"update-undocumented","host_os":"windows-server-2012/standard","release":"windows-server-1709"}"#
        )
        .unwrap()
    );
    assert_eq!(
        d.to_string(),
        "undocumented which update a kms host on windows-server-2012/standard needs before it activates windows-server-1709"
    );
    assert_eq!(d.hresult(), None);
    assert_eq!(d.sources()[0].id(), "S-PLAN");
    assert!(!can_activate(
        &h,
        sku("windows-server-1709/standard"),
        Channel::VolumeGvlk,
        5
    ));
}

/// Derived: a 2012 R2 host with the 2019 key and KB4467695 activates Windows 10 Enterprise LTSC
/// 2019 (S-2019ACT lists both the update and LTSC 2019 among the key's products); without the
/// update the key itself is refused.
#[test]
fn client_of_the_key_generation_needs_only_the_key_update() {
    let client = sku("windows-10-ltsc-2019/enterprise-ltsc");
    assert_eq!(
        required_update(Release::WindowsServer2012R2, Release::Windows10Ltsc2019).need(),
        UpdateNeed::Undocumented
    );
    let h = host(
        "windows-server-2012-r2/standard",
        KmsHostKey::WindowsServer2019,
        &[4_467_695],
    );
    assert!(can_activate(&h, client, Channel::VolumeGvlk, 25));
    let bare = host(
        "windows-server-2012-r2/standard",
        KmsHostKey::WindowsServer2019,
        &[],
    );
    assert!(matches!(
        check_activation(&bare, client, Channel::VolumeGvlk, 25),
        Err(Denial::UpdateMissing { .. })
    ));
}

/// Over every host OS, key and client (all listed updates installed): a yes never rests on a
/// client release that cannot be updated, and every undocumented-update denial is an
/// undocumented row.
#[test]
fn no_yes_on_an_unlisted_update() {
    let all_kbs: Vec<Kb> = Release::iter()
        .flat_map(|h| Release::iter().flat_map(move |c| required_update(h, c).kbs()))
        .collect();
    let mut denied = 0;
    for h in Sku::all() {
        for k in KmsHostKey::iter() {
            let host = all_kbs
                .iter()
                .fold(KmsHost::new(h, k), |x, kb| x.with_update(*kb));
            for c in Sku::all() {
                let req = required_update(h.release(), c.release());
                match check_activation(&host, c, Channel::VolumeGvlk, 100) {
                    Ok(_) if !k.is_office_key() => {
                        assert_ne!(req.need(), UpdateNeed::CannotBeUpdated, "{h} {k} {c}");
                        if req.need() == UpdateNeed::Undocumented {
                            // The client is not newer than the key's release.
                            assert_eq!(
                                required_update(k.issued_for(), c.release()).need(),
                                UpdateNeed::NotNeeded,
                                "{h} {k} {c}"
                            );
                        }
                    }
                    Err(Denial::UpdateUndocumented { release, .. }) => {
                        assert_eq!(release, c.release());
                        assert_eq!(req.need(), UpdateNeed::Undocumented, "{h} {k} {c}");
                        denied += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(denied > 0);
}

#[cfg(feature = "serde")]
/// Every activation check_activation gives round-trips; forged records are refused (audit item 4).
#[test]
fn activation_deserialises_only_what_check_activation_gives() {
    let mut n = 0;
    for (os, key, kbs) in [
        (
            "windows-server-2019/datacenter",
            KmsHostKey::WindowsServer2025,
            &[5_034_768][..],
        ),
        (
            "windows-server-2016/standard",
            KmsHostKey::WindowsServer2019,
            &[4_478_877][..],
        ),
        (
            "windows-server-2012-r2/standard",
            KmsHostKey::WindowsServer2012R2ForWindows10,
            &[3_172_614][..],
        ),
        ("windows-10/enterprise", KmsHostKey::OfficeLtsc2021, &[][..]),
    ] {
        let h = host(os, key, kbs);
        for c in Sku::all() {
            if let Ok(a) = check_activation(&h, c, Channel::VolumeGvlk, 50) {
                let j = serde_json::to_string(&a).unwrap();
                assert_eq!(
                    serde_json::from_str::<volume_activation::rules::Activation>(&j).unwrap(),
                    a
                );
                n += 1;
            }
        }
    }
    assert!(n > 50, "{n}");
    let h = host(
        "windows-server-2016/standard",
        KmsHostKey::WindowsServer2019,
        &[4_478_877],
    );
    let a = check_activation(&h, sku("windows-10/pro"), Channel::VolumeGvlk, 30).unwrap();
    let j = serde_json::to_string(&a).unwrap();
    // A client the key does not cover.
    let forged = j.replace("windows-10/pro", "windows-11/pro");
    let e = serde_json::from_str::<volume_activation::rules::Activation>(&forged).unwrap_err();
    assert!(
        e.to_string().starts_with(
            "undocumented whether the windows-server-2019 host key activates windows-11/pro"
        ),
        "{e}"
    );
    // A count below the threshold.
    let forged = j.replace("\"count\":30", "\"count\":3");
    assert_ne!(forged, j);
    let e = serde_json::from_str::<volume_activation::rules::Activation>(&forged).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("the kms count 3 is below the activation threshold 25 of windows-10/pro"),
        "{e}"
    );
    // A threshold that does not match.
    let forged = j.replace("\"threshold\":25", "\"threshold\":5");
    assert_ne!(forged, j);
    let e = serde_json::from_str::<volume_activation::rules::Activation>(&forged).unwrap_err();
    assert!(
        e.to_string().starts_with(
            "kms activation of windows-10/pro by the windows-server-2019 host key on windows-server-2016/standard does not match check_activation"
        ),
        "{e}"
    );
}

/// A client the host key does not cover is told so before the host's own missing update: the
/// update would not help it. Windows Server 2016 host, Windows Server 2019 key, no KB4478877.
/// Source: Windows 11 is listed only under the 2022 and 2025 keys,
/// <https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning>.
#[test]
fn coverage_is_checked_before_the_hosts_own_update() {
    let host = KmsHost::new(
        "windows-server-2016/standard".parse::<Sku>().unwrap(),
        KmsHostKey::WindowsServer2019,
    );
    let win11: Sku = "windows-11/pro".parse().unwrap();
    let ws2019: Sku = "windows-server-2019/standard".parse().unwrap();
    assert!(matches!(
        check_activation(&host, win11, Channel::VolumeGvlk, 50),
        Err(Denial::CoverageUndocumented { .. })
    ));
    assert!(matches!(
        check_activation(&host, ws2019, Channel::VolumeGvlk, 50),
        Err(Denial::UpdateMissing { .. })
    ));
}

/// No knowledge base article is number 0: `Kb::new` and parsing refuse it alike, and no KB of
/// the crate's update tables is 0.
#[test]
fn kb_zero_is_refused_everywhere() {
    assert_eq!(Kb::new(0), None);
    assert!("KB0".parse::<Kb>().is_err());
    assert_eq!(Kb::new(5_034_765), "KB5034765".parse::<Kb>().ok());
    let mut seen = 0;
    for host in Release::iter() {
        for client in Release::iter() {
            for kb in required_update(host, client).kbs() {
                assert!(kb.number() > 0, "{host} -> {client}");
                seen += 1;
            }
        }
    }
    assert!(seen > 0);
}
