//! The line-oriented formats: slmgr /dlv, /dli, /xpr, ospp /dstatus, and `Format-List`
//! output of WMI and OSLicense objects.
//!
//! One pass over the input, one logical line at a time: memory is linear in the input and
//! every loop advances by at least one line.

use super::capture::{
    Capture, CaptureFormat, CommandOutcome, CommandResult, ParseOptions, Warning, Warnings, label,
};
use super::fields::{self, Applied, RecordState};
use super::record::LicenseRecord;
use super::values;
use crate::error::Error;
use crate::lifecycle::LicenseStatus;

/// A record being filled.
struct Open {
    record: LicenseRecord,
    state: RecordState,
    start_line: usize,
    start_text: String,
    closed_by_separator: bool,
}

/// A logical line: one printed line, console-wrapped pieces rejoined (owned only then).
struct Logical<'a> {
    number: usize,
    text: std::borrow::Cow<'a, str>,
    last_physical_len: usize,
    /// Whether the first physical line is blank, and whether it has a `key: value` shape:
    /// decided once, as a continuation only appends to the value (re-splitting the growing
    /// line at each continuation cost quadratic time).
    blank: bool,
    has_value: bool,
}

pub(crate) fn parse(
    format: CaptureFormat,
    input: &str,
    opts: &ParseOptions,
) -> Result<Capture, Error> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    // Keys are masked in the whole text first (length-preserving), so a key cut by a console
    // wrap the parser does not rejoin is masked too.
    let redacted = crate::catalog::product_key::redact_cow(input);
    let input: &str = &redacted;
    let mut p = Parser {
        format,
        opts,
        capture: Capture::new(format),
        warnings: Warnings::default(),
        activating: None,
        wrap_guess: None,
        double_spaced: false,
        blank_run: 0,
        open: None,
        first_unread: None,
        first_start: None,
    };
    // Room for every record up front: a doubling vector of records would hold up to three
    // times their size while it grows.
    let survey = survey(format, input);
    p.capture.records.reserve(survey.records);
    p.wrap_guess = survey.wrap_width;
    p.double_spaced = survey.double_spaced;
    let mut pending: Option<Logical> = None;
    for (index, raw) in split_lines(input).enumerate() {
        let number = index.saturating_add(1);
        let line = clean(raw);
        if let Some(prev) = pending.as_mut() {
            if p.is_continuation(prev, &line) {
                work(line.len());
                prev.text
                    .to_mut()
                    .push_str(continuation_text(format, &line));
                prev.last_physical_len = width(&line);
                continue;
            }
        }
        if let Some(done) = pending.take() {
            p.line(done.number, &done.text);
        }
        let t = line.trim_ascii();
        let blank = t.is_empty();
        let has_value = split_kv(t).1.is_some();
        pending = Some(Logical {
            number,
            last_physical_len: width(&line),
            text: line,
            blank,
            has_value,
        });
    }
    let ends_with_newline = input.ends_with(['\n', '\r']);
    if let Some(done) = pending.take() {
        p.line(done.number, &done.text);
    }
    p.finish(ends_with_newline, input)
}

#[cfg(test)]
thread_local! {
    static WORK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts `n` bytes examined, so tests can check that work grows linearly with the input
/// (operation counts, not wall time). Does nothing outside tests.
#[inline]
pub(crate) fn work(n: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get().saturating_add(n)));
    let _ = n;
}

/// What one cheap pass over the lines tells before parsing.
struct Survey {
    /// At least the number of records (a count of the lines that can start one), to reserve
    /// room for them.
    records: usize,
    /// The console width the capture seems wrapped at: the longest line, when it is 60
    /// characters or more (a console cuts every longer line to exactly its width).
    wrap_width: Option<usize>,
    /// A blank line follows every printed line (a paste that doubled the line ends): then
    /// only two or more blank lines in a row end a list-view record.
    double_spaced: bool,
}

fn survey(format: CaptureFormat, input: &str) -> Survey {
    let starts = |t: &str, prefix: &str| {
        t.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
    };
    let mut n = 0_usize;
    let mut blank = true;
    let mut longest = 0_usize;
    let mut non_blank = 0_usize;
    let mut adjacent = 0_usize;
    for line in split_lines(input) {
        let raw = clean(line);
        let t = raw.trim_ascii();
        let start = match format {
            CaptureFormat::SlmgrXpr => !raw.starts_with(char::is_whitespace) && t.ends_with(':'),
            CaptureFormat::OsppDstatus => starts(t, "SKU ID") || starts(t, "PRODUCT ID"),
            CaptureFormat::WmiList | CaptureFormat::OsLicenseList => blank && !t.is_empty(),
            _ => starts(t, "Name:") || starts(t, "Name :"),
        };
        if !t.is_empty() {
            non_blank = non_blank.saturating_add(1);
            if !blank {
                adjacent = adjacent.saturating_add(1);
            }
        }
        longest = longest.max(width(&raw));
        blank = t.is_empty();
        n = n.saturating_add(usize::from(start));
    }
    Survey {
        records: n,
        wrap_width: (longest >= 60).then_some(longest),
        double_spaced: non_blank >= 4 && adjacent == 0,
    }
}

/// A printed line with paste damage undone: a chat or log prefix (`[10:02] user: `,
/// `[10:02:33] `) removed, and markdown escapes (`VOLUME\_KMSCLIENT`, `\*`) unescaped.
/// Borrowed when there is nothing to undo.
pub(crate) fn clean(line: &str) -> std::borrow::Cow<'_, str> {
    let line = strip_chat_prefix(line);
    if line.contains("\\_") || line.contains("\\*") {
        std::borrow::Cow::Owned(line.replace("\\_", "_").replace("\\*", "*"))
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// `line` without a leading `[time]` and an optional `name:` after it (chat and log pastes).
/// The time is digits and colons, optionally with AM or PM.
pub(crate) fn strip_chat_prefix(line: &str) -> &str {
    let Some(rest) = line.strip_prefix('[') else {
        return line;
    };
    let Some((stamp, after)) = rest.split_once(']') else {
        return line;
    };
    let stamp = stamp.trim();
    let stamp = strip_suffix_ci(stamp, "AM")
        .or_else(|| strip_suffix_ci(stamp, "PM"))
        .unwrap_or(stamp)
        .trim_end();
    if stamp.is_empty()
        || !stamp.contains(':')
        || !stamp.bytes().all(|b| b.is_ascii_digit() || b == b':')
    {
        return line;
    }
    let after = after.trim_start();
    // An optional speaker: one word ending in `:` before a space.
    if let Some((who, said)) = after.split_once(": ") {
        if !who.is_empty() && who.len() <= 32 && !who.contains(char::is_whitespace) {
            // `Name: value` after the stamp is a field, not a speaker: keep it.
            if !super::fields::is_field_label(who) {
                return said;
            }
        }
    }
    after
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    crate::catalog::key_kind::strip_suffix_ignore_case(s, suffix)
}

/// A shell prompt line (`PS C:\> ...`, `C:\Windows\system32>cscript ...`, `[C:\Users\x]$ ...`,
/// `user@host:~$ ...`): never a record.
fn is_prompt(t: &str) -> bool {
    let b = t.as_bytes();
    let drive = |b: &[u8]| {
        matches!(b, [l, b':', b'\\', ..] if l.is_ascii_alphabetic()) && b.contains(&b'>')
    };
    if let Some(rest) = t.strip_prefix("PS ") {
        return drive(rest.as_bytes());
    }
    if drive(b) {
        // The path runs to the first `>` with no spaces-then-colon field shape before it.
        return t
            .split_once('>')
            .is_some_and(|(path, _)| !path.contains(": "));
    }
    if let Some(rest) = t.strip_prefix('[') {
        return rest.split_once(']').is_some_and(|(_, after)| {
            after.starts_with('$') || after.starts_with('#') || after.starts_with('>')
        });
    }
    // user@host:path$ command
    if let Some((user_host, _)) = t.split_once("$ ") {
        return user_host.contains('@') && !user_host.contains(char::is_whitespace);
    }
    false
}

/// The lines activation commands and slmgr's errors print (see `Parser::command_line`).
fn is_command_text(t: &str) -> bool {
    (t.starts_with("Activating ") && t.ends_with("..."))
        || t.starts_with("Installed product key detected - attempting to activate")
        || t == "Product activated successfully."
        || t == "<Product activation successful>"
        || t == "<Offline product activation successful>"
        || t.starts_with("Error: ")
}

/// Lines a console or a script adds that are no part of the output: `Press any key to
/// continue . . .` and rules of `_` or `=`.
fn is_noise(t: &str) -> bool {
    let lower_starts = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    lower_starts("Press any key") || (t.len() >= 3 && t.bytes().all(|b| b == b'_' || b == b'='))
}

/// The lines of `input`. A line ends at `\n`, at `\r\n` (any run of `\r` before a `\n`
/// counts with it, as some consoles write `\r\r\n`), or at a lone `\r` (old Mac-style
/// captures); so `"a\r\nb"`, `"a\rb"` and `"a\nb"` all give `a`, `b`. Like `split('\n')`, a
/// final line end gives a final empty line.
pub(crate) fn split_lines(input: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(input);
    // Empty lines still to give for a run of lone `\r` already scanned (each byte is looked at
    // once: a run is never rescanned, so a long run costs linear time).
    let mut empties = 0_usize;
    std::iter::from_fn(move || {
        if empties > 0 {
            empties = empties.saturating_sub(1);
            return Some("");
        }
        let text = rest?;
        let bytes = text.as_bytes();
        let end = find_line_end(bytes);
        work(end.map_or(bytes.len(), |at| at.saturating_add(1)));
        match end {
            Some(at) => {
                let next = if bytes.get(at) == Some(&b'\r') {
                    let crs = bytes
                        .get(at..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|b| **b == b'\r')
                        .count();
                    work(crs);
                    let after = at.saturating_add(crs);
                    if bytes.get(after) == Some(&b'\n') {
                        after.saturating_add(1)
                    } else {
                        // Each lone `\r` ends a line: the run gives `crs - 1` empty lines.
                        empties = crs.saturating_sub(1);
                        after
                    }
                } else {
                    at.saturating_add(1)
                };
                // `\r` and `\n` are ASCII: both sides are character boundaries.
                rest = text.get(next..);
                text.get(..at)
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// The first `\n` or `\r` in `hay`, eight bytes at a time (as [`find_byte`]).
fn find_line_end(hay: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let lf = ONES.wrapping_mul(u64::from(b'\n'));
    let cr = ONES.wrapping_mul(u64::from(b'\r'));
    let mut start = 0_usize;
    for chunk in hay.chunks_exact(8) {
        let word = chunk.try_into().map_or(0, u64::from_le_bytes);
        let (a, b) = (word ^ lf, word ^ cr);
        if (a.wrapping_sub(ONES) & !a & HIGHS) | (b.wrapping_sub(ONES) & !b & HIGHS) != 0 {
            break;
        }
        start = start.saturating_add(8);
    }
    let rest = hay.get(start..)?;
    rest.iter()
        .position(|b| *b == b'\n' || *b == b'\r')
        .map(|at| start.saturating_add(at))
}

/// The printed width of a line in characters (counted only when it could be a wrap width).
fn width(line: &str) -> usize {
    if line.len() < 80 {
        line.len()
    } else {
        line.chars().count()
    }
}

fn continuation_text(format: CaptureFormat, line: &str) -> &str {
    if is_list(format) {
        line.trim_ascii_start()
    } else {
        line
    }
}

fn is_list(format: CaptureFormat) -> bool {
    matches!(
        format,
        CaptureFormat::WmiList | CaptureFormat::OsLicenseList
    )
}

/// Splits a trimmed line into `Key: value`; a line ending in `:` has an empty value; a line without a colon
/// followed by a space has no value.
///
/// A full-width colon (`：`, U+FF1A, as Chinese and Japanese text writes it) separates too,
/// with or without a space after it, when it comes before any ASCII `: `.
pub(crate) fn split_kv(t: &str) -> (&str, Option<&str>) {
    // A byte scan: `split_once(": ")` builds a two-way searcher per call.
    let bytes = t.as_bytes();
    // U+FF1A in UTF-8; its first byte never starts an ASCII character, so the scan for it is
    // the same byte scan.
    const FULL_WIDTH: [u8; 3] = [0xEF, 0xBC, 0x9A];
    let full_width = if t.is_ascii() {
        None
    } else {
        work(bytes.len());
        bytes.windows(3).position(|w| w == FULL_WIDTH)
    };
    let mut i = 0;
    while let Some(off) = bytes.get(i..).and_then(|b| find_byte(b, b':')) {
        let at = i.saturating_add(off);
        work(off.saturating_add(1));
        if full_width.is_some_and(|f| f < at) {
            break;
        }
        if bytes.get(at.saturating_add(1)) == Some(&b' ') {
            if let (Some(k), Some(v)) = (t.get(..at), t.get(at.saturating_add(2)..)) {
                return (k.trim_ascii_end(), Some(v.trim_ascii_start()));
            }
        }
        i = at.saturating_add(1);
    }
    work(bytes.len().saturating_sub(i));
    if let Some(f) = full_width {
        if let (Some(k), Some(v)) = (t.get(..f), t.get(f.saturating_add(3)..)) {
            return (k.trim_end(), Some(v.trim_start()));
        }
    }
    if let Some(k) = t.strip_suffix(':') {
        return (k.trim_ascii_end(), Some(""));
    }
    (t, None)
}

/// The first `needle` in `hay`, eight bytes at a time (keys run to 80 bytes; a byte loop
/// costs a compare and branch per byte).
fn find_byte(hay: &[u8], needle: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES.wrapping_mul(u64::from(needle));
    let mut start = 0_usize;
    for chunk in hay.chunks_exact(8) {
        let word = chunk
            .try_into()
            .map_or(0, |c: [u8; 8]| u64::from_le_bytes(c) ^ pattern);
        // Non-zero exactly when some byte of `word` is zero, i.e. some byte is `needle`.
        if word.wrapping_sub(ONES) & !word & HIGHS != 0 {
            break;
        }
        start = start.saturating_add(8);
    }
    let rest = hay.get(start..)?;
    rest.iter()
        .position(|b| *b == needle)
        .map(|at| start.saturating_add(at))
}

fn is_banner(t: &str) -> bool {
    t.starts_with("Microsoft (R) Windows Script Host")
        || t.starts_with("Copyright (C) Microsoft Corporation")
        || t == "Windows Script Host"
        || super::locale::BANNERS.iter().any(|(_, b)| t == *b)
}

/// ospp's `---Processing---`, `---Exiting---` and plain dashed separators.
fn is_separator(t: &str) -> bool {
    t.len() >= 3
        && t.starts_with("---")
        && t.trim_matches('-').chars().all(|c| c.is_ascii_alphabetic())
}

struct Parser<'a> {
    format: CaptureFormat,
    opts: &'a ParseOptions,
    capture: Capture,
    warnings: Warnings,
    /// The product named by the last activation line (slmgr `Activating ...`, or ospp's
    /// attempt notice, then its block), waiting for its outcome.
    activating: Option<Option<String>>,
    /// The console width the capture seems wrapped at ([`Survey::wrap_width`]), used when
    /// [`ParseOptions::console_width`] was not given.
    wrap_guess: Option<usize>,
    /// [`Survey::double_spaced`], and the blank lines seen in a row.
    double_spaced: bool,
    blank_run: usize,
    open: Option<Open>,
    /// The first line no record could use, for the error when nothing is read.
    first_unread: Option<(usize, String)>,
    /// The line that opened the first record, for the same error when no record has a field
    /// the parser reads.
    first_start: Option<(usize, String)>,
}

impl Parser<'_> {
    fn warn(&mut self, line: usize, text: &str, expected: &str) {
        let e = Error::parse(label(self.format), line, text, expected.to_owned());
        self.warnings.push(Warning::from(e));
    }

    /// Whether a physical line continues the previous logical one.
    fn is_continuation(&self, prev: &Logical, line: &str) -> bool {
        // Outside lists only a line after one of the wrap width can continue it (the usual
        // answer, found without trimming).
        let wrapped = self.is_wrap_width(prev.last_physical_len);
        if !is_list(self.format) && !wrapped {
            return false;
        }
        let t = line.trim_ascii();
        if t.is_empty() || prev.blank {
            return false;
        }
        if is_list(self.format) && line.starts_with(char::is_whitespace) && !line.contains(" : ") {
            return prev.has_value;
        }
        if !wrapped || self.is_known_line(t) {
            return false;
        }
        // At a width only guessed from the capture, a line shaped `key: value` is taken for a
        // field of its own (an unknown label), never a wrapped tail.
        self.opts.is_wrap_width(prev.last_physical_len) || split_kv(t).1.is_none()
    }

    /// Whether a line this wide was cut by the console: the width given, or else 80, 120 or
    /// the width the capture's longest lines show.
    fn is_wrap_width(&self, len: usize) -> bool {
        self.opts.is_wrap_width(len)
            || (self.opts.console_width.is_none() && self.wrap_guess == Some(len))
    }

    /// Opens `record`, started by line `number` (`t`).
    fn open_record(&mut self, number: usize, t: &str, record: LicenseRecord) {
        if self.first_start.is_none() {
            self.first_start = Some((number, t.to_owned()));
        }
        self.open = Some(Open {
            record,
            state: RecordState::default(),
            start_line: number,
            start_text: t.to_owned(),
            closed_by_separator: false,
        });
    }

    /// A line the field table reads into a typed value (or refuses a value for): what only a
    /// record holds, so a capture that starts with one starts mid-record.
    fn is_typed_field(&self, t: &str, key: &str, value: Option<&str>) -> bool {
        let mut scratch = LicenseRecord::default();
        let mut st = RecordState::default();
        let applied = fields::apply(&mut scratch, &mut st, key, value, self.opts);
        !matches!(applied, Applied::Unknown)
            || (self.format == CaptureFormat::SlmgrXpr
                && xpr_statement(&mut scratch, t, self.opts).is_some())
    }

    /// A line that is a field or statement the parser knows (so never a wrapped tail).
    fn is_known_line(&self, t: &str) -> bool {
        if is_banner(t) || is_separator(t) || is_prompt(t) || is_noise(t) || is_command_text(t) {
            return true;
        }
        let (k, v) = split_kv(t);
        if v.is_some() && fields::is_raw_label(k) {
            return true;
        }
        let mut scratch = LicenseRecord::default();
        let mut st = RecordState::default();
        !matches!(
            fields::apply(&mut scratch, &mut st, k, v, self.opts),
            Applied::Unknown
        ) || xpr_statement(&mut scratch, t, self.opts).is_some()
    }

    fn starts_record(&self, key: &str, value: Option<&str>, indented: bool) -> bool {
        match self.format {
            CaptureFormat::SlmgrXpr => !indented && value == Some(""),
            CaptureFormat::OsppDstatus => {
                (key.eq_ignore_ascii_case("SKU ID") || key.eq_ignore_ascii_case("PRODUCT ID"))
                    && self.open.is_none()
            }
            CaptureFormat::WmiList | CaptureFormat::OsLicenseList => self.open.is_none(),
            _ => key.eq_ignore_ascii_case("Name") && value.is_some(),
        }
    }

    fn line(&mut self, number: usize, raw: &str) {
        let t = raw.trim_ascii();
        if t.is_empty() {
            self.blank_run = self.blank_run.saturating_add(1);
            if is_list(self.format) && (!self.double_spaced || self.blank_run >= 2) {
                self.close(true);
            }
            return;
        }
        self.blank_run = 0;
        if is_banner(t) || is_prompt(t) || is_noise(t) {
            // Kept (the script host version can matter), but never a record start.
            let fields = match self.open.as_mut() {
                Some(open) => &mut open.record.fields,
                None => &mut self.capture.preamble,
            };
            fields.push_parts(Some(number), t, None, true);
            return;
        }
        if is_separator(t) {
            if self.format == CaptureFormat::OsppDstatus {
                if let Some(open) = self.open.as_mut() {
                    open.closed_by_separator = true;
                }
                self.close(true);
            }
            return;
        }
        if self.command_line(number, t) {
            let fields = match self.open.as_mut() {
                Some(open) => &mut open.record.fields,
                None => &mut self.capture.preamble,
            };
            let (key, value) = split_kv(t);
            fields.push_parts(Some(number), key, value, true);
            return;
        }
        let (key, value) = split_kv(t);
        let indented = raw.starts_with(char::is_whitespace);
        if self.starts_record(key, value, indented) {
            self.close(true);
            let mut record = LicenseRecord::default();
            if self.format == CaptureFormat::SlmgrXpr {
                record.name = Some(super::record::redact(key));
            }
            self.open_record(number, t, record);
            if self.format == CaptureFormat::SlmgrXpr {
                self.push(number, key, Some(""), true);
                return;
            }
        }
        if self.open.is_none() && !is_list(self.format) && self.is_typed_field(t, key, value) {
            // A capture that starts mid-record: the fields it has still make a record,
            // flagged as cut at its start.
            let record = LicenseRecord {
                cut_at_start: true,
                ..LicenseRecord::default()
            };
            let expected = self.record_start_expected();
            self.warn(
                number,
                t,
                &format!("{expected}: the capture starts inside a record, read as a record cut at its start"),
            );
            self.open_record(number, t, record);
        }
        let Some(open) = self.open.as_mut() else {
            self.preamble(number, t, key, value);
            return;
        };
        let applied = if self.format == CaptureFormat::SlmgrXpr {
            match xpr_statement(&mut open.record, t, self.opts) {
                Some(Ok(())) => Applied::Recognised,
                Some(Err(e)) => Applied::Bad(e),
                None => fields::apply(&mut open.record, &mut open.state, key, value, self.opts),
            }
        } else {
            fields::apply(&mut open.record, &mut open.state, key, value, self.opts)
        };
        match applied {
            Applied::Recognised => self.push(number, key, value, true),
            Applied::Unknown => self.push(number, key, value, false),
            Applied::Bad(expected) => {
                self.push(number, key, value, false);
                self.warn(number, t, expected);
            }
        }
    }

    /// Reads a line an activation command or a failing slmgr command prints (see
    /// [`CommandResult`]); `false` when the line is not one.
    fn command_line(&mut self, number: usize, t: &str) -> bool {
        let redacted = |s: &str| Some(super::record::redact(s.trim()));
        let open_name = |p: &Self| p.open.as_ref().and_then(|o| o.record.name.clone());
        let result = |p: &mut Self, outcome: CommandOutcome| {
            let product = p.activating.take().flatten().or_else(|| open_name(p));
            p.capture.results.push(CommandResult {
                line: number,
                product,
                outcome,
            });
        };
        if let Some(rest) = t.strip_prefix("Activating ") {
            if let Some(rest) = rest.strip_suffix("...") {
                // `Activating <name> (<Activation ID>) ...`: the name is before the last `(`.
                let name = rest.trim_end().rsplit_once(" (").map_or(rest, |(n, _)| n);
                self.activating = Some(redacted(name));
                return true;
            }
        }
        if t == "Installed product key detected - attempting to activate the following product:" {
            self.activating = Some(None);
            return true;
        }
        if t == "Product activated successfully."
            || t == "<Product activation successful>"
            || t == "<Offline product activation successful>"
        {
            result(self, CommandOutcome::Activated);
            return true;
        }
        if t == "Error: Product activation failed." {
            result(
                self,
                CommandOutcome::Failed {
                    code: None,
                    description: None,
                },
            );
            return true;
        }
        if let Some(rest) = t
            .strip_prefix("Error: 0x")
            .or_else(|| t.strip_prefix("Error: 0X"))
        {
            let (hex, text) = rest.split_once(' ').unwrap_or((rest, ""));
            if let Ok(code) = values::hresult(&format!("0x{hex}")) {
                let text = text.trim();
                let description = (!text.is_empty()).then(|| super::record::redact(text));
                result(
                    self,
                    CommandOutcome::Failed {
                        code: Some(code),
                        description,
                    },
                );
                return true;
            }
        }
        // ospp: after an activation attempt, its error lines are the attempt's outcome (they
        // also set the record's status reason, so they are read as fields too: not consumed).
        if self.format == CaptureFormat::OsppDstatus {
            let (k, v) = split_kv(t);
            if k == "ERROR CODE" && self.activating.is_some() {
                if let Some(code) = v.and_then(|v| values::hresult(v).ok()) {
                    result(
                        self,
                        CommandOutcome::Failed {
                            code: Some(code),
                            description: None,
                        },
                    );
                }
            } else if k == "ERROR DESCRIPTION" {
                // The description of the error code on the line before, if that was an
                // activation attempt's.
                if let Some(CommandResult {
                    line,
                    outcome:
                        CommandOutcome::Failed {
                            description: slot @ None,
                            ..
                        },
                    ..
                }) = self.capture.results.last_mut()
                {
                    if line.saturating_add(1) == number {
                        *slot = v.map(super::record::redact);
                    }
                }
            }
        }
        false
    }

    fn push(&mut self, number: usize, key: &str, value: Option<&str>, recognised: bool) {
        if let Some(open) = self.open.as_mut() {
            open.record
                .fields
                .push_parts(Some(number), key, value, recognised);
        }
    }

    fn preamble(&mut self, number: usize, t: &str, key: &str, value: Option<&str>) {
        let recognised = key.eq_ignore_ascii_case("Software licensing service version")
            || (self.format == CaptureFormat::OsppDstatus && t.starts_with('<'));
        self.capture
            .preamble
            .push_parts(Some(number), key, value, recognised);
        if !recognised {
            if self.first_unread.is_none() {
                self.first_unread = Some((number, t.to_owned()));
            }
            let expected = self.record_start_expected();
            self.warn(number, t, expected);
        }
    }

    fn record_start_expected(&self) -> &'static str {
        match self.format {
            CaptureFormat::SlmgrXpr => "a product name ending in \":\"",
            CaptureFormat::OsppDstatus => {
                "a product block starting with \"PRODUCT ID:\" or \"SKU ID:\""
            }
            CaptureFormat::WmiList | CaptureFormat::OsLicenseList => "a \"Property : value\" line",
            _ => "a product block starting with \"Name:\"",
        }
    }

    /// Closes the open record; `complete` says whether its end was seen.
    fn close(&mut self, complete: bool) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        fields::finish(&mut open.record, &open.state);
        if open.record.is_empty() {
            return;
        }
        open.record.fields.shrink_to_fit();
        if complete {
            self.capture.records.push(open.record);
        } else {
            let e = Error::parse(
                label(self.format),
                open.start_line,
                &open.start_text,
                "a complete record: the capture ends inside it",
            );
            self.warnings.push(Warning::from(e));
            self.capture.partial = Some(open.record);
        }
    }

    fn finish(mut self, ends_with_newline: bool, input: &str) -> Result<Capture, Error> {
        let complete = match self.open.as_ref() {
            None => true,
            Some(open) => match self.format {
                CaptureFormat::OsppDstatus => open.closed_by_separator,
                CaptureFormat::WmiList | CaptureFormat::OsLicenseList => ends_with_newline,
                _ => {
                    open.record.status.is_some()
                        || open
                            .record
                            .fields
                            .iter()
                            .any(|f| f.key.eq_ignore_ascii_case("This license is not in use."))
                }
            },
        };
        self.close(complete);
        // Records count only when the parser read something in one of them: text with no
        // recognised field (a list view opens a record on any line) is not a capture of this
        // format, and `parse_capture` errs when no record can be read.
        let any_read = self
            .capture
            .records
            .iter()
            .chain(self.capture.partial.as_ref())
            .any(|r| r.fields.iter().any(|f| f.recognised))
            || !self.capture.results.is_empty();
        if !any_read && super::locale::looks_like_licensing(input) {
            // Licensing output whose labels this crate does not read (another display
            // language): every line kept raw (preamble or records), said once.
            let (line, text) = self
                .first_unread
                .take()
                .or(self.first_start.take())
                .unwrap_or((1, String::new()));
            let e = Error::parse(
                label(self.format),
                line,
                &text,
                format!(
                    "labels in a language this crate reads ({}): this looks like licensing output in another display language; its lines are kept unread",
                    super::locale::read_languages()
                ),
            );
            self.capture.warnings = vec![Warning::from(e)];
            return Ok(self.capture);
        }
        if !any_read {
            let (line, text) = self
                .first_unread
                .take()
                .or(self.first_start.take())
                .unwrap_or((1, String::new()));
            return Err(Error::parse(
                label(self.format),
                line,
                &text,
                self.record_start_expected(),
            ));
        }
        self.capture.records.shrink_to_fit();
        self.capture.preamble.shrink_to_fit();
        self.capture.warnings = self.warnings.finish();
        Ok(self.capture)
    }
}

/// The status lines `slmgr /xpr` prints under a product name. `None` when the line is not
/// one of them.
fn xpr_statement(
    r: &mut LicenseRecord,
    t: &str,
    opts: &ParseOptions,
) -> Option<Result<(), &'static str>> {
    use super::locale::XprSays;
    use super::record::ExpiryKind as K;
    const DATED: [(&str, LicenseStatus, K); 7] = [
        (
            "Volume activation will expire",
            LicenseStatus::Licensed,
            K::Volume,
        ),
        (
            "Timebased activation will expire",
            LicenseStatus::Licensed,
            K::TimeBased,
        ),
        (
            "Automatic VM activation will expire",
            LicenseStatus::Licensed,
            K::AutomaticVm,
        ),
        (
            "Initial grace period ends",
            LicenseStatus::OobGrace,
            K::Grace,
        ),
        (
            "Additional grace period ends",
            LicenseStatus::OotGrace,
            K::Grace,
        ),
        (
            "Non-genuine grace period ends",
            LicenseStatus::NonGenuineGrace,
            K::Grace,
        ),
        (
            "Extended grace period ends",
            LicenseStatus::ExtendedGrace,
            K::Grace,
        ),
    ];
    let t = t.trim_ascii();
    for (prefix, status, kind) in DATED {
        if let Some(rest) = t.strip_prefix(prefix) {
            return Some(dated(r, status, kind, rest, opts));
        }
    }
    // Sentences printed in another display language (`locale.rs`).
    if let Some((kind, date)) = super::locale::xpr_dated(t) {
        return Some(dated(r, LicenseStatus::Licensed, kind, date, opts));
    }
    let says = match t.trim_end_matches('.') {
        "The machine is permanently activated" => XprSays::Permanent,
        "Windows is in Notification mode" => XprSays::Notification,
        "Unlicensed" => XprSays::Unlicensed,
        other => super::locale::xpr_sentence(other)?,
    };
    let status = match says {
        XprSays::Permanent => {
            r.permanent = true;
            LicenseStatus::Licensed
        }
        XprSays::Notification => LicenseStatus::Notification,
        XprSays::Unlicensed => LicenseStatus::Unlicensed,
    };
    r.status = Some(status);
    Some(Ok(()))
}

/// Sets a dated `/xpr` sentence's status, expiry kind and date.
fn dated(
    r: &mut LicenseRecord,
    status: LicenseStatus,
    kind: super::record::ExpiryKind,
    date: &str,
    opts: &ParseOptions,
) -> Result<(), &'static str> {
    r.status = Some(status);
    r.expiry_kind = Some(kind);
    let when = values::time(date, opts.date_order).map_err(|p| p.expected())?;
    r.expires = when;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{WORK, find_byte, find_line_end, split_lines};
    use crate::inventory::capture::{CaptureFormat, ParseOptions};

    /// The bytes examined parsing `input` as `format`.
    fn work_for(format: CaptureFormat, input: &str) -> usize {
        WORK.with(|w| w.set(0));
        if format == CaptureFormat::LookAlike {
            let _ = crate::inventory::lookalike::parse(input);
        } else {
            let _ = super::parse(format, input, &ParseOptions::new());
        }
        WORK.with(std::cell::Cell::get)
    }

    /// Doubling the input at most about doubles the work (a quadratic parser quadruples it).
    fn assert_linear(format: CaptureFormat, make: impl Fn(usize) -> String) {
        let (small, large) = (make(4_000), make(8_000));
        let (a, b) = (work_for(format, &small), work_for(format, &large));
        assert!(a > 0);
        let ratio = b as f64 / a as f64;
        assert!(
            ratio < 2.3,
            "{format}: {} bytes take {a}, {} bytes take {b} (x{ratio:.2})",
            small.len(),
            large.len()
        );
    }

    const TEXT: [CaptureFormat; 7] = [
        CaptureFormat::SlmgrDlv,
        CaptureFormat::SlmgrDli,
        CaptureFormat::SlmgrXpr,
        CaptureFormat::OsppDstatus,
        CaptureFormat::WmiList,
        CaptureFormat::OsLicenseList,
        CaptureFormat::LookAlike,
    ];

    #[test]
    fn lone_cr_runs_are_linear() {
        for format in TEXT {
            assert_linear(format, |n| {
                format!(
                    "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n{}x\n",
                    "\r".repeat(n)
                )
            });
        }
    }

    #[test]
    fn list_view_continuations_are_linear() {
        for format in [CaptureFormat::WmiList, CaptureFormat::OsLicenseList] {
            assert_linear(format, |n| {
                let mut s = String::from("Name : Windows(R), Enterprise edition\nDescription : a");
                for _ in 0..n {
                    s.push_str("\n              more text");
                }
                s.push_str("\nLicenseStatus : 1\n");
                s
            });
        }
    }

    #[test]
    fn list_view_continuations_of_an_empty_value_are_linear() {
        // `Key :` ends in a colon; joined with its continuations the line has no `: `, and
        // re-splitting it at each continuation scanned the whole growing line.
        for format in [CaptureFormat::WmiList, CaptureFormat::OsLicenseList] {
            assert_linear(format, |n| {
                let mut s = String::from("Name : Windows(R), Enterprise edition\nDescription :");
                for _ in 0..n {
                    s.push_str("\n              more:text");
                }
                s.push_str("\nLicenseStatus : 1\n");
                s
            });
        }
    }

    #[test]
    fn wrapped_lines_are_linear() {
        // Lines of exactly the wrap width, each continuing the one before.
        for format in TEXT {
            assert_linear(format, |n| {
                let mut s = String::from(
                    "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\nDescription: ",
                );
                s.push_str(&"d".repeat(80 - 13));
                for _ in 0..n / 10 {
                    s.push('\n');
                    s.push_str(&"w".repeat(80));
                }
                s.push('\n');
                s
            });
        }
    }
    use proptest::prelude::*;

    proptest! {
        /// The line splitter gives what `split('\n')` gives once every `\r`-run before a
        /// `\n` is dropped and every other `\r` is made a `\n`.
        #[test]
        fn split_lines_is_split(input in "[a-z\\n\\r é:]{0,80}") {
            let ours: Vec<&str> = split_lines(&input).collect();
            let mut norm = String::new();
            let mut crs = 0_usize;
            for c in input.chars() {
                match c {
                    '\r' => crs = crs.saturating_add(1),
                    '\n' => {
                        crs = 0;
                        norm.push('\n');
                    }
                    _ => {
                        norm.extend(std::iter::repeat_n('\n', crs));
                        crs = 0;
                        norm.push(c);
                    }
                }
            }
            norm.extend(std::iter::repeat_n('\n', crs));
            let std: Vec<&str> = norm.split('\n').collect();
            prop_assert_eq!(ours, std);
        }

        /// Without any `\r`, the line splitter is `split('\n')`.
        #[test]
        fn split_lines_without_cr_is_split(input in "[a-z\\n é:]{0,80}") {
            let ours: Vec<&str> = split_lines(&input).collect();
            let std: Vec<&str> = input.split('\n').collect();
            prop_assert_eq!(ours, std);
        }

        /// The two-byte scan finds exactly what a byte loop finds.
        #[test]
        fn find_line_end_is_position(hay in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(
                find_line_end(&hay),
                hay.iter().position(|b| *b == b'\n' || *b == b'\r')
            );
        }

        /// The eight-bytes-at-a-time scan finds exactly what a byte loop finds.
        #[test]
        fn find_byte_is_position(hay in proptest::collection::vec(any::<u8>(), 0..64), needle in any::<u8>()) {
            prop_assert_eq!(find_byte(&hay, needle), hay.iter().position(|b| *b == needle));
        }
    }

    #[test]
    fn split_lines_edges() {
        fn lines(s: &str) -> Vec<&str> {
            split_lines(s).collect()
        }
        assert_eq!(lines("a\rb\r\rc\r"), ["a", "b", "", "c", ""]);
        assert_eq!(lines("a\r\nb\r\r\nc\n"), ["a", "b", "c", ""]);
        assert_eq!(lines("a\n\rb"), ["a", "", "b"]);
        assert_eq!(lines(""), [""]);
        assert_eq!(lines("\r"), ["", ""]);
        assert_eq!(find_line_end(b"abcdefgh\r"), Some(8));
        assert_eq!(find_line_end(b"abcdefghijklmnop"), None);
    }

    #[test]
    fn split_kv_full_width_colon_only_before_an_ascii_one() {
        use super::split_kv;
        // Full-width colon, with or without a space after it.
        assert_eq!(split_kv("状态：已授权"), ("状态", Some("已授权")));
        assert_eq!(split_kv("状态： 已授权"), ("状态", Some("已授权")));
        assert_eq!(split_kv("状态："), ("状态", Some("")));
        // An ASCII `: ` first: the full-width colon is part of the value.
        assert_eq!(split_kv("Name: a：b"), ("Name", Some("a：b")));
        // A full-width colon first: the ASCII `: ` is part of the value.
        assert_eq!(split_kv("状态：x: y"), ("状态", Some("x: y")));
        // Neither: no value.
        assert_eq!(split_kv("状态 已授权"), ("状态 已授权", None));
        assert_eq!(split_kv("a:b"), ("a:b", None));
    }

    #[test]
    fn find_byte_edges() {
        assert_eq!(find_byte(b"", b':'), None);
        assert_eq!(find_byte(b"abcdefgh:", b':'), Some(8));
        assert_eq!(find_byte(b"abcdefg:", b':'), Some(7));
        assert_eq!(
            find_byte(b"\x80\x81\x7f\x00\x01\x02\x03\x04\x05", 0),
            Some(3)
        );
        assert_eq!(find_byte(&[0x3b; 17], b':'), None);
    }
}
