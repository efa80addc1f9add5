//! Pure relations over catalogue types: which KMS host key activates which client, on which
//! host OS, with which updates; thresholds and the KMS count model; Office, ADBA, AVMA and MAK
//! rules; agreement-program rules; and `Denial`, the reasons for a "no".

pub(crate) mod denial;
pub(crate) mod kms;
mod kms_sources;
pub(crate) mod required_update;
pub(crate) mod threshold;

pub use denial::Denial;
pub use kms::{
    Activation, KMS_ACTIVATION_VALIDITY, KMS_RENEWAL_INTERVAL, KmsHost, can_activate,
    check_activation, host_key_coverage, host_os_support,
};
pub use required_update::{UpdateNeed, UpdateRequirement, required_update};
pub use threshold::{
    CLIENT_THRESHOLD, SERVER_AND_OFFICE_THRESHOLD, activation_threshold, family_threshold,
    is_threshold_met, threshold_source,
};
