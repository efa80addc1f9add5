//! `lifecycle`: the dated licence timeline of one machine, from install through its events to
//! what follows if nothing else happens.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use volume_activation::lifecycle::Event;
use volume_activation::rules::{KmsInterval, MakActivationMethod};
use volume_activation::{Channel, Confidence, LicenseStatus, Lifecycle, Sku};

use super::{parse_date, parse_sku};
use crate::args::LifecycleArgs;
use crate::fail::{Fail, Outcome, Run};
use crate::io::Output;

/// The event names `--event` takes, for messages.
const EVENTS: &str = "kms-activation[:MINUTES], kms-renewal, kms-renewal-failure, \
    mak-activation[:independent|proxy], adba-activation, leave-domain, avma-activation, rearm, \
    hardware-out-of-tolerance, non-genuine, evaluation-expiry, key-change:CHANNEL";

/// How long the timeline runs after the last event, by default.
const DEFAULT_TAIL_DAYS: i64 = 3 * 365;

/// One line of the timeline.
#[derive(Debug, Serialize)]
struct Entry {
    at: DateTime<Utc>,
    /// `install`, `event` (an event applied) or `transition` (a status change by time).
    kind: &'static str,
    /// The event applied (`event` entries).
    event: Option<String>,
    /// The status before (`transition` entries).
    from: Option<LicenseStatus>,
    /// The status from `at` on.
    status: LicenseStatus,
    /// WMI `GracePeriodRemaining` at `at`, in minutes.
    grace_period_remaining: u32,
    /// When this status ends if nothing happens.
    ends_at: Option<DateTime<Utc>>,
    /// The `LicenseStatusReason` HRESULT, as `0xC004F009`.
    reason: Option<String>,
    /// How sure the crate is of the state's length.
    confidence: Confidence,
}

/// The answer of `lifecycle --json`.
#[derive(Debug, Serialize)]
struct TimelineJson {
    sku: String,
    channel: String,
    until: DateTime<Utc>,
    entries: Vec<Entry>,
    /// The events that would bring the machine back to Licensed at `until`.
    ways_to_licensed: Vec<String>,
}

/// Reads `DATE=EVENT[:ARG]`.
fn parse_event(text: &str) -> Result<(DateTime<Utc>, Event), Fail> {
    let bad = |why: &str| Fail::new(format!("--event \"{}\": {why}", text.escape_default()));
    let (date, event) = text
        .split_once('=')
        .ok_or_else(|| bad("expected DATE=EVENT, such as 2026-03-03=kms-activation"))?;
    let at = parse_date("--event", date)?;
    let (name, arg) = match event.split_once(':') {
        Some((n, a)) => (n, Some(a)),
        None => (event, None),
    };
    let no_arg = |e: Event| match arg {
        None => Ok(e),
        Some(_) => Err(bad(&format!("{name} takes no argument"))),
    };
    let event = match name.trim().to_ascii_lowercase().as_str() {
        "kms-activation" => {
            let renewal_interval = match arg {
                None => KmsInterval::RENEWAL_DEFAULT,
                Some(m) => {
                    let minutes: u32 = m.trim().parse().map_err(|_| {
                        bad("expected the renewal interval in minutes, such as 10080")
                    })?;
                    KmsInterval::new(minutes).map_err(|e| bad(&e.to_string()))?
                }
            };
            Event::KmsActivation { renewal_interval }
        }
        "mak-activation" => Event::MakActivation {
            mode: match arg {
                None => MakActivationMethod::Independent,
                Some(m) => m
                    .parse()
                    .map_err(|e: volume_activation::Error| bad(&e.to_string()))?,
            },
        },
        "key-change" => Event::KeyChange {
            channel: Channel::parse_lenient(arg.ok_or_else(|| {
                bad("key-change needs the new key's channel: key-change:volume-mak")
            })?)
            .map_err(|e| bad(&e.to_string()))?,
        },
        "kms-renewal" => no_arg(Event::KmsRenewal)?,
        "kms-renewal-failure" => no_arg(Event::KmsRenewalFailure)?,
        "adba-activation" => no_arg(Event::AdbaActivation)?,
        "leave-domain" => no_arg(Event::LeaveDomain)?,
        "avma-activation" => no_arg(Event::AvmaActivation)?,
        "rearm" => no_arg(Event::Rearm)?,
        "hardware-out-of-tolerance" => no_arg(Event::HardwareOutOfTolerance)?,
        "non-genuine" => no_arg(Event::NonGenuine)?,
        "evaluation-expiry" => no_arg(Event::EvaluationExpiry)?,
        _ => return Err(bad(&format!("unknown event, expected one of {EVENTS}"))),
    };
    Ok((at, event))
}

fn entry(
    m: &Lifecycle,
    at: DateTime<Utc>,
    kind: &'static str,
    event: Option<String>,
    from: Option<LicenseStatus>,
) -> Entry {
    let s = m.state_at(at);
    Entry {
        at,
        kind,
        event,
        from,
        status: s.status(),
        grace_period_remaining: s.grace_period_remaining(),
        ends_at: s.ends_at(),
        reason: s.reason().map(|r| format!("0x{r:08X}")),
        confidence: s.confidence(),
    }
}

/// Runs `lifecycle`.
pub(crate) fn run(args: &LifecycleArgs, json: bool, out: &mut Output) -> Run {
    let sku: Sku = parse_sku(&args.sku)?;
    let channel = Channel::parse_lenient(&args.channel)?;
    let events = args
        .events
        .iter()
        .map(|e| parse_event(e))
        .collect::<Result<Vec<_>, _>>()?;
    let installed = match &args.installed {
        Some(t) => parse_date("--installed", t)?,
        None => match events.first() {
            Some((t, _)) => *t,
            None => super::now(),
        },
    };
    let last = events.last().map_or(installed, |(t, _)| *t);
    let until = match &args.until {
        Some(t) => parse_date("--until", t)?,
        None => last
            .checked_add_signed(Duration::days(DEFAULT_TAIL_DAYS))
            .unwrap_or(last),
    };
    if until < last {
        return Err(Fail::new(format!(
            "--until {}: before the last event ({})",
            until.format("%Y-%m-%d"),
            last.format("%Y-%m-%d")
        )));
    }
    let mut machine = Lifecycle::install(sku, channel, installed)?;
    let mut entries = vec![entry(&machine, installed, "install", None, None)];
    let mut since = installed;
    for (at, event) in &events {
        push_transitions(&machine, since, *at, &mut entries);
        machine.apply(*event, *at).map_err(|e| {
            Fail::new(format!(
                "--event {}={event}: {e}",
                at.format("%Y-%m-%dT%H:%M:%SZ")
            ))
        })?;
        entries.push(entry(&machine, *at, "event", Some(event.to_string()), None));
        since = *at;
    }
    push_transitions(&machine, since, until, &mut entries);
    let report = TimelineJson {
        sku: sku.to_string(),
        channel: channel.to_string(),
        until,
        entries,
        ways_to_licensed: machine
            .ways_to_licensed(until)
            .iter()
            .map(ToString::to_string)
            .collect(),
    };
    if json {
        out.json(&report)?;
    } else {
        out.write(&text(&report, sku, channel))?;
    }
    Ok(Outcome::Yes)
}

/// The status changes by time alone in `(from, until)`.
fn push_transitions(
    m: &Lifecycle,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    out: &mut Vec<Entry>,
) {
    for t in m.timeline(from, until) {
        if t.at() > from && t.at() < until {
            out.push(entry(m, t.at(), "transition", None, Some(t.from())));
        }
    }
}

fn text(r: &TimelineJson, sku: Sku, channel: Channel) -> String {
    let mut t = format!("{} ({}), {}\n", sku.name(), r.sku, channel.name());
    for e in &r.entries {
        let what = match (e.kind, &e.event, e.from) {
            ("event", Some(ev), _) => ev.clone(),
            ("transition", _, Some(from)) => format!("{} -> {}", from.name(), e.status.name()),
            _ => "installed".to_owned(),
        };
        let ends = e
            .ends_at
            .map(|x| format!(", until {}", x.format("%Y-%m-%d %H:%M")))
            .unwrap_or_default();
        let reason = e
            .reason
            .as_deref()
            .map(|x| format!(", reason {x}"))
            .unwrap_or_default();
        t.push_str(&format!(
            "{}  {what}\n                  status {}{ends}{reason} ({})\n",
            e.at.format("%Y-%m-%d %H:%M"),
            e.status.name(),
            e.confidence
        ));
    }
    if !r.ways_to_licensed.is_empty() {
        t.push_str(&format!(
            "back to Licensed at {} by: {}\n",
            r.until.format("%Y-%m-%d"),
            r.ways_to_licensed.join(", ")
        ));
    }
    t
}
