//! Benchmarks for the catalog layer: GVLK lookup, strict and lenient SKU parsing.

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

use criterion::{Criterion, criterion_group, criterion_main};
use volume_activation::catalog::recognize_product;
use volume_activation::rules::{gvlk, skus_for_gvlk};
use volume_activation::{ProductKey, Sku};

fn bench(c: &mut Criterion) {
    let sku: Sku = "windows-server-2022/datacenter".parse().unwrap();
    c.bench_function("catalog/gvlk", |b| b.iter(|| gvlk(black_box(sku))));
    let key = ProductKey::parse("M7XTQ-FN8P6-TTKYV-9D4CC-J462D").unwrap();
    c.bench_function("catalog/skus_for_gvlk", |b| {
        b.iter(|| skus_for_gvlk(black_box(&key)).count())
    });
    c.bench_function("catalog/sku_from_str", |b| {
        b.iter(|| black_box("windows-server-2022/datacenter").parse::<Sku>())
    });
    c.bench_function("catalog/sku_parse_lenient_name", |b| {
        b.iter(|| Sku::parse_lenient(black_box("Windows Server 2019 Standard")))
    });
    c.bench_function("catalog/sku_parse_lenient_office", |b| {
        b.iter(|| Sku::parse_lenient(black_box("Office 16, Office16ProPlusVL_KMS_Client edition")))
    });
    c.bench_function("catalog/sku_parse_lenient_unknown", |b| {
        b.iter(|| Sku::parse_lenient(black_box("Windows(R), Professional edition")))
    });
    c.bench_function("catalog/recognize_product", |b| {
        b.iter(|| {
            recognize_product(
                black_box("Windows(R), Professional edition"),
                Some(black_box(
                    "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
                )),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
