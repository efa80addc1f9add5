//! Fleet-level composition: the activation method per machine, KMS coverage and threshold
//! projection, MAK needs, risks, and a report.

pub(crate) mod fleet;

pub use fleet::{
    Domain, Fleet, FleetProblem, FleetRecord, Hardware, KmsHost, Machine, MakKey, RolloutWave,
    Severity,
};
