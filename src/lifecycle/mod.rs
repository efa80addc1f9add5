//! The licence-state machine: [`LicenseStatus`], the [`Event`]s that move a machine between
//! states, and the deadlines ([`Transition`]s) ahead of it. Time is always an argument.
//!
//! ```
//! use chrono::{TimeDelta, TimeZone, Utc};
//! use volume_activation::catalog::{Channel, Sku};
//! use volume_activation::lifecycle::{Event, LicenseStatus, Lifecycle};
//! use volume_activation::rules::KmsInterval;
//!
//! let t0 = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
//! let mut m = Lifecycle::install("windows-10/enterprise".parse::<Sku>()?, Channel::VolumeGvlk, t0)?;
//! assert_eq!(m.state_at(t0).status(), LicenseStatus::OobGrace);
//!
//! let t1 = t0 + TimeDelta::days(2);
//! m.apply(Event::KmsActivation { renewal_interval: KmsInterval::RENEWAL_DEFAULT }, t1)?;
//! assert_eq!(m.state_at(t1).status(), LicenseStatus::Licensed);
//! assert_eq!(m.next_transition(t1).map(|t| t.to()), Some(LicenseStatus::OotGrace));
//! # Ok::<(), volume_activation::Error>(())
//! ```

pub(crate) mod event;
pub(crate) mod license_status;
pub(crate) mod machine;
pub(crate) mod observation;

pub use event::{ActivationMethod, Event};
pub use license_status::LicenseStatus;
pub use machine::{Lifecycle, State, Timeline, Transition};
pub use observation::Observation;
