//! `can_activate` / `check_activation` on the questions of the Python baseline
//! (`../shared/bench/baseline_lookup.py`): 2 M random (host key group, client) pairs drawn with
//! Python's `random.seed(1)` and `random.choice`, reproduced here bit for bit (a port of
//! CPython's MT19937, `init_by_array`, `getrandbits` and `_randbelow`), then the same pairs in
//! order.
//!
//! The baseline's 5 host key groups and 38 client labels (sorted as Python sorts them) map to a
//! [`KmsHost`] with that key on a host OS that runs it with every update the bench knows, and
//! to one [`Sku`] per label (a release's "(all editions)" label is its Datacenter edition: every
//! edition of a release has the same answer; the Semi-Annual Channel label is version 1709). The
//! count is 50, above every threshold. The pairs are Python's exactly (the first eight are
//! `(1, 36), (0, 16), (0, 31), (3, 30), (3, 13), (0, 31), (0, 24), (3, 0)` in both); the answers
//! differ where the dictionary does: it has 119 yes pairs of the 190, the crate 139 (it knows
//! that two spellings name one SKU, e.g. "Pro for Workstations" and "Professional for
//! Workstations", and derives LTSB 2015/2016 under the newer keys), and the crate refuses the
//! dictionary's Semi-Annual Channel on a Windows Server 2016 host. Python counts 1 252 070 hits
//! of 2 M, the crate 1 462 700.
//!
//! ```sh
//! cargo bench --bench lookup -- --warm-up-time 1 --measurement-time 3
//! scripts/bench-ratio        # Python baseline and this bench back to back, and the ratio
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

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use volume_activation::catalog::Kb;
use volume_activation::{Channel, KmsHost, KmsHostKey, Sku, can_activate, check_activation};

/// The baseline's host key groups, in Python's sorted order, with the host each one names.
const HOSTS: [(&str, KmsHostKey, &str); 5] = [
    (
        "Volume License for Windows Server 2016",
        KmsHostKey::WindowsServer2016,
        "windows-server-2016/standard",
    ),
    (
        "Volume License for Windows Server 2019",
        KmsHostKey::WindowsServer2019,
        "windows-server-2019/standard",
    ),
    (
        "Volume License for Windows Server 2022",
        KmsHostKey::WindowsServer2022,
        "windows-server-2022/standard",
    ),
    (
        "Volume License for Windows Server 2025",
        KmsHostKey::WindowsServer2025,
        "windows-server-2025/standard",
    ),
    (
        "Volume license for Windows 10",
        KmsHostKey::Windows10,
        "windows-10/enterprise",
    ),
];

/// The baseline's client labels, in Python's sorted order, with the SKU each one names.
const CLIENTS: [(&str, &str); 38] = [
    ("Windows 10 Education", "windows-10/education"),
    ("Windows 10 Education N", "windows-10/education-n"),
    ("Windows 10 Enterprise", "windows-10/enterprise"),
    (
        "Windows 10 Enterprise LTSB",
        "windows-10-ltsb-2016/enterprise-ltsc",
    ),
    (
        "Windows 10 Enterprise LTSB 2015",
        "windows-10-ltsb-2015/enterprise-ltsc",
    ),
    (
        "Windows 10 Enterprise LTSB N 2015",
        "windows-10-ltsb-2015/enterprise-n-ltsc",
    ),
    (
        "Windows 10 Enterprise LTSC",
        "windows-10-ltsc-2019/enterprise-ltsc",
    ),
    (
        "Windows 10 Enterprise LTSC N",
        "windows-10-ltsc-2019/enterprise-n-ltsc",
    ),
    ("Windows 10 Enterprise N", "windows-10/enterprise-n"),
    (
        "Windows 10 LTSB 2015",
        "windows-10-ltsb-2015/enterprise-ltsc",
    ),
    (
        "Windows 10 LTSB 2016",
        "windows-10-ltsb-2016/enterprise-ltsc",
    ),
    (
        "Windows 10 Pro for Workstations",
        "windows-10/pro-for-workstations",
    ),
    ("Windows 10 Professional", "windows-10/pro"),
    ("Windows 10 Professional N", "windows-10/pro-n"),
    (
        "Windows 10 Professional N for Workstations",
        "windows-10/pro-for-workstations-n",
    ),
    (
        "Windows 10 Professional for Workstations",
        "windows-10/pro-for-workstations",
    ),
    ("Windows 11 Education", "windows-11/education"),
    ("Windows 11 Education N", "windows-11/education-n"),
    ("Windows 11 Enterprise", "windows-11/enterprise"),
    (
        "Windows 11 Enterprise LTSC 2024",
        "windows-11-ltsc-2024/enterprise-ltsc",
    ),
    ("Windows 11 Enterprise N", "windows-11/enterprise-n"),
    ("Windows 11 Professional", "windows-11/pro"),
    ("Windows 11 Professional N", "windows-11/pro-n"),
    (
        "Windows 11 Professional N for Workstations",
        "windows-11/pro-for-workstations-n",
    ),
    (
        "Windows 11 Professional for Workstations",
        "windows-11/pro-for-workstations",
    ),
    ("Windows 7 Enterprise", "windows-7/enterprise"),
    ("Windows 7 Professional", "windows-7/pro"),
    ("Windows 8.1 Enterprise", "windows-8.1/enterprise"),
    ("Windows 8.1 Professional", "windows-8.1/pro"),
    (
        "Windows Server 2008 (all editions)",
        "windows-server-2008/datacenter",
    ),
    (
        "Windows Server 2008 R2 (all editions)",
        "windows-server-2008-r2/datacenter",
    ),
    (
        "Windows Server 2012 (all editions)",
        "windows-server-2012/datacenter",
    ),
    (
        "Windows Server 2012 R2 (all editions)",
        "windows-server-2012-r2/datacenter",
    ),
    (
        "Windows Server 2016 (all editions)",
        "windows-server-2016/datacenter",
    ),
    (
        "Windows Server 2019 (all editions)",
        "windows-server-2019/datacenter",
    ),
    (
        "Windows Server 2022 (all editions)",
        "windows-server-2022/datacenter",
    ),
    (
        "Windows Server 2025 (all editions)",
        "windows-server-2025/datacenter",
    ),
    (
        "Windows Server Semi-Annual Channel",
        "windows-server-1709/datacenter",
    ),
];

/// CPython's Mersenne Twister (`_randommodule.c`), enough of it for `random.seed(int)` and
/// `random.choice`.
struct PyRandom {
    mt: [u32; 624],
    index: usize,
}

impl PyRandom {
    /// `random.seed(seed)` for a non-negative integer below 2^32: `init_by_array([seed])`.
    fn seed(seed: u32) -> PyRandom {
        let mut mt = [0u32; 624];
        mt[0] = 19_650_218;
        for i in 1..624 {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        let key = [seed];
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..624usize.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= 624 {
                mt[0] = mt[623];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..623 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= 624 {
                mt[0] = mt[623];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        PyRandom { mt, index: 624 }
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= 624 {
            for k in 0..624 {
                let y = (self.mt[k] & 0x8000_0000) | (self.mt[(k + 1) % 624] & 0x7fff_ffff);
                let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
                self.mt[k] = self.mt[(k + 397) % 624] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random._randbelow(n)` (`getrandbits(n.bit_length())`, rejecting values `>= n`), for
    /// `0 < n < 2^32`.
    fn below(&mut self, n: u32) -> u32 {
        let k = 32 - n.leading_zeros();
        loop {
            let r = self.next_u32() >> (32 - k);
            if r < n {
                return r;
            }
        }
    }
}

/// The baseline's questions: `n` (host, client) index pairs, as
/// `[(random.choice(hosts), random.choice(clients)) for _ in range(n)]` after `random.seed(1)`.
fn python_pairs(n: usize) -> Vec<(u8, u8)> {
    let mut rng = PyRandom::seed(1);
    (0..n)
        .map(|_| {
            let h = rng.below(HOSTS.len() as u32) as u8;
            let c = rng.below(CLIENTS.len() as u32) as u8;
            (h, c)
        })
        .collect()
}

fn hosts() -> Vec<KmsHost> {
    let kbs = [
        5_034_765, 5_034_768, 5_003_646, 5_003_638, 4_478_877, 4_467_695, 3_172_614, 3_172_615,
        3_079_821, 2_757_817, 2_885_698, 968_912,
    ];
    HOSTS
        .iter()
        .map(|(_, key, os)| {
            let os: Sku = os.parse().unwrap();
            kbs.iter().fold(KmsHost::new(os, *key), |h, n| {
                h.with_update(Kb::new(*n).unwrap())
            })
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("BENCH_LOOKUP_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000_000);
    let hosts = hosts();
    let clients: Vec<Sku> = CLIENTS.iter().map(|(_, s)| s.parse().unwrap()).collect();
    let random: Vec<(&KmsHost, Sku)> = python_pairs(n)
        .into_iter()
        .map(|(h, c)| (&hosts[usize::from(h)], clients[usize::from(c)]))
        .collect();
    let mut ordered = python_pairs(n);
    ordered.sort_unstable();
    let ordered: Vec<(&KmsHost, Sku)> = ordered
        .into_iter()
        .map(|(h, c)| (&hosts[usize::from(h)], clients[usize::from(c)]))
        .collect();

    let hits = random
        .iter()
        .filter(|(h, s)| can_activate(h, *s, Channel::VolumeGvlk, 50))
        .count();
    eprintln!("lookup: {hits} hits of {n} (the Python baseline's pairs)");
    let mut g = c.benchmark_group("lookup");
    g.sample_size(10);
    for (name, pairs) in [("random", &random), ("ordered", &ordered)] {
        g.throughput(Throughput::Elements(pairs.len() as u64));
        g.bench_function(format!("can_activate/{name}"), |b| {
            b.iter(|| {
                let mut yes = 0u32;
                for &(h, s) in black_box(pairs) {
                    yes += u32::from(can_activate(h, s, Channel::VolumeGvlk, black_box(50)));
                }
                yes
            })
        });
        // The success path: the pairs the host activates, in the same order.
        let granted: Vec<(&KmsHost, Sku)> = pairs
            .iter()
            .copied()
            .filter(|(h, s)| can_activate(h, *s, Channel::VolumeGvlk, 50))
            .collect();
        g.throughput(Throughput::Elements(granted.len() as u64));
        g.bench_function(format!("check_activation_yes/{name}"), |b| {
            b.iter(|| {
                let mut yes = 0u32;
                for &(h, s) in black_box(&granted) {
                    yes += u32::from(
                        check_activation(h, s, Channel::VolumeGvlk, black_box(50)).is_ok(),
                    );
                }
                yes
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
