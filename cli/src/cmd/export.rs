//! `export`: the crate's rule tables, each row with its sources, confidence and the data
//! version, as JSON (all tables or one) or CSV (one table), for PowerShell, Python and
//! configuration tools.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use volume_activation::catalog::{Coverage, Source};
use volume_activation::rules::{
    ActivationErrorCode, activation_threshold, avma_key, avma_key_confidence, gvlk, gvlk_source,
    host_key_coverage, host_os_support, required_update, threshold_source,
};
use volume_activation::strum::IntoEnumIterator;
use volume_activation::{Confidence, DATA_VERSION, KmsHostKey, Release, Sku};

use crate::args::{ExportArgs, ExportFormat, Table};
use crate::fail::{Fail, Outcome, Run};
use crate::io::Output;

/// A cell of an exported row.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Int(i64),
    List(Vec<String>),
    Null,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<Option<&str>> for Cell {
    fn from(s: Option<&str>) -> Cell {
        s.map_or(Cell::Null, Cell::from)
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(t) => s.serialize_str(t),
            Cell::Int(n) => s.serialize_i64(*n),
            Cell::List(l) => l.serialize(s),
            Cell::Null => s.serialize_none(),
        }
    }
}

/// One exported table: columns and rows (each row as long as the columns).
#[derive(Debug)]
struct Export {
    table: Table,
    columns: Vec<&'static str>,
    rows: Vec<Vec<Cell>>,
}

/// The rows as JSON objects, keys in column order.
struct Rows<'a>(&'a Export);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.rows.len()))?;
        for row in &self.0.rows {
            seq.serialize_element(&Row(&self.0.columns, row))?;
        }
        seq.end()
    }
}

struct Row<'a>(&'a [&'static str], &'a [Cell]);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (c, v) in self.0.iter().zip(self.1) {
            map.serialize_entry(c, v)?;
        }
        map.end()
    }
}

impl Serialize for Export {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("name", self.table.name())?;
        map.serialize_entry("columns", &self.columns)?;
        map.serialize_entry("rows", &Rows(self))?;
        map.end()
    }
}

/// The JSON document: the data version and the tables.
#[derive(Serialize)]
struct Document {
    data_version: &'static str,
    tables: Vec<Export>,
}

/// Source URLs of a row.
fn urls(sources: &[Source]) -> Cell {
    Cell::List(sources.iter().map(|s| s.url().to_owned()).collect())
}

fn confidence(c: Confidence) -> Cell {
    Cell::Text(c.to_string())
}

/// Columns every table ends with.
const PROVENANCE: [&str; 3] = ["confidence", "sources", "data_version"];

fn columns(first: &[&'static str]) -> Vec<&'static str> {
    first.iter().chain(PROVENANCE.iter()).copied().collect()
}

fn row(mut cells: Vec<Cell>, c: Cell, sources: Cell) -> Vec<Cell> {
    cells.extend([c, sources, DATA_VERSION.into()]);
    cells
}

fn coverage_cells(c: Coverage) -> [Cell; 2] {
    [c.answer().to_string().into(), c.basis().to_string().into()]
}

fn build(table: Table) -> Export {
    let (columns, rows): (Vec<&'static str>, Vec<Vec<Cell>>) = match table {
        Table::Skus => {
            let (source, conf) = threshold_source();
            (
                columns(&[
                    "sku",
                    "name",
                    "release",
                    "edition",
                    "family",
                    "kms_threshold",
                ]),
                Sku::all()
                    .map(|s| {
                        row(
                            vec![
                                s.to_string().into(),
                                s.name().into(),
                                s.release().to_string().into(),
                                s.edition().to_string().into(),
                                s.family().to_string().into(),
                                Cell::Int(i64::from(activation_threshold(s))),
                            ],
                            confidence(conf),
                            urls(&[source]),
                        )
                    })
                    .collect(),
            )
        }
        Table::Gvlks => (
            columns(&["sku", "key"]),
            Sku::all()
                .filter_map(|s| {
                    let (key, (source, conf)) = gvlk(s).zip(gvlk_source(s))?;
                    // Published by Microsoft for installing with slmgr /ipk: shown whole.
                    Some(row(
                        vec![s.to_string().into(), key.reveal().into()],
                        confidence(conf),
                        urls(&[source]),
                    ))
                })
                .collect(),
        ),
        Table::AvmaKeys => (
            columns(&["sku", "key"]),
            Sku::all()
                .filter_map(|s| {
                    let (key, conf) = avma_key(s).zip(avma_key_confidence(s))?;
                    // Published on the AVMA page (avma_key's source): shown whole.
                    Some(row(
                        vec![s.to_string().into(), key.reveal().into()],
                        confidence(conf),
                        urls(&[Source::AVMA]),
                    ))
                })
                .collect(),
        ),
        Table::HostKeyCoverage => (
            columns(&["host_key", "client", "answer", "basis"]),
            KmsHostKey::iter()
                .flat_map(|k| Sku::all().map(move |s| (k, s)))
                .map(|(k, s)| {
                    let c = host_key_coverage(k, s);
                    let mut cells = vec![k.to_string().into(), s.to_string().into()];
                    cells.extend(coverage_cells(c));
                    row(cells, confidence(c.confidence()), urls(c.sources()))
                })
                .collect(),
        ),
        Table::HostOs => (
            columns(&["host_os", "host_key", "answer", "basis"]),
            Sku::all()
                .flat_map(|s| KmsHostKey::iter().map(move |k| (s, k)))
                .map(|(s, k)| {
                    let c = host_os_support(s, k);
                    let mut cells = vec![s.to_string().into(), k.to_string().into()];
                    cells.extend(coverage_cells(c));
                    row(cells, confidence(c.confidence()), urls(c.sources()))
                })
                .collect(),
        ),
        Table::RequiredUpdates => (
            columns(&["host_os", "client", "need", "kbs", "basis"]),
            Release::iter()
                .flat_map(|h| Release::iter().map(move |c| (h, c)))
                .map(|(h, c)| {
                    let u = required_update(h, c);
                    row(
                        vec![
                            h.to_string().into(),
                            c.to_string().into(),
                            u.need().to_string().into(),
                            Cell::List(u.kbs().map(|k| k.to_string()).collect()),
                            u.basis().to_string().into(),
                        ],
                        confidence(u.confidence()),
                        urls(u.sources()),
                    )
                })
                .collect(),
        ),
        Table::ErrorCodes => (
            columns(&[
                "code",
                "code_decimal",
                "symbol",
                "message",
                "cause",
                "resolution",
                "methods",
            ]),
            ActivationErrorCode::all()
                .map(|e| {
                    row(
                        vec![
                            format!("0x{:08X}", e.hresult()).into(),
                            Cell::Int(i64::from(e.hresult_i32())),
                            e.symbol().into(),
                            e.message().into(),
                            e.cause().into(),
                            e.resolution().into(),
                            e.methods().into(),
                        ],
                        // Every row is a published Microsoft table row (the library's
                        // `ActivationErrorCode`: "one documented activation error code, as
                        // published"), with its own sources.
                        confidence(Confidence::Documented),
                        Cell::List(e.sources().map(str::to_owned).collect()),
                    )
                })
                .collect(),
        ),
    };
    Export {
        table,
        columns,
        rows,
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(cell: &Cell) -> String {
    let text = match cell {
        Cell::Text(t) => t.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::List(l) => l.join(" "),
        Cell::Null => String::new(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv(export: &Export) -> String {
    let mut out = export.columns.join(",");
    out.push_str("\r\n");
    for row in &export.rows {
        let fields: Vec<String> = row.iter().map(csv_field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Runs `export`.
pub(crate) fn run(args: &ExportArgs, json: bool, out: &mut Output) -> Run {
    let format = if json {
        ExportFormat::Json
    } else {
        args.format
    };
    match (format, args.table) {
        (ExportFormat::Csv, None) => Err(Fail::new(format!(
            "--format csv needs --table: one of {}",
            Table::ALL.map(Table::name).join(", ")
        ))),
        (ExportFormat::Csv, Some(t)) => {
            out.write(&csv(&build(t)))?;
            Ok(Outcome::Yes)
        }
        (ExportFormat::Json, table) => {
            let tables = match table {
                Some(t) => vec![build(t)],
                None => Table::ALL.iter().map(|&t| build(t)).collect(),
            };
            out.json(&Document {
                data_version: DATA_VERSION,
                tables,
            })?;
            Ok(Outcome::Yes)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field(&Cell::from("plain")), "plain");
        assert_eq!(csv_field(&Cell::from("a, b")), "\"a, b\"");
        assert_eq!(csv_field(&Cell::from("say \"x\"")), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field(&Cell::from("two\nlines")), "\"two\nlines\"");
        assert_eq!(csv_field(&Cell::Null), "");
        assert_eq!(csv_field(&Cell::Int(-5)), "-5");
        assert_eq!(csv_field(&Cell::List(vec!["a".into(), "b".into()])), "a b");
    }

    #[test]
    fn every_row_is_as_long_as_its_columns_and_ends_with_provenance() {
        for t in Table::ALL {
            let e = build(t);
            assert!(!e.rows.is_empty(), "{}", t.name());
            assert!(e.columns.ends_with(&PROVENANCE));
            for r in &e.rows {
                assert_eq!(r.len(), e.columns.len(), "{}", t.name());
                assert_eq!(r.last(), Some(&Cell::from(DATA_VERSION)));
            }
        }
    }
}
