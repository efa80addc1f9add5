//! Building a [`Fleet`] in code, without serde: a thin typed layer that fills the same raw
//! description the JSON reader fills, so both are validated by one function and report the
//! same problems with the same messages.

use std::fmt;

use chrono::{DateTime, Utc};

use crate::catalog::product_key::redact_keys;
use crate::catalog::{AgreementProgram, Channel, Kb, KmsHostKey, Release, Sku};
use crate::error::Error;
use crate::plan::fleet::{
    Fleet, FleetProblem, Hardware, RawDomain, RawFleet, RawKmsHost, RawMachine, RawMakKey, RawWave,
    validate, validated,
};

/// Builds a [`Fleet`] in code: a deployment system's machines, domains, KMS hosts, MAK keys and
/// rollout waves, validated by [`build`](FleetBuilder::build) exactly as
/// [`Fleet::from_json`] validates a file (same rules, same errors naming the record and the
/// field). No feature is needed.
///
/// Records are kept in the order they are added; the typed arguments (a [`Sku`], a
/// [`Channel`], ...) cannot be unknown, but everything that relates records (unique names, a
/// Hyper-V host or domain that exists, an AVMA channel only on a Windows Server virtual
/// machine, a host key the host's OS can run, rollout order, ...) is checked at `build`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use volume_activation::{Channel, Fleet, KmsHostKey, Release, Sku};
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::plan::{Hardware, KmsHostSpec, MachineSpec, RecommendedMethod};
///
/// let dc: Sku = "windows-server-2022/datacenter".parse()?;
/// let fleet = Fleet::builder(AgreementProgram::EnterpriseAgreement)
///     .domain("corp.example", Release::WindowsServer2016)
///     .machine(MachineSpec::new("hv-01", dc, Channel::VolumeGvlk, Hardware::Physical).domain("corp.example"))
///     .machine(
///         MachineSpec::new("vm-01", "windows-server-2022/standard".parse()?, Channel::Avma, Hardware::Virtual)
///             .hyperv_host("hv-01"),
///     )
///     .kms_host(KmsHostSpec::new("kms-01", dc, KmsHostKey::WindowsServer2022))
///     .build()?;
/// assert_eq!(fleet.machines().len(), 2);
///
/// let plan = fleet.plan(Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap());
/// assert_eq!(plan.machines()[1].method(), RecommendedMethod::Avma);
///
/// // The same errors as a fleet file: every problem, naming the record and the field.
/// let err = Fleet::builder(AgreementProgram::EnterpriseAgreement)
///     .machine(MachineSpec::new("pc-1", "windows-11/pro".parse()?, Channel::VolumeGvlk, Hardware::Physical).domain("corp"))
///     .build()
///     .unwrap_err();
/// assert!(err.to_string().contains(r#"machine "pc-1" field "domain""#));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct FleetBuilder {
    raw: RawFleet,
}

impl Fleet {
    /// Starts a [`FleetBuilder`] for an organisation under `program`.
    pub fn builder(program: AgreementProgram) -> FleetBuilder {
        FleetBuilder::new(program)
    }
}

impl FleetBuilder {
    /// A fleet under `program`, with no records yet.
    pub fn new(program: AgreementProgram) -> FleetBuilder {
        FleetBuilder {
            raw: RawFleet {
                program: program.to_string(),
                ..RawFleet::default()
            },
        }
    }

    /// Adds an Active Directory domain (forest) at the schema level `forest_schema` (a
    /// Windows Server release; anything else is an error at [`build`](Self::build)).
    pub fn domain(mut self, name: impl Into<String>, forest_schema: Release) -> FleetBuilder {
        self.raw.domains.push(RawDomain {
            name: name.into(),
            forest_schema: forest_schema.to_string(),
        });
        self
    }

    /// Adds a machine.
    pub fn machine(mut self, machine: MachineSpec) -> FleetBuilder {
        self.raw.machines.push(machine.raw);
        self
    }

    /// Adds several machines, in order.
    pub fn machines(mut self, machines: impl IntoIterator<Item = MachineSpec>) -> FleetBuilder {
        for m in machines {
            self.raw.machines.push(m.raw);
        }
        self
    }

    /// Adds a KMS host.
    pub fn kms_host(mut self, host: KmsHostSpec) -> FleetBuilder {
        self.raw.kms_hosts.push(host.raw);
        self
    }

    /// Adds a MAK.
    pub fn mak_key(mut self, key: MakKeySpec) -> FleetBuilder {
        self.raw.mak_keys.push(key.raw);
        self
    }

    /// Adds a rollout wave: the named machines come online at `date`. Waves must be added in
    /// strictly increasing date order; a machine in no wave is online from the start.
    pub fn rollout_wave<S: Into<String>>(
        mut self,
        date: DateTime<Utc>,
        machines: impl IntoIterator<Item = S>,
    ) -> FleetBuilder {
        self.raw.rollout.push(RawWave {
            date,
            machines: machines.into_iter().map(Into::into).collect(),
        });
        self
    }

    /// Every problem of the fleet as built so far, errors and warnings, in record order (what
    /// [`Fleet::problems_in_json`] gives for the same fleet written as JSON).
    #[must_use]
    pub fn problems(&self) -> Vec<FleetProblem> {
        validate(self.raw.clone()).1
    }

    /// Validates the fleet.
    ///
    /// # Errors
    ///
    /// [`Error::is_invalid`]: the fleet has errors (see [`Fleet`]); the message lists every one,
    /// each naming its record and field, as [`Fleet::from_json`] does.
    pub fn build(&self) -> Result<Fleet, Error> {
        validated(self.raw.clone())
    }
}

impl fmt::Debug for FleetBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FleetBuilder")
            .field("program", &self.raw.program)
            .field("domains", &self.raw.domains.len())
            .field("machines", &self.raw.machines.len())
            .field("kms_hosts", &self.raw.kms_hosts.len())
            .field("mak_keys", &self.raw.mak_keys.len())
            .field("rollout", &self.raw.rollout.len())
            .finish()
    }
}

/// A machine for [`FleetBuilder::machine`]: the fields of a fleet file's `machines` entry.
///
/// ```
/// use volume_activation::{Channel, Release, Sku};
/// use volume_activation::plan::{Hardware, MachineSpec};
///
/// let office: Sku = "office-ltsc-2021/professional-plus".parse()?;
/// let m = MachineSpec::new("pc-7", office, Channel::VolumeMak, Hardware::Physical)
///     .os(Release::Windows11)
///     .site("branch-2")
///     .reimages(2)
///     .activated();
/// # let _ = m;
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct MachineSpec {
    raw: RawMachine,
}

impl MachineSpec {
    /// A machine named `name` (unique in the fleet, ASCII case-insensitively) with `sku`
    /// installed under `channel`.
    pub fn new(name: impl Into<String>, sku: Sku, channel: Channel, hardware: Hardware) -> Self {
        MachineSpec {
            raw: RawMachine {
                name: name.into(),
                sku: sku.to_string(),
                channel: channel.to_string(),
                hardware: hardware.to_string(),
                ..RawMachine::default()
            },
        }
    }

    /// For a virtual machine, the name of its Hyper-V host (a machine of the fleet).
    pub fn hyperv_host(mut self, host: impl Into<String>) -> Self {
        self.raw.hyperv_host = Some(host.into());
        self
    }

    /// The domain the machine is joined to (a domain added with [`FleetBuilder::domain`]).
    pub fn domain(mut self, domain: impl Into<String>) -> Self {
        self.raw.domain = Some(domain.into());
        self
    }

    /// The site (any label the organisation uses).
    pub fn site(mut self, site: impl Into<String>) -> Self {
        self.raw.site = Some(site.into());
        self
    }

    /// For an Office machine, the Windows release Office runs on.
    pub fn os(mut self, os: Release) -> Self {
        self.raw.os = Some(os.to_string());
        self
    }

    /// The reimages planned for the machine (default 0).
    pub fn reimages(mut self, reimages: u32) -> Self {
        self.raw.reimages = reimages;
        self
    }

    /// Marks the machine as already activated with the key it has installed.
    pub fn activated(mut self) -> Self {
        self.raw.activated = true;
        self
    }
}

impl fmt::Debug for MachineSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.raw;
        f.debug_struct("MachineSpec")
            .field("name", &redact_keys(&r.name))
            .field("sku", &r.sku)
            .field("channel", &r.channel)
            .field("hardware", &r.hardware)
            .field("hyperv_host", &r.hyperv_host.as_deref().map(redact_keys))
            .field("domain", &r.domain.as_deref().map(redact_keys))
            .field("site", &r.site.as_deref().map(redact_keys))
            .field("os", &r.os)
            .field("reimages", &r.reimages)
            .field("activated", &r.activated)
            .finish()
    }
}

/// A KMS host for [`FleetBuilder::kms_host`]: the fields of a fleet file's `kms_hosts` entry.
///
/// ```
/// use volume_activation::{KmsHostKey, Sku};
/// use volume_activation::catalog::Kb;
/// use volume_activation::plan::KmsHostSpec;
///
/// let host = KmsHostSpec::new("kms-01", "windows-server-2016/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2019)
///     .update(Kb::new(4_478_877).unwrap())
///     .site("hq");
/// # let _ = host;
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct KmsHostSpec {
    raw: RawKmsHost,
}

impl KmsHostSpec {
    /// A KMS host named `name` running `os` with the host key group `host_key` installed.
    pub fn new(name: impl Into<String>, os: Sku, host_key: KmsHostKey) -> Self {
        KmsHostSpec {
            raw: RawKmsHost {
                name: name.into(),
                os: os.to_string(),
                host_key: host_key.to_string(),
                ..RawKmsHost::default()
            },
        }
    }

    /// Adds an installed update.
    pub fn update(mut self, kb: Kb) -> Self {
        self.raw.updates.push(kb.to_string());
        self
    }

    /// Whether the host is a physical computer or a virtual machine (optional; both are
    /// allowed: "Each KMS host key can be used to set up six KMS hosts, which can be physical
    /// or virtual." — Volume Licensing FAQ).
    pub fn hardware(mut self, hardware: Hardware) -> Self {
        self.raw.hardware = Some(hardware.to_string());
        self
    }

    /// The site (any label the organisation uses).
    pub fn site(mut self, site: impl Into<String>) -> Self {
        self.raw.site = Some(site.into());
        self
    }
}

impl fmt::Debug for KmsHostSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.raw;
        f.debug_struct("KmsHostSpec")
            .field("name", &redact_keys(&r.name))
            .field("os", &r.os)
            .field("host_key", &r.host_key)
            .field("updates", &r.updates)
            .field("hardware", &r.hardware)
            .field("site", &r.site.as_deref().map(redact_keys))
            .finish()
    }
}

/// A MAK for [`FleetBuilder::mak_key`]: the fields of a fleet file's `mak_keys` entry. The key
/// itself is never given; at most its last five characters.
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::plan::MakKeySpec;
///
/// let mak = MakKeySpec::new("Windows 11 Pro MAK", 40)
///     .product("windows-11/pro".parse::<Sku>()?)
///     .partial_key("4B7QD");
/// # let _ = mak;
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct MakKeySpec {
    raw: RawMakKey,
}

impl MakKeySpec {
    /// A MAK named `name` with `activations_remaining` activations left. Add at least one
    /// product with [`product`](Self::product) (a MAK with none is an error).
    pub fn new(name: impl Into<String>, activations_remaining: u32) -> Self {
        MakKeySpec {
            raw: RawMakKey {
                name: name.into(),
                activations_remaining,
                ..RawMakKey::default()
            },
        }
    }

    /// Adds a product the MAK activates.
    pub fn product(mut self, sku: Sku) -> Self {
        self.raw.products.push(sku.to_string());
        self
    }

    /// Adds several products, in order.
    pub fn products(mut self, skus: impl IntoIterator<Item = Sku>) -> Self {
        self.raw
            .products
            .extend(skus.into_iter().map(|s| s.to_string()));
        self
    }

    /// The last five characters of the key (what `slmgr /dlv` prints), for matching.
    pub fn partial_key(mut self, partial: impl Into<String>) -> Self {
        self.raw.partial_key = Some(partial.into());
        self
    }
}

impl fmt::Debug for MakKeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.raw;
        f.debug_struct("MakKeySpec")
            .field("name", &redact_keys(&r.name))
            .field("partial_key", &r.partial_key.as_deref().map(redact_keys))
            .field("products", &r.products)
            .field("activations_remaining", &r.activations_remaining)
            .finish()
    }
}
