//! The planner: a method per machine, KMS projections per host, MAK accounting, risks and
//! actions, from a [`Fleet`] at an instant.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};

use crate::catalog::{
    AgreementProgram, Channel, ClientMachineId, Family, KmsHostKey, Release, Sku,
};
use crate::lifecycle::{LicenseStatus, Lifecycle};
use crate::plan::action::Action;
use crate::plan::decide;
use crate::plan::fast_hash::FastMap;
use crate::plan::fleet::{Fleet, FleetProblem, Hardware, Machine};
use crate::plan::host_plan::{ClassProjection, Covered, HostFix, HostPlan, Uncovered};
use crate::plan::machine_plan::MachinePlan;
use crate::plan::mak_plan::{MakPlan, MissingMak};
use crate::plan::method::{ProductClass, RecommendedMethod};
use crate::plan::reason::Reason;
use crate::plan::reason_lists::{Addition, ReasonLists};
use crate::plan::risk::{Risk, RiskCause};
use crate::rules::{
    Denial, FaqAdvice, KmsApplication, KmsCounter, MakBalance, MakMachine, faq_advice_for_pc_count,
    faq_advice_for_virtual_machines,
};

/// The horizon [`plan`] looks ahead for risks: 90 days. A planning default of this crate, not
/// a Microsoft figure; choose another with [`plan_with_horizon`].
pub const DEFAULT_RISK_HORIZON_DAYS: u32 = 90;

/// A fleet's activation plan at an instant: a method per machine with its reasons, the
/// projection of every KMS host, MAK accounting, risks and the actions to take.
///
/// Build it with [`plan`]; print it with `Display` (a text report: summary, KMS hosts, methods,
/// MAKs, risks, actions, problems); with the `serde` feature it serialises to JSON and back.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Plan {
    pub(crate) at: DateTime<Utc>,
    pub(crate) horizon_days: u32,
    pub(crate) program: AgreementProgram,
    pub(crate) pcs: u32,
    pub(crate) machines: Vec<MachinePlan>,
    pub(crate) kms_hosts: Vec<HostPlan>,
    pub(crate) mak_keys: Vec<MakPlan>,
    pub(crate) missing_mak: Vec<MissingMak>,
    pub(crate) risks: Vec<Risk>,
    pub(crate) actions: Vec<Action>,
    pub(crate) problems: Vec<FleetProblem>,
}

impl Plan {
    /// The instant the plan is made for.
    #[must_use]
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The risk horizon in days.
    #[must_use]
    pub fn horizon_days(&self) -> u32 {
        self.horizon_days
    }

    /// The fleet's agreement program.
    #[must_use]
    pub fn program(&self) -> AgreementProgram {
        self.program
    }

    /// The fleet's PCs: its Windows machines (client and server, physical and virtual).
    #[must_use]
    pub fn pcs(&self) -> u32 {
        self.pcs
    }

    /// Every machine's plan, in fleet order (none is dropped).
    #[must_use]
    pub fn machines(&self) -> &[MachinePlan] {
        &self.machines
    }

    /// The plan of the machine named `name` (ASCII case-insensitively).
    #[must_use]
    pub fn machine(&self, name: &str) -> Option<&MachinePlan> {
        self.machines
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(name))
    }

    /// How many machines the plan gives `method`.
    #[must_use]
    pub fn count(&self, method: RecommendedMethod) -> u32 {
        self.machines
            .iter()
            .filter(|m| m.method == method)
            .fold(0u32, |n, _| n.saturating_add(1))
    }

    /// The KMS hosts, in fleet order.
    #[must_use]
    pub fn kms_hosts(&self) -> &[HostPlan] {
        &self.kms_hosts
    }

    /// The KMS host named `name`.
    #[must_use]
    pub fn kms_host(&self, name: &str) -> Option<&HostPlan> {
        self.kms_hosts
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
    }

    /// The MAKs, in fleet order.
    #[must_use]
    pub fn mak_keys(&self) -> &[MakPlan] {
        &self.mak_keys
    }

    /// MAK machines whose product no MAK of the fleet activates, per product.
    #[must_use]
    pub fn missing_mak(&self) -> &[MissingMak] {
        &self.missing_mak
    }

    /// Machines reaching notification within the horizon, earliest first (then by machine
    /// name).
    #[must_use]
    pub fn risks(&self) -> &[Risk] {
        &self.risks
    }

    /// The actions to take, in the order to take them.
    #[must_use]
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// The fleet's problems (warnings), carried into the plan.
    #[must_use]
    pub fn problems(&self) -> &[FleetProblem] {
        &self.problems
    }
}

/// Plans `fleet` at `at`, looking [`DEFAULT_RISK_HORIZON_DAYS`] ahead for risks.
///
/// For each machine, in this order (the first that applies is recommended, the earlier ones
/// that do not apply leave their reason):
/// 1. a channel outside volume activation (retail, OEM, evaluation, subscription, KMS host
///    key) stays outside it;
/// 2. ADBA where the machine's domain and product allow it (the rules layer decides);
/// 3. AVMA for a virtual machine whose Hyper-V host (a machine of the fleet) is Windows
///    Server Datacenter and covers the guest (the rules layer decides);
/// 4. with fewer than 50 PCs in the fleet, MAK with VAMT (the FAQ's advice);
/// 5. KMS when a host that serves the machine's site covers it (the first in fleet order)
///    and that host's projected count reaches the machine's threshold once the rollout is
///    online (virtual machines note the FAQ's "KMS is preferred");
/// 6. otherwise MAK: by proxy through VAMT at a site with fewer than 50 PCs (the FAQ's
///    advice), independent elsewhere.
///
/// A KMS host's projected count is fed, through the count model ([`KmsCounter`]), by the
/// machines the plan gives that host: machines it denies, and machines on ADBA, AVMA or MAK,
/// are not counted (Microsoft counts "valid systems that have tried to activate"; whether a
/// denied request counts is not documented, so the plan does not rely on it). Clients that
/// never reach their threshold move to MAK and stop counting.
///
/// Machines in no rollout wave are online from `at`; a wave dated before `at` counts from
/// `at`. Machines marked `activated` are not at risk. Pure (time is the argument) and linear
/// in the fleet.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use volume_activation::{Channel, Fleet, plan};
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::plan::{Hardware, MachineSpec, RecommendedMethod};
///
/// let fleet = Fleet::builder(AgreementProgram::EnterpriseAgreement)
///     .machine(MachineSpec::new("pc-1", "windows-11/pro".parse()?, Channel::Retail, Hardware::Physical))
///     .build()?;
/// let p = plan(&fleet, Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
/// assert_eq!(p.count(RecommendedMethod::OutsideVolumeActivation), 1);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn plan(fleet: &Fleet, at: DateTime<Utc>) -> Plan {
    plan_with_horizon(fleet, at, DEFAULT_RISK_HORIZON_DAYS)
}

/// Planning from the fleet.
impl Fleet {
    /// The fleet's activation plan at `at`; the same as [`plan`].
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use volume_activation::{Channel, Fleet};
    /// use volume_activation::catalog::AgreementProgram;
    /// use volume_activation::plan::{Hardware, MachineSpec, RecommendedMethod};
    ///
    /// let fleet = Fleet::builder(AgreementProgram::EnterpriseAgreement)
    ///     .machine(MachineSpec::new("pc-1", "windows-11/pro".parse()?, Channel::Retail, Hardware::Physical))
    ///     .build()?;
    /// let p = fleet.plan(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    /// assert_eq!(p.count(RecommendedMethod::OutsideVolumeActivation), 1);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn plan(&self, at: DateTime<Utc>) -> Plan {
        plan(self, at)
    }

    /// The fleet's activation plan at `at` with a risk horizon of `horizon_days`; the same as
    /// [`plan_with_horizon`].
    #[must_use]
    pub fn plan_with_horizon(&self, at: DateTime<Utc>, horizon_days: u32) -> Plan {
        plan_with_horizon(self, at, horizon_days)
    }
}

/// [`plan`] with a risk horizon of `horizon_days`.
#[must_use]
pub fn plan_with_horizon(fleet: &Fleet, at: DateTime<Utc>, horizon_days: u32) -> Plan {
    Planner::new(fleet, at, horizon_days).run()
}

/// Arrivals of one host, sparse: rollout slot -> machines per class, only the slots with
/// arrivals (a dense slot x host table grew as hosts x waves).
type Arrivals = BTreeMap<usize, [u32; 3]>;

/// Adds `n` arrivals of `class` at rollout slot `slot` to host `host`'s arrivals.
fn bump(rows: &mut [Arrivals], host: usize, slot: usize, class: ProductClass, n: u32) {
    if let Some(cell) = rows
        .get_mut(host)
        .and_then(|h| h.entry(slot).or_insert([0; 3]).get_mut(class.index()))
    {
        *cell = cell.saturating_add(n);
    }
}

/// A sort key for SKUs: release then edition IDs.
pub(crate) trait SkuKey {
    fn as_str_pair(&self) -> (&'static str, &'static str);
}

impl SkuKey for Sku {
    fn as_str_pair(&self) -> (&'static str, &'static str) {
        (self.release().into(), self.edition().into())
    }
}

/// A machine's pending KMS assignment: the host and the product class.
#[derive(Clone, Copy)]
struct KmsSlot {
    host: usize,
    class: ProductClass,
}

/// What the planner decides for a machine, but for its MAK and its risk, depends only on these
/// properties (the shared texts by identity: see [`Machine::shared_ids`]), so it is decided
/// once per distinct profile and counted per machine.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Profile {
    sku: Sku,
    channel: Channel,
    hardware: Hardware,
    os: Option<Release>,
    /// Hyper-V host, domain and site.
    shared: [usize; 3],
}

impl Profile {
    fn of(m: &Machine) -> Profile {
        Profile {
            sku: m.sku(),
            channel: m.channel(),
            hardware: m.hardware(),
            os: m.os(),
            shared: m.shared_ids(),
        }
    }

    fn site(&self) -> usize {
        let [_, _, site] = self.shared;
        site
    }
}

/// The decisions for one profile and how many machines have it.
struct Decided<'f> {
    profile: Profile,
    /// The site text (of the profile's first machine: the same text for all).
    site: Option<&'f str>,
    /// The method: provisional after the first pass, final but for the MAK method after the
    /// second.
    method: RecommendedMethod,
    /// The KMS host that covers the profile (first pass).
    kms: Option<KmsSlot>,
    /// The reason list (see [`ReasonLists`]).
    list: usize,
    /// The KMS hosts that refused the profile, and why.
    denied: Vec<(usize, Denial)>,
    /// The Active Directory activation object it needs (a position in the list of them).
    adba_object: Option<usize>,
    /// Its machines.
    machines: u32,
    /// Its KMS host and when that host reaches its threshold (second pass, for KMS).
    kms_reached: Option<(usize, DateTime<Utc>)>,
    /// Windows machines at its site (all profiles' machines counted).
    site_pcs: u32,
    /// Its group of machines whose site no KMS host serves, once looked up (`Some(None)`: none).
    no_site_group: Option<Option<usize>>,
}

struct Planner<'f> {
    fleet: &'f Fleet,
    at: DateTime<Utc>,
    horizon_end: DateTime<Utc>,
    horizon_days: u32,
    /// Online instant per slot: 0 = online from `at`, k = wave k - 1.
    slot_dates: Vec<DateTime<Utc>>,
    /// KMS hosts with a site, by lowercase site, in fleet order.
    hosts_at: HashMap<String, Vec<usize>>,
    /// KMS hosts without a site (they serve every machine), in fleet order.
    hosts_anywhere: Vec<usize>,
}

/// The counts (Windows, Office) a KMS host reports at each rollout slot with arrivals, from the
/// count model ([`KmsCounter`]): every machine online by a slot contacts the host at that
/// slot's date (a renewal for those already counted). `rows` holds the arrivals per slot and
/// class, only for slots with arrivals; `with_clients` leaves Windows clients out when they
/// never reach their threshold (they then use MAK and do not call). Only as many IDs as the
/// largest cache (50) are fed per class: more cannot change a count.
///
/// Slots without arrivals are skipped: there every online machine renews at the slot's date,
/// so the tables hold the same IDs, all fresh, as after the previous slot with arrivals, and
/// the counts are the same (the cache size only grows with the classes seen, which do not
/// change either). Before the first arrival every count is 0. Skipping them keeps the cost
/// linear in the machines rather than hosts x waves.
fn projected_counts(
    rows: &Arrivals,
    dates: &[DateTime<Utc>],
    with_clients: bool,
) -> Vec<(usize, [u32; 2])> {
    const FEED: u32 = 50;
    let mut counter = KmsCounter::new();
    let mut cum = [0u32; 3];
    let mut out = Vec::with_capacity(rows.len());
    for (&slot, row) in rows {
        let Some(&date) = dates.get(slot) else {
            continue;
        };
        for (c, x) in cum.iter_mut().zip(row) {
            *c = c.saturating_add(*x);
        }
        let [clients, servers, office] = cum;
        let clients = if with_clients { clients } else { 0 };
        let feeds = [
            (0u128, Family::Client, clients),
            (1u128 << 64, Family::Server, servers),
            (2u128 << 64, Family::Office, office),
        ];
        for (base, family, n) in feeds {
            for id in 0..n.min(FEED) {
                // Dates never go backwards (slots are in rollout order), so `record` succeeds.
                let _ = counter.record(
                    ClientMachineId::from_u128(base | u128::from(id)),
                    family,
                    date,
                );
            }
        }
        out.push((
            slot,
            [
                counter.count_at(KmsApplication::Windows, date).unwrap_or(0),
                counter.count_at(KmsApplication::Office, date).unwrap_or(0),
            ],
        ));
    }
    out
}

impl<'f> Planner<'f> {
    fn new(fleet: &'f Fleet, at: DateTime<Utc>, horizon_days: u32) -> Self {
        let slot_dates = std::iter::once(at)
            .chain(fleet.rollout().iter().map(|w| w.date().max(at)))
            .collect();
        let horizon_end = at
            .checked_add_signed(TimeDelta::days(i64::from(horizon_days)))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        let mut hosts_at: HashMap<String, Vec<usize>> = HashMap::new();
        let mut hosts_anywhere = Vec::new();
        for (h, host) in fleet.kms_hosts().iter().enumerate() {
            match host.site() {
                Some(site) => hosts_at
                    .entry(site.to_ascii_lowercase())
                    .or_default()
                    .push(h),
                None => hosts_anywhere.push(h),
            }
        }
        Planner {
            fleet,
            at,
            horizon_end,
            horizon_days,
            slot_dates,
            hosts_at,
            hosts_anywhere,
        }
    }

    /// Machine `i`'s rollout slot: 0 = online from `at`, k = wave k - 1.
    fn slot(&self, i: usize) -> usize {
        self.fleet.wave_of(i).map_or(0, |w| w.saturating_add(1))
    }

    fn online(&self, i: usize) -> DateTime<Utc> {
        self.slot_dates
            .get(self.slot(i))
            .copied()
            .unwrap_or(self.at)
    }

    /// Plans the fleet. The machines are read in three passes: the first decides every
    /// distinct profile once ([`Profile`]) and counts its machines per rollout slot; the
    /// second (per profile, not per machine) settles KMS against the projected counts; the
    /// last gives each machine its MAK, its risk and its [`MachinePlan`].
    fn run(self) -> Plan {
        let fleet = self.fleet;
        let machines = fleet.machines();
        let hosts = fleet.kms_hosts();
        // Windows machines, counted here only as far as the FAQ's advice needs (all of them
        // when there are fewer than 50; see `site_pcs` for which machines count).
        let mut first_pcs = 0u32;
        for _ in machines
            .iter()
            .filter(|m| m.sku().family() != Family::Office)
        {
            first_pcs = first_pcs.saturating_add(1);
            if faq_advice_for_pc_count(first_pcs).is_none() {
                break;
            }
        }
        let fewer_than_50 = faq_advice_for_pc_count(first_pcs).is_some();

        // Pass 1: everything but the KMS threshold, once per profile.
        let mut lists = ReasonLists::default();
        let mut decided: Vec<Decided<'f>> = Vec::new();
        let mut index: FastMap<Profile, usize> = FastMap::default();
        let mut profile_of: Vec<usize> = Vec::with_capacity(machines.len());
        // Machines per (profile, rollout slot), for the profiles a KMS host counts or could.
        let mut per_slot: FastMap<(usize, usize), u32> = FastMap::default();
        let mut adba_keys: HashMap<Sku, Option<KmsHostKey>> = HashMap::new();
        // (domain index, host key, machines) for the activation objects ADBA needs.
        let mut adba_objects: Vec<(usize, KmsHostKey, u32)> = Vec::new();
        for (i, m) in machines.iter().enumerate() {
            let p = match index.entry(Profile::of(m)) {
                Entry::Occupied(e) => *e.get(),
                Entry::Vacant(e) => {
                    let p = decided.len();
                    decided.push(self.decide(
                        m,
                        *e.key(),
                        (fewer_than_50, first_pcs),
                        &mut lists,
                        &mut adba_keys,
                        &mut adba_objects,
                    ));
                    e.insert(p);
                    p
                }
            };
            if let Some(d) = decided.get_mut(p) {
                d.machines = d.machines.saturating_add(1);
                if d.kms.is_some() || !d.denied.is_empty() {
                    let n = per_slot.entry((p, self.slot(i))).or_insert(0);
                    *n = n.saturating_add(1);
                }
            }
            profile_of.push(p);
        }
        drop(index);

        // Per host, per rollout slot, machines per class.
        let mut arrivals: Vec<Arrivals> = vec![Arrivals::new(); hosts.len()];
        // Per host: denied machines per (product, denial), and the arrivals a fix would add.
        let mut denied_by: Vec<HashMap<(Sku, Denial), u32>> = vec![HashMap::new(); hosts.len()];
        let mut fixable: Vec<Arrivals> = vec![Arrivals::new(); hosts.len()];
        for (&(p, slot), &n) in &per_slot {
            let Some(d) = decided.get(p) else { continue };
            let class = ProductClass::of(d.profile.sku.family());
            if let Some(KmsSlot { host, .. }) = d.kms {
                bump(&mut arrivals, host, slot, class, n);
            }
            for &(h, denial) in &d.denied {
                if matches!(
                    denial,
                    Denial::UpdateMissing { .. }
                        | Denial::KeyDoesNotCover { .. }
                        | Denial::CoverageUndocumented { .. }
                ) {
                    bump(&mut fixable, h, slot, class, n);
                }
            }
        }
        drop(per_slot);
        for d in &decided {
            for &(h, denial) in &d.denied {
                if let Some(map) = denied_by.get_mut(h) {
                    let e = map.entry((d.profile.sku, denial)).or_insert(0);
                    *e = e.saturating_add(d.machines);
                }
            }
            if let Some((_, _, n)) = d.adba_object.and_then(|j| adba_objects.get_mut(j)) {
                *n = n.saturating_add(d.machines);
            }
        }
        let pcs = site_pcs(&mut decided);
        // Projections per host.
        let mut host_plans = Vec::with_capacity(hosts.len());
        let mut reached: Vec<[Option<usize>; 3]> = Vec::with_capacity(hosts.len());
        let mut fix_actions = Vec::new();
        for (h, host) in hosts.iter().enumerate() {
            let empty = Arrivals::new();
            let rows = arrivals.get(h).unwrap_or(&empty);
            let (proj, slots) = self.project(rows);
            reached.push(slots);
            let mut uncovered: Vec<Uncovered> = denied_by
                .get(h)
                .map(|map| {
                    map.iter()
                        .map(|(&(sku, denial), &n)| Uncovered {
                            sku,
                            machines: n,
                            denial,
                            fix: decide::fix(host, sku, &denial),
                        })
                        .collect()
                })
                .unwrap_or_default();
            uncovered.sort_by(|a, b| {
                b.machines
                    .cmp(&a.machines)
                    .then_with(|| a.sku.as_str_pair().cmp(&b.sku.as_str_pair()))
            });
            // One action per fix, and whether the host's thresholds would then be reached.
            let mut fixes: Vec<(HostFix, u32)> = Vec::new();
            for u in &uncovered {
                if let Some(fix) = u.fix {
                    match fixes.iter_mut().find(|(f, _)| *f == fix) {
                        Some((_, n)) => *n = n.saturating_add(u.machines),
                        None => fixes.push((fix, u.machines)),
                    }
                }
            }
            if !fixes.is_empty() {
                let mut with_fixes = rows.clone();
                for (&slot, b) in fixable.get(h).unwrap_or(&empty) {
                    let r = with_fixes.entry(slot).or_insert([0; 3]);
                    for (x, y) in r.iter_mut().zip(b) {
                        *x = x.saturating_add(*y);
                    }
                }
                let fixed_classes: Vec<usize> = (0..3)
                    .filter(|&c| {
                        fixable
                            .get(h)
                            .is_some_and(|f| f.values().any(|r| r.get(c).is_some_and(|&n| n > 0)))
                    })
                    .collect();
                let (_, fixed_slots) = self.project(&with_fixes);
                let then_reached = fixed_classes
                    .iter()
                    .all(|&c| fixed_slots.get(c).copied().flatten().is_some());
                for (fix, machines) in fixes {
                    fix_actions.push(match fix {
                        HostFix::InstallUpdate { kb } => Action::InstallUpdate {
                            host: host.name().to_owned(),
                            kb,
                            machines,
                            then_reached,
                        },
                        HostFix::InstallHostKey { key, kb } => Action::InstallHostKey {
                            host: host.name().to_owned(),
                            key,
                            kb,
                            machines,
                            then_reached,
                        },
                    });
                }
            }
            host_plans.push(HostPlan {
                name: host.name().to_owned(),
                os: host.os(),
                host_key: host.host_key(),
                site: host.site().map(str::to_owned),
                projections: proj,
                covers: Vec::new(),
                uncovered,
            });
        }

        // Pass 2, per profile: KMS where the threshold is reached, MAK otherwise.
        let mut actions = fix_actions;
        let mut threshold_short: HashMap<(usize, ProductClass), u32> = HashMap::new();
        let mut covers: HashMap<(usize, Sku), u32> = HashMap::new();
        let vm_kms_preferred = faq_advice_for_virtual_machines().value() == FaqAdvice::KmsPreferred;
        for d in &mut decided {
            let Some(KmsSlot { host, class }) = d.kms else {
                continue;
            };
            let hp = host_plans.get(host);
            let reached_slot = reached
                .get(host)
                .and_then(|r| r.get(class.index()).copied().flatten());
            match (
                hp,
                reached_slot.and_then(|s| self.slot_dates.get(s).map(|&date| (s, date))),
            ) {
                (Some(hp), Some((slot, date))) => {
                    let e = covers.entry((host, d.profile.sku)).or_insert(0);
                    *e = e.saturating_add(d.machines);
                    d.method = RecommendedMethod::Kms;
                    d.kms_reached = Some((host, date));
                    let virtual_machine =
                        d.profile.hardware == Hardware::Virtual && vm_kms_preferred;
                    let addition = Addition::KmsCovered {
                        host,
                        slot,
                        virtual_machine,
                    };
                    d.list = lists.add(d.list, addition, |r| {
                        r.push(Reason::KmsCovered {
                            host: hp.name.clone(),
                            threshold_reached: date,
                        });
                        if virtual_machine {
                            r.push(Reason::VirtualMachineKmsPreferred);
                        }
                    });
                }
                (Some(hp), None) => {
                    d.method = RecommendedMethod::MakIndependent;
                    let addition = Addition::ThresholdNotReached {
                        host,
                        class: class.index(),
                    };
                    d.list = lists.add(d.list, addition, |r| {
                        r.push(Reason::ThresholdNotReached {
                            host: hp.name.clone(),
                            count: hp.projection(class).map_or(0, |x| x.count),
                            threshold: class.threshold(),
                        });
                    });
                    let e = threshold_short.entry((host, class)).or_insert(0);
                    *e = e.saturating_add(d.machines);
                }
                (None, _) => {}
            }
        }
        let mut covers: Vec<_> = covers.into_iter().collect();
        covers.sort_by(|((ha, sa), na), ((hb, sb), nb)| {
            ha.cmp(hb)
                .then_with(|| nb.cmp(na))
                .then_with(|| sa.as_str_pair().cmp(&sb.as_str_pair()))
        });
        for ((h, sku), machines) in covers {
            if let Some(hp) = host_plans.get_mut(h) {
                hp.covers.push(Covered { sku, machines });
            }
        }
        let mut shorts: Vec<_> = threshold_short.into_iter().collect();
        shorts.sort_by_key(|&((h, c), _)| (h, c.index()));
        for ((h, class), n) in shorts {
            if let Some(hp) = host_plans.get(h) {
                let pr = hp.projection(class);
                actions.push(Action::AddKmsClients {
                    host: hp.name.clone(),
                    class,
                    count: pr.map_or(0, |x| x.count),
                    threshold: class.threshold(),
                    machines: n,
                });
            }
        }

        // Pass 3, per machine: MAK (method per site, key per machine), risks, the plan.
        let keys = fleet.mak_keys();
        let mut used = vec![0u64; keys.len()];
        let mut key_machines = vec![0u32; keys.len()];
        let mut key_reimages = vec![0u64; keys.len()];
        let mut missing: Vec<MissingMak> = Vec::new();
        let mut risks = Vec::new();
        let mut notifications = Notifications::default();
        // Grouped through hash indexes (first-seen order kept in the Vecs): a linear search
        // here made planning quadratic in machines x sites (one site per machine).
        let mut no_site_host: Vec<(Option<String>, u32)> = Vec::new();
        let mut no_site_index: HashMap<Option<String>, usize> = HashMap::new();
        // (host, class, date reached, machines) of KMS machines at risk, by (host, class).
        let mut late: Vec<(usize, ProductClass, DateTime<Utc>, u32)> = Vec::new();
        let mut late_index: FastMap<(usize, usize), usize> = FastMap::default();
        let mut key_changes: Vec<(Channel, u32)> = Vec::new();
        // Each machine's plan shares the fleet's name, and the host, MAK and reason list.
        let host_names: Vec<Arc<str>> = host_plans
            .iter()
            .map(|h| Arc::from(h.name.as_str()))
            .collect();
        let key_names: Vec<Arc<str>> = keys.iter().map(|k| Arc::from(k.name())).collect();
        let mut plans: Vec<MachinePlan> = Vec::with_capacity(machines.len());
        for (i, (m, &p)) in machines.iter().zip(&profile_of).enumerate() {
            let Some(d) = decided.get_mut(p) else {
                continue;
            };
            let mut method = d.method;
            let mut list = d.list;
            let mut kms_host = None;
            let mut mak_key = None;
            if let (RecommendedMethod::Kms, Some((host, reached))) = (method, d.kms_reached) {
                kms_host = host_names.get(host).cloned();
                if self.kms_risk(m, i, reached, &mut notifications, &mut risks) {
                    let class = ProductClass::of(m.sku().family());
                    match late_index
                        .get(&(host, class.index()))
                        .and_then(|&j| late.get_mut(j))
                    {
                        Some((_, _, _, n)) => *n = n.saturating_add(1),
                        None => {
                            late_index.insert((host, class.index()), late.len());
                            late.push((host, class, reached, 1));
                        }
                    }
                }
            } else if method.is_mak() {
                let group = *d.no_site_group.get_or_insert_with(|| {
                    let site = lists.get(list).iter().find_map(|r| match r {
                        Reason::NoKmsHostAtSite { site } => Some(site),
                        _ => None,
                    })?;
                    let key = site_key(site.as_deref()).map(Cow::into_owned);
                    Some(match no_site_index.get(&key) {
                        Some(&j) => j,
                        None => {
                            let j = no_site_host.len();
                            no_site_index.insert(key, j);
                            no_site_host.push((site.clone(), 0));
                            j
                        }
                    })
                });
                if let Some((_, n)) = group.and_then(|j| no_site_host.get_mut(j)) {
                    *n = n.saturating_add(1);
                }
                let at_site = d.site_pcs;
                method = if faq_advice_for_pc_count(at_site).is_some() {
                    if !lists
                        .get(list)
                        .iter()
                        .any(|r| matches!(r, Reason::FewerThan50Pcs { .. }))
                    {
                        let addition = Addition::SiteFewerThan50Pcs {
                            site: d.profile.site(),
                            pcs: at_site,
                        };
                        let site = d.site;
                        list = lists.add(list, addition, |r| {
                            r.push(Reason::SiteFewerThan50Pcs {
                                site: site.map(str::to_owned),
                                pcs: at_site,
                            });
                        });
                    }
                    RecommendedMethod::MakProxy
                } else {
                    RecommendedMethod::MakIndependent
                };
                let mak_activated = m.is_activated() && m.channel() == Channel::VolumeMak;
                let needed = if mak_activated {
                    MakMachine::activated()
                } else {
                    MakMachine::unactivated()
                }
                .with_reimages(m.reimages())
                .activations_needed();
                let mut short = false;
                let choice = keys
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| k.activates(m.sku()))
                    .find(|(k, key)| {
                        used.get(*k).is_some_and(|&u| {
                            u.saturating_add(needed) <= u64::from(key.activations_remaining())
                        })
                    })
                    .or_else(|| {
                        short = true;
                        keys.iter().enumerate().find(|(_, k)| k.activates(m.sku()))
                    });
                match choice {
                    Some((k, key)) => {
                        if let Some(u) = used.get_mut(k) {
                            *u = u.saturating_add(needed);
                        }
                        if let Some(c) = key_machines.get_mut(k) {
                            *c = c.saturating_add(1);
                        }
                        if let Some(r) = key_reimages.get_mut(k) {
                            *r = r.saturating_add(u64::from(m.reimages()));
                        }
                        mak_key = key_names.get(k).cloned();
                        if short {
                            list = lists.add(list, Addition::MakActivationsShort { key: k }, |r| {
                                r.push(Reason::MakActivationsShort {
                                    key: key.name().to_owned(),
                                });
                            });
                            let cause = RiskCause::MakActivationsShort;
                            self.mak_risk(m, i, method, cause, &mut notifications, &mut risks);
                        }
                    }
                    None => {
                        list = lists.add(list, Addition::NoMakKey, |r| r.push(Reason::NoMakKey));
                        match missing.iter_mut().find(|x| x.sku == m.sku()) {
                            Some(x) => {
                                x.machines = x.machines.saturating_add(1);
                                x.activations = x.activations.saturating_add(needed);
                            }
                            None => missing.push(MissingMak {
                                sku: m.sku(),
                                machines: 1,
                                activations: needed,
                            }),
                        }
                        let cause = RiskCause::NoMakKey;
                        self.mak_risk(m, i, method, cause, &mut notifications, &mut risks);
                    }
                }
            }
            let plan = MachinePlan {
                name: Arc::clone(m.shared_name()),
                sku: m.sku(),
                channel: m.channel(),
                method,
                kms_host,
                mak_key,
                reasons: lists.shared(list),
            };
            if let Some(ch) = plan.needs_key_change() {
                match key_changes.iter_mut().find(|(c, _)| *c == ch) {
                    Some((_, n)) => *n = n.saturating_add(1),
                    None => key_changes.push((ch, 1)),
                }
            }
            plans.push(plan);
        }
        drop(profile_of);
        for (host, class, reached_on, machines) in late {
            if let Some(h) = hosts.get(host) {
                actions.push(Action::ThresholdAfterGrace {
                    host: h.name().to_owned(),
                    class,
                    reached_on,
                    machines,
                });
            }
        }
        for (site, machines) in no_site_host {
            actions.push(Action::SwitchSiteToMak { site, machines });
        }

        let mak_plans: Vec<MakPlan> = keys
            .iter()
            .enumerate()
            .map(|(k, key)| MakPlan {
                name: key.name().to_owned(),
                partial_key: key.partial_key().map(str::to_owned),
                machines: key_machines.get(k).copied().unwrap_or(0),
                reimages: key_reimages.get(k).copied().unwrap_or(0),
                balance: MakBalance::new(
                    used.get(k).copied().unwrap_or(0),
                    u64::from(key.activations_remaining()),
                ),
            })
            .collect();

        // Active Directory activation objects.
        for (d, key, machines) in adba_objects {
            if let Some(domain) = fleet.domains().get(d) {
                actions.push(Action::AddAdbaActivationObject {
                    domain: domain.name().to_owned(),
                    key,
                    machines,
                });
            }
        }

        for (channel, machines) in key_changes {
            actions.push(Action::InstallKeys { channel, machines });
        }
        for k in &mak_plans {
            if !k.balance.is_sufficient() {
                actions.push(Action::RequestMakActivations {
                    key: k.name.clone(),
                    shortfall: k.balance.shortfall(),
                });
            }
        }
        for x in &missing {
            actions.push(Action::ObtainMak {
                sku: x.sku,
                machines: x.machines,
                activations: x.activations,
            });
        }
        risks.sort_by(|a: &Risk, b: &Risk| {
            a.notification_at
                .cmp(&b.notification_at)
                .then_with(|| a.machine.cmp(&b.machine))
        });

        Plan {
            at: self.at,
            horizon_days: self.horizon_days,
            program: fleet.program(),
            pcs,
            machines: plans,
            kms_hosts: host_plans,
            mak_keys: mak_plans,
            missing_mak: missing,
            risks,
            actions,
            problems: fleet.problems().to_vec(),
        }
    }

    /// Decides profile `profile` from its first machine `m`: [`Planner::first_pass`], and the
    /// Active Directory activation object it needs.
    fn decide(
        &self,
        m: &'f Machine,
        profile: Profile,
        fewer_than_50: (bool, u32),
        lists: &mut ReasonLists,
        adba_keys: &mut HashMap<Sku, Option<KmsHostKey>>,
        adba_objects: &mut Vec<(usize, KmsHostKey, u32)>,
    ) -> Decided<'f> {
        let mut reasons = Vec::new();
        let mut denied = Vec::new();
        let (method, kms) = self.first_pass(m, fewer_than_50, &mut reasons, &mut denied, adba_keys);
        let mut adba_object = None;
        if method == RecommendedMethod::Adba {
            if let (Some(d), Some(Some(key))) = (
                m.domain().and_then(|name| {
                    self.fleet
                        .domains()
                        .iter()
                        .position(|d| d.name().eq_ignore_ascii_case(name))
                }),
                adba_keys.get(&m.sku()),
            ) {
                adba_object = Some(
                    match adba_objects
                        .iter()
                        .position(|(x, k, _)| *x == d && k == key)
                    {
                        Some(j) => j,
                        None => {
                            let j = adba_objects.len();
                            adba_objects.push((d, *key, 0));
                            j
                        }
                    },
                );
            }
        }
        Decided {
            profile,
            site: m.site(),
            method,
            kms,
            list: lists.intern(reasons),
            denied,
            adba_object,
            machines: 0,
            kms_reached: None,
            site_pcs: 0,
            no_site_group: None,
        }
    }

    /// Decides everything but the KMS threshold: the provisional method, the KMS host that
    /// covers the machine if any, and (in `denied`) the hosts that refused it when none
    /// covers it.
    fn first_pass(
        &self,
        m: &'f Machine,
        (fewer_than_50, pcs): (bool, u32),
        reasons: &mut Vec<Reason>,
        denied: &mut Vec<(usize, Denial)>,
        adba_keys: &mut HashMap<Sku, Option<KmsHostKey>>,
    ) -> (RecommendedMethod, Option<KmsSlot>) {
        let fleet = self.fleet;
        let channel = m.channel();
        if !matches!(
            channel,
            Channel::VolumeGvlk | Channel::VolumeMak | Channel::Avma
        ) {
            reasons.push(Reason::NotVolumeChannel { channel });
            return (RecommendedMethod::OutsideVolumeActivation, None);
        }
        let hyperv = m.hyperv_host().and_then(|h| fleet.machine(h));
        // An AVMA key already installed is tried first.
        let avma = |reasons: &mut Vec<Reason>| -> bool {
            let Some(host) = hyperv else { return false };
            match decide::avma(host, m.sku()) {
                Some(Ok(())) => {
                    reasons.push(Reason::AvmaEligible {
                        hyperv_host: host.name().to_owned(),
                    });
                    if !host.is_activated() {
                        reasons.push(Reason::AvmaHostNotActivated {
                            hyperv_host: host.name().to_owned(),
                        });
                    }
                    true
                }
                Some(Err(r)) => {
                    reasons.push(r);
                    false
                }
                None => false,
            }
        };
        if channel == Channel::Avma && avma(reasons) {
            return (RecommendedMethod::Avma, None);
        }
        match decide::adba(m, fleet.domain_of(m)) {
            Some(Ok(r)) => {
                let key = *adba_keys
                    .entry(m.sku())
                    .or_insert_with(|| decide::adba_key(m.sku()));
                if key.is_some() {
                    reasons.push(r);
                    return (RecommendedMethod::Adba, None);
                }
                reasons.push(Reason::AdbaNoHostKey);
            }
            Some(Err(r)) => reasons.push(r),
            None => {}
        }
        if channel != Channel::Avma && m.hardware() == Hardware::Virtual && avma(reasons) {
            return (RecommendedMethod::Avma, None);
        }
        if fewer_than_50 {
            reasons.push(Reason::FewerThan50Pcs { pcs });
            return (RecommendedMethod::MakProxy, None);
        }
        let class = ProductClass::of(m.sku().family());
        let mut reachable = false;
        // The hosts that serve the machine's site, in fleet order: those of its site merged
        // with those without a site.
        let at_site: &[usize] = site_key(m.site())
            .and_then(|k| self.hosts_at.get(k.as_ref()))
            .map_or(&[], Vec::as_slice);
        let mut a = at_site.iter().copied().peekable();
        let mut b = self.hosts_anywhere.iter().copied().peekable();
        let serving = std::iter::from_fn(|| match (a.peek().copied(), b.peek().copied()) {
            (Some(x), Some(y)) if x < y => a.next(),
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => None,
        });
        for h in serving {
            let Some(host) = fleet.kms_hosts().get(h) else {
                continue;
            };
            if !decide::serves_application(host, m) {
                continue;
            }
            reachable = true;
            match decide::kms(host, m) {
                Ok(()) => {
                    denied.clear();
                    return (RecommendedMethod::Kms, Some(KmsSlot { host: h, class }));
                }
                Err(d) => denied.push((h, d)),
            }
        }
        for &(h, denial) in denied.iter() {
            if let Some(host) = fleet.kms_hosts().get(h) {
                reasons.push(Reason::KmsDenied {
                    host: host.name().to_owned(),
                    denial,
                });
            }
        }
        if !reachable {
            let serves_app = fleet
                .kms_hosts()
                .iter()
                .any(|host| decide::serves_application(host, m));
            reasons.push(if serves_app {
                Reason::NoKmsHostAtSite {
                    site: m.site().map(str::to_owned),
                }
            } else {
                Reason::NoKmsHost
            });
        }
        (RecommendedMethod::MakIndependent, None)
    }

    /// The projection of one host from its arrivals per slot: per class, and the slot at
    /// which each class's threshold is first reached.
    fn project(&self, rows: &Arrivals) -> (Vec<ClassProjection>, [Option<usize>; 3]) {
        let total = rows.values().fold([0u32; 3], |acc, r| {
            let mut t = acc;
            for (a, x) in t.iter_mut().zip(r) {
                *a = a.saturating_add(*x);
            }
            t
        });
        let [clients, servers, office] = total;
        let t_client = ProductClass::WindowsClient.threshold();
        let t_server = ProductClass::WindowsServer.threshold();
        let t_office = ProductClass::Office.threshold();
        let first = |counts: &[(usize, [u32; 2])], app: usize, threshold: u32| {
            counts
                .iter()
                .find(|(_, c)| c.get(app).is_some_and(|&n| n >= threshold))
                .map(|&(slot, _)| slot)
        };
        let all = projected_counts(rows, &self.slot_dates, true);
        let client_slot = if clients > 0 {
            first(&all, 0, t_client)
        } else {
            None
        };
        // Clients that never reach their threshold move to MAK and stop calling.
        let counts = if clients > 0 && client_slot.is_none() {
            projected_counts(rows, &self.slot_dates, false)
        } else {
            all.clone()
        };
        let server_slot = if servers > 0 {
            first(&counts, 0, t_server)
        } else {
            None
        };
        let office_slot = if office > 0 {
            first(&counts, 1, t_office)
        } else {
            None
        };
        let last = |c: &[(usize, [u32; 2])], app: usize| {
            c.last().and_then(|(_, x)| x.get(app).copied()).unwrap_or(0)
        };
        let date = |s: Option<usize>| s.and_then(|s| self.slot_dates.get(s).copied());
        // (class, machines, the counts it reads, which count, threshold, slot reached)
        let classes = [
            (
                ProductClass::WindowsClient,
                clients,
                &all,
                0,
                t_client,
                client_slot,
            ),
            (
                ProductClass::WindowsServer,
                servers,
                &counts,
                0,
                t_server,
                server_slot,
            ),
            (
                ProductClass::Office,
                office,
                &counts,
                1,
                t_office,
                office_slot,
            ),
        ];
        let proj = classes
            .into_iter()
            .filter(|&(_, machines, ..)| machines > 0)
            .map(
                |(class, machines, c, app, threshold, slot)| ClassProjection {
                    class,
                    machines,
                    count: last(c, app),
                    threshold,
                    reached_on: date(slot),
                },
            )
            .collect();
        (proj, [client_slot, server_slot, office_slot])
    }

    /// A KMS machine online before its host reaches the threshold (on `reached`):
    /// notification if its grace period ends first. Whether it is a risk.
    fn kms_risk(
        &self,
        m: &Machine,
        i: usize,
        reached: DateTime<Utc>,
        notifications: &mut Notifications,
        risks: &mut Vec<Risk>,
    ) -> bool {
        if m.is_activated() {
            return false;
        }
        let online = self.online(i);
        if reached <= online {
            return false;
        }
        let Some(at) = notifications.at(m.sku(), Channel::VolumeGvlk, online) else {
            return false;
        };
        if at >= reached || at >= self.horizon_end {
            return false;
        }
        risks.push(Risk {
            machine: Arc::clone(m.shared_name()),
            sku: m.sku(),
            method: RecommendedMethod::Kms,
            online,
            notification_at: at,
            cause: RiskCause::ThresholdAfterGrace,
        });
        true
    }

    /// A MAK machine that cannot be activated: notification when its grace period ends.
    fn mak_risk(
        &self,
        m: &Machine,
        i: usize,
        method: RecommendedMethod,
        cause: RiskCause,
        notifications: &mut Notifications,
        risks: &mut Vec<Risk>,
    ) {
        if m.is_activated() {
            return;
        }
        let online = self.online(i);
        if let Some(at) = notifications.at(m.sku(), Channel::VolumeMak, online) {
            if at < self.horizon_end {
                risks.push(Risk {
                    machine: Arc::clone(m.shared_name()),
                    sku: m.sku(),
                    method,
                    online,
                    notification_at: at,
                    cause,
                });
            }
        }
    }
}

/// [`notification_at`] per (product, channel, online instant), asked once each: machines
/// at risk repeat a few of them.
#[derive(Default)]
struct Notifications(FastMap<(Sku, Channel, DateTime<Utc>), Option<DateTime<Utc>>>);

impl Notifications {
    fn at(&mut self, sku: Sku, channel: Channel, online: DateTime<Utc>) -> Option<DateTime<Utc>> {
        *self
            .0
            .entry((sku, channel, online))
            .or_insert_with(|| notification_at(sku, channel, online))
    }
}

/// When a machine installed at `online` with `channel` and never activated reaches
/// notification, from the lifecycle layer.
fn notification_at(sku: Sku, channel: Channel, online: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let lc = Lifecycle::install(sku, channel, online).ok()?;
    let mut t = online;
    // Out-of-box grace, then (for some releases) further grace states: follow to notification.
    for _ in 0..4 {
        let next = lc.next_transition(t)?;
        if matches!(
            next.to(),
            LicenseStatus::Notification | LicenseStatus::Unlicensed
        ) {
            return Some(next.at());
        }
        t = next.at();
    }
    None
}

fn site_key(site: Option<&str>) -> Option<Cow<'_, str>> {
    site.map(|s| {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    })
}

/// Windows machines per site (ASCII case-insensitively; `None` for machines without one).
///
/// Why this count: the FAQ's sentence ("If you have fewer than 50 PCs, the best option is to
/// use Multiple Activation Keys (MAK) with Volume Activation Management Tool (VAMT)", see
/// [`faq_advice_for_pc_count`]) sizes the organisation (here the site) that would otherwise
/// run a KMS host; it does not define "PCs" nor limit them to volume-licensed clients. So
/// every Windows computer of the site counts, client or server, whatever its channel (a
/// retail or OEM machine is still one of the site's PCs); Office records do not, since each
/// runs on a Windows machine already counted. Confidence: derived (the FAQ does not say which
/// machines "PCs" are; a narrower reading, volume-channel clients only, is not documented
/// either). The fleet-wide count ([`Reason::FewerThan50Pcs`]) is made the same way.
///
/// Counted per profile (each machine has one): sets every profile's `site_pcs`, and returns
/// the fleet's PCs.
fn site_pcs(decided: &mut [Decided<'_>]) -> u32 {
    let windows = |d: &&Decided<'_>| d.profile.sku.family() != Family::Office;
    let mut map: HashMap<Option<Cow<'_, str>>, u32> = HashMap::new();
    let mut pcs = 0u32;
    for d in decided.iter().filter(windows) {
        let e = map.entry(site_key(d.site)).or_insert(0);
        *e = e.saturating_add(d.machines);
        pcs = pcs.saturating_add(d.machines);
    }
    let at_site: Vec<u32> = decided
        .iter()
        .map(|d| map.get(&site_key(d.site)).copied().unwrap_or(0))
        .collect();
    for (d, n) in decided.iter_mut().zip(at_site) {
        d.site_pcs = n;
    }
    pcs
}
