#![no_main]

use libfuzzer_sys::fuzz_target;
use volume_activation::inventory::{
    CaptureFormat, ExplainOptions, ParseOptions, parse_capture_bytes,
};
use volume_activation::strum::VariantArray;
use volume_activation::{KmsHost, KmsHostKey, Sku, explain};

// The first bytes pick the format, the SKU, the host key and the host OS; the rest is the
// capture. Detection runs on the text too.
fuzz_target!(|data: &[u8]| {
    let [f, s, k, o, rest @ ..] = data else {
        return;
    };
    let formats = CaptureFormat::VARIANTS;
    let format = formats[usize::from(*f) % formats.len()];
    let skus: Vec<Sku> = Sku::all().collect();
    let sku = skus[usize::from(*s) % skus.len()];
    let key = KmsHostKey::VARIANTS[usize::from(*k) % KmsHostKey::VARIANTS.len()];
    let host_os = skus[usize::from(*o) % skus.len()];
    let _ = CaptureFormat::detect(&String::from_utf8_lossy(rest));
    if let Ok(capture) = parse_capture_bytes(format, rest, &ParseOptions::new()) {
        let options = ExplainOptions::new()
            .sku(sku)
            .host(KmsHost::new(host_os, key))
            .host_capture(capture.clone());
        let d = explain(&capture, &options);
        assert_eq!(
            d.products().len(),
            capture.records.len() + usize::from(capture.partial.is_some())
        );
        let _ = d.to_string();
    }
});
