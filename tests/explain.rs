//! Explaining captures: every fixture state, the host-key advice, the count rules, time,
//! format detection, and that explain never panics.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use std::path::{Path, PathBuf};
use strum::IntoEnumIterator;
use strum::VariantArray;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use volume_activation::inventory::{
    CaptureFormat, ExplainOptions, FindingKind, ParseOptions, ProductDiagnosis,
};
use volume_activation::rules::host_key_coverage;
use volume_activation::{Capture, KmsHost, KmsHostKey, Sku, explain, parse_capture};

/// The formats with a folder of Microsoft's output that this build reads: the JSON formats
/// need the `serde` feature; third-party look-alikes are no Microsoft tool (their fixtures are
/// in `real-input/`, class 7).
fn readable(format: CaptureFormat) -> bool {
    format != CaptureFormat::LookAlike
        && (cfg!(feature = "serde")
            || !matches!(
                format,
                CaptureFormat::WmiJson | CaptureFormat::OsLicenseJson
            ))
}

fn fixtures() -> Vec<(CaptureFormat, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for format in CaptureFormat::iter().filter(|f| readable(*f)) {
        let mut files: Vec<_> = std::fs::read_dir(root.join(format.as_ref()))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        out.extend(files.into_iter().map(|p| (format, p)));
    }
    out
}

fn fixture(format: CaptureFormat, state: &str) -> Option<Capture> {
    if !readable(format) {
        return None;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format.as_ref());
    let path = ["txt", "json"]
        .iter()
        .map(|e| dir.join(format!("{state}.{e}")))
        .find(|p| p.exists())?;
    let text = std::fs::read_to_string(path).unwrap();
    Some(parse_capture(format, &text, &ParseOptions::new()).unwrap())
}

fn text_of(p: &ProductDiagnosis, kind: FindingKind) -> String {
    p.findings()
        .iter()
        .filter(|f| f.kind() == kind)
        .map(|f| f.text().to_owned())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn sku(s: &str) -> Sku {
    s.parse().unwrap()
}

const STATES: [&str; 7] = [
    "kms-client-licensed",
    "kms-host-count",
    "mak",
    "retail-oem",
    "initial-grace",
    "notification",
    "unlicensed",
];

#[test]
fn every_fixture_state_in_every_format_has_its_key_phrases() {
    let mut checked = 0;
    for format in CaptureFormat::iter() {
        for state in STATES {
            let Some(c) = fixture(format, state) else {
                continue;
            };
            let d = explain(&c, &ExplainOptions::new());
            let p = &d.products()[0];
            let ctx = format!("{format} {state}:\n{d}");
            let st = text_of(p, FindingKind::State);
            let xpr = format == CaptureFormat::SlmgrXpr;
            let office = format == CaptureFormat::OsppDstatus;
            match state {
                "initial-grace" => {
                    assert!(st.contains("initial (out-of-box) grace period"), "{ctx}");
                    let dl = text_of(p, FindingKind::Deadline);
                    if xpr {
                        assert!(
                            dl.contains("ends 2026-06-13T10:16:58 (local time)"),
                            "{ctx}"
                        );
                    } else {
                        assert!(
                            dl.contains("the grace period ends in 43200 minutes"),
                            "{ctx}"
                        );
                    }
                }
                "notification" => {
                    assert!(st.contains("notification mode"), "{ctx}");
                    if !xpr {
                        let e = text_of(p, FindingKind::ErrorCode);
                        assert!(
                            e.starts_with("0xC004F009 (SL_E_GRACE_TIME_EXPIRED)"),
                            "{ctx}"
                        );
                        assert!(e.contains("Cause: ") && e.contains("Resolution: "), "{ctx}");
                    }
                }
                "unlicensed" => assert!(st.starts_with("unlicensed"), "{ctx}"),
                "kms-client-licensed" => {
                    assert!(st.starts_with("licensed: activated"), "{ctx}");
                    let dl = text_of(p, FindingKind::Deadline);
                    if xpr {
                        assert!(dl.contains("2026-11-20T10:16:58 (local time)"), "{ctx}");
                    } else if format != CaptureFormat::SlmgrDli || office {
                        assert!(dl.contains("the KMS activation ends in"), "{ctx}");
                    }
                    if !xpr {
                        assert!(
                            text_of(p, FindingKind::Activation).starts_with("KMS client"),
                            "{ctx}"
                        );
                    }
                }
                "mak" => {
                    if xpr {
                        assert!(st.contains("permanently activated"), "{ctx}");
                    } else {
                        let a = text_of(p, FindingKind::Activation);
                        assert!(a.starts_with("MAK (Multiple Activation Key)"), "{ctx}");
                        assert!(a.contains("no KMS host is involved"), "{ctx}");
                        assert!(text_of(p, FindingKind::KmsClient).is_empty(), "{ctx}");
                    }
                }
                "retail-oem" => {
                    if !xpr {
                        let a = text_of(p, FindingKind::Activation);
                        assert!(
                            a.contains("activates with Microsoft, not with KMS"),
                            "{ctx}"
                        );
                    }
                }
                "kms-host-count" => {
                    if !xpr {
                        let k = text_of(p, FindingKind::KmsCount);
                        assert!(
                            k.contains("current count 50 meets the Windows client threshold of 25"),
                            "{ctx}"
                        );
                        assert!(
                            k.contains("current count 50 meets the Windows Server threshold of 5"),
                            "{ctx}"
                        );
                    }
                }
                _ => unreachable!(),
            }
            checked += 1;
        }
    }
    // Fewer formats without serde (no JSON captures).
    assert!(
        checked >= if cfg!(feature = "serde") { 50 } else { 36 },
        "{checked}"
    );
}

#[test]
fn every_product_of_every_fixture_has_a_state_and_sourced_rules() {
    for (format, path) in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let c = parse_capture(format, &text, &ParseOptions::new()).unwrap();
        let d = explain(&c, &ExplainOptions::new());
        assert_eq!(
            d.products().len(),
            c.records.len() + usize::from(c.partial.is_some())
        );
        for p in d.products() {
            assert!(
                p.finding(FindingKind::State).is_some(),
                "{}",
                path.display()
            );
            for f in p.findings() {
                if matches!(
                    f.kind(),
                    FindingKind::ErrorCode | FindingKind::KmsCount | FindingKind::Activation
                ) {
                    assert!(!f.sources().is_empty(), "{}: {f}", path.display());
                }
            }
        }
        // Display names every product.
        let shown = d.to_string();
        for p in d.products() {
            if let Some(n) = p.name() {
                assert!(shown.contains(n), "{}", path.display());
            }
        }
    }
}

const WS2022_CLIENT: &str = "\
Name: Windows(R), ServerStandard edition
Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel
Partial Product Key: VDYBN
License Status: Initial grace period
Time remaining: 43200 minute(s) (30 day(s))
";

/// The example: a Windows Server 2022 client and a host with a Windows Server 2019
/// key.
#[test]
fn host_key_advice_for_a_newer_server_client() {
    let c = parse_capture(CaptureFormat::SlmgrDli, WS2022_CLIENT, &ParseOptions::new()).unwrap();
    let host = KmsHost::new(
        sku("windows-server-2019/standard"),
        KmsHostKey::WindowsServer2019,
    );
    let host_capture = fixture(CaptureFormat::SlmgrDlv, "kms-host-count").unwrap();
    let options = ExplainOptions::new()
        .host(host)
        .host_capture(host_capture)
        .sku(sku("windows-server-2022/standard"));
    let d = explain(&c, &options);
    let p = &d.products()[0];
    assert_eq!(p.sku(), Some(sku("windows-server-2022/standard")));
    let k = p.finding(FindingKind::KmsClient).unwrap();
    assert!(
        k.text().starts_with(
            "this Windows Server 2022 client cannot be activated by a host with a Windows Server 2019 key: install a Windows Server 2022 or 2025 host key"
        ),
        "{k}"
    );
    assert!(k.text().contains("0xC004F042"), "{k}");
    assert!(
        k.sources()
            .iter()
            .any(|s| s.ends_with("kms-activation-planning"))
    );
    // The advice lists exactly the keys whose coverage is documented or derived.
    let client = sku("windows-server-2022/standard");
    let covering: Vec<KmsHostKey> = KmsHostKey::iter()
        .filter(|&k| host_key_coverage(k, client).is_yes())
        .collect();
    assert_eq!(
        covering,
        [KmsHostKey::WindowsServer2025, KmsHostKey::WindowsServer2022]
    );
}

#[test]
fn undocumented_coverage_is_said_so_and_the_advice_still_derives() {
    let text = "Name: Windows(R), Enterprise edition\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Licensed\n";
    let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new()).unwrap();
    let host = KmsHost::new(
        sku("windows-server-2019/standard"),
        KmsHostKey::WindowsServer2019,
    );
    let d = explain(
        &c,
        &ExplainOptions::new()
            .host(host)
            .sku(sku("windows-11/enterprise")),
    );
    let k = d.products()[0].finding(FindingKind::KmsClient).unwrap();
    assert!(
        k.text().starts_with(
            "Microsoft does not document that a host with a Windows Server 2019 key activates this Windows 11 client: install a Windows Server 2022 or 2025 host key"
        ),
        "{k}"
    );
    assert_eq!(k.confidence(), volume_activation::Confidence::Unverified);
}

#[test]
fn a_covering_host_activates_and_says_the_count() {
    let c = parse_capture(CaptureFormat::SlmgrDli, WS2022_CLIENT, &ParseOptions::new()).unwrap();
    let host = KmsHost::new(
        sku("windows-server-2022/standard"),
        KmsHostKey::WindowsServer2022,
    );
    let options = ExplainOptions::new()
        .host(host)
        .host_capture(fixture(CaptureFormat::WmiList, "kms-host-count").unwrap())
        .sku(sku("windows-server-2022/standard"));
    let d = explain(&c, &options);
    let k = d.products()[0].finding(FindingKind::KmsClient).unwrap();
    assert!(
        k.text().starts_with(
            "a host with a Windows Server 2022 key on Windows Server 2022 Standard activates this Windows Server 2022 client: documented; count 50 meets the threshold 5"
        ),
        "{k}"
    );
}

#[test]
fn a_given_sku_that_contradicts_the_name_is_not_applied() {
    let text = "Name: Windows(R), Professional edition\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Licensed\n";
    let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new()).unwrap();
    let d = explain(&c, &ExplainOptions::new().sku(sku("windows-11/enterprise")));
    assert_eq!(d.products()[0].sku(), None);
    let d = explain(&c, &ExplainOptions::new().sku(sku("windows-11/pro")));
    assert_eq!(d.products()[0].sku(), Some(sku("windows-11/pro")));
}

const LOW_HOST: &str = "\
Name: Windows(R), ServerStandard edition
Description: Windows(R) Operating System, VOLUME_KMS_WS22 channel
License Status: Licensed

Key Management Service is enabled on this machine
    Current count: 7
    Listening on Port: 1688
";

#[test]
fn a_host_below_a_threshold_says_which_classes_wait_and_why() {
    let c = parse_capture(CaptureFormat::SlmgrDlv, LOW_HOST, &ParseOptions::new()).unwrap();
    let d = explain(&c, &ExplainOptions::new());
    let p = &d.products()[0];
    let k = text_of(p, FindingKind::KmsCount);
    assert!(
        k.contains("current count 7 is below the Windows client threshold of 25: Windows client KMS clients stay unactivated (only 7 unique client machine ids contacted the host within the last 30 days; 25 are needed)"),
        "{k}"
    );
    assert!(
        k.contains("current count 7 meets the Windows Server threshold of 5"),
        "{k}"
    );
    assert!(k.contains("possible reason the count is low: machines cloned from an image that was not generalized"), "{k}");
    assert!(
        k.contains("until the first Windows client contacts it"),
        "{k}"
    );
    let line = p.finding(FindingKind::KmsCount).unwrap().line();
    assert_eq!(line, Some(6));

    // A Windows client seen through this host capture.
    let client = "Name: Windows(R), Enterprise edition\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Initial grace period\n";
    let c = parse_capture(CaptureFormat::SlmgrDli, client, &ParseOptions::new()).unwrap();
    let host = parse_capture(CaptureFormat::SlmgrDlv, LOW_HOST, &ParseOptions::new()).unwrap();
    let d = explain(
        &c,
        &ExplainOptions::new()
            .host_capture(host)
            .sku(sku("windows-11/enterprise")),
    );
    let k = text_of(&d.products()[0], FindingKind::KmsClient);
    assert!(
        k.contains("the host capture's count 7 is below 25, so the host does not activate it yet"),
        "{k}"
    );
    assert!(
        d.findings()
            .iter()
            .any(|f| f.text().contains("does not name the host key group")),
        "{d}"
    );
}

#[test]
fn deadline_becomes_an_instant_with_the_time_given() {
    let c = fixture(CaptureFormat::SlmgrDli, "initial-grace").unwrap();
    let now = Utc.with_ymd_and_hms(2026, 5, 14, 10, 0, 0).unwrap();
    let d = explain(&c, &ExplainOptions::new().at(now));
    let dl = d.products()[0].finding(FindingKind::Deadline).unwrap();
    assert_eq!(
        dl.text(),
        "the grace period ends in 43200 minutes (30 days as printed), at 2026-06-13T10:00:00Z (from the time given, 2026-05-14T10:00:00Z)"
    );
    // Without a time, no instant is invented.
    let d = explain(&c, &ExplainOptions::new());
    assert!(
        !d.products()[0]
            .finding(FindingKind::Deadline)
            .unwrap()
            .text()
            .contains(" at ")
    );
}

#[test]
fn unknown_error_codes_are_said_to_be_undocumented() {
    let text = "Name: Windows(R), Enterprise edition\nLicense Status: Notification\nNotification Reason: 0xC0041234.\n";
    let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new()).unwrap();
    let d = explain(&c, &ExplainOptions::new());
    let e = d.products()[0].finding(FindingKind::ErrorCode).unwrap();
    assert!(
        e.text()
            .starts_with("0xC0041234: not in Microsoft's activation error-code tables")
    );
    assert_eq!(e.confidence(), volume_activation::Confidence::Unverified);
    assert_eq!(e.line(), Some(3));
}

#[test]
fn warnings_and_cut_off_records_are_capture_findings() {
    let text = "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\nCurrent count: many\n\nName: Office 16, Office16ProPlusVL_KMS_Client edition\nDescription: Office 16, VOL";
    let c = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new()).unwrap();
    let d = explain(&c, &ExplainOptions::new());
    assert_eq!(d.products().len(), 2);
    assert!(
        d.findings()
            .iter()
            .any(|f| f.kind() == FindingKind::Capture && f.line() == Some(3))
    );
    assert!(
        d.findings()
            .iter()
            .any(|f| f.text().starts_with("the capture is cut off"))
    );
}

#[test]
fn detect_names_every_fixture_format() {
    for (format, path) in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            CaptureFormat::detect(&text),
            Some(format),
            "{}",
            path.display()
        );
    }
    assert_eq!(CaptureFormat::detect(""), None);
    assert_eq!(CaptureFormat::detect("[]"), None);
    assert_eq!(CaptureFormat::detect("Name: x\n"), None);
}

#[cfg(feature = "serde")]
#[test]
fn diagnosis_round_trips_through_json() {
    use volume_activation::inventory::Diagnosis;
    for (format, path) in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let c = parse_capture(format, &text, &ParseOptions::new()).unwrap();
        let d = explain(&c, &ExplainOptions::new().sku(sku("windows-11/enterprise")));
        let json = serde_json::to_string(&d).unwrap();
        let back: Diagnosis = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d, "{}", path.display());
    }
}

fn any_format() -> impl Strategy<Value = CaptureFormat> {
    proptest::sample::select(CaptureFormat::VARIANTS.to_vec())
}

fn any_sku() -> impl Strategy<Value = Sku> {
    proptest::sample::select(Sku::all().collect::<Vec<_>>())
}

fn any_key() -> impl Strategy<Value = KmsHostKey> {
    proptest::sample::select(KmsHostKey::VARIANTS.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// explain never panics on any parsed capture, whatever the options.
    #[test]
    fn explain_never_panics(
        format in any_format(),
        host_format in any_format(),
        text in "(?s)(Name: |License Status: |Current count: |Time remaining: |Description: |VOLUME_KMSCLIENT|Notification Reason: 0x|[ -~\n]){0,40}",
        host_text in "(?s)(Current count: |Key Management Service is enabled on this machine\n|[ -~\n]){0,20}",
        client in any_sku(),
        host_os in any_sku(),
        key in any_key(),
        minutes in any::<i64>(),
    ) {
        if let Ok(c) = parse_capture(format, &text, &ParseOptions::new()) {
            let mut options = ExplainOptions::new()
                .sku(client)
                .host(KmsHost::new(host_os, key))
                .at(Utc.timestamp_opt(minutes.rem_euclid(1 << 40), 0).unwrap());
            if let Ok(h) = parse_capture(host_format, &host_text, &ParseOptions::new()) {
                options = options.host_capture(h);
            }
            let d = explain(&c, &options);
            prop_assert_eq!(d.products().len(), c.records.len() + usize::from(c.partial.is_some()));
            let _ = d.to_string();
        }
    }

    /// explain never panics on the fixtures with any SKU, host and time.
    #[test]
    fn explain_never_panics_on_fixtures(
        index in 0usize..64,
        client in any_sku(),
        host_os in any_sku(),
        key in any_key(),
    ) {
        let all = fixtures();
        let (format, path) = &all[index % all.len()];
        let text = std::fs::read_to_string(path).unwrap();
        let c = parse_capture(*format, &text, &ParseOptions::new()).unwrap();
        let d = explain(&c, &ExplainOptions::new().sku(client).host(KmsHost::new(host_os, key)).at(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()));
        let shown = d.to_string();
        prop_assert!(shown.starts_with(&format!("{} capture: {} product", format.name(), d.products().len())), "{}", shown);
        for p in d.products() {
            let name = p.name().unwrap_or("(no product name)");
            prop_assert!(shown.contains(name), "{}: {}", name, shown);
            prop_assert!(shown.contains(&p.to_string()), "{}", shown);
            for f in p.findings() {
                prop_assert!(shown.contains(f.text()), "{}: {}", f.text(), shown);
            }
        }
        for f in d.findings() {
            prop_assert!(shown.contains(f.text()), "{}: {}", f.text(), shown);
        }
    }
}

#[test]
fn no_deadline_is_invented_for_an_activated_product_without_an_end() {
    for format in [CaptureFormat::WmiList, CaptureFormat::WmiJson]
        .into_iter()
        .filter(|f| readable(*f))
    {
        for state in ["mak", "retail-oem", "kms-host-count"] {
            let c = fixture(format, state).unwrap();
            let d = explain(&c, &ExplainOptions::new());
            assert!(
                d.products()[0].finding(FindingKind::Deadline).is_none(),
                "{format} {state}:\n{d}"
            );
        }
    }
}

#[test]
fn notification_state_names_its_reason() {
    for format in CaptureFormat::iter().filter(|f| *f != CaptureFormat::SlmgrXpr && readable(*f)) {
        let c = fixture(format, "notification").unwrap();
        let d = explain(&c, &ExplainOptions::new());
        let st = d.products()[0].finding(FindingKind::State).unwrap();
        assert!(
            st.text().ends_with(
                "; reason 0xC004F009: The Software Protection Service reported that the grace period expired"
            ),
            "{format}: {st}"
        );
    }
}

#[test]
fn adba_is_mentioned_only_for_a_known_sku_that_supports_it() {
    let text = "Name: Volume product\nDescription: Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Licensed\n";
    let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new()).unwrap();
    let activation = |options: &ExplainOptions| {
        let d = explain(&c, options);
        let p = &d.products()[0];
        (p.sku(), text_of(p, FindingKind::Activation), d.to_string())
    };
    let kms = "KMS client (a KMS client setup key, GVLK, is installed): it activates with a KMS host on the network";
    for (id, adba) in [
        ("windows-7/enterprise", false),
        ("windows-server-2008/standard", false),
        ("windows-server-2008-r2/standard", false),
        ("windows-11/enterprise", true),
        ("windows-server-2022/standard", true),
        ("windows-10/enterprise", true),
        ("office-2010/professional-plus", false),
        ("office-2016/professional-plus", true),
    ] {
        let s = sku(id);
        assert_eq!(
            adba,
            volume_activation::rules::supports_adba(s.release()),
            "{id}"
        );
        let (applied, text, display) = activation(&ExplainOptions::new().sku(s));
        assert_eq!(applied, Some(s), "{id}");
        let want = if adba {
            format!("{kms}, or with Active Directory-based activation")
        } else {
            kms.to_owned()
        };
        assert_eq!(text, want, "{id}");
        assert_eq!(
            display.contains("Active Directory"),
            adba,
            "{id}: {display}"
        );
    }
    // Unknown product: the clause is left out.
    let (applied, text, display) = activation(&ExplainOptions::new());
    assert_eq!(applied, None);
    assert_eq!(text, kms);
    assert!(!display.contains("Active Directory"), "{display}");
}

/// The ADBA clause carries the ADBA rules' own confidence: documented where Microsoft names the
/// release (Windows 11), derived where only "or later" covers it (Windows 10 Enterprise LTSC
/// 2019, Windows Server 2025).
#[test]
fn adba_clause_confidence_follows_the_adba_rules() {
    let text = "Name: Volume product\nDescription: Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Licensed\n";
    let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new()).unwrap();
    for (id, want) in [
        (
            "windows-11/enterprise",
            volume_activation::Confidence::Documented,
        ),
        (
            "windows-10-ltsc-2019/enterprise-ltsc",
            volume_activation::Confidence::Derived,
        ),
        (
            "windows-server-2025/standard",
            volume_activation::Confidence::Derived,
        ),
    ] {
        let d = explain(&c, &ExplainOptions::new().sku(sku(id)));
        let f = d.products()[0]
            .findings()
            .iter()
            .find(|f| f.kind() == FindingKind::Activation)
            .unwrap();
        assert!(
            f.text().contains("Active Directory-based activation"),
            "{id}"
        );
        assert_eq!(f.confidence(), want, "{id}");
    }
}

#[test]
fn explain_identifies_the_sku_from_the_edition_word_and_the_build() {
    let text = "Software licensing service version: 10.0.26100.1\n\nName: Windows(R), ServerStandard edition\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Initial grace period\nTime remaining: 43200 minute(s) (30 day(s))\n";
    let c = parse_capture(CaptureFormat::SlmgrDlv, text, &ParseOptions::new()).unwrap();
    let d = explain(&c, &ExplainOptions::new());
    let p = &d.products()[0];
    assert_eq!(
        p.sku().map(|s| s.to_string()).as_deref(),
        Some("windows-server-2025/standard")
    );
    let f = p.finding(FindingKind::Product).unwrap();
    assert!(f.text().starts_with("Windows Server 2025 Standard (windows-server-2025/standard; identified from edition name, build number)"), "{}", f.text());
    assert!(
        f.sources()
            .iter()
            .any(|s| s.contains("windows-server-release-info"))
    );
    // Without the build, the name alone does not name a SKU.
    let c = parse_capture(
        CaptureFormat::SlmgrDli,
        &text.replace("Software licensing service version: 10.0.26100.1\n\n", ""),
        &ParseOptions::new(),
    )
    .unwrap();
    assert_eq!(
        explain(&c, &ExplainOptions::new()).products()[0].sku(),
        None
    );
}
