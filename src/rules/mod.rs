//! Pure relations over catalogue types: which KMS host key activates which client, on which
//! host OS, with which updates; thresholds and the KMS count model; Office, ADBA, AVMA and MAK
//! rules; agreement-program rules; activation error codes; and [`Denial`], the reasons for a
//! "no".
//!
//! Every answer names its sources; where Microsoft is silent the answer says "undocumented"
//! instead of guessing ([`host_key_coverage`]).
//!
//! ```
//! use volume_activation::catalog::{Channel, KmsHostKey, Sku};
//! use volume_activation::rules::{KmsHost, activation_threshold, check_activation};
//!
//! let host = KmsHost::new("windows-server-2022/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2022);
//! let client: Sku = "windows-11/enterprise".parse()?;
//! assert_eq!(activation_threshold(client), 25);
//!
//! assert!(check_activation(&host, client, Channel::VolumeGvlk, 25).is_ok());
//! let denial = check_activation(&host, client, Channel::VolumeGvlk, 24).unwrap_err();
//! assert_eq!(denial.hresult(), Some(0xC004_F038)); // the count is below the threshold
//! # Ok::<(), volume_activation::Error>(())
//! ```

pub(crate) mod adba;
pub(crate) mod avma;
pub(crate) mod cited;
pub(crate) mod denial;
pub(crate) mod error_code;
pub(crate) mod gvlk;
pub(crate) mod kms;
pub(crate) mod kms_count;
pub(crate) mod mak;
pub(crate) mod product_id;
pub(crate) mod program;
pub(crate) mod required_update;
pub(crate) mod threshold;
pub(crate) mod timing;

pub use adba::{
    ADBA_MIN_FOREST_SCHEMA, AdbaActivation, AdbaClient, AdbaDenial, AdbaDomain, can_adba,
    check_adba, supports_adba,
};
pub use avma::{AvmaActivation, AvmaDenial, avma_key, avma_key_confidence, can_avma, check_avma};
pub use cited::Cited;
pub use denial::Denial;
pub use error_code::ActivationErrorCode;
pub use gvlk::{gvlk, gvlk_source, is_published_gvlk, skus_for_gvlk};
pub use kms::{
    Activation, KmsHost, can_activate, check_activation, host_key_coverage, host_os_support,
};
pub use kms_count::{CountExplanation, CountFinding, KMS_COUNT_WINDOW, KmsApplication, KmsCounter};
pub use mak::{
    FaqAdvice, MAK_WITH_VAMT_BELOW_PCS, MakActivationMethod, MakAllotmentBasis, MakBalance,
    MakMachine, OPEN_LICENSE_EXAMPLE_ACTIVATIONS, PriceLevel, faq_advice_for_pc_count,
    faq_advice_for_virtual_machines, kms_and_mak_may_be_combined, mak_accounting_sources,
    mak_activations_needed, mak_allotment_basis, open_license_example_mak_activations,
};
pub use product_id::{host_key_of_activation_id, releases_of_build};
pub use program::{
    DowngradeKey, DowngradeTarget, Entitlement, KMS_HOST_KEY_MAX_HOSTS, KMS_HOST_MAX_REACTIVATIONS,
    KeyDelivery, KmsHostKeyLimits, ProgramRight, ReimagingRequirement, Sbs2011Activation, SbsMak,
    SetupKeySource, UnitsPurchased, can_add_kms_host, can_reactivate_kms_host, can_reimage,
    downgrade_host_key_clients, downgrade_keys, has_right, key_delivery,
    keys_shareable_across_licensing_ids, kms_host_can_be_virtual, kms_host_key_limits,
    kms_host_key_max_hosts, office_key_covers_x86_and_x64, product_pool, program_right,
    reimaging_requirement, sbs_2003_downgrade_needs_cal_keys, sbs_2008_cals_need_activation,
    sbs_2008_only_on_physical_media, sbs_2011_activation, sbs_2011_mak,
    sbs_2011_standard_media_downloadable, setup_key_bypasses_activation, setup_key_sources,
    virtual_machines_count_toward_threshold,
};
pub use required_update::{UpdateNeed, UpdateRequirement, required_update};
pub use threshold::{
    CLIENT_THRESHOLD, SERVER_AND_OFFICE_THRESHOLD, activation_threshold, family_threshold,
    is_threshold_met, threshold_source,
};
pub use timing::{
    ADBA_RENEWAL, ADBA_VALIDITY, ExpiryMode, HR_GRACE_TIME_EXPIRED, HR_NONGENUINE_GRACE,
    HR_NONGENUINE_GRACE_EXPIRED, HR_OUT_OF_TOLERANCE, HR_REARM_EXHAUSTED, KMS_INTERVAL_MINUTES,
    KMS_RENEWAL_DEFAULT, KMS_RETRY, KMS_VALIDITY, KmsInterval, OFFICE_NOTIFICATION_FREE,
    OFFICE_REARM_GRACE, RearmLimit, Timing, expiry_mode, hardware_oot_grace, non_genuine_grace,
    oob_grace, oot_grace, rearm_grace, rearm_limit,
};
