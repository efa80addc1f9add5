#![no_main]
//! A product key inserted anywhere, in any spelling, never appears in any output: records,
//! raw fields, warnings, errors, Debug, serde JSON or `explain`.

use libfuzzer_sys::fuzz_target;
use volume_activation::strum::VariantArray;
use volume_activation::inventory::{
    CaptureFormat, ExplainOptions, ParseOptions, explain, parse_capture,
};

#[path = "../../tests/support/leaks.rs"]
mod leaks;

use leaks::leaks;

const GROUPS: [&str; 5] = ["W269N", "WFGWX", "YVC9B", "4J6C9", "T83GX"];

/// The key spelled one of the ways people paste it, picked by `pick`.
fn spelling(pick: u8) -> String {
    match pick % 8 {
        0 => GROUPS.join("-"),
        1 => GROUPS.join(" "),
        2 => GROUPS.join("_"),
        3 => GROUPS.join("\u{2013}"),
        // Undashed, a key is a whole word: glued into a longer word it cannot be told from
        // a longer ID (which the crate keeps by design), so it goes in between spaces.
        4 => format!(" {} ", GROUPS.concat()),
        5 => GROUPS.join("-").to_ascii_lowercase(),
        6 => format!("{}-{}-YV\n{}", GROUPS[0], GROUPS[1], "C9B-4J6C9-T83GX"),
        _ => format!("{}-{}-{}-\n      {}-{}", GROUPS[0], GROUPS[1], GROUPS[2], GROUPS[3], GROUPS[4]),
    }
}

fuzz_target!(|data: &[u8]| {
    let [f, s, at_hi, at_lo, rest @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    // Only a key the fuzzer did not write itself is looked for: skip inputs that hold the
    // key's characters already.
    if leaks(&text) {
        return;
    }
    let formats = CaptureFormat::VARIANTS;
    let format = formats[usize::from(*f) % formats.len()];
    let mut at = usize::from(u16::from_be_bytes([*at_hi, *at_lo])) % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut input = String::with_capacity(text.len() + 40);
    input.push_str(&text[..at]);
    input.push_str(&spelling(*s));
    input.push_str(&text[at..]);
    match parse_capture(format, &input, &ParseOptions::new()) {
        Ok(c) => {
            assert!(!leaks(&format!("{c:?}")), "Debug");
            assert!(!leaks(&serde_json::to_string(&c).unwrap()), "JSON");
            for w in &c.warnings {
                assert!(!leaks(&w.message), "warning");
            }
            let d = explain(&c, &ExplainOptions::new());
            assert!(!leaks(&d.to_string()), "explain");
        }
        Err(e) => assert!(!leaks(&e.to_string()), "error"),
    }
});
