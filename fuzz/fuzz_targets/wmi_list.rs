#![no_main]

use libfuzzer_sys::fuzz_target;
use volume_activation::Capture;
use volume_activation::inventory::{CaptureFormat, ParseOptions, parse_capture_bytes};

fuzz_target!(|data: &[u8]| {
    if let Ok(capture) = parse_capture_bytes(CaptureFormat::WmiList, data, &ParseOptions::new()) {
        // Every record came from some input, and a capture survives JSON.
        assert!(capture.records.len() <= data.len());
        let json = serde_json::to_string(&capture).unwrap();
        let back: Capture = serde_json::from_str(&json).unwrap();
        assert_eq!(back, capture);
    }
});
