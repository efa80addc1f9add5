//! Building a fleet in code (no serde needed): the same fleet, the same validation and the
//! same problems as a fleet file.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use chrono::{TimeZone, Utc};
use volume_activation::catalog::{AgreementProgram, Kb};
use volume_activation::plan::{
    FleetBuilder, FleetRecord, Hardware, KmsHostSpec, MachineSpec, MakKeySpec, Severity, plan,
};
use volume_activation::{Channel, Fleet, KmsHostKey, Release, Sku};

fn sku(s: &str) -> Sku {
    s.parse().unwrap()
}

/// `tests/fixtures/fleet-small.json`, built in code.
fn small() -> FleetBuilder {
    let hq = |m: MachineSpec| m.domain("corp.example").site("hq");
    Fleet::builder(AgreementProgram::EnterpriseAgreement)
        .domain("corp.example", Release::WindowsServer2016)
        .machines([
            hq(MachineSpec::new(
                "hv-01",
                sku("windows-server-2022/datacenter"),
                Channel::VolumeGvlk,
                Hardware::Physical,
            )),
            hq(MachineSpec::new(
                "vm-app-01",
                sku("windows-server-2022/standard"),
                Channel::Avma,
                Hardware::Virtual,
            )
            .hyperv_host("hv-01")),
            MachineSpec::new(
                "vm-app-02",
                sku("windows-server-2019/standard"),
                Channel::VolumeGvlk,
                Hardware::Virtual,
            )
            .hyperv_host("hv-01")
            .site("hq"),
            hq(MachineSpec::new(
                "pc-001",
                sku("windows-11/enterprise"),
                Channel::VolumeGvlk,
                Hardware::Physical,
            )),
            hq(MachineSpec::new(
                "pc-002",
                sku("windows-10/pro"),
                Channel::VolumeGvlk,
                Hardware::Physical,
            )),
            hq(MachineSpec::new(
                "pc-003",
                sku("office-ltsc-2021/professional-plus"),
                Channel::VolumeGvlk,
                Hardware::Physical,
            )),
        ])
        .machine(
            MachineSpec::new(
                "branch-pc-01",
                sku("windows-11/pro"),
                Channel::VolumeMak,
                Hardware::Physical,
            )
            .site("branch"),
        )
        .machine(MachineSpec::new(
            "cloud-vm-01",
            sku("windows-server-2022/standard"),
            Channel::VolumeGvlk,
            Hardware::Virtual,
        ))
        .kms_host(
            KmsHostSpec::new(
                "kms-01",
                sku("windows-server-2019/standard"),
                KmsHostKey::WindowsServer2022,
            )
            .update(Kb::new(5_003_646).unwrap())
            .update(Kb::new(5_034_768).unwrap())
            .site("hq"),
        )
        .kms_host(KmsHostSpec::new(
            "kms-02",
            sku("windows-server-2016/standard"),
            KmsHostKey::WindowsServer2019,
        ))
        .mak_key(
            MakKeySpec::new("Windows 11 Pro MAK", 12)
                .product(sku("windows-11/pro"))
                .partial_key("4B7QD"),
        )
        .rollout_wave(
            Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap(),
            ["pc-002"],
        )
        .rollout_wave(
            Utc.with_ymd_and_hms(2026, 2, 2, 0, 0, 0).unwrap(),
            ["pc-003", "branch-pc-01"],
        )
}

#[test]
fn builds_and_plans_without_serde() {
    let fleet = small().build().unwrap();
    assert_eq!(fleet.program(), AgreementProgram::EnterpriseAgreement);
    assert_eq!(fleet.machines().len(), 8);
    assert!(fleet.problems().is_empty());
    let vm = fleet.machine("VM-APP-01").unwrap();
    assert_eq!(vm.hyperv_host(), Some("hv-01"));
    assert_eq!(vm.channel(), Channel::Avma);
    assert_eq!(fleet.domain_of(vm).unwrap().name(), "corp.example");
    assert_eq!(fleet.kms_hosts()[0].updates().len(), 2);
    assert_eq!(fleet.mak_keys()[0].partial_key(), Some("4B7QD"));
    assert_eq!(
        fleet.online_from("branch-pc-01"),
        Some(Utc.with_ymd_and_hms(2026, 2, 2, 0, 0, 0).unwrap())
    );

    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let p = fleet.plan(at);
    assert_eq!(p, plan(&fleet, at));
    assert_eq!(p.machines().len(), 8);
    assert_eq!(fleet.plan_with_horizon(at, 30).horizon_days(), 30);
}

#[test]
fn machine_options_reach_the_fleet() {
    let fleet = Fleet::builder(AgreementProgram::OpenLicense)
        .machine(
            MachineSpec::new(
                "pc-1",
                sku("office-ltsc-2021/professional-plus"),
                Channel::VolumeMak,
                Hardware::Physical,
            )
            .os(Release::Windows11)
            .reimages(2)
            .activated(),
        )
        .mak_key(MakKeySpec::new("Office MAK", 5).products([
            sku("office-ltsc-2021/professional-plus"),
            sku("windows-11/pro"),
        ]))
        .build()
        .unwrap();
    let m = &fleet.machines()[0];
    assert_eq!(m.os(), Some(Release::Windows11));
    assert_eq!(m.reimages(), 2);
    assert!(m.is_activated());
    assert_eq!(fleet.mak_keys()[0].products().len(), 2);

    let plain = Fleet::builder(AgreementProgram::OpenLicense)
        .machine(MachineSpec::new(
            "pc-1",
            sku("windows-11/pro"),
            Channel::VolumeMak,
            Hardware::Physical,
        ))
        .build()
        .unwrap();
    assert_eq!(plain.machines()[0].reimages(), 0);
    assert!(!plain.machines()[0].is_activated());
    assert_eq!(plain.machines()[0].os(), None);
}

/// A builder whose records break every cross-record rule a typed builder can still break.
fn broken() -> FleetBuilder {
    let pro = sku("windows-11/pro");
    Fleet::builder(AgreementProgram::EnterpriseAgreement)
        .domain("corp", Release::Windows11)
        .machine(MachineSpec::new(
            "pc-1",
            pro,
            Channel::VolumeGvlk,
            Hardware::Physical,
        ))
        .machine(MachineSpec::new(
            "PC-1",
            pro,
            Channel::VolumeGvlk,
            Hardware::Physical,
        ))
        .machine(
            MachineSpec::new(
                "vm-1",
                sku("windows-server-2022/standard"),
                Channel::VolumeGvlk,
                Hardware::Virtual,
            )
            .hyperv_host("hv-missing"),
        )
        .machine(
            MachineSpec::new("pc-2", pro, Channel::VolumeGvlk, Hardware::Physical)
                .hyperv_host("vm-1")
                .domain("nowhere"),
        )
        .kms_host(KmsHostSpec::new(
            "kms",
            sku("office-ltsc-2021/professional-plus"),
            KmsHostKey::WindowsServer2022,
        ))
        .mak_key(MakKeySpec::new("m", 3).partial_key("T83G"))
        .rollout_wave(
            Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap(),
            ["pc-2", "ghost"],
        )
        .rollout_wave(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(), ["pc-2"])
}

const BROKEN_PROBLEMS: [&str; 11] = [
    "domain \"corp\" field \"forest_schema\": \"windows-11\" is not a Windows Server release: expected a schema level such as windows-server-2012",
    "machine \"PC-1\" field \"name\": duplicate machine name: expected each name once",
    "machine \"vm-1\" field \"hyperv_host\": Hyper-V host \"hv-missing\" is not a machine of the fleet: expected the name of a machine",
    "machine \"pc-2\" field \"hyperv_host\": a physical machine has no Hyper-V host (\"vm-1\"): expected hardware \"virtual\" or no hyperv_host",
    "machine \"pc-2\" field \"domain\": domain \"nowhere\" is not declared: expected a name listed in domains",
    "KMS host \"kms\" field \"os\": \"office-ltsc-2021/professional-plus\" is not an operating system: expected the Windows or Windows Server SKU the host runs",
    "MAK key \"m\" field \"partial_key\": partial key ending \"T83G\" is not five product-key characters: expected the last five characters of the key only",
    "MAK key \"m\" field \"products\": no products: expected the SKUs the MAK activates",
    "rollout wave \"1\" field \"machines\": machine \"ghost\" is not in the fleet: expected a machine name",
    "rollout wave \"2\" field \"date\": 2026-01-01T00:00:00+00:00 is not after the previous wave's 2026-02-01T00:00:00+00:00: expected dates in strictly increasing order",
    "rollout wave \"2\" field \"machines\": machine \"pc-2\" is already in wave 1: expected each machine in one wave at most",
];

#[test]
fn every_problem_is_reported_naming_record_and_field() {
    let b = broken();
    let problems = b.problems();
    let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(got, BROKEN_PROBLEMS);
    assert!(problems.iter().all(|p| p.severity() == Severity::Error));
    assert_eq!(problems[0].record(), FleetRecord::Domain);
    assert_eq!(problems[0].field(), "forest_schema");

    let err = b.build().unwrap_err();
    assert!(err.is_invalid());
    let msg = err.to_string();
    assert!(
        msg.starts_with("invalid fleet: 11 problems: domain \"corp\" field \"forest_schema\""),
        "{msg}"
    );
    for p in BROKEN_PROBLEMS {
        assert!(msg.contains(p), "{p}");
    }
}

#[test]
fn warnings_keep_the_fleet() {
    let b = Fleet::builder(AgreementProgram::EnterpriseAgreement);
    let fleet = b.build().unwrap();
    assert_eq!(fleet.problems().len(), 1);
    assert_eq!(fleet.problems()[0].severity(), Severity::Warning);
    assert_eq!(fleet.problems()[0].field(), "machines");
    assert_eq!(b.problems(), fleet.problems());
}

#[test]
fn full_keys_are_refused_and_never_shown() {
    // The published Windows Pro GVLK stands in for a key that must not be stored.
    let key = "W269N-WFGWX-YVC9B-4J6C9-T83GX";
    let m = MachineSpec::new(
        key,
        sku("windows-11/pro"),
        Channel::Retail,
        Hardware::Physical,
    )
    .site(key)
    .domain(key)
    .hyperv_host(key);
    let h = KmsHostSpec::new(
        key,
        sku("windows-server-2022/standard"),
        KmsHostKey::WindowsServer2022,
    )
    .site(key)
    .hardware(Hardware::Virtual);
    let k = MakKeySpec::new(key, 1).partial_key(key);
    for shown in [format!("{m:?}"), format!("{h:?}"), format!("{k:?}")] {
        assert!(!shown.contains(key), "{shown}");
        assert!(!shown.contains("WFGWX"), "{shown}");
    }
    // Debug shows what is not a key: every other field the spec was given.
    let shown = format!("{h:?}");
    assert!(shown.contains(r#"hardware: Some("virtual")"#), "{shown}");
    assert!(
        shown.contains(r#"host_key: "windows-server-2022""#),
        "{shown}"
    );
    let b = Fleet::builder(AgreementProgram::EnterpriseAgreement)
        .machine(m)
        .kms_host(h)
        .mak_key(k);
    assert!(!format!("{b:?}").contains(key));
    let err = b.build().unwrap_err().to_string();
    assert!(!err.contains("WFGWX"), "{err}");
    assert!(err.contains("*****-*****-*****-*****-T83GX"), "{err}");
}

#[cfg(feature = "serde")]
mod same_as_json {
    use super::*;

    const SMALL: &str = include_str!("fixtures/fleet-small.json");

    #[test]
    fn the_fixture_built_in_code_equals_the_file() {
        assert_eq!(small().build().unwrap(), Fleet::from_json(SMALL).unwrap());
    }

    #[test]
    fn the_broken_fleet_has_the_problems_of_its_json() {
        let json = r#"{
          "program": "enterprise-agreement",
          "domains": [{ "name": "corp", "forest_schema": "windows-11" }],
          "machines": [
            { "name": "pc-1", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical" },
            { "name": "PC-1", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical" },
            { "name": "vm-1", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "hv-missing" },
            { "name": "pc-2", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical", "hyperv_host": "vm-1", "domain": "nowhere" }
          ],
          "kms_hosts": [
            { "name": "kms", "os": "office-ltsc-2021/professional-plus", "host_key": "windows-server-2022" }
          ],
          "mak_keys": [
            { "name": "m", "partial_key": "T83G", "products": [], "activations_remaining": 3 }
          ],
          "rollout": [
            { "date": "2026-02-01T00:00:00Z", "machines": ["pc-2", "ghost"] },
            { "date": "2026-01-01T00:00:00Z", "machines": ["pc-2"] }
          ]
        }"#;
        assert_eq!(broken().problems(), Fleet::problems_in_json(json));
        assert_eq!(
            broken().build().unwrap_err().to_string(),
            Fleet::from_json(json).unwrap_err().to_string()
        );
    }
}

/// Issue 10, item 8: KMS isn't offered for Small Business Server 2011; the plan names the MAK
/// the FAQ gives each edition.
#[test]
fn sbs_2011_plan_names_the_faq_mak() {
    let fleet = Fleet::builder(AgreementProgram::EnterpriseAgreement)
        .machine(MachineSpec::new(
            "sbs-01",
            sku("small-business-server-2011/standard"),
            Channel::VolumeGvlk,
            Hardware::Physical,
        ))
        .kms_host(KmsHostSpec::new(
            "kms-01",
            sku("windows-server-2022/standard"),
            KmsHostKey::WindowsServer2022,
        ))
        .build()
        .unwrap();
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let p = fleet.plan(at);
    let texts: Vec<String> = p.actions().iter().map(|a| a.to_string()).collect();
    assert!(
        texts.iter().any(|t| t.starts_with(
            "obtain the Win SBS Std/Essentials 2011 MAK for small-business-server-2011/standard (1 machines"
        ) && t.ends_with("kms is not offered for small business server 2011)")),
        "{texts:#?}"
    );
}

/// Issue 10, item 8: "Windows Server 2008 isn't covered as a platform as an Office 2010 KMS
/// host" (FAQ): a fleet host doing it is an error, not a warning.
#[test]
fn office_2010_host_on_server_2008_is_an_error() {
    let b = Fleet::builder(AgreementProgram::EnterpriseAgreement).kms_host(KmsHostSpec::new(
        "kms-office",
        sku("windows-server-2008/standard"),
        KmsHostKey::Office2010,
    ));
    let problems = b.problems();
    let p = problems
        .iter()
        .find(|p| p.record() == FleetRecord::FleetKmsHost)
        .unwrap();
    assert_eq!(p.severity(), Severity::Error, "{p:?}");
    assert_eq!(p.field(), "host_key");
    assert_eq!(
        p.message(),
        "windows-server-2008/standard cannot run the office-2010 host key (only Windows Server 2003, Windows 7 volume editions and Windows Server 2008 R2 are supported as Office 2010 KMS hosts; Windows Server 2008 isn't covered (Volume Licensing FAQ)): expected a host key its os can run"
    );
    assert!(b.build().is_err());
}

/// Issue 10, item 8: a KMS host may be virtual ("six KMS hosts, which can be physical or
/// virtual"); the fleet keeps what it is told and leaves it unknown when not told.
#[test]
fn kms_host_hardware_is_kept() {
    let fleet = Fleet::builder(AgreementProgram::EnterpriseAgreement)
        .kms_host(
            KmsHostSpec::new(
                "kms-vm",
                sku("windows-server-2022/standard"),
                KmsHostKey::WindowsServer2022,
            )
            .hardware(Hardware::Virtual),
        )
        .kms_host(KmsHostSpec::new(
            "kms-unknown",
            sku("windows-server-2022/standard"),
            KmsHostKey::WindowsServer2022,
        ))
        .build()
        .unwrap();
    assert!(
        fleet
            .problems()
            .iter()
            .all(|p| p.severity() == Severity::Warning),
        "{:?}",
        fleet.problems()
    );
    assert_eq!(fleet.kms_hosts()[0].hardware(), Some(Hardware::Virtual));
    assert_eq!(fleet.kms_hosts()[1].hardware(), None);
}

/// A KMS host's hardware that is neither value is an error naming the field.
#[cfg(feature = "serde")]
#[test]
fn kms_host_bad_hardware_is_an_error() {
    let json = r#"{ "program": "enterprise-agreement", "machines": [],
        "kms_hosts": [{ "name": "kms-01", "os": "windows-server-2022/standard",
                        "host_key": "windows-server-2022", "hardware": "cloud" }] }"#;
    let problems = Fleet::problems_in_json(json);
    let p = problems.iter().find(|p| p.field() == "hardware").unwrap();
    assert_eq!(p.severity(), Severity::Error);
    assert_eq!(p.name(), "kms-01");
    assert_eq!(
        p.to_string(),
        "KMS host \"kms-01\" field \"hardware\": unknown hardware \"cloud\": expected one of physical, virtual"
    );
    let fleet: Fleet = serde_json::from_str(&json.replace("\"cloud\"", "\"virtual\"")).unwrap();
    assert_eq!(fleet.kms_hosts()[0].hardware(), Some(Hardware::Virtual));
    let back = serde_json::to_string(&fleet).unwrap();
    assert!(back.contains("\"hardware\":\"virtual\""), "{back}");
}
