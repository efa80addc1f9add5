//! What `parse_capture` holds, counted by a global allocator: shared by the memory bench
//! (`benches/memory.rs`, 4 MB inputs, prints figures) and the test that keeps the bound
//! (`tests/parse_memory.rs`, small inputs, asserts them).
//!
//! The allocator and its counting are `counting.rs`'s: only the measuring thread's
//! allocations count; `peak` is the most heap the parse held at once beyond what was live
//! before it started (the input itself, already in memory, is not counted), `kept` what the
//! returned `Capture` still holds.

// A measurement may unwrap and do plain arithmetic (a failure is the point).
#![allow(
    clippy::unwrap_used,
    clippy::arithmetic_side_effects,
    clippy::cast_precision_loss
)]

use volume_activation::inventory::{CaptureFormat, ParseOptions, parse_capture};

#[path = "counting.rs"]
mod counting;

pub use counting::Counting;
use counting::count;

/// What one parse held.
pub struct Measured {
    /// The input's size in bytes.
    pub input: usize,
    /// The most heap held at once during the parse, beyond what was live before it.
    pub peak: usize,
    /// What the returned capture holds.
    pub kept: usize,
    /// Records read.
    pub records: usize,
}

impl Measured {
    /// `peak` over the input size.
    pub fn peak_ratio(&self) -> f64 {
        self.peak as f64 / self.input as f64
    }

    /// `kept` over the input size.
    pub fn kept_ratio(&self) -> f64 {
        self.kept as f64 / self.input as f64
    }
}

/// Parses `input` as `format`, counting this thread's heap (blocks freed during the parse
/// that were allocated before it do not lower the figures below zero).
pub fn measure(format: CaptureFormat, input: &str) -> Measured {
    let options = ParseOptions::new();
    let (capture, held) = count(|| parse_capture(format, input, &options));
    let records = capture.as_ref().map_or(0, |c| c.records.len());
    drop(capture);
    Measured {
        input: input.len(),
        peak: held.peak,
        kept: held.kept,
        records,
    }
}

/// Most any shape may hold, as a multiple of its input (issue 11).
pub const BOUND: f64 = 3.0;

/// `cscript //nologo slmgr.vbs /xpr` on each machine: two short lines (about 90 bytes) per
/// product, the least input per record of any format.
const NOLOGO: &str = "slmgr-xpr //nologo";

/// The most [`NOLOGO`] may hold: a `LicenseRecord` is 304 bytes before it holds any text, 3.4
/// times such a product's input, so this shape cannot meet [`BOUND`] without a smaller public
/// record type. It holds 4.77x (it held 6.04x before the record was made smaller).
const NOLOGO_BOUND: f64 = 5.0;

/// One capture shape: a fixture repeated to about `target` bytes, and the most the parse may
/// hold (`BOUND`, or more for a shape known to exceed it).
pub struct Shape {
    /// The row's name.
    pub name: &'static str,
    /// The format it is parsed as.
    pub format: CaptureFormat,
    /// The text.
    pub input: String,
    /// The most its peak may be, as a multiple of the input.
    pub bound: f64,
}

fn repeat(unit: &str, sep: &str, target: usize) -> String {
    let mut s = String::with_capacity(target + unit.len() + sep.len());
    while s.len() < target {
        s.push_str(unit);
        s.push_str(sep);
    }
    s
}

/// Every format's shape, each about `target` bytes.
pub fn shapes(target: usize) -> Vec<Shape> {
    let f = |p: &str| {
        std::fs::read_to_string(format!("{}/tests/fixtures/{p}", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
    };
    let dlv = f("slmgr-dlv/kms-client-licensed.txt");
    let dlv_body = dlv.split_once("\n\n").map_or(dlv.as_str(), |(_, b)| b);
    let dli = f("slmgr-dli/kms-client-licensed.txt");
    let xpr = f("slmgr-xpr/kms-client-licensed.txt");
    let xpr_body = xpr.split_once("\n\n").map_or(xpr.as_str(), |(_, b)| b);
    let ospp = f("ospp-dstatus/kms-client-licensed.txt");
    let ospp_body: String = ospp
        .lines()
        .filter(|l| !l.starts_with("---Exiting"))
        .map(|l| format!("{l}\n"))
        .collect();
    let wmi = f("wmi-list/kms-host-count.txt");
    let osl = f("oslicense-list/kms-client-licensed.txt");
    let look = f("real-input/7-banner-checker.look-alike.txt");
    // Name, format, the unit repeated and what separates two units.
    let rows = [
        ("slmgr-dlv", CaptureFormat::SlmgrDlv, dlv_body, "\n"),
        ("slmgr-dli", CaptureFormat::SlmgrDli, &dli, "\n"),
        ("slmgr-xpr", CaptureFormat::SlmgrXpr, &xpr, "\n"),
        (NOLOGO, CaptureFormat::SlmgrXpr, xpr_body, ""),
        ("ospp-dstatus", CaptureFormat::OsppDstatus, &ospp_body, ""),
        ("wmi-list", CaptureFormat::WmiList, wmi.trim(), "\n\n"),
        (
            "oslicense-list",
            CaptureFormat::OsLicenseList,
            osl.trim(),
            "\n\n",
        ),
        ("look-alike", CaptureFormat::LookAlike, &look, "\n"),
    ];
    let mut shapes: Vec<Shape> = rows
        .into_iter()
        .map(|(name, format, unit, sep)| Shape {
            name,
            format,
            input: repeat(unit, sep, target),
            bound: if name == NOLOGO { NOLOGO_BOUND } else { BOUND },
        })
        .collect();
    shapes.extend(wmi_json(target));
    shapes
}

/// A `ConvertTo-Json` array of WMI objects (JSON captures need the serde feature).
fn wmi_json(target: usize) -> Option<Shape> {
    if !cfg!(feature = "serde") {
        return None;
    }
    let json = std::fs::read_to_string(format!(
        "{}/tests/fixtures/wmi-json/kms-host-count.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let obj = json
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let mut arr = String::from("[");
    arr.push_str(&repeat(&format!("{obj},"), "", target));
    arr.push_str(obj);
    arr.push(']');
    Some(Shape {
        name: "wmi-json",
        format: CaptureFormat::WmiJson,
        input: arr,
        bound: BOUND,
    })
}
