//! The licence status of a small fleet read from captures: `examples/data/captures/` holds
//! `slmgr /dlv`, `slmgr /dli`, `ospp /dstatus` and WMI JSON output of a dozen machines (keys
//! redacted), with machines in every state, two KMS hosts, a machine captured twice, one with
//! two Windows editions, one with no collection time, and a capture that cannot be read.
//!
//! Run with `cargo run --example status` (text) or `cargo run --example status -- --json`.
//! Reading the files is the example's job: the library does no file I/O.

use std::path::Path;
use std::process::ExitCode;

use volume_activation::chrono::{TimeZone, Utc};
use volume_activation::plan::{CaptureInput, StatusOptions, fleet_status};

mod common;

fn main() -> ExitCode {
    common::report(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/captures");
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let cannot_read = |path: &Path, e: std::io::Error| format!("cannot read {path:?}: {e}");
    for entry in std::fs::read_dir(&dir).map_err(|e| cannot_read(&dir, e))? {
        let path = entry.map_err(|e| cannot_read(&dir, e))?.path();
        let label = format!(
            "captures/{}",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        );
        let bytes = std::fs::read(&path).map_err(|e| cannot_read(&path, e))?;
        files.push((label, bytes));
    }
    files.sort();

    // The collection script recorded when it ran for the captures that print no trusted
    // time of their own (WMI JSON, ospp); slmgr /dlv prints one. pc-003 and pc-007 have none.
    let collected = Utc.with_ymd_and_hms(2026, 5, 14, 9, 0, 0).unwrap();
    let inputs = files.iter().map(|(label, bytes)| {
        let input = CaptureInput::new(label, bytes);
        if label.ends_with(".json") || label.ends_with(".ospp.txt") {
            input.collected_at(collected)
        } else {
            input
        }
    });
    // The machines print local time in UTC; the report is at midnight after the collection,
    // looking 30 days ahead.
    let now = Utc.with_ymd_and_hms(2026, 5, 15, 0, 0, 0).unwrap();
    let options = StatusOptions::new(now)
        .horizon_days(30)
        .local_offset_minutes(0);
    let status = fleet_status(inputs, &options);

    if std::env::args().any(|a| a == "--json") {
        println!("{}", serde_json::to_string_pretty(&status)?);
    } else {
        print!("{status}");
    }
    Ok(())
}
