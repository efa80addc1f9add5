//! The catalogue enums, SKUs, identifiers and lenient names: exhaustive round trips, pinned
//! error messages, table invariants.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use std::fmt::{Debug, Display};
use std::str::FromStr;
use strum::IntoEnumIterator;
use strum::VariantArray;

use volume_activation::catalog::{
    ActivationId, AgreementProgram, ApplicationId, ClientMachineId, ProductPool, recognize_product,
};
use volume_activation::rules::activation_threshold;
use volume_activation::{
    Channel, Confidence, Edition, Error, Family, KeyKind, LicenseStatus, Release, Sku,
};

/// Serde both ways when the `serde` feature is on; nothing asked without it.
#[cfg(feature = "serde")]
trait Json: serde::Serialize + serde::de::DeserializeOwned {}
#[cfg(feature = "serde")]
impl<T: serde::Serialize + serde::de::DeserializeOwned> Json for T {}
#[cfg(not(feature = "serde"))]
trait Json {}
#[cfg(not(feature = "serde"))]
impl<T> Json for T {}

fn round_trip<T>(values: impl IntoIterator<Item = T>) -> usize
where
    T: Copy + Eq + Debug + Display + FromStr<Err = Error> + Json,
{
    let mut n = 0;
    for v in values {
        let s = v.to_string();
        assert_eq!(s.parse::<T>().unwrap(), v, "{s}");
        assert_eq!(s.to_uppercase().parse::<T>().unwrap(), v, "{s} uppercase");
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v, "{json}");
        }
        n += 1;
    }
    n
}

#[test]
fn every_catalogue_enum_round_trips() {
    assert_eq!(round_trip(Release::iter()), Release::VARIANTS.len());
    assert_eq!(round_trip(Family::iter()), 3);
    assert_eq!(round_trip(Edition::iter()), Edition::VARIANTS.len());
    assert_eq!(round_trip(KeyKind::iter()), KeyKind::VARIANTS.len());
    assert_eq!(round_trip(Channel::iter()), Channel::VARIANTS.len());
    assert_eq!(
        round_trip(AgreementProgram::iter()),
        AgreementProgram::VARIANTS.len()
    );
    assert_eq!(round_trip(ProductPool::iter()), 3);
    assert_eq!(round_trip(Confidence::iter()), 3);
    assert_eq!(
        round_trip(LicenseStatus::iter()),
        LicenseStatus::VARIANTS.len()
    );
    assert_eq!(round_trip(Sku::all()), 187);
}

#[test]
fn ids_are_unique_kebab_case_and_names_are_nonempty() {
    fn check(ids: Vec<&'static str>, names: Vec<&'static str>) {
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "duplicate ID in {ids:?}");
        for id in ids {
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'-'
                    || b == b'.'),
                "{id}"
            );
        }
        assert!(names.iter().all(|n| !n.is_empty()));
    }
    check(
        Release::iter().map(<&str>::from).collect(),
        Release::iter().map(Release::name).collect(),
    );
    check(
        Edition::iter().map(<&str>::from).collect(),
        Edition::iter().map(Edition::name).collect(),
    );
    check(
        KeyKind::iter().map(<&str>::from).collect(),
        KeyKind::iter().map(KeyKind::name).collect(),
    );
    check(
        Channel::iter().map(<&str>::from).collect(),
        Channel::iter().map(Channel::name).collect(),
    );
    check(
        AgreementProgram::iter().map(<&str>::from).collect(),
        AgreementProgram::iter()
            .map(AgreementProgram::name)
            .collect(),
    );
}

fn position<T: PartialEq>(all: &[T], v: &T) -> usize {
    all.iter().position(|x| x == v).unwrap()
}

#[test]
fn sku_table_is_sorted_unique_and_names_are_unique() {
    let keys: Vec<(usize, usize)> = Sku::all()
        .map(|s| {
            (
                position(Release::VARIANTS, &s.release()),
                position(Edition::VARIANTS, &s.edition()),
            )
        })
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "SKU table not sorted or not unique"
    );
    let mut names: Vec<&str> = Sku::all().map(Sku::name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(
        names.len(),
        Sku::all().len(),
        "two SKUs share a marketing name"
    );
    for sku in Sku::all() {
        assert_eq!(Sku::new(sku.release(), sku.edition()).unwrap(), sku);
        assert_eq!(sku.family(), sku.release().family());
        assert!(Sku::of_release(sku.release()).any(|s| s == sku));
    }
    // Every release has at least one SKU.
    for r in Release::iter() {
        assert!(Sku::of_release(r).next().is_some(), "{r}");
    }
}

#[test]
fn every_sku_parses_leniently_from_its_marketing_name() {
    for sku in Sku::all() {
        assert_eq!(
            Sku::parse_lenient(sku.name()).unwrap(),
            sku,
            "{}",
            sku.name()
        );
        assert_eq!(Sku::parse_lenient(&sku.name().to_uppercase()).unwrap(), sku);
        assert_eq!(
            Sku::parse_lenient(&format!("  Microsoft   {}  ", sku.name())).unwrap(),
            sku
        );
        assert_eq!(Sku::parse_lenient(&sku.to_string()).unwrap(), sku);
        let r = recognize_product(sku.name(), None);
        assert_eq!(r.sku(), Some(sku));
        assert_eq!(r.family(), Some(sku.family()));
        assert_eq!(r.confidence(), Some(Confidence::Documented));
    }
}

#[test]
fn strict_from_str_stays_strict() {
    assert!("Windows Server 2019 Standard".parse::<Sku>().is_err());
    assert!(" windows-11/pro".parse::<Sku>().is_err());
    assert!("Windows 11".parse::<Release>().is_err());
    assert!("Pro N".parse::<Edition>().is_err());
    assert!("Volume:GVLK".parse::<Channel>().is_err());
}

#[test]
fn strict_parse_errors_are_pinned() {
    let cases: Vec<(Error, &str)> = vec![
        (
            "windows-13".parse::<Release>().unwrap_err(),
            "unknown release \"windows-13\": expected a release ID such as windows-11, windows-server-2022 or office-ltsc-2024",
        ),
        (
            "ultimate".parse::<Edition>().unwrap_err(),
            "unknown edition \"ultimate\": expected an edition ID such as pro, enterprise-ltsc, datacenter or professional-plus",
        ),
        (
            "windows".parse::<Family>().unwrap_err(),
            "unknown family \"windows\": expected one of client, server, office",
        ),
        (
            "nope".parse::<Sku>().unwrap_err(),
            "unknown sku \"nope\": expected release/edition, e.g. windows-server-2019/standard",
        ),
        (
            "windows-11/datacenter".parse::<Sku>().unwrap_err(),
            "invalid sku \"windows-11/datacenter\": expected an edition that Windows 11 has",
        ),
        (
            "windows-12/pro".parse::<Sku>().unwrap_err(),
            "unknown release \"windows-12\": expected a release ID such as windows-11, windows-server-2022 or office-ltsc-2024",
        ),
        (
            "oem".parse::<Channel>().unwrap_err(),
            "unknown channel \"oem\": expected a channel ID such as volume-gvlk, volume-mak, retail or oem-dm",
        ),
        (
            "sure".parse::<Confidence>().unwrap_err(),
            "unknown confidence \"sure\": expected one of documented, derived, unverified",
        ),
        (
            Sku::parse_lenient("Windows 12 Pro").unwrap_err(),
            "unknown product name \"Windows 12 Pro\": expected a SKU ID such as windows-11/pro or a product name such as Windows Server 2019 Standard",
        ),
        (
            Sku::parse_lenient("Windows(R), Professional edition").unwrap_err(),
            "unknown product name \"Windows(R), Professional edition\": expected a SKU ID such as windows-11/pro or a product name such as Windows Server 2019 Standard",
        ),
        (
            "55c92734".parse::<ApplicationId>().unwrap_err(),
            "invalid application id \"55c92734\": expected 32 hex digits as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
        ),
        (
            "".parse::<ActivationId>().unwrap_err(),
            "invalid activation id \"\": expected 32 hex digits as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
        ),
        (
            "g".parse::<ClientMachineId>().unwrap_err(),
            "invalid client machine id \"g\": expected 32 hex digits as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
        ),
    ];
    for (err, want) in cases {
        assert_eq!(err.to_string(), want);
        #[cfg(feature = "serde")]
        {
            assert_eq!(serde_json::to_string(&err).unwrap(), format!("{:?}", want));
        }
    }
    assert!(Sku::parse_lenient("x").unwrap_err().is_unknown());
    assert!(
        "windows-11/datacenter"
            .parse::<Sku>()
            .unwrap_err()
            .is_invalid()
    );
    assert!("x".parse::<ApplicationId>().unwrap_err().is_invalid());
}

#[test]
fn lenient_names_real_tools_print() {
    let cases = [
        (
            "Windows Server 2019 Standard",
            "windows-server-2019/standard",
        ),
        (
            "Windows 10 Enterprise LTSC 2019",
            "windows-10-ltsc-2019/enterprise-ltsc",
        ),
        (
            "windows 11 enterprise ltsc 2024",
            "windows-11-ltsc-2024/enterprise-ltsc",
        ),
        ("Microsoft Windows 10 Pro", "windows-10/pro"),
        (
            "Windows Server® 2008 Standard",
            "windows-server-2008/standard",
        ),
        (
            "Windows Server 2008 R2 HPC Edition",
            "windows-server-2008-r2/hpc",
        ),
        ("Windows 10 Professional", "windows-10/pro"),
        (
            "Windows Server 2022 Datacenter: Azure Edition",
            "windows-server-2022/datacenter-azure-edition",
        ),
        (
            "Windows Server 2022 Datacenter Azure Edition",
            "windows-server-2022/datacenter-azure-edition",
        ),
        (
            "Office LTSC Professional Plus 2024",
            "office-ltsc-2024/professional-plus",
        ),
        (
            "Visio LTSC Standard 2021",
            "office-ltsc-2021/visio-standard",
        ),
        (
            "Office 16, Office16ProPlusVL_KMS_Client edition",
            "office-2016/professional-plus",
        ),
        (
            "Office 24, Office24ProPlus2024VL_KMS_Client_AE edition",
            "office-ltsc-2024/professional-plus",
        ),
        ("Windows Server 2012", "windows-server-2012/base"),
    ];
    for (text, id) in cases {
        assert_eq!(Sku::parse_lenient(text).unwrap().to_string(), id, "{text}");
    }
    for text in [
        "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
        "Windows(R), Professional edition",
        "Office 16, OfficeKMSHostVL_KMS_Host edition",
        "Office 19, Office19ProPlus2019VL_KMS_Client_AE edition",
        "Windows 10 Enterprise LTSC",
        "Windows 11",
        "",
    ] {
        assert!(Sku::parse_lenient(text).is_err(), "{text}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn recognizer_reads_partial_names() {
    let r = recognize_product(
        "Windows(R), Professional edition",
        Some("Windows(R) Operating System, RETAIL channel"),
    );
    assert_eq!(r.edition(), Some(Edition::Pro));
    assert_eq!(r.family(), Some(Family::Client));
    assert_eq!(r.release(), None);
    assert_eq!(r.channel(), Some(Channel::Retail));
    assert_eq!(r.confidence(), Some(Confidence::Documented));

    let r = recognize_product("Windows(R), Enterprise edition", None);
    assert_eq!(r.edition(), Some(Edition::Enterprise));
    // Windows client and Windows Server 2008 both have an Enterprise edition.
    assert_eq!(r.family(), None);
    assert_eq!(r.confidence(), Some(Confidence::Derived));

    let r = recognize_product("Windows(R), Education N edition", None);
    assert_eq!(r.edition(), Some(Edition::EducationN));
    assert_eq!(r.family(), Some(Family::Client));

    let r = recognize_product("Windows(R), N edition", None);
    assert!(r.is_empty());

    let r = recognize_product(
        "Office 16, OfficeKMSHostVL_KMS_Host edition",
        Some("Office 16, VOLUME_KMS channel"),
    );
    assert_eq!(r.family(), Some(Family::Office));
    assert_eq!(r.release(), Some(Release::Office2016));
    assert_eq!(r.edition(), None);
    assert_eq!(r.channel(), Some(Channel::VolumeCsvlk));

    let r = recognize_product(
        "Office 19, Office19ProPlus2019VL_KMS_Client_AE edition",
        None,
    );
    assert_eq!(r.family(), Some(Family::Office));
    assert_eq!(r.release(), None);

    let r = recognize_product("something else", Some("nothing"));
    assert!(r.is_empty());
    assert_eq!(r.confidence(), None);

    let r = recognize_product("Windows Server 2025 Datacenter", None);
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(
        serde_json::from_str::<volume_activation::catalog::Recognized>(&json).unwrap(),
        r
    );
}

#[cfg(feature = "serde")]
#[test]
fn identifiers_parse_case_insensitively_and_print_lowercase() {
    use volume_activation::catalog::Guid;
    let w: ApplicationId = "{55C92734-D682-4D71-983E-D6EC3F16059F}".parse().unwrap();
    assert_eq!(w, ApplicationId::WINDOWS);
    assert!(w.is_windows() && !w.is_office());
    assert_eq!(w.name(), Some("Windows"));
    assert_eq!(w.to_string(), "55c92734-d682-4d71-983e-d6ec3f16059f");
    assert_eq!(
        format!("{w:?}"),
        "ApplicationId(55c92734-d682-4d71-983e-d6ec3f16059f)"
    );
    let o: ApplicationId = "0FF1CE15-A989-479D-AF46-F275C6370663".parse().unwrap();
    assert_eq!(o, ApplicationId::OFFICE);
    assert!(o.is_office());
    assert_eq!(o.name(), Some("Office 2013 and later"));
    // The 0ff1ce16 value in one Microsoft sample output is not taken as Office.
    let sample: ApplicationId = "0ff1ce16-a989-479d-af46-f275c6370663".parse().unwrap();
    assert_eq!(sample.name(), None);

    for id in [ApplicationId::WINDOWS, ApplicationId::OFFICE] {
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<ApplicationId>(&json).unwrap(), id);
        assert_eq!(Guid::from(id), id.guid());
        assert_eq!(ApplicationId::from(id.guid()), id);
    }
    let a: ActivationId = "98EBFE73-2084-4C97-932C-C0CD1643BEA7".parse().unwrap();
    assert_eq!(a.to_string(), "98ebfe73-2084-4c97-932c-c0cd1643bea7");
    assert_eq!(
        serde_json::from_str::<ActivationId>(&serde_json::to_string(&a).unwrap()).unwrap(),
        a
    );
    let c = ClientMachineId::new(Guid::from_u128(1));
    assert_eq!(c.to_string(), "00000000-0000-0000-0000-000000000001");
    assert!(serde_json::from_str::<ClientMachineId>("\"zz\"").is_err());
}

#[test]
fn thresholds_follow_the_family_for_every_sku() {
    for sku in Sku::all() {
        let want = match sku.family() {
            Family::Client => 25,
            Family::Server | Family::Office => 5,
        };
        assert_eq!(activation_threshold(sku), want, "{sku}");
    }
}

#[cfg(feature = "serde")]
/// `Recognized` deserialises only records whose parts agree (audit item 10).
#[test]
fn recognized_validates_on_deserialise() {
    use volume_activation::catalog::Recognized;
    let inputs = [
        ("Windows Server 2025 Datacenter", None),
        (
            "Windows(R), Professional edition",
            Some("Windows(R) Operating System, VOLUME_KMSCLIENT channel"),
        ),
        (
            "Office 16, OfficeKMSHostVL_KMS_Host edition",
            Some("Office 16, VOLUME_KMS channel"),
        ),
        (
            "Office 19, Office19ProPlus2019VL_KMS_Client_AE edition",
            None,
        ),
        ("something else", Some("Office 16, VOLUME_KMS channel")),
        ("something else", Some("nothing")),
        (
            "Windows(R), Enterprise edition",
            Some("Office 16, VOLUME_KMS channel"),
        ),
    ];
    for (name, description) in inputs {
        let r = recognize_product(name, description);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            serde_json::from_str::<Recognized>(&json).unwrap(),
            r,
            "{json}"
        );
    }
    // Whatever recognize_product builds passes the check.
    let descriptions = [
        None,
        Some("Office 16, VOLUME_KMS channel"),
        Some("Windows(R) Operating System, VOLUME_KMSCLIENT channel"),
    ];
    let names = Sku::all()
        .map(|s| s.to_string())
        .chain(Edition::iter().map(|e| format!("Windows(R), {} edition", e.name())));
    for name in names {
        for d in descriptions {
            let r = recognize_product(&name, d);
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(
                serde_json::from_str::<Recognized>(&json).unwrap(),
                r,
                "{json}"
            );
        }
    }
    // A Windows name with an Office description: the description does not make it Office.
    let r = recognize_product(
        "Windows(R), Enterprise edition",
        Some("Office 16, VOLUME_KMS channel"),
    );
    assert_ne!(r.family(), Some(Family::Office));
    assert_eq!(r.release(), None);
    assert_eq!(r.edition(), Some(Edition::Enterprise));
    let r = recognize_product(
        "Windows(R), Professional edition",
        Some("Office 16, VOLUME_KMS channel"),
    );
    assert_eq!(r.family(), Some(Family::Client));
    assert_eq!(r.release(), None);
    let bad = [
        (
            r#"{"release":"windows-11","edition":null,"family":"office","channel":null,"confidence":"documented"}"#,
            "invalid recognized product \"windows-11, office\": expected parts that agree (the release belongs to another family)",
        ),
        (
            r#"{"release":null,"edition":"pro","family":"office","channel":null,"confidence":"documented"}"#,
            "invalid recognized product \"pro, office\": expected parts that agree (no sku of the family has the edition)",
        ),
        (
            r#"{"release":"windows-server-2025","edition":"pro","family":null,"channel":null,"confidence":"documented"}"#,
            "invalid recognized product \"windows-server-2025, pro\": expected parts that agree (the release and edition form no sku)",
        ),
        (
            r#"{"release":"windows-11","edition":null,"family":null,"channel":null,"confidence":null}"#,
            "invalid recognized product \"windows-11\": expected parts that agree (a release or edition needs a confidence)",
        ),
        (
            r#"{"release":null,"edition":null,"family":null,"channel":null,"confidence":"derived"}"#,
            "invalid recognized product \"\": expected parts that agree (a confidence needs something recognised)",
        ),
    ];
    for (json, msg) in bad {
        let e = serde_json::from_str::<Recognized>(json).unwrap_err();
        assert_eq!(e.to_string(), msg, "{json}");
    }
}
