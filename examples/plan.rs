//! Plans a fleet's volume activation and prints the report.
//!
//! ```text
//! cargo run --example plan                       # the bundled fleet (examples/data/fleet.json)
//! cargo run --example plan -- path/to/fleet.json # your fleet, planned now
//! cargo run --example plan -- --json             # the plan as JSON
//! cargo run --example plan -- --at 2027-01-15    # plan at another date (UTC midnight)
//! ```
//!
//! The bundled fleet is planned at 2026-12-01 so that its report is reproducible; a fleet
//! given by path is planned at the current time unless `--at` says otherwise.

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use volume_activation::{Fleet, plan};

/// The bundled fleet, compiled in so the example runs from any directory.
const BUNDLED: &str = include_str!("data/fleet.json");

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut json = false;
    let mut at: Option<DateTime<Utc>> = None;
    let mut path: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--at" => {
                let text = args.next().ok_or("--at needs a date such as 2027-01-15")?;
                let day = NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| {
                    format!("--at \"{text}\": {e}: expected a date such as 2027-01-15")
                })?;
                at = Some(Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).ok_or("bad date")?));
            }
            "-h" | "--help" => {
                println!("usage: plan [--json] [--at YYYY-MM-DD] [FLEET.json]");
                return Ok(());
            }
            other if other.starts_with('-') => {
                return Err(format!(
                    "unknown option \"{other}\": expected --json, --at or a path"
                ));
            }
            other => path = Some(other.to_owned()),
        }
    }
    let (text, default_at) = match &path {
        Some(p) => (
            std::fs::read_to_string(p).map_err(|e| format!("cannot read \"{p}\": {e}"))?,
            DateTime::<Utc>::from(std::time::SystemTime::now()),
        ),
        None => (
            BUNDLED.to_owned(),
            Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0)
                .single()
                .ok_or("bad date")?,
        ),
    };
    let fleet = Fleet::from_json(&text).map_err(|e| e.to_string())?;
    let plan = plan(&fleet, at.unwrap_or(default_at));
    let text = if json {
        let mut t = serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?;
        t.push('\n');
        t
    } else {
        plan.to_string()
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(format!("cannot write the report: {e}"));
        }
        _ => {}
    }
    Ok(())
}
