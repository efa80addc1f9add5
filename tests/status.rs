//! Fleet status from captures: the bundled example fleet, bad input, machines from captures,
//! projection at exact boundaries, KMS hosts in the fleet, and JSON.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use volume_activation::catalog::{Channel, Sku};
use volume_activation::lifecycle::{LicenseStatus, Lifecycle, Observation};
use volume_activation::plan::{
    CaptureInput, Cause, CollectionTime, FleetStatus, StatusOptions, fleet_status,
};
use volume_activation::rules::oot_grace;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 14, 9, 0, 0).unwrap()
}

#[cfg(feature = "serde")]
fn bundled() -> FleetStatus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/captures");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_str().unwrap().to_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    let inputs = files.iter().map(|(l, b)| {
        let i = CaptureInput::new(l, b);
        if l.ends_with(".json") || l.ends_with(".ospp.txt") {
            i.collected_at(t0())
        } else {
            i
        }
    });
    let now = Utc.with_ymd_and_hms(2026, 5, 15, 0, 0, 0).unwrap();
    fleet_status(
        inputs,
        &StatusOptions::new(now)
            .horizon_days(30)
            .local_offset_minutes(0),
    )
}

/// (machine, product index, now, at horizon, notification date, cause)
#[cfg(feature = "serde")]
type Row = (
    &'static str,
    usize,
    Option<LicenseStatus>,
    Option<LicenseStatus>,
    Option<&'static str>,
    Option<Cause>,
);

#[cfg(feature = "serde")]
fn day(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

// JSON captures need the serde feature.
#[cfg(feature = "serde")]
#[test]
fn the_bundled_fleet_names_every_machines_state_date_and_cause() {
    let s = bundled();
    use LicenseStatus::*;
    // (machine, product index, now, at horizon, notification date, cause)
    let want: &[Row] = &[
        ("kms01", 0, Some(Licensed), Some(Licensed), None, None),
        ("kms01", 1, Some(Licensed), Some(Licensed), None, None),
        ("kms02", 0, Some(Licensed), Some(Licensed), None, None),
        (
            "pc-001",
            0,
            Some(Licensed),
            Some(Licensed),
            Some("2026-12-04T09:00:00Z"),
            None,
        ),
        (
            "pc-002",
            0,
            Some(OobGrace),
            Some(Notification),
            Some("2026-05-21T09:00:00Z"),
            Some(Cause::KmsHostBelowThreshold),
        ),
        (
            "pc-003",
            0,
            Some(Notification),
            Some(Notification),
            None,
            Some(Cause::NoKmsHost),
        ),
        ("pc-004", 0, Some(Licensed), Some(Licensed), None, None),
        (
            "pc-004",
            1,
            Some(Notification),
            Some(Notification),
            Some("2026-05-14T09:00:00Z"),
            Some(Cause::NoKmsHost),
        ),
        (
            "pc-005",
            0,
            Some(Licensed),
            Some(Licensed),
            Some("2026-12-08T09:00:00Z"),
            None,
        ),
        (
            "pc-006",
            0,
            Some(Licensed),
            Some(Licensed),
            Some("2026-12-10T09:00:00Z"),
            None,
        ),
        ("pc-006", 1, Some(Licensed), Some(Licensed), None, None),
        (
            "pc-007",
            0,
            None,
            None,
            None,
            Some(Cause::KmsRenewalFailing),
        ),
        (
            "srv-db01",
            0,
            Some(Licensed),
            Some(OotGrace),
            Some("2026-06-23T09:00:00Z"),
            Some(Cause::KmsRenewalFailing),
        ),
        (
            "srv-web01",
            0,
            Some(Licensed),
            Some(Unlicensed),
            Some("2026-06-03T09:00:00Z"),
            Some(Cause::EvaluationEnding),
        ),
        (
            "srv-app01",
            0,
            Some(OobGrace),
            Some(Notification),
            Some("2026-05-16T09:00:00Z"),
            Some(Cause::MakNotActivated),
        ),
    ];
    let products: usize = s.machines.iter().map(|m| m.products.len()).sum();
    assert_eq!(products, want.len());
    for &(name, i, now, horizon, date, cause) in want {
        let m = s
            .machines
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        let p = &m.products[i];
        assert_eq!(p.now, now, "{name} {i}");
        assert_eq!(p.at_horizon, horizon, "{name} {i}");
        assert_eq!(p.notification_at, date.map(day), "{name} {i}");
        assert_eq!(p.cause, cause, "{name} {i}");
        assert_eq!(p.fix.is_some(), cause.is_some(), "{name} {i}");
        assert!(!m.sources.is_empty(), "{name}");
        // The text report names every machine with its states.
        let text = s.to_string();
        assert!(text.contains(&format!("  {name} (from ")), "{name}");
    }
    // The unreadable capture is named with its reason; the rest is reported.
    assert_eq!(s.unreadable.len(), 1);
    assert_eq!(s.unreadable[0].source, "broken.txt");
    assert!(
        s.unreadable[0]
            .reason
            .starts_with("not output of a tool the crate reads")
    );
    // pc-005: the newer capture wins, the older is noted.
    let pc5 = s.machines.iter().find(|m| m.name == "pc-005").unwrap();
    assert_eq!(pc5.sources, ["pc-005.2026-05-14.txt"]);
    assert_eq!(
        pc5.superseded,
        ["pc-005.2026-04-20.txt (Windows): replaced by the newer pc-005.2026-05-14.txt"]
    );
    // pc-006: two Windows editions.
    let pc6 = s.machines.iter().find(|m| m.name == "pc-006").unwrap();
    assert!(pc6.contradictory);
    assert!(s.machines.iter().filter(|m| m.contradictory).count() == 1);
    // pc-004 is two captures.
    let pc4 = s.machines.iter().find(|m| m.name == "pc-004").unwrap();
    assert_eq!(pc4.sources.len(), 2);
    // Upcoming, by date, unknown last.
    let up: Vec<(&str, Option<DateTime<Utc>>)> = s
        .upcoming
        .iter()
        .map(|u| (u.machine.as_str(), u.at))
        .collect();
    assert_eq!(
        up,
        [
            ("pc-004", Some(day("2026-05-14T09:00:00Z"))),
            ("srv-app01", Some(day("2026-05-16T09:00:00Z"))),
            ("pc-002", Some(day("2026-05-21T09:00:00Z"))),
            ("srv-web01", Some(day("2026-06-03T09:00:00Z"))),
            ("pc-003", None),
        ]
    );
    // KMS hosts: kms01 Windows (30, met), kms01 Office 2016, kms02 (3, not met for clients).
    let h: Vec<(&str, Option<u32>, usize, usize)> = s
        .kms_hosts
        .iter()
        .map(|h| {
            (
                h.machine.as_str(),
                h.current_count,
                h.clients,
                h.clients_not_licensed,
            )
        })
        .collect();
    assert_eq!(
        h,
        [
            ("kms01", Some(30), 3, 0),
            ("kms01", Some(12), 0, 0),
            ("kms02", Some(3), 1, 1)
        ]
    );
    assert_eq!(
        s.kms_hosts[1].host_key,
        Some(volume_activation::KmsHostKey::Office2016)
    );
    assert_eq!(s.kms_hosts[2].thresholds[0].met, Some(false));
    // Actions ranked by machines affected.
    let a: Vec<(Cause, usize)> = s
        .actions
        .iter()
        .map(|a| (a.cause, a.machines.len()))
        .collect();
    assert_eq!(
        a,
        [
            (Cause::NoKmsHost, 2),
            (Cause::KmsRenewalFailing, 2),
            (Cause::KmsHostBelowThreshold, 1),
            (Cause::MakNotActivated, 1),
            (Cause::EvaluationEnding, 1),
        ]
    );
    assert_eq!(s.actions[0].fix.code.as_deref(), Some("0xC004F074"));
    assert!(s.actions.iter().all(|a| !a.fix.sources.is_empty()));
}

fn one(text: &str, collected: Option<DateTime<Utc>>, now: DateTime<Utc>) -> FleetStatus {
    let mut i = CaptureInput::new("m.txt", text.as_bytes());
    if let Some(t) = collected {
        i = i.collected_at(t);
    }
    fleet_status([i], &StatusOptions::new(now).horizon_days(0))
}

const GRACE: &str = "Software licensing service version: 10.0.26100.1\n\nName: Windows(R), Enterprise edition\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Initial grace period\nTime remaining: 1440 minute(s) (1 day(s))\n";
const KMS: &str = "Software licensing service version: 10.0.26100.1\n\nName: Windows(R), Enterprise edition\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Licensed\nVolume activation expiration: 1440 minute(s) (1 day(s))\n";

#[test]
fn grace_ends_in_notification_at_the_exact_minute() {
    let end = t0() + TimeDelta::minutes(1440);
    let before = one(GRACE, Some(t0()), end - TimeDelta::minutes(1));
    assert_eq!(
        before.machines[0].products[0].now,
        Some(LicenseStatus::OobGrace)
    );
    let at = one(GRACE, Some(t0()), end);
    let p = &at.machines[0].products[0];
    assert_eq!(p.now, Some(LicenseStatus::Notification));
    assert_eq!(p.notification_at, Some(end));
    assert_eq!(p.period_ends, Some(end));
    assert_eq!(p.cause, Some(Cause::NoKmsHost));
}

#[test]
fn a_kms_activation_lapses_to_oot_grace_then_notification() {
    let sku: Sku = "windows-11/enterprise".parse().unwrap();
    let expires = t0() + TimeDelta::minutes(1440);
    let oot = oot_grace(sku.release()).duration();
    let cases = [
        (expires - TimeDelta::minutes(1), LicenseStatus::Licensed),
        (expires, LicenseStatus::OotGrace),
        (
            expires + oot - TimeDelta::minutes(1),
            LicenseStatus::OotGrace,
        ),
        (expires + oot, LicenseStatus::Notification),
    ];
    for (now, want) in cases {
        let s = one(KMS, Some(t0()), now);
        let p = &s.machines[0].products[0];
        assert_eq!(p.now, Some(want), "{now}");
        assert_eq!(p.notification_at, Some(expires + oot));
        // Licensed through the horizon (here: now) is no risk.
        let cause = (want != LicenseStatus::Licensed).then_some(Cause::KmsRenewalFailing);
        assert_eq!(p.cause, cause, "{now}");
    }
    // The same from the lifecycle directly.
    let lc = Lifecycle::observed(
        sku,
        Channel::VolumeGvlk,
        &Observation::new(LicenseStatus::Licensed).remaining_minutes(1440),
        t0(),
    )
    .unwrap();
    assert_eq!(lc.state_at(expires).status(), LicenseStatus::OotGrace);
    assert_eq!(
        lc.state_at(expires + oot).status(),
        LicenseStatus::Notification
    );
}

#[test]
fn observed_needs_a_remaining_time_for_a_period_that_ends() {
    let sku: Sku = "windows-11/enterprise".parse().unwrap();
    let e = Lifecycle::observed(
        sku,
        Channel::VolumeGvlk,
        &Observation::new(LicenseStatus::OobGrace),
        t0(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid observation \"oob-grace\": expected a remaining time for a grace period"
    );
    let e = Lifecycle::observed(
        sku,
        Channel::Retail,
        &Observation::new(LicenseStatus::Licensed),
        t0(),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("a licensed product on a channel the lifecycle models"),
        "{e}"
    );
    // A MAK activation has no end; notification stays; non-genuine grace ends in notification.
    let mak = Lifecycle::observed(
        sku,
        Channel::VolumeMak,
        &Observation::new(LicenseStatus::Licensed),
        t0(),
    )
    .unwrap();
    assert_eq!(mak.next_transition(t0()), None);
    let n = Lifecycle::observed(
        sku,
        Channel::VolumeGvlk,
        &Observation::new(LicenseStatus::Notification).reason(0xC004_F009),
        t0(),
    )
    .unwrap();
    assert_eq!(n.state_at(t0()).status(), LicenseStatus::Notification);
    assert_eq!(n.state_at(t0()).reason(), Some(0xC004_F009));
    let ng = Lifecycle::observed(
        sku,
        Channel::VolumeGvlk,
        &Observation::new(LicenseStatus::NonGenuineGrace).remaining_minutes(60),
        t0(),
    )
    .unwrap();
    let t = ng.next_transition(t0()).unwrap();
    assert_eq!(
        (t.at(), t.to()),
        (t0() + TimeDelta::minutes(60), LicenseStatus::Notification)
    );
    assert_eq!(ng.state_at(t.at()).reason(), Some(0xC004_F064));
}

#[test]
fn an_unknown_collection_time_is_an_explicit_state() {
    let s = one(KMS, None, t0());
    let p = &s.machines[0].products[0];
    assert_eq!(p.collected, CollectionTime::Unknown);
    assert_eq!((p.now, p.at_horizon, p.notification_at), (None, None, None));
    assert!(
        p.notes
            .iter()
            .any(|n| n.contains("collection time is unknown"))
    );
    // A product with no end keeps its state whatever the time.
    let mak = "Name: Windows(R), Enterprise edition\nDescription: Windows(R) Operating System, VOLUME_MAK channel\nLicense Status: Licensed\n";
    let s = one(mak, None, t0());
    assert_eq!(s.machines[0].products[0].now, Some(LicenseStatus::Licensed));
    assert_eq!(s.machines[0].products[0].cause, None);
    // The file's modification time is used only when nothing better is known.
    let i = CaptureInput::new("m.txt", KMS.as_bytes()).modified_at(t0());
    let s = fleet_status([i], &StatusOptions::new(t0()));
    assert_eq!(
        s.machines[0].products[0].collected,
        CollectionTime::FileModified { at: t0() }
    );
}

#[test]
fn the_capture_trusted_time_needs_an_offset_when_printed_local() {
    let text = format!("{KMS}Trusted time: 5/14/2026 11:00:00 AM\n");
    let s = fleet_status(
        [CaptureInput::new("m.txt", text.as_bytes())],
        &StatusOptions::new(t0()),
    );
    assert_eq!(s.machines[0].products[0].collected, CollectionTime::Unknown);
    let opts = StatusOptions::new(t0()).local_offset_minutes(120);
    let s = fleet_status([CaptureInput::new("m.txt", text.as_bytes())], &opts);
    assert_eq!(
        s.machines[0].products[0].collected,
        CollectionTime::Capture { at: t0() }
    );
}

#[test]
fn captures_of_one_machine_newer_wins_in_either_order() {
    let old = format!("{GRACE}Trusted time: 4/30/2026 9:00:00 AM\n");
    let new = format!("{KMS}Trusted time: 5/14/2026 9:00:00 AM\n");
    let opts = StatusOptions::new(t0()).local_offset_minutes(0);
    for order in [
        [("pc.a.txt", &old), ("pc.b.txt", &new)],
        [("pc.b.txt", &new), ("pc.a.txt", &old)],
    ] {
        let inputs = order.map(|(l, t)| CaptureInput::new(l, t.as_bytes()));
        let s = fleet_status(inputs, &opts);
        assert_eq!(s.machines.len(), 1);
        let m = &s.machines[0];
        assert_eq!(m.name, "pc");
        assert_eq!(m.sources, ["pc.b.txt"]);
        assert_eq!(
            m.superseded,
            ["pc.a.txt (Windows): replaced by the newer pc.b.txt"]
        );
        assert_eq!(m.products[0].captured, Some(LicenseStatus::Licensed));
    }
}

// JSON captures need the serde feature.
#[cfg(feature = "serde")]
#[test]
fn one_json_document_holds_many_machines_named_by_ps_computer_name() {
    let json = r#"[
      {"PSComputerName":"A1","Name":"Windows(R), Enterprise edition","Description":"Windows(R) Operating System, VOLUME_MAK channel","LicenseStatus":1,"GracePeriodRemaining":0},
      {"PSComputerName":"b2","Name":"Windows(R), Enterprise edition","Description":"Windows(R) Operating System, VOLUME_MAK channel","LicenseStatus":2,"GracePeriodRemaining":600},
      {"PSComputerName":"a1","Version":"10.0.26100.1"}
    ]"#;
    let s = fleet_status(
        [CaptureInput::new("all.json", json.as_bytes()).collected_at(t0())],
        &StatusOptions::new(t0()).horizon_days(1),
    );
    let names: Vec<&str> = s.machines.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["A1", "b2"]);
    assert_eq!(
        s.machines[0].products[0]
            .identification
            .sku()
            .map(|s| s.to_string())
            .as_deref(),
        Some("windows-11/enterprise")
    );
    assert_eq!(
        s.machines[1].products[0].cause,
        Some(Cause::MakNotActivated)
    );
    assert!(s.machines.iter().all(|m| m.sources == ["all.json"]));
}

#[test]
fn unreadable_captures_are_named_and_the_rest_is_reported() {
    let inputs = [
        CaptureInput::new("empty.txt", b""),
        CaptureInput::new("bad.json", b"[1, 2")
            .format(volume_activation::inventory::CaptureFormat::WmiJson),
        CaptureInput::new("ok.txt", GRACE.as_bytes()).collected_at(t0()),
    ];
    let s = fleet_status(inputs, &StatusOptions::new(t0()));
    assert_eq!(s.machines.len(), 1);
    let u: Vec<&str> = s.unreadable.iter().map(|u| u.source.as_str()).collect();
    assert_eq!(u, ["empty.txt", "bad.json"]);
    assert!(!s.unreadable[1].reason.is_empty());
}

#[test]
fn a_kms_host_below_or_at_the_threshold() {
    let host = |n: u32| {
        format!(
            "Software licensing service version: 10.0.20348.1\n\nName: Windows(R), ServerStandard edition\nDescription: Windows(R) Operating System, VOLUME_KMS_2012-R2_WIN10 channel\nProduct Key Channel: Volume:CSVLK\nLicense Status: Licensed\n\nKey Management Service is enabled on this machine\n    Current count: {n}\n"
        )
    };
    let client = format!(
        "{GRACE}\nKey Management Service client information\n    Registered KMS machine name: KMS9.corp.example:1688\n"
    );
    for (n, cause) in [(24, Cause::KmsHostBelowThreshold), (25, Cause::NoKmsHost)] {
        let h = host(n);
        let inputs = [
            CaptureInput::new("kms9.txt", h.as_bytes()).collected_at(t0()),
            CaptureInput::new("pc.txt", client.as_bytes()).collected_at(t0()),
        ];
        let s = fleet_status(inputs, &StatusOptions::new(t0()));
        let p = &s.machines[1].products[0];
        assert_eq!(p.kms_host.as_deref(), Some("KMS9.corp.example"));
        assert_eq!(p.cause, Some(cause), "count {n}");
        assert_eq!(s.kms_hosts[0].clients, 1);
        assert_eq!(s.kms_hosts[0].thresholds[0].met, Some(n >= 25));
    }
}

#[test]
fn the_host_key_cause_needs_a_no_from_the_rules_or_the_clients_own_code() {
    // The Office LTSC 2021 host key and an Office 2016 client: Microsoft is silent on whether a
    // newer Office version's key activates an older Office, so the crate does not call it the
    // wrong key unless the client itself reports 0xC004F042.
    let host = |id: &str| {
        format!(
            "Name: Office, OfficeKMSHostVL_KMS_Host edition\nActivation ID: {id}\nLicense Status: Licensed\n\nKey Management Service is enabled on this machine\n    Current count: 10\n"
        )
    };
    let client = |name: &str, description: &str, reason: &str| {
        format!(
            "Name: {name}\nDescription: {description}, VOLUME_KMSCLIENT channel\nLicense Status: Notification\n{reason}\nKey Management Service client information\n    KMS machine name from DNS: okms:1688\n"
        )
    };
    let ltsc_2021_host = "47F3B983-7C53-4D45-ABC6-BCD91E2DD90A";
    let office_2016_host = "98EBFE73-2084-4C97-932C-C0CD1643BEA7";
    let pro_plus_2016 = (
        "Office Professional Plus 2016",
        "Office 16",
        "office-2016/professional-plus",
    );
    let ltsc_2021 = (
        "Office LTSC Professional Plus 2021",
        "Office 21",
        "office-ltsc-2021/professional-plus",
    );
    for (host_id, (name, description, sku), reason, cause) in [
        // Undocumented (newer key, older Office): no cause from the rules.
        (ltsc_2021_host, pro_plus_2016, "", Cause::NoKmsHost),
        // ... but the client's own 0xC004F042 says it.
        (
            ltsc_2021_host,
            pro_plus_2016,
            "Notification Reason: 0xC004F042.\n",
            Cause::WrongHostKey,
        ),
        // An older Office version's key never activates a newer Office (one key per version,
        // derived no): the wrong key, even without the client's code.
        (office_2016_host, ltsc_2021, "", Cause::WrongHostKey),
    ] {
        let h = host(host_id);
        let c = client(name, description, reason);
        let s = fleet_status(
            [
                CaptureInput::new("okms.txt", h.as_bytes()).collected_at(t0()),
                CaptureInput::new("pc.txt", c.as_bytes()).collected_at(t0()),
            ],
            &StatusOptions::new(t0()),
        );
        let p = &s.machines[1].products[0];
        assert_eq!(
            p.identification.sku().map(|s| s.to_string()).as_deref(),
            Some(sku)
        );
        assert_eq!(s.kms_hosts[0].clients, 1);
        assert_eq!(p.cause, Some(cause), "{host_id} {sku} {reason}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn the_report_round_trips_through_json_with_stable_names() {
    let s = bundled();
    let json = serde_json::to_string(&s).unwrap();
    let back: FleetStatus = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for key in [
        "now",
        "horizon",
        "machines",
        "unreadable",
        "totals_now",
        "totals_at_horizon",
        "by_cause",
        "upcoming",
        "kms_hosts",
        "actions",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let p = &v["machines"][3]["products"][0];
    for key in [
        "name",
        "identification",
        "channel",
        "captured",
        "collected",
        "now",
        "at_horizon",
        "notification_at",
        "cause",
        "fix",
    ] {
        assert!(p.get(key).is_some(), "{key}");
    }
    assert_eq!(p["collected"]["kind"], "capture");
    // No full product key anywhere.
    assert!(!json.contains("NPPR9-FWDCX-D2C8J-H872K-2YT43"));
}

// The bundled fleet holds JSON captures.
#[cfg(feature = "serde")]
#[test]
fn the_captured_fleet_becomes_a_fleet_for_plan_and_says_what_is_missing() {
    use volume_activation::catalog::AgreementProgram;
    use volume_activation::plan::{Hardware, plan};
    let s = bundled();
    let draft = s
        .to_fleet(AgreementProgram::EnterpriseAgreement, Hardware::Virtual)
        .unwrap();
    let names: Vec<&str> = draft.fleet.machines().iter().map(|m| m.name()).collect();
    // pc-003, pc-007, srv-web01, srv-app01 and kms02 are not identified to one SKU.
    assert_eq!(
        names,
        [
            "kms01", "pc-001", "pc-002", "pc-004", "pc-005", "pc-006", "srv-db01"
        ]
    );
    let hosts: Vec<(&str, String)> = draft
        .fleet
        .kms_hosts()
        .iter()
        .map(|h| (h.name(), h.host_key().to_string()))
        .collect();
    assert_eq!(hosts, [("kms01", "office-2016".to_owned())]);
    for want in [
        "pc-003: left out: the Windows SKU or channel is not known (ambiguous: 5 SKUs fit (windows-7/pro, windows-8/pro, windows-8.1/pro, windows-10/pro, windows-11/pro) from edition name)",
        "pc-001: hardware not in the capture; assumed virtual",
        "pc-001: domain not in the capture",
        "pc-004: left out: Office 16, Office16ProPlusVL_KMS_Client edition (a fleet machine has one SKU; Office is not described)",
        "kms01: KMS host not described: its host key group is not printed in a form Microsoft documents",
    ] {
        assert!(
            draft.missing.iter().any(|m| m == want),
            "{want}\n{:#?}",
            draft.missing
        );
    }
    assert!(draft.fleet.machine("pc-001").unwrap().is_activated());
    assert!(!draft.fleet.machine("pc-002").unwrap().is_activated());
    let p = plan(&draft.fleet, t0());
    assert_eq!(p.machines().len(), names.len());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any bytes: no panic, and every capture is accounted for, either as a source of a
        /// machine (or superseded there) or as unreadable.
        #[test]
        fn every_capture_is_a_source_or_unreadable(
            texts in proptest::collection::vec(
                prop_oneof![
                    Just(GRACE.to_owned()),
                    Just(KMS.to_owned()),
                    "[ -~\n]{0,200}",
                    Just("{\"PSComputerName\":\"x\",\"LicenseStatus\":5}".to_owned()),
                ],
                1..6,
            ),
            hours in 0i64..10_000,
        ) {
            let labels: Vec<String> = (0..texts.len()).map(|i| format!("m{i}.txt")).collect();
            let inputs = texts.iter().zip(&labels).map(|(t, l)| CaptureInput::new(l, t.as_bytes()).collected_at(t0()));
            let s = fleet_status(inputs, &StatusOptions::new(t0() + TimeDelta::hours(hours)));
            for l in &labels {
                let used = s.machines.iter().any(|m| m.sources.contains(l) || m.superseded.iter().any(|x| x.starts_with(l.as_str())));
                let bad = s.unreadable.iter().any(|u| &u.source == l);
                prop_assert!(used || bad, "{l}");
            }
            // Totals count every product once.
            let products: usize = s.machines.iter().map(|m| m.products.len()).sum();
            prop_assert_eq!(s.totals_now.iter().map(|t| t.products).sum::<usize>(), products);
            let _ = s.to_string();
        }
    }
}
