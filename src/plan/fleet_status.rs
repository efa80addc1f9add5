//! The status of a fleet read from captures: machines, their products projected, the KMS
//! hosts among them, totals, the machines that reach notification, and the actions.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, Utc};
use strum::VariantArray as _;

use crate::catalog::{Family, KmsHostKey};
use crate::inventory::capture::service_version_in;
use crate::inventory::{
    CaptureFormat, Identification, LicenseRecord, RawFields, identify, parse_capture,
};
use crate::lifecycle::LicenseStatus;
use crate::plan::projection::{Cause, Context, Fix, HostView, ProductStatus, instant, project};
use crate::plan::status_input::{CaptureInput, CollectionTime, StatusOptions};
use crate::rules::family_threshold;

/// A capture that could not be read: its label and why. The rest of the fleet is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UnreadableCapture {
    /// The capture's label.
    pub source: String,
    /// Why it could not be read.
    pub reason: String,
}

impl UnreadableCapture {
    /// A capture the caller could not read (a missing or empty file): its label and why,
    /// for the caller to add to [`FleetStatus::unreadable`] so that the report names it.
    ///
    /// ```
    /// use volume_activation::plan::{StatusOptions, UnreadableCapture, fleet_status};
    /// use volume_activation::chrono::{TimeZone, Utc};
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap();
    /// let mut status = fleet_status([], &StatusOptions::new(now));
    /// status.unreadable.push(UnreadableCapture::new("pc-9.txt", "No such file or directory"));
    /// assert!(status.to_string().contains("pc-9.txt: No such file or directory"));
    /// ```
    #[must_use]
    pub fn new(source: impl Into<String>, reason: impl Into<String>) -> UnreadableCapture {
        UnreadableCapture {
            source: source.into(),
            reason: reason.into(),
        }
    }
}

/// One machine: the captures it was read from, and its products projected.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MachineStatus {
    /// The machine's name: from the capture (`PSComputerName`, `ComputerName`), or else
    /// from the capture's label (its file name up to the first dot).
    pub name: String,
    /// The labels of the captures it was read from (those whose products are reported, and
    /// those that hold no product in use).
    pub sources: Vec<String>,
    /// Captures of the same products that another capture replaced (older, or of unknown or
    /// equal collection time), with why.
    pub superseded: Vec<String>,
    /// The products in use (records with a licence status), Windows first.
    pub products: Vec<ProductStatus>,
    /// The captures name two different Windows editions in use.
    pub contradictory: bool,
    /// What the crate noticed about the captures (lines not read, conflicts).
    pub notes: Vec<String>,
}

/// A KMS host found among the captures, and the fleet's clients that point to it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct KmsHostLoad {
    /// The host machine.
    pub machine: String,
    /// The host licence's product name as printed.
    pub product: Option<String>,
    /// Windows or Office: which count this is (Windows client and server share one).
    pub serves: Family,
    /// The host key group, when the Activation ID names it (the Office hosts).
    pub host_key: Option<KmsHostKey>,
    /// The current count it printed.
    pub current_count: Option<u32>,
    /// The fleet's products that point to this host (registered or discovered).
    pub clients: usize,
    /// Of those, how many are not licensed now.
    pub clients_not_licensed: usize,
    /// Per product family of its clients: the threshold and whether the count meets it.
    pub thresholds: Vec<ThresholdCheck>,
}

/// A host's count against one family's activation threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ThresholdCheck {
    /// The family of the clients.
    pub family: Family,
    /// Its activation threshold.
    pub threshold: u32,
    /// Whether the printed count meets it; `None` when no count was printed.
    pub met: Option<bool>,
}

impl ThresholdCheck {
    /// Whether the count meets the threshold, in the words the reports print: `met`,
    /// `NOT met`, or `count unknown` when the host printed no count.
    #[must_use]
    pub const fn verdict(&self) -> &'static str {
        match self.met {
            Some(true) => "met",
            Some(false) => "NOT met",
            None => "count unknown",
        }
    }
}

impl KmsHostLoad {
    /// Which count this is, in the words the reports print: `Office` or `Windows` (Windows
    /// client and server share one count).
    #[must_use]
    pub fn count_name(&self) -> &'static str {
        if self.serves == Family::Office {
            "Office"
        } else {
            "Windows"
        }
    }
}

/// How many products are in one state.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct StateTotal {
    /// The state (`None`: not known).
    pub state: Option<LicenseStatus>,
    /// Products in it.
    pub products: usize,
}

/// How many products have one cause.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CauseTotal {
    /// The cause.
    pub cause: Cause,
    /// Products with it.
    pub products: usize,
}

/// A product that is in notification, or reaches it by the horizon if nothing changes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Upcoming {
    /// The machine.
    pub machine: String,
    /// The product name as printed.
    pub product: Option<String>,
    /// When (`None`: in notification or unlicensed since an unknown instant).
    pub at: Option<DateTime<Utc>>,
    /// Why.
    pub cause: Option<Cause>,
}

/// One action and the machines it helps, ranked by how many.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct StatusAction {
    /// The cause it addresses.
    pub cause: Cause,
    /// What to do.
    pub fix: Fix,
    /// The machines (each once, in report order).
    pub machines: Vec<String>,
}

/// The status of a fleet read from captures: built by [`fleet_status`].
///
/// `Display` writes the text report; serde writes the same content as JSON (field names are
/// stable).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FleetStatus {
    /// The instant of the report.
    pub now: DateTime<Utc>,
    /// The horizon.
    pub horizon: DateTime<Utc>,
    /// The machines, in the order their first capture was given.
    pub machines: Vec<MachineStatus>,
    /// Captures that could not be read.
    pub unreadable: Vec<UnreadableCapture>,
    /// Products per state now (known states in [`LicenseStatus`] order, then unknown).
    pub totals_now: Vec<StateTotal>,
    /// Products per state at the horizon.
    pub totals_at_horizon: Vec<StateTotal>,
    /// Products per cause, most first.
    pub by_cause: Vec<CauseTotal>,
    /// Products in notification or reaching it by the horizon, by date (unknown dates last).
    pub upcoming: Vec<Upcoming>,
    /// The KMS hosts among the captures.
    pub kms_hosts: Vec<KmsHostLoad>,
    /// The actions, ranked by machines affected.
    pub actions: Vec<StatusAction>,
}

/// One capture's records for one machine.
struct Part {
    label: String,
    time: CollectionTime,
    records: Vec<LicenseRecord>,
    service_version: Option<String>,
}

struct MachineAcc {
    name: String,
    parts: Vec<Part>,
    notes: Vec<String>,
}

const NAME_FIELDS: [&str; 4] = ["PSComputerName", "ComputerName", "__SERVER", "CSName"];

fn machine_name(r: &LicenseRecord) -> Option<&str> {
    NAME_FIELDS
        .iter()
        .find_map(|k| r.field(k))
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

/// The file name of a label up to its first dot (`captures/pc-001.dlv.txt` -> `pc-001`).
fn name_from_label(label: &str) -> String {
    let file = label.rsplit(['/', '\\']).next().unwrap_or(label);
    let stem = file.split('.').next().unwrap_or(file);
    if stem.is_empty() {
        label.to_owned()
    } else {
        stem.to_owned()
    }
}

/// The host part of a KMS host name as printed (`kms01.corp.example:1688` -> `kms01`).
fn short(name: &str) -> String {
    let n = name.trim();
    let n = n.split(':').next().unwrap_or(n);
    n.split('.').next().unwrap_or(n).to_ascii_lowercase()
}

/// Reads captures of many machines and reports the fleet's licence status at `now` and at the
/// horizon ([`StatusOptions`]).
///
/// Each [`CaptureInput`] is decoded, its format detected when not given, and parsed
/// ([`parse_capture`]); one that cannot be read is listed in
/// [`unreadable`](FleetStatus::unreadable) with its label and the reason, and the rest is
/// reported. Records are grouped into machines by the name the capture prints
/// (`PSComputerName`, `ComputerName`) or else the label's file name: one JSON document can
/// hold many machines, and one machine can be several captures (`slmgr /dlv` and `ospp
/// /dstatus`). When two captures of a machine describe the same product (Windows, or one
/// Office release), the newer wins and the older is listed in
/// [`superseded`](MachineStatus::superseded); with an unknown collection time the order is
/// unknown and the capture with a known time is kept. Two Windows editions in use are
/// reported as [`contradictory`](MachineStatus::contradictory).
///
/// Each product is identified ([`identify`]), projected with the lifecycle rules
/// ([`Lifecycle::observed`](crate::lifecycle::Lifecycle::observed)) from its collection
/// time, checked against the KMS host it points to when that host is in the fleet (its count
/// against the client's threshold, its host key when known), and given a [`Cause`] and a
/// [`Fix`] when it is not licensed now or at the horizon.
///
/// Linear in the input; never fails and never reads the clock.
///
/// ```
/// use volume_activation::chrono::{TimeZone, Utc};
/// use volume_activation::lifecycle::LicenseStatus;
/// use volume_activation::plan::{CaptureInput, Cause, StatusOptions, fleet_status};
///
/// let t = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
/// let pc = b"Name: Windows(R), Enterprise edition\n\
/// Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n\
/// License Status: Initial grace period\n\
/// Time remaining: 14400 minute(s) (10 day(s))\n";
/// let inputs = [CaptureInput::new("pc-001.txt", pc).collected_at(t)];
/// let status = fleet_status(inputs, &StatusOptions::new(t).horizon_days(30));
/// let p = &status.machines[0].products[0];
/// assert_eq!(status.machines[0].name, "pc-001");
/// assert_eq!(p.now, Some(LicenseStatus::OobGrace));
/// assert_eq!(p.at_horizon, Some(LicenseStatus::Notification));
/// assert_eq!(p.cause, Some(Cause::NoKmsHost));
/// assert!(status.to_string().contains("pc-001"));
/// ```
pub fn fleet_status<'a>(
    inputs: impl IntoIterator<Item = CaptureInput<'a>>,
    options: &StatusOptions,
) -> FleetStatus {
    let mut unreadable = Vec::new();
    let mut machines: Vec<MachineAcc> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for input in inputs {
        let text = crate::inventory::decode_capture(input.bytes);
        let Some(format) = input.format.or_else(|| CaptureFormat::detect(&text)) else {
            unreadable.push(UnreadableCapture {
                source: input.label.to_owned(),
                reason: "not output of a tool the crate reads (slmgr /dlv, /dli, /xpr, ospp /dstatus, WMI or OSLicense list or JSON)".to_owned(),
            });
            continue;
        };
        let capture = match parse_capture(format, &text, &options.parse) {
            Ok(c) => c,
            Err(e) => {
                unreadable.push(UnreadableCapture {
                    source: input.label.to_owned(),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let preamble_version = service_version_in(capture.preamble.iter()).map(str::to_owned);
        let warnings = capture.warnings.len();
        let first_warning = capture.warnings.first().map(|w| w.message.clone());
        let cut = capture.partial.is_some();
        // Records per machine name, in order of first appearance.
        let mut groups: Vec<(String, Vec<LicenseRecord>)> = Vec::new();
        let fallback = name_from_label(input.label);
        let mut versions: Vec<(String, String)> = Vec::new();
        for mut r in capture.records.into_iter().chain(capture.partial) {
            let name = machine_name(&r).map_or_else(|| fallback.clone(), str::to_owned);
            if let Some(v) = service_version_in(r.fields.iter()) {
                versions.push((name.to_ascii_lowercase(), v.to_owned()));
            }
            // Only products in use are reported; their printed lines are not kept (memory
            // stays proportional to the products, not to the text).
            let i = match groups
                .iter()
                .position(|(n, _)| n.eq_ignore_ascii_case(&name))
            {
                Some(i) => i,
                None => {
                    groups.push((name, Vec::new()));
                    groups.len().saturating_sub(1)
                }
            };
            if r.status.is_some() {
                r.fields = RawFields::new();
                if let Some((_, rs)) = groups.get_mut(i) {
                    rs.push(r);
                }
            }
        }
        for (name, records) in groups {
            let time = match (input.collected_at, input.modified_at) {
                (Some(at), _) => CollectionTime::Given { at },
                (None, modified) => records
                    .iter()
                    .filter_map(|r| r.trusted_time)
                    .find_map(|t| instant(t, options.local_offset_minutes))
                    .map(|at| CollectionTime::Capture { at })
                    .or(input
                        .collected_at_unless_printed
                        .map(|at| CollectionTime::Given { at }))
                    .or(modified.map(|at| CollectionTime::FileModified { at }))
                    .unwrap_or(CollectionTime::Unknown),
            };
            let lower = name.to_ascii_lowercase();
            let service_version = versions
                .iter()
                .find(|(n, _)| *n == lower)
                .map(|(_, v)| v.clone())
                .or_else(|| preamble_version.clone());
            let key = name.to_ascii_lowercase();
            let i = *index.entry(key).or_insert_with(|| {
                machines.push(MachineAcc {
                    name: name.clone(),
                    parts: Vec::new(),
                    notes: Vec::new(),
                });
                machines.len().saturating_sub(1)
            });
            if let Some(m) = machines.get_mut(i) {
                if warnings > 0 {
                    m.notes.push(format!(
                        "{}: {warnings} line(s) not read{}",
                        input.label,
                        first_warning
                            .as_deref()
                            .map(|w| format!(" (first: {w})"))
                            .unwrap_or_default()
                    ));
                }
                if cut {
                    m.notes.push(format!(
                        "{}: the capture is cut off; its last product is incomplete",
                        input.label
                    ));
                }
                m.parts.push(Part {
                    label: input.label.to_owned(),
                    time,
                    records,
                    service_version,
                });
            }
        }
    }
    build(machines, unreadable, options)
}

/// The slot a product fills on a machine: Windows, or one Office release (by name when the
/// release is unknown). A newer capture's product replaces an older one's in the same slot.
fn slot(r: &LicenseRecord, id: &Identification) -> String {
    let family = id.family().or(r.recognized.family()).or_else(|| {
        r.application_id
            .and_then(|a| a.is_office().then_some(Family::Office))
    });
    if family == Some(Family::Office) || id.kms_host_key().is_some_and(KmsHostKey::is_office_key) {
        let release = id
            .sku()
            .map(|s| s.release().to_string())
            .or(r.recognized.release().map(|x| x.to_string()))
            .or(id.kms_host_key().map(|k| k.release().to_string()))
            .unwrap_or_else(|| r.name.clone().unwrap_or_default());
        format!("office:{release}")
    } else {
        "windows".to_owned()
    }
}

struct Resolved {
    name: String,
    sources: Vec<String>,
    superseded: Vec<String>,
    notes: Vec<String>,
    products: Vec<(LicenseRecord, Identification, CollectionTime, String)>,
}

/// A slot, the part that fills it, and its products.
type Slot = (String, usize, Vec<(LicenseRecord, Identification)>);

fn resolve(m: MachineAcc) -> Resolved {
    let notes = m.notes;
    let mut superseded = Vec::new();
    // (slot, part index) of the product kept in each slot.
    let mut kept: Vec<Slot> = Vec::new();
    let times: Vec<(String, CollectionTime)> =
        m.parts.iter().map(|p| (p.label.clone(), p.time)).collect();
    let mut empty: Vec<usize> = Vec::new();
    for (pi, part) in m.parts.into_iter().enumerate() {
        if part.records.is_empty() {
            empty.push(pi);
        }
        let version = part.service_version.as_deref();
        for r in part.records {
            if r.status.is_none() {
                continue;
            }
            let id = identify(&r, version);
            let s = slot(&r, &id);
            match kept.iter_mut().find(|(k, _, _)| *k == s) {
                None => kept.push((s, pi, vec![(r, id)])),
                Some((_, owner, list)) if *owner == pi => list.push((r, id)),
                Some((_, owner, list)) => {
                    let old = times.get(*owner).cloned();
                    let new = times.get(pi).cloned();
                    let (Some((old_label, old_t)), Some((new_label, new_t))) = (old, new) else {
                        continue;
                    };
                    let what = if s == "windows" {
                        "Windows".to_owned()
                    } else {
                        s.trim_start_matches("office:").to_owned()
                    };
                    match (old_t.at(), new_t.at()) {
                        (Some(a), Some(b)) if b > a => {
                            superseded.push(format!(
                                "{old_label} ({what}): replaced by the newer {new_label}"
                            ));
                            *owner = pi;
                            *list = vec![(r, id)];
                        }
                        (Some(a), Some(b)) if b < a => {
                            superseded.push(format!(
                                "{new_label} ({what}): replaced by the newer {old_label}"
                            ));
                        }
                        (Some(_), Some(_)) => {
                            superseded.push(format!("{new_label} ({what}): collected at the same time as {old_label}, which is used"));
                        }
                        (Some(_), None) => {
                            superseded.push(format!("{new_label} ({what}): its collection time is unknown; {old_label} is used"));
                        }
                        (None, Some(_)) => {
                            superseded.push(format!("{old_label} ({what}): its collection time is unknown; {new_label} is used"));
                            *owner = pi;
                            *list = vec![(r, id)];
                        }
                        (None, None) => {
                            superseded.push(format!("{new_label} ({what}): neither its collection time nor that of {old_label} is known; {old_label} is used"));
                        }
                    }
                }
            }
        }
    }
    let mut sources: Vec<String> = Vec::new();
    let mut products = Vec::new();
    // A capture of the machine that holds no product in use is still what it was read from.
    for pi in empty {
        if let Some((label, _)) = times.get(pi) {
            if !sources.contains(label) {
                sources.push(label.clone());
            }
        }
    }
    for (s, owner, list) in kept {
        if let Some((label, time)) = times.get(owner) {
            if !sources.contains(label) {
                sources.push(label.clone());
            }
            for (r, id) in list {
                products.push((r, id, *time, s.clone()));
            }
        }
    }
    // Windows first.
    products.sort_by_key(|p| p.3 != "windows");
    Resolved {
        name: m.name,
        sources,
        superseded,
        notes,
        products,
    }
}

/// A KMS host record found on a machine.
struct Host {
    machine: usize,
    office: bool,
    product: Option<String>,
    key: Option<KmsHostKey>,
    count: Option<u32>,
}

fn build(
    accs: Vec<MachineAcc>,
    unreadable: Vec<UnreadableCapture>,
    options: &StatusOptions,
) -> FleetStatus {
    let resolved: Vec<Resolved> = accs.into_iter().map(resolve).collect();
    // KMS hosts among the captures, by the host part of their name.
    let mut hosts: Vec<Host> = Vec::new();
    let mut host_index: HashMap<String, Vec<usize>> = HashMap::new();
    for (mi, m) in resolved.iter().enumerate() {
        for (r, id, _, s) in &m.products {
            if let Some(h) = &r.kms_host {
                host_index
                    .entry(short(&m.name))
                    .or_default()
                    .push(hosts.len());
                hosts.push(Host {
                    machine: mi,
                    office: s != "windows",
                    product: r.name.clone(),
                    key: id.kms_host_key(),
                    count: h.current_count,
                });
            }
        }
    }
    let ctx = Context {
        now: options.now,
        horizon: options.horizon,
        offset_minutes: options.local_offset_minutes,
    };
    let mut clients: Vec<(usize, usize, bool, Option<Family>)> = Vec::new(); // (host, machine, licensed now, family)
    let mut machines = Vec::with_capacity(resolved.len());
    for (mi, m) in resolved.into_iter().enumerate() {
        let windows_skus: Vec<String> = m
            .products
            .iter()
            .filter(|p| p.3 == "windows")
            .map(|p| {
                p.1.sku()
                    .map(|s| s.to_string())
                    .or(p.0.name.clone())
                    .unwrap_or_default()
            })
            .collect();
        let contradictory = windows_skus
            .iter()
            .any(|a| windows_skus.iter().any(|b| a != b));
        let mut notes = m.notes;
        if contradictory {
            notes.push(format!(
                "contradictory: two Windows editions in use ({})",
                windows_skus.join(", ")
            ));
        }
        let mut products = Vec::with_capacity(m.products.len());
        for (r, id, time, s) in m.products {
            let office = s != "windows";
            let target = r.kms_client.as_ref().and_then(|k| {
                k.registered_host
                    .as_deref()
                    .or(k.discovered_host.as_deref())
                    .map(short)
            });
            let host = target
                .as_ref()
                .and_then(|t| host_index.get(t))
                .and_then(|list| {
                    list.iter().copied().find(|&h| {
                        hosts
                            .get(h)
                            .is_some_and(|x| x.office == office && x.machine != mi)
                    })
                });
            let view = host.and_then(|h| hosts.get(h)).map(|h| HostView {
                count: h.count,
                key: h.key,
            });
            let family = id.family();
            let p = project(&r, id, time, view, &ctx);
            if let Some(h) = host {
                clients.push((h, mi, p.now == Some(LicenseStatus::Licensed), family));
            }
            products.push(p);
        }
        machines.push(MachineStatus {
            name: m.name,
            sources: m.sources,
            superseded: m.superseded,
            products,
            contradictory,
            notes,
        });
    }
    let kms_hosts = hosts
        .iter()
        .enumerate()
        .map(|(hi, h)| {
            let mine: Vec<&(usize, usize, bool, Option<Family>)> =
                clients.iter().filter(|c| c.0 == hi).collect();
            let mut families: Vec<Family> = mine.iter().filter_map(|c| c.3).collect();
            families.sort_by_key(|f| *f as u8);
            families.dedup();
            KmsHostLoad {
                machine: machines
                    .get(h.machine)
                    .map(|m| m.name.clone())
                    .unwrap_or_default(),
                product: h.product.clone(),
                serves: if h.office {
                    Family::Office
                } else {
                    Family::Client
                },
                host_key: h.key,
                current_count: h.count,
                clients: mine.len(),
                clients_not_licensed: mine.iter().filter(|c| !c.2).count(),
                thresholds: families
                    .into_iter()
                    .map(|f| {
                        let threshold = family_threshold(f);
                        ThresholdCheck {
                            family: f,
                            threshold,
                            met: h.count.map(|n| n >= threshold),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    summarise(machines, unreadable, kms_hosts, options)
}

fn totals(
    machines: &[MachineStatus],
    pick: fn(&ProductStatus) -> Option<LicenseStatus>,
) -> Vec<StateTotal> {
    let mut counts = [0usize; 8];
    for p in machines.iter().flat_map(|m| m.products.iter()) {
        let i = pick(p).map_or(7, |s| s as usize);
        if let Some(c) = counts.get_mut(i) {
            *c = c.saturating_add(1);
        }
    }
    LicenseStatus::VARIANTS
        .iter()
        .map(|&s| Some(s))
        .chain([None])
        .filter_map(|s| {
            let n = counts
                .get(s.map_or(7, |s| s as usize))
                .copied()
                .unwrap_or(0);
            (n > 0).then_some(StateTotal {
                state: s,
                products: n,
            })
        })
        .collect()
}

fn summarise(
    machines: Vec<MachineStatus>,
    unreadable: Vec<UnreadableCapture>,
    kms_hosts: Vec<KmsHostLoad>,
    options: &StatusOptions,
) -> FleetStatus {
    let totals_now = totals(&machines, |p| p.now);
    let totals_at_horizon = totals(&machines, |p| p.at_horizon);
    let mut by_cause: Vec<CauseTotal> = Vec::new();
    let mut actions: Vec<StatusAction> = Vec::new();
    let mut upcoming = Vec::new();
    for m in &machines {
        for p in &m.products {
            let out_now = p.now.is_some_and(|s| {
                matches!(s, LicenseStatus::Notification | LicenseStatus::Unlicensed)
            });
            let soon = p.notification_at.is_some_and(|t| t <= options.horizon);
            if out_now || soon {
                upcoming.push(Upcoming {
                    machine: m.name.clone(),
                    product: p.name.clone(),
                    at: p.notification_at,
                    cause: p.cause,
                });
            }
            let (Some(cause), Some(fix)) = (p.cause, p.fix.as_ref()) else {
                continue;
            };
            match by_cause.iter_mut().find(|c| c.cause == cause) {
                Some(c) => c.products = c.products.saturating_add(1),
                None => by_cause.push(CauseTotal { cause, products: 1 }),
            }
            match actions
                .iter_mut()
                .find(|a| a.cause == cause && a.fix == *fix)
            {
                Some(a) => {
                    if a.machines.last() != Some(&m.name) {
                        a.machines.push(m.name.clone());
                    }
                }
                None => actions.push(StatusAction {
                    cause,
                    fix: fix.clone(),
                    machines: vec![m.name.clone()],
                }),
            }
        }
    }
    by_cause.sort_by(|a, b| {
        b.products
            .cmp(&a.products)
            .then((a.cause as u8).cmp(&(b.cause as u8)))
    });
    actions.sort_by(|a, b| {
        b.machines
            .len()
            .cmp(&a.machines.len())
            .then((a.cause as u8).cmp(&(b.cause as u8)))
    });
    upcoming.sort_by(|a, b| {
        (a.at.is_none(), a.at, &a.machine).cmp(&(b.at.is_none(), b.at, &b.machine))
    });
    FleetStatus {
        now: options.now,
        horizon: options.horizon,
        machines,
        unreadable,
        totals_now,
        totals_at_horizon,
        by_cause,
        upcoming,
        kms_hosts,
        actions,
    }
}

impl FleetStatus {
    /// Products per state now and at the horizon side by side, as the reports print them:
    /// `(state, now, at the horizon)`, one row per state in either total (known states in
    /// [`LicenseStatus`] order, then unknown), 0 where a total lacks the state.
    ///
    /// ```
    /// use volume_activation::chrono::{TimeZone, Utc};
    /// use volume_activation::lifecycle::LicenseStatus;
    /// use volume_activation::plan::{CaptureInput, StatusOptions, fleet_status};
    ///
    /// let t = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    /// let pc = b"Name: Windows(R), Enterprise edition\n\
    /// Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n\
    /// License Status: Initial grace period\n\
    /// Time remaining: 14400 minute(s) (10 day(s))\n";
    /// let inputs = [CaptureInput::new("pc-001.txt", pc).collected_at(t)];
    /// let status = fleet_status(inputs, &StatusOptions::new(t).horizon_days(30));
    /// assert_eq!(
    ///     status.totals_by_state(),
    ///     [
    ///         (Some(LicenseStatus::OobGrace), 1, 0),
    ///         (Some(LicenseStatus::Notification), 0, 1),
    ///     ]
    /// );
    /// ```
    #[must_use]
    pub fn totals_by_state(&self) -> Vec<(Option<LicenseStatus>, usize, usize)> {
        let mut states: Vec<Option<LicenseStatus>> = self
            .totals_now
            .iter()
            .chain(&self.totals_at_horizon)
            .map(|t| t.state)
            .collect();
        states.sort_by_key(|s| s.map_or(u8::MAX, |s| s as u8));
        states.dedup();
        let count =
            |list: &[StateTotal], s| list.iter().find(|t| t.state == s).map_or(0, |t| t.products);
        states
            .into_iter()
            .map(|s| {
                (
                    s,
                    count(&self.totals_now, s),
                    count(&self.totals_at_horizon, s),
                )
            })
            .collect()
    }
}

fn state_name(s: Option<LicenseStatus>) -> &'static str {
    s.map_or("unknown", <&'static str>::from)
}

fn day(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

impl fmt::Display for FleetStatus {
    /// The text report: totals, the machines that reach notification by date, the KMS hosts,
    /// the actions ranked, every machine with its state, date and cause, and the unreadable
    /// captures.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::plan::report::table;
        let products: usize = self.machines.iter().map(|m| m.products.len()).sum();
        writeln!(
            f,
            "Fleet licence status at {} (horizon {}; {} machines, {} products, {} unreadable captures)",
            day(self.now),
            day(self.horizon),
            self.machines.len(),
            products,
            self.unreadable.len()
        )?;
        writeln!(f)?;
        writeln!(f, "Products by state")?;
        let rows: Vec<Vec<String>> = self
            .totals_by_state()
            .into_iter()
            .map(|(s, now, at_horizon)| {
                vec![
                    state_name(s).to_owned(),
                    now.to_string(),
                    at_horizon.to_string(),
                ]
            })
            .collect();
        table(f, &["state", "now", "at horizon"], &rows)?;
        if !self.by_cause.is_empty() {
            writeln!(f)?;
            writeln!(f, "Products by cause")?;
            let rows: Vec<Vec<String>> = self
                .by_cause
                .iter()
                .map(|c| vec![c.cause.name().to_owned(), c.products.to_string()])
                .collect();
            table(f, &["cause", "products"], &rows)?;
        }
        writeln!(f)?;
        writeln!(f, "In notification or reaching it by the horizon")?;
        if self.upcoming.is_empty() {
            writeln!(f, "  (none)")?;
        } else {
            let rows: Vec<Vec<String>> = self
                .upcoming
                .iter()
                .map(|u| {
                    vec![
                        u.at.map_or_else(|| "unknown".to_owned(), day),
                        u.machine.clone(),
                        u.product.clone().unwrap_or_default(),
                        u.cause.map_or("-", Cause::name).to_owned(),
                    ]
                })
                .collect();
            table(f, &["date", "machine", "product", "cause"], &rows)?;
        }
        writeln!(f)?;
        writeln!(f, "KMS hosts")?;
        if self.kms_hosts.is_empty() {
            writeln!(f, "  (none among the captures)")?;
        } else {
            let rows: Vec<Vec<String>> = self
                .kms_hosts
                .iter()
                .map(|h| {
                    let th: Vec<String> = h
                        .thresholds
                        .iter()
                        .map(|t| format!("{} {} ({})", t.family.name(), t.threshold, t.verdict()))
                        .collect();
                    vec![
                        h.machine.clone(),
                        h.count_name().to_owned(),
                        h.host_key.map_or("-", KmsHostKey::name).to_owned(),
                        h.current_count
                            .map_or_else(|| "-".to_owned(), |n| n.to_string()),
                        h.clients.to_string(),
                        h.clients_not_licensed.to_string(),
                        if th.is_empty() {
                            "-".to_owned()
                        } else {
                            th.join(", ")
                        },
                    ]
                })
                .collect();
            table(
                f,
                &[
                    "host",
                    "serves",
                    "host key",
                    "count",
                    "clients",
                    "not licensed",
                    "thresholds",
                ],
                &rows,
            )?;
        }
        writeln!(f)?;
        writeln!(f, "Actions (by machines affected)")?;
        if self.actions.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for (i, a) in self.actions.iter().enumerate() {
            writeln!(
                f,
                "  {}. {} ({} machine{}): {}",
                i.saturating_add(1),
                a.cause.name(),
                a.machines.len(),
                if a.machines.len() == 1 { "" } else { "s" },
                a.fix.text
            )?;
            if let Some(code) = &a.fix.code {
                write!(f, "     [{code}]")?;
            } else {
                write!(f, "    ")?;
            }
            writeln!(f, " {}", a.fix.sources.first().map_or("", String::as_str))?;
            writeln!(f, "     machines: {}", a.machines.join(", "))?;
        }
        writeln!(f)?;
        writeln!(f, "Machines")?;
        for m in &self.machines {
            writeln!(f, "  {} (from {})", m.name, m.sources.join(", "))?;
            for p in &m.products {
                writeln!(
                    f,
                    "    - {}: {} now, {} at horizon; collected {}{}{}",
                    p.report_name(),
                    state_name(p.now),
                    state_name(p.at_horizon),
                    p.collected.at().map_or_else(
                        || "at an unknown time".to_owned(),
                        |t| format!("{} ({})", day(t), p.collected.basis())
                    ),
                    p.notification_at
                        .map(|t| format!("; notification {}", day(t)))
                        .unwrap_or_default(),
                    p.cause
                        .map(|c| format!("; cause: {}", c.name()))
                        .unwrap_or_default(),
                )?;
                if p.identification.sku().is_none() && p.identification.kms_host_key().is_none() {
                    writeln!(f, "      identification: {}", p.identification)?;
                }
                for n in &p.notes {
                    writeln!(f, "      note: {n}")?;
                }
            }
            for s in &m.superseded {
                writeln!(f, "    superseded: {s}")?;
            }
            for n in &m.notes {
                writeln!(f, "    note: {n}")?;
            }
        }
        if !self.unreadable.is_empty() {
            writeln!(f)?;
            writeln!(f, "Unreadable captures")?;
            for u in &self.unreadable {
                writeln!(f, "  {}: {}", u.source, u.reason)?;
            }
        }
        Ok(())
    }
}
