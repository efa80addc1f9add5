//! Activation ID (SKU ID) -> what the licence is.
//!
//! Only IDs a Microsoft page prints are here. "Configure a KMS host computer to activate
//! volume licensed versions of Office" lists the Activation IDs of the Office KMS host
//! licences (used with `slmgr.vbs /dlv`, `/dti` and `/atp`): Office LTSC 2024
//! `F3D89BBF-C0EC-47CE-A8FA-E5A5F97E447F` (the page's earlier `8D368FC1-…` was corrected by
//! Microsoft, commits bde96c36 and 90d22780 of MicrosoftDocs/OfficeDocs-DeployOffice), Office
//! LTSC 2021 `47F3B983-7C53-4D45-ABC6-BCD91E2DD90A`, Office 2019
//! `70512334-47B4-44DB-A233-BE5EA33B914C`, Office 2016 `98EBFE73-2084-4C97-932C-C0CD1643BEA7`.
//!
//! The Activation IDs of Windows and Office *client* SKUs are not on a Microsoft page the
//! crate could read, so none is listed: identification of those uses the printed name, the
//! edition and the build number instead.

use crate::catalog::{Confidence, KmsHostKey, Source};

/// One Activation ID and the KMS host key group its licence is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActivationIdRow {
    pub(crate) id: u128,
    pub(crate) host_key: KmsHostKey,
    pub(crate) source: Source,
    pub(crate) confidence: Confidence,
}

/// Sorted by ID.
pub(crate) static ACTIVATION_IDS: &[ActivationIdRow] = &[
    ActivationIdRow {
        id: 0x47f3b983_7c53_4d45_abc6_bcd91e2dd90a,
        host_key: KmsHostKey::OfficeLtsc2021,
        source: Source::OFFICE_KMS_HOST,
        confidence: Confidence::Documented,
    },
    ActivationIdRow {
        id: 0x70512334_47b4_44db_a233_be5ea33b914c,
        host_key: KmsHostKey::Office2019,
        source: Source::OFFICE_KMS_HOST,
        confidence: Confidence::Documented,
    },
    ActivationIdRow {
        id: 0x98ebfe73_2084_4c97_932c_c0cd1643bea7,
        host_key: KmsHostKey::Office2016,
        source: Source::OFFICE_KMS_HOST,
        confidence: Confidence::Documented,
    },
    ActivationIdRow {
        id: 0xf3d89bbf_c0ec_47ce_a8fa_e5a5f97e447f,
        host_key: KmsHostKey::OfficeLtsc2024,
        source: Source::OFFICE_KMS_HOST,
        confidence: Confidence::Documented,
    },
];

/// The row of an Activation ID.
pub(crate) fn lookup(id: u128) -> Option<&'static ActivationIdRow> {
    ACTIVATION_IDS
        .binary_search_by(|r| r.id.cmp(&id))
        .ok()
        .and_then(|i| ACTIVATION_IDS.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_unique_office_host_keys() {
        for (a, b) in ACTIVATION_IDS.iter().zip(ACTIVATION_IDS.iter().skip(1)) {
            assert!(a.id < b.id);
        }
        for r in ACTIVATION_IDS {
            assert_eq!(lookup(r.id).map(|x| x.host_key), Some(r.host_key));
            assert!(!r.host_key.is_client_key());
        }
        assert!(lookup(0x8d368fc1_9470_4be2_8d66_90e836cbb051).is_none());
    }
}
