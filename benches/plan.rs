//! Benchmarks for the plan layer: reading and validating a fleet description, and planning
//! generated fleets of 10k, 100k and 1M machines (the fleet is built once, outside the timed
//! loop).

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
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::{Fleet, plan};

mod common;
use common::mixed_fleet_json;

/// A generated fleet of `n` machines (a Hyper-V host, physical PCs, VMs), two KMS hosts, a
/// MAK and a rollout schedule.
fn fleet_json(n: usize) -> String {
    let mut machines = vec![
        r#"{"name":"hv-0","sku":"windows-server-2022/datacenter","channel":"volume-gvlk","hardware":"physical","domain":"corp","site":"hq"}"#.to_owned(),
    ];
    for i in 1..n {
        let m = if i % 5 == 0 {
            format!(
                r#"{{"name":"vm-{i}","sku":"windows-server-2022/standard","channel":"avma","hardware":"virtual","hyperv_host":"hv-0","domain":"corp","site":"hq"}}"#
            )
        } else {
            format!(
                r#"{{"name":"pc-{i}","sku":"windows-11/enterprise","channel":"volume-gvlk","hardware":"physical","domain":"corp","site":"s{}"}}"#,
                i % 7
            )
        };
        machines.push(m);
    }
    let wave: Vec<String> = (1..n)
        .filter(|i| i % 5 != 0)
        .take(n / 10)
        .map(|i| format!("\"pc-{i}\""))
        .collect();
    format!(
        r#"{{"program":"enterprise-agreement","domains":[{{"name":"corp","forest_schema":"windows-server-2016"}}],"machines":[{}],
        "kms_hosts":[{{"name":"kms-1","os":"windows-server-2022/standard","host_key":"windows-server-2022","updates":["KB5034765"]}}],
        "mak_keys":[{{"name":"Windows 11 Enterprise MAK","products":["windows-11/enterprise"],"activations_remaining":100}}],
        "rollout":[{{"date":"2026-01-05T00:00:00Z","machines":[{}]}}]}}"#,
        machines.join(","),
        wave.join(",")
    )
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan/fleet_from_json");
    for n in [1_000usize, 10_000] {
        let json = fleet_json(n);
        assert_eq!(Fleet::from_json(&json).unwrap().machines().len(), n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &json, |b, json| {
            b.iter(|| Fleet::from_json(std::hint::black_box(json)).unwrap())
        });
    }
    group.finish();
}

fn bench_plan(c: &mut Criterion) {
    let at = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let mut group = c.benchmark_group("plan/plan");
    for n in [10_000usize, 100_000, 1_000_000] {
        let fleet = Fleet::from_json(&mixed_fleet_json(n)).unwrap();
        assert_eq!(fleet.machines().len(), n);
        if n >= 1_000_000 {
            group.sample_size(10);
        }
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &fleet, |b, fleet| {
            b.iter(|| plan(std::hint::black_box(fleet), at))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_plan);
criterion_main!(benches);
