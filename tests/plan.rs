//! The planner: every method, every reason a machine is moved off KMS, the bundled fleet's
//! key numbers, JSON round-trip and the report's sections.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]
// This suite builds its fleets from JSON: it needs the `serde` feature (tests/fleet_builder.rs
// covers fleets and plans without it).
#![cfg(feature = "serde")]

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use strum::VariantArray;
use volume_activation::catalog::*;
use volume_activation::plan::*;
use volume_activation::rules::*;
use volume_activation::*;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
}

/// `n` machines named `{prefix}-{i}` of one kind.
fn many(prefix: &str, n: usize, fields: Value) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let mut m = fields.clone();
            m["name"] = json!(format!("{prefix}-{i:03}"));
            m
        })
        .collect()
}

fn fleet(v: Value) -> Fleet {
    Fleet::from_json(&v.to_string()).unwrap()
}

/// 60 workgroup Windows 10 Enterprise PCs at site hq (enough PCs that the FAQ's "fewer than
/// 50" advice does not apply, enough clients for the threshold of 25).
fn hq_pcs() -> Vec<Value> {
    many(
        "pc",
        60,
        json!({ "sku": "windows-10/enterprise", "channel": "volume-gvlk", "hardware": "physical", "site": "hq" }),
    )
}

fn with(mut machines: Vec<Value>, extra: Value) -> Vec<Value> {
    machines.push(extra);
    machines
}

fn host(name: &str, os: &str, key: &str, updates: &[&str], site: Option<&str>) -> Value {
    let mut h = json!({ "name": name, "os": os, "host_key": key, "updates": updates });
    if let Some(s) = site {
        h["site"] = json!(s);
    }
    h
}

fn kms_hq() -> Value {
    host(
        "kms-hq",
        "windows-server-2022/standard",
        "windows-server-2022",
        &[],
        Some("hq"),
    )
}

fn plan_of(machines: Vec<Value>, hosts: Vec<Value>) -> Plan {
    plan(
        &fleet(json!({
            "program": "enterprise-agreement",
            "domains": [{ "name": "corp.example", "forest_schema": "windows-server-2016" }],
            "machines": machines,
            "kms_hosts": hosts,
        })),
        at(),
    )
}

fn kinds(m: &MachinePlan) -> Vec<&'static str> {
    m.reasons().iter().map(Reason::kind).collect()
}

// ---------------------------------------------------------------------------------------
// Every method.

#[test]
fn adba_for_a_domain_member_at_a_2012_or_later_schema() {
    let p = plan_of(
        with(
            hq_pcs(),
            json!({ "name": "joined", "sku": "windows-11/enterprise", "channel": "volume-gvlk",
                     "hardware": "physical", "domain": "corp.example", "site": "hq" }),
        ),
        vec![kms_hq()],
    );
    let m = p.machine("joined").unwrap();
    assert_eq!(m.method(), RecommendedMethod::Adba);
    assert_eq!(
        m.reasons(),
        &[Reason::AdbaEligible {
            domain: "corp.example".into(),
            forest_schema: Release::WindowsServer2016
        }
        .clone()][..]
    );
    assert!(m.reasons()[0].moves_off_kms());
    assert_eq!(m.reasons()[0].source().id(), "S-ADBA");
}

#[test]
fn adba_denied_falls_back_to_kms_with_the_denial() {
    // Windows 7 predates ADBA: the domain member uses KMS.
    let p = plan_of(
        with(
            hq_pcs(),
            json!({ "name": "w7", "sku": "windows-7/enterprise", "channel": "volume-gvlk",
                     "hardware": "physical", "domain": "corp.example", "site": "hq" }),
        ),
        vec![kms_hq()],
    );
    let m = p.machine("w7").unwrap();
    assert_eq!(m.method(), RecommendedMethod::Kms);
    assert!(matches!(
        m.reasons()[0],
        Reason::AdbaDenied {
            denial: AdbaDenial::ProductNotSupported { .. }
        }
    ));
    assert_eq!(kinds(m), ["adba-denied", "kms-covered"]);
}

#[test]
fn avma_for_a_vm_on_a_datacenter_hyperv_host() {
    let machines = with(
        with(
            hq_pcs(),
            json!({ "name": "hv", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "physical", "site": "hq" }),
        ),
        json!({ "name": "vm", "sku": "windows-server-2019/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "hv", "site": "hq" }),
    );
    let p = plan_of(machines, vec![kms_hq()]);
    let m = p.machine("vm").unwrap();
    assert_eq!(m.method(), RecommendedMethod::Avma);
    assert!(kinds(m).contains(&"avma-eligible"));
    assert_eq!(m.needs_key_change(), Some(Channel::Avma));
    // The Datacenter host itself is a KMS client.
    assert_eq!(p.machine("hv").unwrap().method(), RecommendedMethod::Kms);
}

#[test]
fn avma_denied_on_a_standard_host_leaves_the_vm_on_kms_preferred() {
    let machines = with(
        with(
            hq_pcs(),
            json!({ "name": "hv", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "physical", "site": "hq" }),
        ),
        json!({ "name": "vm", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "hv", "site": "hq" }),
    );
    let p = plan_of(machines, vec![kms_hq()]);
    let m = p.machine("vm").unwrap();
    assert_eq!(m.method(), RecommendedMethod::Kms);
    assert!(matches!(
        m.reasons()[1],
        Reason::AvmaDenied {
            denial: AvmaDenial::HostNotDatacenter { .. },
            ..
        }
    ));
    assert_eq!(
        kinds(m),
        [
            "adba-denied",
            "avma-denied",
            "kms-covered",
            "virtual-machine-kms-preferred"
        ]
    );
    assert_eq!(
        Reason::VirtualMachineKmsPreferred.source(),
        faq_advice_for_virtual_machines().source()
    );
}

#[test]
fn kms_when_a_host_covers_and_the_threshold_is_reached() {
    let p = plan_of(hq_pcs(), vec![kms_hq()]);
    assert_eq!(p.count(RecommendedMethod::Kms), 60);
    let m = p.machine("pc-000").unwrap();
    assert_eq!(m.kms_host(), Some("kms-hq"));
    assert_eq!(
        m.reasons().last(),
        Some(&Reason::KmsCovered {
            host: "kms-hq".into(),
            threshold_reached: at()
        })
    );
    let h = p.kms_host("kms-hq").unwrap();
    let pr = h.projection(ProductClass::WindowsClient).unwrap();
    assert_eq!((pr.machines(), pr.count(), pr.threshold()), (60, 50, 25));
    assert_eq!(pr.reached_on(), Some(at()));
    assert_eq!(h.covered(), 60);
}

#[test]
fn mak_proxy_below_50_pcs_and_independent_above() {
    // 10 PCs: the FAQ's "fewer than 50 PCs: MAK with VAMT".
    let small = many(
        "pc",
        10,
        json!({ "sku": "windows-10/enterprise", "channel": "volume-gvlk", "hardware": "physical", "site": "hq" }),
    );
    let p = plan_of(small, vec![kms_hq()]);
    let m = p.machine("pc-000").unwrap();
    assert_eq!(m.method(), RecommendedMethod::MakProxy);
    assert!(m.reasons().contains(&Reason::FewerThan50Pcs { pcs: 10 }));
    assert_eq!(
        Reason::FewerThan50Pcs { pcs: 10 }.source(),
        faq_advice_for_pc_count(10).unwrap().source()
    );
    // 60 PCs and no host: independent MAK.
    let p = plan_of(hq_pcs(), vec![]);
    assert_eq!(p.count(RecommendedMethod::MakIndependent), 60);
}

#[test]
fn outside_volume_activation_for_retail_oem_and_evaluation() {
    for channel in ["retail", "oem-dm", "oem-slp", "timebased-eval"] {
        let p = plan_of(
            with(
                hq_pcs(),
                json!({ "name": "x", "sku": "windows-11/pro", "channel": channel, "hardware": "physical", "site": "hq" }),
            ),
            vec![kms_hq()],
        );
        let m = p.machine("x").unwrap();
        assert_eq!(
            m.method(),
            RecommendedMethod::OutsideVolumeActivation,
            "{channel}"
        );
        assert_eq!(kinds(m), ["not-volume-channel"]);
        assert_eq!(m.needs_key_change(), None);
    }
}

// ---------------------------------------------------------------------------------------
// Every reason a machine is moved off KMS.

/// The reason kinds that take a machine off KMS, each produced below.
const OFF_KMS: &[&str] = &[
    "adba-eligible",
    "avma-eligible",
    "not-volume-channel",
    "fewer-than-50-pcs",
    "no-kms-host",
    "no-kms-host-at-site",
    "kms-denied",
    "threshold-not-reached",
];

#[test]
fn no_kms_host_for_the_application() {
    // The only host is an Office host: Windows clients have no KMS host.
    let office_host = host(
        "kms-office",
        "windows-server-2022/standard",
        "office-ltsc-2021",
        &[],
        None,
    );
    let p = plan_of(hq_pcs(), vec![office_host]);
    let m = p.machine("pc-000").unwrap();
    assert_eq!(m.method(), RecommendedMethod::MakIndependent);
    assert_eq!(kinds(m), ["adba-denied", "no-kms-host", "no-mak-key"]);
    let p = plan_of(hq_pcs(), vec![]);
    assert!(
        p.machine("pc-000")
            .unwrap()
            .reasons()
            .contains(&Reason::NoKmsHost)
    );
}

#[test]
fn sites_without_a_kms_host_are_grouped_case_insensitively_in_first_seen_order() {
    // Many sites of one machine each (the shape that made the grouping quadratic), one site
    // spelled two ways, and machines without a site.
    let mut machines: Vec<Value> = (0..500)
        .map(|i| {
            json!({ "name": format!("pc-{i}"), "sku": "windows-10/enterprise", "channel": "volume-gvlk",
                    "hardware": "physical", "site": format!("site-{}", 499 - i) })
        })
        .collect();
    machines.push(json!({ "name": "x-1", "sku": "windows-10/enterprise", "channel": "volume-gvlk", "hardware": "physical", "site": "SITE-7" }));
    machines.push(json!({ "name": "x-2", "sku": "windows-10/enterprise", "channel": "volume-gvlk", "hardware": "physical" }));
    machines.push(json!({ "name": "x-3", "sku": "windows-10/enterprise", "channel": "volume-gvlk", "hardware": "physical" }));
    let branch = host(
        "kms-branch",
        "windows-server-2022/standard",
        "windows-server-2022",
        &[],
        Some("branch"),
    );
    let p = plan_of(machines, vec![branch]);
    let switches: Vec<(Option<String>, u32)> = p
        .actions()
        .iter()
        .filter_map(|a| match a {
            Action::SwitchSiteToMak { site, machines } => Some((site.clone(), *machines)),
            _ => None,
        })
        .collect();
    let mut expected: Vec<(Option<String>, u32)> = (0..500)
        .map(|i| {
            let site = 499 - i;
            (Some(format!("site-{site}")), if site == 7 { 2 } else { 1 })
        })
        .collect();
    expected.push((None, 2));
    assert_eq!(switches, expected);
}

#[test]
fn no_kms_host_at_the_site() {
    let branch = host(
        "kms-branch",
        "windows-server-2022/standard",
        "windows-server-2022",
        &[],
        Some("branch"),
    );
    let p = plan_of(hq_pcs(), vec![branch]);
    let m = p.machine("pc-000").unwrap();
    assert!(m.reasons().contains(&Reason::NoKmsHostAtSite {
        site: Some("hq".into())
    }));
    assert!(m.method().is_mak());
    assert!(p.actions().contains(&Action::SwitchSiteToMak {
        site: Some("hq".into()),
        machines: 60
    }));
    // A host without a site serves every site.
    let anywhere = host(
        "kms",
        "windows-server-2022/standard",
        "windows-server-2022",
        &[],
        None,
    );
    assert_eq!(
        plan_of(hq_pcs(), vec![anywhere]).count(RecommendedMethod::Kms),
        60
    );
}

/// Plans `client` (plus 60 Windows 10 PCs) against one host and returns the client's denial.
fn denial_for(client: &str, os: &str, key: &str, updates: &[&str]) -> (Plan, Denial) {
    let machines = with(
        hq_pcs(),
        json!({ "name": "c", "sku": client, "channel": "volume-gvlk", "hardware": "physical", "site": "hq" }),
    );
    let p = plan_of(machines, vec![host("h", os, key, updates, Some("hq"))]);
    let m = p.machine("c").unwrap();
    assert!(m.method().is_mak(), "{client} on {key}: {:?}", m.reasons());
    let d = m
        .reasons()
        .iter()
        .find_map(|r| match r {
            Reason::KmsDenied { host, denial } => {
                assert_eq!(host, "h");
                Some(*denial)
            }
            _ => None,
        })
        .unwrap();
    (p, d)
}

#[test]
fn kms_denied_update_missing_with_the_kb_to_install() {
    let (p, d) = denial_for(
        "windows-server-2019/standard",
        "windows-server-2016/standard",
        "windows-server-2019",
        &[],
    );
    let Denial::UpdateMissing { kb, .. } = d else {
        panic!("{d:?}")
    };
    assert_eq!(kb, Kb::new(4_478_877).unwrap());
    let u = &p.kms_host("h").unwrap().uncovered();
    assert_eq!(u.iter().map(|u| u.machines()).sum::<u32>(), 61);
    assert_eq!(u[0].fix(), Some(HostFix::InstallUpdate { kb }));
    assert!(p.actions().iter().any(|a| matches!(
        a,
        Action::InstallUpdate { host, kb: k, machines: 61, then_reached: true, .. }
            if host == "h" && *k == kb
    )));
}

#[test]
fn kms_denied_key_does_not_cover_with_the_host_key_to_buy() {
    let (p, d) = denial_for(
        "windows-server-2025/standard",
        "windows-server-2022/standard",
        "windows-server-2022",
        &[],
    );
    assert!(matches!(d, Denial::KeyDoesNotCover { .. }), "{d:?}");
    let u = p.kms_host("h").unwrap().uncovered();
    assert_eq!(u.len(), 1);
    assert_eq!(
        u[0].fix(),
        Some(HostFix::InstallHostKey {
            key: KmsHostKey::WindowsServer2025,
            kb: Some(Kb::new(5_034_765).unwrap())
        })
    );
    assert_eq!(d.hresult(), Some(0xC004_F042));
}

#[test]
fn kms_denied_coverage_undocumented() {
    // Microsoft lists Windows 11 only under the 2022 and 2025 host keys.
    let (p, d) = denial_for(
        "windows-11/enterprise",
        "windows-server-2019/standard",
        "windows-server-2019",
        &[],
    );
    assert!(matches!(d, Denial::CoverageUndocumented { .. }), "{d:?}");
    let fix = p.kms_host("h").unwrap().uncovered()[0].fix();
    assert!(
        matches!(fix, Some(HostFix::InstallHostKey { key, .. }) if key == KmsHostKey::WindowsServer2025 || key == KmsHostKey::WindowsServer2022),
        "{fix:?}"
    );
}

#[test]
fn kms_denied_client_os_host_cannot_activate_servers() {
    let (p, d) = denial_for(
        "windows-server-2019/standard",
        "windows-10/enterprise",
        "windows-10",
        &[],
    );
    assert!(
        matches!(d, Denial::ClientHostCannotActivateServer { .. }),
        "{d:?}"
    );
    // Nothing to install fixes that.
    assert_eq!(p.kms_host("h").unwrap().uncovered()[0].fix(), None);
}

#[test]
fn kms_denied_host_os_undocumented_is_also_a_fleet_warning() {
    let (p, d) = denial_for(
        "windows-10/enterprise",
        "windows-server-2016/standard",
        "windows-server-2025",
        &[],
    );
    assert!(matches!(d, Denial::HostOsUndocumented { .. }), "{d:?}");
    assert_eq!(p.problems().len(), 1);
    assert_eq!(p.problems()[0].severity(), Severity::Warning);
    assert_eq!(p.problems()[0].field(), "host_key");
}

#[test]
fn threshold_not_reached_moves_clients_to_mak() {
    // 60 PCs, but only 10 at the site the host serves.
    let mut machines = many(
        "far",
        50,
        json!({ "sku": "windows-10/enterprise", "channel": "volume-gvlk", "hardware": "physical", "site": "far" }),
    );
    machines.extend(many(
        "near",
        10,
        json!({ "sku": "windows-10/enterprise", "channel": "volume-gvlk", "hardware": "physical", "site": "near" }),
    ));
    let near = host(
        "kms-near",
        "windows-server-2022/standard",
        "windows-server-2022",
        &[],
        Some("near"),
    );
    let p = plan_of(machines, vec![near]);
    let m = p.machine("near-000").unwrap();
    assert!(m.reasons().contains(&Reason::ThresholdNotReached {
        host: "kms-near".into(),
        count: 10,
        threshold: 25
    }));
    // A site of 10 PCs: MAK with VAMT.
    assert_eq!(m.method(), RecommendedMethod::MakProxy);
    assert_eq!(m.method().mak_method(), Some(MakActivationMethod::Proxy));
    assert!(m.reasons().contains(&Reason::SiteFewerThan50Pcs {
        site: Some("near".into()),
        pcs: 10
    }));
    assert_eq!(
        kinds(m),
        [
            "adba-denied",
            "threshold-not-reached",
            "site-fewer-than-50-pcs",
            "no-mak-key"
        ]
    );
    assert_eq!(m.kms_host(), None);
    let pr = p
        .kms_host("kms-near")
        .unwrap()
        .projection(ProductClass::WindowsClient)
        .unwrap();
    assert_eq!(pr.reached_on(), None);
    assert!(p.actions().contains(&Action::AddKmsClients {
        host: "kms-near".into(),
        class: ProductClass::WindowsClient,
        count: 10,
        threshold: 25,
        machines: 10
    }));
}

#[test]
fn servers_count_with_clients_but_not_with_clients_moved_off() {
    // 3 servers + 30 clients: servers reach 5 with the clients' help.
    let mut machines = hq_pcs();
    machines.truncate(30);
    machines.extend(many(
        "srv",
        3,
        json!({ "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "physical", "site": "hq" }),
    ));
    machines.extend(many(
        "pad",
        50,
        json!({ "sku": "windows-11/pro", "channel": "retail", "hardware": "physical", "site": "hq" }),
    ));
    let p = plan_of(machines.clone(), vec![kms_hq()]);
    assert_eq!(
        p.machine("srv-000").unwrap().method(),
        RecommendedMethod::Kms
    );
    // With 10 clients only, clients never reach 25, stop calling, and 3 servers stay below 5.
    machines.drain(10..30);
    let p = plan_of(machines, vec![kms_hq()]);
    let s = p.machine("srv-000").unwrap();
    assert!(s.reasons().contains(&Reason::ThresholdNotReached {
        host: "kms-hq".into(),
        count: 3,
        threshold: 5
    }));
}

#[test]
fn every_reason_off_kms_is_distinct_and_produced() {
    let mut seen = std::collections::BTreeSet::new();
    let mut note = |p: &Plan| {
        for m in p.machines() {
            for r in m.reasons() {
                if r.moves_off_kms() {
                    seen.insert(r.kind());
                }
            }
        }
    };
    note(&plan_of(
        with(
            hq_pcs(),
            json!({ "name": "j", "sku": "windows-11/enterprise", "channel": "volume-gvlk", "hardware": "physical", "domain": "corp.example", "site": "hq" }),
        ),
        vec![],
    ));
    note(&plan_of(
        with(
            with(
                hq_pcs(),
                json!({ "name": "hv", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "physical" }),
            ),
            json!({ "name": "vm", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "hv" }),
        ),
        vec![],
    ));
    note(&plan_of(
        with(
            hq_pcs(),
            json!({ "name": "r", "sku": "windows-11/pro", "channel": "retail", "hardware": "physical" }),
        ),
        vec![],
    ));
    note(&plan_of(hq_pcs()[..5].to_vec(), vec![]));
    note(&plan_of(hq_pcs(), vec![]));
    note(&plan_of(
        hq_pcs(),
        vec![host(
            "b",
            "windows-server-2022/standard",
            "windows-server-2022",
            &[],
            Some("b"),
        )],
    ));
    note(
        &denial_for(
            "windows-server-2025/standard",
            "windows-server-2022/standard",
            "windows-server-2022",
            &[],
        )
        .0,
    );
    let mut few = hq_pcs();
    for m in few.iter_mut().skip(10) {
        m["site"] = json!("elsewhere");
    }
    note(&plan_of(few, vec![kms_hq()]));
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), {
        let mut v = OFF_KMS.to_vec();
        v.sort_unstable();
        v
    });
}

// ---------------------------------------------------------------------------------------
// Rollout, risks, MAK accounting.

#[test]
fn rollout_dates_the_threshold_and_early_clients_are_at_risk() {
    let mut machines = hq_pcs();
    machines.truncate(30);
    // Retail PCs count as PCs: 50 in all, so the FAQ's small-fleet advice does not apply.
    machines.extend(many(
        "pad",
        20,
        json!({ "sku": "windows-11/pro", "channel": "retail", "hardware": "physical", "site": "hq" }),
    ));
    let late: Vec<String> = (10..30).map(|i| format!("pc-{i:03}")).collect();
    let wave = Utc.with_ymd_and_hms(2027, 1, 11, 8, 0, 0).unwrap();
    let f = fleet(json!({
        "program": "enterprise-agreement",
        "machines": machines,
        "kms_hosts": [kms_hq()],
        "rollout": [{ "date": wave, "machines": late }],
    }));
    let p = plan(&f, at());
    let pr = p
        .kms_host("kms-hq")
        .unwrap()
        .projection(ProductClass::WindowsClient)
        .unwrap();
    assert_eq!(pr.reached_on(), Some(wave));
    // 10 clients online from 2026-12-01 wait past their 30-day grace.
    assert_eq!(p.risks().len(), 10);
    let r = &p.risks()[0];
    assert_eq!(r.cause(), RiskCause::ThresholdAfterGrace);
    assert_eq!(
        r.notification_at(),
        Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap()
    );
    assert!(p.actions().iter().any(|a| matches!(
        a,
        Action::ThresholdAfterGrace { machines: 10, reached_on, .. } if *reached_on == wave
    )));
    // A shorter horizon sees no risk.
    assert!(plan_with_horizon(&f, at(), 29).risks().is_empty());
}

#[test]
fn interleaved_waves_of_two_hosts_date_each_threshold_from_its_own_arrivals() {
    // Ten waves: odd ones bring a server to site a, even ones to site b. Each host sees only
    // its own waves' arrivals; the others must not change its count or its date.
    let day = |d: u32| Utc.with_ymd_and_hms(2027, 1, d, 8, 0, 0).unwrap();
    let mut machines = many(
        "pad",
        50,
        json!({ "sku": "windows-11/pro", "channel": "retail", "hardware": "physical", "site": "c" }),
    );
    let mut waves = Vec::new();
    for w in 1..=10u32 {
        let (site, name) = if w % 2 == 1 {
            ("a", format!("sa-{w}"))
        } else {
            ("b", format!("sb-{w}"))
        };
        // Site b gets only four servers (wave 10 brings none): below the threshold of 5.
        if w == 10 {
            waves.push(json!({ "date": day(w), "machines": ["pad-000"] }));
            continue;
        }
        machines.push(json!({ "name": name, "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "physical", "site": site }));
        waves.push(json!({ "date": day(w), "machines": [name] }));
    }
    let kms = |name: &str, site: &str| {
        host(
            name,
            "windows-server-2022/standard",
            "windows-server-2022",
            &[],
            Some(site),
        )
    };
    let f = fleet(json!({
        "program": "enterprise-agreement",
        "machines": machines,
        "kms_hosts": [kms("kms-a", "a"), kms("kms-b", "b")],
        "rollout": waves,
    }));
    let p = plan(&f, at());
    let a = p
        .kms_host("kms-a")
        .unwrap()
        .projection(ProductClass::WindowsServer)
        .unwrap();
    assert_eq!(
        (a.machines(), a.count(), a.reached_on()),
        (5, 5, Some(day(9)))
    );
    let b = p
        .kms_host("kms-b")
        .unwrap()
        .projection(ProductClass::WindowsServer)
        .unwrap();
    assert_eq!((b.machines(), b.count(), b.reached_on()), (4, 4, None));
    assert_eq!(p.machine("sa-1").unwrap().method(), RecommendedMethod::Kms);
    assert!(p.machine("sb-2").unwrap().method().is_mak());
}

#[test]
fn mak_accounting_counts_reimages_and_already_activated_machines() {
    let f = fleet(json!({
        "program": "open-license",
        "machines": [
            { "name": "a", "sku": "windows-11/pro", "channel": "volume-mak", "hardware": "physical", "reimages": 2 },
            { "name": "b", "sku": "windows-11/pro", "channel": "volume-mak", "hardware": "physical", "activated": true, "reimages": 1 },
            { "name": "c", "sku": "windows-11/pro", "channel": "volume-mak", "hardware": "physical", "activated": true },
            { "name": "d", "sku": "windows-10/pro", "channel": "volume-mak", "hardware": "physical" }
        ],
        "mak_keys": [{ "name": "pro", "partial_key": "4B7QD", "products": ["windows-11/pro"], "activations_remaining": 3 }]
    }));
    let p = plan(&f, at());
    let k = &p.mak_keys()[0];
    // a: 1 + 2, b: 1 reimage, c: nothing.
    assert_eq!(
        (k.machines(), k.reimages(), k.balance().needed()),
        (3, 3, 4)
    );
    assert_eq!(k.balance().shortfall(), 1);
    assert!(p.actions().contains(&Action::RequestMakActivations {
        key: "pro".into(),
        shortfall: 1
    }));
    assert_eq!(p.missing_mak().len(), 1);
    assert_eq!(p.missing_mak()[0].sku().to_string(), "windows-10/pro");
    assert!(
        p.machine("d")
            .unwrap()
            .reasons()
            .contains(&Reason::NoMakKey)
    );
    // The machine that overflows the key is at risk (not yet activated); d has no key.
    let causes: Vec<_> = p.risks().iter().map(|r| (r.machine(), r.cause())).collect();
    assert!(causes.contains(&("d", RiskCause::NoMakKey)), "{causes:?}");
}

// ---------------------------------------------------------------------------------------
// The bundled fleet.

const BUNDLED: &str = include_str!("../examples/data/fleet.json");

fn bundled() -> (Fleet, Plan) {
    let f = Fleet::from_json(BUNDLED).unwrap();
    let p = plan(&f, at());
    (f, p)
}

#[test]
fn every_bundled_machine_has_a_reason() {
    let (_, p) = bundled();
    for m in p.machines() {
        assert!(
            !m.reasons().is_empty(),
            "{} ({:?}) has no reason",
            m.name(),
            m.method()
        );
    }
}

#[test]
fn bundled_fleet_key_numbers() {
    let (f, p) = bundled();
    assert_eq!(p.machines().len(), f.machines().len());
    assert_eq!(p.machines().len(), 375);
    let counts: Vec<(RecommendedMethod, u32)> = RecommendedMethod::VARIANTS
        .iter()
        .map(|&m| (m, p.count(m)))
        .collect();
    assert_eq!(
        counts,
        [
            (RecommendedMethod::Adba, 262),
            (RecommendedMethod::Avma, 16),
            (RecommendedMethod::Kms, 66),
            (RecommendedMethod::MakIndependent, 10),
            (RecommendedMethod::MakProxy, 19),
            (RecommendedMethod::OutsideVolumeActivation, 2),
        ]
    );
    let hq = p.kms_host("kms-hq").unwrap();
    let client = hq.projection(ProductClass::WindowsClient).unwrap();
    assert_eq!((client.machines(), client.count()), (40, 46));
    assert_eq!(
        client.reached_on(),
        Some(Utc.with_ymd_and_hms(2027, 1, 11, 8, 0, 0).unwrap())
    );
    let lyon = p.kms_host("kms-lyon").unwrap();
    assert!(lyon.projections().is_empty());
    assert_eq!(
        lyon.uncovered()
            .iter()
            .map(Uncovered::machines)
            .sum::<u32>(),
        19
    );
    // Windows 11 on the 2019 key is undocumented (Microsoft lists Windows 11 only under the
    // 2022 and 2025 keys), so its fix is a 2022 key, not the update the 2019 key needs; the
    // Windows Server 2019 client only needs that update.
    let fix_of = |sku: &str| {
        let sku: Sku = sku.parse().unwrap();
        lyon.uncovered()
            .iter()
            .find(|u| u.sku() == sku)
            .map(|u| (u.machines(), u.fix()))
            .unwrap()
    };
    assert_eq!(
        fix_of("windows-11/pro"),
        (
            18,
            Some(HostFix::InstallHostKey {
                key: KmsHostKey::WindowsServer2022,
                kb: Some(Kb::new(5_003_638).unwrap())
            })
        )
    );
    assert_eq!(
        fix_of("windows-server-2019/standard"),
        (
            1,
            Some(HostFix::InstallUpdate {
                kb: Kb::new(4_478_877).unwrap()
            })
        )
    );
    let pro = p
        .mak_keys()
        .iter()
        .find(|k| k.name() == "Windows 10/11 Pro MAK")
        .unwrap();
    assert_eq!(
        (
            pro.balance().needed(),
            pro.balance().remaining(),
            pro.balance().shortfall()
        ),
        (22, 20, 2)
    );
    assert_eq!(p.risks().len(), 22);
    let order: Vec<_> = p
        .risks()
        .iter()
        .map(|r| (r.notification_at(), r.machine()))
        .collect();
    assert!(order.is_sorted(), "{order:?}");
    assert_eq!(p.actions().len(), 11);
    assert!(p.actions().contains(&Action::AddAdbaActivationObject {
        domain: "corp.example".into(),
        key: KmsHostKey::OfficeLtsc2024,
        machines: 60
    }));
    assert!(p.problems().is_empty());
}

#[test]
fn bundled_plan_round_trips_through_json() {
    let (_, p) = bundled();
    let text = serde_json::to_string(&p).unwrap();
    let back: Plan = serde_json::from_str(&text).unwrap();
    assert_eq!(back, p);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["machines"][0]["method"], "adba");
    assert_eq!(v["machines"][0]["reasons"][0]["reason"], "adba-eligible");
    assert_eq!(v["actions"][0]["action"], "install-host-key");
}

#[test]
fn report_sections_in_order() {
    let (_, p) = bundled();
    let text = p.to_string();
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(
        headings,
        [
            "Volume activation plan at 2026-12-01 00:00 UTC (Enterprise Agreement, 375 machines, 291 PCs)",
            "Summary",
            "KMS hosts",
            "Machines per method",
            "MAKs",
            "Risks (notification within 90 days)",
            "Actions",
            "Problems",
        ]
    );
    assert!(text.contains("  1. obtain the \"Volume License for Windows Server 2025\" host key from the vlsc and install it on kms host \"kms-hq\""));
    assert!(text.contains("obtain the \"Volume License for Windows Server 2022\" host key from the vlsc and install it on kms host \"kms-lyon\" after KB5003638: 18 machines wait for it"));
    assert!(text.contains("install KB4478877 (or a later cumulative update) on kms host \"kms-lyon\": 1 machine waits for it"));
    // Each host's machines it cannot activate, with the fix in each of its forms.
    for line in [
        "      6 x windows-server-2025/standard: the windows-server-2022 host key does not activate windows-server-2025/standard (newer-server-needs-newer-key) (0xC004F042); fix: host key windows-server-2025\n",
        "      18 x windows-11/pro: undocumented whether the windows-server-2019 host key activates windows-11/pro; fix: host key windows-server-2022 after KB5003638\n",
        "      1 x windows-server-2019/standard: a kms host on windows-server-2016/standard needs update KB4478877 or KB5003638 before it activates windows-server-2019 (0xC004F050); fix: install KB4478877\n",
    ] {
        assert!(text.contains(line), "{line}");
    }
}

#[test]
fn fleet_warnings_are_carried_into_the_plan() {
    let f = fleet(json!({
        "program": "enterprise-agreement",
        "machines": [
            { "name": "hv", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "virtual" },
            { "name": "vm", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "hv" }
        ],
        "rollout": [{ "date": "2027-01-01T00:00:00Z", "machines": [] }]
    }));
    let p = plan(&f, at());
    assert_eq!(p.problems(), f.problems());
    assert_eq!(p.problems().len(), 2);
    assert!(
        p.to_string()
            .contains("warning: machine \"vm\" field \"hyperv_host\"")
    );
}

#[test]
fn plan_types_are_send_sync_clone_debug() {
    fn ok<T: Send + Sync + Clone + std::fmt::Debug>() {}
    ok::<Plan>();
    ok::<MachinePlan>();
    ok::<HostPlan>();
    ok::<ClassProjection>();
    ok::<Uncovered>();
    ok::<HostFix>();
    ok::<MakPlan>();
    ok::<MissingMak>();
    ok::<Risk>();
    ok::<RiskCause>();
    ok::<Action>();
    ok::<Reason>();
    ok::<RecommendedMethod>();
    ok::<ProductClass>();
}

#[test]
fn method_and_class_ids_round_trip() {
    for m in RecommendedMethod::VARIANTS {
        assert_eq!(m.to_string().parse::<RecommendedMethod>().unwrap(), *m);
        let j = serde_json::to_string(m).unwrap();
        assert_eq!(serde_json::from_str::<RecommendedMethod>(&j).unwrap(), *m);
    }
    for c in ProductClass::VARIANTS {
        assert_eq!(c.to_string().parse::<ProductClass>().unwrap(), *c);
        assert_eq!(c.threshold(), family_threshold(c.family()));
    }
    assert_eq!(
        "kms-host"
            .parse::<RecommendedMethod>()
            .unwrap_err()
            .to_string(),
        "unknown recommended method \"kms-host\": expected one of adba, avma, kms, mak-independent, mak-proxy, outside-volume-activation"
    );
}

#[test]
fn readme_shows_the_real_report() {
    let readme = include_str!("../README.md");
    let section = readme.split("## Planning a fleet").nth(1).unwrap();
    let block = section
        .split("```text\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let (_, p) = bundled();
    let report = p.to_string();
    let mut shown = 0;
    for line in block
        .lines()
        .filter(|l| !l.contains("(one row per method and product)"))
    {
        assert!(
            report.lines().any(|r| r == line),
            "stale README line: {line:?}"
        );
        shown += 1;
    }
    assert!(shown > 40);
}

#[test]
fn an_installed_avma_key_is_tried_before_adba() {
    let machines = with(
        with(
            hq_pcs(),
            json!({ "name": "hv", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "physical", "site": "hq", "activated": true }),
        ),
        json!({ "name": "vm", "sku": "windows-server-2022/standard", "channel": "avma", "hardware": "virtual", "hyperv_host": "hv", "domain": "corp.example", "site": "hq" }),
    );
    let p = plan_of(machines, vec![kms_hq()]);
    let m = p.machine("vm").unwrap();
    assert_eq!(m.method(), RecommendedMethod::Avma);
    assert_eq!(kinds(m), ["avma-eligible"]);
    assert_eq!(m.needs_key_change(), None);
}

#[test]
fn avma_on_a_host_not_marked_activated_says_the_host_must_be_activated() {
    let machines = with(
        with(
            hq_pcs(),
            json!({ "name": "hv", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "physical", "site": "hq" }),
        ),
        json!({ "name": "vm", "sku": "windows-server-2022/standard", "channel": "avma", "hardware": "virtual", "hyperv_host": "hv", "site": "hq" }),
    );
    let p = plan_of(machines, vec![kms_hq()]);
    let m = p.machine("vm").unwrap();
    assert_eq!(m.method(), RecommendedMethod::Avma);
    assert_eq!(kinds(m), ["avma-eligible", "avma-host-not-activated"]);
    let r = m.reasons().get(1).unwrap();
    assert_eq!(
        r.to_string(),
        "hyper-v host \"hv\" is not marked activated: avma activates guests only while the host is activated"
    );
    assert_eq!(r.source().id(), "S-AVMA");
    assert!(!r.moves_off_kms());
}

#[test]
fn a_virtual_hyperv_host_is_never_an_avma_host() {
    // Nested: a Datacenter VM (on a physical host) hosting a guest; and a cycle of two VMs.
    let machines = with(
        with(
            with(
                with(
                    with(
                        hq_pcs(),
                        json!({ "name": "hv", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "physical", "site": "hq", "activated": true }),
                    ),
                    json!({ "name": "nested", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "hv", "site": "hq", "activated": true }),
                ),
                json!({ "name": "guest", "sku": "windows-server-2022/standard", "channel": "avma", "hardware": "virtual", "hyperv_host": "nested", "site": "hq" }),
            ),
            json!({ "name": "vm-a", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "vm-b", "site": "hq", "activated": true }),
        ),
        json!({ "name": "vm-b", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "virtual", "hyperv_host": "vm-a", "site": "hq", "activated": true }),
    );
    let p = plan_of(machines, vec![kms_hq()]);
    // The nested host itself is a guest of a physical Datacenter host: AVMA applies to it.
    assert_eq!(
        p.machine("nested").unwrap().method(),
        RecommendedMethod::Avma
    );
    for (name, host) in [("guest", "nested"), ("vm-a", "vm-b"), ("vm-b", "vm-a")] {
        let m = p.machine(name).unwrap();
        assert_ne!(m.method(), RecommendedMethod::Avma, "{name}");
        let r = m
            .reasons()
            .iter()
            .find(|r| r.kind() == "avma-host-virtual")
            .unwrap_or_else(|| panic!("{name}: {:?}", kinds(m)));
        assert_eq!(
            r.to_string(),
            format!(
                "no avma on \"{host}\": it is itself a virtual machine, and avma needs a datacenter hyper-v host (the virtualization server)"
            )
        );
        assert_eq!(r.source().id(), "S-AVMA");
        assert!(!r.moves_off_kms());
    }
}

#[test]
fn office_adba_needs_the_windows_release() {
    let office = |name: &str, os: Option<&str>| {
        let mut m = json!({ "name": name, "sku": "office-ltsc-2024/professional-plus", "channel": "volume-gvlk",
                             "hardware": "physical", "domain": "corp.example", "site": "hq" });
        if let Some(os) = os {
            m["os"] = json!(os);
        }
        m
    };
    let machines = with(
        with(
            with(hq_pcs(), office("on-11", Some("windows-11"))),
            office("unknown-os", None),
        ),
        office("on-7", Some("windows-7")),
    );
    let p = plan_of(machines, vec![]);
    assert_eq!(
        p.machine("on-11").unwrap().method(),
        RecommendedMethod::Adba
    );
    let u = p.machine("unknown-os").unwrap();
    assert_eq!(u.reasons()[0], Reason::OfficeOsNotGiven);
    assert!(!u.reasons()[0].moves_off_kms());
    let w7 = p.machine("on-7").unwrap();
    assert!(matches!(
        w7.reasons()[0],
        Reason::AdbaDenied {
            denial: AdbaDenial::OsNotSupported { .. }
        }
    ));
}

#[test]
fn hosts_list_what_they_activate() {
    let (_, p) = bundled();
    let hq = p.kms_host("kms-hq").unwrap();
    let covers: Vec<(String, u32)> = hq
        .covers()
        .iter()
        .map(|c| (c.sku().to_string(), c.machines()))
        .collect();
    assert_eq!(
        covers,
        [
            ("windows-10/enterprise".to_owned(), 32),
            ("windows-7/enterprise".to_owned(), 8),
            ("windows-server-2019/standard".to_owned(), 4),
            ("windows-server-2008-r2/enterprise".to_owned(), 2),
        ]
    );
    assert_eq!(hq.covered(), 46);
    assert_eq!(
        p.machines()
            .iter()
            .filter(|m| m.kms_host() == Some("kms-hq"))
            .count(),
        46
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const SKUS: &[&str] = &[
        "windows-11/enterprise",
        "windows-11/pro",
        "windows-10/enterprise",
        "windows-7/enterprise",
        "windows-server-2022/standard",
        "windows-server-2022/datacenter",
        "windows-server-2019/standard",
        "windows-server-2025/standard",
        "office-ltsc-2021/professional-plus",
        "office-2016/standard",
    ];
    /// AVMA is drawn only for Windows Server virtual machines (others get volume-gvlk).
    const CHANNELS: &[&str] = &["volume-gvlk", "volume-mak", "retail", "avma"];

    fn machine() -> impl Strategy<Value = (usize, usize, bool, bool, u8, u32)> {
        (
            0..SKUS.len(),
            0..CHANNELS.len(),
            any::<bool>(),
            any::<bool>(),
            0u8..3,
            0u32..3,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any fleet the reader accepts plans without panicking, keeps every machine, and is
        /// consistent: KMS machines name a host whose threshold is reached, MAK balances add up.
        #[test]
        fn plans_are_total_and_consistent(ms in proptest::collection::vec(machine(), 0..120)) {
            let machines: Vec<Value> = ms
                .iter()
                .enumerate()
                .map(|(i, &(sku, ch, virt, joined, site, reimages))| {
                    let server = SKUS[sku].starts_with("windows-server");
                    let channel = match CHANNELS[ch] {
                        "avma" if !(server && virt && i > 0) => "volume-gvlk",
                        c => c,
                    };
                    let mut m = json!({
                        "name": format!("m-{i}"),
                        "sku": SKUS[sku],
                        "channel": channel,
                        "hardware": if virt && i > 0 { "virtual" } else { "physical" },
                        "site": format!("s{site}"),
                        "reimages": reimages,
                    });
                    if virt && i > 0 {
                        m["hyperv_host"] = json!("m-0");
                    }
                    if joined {
                        m["domain"] = json!("corp.example");
                    }
                    m
                })
                .collect();
            let text = json!({
                "program": "enterprise-agreement",
                "domains": [{ "name": "corp.example", "forest_schema": "windows-server-2012" }],
                "machines": machines,
                "kms_hosts": [
                    host("k0", "windows-server-2022/standard", "windows-server-2022", &[], Some("s0")),
                    host("k1", "windows-server-2016/standard", "windows-server-2019", &[], None),
                    host("k2", "windows-server-2022/standard", "office-ltsc-2021", &[], None),
                ],
                "mak_keys": [{ "name": "pro", "products": ["windows-11/pro"], "activations_remaining": 7 }],
            })
            .to_string();
            let f = Fleet::from_json(&text).unwrap();
            let p = plan(&f, at());
            prop_assert_eq!(p.machines().len(), f.machines().len());
            for (m, fm) in p.machines().iter().zip(f.machines()) {
                prop_assert_eq!(m.name(), fm.name());
                prop_assert!(!m.reasons().is_empty(), "{} ({:?}) has no reason", m.name(), m.method());
                if m.method() == RecommendedMethod::Kms {
                    let h = p.kms_host(m.kms_host().unwrap()).unwrap();
                    let pr = h.projection(ProductClass::of(m.sku().family())).unwrap();
                    prop_assert!(pr.reached_on().is_some());
                }
            }
            let total: u32 = RecommendedMethod::VARIANTS.iter().map(|&m| p.count(m)).sum();
            prop_assert_eq!(total as usize, p.machines().len());
            // Risks earliest first, then by machine name.
            for w in p.risks().windows(2) {
                prop_assert!(
                    (w[0].notification_at(), w[0].machine()) <= (w[1].notification_at(), w[1].machine()),
                    "{:?}", w
                );
            }
            for k in p.mak_keys() {
                let b = k.balance();
                prop_assert_eq!(b.shortfall() + b.remaining().min(b.needed()), b.needed());
            }
            let _ = p.to_string();
            let back: Plan = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
            prop_assert_eq!(back, p);
        }
    }
}

#[test]
fn adba_needs_a_host_key_that_covers_the_product() {
    // No host key table names Windows IoT Enterprise LTSC: no activation object can be made.
    let p = plan_of(
        with(
            hq_pcs(),
            json!({ "name": "iot", "sku": "windows-11-ltsc-2024/iot-enterprise-ltsc", "channel": "volume-gvlk",
                     "hardware": "physical", "domain": "corp.example", "site": "hq" }),
        ),
        vec![kms_hq()],
    );
    let m = p.machine("iot").unwrap();
    assert_eq!(kinds(m)[0], "adba-no-host-key");
    assert!(kinds(m).contains(&"kms-denied"));
    assert!(m.method().is_mak());
    assert!(
        !p.actions()
            .iter()
            .any(|a| matches!(a, Action::AddAdbaActivationObject { .. }))
    );
}
