//! Peak heap use of `parse_capture` relative to the input size, per format, with a counting
//! global allocator (no timing): `cargo bench --bench memory`.
//!
//! Each fixture is repeated until the input is about 4 MB. "peak" is the most heap the parse
//! held at once beyond what was live before it started (the input itself is not counted);
//! "kept" is what the returned `Capture` still holds. The bound is peak <= 3x input.

// A counting global allocator needs `unsafe` (as tests/kms_alloc.rs); benches may unwrap and
// do plain arithmetic (a failure is the point). The rest of the lints apply.
#![allow(
    unsafe_code,
    clippy::unwrap_used,
    clippy::arithmetic_side_effects,
    clippy::cast_precision_loss
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use volume_activation::inventory::{CaptureFormat, ParseOptions, parse_capture};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: delegates every call to the system allocator unchanged; it only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size <= layout.size() {
            // Shrinking happens in place.
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // Growing may move the block: old and new coexist, so count the new one first.
        let now = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
        PEAK.fetch_max(now, Ordering::Relaxed);
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        p
    }
}

#[global_allocator]
static A: Counting = Counting;

const TARGET: usize = 4 << 20;

fn measure(name: &str, format: CaptureFormat, input: &str) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let capture = parse_capture(format, input, &ParseOptions::new());
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    let kept = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    let records = capture.as_ref().map_or(0, |c| c.records.len());
    drop(capture);
    let n = input.len() as f64;
    println!(
        "{name:<28} input {:>9} B  peak {:>10} B ({:>5.2}x)  kept {:>10} B ({:>5.2}x)  records {records}",
        input.len(),
        peak,
        peak as f64 / n,
        kept,
        kept as f64 / n,
    );
}

fn repeat(unit: &str, sep: &str) -> String {
    let mut s = String::with_capacity(TARGET + unit.len() + sep.len());
    while s.len() < TARGET {
        s.push_str(unit);
        s.push_str(sep);
    }
    s
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to filter.
    let f = |p: &str| std::fs::read_to_string(format!("tests/fixtures/{p}")).unwrap();
    let dlv = f("slmgr-dlv/kms-client-licensed.txt");
    let dlv_body = dlv.split_once("\n\n").map_or(dlv.as_str(), |(_, b)| b);
    measure(
        "slmgr-dlv",
        CaptureFormat::SlmgrDlv,
        &repeat(dlv_body, "\n"),
    );
    let dli = f("slmgr-dli/kms-client-licensed.txt");
    measure("slmgr-dli", CaptureFormat::SlmgrDli, &repeat(&dli, "\n"));
    let xpr = f("slmgr-xpr/kms-client-licensed.txt");
    measure("slmgr-xpr", CaptureFormat::SlmgrXpr, &repeat(&xpr, "\n"));
    let ospp = f("ospp-dstatus/kms-client-licensed.txt");
    let ospp_body: String = ospp
        .lines()
        .filter(|l| !l.starts_with("---Exiting"))
        .map(|l| format!("{l}\n"))
        .collect();
    measure(
        "ospp-dstatus",
        CaptureFormat::OsppDstatus,
        &repeat(&ospp_body, ""),
    );
    let wmi = f("wmi-list/kms-host-count.txt");
    measure(
        "wmi-list",
        CaptureFormat::WmiList,
        &repeat(wmi.trim(), "\n\n"),
    );
    let osl = f("oslicense-list/kms-client-licensed.txt");
    measure(
        "oslicense-list",
        CaptureFormat::OsLicenseList,
        &repeat(osl.trim(), "\n\n"),
    );
    let json = f("wmi-json/kms-host-count.json");
    let obj = json
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let mut arr = String::from("[");
    arr.push_str(&repeat(&format!("{obj},"), ""));
    arr.push_str(obj);
    arr.push(']');
    measure("wmi-json", CaptureFormat::WmiJson, &arr);
    let look = f("real-input/7-banner-checker.look-alike.txt");
    measure("look-alike", CaptureFormat::LookAlike, &repeat(&look, "\n"));
}
