//! The seams where the rules layer decides for one machine: ADBA, AVMA and KMS.
//!
//! The planner never decides these itself; it asks the rules layer here.

use crate::plan::fleet::{Domain, FleetKmsHost, Machine};
use crate::plan::reason::Reason;
use crate::{AdbaClient, AdbaDomain, Family, Sku, check_adba, check_avma};

/// ADBA for `m` in `domain` ([`check_adba`]): `Ok(reason)` when eligible, `Err(reason)` when
/// not.
pub(crate) fn adba(m: &Machine, domain: Option<&Domain>) -> Option<Result<Reason, Reason>> {
    let client = if m.sku().family() == Family::Office {
        match m.os() {
            Some(os) => AdbaClient::office(m.sku(), os).ok()?,
            None => return Some(Err(Reason::OfficeOsNotGiven)),
        }
    } else {
        AdbaClient::windows(m.sku()).ok()?
    };
    let ad = match domain {
        // The fleet reader accepts only Windows Server schema levels, which `joined` accepts.
        Some(d) => AdbaDomain::joined(d.forest_schema()).ok()?,
        None => AdbaDomain::workgroup(),
    };
    Some(match (check_adba(client, ad), domain) {
        (Ok(_), Some(d)) => Ok(Reason::AdbaEligible {
            domain: d.name().to_owned(),
            forest_schema: d.forest_schema(),
        }),
        (Ok(_), None) => return None,
        (Err(denial), _) => Err(Reason::AdbaDenied { denial }),
    })
}

/// AVMA of `guest` on Hyper-V host `host` ([`check_avma`]).
pub(crate) fn avma(host: &Machine, guest: Sku) -> Option<Result<(), Reason>> {
    Some(match check_avma(host.sku(), guest) {
        Ok(_) => Ok(()),
        Err(denial) => Err(Reason::AvmaDenied {
            hyperv_host: host.name().to_owned(),
            denial,
        }),
    })
}

/// Whether KMS host `host` activates `m` (all rules but the count): `None` while the rules
/// layer has no KMS rules.
pub(crate) fn kms(_host: &FleetKmsHost, _m: &Machine) -> Option<Result<(), Reason>> {
    None
}
