//! Benchmarks for the lifecycle layer: `state_at` for one machine and over a million stored
//! lifecycles.

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

use std::hint::black_box;

use chrono::{TimeDelta, TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::lifecycle::Event;
use volume_activation::rules::KmsInterval;
use volume_activation::{Channel, LicenseStatus, Lifecycle, Sku};

fn bench(c: &mut Criterion) {
    let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let sku: Sku = "windows-10/enterprise".parse().unwrap();
    let mut one = Lifecycle::install(sku, Channel::VolumeGvlk, t0).unwrap();
    one.apply(
        Event::KmsActivation {
            renewal_interval: KmsInterval::RENEWAL_DEFAULT,
        },
        t0 + TimeDelta::days(1),
    )
    .unwrap();
    let now = t0 + TimeDelta::days(190);
    c.bench_function("lifecycle/state_at/one", |b| {
        b.iter(|| black_box(&one).state_at(black_box(now)))
    });
    c.bench_function("lifecycle/next_transition/one", |b| {
        b.iter(|| black_box(&one).next_transition(black_box(now)))
    });

    // A million stored lifecycles: installed over a year, about a third activated by KMS,
    // some renewed.
    let fleet: Vec<Lifecycle> = (0..1_000_000u32)
        .map(|i| {
            let at = t0 + TimeDelta::minutes(i64::from(i % 525_600));
            let mut m = Lifecycle::install(sku, Channel::VolumeGvlk, at).unwrap();
            if i % 3 == 0 {
                m.apply(
                    Event::KmsActivation {
                        renewal_interval: KmsInterval::RENEWAL_DEFAULT,
                    },
                    at + TimeDelta::hours(2),
                )
                .unwrap();
                if i % 2 == 0 {
                    m.apply(Event::KmsRenewal, at + TimeDelta::days(7)).unwrap();
                }
            }
            m
        })
        .collect();
    let now = t0 + TimeDelta::days(400);
    let mut g = c.benchmark_group("lifecycle/state_at");
    g.throughput(Throughput::Elements(fleet.len() as u64));
    g.sample_size(10);
    g.bench_function("million", |b| {
        b.iter(|| {
            black_box(&fleet)
                .iter()
                .filter(|m| m.state_at(black_box(now)).status() == LicenseStatus::Notification)
                .count()
        })
    });
    g.finish();
    eprintln!(
        "size_of::<Lifecycle>() = {} bytes",
        std::mem::size_of::<Lifecycle>()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
