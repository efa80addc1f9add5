//! No full product key leaves the parsers, in any spelling, through any output: records, raw
//! fields, warnings, errors, `Debug`, serde JSON and `explain`. One test per capture format.
//!
//! The key is Windows Pro's published GVLK (public data); the checks would catch any key.

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

use volume_activation::catalog::ProductKey;
use volume_activation::inventory::{
    Capture, CaptureFormat, ExplainOptions, ParseOptions, explain, parse_capture,
};

#[path = "support/leaks.rs"]
mod leaks;

use leaks::{BARE, leaks};

const KEY: &str = "W269N-WFGWX-YVC9B-4J6C9-T83GX";

/// The spellings of [`KEY`] people paste: dashed, lowercase, spaces, underscores, en and em
/// dashes, undashed, and cut by console wraps (with and without indentation).
fn spellings() -> Vec<String> {
    let g = ["W269N", "WFGWX", "YVC9B", "4J6C9", "T83GX"];
    vec![
        KEY.to_owned(),
        KEY.to_ascii_lowercase(),
        g.join(" "),
        g.join("_"),
        g.join("\u{2013}"),
        g.join("\u{2014}"),
        BARE.to_owned(),
        "W269N-WFGWX-YV\nC9B-4J6C9-T83GX".to_owned(),
        "W269N-WFGWX-YVC9B-\n        4J6C9-T83GX".to_owned(),
        "W269N-WF\nGWX-YVC9B-4J6C9-T8\n3GX".to_owned(),
    ]
}

#[test]
fn the_leak_check_sees_every_spelling() {
    for s in spellings() {
        assert!(leaks(&s), "{s:?}");
        assert!(leaks(&format!("{s:?}")), "{s:?}");
        assert!(leaks(&serde_json::to_string(&s).unwrap()), "{s:?}");
        assert!(!leaks(&ProductKey::redact_text(&s)), "{s:?}");
    }
}

/// Everything a caller can see of a parse: the capture through Debug, JSON and explain, or the
/// error.
fn check(format: CaptureFormat, text: &str) {
    match parse_capture(format, text, &ParseOptions::new()) {
        Ok(c) => check_capture(format, &c),
        Err(e) => {
            assert!(!leaks(&e.to_string()), "{format}: error {e}");
            assert!(!leaks(&format!("{e:?}")), "{format}: error {e:?}");
        }
    }
}

fn check_capture(format: CaptureFormat, c: &Capture) {
    let debug = format!("{c:?}");
    assert!(!leaks(&debug), "{format}: Debug {debug}");
    let json = serde_json::to_string(c).unwrap();
    assert!(!leaks(&json), "{format}: JSON {json}");
    for w in &c.warnings {
        assert!(!leaks(&w.message), "{format}: warning {}", w.message);
    }
    let d = explain(c, &ExplainOptions::new());
    assert!(!leaks(&d.to_string()), "{format}: explain {d}");
    assert!(!leaks(&format!("{d:?}")), "{format}: explain {d:?}");
    // The last five characters survive, as Windows prints them (a look-alike keeps only
    // licence states).
    assert!(
        format == CaptureFormat::LookAlike
            || json.contains("T83GX")
            || json.contains("t83gx")
            || json.contains("T8")
    );
}

/// A text capture of `format` with the key spelled `s` in a typed field, an unknown field, a
/// bad value (a warning), a bare line and the preamble.
fn text_capture(format: CaptureFormat, s: &str) -> String {
    match format {
        CaptureFormat::SlmgrXpr => format!(
            "{s}\n\nWindows(R), Professional edition {s}:\n    Volume activation will expire {s}\n    {s}\n"
        ),
        CaptureFormat::OsppDstatus => format!(
            "{s}\n---Processing--------------------------\nSKU ID: {s}\nLICENSE NAME: Office 16, Office16ProPlusVL_KMS_Client edition {s}\nLICENSE STATUS:  ---LICENSED--- {s}\nProduct key: {s}\nLast 5 characters of installed product key: {s}\n{s}\n---------------------------------------\n---Exiting-----------------------------\n"
        ),
        CaptureFormat::WmiList | CaptureFormat::OsLicenseList => format!(
            "Name              : Windows(R), Professional edition {s}\nLicenseStatus     : {s}\nProductKey        : {s}\nPartialProductKey : {s}\n  {s}\n\n"
        ),
        CaptureFormat::LookAlike => format!(
            "*** Activation check {s} ***\n[+] Checking {s}\nLicense Status: {s}\nActivation status: {s}\nPartial Product Key: {s}\n{s} minute(s)\nLicense Status: Licensed\n"
        ),
        _ => format!(
            "{s}: preamble\nName: Windows(R), Professional edition {s}\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel ({s})\nExtended PID: {s}\nProduct Key: {s}\nPartial Product Key: {s}\nLicense Status: {s}\n{s}\nLicense Status: Licensed\n"
        ),
    }
}

fn text_format(format: CaptureFormat) {
    for s in spellings() {
        check(format, &text_capture(format, &s));
        // The key alone, and after garbage: an error, which must not quote it either.
        check(format, &s);
        check(format, &format!("garbage line\n{s}\n"));
    }
}

#[test]
fn slmgr_dlv_hides_keys() {
    text_format(CaptureFormat::SlmgrDlv);
}

#[test]
fn slmgr_dli_hides_keys() {
    text_format(CaptureFormat::SlmgrDli);
}

#[test]
fn slmgr_xpr_hides_keys() {
    text_format(CaptureFormat::SlmgrXpr);
}

#[test]
fn ospp_dstatus_hides_keys() {
    text_format(CaptureFormat::OsppDstatus);
}

#[test]
fn wmi_list_hides_keys() {
    text_format(CaptureFormat::WmiList);
}

#[test]
fn look_alike_hides_keys() {
    text_format(CaptureFormat::LookAlike);
    // What detect sees too.
    for s in spellings() {
        let text = text_capture(CaptureFormat::LookAlike, &s);
        assert_eq!(CaptureFormat::detect(&text), Some(CaptureFormat::LookAlike));
    }
}

#[test]
fn oslicense_list_hides_keys() {
    text_format(CaptureFormat::OsLicenseList);
}

/// JSON with the key as an array element (the reported leak: serde quoted the string into the
/// warning), as a value, as a property name, as a bad value, as a value spelled with JSON
/// escapes, and in the trailing garbage.
fn json_format(format: CaptureFormat) {
    for s in spellings() {
        let j = serde_json::to_string(&s).unwrap();
        let cases = [
            format!(
                "[{j}, {{\"Name\": \"Windows(R), Professional edition\", \"LicenseStatus\": 1, \"ProductKey\": {j}, {j}: {j}, \"LicenseStatusReason\": {j}}}]"
            ),
            format!("[{{\"Name\": {j}, \"LicenseStatus\": 1}}, {j}]"),
            format!("{{\"Name\": {j}, \"LicenseStatus\": {j}}}"),
            format!("{{\"Name\": {j}, \"LicenseStatus\": 1 {j}"),
            format!("[{{\"Name\": \"x\", \"LicenseStatus\": 1}} {j}]"),
            format!("[{j}]"),
            j.clone(),
        ];
        for text in cases {
            check(format, &text);
        }
    }
    // A key written with JSON escapes for its dashes is masked once decoded.
    let escaped = KEY.replace('-', "\\u002d");
    check(
        format,
        &format!("[{{\"Name\": \"{escaped}\", \"LicenseStatus\": 1}}, \"{escaped}\"]"),
    );
}

#[test]
fn wmi_json_hides_keys() {
    json_format(CaptureFormat::WmiJson);
}

#[test]
fn oslicense_json_hides_keys() {
    json_format(CaptureFormat::OsLicenseJson);
}

#[test]
fn a_string_element_warning_quotes_the_key_masked() {
    let text = format!(
        "[\"{KEY}\", {{\"Name\": \"Windows(R), Professional edition\", \"LicenseStatus\": 1}}]"
    );
    let c = parse_capture(CaptureFormat::WmiJson, &text, &ParseOptions::new()).unwrap();
    assert_eq!(c.records.len(), 1);
    let w = &c.warnings[0].message;
    assert!(w.contains("*****-*****-*****-*****-T83GX"), "{w}");
    assert!(!leaks(w), "{w}");
}
