//! Real machines' output as people paste it (issue 11): one fixture or more per class in
//! `tests/fixtures/real-input/` (sources in its README), each detected and read.
//!
//! A fixture's name is `<class>-<what>.<format id>.<ext>`.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use std::path::PathBuf;

use volume_activation::catalog::{Channel, Confidence};
use volume_activation::inventory::{
    Capture, CaptureFormat, CommandOutcome, DisplayLanguage, ExpiryKind, ExplainOptions,
    ParseOptions, Remaining, parse_capture,
};
use volume_activation::lifecycle::LicenseStatus;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-input")
}

/// Every fixture: its name, its format (from the name) and its text.
fn fixtures() -> Vec<(String, CaptureFormat, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "README.md" {
            continue;
        }
        let id = name.split('.').nth(1).unwrap();
        let format: CaptureFormat = id.parse().unwrap();
        out.push((name, format, std::fs::read_to_string(&path).unwrap()));
    }
    out.sort();
    assert!(out.len() >= 16);
    out
}

fn read(name: &str) -> Capture {
    let (_, format, text) = fixtures().into_iter().find(|(n, _, _)| n == name).unwrap();
    parse_capture(format, &text, &ParseOptions::new()).unwrap()
}

#[test]
#[cfg_attr(not(feature = "serde"), ignore = "JSON fixtures need serde")]
fn detect_recognises_every_fixture_and_each_parses() {
    for (name, format, text) in fixtures() {
        assert_eq!(CaptureFormat::detect(&text), Some(format), "{name}");
        let c = parse_capture(format, &text, &ParseOptions::new())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            !c.records.is_empty()
                || c.partial.is_some()
                || !c.results.is_empty()
                || (format == CaptureFormat::LookAlike && !c.warnings.is_empty()),
            "{name}"
        );
    }
}

// 1. Localized output.

#[test]
fn german_labels_read_as_english() {
    let c = read("1-localized-de.slmgr-dli.txt");
    let r = &c.records[0];
    assert_eq!(r.status, Some(LicenseStatus::Licensed));
    assert_eq!(
        r.remaining,
        Some(Remaining::Minutes {
            minutes: 243_800,
            days: Some(170)
        })
    );
    assert_eq!(r.expiry_kind, Some(ExpiryKind::TimeBased));
    // The German banner is a banner, not an unread line.
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn german_capture_names_its_language_and_source() {
    let c = read("1-localized-de.slmgr-dli.txt");
    let de = c.display_language().unwrap();
    assert_eq!(de.tag(), "de-DE");
    assert!(
        de.source()
            .contains("https://github.com/MichaelSchoenburg/Check-WindowsLizenz")
    );
    assert_eq!(de.confidence(), Confidence::Unverified);
    // An English capture names none.
    let en = parse_capture(
        CaptureFormat::SlmgrDli,
        "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n",
        &ParseOptions::new(),
    )
    .unwrap();
    assert_eq!(en.display_language(), None);
}

#[test]
fn explain_names_the_display_language_and_its_source() {
    let c = read("1-localized-ja.slmgr-dli.txt");
    let d = volume_activation::inventory::explain(&c, &ExplainOptions::new());
    let f = d
        .findings()
        .iter()
        .find(|f| f.text().contains("display language ja-JP"))
        .unwrap();
    assert_eq!(f.confidence(), Confidence::Documented);
    assert!(
        f.sources()
            .iter()
            .all(|u| u.starts_with("https://jpwinsup.github.io/blog/"))
    );
    assert_eq!(f.sources().len(), 2);
}

#[test]
fn japanese_status_reads_with_either_colon() {
    // Microsoft Japan's support blog: `ライセンスの状態` shows `ライセンスされています`.
    let c = read("1-localized-ja.slmgr-dli.txt");
    // The capture starts at the status line: one record from what it has, flagged partial.
    let r = c.records.first().or(c.partial.as_ref()).unwrap();
    assert_eq!(r.status, Some(LicenseStatus::Licensed));
    assert_eq!(c.display_language().unwrap().tag(), "ja-JP");
    assert_eq!(
        c.display_language().unwrap().confidence(),
        Confidence::Documented
    );
    // The blog does not show the separator: a full-width colon reads the same.
    for line in [
        "ライセンスの状態：ライセンスされています\n",
        "ライセンスの状態： ライセンスされています\n",
        "ライセンスの状態 : ライセンスされています\n",
    ] {
        assert_eq!(
            CaptureFormat::detect(line),
            Some(CaptureFormat::SlmgrDli),
            "{line}"
        );
        let c = parse_capture(CaptureFormat::SlmgrDli, line, &ParseOptions::new()).unwrap();
        let r = c.records.first().or(c.partial.as_ref()).unwrap();
        assert_eq!(r.status, Some(LicenseStatus::Licensed), "{line}");
    }
}

#[test]
fn spanish_status_line_reads() {
    let c = read("1-localized-es.slmgr-dli.txt");
    let r = c.records.first().or(c.partial.as_ref()).unwrap();
    assert_eq!(r.status, Some(LicenseStatus::Licensed));
    assert_eq!(c.display_language().unwrap().tag(), "es-ES");
}

#[test]
fn chinese_and_italian_xpr_sentences_read() {
    let c = read("1-localized-zh.slmgr-xpr.txt");
    assert_eq!(c.records.len(), 2, "{c:?}");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let volume = &c.records[0];
    assert_eq!(volume.status, Some(LicenseStatus::Licensed));
    assert_eq!(volume.expiry_kind, Some(ExpiryKind::Volume));
    // Year first: 2027-02-04, never read as day or month first.
    assert_eq!(
        volume.expires.map(|t| t.to_string()),
        Some("2027-02-04T17:50:22 (local time)".to_owned())
    );
    assert!(c.records[1].permanent);
    assert_eq!(c.records[1].status, Some(LicenseStatus::Licensed));
    let it = read("1-localized-it.slmgr-xpr.txt");
    assert!(it.records[0].permanent);
    assert!(it.warnings.is_empty(), "{:?}", it.warnings);
}

#[test]
fn localized_xpr_sentences_name_their_language() {
    // The sentences come from the zh-CN and it-IT rows: the capture says so, and explain
    // names the language with its source and confidence, as for a localized label.
    for (name, tag, url) in [
        (
            "1-localized-zh.slmgr-xpr.txt",
            "zh-CN",
            "https://github.com/EternalNight996/os-active/",
        ),
        (
            "1-localized-it.slmgr-xpr.txt",
            "it-IT",
            "https://ilsoftware.it/",
        ),
    ] {
        let c = read(name);
        assert_eq!(c.display_language().map(|l| l.tag()), Some(tag), "{name}");
        let d = volume_activation::inventory::explain(&c, &ExplainOptions::new());
        let f = d
            .findings()
            .iter()
            .find(|f| f.text().contains(&format!("display language {tag}")))
            .unwrap_or_else(|| panic!("{name}: {:?}", d.findings()));
        assert_eq!(f.confidence(), Confidence::Unverified, "{name}");
        assert!(f.sources().iter().all(|u| u.starts_with(url)), "{name}");
        assert!(!f.sources().is_empty(), "{name}");
    }
    // English sentences name none.
    let en = parse_capture(
        CaptureFormat::SlmgrXpr,
        "Windows(R), Professional edition:\n    The machine is permanently activated.\n\n",
        &ParseOptions::new(),
    )
    .unwrap();
    assert!(en.records[0].permanent);
    assert_eq!(en.display_language(), None);
}

#[test]
fn chinese_xpr_notification_and_its_failing_sides() {
    // `通知模式` (the zh-CN source's notification marker) reads as Notification.
    let xpr = |line: &str| {
        parse_capture(
            CaptureFormat::SlmgrXpr,
            &format!("Windows(R), Professional edition:\n    {line}\n\n"),
            &ParseOptions::new(),
        )
        .unwrap()
    };
    // Only the marker is sourced (the tool matches it as a substring), not the whole sentence.
    let c = xpr("通知模式");
    assert_eq!(c.records[0].status, Some(LicenseStatus::Notification));
    assert_eq!(c.display_language().map(|l| l.tag()), Some("zh-CN"));
    // A dated sentence whose date is unreadable is a warning, never a date.
    let c = xpr("批量激活将于 明天 过期");
    assert_eq!(c.records[0].expires, None);
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    assert!(c.warnings[0].message.contains("line 2"), "{:?}", c.warnings);
    // Text after the sentence's end is not the sentence: nothing is read from it.
    let c = xpr("批量激活将于 2027/2/4 17:50:22 过期 之后");
    // (A product without its sentence is an incomplete record.)
    assert!(c.records.is_empty(), "{c:?}");
    let r = c.partial.as_ref().unwrap();
    assert_eq!(r.status, None);
    assert_eq!(r.expires, None);
    assert!(
        r.fields
            .iter()
            .any(|f| f.key.ends_with("之后") && !f.recognised)
    );
    assert_eq!(c.display_language(), None);
}

#[test]
fn each_language_is_listed_with_a_source_and_round_trips() {
    let all: Vec<DisplayLanguage> = DisplayLanguage::all().collect();
    let tags: Vec<&str> = all.iter().map(|l| l.tag()).collect();
    assert_eq!(tags, ["de-DE", "ja-JP", "es-ES", "zh-CN", "it-IT"]);
    for l in &all {
        assert!(l.source().contains("<https://"), "{l}");
        assert_eq!(DisplayLanguage::from_tag(&l.tag().to_lowercase()), Some(*l));
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.tag()));
            assert_eq!(serde_json::from_str::<DisplayLanguage>(&json).unwrap(), *l);
        }
    }
    assert_eq!(DisplayLanguage::from_tag("fr-FR"), None);
    #[cfg(feature = "serde")]
    assert_eq!(
        serde_json::from_str::<DisplayLanguage>("\"fr-FR\"")
            .unwrap_err()
            .to_string(),
        "a display language the parsers read (de-DE, ja-JP, es-ES, zh-CN, it-IT), not \"fr-FR\""
    );
    // Labels are listed as printed.
    let ja = DisplayLanguage::from_tag("ja-JP").unwrap();
    assert_eq!(ja.labels().collect::<Vec<_>>(), ["ライセンスの状態"]);
}

#[test]
fn labels_outside_ascii_stay_distinct() {
    // Before, every letter outside ASCII read as `?`, so two labels of one length in another
    // script were the same key. A label of the same byte length as `ライセンスの状態` that
    // the table does not have is not read as the status.
    let text = "ライセンスの種類: ライセンスされています\n";
    assert_eq!("ライセンスの種類".len(), "ライセンスの状態".len());
    let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new());
    let read_status = c.is_ok_and(|c| {
        c.records
            .iter()
            .chain(c.partial.as_ref())
            .any(|r| r.status.is_some())
    });
    assert!(!read_status);
}

#[test]
fn an_unread_language_is_one_warning_not_an_empty_record() {
    // Labels in a language without a source in the label table (here Chinese, as in the
    // issue): the capture is licensing output, said once; every line is kept.
    let text = "Microsoft (R) Windows Script Host Version 5.812\n\n名称: Windows(R), Enterprise edition\n许可证状态: 已授权\n部分产品密钥: 2YT43\n";
    let c = parse_capture(CaptureFormat::SlmgrDli, text, &ParseOptions::new()).unwrap();
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    assert!(c.warnings[0].message.contains("another display language"));
    // Microsoft's output in another language is never taken for a third-party look-alike.
    assert_ne!(CaptureFormat::detect(text), Some(CaptureFormat::LookAlike));
    assert!(
        c.records
            .iter()
            .all(|r| r.fields.iter().all(|f| !f.recognised))
    );
    assert_eq!(
        c.preamble.len() + c.records.iter().map(|r| r.fields.len()).sum::<usize>(),
        4
    );
    // Text that is no licensing output at all stays an error.
    assert!(
        parse_capture(
            CaptureFormat::SlmgrDli,
            "名称: 你好\n",
            &ParseOptions::new()
        )
        .is_err()
    );
}

// 2. Paste damage.

#[test]
fn chat_prefixes_markdown_escapes_prompts_and_noise_are_undone() {
    let c = read("2-chat-markdown-prompt.slmgr-dli.txt");
    assert_eq!(c.records.len(), 1, "{c:?}");
    let r = &c.records[0];
    assert_eq!(r.channel, Some(Channel::VolumeGvlk));
    assert_eq!(r.status, Some(LicenseStatus::Licensed));
    assert_eq!(r.partial_key.as_deref(), Some("2YT43"));
    // The prompt and "Press any key" are kept, and never a record or a warning.
    assert!(
        c.warnings.iter().all(|w| !w.message.contains("PS C:")),
        "{:?}",
        c.warnings
    );
    let c = read("2-prompt-noise.slmgr-dli.txt");
    assert_eq!(c.records.len(), 1);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert!(
        c.preamble
            .iter()
            .any(|f| f.key.starts_with("C:\\Windows\\system32>"))
    );
}

#[test]
fn a_double_spaced_list_keeps_its_records() {
    let c = read("2-double-spaced.wmi-list.txt");
    assert_eq!(c.records.len(), 2, "{c:?}");
    assert_eq!(c.records[1].partial_key.as_deref(), Some("WFG99"));
}

#[test]
fn a_spaced_status_token_and_a_wrap_at_another_width_are_read() {
    let c = read("2-spaced-token.ospp-dstatus.txt");
    assert_eq!(c.records[0].status, Some(LicenseStatus::OobGrace));
    let c = read("2-wrapped-100.slmgr-dlv.txt");
    let url = c.records[0].field("Use License URL").unwrap();
    assert!(url.ends_with("configextension=Retail"), "{url}");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn leading_bracket_that_is_not_json_is_still_detected() {
    let text = "[10:02] anna: Name: Windows(R), Enterprise edition\n[10:02] anna: License Status: Licensed\n";
    assert_eq!(CaptureFormat::detect(text), Some(CaptureFormat::SlmgrDli));
}

// 3. Fragments.

#[test]
fn a_capture_that_starts_mid_record_is_a_record_cut_at_its_start() {
    let c = read("3-starts-mid-record.slmgr-dlv.txt");
    assert_eq!(c.records.len(), 1);
    let r = &c.records[0];
    assert!(r.cut_at_start);
    assert_eq!(r.status, Some(LicenseStatus::Licensed));
    assert_eq!(r.channel, Some(Channel::VolumeGvlk));
    assert_eq!(c.warnings[0].line, Some(1));
    assert!(c.warnings[0].message.contains("starts inside a record"));
}

#[test]
fn a_token_cut_at_the_end_is_never_read_by_prefix() {
    let c = read("3-cut-token.slmgr-dli.txt");
    let r = c.partial.as_ref().unwrap();
    // `VOLUME_KMSCLIENT c`: the whole token is read exactly (a KMS client), never as the
    // `VOLUME_KMS...` host prefix.
    assert_eq!(r.channel, Some(Channel::VolumeGvlk));
    for cut in ["VOLUME_KMSCL", "VOLUME_KMS_W", "VOLUME_MA"] {
        let text = format!(
            "Name: Windows(R), Enterprise edition\nDescription: Windows(R) Operating System, {cut}"
        );
        let c = parse_capture(CaptureFormat::SlmgrDli, &text, &ParseOptions::new()).unwrap();
        assert_eq!(c.partial.as_ref().unwrap().channel, None, "{cut}");
    }
}

// 4. Precedence and sentinels.

#[test]
fn retail_tb_eval_is_a_time_based_evaluation() {
    let c = read("4-retail-tb-eval.slmgr-dlv.txt");
    let r = &c.records[0];
    assert_eq!(r.channel, Some(Channel::TimebasedEval));
    assert_eq!(r.expiry_kind, Some(ExpiryKind::TimeBased));
    assert_eq!(r.windows_rearm_count, Some(1));
    assert_eq!(r.sku_rearm_count, Some(1));
}

#[test]
fn the_most_specific_channel_statement_wins() {
    let text = |line: &str, desc: &str| {
        format!(
            "Name: Windows(R), X edition\nDescription: Windows(R) Operating System, {desc}\nProduct Key Channel: {line}\nLicense Status: Licensed\n"
        )
    };
    let channel = |t: String| {
        parse_capture(CaptureFormat::SlmgrDlv, &t, &ParseOptions::new())
            .unwrap()
            .records[0]
            .channel
    };
    // An exact description beats a prefix-only line.
    assert_eq!(
        channel(text("Retail:Other", "TIMEBASED_EVAL channel")),
        Some(Channel::TimebasedEval)
    );
    // An exact line beats the description.
    assert_eq!(
        channel(text("Volume:MAK", "VOLUME_KMSCLIENT channel")),
        Some(Channel::VolumeMak)
    );
}

#[test]
fn wmi_sentinels_are_none_and_host_settings_stay() {
    let c = read("4-service-not-a-host.wmi-list.txt");
    let service = &c.records[0];
    assert_eq!(service.windows_rearm_count, None);
    let host = service.kms_host.as_ref().unwrap();
    assert_eq!(host.is_kms_host, Some(false));
    assert_eq!(host.listening_port, Some(1688));
    assert_eq!(host.dns_publishing, Some(true));
    assert_eq!(host.low_priority, Some(false));
    assert_eq!(host.current_count, None);
    assert!(
        service
            .kms_client
            .as_ref()
            .is_none_or(|k| k.activation_interval.is_none())
    );
    let product = &c.records[1];
    assert_eq!(product.remaining, None);
    assert_eq!(product.windows_rearm_count, None);
    assert_eq!(product.sku_rearm_count, Some(1001));
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

// 5. JSON shapes.

#[cfg(feature = "serde")]
#[test]
fn json_wrappers_machine_keys_and_lines_are_read() {
    let c = read("5-wrapper.wmi-json.json");
    assert_eq!(c.records.len(), 2, "{c:?}");
    assert_eq!(c.records[0].fields.get(0).unwrap().key, "Service");
    assert_eq!(
        c.records[0].kms_host.as_ref().unwrap().current_count,
        Some(50)
    );
    assert_eq!(c.records[1].fields.get(0).unwrap().key, "Products");
    assert_eq!(c.records[1].channel, Some(Channel::VolumeCsvlk));

    let c = read("5-by-machine.oslicense-json.json");
    let machines: Vec<&str> = c
        .records
        .iter()
        .map(|r| r.fields.get(0).unwrap().key)
        .collect();
    assert_eq!(machines, ["PC-01", "PC-02"]);
    assert_eq!(c.records[1].status, Some(LicenseStatus::Notification));

    let c = read("5-json-lines.wmi-json.json");
    assert_eq!(c.records.len(), 2);
    assert_eq!(c.records[1].status_reason, Some(0xC004_F009));
    assert_eq!(c.records[1].field("PSComputerName"), Some("PC-02"));
}

#[cfg(feature = "serde")]
#[test]
fn an_object_with_no_read_field_is_warned() {
    let c = parse_capture(
        CaptureFormat::WmiJson,
        r#"{"Foo": 1, "Bar": "x"}"#,
        &ParseOptions::new(),
    )
    .unwrap();
    assert_eq!(c.records.len(), 1);
    assert_eq!(c.warnings.len(), 1);
    assert!(
        c.warnings[0].message.contains("none was read"),
        "{}",
        c.warnings[0].message
    );
}

// 6. What slmgr prints besides status.

#[test]
fn activation_results_are_typed() {
    let c = read("6-ato-success.slmgr-dli.txt");
    assert_eq!(c.results.len(), 1);
    assert_eq!(c.results[0].outcome, CommandOutcome::Activated);
    assert_eq!(
        c.results[0].product.as_deref(),
        Some("Windows(R), Enterprise edition")
    );
    let c = read("6-ato-error.slmgr-dli.txt");
    match &c.results[0].outcome {
        CommandOutcome::Failed { code, description } => {
            assert_eq!(*code, Some(0xC004_F074));
            assert!(
                description
                    .as_deref()
                    .unwrap()
                    .starts_with("The Software Protection Service")
            );
        }
        other => panic!("{other:?}"),
    }
    let c = read("6-act.ospp-dstatus.txt");
    assert_eq!(c.results.len(), 1, "{:?}", c.results);
    match &c.results[0].outcome {
        CommandOutcome::Failed { code, description } => {
            assert_eq!(*code, Some(0xC004_F074));
            assert!(description.is_some());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        c.results[0].product.as_deref(),
        Some("Office 16, Office16ProPlusVL_KMS_Client edition")
    );
}

#[test]
fn the_expiry_line_is_kept() {
    for (label, kind) in [
        ("Volume activation expiration", ExpiryKind::Volume),
        ("Timebased activation expiration", ExpiryKind::TimeBased),
        (
            "Automatic VM activation expiration",
            ExpiryKind::AutomaticVm,
        ),
        ("Time remaining", ExpiryKind::Grace),
    ] {
        let text = format!(
            "Name: Windows(R), X edition\nLicense Status: Licensed\n{label}: 100 minute(s) (0 day(s))\n"
        );
        let c = parse_capture(CaptureFormat::SlmgrDli, &text, &ParseOptions::new()).unwrap();
        assert_eq!(c.records[0].expiry_kind, Some(kind), "{label}");
    }
}

// 7. Look-alikes.

/// Every fixture file under `tests/fixtures`, recursively.
fn all_fixture_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all_fixture_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn microsoft_output_is_never_a_look_alike() {
    let mut files = Vec::new();
    all_fixture_files(&dir().join(".."), &mut files);
    assert!(files.len() >= 60, "{}", files.len());
    let mut look_alikes = 0;
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let detected = CaptureFormat::detect(&text);
        if name.contains(".look-alike.") {
            look_alikes += 1;
            assert_eq!(detected, Some(CaptureFormat::LookAlike), "{name}");
        } else {
            assert_ne!(detected, Some(CaptureFormat::LookAlike), "{name}");
        }
    }
    assert_eq!(look_alikes, 3);
}

#[test]
fn a_look_alike_reads_only_microsofts_status_line() {
    let c = read("7-banner-checker.look-alike.txt");
    assert_eq!(c.format, CaptureFormat::LookAlike);
    assert_eq!(c.records.len(), 1);
    let r = &c.records[0];
    assert_eq!(r.status, Some(LicenseStatus::Licensed));
    // The blanked minute count is never read, nor anything else the script printed.
    assert_eq!(r.remaining, None);
    assert_eq!(r.expiry_kind, None);
    assert_eq!(r.name, None);
    assert_eq!(c.warnings.len(), 1);
    assert_eq!(
        c.warnings[0].message,
        "this is a third-party activation check script's output, not Microsoft's: only \
         licence status lines in Microsoft's words were read (1 read, 11 other lines not \
         read; minute counts and the script's own labels are never read)"
    );
}

#[test]
fn a_look_alike_in_its_own_words_reads_nothing_and_says_so() {
    for name in [
        "7-ps-status-word.look-alike.txt",
        "7-xpr-joined.look-alike.txt",
    ] {
        let c = read(name);
        assert!(c.records.is_empty(), "{name}");
        assert_eq!(c.warnings.len(), 2, "{name}");
        assert!(c.warnings[0].message.contains("not Microsoft's"), "{name}");
        assert_eq!(
            c.warnings[1].message,
            "no \"License Status:\" line in Microsoft's words was found: no licence status \
             could be read"
        );
    }
}

#[test]
fn a_look_alike_status_in_other_words_is_warned_not_read() {
    let text = "*** Activation check ***\nLicense Status: 1\nLicense Status: Notification\n";
    assert_eq!(CaptureFormat::detect(text), Some(CaptureFormat::LookAlike));
    let c = parse_capture(CaptureFormat::LookAlike, text, &ParseOptions::new()).unwrap();
    assert_eq!(c.records.len(), 1);
    assert_eq!(c.records[0].status, Some(LicenseStatus::Notification));
    assert_eq!(c.warnings[1].line, Some(2));
    assert_eq!(
        c.warnings[1].message,
        "line 2: the licence status is not in Microsoft's words (expected one slmgr prints, \
         e.g. Licensed or Notification); not read"
    );
}

#[test]
fn a_monitoring_wrapper_around_real_slmgr_output_is_slmgr() {
    // A monitoring agent's section header around unchanged `slmgr /dli` output (Checkmk's
    // `win_license.bat`) is Microsoft's output, not a look-alike.
    let text = "<<<win_license>>>\nName: Windows(R), Professional edition\n\
                Description: Windows(R) Operating System, RETAIL channel\n\
                Partial Product Key: 3V66T\nLicense Status: Licensed\n";
    assert_eq!(CaptureFormat::detect(text), Some(CaptureFormat::SlmgrDli));
}
