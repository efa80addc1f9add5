//! The KMS count model under a stream of contacts (contacts per second), and error-code
//! lookups.

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

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::Family;
use volume_activation::catalog::ClientMachineId;
use volume_activation::rules::{ActivationErrorCode, KmsCounter};

/// A reproducible stream: `n` contacts, one every 90 seconds, from `machines` distinct IDs
/// (a cheap xorshift picks the ID), every tenth one an Office contact.
fn stream(n: usize, machines: u64) -> Vec<(ClientMachineId, Family, DateTime<Utc>)> {
    let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let family = match i % 10 {
                0 => Family::Office,
                1 | 2 => Family::Server,
                _ => Family::Client,
            };
            let at = t0 + TimeDelta::seconds(90 * i as i64);
            (
                ClientMachineId::from_u128(u128::from(x % machines)),
                family,
                at,
            )
        })
        .collect()
}

fn count_model(c: &mut Criterion) {
    const N: usize = 100_000;
    let mut group = c.benchmark_group("kms_count/record");
    group.throughput(Throughput::Elements(N as u64));
    for machines in [20u64, 60, 10_000] {
        let contacts = stream(N, machines);
        group.bench_with_input(
            BenchmarkId::from_parameter(machines),
            &contacts,
            |b, contacts| {
                b.iter(|| {
                    let mut host = KmsCounter::new();
                    let mut last = 0;
                    for &(id, family, at) in contacts {
                        last = host.record(id, family, at).unwrap();
                    }
                    black_box(last)
                })
            },
        );
    }
    group.finish();
}

fn error_codes(c: &mut Criterion) {
    let codes: Vec<u32> = ActivationErrorCode::all().map(|c| c.hresult()).collect();
    let mut group = c.benchmark_group("error_code");
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_function("lookup_all_86", |b| {
        b.iter(|| {
            for &h in &codes {
                black_box(ActivationErrorCode::lookup(black_box(h)));
            }
        })
    });
    group.finish();
    c.bench_function("error_code/lookup_miss", |b| {
        b.iter(|| ActivationErrorCode::lookup(black_box(0x1234_5678)))
    });
    c.bench_function("error_code/parse_negative_decimal", |b| {
        b.iter(|| black_box("-1073418184").parse::<ActivationErrorCode>())
    });
}

criterion_group!(benches, count_model, error_codes);
criterion_main!(benches);
