//! The subcommands, one module each, and what they share: reading names, dates and captures.
//!
//! Adding a subcommand: a variant in
//! [`crate::args::Command`] with its `Args` struct, a module here with
//! `pub(crate) fn run(args, json, out) -> Run`, and an arm in [`run`]. Files are read with
//! [`crate::io::expand_inputs`], [`read_capture`] and [`crate::io::Progress`]; HTML reports
//! are built with [`crate::html`] (`Page`, `WeeklyChart`, `table`, `cards`), as `plan` does.

mod check;
mod error;
mod explain;
mod export;
mod lifecycle;
mod plan;
mod sku;
mod status;

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use volume_activation::catalog::Source;
use volume_activation::inventory::{CaptureFormat, ParseOptions, decode_capture};
use volume_activation::strum::IntoEnumIterator;
use volume_activation::{Capture, parse_capture};
use volume_activation::{Edition, Release, Sku};

use crate::args::{Cli, Command};
use crate::fail::{Fail, Run};
use crate::io::{Output, read_bytes};

/// Runs the command line's subcommand, writing to `out`.
pub(crate) fn run(cli: Cli, out: &mut Output) -> Run {
    let json = cli.json;
    match cli.command {
        Command::Sku(a) => sku::run(&a, json, out),
        Command::Check(a) => check::run(&a, json, out),
        Command::Error(a) => error::run(&a, json, out),
        Command::Explain(a) => explain::run(&a, json, out),
        Command::Plan(a) => plan::run(&a, json, out),
        Command::Status(a) => status::run(&a, json, out),
        Command::Lifecycle(a) => lifecycle::run(&a, json, out),
        Command::Export(a) => export::run(&a, json, out),
    }
}

/// A SKU from its ID or a name as tools print it.
pub(crate) fn parse_sku(text: &str) -> Result<Sku, Fail> {
    Ok(Sku::parse_lenient(text)?)
}

/// A SKU from its ID or name, or from a release ID or name (then its Standard, Enterprise or
/// Pro SKU, in that order, with a note saying so).
pub(crate) fn parse_sku_or_release(text: &str) -> Result<(Sku, Option<String>), Fail> {
    let sku_error = match Sku::parse_lenient(text) {
        Ok(sku) => return Ok((sku, None)),
        Err(e) => e,
    };
    let release = text
        .parse::<Release>()
        .ok()
        .or_else(|| Release::iter().find(|r| r.name().eq_ignore_ascii_case(text.trim())));
    let Some(release) = release else {
        return Err(sku_error.into());
    };
    let sku = [Edition::Standard, Edition::Enterprise, Edition::Pro]
        .iter()
        .find_map(|e| Sku::new(release, *e).ok())
        .or_else(|| Sku::of_release(release).next())
        .ok_or_else(|| Fail::new(format!("release \"{release}\" has no SKU")))?;
    let note = format!("{} taken for {}", sku.name(), release.name());
    Ok((sku, Some(note)))
}

/// An instant: `YYYY-MM-DD` (midnight UTC) or RFC 3339 (`2026-05-14T10:00:00Z`).
pub(crate) fn parse_date(option: &str, text: &str) -> Result<DateTime<Utc>, Fail> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| {
            Fail::new(format!(
                "{option} \"{}\": expected a date such as 2027-01-15 or 2027-01-15T08:00:00Z",
                text.escape_default()
            ))
        })
}

/// An optional option's value parsed; a bad value is an error after the option's name
/// (`--format: ...`).
pub(crate) fn parse_option<T>(option: &str, text: Option<&str>) -> Result<Option<T>, Fail>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    text.map(|t| {
        t.parse::<T>()
            .map_err(|e| Fail::new(format!("{option}: {e}")))
    })
    .transpose()
}

/// The clock, read here and only here: the default `--at` of `plan`.
pub(crate) fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

/// A source as the JSON output shows it.
#[derive(Debug, Serialize)]
pub(crate) struct SourceJson {
    /// The short ID (`S-PLAN`).
    pub(crate) id: &'static str,
    /// The page title.
    pub(crate) title: &'static str,
    /// The address.
    pub(crate) url: &'static str,
}

impl From<Source> for SourceJson {
    fn from(s: Source) -> SourceJson {
        SourceJson {
            id: s.id(),
            title: s.title(),
            url: s.url(),
        }
    }
}

/// Distinct sources, in first-seen order.
pub(crate) fn distinct(sources: impl IntoIterator<Item = Source>) -> Vec<Source> {
    let mut seen: Vec<Source> = Vec::new();
    for s in sources {
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen
}

/// Text lines `  - title <url>` for sources.
pub(crate) fn source_lines(sources: &[Source]) -> String {
    sources
        .iter()
        .map(|s| format!("  - {} <{}>\n", s.title(), s.url()))
        .collect()
}

/// Reads and parses one capture, detecting its format unless given.
pub(crate) fn read_capture(
    path: &Path,
    format: Option<CaptureFormat>,
    parse: &ParseOptions,
) -> Result<Capture, Fail> {
    let bytes = read_bytes(path)?;
    let text = decode_capture(&bytes);
    if text.contains('\0') {
        return Err(Fail::file(
            path,
            "is a binary file, expected a text capture",
        ));
    }
    let format = match format {
        Some(f) => f,
        None => CaptureFormat::detect(&text).ok_or_else(|| {
            Fail::file(
                path,
                "cannot tell the capture's format: give it with --format (slmgr-dlv, \
                 slmgr-dli, slmgr-xpr, ospp-dstatus, wmi-list, wmi-json, oslicense-list, \
                 oslicense-json, look-alike)",
            )
        })?,
    };
    parse_capture(format, &text, parse).map_err(|e| Fail::file(path, e))
}
