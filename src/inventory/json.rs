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
        // One object, or JSON lines (one object per line): read object after object.
        let mut pos = start;
        let mut first = true;
        loop {
            pos = skip_ws(text, pos);
            let Some(tail) = text.get(pos..).filter(|t| !t.is_empty()) else {
                break;
            };
            let mut stream = serde_json::Deserializer::from_str(tail).into_iter::<Ordered>();
            match stream.next() {
                Some(Ok(obj)) => {
                    let line = lines.line_at(text, pos);
                    read_top(format, opts, line, &mut capture, &mut warnings, obj);
                    pos = pos.saturating_add(stream.byte_offset());
                }
                Some(Err(e)) => {
                    let (line, cause) = lines.absolute(text, pos, &e);
                    let err = Error::parse(
                        label(format),
                        line,
                        &snippet(tail),
                        format!("{EXPECTED} ({cause})"),
                    );
                    if first {
                        return Err(err);
                    }
                    // A later line that is not an object: said, and reading stops.
                    warnings.push(Warning::from(err));
                    break;
                }
                None => break,
            }
            first = false;
        }
        capture.records.shrink_to_fit();
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
                read_top(format, opts, line, &mut capture, &mut warnings, obj);
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

/// Reads one top-level object (a whole capture, a JSON line or an array element).
fn read_top(
    format: CaptureFormat,
    opts: &ParseOptions,
    line: usize,
    capture: &mut Capture,
    warnings: &mut Warnings,
    obj: Ordered,
) {
    let mut reader = Reader {
        format,
        opts,
        line,
        capture,
        warnings,
    };
    reader.object(obj, None, 0);
}

/// Deepest wrapper nesting read (`{"PC1": {"Products": [...]}}` is two).
const MAX_DEPTH: usize = 3;

/// Reads the objects of one top-level JSON value into a capture.
struct Reader<'a> {
    format: CaptureFormat,
    opts: &'a ParseOptions,
    /// The line the top-level value starts on.
    line: usize,
    capture: &'a mut Capture,
    warnings: &'a mut Warnings,
}

impl Reader<'_> {
    /// One object: a record when some property is a field this crate reads; otherwise a
    /// wrapper when some property holds objects (`{"Service": {...}, "Products": [...]}`, or
    /// objects keyed by machine name), whose objects are read the same way, each record
    /// starting with a raw field naming the property it was under (its scalar properties go
    /// to the preamble); otherwise a record of raw fields with a warning that no field was
    /// read.
    fn object(&mut self, obj: Ordered, origin: Option<&str>, depth: usize) {
        let is_record = obj.0.iter().any(|(k, _)| fields::is_field_label(k));
        let holds_objects = obj.0.iter().any(|(_, v)| match v {
            serde_json::Value::Object(_) => true,
            serde_json::Value::Array(items) => items.iter().any(serde_json::Value::is_object),
            _ => false,
        });
        if is_record || !holds_objects || depth >= MAX_DEPTH {
            let r = record(
                self.format,
                obj,
                origin,
                self.line,
                self.opts,
                self.warnings,
            );
            if !r.fields.iter().any(|f| f.recognised) {
                let shown = r
                    .fields
                    .iter()
                    .map(|f| f.key)
                    .take(5)
                    .collect::<Vec<_>>()
                    .join(", ");
                let e = Error::parse(
                    label(self.format),
                    self.line,
                    &format!("{{{shown}}}"),
                    "an object with a property this crate reads (Name, LicenseStatus, ...): none was read, the properties are kept raw",
                );
                self.warnings.push(Warning::from(e));
            }
            self.capture.records.push(r);
            return;
        }
        let depth = depth.saturating_add(1);
        for (key, value) in obj.0 {
            match value {
                serde_json::Value::Object(map) => {
                    self.object(Ordered(map.into_iter().collect()), Some(&key), depth);
                }
                serde_json::Value::Array(items)
                    if items.iter().any(serde_json::Value::is_object) =>
                {
                    for item in items {
                        match item {
                            serde_json::Value::Object(map) => {
                                self.object(Ordered(map.into_iter().collect()), Some(&key), depth);
                            }
                            other => self.scalar(&key, &other),
                        }
                    }
                }
                other => self.scalar(&key, &other),
            }
        }
    }

    /// A wrapper's property that is no object: kept in the preamble.
    fn scalar(&mut self, key: &str, value: &serde_json::Value) {
        let printed = printed(value);
        self.capture
            .preamble
            .push_parts(None, key, printed.as_deref(), false);
    }
}

/// A JSON value as the tools' text prints it: strings unquoted, `null` as none, the rest as
/// JSON text.
fn printed(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn record(
    format: CaptureFormat,
    obj: Ordered,
    origin: Option<&str>,
    line: usize,
    opts: &ParseOptions,
    warnings: &mut Warnings,
) -> LicenseRecord {
    let mut r = LicenseRecord::default();
    let mut st = RecordState::default();
    if let Some(origin) = origin {
        r.fields.push_parts(None, origin, None, true);
    }
    for (key, value) in obj.0 {
        let printed = printed(&value);
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
