//! Agreement-program and MAK rules from Microsoft's Volume Licensing activation FAQ
//! (publication 06/2018, copied in tests/data/volume-licensing-activation-faq.txt).
//!
//! Each FAQ rule has a test naming the FAQ question and quoting the passage it implements;
//! `every_faq_passage_is_in_the_faq` checks that every quoted passage is really in the FAQ.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use strum::IntoEnumIterator;
use strum::VariantArray;
use volume_activation::catalog::*;
use volume_activation::rules::*;

const FAQ_TEXT: &str = include_str!("data/volume-licensing-activation-faq.txt");

/// The FAQ with all whitespace removed (its lines break inside sentences).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts that `passage` (fragments separated by `…`) is in the FAQ.
fn assert_in_faq(passage: &str) {
    let faq = squeeze(FAQ_TEXT);
    for fragment in passage.split('…') {
        let f = squeeze(fragment.trim().trim_start_matches("..."));
        assert!(faq.contains(&f), "not in the FAQ: {fragment:?}");
    }
}

/// Asserts the answer is documented by the FAQ and quotes `phrase` from it.
fn assert_faq<T: Copy>(answer: Cited<T>, phrase: &str) {
    assert_eq!(answer.source(), Source::VL_FAQ);
    assert_eq!(answer.confidence(), Confidence::Documented);
    assert!(
        answer.passage().contains(phrase),
        "{:?} does not contain {phrase:?}",
        answer.passage()
    );
    assert_in_faq(phrase);
    assert_in_faq(answer.passage());
}

#[test]
fn every_faq_passage_is_in_the_faq() {
    let mut passages: Vec<&str> = Vec::new();
    for p in AgreementProgram::iter() {
        let a = key_delivery(p);
        if a.source().id() == "FAQ" && a.confidence() == Confidence::Documented {
            passages.push(a.passage());
        }
        for r in ProgramRight::iter() {
            let a = program_right(p, r);
            if a.confidence() == Confidence::Documented {
                passages.push(a.passage());
            }
        }
        let a = reimaging_requirement(p);
        if a.confidence() == Confidence::Documented {
            passages.push(a.passage());
        }
        let a = mak_allotment_basis(p);
        if a.confidence() != Confidence::Unverified || a.value() != MakAllotmentBasis::Undocumented
        {
            passages.push(a.passage());
        }
    }
    for sku in Sku::all() {
        if let Some(a) = sbs_2011_mak(sku) {
            passages.push(a.passage());
        }
    }
    for r in Release::iter() {
        if let Some(a) = office_key_covers_x86_and_x64(r) {
            passages.push(a.passage());
        }
        if let Some(a) = downgrade_host_key_clients(r) {
            passages.push(a.passage());
        }
        for t in Release::iter()
            .map(DowngradeTarget::Release)
            .chain([DowngradeTarget::WindowsXpProfessional])
        {
            if let Some(a) = downgrade_keys(r, t) {
                passages.push(a.passage());
            }
        }
    }
    passages.push(setup_key_sources().passage());
    passages.push(setup_key_bypasses_activation().passage());
    passages.push(keys_shareable_across_licensing_ids().passage());
    passages.push(sbs_2011_activation().passage());
    passages.push(sbs_2008_cals_need_activation().passage());
    passages.push(faq_advice_for_virtual_machines().passage());
    passages.push(faq_advice_for_pc_count(1).unwrap().passage());
    passages.push(open_license_example_mak_activations(1).unwrap().passage());
    passages.push(mak_accounting_sources()[0].passage());
    passages.push(kms_and_mak_may_be_combined().passage());
    for m in MakActivationMethod::iter() {
        passages.push(m.cited().passage());
    }
    assert!(passages.len() > 40);
    for p in passages {
        assert_in_faq(p);
    }
}

// --- Key delivery: "How does Microsoft determine which product keys are associated with my
// agreement(s)?"

#[test]
fn ea_select_and_select_plus_receive_keys_per_product_pool() {
    for (p, phrase) in [
        (
            AgreementProgram::EnterpriseAgreement,
            "Enterprise Agreement customers receive keys per product pool (systems, servers, applications).",
        ),
        (
            AgreementProgram::SelectLicense,
            "Select License customers receive keys per product pool",
        ),
        (
            AgreementProgram::SelectPlus,
            "Select Plus customers receive keys per product pool",
        ),
    ] {
        let a = key_delivery(p);
        assert_eq!(a.value(), KeyDelivery::PerProductPool, "{p}");
        assert_faq(a, phrase);
    }
}

#[test]
fn open_license_and_open_value_receive_keys_per_purchase() {
    for p in [AgreementProgram::OpenLicense, AgreementProgram::OpenValue] {
        let a = key_delivery(p);
        assert_eq!(a.value(), KeyDelivery::PerPurchase);
        assert_eq!(a.value().in_vlsc(), Some(true));
        assert_faq(a, "receive applicable keys based on their license purchase");
    }
}

/// "If I'm a HVMS or ISVR partner, where can I get my keys?"
#[test]
fn hvms_and_isv_royalty_keys_only_through_the_activation_center() {
    for p in [AgreementProgram::Hvms, AgreementProgram::IsvRoyalty] {
        let a = key_delivery(p);
        assert_eq!(a.value(), KeyDelivery::ActivationCenterOnly);
        assert_eq!(a.value().in_vlsc(), Some(false));
        assert_faq(a, "the keys aren’t available through the VLSC");
    }
}

#[test]
fn spla_keys_are_on_the_vlsc_product_keys_page() {
    let a = key_delivery(AgreementProgram::Spla);
    assert_eq!(a.value(), KeyDelivery::VlscProductKeys);
    assert_eq!(a.confidence(), Confidence::Documented);
    assert_eq!(a.source().id(), "S-PLAN-VA-CLIENT");
    assert!(a.passage().contains("Services Provider License"));
}

#[test]
fn programs_the_faq_is_silent_on_are_undocumented() {
    for p in [
        AgreementProgram::Mpsa,
        AgreementProgram::OpenValueSubscription,
        AgreementProgram::Campus,
        AgreementProgram::School,
        AgreementProgram::Csp,
    ] {
        let a = key_delivery(p);
        assert_eq!(a.value(), KeyDelivery::Undocumented, "{p}");
        assert_eq!(a.value().in_vlsc(), None);
        assert_eq!(a.confidence(), Confidence::Unverified);
    }
}

#[test]
fn key_delivery_is_documented_exactly_when_known() {
    for p in AgreementProgram::iter() {
        let a = key_delivery(p);
        assert_eq!(
            a.value() == KeyDelivery::Undocumented,
            a.confidence() == Confidence::Unverified,
            "{p}"
        );
    }
}

#[test]
fn product_pool_by_family_is_unverified() {
    for sku in Sku::all() {
        let a = product_pool(sku);
        assert_eq!(a.confidence(), Confidence::Unverified);
        let expected = match sku.family() {
            Family::Client => ProductPool::Systems,
            Family::Server => ProductPool::Servers,
            Family::Office => ProductPool::Applications,
        };
        assert_eq!(a.value(), expected, "{sku}");
    }
}

// --- Rights: "All customers have the right to use keys for reimaging and downgrade. Enterprise
// Agreement, Select License, and Select Plus customers are also provided with evaluation rights
// and limited software copies for training and back-up."

/// The Volume Licensing programs the 2018 FAQ never names (CSP is handled apart).
fn unnamed_in_faq(p: AgreementProgram) -> bool {
    matches!(
        p,
        AgreementProgram::Mpsa | AgreementProgram::OpenValueSubscription
    )
}

#[test]
fn the_faq_names_the_documented_programs_only() {
    let faq = squeeze(FAQ_TEXT).to_lowercase();
    for name in [
        "mpsa",
        "products and services agreement",
        "open value subscription",
    ] {
        assert!(!faq.contains(name), "{name}");
    }
    for name in [
        "enterprise agreement",
        "select license",
        "select plus",
        "open license",
        "open value",
        "campus agreement",
        "school agreement",
        "services provider license agreement",
        "isv royalty",
        "hvms",
    ] {
        assert!(faq.contains(&squeeze(name)), "{name}");
    }
}

#[test]
fn every_volume_licensing_program_has_reimaging_and_downgrade_rights() {
    for p in AgreementProgram::iter() {
        for r in [ProgramRight::Reimaging, ProgramRight::Downgrade] {
            let a = program_right(p, r);
            if p == AgreementProgram::Csp {
                assert_eq!(a.value(), Entitlement::Undocumented);
                assert!(!has_right(p, r));
            } else if unnamed_in_faq(p) {
                // Derived from "All customers" (audit item 8): the FAQ never names the program.
                assert_eq!(a.value(), Entitlement::Granted, "{p} {r}");
                assert_eq!(a.confidence(), Confidence::Derived, "{p} {r}");
                assert!(has_right(p, r));
                assert_in_faq(a.passage());
            } else {
                assert_eq!(a.value(), Entitlement::Granted, "{p} {r}");
                assert!(has_right(p, r));
                assert_faq(
                    a,
                    "All customers have the right to use keys for reimaging and downgrade.",
                );
            }
        }
    }
}

#[test]
fn evaluation_and_training_copies_only_for_ea_select_and_select_plus() {
    let granted = [
        AgreementProgram::EnterpriseAgreement,
        AgreementProgram::SelectLicense,
        AgreementProgram::SelectPlus,
    ];
    for p in AgreementProgram::iter() {
        for r in [
            ProgramRight::Evaluation,
            ProgramRight::TrainingAndBackupCopies,
        ] {
            let a = program_right(p, r);
            if granted.contains(&p) {
                assert_eq!(a.value(), Entitlement::Granted);
                assert_faq(
                    a,
                    "are also provided with evaluation rights and limited software copies for training and back-up",
                );
            } else {
                assert_eq!(a.value(), Entitlement::Undocumented, "{p} {r}");
                assert_eq!(a.confidence(), Confidence::Unverified);
            }
            assert_eq!(has_right(p, r), granted.contains(&p));
        }
    }
}

// --- Reimaging: "Can I use my Volume License Keys to exercise my reimaging rights?"

#[test]
fn open_license_must_purchase_one_unit_to_reimage() {
    let a = reimaging_requirement(AgreementProgram::OpenLicense);
    assert_eq!(
        a.value(),
        ReimagingRequirement::IdenticalProductAndOnePurchasedUnit
    );
    assert_faq(
        a,
        "you must purchase at least one unit of the product that you want to reimage",
    );
    assert!(!can_reimage(
        AgreementProgram::OpenLicense,
        UnitsPurchased::None
    ));
    assert!(can_reimage(
        AgreementProgram::OpenLicense,
        UnitsPurchased::AtLeastOne
    ));
}

#[test]
fn reimaged_copies_must_be_identical_to_the_licensed_product() {
    for p in AgreementProgram::iter() {
        let a = reimaging_requirement(p);
        match p {
            AgreementProgram::OpenLicense => {}
            AgreementProgram::Csp => {
                assert_eq!(a.value(), ReimagingRequirement::Undocumented);
                assert!(!can_reimage(p, UnitsPurchased::AtLeastOne));
            }
            _ if unnamed_in_faq(p) => {
                assert_eq!(a.value(), ReimagingRequirement::IdenticalProduct, "{p}");
                assert_eq!(a.confidence(), Confidence::Derived, "{p}");
                assert_in_faq(a.passage());
                assert!(can_reimage(p, UnitsPurchased::None));
            }
            _ => {
                assert_eq!(a.value(), ReimagingRequirement::IdenticalProduct, "{p}");
                assert_faq(a, "identical to the originally licensed product");
                assert!(can_reimage(p, UnitsPurchased::None));
            }
        }
    }
}

// --- Downgrade: "I purchased new PCs preinstalled with Windows 7 Professional and plan to
// downgrade to an earlier version of Windows. What key can I use?"

#[test]
fn windows_7_host_key_activates_vista_and_7_clients() {
    let a = downgrade_host_key_clients(Release::Windows7).unwrap();
    assert_eq!(a.value(), &[Release::WindowsVista, Release::Windows7][..]);
    assert_faq(
        a,
        "A KMS host activated with a Windows 7 KMS key will activate Windows Vista and Windows 7 KMS clients.",
    );
    let v = downgrade_host_key_clients(Release::WindowsVista).unwrap();
    assert_eq!(v.value(), &[Release::WindowsVista][..]);
    assert_faq(
        v,
        "A KMS host activated with a Windows Vista KMS key will activate Windows Vista KMS clients.",
    );
    // Every other release: not the FAQ's to say.
    for r in Release::iter().filter(|r| !matches!(r, Release::Windows7 | Release::WindowsVista)) {
        assert!(downgrade_host_key_clients(r).is_none(), "{r}");
    }
}

#[test]
fn windows_7_to_vista_downgrade_keys() {
    let a = downgrade_keys(
        Release::Windows7,
        DowngradeTarget::Release(Release::WindowsVista),
    )
    .unwrap();
    assert_eq!(
        a.value(),
        &[
            DowngradeKey::HostKeyOf(Release::Windows7),
            DowngradeKey::HostKeyOf(Release::WindowsVista),
            DowngradeKey::Mak(Release::WindowsVista),
        ][..]
    );
    assert_in_faq("A Windows Vista MAK.");
    assert_eq!(
        DowngradeKey::Mak(Release::WindowsVista).name(),
        "A Windows Vista MAK"
    );
    assert_eq!(
        DowngradeKey::Mak(Release::WindowsVista).to_string(),
        "mak/windows-vista"
    );
}

#[test]
fn windows_xp_needs_its_own_key() {
    let a = downgrade_keys(Release::Windows7, DowngradeTarget::WindowsXpProfessional).unwrap();
    assert_eq!(a.value(), &[DowngradeKey::WindowsXpProfessionalKey][..]);
    assert_faq(a, "you must to use the Windows XP Professional key only");
    // The FAQ answers only for Windows 7 PCs.
    for r in Release::iter().filter(|&r| r != Release::Windows7) {
        assert!(downgrade_keys(r, DowngradeTarget::WindowsXpProfessional).is_none());
        for t in Release::iter() {
            assert!(downgrade_keys(r, DowngradeTarget::Release(t)).is_none());
        }
    }
}

// --- Setup keys: "What is a setup key?"

#[test]
fn setup_keys_bypass_activation_and_come_from_four_places() {
    let a = setup_key_bypasses_activation();
    assert!(a.value());
    assert_faq(a, "and will bypass activation");
    let s = setup_key_sources();
    assert_eq!(
        s.value(),
        &[
            SetupKeySource::MediaSleeve,
            SetupKeySource::Download,
            SetupKeySource::VlscDownloadScreen,
            SetupKeySource::ActivationCallCenter,
        ][..]
    );
    assert_faq(s, "You can call the Activation Call Center");
    assert_in_faq("the setup key is printed on the media sleeve");
    assert_in_faq(
        "you will be asked to provide Volume Licensing agreement information and proof of purchase",
    );
    let proof: Vec<_> = SetupKeySource::iter()
        .filter(|s| s.requires_proof_of_purchase())
        .collect();
    assert_eq!(proof, [SetupKeySource::ActivationCallCenter]);
}

// --- KMS host-key limits: "Which activation method should be used for virtual computers?"
// and KMS activation planning.

#[test]
fn a_kms_host_key_sets_up_six_hosts_each_reactivated_nine_times() {
    assert_in_faq(
        "Each KMS host key can be used to set up six KMS hosts, which can be physical or virtual.",
    );
    for family in [Family::Client, Family::Server] {
        let a = kms_host_key_limits(family);
        assert_eq!(a.source(), Source::KMS_PLANNING);
        assert_eq!(a.confidence(), Confidence::Documented);
        let l = a.value().unwrap();
        assert_eq!(
            (
                l.hosts(),
                l.reactivations_per_host(),
                l.activations_per_host()
            ),
            (6, 9, 10)
        );
        for n in 0..=20 {
            assert_eq!(can_add_kms_host(family, n), n < 6);
            assert_eq!(can_reactivate_kms_host(family, n), n < 9);
        }
    }
    assert_eq!(KMS_HOST_KEY_MAX_HOSTS, 6);
    assert_eq!(KMS_HOST_MAX_REACTIVATIONS, 9);
}

/// Issue 10, item 8: "Each KMS host key can be used to set up six KMS hosts" is said of every
/// KMS host key, so an Office host key gets the six-host limit (from the FAQ); the nine
/// reactivations are published for Windows keys only and stay undocumented for Office.
#[test]
fn office_host_key_six_hosts_reactivations_undocumented() {
    let a = kms_host_key_limits(Family::Office);
    assert_eq!(a.value(), None);
    assert_eq!(a.confidence(), Confidence::Unverified);
    let hosts = kms_host_key_max_hosts(Family::Office);
    assert_eq!(hosts.value(), 6);
    assert_eq!(hosts.source(), Source::VL_FAQ);
    assert_eq!(hosts.confidence(), Confidence::Documented);
    assert_in_faq(hosts.passage());
    for n in 0..=20 {
        assert_eq!(can_add_kms_host(Family::Office, n), n < 6, "{n}");
    }
    assert!(!can_reactivate_kms_host(Family::Office, 0));
    for family in [Family::Client, Family::Server] {
        assert_eq!(kms_host_key_max_hosts(family).value(), 6);
        assert_eq!(
            kms_host_key_max_hosts(family).source(),
            Source::KMS_PLANNING
        );
    }
}

/// Issue 10, item 8: the FAQ's Small Business Server media facts, as cited answers.
#[test]
fn sbs_media_facts_are_cited() {
    for (value, expected, cited) in [
        (
            sbs_2008_only_on_physical_media().value(),
            true,
            sbs_2008_only_on_physical_media().passage(),
        ),
        (
            sbs_2011_standard_media_downloadable().value(),
            false,
            sbs_2011_standard_media_downloadable().passage(),
        ),
        (
            sbs_2003_downgrade_needs_cal_keys().value(),
            true,
            sbs_2003_downgrade_needs_cal_keys().passage(),
        ),
    ] {
        assert_eq!(value, expected, "{cited}");
        assert_in_faq(cited);
    }
    assert_eq!(
        sbs_2011_standard_media_downloadable().confidence(),
        Confidence::Documented
    );
}

// --- "Are there different keys for x86 (32-bit) and x64 (64-bit) versions of Office 2010 or
// Office 2013 products?"

#[test]
fn one_office_key_for_x86_and_x64() {
    for r in Release::iter() {
        let a = office_key_covers_x86_and_x64(r);
        match r.family() {
            Family::Office => {
                let a = a.unwrap();
                assert!(a.value());
                assert_in_faq(a.passage());
                let expected = if matches!(r, Release::Office2010 | Release::Office2013) {
                    Confidence::Documented
                } else {
                    Confidence::Derived
                };
                assert_eq!(a.confidence(), expected, "{r}");
            }
            _ => assert!(a.is_none()),
        }
    }
    assert_faq(
        office_key_covers_x86_and_x64(Release::Office2010).unwrap(),
        "will work on both the x86 (32-bit) and x64 (64-bit) versions",
    );
}

// --- "If a "child" company (owned by a "parent" company) has an individual agreement, can the
// parent company use the same key …?"

#[test]
fn parent_and_child_companies_may_share_keys() {
    let a = keys_shareable_across_licensing_ids();
    assert!(a.value());
    assert_faq(a, "or one set of keys for all");
}

// --- "What key(s) should I use for Small Business Server 2011?"

#[test]
fn sbs_2011_mak_per_edition() {
    let std: Sku = "small-business-server-2011/standard".parse().unwrap();
    let ess: Sku = "small-business-server-2011/essentials".parse().unwrap();
    let prem: Sku = "small-business-server-2011/premium-add-on".parse().unwrap();
    let a = sbs_2011_mak(std).unwrap();
    assert_eq!(a.value(), SbsMak::WinSbsStdEssentials2011);
    assert_faq(a, "Standard will use the Win SBS Std/Essentials 2011 MAK");
    let a = sbs_2011_mak(ess).unwrap();
    assert_eq!(a.value(), SbsMak::WinSbsStdEssentials2011);
    assert_faq(a, "Essentials will use the Win SBS Std/Essentials 2011 MAK");
    let a = sbs_2011_mak(prem).unwrap();
    assert_eq!(a.value(), SbsMak::WindowsServer2008R2MakB);
    assert_faq(
        a,
        "Premium Add-on will use the Windows Server 2008 R2 MAK B",
    );
    // Every other SKU has no SBS 2011 MAK.
    let with: Vec<Sku> = Sku::all().filter(|&s| sbs_2011_mak(s).is_some()).collect();
    assert_eq!(with, [std, ess, prem]);
}

#[test]
fn sbs_2011_installs_as_kms_client_and_converts_to_mak() {
    let a = sbs_2011_activation();
    assert_faq(a, "isn’t offered for Small Business Server 2011");
    assert_in_faq(
        "Small Business Server 2011 installs automatically as a Key Management Server (KMS) client.",
    );
    assert_in_faq(
        "You can install a MAK during or any time after the operating system is installed.",
    );
    let s = a.value();
    assert_eq!(s.installs_as(), Channel::VolumeGvlk);
    assert!(s.installs_as().is_kms_client());
    assert!(!s.kms_offered());
    assert_eq!(s.convert_to(), Channel::VolumeMak);
    assert_eq!(s.convert_to().key_kind(), KeyKind::Mak);
    assert!(s.mak_installable_after_setup());
}

#[test]
fn sbs_2008_cals_need_no_activation() {
    let a = sbs_2008_cals_need_activation();
    assert!(!a.value());
    assert_faq(
        a,
        "Windows Small Business Server 2008 CALs don’t require activation.",
    );
}

// --- MAK allotments: "… the number of MAK activations does not match the number of our
// purchased licenses. Why are these amounts different …?"

#[test]
fn open_license_1_to_25_licences_may_get_50_activations() {
    for n in 0..=100u32 {
        let a = open_license_example_mak_activations(n);
        if (1..=25).contains(&n) {
            let a = a.unwrap();
            assert_eq!(a.value(), 50);
            assert_faq(a, "they may get 50 activations on their MAK");
        } else {
            assert!(a.is_none(), "{n}");
        }
    }
    assert!(open_license_example_mak_activations(u32::MAX).is_none());
    assert_eq!(OPEN_LICENSE_EXAMPLE_ACTIVATIONS, 50);
}

#[test]
fn price_levels_a_to_d_without_published_numbers() {
    for p in [
        AgreementProgram::SelectLicense,
        AgreementProgram::EnterpriseAgreement,
        AgreementProgram::Campus,
        AgreementProgram::School,
        AgreementProgram::Spla,
    ] {
        let a = mak_allotment_basis(p);
        assert_eq!(a.value(), MakAllotmentBasis::PriceLevel, "{p}");
        assert_faq(a, "we look at the pricing levels (A, B, C, D)");
    }
    let sp = mak_allotment_basis(AgreementProgram::SelectPlus);
    assert_eq!(sp.value(), MakAllotmentBasis::PriceLevel);
    assert_eq!(sp.confidence(), Confidence::Unverified);
    let ol = mak_allotment_basis(AgreementProgram::OpenLicense);
    assert_eq!(ol.value(), MakAllotmentBasis::LicenceCountWithHeadroom);
    assert_faq(
        ol,
        "usually give them more MAK activations than what may be needed",
    );
    for p in [
        AgreementProgram::Mpsa,
        AgreementProgram::OpenValue,
        AgreementProgram::OpenValueSubscription,
        AgreementProgram::IsvRoyalty,
        AgreementProgram::Hvms,
        AgreementProgram::Csp,
    ] {
        assert_eq!(
            mak_allotment_basis(p).value(),
            MakAllotmentBasis::Undocumented
        );
    }
    assert_eq!(
        PriceLevel::iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>(),
        ["a", "b", "c", "d"]
    );
    assert!(PriceLevel::iter().all(|l| l.published_mak_activations().is_none()));
}

// --- The FAQ's advice.

/// "I'm planning to deploy Windows 7 and Office 2010 by using KMS …"
#[test]
fn fewer_than_50_pcs_mak_with_vamt() {
    for n in 0..200 {
        let a = faq_advice_for_pc_count(n);
        assert_eq!(a.is_some(), n < 50, "{n}");
        if let Some(a) = a {
            assert_eq!(a.value(), FaqAdvice::MakWithVamt);
            assert_faq(
                a,
                "If you have fewer than 50 PCs, the best option is to use Multiple Activation Keys (MAK) with Volume Activation Management Tool (VAMT).",
            );
        }
    }
}

/// "Which activation method should be used for virtual computers?"
#[test]
fn virtual_machines_kms_preferred() {
    let a = faq_advice_for_virtual_machines();
    assert_eq!(a.value(), FaqAdvice::KmsPreferred);
    assert_faq(
        a,
        "KMS is preferred (although either KMS or MAK may be used)",
    );
}

// --- "What is a Multiple Activation Key (MAK) and how does it work?" and "Can I use both MAK
// and KMS for activating systems in my organization?"

#[test]
fn mak_independent_and_proxy_activation() {
    let i = MakActivationMethod::Independent.cited();
    assert_faq(
        i,
        "Each computer individually connects to Microsoft via the web or telephone",
    );
    assert!(i.value().each_computer_contacts_microsoft());
    let p = MakActivationMethod::Proxy.cited();
    assert_faq(
        p,
        "One centralized activation request is made on behalf of multiple computers",
    );
    assert!(!p.value().each_computer_contacts_microsoft());
    assert_eq!(MakActivationMethod::VARIANTS.len(), 2);
}

#[test]
fn kms_and_mak_may_be_used_together() {
    let a = kms_and_mak_may_be_combined();
    assert!(a.value());
    assert_faq(a, "you can use a KMS hosted activation service and/or MAKs");
}

// --- MAK accounting.

#[test]
fn each_mak_activation_decrements_one_physical_or_virtual() {
    let [faq, vamt] = mak_accounting_sources();
    assert_faq(
        faq,
        "one activation is decremented. This applies to both physical and virtual computers.",
    );
    assert_eq!(vamt.confidence(), Confidence::Documented);
    assert!(vamt.source().url().ends_with("local-reactivation-vamt"));
    assert_eq!(
        MakMachine::unactivated()
            .with_reimages(0)
            .activations_needed(),
        1
    );
    assert_eq!(
        MakMachine::activated()
            .with_reimages(0)
            .activations_needed(),
        0
    );
}

#[test]
fn reimages_consume_activations_unless_the_cid_is_reapplied() {
    assert_in_faq(
        "I want to reimage Windows 7 Professional by using the MAK instead of KMS. What happens if I don’t have enough activations associated with the MAK to do so?",
    );
    for first in [false, true] {
        for reimages in 0..10u32 {
            let m = if first {
                MakMachine::unactivated()
            } else {
                MakMachine::activated()
            }
            .with_reimages(reimages);
            assert_eq!(
                m.activations_needed(),
                u64::from(first) + u64::from(reimages)
            );
            assert_eq!(m.reapplying_cid().activations_needed(), u64::from(first));
            assert!(m.reapplying_cid().reapplies_cid());
            assert_eq!(m.reimages(), reimages);
            assert_eq!(m.needs_first_activation(), first);
        }
    }
    assert_eq!(
        MakMachine::unactivated()
            .with_reimages(u32::MAX)
            .activations_needed(),
        u64::from(u32::MAX) + 1
    );
}

#[test]
fn activations_needed_against_remaining() {
    let machines = [
        MakMachine::unactivated().with_reimages(0),
        MakMachine::unactivated().with_reimages(2),
        MakMachine::activated().with_reimages(4).reapplying_cid(),
        MakMachine::activated().with_reimages(1),
    ];
    let needed = mak_activations_needed(machines.iter().copied());
    assert_eq!(needed, 5); // 1 + 3 + 0 (CID reapplied) + 1
    assert_eq!(mak_activations_needed(std::iter::empty()), 0);
    let b = MakBalance::new(needed, 4);
    assert!(!b.is_sufficient());
    assert_eq!(
        (b.needed(), b.remaining(), b.shortfall(), b.left_after()),
        (5, 4, 1, 0)
    );
    let b = MakBalance::new(needed, 5);
    assert!(b.is_sufficient());
    assert_eq!((b.shortfall(), b.left_after()), (0, 0));
    // Saturates rather than overflowing.
    let huge = std::iter::repeat_n(MakMachine::unactivated().with_reimages(u32::MAX), 3);
    assert_eq!(mak_activations_needed(huge), 3 * (u64::from(u32::MAX) + 1));
    assert_eq!(MakBalance::new(u64::MAX, 0).shortfall(), u64::MAX);
}

// --- Serde and the enums.

#[cfg(feature = "serde")]
#[test]
fn id_enums_round_trip() {
    fn check<T>(all: &[T])
    where
        T: Copy
            + PartialEq
            + std::fmt::Debug
            + std::fmt::Display
            + std::str::FromStr
            + serde::Serialize
            + serde::de::DeserializeOwned,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for &v in all {
            assert_eq!(v.to_string().parse::<T>().unwrap(), v);
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{v}\""));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v);
        }
    }
    check(KeyDelivery::VARIANTS);
    check(ProgramRight::VARIANTS);
    check(Entitlement::VARIANTS);
    check(ReimagingRequirement::VARIANTS);
    check(SetupKeySource::VARIANTS);
    check(SbsMak::VARIANTS);
    check(MakAllotmentBasis::VARIANTS);
    check(PriceLevel::VARIANTS);
    check(FaqAdvice::VARIANTS);
    check(MakActivationMethod::VARIANTS);
}

#[cfg(feature = "serde")]
#[test]
fn data_types_round_trip() {
    for k in [
        DowngradeKey::HostKeyOf(Release::Windows7),
        DowngradeKey::Mak(Release::WindowsVista),
        DowngradeKey::WindowsXpProfessionalKey,
    ] {
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(serde_json::from_str::<DowngradeKey>(&json).unwrap(), k);
    }
    assert_eq!(
        serde_json::to_string(&DowngradeKey::HostKeyOf(Release::Windows7)).unwrap(),
        r#"{"host-key-of":"windows-7"}"#
    );
    for t in [
        DowngradeTarget::Release(Release::WindowsVista),
        DowngradeTarget::WindowsXpProfessional,
    ] {
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<DowngradeTarget>(&json).unwrap(), t);
    }
    // Display and FromStr: lowercase IDs, exact inverses (audit item 8).
    for r in Release::iter() {
        for k in [DowngradeKey::HostKeyOf(r), DowngradeKey::Mak(r)] {
            assert_eq!(k.to_string().parse::<DowngradeKey>().unwrap(), k);
            assert_eq!(k.to_string(), k.to_string().to_lowercase());
        }
        let t = DowngradeTarget::Release(r);
        assert_eq!(t.to_string().parse::<DowngradeTarget>().unwrap(), t);
    }
    assert_eq!(
        "windows-xp-professional"
            .parse::<DowngradeTarget>()
            .unwrap(),
        DowngradeTarget::WindowsXpProfessional
    );
    assert_eq!(
        DowngradeKey::WindowsXpProfessionalKey.to_string(),
        "windows-xp-professional-key"
    );
    assert_eq!(
        "windows-xp-professional-key"
            .parse::<DowngradeKey>()
            .unwrap(),
        DowngradeKey::WindowsXpProfessionalKey
    );
    assert_eq!(
        "windows-xp"
            .parse::<DowngradeTarget>()
            .unwrap_err()
            .to_string(),
        "unknown downgrade target \"windows-xp\": expected a release id such as windows-vista, or windows-xp-professional"
    );
    for bad in [
        "kms-host-key/windows-7",
        "mak/windows-99",
        "mak",
        "mak-windows-7",
        "",
    ] {
        assert_eq!(
            bad.parse::<DowngradeKey>().unwrap_err().to_string(),
            format!(
                "unknown downgrade key \"{bad}\": expected host-key-of/<release>, mak/<release> or windows-xp-professional-key"
            ),
        );
    }
    let m = MakMachine::unactivated().with_reimages(3).reapplying_cid();
    assert_eq!(
        serde_json::from_str::<MakMachine>(&serde_json::to_string(&m).unwrap()).unwrap(),
        m
    );
    let b = MakBalance::new(7, 3);
    assert_eq!(
        serde_json::from_str::<MakBalance>(&serde_json::to_string(&b).unwrap()).unwrap(),
        b
    );
    let l = kms_host_key_limits(Family::Server).value().unwrap();
    assert_eq!(
        serde_json::from_str::<KmsHostKeyLimits>(&serde_json::to_string(&l).unwrap()).unwrap(),
        l
    );
    let s = sbs_2011_activation().value();
    assert_eq!(
        serde_json::from_str::<Sbs2011Activation>(&serde_json::to_string(&s).unwrap()).unwrap(),
        s
    );
    // A cited answer serialises with its source.
    let json = serde_json::to_value(key_delivery(AgreementProgram::SelectPlus)).unwrap();
    assert_eq!(json["value"], "per-product-pool");
    assert_eq!(json["confidence"], "documented");
    assert_eq!(json["source"]["id"], "FAQ");
}

#[test]
fn unknown_ids_are_errors_with_the_input_quoted() {
    assert_eq!(
        "per-pool".parse::<KeyDelivery>().unwrap_err().to_string(),
        "unknown key delivery \"per-pool\": expected one of per-product-pool, per-purchase, vlsc-product-keys, activation-center-only, undocumented"
    );
    assert_eq!(
        "e".parse::<PriceLevel>().unwrap_err().to_string(),
        "unknown price level \"e\": expected one of a, b, c, d"
    );
}

#[test]
fn public_types_are_send_sync() {
    fn assert_traits<T: Send + Sync + std::fmt::Debug + Clone>() {}
    assert_traits::<Cited<KeyDelivery>>();
    assert_traits::<KeyDelivery>();
    assert_traits::<ProgramRight>();
    assert_traits::<Entitlement>();
    assert_traits::<ReimagingRequirement>();
    assert_traits::<DowngradeTarget>();
    assert_traits::<DowngradeKey>();
    assert_traits::<SetupKeySource>();
    assert_traits::<KmsHostKeyLimits>();
    assert_traits::<SbsMak>();
    assert_traits::<Sbs2011Activation>();
    assert_traits::<MakAllotmentBasis>();
    assert_traits::<PriceLevel>();
    assert_traits::<FaqAdvice>();
    assert_traits::<MakActivationMethod>();
    assert_traits::<MakMachine>();
    assert_traits::<MakBalance>();
}

mod prop {
    use proptest::prelude::*;
    use volume_activation::rules::{MakBalance, MakMachine, mak_activations_needed};

    proptest! {
        /// The total is the sum of the machines; reapplying CIDs never costs more.
        #[test]
        fn accounting_is_additive(ms in proptest::collection::vec((any::<bool>(), any::<u32>(), any::<bool>()), 0..50)) {
            let machines: Vec<MakMachine> = ms
                .iter()
                .map(|&(first, reimages, cid)| {
                    let m = if first { MakMachine::unactivated() } else { MakMachine::activated() }.with_reimages(reimages);
                    if cid { m.reapplying_cid() } else { m }
                })
                .collect();
            let total = mak_activations_needed(machines.iter().copied());
            let sum: u64 = machines.iter().map(|m| m.activations_needed()).sum();
            prop_assert_eq!(total, sum);
            let with_cid = mak_activations_needed(machines.iter().map(|m| m.reapplying_cid()));
            prop_assert!(with_cid <= total);
        }

        /// Needed = used + shortfall; remaining = used + left over.
        #[test]
        fn balance_identities(needed in any::<u64>(), remaining in any::<u64>()) {
            let b = MakBalance::new(needed, remaining);
            let used = needed.min(remaining);
            prop_assert_eq!(used + b.shortfall(), needed);
            prop_assert_eq!(used + b.left_after(), remaining);
            prop_assert_eq!(b.is_sufficient(), b.shortfall() == 0);
        }
    }
}

/// Issue 10, item 8: virtual machines, as the FAQ states it: a KMS host can be virtual, and
/// virtual machines count toward the activation threshold.
#[test]
fn virtual_machines_and_kms() {
    let host = kms_host_can_be_virtual();
    assert!(host.value());
    assert_eq!(host.source(), Source::VL_FAQ);
    assert_in_faq(host.passage());
    for r in Release::iter() {
        let c = virtual_machines_count_toward_threshold(r);
        assert!(c.value(), "{r}");
        assert_eq!(c.confidence(), Confidence::Documented);
        assert_in_faq(c.passage());
    }
    assert!(
        virtual_machines_count_toward_threshold(Release::Windows7)
            .passage()
            .contains("the release of Windows 7")
    );
}
