//! The KMS count model: 30-day window, cache of twice the threshold, renewals, duplicates,
//! Windows and Office apart, time order, serde.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use volume_activation::catalog::ClientMachineId;
use volume_activation::rules::{
    CountExplanation, CountFinding, KMS_COUNT_WINDOW, KmsApplication, KmsCounter,
    activation_threshold, is_threshold_met,
};
use volume_activation::{Family, Sku};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

fn id(n: u128) -> ClientMachineId {
    ClientMachineId::from_u128(n)
}

fn sku(s: &str) -> Sku {
    s.parse().unwrap()
}

const W: KmsApplication = KmsApplication::Windows;
const O: KmsApplication = KmsApplication::Office;

#[test]
fn window_is_half_open_thirty_days() {
    assert_eq!(KMS_COUNT_WINDOW.duration(), TimeDelta::days(30));
    assert_eq!(
        KMS_COUNT_WINDOW.confidence(),
        volume_activation::Confidence::Documented
    );
    assert_eq!(KMS_COUNT_WINDOW.source().id(), "S-W10CLIENTS");
    let mut host = KmsCounter::new();
    assert_eq!(host.record(id(1), Family::Client, t0()).unwrap(), 1);
    let end = t0() + TimeDelta::days(30);
    assert_eq!(host.count_at(W, t0()).unwrap(), 1);
    assert_eq!(host.count_at(W, end - TimeDelta::seconds(1)).unwrap(), 1);
    assert_eq!(
        host.count_at(W, end - TimeDelta::nanoseconds(1)).unwrap(),
        1
    );
    assert_eq!(host.count_at(W, end).unwrap(), 0);
    // A new contact exactly at the end does not see the old one.
    assert_eq!(host.record(id(2), Family::Client, end).unwrap(), 1);
    let why = host.explain(sku("windows-11/pro"), end).unwrap();
    assert!(why.findings().contains(&CountFinding::Expired { ids: 1 }));
}

#[test]
fn renewal_restarts_the_thirty_days_and_does_not_count_twice() {
    let mut host = KmsCounter::new();
    host.record(id(1), Family::Client, t0()).unwrap();
    host.record(id(2), Family::Client, t0()).unwrap();
    let renew = t0() + TimeDelta::days(7);
    assert_eq!(host.record(id(1), Family::Client, renew).unwrap(), 2);
    let after = t0() + TimeDelta::days(30);
    assert_eq!(host.count_at(W, after).unwrap(), 1);
    assert_eq!(
        host.count_at(W, renew + TimeDelta::days(30) - TimeDelta::seconds(1))
            .unwrap(),
        1
    );
    assert_eq!(host.count_at(W, renew + TimeDelta::days(30)).unwrap(), 0);
}

#[test]
fn duplicate_ids_never_raise_the_count() {
    let mut host = KmsCounter::new();
    for n in 0..40 {
        let at = t0() + TimeDelta::minutes(n);
        assert_eq!(host.record(id(7), Family::Client, at).unwrap(), 1);
    }
    let why = host
        .explain(sku("windows-10/enterprise"), t0() + TimeDelta::minutes(40))
        .unwrap();
    assert_eq!(
        why.findings(),
        &[
            CountFinding::TooFewMachines {
                unique: 1,
                threshold: 25
            },
            CountFinding::RepeatedIds {
                ids: 1,
                contacts: 40
            },
        ]
    );
}

#[test]
fn cache_is_ten_for_servers_then_fifty_and_never_shrinks() {
    let mut host = KmsCounter::new();
    assert_eq!(host.cache_size(W), 0);
    for n in 0..15 {
        let c = host
            .record(id(n), Family::Server, t0() + TimeDelta::seconds(n as i64))
            .unwrap();
        assert_eq!(c, (n as u32 + 1).min(10));
    }
    assert_eq!(host.cache_size(W), 10);
    assert_eq!(host.cached_ids(W), 10);
    let at = t0() + TimeDelta::seconds(15);
    let why = host.explain(sku("windows-11/enterprise"), at).unwrap();
    assert_eq!(
        why.findings(),
        &[
            CountFinding::TooFewMachines {
                unique: 10,
                threshold: 25
            },
            CountFinding::CacheBelowThreshold {
                cache_size: 10,
                threshold: 25
            },
            CountFinding::Evicted { ids: 5 },
        ]
    );
    assert!(
        !host
            .explain(sku("windows-server-2022/standard"), at)
            .unwrap()
            .findings()
            .iter()
            .any(|f| matches!(f, CountFinding::TooFewMachines { .. }))
    );
    // The first Windows client raises the cache to 50.
    assert_eq!(host.record(id(100), Family::Client, at).unwrap(), 11);
    assert_eq!(host.cache_size(W), 50);
    for n in 200..260 {
        host.record(id(n), Family::Client, at).unwrap();
    }
    assert_eq!(host.count_at(W, at).unwrap(), 50);
    // Servers only from now on: the cache stays at 50.
    host.record(id(999), Family::Server, at).unwrap();
    assert_eq!(host.cache_size(W), 50);
    assert_eq!(host.cached_ids(W), 50);
}

#[test]
fn the_oldest_contact_is_evicted_first() {
    let mut host = KmsCounter::new();
    for n in 0..10 {
        host.record(id(n), Family::Server, t0() + TimeDelta::seconds(n as i64))
            .unwrap();
    }
    // Renew id 0: it becomes the most recent, so id 1 is evicted next, not id 0.
    host.record(id(0), Family::Server, t0() + TimeDelta::seconds(10))
        .unwrap();
    host.record(id(10), Family::Server, t0() + TimeDelta::seconds(11))
        .unwrap();
    // id 0 is still cached: contacting again does not raise the count, nor evict anyone.
    let before = host
        .explain(
            sku("windows-server-2019/standard"),
            t0() + TimeDelta::seconds(12),
        )
        .unwrap();
    assert!(
        before
            .findings()
            .contains(&CountFinding::Evicted { ids: 1 })
    );
    host.record(id(0), Family::Server, t0() + TimeDelta::seconds(12))
        .unwrap();
    let after = host
        .explain(
            sku("windows-server-2019/standard"),
            t0() + TimeDelta::seconds(12),
        )
        .unwrap();
    assert!(after.findings().contains(&CountFinding::Evicted { ids: 1 }));
    // id 1 was evicted: contacting again evicts the oldest (id 2).
    host.record(id(1), Family::Server, t0() + TimeDelta::seconds(13))
        .unwrap();
    let again = host
        .explain(
            sku("windows-server-2019/standard"),
            t0() + TimeDelta::seconds(13),
        )
        .unwrap();
    assert!(again.findings().contains(&CountFinding::Evicted { ids: 2 }));
    assert_eq!(host.count_at(W, t0() + TimeDelta::seconds(13)).unwrap(), 10);
}

#[test]
fn office_is_counted_apart_with_a_cache_of_ten() {
    let mut host = KmsCounter::new();
    for n in 0..30 {
        host.record(id(n), Family::Client, t0()).unwrap();
    }
    assert_eq!(host.count_at(O, t0()).unwrap(), 0);
    assert!(
        !host
            .is_threshold_met(sku("office-ltsc-2024/professional-plus"), t0())
            .unwrap()
    );
    for n in 0..12 {
        // The same machines ask for Office: a separate count.
        host.record_sku(id(n), sku("office-ltsc-2021/professional-plus"), t0())
            .unwrap();
    }
    assert_eq!(host.count_at(O, t0()).unwrap(), 10);
    assert_eq!(host.cache_size(O), 10);
    assert_eq!(host.count_at(W, t0()).unwrap(), 30);
    assert!(
        host.is_threshold_met(sku("office-2016/project-professional"), t0())
            .unwrap()
    );
    assert!(
        host.is_threshold_met(sku("windows-11/enterprise"), t0())
            .unwrap()
    );
}

#[test]
fn out_of_order_contacts_and_queries_are_rejected() {
    let mut host = KmsCounter::new();
    host.record(id(1), Family::Client, t0()).unwrap();
    let before = host.clone();
    let earlier = t0() - TimeDelta::seconds(1);
    let e = host.record(id(2), Family::Client, earlier).unwrap_err();
    assert!(e.is_out_of_order());
    assert_eq!(
        e.to_string(),
        "kms contact out of order: 2025-12-31T23:59:59Z is earlier than the last contact 2026-01-01T00:00:00Z"
    );
    assert_eq!(host, before);
    let e = host.count_at(W, earlier).unwrap_err();
    assert_eq!(
        e.to_string(),
        "kms count query out of order: 2025-12-31T23:59:59Z is earlier than the last contact 2026-01-01T00:00:00Z"
    );
    assert!(
        host.is_threshold_met(sku("windows-11/pro"), earlier)
            .is_err()
    );
    assert!(host.explain(sku("windows-11/pro"), earlier).is_err());
    // The same instant is fine.
    assert_eq!(host.record(id(2), Family::Client, t0()).unwrap(), 2);
    assert_eq!(host.last_contact(), Some(t0()));
}

#[test]
fn explanation_display_is_pinned() {
    let mut host = KmsCounter::new();
    for n in 0..12 {
        host.record(id(n), Family::Server, t0()).unwrap();
    }
    host.record(id(3), Family::Server, t0()).unwrap();
    let why: CountExplanation = host.explain(sku("windows-11/enterprise"), t0()).unwrap();
    assert_eq!(
        why.to_string(),
        "Windows count 10 of 25 needed by Windows 11 Enterprise\n\
         - only 10 unique client machine ids contacted the host within the last 30 days; 25 are needed\n\
         - the host keeps only 10 client machine ids because no windows client has contacted it yet, fewer than the 25 needed; the first windows client contact raises the cache to 50\n\
         - 1 counted client machine ids made 2 contacts; repeats never raise the count, and machines cloned from an image that was not generalized share one id\n\
         - 2 client machine ids were evicted because the host's table was full"
    );
    assert_eq!(why.count(), 10);
    assert_eq!(why.threshold(), 25);
    assert_eq!(why.cache_size(), 10);
    assert_eq!(why.application(), KmsApplication::Windows);
    assert!(!why.is_met());
    assert!(
        why.sources()
            .iter()
            .all(|s| s.url().starts_with("https://learn.microsoft.com/"))
    );
    assert_eq!(
        CountFinding::Expired { ids: 3 }.to_string(),
        "3 client machine ids were forgotten after 30 days without renewal"
    );
    for f in why.findings() {
        assert!(f.source().url().starts_with("https://learn.microsoft.com/"));
        assert!(!f.rule().is_empty());
    }
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&why).unwrap();
        assert_eq!(
            serde_json::from_str::<CountExplanation>(&json).unwrap(),
            why
        );
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trip_and_validation() {
    let mut host = KmsCounter::new();
    for n in 0..30 {
        host.record(
            id(n % 20),
            Family::Client,
            t0() + TimeDelta::hours(n as i64),
        )
        .unwrap();
    }
    host.record(id(5), Family::Office, t0() + TimeDelta::hours(40))
        .unwrap();
    let json = serde_json::to_string(&host).unwrap();
    let back: KmsCounter = serde_json::from_str(&json).unwrap();
    assert_eq!(back, host);
    let empty = serde_json::to_string(&KmsCounter::new()).unwrap();
    assert_eq!(
        serde_json::from_str::<KmsCounter>(&empty).unwrap(),
        KmsCounter::new()
    );

    let bad_cache = json.replacen("\"cache_size\":50", "\"cache_size\":20", 1);
    let e = serde_json::from_str::<KmsCounter>(&bad_cache).unwrap_err();
    assert!(
        e.to_string()
            .contains("windows cache size 20 is not one of [0, 10, 50]"),
        "{e}"
    );
    let office_50 = json.replacen("\"cache_size\":10", "\"cache_size\":50", 1);
    assert!(serde_json::from_str::<KmsCounter>(&office_50).is_err());
    let dup = json.replacen(&id(1).to_string(), &id(2).to_string(), 1);
    let e = serde_json::from_str::<KmsCounter>(&dup).unwrap_err();
    assert!(e.to_string().contains("twice"), "{e}");
    let no_last = json.replacen(
        "\"last_contact\":\"2026-01-02T16:00:00Z\"",
        "\"last_contact\":null",
        1,
    );
    assert_ne!(no_last, json);
    assert!(serde_json::from_str::<KmsCounter>(&no_last).is_err());
    let id_json = serde_json::to_string(&id(1)).unwrap();
    assert_eq!(id_json, "\"00000000-0000-0000-0000-000000000001\"");
    assert_eq!(
        serde_json::from_str::<ClientMachineId>(&id_json).unwrap(),
        id(1)
    );
}

#[test]
fn client_machine_id_text() {
    let g = "{6F1F3C1E-6D4B-4D8E-9A57-2F0E8F0C4A11}";
    let c: ClientMachineId = g.parse().unwrap();
    assert_eq!(c.to_string(), "6f1f3c1e-6d4b-4d8e-9a57-2f0e8f0c4a11");
    assert_eq!(ClientMachineId::new(c.guid()), c);
    assert_eq!(ClientMachineId::from(c.guid()), c);
    assert!(
        "6f1f3c1e"
            .parse::<ClientMachineId>()
            .unwrap_err()
            .is_invalid()
    );
}

#[test]
fn auto_traits() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug>() {}
    check::<KmsCounter>();
    check::<ClientMachineId>();
    check::<CountExplanation>();
    check::<CountFinding>();
    check::<KmsApplication>();
}

/// An independent, naive model of one application's table.
#[derive(Default)]
struct Oracle {
    cap: usize,
    entries: Vec<(u128, DateTime<Utc>)>,
}

impl Oracle {
    fn record(&mut self, n: u128, family: Family, at: DateTime<Utc>) -> u32 {
        let demanded = if family == Family::Client { 50 } else { 10 };
        self.cap = self.cap.max(demanded);
        self.entries
            .retain(|&(_, seen)| at < seen + TimeDelta::days(30));
        self.entries.retain(|&(m, _)| m != n);
        self.entries.push((n, at));
        while self.entries.len() > self.cap {
            self.entries.remove(0);
        }
        self.entries.len() as u32
    }

    fn count(&self, at: DateTime<Utc>) -> u32 {
        self.entries
            .iter()
            .filter(|&&(_, seen)| at < seen + TimeDelta::days(30))
            .count() as u32
    }
}

fn family() -> impl Strategy<Value = Family> {
    prop_oneof![
        Just(Family::Client),
        Just(Family::Server),
        Just(Family::Office)
    ]
}

proptest! {
    #[test]
    fn threshold_is_monotone_in_the_count(a in 0u32..200, b in 0u32..200) {
        let (lo, hi) = (a.min(b), a.max(b));
        for s in Sku::all() {
            prop_assert!(!is_threshold_met(lo, s) || is_threshold_met(hi, s));
            prop_assert_eq!(is_threshold_met(hi, s), hi >= activation_threshold(s));
        }
    }

    #[test]
    fn the_count_model_matches_a_naive_oracle(
        contacts in prop::collection::vec((0u128..90, family(), 0i64..(4 * 86_400)), 1..300),
    ) {
        let mut host = KmsCounter::new();
        let mut windows = Oracle::default();
        let mut office = Oracle::default();
        let mut at = t0();
        for (n, fam, step) in contacts {
            at += TimeDelta::seconds(step);
            let got = host.record(id(n), fam, at).unwrap();
            let want = match fam {
                Family::Office => office.record(n, fam, at),
                _ => windows.record(n, fam, at),
            };
            prop_assert_eq!(got, want);
            for app in [W, O] {
                let count = host.count_at(app, at).unwrap();
                prop_assert!(count <= host.cache_size(app));
                prop_assert!(host.cached_ids(app) <= host.cache_size(app) as usize);
            }
            prop_assert!(host.cache_size(W) <= 50 && host.cache_size(O) <= 10);
            // Recording the same ID again at the same instant never raises the count.
            let mut again = host.clone();
            prop_assert_eq!(again.record(id(n), fam, at).unwrap(), got);
        }
        for later in [TimeDelta::zero(), TimeDelta::days(1), TimeDelta::days(29), TimeDelta::days(30) - TimeDelta::seconds(1)] {
            prop_assert_eq!(host.count_at(W, at + later).unwrap(), windows.count(at + later));
            prop_assert_eq!(host.count_at(O, at + later).unwrap(), office.count(at + later));
        }
        // Forgets everything 30 days after the last contact.
        prop_assert_eq!(host.count_at(W, at + KMS_COUNT_WINDOW.duration()).unwrap(), 0);
        prop_assert_eq!(host.count_at(O, at + KMS_COUNT_WINDOW.duration()).unwrap(), 0);
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&host).unwrap();
            prop_assert_eq!(serde_json::from_str::<KmsCounter>(&json).unwrap(), host);
        }
    }

    #[test]
    fn an_id_is_never_counted_twice(ids in prop::collection::vec(0u128..30, 1..200)) {
        let mut host = KmsCounter::new();
        let mut distinct = std::collections::BTreeSet::new();
        for (i, n) in ids.into_iter().enumerate() {
            distinct.insert(n);
            let c = host.record(id(n), Family::Client, t0() + TimeDelta::seconds(i as i64)).unwrap();
            prop_assert_eq!(c as usize, distinct.len());
        }
    }
}

#[test]
fn explanations_of_an_empty_host() {
    let host = KmsCounter::new();
    for (s, threshold) in [
        ("windows-11/pro", 25),
        ("windows-server-2025/standard", 5),
        ("office-ltsc-2024/professional-plus", 5),
    ] {
        let why = host.explain(sku(s), t0()).unwrap();
        assert_eq!(
            why.findings(),
            &[CountFinding::TooFewMachines {
                unique: 0,
                threshold
            }]
        );
        assert_eq!(why.cache_size(), 0);
    }
}
