//! Every closed-set enum of every layer: each value's canonical ID is lowercase kebab-case and
//! unique, `Display` and `FromStr` are inverses, serde writes the same string and reads it back,
//! and unknown text is an `unknown` error that quotes the input.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use strum::VariantArray;
use volume_activation::catalog::*;
use volume_activation::inventory::*;
use volume_activation::lifecycle::*;
use volume_activation::plan::*;
use volume_activation::rules::*;

macro_rules! check_all {
    ($($t:ty),+ $(,)?) => {$(
        {
            let all = <$t>::VARIANTS;
            assert!(!all.is_empty(), stringify!($t));
            let mut ids = std::collections::BTreeSet::new();
            for &v in all {
                let id = v.to_string();
                assert_eq!(id, v.as_ref());
                assert!(
                    !id.is_empty()
                        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.' || c == '/'),
                    "{} id {id:?} is not lowercase kebab-case", stringify!($t)
                );
                assert!(ids.insert(id.clone()), "{} id {id:?} is not unique", stringify!($t));
                assert_eq!(id.parse::<$t>().unwrap(), v);
                assert_eq!(id.to_ascii_uppercase().parse::<$t>().unwrap(), v);
                assert!(!v.name().is_empty());
                #[cfg(feature = "serde")]
                {
                    let json = serde_json::to_string(&v).unwrap();
                    assert_eq!(json, format!("\"{id}\""));
                    assert_eq!(serde_json::from_str::<$t>(&json).unwrap(), v);
                }
            }
            let err = "no-such-value".parse::<$t>().unwrap_err();
            assert!(err.is_unknown(), "{}: {err}", stringify!($t));
            assert!(err.to_string().contains("\"no-such-value\": expected "), "{err}");
        }
    )+};
}

#[test]
fn every_closed_set_round_trips() {
    check_all!(
        Release,
        Family,
        Edition,
        KeyKind,
        Channel,
        AgreementProgram,
        ProductPool,
        Confidence,
        LicenseStatus,
        KmsHostKey,
        KmsApplication,
        CaptureFormat,
        DateOrder,
        Answer,
        Basis,
        ActivationMethod,
        Entitlement,
        FaqAdvice,
        FleetRecord,
        Cause,
        Evidence,
        IdentificationOutcome,
        Hardware,
        KeyDelivery,
        MakActivationMethod,
        MakAllotmentBasis,
        PriceLevel,
        ProductClass,
        ProgramRight,
        RecommendedMethod,
        ReimagingRequirement,
        RiskCause,
        SbsMak,
        SetupKeySource,
        Severity,
        UpdateNeed,
        UnitsPurchased,
        ExpiryMode,
        FindingKind,
    );
}
