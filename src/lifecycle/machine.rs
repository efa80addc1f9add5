//! One machine's licence lifecycle: built at install time, changed by events, queried at any
//! instant.

use chrono::{DateTime, Datelike, TimeDelta, Timelike, Utc};

use crate::catalog::{Channel, Confidence, Family, Release, Sku};
use crate::error::Error;
use crate::lifecycle::event::{ActivationMethod, Event};
use crate::lifecycle::license_status::LicenseStatus;
use crate::lifecycle::observation::Observation;
use crate::rules::adba::supports_adba;
use crate::rules::timing::{
    ADBA_RENEWAL, ADBA_VALIDITY, ExpiryMode, HR_GRACE_TIME_EXPIRED, HR_NONGENUINE_GRACE,
    HR_NONGENUINE_GRACE_EXPIRED, HR_OUT_OF_TOLERANCE, HR_REARM_EXHAUSTED, KMS_VALIDITY,
    KmsInterval, Timing, expiry_mode, hardware_oot_grace, non_genuine_grace, oob_grace, oot_grace,
    rearm_grace, rearm_limit,
};

/// The timed regime a machine is in since its last event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "phase", rename_all = "kebab-case", deny_unknown_fields)
)]
enum Phase {
    /// A grace period `[start, end)`; Notification from `end` on.
    Grace {
        status: LicenseStatus,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        reason: Option<u32>,
        expired_reason: Option<u32>,
        confidence: Confidence,
    },
    /// Activated at `since`; for KMS and ADBA licensed until `expires`, then out-of-tolerance
    /// grace until `oot_end`, then Notification.
    Licensed {
        method: ActivationMethod,
        since: DateTime<Utc>,
        expires: Option<DateTime<Utc>>,
        oot_end: Option<DateTime<Utc>>,
        oot_confidence: Confidence,
    },
    /// Unlicensed for good (an evaluation past its end date).
    Unlicensed { since: DateTime<Utc> },
}

/// The stored form of a [`Lifecycle`]; deserialised data is validated before use.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Data {
    sku: Sku,
    channel: Channel,
    installed_at: DateTime<Utc>,
    vista_rtm: bool,
    evaluation_end: Option<DateTime<Utc>>,
    /// The out-of-box grace clock (from install or the last rearm): its start and end.
    grace_start: DateTime<Utc>,
    grace_end: DateTime<Utc>,
    grace_confidence: Confidence,
    phase: Phase,
    rearms_left: u32,
    renewal_interval: KmsInterval,
    last_event_at: DateTime<Utc>,
    activations: u32,
}

/// A machine's licence lifecycle for one product: built at install time, changed by
/// [`Event`]s applied in time order, and queried at any instant with [`Lifecycle::state_at`].
///
/// The lifecycle never reads the clock: every instant is an argument. Windows are half-open:
/// a grace period that starts at `s` and lasts `d` covers `[s, s + d)`, so at `s + d` the
/// machine is already in the next state. Lengths Microsoft does not publish for a release are
/// the documented fallbacks of [`oob_grace`], [`oot_grace`], [`hardware_oot_grace`],
/// [`non_genuine_grace`] and
/// [`rearm_limit`], and [`State::confidence`] says so.
///
/// With the `serde` feature a lifecycle serialises losslessly; [`Lifecycle::from_json`] reads
/// one back and rejects bad or inconsistent JSON.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use volume_activation::{Channel, LicenseStatus, Lifecycle, Sku};
/// use volume_activation::rules::KmsInterval;
/// use volume_activation::lifecycle::Event;
///
/// let sku: Sku = "windows-10/enterprise".parse()?;
/// let t0 = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
/// let mut m = Lifecycle::install(sku, Channel::VolumeGvlk, t0)?;
/// assert_eq!(m.state_at(t0).status(), LicenseStatus::OobGrace);
///
/// let t1 = t0 + TimeDelta::days(2);
/// m.apply(Event::KmsActivation { renewal_interval: KmsInterval::RENEWAL_DEFAULT }, t1)?;
/// let s = m.state_at(t1);
/// assert_eq!(s.status(), LicenseStatus::Licensed);
/// assert_eq!(s.grace_period_remaining(), 180 * 24 * 60);
///
/// // No renewal: out-of-tolerance grace after 180 days, then notification.
/// let next = m.next_transition(t1).unwrap();
/// assert_eq!(next.at(), t1 + TimeDelta::days(180));
/// assert_eq!(next.to(), LicenseStatus::OotGrace);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "Data", into = "Data"))]
pub struct Lifecycle {
    d: Data,
}

/// A machine's licence state at one instant, as WMI `SoftwareLicensingProduct` would report
/// it.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use volume_activation::{Channel, LicenseStatus, Lifecycle, Sku};
///
/// let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
/// let m = Lifecycle::install("windows-11/pro".parse::<Sku>()?, Channel::VolumeMak, t0)?;
/// let s = m.state_at(t0);
/// assert_eq!(s.status(), LicenseStatus::OobGrace);
/// assert_eq!(s.grace_period_remaining(), 30 * 24 * 60);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct State {
    status: LicenseStatus,
    remaining_minutes: u32,
    ends_at: Option<DateTime<Utc>>,
    reason: Option<u32>,
    activation: Option<ActivationMethod>,
    confidence: Confidence,
    mode: ExpiryMode,
}

impl State {
    /// Unlicensed (evaluation expired, or no valid licence): no end, no reason, no activation.
    const fn unlicensed(mode: ExpiryMode) -> State {
        State {
            status: LicenseStatus::Unlicensed,
            remaining_minutes: 0,
            ends_at: None,
            reason: None,
            activation: None,
            confidence: Confidence::Documented,
            mode,
        }
    }

    /// The licence status (WMI `LicenseStatus`).
    #[must_use]
    pub const fn status(&self) -> LicenseStatus {
        self.status
    }

    /// Whole minutes left in the current state, as WMI `GracePeriodRemaining` reports it
    /// ("the remaining time, in minutes, before the parent application goes into notification
    /// mode. For volume clients, this is the remaining time before reactivation is required").
    /// 0 when the state does not end (a MAK activation, Notification, Unlicensed).
    #[must_use]
    pub const fn grace_period_remaining(&self) -> u32 {
        self.remaining_minutes
    }

    /// The instant the current state ends if nothing happens, if it ends.
    #[must_use]
    pub const fn ends_at(&self) -> Option<DateTime<Utc>> {
        self.ends_at
    }

    /// Why the machine is in this state, as the HRESULT WMI `LicenseStatusReason` would carry,
    /// where Microsoft documents one: [`HR_GRACE_TIME_EXPIRED`](crate::rules::HR_GRACE_TIME_EXPIRED)
    /// in Notification after a grace period, [`HR_OUT_OF_TOLERANCE`](crate::rules::HR_OUT_OF_TOLERANCE)
    /// after a hardware change, [`HR_NONGENUINE_GRACE`](crate::rules::HR_NONGENUINE_GRACE) and
    /// [`HR_NONGENUINE_GRACE_EXPIRED`](crate::rules::HR_NONGENUINE_GRACE_EXPIRED). `None` otherwise.
    #[must_use]
    pub const fn reason(&self) -> Option<u32> {
        self.reason
    }

    /// The documented activation error code of [`reason`](Self::reason): symbol, message,
    /// cause and resolution. `None` when there is no reason.
    #[must_use]
    pub fn reason_code(&self) -> Option<crate::rules::ActivationErrorCode> {
        self.reason
            .and_then(crate::rules::ActivationErrorCode::lookup)
    }

    /// The activation the machine holds, while Licensed or in the out-of-tolerance grace that
    /// follows an expired KMS / ADBA activation.
    #[must_use]
    pub const fn activation(&self) -> Option<ActivationMethod> {
        self.activation
    }

    /// How sure the crate is of the length of the current state (unverified where the crate
    /// uses a documented fallback length).
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// Whether, in Notification, the product is in Windows Vista RTM's reduced functionality
    /// mode rather than notification mode.
    #[must_use]
    pub const fn is_reduced_functionality(&self) -> bool {
        matches!(self.status, LicenseStatus::Notification)
            && matches!(self.mode, ExpiryMode::ReducedFunctionality)
    }
}

/// A change of licence status that happens at an instant if no event intervenes.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use volume_activation::{Channel, LicenseStatus, Lifecycle, Sku};
///
/// let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
/// let m = Lifecycle::install("windows-7/enterprise".parse::<Sku>()?, Channel::VolumeGvlk, t0)?;
/// let t = m.next_transition(t0).unwrap();
/// assert_eq!((t.from(), t.to()), (LicenseStatus::OobGrace, LicenseStatus::Notification));
/// assert_eq!(t.at(), t0 + TimeDelta::days(30));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Transition {
    at: DateTime<Utc>,
    from: LicenseStatus,
    to: LicenseStatus,
}

impl Transition {
    /// The instant of the change (the first instant of the new state).
    #[must_use]
    pub const fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The status before.
    #[must_use]
    pub const fn from(&self) -> LicenseStatus {
        self.from
    }

    /// The status from [`Transition::at`] on.
    #[must_use]
    pub const fn to(&self) -> LicenseStatus {
        self.to
    }
}

/// The transitions of a lifecycle after one instant and before another, if no event
/// intervenes; see [`Lifecycle::timeline`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline<'a> {
    lifecycle: &'a Lifecycle,
    cursor: DateTime<Utc>,
    until: DateTime<Utc>,
}

impl Iterator for Timeline<'_> {
    type Item = Transition;

    fn next(&mut self) -> Option<Transition> {
        let t = self.lifecycle.next_transition(self.cursor)?;
        if t.at >= self.until {
            self.cursor = self.until;
            return None;
        }
        self.cursor = t.at;
        Some(t)
    }
}

impl std::iter::FusedIterator for Timeline<'_> {}

fn add(at: DateTime<Utc>, d: TimeDelta, what: &'static str) -> Result<DateTime<Utc>, Error> {
    at.checked_add_signed(d).ok_or_else(|| {
        Error::out_of_range(what, at, "an instant whose deadlines are representable")
    })
}

/// Whole minutes from `now` to `end`, 0 when `end` is not later: chrono's
/// `end.signed_duration_since(now).num_minutes()` (at least 0), at a fraction of its cost.
#[inline(always)]
fn minutes_between(now: DateTime<Utc>, end: DateTime<Utc>) -> u32 {
    let (now_ns, end_ns) = (now.timestamp_subsec_nanos(), end.timestamp_subsec_nanos());
    // Whole seconds between the instants (a borrow when `end`'s fraction is smaller): within
    // one year from the start of that year, which spares converting both dates to days; else
    // from the Unix timestamps. Leap seconds (a fraction of a second or more) take chrono's
    // path.
    if now_ns < 1_000_000_000 && end_ns < 1_000_000_000 {
        let (n, e) = (now.naive_utc(), end.naive_utc());
        // chrono's instants are within +-2^43 s of the epoch: no difference wraps.
        let secs = if n.year() == e.year() {
            let days = i64::from(e.ordinal()).wrapping_sub(i64::from(n.ordinal()));
            let (ns, es) = (
                n.time().num_seconds_from_midnight(),
                e.time().num_seconds_from_midnight(),
            );
            days.wrapping_mul(86_400)
                .wrapping_add(i64::from(es))
                .wrapping_sub(i64::from(ns))
        } else {
            end.timestamp().wrapping_sub(now.timestamp())
        }
        .wrapping_sub(i64::from(end_ns < now_ns));
        // A negative difference is 0 minutes, as the truncated quotient's `max(0)` below.
        u64::try_from(secs).map_or(0, |s| u32::try_from(s / 60).unwrap_or(u32::MAX))
    } else {
        let m = end.signed_duration_since(now).num_minutes();
        u32::try_from(m.max(0)).unwrap_or(u32::MAX)
    }
}

impl Lifecycle {
    /// A machine with `sku` installed at `at` with a key of `channel`: in out-of-box grace for
    /// [`oob_grace`]`(release)`, with [`rearm_limit`]`(release)` rearms.
    ///
    /// # Errors
    ///
    /// When the channel cannot hold the product (an AVMA key on anything but Windows Server),
    /// or when the grace deadline is not representable.
    pub fn install(sku: Sku, channel: Channel, at: DateTime<Utc>) -> Result<Lifecycle, Error> {
        check_channel(sku, channel)?;
        let release = sku.release();
        let grace = oob_grace(release);
        let end = add(at, grace.duration(), "install instant")?;
        let phase = Phase::Grace {
            status: LicenseStatus::OobGrace,
            start: at,
            end,
            reason: None,
            expired_reason: Some(HR_GRACE_TIME_EXPIRED),
            confidence: grace.confidence(),
        };
        Ok(Lifecycle::first_seen(
            sku,
            channel,
            at,
            phase,
            rearm_limit(release).count(),
        ))
    }

    /// A lifecycle of `sku` on `channel` first seen at `at` (installed, or observed) in
    /// `phase`, with `rearms_left`: no events yet, the default renewal interval. The out-of-box
    /// grace clock is the phase's own when it is out-of-box grace; otherwise it is unknown
    /// (ended at `at`, unverified).
    fn first_seen(
        sku: Sku,
        channel: Channel,
        at: DateTime<Utc>,
        phase: Phase,
        rearms_left: u32,
    ) -> Lifecycle {
        let (grace_end, grace_confidence) = match phase {
            Phase::Grace {
                status: LicenseStatus::OobGrace,
                end,
                confidence,
                ..
            } => (end, confidence),
            _ => (at, Confidence::Unverified),
        };
        Lifecycle {
            d: Data {
                sku,
                channel,
                installed_at: at,
                vista_rtm: false,
                evaluation_end: None,
                grace_start: at,
                grace_end,
                grace_confidence,
                phase,
                rearms_left,
                renewal_interval: KmsInterval::RENEWAL_DEFAULT,
                last_event_at: at,
                activations: 0,
            },
        }
    }

    /// A lifecycle continued from what a capture printed at `at`: the status, the time left
    /// and the reason ([`Observation`]). From `at` on it follows the same rules as one built
    /// by [`install`](Self::install): a grace period ends in notification (non-genuine grace
    /// with its own reason), a KMS or ADBA activation lasts the printed time, then the
    /// out-of-tolerance grace of [`oot_grace`], then notification; a MAK or AVMA activation
    /// has no end. The instant of installation is unknown and taken as `at`.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use volume_activation::catalog::{Channel, Sku};
    /// use volume_activation::lifecycle::{LicenseStatus, Lifecycle, Observation};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    /// let seen = Observation::new(LicenseStatus::Licensed).remaining_minutes(60 * 24 * 10);
    /// let m = Lifecycle::observed("windows-11/enterprise".parse::<Sku>()?, Channel::VolumeGvlk, &seen, at)?;
    /// let t = m.next_transition(at).unwrap();
    /// assert_eq!((t.at(), t.to()), (at + TimeDelta::days(10), LicenseStatus::OotGrace));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When a grace state, or a KMS / ADBA activation, has no remaining time; when a licensed
    /// product's channel has no activation method the lifecycle models (retail, OEM, KMS
    /// host, evaluation), or not the observed one (KMS and ADBA need volume-gvlk and ADBA a
    /// release that has it, a MAK volume-mak, AVMA avma: as [`apply`](Self::apply)); when the
    /// channel cannot hold the product; or when a deadline is not representable.
    pub fn observed(
        sku: Sku,
        channel: Channel,
        seen: &Observation,
        at: DateTime<Utc>,
    ) -> Result<Lifecycle, Error> {
        check_channel(sku, channel)?;
        let release = sku.release();
        let remaining = |what: &str| -> Result<DateTime<Utc>, Error> {
            let minutes = seen.remaining_minutes.ok_or_else(|| {
                Error::invalid(
                    "observation",
                    seen.status.as_ref(),
                    format!("a remaining time for {what}"),
                )
            })?;
            let d = i64::try_from(minutes)
                .ok()
                .and_then(TimeDelta::try_minutes)
                .ok_or_else(|| {
                    Error::out_of_range("remaining minutes", minutes, "a representable time")
                })?;
            add(at, d, "observation instant")
        };
        let grace = |status: LicenseStatus, expired: Option<u32>| -> Result<Phase, Error> {
            Ok(Phase::Grace {
                status,
                start: at,
                end: remaining("a grace period")?,
                reason: seen.reason,
                expired_reason: expired,
                confidence: Confidence::Documented,
            })
        };
        let phase = match seen.status {
            LicenseStatus::OobGrace | LicenseStatus::OotGrace => {
                grace(seen.status, Some(HR_GRACE_TIME_EXPIRED))?
            }
            // WMI says only that extended grace ends in notification mode
            // (SoftwareLicensingProduct `ExtendedGrace`); the reason then reported is not
            // documented (reference resolutions.md (e)), so none is given.
            LicenseStatus::ExtendedGrace => grace(seen.status, None)?,
            LicenseStatus::NonGenuineGrace => {
                grace(seen.status, Some(HR_NONGENUINE_GRACE_EXPIRED))?
            }
            LicenseStatus::Notification => Phase::Grace {
                status: LicenseStatus::Notification,
                start: at,
                end: at,
                reason: seen.reason,
                expired_reason: seen.reason,
                confidence: Confidence::Documented,
            },
            LicenseStatus::Unlicensed => Phase::Unlicensed { since: at },
            LicenseStatus::Licensed => {
                let method = match (seen.method, channel) {
                    (Some(m), _) => m,
                    (None, Channel::VolumeGvlk) => ActivationMethod::Kms,
                    (None, Channel::VolumeMak) => ActivationMethod::Mak,
                    (None, Channel::Avma) => ActivationMethod::Avma,
                    (None, other) => {
                        return Err(Error::invalid(
                            "observation",
                            other.as_ref(),
                            "a licensed product on a channel the lifecycle models (volume-gvlk, volume-mak, avma)",
                        ));
                    }
                };
                // The same rules as `apply`: KMS and ADBA need a GVLK (ADBA a release that has
                // it), a MAK the MAK channel, AVMA the AVMA channel.
                let needs = match method {
                    ActivationMethod::Kms | ActivationMethod::Adba => Channel::VolumeGvlk,
                    ActivationMethod::Mak => Channel::VolumeMak,
                    ActivationMethod::Avma => Channel::Avma,
                };
                if needs != channel {
                    return Err(Error::invalid(
                        "observation",
                        method.as_ref(),
                        format!(
                            "an activation method of channel {channel} ({method} needs {needs})"
                        ),
                    ));
                }
                if method == ActivationMethod::Adba && !supports_adba(release) {
                    return Err(Error::invalid(
                        "observation",
                        method.as_ref(),
                        "a release with Active Directory-based activation (Windows 8, Windows Server 2012, Office 2013 or later)",
                    ));
                }
                let expires = match method {
                    ActivationMethod::Kms | ActivationMethod::Adba => {
                        Some(remaining("a KMS or ADBA activation")?)
                    }
                    ActivationMethod::Mak | ActivationMethod::Avma => None,
                };
                licensed_phase(method, at, expires, release, "observation instant")?
            }
        };
        let rearms_left = seen
            .rearms_left
            .unwrap_or(0)
            .min(rearm_limit(release).count());
        Ok(Lifecycle::first_seen(sku, channel, at, phase, rearms_left))
    }

    /// Marks a Windows Vista installation as RTM (before SP1): when a grace period ends it
    /// enters reduced functionality mode instead of notification mode (see
    /// [`expiry_mode`]).
    ///
    /// # Errors
    ///
    /// When the product is not Windows Vista.
    pub fn with_vista_rtm(mut self) -> Result<Lifecycle, Error> {
        if self.d.sku.release() != Release::WindowsVista {
            return Err(Error::invalid(
                "vista rtm",
                self.d.sku.release().as_ref(),
                "windows-vista (reduced functionality mode existed only before Vista SP1)",
            ));
        }
        self.d.vista_rtm = true;
        Ok(self)
    }

    /// Sets an evaluation's end date (WMI `EvaluationEndDate`: "After this date, the
    /// LicenseStatus property is set to Unlicensed and cannot be activated"). From `end` on the
    /// machine is Unlicensed.
    ///
    /// Source: <https://learn.microsoft.com/en-us/previous-versions/windows/desktop/sppwmi/softwarelicensingproduct>
    ///
    /// # Errors
    ///
    /// When the channel is not `timebased-eval`, or `end` is before the installation.
    pub fn with_evaluation_end(mut self, end: DateTime<Utc>) -> Result<Lifecycle, Error> {
        if self.d.channel != Channel::TimebasedEval {
            return Err(Error::invalid(
                "evaluation end",
                self.d.channel.as_ref(),
                "a product on the timebased-eval channel",
            ));
        }
        if end < self.d.installed_at {
            return Err(Error::out_of_range(
                "evaluation end",
                end,
                format!(
                    "an instant at or after the installation ({})",
                    self.d.installed_at
                ),
            ));
        }
        self.d.evaluation_end = Some(end);
        Ok(self)
    }

    /// The product.
    #[must_use]
    pub const fn sku(&self) -> Sku {
        self.d.sku
    }

    /// The channel of the installed key.
    #[must_use]
    pub const fn channel(&self) -> Channel {
        self.d.channel
    }

    /// The installation instant.
    #[must_use]
    pub const fn installed_at(&self) -> DateTime<Utc> {
        self.d.installed_at
    }

    /// The instant of the last applied event (the installation if none).
    #[must_use]
    pub const fn last_event_at(&self) -> DateTime<Utc> {
        self.d.last_event_at
    }

    /// The rearms left (WMI `RemainingWindowsReArmCount` for Windows).
    #[must_use]
    pub const fn rearms_left(&self) -> u32 {
        self.d.rearms_left
    }

    /// The KMS renewal interval the last KMS activation stored (the default until one).
    #[must_use]
    pub const fn renewal_interval(&self) -> KmsInterval {
        self.d.renewal_interval
    }

    /// The evaluation end date, if one was set.
    #[must_use]
    pub const fn evaluation_end(&self) -> Option<DateTime<Utc>> {
        self.d.evaluation_end
    }

    /// How many successful activations and renewals were applied.
    #[must_use]
    pub const fn activations(&self) -> u32 {
        self.d.activations
    }

    fn mode(&self) -> ExpiryMode {
        expiry_mode(self.d.sku.release(), self.d.vista_rtm)
    }

    /// The state at `now`. Pure and allocation-free.
    ///
    /// The lifecycle knows its state from the last applied event on; for an earlier instant it
    /// answers as at the last event.
    #[must_use]
    pub fn state_at(&self, now: DateTime<Utc>) -> State {
        let now = if now < self.d.last_event_at {
            self.d.last_event_at
        } else {
            now
        };
        let mode = self.mode();
        let mut s = self.phase_state(now, mode);
        if let Some(end) = self.d.evaluation_end {
            if now >= end {
                return State::unlicensed(mode);
            }
            if s.status != LicenseStatus::Unlicensed && s.ends_at.is_none_or(|e| end < e) {
                s.ends_at = Some(end);
                s.remaining_minutes = minutes_between(now, end);
            }
        }
        s
    }

    fn phase_state(&self, now: DateTime<Utc>, mode: ExpiryMode) -> State {
        let notification = |reason, confidence| State {
            status: LicenseStatus::Notification,
            remaining_minutes: 0,
            ends_at: None,
            reason,
            activation: None,
            confidence,
            mode,
        };
        match self.d.phase {
            Phase::Grace {
                status,
                end,
                reason,
                expired_reason,
                confidence,
                ..
            } => {
                if now < end {
                    State {
                        status,
                        remaining_minutes: minutes_between(now, end),
                        ends_at: Some(end),
                        reason,
                        activation: None,
                        confidence,
                        mode,
                    }
                } else {
                    notification(expired_reason, confidence)
                }
            }
            Phase::Licensed {
                method,
                expires,
                oot_end,
                oot_confidence,
                ..
            } => match (expires, oot_end) {
                (Some(e), Some(o)) => {
                    if now < e {
                        State {
                            status: LicenseStatus::Licensed,
                            remaining_minutes: minutes_between(now, e),
                            ends_at: Some(e),
                            reason: None,
                            activation: Some(method),
                            confidence: Confidence::Documented,
                            mode,
                        }
                    } else if now < o {
                        State {
                            status: LicenseStatus::OotGrace,
                            remaining_minutes: minutes_between(now, o),
                            ends_at: Some(o),
                            reason: None,
                            activation: Some(method),
                            confidence: oot_confidence,
                            mode,
                        }
                    } else {
                        notification(Some(HR_GRACE_TIME_EXPIRED), oot_confidence)
                    }
                }
                _ => State {
                    status: LicenseStatus::Licensed,
                    remaining_minutes: 0,
                    ends_at: None,
                    reason: None,
                    activation: Some(method),
                    confidence: Confidence::Documented,
                    mode,
                },
            },
            Phase::Unlicensed { .. } => State::unlicensed(mode),
        }
    }

    /// The next change of status after `now` if no event intervenes: when, and from what to
    /// what. `None` when the state does not end (Licensed by MAK or AVMA, Notification,
    /// Unlicensed).
    #[must_use]
    pub fn next_transition(&self, now: DateTime<Utc>) -> Option<Transition> {
        let now = if now < self.d.last_event_at {
            self.d.last_event_at
        } else {
            now
        };
        let from = self.state_at(now);
        let at = from.ends_at?;
        let to = self.state_at(at).status;
        Some(Transition {
            at,
            from: from.status,
            to,
        })
    }

    /// The transitions strictly after `from` and before `until` (half-open window), if no
    /// event intervenes.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use volume_activation::{Channel, LicenseStatus, Lifecycle, Sku};
    /// use volume_activation::rules::KmsInterval;
    /// use volume_activation::lifecycle::Event;
    ///
    /// let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    /// let mut m = Lifecycle::install("windows-10/enterprise".parse::<Sku>()?, Channel::VolumeGvlk, t0)?;
    /// m.apply(Event::KmsActivation { renewal_interval: KmsInterval::RENEWAL_DEFAULT }, t0)?;
    /// let to: Vec<_> = m.timeline(t0, t0 + TimeDelta::days(365)).map(|t| t.to()).collect();
    /// assert_eq!(to, [LicenseStatus::OotGrace, LicenseStatus::Notification]);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn timeline(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Timeline<'_> {
        Timeline {
            lifecycle: self,
            cursor: from,
            until,
        }
    }

    /// When the machine next tries to renew a KMS or ADBA activation after `now` (every
    /// renewal interval from the last activation), while Licensed by KMS or ADBA.
    #[must_use]
    pub fn next_renewal_attempt(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let Phase::Licensed {
            method,
            since,
            expires: Some(expires),
            ..
        } = self.d.phase
        else {
            return None;
        };
        let step = match method {
            ActivationMethod::Kms => self.d.renewal_interval.duration(),
            ActivationMethod::Adba => ADBA_RENEWAL.duration(),
            ActivationMethod::Mak | ActivationMethod::Avma => return None,
        };
        if now >= expires {
            return None;
        }
        let elapsed = now.signed_duration_since(since).num_minutes().max(0);
        let n = elapsed.checked_div(step.num_minutes())?.checked_add(1)?;
        let at = since
            .checked_add_signed(TimeDelta::try_minutes(n.checked_mul(step.num_minutes())?)?)?;
        (at < expires).then_some(at)
    }

    /// The events that, applied at `now`, would make the machine Licensed (each on its own).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use volume_activation::{Channel, Lifecycle, Sku};
    /// use volume_activation::rules::MakActivationMethod;
    /// use volume_activation::lifecycle::Event;
    ///
    /// let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    /// let m = Lifecycle::install("windows-11/pro".parse::<Sku>()?, Channel::VolumeMak, t0)?;
    /// assert_eq!(
    ///     m.ways_to_licensed(t0),
    ///     [
    ///         Event::MakActivation { mode: MakActivationMethod::Independent },
    ///         Event::MakActivation { mode: MakActivationMethod::Proxy },
    ///     ],
    /// );
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn ways_to_licensed(&self, now: DateTime<Utc>) -> Vec<Event> {
        use crate::rules::mak::MakActivationMethod;
        let candidates = [
            Event::KmsActivation {
                renewal_interval: self.d.renewal_interval,
            },
            Event::KmsRenewal,
            Event::AdbaActivation,
            Event::MakActivation {
                mode: MakActivationMethod::Independent,
            },
            Event::MakActivation {
                mode: MakActivationMethod::Proxy,
            },
            Event::AvmaActivation,
        ];
        candidates
            .into_iter()
            .filter(|e| self.apply_check(*e, now))
            .collect()
    }

    fn apply_check(&self, e: Event, now: DateTime<Utc>) -> bool {
        let mut m = self.clone();
        m.apply(e, now).is_ok() && m.state_at(now).status == LicenseStatus::Licensed
    }

    fn invalid(&self, event: Event, at: DateTime<Utc>, expected: &str) -> Error {
        Error::invalid(
            "lifecycle event",
            event.as_str(),
            format!(
                "{expected} (state {}, channel {}, product {})",
                self.state_at(at).status,
                self.d.channel,
                self.d.sku
            ),
        )
    }

    fn licensed(
        &self,
        method: ActivationMethod,
        at: DateTime<Utc>,
        validity: Option<Timing>,
    ) -> Result<Phase, Error> {
        let expires = validity
            .map(|v| add(at, v.duration(), "event instant"))
            .transpose()?;
        licensed_phase(method, at, expires, self.d.sku.release(), "event instant")
    }

    /// The out-of-box grace clock the machine falls back to when it loses its activation
    /// (leaving the domain, a key change): Microsoft documents only "Not Activated", so the
    /// crate keeps the grace that started at install or the last rearm (UNVERIFIED).
    fn fallback_grace(&self) -> Phase {
        Phase::Grace {
            status: LicenseStatus::OobGrace,
            start: self.d.grace_start,
            end: self.d.grace_end,
            reason: None,
            expired_reason: Some(HR_GRACE_TIME_EXPIRED),
            confidence: Confidence::Unverified,
        }
    }

    /// Applies `event` at instant `at`.
    ///
    /// Events apply in time order: `at` must not be earlier than the last applied event
    /// (events at the same instant apply in the order given).
    ///
    /// # Errors
    ///
    /// - out of order: `at` is earlier than [`Lifecycle::last_event_at`]; nothing changes;
    /// - invalid: the event is not possible for the channel or the state, e.g. a KMS
    ///   activation on a MAK channel, a KMS renewal while not licensed by KMS, an ADBA
    ///   activation of Windows 7, leaving the domain without an ADBA activation, a hardware
    ///   change while not licensed, any event after an evaluation expired, or a rearm with no
    ///   rearms left (Windows reports [`HR_REARM_EXHAUSTED`](crate::rules::HR_REARM_EXHAUSTED),
    ///   `0xC004D307`). The message names the event and the state; nothing changes.
    pub fn apply(&mut self, event: Event, at: DateTime<Utc>) -> Result<(), Error> {
        if at < self.d.last_event_at {
            return Err(Error::out_of_order(
                "lifecycle event",
                format!(
                    "{event} at {at} is earlier than the last applied event at {}",
                    self.d.last_event_at
                ),
            ));
        }
        let state = self.state_at(at);
        let release = self.d.sku.release();
        if state.status == LicenseStatus::Unlicensed {
            return Err(self.invalid(
                event,
                at,
                "a product before its evaluation end (an expired evaluation cannot be activated)",
            ));
        }
        let mut next = self.d.clone();
        match event {
            Event::KmsActivation { renewal_interval } => {
                self.require_gvlk(event, at)?;
                next.phase = self.licensed(ActivationMethod::Kms, at, Some(KMS_VALIDITY))?;
                next.renewal_interval = renewal_interval;
                grant_extra_rearm(&mut next, release);
            }
            Event::KmsRenewal => {
                self.require_gvlk(event, at)?;
                let by_kms = matches!(
                    self.d.phase,
                    Phase::Licensed {
                        method: ActivationMethod::Kms,
                        ..
                    }
                );
                if !(by_kms && state.status == LicenseStatus::Licensed) {
                    return Err(self.invalid(
                        event,
                        at,
                        "a machine licensed by KMS (a client in grace or notification activates with kms-activation)",
                    ));
                }
                next.phase = self.licensed(ActivationMethod::Kms, at, Some(KMS_VALIDITY))?;
            }
            Event::KmsRenewalFailure => {
                self.require_gvlk(event, at)?;
            }
            Event::MakActivation { .. } => {
                if self.d.channel != Channel::VolumeMak {
                    return Err(self.invalid(event, at, "a MAK installed (channel volume-mak)"));
                }
                next.phase = self.licensed(ActivationMethod::Mak, at, None)?;
            }
            Event::AdbaActivation => {
                self.require_gvlk(event, at)?;
                if !supports_adba(release) {
                    return Err(self.invalid(
                        event,
                        at,
                        "a release with Active Directory-based activation (Windows 8, Windows Server 2012, Office 2013 or later)",
                    ));
                }
                next.phase = self.licensed(ActivationMethod::Adba, at, Some(ADBA_VALIDITY))?;
                grant_extra_rearm(&mut next, release);
            }
            Event::LeaveDomain => {
                if !matches!(
                    self.d.phase,
                    Phase::Licensed {
                        method: ActivationMethod::Adba,
                        ..
                    }
                ) {
                    return Err(self.invalid(
                        event,
                        at,
                        "a machine activated by Active Directory-based activation",
                    ));
                }
                next.phase = self.fallback_grace();
            }
            Event::AvmaActivation => {
                if self.d.channel != Channel::Avma {
                    return Err(self.invalid(event, at, "an AVMA key installed (channel avma)"));
                }
                next.phase = self.licensed(ActivationMethod::Avma, at, None)?;
            }
            Event::Rearm => {
                let Some(left) = self.d.rearms_left.checked_sub(1) else {
                    return Err(self.invalid(
                        event,
                        at,
                        &format!("a rearm left ({HR_REARM_EXHAUSTED:#010X}: the maximum allowed number of re-arms has been exceeded)"),
                    ));
                };
                let g = rearm_grace(release);
                let end = add(at, g.duration(), "event instant")?;
                next.rearms_left = left;
                next.grace_start = at;
                next.grace_end = end;
                next.grace_confidence = g.confidence();
                next.phase = Phase::Grace {
                    status: LicenseStatus::OobGrace,
                    start: at,
                    end,
                    reason: None,
                    expired_reason: Some(HR_GRACE_TIME_EXPIRED),
                    confidence: g.confidence(),
                };
            }
            Event::HardwareOutOfTolerance => {
                if state.status != LicenseStatus::Licensed {
                    return Err(self.invalid(event, at, "a licensed machine"));
                }
                // Its own trigger: not the grace after a 180-day KMS lapse (`oot_grace`).
                let g = hardware_oot_grace(release);
                next.phase = Phase::Grace {
                    status: LicenseStatus::OotGrace,
                    start: at,
                    end: add(at, g.duration(), "event instant")?,
                    reason: Some(HR_OUT_OF_TOLERANCE),
                    expired_reason: Some(HR_GRACE_TIME_EXPIRED),
                    confidence: g.confidence(),
                };
            }
            Event::NonGenuine => {
                let g = non_genuine_grace(release);
                next.phase = Phase::Grace {
                    status: LicenseStatus::NonGenuineGrace,
                    start: at,
                    end: add(at, g.duration(), "event instant")?,
                    reason: Some(HR_NONGENUINE_GRACE),
                    expired_reason: Some(HR_NONGENUINE_GRACE_EXPIRED),
                    confidence: g.confidence(),
                };
            }
            Event::EvaluationExpiry => {
                if self.d.channel != Channel::TimebasedEval {
                    return Err(self.invalid(event, at, "an evaluation (channel timebased-eval)"));
                }
                next.phase = Phase::Unlicensed { since: at };
            }
            Event::KeyChange { channel } => {
                if channel == self.d.channel {
                    return Err(self.invalid(
                        event,
                        at,
                        "a key of another channel than the installed one",
                    ));
                }
                if channel == Channel::TimebasedEval {
                    return Err(self.invalid(
                        event,
                        at,
                        "a key of a non-evaluation channel (an evaluation is installed, not keyed)",
                    ));
                }
                check_channel(self.d.sku, channel)
                    .map_err(|_| self.invalid(event, at, "a channel the product can hold"))?;
                next.channel = channel;
                // Leaving the evaluation channel leaves its end date behind.
                if self.d.channel == Channel::TimebasedEval {
                    next.evaluation_end = None;
                }
                if matches!(self.d.phase, Phase::Licensed { .. }) {
                    next.phase = self.fallback_grace();
                }
            }
        }
        if event.activation().is_some() {
            next.activations = next.activations.saturating_add(1);
        }
        next.last_event_at = at;
        self.d = next;
        Ok(())
    }

    fn require_gvlk(&self, event: Event, at: DateTime<Utc>) -> Result<(), Error> {
        if self.d.channel == Channel::VolumeGvlk {
            Ok(())
        } else {
            Err(self.invalid(event, at, "a KMS client (channel volume-gvlk)"))
        }
    }

    /// Reads a lifecycle stored with serde (JSON).
    ///
    /// # Errors
    ///
    /// When the text is not JSON of a lifecycle, or describes an impossible one (an unknown
    /// SKU or channel, a missing field, deadlines out of order, more rearms left than the
    /// release has, an interval outside 15 to 43,200 minutes).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use volume_activation::{Channel, Lifecycle, Sku};
    ///
    /// let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    /// let m = Lifecycle::install("windows-11/pro".parse::<Sku>()?, Channel::VolumeMak, t0)?;
    /// let json = m.to_json()?;
    /// assert_eq!(Lifecycle::from_json(&json)?, m);
    /// assert!(Lifecycle::from_json("{}").unwrap_err().is_json());
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[cfg(feature = "serde")]
    pub fn from_json(json: &str) -> Result<Lifecycle, Error> {
        serde_json::from_str(json).map_err(|e| Error::json("lifecycle", e))
    }

    /// Writes the lifecycle as JSON, for [`Lifecycle::from_json`].
    ///
    /// # Errors
    ///
    /// Never in practice (every field serialises); the `Result` reports a serde failure
    /// rather than hide it.
    #[cfg(feature = "serde")]
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string(self).map_err(|e| Error::json("lifecycle", e))
    }
}

/// Licensed by `method` since `since` until `expires` (`None`: no end), then the
/// out-of-tolerance grace of [`oot_grace`]`(release)`; `what` names the instant in the error
/// when a deadline is not representable.
fn licensed_phase(
    method: ActivationMethod,
    since: DateTime<Utc>,
    expires: Option<DateTime<Utc>>,
    release: Release,
    what: &'static str,
) -> Result<Phase, Error> {
    let oot = oot_grace(release);
    let oot_end = expires.map(|e| add(e, oot.duration(), what)).transpose()?;
    Ok(Phase::Licensed {
        method,
        since,
        expires,
        oot_end,
        oot_confidence: oot.confidence(),
    })
}

/// Office 2016+: "If you run out of rearms, activating by using a KMS host computer lets you
/// rearm once" (and `ospp.vbs /rearm:<SKU ID>` after "KMS or Active Directory-based
/// activation").
fn grant_extra_rearm(d: &mut Data, release: Release) {
    if rearm_limit(release).extra_after_kms() && d.rearms_left == 0 {
        d.rearms_left = 1;
    }
}

fn check_channel(sku: Sku, channel: Channel) -> Result<(), Error> {
    let family = sku.family();
    // AVMA activates Windows Server guests only.
    let ok = !matches!(channel, Channel::Avma) || family == Family::Server;
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "channel",
            channel.as_ref(),
            format!(
                "a channel {} can hold (avma is for Windows Server guests)",
                sku.name()
            ),
        ))
    }
}

impl TryFrom<Data> for Lifecycle {
    type Error = Error;

    fn try_from(d: Data) -> Result<Lifecycle, Error> {
        let bad =
            |detail: &str| Error::invalid("stored lifecycle", detail, "a consistent lifecycle");
        check_channel(d.sku, d.channel)?;
        if d.last_event_at < d.installed_at {
            return Err(bad("last_event_at before installed_at"));
        }
        if d.grace_end < d.grace_start || d.grace_start < d.installed_at {
            return Err(bad("grace clock out of order"));
        }
        let limit = rearm_limit(d.sku.release());
        let max = limit
            .count()
            .saturating_add(u32::from(limit.extra_after_kms()));
        if d.rearms_left > max {
            return Err(bad("more rearms left than the release has"));
        }
        if d.vista_rtm && d.sku.release() != Release::WindowsVista {
            return Err(bad("vista_rtm on a release other than windows-vista"));
        }
        if d.evaluation_end.is_some() && d.channel != Channel::TimebasedEval {
            return Err(bad("evaluation_end on a channel other than timebased-eval"));
        }
        match d.phase {
            Phase::Grace { start, end, .. } => {
                if end < start || start > d.last_event_at {
                    return Err(bad("grace phase out of order"));
                }
            }
            Phase::Licensed {
                since,
                expires,
                oot_end,
                ..
            } => match (expires, oot_end) {
                (Some(e), Some(o)) if since <= e && e <= o && since <= d.last_event_at => {}
                (None, None) if since <= d.last_event_at => {}
                _ => return Err(bad("licensed phase out of order")),
            },
            Phase::Unlicensed { since } => {
                if since > d.last_event_at {
                    return Err(bad("unlicensed phase after the last event"));
                }
            }
        }
        Ok(Lifecycle { d })
    }
}

impl From<Lifecycle> for Data {
    fn from(l: Lifecycle) -> Data {
        l.d
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod minutes_tests {
    use super::minutes_between;
    use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
    use proptest::prelude::*;

    /// chrono's definition, which `minutes_between` computes faster.
    fn reference(now: DateTime<Utc>, end: DateTime<Utc>) -> u32 {
        let m = end.signed_duration_since(now).num_minutes();
        u32::try_from(m.max(0)).unwrap_or(u32::MAX)
    }

    fn instant(secs: i64, nanos: u32) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, nanos).unwrap()
    }

    proptest! {
        /// Any two instants (before and after each other, up to centuries apart, any
        /// fraction) give chrono's whole minutes.
        #[test]
        fn same_as_chrono(
            a in -10_000_000_000i64..10_000_000_000,
            d in prop_oneof![-200i64..200, -100_000i64..100_000, -10_000_000_000i64..10_000_000_000],
            an in 0u32..1_000_000_000,
            bn in prop_oneof![Just(0u32), Just(999_999_999u32), 0u32..1_000_000_000],
        ) {
            let now = instant(a, an);
            let end = instant(a.saturating_add(d), bn);
            prop_assert_eq!(minutes_between(now, end), reference(now, end));
            prop_assert_eq!(minutes_between(end, now), reference(end, now));
        }
    }

    /// Instants on both sides of a new year (leap years, the epoch's, negative years) give
    /// chrono's whole minutes: the same-year and the cross-year paths meet there.
    #[test]
    fn around_new_years_as_chrono() {
        for year in [
            -401, -1, 0, 1, 1969, 1970, 1999, 2000, 2023, 2024, 2100, 9999,
        ] {
            let new_year = NaiveDate::from_ymd_opt(year, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc();
            let steps = [
                -86_401, -3_601, -61, -60, -59, -1, 0, 1, 59, 60, 61, 3_601, 86_401,
            ];
            for a in steps {
                for b in steps {
                    for (an, bn) in [(0, 0), (999_999_999, 0), (0, 999_999_999), (5, 7)] {
                        let now = new_year + TimeDelta::seconds(a) + TimeDelta::nanoseconds(an);
                        let end = new_year + TimeDelta::seconds(b) + TimeDelta::nanoseconds(bn);
                        assert_eq!(
                            minutes_between(now, end),
                            reference(now, end),
                            "{now} {end}"
                        );
                    }
                }
            }
        }
    }

    /// A leap second (a fraction of 1 s or more) takes chrono's path.
    #[test]
    fn leap_seconds_as_chrono() {
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .unwrap()
            .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
            .unwrap()
            .and_utc();
        for d in [-3601, -61, -60, -1, 0, 1, 59, 60, 61, 3600] {
            let other = leap + TimeDelta::seconds(d);
            assert_eq!(minutes_between(leap, other), reference(leap, other));
            assert_eq!(minutes_between(other, leap), reference(other, leap));
        }
    }
}
