//! Key kinds and licence channels.

use crate::error::Error;
use strum::VariantArray;

/// The kind of product key a product is installed with.
///
/// Microsoft adds kinds, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::KeyKind;
///
/// assert_eq!("kms-client".parse::<KeyKind>()?.name(), "KMS client setup key (GVLK)");
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
pub enum KeyKind {
    /// A retail key, activated with Microsoft once per installation.
    #[strum(serialize = "retail")]
    Retail,
    /// An OEM key or OEM activation (DM, SLP, NONSLP, COA).
    #[strum(serialize = "oem")]
    Oem,
    /// A setup key: unlocks a product/version for installation and bypasses activation
    /// (Volume Licensing FAQ, 06/2018).
    #[strum(serialize = "setup-key")]
    SetupKey,
    /// A Multiple Activation Key: activates against Microsoft, counted against an allotment.
    #[strum(serialize = "mak")]
    Mak,
    /// A KMS host key, formally a Customer Specific Volume License Key (CSVLK).
    #[strum(serialize = "kms-host")]
    KmsHost,
    /// A KMS client setup key, the Generic Volume License Key (GVLK): its presence makes a
    /// product a KMS client.
    #[strum(serialize = "kms-client")]
    KmsClient,
    /// An Automatic Virtual Machine Activation key, for guests on a Datacenter host.
    #[strum(serialize = "avma")]
    Avma,
    /// A time-based evaluation licence.
    #[strum(serialize = "timebased-eval")]
    TimebasedEval,
    /// A subscription licence (Windows Enterprise E3/E5 subscription activation).
    #[strum(serialize = "subscription")]
    Subscription,
}

impl KeyKind {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            KeyKind::Retail => "Retail",
            KeyKind::Oem => "OEM",
            KeyKind::SetupKey => "Setup key",
            KeyKind::Mak => "Multiple Activation Key (MAK)",
            KeyKind::KmsHost => "KMS host key (CSVLK)",
            KeyKind::KmsClient => "KMS client setup key (GVLK)",
            KeyKind::Avma => "Automatic Virtual Machine Activation (AVMA) key",
            KeyKind::TimebasedEval => "Time-based evaluation",
            KeyKind::Subscription => "Subscription",
        }
    }

    /// The error for text that is no KeyKind ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("key kind", s)
    }
}

crate::macros::serde_as_id!(KeyKind);

/// The licence channel a tool reports for a product (WMI `ProductKeyChannel`, the
/// `... channel` suffix of the slmgr / ospp description).
///
/// `FromStr` reads the canonical ID; [`Channel::parse_lenient`] reads what the tools print.
/// Microsoft adds channels, so this enum is `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::{Channel, KeyKind};
///
/// let c = Channel::parse_lenient("Windows(R) Operating System, VOLUME_KMSCLIENT channel")?;
/// assert_eq!(c, Channel::VolumeGvlk);
/// assert_eq!(c.key_kind(), KeyKind::KmsClient);
/// assert_eq!(Channel::parse_lenient("Volume:MAK")?, Channel::VolumeMak);
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
pub enum Channel {
    /// `Retail`.
    #[strum(serialize = "retail")]
    Retail,
    /// `OEM:DM`: a key injected in firmware by the manufacturer (digital marker).
    #[strum(serialize = "oem-dm")]
    OemDm,
    /// `OEM:SLP`: system-locked pre-installation.
    #[strum(serialize = "oem-slp")]
    OemSlp,
    /// `OEM:NONSLP`: an OEM key that is not system-locked.
    #[strum(serialize = "oem-nonslp")]
    OemNonSlp,
    /// An OEM certificate-of-authenticity key (`OEM_COA_SLP` / `OEM_COA_NSLP`).
    #[strum(serialize = "oem-coa")]
    OemCoa,
    /// `Volume:MAK`.
    #[strum(serialize = "volume-mak")]
    VolumeMak,
    /// `Volume:CSVLK`: a KMS host key is installed.
    #[strum(serialize = "volume-csvlk")]
    VolumeCsvlk,
    /// `Volume:GVLK`: a KMS client (or ADBA client) setup key is installed.
    #[strum(serialize = "volume-gvlk")]
    VolumeGvlk,
    /// An AVMA key is installed.
    #[strum(serialize = "avma")]
    Avma,
    /// `TIMEBASED_EVAL`: an evaluation edition.
    #[strum(serialize = "timebased-eval")]
    TimebasedEval,
}

impl Channel {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Channel::Retail => "Retail",
            Channel::OemDm => "OEM:DM",
            Channel::OemSlp => "OEM:SLP",
            Channel::OemNonSlp => "OEM:NONSLP",
            Channel::OemCoa => "OEM:COA",
            Channel::VolumeMak => "Volume:MAK",
            Channel::VolumeCsvlk => "Volume:CSVLK",
            Channel::VolumeGvlk => "Volume:GVLK",
            Channel::Avma => "AVMA",
            Channel::TimebasedEval => "TIMEBASED_EVAL",
        }
    }

    /// The error for text that is no Channel ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown(
            "channel",
            s,
            "a channel ID such as volume-gvlk, volume-mak, retail or oem-dm",
        )
    }
}

crate::macros::serde_as_id!(Channel);

impl Channel {
    /// The kind of key this channel means.
    #[must_use]
    pub const fn key_kind(self) -> KeyKind {
        match self {
            Channel::Retail => KeyKind::Retail,
            Channel::OemDm | Channel::OemSlp | Channel::OemNonSlp | Channel::OemCoa => KeyKind::Oem,
            Channel::VolumeMak => KeyKind::Mak,
            Channel::VolumeCsvlk => KeyKind::KmsHost,
            Channel::VolumeGvlk => KeyKind::KmsClient,
            Channel::Avma => KeyKind::Avma,
            Channel::TimebasedEval => KeyKind::TimebasedEval,
        }
    }

    /// Whether a product on this channel is a KMS client (it has a GVLK installed).
    #[must_use]
    pub const fn is_kms_client(self) -> bool {
        matches!(self, Channel::VolumeGvlk)
    }

    /// Reads a channel as the tools print it, ASCII case-insensitively:
    ///
    /// - WMI `ProductKeyChannel`: `Retail`, `OEM:DM`, `OEM:SLP`, `OEM:NONSLP`, `Volume:GVLK`,
    ///   `Volume:MAK`, `Volume:CSVLK`;
    /// - slmgr / ospp descriptions, whole or only the channel word: `VOLUME_KMSCLIENT channel`,
    ///   `VOLUME_MAK channel`, `VOLUME_KMS_...` (a KMS host key), `RETAIL channel`,
    ///   `OEM_DM channel`, `OEM_SLP channel`, `OEM_NONSLP channel`, `OEM_COA_SLP` /
    ///   `OEM_COA_NSLP channel`, `TIMEBASED_EVAL channel`, optionally preceded by the product
    ///   description up to a comma;
    /// - the canonical IDs.
    ///
    /// # Errors
    ///
    /// When the text names no known channel, e.g. `"VOLUME_FOO channel"`.
    pub fn parse_lenient(s: &str) -> Result<Channel, Error> {
        Channel::read_printed(s).map(|(c, _)| c).ok_or_else(|| {
            Error::unknown(
                "channel",
                s,
                "a channel such as Volume:GVLK, Volume:MAK, Retail, OEM:DM or VOLUME_KMSCLIENT channel",
            )
        })
    }

    /// The channel a printed text names, and whether it names it exactly (a whole channel
    /// word or name) rather than by a family prefix (`VOLUME_KMS_...`, `VOLUME_MAK_...`). A
    /// text cut off inside its channel word (`VOLUME_KMSCL`, `VOLUME_KMSCLIENT c` without its
    /// `channel`) is read only by an exact whole token, never by prefix as another channel.
    ///
    /// WMI's colon forms are read segment by segment, the most specific statement winning:
    /// `Retail:TB:Eval` (time-based evaluation, as slmgr prints it beside a `TIMEBASED_EVAL
    /// channel` description) is [`Channel::TimebasedEval`], not `Retail`.
    pub(crate) fn read_printed(s: &str) -> Option<(Channel, bool)> {
        let t = s.trim();
        // The canonical IDs and the printed names, without building the error a failed strict
        // parse makes (inventory parsers call this once per record).
        if let Some(c) = Channel::VARIANTS
            .iter()
            .copied()
            .find(|c| c.as_ref().eq_ignore_ascii_case(t) || c.name().eq_ignore_ascii_case(t))
        {
            return Some((c, true));
        }
        if t.contains(':') && !t.contains(char::is_whitespace) {
            let mut segments = t.split(':');
            let first = segments.next().unwrap_or_default();
            let rest: Vec<&str> = segments.collect();
            let has = |w: &str| rest.iter().any(|r| r.eq_ignore_ascii_case(w));
            if has("TB") || has("Eval") {
                return Some((Channel::TimebasedEval, true));
            }
            if first.eq_ignore_ascii_case("Retail") {
                return Some((Channel::Retail, false));
            }
            return None;
        }
        // The description form: "<product description>, <WORD> channel".
        let word = t.rsplit(',').next().unwrap_or(t).trim();
        let (word, complete) = match strip_suffix_ignore_case(word, "channel") {
            Some(w) => (w.trim(), true),
            None => (word, false),
        };
        // A word followed by a fragment (`VOLUME_KMSCLIENT c`): only its first token counts,
        // and only exactly.
        let mut tokens = word.split_whitespace();
        let token = tokens.next().unwrap_or_default();
        let complete = complete && tokens.next().is_none();
        // Compared case-insensitively in place (no uppercased copy).
        let is = |w: &str| token.eq_ignore_ascii_case(w);
        let starts = |p: &str| {
            token
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        };
        let exact = if is("VOLUME_KMSCLIENT") {
            Some(Channel::VolumeGvlk)
        } else if is("RETAIL") {
            Some(Channel::Retail)
        } else if is("OEM_DM") {
            Some(Channel::OemDm)
        } else if is("OEM_SLP") {
            Some(Channel::OemSlp)
        } else if is("OEM_NONSLP") {
            Some(Channel::OemNonSlp)
        } else if is("OEM_COA_SLP") || is("OEM_COA_NSLP") {
            Some(Channel::OemCoa)
        } else if is("TIMEBASED_EVAL") {
            Some(Channel::TimebasedEval)
        } else if is("VOLUME_MAK") {
            Some(Channel::VolumeMak)
        } else if is("VOLUME_KMS") {
            Some(Channel::VolumeCsvlk)
        } else {
            None
        };
        if let Some(c) = exact {
            return Some((c, true));
        }
        if !complete {
            return None;
        }
        if starts("VOLUME_MAK_") {
            Some((Channel::VolumeMak, false))
        } else if starts("VOLUME_KMS_") {
            Some((Channel::VolumeCsvlk, false))
        } else if starts("RETAIL_") || starts("RETAIL:") {
            Some((Channel::Retail, false))
        } else {
            None
        }
    }
}

/// `s` without `suffix`, compared ASCII case-insensitively; `None` if it does not end so.
pub(crate) fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let tail = s.get(cut..)?;
    if tail.eq_ignore_ascii_case(suffix) {
        s.get(..cut)
    } else {
        None
    }
}
