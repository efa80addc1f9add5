//! Property tests: no parser panics on any input, and Display/FromStr are inverses.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use proptest::prelude::*;
use volume_activation::catalog::{
    ActivationId, AgreementProgram, ApplicationId, ClientMachineId, Guid, ProductPool,
    recognize_product,
};
use volume_activation::{
    Channel, Confidence, Edition, Family, KeyKind, LicenseStatus, ProductKey, Release, Sku,
};

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[A-Za-z0-9 ,:()_/.-]{0,80}",
        "[BCDFGHJKMNPQRTVWXY2346789-]{20,35}",
        "(Windows|Office|Microsoft|windows-11|office-2016)[ (R),]{0,6}[A-Za-z0-9 _/-]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_parser_panics(s in any_text()) {
        let _ = s.parse::<Release>();
        let _ = s.parse::<Family>();
        let _ = s.parse::<Edition>();
        let _ = s.parse::<Sku>();
        let _ = s.parse::<KeyKind>();
        let _ = s.parse::<Channel>();
        let _ = s.parse::<AgreementProgram>();
        let _ = s.parse::<ProductPool>();
        let _ = s.parse::<Confidence>();
        let _ = s.parse::<LicenseStatus>();
        let _ = s.parse::<ApplicationId>();
        let _ = s.parse::<ActivationId>();
        let _ = s.parse::<ClientMachineId>();
        let _ = s.parse::<Guid>();
        let _ = Guid::parse(&s);
        let _ = Sku::parse_lenient(&s);
        let _ = Channel::parse_lenient(&s);
        let _ = recognize_product(&s, Some(&s));
        let _ = recognize_product(&s, None);
        if let Ok(k) = ProductKey::parse(&s) {
            prop_assert_eq!(ProductKey::parse(&k.reveal()).unwrap(), k);
        }
    }

    #[test]
    fn errors_never_carry_a_full_key(
        prefix in "[ A-Za-z]{0,5}",
        key in "[BCDFGHJKMPQRTVWXY2346789]{5}-[BCDFGHJKMPQRTVWXY2346789]{5}-[BCDFGHJKMPQRTVWXY2346789]{5}-[BCDFGHJKMPQRTVWXY2346789]{5}-[BCDFGHJKMPQRTVWXY2346789]{5}",
        suffix in "[ A-Za-z0-9]{0,5}",
    ) {
        let input = format!("{prefix}{key}{suffix}");
        let head = &key[..23];
        for e in [
            input.parse::<Sku>().err(),
            Sku::parse_lenient(&input).err(),
            input.parse::<Edition>().err(),
            input.parse::<ApplicationId>().err(),
            Channel::parse_lenient(&input).err(),
        ].into_iter().flatten() {
            prop_assert!(!e.to_string().contains(head), "{}", e);
            let debug = format!("{e:?}");
            prop_assert!(!debug.contains(head));
        }
    }

    #[test]
    fn guid_display_parse_inverse(v in any::<u128>()) {
        let g = Guid::from_u128(v);
        let s = g.to_string();
        prop_assert_eq!(s.to_lowercase(), s.clone());
        prop_assert_eq!(Guid::parse(&s).unwrap(), g);
        prop_assert_eq!(Guid::parse(&s.to_uppercase()).unwrap(), g);
        prop_assert_eq!(ApplicationId::parse(&format!("{{{s}}}")).unwrap(), ApplicationId::new(g));
        prop_assert_eq!(s.parse::<ActivationId>().unwrap().to_string(), s.clone());
        prop_assert_eq!(s.parse::<ClientMachineId>().unwrap().guid(), g);
    }

    #[test]
    fn sku_display_parse_inverse(i in 0usize..160) {
        let sku = Sku::all().nth(i).unwrap();
        prop_assert_eq!(sku.to_string().parse::<Sku>().unwrap(), sku);
        prop_assert_eq!(Sku::parse_lenient(&sku.to_string()).unwrap(), sku);
        prop_assert_eq!(Sku::parse_lenient(sku.name()).unwrap(), sku);
    }

    #[test]
    fn product_key_parse_reveal_inverse(
        groups in proptest::collection::vec("[BCDFGHJKMPQRTVWXY2346789]{5}", 5),
        n_at in proptest::option::of(0usize..25),
    ) {
        let mut chars: Vec<char> = groups.concat().chars().collect();
        if let Some(i) = n_at { chars[i] = 'N'; }
        let body: String = chars.iter().collect();
        let text = format!("{}-{}-{}-{}-{}", &body[0..5], &body[5..10], &body[10..15], &body[15..20], &body[20..25]);
        let k = ProductKey::parse(&text).unwrap();
        prop_assert_eq!(k.reveal(), text.clone());
        prop_assert_eq!(ProductKey::parse(&text.to_lowercase()).unwrap(), k);
        prop_assert_eq!(k.partial(), &text[24..]);
        let shown = format!("{k:?}{k}");
        prop_assert!(!shown.contains(&text[..23]));
    }

    #[test]
    fn second_n_or_foreign_character_is_rejected(pos in 0usize..25, c in "[AEILOSUZ015]") {
        let mut chars: Vec<char> = "BCDFGHJKMPQRTVWXY23467898".chars().collect();
        chars[pos] = c.chars().next().unwrap();
        let body: String = chars.iter().collect();
        let text = format!("{}-{}-{}-{}-{}", &body[0..5], &body[5..10], &body[10..15], &body[15..20], &body[20..25]);
        prop_assert!(ProductKey::parse(&text).unwrap_err().is_product_key());
        let two_n = format!("N{}", &text[1..]).replacen('C', "N", 1);
        prop_assert!(ProductKey::parse(&two_n).is_err());
    }
}
