//! `ConvertTo-Json` output of WMI and OSLicense objects: one object or an array of them.
//!
//! Properties are read in input order (a private map visitor; `serde_json`'s own map would
//! sort them). An array is read element by element, so a truncated array still yields the
//! elements before the cut.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::capture::{Capture, CaptureFormat, ParseOptions, Warning, Warnings, label};
use super::fields::{self, Applied, RecordState};
use super::record::LicenseRecord;
use crate::error::Error;

/// A JSON object's properties in input order.
struct Ordered(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V)
    }
}

const EXPECTED: &str = "a JSON object or an array of objects, as ConvertTo-Json writes them";

pub(crate) fn parse(
    format: CaptureFormat,
    input: &str,
    opts: &ParseOptions,
) -> Result<Capture, Error> {
    let text = input.strip_prefix('\u{feff}').unwrap_or(input);
    // Keys are masked in the raw text first (length-preserving, so JSON stays JSON); values
    // that spell a key with escapes are masked again when stored.
    let redacted = crate::catalog::product_key::redact_cow(text);
    let text: &str = &redacted;
    let start = text.len().saturating_sub(text.trim_start().len());
    let mut capture = Capture::new(format);
    let mut lines = LineCounter::default();
    let mut warnings = Warnings::default();
    let rest = text.get(start..).unwrap_or("");
    if rest.starts_with('{') {
        let obj: Ordered = serde_json::from_str(rest).map_err(|e| {
            let (line, cause) = lines.absolute(text, start, &e);
            Error::parse(
                label(format),
                line,
                &snippet(rest),
                format!("{EXPECTED} ({cause})"),
            )
        })?;
        let line = lines.line_at(text, start);
        capture
            .records
            .push(record(format, obj, line, opts, &mut warnings));
        capture.warnings = warnings.finish();
        return Ok(capture);
    }
    if !rest.starts_with('[') {
        return Err(Error::parse(
            label(format),
            lines.line_at(text, start),
            &snippet(rest),
            EXPECTED,
        ));
    }
    let mut pos = start.saturating_add(1);
    loop {
        pos = skip_ws(text, pos);
        let Some(tail) = text.get(pos..) else { break };
        if tail.starts_with(']') {
            break;
        }
        if tail.is_empty() {
            warn_truncated(format, &mut warnings, lines.line_at(text, pos));
            break;
        }
        let line = lines.line_at(text, pos);
        let mut stream = serde_json::Deserializer::from_str(tail).into_iter::<Ordered>();
        match stream.next() {
            Some(Ok(obj)) => {
                capture
                    .records
                    .push(record(format, obj, line, opts, &mut warnings));
                pos = pos.saturating_add(stream.byte_offset());
            }
            Some(Err(e)) if e.is_eof() => {
                warn_truncated(format, &mut warnings, line);
                break;
            }
            Some(Err(e)) => {
                // Not an object, or an object this crate cannot hold (a number out of range,
                // such as 1e400): skip the element, say so, and read the next one. Only when
                // the element is not JSON at all does reading stop.
                let mut skip = serde_json::Deserializer::from_str(tail).into_iter::<IgnoredAny>();
                let skipped = matches!(skip.next(), Some(Ok(_)));
                let (_, cause) = lines.absolute(text, pos, &e);
                let w = Error::parse(
                    label(format),
                    line,
                    &snippet(tail),
                    format!("{EXPECTED} ({cause})"),
                );
                warnings.push(Warning::from(w));
                if !skipped {
                    break;
                }
                pos = pos.saturating_add(skip.byte_offset());
            }
            None => {
                warn_truncated(format, &mut warnings, line);
                break;
            }
        }
        pos = skip_ws(text, pos);
        match text.get(pos..).and_then(|t| t.chars().next()) {
            Some(',') => pos = pos.saturating_add(1),
            Some(']') => break,
            None => {
                warn_truncated(format, &mut warnings, lines.line_at(text, pos));
                break;
            }
            Some(_) => {
                let tail = text.get(pos..).unwrap_or("");
                let w = Error::parse(
                    label(format),
                    lines.line_at(text, pos),
                    &snippet(tail),
                    "\",\" or \"]\" between array elements",
                );
                warnings.push(Warning::from(w));
                break;
            }
        }
    }
    capture.warnings = warnings.finish();
    if capture.records.is_empty() && capture.warnings.is_empty() {
        return Ok(capture);
    }
    if capture.records.is_empty() {
        let first = capture.warnings.first().cloned();
        let line = first.as_ref().and_then(|w| w.line).unwrap_or(1);
        return Err(Error::parse(label(format), line, &snippet(rest), EXPECTED));
    }
    capture.records.shrink_to_fit();
    Ok(capture)
}

fn warn_truncated(format: CaptureFormat, warnings: &mut Warnings, line: usize) {
    let e = Error::parse(
        label(format),
        line,
        "",
        "the rest of the JSON array: the capture ends inside it",
    );
    warnings.push(Warning::from(e));
}

fn skip_ws(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text.get(pos..).and_then(|t| t.chars().next()) {
        if !c.is_whitespace() {
            break;
        }
        pos = pos.saturating_add(c.len_utf8());
    }
    pos
}

/// The start of the first line of `t`, for an error message (bounded, so many bad
/// elements in a one-line array cost linear time).
fn snippet(t: &str) -> String {
    t.chars()
        .take_while(|c| *c != '\n' && *c != '\r')
        .take(100)
        .collect()
}

/// Counts lines and columns up to a byte offset, incrementally (offsets only grow, so many
/// warnings on one long line cost linear time).
#[derive(Default)]
struct LineCounter {
    pos: usize,
    /// Lines before `pos` (from 0).
    line: usize,
    /// Characters between the last line end before `pos` and `pos`.
    column: usize,
}

impl LineCounter {
    fn advance(&mut self, text: &str, pos: usize) {
        if pos <= self.pos {
            return;
        }
        let seg = text.get(self.pos..pos).unwrap_or_default();
        match seg.rfind('\n') {
            Some(nl) => {
                let added = seg.bytes().filter(|b| *b == b'\n').count();
                self.line = self.line.saturating_add(added);
                self.column = seg
                    .get(nl.saturating_add(1)..)
                    .map_or(0, |t| t.chars().count());
            }
            None => self.column = self.column.saturating_add(seg.chars().count()),
        }
        self.pos = pos;
    }

    /// The line (from 1) of byte `pos`.
    fn line_at(&mut self, text: &str, pos: usize) -> usize {
        self.advance(text, pos);
        self.line.saturating_add(1)
    }

    /// serde's error `e` from reading the text starting at byte `pos`: the line (from 1) it
    /// names in the whole text, and its message with that line and column (serde counts
    /// from `pos`).
    fn absolute(&mut self, text: &str, pos: usize, e: &serde_json::Error) -> (usize, String) {
        self.advance(text, pos);
        let message = e.to_string();
        if e.line() == 0 {
            return (self.line.saturating_add(1), message);
        }
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let bare = message.strip_suffix(&suffix).unwrap_or(&message);
        let line = self.line.saturating_add(e.line());
        // On serde's first line the column continues the one `pos` is on.
        let column = if e.line() == 1 {
            self.column.saturating_add(e.column())
        } else {
            e.column()
        };
        (line, format!("{bare} at line {line} column {column}"))
    }
}

fn record(
    format: CaptureFormat,
    obj: Ordered,
    line: usize,
    opts: &ParseOptions,
    warnings: &mut Warnings,
) -> LicenseRecord {
    let mut r = LicenseRecord::default();
    let mut st = RecordState::default();
    for (key, value) in obj.0 {
        let printed = match &value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        };
        let applied = fields::apply(
            &mut r,
            &mut st,
            &key,
            Some(printed.as_deref().unwrap_or("")),
            opts,
        );
        let recognised = match applied {
            Applied::Recognised => true,
            Applied::Unknown => false,
            Applied::Bad(expected) => {
                let shown = format!("{key}: {}", printed.as_deref().unwrap_or("null"));
                let e = Error::parse(label(format), line, &shown, expected);
                warnings.push(Warning::from(e));
                false
            }
        };
        r.fields
            .push_parts(None, &key, printed.as_deref(), recognised);
    }
    fields::finish(&mut r, &st);
    r
}
