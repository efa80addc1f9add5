//! Explains a capture of `slmgr /dlv`, `/dli`, `/xpr`, `ospp.vbs /dstatus`, WMI or OSLicense
//! output: per product, the state in plain words, the deadline, the error code's documented
//! cause and resolution, and what the KMS rules say.
//!
//! ```text
//! cargo run --example explain -- [--format slmgr-dlv] [--host HOST.txt] [--host-format F]
//!     [--host-os windows-server-2019/standard --host-key windows-server-2019]
//!     [--sku windows-server-2022/standard] [--at 2026-05-14T10:00:00Z] [--json] [CAPTURE | -]
//! ```
//!
//! The capture is read from the file named, or from stdin when the path is `-` or absent. The
//! format is detected when `--format` is not given.

use std::io::Read;

use volume_activation::inventory::{
    CaptureFormat, ExplainOptions, ParseOptions, parse_capture_bytes,
};
use volume_activation::{KmsHost, KmsHostKey, Sku, explain};

fn read(path: Option<&str>) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    match path {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            Ok(buf)
        }
        Some(p) => Ok(std::fs::read(p)?),
    }
}

fn format_of(
    given: Option<&str>,
    bytes: &[u8],
    what: &str,
) -> Result<CaptureFormat, Box<dyn std::error::Error>> {
    if let Some(f) = given {
        return Ok(f.parse()?);
    }
    let text = String::from_utf8_lossy(bytes);
    // UTF-16 captures: detect on the decoded text.
    let decoded;
    let text = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes.starts_with(&[0xFF, 0xFE]);
        let units: Vec<u16> = bytes
            .get(2..)
            .unwrap_or_default()
            .chunks_exact(2)
            .map(|c| {
                let pair = [c.first().copied(), c.get(1).copied()].map(Option::unwrap_or_default);
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        decoded = String::from_utf16_lossy(&units);
        decoded.as_str()
    } else {
        &text
    };
    CaptureFormat::detect(text).ok_or_else(|| {
        format!("cannot tell the format of the {what}: give it with --format (one of slmgr-dlv, slmgr-dli, slmgr-xpr, ospp-dstatus, wmi-list, wmi-json, oslicense-list, oslicense-json)").into()
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut path, mut format, mut host_path, mut host_format) = (None, None, None, None);
    let (mut host_os, mut host_key, mut sku, mut at, mut json) = (None, None, None, None, false);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--format" => format = Some(value("--format")?),
            "--host" => host_path = Some(value("--host")?),
            "--host-format" => host_format = Some(value("--host-format")?),
            "--host-os" => host_os = Some(value("--host-os")?),
            "--host-key" => host_key = Some(value("--host-key")?),
            "--sku" => sku = Some(value("--sku")?),
            "--at" => at = Some(value("--at")?),
            "--json" => json = true,
            "-h" | "--help" => {
                println!(
                    "usage: explain [--format F] [--host HOST] [--host-format F] [--host-os SKU --host-key KEY] [--sku SKU] [--at RFC3339] [--json] [CAPTURE | -]"
                );
                return Ok(());
            }
            p if p == "-" || !p.starts_with("--") => path = Some(a),
            other => return Err(format!("unknown option {other:?}").into()),
        }
    }
    let opts = ParseOptions::new();
    let bytes = read(path.as_deref())?;
    let format = format_of(format.as_deref(), &bytes, "capture")?;
    let capture = parse_capture_bytes(format, &bytes, &opts)?;

    let mut options = ExplainOptions::new();
    if let Some(h) = host_path {
        let bytes = std::fs::read(&h)?;
        let f = format_of(host_format.as_deref(), &bytes, "host capture")?;
        options = options.host_capture(parse_capture_bytes(f, &bytes, &opts)?);
    }
    match (host_os, host_key) {
        (Some(os), Some(key)) => {
            let os = Sku::parse_lenient(&os)?;
            let key = KmsHostKey::parse_lenient(&key)?;
            options = options.host(KmsHost::new(os, key));
        }
        (None, None) => {}
        _ => return Err("--host-os and --host-key go together".into()),
    }
    if let Some(s) = sku {
        options = options.sku(Sku::parse_lenient(&s)?);
    }
    if let Some(t) = at {
        let t = chrono::DateTime::parse_from_rfc3339(&t)?.with_timezone(&chrono::Utc);
        options = options.at(t);
    }
    let diagnosis = explain(&capture, &options);
    if json {
        println!("{}", serde_json::to_string_pretty(&diagnosis)?);
    } else {
        println!("{diagnosis}");
    }
    Ok(())
}
