//! SKUs: the real (release, edition) pairs.

use std::fmt;
use std::str::FromStr;

use crate::catalog::sku_table::{SKU_COUNT, SKUS};
use crate::catalog::{Edition, Family, Release};
use crate::error::Error;

/// A product: a [`Release`] paired with an [`Edition`], which exists only for the real
/// combinations Microsoft publishes (every edition of the GVLK tables, and the older volume
/// editions the reference names).
///
/// The canonical ID is `release/edition` (`windows-server-2019/standard`); `Display` writes it,
/// `FromStr` reads it, serde uses it. [`Sku::name`] gives the marketing name.
///
/// ```
/// use volume_activation::{Edition, Family, Release, Sku};
///
/// let sku = Sku::new(Release::Windows11, Edition::Enterprise)?;
/// assert_eq!(sku.name(), "Windows 11 Enterprise");
/// assert_eq!(sku.to_string(), "windows-11/enterprise");
/// assert_eq!("windows-11/enterprise".parse::<Sku>()?, sku);
/// assert_eq!(sku.family(), Family::Client);
///
/// // Not every pair is a product.
/// assert!(Sku::new(Release::Windows11, Edition::Datacenter).is_err());
/// # Ok::<(), volume_activation::Error>(())
/// ```
/// Ordered by release, then edition (declaration order), so a `Sku` can key a `BTreeMap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sku {
    release: Release,
    edition: Edition,
    /// The row of the SKU table: [`Sku::index`].
    index: u8,
}

// Every index fits the `u8` a `Sku` keeps.
const _: () = assert!(SKU_COUNT <= 256);

fn row_index(release: Release, edition: Edition) -> Option<usize> {
    SKUS.binary_search_by_key(&(release as u8, edition as u8), |&(r, e, _)| {
        (r as u8, e as u8)
    })
    .ok()
}

impl Sku {
    /// The SKU of `release` and `edition`.
    ///
    /// # Errors
    ///
    /// When the pair is not a real product, e.g. Windows 11 Datacenter or Office 2019 OneNote
    /// (Microsoft published no Office 2019 OneNote volume SKU).
    pub fn new(release: Release, edition: Edition) -> Result<Sku, Error> {
        match row_index(release, edition) {
            Some(index) => Ok(Sku {
                release,
                edition,
                index: u8::try_from(index).unwrap_or(u8::MAX),
            }),
            None => Err(Error::invalid(
                "sku",
                &format!("{release}/{edition}"),
                format!("an edition that {} has", release.name()),
            )),
        }
    }

    /// Every SKU, sorted by release then edition.
    ///
    /// ```
    /// use volume_activation::Sku;
    ///
    /// assert!(Sku::all().any(|s| s.name() == "Windows Server 2025 Datacenter: Azure Edition"));
    /// ```
    pub fn all() -> impl ExactSizeIterator<Item = Sku> + Clone {
        SKUS.iter()
            .zip(0..=u8::MAX)
            .map(|(&(release, edition, _), index)| Sku {
                release,
                edition,
                index,
            })
    }

    /// How many SKUs there are: [`Sku::index`] is below it.
    pub const COUNT: usize = SKU_COUNT;

    /// The SKU's dense index, `0..Sku::COUNT`, in [`Sku::all`] order: a key for tables
    /// indexed by SKU (a bitset of the clients a KMS host activates). Indices follow the
    /// catalogue, so they can change when Microsoft publishes a SKU: store the canonical ID,
    /// not the index.
    ///
    /// ```
    /// use volume_activation::Sku;
    ///
    /// for (i, sku) in Sku::all().enumerate() {
    ///     assert_eq!(sku.index(), i);
    ///     assert_eq!(Sku::from_index(i), Some(sku));
    /// }
    /// assert_eq!(Sku::all().len(), Sku::COUNT);
    /// assert_eq!(Sku::from_index(Sku::COUNT), None);
    /// ```
    #[must_use]
    #[inline]
    pub const fn index(self) -> usize {
        self.index as usize
    }

    /// The SKU of dense index `index` ([`Sku::index`]), or `None` from [`Sku::COUNT`] on.
    #[must_use]
    pub fn from_index(index: usize) -> Option<Sku> {
        Self::all().nth(index)
    }

    /// Every SKU of one release.
    pub fn of_release(release: Release) -> impl Iterator<Item = Sku> + Clone {
        Self::all().filter(move |s| s.release == release)
    }

    /// The release.
    #[must_use]
    pub const fn release(self) -> Release {
        self.release
    }

    /// The edition.
    #[must_use]
    pub const fn edition(self) -> Edition {
        self.edition
    }

    /// The family (client, server, Office).
    #[must_use]
    pub const fn family(self) -> Family {
        self.release.family()
    }

    /// The marketing name, as Microsoft's tables write it ("Windows Server 2008 R2 HPC
    /// edition", "Visio LTSC Professional 2021").
    #[must_use]
    pub fn name(self) -> &'static str {
        match SKUS.get(self.index()) {
            Some(&(_, _, name)) => name,
            // Unreachable: a Sku is only built for rows of the table.
            None => "",
        }
    }
}

impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.release, self.edition)
    }
}

impl FromStr for Sku {
    type Err = Error;

    /// Reads the canonical ID `release/edition`, e.g. `windows-10-ltsc-2019/enterprise-ltsc`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let Some((release, edition)) = s.split_once('/') else {
            return Err(Error::unknown(
                "sku",
                s,
                "release/edition, e.g. windows-server-2019/standard",
            ));
        };
        Sku::new(release.parse()?, edition.parse()?)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Sku {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Sku {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
