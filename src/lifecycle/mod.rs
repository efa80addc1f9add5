//! The licence-state machine: `LicenseStatus`, events, deadlines. Time is always an argument.

pub(crate) mod license_status;

pub use license_status::LicenseStatus;
