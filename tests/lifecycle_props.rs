//! Property tests for the licence lifecycle.

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
use volume_activation::lifecycle::Event;
use volume_activation::rules::{KmsInterval, MakActivationMethod};
use volume_activation::{Channel, LicenseStatus, Lifecycle, Sku};

const SKUS: &[&str] = &[
    "windows-10/enterprise",
    "windows-11/pro",
    "windows-7/enterprise",
    "windows-vista/enterprise",
    "windows-8.1/enterprise",
    "windows-server-2019/datacenter",
    "windows-server-2008/enterprise",
    "windows-server-2022/datacenter",
    "office-2016/professional-plus",
    "office-2010/professional-plus",
];

const CHANNELS: &[Channel] = &[
    Channel::VolumeGvlk,
    Channel::VolumeMak,
    Channel::Avma,
    Channel::TimebasedEval,
    Channel::Retail,
    Channel::OemDm,
];

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0).unwrap()
}

fn event(kind: u8, n: u32) -> Event {
    match kind % 12 {
        0 => Event::KmsActivation {
            renewal_interval: KmsInterval::new(15 + n % 43_186).unwrap(),
        },
        1 => Event::KmsRenewal,
        2 => Event::KmsRenewalFailure,
        3 => Event::MakActivation {
            mode: if n % 2 == 0 {
                MakActivationMethod::Independent
            } else {
                MakActivationMethod::Proxy
            },
        },
        4 => Event::AdbaActivation,
        5 => Event::LeaveDomain,
        6 => Event::AvmaActivation,
        7 => Event::Rearm,
        8 => Event::HardwareOutOfTolerance,
        9 => Event::NonGenuine,
        10 => Event::EvaluationExpiry,
        _ => Event::KeyChange {
            channel: CHANNELS[n as usize % CHANNELS.len()],
        },
    }
}

#[derive(Debug, Clone)]
struct Script {
    sku: usize,
    channel: usize,
    eval_end_days: Option<i64>,
    vista_rtm: bool,
    steps: Vec<(i64, u8, u32)>,
}

fn script() -> impl Strategy<Value = Script> {
    (
        0..SKUS.len(),
        0..CHANNELS.len(),
        proptest::option::of(0i64..400),
        any::<bool>(),
        proptest::collection::vec((0i64..200 * 1440, any::<u8>(), any::<u32>()), 0..24),
    )
        .prop_map(|(sku, channel, eval_end_days, vista_rtm, steps)| Script {
            sku,
            channel,
            eval_end_days,
            vista_rtm,
            steps,
        })
}

fn install(s: &Script) -> Option<Lifecycle> {
    let sku: Sku = SKUS[s.sku].parse().unwrap();
    let mut m = Lifecycle::install(sku, CHANNELS[s.channel], t0()).ok()?;
    if s.vista_rtm {
        m = m.clone().with_vista_rtm().unwrap_or(m);
    }
    if let Some(d) = s.eval_end_days {
        m = m
            .clone()
            .with_evaluation_end(t0() + TimeDelta::days(d))
            .unwrap_or(m);
    }
    Some(m)
}

/// Runs the script; calls `check(before, event, result, after, at)` on every step.
fn run(
    s: &Script,
    mut check: impl FnMut(&Lifecycle, Event, bool, &Lifecycle, DateTime<Utc>),
) -> Option<Lifecycle> {
    let mut m = install(s)?;
    let mut at = t0();
    for &(gap, kind, n) in &s.steps {
        at += TimeDelta::minutes(gap);
        let e = event(kind, n);
        let before = m.clone();
        let ok = m.apply(e, at).is_ok();
        check(&before, e, ok, &m, at);
    }
    Some(m)
}

fn probes(from: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut v = vec![from];
    for d in [
        1i64, 7, 24, 25, 29, 30, 31, 60, 179, 180, 181, 209, 210, 211, 400, 2000,
    ] {
        v.push(from + TimeDelta::days(d) - TimeDelta::seconds(1));
        v.push(from + TimeDelta::days(d));
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn state_at_is_deterministic(s in script()) {
        let a = run(&s, |_, _, _, _, _| {});
        let b = run(&s, |_, _, _, _, _| {});
        prop_assert_eq!(&a, &b);
        if let Some(m) = a {
            for t in probes(m.last_event_at()) {
                prop_assert_eq!(m.state_at(t), m.state_at(t));
                prop_assert_eq!(m.state_at(t), m.clone().state_at(t));
            }
        }
    }

    #[test]
    fn without_events_state_only_moves_towards_notification(s in script()) {
        let Some(m) = run(&s, |_, _, _, _, _| {}) else { return Ok(()) };
        let ps = probes(m.last_event_at());
        for w in ps.windows(2) {
            let (a, b) = (m.state_at(w[0]), m.state_at(w[1]));
            prop_assert!(a.status().rank() <= b.status().rank(), "{:?} then {:?}", a, b);
            if a.status() == b.status() && a.ends_at() == b.ends_at() {
                prop_assert!(a.grace_period_remaining() >= b.grace_period_remaining());
            }
        }
        // next_transition agrees with state_at on both sides of the instant.
        for t in ps {
            if let Some(tr) = m.next_transition(t) {
                prop_assert!(tr.at() > t);
                prop_assert_eq!(m.state_at(tr.at() - TimeDelta::nanoseconds(1)).status(), tr.from());
                prop_assert_eq!(m.state_at(tr.at()).status(), tr.to());
                prop_assert!(tr.from().rank() < tr.to().rank(), "{:?} {:?}", tr, m);
            }
        }
    }

    #[test]
    fn licensed_only_after_an_activation_event(s in script()) {
        let mut activated = false;
        let mut violation = None;
        run(&s, |_, e, ok, after, at| {
            if ok && e.activation().is_some() {
                activated = true;
            }
            if !activated && violation.is_none() {
                for t in probes(at) {
                    if after.state_at(t).status() == LicenseStatus::Licensed {
                        violation = Some((e, t));
                    }
                }
            }
        });
        if let Some(m) = install(&s) {
            for t in probes(t0()) {
                prop_assert_ne!(m.state_at(t).status(), LicenseStatus::Licensed);
            }
        }
        prop_assert_eq!(violation, None);
    }

    #[test]
    fn a_rearm_never_raises_the_rearms_left(s in script()) {
        let mut bad = None;
        run(&s, |before, e, ok, after, _| {
            let raised = after.rearms_left() > before.rearms_left();
            let consumed = after.rearms_left() < before.rearms_left();
            match e {
                Event::Rearm if ok && !consumed => bad = Some(e),
                // Office 2016+ only: a KMS / ADBA activation takes the rearms left from 0 to 1.
                Event::KmsActivation { .. } | Event::AdbaActivation
                    if raised && !(before.rearms_left() == 0 && after.rearms_left() == 1) =>
                {
                    bad = Some(e)
                }
                Event::KmsActivation { .. } | Event::AdbaActivation => {}
                _ if raised || (!ok && after != before) => bad = Some(e),
                _ => {}
            }
        });
        prop_assert_eq!(bad, None);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trips_any_reachable_lifecycle(s in script()) {
        let mut bad = None;
        run(&s, |_, _, _, after, _| {
            let json = after.to_json().unwrap();
            match Lifecycle::from_json(&json) {
                Ok(back) if &back == after => {}
                other => bad = Some((json, format!("{other:?}"))),
            }
        });
        prop_assert_eq!(bad, None);
    }
}
