//! Every HRESULT the rules and the lifecycle report is one of the documented codes, reachable
//! through `error_code()` / `reason_code()`.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use chrono::{TimeZone, Utc};
use strum::IntoEnumIterator;
use volume_activation::catalog::*;
use volume_activation::lifecycle::*;
use volume_activation::rules::*;
use volume_activation::*;

#[test]
fn every_kms_denial_code_is_documented() {
    let mut seen = 0;
    for key in KmsHostKey::iter() {
        for os in Sku::all() {
            let host = KmsHost::new(os, key);
            for client in Sku::all() {
                for count in [0u32, 100] {
                    if let Err(d) = check_activation(&host, client, Channel::VolumeGvlk, count) {
                        assert_eq!(d.error_code().map(|c| c.hresult()), d.hresult(), "{d}");
                        seen += usize::from(d.hresult().is_some());
                    }
                }
            }
        }
    }
    assert!(seen > 0);
}

#[test]
fn every_adba_and_avma_denial_code_is_documented() {
    for host in Sku::all() {
        for guest in Sku::all() {
            if let Err(d) = check_avma(host, guest) {
                assert_eq!(d.error_code().map(|c| c.hresult()), d.hresult(), "{d}");
            }
        }
    }
    for sku in Sku::all().filter(|s| s.family() != Family::Office) {
        let Ok(client) = AdbaClient::windows(sku) else {
            continue;
        };
        for schema in Release::of_family(Family::Server) {
            if let Ok(domain) = AdbaDomain::joined(schema) {
                if let Err(d) = check_adba(client, domain) {
                    assert_eq!(d.error_code().map(|c| c.hresult()), d.hresult(), "{d}");
                }
            }
        }
    }
}

#[test]
fn lifecycle_reasons_are_documented_codes() {
    for hr in [
        HR_GRACE_TIME_EXPIRED,
        HR_OUT_OF_TOLERANCE,
        HR_NONGENUINE_GRACE,
        HR_NONGENUINE_GRACE_EXPIRED,
        HR_REARM_EXHAUSTED,
    ] {
        assert!(ActivationErrorCode::lookup(hr).is_some(), "{hr:#X}");
    }
    // A KMS client that never activates ends in Notification with a documented reason.
    let sku: Sku = "windows-10/enterprise".parse().unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let m = Lifecycle::install(sku, Channel::VolumeGvlk, t0).unwrap();
    let late = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
    let state = m.state_at(late);
    assert_eq!(state.status(), LicenseStatus::Notification);
    let code = state.reason_code().expect("documented reason");
    assert_eq!(Some(code.hresult()), state.reason());
}
