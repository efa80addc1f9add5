//! Plans a fleet described in JSON and prints the report: the API behind
//! `volume-activation plan`.
//!
//! ```sh
//! cargo run --example plan                          # the bundled fleet, at 2026-12-01
//! cargo run --example plan -- path/to/fleet.json    # another fleet, at the same date
//! ```
//!
//! The command (`cargo run -p volume-activation-cli -- plan FLEET.json`) adds `--at`, `--json`
//! and an HTML report.

use std::process::ExitCode;

use chrono::{TimeZone, Utc};
use volume_activation::{Fleet, plan};

mod common;

fn main() -> ExitCode {
    common::report(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/fleet.json").to_owned()
    });
    let json = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
    let fleet = Fleet::from_json(&json)?;
    // A fixed date keeps the report reproducible.
    let at = Utc
        .with_ymd_and_hms(2026, 12, 1, 0, 0, 0)
        .single()
        .ok_or("bad date")?;
    print!("{}", plan(&fleet, at));
    Ok(())
}
