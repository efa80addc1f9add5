//! A 1 M-machine fleet: reading its JSON (time, criterion), and the heap it takes (a counting
//! global allocator): the peak while reading, the `Fleet` kept, the `Plan` kept.
//!
//! ```sh
//! cargo bench --bench fleet -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! The heap figures are printed before criterion's (`fleet memory: ...`); they do not depend on
//! the machine's load. `BENCH_FLEET_MACHINES` changes the size (default 1 000 000).

// Benches may unwrap, index and panic (a failure is the point), and criterion_group! writes
// an undocumented public function. The rest of the lints apply.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]
// A counting global allocator is unsafe to implement; the library itself forbids unsafe code.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::{Fleet, plan};

mod common;
use common::mixed_fleet_json;

/// The system allocator, counting the bytes live and the peak since the last reset.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes live now, and resets the peak to it.
fn mark() -> usize {
    let live = LIVE.load(Ordering::Relaxed);
    PEAK.store(live, Ordering::Relaxed);
    live
}

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("BENCH_FLEET_MACHINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let json = mixed_fleet_json(n);
    let mb = |b: usize| b as f64 / 1e6;

    let before = mark();
    let fleet = Fleet::from_json(&json).unwrap();
    let read_peak = PEAK.load(Ordering::Relaxed) - before;
    let fleet_bytes = LIVE.load(Ordering::Relaxed) - before;
    assert_eq!(fleet.machines().len(), n);

    let at = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let before = mark();
    let p = plan(&fleet, at);
    let plan_peak = PEAK.load(Ordering::Relaxed) - before;
    let plan_bytes = LIVE.load(Ordering::Relaxed) - before;
    eprintln!(
        "fleet memory: {n} machines, JSON {:.1} MB; reading peaks at {:.1} MB above the JSON \
         ({:.2}x its size); Fleet {:.1} MB ({:.0} B/machine); plan peaks at {:.1} MB, Plan {:.1} MB \
         ({:.0} B/machine); Fleet + Plan {:.0} B/machine",
        mb(json.len()),
        mb(read_peak),
        read_peak as f64 / json.len() as f64,
        mb(fleet_bytes),
        fleet_bytes as f64 / n as f64,
        mb(plan_peak),
        mb(plan_bytes),
        plan_bytes as f64 / n as f64,
        (fleet_bytes + plan_bytes) as f64 / n as f64,
    );
    drop(p);
    drop(fleet);

    let mut g = c.benchmark_group("fleet/from_json");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function(format!("{n}"), |b| {
        b.iter(|| Fleet::from_json(std::hint::black_box(&json)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
