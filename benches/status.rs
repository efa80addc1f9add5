//! Fleet status from generated captures: 10,000 and 100,000 machines (`slmgr /dlv` of KMS
//! clients in every state, MAK servers, and two KMS hosts), read and reported.

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

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::chrono::{TimeZone, Utc};
use volume_activation::plan::{CaptureInput, StatusOptions, fleet_status};

const TEMPLATES: [&str; 5] = [
    include_str!("../examples/data/captures/pc-001.txt"),
    include_str!("../examples/data/captures/pc-002.txt"),
    include_str!("../examples/data/captures/pc-005.2026-05-14.txt"),
    include_str!("../examples/data/captures/srv-app01.txt"),
    include_str!("../examples/data/captures/pc-006.txt"),
];

/// `n` machines: two KMS hosts, then clients cycling through the templates.
fn generate(n: usize) -> Vec<(String, String)> {
    let mut out = vec![
        (
            "kms01.txt".to_owned(),
            include_str!("../examples/data/captures/kms01.txt").to_owned(),
        ),
        (
            "kms02.txt".to_owned(),
            include_str!("../examples/data/captures/kms02.txt").to_owned(),
        ),
    ];
    for i in 0..n.saturating_sub(2) {
        let t = TEMPLATES[i % TEMPLATES.len()];
        out.push((format!("captures/m{i:06}.txt"), t.to_owned()));
    }
    out
}

fn bench(c: &mut Criterion) {
    let now = Utc.with_ymd_and_hms(2026, 5, 15, 0, 0, 0).unwrap();
    let options = StatusOptions::new(now)
        .horizon_days(30)
        .local_offset_minutes(0);
    let mut g = c.benchmark_group("fleet_status");
    g.sample_size(10);
    for n in [10_000usize, 100_000] {
        let files = generate(n);
        let bytes: u64 = files.iter().map(|(_, t)| t.len() as u64).sum();
        g.throughput(Throughput::Bytes(bytes));
        g.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter(|| {
                let inputs = files
                    .iter()
                    .map(|(l, t)| CaptureInput::new(l, t.as_bytes()));
                let s = fleet_status(inputs, &options);
                assert_eq!(s.machines.len(), n);
                s
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
