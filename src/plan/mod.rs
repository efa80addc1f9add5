//! Fleet-level composition: a [`Fleet`] (machines, domains, KMS hosts, MAKs, rollout waves)
//! and its [`Plan`]: the activation method per machine with its [`Reason`]s, KMS coverage and
//! threshold projection per host, MAK needs, [`Risk`]s, [`Action`]s and a text report.
//!
//! The status of a fleet read from captures is here too: [`fleet_status`] turns captures of
//! many machines ([`CaptureInput`]: a label and the bytes; the library reads no file) into a
//! [`FleetStatus`]: every product identified, projected to now and a horizon with the
//! lifecycle rules, its [`Cause`] and [`Fix`], the KMS hosts among the machines, totals and
//! ranked actions; [`FleetStatus::to_fleet`] turns it into a [`Fleet`] for [`plan`].
//!
//! The planner only composes the [`rules`](crate::rules) and the
//! [`lifecycle`](crate::lifecycle); it decides nothing on its own.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use volume_activation::{Channel, Fleet, Sku};
//! use volume_activation::catalog::AgreementProgram;
//! use volume_activation::plan::{Hardware, MachineSpec, RecommendedMethod};
//!
//! let pro: Sku = "windows-11/pro".parse()?;
//! let fleet = Fleet::builder(AgreementProgram::OpenLicense)
//!     .machine(MachineSpec::new("pc-1", pro, Channel::VolumeGvlk, Hardware::Physical))
//!     .build()?;
//! let p = fleet.plan(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
//! assert_eq!(p.machines()[0].method(), RecommendedMethod::MakProxy);
//! println!("{p}"); // the text report
//! # Ok::<(), volume_activation::Error>(())
//! ```

pub(crate) mod action;
mod builder;
mod decide;
mod fast_hash;
pub(crate) mod fleet;
mod fleet_status;
pub(crate) mod host_plan;
pub(crate) mod machine_plan;
pub(crate) mod mak_plan;
pub(crate) mod method;
mod name_index;
pub(crate) mod planner;
mod projection;
pub(crate) mod reason;
mod reason_lists;
mod report;
pub(crate) mod risk;
mod status_fleet;
mod status_input;

pub use action::Action;
pub use builder::{FleetBuilder, KmsHostSpec, MachineSpec, MakKeySpec};
pub use fleet::{
    Domain, Fleet, FleetKmsHost, FleetProblem, FleetRecord, Hardware, Machine, MakKey, RolloutWave,
    Severity,
};
pub use fleet_status::{
    CauseTotal, FleetStatus, KmsHostLoad, MachineStatus, StateTotal, StatusAction, ThresholdCheck,
    UnreadableCapture, Upcoming, fleet_status,
};
pub use host_plan::{ClassProjection, Covered, HostFix, HostPlan, Uncovered};
pub use machine_plan::MachinePlan;
pub use mak_plan::{MakPlan, MissingMak};
pub use method::{ProductClass, RecommendedMethod};
pub use planner::{DEFAULT_RISK_HORIZON_DAYS, Plan, plan, plan_with_horizon};
pub use projection::{Cause, Fix, ProductStatus};
pub use reason::Reason;
pub use risk::{Risk, RiskCause};
pub use status_fleet::FleetDraft;
pub use status_input::{CaptureInput, CollectionTime, StatusOptions};
