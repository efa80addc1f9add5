//! The one registry of sources, and the serde round trips of the values that cite them.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use std::collections::BTreeSet;
#[cfg(feature = "serde")]
use strum::IntoEnumIterator;

#[cfg(feature = "serde")]
use volume_activation::catalog::AgreementProgram;
use volume_activation::catalog::Source;
#[cfg(feature = "serde")]
use volume_activation::rules::{
    ProgramRight, RearmLimit, Timing, hardware_oot_grace, key_delivery, oob_grace, oot_grace,
    program_right, rearm_grace,
};
use volume_activation::rules::{non_genuine_grace, rearm_limit};
use volume_activation::{Confidence, Release};

#[test]
fn ids_are_unique_and_every_source_round_trips() {
    let ids: BTreeSet<&str> = Source::all().map(|s| s.id()).collect();
    assert_eq!(ids.len(), Source::all().len());
    let urls: BTreeSet<&str> = Source::all().map(|s| s.url()).collect();
    assert!(
        urls.len() >= Source::all().len() - 1,
        "only S-T7 and S-T8 share the hub address"
    );
    for s in Source::all() {
        assert_eq!(Source::from_id(s.id()), Some(s));
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<Source>(&json).unwrap(), s, "{json}");
            // The ID alone is enough.
            let id_only = format!(r#"{{"id":"{}"}}"#, s.id());
            assert_eq!(serde_json::from_str::<Source>(&id_only).unwrap(), s);
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn unknown_or_forged_sources_are_refused() {
    let e = serde_json::from_str::<Source>(r#"{"id":"S-NOPE"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown source \"S-NOPE\": expected the id of a source the crate cites, such as S-PLAN"
    );
    let forged = r#"{"id":"S-PLAN","title":"Key Management Services (KMS) activation planning","url":"https://example.com/","date":"2025-03-17"}"#;
    let e = serde_json::from_str::<Source>(forged).unwrap_err();
    assert!(
        e.to_string().starts_with(
            "invalid source \"S-PLAN\": expected the title, url and date the crate records for this id"
        ),
        "{e}"
    );
    assert!(serde_json::from_str::<Source>(r#"{"id":"S-PLAN","x":1}"#).is_err());
}

/// The wrong citations the audit found: the 2008 rearm limit and the non-genuine grace quote
/// the VA 2.0 Operations Guide (a mirror), the Windows 8 rearm limit quotes the Office KMS host
/// page's /dlv example.
#[test]
fn citations_name_the_page_they_quote() {
    let l = rearm_limit(Release::WindowsServer2008);
    assert_eq!(l.source(), Source::VA2_OPERATIONS_GUIDE);
    assert_eq!(l.source().id(), "S-VA2-OPS");
    assert_eq!(l.confidence(), Confidence::Unverified);
    let g = non_genuine_grace(Release::Windows11);
    assert_eq!(g.source(), Source::VA2_OPERATIONS_GUIDE);
    assert_eq!(g.confidence(), Confidence::Unverified);
    let w8 = rearm_limit(Release::Windows8);
    assert_eq!(w8.source(), Source::OFFICE_KMS_HOST);
    assert_eq!(w8.confidence(), Confidence::Unverified);
    assert_eq!(rearm_limit(Release::Windows81).source().id(), "S-T8");
}

#[cfg(feature = "serde")]
#[test]
fn timings_and_rearm_limits_round_trip() {
    for r in Release::iter() {
        for t in [
            oob_grace(r),
            oot_grace(r),
            hardware_oot_grace(r),
            rearm_grace(r),
            non_genuine_grace(r),
        ] {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(serde_json::from_str::<Timing>(&json).unwrap(), t, "{json}");
        }
        let l = rearm_limit(r);
        let json = serde_json::to_string(&l).unwrap();
        assert_eq!(
            serde_json::from_str::<RearmLimit>(&json).unwrap(),
            l,
            "{json}"
        );
    }
    for t in [
        volume_activation::rules::KMS_VALIDITY,
        volume_activation::rules::KMS_RENEWAL_DEFAULT,
        volume_activation::rules::KMS_RETRY,
        volume_activation::rules::ADBA_VALIDITY,
        volume_activation::rules::ADBA_RENEWAL,
        volume_activation::rules::OFFICE_NOTIFICATION_FREE,
        volume_activation::rules::OFFICE_REARM_GRACE,
        volume_activation::rules::KMS_COUNT_WINDOW,
    ] {
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Timing>(&json).unwrap(), t, "{json}");
    }
    // A forged length is refused.
    let json = serde_json::to_string(&volume_activation::rules::KMS_VALIDITY)
        .unwrap()
        .replace("259200", "259201");
    let e = serde_json::from_str::<Timing>(&json).unwrap_err();
    assert!(e.to_string().starts_with("invalid timing \""), "{e}");
    let json = serde_json::to_string(&rearm_limit(Release::Windows7))
        .unwrap()
        .replace("\"count\":3", "\"count\":4");
    let e = serde_json::from_str::<RearmLimit>(&json).unwrap_err();
    assert!(e.to_string().starts_with("invalid rearm limit \""), "{e}");
}

#[cfg(feature = "serde")]
#[test]
fn cited_answers_round_trip() {
    for p in AgreementProgram::iter() {
        let c = key_delivery(p);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str(&json).ok(), Some(c), "{json}");
        for r in ProgramRight::iter() {
            let c = program_right(p, r);
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str(&json).ok(), Some(c), "{json}");
        }
    }
    // A forged value with a real passage is refused.
    let c = program_right(AgreementProgram::SelectPlus, ProgramRight::Reimaging);
    let json = serde_json::to_string(&c).unwrap();
    let forged = json.replace("\"granted\"", "\"undocumented\"");
    assert_ne!(forged, json);
    let e = serde_json::from_str::<
        volume_activation::rules::Cited<volume_activation::rules::Entitlement>,
    >(&forged)
    .unwrap_err();
    assert!(e.to_string().starts_with("invalid cited answer \""), "{e}");
}
