//! Explains a capture of `slmgr /dlv`, `/dli`, `/xpr`, `ospp.vbs /dstatus`, WMI or OSLicense
//! output: the API behind `volume-activation explain`.
//!
//! ```sh
//! cargo run --example explain                              # a bundled slmgr /dli capture
//! cargo run --example explain -- path/to/capture.txt       # another capture
//! ```

use std::process::ExitCode;

use volume_activation::inventory::{CaptureFormat, ExplainOptions, ParseOptions};
use volume_activation::{KmsHost, KmsHostKey, explain, parse_capture};

mod common;

fn main() -> ExitCode {
    common::report(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/slmgr-dli/initial-grace.txt"
        )
        .to_owned()
    });
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
    let format = CaptureFormat::detect(&text).ok_or("cannot tell the capture's format")?;
    let capture = parse_capture(format, &text, &ParseOptions::new())?;
    // What the capture does not say: the SKU, the KMS host it talks to, and the time.
    let options = ExplainOptions::new()
        .sku("windows-11/enterprise".parse()?)
        .host(KmsHost::new(
            "windows-server-2019/standard".parse()?,
            KmsHostKey::WindowsServer2019,
        ))
        .at("2026-05-14T10:00:00Z".parse()?);
    println!("{}", explain(&capture, &options));
    Ok(())
}
