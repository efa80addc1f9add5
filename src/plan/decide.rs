//! The seams where the rules layer decides for one machine: ADBA, AVMA and KMS.
//!
//! The planner never decides these itself; it asks the rules layer here.

use crate::Sku;
use crate::plan::fleet::{Domain, FleetKmsHost, Machine};
use crate::plan::reason::Reason;

/// ADBA for `m` in `domain`: `Ok(reason)` when eligible, `Err(reasons)` when not (why), or
/// `None` while the rules layer has no ADBA rules.
pub(crate) fn adba(_m: &Machine, _domain: Option<&Domain>) -> Option<Result<Reason, Reason>> {
    None
}

/// AVMA of `guest` on Hyper-V host `host`: `None` while the rules layer has no AVMA rules.
pub(crate) fn avma(_host: Sku, _guest: Sku) -> Option<Result<(), Reason>> {
    None
}

/// Whether KMS host `host` activates `m` (all rules but the count): `None` while the rules
/// layer has no KMS rules.
pub(crate) fn kms(_host: &FleetKmsHost, _m: &Machine) -> Option<Result<(), Reason>> {
    None
}
