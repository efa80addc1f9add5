//! Scenario tests for the licence lifecycle, each with its source, and the timing rules.

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
use strum::IntoEnumIterator;
use volume_activation::lifecycle::{ActivationMethod, Event, State, Timeline, Transition};
use volume_activation::rules::{
    ExpiryMode, HR_GRACE_TIME_EXPIRED, HR_NONGENUINE_GRACE, HR_NONGENUINE_GRACE_EXPIRED,
    HR_OUT_OF_TOLERANCE, KMS_RENEWAL_DEFAULT, KMS_RETRY, KMS_VALIDITY, KmsInterval,
    MakActivationMethod, Timing, expiry_mode, non_genuine_grace, oob_grace, oot_grace, rearm_grace,
    rearm_limit, supports_adba,
};
use volume_activation::{Channel, Confidence, LicenseStatus, Lifecycle, Release, Sku};

const SEC: TimeDelta = TimeDelta::seconds(1);

fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, 30, 0).unwrap()
}

fn sku(s: &str) -> Sku {
    s.parse().unwrap()
}

fn kms() -> Event {
    Event::KmsActivation {
        renewal_interval: KmsInterval::RENEWAL_DEFAULT,
    }
}

fn mak() -> Event {
    Event::MakActivation {
        mode: MakActivationMethod::Independent,
    }
}

fn status(m: &Lifecycle, at: DateTime<Utc>) -> LicenseStatus {
    m.state_at(at).status()
}

fn win10_kms() -> Lifecycle {
    Lifecycle::install(sku("windows-10/enterprise"), Channel::VolumeGvlk, t0()).unwrap()
}

// ----------------------------------------------------------------------------------------------
// Timing rules.

/// Source: https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning
#[test]
fn kms_validity_and_renewal_are_documented() {
    assert_eq!(KMS_VALIDITY.days(), 180);
    assert_eq!(KMS_VALIDITY.minutes(), 259_200);
    assert_eq!(KMS_VALIDITY.duration(), days(180));
    assert_eq!(KMS_VALIDITY.confidence(), Confidence::Documented);
    assert_eq!(
        KMS_VALIDITY.source().url(),
        "https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning"
    );
    assert_eq!(KMS_RENEWAL_DEFAULT.minutes(), 10_080);
    assert_eq!(
        KmsInterval::RENEWAL_DEFAULT.minutes(),
        KMS_RENEWAL_DEFAULT.minutes()
    );
}

/// Source: https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-10-clients-vamt
#[test]
fn kms_retry_every_two_hours() {
    assert_eq!(KMS_RETRY.minutes(), 120);
    assert_eq!(KmsInterval::ACTIVATION_DEFAULT.minutes(), 120);
    assert_eq!(KMS_RETRY.confidence(), Confidence::Documented);
}

/// Source: https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-using-active-directory-based-activation-client
#[test]
fn adba_validity_and_renewal() {
    assert_eq!(volume_activation::rules::ADBA_VALIDITY.days(), 180);
    assert_eq!(volume_activation::rules::ADBA_RENEWAL.days(), 7);
    assert_eq!(
        volume_activation::rules::ADBA_VALIDITY.confidence(),
        Confidence::Documented
    );
}

/// Source: https://docs.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/dn502532(v=ws.11)
#[test]
fn kms_interval_range_15_to_43200() {
    assert_eq!(KmsInterval::new(15).unwrap().minutes(), 15);
    assert_eq!(KmsInterval::new(43_200).unwrap().minutes(), 43_200);
    for bad in [0, 14, 43_201, u32::MAX] {
        let e = KmsInterval::new(bad).unwrap_err();
        assert!(e.is_out_of_range());
        assert_eq!(
            e.to_string(),
            format!("kms interval {bad} is out of range: expected 15 to 43200 minutes")
        );
    }
    // Every value of the range is accepted, every value around it rejected.
    assert!((15..=43_200).all(|m| KmsInterval::new(m).is_ok()));
    assert_eq!(
        KmsInterval::new(30).unwrap().duration(),
        TimeDelta::minutes(30)
    );
    assert!(KmsInterval::RANGE_SOURCE.url().contains("dn502532"));
}

/// Source: https://learn.microsoft.com/en-us/office/volume-license-activation/rearm-an-office-installation-on-an-image-when-using-kms-to-activate
#[test]
fn office_2016_plus_grace_and_rearm_grace() {
    for r in [
        Release::Office2016,
        Release::Office2019,
        Release::OfficeLtsc2021,
        Release::OfficeLtsc2024,
    ] {
        assert_eq!(oob_grace(r).days(), 25);
        assert_eq!(oob_grace(r).confidence(), Confidence::Documented);
        assert_eq!(rearm_grace(r).days(), 30);
        assert_eq!(rearm_grace(r).confidence(), Confidence::Documented);
        assert_eq!(oot_grace(r).days(), 30);
        assert_eq!(oot_grace(r).confidence(), Confidence::Documented);
        let l = rearm_limit(r);
        assert_eq!((l.count(), l.extra_after_kms()), (5, true));
        assert_eq!(l.confidence(), Confidence::Documented);
    }
}

/// The open grace questions (resolutions Q3): only Windows 7 / Server 2008 R2 and Office 2016+
/// have documented lengths; every other release answers the documented fallback, unverified.
/// Source: https://technet.microsoft.com/sv-se/library/ff793403.aspx
#[test]
fn oob_grace_over_every_release() {
    for r in Release::iter() {
        let g = oob_grace(r);
        let documented = matches!(
            r,
            Release::Windows7
                | Release::WindowsServer2008R2
                | Release::Office2016
                | Release::Office2019
                | Release::OfficeLtsc2021
                | Release::OfficeLtsc2024
        );
        let expected_conf = if documented {
            Confidence::Documented
        } else {
            Confidence::Unverified
        };
        assert_eq!(g.confidence(), expected_conf, "{r}");
        let office = r.family() == volume_activation::Family::Office;
        assert_eq!(g.days(), if office { 25 } else { 30 }, "{r}");
        assert!(g.source().url().starts_with("http"), "{r}");
        if g.confidence() == Confidence::Unverified {
            assert!(
                g.note().contains("UNVERIFIED") || g.note().contains("mirror"),
                "{r}: {}",
                g.note()
            );
        }
    }
    // Windows Server 2008: 60 days is only third-party; the crate keeps the 30-day fallback.
    assert_eq!(oob_grace(Release::WindowsServer2008).days(), 30);
    assert!(
        oob_grace(Release::WindowsServer2008)
            .note()
            .contains("60 days")
    );
}

/// OOT grace: documented only for Office 2016+; Windows is unverified with a 30-day fallback.
/// Source: https://learn.microsoft.com/en-us/office/volume-license-activation/activate-office-by-using-kms
#[test]
fn oot_and_non_genuine_grace_over_every_release() {
    for r in Release::iter() {
        assert_eq!(oot_grace(r).days(), 30, "{r}");
        let documented = matches!(
            r,
            Release::Office2016
                | Release::Office2019
                | Release::OfficeLtsc2021
                | Release::OfficeLtsc2024
        );
        assert_eq!(
            oot_grace(r).confidence() == Confidence::Documented,
            documented,
            "{r}"
        );
        assert_eq!(non_genuine_grace(r).days(), 30);
        assert_eq!(non_genuine_grace(r).confidence(), Confidence::Unverified);
    }
}

/// The open rearm questions (resolutions Q4).
/// Source: https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/microsoft-windows-security-spp-skiprearm
#[test]
fn rearm_limits_over_every_release() {
    use Release::*;
    for r in Release::iter() {
        let l = rearm_limit(r);
        let (count, conf) = match r {
            WindowsVista | Windows7 => (3, Confidence::Documented),
            WindowsServer2008
            | SmallBusinessServer2008
            | WindowsServer2008R2
            | SmallBusinessServer2011 => (3, Confidence::Unverified),
            Windows81 | WindowsServer2012R2 => (1000, Confidence::Documented),
            Office2016 | Office2019 | OfficeLtsc2021 | OfficeLtsc2024 => {
                (5, Confidence::Documented)
            }
            Office2010 | Office2013 => (5, Confidence::Unverified),
            _ => (1000, Confidence::Unverified),
        };
        assert_eq!((l.count(), l.confidence()), (count, conf), "{r}");
        assert_eq!(
            l.extra_after_kms(),
            matches!(r, Office2016 | Office2019 | OfficeLtsc2021 | OfficeLtsc2024)
        );
    }
    assert!(rearm_limit(Release::Windows11).note().contains("fallback"));
}

/// Source: https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client
#[test]
fn adba_releases() {
    let without: Vec<Release> = Release::iter().filter(|r| !supports_adba(*r)).collect();
    assert_eq!(
        without,
        [
            Release::WindowsVista,
            Release::Windows7,
            Release::WindowsServer2008,
            Release::SmallBusinessServer2008,
            Release::WindowsServer2008R2,
            Release::SmallBusinessServer2011,
            Release::Office2010,
        ]
    );
}

/// Source: http://technet.microsoft.com/en-us/library/cc308698(printer).aspx
#[test]
fn expiry_mode_rfm_only_for_vista_rtm() {
    for r in Release::iter() {
        assert_eq!(expiry_mode(r, false), ExpiryMode::Notification);
        let rtm = if r == Release::WindowsVista {
            ExpiryMode::ReducedFunctionality
        } else {
            ExpiryMode::Notification
        };
        assert_eq!(expiry_mode(r, true), rtm);
    }
}

// ----------------------------------------------------------------------------------------------
// Scenarios.

/// Out-of-box grace, then notification; boundaries at start, one second before, deadline.
/// Source: https://learn.microsoft.com/en-us/windows-server/get-started/activation-troubleshoot-kms-general
/// Source: https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes (0xC004F009)
#[test]
fn oob_grace_then_notification() {
    let m = win10_kms();
    let s = m.state_at(t0());
    assert_eq!(s.status(), LicenseStatus::OobGrace);
    assert_eq!(s.grace_period_remaining(), 43_200);
    assert_eq!(s.ends_at(), Some(t0() + days(30)));
    assert_eq!(s.confidence(), Confidence::Unverified);
    assert_eq!(s.reason(), None);
    let s = m.state_at(t0() + days(30) - SEC);
    assert_eq!(s.status(), LicenseStatus::OobGrace);
    assert_eq!(s.grace_period_remaining(), 0);
    let s = m.state_at(t0() + days(30));
    assert_eq!(s.status(), LicenseStatus::Notification);
    assert_eq!(s.reason(), Some(HR_GRACE_TIME_EXPIRED));
    assert!(!s.is_reduced_functionality());
    assert_eq!(
        m.next_transition(t0()),
        m.timeline(t0(), t0() + days(31)).next()
    );
    let t = m.next_transition(t0()).unwrap();
    assert_eq!(
        (t.at(), t.from(), t.to()),
        (
            t0() + days(30),
            LicenseStatus::OobGrace,
            LicenseStatus::Notification
        )
    );
    assert_eq!(m.next_transition(t0() + days(30)), None);
}

/// KMS activation: Licensed 180 days, then out-of-tolerance grace, then notification.
/// Source: https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning
/// Source: http://technet.microsoft.com/sk-sk/library/ff793418.aspx ("transitions into Out of Tolerance (OOT) Grace")
#[test]
fn kms_activation_expires_into_oot_then_notification() {
    let mut m = win10_kms();
    let a = t0() + days(3);
    m.apply(kms(), a).unwrap();
    let s = m.state_at(a);
    assert_eq!(s.status(), LicenseStatus::Licensed);
    assert_eq!(s.activation(), Some(ActivationMethod::Kms));
    assert_eq!(s.grace_period_remaining(), 259_200);
    assert_eq!(s.confidence(), Confidence::Documented);
    assert_eq!(status(&m, a + days(180) - SEC), LicenseStatus::Licensed);
    assert_eq!(m.state_at(a + days(180) - SEC).grace_period_remaining(), 0);
    let s = m.state_at(a + days(180));
    assert_eq!(s.status(), LicenseStatus::OotGrace);
    assert_eq!(s.grace_period_remaining(), 43_200);
    assert_eq!(s.confidence(), Confidence::Unverified);
    assert_eq!(status(&m, a + days(210) - SEC), LicenseStatus::OotGrace);
    assert_eq!(status(&m, a + days(210)), LicenseStatus::Notification);
    assert_eq!(
        m.state_at(a + days(210)).reason(),
        Some(HR_GRACE_TIME_EXPIRED)
    );
    let tl: Vec<Transition> = m.timeline(a, a + days(1000)).collect();
    assert_eq!(tl.len(), 2);
    assert_eq!(
        (tl[0].at(), tl[0].to()),
        (a + days(180), LicenseStatus::OotGrace)
    );
    assert_eq!(
        (tl[1].at(), tl[1].to()),
        (a + days(210), LicenseStatus::Notification)
    );
    // Half-open: a window ending exactly at a transition excludes it.
    assert_eq!(m.timeline(a, a + days(180)).count(), 0);
    assert_eq!(m.timeline(a, a + days(180) + SEC).count(), 1);
}

/// "If it succeeds, the 180-day period is reset."
/// Source: https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning
#[test]
fn kms_renewal_resets_validity_and_failure_changes_nothing() {
    let mut m = win10_kms();
    m.apply(kms(), t0()).unwrap();
    m.apply(Event::KmsRenewalFailure, t0() + days(7)).unwrap();
    assert_eq!(m.state_at(t0() + days(7)).ends_at(), Some(t0() + days(180)));
    m.apply(Event::KmsRenewal, t0() + days(14)).unwrap();
    assert_eq!(
        m.state_at(t0() + days(14)).ends_at(),
        Some(t0() + days(194))
    );
    assert_eq!(status(&m, t0() + days(194) - SEC), LicenseStatus::Licensed);
    assert_eq!(status(&m, t0() + days(194)), LicenseStatus::OotGrace);
    assert_eq!(m.activations(), 2);
    // Renewal attempts every 7 days from the last contact.
    assert_eq!(
        m.next_renewal_attempt(t0() + days(14)),
        Some(t0() + days(21))
    );
    assert_eq!(
        m.next_renewal_attempt(t0() + days(20)),
        Some(t0() + days(21))
    );
}

#[test]
fn kms_renewal_interval_from_host_is_stored() {
    let mut m = win10_kms();
    m.apply(
        Event::KmsActivation {
            renewal_interval: KmsInterval::new(60).unwrap(),
        },
        t0(),
    )
    .unwrap();
    assert_eq!(m.renewal_interval().minutes(), 60);
    assert_eq!(
        m.next_renewal_attempt(t0() + TimeDelta::minutes(90)),
        Some(t0() + TimeDelta::minutes(120))
    );
}

#[test]
fn kms_renewal_outside_a_kms_licence_is_an_error_naming_event_and_state() {
    let mut m = win10_kms();
    let e = m.apply(Event::KmsRenewal, t0()).unwrap_err();
    assert!(e.is_invalid());
    assert_eq!(
        e.to_string(),
        "invalid lifecycle event \"kms-renewal\": expected a machine licensed by KMS (a client in grace or notification activates with kms-activation) (state oob-grace, channel volume-gvlk, product windows-10/enterprise)"
    );
    m.apply(kms(), t0()).unwrap();
    // In OOT grace a renewal is no longer possible; a new activation is.
    let late = t0() + days(181);
    assert!(
        m.apply(Event::KmsRenewal, late)
            .unwrap_err()
            .to_string()
            .contains("state oot-grace")
    );
    m.apply(kms(), late).unwrap();
    assert_eq!(status(&m, late), LicenseStatus::Licensed);
}

/// MAK activation is permanent (until hardware changes); independent and proxy alike.
/// Source: https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-10-clients-vamt
#[test]
fn mak_activation_independent_and_proxy() {
    for mode in MakActivationMethod::iter() {
        let mut m = Lifecycle::install(sku("windows-11/pro"), Channel::VolumeMak, t0()).unwrap();
        m.apply(Event::MakActivation { mode }, t0() + days(40))
            .unwrap();
        let s = m.state_at(t0() + days(4000));
        assert_eq!(s.status(), LicenseStatus::Licensed);
        assert_eq!(s.activation(), Some(ActivationMethod::Mak));
        assert_eq!(s.grace_period_remaining(), 0);
        assert_eq!(m.next_transition(t0() + days(40)), None);
        assert_eq!(m.next_renewal_attempt(t0() + days(40)), None);
    }
    let mut m = Lifecycle::install(sku("windows-11/pro"), Channel::VolumeMak, t0()).unwrap();
    assert_eq!(
        m.apply(kms(), t0()).unwrap_err().to_string(),
        "invalid lifecycle event \"kms-activation\": expected a KMS client (channel volume-gvlk) (state oob-grace, channel volume-mak, product windows-11/pro)"
    );
    let mut k = win10_kms();
    assert!(
        k.apply(mak(), t0())
            .unwrap_err()
            .to_string()
            .contains("channel volume-mak")
    );
}

/// ADBA: 180 days since the last domain contact; leaving the domain loses the activation.
/// Source: https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-using-active-directory-based-activation-client
#[test]
fn adba_activation_and_leaving_the_domain() {
    let mut m = win10_kms();
    m.apply(Event::AdbaActivation, t0() + days(1)).unwrap();
    let s = m.state_at(t0() + days(1));
    assert_eq!(s.activation(), Some(ActivationMethod::Adba));
    assert_eq!(s.ends_at(), Some(t0() + days(181)));
    assert_eq!(m.next_renewal_attempt(t0() + days(1)), Some(t0() + days(8)));
    // Leaving the domain within the out-of-box grace: back in that grace (unverified).
    m.apply(Event::LeaveDomain, t0() + days(10)).unwrap();
    let s = m.state_at(t0() + days(10));
    assert_eq!(s.status(), LicenseStatus::OobGrace);
    assert_eq!(s.confidence(), Confidence::Unverified);
    assert_eq!(s.ends_at(), Some(t0() + days(30)));
    // It "tries to activate with KMS".
    assert!(m.ways_to_licensed(t0() + days(10)).contains(&kms()));
    // Leaving later: the grace clock has run out, so Notification.
    let mut m = win10_kms();
    m.apply(Event::AdbaActivation, t0() + days(100)).unwrap();
    m.apply(Event::LeaveDomain, t0() + days(101)).unwrap();
    assert_eq!(status(&m, t0() + days(101)), LicenseStatus::Notification);
    // Leaving a domain without an ADBA activation is an error.
    let mut m = win10_kms();
    m.apply(kms(), t0()).unwrap();
    assert_eq!(
        m.apply(Event::LeaveDomain, t0()).unwrap_err().to_string(),
        "invalid lifecycle event \"leave-domain\": expected a machine activated by Active Directory-based activation (state licensed, channel volume-gvlk, product windows-10/enterprise)"
    );
}

/// ADBA was introduced in Windows 8.
/// Source: https://learn.microsoft.com/en-us/windows/deployment/volume-activation/plan-for-volume-activation-client
#[test]
fn adba_on_windows_7_is_rejected() {
    let mut m = Lifecycle::install(sku("windows-7/enterprise"), Channel::VolumeGvlk, t0()).unwrap();
    let e = m.apply(Event::AdbaActivation, t0()).unwrap_err();
    assert!(
        e.to_string()
            .contains("Windows 8, Windows Server 2012, Office 2013 or later")
    );
}

/// Source: https://learn.microsoft.com/en-us/windows-server/get-started/automatic-vm-activation
#[test]
fn avma_activation_on_server_guests_only() {
    let mut m =
        Lifecycle::install(sku("windows-server-2019/datacenter"), Channel::Avma, t0()).unwrap();
    m.apply(Event::AvmaActivation, t0()).unwrap();
    assert_eq!(
        m.state_at(t0() + days(500)).activation(),
        Some(ActivationMethod::Avma)
    );
    let e = Lifecycle::install(sku("windows-10/enterprise"), Channel::Avma, t0()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid channel \"avma\": expected a channel Windows 10 Enterprise can hold (avma is for Windows Server guests)"
    );
    let mut k = win10_kms();
    assert!(k.apply(Event::AvmaActivation, t0()).is_err());
}

/// Windows 7: 3 rearms; the fourth fails with 0xC004D307. A rearm restarts a 30-day grace.
/// Source: https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/microsoft-windows-security-spp-skiprearm
/// Source: https://learn.microsoft.com/en-us/troubleshoot/windows-client/setup-upgrade-and-drivers/error-occurs-when-running-sysprep-generalize
#[test]
fn windows_7_rearms_three_times() {
    let mut m = Lifecycle::install(sku("windows-7/enterprise"), Channel::VolumeGvlk, t0()).unwrap();
    assert_eq!(m.rearms_left(), 3);
    for (i, d) in [20, 45, 70].into_iter().enumerate() {
        let at = t0() + days(d);
        m.apply(Event::Rearm, at).unwrap();
        assert_eq!(m.rearms_left(), 2 - i as u32);
        let s = m.state_at(at);
        assert_eq!(s.status(), LicenseStatus::OobGrace);
        assert_eq!(s.confidence(), Confidence::Documented);
        assert_eq!(s.ends_at(), Some(at + days(30)));
    }
    let e = m.apply(Event::Rearm, t0() + days(90)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid lifecycle event \"rearm\": expected a rearm left (0xC004D307: the maximum allowed number of re-arms has been exceeded) (state oob-grace, channel volume-gvlk, product windows-7/enterprise)"
    );
    assert_eq!(m.rearms_left(), 0);
    assert_eq!(m.last_event_at(), t0() + days(70));
}

/// A lifecycle continued from a capture has the rearms the capture printed, and none when it
/// printed no count ("a rearm the capture does not show is not assumed"): the next rearm then
/// fails with 0xC004D307.
#[test]
fn observed_rearms_are_the_printed_count_or_none() {
    use volume_activation::lifecycle::Observation;
    let win7 = sku("windows-7/enterprise");
    let grace = Observation::new(LicenseStatus::OobGrace).remaining_minutes(60 * 24 * 10);
    let mut m =
        Lifecycle::observed(win7, Channel::VolumeGvlk, &grace.rearms_left(1), t0()).unwrap();
    assert_eq!(m.rearms_left(), 1);
    m.apply(Event::Rearm, t0() + days(1)).unwrap();
    assert_eq!(m.rearms_left(), 0);
    assert!(m.apply(Event::Rearm, t0() + days(2)).is_err());
    let mut m = Lifecycle::observed(win7, Channel::VolumeGvlk, &grace, t0()).unwrap();
    assert_eq!(m.rearms_left(), 0);
    let e = m.apply(Event::Rearm, t0() + days(1)).unwrap_err();
    assert!(e.to_string().contains("0xC004D307"), "{e}");
}

/// An observed grace period ends in notification mode. After the initial or additional grace
/// period the reason is 0xC004F009 (documented); after extended grace, whose reason Microsoft
/// does not document (WMI says only that it ends in notification mode), none is given.
#[test]
fn observed_grace_ends_in_notification_with_a_documented_reason_only() {
    use volume_activation::lifecycle::Observation;
    let win10 = sku("windows-10/enterprise");
    for (status, reason) in [
        (LicenseStatus::OobGrace, Some(0xC004_F009)),
        (LicenseStatus::OotGrace, Some(0xC004_F009)),
        (LicenseStatus::ExtendedGrace, None),
    ] {
        let seen = Observation::new(status).remaining_minutes(60);
        let m = Lifecycle::observed(win10, Channel::VolumeGvlk, &seen, t0()).unwrap();
        let after = m.state_at(t0() + days(1));
        assert_eq!(after.status(), LicenseStatus::Notification, "{status}");
        assert_eq!(after.reason(), reason, "{status}");
    }
}

/// An observed activation method must fit the channel, by the rules `apply` uses: KMS and
/// ADBA need a GVLK (ADBA a release that has it), a MAK the MAK channel, AVMA the AVMA
/// channel. Each method on its own channel is accepted.
#[test]
fn observed_method_must_fit_the_channel() {
    use volume_activation::lifecycle::Observation;
    let licensed = Observation::new(LicenseStatus::Licensed).remaining_minutes(60);
    let win11 = sku("windows-11/enterprise");
    let ws = sku("windows-server-2022/datacenter");
    for (s, channel, method) in [
        (win11, Channel::VolumeGvlk, ActivationMethod::Kms),
        (win11, Channel::VolumeGvlk, ActivationMethod::Adba),
        (win11, Channel::VolumeMak, ActivationMethod::Mak),
        (ws, Channel::Avma, ActivationMethod::Avma),
    ] {
        let m = Lifecycle::observed(s, channel, &licensed.method(method), t0()).unwrap();
        assert_eq!(m.state_at(t0()).activation(), Some(method), "{method}");
    }
    let e = Lifecycle::observed(
        win11,
        Channel::VolumeGvlk,
        &licensed.method(ActivationMethod::Mak),
        t0(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid observation \"mak\": expected an activation method of channel volume-gvlk (mak needs volume-mak)"
    );
    for (s, channel, method) in [
        (win11, Channel::VolumeGvlk, ActivationMethod::Avma),
        (win11, Channel::VolumeMak, ActivationMethod::Kms),
        (ws, Channel::Avma, ActivationMethod::Adba),
        (ws, Channel::VolumeMak, ActivationMethod::Avma),
    ] {
        assert!(
            Lifecycle::observed(s, channel, &licensed.method(method), t0()).is_err(),
            "{s} {channel} {method}"
        );
    }
    let e = Lifecycle::observed(
        sku("windows-7/enterprise"),
        Channel::VolumeGvlk,
        &licensed.method(ActivationMethod::Adba),
        t0(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid observation \"adba\": expected a release with Active Directory-based activation (Windows 8, Windows Server 2012, Office 2013 or later)"
    );
}

/// Windows 8.1: rearm limit 1000 (Table 8).
#[test]
fn windows_81_has_1000_rearms_and_windows_11_the_unverified_fallback() {
    let m = Lifecycle::install(sku("windows-8.1/enterprise"), Channel::VolumeGvlk, t0()).unwrap();
    assert_eq!(m.rearms_left(), 1000);
    let m = Lifecycle::install(sku("windows-11/enterprise"), Channel::VolumeGvlk, t0()).unwrap();
    assert_eq!(m.rearms_left(), 1000);
}

/// Office 2016+: 25 days before notifications; rearm resets to 30 days; five rearms, and a KMS
/// activation grants one more when none are left.
/// Source: https://learn.microsoft.com/en-us/office/volume-license-activation/rearm-an-office-installation-on-an-image-when-using-kms-to-activate
#[test]
fn office_2016_grace_and_rearms() {
    let mut m = Lifecycle::install(
        sku("office-2016/professional-plus"),
        Channel::VolumeGvlk,
        t0(),
    )
    .unwrap();
    assert_eq!(status(&m, t0() + days(25) - SEC), LicenseStatus::OobGrace);
    assert_eq!(status(&m, t0() + days(25)), LicenseStatus::Notification);
    assert_eq!(m.state_at(t0()).confidence(), Confidence::Documented);
    assert_eq!(m.rearms_left(), 5);
    let mut at = t0();
    for _ in 0..5 {
        at += days(1);
        m.apply(Event::Rearm, at).unwrap();
        assert_eq!(m.state_at(at).ends_at(), Some(at + days(30)));
    }
    assert_eq!(m.rearms_left(), 0);
    assert!(m.apply(Event::Rearm, at).is_err());
    m.apply(kms(), at).unwrap();
    assert_eq!(m.rearms_left(), 1);
    m.apply(Event::Rearm, at).unwrap();
    assert_eq!(m.rearms_left(), 0);
    // Office out-of-tolerance: 30 days, documented.
    m.apply(kms(), at).unwrap();
    let s = m.state_at(at + days(180));
    assert_eq!(
        (s.status(), s.confidence()),
        (LicenseStatus::OotGrace, Confidence::Documented)
    );
    assert_eq!(status(&m, at + days(210)), LicenseStatus::Notification);
}

/// Applies a hardware change beyond tolerance at `h` to a licensed machine: 30 days of
/// unverified OOT grace with 0xC004F00F, then notification.
fn assert_hardware_oot_grace(m: &mut Lifecycle, h: DateTime<Utc>) {
    m.apply(Event::HardwareOutOfTolerance, h).unwrap();
    let s = m.state_at(h);
    assert_eq!(s.status(), LicenseStatus::OotGrace);
    assert_eq!(s.reason(), Some(HR_OUT_OF_TOLERANCE));
    assert_eq!(s.confidence(), Confidence::Unverified);
    assert_eq!(status(m, h + days(30) - SEC), LicenseStatus::OotGrace);
    assert_eq!(status(m, h + days(30)), LicenseStatus::Notification);
}

/// Hardware out of tolerance: OOT grace with 0xC004F00F, then notification.
/// Source: https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes
#[test]
fn hardware_out_of_tolerance() {
    let mut m = Lifecycle::install(sku("windows-11/pro"), Channel::VolumeMak, t0()).unwrap();
    assert!(
        m.apply(Event::HardwareOutOfTolerance, t0())
            .unwrap_err()
            .to_string()
            .contains("expected a licensed machine (state oob-grace")
    );
    m.apply(mak(), t0()).unwrap();
    let h = t0() + days(300);
    assert_hardware_oot_grace(&mut m, h);
    // "MAK: reactivate ... during the out-of-tolerance (OOT) grace period".
    m.apply(mak(), h + days(2)).unwrap();
    assert_eq!(status(&m, h + days(2)), LicenseStatus::Licensed);
}

/// Non-genuine grace, then notification.
/// Source: https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes (0xC004F065, 0xC004F064)
#[test]
fn non_genuine_grace_then_notification() {
    let mut m = Lifecycle::install(sku("windows-11/pro"), Channel::VolumeMak, t0()).unwrap();
    m.apply(mak(), t0()).unwrap();
    let n = t0() + days(50);
    m.apply(Event::NonGenuine, n).unwrap();
    let s = m.state_at(n);
    assert_eq!(
        (s.status(), s.reason()),
        (LicenseStatus::NonGenuineGrace, Some(HR_NONGENUINE_GRACE))
    );
    assert_eq!(
        status(&m, n + days(30) - SEC),
        LicenseStatus::NonGenuineGrace
    );
    let s = m.state_at(n + days(30));
    assert_eq!(
        (s.status(), s.reason()),
        (
            LicenseStatus::Notification,
            Some(HR_NONGENUINE_GRACE_EXPIRED)
        )
    );
}

/// Evaluation: Unlicensed from the end date on, and it cannot be activated.
/// Source: https://learn.microsoft.com/en-us/previous-versions/windows/desktop/sppwmi/softwarelicensingproduct (EvaluationEndDate)
#[test]
fn evaluation_end_date() {
    let end = t0() + days(180);
    let m = Lifecycle::install(
        sku("windows-server-2022/datacenter"),
        Channel::TimebasedEval,
        t0(),
    )
    .unwrap()
    .with_evaluation_end(end)
    .unwrap();
    assert_eq!(m.evaluation_end(), Some(end));
    assert_eq!(status(&m, end - SEC), LicenseStatus::Notification);
    assert_eq!(status(&m, end), LicenseStatus::Unlicensed);
    // Within the grace, the state ends at the earlier of the grace end and the evaluation end.
    let short = Lifecycle::install(
        sku("windows-server-2022/datacenter"),
        Channel::TimebasedEval,
        t0(),
    )
    .unwrap()
    .with_evaluation_end(t0() + days(10))
    .unwrap();
    let t = short.next_transition(t0()).unwrap();
    assert_eq!(
        (t.at(), t.to()),
        (t0() + days(10), LicenseStatus::Unlicensed)
    );
    assert_eq!(short.state_at(t0()).grace_period_remaining(), 14_400);
    let mut m2 = m.clone();
    assert_eq!(
        m2.apply(
            Event::KeyChange {
                channel: Channel::VolumeMak
            },
            end
        )
        .unwrap_err()
        .to_string(),
        "invalid lifecycle event \"key-change\": expected a product before its evaluation end (an expired evaluation cannot be activated) (state unlicensed, channel timebased-eval, product windows-server-2022/datacenter)"
    );
    // The explicit event.
    let mut e = Lifecycle::install(
        sku("windows-server-2022/datacenter"),
        Channel::TimebasedEval,
        t0(),
    )
    .unwrap();
    e.apply(Event::EvaluationExpiry, t0() + days(5)).unwrap();
    assert_eq!(status(&e, t0() + days(5)), LicenseStatus::Unlicensed);
    assert!(e.ways_to_licensed(t0() + days(5)).is_empty());
    // Only evaluations have an end date or expire.
    assert!(win10_kms().with_evaluation_end(end).is_err());
    assert!(win10_kms().apply(Event::EvaluationExpiry, t0()).is_err());
}

/// Converting a KMS client to MAK: "MAK can also be used on a computer that was originally
/// configured to use KMS activation"; the KMS activation is lost with the GVLK.
/// Source: https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-10-clients-vamt
#[test]
fn key_change_kms_to_mak() {
    let mut m = win10_kms();
    m.apply(kms(), t0()).unwrap();
    m.apply(
        Event::KeyChange {
            channel: Channel::VolumeMak,
        },
        t0() + days(5),
    )
    .unwrap();
    assert_eq!(m.channel(), Channel::VolumeMak);
    let s = m.state_at(t0() + days(5));
    assert_eq!(
        (s.status(), s.confidence()),
        (LicenseStatus::OobGrace, Confidence::Unverified)
    );
    assert_eq!(
        m.ways_to_licensed(t0() + days(5)),
        [
            mak(),
            Event::MakActivation {
                mode: MakActivationMethod::Proxy
            }
        ]
    );
    m.apply(mak(), t0() + days(6)).unwrap();
    assert_eq!(status(&m, t0() + days(6)), LicenseStatus::Licensed);
    assert!(
        m.apply(
            Event::KeyChange {
                channel: Channel::VolumeMak
            },
            t0() + days(6)
        )
        .is_err()
    );
    assert!(
        m.apply(
            Event::KeyChange {
                channel: Channel::TimebasedEval
            },
            t0() + days(6)
        )
        .is_err()
    );
}

/// Vista RTM: reduced functionality mode; Vista SP1 and later: notification mode.
/// Source: https://support.microsoft.com/kb/925582
#[test]
fn vista_rtm_reduced_functionality() {
    let rtm = Lifecycle::install(sku("windows-vista/enterprise"), Channel::VolumeGvlk, t0())
        .unwrap()
        .with_vista_rtm()
        .unwrap();
    assert!(rtm.state_at(t0() + days(30)).is_reduced_functionality());
    assert!(
        !rtm.state_at(t0() + days(30) - SEC)
            .is_reduced_functionality()
    );
    let sp1 =
        Lifecycle::install(sku("windows-vista/enterprise"), Channel::VolumeGvlk, t0()).unwrap();
    assert!(!sp1.state_at(t0() + days(30)).is_reduced_functionality());
    // KB925582: RFM if not renewed "within 210 days of an earlier Windows Vista activation".
    let mut rtm = rtm;
    rtm.apply(kms(), t0()).unwrap();
    assert!(
        !rtm.state_at(t0() + days(210) - SEC)
            .is_reduced_functionality()
    );
    assert!(rtm.state_at(t0() + days(210)).is_reduced_functionality());
    assert_eq!(
        win10_kms().with_vista_rtm().unwrap_err().to_string(),
        "invalid vista rtm \"windows-10\": expected windows-vista (reduced functionality mode existed only before Vista SP1)"
    );
}

#[test]
fn events_out_of_order_are_rejected_not_reordered() {
    let mut m = win10_kms();
    m.apply(kms(), t0() + days(2)).unwrap();
    let before = m.clone();
    let e = m.apply(Event::KmsRenewal, t0() + days(1)).unwrap_err();
    assert!(e.is_out_of_order());
    assert_eq!(
        e.to_string(),
        "lifecycle event out of order: kms-renewal at 2026-01-06 09:30:00 UTC is earlier than the last applied event at 2026-01-07 09:30:00 UTC"
    );
    assert_eq!(m, before);
    // Same instant is fine.
    m.apply(Event::KmsRenewal, t0() + days(2)).unwrap();
    // An event before the install is out of order too.
    let mut fresh = win10_kms();
    assert!(
        fresh
            .apply(kms(), t0() - SEC)
            .unwrap_err()
            .is_out_of_order()
    );
}

#[test]
fn failed_events_change_nothing() {
    let mut m = win10_kms();
    let before = m.clone();
    assert!(m.apply(Event::KmsRenewal, t0() + days(3)).is_err());
    assert_eq!(m, before);
}

#[test]
fn state_before_last_event_answers_as_at_last_event() {
    let mut m = win10_kms();
    m.apply(kms(), t0() + days(3)).unwrap();
    assert_eq!(m.state_at(t0()), m.state_at(t0() + days(3)));
}

#[test]
fn ways_to_licensed_per_channel() {
    let m = win10_kms();
    assert_eq!(m.ways_to_licensed(t0()), [kms(), Event::AdbaActivation]);
    let w7 = Lifecycle::install(sku("windows-7/enterprise"), Channel::VolumeGvlk, t0()).unwrap();
    assert_eq!(w7.ways_to_licensed(t0()), [kms()]);
    let avma =
        Lifecycle::install(sku("windows-server-2022/datacenter"), Channel::Avma, t0()).unwrap();
    assert_eq!(avma.ways_to_licensed(t0()), [Event::AvmaActivation]);
    let mut lic = win10_kms();
    lic.apply(kms(), t0()).unwrap();
    assert_eq!(
        lic.ways_to_licensed(t0()),
        [kms(), Event::KmsRenewal, Event::AdbaActivation]
    );
}

// ----------------------------------------------------------------------------------------------
// LicenseStatus names.

/// Sources: slmgr.vbs "License Status:" texts (https://learn.microsoft.com/en-us/windows-server/get-started/activation-slmgr-vbs-options),
/// ospp.vbs MSG_* constants (https://learn.microsoft.com/en-us/office/volume-license-activation/tools-to-manage-volume-activation-of-office),
/// WMI names (https://learn.microsoft.com/en-us/previous-versions/windows/desktop/sppwmi/softwarelicensingproduct).
#[test]
fn license_status_lenient_aliases() {
    use LicenseStatus::*;
    let cases = [
        // WMI names.
        ("Unlicensed", Unlicensed),
        ("Licensed", Licensed),
        ("OOBGrace", OobGrace),
        ("OOTGrace", OotGrace),
        ("NonGenuineGrace", NonGenuineGrace),
        ("Notification", Notification),
        ("ExtendedGrace", ExtendedGrace),
        // slmgr.
        ("License Status: Licensed", Licensed),
        ("License Status: Unlicensed", Unlicensed),
        ("License Status: Initial grace period", OobGrace),
        (
            "License Status: Additional grace period (KMS license expired or hardware out of tolerance)",
            OotGrace,
        ),
        ("License Status: Non-genuine grace period.", NonGenuineGrace),
        ("License Status: Notification", Notification),
        ("License Status: Extended grace period", ExtendedGrace),
        // ospp.
        ("LICENSE STATUS:  ---LICENSED--- ", Licensed),
        ("---UNLICENSED---", Unlicensed),
        ("---OOB_GRACE---", OobGrace),
        ("---OOT_GRACE---", OotGrace),
        ("---NON_GENUINE_GRACE---", NonGenuineGrace),
        ("---NOTIFICATIONS---", Notification),
        ("---EXTENDED GRACE---", ExtendedGrace),
        // IDs and integers.
        ("oob-grace", OobGrace),
        ("  6 ", ExtendedGrace),
        ("0", Unlicensed),
    ];
    for (text, want) in cases {
        assert_eq!(
            LicenseStatus::parse_lenient(text).unwrap(),
            want,
            "{text:?}"
        );
        assert_eq!(
            LicenseStatus::parse_lenient(&text.to_ascii_lowercase()).unwrap(),
            want,
            "{text:?}"
        );
    }
    // Every status has its name() accepted and round-trips through its WMI integer.
    for s in LicenseStatus::iter() {
        assert_eq!(LicenseStatus::parse_lenient(s.name()).unwrap(), s);
        assert_eq!(LicenseStatus::from_wmi(i64::from(s.wmi())).unwrap(), s);
    }
    let e = LicenseStatus::parse_lenient("---UNKNOWN---").unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown licence status \"---UNKNOWN---\": expected a status as WMI, slmgr or ospp print it, e.g. Licensed, Initial grace period or ---OOB_GRACE---"
    );
    assert!(
        LicenseStatus::parse_lenient("7")
            .unwrap_err()
            .is_out_of_range()
    );
    assert!(LicenseStatus::parse_lenient("").is_err());
    assert!(LicenseStatus::from_wmi_vista(6).is_err());
}

#[test]
fn rank_orders_towards_notification() {
    use LicenseStatus::*;
    assert_eq!(Licensed.rank(), 0);
    for g in [OobGrace, OotGrace, NonGenuineGrace, ExtendedGrace] {
        assert_eq!(g.rank(), 1);
    }
    assert_eq!(Notification.rank(), 2);
    assert_eq!(Unlicensed.rank(), 3);
}

// ----------------------------------------------------------------------------------------------
// serde.

#[cfg(feature = "serde")]
#[test]
fn json_round_trip_and_bad_json() {
    let mut m = win10_kms();
    m.apply(kms(), t0()).unwrap();
    m.apply(Event::Rearm, t0() + days(1)).unwrap();
    let json = m.to_json().unwrap();
    let back = Lifecycle::from_json(&json).unwrap();
    assert_eq!(back, m);
    assert_eq!(back.state_at(t0() + days(20)), m.state_at(t0() + days(20)));

    for bad in [
        "",
        "{}",
        "null",
        "[1,2]",
        "{\"sku\":\"windows-10/enterprise\"}",
    ] {
        let e = Lifecycle::from_json(bad).unwrap_err();
        assert!(e.is_json(), "{bad:?}: {e}");
        assert!(e.to_string().starts_with("invalid lifecycle json: "), "{e}");
    }
    // Tampered values are rejected, not defaulted.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tamper = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut w = v.clone();
        f(&mut w);
        Lifecycle::from_json(&w.to_string())
    };
    assert!(
        tamper(&|w| w["rearms_left"] = 5000.into())
            .unwrap_err()
            .to_string()
            .contains("more rearms left")
    );
    assert!(
        tamper(&|w| w["renewal_interval"] = 14.into())
            .unwrap_err()
            .to_string()
            .contains("kms interval 14")
    );
    assert!(tamper(&|w| w["sku"] = "windows-11/datacenter".into()).is_err());
    assert!(
        tamper(&|w| w["extra"] = 1.into())
            .unwrap_err()
            .to_string()
            .contains("unknown field")
    );
    assert!(tamper(&|w| w["last_event_at"] = "2000-01-01T00:00:00Z".into()).is_err());
    assert!(tamper(&|w| w["phase"]["phase"] = "licensed-forever".into()).is_err());
}

#[cfg(feature = "serde")]
#[test]
fn state_transition_and_event_serde_round_trip() {
    let m = win10_kms();
    let s = m.state_at(t0());
    let back: State = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
    let t = m.next_transition(t0()).unwrap();
    let back: Transition = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
    assert_eq!(back, t);
    for e in [
        kms(),
        Event::KmsRenewal,
        Event::KmsRenewalFailure,
        mak(),
        Event::AdbaActivation,
        Event::LeaveDomain,
        Event::AvmaActivation,
        Event::Rearm,
        Event::HardwareOutOfTolerance,
        Event::NonGenuine,
        Event::EvaluationExpiry,
        Event::KeyChange {
            channel: Channel::VolumeMak,
        },
    ] {
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains(&format!("\"event\":\"{e}\"")), "{json}");
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
    }
    assert_eq!(
        serde_json::to_string(&kms()).unwrap(),
        r#"{"event":"kms-activation","renewal_interval":10080}"#
    );
    assert!(
        serde_json::from_str::<Event>(r#"{"event":"kms-activation","renewal_interval":5}"#)
            .is_err()
    );
    assert!(serde_json::from_str::<KmsInterval>("43201").is_err());
    let ser = serde_json::to_value(KMS_VALIDITY).unwrap();
    assert_eq!(ser["minutes"], 259_200);
}

#[test]
fn public_types_are_send_sync_debug_clone() {
    fn check<T: Send + Sync + std::fmt::Debug + Clone>() {}
    check::<Lifecycle>();
    check::<State>();
    check::<Transition>();
    check::<Timeline<'static>>();
    check::<Event>();
    check::<Timing>();
    check::<volume_activation::rules::RearmLimit>();
    check::<KmsInterval>();
    check::<ExpiryMode>();
    check::<MakActivationMethod>();
    check::<ActivationMethod>();
}

/// Keying an evaluation with a volume key leaves the evaluation end date behind.
#[test]
fn key_change_off_evaluation_drops_its_end_date() {
    let mut m = Lifecycle::install(
        sku("windows-server-2022/datacenter"),
        Channel::TimebasedEval,
        t0(),
    )
    .unwrap()
    .with_evaluation_end(t0() + days(180))
    .unwrap();
    m.apply(
        Event::KeyChange {
            channel: Channel::VolumeMak,
        },
        t0() + days(1),
    )
    .unwrap();
    assert_eq!(m.evaluation_end(), None);
    m.apply(mak(), t0() + days(1)).unwrap();
    assert_eq!(status(&m, t0() + days(400)), LicenseStatus::Licensed);
}

/// The HRESULTs the lifecycle reports are the published codes with the expected symbols.
/// Oracle: tests/data/activation-error-codes.csv (the reference error-code table).
#[test]
fn reason_codes_match_the_error_code_table() {
    use volume_activation::rules::HR_REARM_EXHAUSTED;
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/activation-error-codes.csv"
    ))
    .unwrap();
    let symbol_of = |code: u32| {
        let key = format!("{code:#010X}").replacen("0X", "0x", 1);
        csv.lines()
            .find_map(|l| {
                let (c, rest) = l.split_once(',')?;
                (c == key).then(|| rest.split(',').next().unwrap_or("").to_string())
            })
            .unwrap_or_else(|| panic!("{key} not in the table"))
    };
    assert_eq!(symbol_of(HR_GRACE_TIME_EXPIRED), "SL_E_GRACE_TIME_EXPIRED");
    assert_eq!(symbol_of(HR_OUT_OF_TOLERANCE), "SL_E_OUT_OF_TOLERANCE");
    assert_eq!(
        symbol_of(HR_NONGENUINE_GRACE_EXPIRED),
        "SL_E_NONGENUINE_GRACE_TIME_EXPIRED"
    );
    assert!(symbol_of(HR_NONGENUINE_GRACE).starts_with("SL_I_NONGENUINE_GRACE_PERIOD"));
    assert_eq!(
        symbol_of(HR_REARM_EXHAUSTED),
        "SL_REMAPPING_SP_PUB_TS_MAX_REARM_REACHED"
    );
}

/// Every SKU on every channel: installs (AVMA only on Windows Server) into the release's
/// out-of-box grace with the release's rearm limit.
#[test]
fn install_every_sku_on_every_channel() {
    let mut installed = 0;
    for s in Sku::all() {
        for c in Channel::iter() {
            let r = Lifecycle::install(s, c, t0());
            let server = s.family() == volume_activation::Family::Server;
            if c == Channel::Avma && !server {
                assert!(r.unwrap_err().is_invalid(), "{s} {c}");
                continue;
            }
            let m = r.unwrap();
            installed += 1;
            let st = m.state_at(t0());
            assert_eq!(st.status(), LicenseStatus::OobGrace, "{s} {c}");
            assert_eq!(
                st.grace_period_remaining(),
                oob_grace(s.release()).minutes(),
                "{s} {c}"
            );
            assert_eq!(
                st.confidence(),
                oob_grace(s.release()).confidence(),
                "{s} {c}"
            );
            assert_eq!(m.rearms_left(), rearm_limit(s.release()).count(), "{s} {c}");
            assert_eq!(m.activations(), 0);
        }
    }
    assert!(installed > 1000);
}

#[cfg(feature = "serde")]
/// One representation per interval fact (audit item 6): the KmsInterval defaults and range are
/// the Timing constants and KMS_INTERVAL_MINUTES.
#[test]
fn interval_facts_are_modelled_once() {
    use volume_activation::rules::{KMS_INTERVAL_MINUTES, KMS_RENEWAL_DEFAULT};
    assert_eq!(
        KmsInterval::RENEWAL_DEFAULT.minutes(),
        KMS_RENEWAL_DEFAULT.minutes()
    );
    assert_eq!(KmsInterval::RENEWAL_DEFAULT.minutes(), 10_080);
    assert_eq!(
        KmsInterval::ACTIVATION_DEFAULT.minutes(),
        KMS_RETRY.minutes()
    );
    assert_eq!(KmsInterval::ACTIVATION_DEFAULT.minutes(), 120);
    for m in [0, 14, 15, 16, 43_199, 43_200, 43_201, u32::MAX] {
        assert_eq!(
            KmsInterval::new(m).is_ok(),
            KMS_INTERVAL_MINUTES.contains(&m),
            "{m}"
        );
    }
    assert_eq!(
        KmsInterval::new(43_201).unwrap_err().to_string(),
        "kms interval 43201 is out of range: expected 15 to 43200 minutes"
    );
    // Event::MakActivation takes the MAK activation method of the MAK rules.
    let e = Event::MakActivation {
        mode: volume_activation::rules::MakActivationMethod::Proxy,
    };
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
    assert!(json.contains("\"proxy\""), "{json}");
}

/// A hardware change beyond tolerance has its own, unverified timing: Microsoft documents the
/// Office out-of-tolerance 30 days only after a 180-day KMS lapse (audit item 7).
#[test]
fn hardware_out_of_tolerance_is_unverified_even_for_office() {
    use volume_activation::rules::hardware_oot_grace;
    for r in Release::iter() {
        let g = hardware_oot_grace(r);
        assert_eq!(
            (g.days(), g.confidence()),
            (30, Confidence::Unverified),
            "{r}"
        );
        assert!(g.note().starts_with("UNVERIFIED"), "{r}");
    }
    let mut m = Lifecycle::install(
        sku("office-2019/professional-plus"),
        Channel::VolumeGvlk,
        t0(),
    )
    .unwrap();
    m.apply(kms(), t0()).unwrap();
    assert_hardware_oot_grace(&mut m, t0() + days(10));
    // The KMS-lapse trigger stays documented.
    assert_eq!(
        oot_grace(Release::Office2019).confidence(),
        Confidence::Documented
    );
}
