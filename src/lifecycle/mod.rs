//! The licence-state machine: `LicenseStatus`, events, deadlines. Time is always an argument.

pub(crate) mod event;
pub(crate) mod license_status;
pub(crate) mod machine;
pub(crate) mod timing;

pub use event::{ActivationMethod, Event, MakMode};
pub use license_status::LicenseStatus;
pub use machine::{Lifecycle, State, Timeline, Transition};
pub use timing::{
    ADBA_RENEWAL, ADBA_VALIDITY, ExpiryMode, HR_GRACE_TIME_EXPIRED, HR_NONGENUINE_GRACE,
    HR_NONGENUINE_GRACE_EXPIRED, HR_OUT_OF_TOLERANCE, HR_REARM_EXHAUSTED, KMS_INTERVAL_MINUTES,
    KMS_RENEWAL_DEFAULT, KMS_RETRY, KMS_VALIDITY, KmsInterval, OFFICE_NOTIFICATION_FREE,
    OFFICE_REARM_GRACE, RearmLimit, Timing, expiry_mode, non_genuine_grace, oob_grace, oot_grace,
    rearm_grace, rearm_limit, supports_adba,
};
