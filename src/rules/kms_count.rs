//! The KMS host's activation count: unique client machine IDs seen within 30 days, kept in a
//! cache of twice the highest threshold demanded, Windows and Office counted apart.
//!
//! The rules, verbatim, from "Activate clients running Windows 10" (S-W10CLIENTS,
//! <https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-10-clients-vamt>,
//! ms.date 2022-11-07):
//!
//! - "By default, each activation request remains in the table for up to 30 days. When a client
//!   renews its activation, the cached client ID is removed from the table, a new record is
//!   created, and the 30 day period begins again. If a KMS client computer doesn't renew its
//!   activation within 30 days, the KMS host removes the corresponding client ID from the table
//!   and reduces the activation count by one."
//! - "However, the KMS host only caches twice the number of client IDs that are required to meet
//!   the activation threshold. Therefore, only the 50 most recent client IDs are kept in the
//!   table, and a client ID could be removed much sooner than 30 days."
//! - "If a KMS host receives activation requests only from servers, the cache will hold only 10
//!   client IDs (twice the required 5). If a client computer running Windows 10 contacts that
//!   KMS host, KMS increases the cache size to 50 to accommodate the higher threshold. KMS never
//!   reduces the cache size."
//!
//! Sources disagree on the cache size: "KMS activation planning" (S-PLAN, ms.date 2025-03-17)
//! says only "only stores the 50 most recent contacts", while S-W10CLIENTS (2022-11-07) and the
//! newest page, "Guidelines for troubleshooting KMS" (S-TSHOOT, ms.date 2025-08-13: "In
//! environments that contain only Windows Server KMS clients, the maximum count on the KMS host
//! is 10"), give the 10-then-50 rule. The crate follows the newest text (S-TSHOOT) and
//! S-W10CLIENTS; S-PLAN's 50 is the same rule once a Windows client has called.
//!
//! Office has its own count: "The current count must be 5 or more before KMS clients are
//! activated. The maximum current count is double the activation threshold, or 10." —
//! "Configure a KMS host computer to activate volume licensed versions of Office". A count whose
//! maximum is 10 cannot be the Windows count (maximum 50), so Office is counted apart from
//! Windows (derived).

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::catalog::ClientMachineId;
use crate::catalog::{Confidence, Family, Sku, Source};
use crate::error::Error;
use crate::rules::threshold::family_threshold;
use crate::rules::timing::Timing;

/// The sources of the count model, newest rule first.
const COUNT_SOURCES: &[Source] = &[
    Source::KMS_TROUBLESHOOTING,
    Source::KMS_PLANNING,
    Source::KMS_W10_CLIENTS,
    Source::OFFICE_KMS_HOST,
];

/// How long a client ID stays in the host's table without a renewal: 30 days, documented.
///
/// Source: "By default, each activation request remains in the table for up to 30 days." —
/// <https://learn.microsoft.com/en-us/windows/deployment/volume-activation/activate-windows-10-clients-vamt>.
/// An ID recorded at `t` counts on the half-open window `[t, t + 30 days)`.
///
/// ```
/// use volume_activation::Confidence;
/// use volume_activation::rules::KMS_COUNT_WINDOW;
///
/// assert_eq!(KMS_COUNT_WINDOW.days(), 30);
/// assert_eq!(KMS_COUNT_WINDOW.confidence(), Confidence::Documented);
/// assert_eq!(KMS_COUNT_WINDOW.source().id(), "S-W10CLIENTS");
/// ```
pub const KMS_COUNT_WINDOW: Timing = Timing::days_of(
    30,
    Confidence::Documented,
    Source::KMS_W10_CLIENTS,
    "\"By default, each activation request remains in the table for up to 30 days\"",
);

/// The application a KMS host counts for: Windows (client and server together) or Office.
///
/// "Activation counts are cumulative" between Windows client and server (S-W10CLIENTS);
/// Office has its own count, whose maximum is 10 (see the module docs).
///
/// Microsoft could add counted applications, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::Family;
/// use volume_activation::rules::KmsApplication;
///
/// assert_eq!(KmsApplication::of_family(Family::Server), KmsApplication::Windows);
/// assert_eq!("office".parse::<KmsApplication>()?, KmsApplication::Office);
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
pub enum KmsApplication {
    /// Windows client and Windows Server, counted together.
    #[strum(serialize = "windows")]
    Windows,
    /// Volume editions of Office.
    #[strum(serialize = "office")]
    Office,
}

impl KmsApplication {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            KmsApplication::Windows => "Windows",
            KmsApplication::Office => "Office",
        }
    }

    /// The error for text that is no KmsApplication ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("kms application", s)
    }
}

crate::macros::serde_as_id!(KmsApplication);

impl KmsApplication {
    /// The count a product family is counted in.
    #[must_use]
    pub const fn of_family(family: Family) -> KmsApplication {
        match family {
            Family::Client | Family::Server => KmsApplication::Windows,
            Family::Office => KmsApplication::Office,
        }
    }
}

/// An instant as seconds since the Unix epoch and nanoseconds, ordered like the
/// `DateTime<Utc>` it comes from; integer compares keep recording fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Stamp {
    secs: i64,
    nanos: u32,
}

/// [`KMS_COUNT_WINDOW`] in seconds (30 x 86,400).
const WINDOW_SECS: i64 = KMS_COUNT_WINDOW.duration().num_seconds();

impl Stamp {
    fn of(t: DateTime<Utc>) -> Stamp {
        Stamp {
            secs: t.timestamp(),
            nanos: t.timestamp_subsec_nanos(),
        }
    }

    /// The first instant at which an ID last seen at `self` no longer counts.
    fn expiry(self) -> Stamp {
        Stamp {
            secs: self.secs.saturating_add(WINDOW_SECS),
            nanos: self.nanos,
        }
    }
}

/// Serialises a [`Stamp`] as the RFC 3339 `DateTime<Utc>` it stands for.
#[cfg(feature = "serde")]
mod stamp_serde {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Serialize};

    use super::Stamp;

    pub(super) fn serialize<S: serde::Serializer>(s: &Stamp, ser: S) -> Result<S::Ok, S::Error> {
        DateTime::<Utc>::from_timestamp(s.secs, s.nanos)
            .ok_or_else(|| serde::ser::Error::custom("kms counter time out of range"))?
            .serialize(ser)
    }

    pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
        DateTime::<Utc>::deserialize(d).map(Stamp::of)
    }
}

/// One cached client ID (32 bytes: the last contact is stored flat so that a scan of the table
/// touches little memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "EntryRepr", from = "EntryRepr")
)]
struct Entry {
    id: ClientMachineId,
    /// The last contact (the start of the entry's 30 days), seconds since the Unix epoch.
    secs: i64,
    /// The last contact's nanoseconds.
    nanos: u32,
    /// Contacts from this ID since it entered the table (renewals keep the tally).
    contacts: u32,
}

impl Entry {
    fn new(id: ClientMachineId, seen: Stamp, contacts: u32) -> Entry {
        Entry {
            id,
            secs: seen.secs,
            nanos: seen.nanos,
            contacts,
        }
    }

    fn seen(&self) -> Stamp {
        Stamp {
            secs: self.secs,
            nanos: self.nanos,
        }
    }
}

/// The serialised form of an [`Entry`]: the last contact as an RFC 3339 time.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct EntryRepr {
    id: ClientMachineId,
    #[serde(with = "stamp_serde")]
    seen: Stamp,
    contacts: u32,
}

#[cfg(feature = "serde")]
impl From<Entry> for EntryRepr {
    fn from(e: Entry) -> Self {
        EntryRepr {
            id: e.id,
            seen: e.seen(),
            contacts: e.contacts,
        }
    }
}

#[cfg(feature = "serde")]
impl From<EntryRepr> for Entry {
    fn from(r: EntryRepr) -> Self {
        Entry::new(r.id, r.seen, r.contacts)
    }
}

/// Whether an entry last seen at `seen` no longer counts at `at` (half-open 30 days).
fn is_expired(seen: Stamp, at: Stamp) -> bool {
    at >= seen.expiry()
}

/// No slot: the end of a [`Recency`] list.
const NIL: u32 = u32::MAX;

/// The entries of one table, oldest contact first, in slots linked both ways so that a renewal
/// (the ID moves from anywhere to the newest place) and an eviction are O(1) without moving
/// entries; an ID is found by scanning a 32-bit [`fingerprint`] per slot, a block at a time.
/// Serialised, compared and printed as the list of entries, oldest first.
#[derive(Clone)]
struct Recency {
    /// Every slot ever used (a free slot has `contacts == 0`).
    slots: Vec<Entry>,
    /// The fingerprint of each slot's ID.
    fingerprints: Vec<u32>,
    /// The next older and next newer slot of each slot, or [`NIL`].
    older: Vec<u32>,
    newer: Vec<u32>,
    /// Oldest and newest slot, or [`NIL`] when empty.
    oldest: u32,
    newest: u32,
    /// Free slots.
    free: Vec<u32>,
    len: usize,
}

/// A 32-bit digest of a client machine ID (its four 32-bit words xor-ed): equal IDs have equal
/// fingerprints, so only the slots whose fingerprint matches need the full compare.
fn fingerprint(id: ClientMachineId) -> u32 {
    let v = id.guid().as_u128();
    let x = (v ^ (v >> 64)) as u64;
    (x ^ (x >> 32)) as u32
}

/// The places in `fps` (at most 32) that hold `fp`, as a bit mask (bit `k` for place `k`),
/// compared without a branch.
fn matches(fps: &[u32], fp: u32) -> u32 {
    fps.iter()
        .zip(0u32..32)
        .fold(0, |mask, (&x, k)| mask | u32::from(x == fp).wrapping_shl(k))
}

/// `slot` as an index.
fn at(slot: u32) -> usize {
    slot as usize
}

impl Recency {
    fn len(&self) -> usize {
        self.len
    }

    /// The entries, oldest first.
    fn iter(&self) -> impl Iterator<Item = &Entry> + Clone + '_ {
        let mut slot = self.oldest;
        std::iter::from_fn(move || {
            let e = self.slots.get(at(slot))?;
            slot = self.newer.get(at(slot)).copied().unwrap_or(NIL);
            Some(e)
        })
    }

    fn front(&self) -> Option<&Entry> {
        self.slots.get(at(self.oldest))
    }

    /// The slot holding `id`.
    fn find(&self, id: ClientMachineId) -> Option<u32> {
        let fp = fingerprint(id);
        let mut base = 0u32;
        for block in self.fingerprints.chunks(32) {
            let mut mask = matches(block, fp);
            while mask != 0 {
                let slot = base.saturating_add(mask.trailing_zeros());
                if self
                    .slots
                    .get(at(slot))
                    .is_some_and(|e| e.contacts > 0 && e.id == id)
                {
                    return Some(slot);
                }
                mask &= mask.wrapping_sub(1);
            }
            base = base.saturating_add(32);
        }
        None
    }

    /// Takes `slot` out of the list and frees it; returns its entry.
    fn take(&mut self, slot: u32) -> Option<Entry> {
        let entry = self.slots.get_mut(at(slot))?;
        if entry.contacts == 0 {
            return None;
        }
        let taken = *entry;
        entry.contacts = 0;
        let older = self.older.get(at(slot)).copied().unwrap_or(NIL);
        let newer = self.newer.get(at(slot)).copied().unwrap_or(NIL);
        match self.newer.get_mut(at(older)) {
            Some(n) => *n = newer,
            None => self.oldest = newer,
        }
        match self.older.get_mut(at(newer)) {
            Some(o) => *o = older,
            None => self.newest = older,
        }
        self.free.push(slot);
        self.len = self.len.saturating_sub(1);
        Some(taken)
    }

    fn pop_front(&mut self) -> Option<Entry> {
        self.take(self.oldest)
    }

    /// Adds `e` (whose ID is not in the list) as the newest entry.
    fn push_back(&mut self, e: Entry) {
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                let slot = u32::try_from(self.slots.len()).unwrap_or(NIL);
                self.slots.push(e);
                self.fingerprints.push(0);
                self.older.push(NIL);
                self.newer.push(NIL);
                slot
            }
        };
        if let (Some(s), Some(f), Some(o), Some(n)) = (
            self.slots.get_mut(at(slot)),
            self.fingerprints.get_mut(at(slot)),
            self.older.get_mut(at(slot)),
            self.newer.get_mut(at(slot)),
        ) {
            *s = e;
            *f = fingerprint(e.id);
            *o = self.newest;
            *n = NIL;
        }
        match self.newer.get_mut(at(self.newest)) {
            Some(n) => *n = slot,
            None => self.oldest = slot,
        }
        self.newest = slot;
        self.len = self.len.saturating_add(1);
    }

    fn reserve(&mut self, n: usize) {
        self.slots.reserve(n);
        self.fingerprints.reserve(n);
        self.older.reserve(n);
        self.newer.reserve(n);
    }
}

impl Default for Recency {
    fn default() -> Recency {
        Recency {
            slots: Vec::new(),
            fingerprints: Vec::new(),
            older: Vec::new(),
            newer: Vec::new(),
            oldest: NIL,
            newest: NIL,
            free: Vec::new(),
            len: 0,
        }
    }
}

impl PartialEq for Recency {
    fn eq(&self, other: &Recency) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl Eq for Recency {}

impl fmt::Debug for Recency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Recency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Recency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A Vec first, so that a repeated ID reaches `CountTable::validate` (which names it)
        // instead of being linked twice.
        let entries = Vec::<Entry>::deserialize(d)?;
        let mut r = Recency::default();
        r.reserve(entries.len());
        for e in entries {
            r.push_back(e);
        }
        Ok(r)
    }
}

/// The table of one application.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct CountTable {
    /// Oldest contact first; `seen` non-decreasing; IDs unique; at most `cache_size` entries.
    entries: Recency,
    /// Twice the highest threshold demanded so far (0 before any contact); never shrinks.
    cache_size: u32,
    /// IDs removed after 30 days without renewal, since the counter was created.
    expired: u64,
    /// IDs evicted because the cache was full, since the counter was created.
    evicted: u64,
}

impl CountTable {
    fn record(&mut self, id: ClientMachineId, family: Family, at: Stamp) -> u32 {
        let demanded = family_threshold(family).saturating_mul(2);
        if demanded > self.cache_size {
            self.cache_size = demanded;
            let cap = usize::try_from(demanded).unwrap_or(usize::MAX);
            self.entries.reserve(cap.saturating_sub(self.entries.len()));
        }
        while self
            .entries
            .front()
            .is_some_and(|e| is_expired(e.seen(), at))
        {
            self.entries.pop_front();
            self.expired = self.expired.saturating_add(1);
        }
        let contacts = match self.entries.find(id) {
            // A renewal: "the cached client ID is removed from the table, a new record is
            // created, and the 30 day period begins again."
            Some(slot) => self
                .entries
                .take(slot)
                .map_or(1, |old| old.contacts.saturating_add(1)),
            None => 1,
        };
        self.entries.push_back(Entry::new(id, at, contacts));
        let cap = usize::try_from(self.cache_size).unwrap_or(usize::MAX);
        while self.entries.len() > cap {
            self.entries.pop_front();
            self.evicted = self.evicted.saturating_add(1);
        }
        // Expired entries were removed above, and every entry is at or before `at`.
        u32::try_from(self.entries.len()).unwrap_or(u32::MAX)
    }

    /// Index of the first entry still counted at `at`.
    fn first_live(&self, at: Stamp) -> usize {
        self.entries
            .iter()
            .take_while(|e| is_expired(e.seen(), at))
            .count()
    }

    fn live_from(&self, at: Stamp) -> u32 {
        let live = self.entries.len().saturating_sub(self.first_live(at));
        u32::try_from(live).unwrap_or(u32::MAX)
    }

    #[cfg(feature = "serde")]
    fn validate(&self, app: KmsApplication, last: Option<DateTime<Utc>>) -> Result<(), String> {
        let allowed: &[u32] = match app {
            KmsApplication::Windows => &[0, 10, 50],
            KmsApplication::Office => &[0, 10],
        };
        if !allowed.contains(&self.cache_size) {
            return Err(format!(
                "{app} cache size {} is not one of {allowed:?}",
                self.cache_size
            ));
        }
        if u32::try_from(self.entries.len()).map_or(true, |n| n > self.cache_size) {
            return Err(format!(
                "{app} table holds {} ids, more than its cache size {}",
                self.entries.len(),
                self.cache_size
            ));
        }
        let mut ids: Vec<ClientMachineId> = self.entries.iter().map(|e| e.id).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| matches!(w, [a, b] if a == b)) {
            return Err(format!("{app} table holds a client machine id twice"));
        }
        let last = last.map(Stamp::of);
        let mut prev: Option<Stamp> = None;
        for e in self.entries.iter() {
            if e.contacts == 0 {
                return Err(format!("{app} table entry {} has no contacts", e.id));
            }
            if prev.is_some_and(|p| e.seen() < p) || last.is_none_or(|l| e.seen() > l) {
                return Err(format!(
                    "{app} table entries are not in contact order up to the last contact"
                ));
            }
            prev = Some(e.seen());
        }
        Ok(())
    }
}

/// A KMS host's activation counts, one per [`KmsApplication`], fed with the contacts the host
/// receives in time order.
///
/// The count of an application at an instant is the number of unique client machine IDs in
/// its table whose last contact is less than 30 days old ([`KMS_COUNT_WINDOW`], half-open).
/// The table holds at most twice the highest threshold demanded of it so far: 10 while only
/// Windows Server clients have called, 50 once a Windows client has called (it never shrinks);
/// the Office table holds 10. When the table is full the oldest contact is evicted. A contact
/// from an ID already in the table is a renewal: the ID moves to the newest place and its 30
/// days start again, and the count does not rise (which is why machines cloned from an image
/// that was not generalized count as one). Memory is bounded by the cache: at most 60 entries.
///
/// Time is an argument. Contacts must arrive in time order: one earlier than the last
/// recorded contact is rejected, not reordered; so are queries about an instant before it.
///
/// Sources: see [`KmsCounter::sources`]; the module documentation quotes them.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use volume_activation::{Family, Sku};
/// use volume_activation::catalog::ClientMachineId;
/// use volume_activation::rules::{KmsApplication, KmsCounter};
///
/// let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
/// let mut host = KmsCounter::new();
/// for n in 0..25u128 {
///     host.record(ClientMachineId::from_u128(n), Family::Client, t0)?;
/// }
/// // A cloned machine that was not generalized sends an ID already counted:
/// assert_eq!(host.record(ClientMachineId::from_u128(3), Family::Client, t0)?, 25);
/// assert!(host.is_threshold_met("windows-11/enterprise".parse::<Sku>()?, t0)?);
/// // 30 days later, without renewals, every ID is forgotten.
/// let later = t0 + chrono::TimeDelta::days(30);
/// assert_eq!(host.count_at(KmsApplication::Windows, later)?, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "KmsCounterRepr")
)]
pub struct KmsCounter {
    windows: CountTable,
    office: CountTable,
    last_contact: Option<DateTime<Utc>>,
}

/// The serialised form, validated into a [`KmsCounter`].
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct KmsCounterRepr {
    windows: CountTable,
    office: CountTable,
    last_contact: Option<DateTime<Utc>>,
}

#[cfg(feature = "serde")]
impl TryFrom<KmsCounterRepr> for KmsCounter {
    type Error = Error;

    fn try_from(r: KmsCounterRepr) -> Result<Self, Self::Error> {
        let bad = |detail: String| Error::json("kms counter", detail);
        r.windows
            .validate(KmsApplication::Windows, r.last_contact)
            .map_err(bad)?;
        r.office
            .validate(KmsApplication::Office, r.last_contact)
            .map_err(bad)?;
        Ok(KmsCounter {
            windows: r.windows,
            office: r.office,
            last_contact: r.last_contact,
        })
    }
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

impl KmsCounter {
    /// A host that has received no contact: every count is 0, every cache size 0.
    #[must_use]
    pub fn new() -> KmsCounter {
        KmsCounter::default()
    }

    fn table(&self, app: KmsApplication) -> &CountTable {
        match app {
            KmsApplication::Windows => &self.windows,
            KmsApplication::Office => &self.office,
        }
    }

    #[inline]
    fn check_order(&self, what: &'static str, at: DateTime<Utc>) -> Result<(), Error> {
        match self.last_contact {
            Some(last) if at < last => Err(Error::out_of_order(
                what,
                format!(
                    "{} is earlier than the last contact {}",
                    rfc3339(at),
                    rfc3339(last)
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Records a contact from the KMS client `id` of product family `family` at `at`, and
    /// returns the count the host answers with: the count of the family's application right
    /// after adding the ID ("the host adds the machine ID to its count and then returns the
    /// current count value in its response" — S-PLAN).
    ///
    /// # Errors
    ///
    /// [`Error::is_out_of_order`] when `at` is earlier than the last recorded contact; the
    /// counter is then unchanged.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use volume_activation::Family;
    /// use volume_activation::catalog::ClientMachineId;
    /// use volume_activation::rules::KmsCounter;
    ///
    /// let t = Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap();
    /// let mut host = KmsCounter::new();
    /// assert_eq!(host.record(ClientMachineId::from_u128(1), Family::Server, t)?, 1);
    /// let err = host
    ///     .record(ClientMachineId::from_u128(2), Family::Server, t - chrono::TimeDelta::seconds(1))
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "kms contact out of order: 2026-03-01T07:59:59Z is earlier than the last contact 2026-03-01T08:00:00Z"
    /// );
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    pub fn record(
        &mut self,
        id: ClientMachineId,
        family: Family,
        at: DateTime<Utc>,
    ) -> Result<u32, Error> {
        self.check_order("kms contact", at)?;
        self.last_contact = Some(at);
        let table = match KmsApplication::of_family(family) {
            KmsApplication::Windows => &mut self.windows,
            KmsApplication::Office => &mut self.office,
        };
        Ok(table.record(id, family, Stamp::of(at)))
    }

    /// [`record`](Self::record) for a client of product `sku` (counted in its family).
    ///
    /// # Errors
    ///
    /// As [`record`](Self::record).
    pub fn record_sku(
        &mut self,
        id: ClientMachineId,
        sku: Sku,
        at: DateTime<Utc>,
    ) -> Result<u32, Error> {
        self.record(id, sku.family(), at)
    }

    /// The count of `app` at `at`: unique IDs whose last contact lies in `(at - 30 days, at]`.
    ///
    /// # Errors
    ///
    /// [`Error::is_out_of_order`] when `at` is earlier than the last recorded contact (the
    /// counter no longer knows the table of that instant).
    pub fn count_at(&self, app: KmsApplication, at: DateTime<Utc>) -> Result<u32, Error> {
        self.check_order("kms count query", at)?;
        Ok(self.table(app).live_from(Stamp::of(at)))
    }

    /// Whether a KMS client of `sku` contacting the host at `at` would see a count at or above
    /// its threshold (see [`activation_threshold`](crate::rules::activation_threshold)). The client's
    /// own contact is not included: record it first to ask about the answer it receives.
    ///
    /// # Errors
    ///
    /// As [`count_at`](Self::count_at).
    pub fn is_threshold_met(&self, sku: Sku, at: DateTime<Utc>) -> Result<bool, Error> {
        let app = KmsApplication::of_family(sku.family());
        Ok(crate::rules::is_threshold_met(self.count_at(app, at)?, sku))
    }

    /// The number of IDs `app` can hold: twice the highest threshold demanded of it so far
    /// (0 before its first contact, then 10, and 50 for Windows once a Windows client has
    /// called). It never shrinks.
    #[must_use]
    pub fn cache_size(&self, app: KmsApplication) -> u32 {
        self.table(app).cache_size
    }

    /// The number of IDs the table of `app` holds right now, counted or not (expired entries
    /// leave it at the next contact of that application). Never above
    /// [`cache_size`](Self::cache_size).
    #[must_use]
    pub fn cached_ids(&self, app: KmsApplication) -> usize {
        self.table(app).entries.len()
    }

    /// The time of the last recorded contact, if any.
    #[must_use]
    pub const fn last_contact(&self) -> Option<DateTime<Utc>> {
        self.last_contact
    }

    /// The pages the count model follows, newest rule first.
    #[must_use]
    pub const fn sources() -> &'static [Source] {
        COUNT_SOURCES
    }

    /// Explains the count a KMS client of `sku` would see at `at`: the count, the threshold,
    /// and every documented reason it is what it is ("why is my count stuck below 25?").
    ///
    /// # Errors
    ///
    /// As [`count_at`](Self::count_at).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use volume_activation::{Family, Sku};
    /// use volume_activation::catalog::ClientMachineId;
    /// use volume_activation::rules::{CountFinding, KmsCounter};
    ///
    /// let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    /// let mut host = KmsCounter::new();
    /// for n in 0..12u128 {
    ///     host.record(ClientMachineId::from_u128(n), Family::Server, t)?;
    /// }
    /// let why = host.explain("windows-11/pro".parse::<Sku>()?, t)?;
    /// assert_eq!((why.count(), why.threshold(), why.is_met()), (10, 25, false));
    /// assert!(why.findings().contains(&CountFinding::CacheBelowThreshold { cache_size: 10, threshold: 25 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(&self, sku: Sku, at: DateTime<Utc>) -> Result<CountExplanation, Error> {
        let app = KmsApplication::of_family(sku.family());
        let count = self.count_at(app, at)?;
        let threshold = crate::rules::activation_threshold(sku);
        let table = self.table(app);
        let live_start = table.first_live(Stamp::of(at));
        let mut findings = Vec::new();
        if count < threshold {
            findings.push(CountFinding::TooFewMachines {
                unique: count,
                threshold,
            });
            // Before any contact the cache is 0 and the shortfall says it all.
            if table.cache_size > 0 && table.cache_size < threshold {
                findings.push(CountFinding::CacheBelowThreshold {
                    cache_size: table.cache_size,
                    threshold,
                });
            }
        }
        let repeated = table
            .entries
            .iter()
            .skip(live_start)
            .filter(|e| e.contacts > 1);
        let ids = u32::try_from(repeated.clone().count()).unwrap_or(u32::MAX);
        if ids > 0 {
            let contacts = repeated.fold(0u64, |n, e| n.saturating_add(u64::from(e.contacts)));
            findings.push(CountFinding::RepeatedIds { ids, contacts });
        }
        let pending = u64::try_from(live_start).unwrap_or(u64::MAX);
        let expired = table.expired.saturating_add(pending);
        if expired > 0 {
            findings.push(CountFinding::Expired { ids: expired });
        }
        if table.evicted > 0 {
            findings.push(CountFinding::Evicted { ids: table.evicted });
        }
        Ok(CountExplanation {
            sku,
            application: app,
            count,
            threshold,
            cache_size: table.cache_size,
            findings,
        })
    }
}

/// A reason a KMS count is what it is, each tied to the documented rule it follows.
///
/// Microsoft may document more, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::rules::CountFinding;
///
/// let f = CountFinding::TooFewMachines { unique: 12, threshold: 25 };
/// assert_eq!(
///     f.to_string(),
///     "only 12 unique client machine ids contacted the host within the last 30 days; 25 are needed"
/// );
/// assert!(f.source().url().ends_with("kms-activation-planning"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "finding"))]
#[non_exhaustive]
pub enum CountFinding {
    /// Fewer unique client machine IDs than the threshold contacted the host within 30 days.
    TooFewMachines {
        /// Unique IDs counted.
        unique: u32,
        /// The threshold the client needs.
        threshold: u32,
    },
    /// The table is smaller than the threshold: only Windows Server clients have called so
    /// far, so the host keeps 10 IDs until the first Windows client calls.
    CacheBelowThreshold {
        /// IDs the host keeps.
        cache_size: u32,
        /// The threshold the client needs.
        threshold: u32,
    },
    /// IDs counted now contacted the host more than once. Renewals and retries do this; when
    /// the contacts come from different machines, those machines share one client machine ID
    /// (an image that was not generalized), and the host counts them once.
    RepeatedIds {
        /// IDs with more than one contact.
        ids: u32,
        /// Their contacts in total.
        contacts: u64,
    },
    /// IDs were forgotten after 30 days without a renewal (since the counter was created).
    Expired {
        /// IDs forgotten.
        ids: u64,
    },
    /// IDs were evicted because the table was full (since the counter was created).
    Evicted {
        /// IDs evicted.
        ids: u64,
    },
}

impl CountFinding {
    /// The documented rule behind the finding, quoted.
    #[must_use]
    pub const fn rule(&self) -> &'static str {
        match self {
            CountFinding::TooFewMachines { .. } => {
                "Clients activate if the count is 25 or higher. Servers and volume editions of Microsoft Office products activate if the count is five or greater. The KMS only counts unique connections from the past 30 days"
            }
            CountFinding::CacheBelowThreshold { .. } => {
                "If a KMS host receives activation requests only from servers, the cache will hold only 10 client IDs (twice the required 5). If a client computer running Windows 10 contacts that KMS host, KMS increases the cache size to 50 to accommodate the higher threshold. KMS never reduces the cache size."
            }
            CountFinding::RepeatedIds { .. } => {
                "When a client renews its activation, the cached client ID is removed from the table, a new record is created, and the 30 day period begins again."
            }
            CountFinding::Expired { .. } => {
                "If a KMS client computer doesn't renew its activation within 30 days, the KMS host removes the corresponding client ID from the table and reduces the activation count by one."
            }
            CountFinding::Evicted { .. } => {
                "the KMS host only caches twice the number of client IDs that are required to meet the activation threshold. Therefore, only the 50 most recent client IDs are kept in the table, and a client ID could be removed much sooner than 30 days."
            }
        }
    }

    /// Where the rule is published.
    #[must_use]
    pub const fn source(&self) -> Source {
        match self {
            CountFinding::TooFewMachines { .. } => Source::KMS_PLANNING,
            CountFinding::RepeatedIds { .. }
            | CountFinding::CacheBelowThreshold { .. }
            | CountFinding::Expired { .. }
            | CountFinding::Evicted { .. } => Source::KMS_W10_CLIENTS,
        }
    }

    /// How sure the crate is of the rule. Every finding follows a documented rule; that
    /// repeated IDs come from cloned images is a documented cause the host cannot tell from a
    /// renewal, which the message says.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        Confidence::Documented
    }
}

impl fmt::Display for CountFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            CountFinding::TooFewMachines { unique, threshold } => write!(
                f,
                "only {unique} unique client machine ids contacted the host within the last 30 days; {threshold} are needed"
            ),
            CountFinding::CacheBelowThreshold {
                cache_size,
                threshold,
            } => write!(
                f,
                "the host keeps only {cache_size} client machine ids because no windows client has contacted it yet, fewer than the {threshold} needed; the first windows client contact raises the cache to 50"
            ),
            CountFinding::RepeatedIds { ids, contacts } => write!(
                f,
                "{ids} counted client machine ids made {contacts} contacts; repeats never raise the count, and machines cloned from an image that was not generalized share one id"
            ),
            CountFinding::Expired { ids } => write!(
                f,
                "{ids} client machine ids were forgotten after 30 days without renewal"
            ),
            CountFinding::Evicted { ids } => write!(
                f,
                "{ids} client machine ids were evicted because the host's table was full"
            ),
        }
    }
}

/// Why a KMS client sees the count it sees: the count, the threshold, the cache size, and the
/// documented reasons ([`CountFinding`]), as [`KmsCounter::explain`] computes them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CountExplanation {
    sku: Sku,
    application: KmsApplication,
    count: u32,
    threshold: u32,
    cache_size: u32,
    findings: Vec<CountFinding>,
}

impl CountExplanation {
    /// The client product asked about.
    #[must_use]
    pub const fn sku(&self) -> Sku {
        self.sku
    }

    /// The count the product is counted in.
    #[must_use]
    pub const fn application(&self) -> KmsApplication {
        self.application
    }

    /// The count at the instant asked about.
    #[must_use]
    pub const fn count(&self) -> u32 {
        self.count
    }

    /// The product's threshold (25 client, 5 server and Office).
    #[must_use]
    pub const fn threshold(&self) -> u32 {
        self.threshold
    }

    /// Whether the count meets the threshold.
    #[must_use]
    pub const fn is_met(&self) -> bool {
        self.count >= self.threshold
    }

    /// The number of IDs the application's table holds at most.
    #[must_use]
    pub const fn cache_size(&self) -> u32 {
        self.cache_size
    }

    /// The findings, most important first: the shortfall, then the cache size, repeated IDs,
    /// expiries and evictions.
    #[must_use]
    pub fn findings(&self) -> &[CountFinding] {
        &self.findings
    }

    /// The rule pages the findings follow.
    #[must_use]
    pub const fn sources(&self) -> &'static [Source] {
        COUNT_SOURCES
    }
}

impl fmt::Display for CountExplanation {
    /// One line with the count and threshold, then one line per finding.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} count {} of {} needed by {}",
            self.application.name(),
            self.count,
            self.threshold,
            self.sku.name()
        )?;
        for finding in &self.findings {
            write!(f, "\n- {finding}")?;
        }
        Ok(())
    }
}
