//! Benchmarks for the catalog layer.

use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    c.bench_function("catalog/placeholder", |b| {
        b.iter(|| std::hint::black_box(1u32))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
