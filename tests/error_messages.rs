//! Error and warning messages keep their cause and position, quote input short, are never
//! escaped twice, and stay bounded however much input is bad.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]
#![cfg(feature = "serde")]

use volume_activation::inventory::{CaptureFormat, ParseOptions, WARNINGS_MAX, parse_capture};
use volume_activation::{Fleet, Lifecycle};

#[test]
fn json_element_warnings_name_the_line_and_column_in_the_whole_text() {
    let text = "[\n  {\"Name\": \"x\", \"LicenseStatus\": 1},\n  1,\n  \"abc\"\n]";
    let c = parse_capture(CaptureFormat::WmiJson, text, &ParseOptions::new()).unwrap();
    let messages: Vec<&str> = c.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Get-CimInstance SoftwareLicensing* | ConvertTo-Json line 3: cannot read \"1,\": expected a JSON object or an array of objects, as ConvertTo-Json writes them (invalid type: integer `1`, expected a JSON object at line 3 column 3)",
            "Get-CimInstance SoftwareLicensing* | ConvertTo-Json line 4: cannot read \"\\\"abc\\\"\": expected a JSON object or an array of objects, as ConvertTo-Json writes them (invalid type: string \"abc\", expected a JSON object at line 4 column 7)",
        ]
    );
    assert_eq!(c.warnings[0].line, Some(3));
}

#[test]
fn a_long_cause_keeps_its_position_and_the_input_is_quoted_short() {
    let long = "y".repeat(5_000);
    let text = format!("[{{\"Name\": \"x\", \"LicenseStatus\": 1}}, \"{long}\"]");
    let c = parse_capture(CaptureFormat::WmiJson, &text, &ParseOptions::new()).unwrap();
    let m = &c.warnings[0].message;
    assert!(m.len() < 600, "{} bytes: {m}", m.len());
    assert!(
        m.ends_with("expected a JSON object at line 1 column 5038)"),
        "{m}"
    );
    assert!(m.contains('…'), "{m}");
    // A top-level object: the position survives too.
    let text = format!("{{\"Name\": \"{long}\", \"LicenseStatus\": 1 2}}");
    let e = parse_capture(CaptureFormat::WmiJson, &text, &ParseOptions::new()).unwrap_err();
    let m = e.to_string();
    assert!(m.len() < 600, "{m}");
    assert!(
        m.ends_with("expected `,` or `}` at line 1 column 5033)"),
        "{m}"
    );
    assert_eq!(e.line(), Some(1));
}

#[test]
fn lifecycle_json_errors_are_escaped_once() {
    let e =
        Lifecycle::from_json(r#"{"sku": "windows-13/pro", "channel": "volume-mak"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid lifecycle json: unknown release \"windows-13\": expected a release ID such as windows-11, windows-server-2022 or office-ltsc-2024 at line 1 column 24"
    );
}

#[test]
fn a_fleet_error_lists_the_first_problems_and_counts_the_rest() {
    let machine = r#"{"name": "pc", "sku": "windows-11/pro", "channel": "volume-gvlk", "hardware": "physical"}"#;
    let machines = vec![machine; 10_000].join(",");
    let json = format!(r#"{{"program": "enterprise-agreement", "machines": [{machines}]}}"#);
    let m = Fleet::from_json(&json).unwrap_err().to_string();
    assert!(
        m.starts_with(
            "invalid fleet: 9999 problems: machine \"pc\" field \"name\": duplicate machine name"
        ),
        "{m}"
    );
    assert!(m.ends_with("; and 9979 more"), "{m}");
    assert!(m.len() < 2_000, "{} bytes", m.len());
}

#[test]
fn warnings_are_capped_and_the_rest_counted() {
    let mut text = String::from("Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n");
    for _ in 0..WARNINGS_MAX + 500 {
        text.push_str("Current count: many\n");
    }
    let c = parse_capture(CaptureFormat::SlmgrDlv, &text, &ParseOptions::new()).unwrap();
    assert_eq!(c.warnings.len(), WARNINGS_MAX + 1);
    let last = c.warnings.last().unwrap();
    assert_eq!(last.line, None);
    assert_eq!(
        last.message,
        "500 more warnings left out (a capture keeps the first 1000)"
    );
    // JSON too.
    let bad = vec!["1"; WARNINGS_MAX + 2].join(",");
    let text = format!("[{{\"Name\": \"x\", \"LicenseStatus\": 1}},{bad}]");
    let c = parse_capture(CaptureFormat::WmiJson, &text, &ParseOptions::new()).unwrap();
    assert_eq!(c.warnings.len(), WARNINGS_MAX + 1);
    assert_eq!(
        c.warnings.last().unwrap().message,
        "2 more warnings left out (a capture keeps the first 1000)"
    );
}
