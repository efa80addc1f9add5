//! Fleet-level composition: the activation method per machine, KMS coverage and threshold
//! projection, MAK needs, risks, and a report.

pub(crate) mod action;
mod decide;
pub(crate) mod fleet;
pub(crate) mod host_plan;
pub(crate) mod machine_plan;
pub(crate) mod mak_plan;
pub(crate) mod method;
pub(crate) mod planner;
pub(crate) mod reason;
mod report;
pub(crate) mod risk;

pub use action::Action;
pub use fleet::{
    Domain, Fleet, FleetKmsHost, FleetProblem, FleetRecord, Hardware, Machine, MakKey, RolloutWave,
    Severity,
};
pub use host_plan::{ClassProjection, Covered, HostFix, HostPlan, Uncovered};
pub use machine_plan::MachinePlan;
pub use mak_plan::{MakPlan, MissingMak};
pub use method::{ProductClass, RecommendedMethod};
pub use planner::{DEFAULT_RISK_HORIZON_DAYS, Plan, plan, plan_with_horizon};
pub use reason::Reason;
pub use risk::{Risk, RiskCause};
