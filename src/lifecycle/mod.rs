//! The licence-state machine: `LicenseStatus`, events, deadlines. Time is always an argument.

pub(crate) mod event;
pub(crate) mod license_status;
pub(crate) mod machine;
pub(crate) mod observation;

pub use event::{ActivationMethod, Event};
pub use license_status::LicenseStatus;
pub use machine::{Lifecycle, State, Timeline, Transition};
pub use observation::Observation;
