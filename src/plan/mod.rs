//! Fleet-level composition: the activation method per machine, KMS coverage and threshold
//! projection, MAK needs, risks, and a report.

pub(crate) mod fleet;

pub use fleet::{
    Domain, Fleet, FleetKmsHost, FleetProblem, FleetRecord, Hardware, Machine, MakKey, RolloutWave,
    Severity,
};
