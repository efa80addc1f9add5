//! The documented activation error codes against `tests/data/activation-error-codes.csv`.

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

use volume_activation::rules::ActivationErrorCode;

/// Splits one CSV record (RFC 4180 quoting, no embedded newlines in this file).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn rows() -> Vec<Vec<String>> {
    let text = include_str!("data/activation-error-codes.csv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("code,symbol,message,cause,resolution,methods,source")
    );
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f = split_csv(l);
            assert_eq!(f.len(), 7, "{l}");
            f
        })
        .collect()
}

/// The symbol cell as the CSV writes it: `SYMBOL`, `SYMBOL (note)` or `(note)`.
fn symbol_cell(code: ActivationErrorCode) -> String {
    match (code.symbol(), code.symbol_note()) {
        (Some(s), None) => s.to_owned(),
        (Some(s), Some(n)) => format!("{s} ({n})"),
        (None, Some(n)) => format!("({n})"),
        (None, None) => String::new(),
    }
}

/// Every field of every row equals the crate's data: this is also the freshness check of the
/// `@generated` table `src/tables/error_codes.rs` (regenerate with
/// `python3 scripts/gen_error_codes.py`).
#[test]
fn error_code_table_is_fresh() {
    let rows = rows();
    assert_eq!(rows.len(), 86);
    for r in &rows {
        let hresult = u32::from_str_radix(r[0].trim_start_matches("0x"), 16).unwrap();
        let code = ActivationErrorCode::lookup(hresult).unwrap_or_else(|| panic!("{}", r[0]));
        assert_eq!(code.to_string(), r[0]);
        assert_eq!(symbol_cell(code), r[1], "{}", r[0]);
        assert_eq!(code.message(), r[2], "{}", r[0]);
        assert_eq!(code.cause(), r[3], "{}", r[0]);
        assert_eq!(code.resolution(), r[4], "{}", r[0]);
        assert_eq!(code.methods(), r[5], "{}", r[0]);
        assert_eq!(
            code.sources().collect::<Vec<_>>().join("; "),
            r[6],
            "{}",
            r[0]
        );
    }
    let csv: BTreeSet<String> = rows.iter().map(|r| r[0].clone()).collect();
    let crate_codes: BTreeSet<String> = ActivationErrorCode::all().map(|c| c.to_string()).collect();
    assert_eq!(csv, crate_codes);
}

#[cfg(feature = "serde")]
#[test]
fn every_text_form_of_every_code_parses() {
    for code in ActivationErrorCode::all() {
        let h = code.hresult();
        let signed = code.hresult_i32();
        assert_eq!(signed as u32, h);
        assert_eq!(ActivationErrorCode::lookup_i32(signed), Some(code));
        for text in [
            format!("0x{h:08X}"),
            format!("0x{h:08x}"),
            format!("0X{h:08X}"),
            format!("{h:08X}"),
            format!("{h:08x}"),
            format!(" 0x{h:08X} "),
        ] {
            assert_eq!(text.parse::<ActivationErrorCode>(), Ok(code), "{text}");
        }
        if signed < 0 {
            assert_eq!(signed.to_string().parse::<ActivationErrorCode>(), Ok(code));
        }
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"0x{h:08X}\""));
        assert_eq!(
            serde_json::from_str::<ActivationErrorCode>(&json).unwrap(),
            code
        );
    }
}

#[test]
fn all_is_sorted_by_hresult() {
    let all: Vec<_> = ActivationErrorCode::all().collect();
    assert!(all.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(all.len(), 86);
}

#[test]
fn documented_examples() {
    let c = ActivationErrorCode::lookup(0xC004_F038).unwrap();
    assert_eq!(c.symbol(), Some("SL_E_VL_NOT_ENOUGH_COUNT"));
    assert_eq!(c.hresult_i32(), -1073418184);
    assert!(
        c.message()
            .contains("The count reported by your Key Management Service (KMS) is insufficient")
    );
    assert_eq!(
        format!("{c:?}"),
        "ActivationErrorCode(0xC004F038 SL_E_VL_NOT_ENOUGH_COUNT)"
    );
    let none = ActivationErrorCode::lookup(0x8004_FE33).unwrap();
    assert_eq!(none.symbol(), None);
    assert_eq!(none.symbol_note(), Some("none documented"));
    assert_eq!(format!("{none:?}"), "ActivationErrorCode(0x8004FE33)");
    let note = ActivationErrorCode::lookup(0xC004_F065).unwrap();
    assert_eq!(note.symbol(), Some("SL_I_NONGENUINE_GRACE_PERIOD"));
    assert_eq!(note.symbol_note(), Some("SDK value is 0x4004F065"));
    assert!(ActivationErrorCode::lookup(0).is_none());
    assert!(ActivationErrorCode::lookup(u32::MAX).is_none());
    assert!(ActivationErrorCode::lookup_i32(-1).is_none());
}

#[test]
fn bad_text_is_an_error_with_a_pinned_message() {
    let e = "C004F03".parse::<ActivationErrorCode>().unwrap_err();
    assert!(e.is_invalid());
    assert_eq!(
        e.to_string(),
        "invalid activation error code \"C004F03\": expected an hresult such as 0xC004F038, C004F038, -1073418184 or 1074065472"
    );
    let e = "0x12345678".parse::<ActivationErrorCode>().unwrap_err();
    assert!(e.is_unknown());
    assert_eq!(
        e.to_string(),
        "unknown activation error code \"0x12345678\": expected one of the documented activation error codes"
    );
    for bad in [
        "",
        "0x",
        "3221549112",
        "-99999999999",
        "0xC004F0388",
        "C004F03G",
        "+1074065472",
        "1 074065472",
    ] {
        assert!(
            bad.parse::<ActivationErrorCode>().unwrap_err().is_invalid(),
            "{bad}"
        );
    }
    #[cfg(feature = "serde")]
    {
        assert!(serde_json::from_str::<ActivationErrorCode>("\"0x00000001\"").is_err());
    }
    // A well-formed positive decimal that is no documented code: unknown, not invalid.
    assert!(
        "1073418184"
            .parse::<ActivationErrorCode>()
            .unwrap_err()
            .is_unknown()
    );
}

/// Issue 10, item 7: `parse` reads every text `hresult_i32` produces, including the positive
/// decimal of the informational 0x4004xxxx codes.
#[test]
fn parse_reads_every_hresult_i32_text() {
    let mut positive = 0;
    for c in ActivationErrorCode::all() {
        let text = c.hresult_i32().to_string();
        assert_eq!(ActivationErrorCode::parse(&text).unwrap(), c, "{text}");
        if c.hresult_i32() > 0 {
            positive += 1;
        }
    }
    assert!(positive >= 5, "{positive}");
    assert_eq!(
        ActivationErrorCode::parse("1074065472").unwrap().hresult(),
        0x4004_F040
    );
}

#[test]
fn auto_traits() {
    fn check<T: Send + Sync + Copy + std::fmt::Debug + Clone + Eq + Ord + std::hash::Hash>() {}
    check::<ActivationErrorCode>();
}
