#![no_main]
//! Parsing is linear in the input: the input repeated 4n times takes about four times as long
//! as repeated n times, never the sixteen times a quadratic parser takes (the bound is 8x:
//! this is wall time, noisy on a shared machine, so it stays out of the test suite, where
//! growth is checked by counting work instead).

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use volume_activation::strum::VariantArray;
use volume_activation::inventory::{CaptureFormat, ParseOptions, parse_capture};

fn fastest(format: CaptureFormat, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let _ = std::hint::black_box(parse_capture(format, text, &ParseOptions::new()));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let [f, rest @ ..] = data else {
        return;
    };
    if rest.is_empty() || rest.len() > 256 {
        return;
    }
    let unit = String::from_utf8_lossy(rest);
    let formats = CaptureFormat::VARIANTS;
    let format = formats[usize::from(*f) % formats.len()];
    // Big enough that a quadratic parser shows: 1,000 and 4,000 repetitions.
    let small = unit.repeat(1_000);
    let large = unit.repeat(4_000);
    let (a, b) = (fastest(format, &small), fastest(format, &large));
    assert!(
        b <= a * 8 + Duration::from_millis(10),
        "{format}: {} bytes took {a:?}, {} bytes took {b:?}",
        small.len(),
        large.len()
    );
});
