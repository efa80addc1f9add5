//! The seams where the rules layer decides for one machine: ADBA, AVMA and KMS.
//!
//! The planner never decides these itself; it asks the rules layer here.

use crate::catalog::{Channel, Family, KmsHostKey, Sku};
use crate::plan::fleet::{Domain, FleetKmsHost, Hardware, Machine};
use crate::plan::host_plan::HostFix;
use crate::plan::reason::Reason;
use crate::rules::{
    AdbaClient, AdbaDenial, AdbaDomain, Denial, KmsApplication, KmsHost, activation_threshold,
    check_activation, check_adba, check_avma, host_key_coverage,
};
use strum::VariantArray;

/// ADBA for `m` in `domain` ([`check_adba`]): `Ok(reason)` when eligible, `Err(reason)` when
/// not.
pub(crate) fn adba(m: &Machine, domain: Option<&Domain>) -> Option<Result<Reason, Reason>> {
    let client = if m.sku().family() == Family::Office {
        match m.os() {
            Some(os) => AdbaClient::office(m.sku(), os).ok()?,
            None if domain.is_none() => {
                return Some(Err(Reason::AdbaDenied {
                    denial: AdbaDenial::NotDomainJoined,
                }));
            }
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

/// AVMA of `guest` on Hyper-V host `host` ([`check_avma`]), then whether the host can be an
/// AVMA host at all: a host the fleet marks virtual cannot ([`Reason::AvmaHostVirtual`]).
pub(crate) fn avma(host: &Machine, guest: Sku) -> Option<Result<(), Reason>> {
    Some(match check_avma(host.sku(), guest) {
        Ok(_) if host.hardware() == Hardware::Virtual => Err(Reason::AvmaHostVirtual {
            hyperv_host: host.name().to_owned(),
        }),
        Ok(_) => Ok(()),
        Err(denial) => Err(Reason::AvmaDenied {
            hyperv_host: host.name().to_owned(),
            denial,
        }),
    })
}

/// Whether KMS host `host` activates `m` once it carries a GVLK, every rule but the count
/// ([`check_activation`] asked with the machine's own threshold as the count).
pub(crate) fn kms(host: &FleetKmsHost, m: &Machine) -> Result<(), Denial> {
    let sku = m.sku();
    check_activation(
        host.kms_host(),
        sku,
        Channel::VolumeGvlk,
        activation_threshold(sku),
    )
    .map(|_| ())
}

/// Whether a host key serves the machine's application at all (Windows keys Windows, Office
/// keys Office): a host of the other application is not asked.
pub(crate) fn serves_application(host: &FleetKmsHost, m: &Machine) -> bool {
    KmsApplication::of_family(host.host_key().family())
        == KmsApplication::of_family(m.sku().family())
}

/// What would let `host` activate `client` after `denial`: the update to install, or a host
/// key (the newest one that covers the client and that the host's OS runs, with the update
/// it then needs). `None` when neither helps.
pub(crate) fn fix(host: &FleetKmsHost, client: Sku, denial: &Denial) -> Option<HostFix> {
    match denial {
        Denial::UpdateMissing { kb, .. } => Some(HostFix::InstallUpdate { kb: *kb }),
        Denial::KeyDoesNotCover { .. } | Denial::CoverageUndocumented { .. } => {
            KmsHostKey::VARIANTS.iter().find_map(|&key| {
                if key == host.host_key() || !host_key_coverage(key, client).is_yes() {
                    return None;
                }
                // What-if hosts, asked once each: the rules run without building a client
                // table (`KmsHost::probe`).
                let candidate = KmsHost::probe(host.os(), key, host.updates().iter().copied());
                match check_activation(
                    &candidate,
                    client,
                    Channel::VolumeGvlk,
                    activation_threshold(client),
                ) {
                    Ok(_) => Some(HostFix::InstallHostKey { key, kb: None }),
                    Err(Denial::UpdateMissing { kb, .. }) => {
                        let with = KmsHost::probe(
                            host.os(),
                            key,
                            host.updates().iter().copied().chain([kb]),
                        );
                        check_activation(
                            &with,
                            client,
                            Channel::VolumeGvlk,
                            activation_threshold(client),
                        )
                        .ok()
                        .map(|_| HostFix::InstallHostKey { key, kb: Some(kb) })
                    }
                    Err(_) => None,
                }
            })
        }
        _ => None,
    }
}

/// The host key an Active Directory activation object for `sku` is made with: the newest
/// host key group that covers it (documented or derived). ADBA clients "examine the
/// activation object and compare it to the local edition as defined by the GVLK", so the
/// object's key must cover the product.
pub(crate) fn adba_key(sku: Sku) -> Option<KmsHostKey> {
    KmsHostKey::VARIANTS
        .iter()
        .copied()
        .find(|&key| host_key_coverage(key, sku).is_yes())
}
