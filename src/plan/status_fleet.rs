//! The bridge from a fleet's captured status to a [`Fleet`] for [`plan`](crate::plan::plan).

use crate::Error;
use crate::catalog::{AgreementProgram, Family};
use crate::lifecycle::LicenseStatus;
use crate::plan::builder::{FleetBuilder, KmsHostSpec, MachineSpec};
use crate::plan::fleet::{Fleet, Hardware};
use crate::plan::fleet_status::FleetStatus;

/// A [`Fleet`] built from captures, and what the captures did not say.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FleetDraft {
    /// The fleet.
    pub fleet: Fleet,
    /// What the captures do not tell and was assumed or left out, one line per machine and
    /// fact (`pc-003: left out: the SKU is not identified (...)`).
    pub missing: Vec<String>,
}

impl FleetStatus {
    /// Turns what the captures tell into a [`Fleet`] for [`plan`](crate::plan::plan): one
    /// machine per captured machine whose Windows SKU is identified, with its channel and
    /// whether it is activated now, and the Office KMS hosts whose host key group the
    /// Activation ID names (on a host whose Windows SKU is identified).
    ///
    /// Captures do not say a machine's hardware kind or domain: every machine gets
    /// `hardware` and no domain, and [`FleetDraft::missing`] says so. Machines whose Windows
    /// SKU or channel is not known, Office products (a fleet machine has one SKU) and Windows
    /// KMS hosts (their printed description does not name the host key group in a form
    /// Microsoft documents) are left out and listed there too.
    ///
    /// ```
    /// use volume_activation::catalog::AgreementProgram;
    /// use volume_activation::chrono::{TimeZone, Utc};
    /// use volume_activation::plan::{CaptureInput, Hardware, StatusOptions, fleet_status, plan};
    ///
    /// let t = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    /// let pc = b"Software licensing service version: 10.0.26100.1\n\n\
    /// Name: Windows(R), Enterprise edition\n\
    /// Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n\
    /// License Status: Initial grace period\n\
    /// Time remaining: 14400 minute(s) (10 day(s))\n";
    /// let status = fleet_status([CaptureInput::new("pc-001.txt", pc).collected_at(t)], &StatusOptions::new(t));
    /// let draft = status.to_fleet(AgreementProgram::EnterpriseAgreement, Hardware::Physical)?;
    /// assert_eq!(draft.fleet.machines()[0].sku().to_string(), "windows-11/enterprise");
    /// assert!(draft.missing.iter().any(|m| m == "pc-001: hardware not in the capture; assumed physical"));
    /// let p = plan(&draft.fleet, t);
    /// assert_eq!(p.machines().len(), 1);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the fleet built does not validate ([`FleetBuilder::build`]'s errors, for example
    /// a host key its host's OS cannot run).
    pub fn to_fleet(
        &self,
        program: AgreementProgram,
        hardware: Hardware,
    ) -> Result<FleetDraft, Error> {
        let mut missing = Vec::new();
        let mut machines = Vec::new();
        let mut hosts = Vec::new();
        for m in &self.machines {
            let windows = m.products.iter().find(|p| {
                p.identification
                    .family()
                    .is_some_and(|f| f != Family::Office)
                    || p.identification
                        .sku()
                        .is_some_and(|s| s.family() != Family::Office)
            });
            for p in &m.products {
                let office = p
                    .identification
                    .sku()
                    .is_some_and(|s| s.family() == Family::Office)
                    || p.identification
                        .kms_host_key()
                        .is_some_and(|k| k.is_office_key());
                if office {
                    if let (Some(key), Some(os)) = (
                        p.identification.kms_host_key(),
                        windows.and_then(|w| w.identification.sku()),
                    ) {
                        hosts.push(KmsHostSpec::new(m.name.clone(), os, key));
                    } else {
                        missing.push(format!(
                            "{}: left out: {} (a fleet machine has one SKU; Office is not described)",
                            m.name,
                            p.name.as_deref().unwrap_or("an Office product")
                        ));
                    }
                }
            }
            let Some(w) = windows else {
                missing.push(format!(
                    "{}: left out: no Windows product in the captures",
                    m.name
                ));
                continue;
            };
            if w.captured.is_some()
                && m.products
                    .iter()
                    .any(|p| p.channel == Some(crate::catalog::Channel::VolumeCsvlk))
            {
                missing.push(format!(
                    "{}: KMS host not described: its host key group is not printed in a form Microsoft documents",
                    m.name
                ));
            }
            let (Some(sku), Some(channel)) = (w.identification.sku(), w.channel) else {
                missing.push(format!(
                    "{}: left out: the Windows SKU or channel is not known ({})",
                    m.name, w.identification
                ));
                continue;
            };
            missing.push(format!(
                "{}: hardware not in the capture; assumed {}",
                m.name,
                hardware.as_ref()
            ));
            missing.push(format!("{}: domain not in the capture", m.name));
            let spec = MachineSpec::new(m.name.clone(), sku, channel, hardware);
            machines.push(if w.now == Some(LicenseStatus::Licensed) {
                spec.activated()
            } else {
                spec
            });
        }
        let mut builder = FleetBuilder::new(program).machines(machines);
        for h in hosts {
            builder = builder.kms_host(h);
        }
        let fleet = builder.build()?;
        Ok(FleetDraft { fleet, missing })
    }
}
