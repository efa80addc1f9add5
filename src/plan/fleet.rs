//! The fleet description the planner reads: machines, domains, KMS hosts, MAK keys, the
//! agreement program and an optional rollout schedule, read from JSON or built in code
//! ([`FleetBuilder`](crate::plan::FleetBuilder)) and validated.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::catalog::{AgreementProgram, Answer, Channel, Family, Kb, KmsHostKey, Release, Sku};
use crate::error::Error;
use crate::error::quote;
use crate::plan::name_index::NameIndex;
use crate::rules::{KmsHost, host_os_support};

/// Whether a machine is a physical computer or a virtual machine.
///
/// ```
/// use volume_activation::plan::Hardware;
///
/// assert_eq!("virtual".parse::<Hardware>()?, Hardware::Virtual);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[non_exhaustive]
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::AsRefStr,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::EnumCount,
    strum::VariantArray,
)]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = crate::error::Error,
    parse_err_fn = Self::unknown
)]
pub enum Hardware {
    /// A physical computer.
    #[strum(serialize = "physical")]
    Physical,
    /// A virtual machine.
    #[strum(serialize = "virtual")]
    Virtual,
}

impl Hardware {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Hardware::Physical => "Physical",
            Hardware::Virtual => "Virtual machine",
        }
    }

    /// The error for text that is no Hardware ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("hardware", s)
    }
}

crate::macros::serde_as_id!(Hardware);

/// How serious a [`FleetProblem`] is.
///
/// ```
/// use volume_activation::plan::Severity;
///
/// assert_eq!(Severity::Error.to_string(), "error");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::AsRefStr,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::EnumCount,
    strum::VariantArray,
)]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = crate::error::Error,
    parse_err_fn = Self::unknown
)]
pub enum Severity {
    /// The fleet cannot be read as described: [`Fleet::from_json`] fails.
    #[strum(serialize = "error")]
    Error,
    /// The fleet is read, and the problem is kept in [`Fleet::problems`].
    #[strum(serialize = "warning")]
    Warning,
}

impl Severity {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
        }
    }

    /// The error for text that is no Severity ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("severity", s)
    }
}

crate::macros::serde_as_id!(Severity);

/// The kind of record of a fleet file a [`FleetProblem`] is about.
///
/// ```
/// use volume_activation::plan::FleetRecord;
///
/// assert_eq!(FleetRecord::FleetKmsHost.to_string(), "kms-host");
/// ```
#[non_exhaustive]
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::AsRefStr,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::EnumCount,
    strum::VariantArray,
)]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = crate::error::Error,
    parse_err_fn = Self::unknown
)]
pub enum FleetRecord {
    /// The fleet as a whole.
    #[strum(serialize = "fleet")]
    Fleet,
    /// An entry of `domains`.
    #[strum(serialize = "domain")]
    Domain,
    /// An entry of `machines`.
    #[strum(serialize = "machine")]
    Machine,
    /// An entry of `kms_hosts`.
    #[strum(serialize = "kms-host")]
    FleetKmsHost,
    /// An entry of `mak_keys`.
    #[strum(serialize = "mak-key")]
    MakKey,
    /// An entry of `rollout` (named by its 1-based position).
    #[strum(serialize = "rollout-wave")]
    RolloutWave,
}

impl FleetRecord {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            FleetRecord::Fleet => "fleet",
            FleetRecord::Domain => "domain",
            FleetRecord::Machine => "machine",
            FleetRecord::FleetKmsHost => "KMS host",
            FleetRecord::MakKey => "MAK key",
            FleetRecord::RolloutWave => "rollout wave",
        }
    }

    /// The error for text that is no FleetRecord ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("fleet record", s)
    }
}

crate::macros::serde_as_id!(FleetRecord);

/// A problem found in a fleet description, naming the record and the field.
///
/// ```
/// use volume_activation::{Channel, Fleet};
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::plan::{FleetRecord, Hardware, MachineSpec, Severity};
///
/// let problems = Fleet::builder(AgreementProgram::EnterpriseAgreement)
///     .machine(MachineSpec::new("pc-1", "windows-11/pro".parse()?, Channel::VolumeGvlk, Hardware::Physical).domain("corp"))
///     .problems();
/// let p = &problems[0];
/// assert_eq!(p.severity(), Severity::Error);
/// assert_eq!(p.record(), FleetRecord::Machine);
/// assert_eq!(p.name(), "pc-1");
/// assert_eq!(p.field(), "domain");
/// assert!(p.to_string().starts_with("machine \"pc-1\" field \"domain\": domain \"corp\" is not declared"));
///
/// // The same from a fleet file (feature `serde`).
/// # #[cfg(feature = "serde")] {
/// let problems = Fleet::problems_in_json(r#"{
///     "program": "enterprise-agreement",
///     "machines": [{ "name": "pc-1", "sku": "windows-13/pro", "channel": "volume-gvlk", "hardware": "physical" }]
/// }"#);
/// assert!(problems[0].to_string().starts_with("machine \"pc-1\" field \"sku\": unknown release \"windows-13\""));
/// # }
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FleetProblem {
    severity: Severity,
    record: FleetRecord,
    name: String,
    field: String,
    message: String,
}

impl FleetProblem {
    fn new(
        severity: Severity,
        record: FleetRecord,
        name: &str,
        field: &str,
        message: impl Into<String>,
    ) -> Self {
        FleetProblem {
            severity,
            record,
            name: quote(name),
            field: field.to_owned(),
            message: message.into(),
        }
    }

    /// Whether the problem stops the fleet from being read.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The kind of record.
    #[must_use]
    pub fn record(&self) -> FleetRecord {
        self.record
    }

    /// The record's name (a machine, host, key or domain name; a wave's 1-based position),
    /// quoted and with any product key redacted.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The JSON field the problem is in (`sku`, `hyperv_host`, `date`, ...).
    #[must_use]
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What is wrong, and what was expected.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for FleetProblem {
    /// `machine "pc-1" field "sku": <message>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} \"{}\" field \"{}\": {}",
            self.record.name(),
            self.name,
            self.field,
            self.message
        )
    }
}

/// An Active Directory forest/domain the fleet's machines may join, with its schema level.
///
/// The schema level is named by the Windows Server release whose schema the forest has
/// (`windows-server-2012` and later support Active Directory-based activation).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawDomain"))]
pub struct Domain {
    name: String,
    forest_schema: Release,
}

impl Domain {
    /// The domain's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The forest schema level, as a Windows Server release.
    #[must_use]
    pub fn forest_schema(&self) -> Release {
        self.forest_schema
    }
}

/// A machine of the fleet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Machine {
    // Shared with the machine's plan (`MachinePlan::name`), which then copies nothing.
    name: Arc<str>,
    sku: Sku,
    channel: Channel,
    hardware: Hardware,
    // Host, domain and site names repeat across machines: one shared copy of each.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    hyperv_host: Option<Arc<str>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    domain: Option<Arc<str>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    site: Option<Arc<str>>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    os: Option<Release>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_zero"))]
    reimages: u32,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    activated: bool,
}

#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

impl Machine {
    /// The machine's name (unique in the fleet, ASCII case-insensitively).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The product installed.
    #[must_use]
    pub fn sku(&self) -> Sku {
        self.sku
    }

    /// The licence channel (which kind of key is installed).
    #[must_use]
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// Physical computer or virtual machine.
    #[must_use]
    pub fn hardware(&self) -> Hardware {
        self.hardware
    }

    /// For a virtual machine on a Hyper-V host of the fleet, that host's machine name. A
    /// virtual machine without one runs on a hypervisor the fleet does not describe.
    #[must_use]
    pub fn hyperv_host(&self) -> Option<&str> {
        self.hyperv_host.as_deref()
    }

    /// The domain the machine is joined to (a name of [`Fleet::domains`]), or `None` for a
    /// workgroup machine.
    #[must_use]
    pub fn domain(&self) -> Option<&str> {
        self.domain.as_deref()
    }

    /// The site (any label the organisation uses), if given.
    #[must_use]
    pub fn site(&self) -> Option<&str> {
        self.site.as_deref()
    }

    /// For an Office machine, the Windows release Office runs on (field `os`), if given:
    /// Active Directory-based activation of Office depends on it.
    #[must_use]
    pub fn os(&self) -> Option<Release> {
        self.os
    }

    /// The reimages planned for the machine (field `reimages`, default 0); with a MAK each
    /// reimage reactivated with the key consumes one activation.
    #[must_use]
    pub fn reimages(&self) -> u32 {
        self.reimages
    }

    /// Whether the machine is already activated with the key it has installed (field
    /// `activated`, default `false`). A MAK machine already activated needs no first
    /// activation.
    #[must_use]
    pub fn is_activated(&self) -> bool {
        self.activated
    }

    /// The name, shared (a plan keeps it without a copy).
    pub(crate) fn shared_name(&self) -> &Arc<str> {
        &self.name
    }

    /// Which shared texts the machine's Hyper-V host, domain and site are (an address, 0 for
    /// none): machines with equal identities name the same texts, so the planner decides
    /// once per distinct combination.
    pub(crate) fn shared_ids(&self) -> [usize; 3] {
        let id =
            |t: &Option<Arc<str>>| t.as_ref().map_or(0, |a| Arc::as_ptr(a).cast::<u8>().addr());
        [id(&self.hyperv_host), id(&self.domain), id(&self.site)]
    }
}

/// A KMS host of the fleet: its name, OS, the one KMS host key group installed, its updates and
/// site. A server that runs a Windows host key and an Office host key is described as two
/// entries (e.g. `kms-01` and `kms-01-office`), because each key has its own count.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawKmsHost"))]
pub struct FleetKmsHost {
    name: String,
    os: Sku,
    host_key: KmsHostKey,
    updates: Vec<Kb>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    site: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    hardware: Option<Hardware>,
    /// The same host as the rules layer sees it (host-side rules decided once).
    #[cfg_attr(feature = "serde", serde(skip))]
    rules: KmsHost,
}

impl FleetKmsHost {
    /// The host's name (unique among the KMS hosts).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The operating system the host runs.
    #[must_use]
    pub fn os(&self) -> Sku {
        self.os
    }

    /// The KMS host key group installed (the group, never the key itself).
    #[must_use]
    pub fn host_key(&self) -> KmsHostKey {
        self.host_key
    }

    /// The installed updates, in file order.
    #[must_use]
    pub fn updates(&self) -> &[Kb] {
        &self.updates
    }

    /// Whether update `kb` is installed.
    #[must_use]
    pub fn has_update(&self, kb: Kb) -> bool {
        self.updates.contains(&kb)
    }

    /// The site, if given.
    #[must_use]
    pub fn site(&self) -> Option<&str> {
        self.site.as_deref()
    }

    /// Whether the host is a physical computer or a virtual machine, if the fleet says. Either
    /// is allowed: "Each KMS host key can be used to set up six KMS hosts, which can be
    /// physical or virtual." (Volume Licensing FAQ; see
    /// [`kms_host_can_be_virtual`](crate::rules::kms_host_can_be_virtual)).
    #[must_use]
    pub fn hardware(&self) -> Option<Hardware> {
        self.hardware
    }

    /// The host as the KMS rules take it ([`check_activation`](crate::rules::check_activation)).
    #[must_use]
    pub fn kms_host(&self) -> &KmsHost {
        &self.rules
    }
}

/// A MAK of the fleet: a name (and optionally the last five characters of the key — never
/// the full key), the products it activates and the activations remaining.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawMakKey"))]
pub struct MakKey {
    name: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    partial_key: Option<String>,
    products: Vec<Sku>,
    activations_remaining: u32,
}

impl MakKey {
    /// The key's name (its product key group, or the label the VLSC shows).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The last five characters of the key, if given.
    #[must_use]
    pub fn partial_key(&self) -> Option<&str> {
        self.partial_key.as_deref()
    }

    /// The products the key activates.
    #[must_use]
    pub fn products(&self) -> &[Sku] {
        &self.products
    }

    /// Whether the key activates `sku`.
    #[must_use]
    pub fn activates(&self, sku: Sku) -> bool {
        self.products.contains(&sku)
    }

    /// The activations remaining on the key, as the VLSC or VAMT reports them ("You can find
    /// the number of activations remaining on a MAK by going to the VLSC or by using the
    /// Volume Activation Management Tool (VAMT)." — Volume Licensing activation FAQ, 06/2018).
    #[must_use]
    pub fn activations_remaining(&self) -> u32 {
        self.activations_remaining
    }
}

/// A rollout wave: machines coming online on a date.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RolloutWave {
    date: DateTime<Utc>,
    machines: Vec<String>,
}

impl RolloutWave {
    /// When the wave's machines come online.
    #[must_use]
    pub fn date(&self) -> DateTime<Utc> {
        self.date
    }

    /// The machine names of the wave.
    #[must_use]
    pub fn machines(&self) -> &[String] {
        &self.machines
    }
}

/// An organisation's fleet: the agreement program, domains, machines, KMS hosts, MAK keys and
/// an optional rollout schedule.
///
/// Build it in code with [`Fleet::builder`] (no feature needed), or read it with
/// [`Fleet::from_json`] (or serde, feature `serde`); write it back with serde, which gives the
/// same JSON shape. Both ways validate the same way and report the same problems:
///
/// ```json
/// {
///   "program": "enterprise-agreement",
///   "domains": [{ "name": "corp.example", "forest_schema": "windows-server-2016" }],
///   "machines": [
///     { "name": "hv-01", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk",
///       "hardware": "physical", "domain": "corp.example", "site": "hq" },
///     { "name": "vm-01", "sku": "windows-server-2022/standard", "channel": "volume-gvlk",
///       "hardware": "virtual", "hyperv_host": "hv-01", "site": "hq" }
///   ],
///   "kms_hosts": [{ "name": "kms-01", "os": "windows-server-2019/standard",
///                   "host_key": "windows-server-2019", "updates": ["KB5003646"],
///                   "hardware": "virtual" }],
///   "mak_keys": [{ "name": "Windows 11 Pro MAK", "partial_key": "4B7QD",
///                  "products": ["windows-11/pro"], "activations_remaining": 40 }],
///   "rollout": [{ "date": "2026-01-05T00:00:00Z", "machines": ["vm-01"] }]
/// }
/// ```
///
/// `domains`, `kms_hosts`, `mak_keys` and `rollout` may be left out, and so may a KMS host's
/// `hardware` (a KMS host may be physical or virtual). Machine names are unique
/// ASCII case-insensitively, and references (`hyperv_host`, `domain`, rollout machines) match
/// names that way. A machine in no rollout wave is online from the start.
///
/// # Validation
///
/// Every problem is found and reported, naming the record and the field; nothing is dropped
/// or defaulted.
///
/// Errors (the fleet is not read; [`Fleet::from_json`] returns them all in one [`Error`],
/// [`Error::is_invalid`]): an unknown program, SKU, channel, hardware or forest schema; a
/// forest schema that is not a Windows Server release; duplicate names (machines, KMS hosts,
/// MAK keys, domains) and empty names; a physical machine with a `hyperv_host`; a Hyper-V
/// host that is not a machine of the fleet, or is the machine itself; a domain that is not
/// declared; an AVMA channel on anything but a Windows Server virtual machine; an `os` on a
/// Windows machine, or one that is not a Windows release; a KMS host on an Office SKU; an
/// unknown or empty host key; a host key its OS cannot run (documented no); a name, site or host
/// key that contains a full product key; a KB that is not `KB` and digits; a partial key
/// that is not five product-key characters; a MAK with no products; rollout dates not
/// strictly increasing; a rollout machine that is not in the fleet or is in two waves.
///
/// Warnings (the fleet is read; kept in [`Fleet::problems`]): no machines; a virtual machine
/// whose Hyper-V host is itself a virtual machine (nested virtualisation); an empty rollout
/// wave; a host key Microsoft does not document for the host's OS.
///
/// Malformed JSON, a missing required field, a field of the wrong type or an unknown field is
/// an error of its own ([`Error::is_json`]), reported with its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Fleet {
    program: AgreementProgram,
    domains: Vec<Domain>,
    machines: Vec<Machine>,
    kms_hosts: Vec<FleetKmsHost>,
    mak_keys: Vec<MakKey>,
    rollout: Vec<RolloutWave>,
    #[cfg_attr(feature = "serde", serde(skip))]
    problems: Vec<FleetProblem>,
    /// Machine name (ASCII case-insensitively) -> position in `machines`.
    #[cfg_attr(feature = "serde", serde(skip))]
    by_name: NameIndex,
    /// Per machine: its rollout wave, 1-based, or 0 when it is in none.
    #[cfg_attr(feature = "serde", serde(skip))]
    wave_of: Vec<u32>,
}

impl Fleet {
    /// The agreement program the fleet is licensed under.
    #[must_use]
    pub fn program(&self) -> AgreementProgram {
        self.program
    }

    /// The domains.
    #[must_use]
    pub fn domains(&self) -> &[Domain] {
        &self.domains
    }

    /// The machines, in file order.
    #[must_use]
    pub fn machines(&self) -> &[Machine] {
        &self.machines
    }

    /// The KMS hosts.
    #[must_use]
    pub fn kms_hosts(&self) -> &[FleetKmsHost] {
        &self.kms_hosts
    }

    /// The MAK keys.
    #[must_use]
    pub fn mak_keys(&self) -> &[MakKey] {
        &self.mak_keys
    }

    /// The rollout schedule, in date order (empty when none was given).
    #[must_use]
    pub fn rollout(&self) -> &[RolloutWave] {
        &self.rollout
    }

    /// The warnings found while reading the fleet (see [`Fleet`]'s validation rules).
    #[must_use]
    pub fn problems(&self) -> &[FleetProblem] {
        &self.problems
    }

    /// The machine named `name` (ASCII case-insensitively).
    #[must_use]
    pub fn machine(&self, name: &str) -> Option<&Machine> {
        self.index_of(name).and_then(|i| self.machines.get(i))
    }

    /// The domain a machine is joined to.
    #[must_use]
    pub fn domain_of(&self, machine: &Machine) -> Option<&Domain> {
        let name = machine.domain.as_deref()?;
        self.domains
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(name))
    }

    /// The position of the machine named `name` in [`Fleet::machines`]; allocates nothing.
    pub(crate) fn index_of(&self, name: &str) -> Option<usize> {
        self.by_name
            .get(name, |i| self.machines.get(i).map(|m| &*m.name))
    }

    /// The rollout wave of machine `i` (0-based position in [`Fleet::rollout`]), if any.
    pub(crate) fn wave_of(&self, i: usize) -> Option<usize> {
        match self.wave_of.get(i) {
            Some(&w) if w > 0 => Some(w.wrapping_sub(1) as usize),
            _ => None,
        }
    }

    /// When the machine named `name` comes online: the date of its rollout wave, or `None`
    /// when it is in no wave (online from the start).
    #[must_use]
    pub fn online_from(&self, name: &str) -> Option<DateTime<Utc>> {
        let wave = self.wave_of(self.index_of(name)?)?;
        self.rollout.get(wave).map(|w| w.date)
    }
}

/// The fleet file as written, before validation: names of things are still text.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct RawFleet {
    pub(super) program: String,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) domains: Vec<RawDomain>,
    pub(super) machines: StagedMachines,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) kms_hosts: Vec<RawKmsHost>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) mak_keys: Vec<RawMakKey>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) rollout: Vec<RawWave>,
}

#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct RawDomain {
    pub(super) name: String,
    pub(super) forest_schema: String,
}

#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct RawMachine {
    pub(super) name: String,
    pub(super) sku: String,
    pub(super) channel: String,
    pub(super) hardware: String,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) hyperv_host: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) domain: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) site: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) os: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) reimages: u32,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) activated: bool,
}

#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct RawKmsHost {
    pub(super) name: String,
    pub(super) os: String,
    pub(super) host_key: String,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) updates: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) site: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) hardware: Option<String>,
}

#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct RawMakKey {
    pub(super) name: String,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) partial_key: Option<String>,
    pub(super) products: Vec<String>,
    pub(super) activations_remaining: u32,
}

#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct RawWave {
    pub(super) date: DateTime<Utc>,
    pub(super) machines: Vec<String>,
}

/// The machines of a fleet file, each kept in its final compact form as soon as it is read
/// (a 1 M-machine file is never held as text records): the names are boxed, the host, domain
/// and site names shared, the SKU, channel, hardware and OS parsed. A text that is not its
/// field's canonical spelling (one that does not parse, or spelled another way) is kept beside
/// the machine, so validation after the read sees exactly the text of the file.
#[derive(Debug, Clone, Default)]
pub(super) struct StagedMachines {
    machines: Vec<Machine>,
    /// The texts of `machines[i]` that are not canonical, by ascending position `i`.
    odd: Vec<(usize, OddTexts)>,
    /// One shared copy of each host, domain and site name.
    shared: SharedNames,
}

/// A machine's field texts that are not the canonical spelling of a value (`None`: canonical
/// or absent).
#[derive(Debug, Clone, Default)]
struct OddTexts {
    sku: Option<Box<str>>,
    channel: Option<Box<str>>,
    hardware: Option<Box<str>>,
    os: Option<Box<str>>,
}

/// `text` parsed, and the text itself when it is not the value's canonical spelling.
fn parse_kept<T: std::str::FromStr + fmt::Display>(text: &str) -> (Option<T>, Option<Box<str>>) {
    match text.parse::<T>() {
        Ok(v) if displays_as(&v, text) => (Some(v), None),
        Ok(v) => (Some(v), Some(text.into())),
        Err(_) => (None, Some(text.into())),
    }
}

/// Whether `v` displays exactly as `text` (without allocating).
fn displays_as(v: &impl fmt::Display, text: &str) -> bool {
    struct Rest<'a>(&'a str);
    impl fmt::Write for Rest<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            match self.0.strip_prefix(s) {
                Some(rest) => {
                    self.0 = rest;
                    Ok(())
                }
                None => Err(fmt::Error),
            }
        }
    }
    let mut rest = Rest(text);
    fmt::write(&mut rest, format_args!("{v}")).is_ok() && rest.0.is_empty()
}

impl StagedMachines {
    /// How many machines were read.
    pub(super) fn len(&self) -> usize {
        self.machines.len()
    }

    /// Keeps one machine as read.
    pub(super) fn push(&mut self, m: RawMachine) {
        let (sku, sku_text) = parse_kept::<Sku>(&m.sku);
        let (channel, channel_text) = parse_kept::<Channel>(&m.channel);
        let (hardware, hardware_text) = parse_kept::<Hardware>(&m.hardware);
        let (os, os_text) = match m.os.as_deref() {
            Some(text) => parse_kept::<Release>(text),
            None => (None, None),
        };
        if sku_text.is_some()
            || channel_text.is_some()
            || hardware_text.is_some()
            || os_text.is_some()
        {
            self.odd.push((
                self.machines.len(),
                OddTexts {
                    sku: sku_text,
                    channel: channel_text,
                    hardware: hardware_text,
                    os: os_text,
                },
            ));
        }
        let shared = &mut self.shared;
        self.machines.push(Machine {
            name: Arc::from(m.name),
            sku: sku.unwrap_or(Sku::STAND_IN),
            channel: channel.unwrap_or(Channel::Retail),
            hardware: hardware.unwrap_or(Hardware::Physical),
            hyperv_host: m.hyperv_host.map(|t| shared.get(t)),
            domain: m.domain.map(|t| shared.get(t)),
            site: m.site.map(|t| shared.get(t)),
            os,
            reimages: m.reimages,
            activated: m.activated,
        });
    }

    /// The odd texts of machine `i`.
    fn odd_of(&self, i: usize) -> Option<&OddTexts> {
        self.odd
            .binary_search_by_key(&i, |&(pos, _)| pos)
            .ok()
            .and_then(|k| self.odd.get(k))
            .map(|(_, t)| t)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for StagedMachines {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = StagedMachines;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<StagedMachines, A::Error> {
                let mut staged = StagedMachines::default();
                // Like serde's own `Vec`, trust the hint only so far.
                staged
                    .machines
                    .reserve(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(m) = seq.next_element::<RawMachine>()? {
                    staged.push(m);
                }
                Ok(staged)
            }
        }
        d.deserialize_seq(Visit)
    }
}

/// One shared copy of each distinct text (exact, case kept).
#[derive(Debug, Clone, Default)]
struct SharedNames(std::collections::HashSet<Arc<str>>);

impl SharedNames {
    fn get(&mut self, text: String) -> Arc<str> {
        if let Some(a) = self.0.get(text.as_str()) {
            return Arc::clone(a);
        }
        let a: Arc<str> = Arc::from(text);
        self.0.insert(Arc::clone(&a));
        a
    }
}

/// Collects problems while the raw fleet is checked.
struct Checker {
    problems: Vec<FleetProblem>,
}

impl Checker {
    fn error(&mut self, record: FleetRecord, name: &str, field: &str, message: impl Into<String>) {
        self.problems.push(FleetProblem::new(
            Severity::Error,
            record,
            name,
            field,
            message,
        ));
    }

    fn warning(
        &mut self,
        record: FleetRecord,
        name: &str,
        field: &str,
        message: impl Into<String>,
    ) {
        self.problems.push(FleetProblem::new(
            Severity::Warning,
            record,
            name,
            field,
            message,
        ));
    }

    /// Parses `value`, recording the parse error against the record and field.
    fn parse<T: std::str::FromStr<Err = Error>>(
        &mut self,
        record: FleetRecord,
        name: &str,
        field: &str,
        value: &str,
    ) -> Option<T> {
        match value.parse::<T>() {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(record, name, field, e.to_string());
                None
            }
        }
    }

    /// Checks a record name: non-empty, not a product key, unique (ASCII case-insensitively).
    fn name(&mut self, record: FleetRecord, name: &str, seen: &mut HashMap<String, ()>) {
        if self.name_shape(record, name) && seen.insert(name.to_ascii_lowercase(), ()).is_some() {
            self.duplicate(record, name);
        }
    }

    /// [`Checker::name`] for machine `pos` of `machines`, indexed in `index`.
    fn machine_name(&mut self, machines: &[Machine], pos: usize, index: &mut NameIndex) {
        let Some(name) = machines.get(pos).map(|m| &*m.name) else {
            return;
        };
        if self.name_shape(FleetRecord::Machine, name)
            && index
                .insert(name, pos, |i| machines.get(i).map(|m| &*m.name))
                .is_some()
        {
            self.duplicate(FleetRecord::Machine, name);
        }
    }

    /// The checks of a name on its own: non-empty (`false` when empty), not a product key.
    fn name_shape(&mut self, record: FleetRecord, name: &str) -> bool {
        if name.trim().is_empty() {
            self.error(
                record,
                name,
                "name",
                "empty name: expected a non-empty name",
            );
            return false;
        }
        if is_key_shaped(name) {
            self.error(
                record,
                name,
                "name",
                "a product key is not a name: expected a label (give at most the last five characters in partial_key)",
            );
        }
        true
    }

    /// A name seen before in its record kind.
    fn duplicate(&mut self, record: FleetRecord, name: &str) {
        {
            self.error(
                record,
                name,
                "name",
                format!("duplicate {} name: expected each name once", record.name()),
            );
        }
    }
}

impl Checker {
    /// Checks a record's `site`: not a product key (the check `name` has). `false` when it
    /// is one.
    fn site(&mut self, record: FleetRecord, name: &str, site: Option<&str>) -> bool {
        match site {
            Some(site) if is_key_shaped(site) => {
                self.error(
                    record,
                    name,
                    "site",
                    format!(
                        "\"{}\" is a product key: expected a site label, never a key",
                        quote(site)
                    ),
                );
                false
            }
            _ => true,
        }
    }
}

/// Whether `s` contains a full product key (25 key characters, dashed or not).
fn is_key_shaped(s: &str) -> bool {
    crate::catalog::product_key::redact_keys(s) != s
}

/// The product-key alphabet (with `N`), for partial keys.
const PARTIAL_ALPHABET: &str = "BCDFGHJKMPQRTVWXY2346789N";

/// A fleet names updates as `KB` and digits (the form Microsoft prints); the number follows
/// [`Kb`]'s own rule (no zero, no leading zeros).
fn parse_kb(s: &str) -> Option<Kb> {
    let t = s.trim();
    t.get(..2).filter(|p| p.eq_ignore_ascii_case("kb"))?;
    t.parse::<Kb>().ok()
}

/// Validates a raw fleet: the fleet, or one [`Error`] listing every error (each naming its
/// record and field). The one conversion of [`validate`]'s answer into a result, shared by the
/// JSON reader, serde and [`FleetBuilder`](crate::plan::FleetBuilder).
pub(super) fn validated(raw: RawFleet) -> Result<Fleet, Error> {
    let (fleet, problems) = validate(raw);
    fleet.ok_or_else(|| {
        Error::problems(
            "fleet",
            problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .map(ToString::to_string)
                .collect(),
        )
    })
}

/// Validates a raw fleet: the fleet (when no problem is an error) and every problem found.
pub(super) fn validate(raw: RawFleet) -> (Option<Fleet>, Vec<FleetProblem>) {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let program = c.parse::<AgreementProgram>(FleetRecord::Fleet, "fleet", "program", &raw.program);

    // Domains.
    let mut domain_names = HashMap::new();
    let mut domains = Vec::with_capacity(raw.domains.len());
    for d in &raw.domains {
        c.name(FleetRecord::Domain, &d.name, &mut domain_names);
        let schema = c.parse::<Release>(
            FleetRecord::Domain,
            &d.name,
            "forest_schema",
            &d.forest_schema,
        );
        if let Some(schema) = schema {
            if schema.family() == Family::Server {
                domains.push(Domain {
                    name: d.name.clone(),
                    forest_schema: schema,
                });
            } else {
                c.error(
                    FleetRecord::Domain,
                    &d.name,
                    "forest_schema",
                    format!(
                        "\"{}\" is not a Windows Server release: expected a schema level such as windows-server-2012",
                        quote(&d.forest_schema)
                    ),
                );
            }
        }
    }

    // Machines: names first, so references can be resolved in any order.
    let staged = &raw.machines;
    let mut machine_names = NameIndex::with_capacity(staged.len());
    for pos in 0..staged.len() {
        c.machine_name(&staged.machines, pos, &mut machine_names);
    }
    let raw_name = |i: usize| staged.machines.get(i).map(|m| &*m.name);
    if staged.machines.is_empty() {
        c.warning(
            FleetRecord::Fleet,
            "fleet",
            "machines",
            "the fleet has no machines",
        );
    }
    // Every machine's hardware by name, the last of a repeated name (the name checks above
    // report the repetition).
    let mut every_name = NameIndex::with_capacity(staged.len());
    for (pos, m) in staged.machines.iter().enumerate() {
        every_name.set(&m.name, pos, raw_name);
    }
    let hardware_of = |name: &str| {
        every_name.get(name, raw_name).and_then(|i| {
            match staged.odd_of(i).and_then(|t| t.hardware.as_deref()) {
                Some(text) => Some(text),
                None => staged.machines.get(i).map(|m| m.hardware.as_ref()),
            }
        })
    };
    let mut odd = staged.odd.iter().peekable();
    let mut rejected = false;
    for (pos, m) in staged.machines.iter().enumerate() {
        let rec = FleetRecord::Machine;
        let texts = odd.next_if(|&&(at, _)| at == pos).map(|(_, t)| t);
        let text =
            |pick: fn(&OddTexts) -> &Option<Box<str>>| texts.and_then(|t| pick(t).as_deref());
        let sku = match text(|t| &t.sku) {
            Some(t) => c.parse::<Sku>(rec, &m.name, "sku", t),
            None => Some(m.sku),
        };
        let channel = match text(|t| &t.channel) {
            Some(t) => c.parse::<Channel>(rec, &m.name, "channel", t),
            None => Some(m.channel),
        };
        let hardware = match text(|t| &t.hardware) {
            Some(t) => c.parse::<Hardware>(rec, &m.name, "hardware", t),
            None => Some(m.hardware),
        };
        let mut ok = c.site(rec, &m.name, m.site.as_deref());
        // An AVMA key exists only for Windows Server guests: "AVMA activates Windows Server
        // virtual machines" on a Windows Server Datacenter Hyper-V host (AVMA page).
        if channel == Some(Channel::Avma) {
            if let Some(sku) = sku.filter(|s| s.family() != Family::Server) {
                ok = false;
                c.error(
                    rec,
                    &m.name,
                    "channel",
                    format!(
                        "an avma key activates only windows server virtual machines, not {sku}: expected another channel"
                    ),
                );
            } else if hardware == Some(Hardware::Physical) {
                ok = false;
                c.error(
                    rec,
                    &m.name,
                    "channel",
                    "an avma key activates only virtual machines: expected hardware \"virtual\" or another channel",
                );
            }
        }
        if let Some(host) = m.hyperv_host.as_deref() {
            if hardware == Some(Hardware::Physical) {
                ok = false;
                c.error(
                    rec,
                    &m.name,
                    "hyperv_host",
                    format!(
                        "a physical machine has no Hyper-V host (\"{}\"): expected hardware \"virtual\" or no hyperv_host",
                        quote(host)
                    ),
                );
            } else if host.eq_ignore_ascii_case(&m.name) {
                ok = false;
                c.error(
                    rec,
                    &m.name,
                    "hyperv_host",
                    "a virtual machine cannot be its own Hyper-V host: expected another machine of the fleet",
                );
            } else {
                match hardware_of(host) {
                    None => {
                        ok = false;
                        c.error(
                            rec,
                            &m.name,
                            "hyperv_host",
                            format!(
                                "Hyper-V host \"{}\" is not a machine of the fleet: expected the name of a machine",
                                quote(host)
                            ),
                        );
                    }
                    Some("virtual") => c.warning(
                        rec,
                        &m.name,
                        "hyperv_host",
                        format!(
                            "Hyper-V host \"{}\" is itself a virtual machine (nested virtualisation)",
                            quote(host)
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
        if let Some(domain) = m.domain.as_deref() {
            if !domain_names.contains_key(&domain.to_ascii_lowercase()) {
                ok = false;
                c.error(
                    rec,
                    &m.name,
                    "domain",
                    format!(
                        "domain \"{}\" is not declared: expected a name listed in domains",
                        quote(domain)
                    ),
                );
            }
        }
        let os_odd = text(|t| &t.os);
        let os = match os_odd {
            Some(t) => c.parse::<Release>(rec, &m.name, "os", t),
            None => m.os,
        };
        match os {
            Some(r) if r.family() == Family::Office => {
                ok = false;
                let shown = os_odd.map_or_else(|| r.to_string(), str::to_owned);
                c.error(
                    rec,
                    &m.name,
                    "os",
                    format!(
                        "\"{}\" is not a windows release: expected the windows release office runs on, such as windows-11",
                        quote(&shown)
                    ),
                );
            }
            Some(_) => {
                if sku.is_some_and(|s| s.family() != Family::Office) {
                    ok = false;
                    c.error(
                        rec,
                        &m.name,
                        "os",
                        "only an office machine names the windows it runs on: expected no os for a windows sku",
                    );
                }
            }
            None => ok &= os_odd.is_none(),
        }
        // Every machine is kept as read; one with a problem leaves an error, so no fleet.
        if sku.is_none() || channel.is_none() || hardware.is_none() || !ok {
            rejected = true;
        }
    }

    // KMS hosts.
    let mut host_names = HashMap::new();
    let mut kms_hosts = Vec::with_capacity(raw.kms_hosts.len());
    for h in &raw.kms_hosts {
        let rec = FleetRecord::FleetKmsHost;
        c.name(rec, &h.name, &mut host_names);
        let mut ok = c.site(rec, &h.name, h.site.as_deref());
        let os = c.parse::<Sku>(rec, &h.name, "os", &h.os);
        if let Some(os) = os {
            if os.family() == Family::Office {
                ok = false;
                c.error(
                    rec,
                    &h.name,
                    "os",
                    format!(
                        "\"{}\" is not an operating system: expected the Windows or Windows Server SKU the host runs",
                        quote(&h.os)
                    ),
                );
            }
        }
        let mut host_key = None;
        if h.host_key.trim().is_empty() {
            ok = false;
            c.error(
                rec,
                &h.name,
                "host_key",
                "empty host key: expected a KMS host key group ID",
            );
        } else if is_key_shaped(&h.host_key) {
            ok = false;
            c.error(
                rec,
                &h.name,
                "host_key",
                format!(
                    "\"{}\" is a product key: expected a KMS host key group ID, never the key itself",
                    quote(&h.host_key)
                ),
            );
        } else {
            match KmsHostKey::parse_lenient(&h.host_key) {
                Ok(key) => host_key = Some(key),
                Err(e) => {
                    ok = false;
                    c.error(rec, &h.name, "host_key", e.to_string());
                }
            }
        }
        if let (Some(os), Some(key)) = (os, host_key) {
            if os.family() != Family::Office {
                let support = host_os_support(os, key);
                match support.answer() {
                    Answer::Documented | Answer::Derived => {}
                    Answer::DocumentedNo | Answer::DerivedNo => {
                        ok = false;
                        c.error(
                            rec,
                            &h.name,
                            "host_key",
                            format!(
                                "{} cannot run the {} host key ({}): expected a host key its os can run",
                                os,
                                key,
                                support.basis().name()
                            ),
                        );
                    }
                    Answer::Undocumented => c.warning(
                        rec,
                        &h.name,
                        "host_key",
                        format!(
                            "microsoft does not document whether {} runs the {} host key ({})",
                            os,
                            key,
                            support.basis().name()
                        ),
                    ),
                }
            }
        }
        let mut updates = Vec::with_capacity(h.updates.len());
        for u in &h.updates {
            match parse_kb(u) {
                Some(kb) => updates.push(kb),
                None => {
                    ok = false;
                    c.error(
                        rec,
                        &h.name,
                        "updates",
                        format!(
                            "\"{}\" is not a KB number: expected KB and digits, e.g. KB3058168",
                            quote(u)
                        ),
                    );
                }
            }
        }
        // Optional; a KMS host may be physical or virtual (FAQ), but a value given must be one.
        let hardware = match &h.hardware {
            Some(text) => match c.parse::<Hardware>(rec, &h.name, "hardware", text) {
                Some(hw) => Some(hw),
                None => {
                    ok = false;
                    None
                }
            },
            None => None,
        };
        if let (Some(os), Some(host_key), true) = (os, host_key, ok) {
            let rules = updates
                .iter()
                .fold(KmsHost::new(os, host_key), |h, &kb| h.with_update(kb));
            kms_hosts.push(FleetKmsHost {
                name: h.name.clone(),
                os,
                host_key,
                updates,
                site: h.site.clone(),
                hardware,
                rules,
            });
        }
    }

    // MAK keys.
    let mut key_names = HashMap::new();
    let mut mak_keys = Vec::with_capacity(raw.mak_keys.len());
    for k in &raw.mak_keys {
        let rec = FleetRecord::MakKey;
        c.name(rec, &k.name, &mut key_names);
        let mut ok = true;
        if let Some(partial) = k.partial_key.as_deref() {
            let valid = partial.chars().count() == 5
                && partial
                    .chars()
                    .all(|ch| PARTIAL_ALPHABET.contains(ch.to_ascii_uppercase()));
            if !valid {
                ok = false;
                let shown = if is_key_shaped(partial) {
                    quote(partial)
                } else {
                    // Never echo more than five characters of something key-like.
                    let n = partial.chars().count();
                    quote(
                        &partial
                            .chars()
                            .skip(n.saturating_sub(5))
                            .collect::<String>(),
                    )
                };
                c.error(
                    rec,
                    &k.name,
                    "partial_key",
                    format!(
                        "partial key ending \"{shown}\" is not five product-key characters: expected the last five characters of the key only"
                    ),
                );
            }
        }
        if k.products.is_empty() {
            ok = false;
            c.error(
                rec,
                &k.name,
                "products",
                "no products: expected the SKUs the MAK activates",
            );
        }
        let mut products = Vec::with_capacity(k.products.len());
        for p in &k.products {
            match c.parse::<Sku>(rec, &k.name, "products", p) {
                Some(sku) => products.push(sku),
                None => ok = false,
            }
        }
        if ok {
            mak_keys.push(MakKey {
                name: k.name.clone(),
                partial_key: k.partial_key.as_ref().map(|p| p.to_ascii_uppercase()),
                products,
                activations_remaining: k.activations_remaining,
            });
        }
    }

    // Rollout.
    let mut rollout = Vec::with_capacity(raw.rollout.len());
    // Per machine (raw position): its wave, 1-based, or 0.
    let mut wave_of = vec![0u32; raw.machines.len()];
    let mut previous: Option<DateTime<Utc>> = None;
    for (i, w) in raw.rollout.iter().enumerate() {
        let rec = FleetRecord::RolloutWave;
        let position = i.saturating_add(1);
        let label = position.to_string();
        if let Some(prev) = previous {
            if w.date <= prev {
                c.error(
                    rec,
                    &label,
                    "date",
                    format!(
                        "{} is not after the previous wave's {}: expected dates in strictly increasing order",
                        w.date.to_rfc3339(),
                        prev.to_rfc3339()
                    ),
                );
            }
        }
        previous = Some(w.date);
        if w.machines.is_empty() {
            c.warning(rec, &label, "machines", "the wave has no machines");
        }
        for m in &w.machines {
            let known = machine_names.get(m, raw_name);
            if known.is_none() {
                c.error(
                    rec,
                    &label,
                    "machines",
                    format!(
                        "machine \"{}\" is not in the fleet: expected a machine name",
                        quote(m)
                    ),
                );
            } else if let Some(first) = known.and_then(|i| wave_of.get_mut(i)).and_then(|w| {
                let first = *w;
                if first == 0 {
                    *w = u32::try_from(position).unwrap_or(u32::MAX);
                    None
                } else {
                    Some(first)
                }
            }) {
                c.error(
                    rec,
                    &label,
                    "machines",
                    format!(
                        "machine \"{}\" is already in wave {first}: expected each machine in one wave at most",
                        quote(m)
                    ),
                );
            }
        }
        rollout.push(RolloutWave {
            date: w.date,
            machines: w.machines.clone(),
        });
    }

    // Without errors every raw machine is kept, in order: the raw positions are the fleet's.
    // The read grew the list by doubling: give the slack back (a large block shrinks in place).
    let mut machines = raw.machines.machines;
    machines.shrink_to_fit();
    let has_error = rejected || c.problems.iter().any(|p| p.severity == Severity::Error);
    let fleet = match (program, has_error) {
        (Some(program), false) => Some(Fleet {
            program,
            domains,
            machines,
            kms_hosts,
            mak_keys,
            rollout,
            problems: c
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Warning)
                .cloned()
                .collect(),
            by_name: machine_names,
            wave_of,
        }),
        _ => None,
    };
    (fleet, c.problems)
}

#[cfg(feature = "serde")]
impl Fleet {
    /// Reads and validates a fleet description.
    ///
    /// ```
    /// use volume_activation::Fleet;
    /// use volume_activation::catalog::AgreementProgram;
    /// use volume_activation::plan::Hardware;
    ///
    /// let fleet = Fleet::from_json(r#"{
    ///     "program": "select-plus",
    ///     "machines": [
    ///         { "name": "hv-01", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "physical" },
    ///         { "name": "vm-01", "sku": "windows-server-2022/standard", "channel": "avma", "hardware": "virtual", "hyperv_host": "hv-01" }
    ///     ]
    /// }"#)?;
    /// assert_eq!(fleet.program(), AgreementProgram::SelectPlus);
    /// assert_eq!(fleet.machine("VM-01").unwrap().hyperv_host(), Some("hv-01"));
    /// assert_eq!(fleet.machines()[0].hardware(), Hardware::Physical);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`Error::is_json`]: the text is not JSON, a required field is missing, a field has the
    ///   wrong type, or a field is unknown (e.g. `"hyperv-host"` for `"hyperv_host"`);
    /// - [`Error::is_invalid`]: the description has errors (see [`Fleet`]); the message lists
    ///   every one, each naming its record and field, e.g. `invalid fleet: 2 problems: machine
    ///   "pc-1" field "sku": …; machine "pc-1" field "name": duplicate machine name: …`.
    pub fn from_json(json: &str) -> Result<Fleet, Error> {
        let raw: RawFleet = serde_json::from_str(json).map_err(|e| Error::json("fleet", e))?;
        validated(raw)
    }

    /// Every problem of a fleet description, errors and warnings, in file order: for tools
    /// that show them as a table. JSON that cannot be read at all gives one problem on the
    /// record `fleet`, field `json`.
    ///
    /// ```
    /// use volume_activation::Fleet;
    ///
    /// let problems = Fleet::problems_in_json("{ not json");
    /// assert_eq!(problems.len(), 1);
    /// assert_eq!(problems[0].field(), "json");
    /// ```
    #[must_use]
    pub fn problems_in_json(json: &str) -> Vec<FleetProblem> {
        match serde_json::from_str::<RawFleet>(json) {
            Ok(raw) => validate(raw).1,
            Err(e) => vec![FleetProblem::new(
                Severity::Error,
                FleetRecord::Fleet,
                "fleet",
                "json",
                quote(&e.to_string()),
            )],
        }
    }

    /// Writes the fleet as JSON in the shape [`Fleet::from_json`] reads.
    ///
    /// # Errors
    ///
    /// Never in practice (every field serialises); serde_json's failure is reported as
    /// [`Error::is_json`].
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string_pretty(self).map_err(|e| Error::json("fleet", e))
    }
}

/// A lone record read with serde is validated as the one record of a fleet: the same checks and
/// errors as in a fleet file. (`Machine` and `RolloutWave` name other records of their fleet,
/// so they are read only as part of a [`Fleet`].)
#[cfg(feature = "serde")]
fn validated_alone<T>(
    raw: RawFleet,
    pick: impl FnOnce(Fleet) -> Option<T>,
    what: &'static str,
) -> Result<T, Error> {
    pick(validated(raw)?).ok_or_else(|| Error::problems(what, Vec::new()))
}

#[cfg(feature = "serde")]
impl TryFrom<RawDomain> for Domain {
    type Error = Error;

    fn try_from(d: RawDomain) -> Result<Domain, Error> {
        let raw = RawFleet {
            program: AgreementProgram::EnterpriseAgreement.to_string(),
            domains: vec![d],
            ..RawFleet::default()
        };
        validated_alone(raw, |f| f.domains.into_iter().next(), "domain")
    }
}

#[cfg(feature = "serde")]
impl TryFrom<RawKmsHost> for FleetKmsHost {
    type Error = Error;

    fn try_from(h: RawKmsHost) -> Result<FleetKmsHost, Error> {
        let raw = RawFleet {
            program: AgreementProgram::EnterpriseAgreement.to_string(),
            kms_hosts: vec![h],
            ..RawFleet::default()
        };
        validated_alone(raw, |f| f.kms_hosts.into_iter().next(), "KMS host")
    }
}

#[cfg(feature = "serde")]
impl TryFrom<RawMakKey> for MakKey {
    type Error = Error;

    fn try_from(k: RawMakKey) -> Result<MakKey, Error> {
        let raw = RawFleet {
            program: AgreementProgram::EnterpriseAgreement.to_string(),
            mak_keys: vec![k],
            ..RawFleet::default()
        };
        validated_alone(raw, |f| f.mak_keys.into_iter().next(), "MAK key")
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Fleet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawFleet::deserialize(d)?;
        validated(raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kb_numbers() {
        assert_eq!(parse_kb("KB3058168"), Kb::new(3_058_168));
        assert_eq!(parse_kb("kb123"), Kb::new(123));
        assert_eq!(parse_kb("KB"), None);
        assert_eq!(parse_kb("3058168"), None);
        assert_eq!(parse_kb("KB12a"), None);
        assert_eq!(parse_kb("KB0"), None);
        assert_eq!(parse_kb("KB99999999999"), None);
        // Leading zeros are refused, as `Kb` refuses them.
        assert_eq!(parse_kb("KB007"), None);
    }

    /// The streamed reader keeps a text spelled another way than its value's canonical name,
    /// so the checks see the file's text: a host whose hardware is written `Virtual` is not
    /// taken for the exact `virtual` (no nested-virtualisation warning), as before streaming.
    #[cfg(feature = "serde")]
    #[test]
    fn odd_spellings_are_kept() {
        let fleet = |hw: &str, os: &str| {
            format!(
                r#"{{"program": "select-plus", "machines": [
                    {{"name": "hv", "sku": "windows-server-2022/datacenter", "channel": "volume-gvlk", "hardware": "{hw}"}},
                    {{"name": "vm", "sku": "WINDOWS-SERVER-2022/standard", "channel": "Volume-GVLK", "hardware": "virtual", "hyperv_host": "hv"}},
                    {{"name": "o", "sku": "windows-server-2022/standard", "channel": "volume-gvlk", "hardware": "physical", "os": "{os}"}}
                ]}}"#
            )
        };
        let shown = |hw: &str, os: &str| {
            Fleet::problems_in_json(&fleet(hw, os))
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        let exact = shown("virtual", "windows-11");
        assert_eq!(exact.len(), 2, "{exact:?}");
        assert!(
            exact
                .first()
                .is_some_and(|p| p.contains("nested virtualisation")),
            "{exact:?}"
        );
        let odd = shown("Virtual", "Windows-11");
        assert_eq!(odd.len(), 1, "{odd:?}");
        assert!(
            odd.first()
                .is_some_and(|p| p.contains("only an office machine")),
            "{odd:?}"
        );
        let bad = shown("virtual", "nope");
        assert!(
            bad.iter()
                .any(|p| p.contains("\"nope\"") || p.contains("nope")),
            "{bad:?}"
        );
    }
}
