//! Parse throughput per capture format, on the fixtures in `tests/fixtures/`.

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

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::inventory::{CaptureFormat, ParseOptions};
use volume_activation::parse_capture;

const CASES: [(&str, CaptureFormat, &str); 9] = [
    (
        "slmgr-dlv/kms-client",
        CaptureFormat::SlmgrDlv,
        include_str!("../tests/fixtures/slmgr-dlv/kms-client-licensed.txt"),
    ),
    (
        "slmgr-dlv/kms-host",
        CaptureFormat::SlmgrDlv,
        include_str!("../tests/fixtures/slmgr-dlv/kms-host-count.txt"),
    ),
    (
        "slmgr-dli/kms-client",
        CaptureFormat::SlmgrDli,
        include_str!("../tests/fixtures/slmgr-dli/kms-client-licensed.txt"),
    ),
    (
        "slmgr-xpr/kms-client",
        CaptureFormat::SlmgrXpr,
        include_str!("../tests/fixtures/slmgr-xpr/kms-client-licensed.txt"),
    ),
    (
        "ospp-dstatus/three-products",
        CaptureFormat::OsppDstatus,
        include_str!("../tests/fixtures/ospp-dstatus/mixed-three-products.txt"),
    ),
    (
        "wmi-list/kms-host",
        CaptureFormat::WmiList,
        include_str!("../tests/fixtures/wmi-list/kms-host-count.txt"),
    ),
    (
        "wmi-json/kms-host",
        CaptureFormat::WmiJson,
        include_str!("../tests/fixtures/wmi-json/kms-host-count.json"),
    ),
    (
        "oslicense-list/kms-client",
        CaptureFormat::OsLicenseList,
        include_str!("../tests/fixtures/oslicense-list/kms-client-licensed.txt"),
    ),
    (
        "oslicense-json/kms-client",
        CaptureFormat::OsLicenseJson,
        include_str!("../tests/fixtures/oslicense-json/kms-client-licensed.json"),
    ),
];

fn bench(c: &mut Criterion) {
    let opts = ParseOptions::new();
    let mut group = c.benchmark_group("inventory/parse");
    for (name, format, text) in CASES {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| parse_capture(format, std::hint::black_box(text), &opts).unwrap())
        });
    }
    group.finish();
}

/// Inputs that were quadratic (issue 11): a run of lone `\r`, and list-view continuation
/// lines. Each at two sizes, the second twice the first: linear parsing about doubles the
/// time, quadratic parsing quadruples it.
fn growth(c: &mut Criterion) {
    let opts = ParseOptions::new();
    let mut group = c.benchmark_group("inventory/growth");
    group.sample_size(10);
    for n in [20_000usize, 40_000] {
        let cr = format!(
            "Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n{}x\n",
            "\r".repeat(n)
        );
        group.throughput(Throughput::Bytes(cr.len() as u64));
        group.bench_function(format!("lone-cr/{n}"), |b| {
            b.iter(|| parse_capture(CaptureFormat::SlmgrDlv, std::hint::black_box(&cr), &opts))
        });
        let mut list = String::from("Name : Windows(R), Enterprise edition\nDescription : a");
        for _ in 0..n {
            list.push_str("\n              more text");
        }
        list.push_str("\nLicenseStatus : 1\n");
        group.throughput(Throughput::Bytes(list.len() as u64));
        group.bench_function(format!("list-continuation/{n}"), |b| {
            b.iter(|| parse_capture(CaptureFormat::WmiList, std::hint::black_box(&list), &opts))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, growth);
criterion_main!(benches);
