//! ADBA eligibility, validity, renewal and denials.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use chrono::{TimeDelta, TimeZone, Utc};
use strum::IntoEnumIterator;
use volume_activation::rules::{
    ADBA_MIN_FOREST_SCHEMA, ADBA_RENEWAL, ADBA_VALIDITY, ActivationErrorCode, AdbaActivation,
    AdbaClient, AdbaDenial, AdbaDomain, can_adba, check_adba,
};
use volume_activation::{Confidence, Family, Release, Sku};

fn sku(s: &str) -> Sku {
    s.parse().unwrap()
}

fn domain(r: Release) -> AdbaDomain {
    AdbaDomain::joined(r).unwrap()
}

/// Windows releases that support ADBA: Windows 8 / Windows Server 2012 and later.
fn windows_supports_adba(r: Release) -> bool {
    !matches!(
        r,
        Release::WindowsVista
            | Release::Windows7
            | Release::WindowsServer2008
            | Release::SmallBusinessServer2008
            | Release::WindowsServer2008R2
            | Release::SmallBusinessServer2011
    )
}

#[test]
fn durations_are_documented_values() {
    assert_eq!(ADBA_VALIDITY.duration(), TimeDelta::days(180));
    assert_eq!(ADBA_RENEWAL.duration(), TimeDelta::days(7));
    assert_eq!(ADBA_MIN_FOREST_SCHEMA, Release::WindowsServer2012);
    let ok = check_adba(
        AdbaClient::windows(sku("windows-10/pro")).unwrap(),
        domain(Release::WindowsServer2016),
    )
    .unwrap();
    let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    assert_eq!(ok.expires_at(t), Some(t + TimeDelta::days(180)));
    assert_eq!(ok.validity(), ADBA_VALIDITY.duration());
    assert_eq!(ok.renewal_interval(), ADBA_RENEWAL.duration());
    assert!(
        ok.sources()
            .iter()
            .any(|s| s.url().contains("active-directory-based-activation"))
    );
}

/// Every Windows SKU in every forest: the whole finite domain.
#[test]
fn every_windows_sku_in_every_forest() {
    for s in Sku::all().filter(|s| s.family() != Family::Office) {
        let client = AdbaClient::windows(s).unwrap();
        assert_eq!(client.os(), s.release());
        let r = check_adba(client, AdbaDomain::workgroup());
        if windows_supports_adba(s.release()) {
            assert_eq!(r, Err(AdbaDenial::NotDomainJoined), "{s}");
        } else {
            assert_eq!(
                r,
                Err(AdbaDenial::ProductNotSupported { product: s }),
                "{s}"
            );
        }
        for schema in Release::of_family(Family::Server) {
            let r = check_adba(client, domain(schema));
            assert_eq!(can_adba(client, domain(schema)), r.is_ok());
            let want_ok =
                windows_supports_adba(s.release()) && schema >= Release::WindowsServer2012;
            assert_eq!(r.is_ok(), want_ok, "{s} in a {schema} forest");
            if windows_supports_adba(s.release()) && !want_ok {
                assert_eq!(r, Err(AdbaDenial::SchemaTooOld { schema }));
            }
        }
    }
}

#[test]
fn schema_2012_is_enough_and_2008_r2_is_not() {
    // Resolutions Q7: "the Windows Server 2012 schema level is adequate" (S-STEP1) wins over
    // the VAMT-path wording "Windows Server 2012 R2 or later" (Windows ADBA page 2024).
    let c = AdbaClient::windows(sku("windows-server-2022/standard")).unwrap();
    assert!(can_adba(c, domain(Release::WindowsServer2012)));
    assert!(can_adba(c, domain(Release::WindowsServer2012R2)));
    assert!(!can_adba(c, domain(Release::WindowsServer2008R2)));
    assert!(!can_adba(c, domain(Release::SmallBusinessServer2011)));
}

#[test]
fn office_versions_and_operating_systems() {
    let d = domain(Release::WindowsServer2019);
    for s in Sku::all().filter(|s| s.family() == Family::Office) {
        for os in Release::iter().filter(|r| r.family() != Family::Office) {
            let client = AdbaClient::office(s, os).unwrap();
            let r = check_adba(client, d);
            if s.release() == Release::Office2010 {
                assert_eq!(r, Err(AdbaDenial::ProductNotSupported { product: s }));
            } else if !windows_supports_adba(os) {
                assert_eq!(r, Err(AdbaDenial::OsNotSupported { product: s, os }));
            } else {
                assert!(r.is_ok(), "{s} on {os}");
            }
        }
    }
    let ok = check_adba(
        AdbaClient::office(sku("office-2016/professional-plus"), Release::Windows10).unwrap(),
        d,
    )
    .unwrap();
    assert_eq!(ok.confidence(), Confidence::Documented);
    let derived = check_adba(
        AdbaClient::office(
            sku("office-ltsc-2024/professional-plus"),
            Release::Windows11,
        )
        .unwrap(),
        d,
    )
    .unwrap();
    assert_eq!(derived.confidence(), Confidence::Derived);
    let derived_os = check_adba(
        AdbaClient::office(
            sku("office-2016/professional-plus"),
            Release::WindowsServer2025,
        )
        .unwrap(),
        d,
    )
    .unwrap();
    assert_eq!(derived_os.confidence(), Confidence::Derived);
}

#[test]
fn confidence_of_windows_releases() {
    let d = domain(Release::WindowsServer2022);
    let conf = |s: &str| {
        check_adba(AdbaClient::windows(sku(s)).unwrap(), d)
            .unwrap()
            .confidence()
    };
    assert_eq!(conf("windows-8/pro"), Confidence::Documented);
    assert_eq!(conf("windows-11/enterprise"), Confidence::Documented);
    assert_eq!(
        conf("windows-server-2012/datacenter"),
        Confidence::Documented
    );
    assert_eq!(conf("windows-server-2025/standard"), Confidence::Derived);
    assert_eq!(
        conf("windows-11-ltsc-2024/enterprise-ltsc"),
        Confidence::Derived
    );
}

#[test]
fn bad_input_is_an_error() {
    let e = AdbaDomain::joined(Release::Windows11).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid forest schema level \"windows-11\": expected a windows server release such as windows-server-2012"
    );
    let e = AdbaClient::windows(sku("office-2019/professional-plus")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid windows sku \"office-2019/professional-plus\": expected a windows client or server sku"
    );
    assert!(
        AdbaClient::office(sku("windows-11/pro"), Release::Windows11)
            .unwrap_err()
            .is_invalid()
    );
    assert!(
        AdbaClient::office(sku("office-2019/professional-plus"), Release::Office2016)
            .unwrap_err()
            .is_invalid()
    );
}

#[test]
fn denial_messages_and_codes_are_pinned() {
    let cases = [
        (
            AdbaDenial::ProductNotSupported {
                product: sku("windows-7/enterprise"),
            },
            "Windows 7 Enterprise cannot use active directory-based activation (windows 8, windows server 2012 and office 2013 or later only); it uses kms",
            None,
        ),
        (
            AdbaDenial::OsNotSupported {
                product: sku("office-2016/professional-plus"),
                os: Release::Windows7,
            },
            "Office Professional Plus 2016 cannot use active directory-based activation on Windows 7; it uses kms",
            None,
        ),
        (
            AdbaDenial::NotDomainJoined,
            "the computer is not a domain member, so active directory-based activation does not apply; it uses kms",
            None,
        ),
        (
            AdbaDenial::SchemaTooOld {
                schema: Release::WindowsServer2008,
            },
            "the forest schema is at the Windows Server 2008 level; active directory-based activation needs the windows server 2012 schema or later",
            Some(0xC004_F083),
        ),
    ];
    for (denial, message, code) in cases {
        assert_eq!(denial.to_string(), message);
        assert_eq!(denial.hresult(), code);
        assert!(denial.falls_back_to_kms());
        if let Some(h) = code {
            assert!(ActivationErrorCode::lookup(h).is_some());
        }
        assert!(!denial.source().url().is_empty());
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&denial).unwrap();
            assert_eq!(serde_json::from_str::<AdbaDenial>(&json).unwrap(), denial);
        }
        let err: &dyn std::error::Error = &denial;
        assert_eq!(err.to_string(), message);
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trips_and_validation() {
    let c = AdbaClient::office(sku("office-2019/professional-plus"), Release::Windows10).unwrap();
    let d = domain(Release::WindowsServer2012R2);
    let ok = check_adba(c, d).unwrap();
    for json in [
        serde_json::to_string(&c).unwrap(),
        serde_json::to_string(&d).unwrap(),
        serde_json::to_string(&ok).unwrap(),
    ] {
        assert!(!json.is_empty());
    }
    assert_eq!(
        serde_json::from_str::<AdbaClient>(&serde_json::to_string(&c).unwrap()).unwrap(),
        c
    );
    assert_eq!(
        serde_json::from_str::<AdbaDomain>(&serde_json::to_string(&d).unwrap()).unwrap(),
        d
    );
    assert_eq!(
        serde_json::from_str::<AdbaActivation>(&serde_json::to_string(&ok).unwrap()).unwrap(),
        ok
    );
    let w = AdbaDomain::workgroup();
    assert_eq!(
        serde_json::from_str::<AdbaDomain>(&serde_json::to_string(&w).unwrap()).unwrap(),
        w
    );
    assert!(serde_json::from_str::<AdbaDomain>(r#"{"forest_schema":"windows-11"}"#).is_err());
    assert!(
        serde_json::from_str::<AdbaClient>(r#"{"product":"windows-11/pro","os":"windows-10"}"#)
            .is_err()
    );
    assert!(
        serde_json::from_str::<AdbaClient>(
            r#"{"product":"office-2019/professional-plus","os":"office-2016"}"#
        )
        .is_err()
    );
}

#[test]
fn auto_traits() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug>() {}
    check::<AdbaActivation>();
    check::<AdbaClient>();
    check::<AdbaDenial>();
    check::<AdbaDomain>();
}

#[cfg(feature = "serde")]
#[test]
fn activation_deserialisation_is_validated() {
    let c = AdbaClient::windows(sku("windows-11/pro")).unwrap();
    let json =
        serde_json::to_string(&check_adba(c, domain(Release::WindowsServer2016)).unwrap()).unwrap();
    assert!(
        serde_json::from_str::<AdbaActivation>(&json.replace("documented", "derived")).is_err()
    );
    let old = AdbaClient::windows(sku("windows-7/enterprise")).unwrap();
    let forged = format!(
        "{{\"client\":{},\"confidence\":\"documented\"}}",
        serde_json::to_string(&old).unwrap()
    );
    assert!(serde_json::from_str::<AdbaActivation>(&forged).is_err());
}

#[test]
fn office_on_windows_8_1_is_derived() {
    let d = domain(Release::WindowsServer2016);
    let c = AdbaClient::office(sku("office-2013/professional-plus"), Release::Windows81).unwrap();
    assert_eq!(check_adba(c, d).unwrap().confidence(), Confidence::Derived);
    let c = AdbaClient::office(sku("office-2013/professional-plus"), Release::Windows8).unwrap();
    assert_eq!(
        check_adba(c, d).unwrap().confidence(),
        Confidence::Documented
    );
}
