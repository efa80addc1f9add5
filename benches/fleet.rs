//! A 1 M-machine fleet: reading its JSON (time, criterion), and the heap it takes (the counting
//! global allocator of `tests/support/counting.rs`, this thread's allocations only): the peak
//! while reading, the `Fleet` kept, the `Plan` kept.
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

use chrono::{TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::{Fleet, plan};

mod common;
use common::mixed_fleet_json;

#[path = "../tests/support/counting.rs"]
mod counting;
use counting::{Counting, count};

#[global_allocator]
static GLOBAL: Counting = Counting;

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("BENCH_FLEET_MACHINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let json = mixed_fleet_json(n);
    let mb = |b: usize| b as f64 / 1e6;

    let (fleet, read) = count(|| Fleet::from_json(&json).unwrap());
    let (read_peak, fleet_bytes) = (read.peak, read.kept);
    assert_eq!(fleet.machines().len(), n);

    let at = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let (p, planned) = count(|| plan(&fleet, at));
    let (plan_peak, plan_bytes) = (planned.peak, planned.kept);
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
