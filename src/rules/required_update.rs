//! Required KMS host updates.

use crate::catalog::coverage::{Answer, Basis};
use crate::catalog::{Confidence, Kb, Release, Source};
use crate::macros::Lookup as _;

/// Whether a KMS host OS needs an update before it activates a client release.
///
/// The crate owns this set, so it is exhaustive.
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
pub enum UpdateNeed {
    /// The client is not newer than the host: no update is needed.
    #[strum(serialize = "not-needed")]
    NotNeeded,
    /// A documented update is needed ([`UpdateRequirement::kbs`]).
    #[strum(serialize = "required")]
    Required,
    /// No update makes this host activate that client.
    #[strum(serialize = "cannot-be-updated")]
    CannotBeUpdated,
    /// Microsoft names no update for this combination.
    #[strum(serialize = "undocumented")]
    Undocumented,
}

impl UpdateNeed {
    /// The marketing name Microsoft uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            UpdateNeed::NotNeeded => "no update needed",
            UpdateNeed::Required => "update required",
            UpdateNeed::CannotBeUpdated => "cannot be updated",
            UpdateNeed::Undocumented => "undocumented",
        }
    }

    /// The error for text that is no UpdateNeed ID.
    fn unknown(s: &str) -> crate::error::Error {
        crate::error::Error::unknown_id::<Self>("update need", s)
    }
}

crate::macros::serde_as_id!(UpdateNeed);

/// What a KMS host OS needs before it activates a client release: nothing, one of the named
/// KBs (or a later cumulative update / monthly rollup, which includes it: record the named KB as
/// installed), or nothing can help. Returned by [`required_update`].
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::catalog::Kb;
/// use volume_activation::rules::{required_update, UpdateNeed};
///
/// let r = required_update(Release::WindowsServer2019, Release::WindowsServer2025);
/// assert_eq!(r.need(), UpdateNeed::Required);
/// assert_eq!(r.kbs().collect::<Vec<_>>(), [Kb::new(5_034_768).unwrap()]);
/// assert!(r.is_met_by(&[Kb::new(5_034_768).unwrap()]));
/// assert!(!r.is_met_by(&[]));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UpdateRequirement {
    need: UpdateNeed,
    kb: Option<Kb>,
    alternative: Option<Kb>,
    basis: Basis,
}

impl UpdateRequirement {
    pub(crate) const fn new(
        need: UpdateNeed,
        kb: Option<Kb>,
        alternative: Option<Kb>,
        basis: Basis,
    ) -> Self {
        UpdateRequirement {
            need,
            kb,
            alternative,
            basis,
        }
    }

    /// Whether an update is needed, and whether one exists.
    #[must_use]
    pub const fn need(self) -> UpdateNeed {
        self.need
    }

    /// The KBs that satisfy the requirement (any one of them), in the order Microsoft names
    /// them; empty unless [`UpdateNeed::Required`].
    pub fn kbs(self) -> impl Iterator<Item = Kb> + Clone {
        self.kb.into_iter().chain(self.alternative)
    }

    /// The first KB Microsoft names (the minimum), if any.
    #[must_use]
    pub const fn kb(self) -> Option<Kb> {
        self.kb
    }

    /// Whether a host with `installed` updates meets the requirement: always when no update is
    /// needed, never when it cannot be updated or Microsoft names no update.
    #[must_use]
    pub fn is_met_by(self, installed: &[Kb]) -> bool {
        match self.need {
            UpdateNeed::NotNeeded => true,
            UpdateNeed::Required => self.kbs().any(|k| installed.contains(&k)),
            UpdateNeed::CannotBeUpdated | UpdateNeed::Undocumented => false,
        }
    }

    /// What the answer rests on.
    #[must_use]
    pub const fn basis(self) -> Basis {
        self.basis
    }

    /// The documents the answer rests on.
    #[must_use]
    pub const fn sources(self) -> &'static [Source] {
        self.basis.sources()
    }

    /// How sure the crate is (undocumented answers are [`Confidence::Unverified`]).
    #[must_use]
    pub const fn confidence(self) -> Confidence {
        match self.need {
            UpdateNeed::Undocumented => Answer::Undocumented.confidence(),
            UpdateNeed::NotNeeded => Confidence::Derived,
            UpdateNeed::Required | UpdateNeed::CannotBeUpdated => Confidence::Documented,
        }
    }
}

/// The update a KMS host running `host_os` needs before it activates KMS clients of
/// `client` (KMS activation planning: "This is required when you want to activate a version of
/// Windows that is newer than the version your KMS host is running").
///
/// Windows Server 2003 hosts are not modelled. Office releases answer undocumented.
///
/// ```
/// use volume_activation::Release;
/// use volume_activation::rules::{required_update, UpdateNeed};
///
/// assert_eq!(required_update(Release::WindowsServer2022, Release::Windows10).need(), UpdateNeed::NotNeeded);
/// assert_eq!(
///     required_update(Release::WindowsServer2008R2, Release::WindowsServer2016).need(),
///     UpdateNeed::CannotBeUpdated,
/// );
/// ```
#[must_use]
pub fn required_update(host_os: Release, client: Release) -> UpdateRequirement {
    UPDATES
        .lookup((host_os as usize, client as usize))
        .unwrap_or_else(|| compute(host_os, client))
}

crate::macros::const_table! {
    /// Every (host, client) answer, computed at compile time from [`compute`].
    static UPDATES: [UpdateRequirement; Release, Release] = |h, c| compute(h, c);
}

const fn compute(host_os: Release, client: Release) -> UpdateRequirement {
    use crate::tables::kms_updates::{UpdateRow, generation, update_row};
    match update_row(host_os, client) {
        Some(UpdateRow::Kb(kb, alternative, basis)) => {
            UpdateRequirement::new(UpdateNeed::Required, Some(kb), alternative, basis)
        }
        Some(UpdateRow::Cannot(basis)) => {
            UpdateRequirement::new(UpdateNeed::CannotBeUpdated, None, None, basis)
        }
        Some(UpdateRow::Conflict(basis)) => {
            UpdateRequirement::new(UpdateNeed::Undocumented, None, None, basis)
        }
        None => match (generation(host_os), generation(client)) {
            (Some(h), Some(c)) if c <= h => {
                UpdateRequirement::new(UpdateNeed::NotNeeded, None, None, Basis::NotNewerThanHost)
            }
            _ => UpdateRequirement::new(UpdateNeed::Undocumented, None, None, Basis::NotListed),
        },
    }
}
