//! The planner: a method per machine, KMS projections per host, MAK accounting, risks and
//! actions, from a [`Fleet`] at an instant.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};

use crate::catalog::{AgreementProgram, Channel, ClientMachineId, Family, KmsHostKey, Sku};
use crate::lifecycle::{LicenseStatus, Lifecycle};
use crate::plan::action::Action;
use crate::plan::decide;
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

    /// Machines reaching notification within the horizon, earliest first.
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

/// Adds one arrival of `class` at rollout slot `slot` to host `host`'s arrivals.
fn bump(rows: &mut [Arrivals], host: usize, slot: usize, class: ProductClass) {
    if let Some(cell) = rows
        .get_mut(host)
        .and_then(|h| h.entry(slot).or_insert([0; 3]).get_mut(class.index()))
    {
        *cell = cell.saturating_add(1);
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

/// What the first pass decides depends only on these properties of a machine (the shared
/// texts by identity: see [`Machine::shared_ids`]), so it runs once per distinct profile.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Profile {
    sku: Sku,
    channel: Channel,
    hardware: Hardware,
    os: Option<crate::catalog::Release>,
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
}

/// The first pass's decision for a profile: the provisional method, the KMS host that covers
/// it, its reason list, and the hosts that refused it.
struct FirstPass {
    method: RecommendedMethod,
    kms: Option<KmsSlot>,
    list: usize,
    denied: Vec<(usize, Denial)>,
}

/// A machine's plan while the passes run: reasons, KMS host and MAK by number.
#[derive(Clone, Copy)]
struct Draft {
    method: RecommendedMethod,
    list: usize,
    kms_host: Option<usize>,
    mak_key: Option<usize>,
}

struct Planner<'f> {
    fleet: &'f Fleet,
    at: DateTime<Utc>,
    horizon_end: DateTime<Utc>,
    horizon_days: u32,
    /// Rollout slot per machine: 0 = online from `at`, k = wave k - 1.
    slot_of: Vec<usize>,
    /// Online instant per slot.
    slot_dates: Vec<DateTime<Utc>>,
    pcs: u32,
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
        let machines = fleet.machines();
        let slot_of = (0..machines.len())
            .map(|i| fleet.wave_of(i).map_or(0, |w| w.saturating_add(1)))
            .collect();
        let slot_dates = std::iter::once(at)
            .chain(fleet.rollout().iter().map(|w| w.date().max(at)))
            .collect();
        // Windows machines of any channel, as `site_pcs` counts per site (see why there).
        let pcs = machines
            .iter()
            .filter(|m| m.sku().family() != Family::Office)
            .fold(0u32, |n, _| n.saturating_add(1));
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
            slot_of,
            slot_dates,
            pcs,
            hosts_at,
            hosts_anywhere,
        }
    }

    fn online(&self, i: usize) -> DateTime<Utc> {
        self.slot_of
            .get(i)
            .and_then(|&s| self.slot_dates.get(s))
            .copied()
            .unwrap_or(self.at)
    }

    fn run(self) -> Plan {
        let fleet = self.fleet;
        let machines = fleet.machines();
        let hosts = fleet.kms_hosts();
        let fewer_than_50 = faq_advice_for_pc_count(self.pcs).is_some();

        // Pass 1: everything but the KMS threshold, decided once per machine profile.
        let mut lists = ReasonLists::default();
        let mut drafts: Vec<Draft> = Vec::with_capacity(machines.len());
        let mut pending: Vec<Option<KmsSlot>> = Vec::with_capacity(machines.len());
        let mut profiles: HashMap<Profile, FirstPass> = HashMap::new();
        // Per host, per rollout slot, machines per class.
        let mut arrivals: Vec<Arrivals> = vec![Arrivals::new(); hosts.len()];
        // Per host: denied machines per (product, denial), and the arrivals a fix would add.
        let mut denied_by: Vec<HashMap<(Sku, Denial), u32>> = vec![HashMap::new(); hosts.len()];
        let mut fixable: Vec<Arrivals> = vec![Arrivals::new(); hosts.len()];
        let mut adba_keys: HashMap<Sku, Option<KmsHostKey>> = HashMap::new();
        // (domain index, host key, machines) for the activation objects ADBA needs.
        let mut adba_objects: Vec<(usize, KmsHostKey, u32)> = Vec::new();
        for (i, m) in machines.iter().enumerate() {
            let first = match profiles.entry(Profile::of(m)) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => {
                    let mut reasons = Vec::new();
                    let mut denied = Vec::new();
                    let (method, kms) = self.first_pass(
                        m,
                        fewer_than_50,
                        &mut reasons,
                        &mut denied,
                        &mut adba_keys,
                    );
                    e.insert(FirstPass {
                        method,
                        kms,
                        list: lists.intern(reasons),
                        denied,
                    })
                }
            };
            if first.method == RecommendedMethod::Adba {
                if let (Some(d), Some(Some(key))) = (
                    m.domain().and_then(|name| {
                        fleet
                            .domains()
                            .iter()
                            .position(|d| d.name().eq_ignore_ascii_case(name))
                    }),
                    adba_keys.get(&m.sku()),
                ) {
                    match adba_objects
                        .iter_mut()
                        .find(|(x, k, _)| *x == d && k == key)
                    {
                        Some((_, _, n)) => *n = n.saturating_add(1),
                        None => adba_objects.push((d, *key, 1)),
                    }
                }
            }
            let s = self.slot_of.get(i).copied().unwrap_or(0);
            let class = ProductClass::of(m.sku().family());
            if let Some(KmsSlot { host, .. }) = first.kms {
                bump(&mut arrivals, host, s, class);
            }
            pending.push(first.kms);
            for &(h, d) in &first.denied {
                if let Some(map) = denied_by.get_mut(h) {
                    let e = map.entry((m.sku(), d)).or_insert(0);
                    *e = e.saturating_add(1);
                }
                if matches!(
                    d,
                    Denial::UpdateMissing { .. }
                        | Denial::KeyDoesNotCover { .. }
                        | Denial::CoverageUndocumented { .. }
                ) {
                    bump(&mut fixable, h, s, class);
                }
            }
            drafts.push(Draft {
                method: first.method,
                list: first.list,
                kms_host: None,
                mak_key: None,
            });
        }
        drop(profiles);

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

        // Pass 2: KMS where the threshold is reached, MAK otherwise.
        let mut actions = fix_actions;
        let mut threshold_short: HashMap<(usize, ProductClass), u32> = HashMap::new();
        let mut covers: HashMap<(usize, Sku), u32> = HashMap::new();
        let vm_kms_preferred = faq_advice_for_virtual_machines().value() == FaqAdvice::KmsPreferred;
        for ((m, d), kms) in machines.iter().zip(drafts.iter_mut()).zip(&pending) {
            let Some(KmsSlot { host, class }) = *kms else {
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
                    let e = covers.entry((host, m.sku())).or_insert(0);
                    *e = e.saturating_add(1);
                    d.method = RecommendedMethod::Kms;
                    d.kms_host = Some(host);
                    let virtual_machine = m.hardware() == Hardware::Virtual && vm_kms_preferred;
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
                    *e = e.saturating_add(1);
                }
                (None, _) => {}
            }
        }
        drop(pending);
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

        // MAK: method per site, key per machine.
        let site_pcs = site_pcs(machines);
        let keys = fleet.mak_keys();
        let mut used = vec![0u64; keys.len()];
        let mut key_machines = vec![0u32; keys.len()];
        let mut key_reimages = vec![0u64; keys.len()];
        let mut missing: Vec<MissingMak> = Vec::new();
        let mut risks = Vec::new();
        // Grouped through hash indexes (first-seen order kept in the Vecs): a linear search
        // here made planning quadratic in machines x sites (one site per machine).
        let mut no_site_host: Vec<(Option<String>, u32)> = Vec::new();
        let mut no_site_index: HashMap<Option<String>, usize> = HashMap::new();
        // Per reason list, its group in `no_site_host` (`None`: the list names no site
        // without a KMS host).
        let mut no_site_of_list: HashMap<usize, Option<usize>> = HashMap::new();
        // PCs at each machine's site, by the site's shared text.
        let mut pcs_at: HashMap<usize, u32> = HashMap::new();
        let mut late: Vec<(&str, ProductClass, DateTime<Utc>, u32)> = Vec::new();
        let mut late_index: HashMap<(&str, ProductClass), usize> = HashMap::new();
        for (i, (m, d)) in machines.iter().zip(drafts.iter_mut()).enumerate() {
            if d.method == RecommendedMethod::Kms {
                if let Some((host, reached)) =
                    self.kms_risk(m, i, d.method, lists.get(d.list), &mut risks)
                {
                    let class = ProductClass::of(m.sku().family());
                    match late_index
                        .get(&(host, class))
                        .and_then(|&j| late.get_mut(j))
                    {
                        Some((_, _, _, n)) => *n = n.saturating_add(1),
                        None => {
                            late_index.insert((host, class), late.len());
                            late.push((host, class, reached, 1));
                        }
                    }
                }
                continue;
            }
            if !matches!(
                d.method,
                RecommendedMethod::MakIndependent | RecommendedMethod::MakProxy
            ) {
                continue;
            }
            let group = *no_site_of_list.entry(d.list).or_insert_with(|| {
                let site = lists.get(d.list).iter().find_map(|r| match r {
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
            let site_id = m.shared_ids()[2];
            let at_site = *pcs_at
                .entry(site_id)
                .or_insert_with(|| site_pcs.get(&site_key(m.site())).copied().unwrap_or(0));
            d.method = if faq_advice_for_pc_count(at_site).is_some() {
                if !lists
                    .get(d.list)
                    .iter()
                    .any(|r| matches!(r, Reason::FewerThan50Pcs { .. }))
                {
                    let addition = Addition::SiteFewerThan50Pcs {
                        site: site_id,
                        pcs: at_site,
                    };
                    d.list = lists.add(d.list, addition, |r| {
                        r.push(Reason::SiteFewerThan50Pcs {
                            site: m.site().map(str::to_owned),
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
                    d.mak_key = Some(k);
                    if short {
                        d.list = lists.add(d.list, Addition::MakActivationsShort { key: k }, |r| {
                            r.push(Reason::MakActivationsShort {
                                key: key.name().to_owned(),
                            });
                        });
                        self.mak_risk(m, i, d.method, RiskCause::MakActivationsShort, &mut risks);
                    }
                }
                None => {
                    d.list = lists.add(d.list, Addition::NoMakKey, |r| r.push(Reason::NoMakKey));
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
                    self.mak_risk(m, i, d.method, RiskCause::NoMakKey, &mut risks);
                }
            }
        }
        for (host, class, reached_on, machines) in late {
            actions.push(Action::ThresholdAfterGrace {
                host: host.to_owned(),
                class,
                reached_on,
                machines,
            });
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

        // Every machine's plan: the fleet's name, and the host, MAK and reason list shared.
        let host_names: Vec<Arc<str>> = host_plans
            .iter()
            .map(|h| Arc::from(h.name.as_str()))
            .collect();
        let key_names: Vec<Arc<str>> = keys.iter().map(|k| Arc::from(k.name())).collect();
        let plans: Vec<MachinePlan> = machines
            .iter()
            .zip(&drafts)
            .map(|(m, d)| MachinePlan {
                name: Arc::clone(m.shared_name()),
                sku: m.sku(),
                channel: m.channel(),
                method: d.method,
                kms_host: d.kms_host.and_then(|h| host_names.get(h)).cloned(),
                mak_key: d.mak_key.and_then(|k| key_names.get(k)).cloned(),
                reasons: lists.shared(d.list),
            })
            .collect();
        drop(drafts);

        // Key changes.
        let mut key_changes: Vec<(Channel, u32)> = Vec::new();
        for p in &plans {
            if let Some(ch) = p.needs_key_change() {
                match key_changes.iter_mut().find(|(c, _)| *c == ch) {
                    Some((_, n)) => *n = n.saturating_add(1),
                    None => key_changes.push((ch, 1)),
                }
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
            pcs: self.pcs,
            machines: plans,
            kms_hosts: host_plans,
            mak_keys: mak_plans,
            missing_mak: missing,
            risks,
            actions,
            problems: fleet.problems().to_vec(),
        }
    }

    /// Decides everything but the KMS threshold: the provisional method, the KMS host that
    /// covers the machine if any, and (in `denied`) the hosts that refused it when none
    /// covers it.
    fn first_pass(
        &self,
        m: &'f Machine,
        fewer_than_50: bool,
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
            reasons.push(Reason::FewerThan50Pcs { pcs: self.pcs });
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

    /// A KMS machine online before its host reaches the threshold: notification if its grace
    /// period ends first. Returns the host and the threshold date when it is a risk.
    fn kms_risk(
        &self,
        m: &Machine,
        i: usize,
        method: RecommendedMethod,
        reasons: &[Reason],
        risks: &mut Vec<Risk>,
    ) -> Option<(&'f str, DateTime<Utc>)> {
        if m.is_activated() {
            return None;
        }
        let online = self.online(i);
        let (host, reached) = reasons.iter().find_map(|r| match r {
            Reason::KmsCovered {
                host,
                threshold_reached,
            } => Some((host, *threshold_reached)),
            _ => None,
        })?;
        if reached <= online {
            return None;
        }
        let at = notification_at(m.sku(), Channel::VolumeGvlk, online)?;
        if at >= reached || at >= self.horizon_end {
            return None;
        }
        risks.push(Risk {
            machine: Arc::clone(m.shared_name()),
            sku: m.sku(),
            method,
            online,
            notification_at: at,
            cause: RiskCause::ThresholdAfterGrace,
        });
        let name = self
            .fleet
            .kms_hosts()
            .iter()
            .find(|h| h.name() == host)?
            .name();
        Some((name, reached))
    }

    /// A MAK machine that cannot be activated: notification when its grace period ends.
    fn mak_risk(
        &self,
        m: &Machine,
        i: usize,
        method: RecommendedMethod,
        cause: RiskCause,
        risks: &mut Vec<Risk>,
    ) {
        if m.is_activated() {
            return;
        }
        let online = self.online(i);
        if let Some(at) = notification_at(m.sku(), Channel::VolumeMak, online) {
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
fn site_pcs(machines: &[Machine]) -> HashMap<Option<Cow<'_, str>>, u32> {
    let mut map: HashMap<Option<Cow<'_, str>>, u32> = HashMap::new();
    for m in machines {
        if m.sku().family() == Family::Office {
            continue;
        }
        let e = map.entry(site_key(m.site())).or_insert(0);
        *e = e.saturating_add(1);
    }
    map
}
