//! `Denial`: why a KMS host does not activate a client.

use std::fmt;

use crate::catalog::coverage::{Basis, Coverage};
use crate::catalog::{Channel, Kb, KmsHostKey, Release, Sku, Source};
use crate::rules::required_update::required_update;

/// Why a KMS host does not activate a client: exactly which rule failed. Returned by
/// [`check_activation`](crate::rules::check_activation).
///
/// A "no" is not an error of the caller, but `Denial` implements [`std::error::Error`] so it
/// composes with `?`. Messages are lowercase and pinned by tests.
/// [`Denial::hresult`] gives the code Windows shows, where Microsoft documents one.
///
/// More rules may be added, so this enum and its variants are `#[non_exhaustive]`.
///
/// ```
/// use volume_activation::{check_activation, Channel, Denial, KmsHost, KmsHostKey, Sku};
///
/// let host = KmsHost::new("windows-server-2022/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2022);
/// let client: Sku = "windows-11/enterprise".parse()?;
/// let denial = check_activation(&host, client, Channel::VolumeGvlk, 3).unwrap_err();
/// assert!(matches!(denial, Denial::CountBelowThreshold { count: 3, threshold: 25, .. }));
/// assert_eq!(denial.hresult(), Some(0xC004_F038));
/// assert_eq!(denial.to_string(), "the kms count 3 is below the activation threshold 25 of windows-11/enterprise");
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case", tag = "rule"))]
#[non_exhaustive]
pub enum Denial {
    /// The client is not a KMS client: its channel is not `Volume:GVLK` (MAK, retail, OEM,
    /// ...). "The presence of the GVLK is what makes a system a KMS client."
    #[non_exhaustive]
    NotKmsClient {
        /// The client.
        client: Sku,
        /// Its channel.
        channel: Channel,
    },
    /// A documented rule says the host OS cannot run the host key.
    #[non_exhaustive]
    HostOsCannotRunKey {
        /// The host OS.
        host_os: Sku,
        /// The host key.
        key: KmsHostKey,
        /// The documented no and its basis.
        coverage: Coverage,
    },
    /// Microsoft does not say whether the host OS can run the host key.
    #[non_exhaustive]
    HostOsUndocumented {
        /// The host OS.
        host_os: Sku,
        /// The host key.
        key: KmsHostKey,
        /// The undocumented answer and its basis.
        coverage: Coverage,
    },
    /// The host OS needs an update (any of the named KBs) before it runs the key or activates
    /// the client.
    #[non_exhaustive]
    UpdateMissing {
        /// The host OS.
        host_os: Sku,
        /// The release the update is for.
        release: Release,
        /// The KB Microsoft names (the minimum).
        kb: Kb,
        /// Another KB that also satisfies the requirement, if Microsoft names one.
        alternative: Option<Kb>,
    },
    /// Microsoft names no update (and no "not needed") for this host OS and release, so the
    /// crate does not know whether the host activates it: it does not guess.
    #[non_exhaustive]
    UpdateUndocumented {
        /// The host OS.
        host_os: Sku,
        /// The release the update would be for (the client's, or the host key's).
        release: Release,
    },
    /// No update makes this host OS activate that client release.
    #[non_exhaustive]
    CannotBeUpdated {
        /// The host OS.
        host_os: Sku,
        /// The client release.
        release: Release,
    },
    /// A KMS host on a Windows client OS activates only Windows client.
    #[non_exhaustive]
    ClientHostCannotActivateServer {
        /// The host OS (a Windows client).
        host_os: Sku,
        /// The client (a Windows Server).
        client: Sku,
    },
    /// A documented rule says the host key does not activate the client.
    #[non_exhaustive]
    KeyDoesNotCover {
        /// The host key.
        key: KmsHostKey,
        /// The client.
        client: Sku,
        /// The documented no and its basis.
        coverage: Coverage,
    },
    /// Microsoft does not say whether the host key activates the client; the crate does not
    /// guess.
    #[non_exhaustive]
    CoverageUndocumented {
        /// The host key.
        key: KmsHostKey,
        /// The client.
        client: Sku,
        /// The undocumented answer and its basis.
        coverage: Coverage,
    },
    /// The KMS count is below the client's activation threshold.
    #[non_exhaustive]
    CountBelowThreshold {
        /// The client.
        client: Sku,
        /// The count the host reports.
        count: u32,
        /// The threshold (25 client, 5 server and Office).
        threshold: u32,
    },
}

impl Denial {
    /// The HRESULT Windows reports for this denial, where Microsoft documents one (all codes
    /// are rows of Microsoft's activation error-code pages):
    ///
    /// - `0xC004F038` (`SL_E_VL_NOT_ENOUGH_COUNT`): count below threshold;
    /// - `0xC004F042` (`SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH`): the host cannot activate
    ///   this client (key does not cover it, client-OS host asked for a server, host cannot be
    ///   updated for it);
    /// - `0xC004F050` (`SL_E_INVALID_PRODUCT_KEY`): a newer host key on a host without the
    ///   required update.
    ///
    /// `None` where no code is documented: a client that is not a KMS client, and the
    /// undocumented answers.
    ///
    /// Sources: <https://learn.microsoft.com/en-us/troubleshoot/windows-server/licensing-and-activation/troubleshoot-activation-error-codes>,
    /// <https://learn.microsoft.com/en-us/windows-server/get-started/activation-error-codes>.
    #[must_use]
    pub const fn hresult(&self) -> Option<u32> {
        match self {
            Denial::CountBelowThreshold { .. } => Some(0xC004_F038),
            Denial::KeyDoesNotCover { .. }
            | Denial::ClientHostCannotActivateServer { .. }
            | Denial::CannotBeUpdated { .. } => Some(0xC004_F042),
            Denial::UpdateMissing { .. } => Some(0xC004_F050),
            Denial::NotKmsClient { .. }
            | Denial::HostOsCannotRunKey { .. }
            | Denial::HostOsUndocumented { .. }
            | Denial::UpdateUndocumented { .. }
            | Denial::CoverageUndocumented { .. } => None,
        }
    }

    /// The documented activation error code of [`hresult`](Self::hresult), with its message,
    /// cause and resolution; `None` where no code is documented.
    ///
    /// ```
    /// use volume_activation::{check_activation, Channel, KmsHost, KmsHostKey, Sku};
    ///
    /// let host = KmsHost::new("windows-server-2022/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2022);
    /// let client: Sku = "windows-11/enterprise".parse()?;
    /// let denial = check_activation(&host, client, Channel::VolumeGvlk, 3).unwrap_err();
    /// let code = denial.error_code().expect("documented");
    /// assert_eq!(code.symbol(), Some("SL_E_VL_NOT_ENOUGH_COUNT"));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn error_code(&self) -> Option<crate::rules::ActivationErrorCode> {
        self.hresult()
            .and_then(crate::rules::ActivationErrorCode::lookup)
    }

    /// The documents the failed rule rests on.
    ///
    /// ```
    /// use volume_activation::{check_activation, Channel, KmsHost, KmsHostKey, Sku};
    ///
    /// let host = KmsHost::new("windows-server-2019/standard".parse::<Sku>()?, KmsHostKey::WindowsServer2025);
    /// let d = check_activation(&host, "windows-11/pro".parse()?, Channel::VolumeGvlk, 30).unwrap_err();
    /// assert_eq!(d.sources()[0].id(), "S-PLAN");
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn sources(&self) -> &'static [Source] {
        match self {
            Denial::HostOsCannotRunKey { coverage, .. }
            | Denial::HostOsUndocumented { coverage, .. }
            | Denial::KeyDoesNotCover { coverage, .. }
            | Denial::CoverageUndocumented { coverage, .. } => coverage.sources(),
            Denial::UpdateMissing {
                host_os, release, ..
            }
            | Denial::UpdateUndocumented { host_os, release }
            | Denial::CannotBeUpdated { host_os, release } => {
                required_update(host_os.release(), *release).sources()
            }
            Denial::ClientHostCannotActivateServer { .. } => {
                Basis::ClientKeyActivatesOnlyClients.sources()
            }
            // "The presence of the GVLK is what makes a system a KMS client."
            Denial::NotKmsClient { .. } => &[Source::KMS_TROUBLESHOOTING],
            Denial::CountBelowThreshold { .. } => &[Source::KMS_PLANNING],
        }
    }

    /// The coverage answer behind a host-OS or host-key denial, if this is one.
    #[must_use]
    pub const fn coverage(&self) -> Option<Coverage> {
        match self {
            Denial::HostOsCannotRunKey { coverage, .. }
            | Denial::HostOsUndocumented { coverage, .. }
            | Denial::KeyDoesNotCover { coverage, .. }
            | Denial::CoverageUndocumented { coverage, .. } => Some(*coverage),
            _ => None,
        }
    }
}

impl fmt::Display for Denial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Denial::NotKmsClient { client, channel } => write!(
                f,
                "{client} is not a kms client: its channel is {channel}, not volume-gvlk"
            ),
            Denial::HostOsCannotRunKey {
                host_os,
                key,
                coverage,
            } => write!(
                f,
                "a kms host on {host_os} cannot run the {key} host key ({})",
                coverage.basis()
            ),
            Denial::HostOsUndocumented { host_os, key, .. } => write!(
                f,
                "undocumented whether a kms host on {host_os} can run the {key} host key"
            ),
            Denial::UpdateMissing {
                host_os,
                release,
                kb,
                alternative,
            } => {
                write!(f, "a kms host on {host_os} needs update {kb}")?;
                if let Some(alt) = alternative {
                    write!(f, " or {alt}")?;
                }
                write!(f, " before it activates {release}")
            }
            Denial::UpdateUndocumented { host_os, release } => write!(
                f,
                "undocumented which update a kms host on {host_os} needs before it activates {release}"
            ),
            Denial::CannotBeUpdated { host_os, release } => write!(
                f,
                "a kms host on {host_os} cannot be updated to activate {release}"
            ),
            Denial::ClientHostCannotActivateServer { host_os, client } => write!(
                f,
                "a kms host on the client os {host_os} cannot activate the server {client}"
            ),
            Denial::KeyDoesNotCover {
                key,
                client,
                coverage,
            } => write!(
                f,
                "the {key} host key does not activate {client} ({})",
                coverage.basis()
            ),
            Denial::CoverageUndocumented { key, client, .. } => write!(
                f,
                "undocumented whether the {key} host key activates {client}"
            ),
            Denial::CountBelowThreshold {
                client,
                count,
                threshold,
            } => write!(
                f,
                "the kms count {count} is below the activation threshold {threshold} of {client}"
            ),
        }
    }
}

impl std::error::Error for Denial {}
