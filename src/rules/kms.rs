//! KMS hosts: host key x client, host OS x host key, required updates, and
//! `check_activation` / `can_activate`.

use chrono::TimeDelta;

use crate::catalog::coverage::{Answer, Coverage};
use crate::catalog::{Channel, Family, Kb, KmsHostKey, Sku, Source};
use crate::rules::denial::Denial;
use crate::rules::required_update::{UpdateNeed, required_update};
use crate::rules::threshold::activation_threshold;
use crate::rules::timing::{KMS_RENEWAL_DEFAULT, KMS_VALIDITY};
use crate::tables::kms_updates::generation;

/// Whether KMS host key `key` activates KMS clients of `client`: documented yes, derived yes,
/// documented no, or undocumented, with the basis and its sources.
///
/// Rules applied, in order, each answering with a named [`Basis`](crate::catalog::Basis):
/// Office needs the Office host key of its own version, and an older version's key never
/// activates a newer Office ([`OfficeOlderKeyNewerVersion`](crate::catalog::Basis::OfficeOlderKeyNewerVersion),
/// derived no); no key activates Small Business Server 2011 (KMS is not offered for it); the
/// rows of Microsoft's tables (current and historical); the Windows Server 2008 / 2008 R2 group
/// keys never activate a higher group; the Windows Server 2012 and Windows 8 keys activate
/// their own group and the previous generation
/// ([`PreviousGeneration`](crate::catalog::Basis::PreviousGeneration)); a client KMS host key
/// activates only Windows client; Windows Vista / Server 2008 keys cannot activate Windows 7 /
/// 2008 R2 and later; a newer Windows Server needs a newer key; a key does not activate a later
/// client generation ([`LaterGeneration`](crate::catalog::Basis::LaterGeneration), with
/// KB3086418's documented case and the LTSB/LTSC years of the rows); everything else is
/// undocumented (Windows 11 on the Windows 10 generation and 2019 keys; LTSC 2021 on the
/// yearless rows; IoT Enterprise LTSC; omissions of older products from newer rows).
///
/// ```
/// use volume_activation::{KmsHostKey, Sku};
/// use volume_activation::catalog::{Answer, Basis};
/// use volume_activation::rules::host_key_coverage;
///
/// let win11: Sku = "windows-11/enterprise".parse()?;
/// assert_eq!(host_key_coverage(KmsHostKey::WindowsServer2022, win11).answer(), Answer::Documented);
/// let c = host_key_coverage(KmsHostKey::WindowsServer2019, win11);
/// assert_eq!((c.answer(), c.basis()), (Answer::Undocumented, Basis::Windows11NotListed));
///
/// // The rules between the rows: a Windows 8.1 key does not activate Windows 10 (derived).
/// let c = host_key_coverage(KmsHostKey::Windows81, "windows-10/enterprise".parse()?);
/// assert_eq!((c.answer(), c.basis()), (Answer::DerivedNo, Basis::LaterGeneration));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn host_key_coverage(key: KmsHostKey, client: Sku) -> Coverage {
    crate::tables::kms_host_key::key_coverage(key, client.release(), client.edition())
}

/// Whether a KMS host running `host_os` can run host key `key` (install and activate it),
/// with the basis and its sources. Windows Server 2003 hosts are not modelled.
///
/// ```
/// use volume_activation::{KmsHostKey, Sku};
/// use volume_activation::catalog::Answer;
/// use volume_activation::rules::host_os_support;
///
/// let ws2016: Sku = "windows-server-2016/standard".parse()?;
/// assert!(host_os_support(ws2016, KmsHostKey::WindowsServer2022).is_yes());
/// assert_eq!(host_os_support(ws2016, KmsHostKey::WindowsServer2025).answer(), Answer::Undocumented);
/// assert_eq!(host_os_support(ws2016, KmsHostKey::Windows10).answer(), Answer::DocumentedNo);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn host_os_support(host_os: Sku, key: KmsHostKey) -> Coverage {
    crate::tables::kms_host_os::host_support(host_os.release(), host_os.edition(), key)
}

/// A KMS host: its operating system (a [`Sku`], because the edition matters — Datacenter:
/// Azure Edition cannot be a KMS host, and some host-OS rows name Standard and Datacenter
/// only), the host key it runs, and the updates it has installed.
///
/// Record the KB Microsoft names as installed when a later cumulative update or monthly
/// rollup is installed (they include it).
///
/// ```
/// use volume_activation::{KmsHost, KmsHostKey, Sku};
/// use volume_activation::catalog::Kb;
///
/// let host = KmsHost::new("windows-server-2016/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2019)
///     .with_update(Kb::new(4_478_877).unwrap());
/// assert_eq!(host.key(), KmsHostKey::WindowsServer2019);
/// assert!(host.has_update(Kb::new(4_478_877).unwrap()));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(from = "KmsHostRepr", into = "KmsHostRepr")
)]
pub struct KmsHost {
    os: Sku,
    key: KmsHostKey,
    updates: Vec<Kb>,
    /// The host-side rules (host OS runs the key, key update installed), decided once when
    /// the host is built: they do not depend on the client.
    host_denial: Option<Denial>,
    /// Whether the host OS runs the key, and why (cached with `host_denial`).
    host_support: Coverage,
    /// Every client the host activates, decided once by the rules themselves
    /// ([`ClientTable::of`]): the fast path of [`can_activate`] and [`check_activation`].
    clients: Box<ClientTable>,
}

/// How many slots a table over [`Sku::index`] has: one per `u8` index (at least
/// [`Sku::COUNT`]), so that a lookup needs no bounds check.
const SLOTS: usize = 256;

/// What a [`KmsHost`] answers each client SKU, decided when the host is built: whether it
/// activates a KMS client of the SKU at a count meeting the SKU's threshold (a bit per
/// [`Sku::index`]), the SKU's threshold, and the key's coverage of the SKU (for the
/// [`Activation`] record). Slots past [`Sku::COUNT`] activate nothing.
#[derive(Clone, PartialEq, Eq, Hash)]
struct ClientTable {
    activates: [u64; SLOTS / 64],
    threshold: [u32; SLOTS],
    coverage: [Coverage; SLOTS],
}

impl ClientTable {
    /// A table that activates nothing (until [`ClientTable::of`] fills it).
    fn of_nothing() -> ClientTable {
        ClientTable {
            activates: [0; SLOTS / 64],
            threshold: [u32::MAX; SLOTS],
            coverage: [Coverage::new(Answer::Undocumented, crate::catalog::Basis::NotListed);
                SLOTS],
        }
    }

    /// The table of `host`, from the slow path ([`evaluate`]) asked once per SKU with a count
    /// that meets every threshold: whatever the rules decide (coverage, host OS, updates) is
    /// what the table holds, so a change to the rules changes the table.
    fn of(host: &KmsHost) -> ClientTable {
        let mut table = ClientTable::of_nothing();
        for client in Sku::all() {
            let i = client.index();
            if let Some(c) = table.coverage.get_mut(i) {
                *c = host_key_coverage(host.key, client);
            }
            if let Some(t) = table.threshold.get_mut(i) {
                *t = activation_threshold(client);
            }
            if evaluate(host, client, Channel::VolumeGvlk, u32::MAX).is_ok() {
                if let Some(word) = table.activates.get_mut(i / 64) {
                    *word |= 1 << (i % 64);
                }
            }
        }
        table
    }

    /// Whether the host activates a KMS client of `client` that reports `count`: one bit test
    /// and one compare, no branch (every `u8` index is in range, so the bounds checks fold
    /// away).
    #[inline]
    fn grants(&self, client: Sku, count: u32) -> bool {
        let i = client.index();
        let bit = self
            .activates
            .get(i / 64)
            .is_some_and(|word| word >> (i % 64) & 1 == 1);
        bit & self.threshold.get(i).is_some_and(|t| count >= *t)
    }

    /// How many SKUs the host activates.
    fn len(&self) -> u32 {
        self.activates.iter().map(|w| w.count_ones()).sum()
    }
}

impl std::fmt::Debug for ClientTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ClientTable {{ activates: {} SKUs }}", self.len())
    }
}

/// The serialised form of [`KmsHost`]: the cached host-side answer is recomputed on read.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct KmsHostRepr {
    os: Sku,
    key: KmsHostKey,
    updates: Vec<Kb>,
}

#[cfg(feature = "serde")]
impl From<KmsHostRepr> for KmsHost {
    fn from(r: KmsHostRepr) -> KmsHost {
        r.updates
            .into_iter()
            .fold(KmsHost::new(r.os, r.key), KmsHost::with_update)
    }
}

#[cfg(feature = "serde")]
impl From<KmsHost> for KmsHostRepr {
    fn from(h: KmsHost) -> KmsHostRepr {
        KmsHostRepr {
            os: h.os,
            key: h.key,
            updates: h.updates,
        }
    }
}

impl KmsHost {
    /// A host running `os` with host key `key` and no updates recorded.
    #[must_use]
    pub fn new(os: Sku, key: KmsHostKey) -> KmsHost {
        let mut host = KmsHost::probe(os, key, []);
        *host.clients = ClientTable::of(&host);
        host
    }

    /// A host to ask [`check_activation`] a question or two (a planner's what-if): the
    /// host-side rules are decided once for all of `updates`, and the client table is left
    /// empty, so every question runs the rules (exact, and cheaper than building the table for
    /// one answer). Never ask [`can_activate`] of it: with no table it answers no.
    pub(crate) fn probe(
        os: Sku,
        key: KmsHostKey,
        updates: impl IntoIterator<Item = Kb>,
    ) -> KmsHost {
        let mut host = KmsHost {
            os,
            key,
            updates: Vec::new(),
            host_denial: None,
            host_support: host_os_support(os, key),
            clients: Box::new(ClientTable::of_nothing()),
        };
        for kb in updates {
            if !host.updates.contains(&kb) {
                host.updates.push(kb);
            }
        }
        host.host_denial = host_side(&host).err();
        host
    }

    /// Decides the host-side rules and the client table again, after a change.
    fn decide(&mut self) {
        self.host_denial = host_side(self).err();
        *self.clients = ClientTable::of(self);
    }

    /// The same host with `kb` installed.
    #[must_use]
    pub fn with_update(mut self, kb: Kb) -> KmsHost {
        if !self.updates.contains(&kb) {
            self.updates.push(kb);
            self.decide();
        }
        self
    }

    /// The host operating system.
    #[must_use]
    pub const fn os(&self) -> Sku {
        self.os
    }

    /// The installed host key.
    #[must_use]
    pub const fn key(&self) -> KmsHostKey {
        self.key
    }

    /// The installed updates, in the order they were added.
    #[must_use]
    pub fn updates(&self) -> &[Kb] {
        &self.updates
    }

    /// Whether `kb` is installed.
    #[must_use]
    pub fn has_update(&self, kb: Kb) -> bool {
        self.updates.contains(&kb)
    }
}

/// A successful KMS activation: who activated whom, the count and threshold, the validity and
/// renewal interval, and the answers (with sources) it rests on.
///
/// ```
/// use volume_activation::{check_activation, Channel, KmsHost, KmsHostKey, Sku};
/// use volume_activation::rules::KMS_VALIDITY;
///
/// let host = KmsHost::new("windows-server-2022/datacenter".parse::<Sku>()?, KmsHostKey::WindowsServer2022);
/// let a = check_activation(&host, "windows-11/pro".parse()?, Channel::VolumeGvlk, 30)?;
/// assert_eq!(a.validity(), KMS_VALIDITY.duration());
/// assert_eq!(a.renewal_interval().num_days(), 7);
/// assert!(a.sources().any(|s| s.id() == "S-PLAN"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// With the `serde` feature an activation deserialises only if [`check_activation`] gives
/// exactly it again: the check is re-run for the recorded host OS, key, client and count, on a
/// host with the updates Microsoft names for them installed (the record says it activated, so
/// they were). A forged record (a client the key does not cover, a count below the threshold,
/// a coverage that does not match) is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(transparent))]
pub struct Activation(ActivationRecord);

/// The fields of an [`Activation`] (and its serialised form, checked on read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
struct ActivationRecord {
    host_os: Sku,
    key: KmsHostKey,
    client: Sku,
    count: u32,
    threshold: u32,
    key_coverage: Coverage,
    host_support: Coverage,
}

impl Activation {
    /// The host operating system.
    #[must_use]
    pub const fn host_os(&self) -> Sku {
        self.0.host_os
    }

    /// The host key that activated the client.
    #[must_use]
    pub const fn key(&self) -> KmsHostKey {
        self.0.key
    }

    /// The activated client.
    #[must_use]
    pub const fn client(&self) -> Sku {
        self.0.client
    }

    /// The count the host reported.
    #[must_use]
    pub const fn count(&self) -> u32 {
        self.0.count
    }

    /// The client's activation threshold.
    #[must_use]
    pub const fn threshold(&self) -> u32 {
        self.0.threshold
    }

    /// Whether the host key covers the client, and why.
    #[must_use]
    pub const fn key_coverage(&self) -> Coverage {
        self.0.key_coverage
    }

    /// Whether the host OS runs the key, and why.
    #[must_use]
    pub const fn host_support(&self) -> Coverage {
        self.0.host_support
    }

    /// How long the activation is valid: [`KMS_VALIDITY`](crate::rules::KMS_VALIDITY) (180 days).
    #[must_use]
    pub const fn validity(&self) -> TimeDelta {
        KMS_VALIDITY.duration()
    }

    /// How often the client renews by default: [`KMS_RENEWAL_DEFAULT`](crate::rules::KMS_RENEWAL_DEFAULT) (7 days).
    #[must_use]
    pub const fn renewal_interval(&self) -> TimeDelta {
        KMS_RENEWAL_DEFAULT.duration()
    }

    /// Every source the answer used: the key coverage, the host-OS support, the threshold,
    /// validity and renewal (KMS activation planning; for Office also the Office KMS page).
    pub fn sources(&self) -> impl Iterator<Item = Source> + Clone + '_ {
        let timing: &'static [Source] = match self.0.client.family() {
            Family::Office => &[Source::KMS_PLANNING, Source::OFFICE_ACTIVATE_BY_KMS],
            Family::Client | Family::Server => &[Source::KMS_PLANNING],
        };
        self.0
            .key_coverage
            .sources()
            .iter()
            .chain(self.0.host_support.sources())
            .chain(timing)
            .copied()
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Activation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = ActivationRecord::deserialize(d)?;
        let releases = [r.key.issued_for(), r.client.release()];
        let host = releases
            .into_iter()
            .flat_map(|rel| required_update(r.host_os.release(), rel).kbs())
            .fold(KmsHost::new(r.host_os, r.key), KmsHost::with_update);
        let again = check_activation(&host, r.client, Channel::VolumeGvlk, r.count)
            .map_err(serde::de::Error::custom)?;
        if again.0 == r {
            Ok(again)
        } else {
            Err(serde::de::Error::custom(format!(
                "kms activation of {} by the {} host key on {} does not match check_activation",
                r.client, r.key, r.host_os
            )))
        }
    }
}

/// Whether `host` activates a KMS client of `client` on channel `client_channel` when the
/// host reports `count`, and if not, which rule fails ([`Denial`]).
///
/// The rules are checked in this order:
/// 1. the client is a KMS client (channel [`Channel::VolumeGvlk`]);
/// 2. a KMS host on a Windows client OS activates only Windows client;
/// 3. the host key covers the client (documented yes or derived; undocumented is a denial);
/// 4. the host OS can run the host key (documented yes or derived);
/// 5. the host OS has the update the key needs ([`required_update`](crate::rules::required_update)
///    for the release the key was issued for);
/// 6. the host OS has the update the client release needs, and can be updated for it at all
///    (a client not newer than the key's release needs only the key's update, derived; where
///    Microsoft names nothing, [`Denial::UpdateUndocumented`]);
/// 7. the count meets the client's activation threshold.
///
/// # Errors
///
/// A [`Denial`] naming the first rule that fails.
///
/// ```
/// use volume_activation::{check_activation, Channel, Denial, KmsHost, KmsHostKey, Sku};
/// use volume_activation::catalog::Kb;
///
/// // The issue's question: a Windows Server 2016 host with a Windows Server 2019 host key,
/// // asked to activate Windows 11 Enterprise.
/// let host = KmsHost::new("windows-server-2016/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2019)
///     .with_update(Kb::new(4_478_877).unwrap());
/// let win11: Sku = "windows-11/enterprise".parse()?;
/// let denial = check_activation(&host, win11, Channel::VolumeGvlk, 50).unwrap_err();
/// assert!(matches!(denial, Denial::CoverageUndocumented { .. }));
///
/// // Windows 10 Enterprise is documented.
/// let win10: Sku = "windows-10/enterprise".parse()?;
/// assert!(check_activation(&host, win10, Channel::VolumeGvlk, 50).is_ok());
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[inline]
pub fn check_activation(
    host: &KmsHost,
    client: Sku,
    client_channel: Channel,
    count: u32,
) -> Result<Activation, Denial> {
    // Fast path: the host's table (built by `evaluate` itself) says yes; only a denial needs
    // the rules run again, to name the rule that fails.
    if client_channel.is_kms_client() & host.clients.grants(client, count) {
        return Ok(Activation(ActivationRecord {
            host_os: host.os,
            key: host.key,
            client,
            count,
            threshold: activation_threshold(client),
            key_coverage: host
                .clients
                .coverage
                .get(client.index())
                .copied()
                .unwrap_or_else(|| host_key_coverage(host.key, client)),
            host_support: host.host_support,
        }));
    }
    evaluate(host, client, client_channel, count)
}

/// The rules of [`check_activation`], run one by one (the slow path, and what a host's
/// [`ClientTable`] is built from).
fn evaluate(
    host: &KmsHost,
    client: Sku,
    client_channel: Channel,
    count: u32,
) -> Result<Activation, Denial> {
    if !client_channel.is_kms_client() {
        return Err(Denial::NotKmsClient {
            client,
            channel: client_channel,
        });
    }
    let host_os = host.os;
    let key = host.key;
    if matches!(host_os.family(), Family::Client) && matches!(client.family(), Family::Server) {
        return Err(Denial::ClientHostCannotActivateServer { host_os, client });
    }
    let key_coverage = host_key_coverage(key, client);
    match key_coverage.answer() {
        Answer::Documented | Answer::Derived => {}
        Answer::DocumentedNo | Answer::DerivedNo => {
            return Err(Denial::KeyDoesNotCover {
                key,
                client,
                coverage: key_coverage,
            });
        }
        Answer::Undocumented => {
            return Err(Denial::CoverageUndocumented {
                key,
                client,
                coverage: key_coverage,
            });
        }
    }
    // The host's own state comes after the key's coverage: a client the key does not cover is
    // told so, rather than an update to install that would not help it.
    if let Some(denial) = host.host_denial {
        return Err(denial);
    }
    if !key.is_office_key() {
        check_update(host, client.release(), true)?;
    }
    let threshold = activation_threshold(client);
    if count < threshold {
        return Err(Denial::CountBelowThreshold {
            client,
            count,
            threshold,
        });
    }
    Ok(Activation(ActivationRecord {
        host_os,
        key,
        client,
        count,
        threshold,
        key_coverage,
        host_support: host.host_support,
    }))
}

/// Rules 4 and 5 of [`check_activation`]: the host OS runs the key, with its update.
fn host_side(host: &KmsHost) -> Result<(), Denial> {
    let (host_os, key, host_support) = (host.os, host.key, host.host_support);
    match host_support.answer() {
        Answer::Documented | Answer::Derived => {}
        Answer::DocumentedNo | Answer::DerivedNo => {
            return Err(Denial::HostOsCannotRunKey {
                host_os,
                key,
                coverage: host_support,
            });
        }
        Answer::Undocumented => {
            return Err(Denial::HostOsUndocumented {
                host_os,
                key,
                coverage: host_support,
            });
        }
    }
    if !key.is_office_key() {
        check_update(host, key.issued_for(), false)?;
    }
    Ok(())
}

/// Checks the update `host` needs for `release` (the host key's release, `for_client` false, or
/// the client's). Conservative: only a documented "not needed", a documented update that is
/// installed, or the derived rule below passes; where Microsoft is silent the answer is a
/// denial ([`Denial::UpdateUndocumented`]), not a guess.
///
/// Derived rule for the client: the update tables name clients by the key generation they
/// arrived with (S-PLAN: "Download and install the correct update for your current KMS host
/// operating system", then "Install the new KMS host key"; S-2019ACT lists KB4467695 for 2012 R2
/// hosts and, on the same page, Windows 10 Enterprise LTSC 2019 among the products of the 2019
/// key). So when Microsoft names no update for the client release itself, a client not newer
/// than the release the host key was issued for needs nothing beyond the key's own update,
/// which [`host_side`] has already required.
fn check_update(
    host: &KmsHost,
    release: crate::catalog::Release,
    for_client: bool,
) -> Result<(), Denial> {
    let req = required_update(host.os.release(), release);
    let undocumented = Denial::UpdateUndocumented {
        host_os: host.os,
        release,
    };
    match req.need() {
        UpdateNeed::NotNeeded => Ok(()),
        UpdateNeed::Undocumented if for_client => {
            match (generation(release), generation(host.key.issued_for())) {
                (Some(client), Some(key)) if client <= key => Ok(()),
                _ => Err(undocumented),
            }
        }
        UpdateNeed::Undocumented => Err(Denial::HostOsUndocumented {
            host_os: host.os,
            key: host.key,
            coverage: Coverage::new(Answer::Undocumented, req.basis()),
        }),
        UpdateNeed::Required if req.is_met_by(&host.updates) => Ok(()),
        UpdateNeed::Required => match req.kb() {
            Some(kb) => Err(Denial::UpdateMissing {
                host_os: host.os,
                release,
                kb,
                alternative: req.kbs().nth(1),
            }),
            None => Err(undocumented),
        },
        UpdateNeed::CannotBeUpdated => Err(Denial::CannotBeUpdated {
            host_os: host.os,
            release,
        }),
    }
}

/// Whether `host` activates a KMS client of `client`: exactly `check_activation(..).is_ok()`.
///
/// Decided in a few nanoseconds: the host worked out which SKUs it activates when it was built
/// (coverage, host OS, updates), so this is a channel check, a bit test and a threshold compare.
///
/// ```
/// use volume_activation::{can_activate, Channel, KmsHost, KmsHostKey, Sku};
///
/// let host = KmsHost::new("windows-server-2025/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2025);
/// assert!(can_activate(&host, "windows-11-ltsc-2024/enterprise-ltsc".parse()?, Channel::VolumeGvlk, 25));
/// assert!(!can_activate(&host, "windows-11/pro".parse()?, Channel::VolumeMak, 25));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
#[inline]
pub fn can_activate(host: &KmsHost, client: Sku, client_channel: Channel, count: u32) -> bool {
    // `&`, not `&&`: three flags and no branch, so a random mix of yes and no costs no
    // mispredictions.
    client_channel.is_kms_client() & host.clients.grants(client, count)
}

/// KMS questions asked of the host key.
impl KmsHostKey {
    /// Whether this host key activates `client`; the same as [`host_key_coverage`].
    ///
    /// ```
    /// use volume_activation::{KmsHostKey, Sku};
    /// use volume_activation::catalog::Answer;
    ///
    /// let win11: Sku = "windows-11/enterprise".parse()?;
    /// assert_eq!(KmsHostKey::WindowsServer2022.covers(win11).answer(), Answer::Documented);
    /// assert_eq!(KmsHostKey::WindowsServer2019.covers(win11).answer(), Answer::Undocumented);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn covers(self, client: Sku) -> Coverage {
        host_key_coverage(self, client)
    }

    /// Whether a KMS host running `host_os` can run this key; the same as
    /// [`host_os_support`].
    ///
    /// ```
    /// use volume_activation::{KmsHostKey, Sku};
    ///
    /// let os: Sku = "windows-server-2022/standard".parse()?;
    /// assert!(KmsHostKey::WindowsServer2022.runs_on(os).answer().is_yes());
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn runs_on(self, host_os: Sku) -> Coverage {
        host_os_support(host_os, self)
    }
}

/// Activation questions asked of the host.
impl KmsHost {
    /// Whether this host activates `client` installed under `client_channel` when it reports
    /// `count`; the same as [`check_activation`].
    ///
    /// ```
    /// use volume_activation::{Channel, KmsHost, KmsHostKey, Sku};
    ///
    /// let host = KmsHost::new("windows-server-2022/standard".parse()?, KmsHostKey::WindowsServer2022);
    /// let client: Sku = "windows-11/enterprise".parse()?;
    /// assert!(host.check(client, Channel::VolumeGvlk, 25).is_ok());
    /// assert!(!host.can_activate(client, Channel::VolumeGvlk, 24));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The [`Denial`] naming the rule that fails, as [`check_activation`].
    pub fn check(
        &self,
        client: Sku,
        client_channel: Channel,
        count: u32,
    ) -> Result<Activation, Denial> {
        check_activation(self, client, client_channel, count)
    }

    /// [`check`](Self::check) as a `bool`; the same as [`can_activate`].
    #[must_use]
    pub fn can_activate(&self, client: Sku, client_channel: Channel, count: u32) -> bool {
        can_activate(self, client, client_channel, count)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use strum::VariantArray;

    /// Every KB the update rules name.
    const KBS: [u32; 12] = [
        5_034_765, 5_034_768, 5_003_646, 5_003_638, 4_478_877, 4_467_695, 3_172_614, 3_172_615,
        3_079_821, 2_757_817, 2_885_698, 968_912,
    ];

    fn host(os: usize, key: usize, kbs: &[usize]) -> KmsHost {
        let os = Sku::from_index(os).unwrap();
        let key = KmsHostKey::VARIANTS[key];
        kbs.iter().fold(KmsHost::new(os, key), |h, i| {
            h.with_update(Kb::new(KBS[*i]).unwrap())
        })
    }

    /// The fast path (`can_activate`, `check_activation`'s table) and the rules run one by one
    /// (`evaluate`) give the same answer, and the same activation or denial.
    fn agree(h: &KmsHost, client: Sku, channel: Channel, count: u32) {
        let slow = evaluate(h, client, channel, count);
        assert_eq!(
            can_activate(h, client, channel, count),
            slow.is_ok(),
            "{h:?} {client} {channel} {count}"
        );
        assert_eq!(check_activation(h, client, channel, count), slow);
    }

    /// Every host OS x host key (with every update, and with none) x client, on a KMS channel,
    /// at the counts around each threshold.
    #[test]
    fn fast_path_agrees_on_every_host_os_key_and_client() {
        let all: Vec<usize> = (0..KBS.len()).collect();
        for os in 0..Sku::COUNT {
            for key in 0..KmsHostKey::VARIANTS.len() {
                for h in [host(os, key, &[]), host(os, key, &all)] {
                    for client in Sku::all() {
                        for count in [0, 4, 5, 24, 25, u32::MAX] {
                            agree(&h, client, Channel::VolumeGvlk, count);
                        }
                    }
                }
            }
        }
    }

    proptest! {
        /// Any host (OS, key, any set of updates in any order), client, channel and count.
        #[test]
        fn fast_path_agrees_with_the_rules(
            os in 0..Sku::COUNT,
            key in 0..KmsHostKey::VARIANTS.len(),
            kbs in proptest::collection::vec(0..KBS.len(), 0..6),
            client in 0..Sku::COUNT,
            channel in 0..Channel::VARIANTS.len(),
            count in prop_oneof![0u32..60, any::<u32>()],
        ) {
            let h = host(os, key, &kbs);
            let (client, channel) = (Sku::from_index(client).unwrap(), Channel::VARIANTS[channel]);
            agree(&h, client, channel, count);
            // A probe host (no client table) gives check_activation's answer too.
            let probe = KmsHost::probe(
                h.os(),
                h.key(),
                kbs.iter().map(|i| Kb::new(KBS[*i]).unwrap()),
            );
            prop_assert_eq!(probe.updates(), h.updates());
            prop_assert_eq!(
                check_activation(&probe, client, channel, count),
                check_activation(&h, client, channel, count)
            );
        }
    }
}
