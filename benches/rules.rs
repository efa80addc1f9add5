//! Benchmarks for the rules layer: `can_activate` and `check_activation` over the whole
//! (host key x client SKU) matrix, and the single lookups.
//!
//! ```sh
//! cargo bench --bench rules -- --warm-up-time 1 --measurement-time 3
//! ```

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
use strum::IntoEnumIterator;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::catalog::Kb;
use volume_activation::rules::{host_key_coverage, required_update};
use volume_activation::{
    Channel, KmsHost, KmsHostKey, Release, Sku, can_activate, check_activation,
};

/// One host per host key, on an OS that runs it, with the updates that key needs.
fn hosts() -> Vec<KmsHost> {
    let kbs = [
        5_034_765, 5_034_768, 5_003_646, 5_003_638, 4_478_877, 4_467_695, 3_172_614, 3_172_615,
        3_079_821, 2_757_817, 2_885_698, 968_912,
    ];
    KmsHostKey::iter()
        .map(|key| {
            let os = Sku::all()
                .find(|os| volume_activation::rules::host_os_support(*os, key).is_yes())
                .unwrap_or_else(|| "windows-server-2022/standard".parse().unwrap());
            kbs.iter().fold(KmsHost::new(os, key), |h, n| {
                h.with_update(Kb::new(*n).unwrap())
            })
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let hosts = hosts();
    let skus: Vec<Sku> = Sku::all().collect();
    let pairs = (hosts.len() * skus.len()) as u64;

    let mut g = c.benchmark_group("rules/matrix");
    g.throughput(Throughput::Elements(pairs));
    g.bench_function("can_activate", |b| {
        b.iter(|| {
            let mut yes = 0u32;
            for h in &hosts {
                for s in &skus {
                    yes += u32::from(can_activate(
                        black_box(h),
                        black_box(*s),
                        Channel::VolumeGvlk,
                        black_box(30),
                    ));
                }
            }
            yes
        })
    });
    g.bench_function("check_activation", |b| {
        b.iter(|| {
            let mut ok = 0u32;
            for h in &hosts {
                for s in &skus {
                    ok += u32::from(
                        check_activation(
                            black_box(h),
                            black_box(*s),
                            Channel::VolumeGvlk,
                            black_box(30),
                        )
                        .is_ok(),
                    );
                }
            }
            ok
        })
    });
    g.bench_function("host_key_coverage", |b| {
        b.iter(|| {
            let mut yes = 0u32;
            for k in KmsHostKey::iter() {
                for s in &skus {
                    yes += u32::from(host_key_coverage(black_box(k), black_box(*s)).is_yes());
                }
            }
            yes
        })
    });
    g.finish();

    let host = hosts
        .iter()
        .find(|h| h.key() == KmsHostKey::WindowsServer2022)
        .unwrap()
        .clone();
    let win11: Sku = "windows-11/enterprise".parse().unwrap();
    c.bench_function("rules/check_activation/one", |b| {
        b.iter(|| {
            check_activation(
                black_box(&host),
                black_box(win11),
                Channel::VolumeGvlk,
                black_box(30),
            )
        })
    });
    c.bench_function("rules/required_update/one", |b| {
        b.iter(|| {
            required_update(
                black_box(Release::WindowsServer2016),
                black_box(Release::WindowsServer2019),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
