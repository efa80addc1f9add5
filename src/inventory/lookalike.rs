//! Third-party "check activation" scripts: text that looks like slmgr's but is not
//! Microsoft's output.
//!
//! Such scripts print their own banners (`=====`, `*** ... ***`), their own labels
//! (`Activation status:`, `[+] Checking activation status ...`), `Press any key`, and
//! sometimes a minute count they blanked or reformatted. What they print in their own words
//! is no statement of Microsoft's tools, so only a licence status line in Microsoft's words
//! (slmgr.vbs `L_MsgLicenseStatus*_1`: `License Status: Licensed`, or a localized label of
//! `locale`) is read; a minute count, expiry or status word in the script's own wording never
//! is. Every capture of this kind carries a warning that says so.
//!
//! Scripts the fixtures are modelled on are listed in `tests/fixtures/real-input/README.md`.

use super::capture::{Capture, CaptureFormat, Warning, Warnings};
use super::fields::{NORM_MAX, norm};
use super::record::LicenseRecord;
use crate::lifecycle::LicenseStatus;

/// The words slmgr.vbs prints after `License Status: ` (`L_MsgLicenseStatusUnlicensed_1`,
/// `..Licensed_1`, `..InitialGrace_1`, `..AdditionalGrace_1`, `..NonGenuineGrace_1`,
/// `..Notification_1`, `..ExtendedGrace_1`), matched by their first words.
fn microsoft_status(value: &str) -> Option<LicenseStatus> {
    let v = value.trim();
    // A number or a one-off spelling is the script's own mapping, not Microsoft's words.
    if v.is_empty() || v.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    const WORDS: [(&str, LicenseStatus); 7] = [
        ("Unlicensed", LicenseStatus::Unlicensed),
        ("Licensed", LicenseStatus::Licensed),
        ("Initial grace period", LicenseStatus::OobGrace),
        ("Additional grace period", LicenseStatus::OotGrace),
        ("Non-genuine grace period", LicenseStatus::NonGenuineGrace),
        ("Notification", LicenseStatus::Notification),
        ("Extended grace period", LicenseStatus::ExtendedGrace),
    ];
    WORDS
        .iter()
        .find(|(w, _)| {
            v.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w))
                && v.get(w.len()..)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '.', '(']))
        })
        .map(|(_, s)| *s)
        .or_else(|| super::locale::status(v))
}

/// Whether `key` is slmgr's `License Status` label (English, or a localized one).
fn is_status_label(key: &str) -> bool {
    let mut buf = [0u8; NORM_MAX];
    let k = norm(key, &mut buf);
    super::locale::english_key(k).unwrap_or(k) == b"licensestatus"
}

/// Reads a look-alike capture: one record per `License Status:` line in Microsoft's words.
pub(crate) fn parse(input: &str) -> Capture {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let redacted = crate::catalog::product_key::redact_cow(input);
    let mut capture = Capture::new(CaptureFormat::LookAlike);
    let mut warnings = Warnings::default();
    let mut unread = 0usize;
    let mut status_lines = 0usize;
    for (index, raw) in super::text::split_lines(&redacted).enumerate() {
        let number = index.saturating_add(1);
        let line = super::text::clean(raw);
        let t = line.trim();
        super::text::work(t.len());
        if t.is_empty() {
            continue;
        }
        let status_line = t
            .split_once(':')
            .filter(|(k, _)| is_status_label(k))
            .map(|(_, v)| v);
        let Some(value) = status_line else {
            unread = unread.saturating_add(1);
            continue;
        };
        status_lines = status_lines.saturating_add(1);
        match microsoft_status(value) {
            Some(status) => capture.records.push(LicenseRecord {
                status: Some(status),
                ..LicenseRecord::default()
            }),
            None => warnings.push(Warning {
                line: Some(number),
                message: format!(
                    "line {number}: the licence status is not in Microsoft's words \
                     (expected one slmgr prints, e.g. Licensed or Notification); not read"
                ),
            }),
        }
    }
    let mut list = vec![Warning {
        line: None,
        message: format!(
            "this is a third-party activation check script's output, not Microsoft's: only \
             licence status lines in Microsoft's words were read ({} read, {unread} other \
             lines not read; minute counts and the script's own labels are never read)",
            capture.records.len()
        ),
    }];
    if status_lines == 0 {
        list.push(Warning {
            line: None,
            message: "no \"License Status:\" line in Microsoft's words was found: no licence \
                      status could be read"
                .to_owned(),
        });
    }
    list.extend(warnings.finish());
    capture.warnings = list;
    capture
}

/// Whether `text` (already known to be no JSON) is a look-alike: it talks about activation or
/// licences and shows at least one mark no Microsoft tool prints: an asterisk banner
/// (`*****`, `*** title ***`) or a banner with a title inside `===`, a script's own label
/// (`Activation status:`, `[+] Checking ...`, `Checking if Windows is Activated`), or a minute
/// count that is not digits (`**** minute(s)`, `XXX minute(s)`).
pub(crate) fn detect(text: &str) -> bool {
    let mut marked = false;
    let mut licensing = false;
    for raw in super::text::split_lines(text) {
        let line = super::text::clean(raw);
        let t = line.trim();
        if !licensing {
            licensing = contains_ci(t, "activat") || contains_ci(t, "licens");
        }
        if !marked {
            marked = is_banner(t) || has_own_label(t) || has_blanked_minutes(t);
        }
        if marked && licensing {
            return true;
        }
    }
    false
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_banner(t: &str) -> bool {
    if t.len() >= 5 && t.bytes().all(|b| b == b'*') {
        return true;
    }
    ["***", "==="].iter().any(|fence| {
        t.len() > 6
            && t.starts_with(fence)
            && t.ends_with(fence)
            && t.bytes().any(|b| b.is_ascii_alphabetic())
    })
}

fn has_own_label(t: &str) -> bool {
    const LABELS: [&str; 7] = [
        "Activation status:",
        "Windows activation status",
        "Windows Version Activation Status",
        "[+] ",
        "[*] ",
        "Checking activation",
        "Checking if Windows is Activated",
    ];
    LABELS
        .iter()
        .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// A `minute(s)` / `minutes` word after a token that is not a number (`****`, `XXX`, `--`).
fn has_blanked_minutes(t: &str) -> bool {
    let mut prev: Option<&str> = None;
    for word in t.split_whitespace() {
        let w = word.trim_start_matches('(');
        if w.starts_with("minute") {
            if let Some(p) = prev {
                let p = p.trim_start_matches(['(', ':']);
                if !p.is_empty()
                    && p.bytes()
                        .all(|b| matches!(b, b'*' | b'x' | b'X' | b'#' | b'?' | b'-'))
                {
                    return true;
                }
            }
        }
        prev = Some(word);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanked_minutes_mark_a_look_alike() {
        assert!(has_blanked_minutes(
            "Volume activation expiration: **** minute(s) (180 day(s))"
        ));
        assert!(has_blanked_minutes("Remaining: XXX minutes"));
        assert!(!has_blanked_minutes(
            "Volume activation expiration: 259197 minute(s) (180 day(s))"
        ));
        assert!(detect(
            "Volume activation expiration: **** minute(s) (180 day(s))\n"
        ));
    }

    #[test]
    fn microsoft_words_only() {
        assert_eq!(microsoft_status("Licensed"), Some(LicenseStatus::Licensed));
        assert_eq!(
            microsoft_status("Initial grace period"),
            Some(LicenseStatus::OobGrace)
        );
        assert_eq!(microsoft_status("1"), None);
        assert_eq!(microsoft_status("Activated"), None);
        assert_eq!(microsoft_status("Licensedd"), None);
    }
}
