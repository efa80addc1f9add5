//! Alias tables for the lenient product-name parsers ([`Sku::parse_lenient`] and
//! [`recognize_product`]). Every alias names where Microsoft (or the reference notes) print it.
//!
//! `tests/product_name.rs` checks that every alias is reachable through the public parsers and
//! maps to the row given here.
//!
//! [`Sku::parse_lenient`]: crate::catalog::Sku::parse_lenient
//! [`recognize_product`]: crate::catalog::recognize_product

use crate::catalog::{Confidence, Edition, Release};

/// A product name Microsoft prints for a SKU that differs from the SKU's marketing name.
#[derive(Clone, Copy)]
pub(crate) struct SkuAlias {
    pub(crate) text: &'static str,
    pub(crate) release: Release,
    pub(crate) edition: Edition,
    pub(crate) confidence: Confidence,
}

const fn sku(
    text: &'static str,
    release: Release,
    edition: Edition,
    confidence: Confidence,
) -> SkuAlias {
    SkuAlias {
        text,
        release,
        edition,
        confidence,
    }
}

use Confidence::{Derived, Documented, Unverified};
use Edition as E;
use Release as R;

/// Other names of SKUs, compared ASCII case-insensitively after normalisation.
pub(crate) static SKU_ALIASES: &[SkuAlias] = &[
    // "Key Management Services (KMS) activation planning" (ms.date 2025-03-17), CSVLK table:
    // https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning
    sku("Windows 11 Professional", R::Windows11, E::Pro, Documented),
    sku(
        "Windows 11 Professional N",
        R::Windows11,
        E::ProN,
        Documented,
    ),
    sku(
        "Windows 11 Professional for Workstations",
        R::Windows11,
        E::ProForWorkstations,
        Documented,
    ),
    sku(
        "Windows 11 Professional N for Workstations",
        R::Windows11,
        E::ProForWorkstationsN,
        Documented,
    ),
    sku("Windows 10 Professional", R::Windows10, E::Pro, Documented),
    sku(
        "Windows 10 Professional N",
        R::Windows10,
        E::ProN,
        Documented,
    ),
    sku(
        "Windows 10 Professional for Workstations",
        R::Windows10,
        E::ProForWorkstations,
        Documented,
    ),
    sku(
        "Windows 10 Professional N for Workstations",
        R::Windows10,
        E::ProForWorkstationsN,
        Documented,
    ),
    sku(
        "Windows 10 Enterprise LTSB N 2015",
        R::Windows10Ltsb2015,
        E::EnterpriseNLtsc,
        Documented,
    ),
    sku("Windows 8.1 Professional", R::Windows81, E::Pro, Documented),
    // Older CSVLK lists (Windows Server 2016 / 2019 activation pages, per the reference notes).
    sku(
        "Windows 10 Enterprise LTSB (2015)",
        R::Windows10Ltsb2015,
        E::EnterpriseLtsc,
        Documented,
    ),
    sku(
        "Windows 10 Enterprise LTSC N 2019",
        R::Windows10Ltsc2019,
        E::EnterpriseNLtsc,
        Documented,
    ),
    sku("Windows 8 Professional", R::Windows8, E::Pro, Documented),
    // "Determining Product Key Needs" (Windows 7 Volume Activation Planning Guide) and
    // "Volume Activation 2.0 Volume Product Key Groups": the Windows Server 2008 R2 key groups.
    sku(
        "Windows Web Server 2008 R2",
        R::WindowsServer2008R2,
        E::Web,
        Documented,
    ),
    sku(
        "Windows HPC Server 2008 R2",
        R::WindowsServer2008R2,
        E::Hpc,
        Documented,
    ),
    // The 09/05/2023 revision of "KMS client activation and product keys" wrote
    // "Windows Server 2022 Datacenter<br/>Azure Edition" (no colon); the planning page's
    // footnote (11/12/2024) wrote "Windows Server Datacenter Azure Edition".
    sku(
        "Windows Server 2022 Datacenter Azure Edition",
        R::WindowsServer2022,
        E::DatacenterAzureEdition,
        Documented,
    ),
    sku(
        "Windows Server 2025 Datacenter Azure Edition",
        R::WindowsServer2025,
        E::DatacenterAzureEdition,
        Derived,
    ),
];

/// An Office licence name, as `ospp.vbs /dstatus` (`LICENSE NAME:`) and `slmgr /dlv`
/// (`Name:`) print it after the `Office NN, ` prefix and before ` edition`.
pub(crate) static OFFICE_LICENSE_NAMES: &[SkuAlias] = &[
    // The form of Microsoft's Office 2016 KMS host example ("Name: Office 16,
    // OfficeKMSHostVL_KMS_Host edition", "Configure a KMS host computer to activate volume
    // licensed versions of Office"); this client licence name is the one the crate's brief
    // (issue 2) quotes. No Microsoft page prints it: unverified.
    sku(
        "Office16ProPlusVL_KMS_Client",
        R::Office2016,
        E::ProfessionalPlus,
        Unverified,
    ),
    // Third-party ospp.vbs output quoted in reference resolutions.md Q6 (SKU ID 8d368fc1-…,
    // last five characters GCVGB, the published Office LTSC Professional Plus 2024 GVLK).
    sku(
        "Office24ProPlus2024VL_KMS_Client_AE",
        R::OfficeLtsc2024,
        E::ProfessionalPlus,
        Unverified,
    ),
];

/// The `Office NN` prefix of an Office licence name or description, and its release.
#[derive(Clone, Copy)]
pub(crate) struct OfficePrefix {
    pub(crate) text: &'static str,
    pub(crate) release: Release,
    pub(crate) confidence: Confidence,
}

/// The Office version prefixes the crate recognises.
pub(crate) static OFFICE_PREFIXES: &[OfficePrefix] = &[
    // Microsoft's Office 2016 KMS host example: "Name: Office 16, OfficeKMSHostVL_KMS_Host
    // edition" / "Description: Office 16, VOLUME_KMS channel" — "Configure a KMS host computer to
    // activate volume licensed versions of Office", https://learn.microsoft.com/en-us/office/volume-license-activation/configure-a-kms-host-computer-for-office
    OfficePrefix {
        text: "Office 16",
        release: Release::Office2016,
        confidence: Documented,
    },
    // Third-party ospp.vbs output quoted in reference resolutions.md Q6.
    OfficePrefix {
        text: "Office 24",
        release: Release::OfficeLtsc2024,
        confidence: Unverified,
    },
];

/// An edition word of the slmgr / WMI `Name` form `Windows(R), <word> edition` that is not the
/// crate's edition name.
#[derive(Clone, Copy)]
pub(crate) struct EditionAlias {
    pub(crate) text: &'static str,
    pub(crate) edition: Edition,
    pub(crate) confidence: Confidence,
}

/// Edition words of the `Windows(R), <word> edition` form.
pub(crate) static WINDOWS_EDITION_WORDS: &[EditionAlias] = &[
    // "Name: Windows(R), Professional edition" is what slmgr /dli and /dlv show for a Windows
    // Pro device under an Enterprise E3/E5 subscription — "Deploy Windows Enterprise licenses",
    // https://learn.microsoft.com/en-us/windows/deployment/deploy-enterprise-licenses
    EditionAlias {
        text: "Professional",
        edition: Edition::Pro,
        confidence: Documented,
    },
    // The DISM edition IDs of Windows Server ("DISM /online /Set-Edition:ServerStandard",
    // "/Set-Edition:ServerDatacenter"), which slmgr prints as the edition word — "Upgrade and
    // conversion options for Windows Server",
    // https://learn.microsoft.com/en-us/windows-server/get-started/upgrade-conversion-options
    // (derived: the page names the IDs, not slmgr's output).
    EditionAlias {
        text: "ServerStandard",
        edition: Edition::Standard,
        confidence: Derived,
    },
    EditionAlias {
        text: "ServerDatacenter",
        edition: Edition::Datacenter,
        confidence: Derived,
    },
];

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::catalog::{Family, Sku, recognize_product};

    #[test]
    fn every_sku_alias_is_reachable_and_maps_to_its_row() {
        for a in SKU_ALIASES {
            let sku = Sku::new(a.release, a.edition).unwrap();
            assert_eq!(Sku::parse_lenient(a.text).unwrap(), sku, "{}", a.text);
            assert_ne!(sku.name(), a.text, "alias duplicates the marketing name");
            let r = recognize_product(a.text, None);
            assert_eq!(r.sku(), Some(sku));
            assert_eq!(r.confidence(), Some(a.confidence));
        }
    }

    #[test]
    fn aliases_are_unique_and_no_alias_shadows_a_marketing_name() {
        for (i, a) in SKU_ALIASES.iter().enumerate() {
            for b in SKU_ALIASES.iter().skip(i + 1) {
                assert!(!a.text.eq_ignore_ascii_case(b.text), "{}", a.text);
            }
            assert!(
                Sku::all().all(|s| !s.name().eq_ignore_ascii_case(a.text)),
                "{}",
                a.text
            );
        }
    }

    #[test]
    fn every_office_licence_name_is_reachable() {
        for a in OFFICE_LICENSE_NAMES {
            let sku = Sku::new(a.release, a.edition).unwrap();
            let prefix = OFFICE_PREFIXES
                .iter()
                .find(|p| p.release == a.release)
                .unwrap();
            let text = format!("{}, {} edition", prefix.text, a.text);
            assert_eq!(Sku::parse_lenient(&text).unwrap(), sku, "{text}");
            assert_eq!(
                recognize_product(&text, None).confidence(),
                Some(a.confidence)
            );
        }
    }

    #[test]
    fn every_office_prefix_is_reachable() {
        for p in OFFICE_PREFIXES {
            let text = format!("{}, SomethingUnknownVL_KMS_Client edition", p.text);
            let r = recognize_product(&text, None);
            assert_eq!(r.release(), Some(p.release), "{text}");
            assert_eq!(r.family(), Some(Family::Office));
            assert_eq!(r.edition(), None);
            assert_eq!(r.confidence(), Some(p.confidence));
        }
    }

    #[test]
    fn every_windows_edition_word_is_reachable() {
        for a in WINDOWS_EDITION_WORDS {
            let text = format!("Windows(R), {} edition", a.text);
            let r = recognize_product(&text, None);
            assert_eq!(r.edition(), Some(a.edition), "{text}");
            assert_eq!(r.release(), None);
            assert_eq!(r.confidence(), Some(a.confidence));
        }
    }
}
