//! Where a fact comes from and how sure the crate is of it.

use std::fmt;

/// The date of the newest Microsoft page revision the crate's tables follow (ISO 8601).
///
/// The tables follow, among others: "KMS client activation and product keys" (ms.date
/// 2025-06-25), "Key Management Services (KMS) activation planning" (ms.date 2025-03-17),
/// "Guidelines for troubleshooting KMS" (ms.date 2025-08-13) and "Windows IoT Enterprise LTSC in
/// Volume License" (ms.date 2026-02-26). A change of any table changes this value.
///
/// ```
/// assert_eq!(volume_activation::DATA_VERSION, "2026-02-26");
/// ```
pub const DATA_VERSION: &str = "2026-02-26";

/// A published document a fact is taken from.
///
/// Sources are static data of the crate; users read them, they do not build them.
///
/// ```
/// use volume_activation::Source;
///
/// let s = Source::KMS_CLIENT_KEYS;
/// assert!(s.url().starts_with("https://learn.microsoft.com/"));
/// assert_eq!(s.date(), Some("2025-06-25"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Source {
    id: &'static str,
    title: &'static str,
    url: &'static str,
    date: Option<&'static str>,
}

impl Source {
    /// A source; `date` is the page revision date read (ISO 8601), if the page shows one.
    pub(crate) const fn new(
        id: &'static str,
        title: &'static str,
        url: &'static str,
        date: Option<&'static str>,
    ) -> Self {
        Source {
            id,
            title,
            url,
            date,
        }
    }

    /// The short ID the reference notes use for this source (`S-PLAN`, `S-KEYS`, `FAQ`, ...).
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The document's title.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// The document's public address.
    #[must_use]
    pub const fn url(&self) -> &'static str {
        self.url
    }

    /// The revision date of the page read (ISO 8601), where the page shows one.
    #[must_use]
    pub const fn date(&self) -> Option<&'static str> {
        self.date
    }

    /// "KMS client activation and product keys": the published GVLK table.
    pub const KMS_CLIENT_KEYS: Source = Source::new(
        "S-KEYS",
        "KMS client activation and product keys",
        "https://learn.microsoft.com/en-us/windows-server/get-started/kms-client-activation-keys",
        Some("2025-06-25"),
    );

    /// "Key Management Services (KMS) activation planning": thresholds, count model, host keys.
    pub const KMS_PLANNING: Source = Source::new(
        "S-PLAN",
        "Key Management Services (KMS) activation planning",
        "https://learn.microsoft.com/en-us/windows-server/get-started/kms-activation-planning",
        Some("2025-03-17"),
    );

    /// "GVLKs for KMS and Active Directory-based activation of Office": the Office GVLK table.
    pub const OFFICE_GVLK: Source = Source::new(
        "S-OFFICE-GVLK",
        "GVLKs for KMS and Active Directory-based activation of Office, Project, and Visio",
        "https://learn.microsoft.com/en-us/office/volume-license-activation/gvlks",
        Some("2024-09-18"),
    );

    /// Microsoft's Volume Licensing product activation FAQ (publication 06/2018).
    pub const VL_FAQ: Source = Source::new(
        "FAQ",
        "Volume Licensing: product activation frequently asked questions (publication 06/2018)",
        "http://www.microsoft.com/licensing/existing-customers/product-activation-faq.aspx",
        Some("2018-06"),
    );

    /// "Volume Activation 2.0 Volume Product Key Groups": the Windows Server 2008 key groups.
    pub const VA2_KEY_GROUPS: Source = Source::new(
        "S-VA2-GROUPS",
        "Volume Activation 2.0 Volume Product Key Groups",
        "http://technet.microsoft.com/ja-jp/library/dd183740.aspx",
        None,
    );

    /// "Determining Product Key Needs" (Windows 7 Volume Activation Planning Guide).
    pub const W7_KEY_NEEDS: Source = Source::new(
        "S-W7-KEYNEEDS",
        "Determining Product Key Needs (Windows 7 Volume Activation Planning Guide)",
        "http://technet.microsoft.com/en-us/library/ff793412.aspx",
        None,
    );

    /// The SoftwareLicensingProduct WMI class (SppWmi, Windows 7 and later).
    pub const SPP_WMI_PRODUCT: Source = Source::new(
        "S-SPPWMI",
        "SoftwareLicensingProduct class",
        "https://learn.microsoft.com/en-us/previous-versions/windows/desktop/sppwmi/softwarelicensingproduct",
        Some("2018-05-31"),
    );

    /// The SoftwareLicensingProduct WMI class of Windows Vista / Server 2008 (SLWmi).
    pub const SL_WMI_PRODUCT_VISTA: Source = Source::new(
        "S-SLWMI-VISTA",
        "SoftwareLicensingProduct class (Windows Vista and Windows Server 2008)",
        "https://learn.microsoft.com/en-us/previous-versions/windows/desktop/slwmiprov/softwarelicensingproduct-vista",
        None,
    );

    /// "Windows IoT Enterprise LTSC in Volume License".
    pub const IOT_VOLUME_LICENSE: Source = Source::new(
        "S-IOT-VL",
        "Windows IoT Enterprise LTSC in Volume License",
        "https://learn.microsoft.com/en-us/windows/iot/iot-enterprise/deployment/volume-license",
        Some("2026-02-26"),
    );
}

impl fmt::Display for Source {
    /// `title <url>` (and the revision date in parentheses where known).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.title, self.url)?;
        if let Some(date) = self.date {
            write!(f, " ({date})")?;
        }
        Ok(())
    }
}

crate::macros::id_enum! {
    /// How sure the crate is of a fact.
    ///
    /// This is a closed set the crate owns, so it is exhaustive.
    ///
    /// ```
    /// use volume_activation::Confidence;
    ///
    /// assert_eq!("derived".parse::<Confidence>()?, Confidence::Derived);
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    pub enum Confidence: "confidence", "one of documented, derived, unverified" {
        /// Microsoft publishes the fact in so many words.
        Documented => "documented", "documented",
        /// The fact follows from a documented rule (e.g. a documented hierarchy).
        Derived => "derived", "derived from a documented rule",
        /// The fact rests on a non-Microsoft source, an older or partial copy, or an inference
        /// the reference notes mark UNVERIFIED.
        Unverified => "unverified", "unverified",
    }
}
