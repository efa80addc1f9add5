//! GVLKs: the published KMS client setup key of each SKU, and the reverse lookup.

use crate::catalog::{Confidence, ProductKey, Sku, Source};
use crate::tables::gvlk::{GVLKS, GvlkRow};

fn row_of(sku: Sku) -> Option<&'static GvlkRow> {
    let wanted = (sku.release() as u8, sku.edition() as u8);
    GVLKS
        .binary_search_by_key(&wanted, |r| (r.release as u8, r.edition as u8))
        .ok()
        .and_then(|i| GVLKS.get(i))
}

/// The KMS client setup key (GVLK) Microsoft publishes for `sku`, or `None` where Microsoft
/// publishes none: Small Business Server 2008 and 2011 (the Volume Licensing activation FAQ,
/// <http://www.microsoft.com/licensing/existing-customers/product-activation-faq.aspx>: SBS 2008
/// "product keys are adhered to that media", SBS 2011 uses MAKs and "KMS … isn’t offered").
///
/// Installing this key makes the product a KMS client (or an Active Directory-based
/// activation client). Windows 10 and Windows 11 editions share their keys, as do Windows 10
/// Enterprise LTSC 2019, 2021 and Windows 11 Enterprise LTSC 2024, and Windows IoT Enterprise
/// LTSC 2021 and 2024. Where the key comes from, and how sure the crate is, is
/// [`gvlk_source`].
///
/// Sources: "KMS client activation and product keys" (ms.date 2025-06-25),
/// <https://learn.microsoft.com/en-us/windows-server/get-started/kms-client-activation-keys>;
/// "GVLKs for KMS and Active Directory-based activation of Office, Project, and Visio",
/// <https://learn.microsoft.com/en-us/office/volume-license-activation/gvlks>; the archived
/// Office 2013 and Office 2010 GVLK tables (Office 2013 resource kit, Office 2010 TechNet
/// library; each key checked in two independent copies).
///
/// ```
/// use volume_activation::Sku;
/// use volume_activation::rules::gvlk;
///
/// let key = gvlk("windows-11/pro".parse::<Sku>()?).expect("published");
/// assert_eq!(key.reveal(), "W269N-WFGWX-YVC9B-4J6C9-T83GX");
/// assert_eq!(gvlk("windows-10/pro".parse::<Sku>()?), Some(key));
///
/// // Small Business Server 2011 has no GVLK (MAK only).
/// assert_eq!(gvlk("small-business-server-2011/standard".parse::<Sku>()?), None);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn gvlk(sku: Sku) -> Option<ProductKey> {
    row_of(sku).map(|r| r.product_key)
}

/// Where the GVLK of `sku` is published and how sure the crate is of it, or `None` when the
/// SKU has no published GVLK.
///
/// Every row is [`Confidence::Documented`] except the four Windows Server 2012 rows
/// "Windows Server 2012", "Windows Server 2012 N", "Windows Server 2012 Single Language" and
/// "Windows Server 2012 Country Specific", which are [`Confidence::Unverified`]: Microsoft's
/// page dropped them in its 10/01/2024 revision and restored them in 06/25/2025, and the names
/// are client-style SKU names.
///
/// ```
/// use volume_activation::{Confidence, Sku};
/// use volume_activation::catalog::Source;
/// use volume_activation::rules::gvlk_source;
///
/// let (source, confidence) = gvlk_source("windows-server-2022/standard".parse::<Sku>()?).expect("published");
/// assert_eq!(source, Source::KMS_CLIENT_KEYS);
/// assert_eq!(confidence, Confidence::Documented);
///
/// let (_, confidence) = gvlk_source("windows-server-2012/base-n".parse::<Sku>()?).expect("published");
/// assert_eq!(confidence, Confidence::Unverified);
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn gvlk_source(sku: Sku) -> Option<(Source, Confidence)> {
    row_of(sku).map(|r| (r.source, r.confidence))
}

/// The SKUs whose published GVLK is `key`, in catalogue order; empty when `key` is no published
/// GVLK.
///
/// One key may serve several SKUs: the Windows 11 and Windows 10 editions share keys, the
/// Enterprise LTSC 2024/2021/2019 releases share one, and IoT Enterprise LTSC 2024/2021 another.
///
/// ```
/// use volume_activation::ProductKey;
/// use volume_activation::rules::skus_for_gvlk;
///
/// let key = ProductKey::parse("M7XTQ-FN8P6-TTKYV-9D4CC-J462D")?;
/// let names: Vec<&str> = skus_for_gvlk(&key).map(|s| s.name()).collect();
/// assert_eq!(
///     names,
///     [
///         "Windows 10 Enterprise LTSC 2019",
///         "Windows 10 Enterprise LTSC 2021",
///         "Windows 11 Enterprise LTSC 2024",
///     ]
/// );
/// # Ok::<(), volume_activation::Error>(())
/// ```
pub fn skus_for_gvlk(key: &ProductKey) -> impl Iterator<Item = Sku> + Clone + '_ {
    GVLKS
        .iter()
        .filter(move |r| r.product_key == *key)
        .filter_map(|r| Sku::new(r.release, r.edition).ok())
}

/// Whether `key` is a GVLK Microsoft publishes (for any SKU).
///
/// ```
/// use volume_activation::ProductKey;
/// use volume_activation::rules::is_published_gvlk;
///
/// assert!(is_published_gvlk(&ProductKey::parse("XJ2XN-FW8RK-P4HMP-DKDBV-GCVGB")?));
/// assert!(!is_published_gvlk(&ProductKey::parse("BBBBB-BBBBB-BBBBB-BBBBB-BBBBB")?));
/// # Ok::<(), volume_activation::Error>(())
/// ```
#[must_use]
pub fn is_published_gvlk(key: &ProductKey) -> bool {
    GVLKS.iter().any(|r| r.product_key == *key)
}

/// GVLK lookups from the SKU: the published key sits with the facts (the GVLK tables), so these
/// methods live in the rules layer rather than in `catalog`.
impl Sku {
    /// The KMS client setup key (GVLK) Microsoft publishes for this SKU; the same as
    /// [`gvlk`].
    ///
    /// ```
    /// use volume_activation::Sku;
    ///
    /// let sku: Sku = "windows-11/pro".parse()?;
    /// assert_eq!(sku.gvlk().map(|k| k.reveal()).as_deref(), Some("W269N-WFGWX-YVC9B-4J6C9-T83GX"));
    /// assert_eq!("small-business-server-2011/standard".parse::<Sku>()?.gvlk(), None);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn gvlk(self) -> Option<ProductKey> {
        gvlk(self)
    }

    /// Where this SKU's GVLK is published and how sure the crate is; the same as
    /// [`gvlk_source`].
    ///
    /// ```
    /// use volume_activation::{Confidence, Sku};
    ///
    /// let sku: Sku = "windows-server-2022/standard".parse()?;
    /// assert_eq!(sku.gvlk_source().map(|(_, c)| c), Some(Confidence::Documented));
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn gvlk_source(self) -> Option<(Source, Confidence)> {
        gvlk_source(self)
    }
}

impl ProductKey {
    /// Whether this key is a GVLK Microsoft publishes; the same as [`is_published_gvlk`].
    ///
    /// ```
    /// use volume_activation::ProductKey;
    ///
    /// assert!(ProductKey::parse("XJ2XN-FW8RK-P4HMP-DKDBV-GCVGB")?.is_published_gvlk());
    /// assert!(!ProductKey::parse("BBBBB-BBBBB-BBBBB-BBBBB-BBBBB")?.is_published_gvlk());
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    #[must_use]
    pub fn is_published_gvlk(&self) -> bool {
        is_published_gvlk(self)
    }

    /// The SKUs whose published GVLK is this key; the same as [`skus_for_gvlk`].
    ///
    /// ```
    /// use volume_activation::ProductKey;
    ///
    /// let key = ProductKey::parse("M7XTQ-FN8P6-TTKYV-9D4CC-J462D")?;
    /// assert_eq!(key.gvlk_skus().count(), 3);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    pub fn gvlk_skus(&self) -> impl Iterator<Item = Sku> + Clone + '_ {
        skus_for_gvlk(self)
    }
}
