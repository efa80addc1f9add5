//! `status`: the licence status of a fleet read from captures, as text, JSON and a
//! self-contained HTML report.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use volume_activation::inventory::{CaptureFormat, DateOrder, ParseOptions, decode_capture};
use volume_activation::lifecycle::LicenseStatus;
use volume_activation::plan::{
    CaptureInput, Cause, DEFAULT_RISK_HORIZON_DAYS, FleetStatus, KmsHostLoad, ProductStatus,
    StatusOptions, UnreadableCapture, fleet_status,
};

use super::{now, parse_date, parse_option};
use crate::args::StatusArgs;
use crate::fail::{Fail, Outcome, Run, quote_path};
use crate::html::{Page, WeeklyChart, cards, ordered_list, para, table};
use crate::io::{Output, Progress, expand_inputs, print_error, read_bytes};

/// One input as read: its label, its bytes, and its modification time when allowed.
struct Read {
    label: String,
    bytes: Vec<u8>,
    modified: Option<DateTime<Utc>>,
}

/// Runs `status`.
pub(crate) fn run(args: &StatusArgs, json: bool, out: &mut Output) -> Run {
    let options = options(args)?;
    let format: Option<CaptureFormat> = parse_option("--format", args.format.as_deref())?;
    let collected = args
        .collected_at
        .as_deref()
        .map(|t| parse_date("--collected-at", t))
        .transpose()?;
    let files = expand_inputs(&args.inputs)?;

    let mut progress = Progress::new(files.len());
    let mut read: Vec<Read> = Vec::new();
    let mut failed: Vec<(PathBuf, Fail)> = Vec::new();
    for file in &files {
        match read_one(file, args.use_file_times) {
            Ok(r) => read.push(r),
            Err(e) => failed.push((file.clone(), e)),
        }
        progress.step();
    }
    progress.finish();
    if read.is_empty() {
        return Err(summary(
            failed.into_iter().map(|(_, e)| e).collect(),
            files.len(),
        ));
    }

    let inputs = read.iter().map(|r| {
        let mut input = CaptureInput::new(&r.label, &r.bytes);
        if let Some(f) = format {
            input = input.format(f);
        }
        if let Some(t) = collected {
            input = input.collected_at_unless_printed(t);
        }
        if let Some(t) = r.modified {
            input = input.modified_at(t);
        }
        input
    });
    let mut status = fleet_status(inputs, &options);
    // The files the command could not read are unreadable captures of the report too, in
    // the order they were given.
    // The command's own error of each file it could not read, by label (the first of a
    // file given twice).
    let mut failed_at: HashMap<String, &Fail> = HashMap::with_capacity(failed.len());
    for (file, e) in &failed {
        status
            .unreadable
            .push(UnreadableCapture::new(label(file), reason(file, e)));
        failed_at.entry(label(file)).or_insert(e);
    }
    let mut given: HashMap<String, usize> = HashMap::with_capacity(files.len());
    for (i, f) in files.iter().enumerate() {
        given.entry(label(f)).or_insert(i);
    }
    status
        .unreadable
        .sort_by_key(|u| given.get(&u.source).copied().unwrap_or(usize::MAX));

    if status.machines.is_empty() && !status.unreadable.is_empty() {
        // Nothing was read: no report, only the errors.
        let errors: Vec<Fail> = status
            .unreadable
            .iter()
            .map(|u| error(u, &failed_at))
            .collect();
        return Err(summary(errors, files.len()));
    }
    if let Some(path) = &args.html {
        std::fs::write(path, html(&status)).map_err(|e| Fail::write(path, &e))?;
    }
    if json {
        out.json(&status)?;
    } else {
        out.write(&format!("{status}"))?;
    }
    if status.unreadable.is_empty() {
        return Ok(Outcome::Yes);
    }
    for u in &status.unreadable {
        print_error(&error(u, &failed_at).to_string());
    }
    Err(Fail::new(format!(
        "{} of {} captures could not be read (the report covers the rest)",
        status.unreadable.len(),
        files.len()
    )))
}

/// The error of an unreadable capture: the command's own when it could not read the file,
/// else the library's reason after the file's name.
fn error(u: &UnreadableCapture, failed: &HashMap<String, &Fail>) -> Fail {
    failed.get(&u.source).map_or_else(
        || Fail::file(Path::new(&u.source), &u.reason),
        |e| (*e).clone(),
    )
}

/// The error when no input could be read: the one file's own, or each and a count.
fn summary(mut failed: Vec<Fail>, total: usize) -> Fail {
    if failed.len() == 1 {
        return failed.swap_remove(0);
    }
    for e in &failed {
        print_error(&e.to_string());
    }
    Fail::new(format!(
        "{} of {total} captures could not be read",
        failed.len()
    ))
}

/// The report's options: the instant, the horizon, date order and local offset.
fn options(args: &StatusArgs) -> Result<StatusOptions, Fail> {
    let at = match &args.at {
        Some(t) => parse_date("--at", t)?,
        None => now(),
    };
    let mut options =
        StatusOptions::new(at).horizon_days(args.horizon.unwrap_or(DEFAULT_RISK_HORIZON_DAYS));
    if let Some(order) = parse_option::<DateOrder>("--date-order", args.date_order.as_deref())? {
        options = options.parse_options(ParseOptions::new().date_order(order));
    }
    if let Some(offset) = &args.local_offset {
        options = options.local_offset_minutes(parse_offset(offset)?);
    }
    Ok(options)
}

/// A UTC offset: `Z`, `UTC`, `+02:00`, `-05:30`, or minutes east of UTC (`120`, `-300`);
/// less than a day either way.
pub(crate) fn parse_offset(text: &str) -> Result<i32, Fail> {
    let t = text.trim();
    let bad = || {
        Fail::new(format!(
            "--local-offset \"{}\": expected a UTC offset such as +02:00, -05:30, Z or \
             minutes east of UTC (120)",
            t.escape_default()
        ))
    };
    if t.eq_ignore_ascii_case("z") || t.eq_ignore_ascii_case("utc") {
        return Ok(0);
    }
    let hh_mm = t.starts_with('+') || t.contains(':');
    let minutes = if hh_mm {
        let (sign, rest) = match t.as_bytes().first() {
            Some(b'+') => (1, t.get(1..).unwrap_or("")),
            Some(b'-') => (-1, t.get(1..).unwrap_or("")),
            _ => return Err(bad()),
        };
        let (h, m) = rest.split_once(':').ok_or_else(bad)?;
        let two = |d: &str| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit());
        if !two(h) || !two(m) {
            return Err(bad());
        }
        let h: i32 = h.parse().map_err(|_| bad())?;
        let m: i32 = m.parse().map_err(|_| bad())?;
        if m >= 60 {
            return Err(bad());
        }
        h.checked_mul(60)
            .and_then(|x| x.checked_add(m))
            .and_then(|x| x.checked_mul(sign))
            .ok_or_else(bad)?
    } else {
        t.parse::<i32>().map_err(|_| bad())?
    };
    if minutes.checked_abs().is_none_or(|m| m >= 24 * 60) {
        return Err(bad());
    }
    Ok(minutes)
}

/// The label of an input: its path as given (`-` is `standard input`).
fn label(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Why a file could not be read, without its name (the report puts the label before it).
fn reason(path: &Path, e: &Fail) -> String {
    let text = e.to_string();
    let quoted = quote_path(path);
    if let Some(rest) = text.strip_prefix(&format!("{quoted}: ")) {
        return rest.to_owned();
    }
    text.replacen(&format!(" {quoted}:"), ":", 1)
}

/// Reads one input: refused when missing, a directory, empty or binary.
fn read_one(path: &Path, use_file_times: bool) -> Result<Read, Fail> {
    let bytes = read_bytes(path)?;
    if decode_capture(&bytes).contains('\0') {
        return Err(Fail::file(
            path,
            "is a binary file, expected a text capture",
        ));
    }
    let modified = if use_file_times && path.as_os_str() != "-" {
        let t = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .map_err(|e| Fail::read(path, &e))?;
        Some(DateTime::<Utc>::from(t))
    } else {
        None
    };
    Ok(Read {
        label: label(path),
        bytes,
        modified,
    })
}

/// A date and time as the report shows it.
fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A state's name (`unknown` when not known).
fn state(s: Option<LicenseStatus>) -> String {
    s.map_or("unknown", <&'static str>::from).to_owned()
}

/// The HTML report: summary, chart, KMS hosts, machines at risk, actions, every machine,
/// unreadable captures.
pub(crate) fn html(status: &FleetStatus) -> String {
    let products: usize = status.machines.iter().map(|m| m.products.len()).sum();
    let at_risk: Vec<(&str, &[String], &ProductStatus)> = status
        .machines
        .iter()
        .flat_map(|m| {
            m.products
                .iter()
                .filter(|p| p.is_at_risk())
                .map(move |p| (m.name.as_str(), m.sources.as_slice(), p))
        })
        .collect();
    let machines_at_risk = {
        let mut names: Vec<&str> = at_risk.iter().map(|(m, _, _)| *m).collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    };
    let kms_hosts = {
        let mut names: Vec<&str> = status
            .kms_hosts
            .iter()
            .map(|h| h.machine.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    };
    let mut page = Page::new(
        "Fleet licence status",
        &format!(
            "At {}, looking ahead to {}: {} machines, {} products, {} unreadable captures",
            when(status.now),
            when(status.horizon),
            status.machines.len(),
            products,
            status.unreadable.len()
        ),
    );

    // Summary: cards, products per state now and at the horizon, per cause.
    let mut summary = cards(&[
        (status.machines.len().to_string(), "machines"),
        (machines_at_risk.to_string(), "machines at risk"),
        (kms_hosts.to_string(), "KMS hosts"),
        (status.actions.len().to_string(), "actions"),
        (status.unreadable.len().to_string(), "unreadable captures"),
    ]);
    let rows: Vec<Vec<String>> = status
        .totals_by_state()
        .into_iter()
        .map(|(s, now, at_horizon)| vec![state(s), now.to_string(), at_horizon.to_string()])
        .collect();
    summary.push_str(&table(&["state", "products now", "at the horizon"], &rows));
    let rows: Vec<Vec<String>> = status
        .by_cause
        .iter()
        .map(|c| vec![c.cause.name().to_owned(), c.products.to_string()])
        .collect();
    summary.push_str(&table(&["cause", "products"], &rows));
    page.section("summary", "Summary", &summary);

    // Chart: machines reaching notification per week (each machine once, its first date).
    let mut first: BTreeMap<&str, DateTime<Utc>> = BTreeMap::new();
    let mut undated: Vec<&str> = Vec::new();
    for u in &status.upcoming {
        match u.at {
            Some(t) => {
                let e = first.entry(u.machine.as_str()).or_insert(t);
                *e = (*e).min(t);
            }
            None => undated.push(u.machine.as_str()),
        }
    }
    undated.retain(|m| !first.contains_key(m));
    undated.sort_unstable();
    undated.dedup();
    let mut chart = WeeklyChart::new(status.now, status.horizon, "machines reaching notification");
    for t in first.values() {
        chart.count(*t);
    }
    chart.mark(status.now, "the report (now)".to_owned());
    chart.mark(status.horizon, "the horizon".to_owned());
    let mut timeline = para(
        "Bars: machines in notification or reaching it per week if nothing changes (those \
         already there are in the first week). Dashed lines: now and the horizon.",
    );
    timeline.push_str(&chart.svg());
    if !undated.is_empty() {
        timeline.push_str(&para(&format!(
            "Not on the chart (date unknown): {}.",
            undated.join(", ")
        )));
    }
    page.section("timeline", "Timeline", &timeline);

    page.section("kms-hosts", "KMS hosts", &hosts(&status.kms_hosts));

    // Machines at risk, by date (unknown last).
    let mut risks = at_risk;
    risks.sort_by_key(|(m, _, p)| (p.notification_at.is_none(), p.notification_at, *m));
    let rows: Vec<Vec<String>> = risks
        .iter()
        .map(|(m, sources, p)| {
            let fix = p.fix.as_ref().map_or_else(String::new, |f| {
                f.code
                    .as_ref()
                    .map_or_else(|| f.text.clone(), |c| format!("{} [{c}]", f.text))
            });
            vec![
                (*m).to_owned(),
                p.report_name(),
                state(p.now),
                state(p.at_horizon),
                p.notification_at.map_or_else(|| "unknown".to_owned(), when),
                p.cause.map_or("-", Cause::name).to_owned(),
                fix,
                sources.join(", "),
            ]
        })
        .collect();
    page.section(
        "at-risk",
        "Machines at risk",
        &table(
            &[
                "machine",
                "product",
                "now",
                "at horizon",
                "notification",
                "cause",
                "fix",
                "evidence",
            ],
            &rows,
        ),
    );

    let actions: Vec<String> = status
        .actions
        .iter()
        .map(|a| {
            let n = a.machines.len();
            format!(
                "{} ({n} machine{}: {}): {}{}",
                a.cause.name(),
                if n == 1 { "" } else { "s" },
                a.machines.join(", "),
                a.fix.text,
                a.fix
                    .sources
                    .first()
                    .map(|s| format!(" (source: {s})"))
                    .unwrap_or_default()
            )
        })
        .collect();
    page.section(
        "actions",
        "Actions (by machines affected)",
        &ordered_list(&actions),
    );

    // Every machine: its products, states and evidence.
    let mut rows: Vec<Vec<String>> = Vec::new();
    for m in &status.machines {
        let mut notes: Vec<String> = m.notes.clone();
        notes.extend(m.superseded.iter().map(|s| format!("superseded: {s}")));
        for (i, p) in m.products.iter().enumerate() {
            let first_row = i == 0;
            let mut pn = notes_of(p);
            if first_row {
                pn.extend(notes.iter().cloned());
            }
            rows.push(vec![
                if first_row {
                    m.name.clone()
                } else {
                    String::new()
                },
                p.report_name(),
                state(p.now),
                state(p.at_horizon),
                p.collected.at().map_or_else(
                    || "unknown".to_owned(),
                    |t| format!("{} ({})", when(t), p.collected.basis()),
                ),
                if first_row {
                    m.sources.join(", ")
                } else {
                    String::new()
                },
                pn.join("; "),
            ]);
        }
        if m.products.is_empty() {
            rows.push(vec![
                m.name.clone(),
                "(no product in use)".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                m.sources.join(", "),
                notes.join("; "),
            ]);
        }
    }
    page.section(
        "machines",
        "Machines",
        &table(
            &[
                "machine",
                "product",
                "now",
                "at horizon",
                "collected",
                "evidence",
                "notes",
            ],
            &rows,
        ),
    );

    let rows: Vec<Vec<String>> = status
        .unreadable
        .iter()
        .map(|u| vec![u.source.clone(), u.reason.clone()])
        .collect();
    page.section(
        "unreadable",
        "Unreadable captures",
        &table(&["capture", "reason"], &rows),
    );
    page.finish()
}

/// A product's notes, with its identification when it is not one SKU or host key.
fn notes_of(p: &ProductStatus) -> Vec<String> {
    let mut notes = Vec::new();
    if p.identification.sku().is_none() && p.identification.kms_host_key().is_none() {
        notes.push(format!("identification: {}", p.identification));
    }
    notes.extend(p.notes.iter().cloned());
    notes
}

/// The KMS hosts table: load and thresholds.
fn hosts(hosts: &[KmsHostLoad]) -> String {
    let mut s = para(
        "Each host's count as its capture printed it, the fleet's clients that point to it, \
         and the count against each client family's activation threshold. Windows client and \
         Windows Server share one count; Office has its own.",
    );
    let rows: Vec<Vec<String>> = hosts
        .iter()
        .map(|h| {
            let th: Vec<String> = h
                .thresholds
                .iter()
                .map(|t| format!("{} {}: {}", t.family.name(), t.threshold, t.verdict()))
                .collect();
            vec![
                h.machine.clone(),
                h.count_name().to_owned(),
                h.host_key.map_or("-", |k| k.name()).to_owned(),
                h.current_count
                    .map_or_else(|| "-".to_owned(), |n| n.to_string()),
                h.clients.to_string(),
                h.clients_not_licensed.to_string(),
                if th.is_empty() {
                    "-".to_owned()
                } else {
                    th.join(", ")
                },
            ]
        })
        .collect();
    s.push_str(&table(
        &[
            "host",
            "serves",
            "host key",
            "count",
            "clients",
            "not licensed",
            "thresholds",
        ],
        &rows,
    ));
    s
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::parse_offset;

    #[test]
    fn offsets_in_every_spelling() {
        assert_eq!(parse_offset("Z").unwrap(), 0);
        assert_eq!(parse_offset("utc").unwrap(), 0);
        assert_eq!(parse_offset("+02:00").unwrap(), 120);
        assert_eq!(parse_offset("-05:30").unwrap(), -330);
        assert_eq!(parse_offset("+05:45").unwrap(), 345);
        assert_eq!(parse_offset("120").unwrap(), 120);
        assert_eq!(parse_offset("-300").unwrap(), -300);
        assert_eq!(parse_offset("0").unwrap(), 0);
        for bad in [
            "", "+2", "+0545", "+02:60", "+2:00", "+24:00", "1440", "-1440", "02:00", "+02-00",
            "east",
        ] {
            assert_eq!(
                parse_offset(bad).unwrap_err().to_string(),
                format!(
                    "--local-offset \"{bad}\": expected a UTC offset such as +02:00, -05:30, \
                     Z or minutes east of UTC (120)"
                ),
                "{bad}"
            );
        }
    }
}
