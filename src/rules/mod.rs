//! Pure relations over catalogue types: which KMS host key activates which client, on which
//! host OS, with which updates; thresholds and the KMS count model; Office, ADBA, AVMA and MAK
//! rules; agreement-program rules; and `Denial`, the reasons for a "no".

pub(crate) mod adba;
pub(crate) mod avma;
pub(crate) mod error_code;
pub(crate) mod kms_count;
pub(crate) mod threshold;

pub use adba::{
    ADBA_MIN_FOREST_SCHEMA, ADBA_RENEWAL_INTERVAL, ADBA_VALIDITY, AdbaActivation, AdbaClient,
    AdbaDenial, AdbaDomain, can_adba, check_adba,
};
pub use avma::{AvmaActivation, AvmaDenial, avma_key, avma_key_confidence, can_avma, check_avma};
pub use error_code::ActivationErrorCode;
pub use kms_count::{
    ClientMachineId, CountExplanation, CountFinding, KMS_COUNT_WINDOW, KmsApplication, KmsCounter,
};
pub use threshold::{
    CLIENT_THRESHOLD, SERVER_AND_OFFICE_THRESHOLD, activation_threshold, family_threshold,
    is_threshold_met, threshold_source,
};
