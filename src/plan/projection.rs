//! One product of one captured machine, projected: its state now and at the horizon, when it
//! reaches notification if nothing changes, why, and what to do.

use chrono::{DateTime, TimeDelta, Utc};

use crate::catalog::{Channel, Confidence, Family, KmsHostKey, Sku, Source};
use crate::inventory::{Identification, LicenseRecord, PrintedTime, Remaining};
use crate::lifecycle::{LicenseStatus, Lifecycle, Observation};
use crate::plan::status_input::CollectionTime;
use crate::rules::{
    ActivationErrorCode, HR_GRACE_TIME_EXPIRED, HR_NONGENUINE_GRACE, HR_NONGENUINE_GRACE_EXPIRED,
    activation_threshold, family_threshold, host_key_coverage,
};

/// Why a product is, or will be, out of the licensed state.
///
/// The crate may find more causes, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::plan::Cause;
///
/// assert_eq!("no-kms-host".parse::<Cause>()?, Cause::NoKmsHost);
/// assert_eq!(Cause::MakNotActivated.name(), "MAK not activated");
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
pub enum Cause {
    /// A KMS client's grace runs out and no KMS host is reachable: none in the fleet
    /// that it points to, or the client's own reason says none could be contacted.
    #[strum(serialize = "no-kms-host")]
    NoKmsHost,
    /// The KMS host it uses counts fewer machines than the client's threshold.
    #[strum(serialize = "kms-host-below-threshold")]
    KmsHostBelowThreshold,
    /// The KMS host it uses has a host key that does not activate it.
    #[strum(serialize = "wrong-host-key")]
    WrongHostKey,
    /// A KMS-activated product whose activation ends within the horizon: its renewals
    /// (every 7 days by default) are not reaching a host.
    #[strum(serialize = "kms-renewal-failing")]
    KmsRenewalFailing,
    /// A MAK product that is not activated.
    #[strum(serialize = "mak-not-activated")]
    MakNotActivated,
    /// Any other product that is not activated (retail, OEM, unknown channel).
    #[strum(serialize = "not-activated")]
    NotActivated,
    /// An evaluation that ends (then unlicensed, and it cannot be activated).
    #[strum(serialize = "evaluation-ending")]
    EvaluationEnding,
    /// The installation failed genuine validation.
    #[strum(serialize = "non-genuine")]
    NonGenuine,
}

impl Cause {
    /// The name in words.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Cause::NoKmsHost => "grace running out without a reachable KMS host",
            Cause::KmsHostBelowThreshold => "KMS host below the activation threshold",
            Cause::WrongHostKey => "wrong KMS host key",
            Cause::KmsRenewalFailing => "KMS activation not renewed",
            Cause::MakNotActivated => "MAK not activated",
            Cause::NotActivated => "not activated",
            Cause::EvaluationEnding => "evaluation ending",
            Cause::NonGenuine => "non-genuine",
        }
    }

    /// The error for text that is no Cause ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("cause", s)
    }
}

crate::macros::serde_as_id!(Cause);

/// What to do about a [`Cause`]: the documented resolution, the error code it is written for
/// (when there is one), and the documents it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Fix {
    /// The resolution, in Microsoft's words (or a paraphrase of the cited document).
    pub text: String,
    /// The HRESULT whose documented resolution this is (`0xC004F074`).
    pub code: Option<String>,
    /// The URLs of the documents.
    pub sources: Vec<String>,
}

/// One product of a captured machine, projected from the capture to `now` and the horizon.
///
/// States are `None` where the crate cannot know them: the collection time is unknown and
/// the captured period may have ended since, or the SKU is unknown and the period that
/// follows has no documented length.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ProductStatus {
    /// The product name as printed.
    pub name: Option<String>,
    /// Which product it is, and how the crate knows.
    pub identification: Identification,
    /// The licence channel.
    pub channel: Option<Channel>,
    /// The status the capture printed.
    pub captured: Option<LicenseStatus>,
    /// When the capture was collected.
    pub collected: CollectionTime,
    /// The state at the report's `now`.
    pub now: Option<LicenseStatus>,
    /// The state at the horizon, if nothing changes.
    pub at_horizon: Option<LicenseStatus>,
    /// When the captured period (grace, or a KMS / ADBA activation) ends.
    pub period_ends: Option<DateTime<Utc>>,
    /// When it reaches notification (or, for an evaluation, unlicensed) if nothing changes;
    /// for a product captured in notification or unlicensed, the collection instant (it was
    /// there by then); `None` when it never does or the date is unknown.
    pub notification_at: Option<DateTime<Utc>>,
    /// How sure the dates are: the lifecycle rule's confidence; `None` without dates.
    pub date_confidence: Option<Confidence>,
    /// Why it is, or will be, out of the licensed state; `None` when it stays licensed
    /// through the horizon.
    pub cause: Option<Cause>,
    /// What to do.
    pub fix: Option<Fix>,
    /// The KMS host it points to (registered or discovered), as printed.
    pub kms_host: Option<String>,
    /// Things the crate could not use, in plain words.
    pub notes: Vec<String>,
}

impl ProductStatus {
    /// Whether it is, or may be, outside the licensed state now or at the horizon.
    #[must_use]
    pub fn is_at_risk(&self) -> bool {
        self.cause.is_some()
    }

    /// The product as the reports name it: its SKU ID or KMS host key group when identified,
    /// else its name as printed, else `(no name)`.
    ///
    /// ```
    /// use volume_activation::chrono::{TimeZone, Utc};
    /// use volume_activation::plan::{CaptureInput, StatusOptions, fleet_status};
    ///
    /// let t = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    /// let pc = b"Name: Windows(R), Enterprise edition\n\
    /// Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n\
    /// License Status: Licensed\n";
    /// let status = fleet_status([CaptureInput::new("pc-001.txt", pc)], &StatusOptions::new(t));
    /// let p = &status.machines[0].products[0];
    /// assert_eq!(p.name.as_deref(), Some("Windows(R), Enterprise edition"));
    /// // The edition is known, the release is not: no SKU, the printed name.
    /// assert_eq!(p.report_name(), "Windows(R), Enterprise edition");
    /// ```
    #[must_use]
    pub fn report_name(&self) -> String {
        self.identification
            .sku()
            .map(|s| s.to_string())
            .or(self
                .identification
                .kms_host_key()
                .map(|k| k.name().to_owned()))
            .or(self.name.clone())
            .unwrap_or_else(|| "(no name)".to_owned())
    }
}

/// What the fleet knows about the KMS host a client points to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HostView {
    /// The host's current count for the client's side (Windows or Office).
    pub(crate) count: Option<u32>,
    /// The host key, when its Activation ID names it.
    pub(crate) key: Option<KmsHostKey>,
}

/// The instant of a printed time, with the caller's offset for a local one.
pub(crate) fn instant(t: PrintedTime, offset_minutes: Option<i32>) -> Option<DateTime<Utc>> {
    match t {
        PrintedTime::Utc(t) => Some(t),
        PrintedTime::Local(n) => {
            let off = TimeDelta::try_minutes(i64::from(offset_minutes?))?;
            n.checked_sub_signed(off).map(|u| u.and_utc())
        }
    }
}

pub(crate) struct Context {
    pub(crate) now: DateTime<Utc>,
    pub(crate) horizon: DateTime<Utc>,
    pub(crate) offset_minutes: Option<i32>,
}

fn minutes(d: u64) -> Option<TimeDelta> {
    i64::try_from(d).ok().and_then(TimeDelta::try_minutes)
}

const fn is_grace(s: LicenseStatus) -> bool {
    matches!(
        s,
        LicenseStatus::OobGrace
            | LicenseStatus::OotGrace
            | LicenseStatus::NonGenuineGrace
            | LicenseStatus::ExtendedGrace
    )
}

const fn is_out(s: LicenseStatus) -> bool {
    matches!(s, LicenseStatus::Notification | LicenseStatus::Unlicensed)
}

/// Projects one record.
pub(crate) fn project(
    r: &LicenseRecord,
    identification: Identification,
    collected: CollectionTime,
    host: Option<HostView>,
    ctx: &Context,
) -> ProductStatus {
    let mut notes = Vec::new();
    let sku = identification.sku();
    let channel = r.channel.or(r.recognized.channel());
    let at = collected.at();
    // Minutes left: printed, or from a printed expiry date.
    let remaining: Option<u64> = match r.remaining {
        Some(Remaining::Minutes { minutes, .. }) => Some(minutes),
        Some(Remaining::Unlimited) => None,
        _ => r
            .expires
            .and_then(|e| instant(e, ctx.offset_minutes))
            .zip(at)
            .map(|(e, a)| {
                u64::try_from(e.signed_duration_since(a).num_minutes().max(0)).unwrap_or(0)
            }),
    };
    // A licensed product with no time left printed has no end (MAK, retail, OEM, a KMS host).
    let unending = |s: LicenseStatus| {
        is_out(s)
            || (s == LicenseStatus::Licensed
                && channel != Some(Channel::VolumeGvlk)
                && remaining.is_none_or(|m| m == 0))
    };
    let mut out = ProductStatus {
        name: r.name.clone(),
        identification,
        channel,
        captured: r.status,
        collected,
        now: None,
        at_horizon: None,
        period_ends: None,
        notification_at: None,
        date_confidence: None,
        cause: None,
        fix: None,
        kms_host: r.kms_client.as_ref().and_then(|k| {
            k.registered_host
                .clone()
                .or_else(|| k.discovered_host.clone())
        }),
        notes: Vec::new(),
    };
    let Some(status) = r.status else {
        return out;
    };
    let evaluation_end = r
        .evaluation_end
        .and_then(|e| instant(e, ctx.offset_minutes));
    match (at, sku) {
        (Some(at), Some(sku))
            if !(status == LicenseStatus::Licensed
                && unending(status)
                && channel != Some(Channel::VolumeMak)
                && channel != Some(Channel::Avma)) =>
        {
            let mut seen = Observation::new(status);
            seen.remaining_minutes = remaining;
            seen.reason = r.status_reason.filter(|&h| h != 0);
            seen.rearms_left = r.windows_rearm_count.or(r.sku_rearm_count);
            let lc = channel
                .ok_or_else(|| "the capture prints no channel".to_owned())
                .and_then(|c| Lifecycle::observed(sku, c, &seen, at).map_err(|e| e.to_string()));
            match lc {
                Ok(lc) => {
                    let state_at = |t: DateTime<Utc>| lc.state_at(t.max(at));
                    out.now = Some(state_at(ctx.now).status());
                    out.at_horizon = Some(state_at(ctx.horizon).status());
                    out.period_ends = lc.state_at(at).ends_at();
                    let mut cursor = at;
                    for _ in 0..4 {
                        let Some(t) = lc.next_transition(cursor) else {
                            break;
                        };
                        if is_out(t.to()) {
                            out.notification_at = Some(t.at());
                            out.date_confidence = Some(lc.state_at(cursor).confidence());
                            break;
                        }
                        cursor = t.at();
                    }
                    if is_out(status) {
                        out.notification_at = Some(at);
                        out.date_confidence = Some(Confidence::Documented);
                    }
                }
                Err(why) => {
                    notes.push(format!("not projected: {why}"));
                    simple(&mut out, status, remaining, Some(at), ctx, &unending);
                }
            }
        }
        (Some(at), _) => simple(&mut out, status, remaining, Some(at), ctx, &unending),
        (None, _) => {
            simple(&mut out, status, remaining, None, ctx, &unending);
            if !unending(status) {
                notes.push(
                    "the collection time is unknown: the state now and at the horizon cannot be known"
                        .to_owned(),
                );
            }
        }
    }
    // An evaluation ends at its printed end date: unlicensed from then on (SoftwareLicensingProduct.EvaluationEndDate).
    if let Some(end) = evaluation_end {
        if channel == Some(Channel::TimebasedEval) || r.evaluation_end.is_some() {
            if out.notification_at.is_none_or(|n| end < n) {
                out.notification_at = Some(end);
                out.date_confidence = Some(Confidence::Documented);
            }
            for (slot, t) in [(&mut out.now, ctx.now), (&mut out.at_horizon, ctx.horizon)] {
                if t >= end {
                    *slot = Some(LicenseStatus::Unlicensed);
                }
            }
        }
    }
    let at_risk = [out.now, out.at_horizon]
        .iter()
        .any(|s| s.is_none_or(|s| s != LicenseStatus::Licensed))
        || out.notification_at.is_some_and(|n| n <= ctx.horizon);
    if at_risk && !(unending(status) && status == LicenseStatus::Licensed) {
        let cause = cause_of(r, channel, sku, status, evaluation_end.is_some(), host);
        out.fix = Some(fix_of(cause, r.status_reason));
        out.cause = Some(cause);
    }
    out.notes = notes;
    out
}

/// Projection without a lifecycle (unknown SKU or channel, or unknown collection time): the
/// captured state holds until the printed period ends; a grace period then ends in
/// notification; what follows a KMS activation is not known without the release.
fn simple(
    out: &mut ProductStatus,
    status: LicenseStatus,
    remaining: Option<u64>,
    at: Option<DateTime<Utc>>,
    ctx: &Context,
    unending: &dyn Fn(LicenseStatus) -> bool,
) {
    if unending(status) {
        out.now = Some(status);
        out.at_horizon = Some(status);
        if is_out(status) {
            out.notification_at = at;
            out.date_confidence = at.map(|_| Confidence::Documented);
        }
        return;
    }
    let Some(at) = at else {
        return;
    };
    let end = remaining
        .and_then(minutes)
        .and_then(|d| at.checked_add_signed(d));
    out.period_ends = end;
    let after = if is_grace(status) {
        // The lifecycle's rule for every release since Vista SP1; derived without the release.
        Some(LicenseStatus::Notification)
    } else {
        None
    };
    let state = |t: DateTime<Utc>| match end {
        Some(e) if t >= e => after,
        _ => Some(status),
    };
    out.now = state(ctx.now);
    out.at_horizon = state(ctx.horizon);
    if after.is_some() {
        out.notification_at = end;
        out.date_confidence = end.map(|_| Confidence::Derived);
    }
}

fn family_of(r: &LicenseRecord, sku: Option<Sku>) -> Option<Family> {
    sku.map(Sku::family).or(r.recognized.family()).or_else(|| {
        r.application_id
            .and_then(|a| a.is_office().then_some(Family::Office))
    })
}

fn cause_of(
    r: &LicenseRecord,
    channel: Option<Channel>,
    sku: Option<Sku>,
    status: LicenseStatus,
    evaluation: bool,
    host: Option<HostView>,
) -> Cause {
    let reason = r.status_reason.unwrap_or(0);
    if status == LicenseStatus::NonGenuineGrace
        || reason == HR_NONGENUINE_GRACE
        || reason == HR_NONGENUINE_GRACE_EXPIRED
    {
        return Cause::NonGenuine;
    }
    if evaluation || channel == Some(Channel::TimebasedEval) {
        return Cause::EvaluationEnding;
    }
    match channel {
        Some(Channel::VolumeMak) => Cause::MakNotActivated,
        Some(Channel::VolumeGvlk) => {
            if reason == HR_WRONG_HOST {
                return Cause::WrongHostKey;
            }
            if reason == HR_LOW_COUNT {
                return Cause::KmsHostBelowThreshold;
            }
            if let Some(h) = host {
                if let (Some(key), Some(sku)) = (h.key, sku) {
                    let cov = host_key_coverage(key, sku);
                    if !cov.is_yes() && cov.answer() != crate::catalog::Answer::Undocumented {
                        return Cause::WrongHostKey;
                    }
                }
                let threshold = sku
                    .map(activation_threshold)
                    .or_else(|| family_of(r, sku).map(family_threshold));
                if let (Some(n), Some(t)) = (h.count, threshold) {
                    if n < t {
                        return Cause::KmsHostBelowThreshold;
                    }
                }
            }
            if status == LicenseStatus::Licensed {
                Cause::KmsRenewalFailing
            } else {
                Cause::NoKmsHost
            }
        }
        _ => Cause::NotActivated,
    }
}

/// 0xC004F074: no KMS could be contacted.
const HR_NO_KMS: u32 = 0xC004_F074;
/// 0xC004F038: the KMS count is insufficient.
const HR_LOW_COUNT: u32 = 0xC004_F038;
/// 0xC004F042: the specified KMS cannot be used.
const HR_WRONG_HOST: u32 = 0xC004_F042;

fn fix_of(cause: Cause, reason: Option<u32>) -> Fix {
    let code = match cause {
        Cause::NoKmsHost | Cause::KmsRenewalFailing => Some(HR_NO_KMS),
        Cause::KmsHostBelowThreshold => Some(HR_LOW_COUNT),
        Cause::WrongHostKey => Some(HR_WRONG_HOST),
        Cause::NonGenuine => Some(HR_NONGENUINE_GRACE),
        Cause::MakNotActivated | Cause::NotActivated => Some(
            reason
                .filter(|&h| h != 0 && ActivationErrorCode::lookup(h).is_some())
                .unwrap_or(HR_GRACE_TIME_EXPIRED),
        ),
        Cause::EvaluationEnding => None,
    };
    match code.and_then(ActivationErrorCode::lookup) {
        Some(c) => Fix {
            text: c.resolution().to_owned(),
            code: Some(format!("0x{:08X}", c.hresult())),
            sources: c.sources().map(str::to_owned).collect(),
        },
        None => Fix {
            text: "an evaluation is unlicensed from its end date and cannot be activated: install a licensed (non-evaluation) edition before then".to_owned(),
            code: None,
            sources: vec![Source::SPP_WMI_PRODUCT.url().to_owned()],
        },
    }
}
