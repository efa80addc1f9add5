//! Readers for the values the tools print: numbers, HRESULTs, durations, dates, states.
//!
//! Each returns `Err(expected)` (what would have been accepted) so the caller can build a
//! warning naming the line.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::capture::DateOrder;
use super::record::{PrintedTime, Remaining};
use crate::catalog::key_kind::strip_suffix_ignore_case;

/// Values the tools print for "nothing here": `N/A`, `Not Set`, `Not Available`, an empty
/// value, `null`.
pub(crate) fn is_sentinel(v: &str) -> bool {
    // Most values are long or numbers: no sentinel starts with a digit.
    if v.len() > 16 || v.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let t = v.trim().trim_end_matches('.');
    t.is_empty()
        || [
            "n/a",
            "na",
            "not set",
            "not available",
            "null",
            "$null",
            "none",
        ]
        .iter()
        .any(|s| t.eq_ignore_ascii_case(s))
}

/// WMI's "not applicable" for an unsigned number: 4294967295 (the largest 32-bit value), or
/// -1 as some tools print it signed.
pub(crate) fn is_not_applicable(v: &str) -> bool {
    let t = v.trim();
    t == "4294967295" || t == "-1"
}

/// Values meaning "no limit": `Unlimited`, `No Limit`.
pub(crate) fn is_unlimited(v: &str) -> bool {
    let t = v.trim();
    t.eq_ignore_ascii_case("unlimited") || t.eq_ignore_ascii_case("no limit")
}

/// An unsigned integer, printed in decimal (surrounding spaces allowed).
pub(crate) fn unsigned(v: &str) -> Result<u64, &'static str> {
    let t = v.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err("a whole number");
    }
    t.parse::<u64>().map_err(|_| "a whole number")
}

/// A signed integer (WMI prints -1 for "not applicable" counts).
pub(crate) fn signed(v: &str) -> Result<i64, &'static str> {
    v.trim().parse::<i64>().map_err(|_| "a whole number")
}

/// A count as u32, or `None` for WMI's -1 / 4294967295 "not applicable".
pub(crate) fn count(v: &str) -> Result<Option<u32>, &'static str> {
    let n = signed(v)?;
    if n == -1 || n == i64::from(u32::MAX) {
        return Ok(None);
    }
    u32::try_from(n)
        .map(Some)
        .map_err(|_| "a count from 0 to 4294967294, or -1")
}

/// A TCP port; 0 (WMI's "not set") gives `None`.
pub(crate) fn port(v: &str) -> Result<Option<u16>, &'static str> {
    let n = unsigned(v).map_err(|_| "a TCP port from 0 to 65535")?;
    let p = u16::try_from(n).map_err(|_| "a TCP port from 0 to 65535")?;
    Ok((p != 0).then_some(p))
}

/// An HRESULT: `0xC004F009`, `C004F009`, `0xC004F009 (grace time expired).`, a negative
/// 32-bit decimal (`-1073418231`) or an unsigned one (`3221549065`).
pub(crate) fn hresult(v: &str) -> Result<u32, &'static str> {
    const EXPECTED: &str = "an HRESULT such as 0xC004F009 or -1073418231";
    let t = v.trim();
    let token = t
        .split(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or(t)
        .trim_end_matches('.');
    if let Some(hex) = token
        .strip_prefix("0x")
        .or_else(|| token.strip_prefix("0X"))
    {
        return parse_hex_u32(hex).ok_or(EXPECTED);
    }
    if let Some(neg) = token.strip_prefix('-') {
        if neg.is_empty() || !neg.bytes().all(|b| b.is_ascii_digit()) {
            return Err(EXPECTED);
        }
        let n: i32 = token.parse().map_err(|_| EXPECTED)?;
        return Ok(u32::from_ne_bytes(n.to_ne_bytes()));
    }
    if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
        return token.parse::<u32>().map_err(|_| EXPECTED);
    }
    parse_hex_u32(token).ok_or(EXPECTED)
}

fn parse_hex_u32(hex: &str) -> Option<u32> {
    if hex.is_empty() || hex.len() > 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok()
}

/// A duration in minutes: `120 minutes`, `120`.
pub(crate) fn minutes(v: &str) -> Result<u32, &'static str> {
    let t = v.trim();
    let t = t
        .strip_suffix("minutes")
        .or_else(|| t.strip_suffix("minute(s)"))
        .or_else(|| t.strip_suffix("minute"))
        .unwrap_or(t);
    let n = unsigned(t).map_err(|_| "a number of minutes")?;
    u32::try_from(n).map_err(|_| "a number of minutes")
}

/// Time left as printed by slmgr (`259200 minute(s) (180 day(s))`; German `243800 Minute(n)
/// (170 Tag(e))`, see `locale.rs`), ospp (`179 days (259199 minute(s) before expiring)`), WMI
/// (`259200`) or OSLicense (`Unlimited`).
pub(crate) fn remaining(v: &str) -> Result<Remaining, &'static str> {
    const EXPECTED: &str = "minutes left, as \"N minute(s) (D day(s))\", \"D days (N minute(s) before expiring)\" or a number";
    let t = v.trim();
    if is_unlimited(t) {
        return Ok(Remaining::Unlimited);
    }
    if let Ok(m) = unsigned(t) {
        return Ok(Remaining::Minutes {
            minutes: m,
            days: None,
        });
    }
    // Numbers followed by their unit word, in any order.
    let mut minutes = None;
    let mut days = None;
    let mut pending: Option<u64> = None;
    for word in t.split(|c: char| c.is_whitespace() || c == '(' || c == ')') {
        if word.is_empty() {
            continue;
        }
        if let Ok(n) = unsigned(word) {
            if pending.is_some() {
                return Err(EXPECTED);
            }
            pending = Some(n);
            continue;
        }
        // Compared case-insensitively in place (no lowercased copy).
        let starts = |p: &str| {
            word.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        };
        let localized = super::locale::unit_word(word);
        if starts("minute") || localized == Some(false) {
            minutes = Some(pending.take().ok_or(EXPECTED)?);
        } else if starts("day") || localized == Some(true) {
            days = Some(pending.take().ok_or(EXPECTED)?);
        } else if !["s", "before", "expiring", "n", "e"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
        {
            return Err(EXPECTED);
        }
    }
    if pending.is_some() {
        return Err(EXPECTED);
    }
    match minutes {
        Some(minutes) => Ok(Remaining::Minutes { minutes, days }),
        None => Err(EXPECTED),
    }
}

/// A yes/no as printed: `True`/`False`, `Enabled`/`Disabled`, `1`/`0`.
pub(crate) fn boolean(v: &str) -> Result<bool, &'static str> {
    let t = v.trim();
    for (word, b) in [
        ("true", true),
        ("false", false),
        ("enabled", true),
        ("disabled", false),
        ("1", true),
        ("0", false),
        ("yes", true),
        ("no", false),
    ] {
        if t.eq_ignore_ascii_case(word) {
            return Ok(b);
        }
    }
    Err("True, False, Enabled or Disabled")
}

/// `host:port`, `host`, `[v6]:port`. Returns the host and the port when printed.
pub(crate) fn host_port(v: &str) -> Result<(String, Option<u16>), &'static str> {
    let t = v.trim();
    if let Some(rest) = t.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or("a host name, optionally with :port")?;
        let port = match after.strip_prefix(':') {
            Some(p) => port(p)?,
            None if after.is_empty() => None,
            None => return Err("a host name, optionally with :port"),
        };
        return Ok((host.to_owned(), port));
    }
    match t.rsplit_once(':') {
        Some((host, p)) if !host.contains(':') => Ok((host.to_owned(), port(p)?)),
        _ => Ok((t.to_owned(), None)),
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// Day and month could be either way round and no [`DateOrder`] was given.
    Ambiguous,
    /// Not a date in any known form.
    Invalid,
}

impl DateProblem {
    pub(crate) fn expected(self) -> &'static str {
        match self {
            DateProblem::Ambiguous => {
                "an unambiguous date: day and month are both 12 or less, set ParseOptions::date_order"
            }
            DateProblem::Invalid => {
                "a date such as 10/26/2016 9:58:33 AM, 26/10/2016 09:58:33, 26.10.2016 09:58:33, 2016-10-26T09:58:33Z, /Date(ms)/ or a WMI datetime"
            }
        }
    }
}

/// A date and time as printed. `Ok(None)` is the "not set" date: Windows prints the FILETIME
/// epoch (1 January 1601 UTC, shown in local time, so possibly 31 December 1600).
pub(crate) fn time(v: &str, order: Option<DateOrder>) -> Result<Option<PrintedTime>, DateProblem> {
    let t = v.trim();
    let printed = if let Some(ms) = json_date(t) {
        PrintedTime::Utc(ms)
    } else if let Some(dmtf) = dmtf(t) {
        PrintedTime::Utc(dmtf)
    } else if t.len() >= 10 && t.as_bytes().get(4) == Some(&b'-') {
        iso(t).ok_or(DateProblem::Invalid)?
    } else {
        PrintedTime::Local(local(t, order)?)
    };
    let year = match printed {
        PrintedTime::Local(n) => chrono::Datelike::year(&n),
        PrintedTime::Utc(u) => chrono::Datelike::year(&u),
    };
    Ok((year > 1601).then_some(printed))
}

/// `/Date(1477475913000)/`, optionally with an offset suffix (`/Date(1477475913000+0100)/`),
/// as Windows PowerShell's `ConvertTo-Json` writes a DateTime; the milliseconds are UTC.
fn json_date(t: &str) -> Option<DateTime<Utc>> {
    let inner = t
        .trim_matches('\\')
        .strip_prefix("/Date(")?
        .trim_end_matches('/')
        .trim_end_matches('\\')
        .strip_suffix(')')?;
    let digits_end = inner
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '+' || *c == '-')
        .map_or(inner.len(), |(i, _)| i);
    let ms: i64 = inner.get(..digits_end)?.parse().ok()?;
    Utc.timestamp_millis_opt(ms).single()
}

/// A WMI DMTF datetime: `yyyymmddHHMMSS.mmmmmm+UUU` (UUU = offset in minutes).
fn dmtf(t: &str) -> Option<DateTime<Utc>> {
    if t.len() != 25 || t.as_bytes().get(14) != Some(&b'.') {
        return None;
    }
    let naive = NaiveDateTime::parse_from_str(t.get(..14)?, "%Y%m%d%H%M%S").ok()?;
    let sign = t.get(21..22)?;
    let offset: i64 = t.get(22..25)?.parse().ok()?;
    let offset = match sign {
        "+" => offset,
        "-" => offset.checked_neg()?,
        _ => return None,
    };
    let utc = naive.checked_sub_signed(chrono::TimeDelta::try_minutes(offset)?)?;
    Some(Utc.from_utc_datetime(&utc))
}

fn iso(t: &str) -> Option<PrintedTime> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(PrintedTime::Utc(dt.with_timezone(&Utc)));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, f) {
            return Some(PrintedTime::Local(n));
        }
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .map(|d| PrintedTime::Local(d.and_time(NaiveTime::MIN)))
}

/// `10/26/2016 9:58:33 AM`, `26/10/2016 09:58:33`, `26.10.2016 09:58:33`, year first
/// `2027/2/4 17:50:22`, date only.
fn local(t: &str, order: Option<DateOrder>) -> Result<NaiveDateTime, DateProblem> {
    let (date, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let sep = if date.contains('/') {
        '/'
    } else if date.contains('.') {
        '.'
    } else if date.contains('-') {
        '-'
    } else {
        return Err(DateProblem::Invalid);
    };
    let mut parts = date.split(sep);
    let a = small(parts.next())?;
    let b = small(parts.next())?;
    let c = small(parts.next())?;
    if parts.next().is_some() {
        return Err(DateProblem::Invalid);
    }
    // Year first (`2027/2/4`, as zh-CN `/xpr` output prints it, see `locale.rs`): always
    // year/month/day.
    if (1000..=9999).contains(&a) {
        let date =
            NaiveDate::from_ymd_opt(i32::try_from(a).map_err(|_| DateProblem::Invalid)?, b, c)
                .ok_or(DateProblem::Invalid)?;
        return Ok(date.and_time(clock(rest.trim())?));
    }
    let y = c;
    if !(1000..=9999).contains(&y) {
        return Err(DateProblem::Invalid);
    }
    // A dotted date (German and most of central Europe) is always day.month.year.
    let order = if sep == '.' {
        Some(DateOrder::DayFirst)
    } else {
        order
    };
    let (day, month) = match order {
        Some(DateOrder::DayFirst) => (a, b),
        Some(DateOrder::MonthFirst) => (b, a),
        None if a == b || b > 12 => (b, a),
        None if a > 12 => (a, b),
        None => return Err(DateProblem::Ambiguous),
    };
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(y).map_err(|_| DateProblem::Invalid)?,
        month,
        day,
    )
    .ok_or(DateProblem::Invalid)?;
    Ok(date.and_time(clock(rest.trim())?))
}

fn small(part: Option<&str>) -> Result<u32, DateProblem> {
    let p = part.ok_or(DateProblem::Invalid)?;
    if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateProblem::Invalid);
    }
    p.parse().map_err(|_| DateProblem::Invalid)
}

/// `9:58:33 AM`, `21:58:33`, `9:58 PM`, or nothing (midnight).
fn clock(t: &str) -> Result<NaiveTime, DateProblem> {
    if t.is_empty() {
        return Ok(NaiveTime::MIN);
    }
    let (hms, pm) = if let Some(x) = strip_suffix_ignore_case(t, "PM") {
        (x.trim(), Some(true))
    } else if let Some(x) = strip_suffix_ignore_case(t, "AM") {
        (x.trim(), Some(false))
    } else {
        (t, None)
    };
    let mut parts = hms.split(':');
    let h = small(parts.next())?;
    let m = small(parts.next())?;
    let s = match parts.next() {
        Some(s) => small(Some(s))?,
        None => 0,
    };
    if parts.next().is_some() {
        return Err(DateProblem::Invalid);
    }
    let h = match pm {
        None => h,
        Some(_) if h == 0 || h > 12 => return Err(DateProblem::Invalid),
        Some(false) => h % 12,
        Some(true) => (h % 12).saturating_add(12),
    };
    NaiveTime::from_hms_opt(h, m, s).ok_or(DateProblem::Invalid)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hresults() {
        assert_eq!(hresult("0xC004F009"), Ok(0xC004_F009));
        assert_eq!(hresult("0xC004F009 (grace time expired)."), Ok(0xC004_F009));
        assert_eq!(hresult("C004F009"), Ok(0xC004_F009));
        assert_eq!(hresult("-1073418231"), Ok(0xC004_F009));
        assert_eq!(hresult("3221549065"), Ok(0xC004_F009));
        assert_eq!(hresult("0"), Ok(0));
        assert!(hresult("0x1C004F009").is_err());
        assert!(hresult("-").is_err());
        assert!(hresult("zz").is_err());
    }

    #[test]
    fn dates() {
        let l = |s: &str, o| match time(s, o) {
            Ok(Some(PrintedTime::Local(n))) => n.format("%Y-%m-%d %H:%M:%S").to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(l("10/26/2016 9:58:33 AM", None), "2016-10-26 09:58:33");
        assert_eq!(l("26/10/2016 21:58:33", None), "2016-10-26 21:58:33");
        assert_eq!(l("12/31/2026 12:00:00 AM", None), "2026-12-31 00:00:00");
        assert_eq!(l("26.10.2016 09:58:33", None), "2016-10-26 09:58:33");
        assert_eq!(l("3/4/2026 1:00:00 PM", None), "Err(Ambiguous)");
        assert_eq!(
            l("3/4/2026 1:00:00 PM", Some(DateOrder::DayFirst)),
            "2026-04-03 13:00:00"
        );
        assert_eq!(
            l("3/4/2026 1:00:00 PM", Some(DateOrder::MonthFirst)),
            "2026-03-04 13:00:00"
        );
        assert_eq!(l("13/4/2026", Some(DateOrder::MonthFirst)), "Err(Invalid)");
        // Year first (zh-CN `/xpr`): year/month/day whatever the order option.
        for order in [None, Some(DateOrder::DayFirst), Some(DateOrder::MonthFirst)] {
            assert_eq!(l("2027/2/4 17:50:22", order), "2027-02-04 17:50:22");
        }
        assert_eq!(l("2027/2/30", None), "Err(Invalid)");
        assert_eq!(l("2027/2/4/1", None), "Err(Invalid)");
        assert_eq!(l("2016-10-26 09:58:33", None), "2016-10-26 09:58:33");
        assert_eq!(time("01.01.1601 01:00:00", None), Ok(None));
        assert_eq!(time("12/31/1600 4:00:00 PM", None), Ok(None));
        assert_eq!(time("16010101000000.000000-000", None), Ok(None));
        assert_eq!(
            time("/Date(1477475913000)/", None),
            Ok(Some(PrintedTime::Utc(
                Utc.timestamp_millis_opt(1_477_475_913_000).unwrap()
            )))
        );
        assert_eq!(
            time("20161026095833.000000+060", None)
                .unwrap()
                .unwrap()
                .to_string(),
            "2016-10-26T08:58:33Z"
        );
        assert_eq!(
            time("2016-10-26T09:58:33+02:00", None)
                .unwrap()
                .unwrap()
                .to_string(),
            "2016-10-26T07:58:33Z"
        );
        assert_eq!(time("13:00 PM 1/1/2020", None), Err(DateProblem::Invalid));
    }

    #[test]
    fn durations_and_states() {
        assert_eq!(
            remaining("259200 minute(s) (180 day(s))"),
            Ok(Remaining::Minutes {
                minutes: 259_200,
                days: Some(180)
            })
        );
        assert_eq!(
            remaining("179 days  (259199 minute(s) before expiring)"),
            Ok(Remaining::Minutes {
                minutes: 259_199,
                days: Some(179)
            })
        );
        assert_eq!(remaining("Unlimited"), Ok(Remaining::Unlimited));
        assert!(remaining("12 13 minutes").is_err());
        assert!(remaining("days").is_err());
        assert_eq!(count("-1"), Ok(None));
        assert_eq!(count("4294967295"), Ok(None));
        assert_eq!(count("25"), Ok(Some(25)));
        assert_eq!(
            host_port("kms.contoso.com:1688"),
            Ok(("kms.contoso.com".into(), Some(1688)))
        );
        assert_eq!(
            host_port("[fe80::1]:1688"),
            Ok(("fe80::1".into(), Some(1688)))
        );
        assert_eq!(host_port("fe80::1"), Ok(("fe80::1".into(), None)));
    }
}
