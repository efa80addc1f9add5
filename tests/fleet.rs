//! The fleet description: reading, validation (every problem, naming record and field), and
//! serde round-trips.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]
// This suite reads fleet files: it needs the `serde` feature (tests/fleet_builder.rs
// covers fleets and plans without it).
#![cfg(feature = "serde")]

use chrono::{TimeZone, Utc};
use volume_activation::catalog::*;
use volume_activation::plan::*;
use volume_activation::rules::*;
use volume_activation::*;

const SMALL: &str = include_str!("fixtures/fleet-small.json");

/// A fleet with one machine whose JSON object is `machine`, plus `extra` top-level fields.
fn one(machine: &str, extra: &str) -> String {
    format!(r#"{{ "program": "enterprise-agreement", "machines": [{machine}] {extra} }}"#)
}

const PC: &str = r#"{ "name": "pc-1", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical" }"#;

#[test]
fn reads_the_fixture() {
    let fleet = Fleet::from_json(SMALL).unwrap();
    assert_eq!(fleet.program(), AgreementProgram::EnterpriseAgreement);
    assert_eq!(fleet.machines().len(), 8);
    assert!(fleet.problems().is_empty());

    let vm = fleet.machine("VM-APP-01").unwrap();
    assert_eq!(vm.name(), "vm-app-01");
    assert_eq!(
        vm.sku(),
        "windows-server-2022/standard".parse::<Sku>().unwrap()
    );
    assert_eq!(vm.channel(), Channel::Avma);
    assert_eq!(vm.hardware(), Hardware::Virtual);
    assert_eq!(vm.hyperv_host(), Some("hv-01"));
    assert_eq!(vm.site(), Some("hq"));
    let domain = fleet.domain_of(vm).unwrap();
    assert_eq!(domain.name(), "corp.example");
    assert_eq!(domain.forest_schema(), Release::WindowsServer2016);

    let cloud = fleet.machine("cloud-vm-01").unwrap();
    assert_eq!(cloud.hyperv_host(), None);
    assert_eq!(cloud.domain(), None);
    assert!(fleet.domain_of(cloud).is_none());

    let kms = &fleet.kms_hosts()[0];
    assert_eq!(kms.name(), "kms-01");
    assert_eq!(kms.os().release(), Release::WindowsServer2019);
    assert_eq!(kms.host_key(), KmsHostKey::WindowsServer2022);
    assert_eq!(
        kms.updates(),
        &[Kb::new(5_003_646).unwrap(), Kb::new(5_034_768).unwrap()]
    );
    assert!(kms.has_update(Kb::new(5_003_646).unwrap()));
    assert!(!fleet.kms_hosts()[1].has_update(Kb::new(5_003_646).unwrap()));

    let mak = &fleet.mak_keys()[0];
    assert_eq!(mak.name(), "Windows 11 Pro MAK");
    assert_eq!(mak.partial_key(), Some("4B7QD"));
    assert_eq!(mak.activations_remaining(), 12);
    assert!(mak.activates("windows-11/pro".parse().unwrap()));
    assert!(!mak.activates("windows-11/enterprise".parse().unwrap()));

    assert_eq!(fleet.rollout().len(), 2);
    assert_eq!(
        fleet.online_from("branch-pc-01"),
        Some(Utc.with_ymd_and_hms(2026, 2, 2, 0, 0, 0).unwrap())
    );
    assert_eq!(fleet.online_from("pc-001"), None);
}

#[test]
fn serde_round_trip() {
    let fleet = Fleet::from_json(SMALL).unwrap();
    let json = fleet.to_json().unwrap();
    let again = Fleet::from_json(&json).unwrap();
    assert_eq!(again, fleet);
    // And through serde directly.
    let value = serde_json::to_value(&fleet).unwrap();
    let back: Fleet = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, fleet);
    assert_eq!(value["kms_hosts"][0]["updates"][0], "KB5003646");
    assert_eq!(
        value["machines"][0]["sku"],
        "windows-server-2022/datacenter"
    );
    assert!(value["machines"][7].get("hyperv_host").is_none());
    // Warnings are recomputed on read, so they survive the round trip too.
    let nested = one(
        r#"{ "name": "a", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "virtual" },
           { "name": "b", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "a" }"#,
        "",
    );
    let f = Fleet::from_json(&nested).unwrap();
    assert_eq!(f.problems().len(), 1);
    assert_eq!(Fleet::from_json(&f.to_json().unwrap()).unwrap(), f);
}

#[test]
fn problems_serialise() {
    let p = Fleet::problems_in_json(&one(
        PC,
        r#", "rollout": [{ "date": "2026-01-01T00:00:00Z", "machines": [] }]"#,
    ));
    assert_eq!(p.len(), 1);
    let json = serde_json::to_string(&p[0]).unwrap();
    assert_eq!(
        json,
        r#"{"severity":"warning","record":"rollout-wave","name":"1","field":"machines","message":"the wave has no machines"}"#
    );
    assert_eq!(serde_json::from_str::<FleetProblem>(&json).unwrap(), p[0]);
}

#[test]
fn every_problem_is_reported_naming_record_and_field() {
    let json = r#"{
      "program": "enterprise-agreement",
      "domains": [{ "name": "corp", "forest_schema": "windows-11" }],
      "machines": [
        { "name": "pc-1", "sku": "windows-13/pro", "channel": "volume-gvlk", "hardware": "physical" },
        { "name": "PC-1", "sku": "windows-11/pro", "channel": "volume-foo", "hardware": "physical" },
        { "name": "vm-1", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "hv-missing" },
        { "name": "pc-2", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical", "hyperv_host": "vm-1", "domain": "nowhere" }
      ],
      "kms_hosts": [
        { "name": "kms", "os": "office-ltsc-2021/professional-plus", "host_key": "", "updates": ["3058168"] }
      ],
      "mak_keys": [
        { "name": "m", "partial_key": "T83G", "products": [], "activations_remaining": 3 }
      ],
      "rollout": [
        { "date": "2026-02-01T00:00:00Z", "machines": ["pc-2", "ghost"] },
        { "date": "2026-01-01T00:00:00Z", "machines": ["pc-2"] }
      ]
    }"#;
    let problems = Fleet::problems_in_json(json);
    let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expected = [
        "domain \"corp\" field \"forest_schema\": \"windows-11\" is not a Windows Server release: expected a schema level such as windows-server-2012",
        "machine \"PC-1\" field \"name\": duplicate machine name: expected each name once",
        "machine \"pc-1\" field \"sku\": unknown release \"windows-13\": expected a release ID such as windows-11, windows-server-2022 or office-ltsc-2024",
        "machine \"PC-1\" field \"channel\": unknown channel \"volume-foo\": expected a channel ID such as volume-gvlk, volume-mak, retail or oem-dm",
        "machine \"vm-1\" field \"hyperv_host\": Hyper-V host \"hv-missing\" is not a machine of the fleet: expected the name of a machine",
        "machine \"pc-2\" field \"hyperv_host\": a physical machine has no Hyper-V host (\"vm-1\"): expected hardware \"virtual\" or no hyperv_host",
        "machine \"pc-2\" field \"domain\": domain \"nowhere\" is not declared: expected a name listed in domains",
        "KMS host \"kms\" field \"os\": \"office-ltsc-2021/professional-plus\" is not an operating system: expected the Windows or Windows Server SKU the host runs",
        "KMS host \"kms\" field \"host_key\": empty host key: expected a KMS host key group ID",
        "KMS host \"kms\" field \"updates\": \"3058168\" is not a KB number: expected KB and digits, e.g. KB3058168",
        "MAK key \"m\" field \"partial_key\": partial key ending \"T83G\" is not five product-key characters: expected the last five characters of the key only",
        "MAK key \"m\" field \"products\": no products: expected the SKUs the MAK activates",
        "rollout wave \"1\" field \"machines\": machine \"ghost\" is not in the fleet: expected a machine name",
        "rollout wave \"2\" field \"date\": 2026-01-01T00:00:00+00:00 is not after the previous wave's 2026-02-01T00:00:00+00:00: expected dates in strictly increasing order",
        "rollout wave \"2\" field \"machines\": machine \"pc-2\" is already in wave 1: expected each machine in one wave at most",
    ];
    assert_eq!(got, expected);
    assert!(problems.iter().all(|p| p.severity() == Severity::Error));

    let err = Fleet::from_json(json).unwrap_err();
    assert!(err.is_invalid());
    let msg = err.to_string();
    assert!(
        msg.starts_with("invalid fleet: 15 problems: domain \"corp\" field \"forest_schema\""),
        "{msg}"
    );
    for p in expected {
        assert!(msg.contains(p), "{p}");
    }
}

#[test]
fn no_machine_is_silently_dropped() {
    // One bad machine among good ones: the whole fleet is refused, naming the bad one.
    let json = one(
        &format!(
            r#"{PC}, {{ "name": "pc-2", "sku": "windows-11/datacenter", "channel": "volume-gvlk", "hardware": "physical" }}"#
        ),
        "",
    );
    let err = Fleet::from_json(&json).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid fleet: 1 problem: machine \"pc-2\" field \"sku\": invalid sku \"windows-11/datacenter\": expected an edition that Windows 11 has"
    );
}

#[test]
fn unknown_program() {
    let err = Fleet::from_json(r#"{ "program": "open-sesame", "machines": [] }"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid fleet: 1 problem: fleet \"fleet\" field \"program\": unknown agreement program \"open-sesame\": expected a program ID such as enterprise-agreement, select-plus, open-value or csp"
    );
}

#[test]
fn shape_errors_are_json_errors() {
    let err = Fleet::from_json("{").unwrap_err();
    assert!(err.is_json());
    let err = Fleet::from_json(r#"{ "program": "csp" }"#).unwrap_err();
    assert!(err.is_json());
    assert!(
        err.to_string().contains("missing field `machines`"),
        "{err}"
    );
    let err = Fleet::from_json(&one(
        r#"{ "name": "pc-1", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical", "hyperv-host": "x" }"#,
        "",
    ))
    .unwrap_err();
    assert!(err.is_json());
    assert!(
        err.to_string().contains("unknown field `hyperv-host`"),
        "{err}"
    );
    let err = Fleet::from_json(&one(
        PC,
        r#", "rollout": [{ "date": "yesterday", "machines": [] }]"#,
    ))
    .unwrap_err();
    assert!(err.is_json());
    let p = Fleet::problems_in_json("[]");
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].record(), p[0].field()), (FleetRecord::Fleet, "json"));
}

#[test]
fn warnings_keep_the_fleet() {
    let empty = Fleet::from_json(r#"{ "program": "open-license", "machines": [] }"#).unwrap();
    assert_eq!(empty.problems().len(), 1);
    assert_eq!(
        empty.problems()[0].to_string(),
        "fleet \"fleet\" field \"machines\": the fleet has no machines"
    );
    assert_eq!(empty.problems()[0].severity(), Severity::Warning);

    let nested = one(
        r#"{ "name": "a", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "virtual" },
           { "name": "b", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "A" }"#,
        "",
    );
    let f = Fleet::from_json(&nested).unwrap();
    assert_eq!(f.machines().len(), 2);
    assert_eq!(
        f.problems()[0].to_string(),
        "machine \"b\" field \"hyperv_host\": Hyper-V host \"A\" is itself a virtual machine (nested virtualisation)"
    );
}

#[test]
fn a_vm_cannot_host_itself() {
    let p = Fleet::problems_in_json(&one(
        r#"{ "name": "vm", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "VM" }"#,
        "",
    ));
    assert_eq!(
        p[0].to_string(),
        "machine \"vm\" field \"hyperv_host\": a virtual machine cannot be its own Hyper-V host: expected another machine of the fleet"
    );
}

#[test]
fn equal_rollout_dates_are_out_of_order() {
    let p = Fleet::problems_in_json(&one(
        PC,
        r#", "rollout": [{ "date": "2026-01-01T00:00:00Z", "machines": [] }, { "date": "2026-01-01T00:00:00Z", "machines": ["pc-1"] }]"#,
    ));
    assert!(
        p.iter()
            .any(|p| p.field() == "date" && p.severity() == Severity::Error)
    );
}

#[test]
fn empty_and_duplicate_names() {
    let json = r#"{ "program": "csp",
      "domains": [{ "name": "d", "forest_schema": "windows-server-2012" }, { "name": "D", "forest_schema": "windows-server-2012" }],
      "machines": [{ "name": " ", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical" }],
      "kms_hosts": [
        { "name": "k", "os": "windows-server-2022/standard", "host_key": "windows-server-2022" },
        { "name": "k", "os": "windows-server-2022/standard", "host_key": "windows-server-2022" }
      ],
      "mak_keys": [
        { "name": "m", "products": ["windows-11/pro"], "activations_remaining": 1 },
        { "name": "m", "products": ["windows-11/pro"], "activations_remaining": 1 }
      ] }"#;
    let got: Vec<String> = Fleet::problems_in_json(json)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        got,
        [
            "domain \"D\" field \"name\": duplicate domain name: expected each name once",
            "machine \" \" field \"name\": empty name: expected a non-empty name",
            "KMS host \"k\" field \"name\": duplicate KMS host name: expected each name once",
            "MAK key \"m\" field \"name\": duplicate MAK key name: expected each name once",
        ]
    );
}

#[test]
fn full_keys_are_refused_and_never_echoed() {
    // The published Windows Pro GVLK stands in for a key that must not be stored.
    let key = "W269N-WFGWX-YVC9B-4J6C9-T83GX";
    let json = format!(
        r#"{{ "program": "select-plus", "machines": [],
          "kms_hosts": [{{ "name": "kms", "os": "windows-server-2022/standard", "host_key": "{key}" }}],
          "mak_keys": [
            {{ "name": "{key}", "products": ["windows-11/pro"], "activations_remaining": 1 }},
            {{ "name": "m2", "partial_key": "{key}", "products": ["windows-11/pro"], "activations_remaining": 1 }}
          ] }}"#
    );
    let problems = Fleet::problems_in_json(&json);
    let fields: Vec<(&str, &str)> = problems.iter().map(|p| (p.name(), p.field())).collect();
    assert_eq!(
        fields,
        [
            ("", "machines"),
            ("kms", "host_key"),
            ("*****-*****-*****-*****-T83GX", "name"),
            ("m2", "partial_key"),
        ]
        .map(|(n, f)| (if n.is_empty() { "fleet" } else { n }, f))
    );
    let err = Fleet::from_json(&json).unwrap_err().to_string();
    assert!(!err.contains("WFGWX"), "{err}");
    assert!(err.contains("*****-*****-*****-*****-T83GX"));
    for p in &problems {
        assert!(!p.to_string().contains("WFGWX"), "{p}");
    }
}

#[test]
fn a_product_key_as_a_site_is_refused_and_never_echoed() {
    // The published Windows Pro GVLK stands in for a key that must not be stored.
    let key = "W269N-WFGWX-YVC9B-4J6C9-T83GX";
    let json = format!(
        r#"{{ "program": "select-plus",
          "machines": [{{ "name": "pc-1", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical", "site": "{key}" }}],
          "kms_hosts": [{{ "name": "kms", "os": "windows-server-2022/standard", "host_key": "windows-server-2022", "site": "hq {key}" }}] }}"#
    );
    let problems = Fleet::problems_in_json(&json);
    let shown: Vec<(&str, &str, &str, String)> = problems
        .iter()
        .map(|p| {
            (
                p.record().into(),
                p.name(),
                p.field(),
                p.message().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "machine",
                "pc-1",
                "site",
                "\"*****-*****-*****-*****-T83GX\" is a product key: expected a site label, never a key".to_owned()
            ),
            (
                "kms-host",
                "kms",
                "site",
                "\"hq *****-*****-*****-*****-T83GX\" is a product key: expected a site label, never a key".to_owned()
            ),
        ]
    );
    let err = Fleet::from_json(&json).unwrap_err().to_string();
    assert!(!err.contains("WFGWX"), "{err}");
    // A site that merely looks like a label is accepted.
    let fine = json.replace(key, "branch-7");
    assert!(Fleet::from_json(&fine).is_ok());
}

#[test]
fn partial_keys_are_five_key_characters() {
    for (partial, ok) in [
        ("4B7QD", true),
        ("4b7qd", true),
        ("4B7QN", true),
        ("4B7QA", false),
        ("4B7Q", false),
        ("4B7QDD", false),
    ] {
        let json = one(
            PC,
            &format!(
                r#", "mak_keys": [{{ "name": "m", "partial_key": "{partial}", "products": ["windows-11/pro"], "activations_remaining": 1 }}]"#
            ),
        );
        assert_eq!(Fleet::from_json(&json).is_ok(), ok, "{partial}");
    }
    let f = Fleet::from_json(&one(
        PC,
        r#", "mak_keys": [{ "name": "m", "partial_key": "4b7qd", "products": ["windows-11/pro"], "activations_remaining": 1 }]"#,
    ))
    .unwrap();
    assert_eq!(f.mak_keys()[0].partial_key(), Some("4B7QD"));
}

#[test]
fn mak_accounting_over_a_fleet() {
    // The planner's use: MAK machines of the fixture against the key's remaining count.
    let fleet = Fleet::from_json(SMALL).unwrap();
    let key = &fleet.mak_keys()[0];
    let needs = fleet
        .machines()
        .iter()
        .filter(|m| key.activates(m.sku()))
        .map(|_| MakMachine::unactivated().with_reimages(2));
    let needed = mak_activations_needed(needs);
    assert_eq!(needed, 3);
    let balance = MakBalance::new(needed, u64::from(key.activations_remaining()));
    assert!(balance.is_sufficient());
    assert_eq!(balance.left_after(), 9);
}

#[test]
fn public_types_are_send_sync() {
    fn assert_traits<T: Send + Sync + std::fmt::Debug + Clone>() {}
    assert_traits::<Fleet>();
    assert_traits::<Machine>();
    assert_traits::<Domain>();
    assert_traits::<FleetKmsHost>();
    assert_traits::<MakKey>();
    assert_traits::<RolloutWave>();
    assert_traits::<FleetProblem>();
    assert_traits::<Hardware>();
    assert_traits::<Severity>();
    assert_traits::<FleetRecord>();
}

mod prop {
    use proptest::prelude::*;
    use volume_activation::Fleet;
    use volume_activation::plan::Severity;

    proptest! {
        /// Any text: an error or a fleet, never a panic; problems agree with from_json.
        #[test]
        fn any_text_never_panics(s in ".{0,200}") {
            let problems = Fleet::problems_in_json(&s);
            let has_error = problems.iter().any(|p| p.severity() == Severity::Error);
            prop_assert_eq!(Fleet::from_json(&s).is_ok(), !has_error);
        }

        /// Generated fleets: every machine is kept, in order, and the fleet round-trips.
        #[test]
        fn generated_fleets_round_trip(
            machines in proptest::collection::vec((0usize..4, any::<bool>(), 0u8..3), 0..30)
        ) {
            const SKUS: [&str; 4] = [
                "windows-11/pro",
                "windows-10/enterprise",
                "windows-server-2022/standard",
                "office-ltsc-2021/professional-plus",
            ];
            let mut items = vec![
                r#"{ "name": "hv", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "physical" }"#.to_owned(),
            ];
            for (i, (sku, vm, site)) in machines.iter().enumerate() {
                let sku = SKUS.get(*sku).unwrap();
                let hw = if *vm { r#""hardware": "virtual", "hyperv_host": "hv""# } else { r#""hardware": "physical""# };
                items.push(format!(
                    r#"{{ "name": "m{i}", "sku": "{sku}", "channel": "volume-gvlk", {hw}, "site": "s{site}" }}"#
                ));
            }
            let json = format!(r#"{{ "program": "select-plus", "machines": [{}] }}"#, items.join(","));
            let fleet = Fleet::from_json(&json).unwrap();
            prop_assert_eq!(fleet.machines().len(), machines.len() + 1);
            for (i, m) in fleet.machines().iter().skip(1).enumerate() {
                let expected = format!("m{i}");
                prop_assert_eq!(m.name(), expected.as_str());
            }
            prop_assert_eq!(Fleet::from_json(&fleet.to_json().unwrap()).unwrap(), fleet);
        }
    }
}

/// A fleet of one machine and one KMS host; the host's problems only.
fn host_problems(os: &str, key: &str) -> Vec<String> {
    let json = format!(
        r#"{{ "program": "enterprise-agreement",
              "machines": [{{ "name": "pc", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical" }}],
              "kms_hosts": [{{ "name": "kms", "os": "{os}", "host_key": "{key}" }}] }}"#
    );
    Fleet::problems_in_json(&json)
        .iter()
        .map(|p| format!("{}: {p}", p.severity()))
        .collect()
}

#[test]
fn host_keys_are_typed_and_checked_against_the_host_os() {
    // Lenient names are accepted.
    assert!(
        host_problems(
            "windows-server-2022/standard",
            "Volume License for Windows Server 2022"
        )
        .is_empty()
    );
    assert!(host_problems("windows-server-2022/standard", "office-ltsc-2021").is_empty());
    // An unknown host key.
    assert_eq!(
        host_problems("windows-server-2022/standard", "windows-server-2030"),
        [
            "error: KMS host \"kms\" field \"host_key\": unknown kms host key \"windows-server-2030\": expected a host key ID or name such as windows-server-2022 or \"Volume License for Windows Server 2019\""
        ]
    );
    // Impossible: a client host key on Windows Server (documented no).
    let p = host_problems("windows-server-2022/standard", "windows-10");
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("error: KMS host \"kms\" field \"host_key\": windows-server-2022/standard cannot run the windows-10 host key ("),
        "{p:?}"
    );
    // Undocumented: a warning, the fleet is still read.
    let p = host_problems("windows-server-2016/standard", "windows-server-2025");
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("warning: KMS host \"kms\" field \"host_key\": microsoft does not document whether windows-server-2016/standard runs the windows-server-2025 host key"),
        "{p:?}"
    );
}

#[test]
fn office_machines_name_their_windows_release() {
    let ok = one(
        r#"{ "name": "o", "sku": "office-ltsc-2024/professional-plus", "channel": "volume-gvlk", "hardware": "physical", "os": "windows-11", "reimages": 2, "activated": true }"#,
        "",
    );
    let fleet = Fleet::from_json(&ok).unwrap();
    let m = fleet.machine("o").unwrap();
    assert_eq!(m.os(), Some(Release::Windows11));
    assert_eq!((m.reimages(), m.is_activated()), (2, true));
    assert_eq!(Fleet::from_json(&fleet.to_json().unwrap()).unwrap(), fleet);

    let msgs = |machine: &str| -> Vec<String> {
        Fleet::problems_in_json(&one(machine, ""))
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        msgs(
            r#"{ "name": "w", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical", "os": "windows-11" }"#
        ),
        [
            "machine \"w\" field \"os\": only an office machine names the windows it runs on: expected no os for a windows sku"
        ]
    );
    assert_eq!(
        msgs(
            r#"{ "name": "o", "sku": "office-2019/standard", "channel": "volume-gvlk", "hardware": "physical", "os": "office-2016" }"#
        ),
        [
            "machine \"o\" field \"os\": \"office-2016\" is not a windows release: expected the windows release office runs on, such as windows-11"
        ]
    );
}

#[test]
fn avma_keys_only_on_windows_server_virtual_machines() {
    let msgs = |machine: &str| -> Vec<String> {
        Fleet::problems_in_json(&one(machine, ""))
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        msgs(
            r#"{ "name": "w", "sku": "windows-11/enterprise", "channel": "avma", "hardware": "virtual" }"#
        ),
        [
            "machine \"w\" field \"channel\": an avma key activates only windows server virtual machines, not windows-11/enterprise: expected another channel"
        ]
    );
    assert_eq!(
        msgs(
            r#"{ "name": "s", "sku": "windows-server-2022/standard", "channel": "avma", "hardware": "physical" }"#
        ),
        [
            "machine \"s\" field \"channel\": an avma key activates only virtual machines: expected hardware \"virtual\" or another channel"
        ]
    );
    assert!(msgs(r#"{ "name": "v", "sku": "windows-server-2022/standard", "channel": "avma", "hardware": "virtual" }"#).is_empty());
}

#[test]
fn lone_records_round_trip_and_are_validated_like_fleet_records() {
    let fleet = Fleet::from_json(SMALL).unwrap();
    for d in fleet.domains() {
        let json = serde_json::to_string(d).unwrap();
        assert_eq!(&serde_json::from_str::<Domain>(&json).unwrap(), d, "{json}");
    }
    for h in fleet.kms_hosts() {
        let json = serde_json::to_string(h).unwrap();
        let back: FleetKmsHost = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, h, "{json}");
        assert_eq!(back.kms_host(), h.kms_host());
    }
    for k in fleet.mak_keys() {
        let json = serde_json::to_string(k).unwrap();
        assert_eq!(&serde_json::from_str::<MakKey>(&json).unwrap(), k, "{json}");
    }

    let e = serde_json::from_str::<Domain>(r#"{ "name": "corp", "forest_schema": "windows-11" }"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("invalid fleet: 1 problem: domain \"corp\" field \"forest_schema\": \"windows-11\" is not a Windows Server release"),
        "{e}"
    );
    // The published Windows Pro GVLK stands in for a key that must not be stored.
    let e = serde_json::from_str::<MakKey>(
        r#"{ "name": "m", "partial_key": "W269N-WFGWX-YVC9B-4J6C9-T83GX", "products": ["windows-11/pro"], "activations_remaining": 1 }"#,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("MAK key \"m\" field \"partial_key\""), "{e}");
    assert!(!e.contains("WFGWX"), "{e}");
    let e = serde_json::from_str::<FleetKmsHost>(
        r#"{ "name": "kms", "os": "office-ltsc-2021/professional-plus", "host_key": "windows-server-2022", "updates": [] }"#,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("KMS host \"kms\" field \"os\""), "{e}");
}
