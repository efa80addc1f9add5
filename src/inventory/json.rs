//! `ConvertTo-Json` output of WMI and OSLicense objects: one object or an array of them.
//!
//! Properties are read in input order (a private map visitor; `serde_json`'s own map would
//! sort them). An array is read element by element, so a truncated array still yields the
//! elements before the cut.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::capture::{Capture, CaptureFormat, ParseOptions, Warning, label};
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
    let rest = text.get(start..).unwrap_or("");
    if rest.starts_with('{') {
        let obj: Ordered = serde_json::from_str(rest).map_err(|e| {
            let line = lines
                .line_at(text, start)
                .saturating_add(e.line().saturating_sub(1));
            Error::parse(
                label(format),
                line,
                &snippet(rest),
                format!("{EXPECTED} ({e})"),
            )
        })?;
        let line = lines.line_at(text, start);
        capture
            .records
            .push(record(format, obj, line, opts, &mut capture.warnings));
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
            warn_truncated(format, &mut capture, lines.line_at(text, pos));
            break;
        }
        let line = lines.line_at(text, pos);
        let mut stream = serde_json::Deserializer::from_str(tail).into_iter::<Ordered>();
        match stream.next() {
            Some(Ok(obj)) => {
                capture
                    .records
                    .push(record(format, obj, line, opts, &mut capture.warnings));
                pos = pos.saturating_add(stream.byte_offset());
            }
            Some(Err(e)) if e.is_eof() => {
                warn_truncated(format, &mut capture, line);
                break;
            }
            Some(Err(e)) => {
                // Not an object, or an object this crate cannot hold (a number out of range,
                // such as 1e400): skip the element, say so, and read the next one. Only when
                // the element is not JSON at all does reading stop.
                let mut skip = serde_json::Deserializer::from_str(tail).into_iter::<IgnoredAny>();
                let skipped = matches!(skip.next(), Some(Ok(_)));
                let w = Error::parse(
                    label(format),
                    line,
                    &snippet(tail),
                    format!("{EXPECTED} ({e})"),
                );
                capture.warnings.push(Warning::from(w));
                if !skipped {
                    break;
                }
                pos = pos.saturating_add(skip.byte_offset());
            }
            None => {
                warn_truncated(format, &mut capture, line);
                break;
            }
        }
        pos = skip_ws(text, pos);
        match text.get(pos..).and_then(|t| t.chars().next()) {
            Some(',') => pos = pos.saturating_add(1),
            Some(']') => break,
            None => {
                warn_truncated(format, &mut capture, lines.line_at(text, pos));
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
                capture.warnings.push(Warning::from(w));
                break;
            }
        }
    }
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

fn warn_truncated(format: CaptureFormat, capture: &mut Capture, line: usize) {
    let e = Error::parse(
        label(format),
        line,
        "",
        "the rest of the JSON array: the capture ends inside it",
    );
    capture.warnings.push(Warning::from(e));
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

/// Counts lines up to a byte offset, incrementally (offsets only grow).
#[derive(Default)]
struct LineCounter {
    pos: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, pos: usize) -> usize {
        if pos >= self.pos {
            let added = text
                .get(self.pos..pos)
                .map_or(0, |s| s.bytes().filter(|b| *b == b'\n').count());
            self.line = self.line.saturating_add(added);
            self.pos = pos;
        }
        self.line.saturating_add(1)
    }
}

fn record(
    format: CaptureFormat,
    obj: Ordered,
    line: usize,
    opts: &ParseOptions,
    warnings: &mut Vec<Warning>,
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
