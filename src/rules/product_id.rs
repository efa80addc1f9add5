//! What a build number and an Activation ID say about a product: the relations product
//! identification rests on.

use crate::catalog::{ActivationId, Confidence, KmsHostKey, Release, Source};
use crate::tables::{activation_id, build};

/// The Windows releases that ship with OS build `build` (the third part of `10.0.26100.1`),
/// in release order, each with the release-information page that lists it. Empty for a
/// build the crate does not know (every build before Windows 10, and insider builds).
///
/// One build can be several releases: the edition decides.
///
/// Sources: "Windows 10 release information",
/// <https://learn.microsoft.com/en-us/windows/release-health/release-information>; "Windows
/// 11 release information",
/// <https://learn.microsoft.com/en-us/windows/release-health/windows11-release-information>;
/// "Windows Server release information",
/// <https://learn.microsoft.com/en-us/windows-server/get-started/windows-server-release-info>.
///
/// ```
/// use volume_activation::catalog::Release;
/// use volume_activation::rules::releases_of_build;
///
/// let r: Vec<Release> = releases_of_build(26100).map(|(r, _)| r).collect();
/// assert_eq!(r, [Release::Windows11, Release::Windows11Ltsc2024, Release::WindowsServer2025]);
/// assert_eq!(releases_of_build(20348).next().map(|(r, _)| r), Some(Release::WindowsServer2022));
/// assert_eq!(releases_of_build(12345).count(), 0);
/// ```
pub fn releases_of_build(build: u32) -> impl Iterator<Item = (Release, Source)> + Clone {
    build::rows(build).map(|r| (r.release, r.source))
}

/// The KMS host key group whose licence has Activation ID `id`, with its source and
/// confidence; `None` for an ID the crate does not list.
///
/// The crate lists only the Activation IDs a Microsoft page prints: the Office 2016, 2019,
/// LTSC 2021 and LTSC 2024 KMS host licences ("Configure a KMS host computer to activate
/// volume licensed versions of Office",
/// <https://learn.microsoft.com/en-us/office/volume-license-activation/configure-a-kms-host-computer-for-office>).
///
/// ```
/// use volume_activation::catalog::{ActivationId, KmsHostKey};
/// use volume_activation::rules::host_key_of_activation_id;
///
/// let id: ActivationId = "70512334-47B4-44DB-A233-BE5EA33B914C".parse()?;
/// assert_eq!(host_key_of_activation_id(id).map(|(k, _, _)| k), Some(KmsHostKey::Office2019));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn host_key_of_activation_id(id: ActivationId) -> Option<(KmsHostKey, Source, Confidence)> {
    activation_id::lookup(id.guid().as_u128()).map(|r| (r.host_key, r.source, r.confidence))
}

/// The OS build of a licensing service version as printed (`10.0.26100.1` -> 26100): the
/// third dotted part of a version whose major part is 10. `None` for anything else.
pub(crate) fn build_of_version(version: &str) -> Option<u32> {
    let mut parts = version.trim().split('.');
    let major = parts.next()?;
    let _minor = parts.next()?;
    let build = parts.next()?;
    if major != "10" {
        return None;
    }
    build.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::build_of_version;

    #[test]
    fn build_is_the_third_part_of_a_version_10() {
        assert_eq!(build_of_version("10.0.26100.1"), Some(26100));
        assert_eq!(build_of_version(" 10.0.17763 "), Some(17763));
        assert_eq!(build_of_version("6.3.9600.16384"), None);
        assert_eq!(build_of_version("10.0"), None);
        assert_eq!(build_of_version("10.0.x.1"), None);
        assert_eq!(build_of_version(""), None);
    }
}
