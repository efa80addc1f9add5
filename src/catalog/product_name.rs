//! Lenient reading of the product names real tools print: [`Sku::parse_lenient`] for names
//! that identify one SKU, [`recognize_product`] for names that identify only part of one.

use crate::catalog::key_kind::strip_suffix_ignore_case;
use crate::catalog::product_alias::{
    OFFICE_LICENSE_NAMES, OFFICE_PREFIXES, SKU_ALIASES, WINDOWS_EDITION_WORDS,
};
use crate::catalog::{Channel, Confidence, Edition, Family, Release, Sku};
use crate::error::Error;
use strum::IntoEnumIterator;

/// Trims, drops the marks `(R)`, `®`, `(TM)`, `™`, a leading `Microsoft `, collapses runs of
/// whitespace to one space, and drops whitespace before a comma.
///
/// One pass and one allocation: the inventory parsers call this for every record.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Whitespace seen since the last kept character: a word boundary.
    let mut gap = false;
    let mut rest = s;
    while let Some(&b) = rest.as_bytes().first() {
        // ASCII (nearly every name) is read a byte at a time; other characters are decoded.
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            rest.chars().next().unwrap_or_default()
        };
        if c == '(' {
            if let Some(after) =
                strip_prefix_ci(rest, "(r)").or_else(|| strip_prefix_ci(rest, "(tm)"))
            {
                rest = after;
                continue;
            }
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        if c == '®' || c == '™' {
            continue;
        }
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        // "Windows (R), Pro..." leaves a lone comma once the mark is gone.
        if gap && !out.is_empty() && c != ',' {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    if strip_prefix_ci(&out, "microsoft ").is_some() {
        out.drain(.."microsoft ".len());
    }
    out
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// The SKU a normalised full name names (a marketing name, an alias, or an Office licence
/// name), and how sure the name-to-SKU mapping is.
fn sku_of_name(n: &str) -> Option<(Sku, Confidence)> {
    // Scan the table rows directly: `Sku::name` looks each row up again (the inventory
    // parsers call this once per record).
    if let Some(&(release, edition, _)) = crate::catalog::sku_table::SKUS
        .iter()
        .find(|(_, _, name)| name.eq_ignore_ascii_case(n))
    {
        return Sku::new(release, edition)
            .ok()
            .map(|sku| (sku, Confidence::Documented));
    }
    if let Some(a) = SKU_ALIASES.iter().find(|a| a.text.eq_ignore_ascii_case(n)) {
        return Sku::new(a.release, a.edition)
            .ok()
            .map(|s| (s, a.confidence));
    }
    let (_, licence) = office_name(n)?;
    let licence = licence?;
    OFFICE_LICENSE_NAMES
        .iter()
        .find(|a| a.text.eq_ignore_ascii_case(licence))
        .and_then(|a| {
            Sku::new(a.release, a.edition)
                .ok()
                .map(|s| (s, a.confidence))
        })
}

/// The less certain of two confidences.
const fn weaker(a: Confidence, b: Confidence) -> Confidence {
    const fn rank(c: Confidence) -> u8 {
        match c {
            Confidence::Documented => 0,
            Confidence::Derived => 1,
            Confidence::Unverified => 2,
        }
    }
    if rank(a) >= rank(b) { a } else { b }
}

/// An Office name split in two: the release of its `Office NN` prefix (with the prefix
/// mapping's confidence) if known, and the licence name if the text has the `edition` form.
type OfficeName<'a> = (Option<(Release, Confidence)>, Option<&'a str>);

/// Splits an Office licence name `Office NN, <licence> edition` (or a description
/// `Office NN, <CHANNEL> channel`): the release of the prefix if known, and the licence name
/// if the text has the `edition` form.
fn office_name(n: &str) -> Option<OfficeName<'_>> {
    let (prefix, rest) = n.split_once(',')?;
    let release = office_prefix(prefix)?;
    let licence = strip_suffix_ignore_case(rest.trim(), " edition").map(str::trim);
    Some((release, licence))
}

/// Reads the `Office NN` before the comma of an Office name: `None` when it is not one, else
/// the release if the crate knows the prefix.
fn office_prefix(prefix: &str) -> Option<Option<(Release, Confidence)>> {
    let prefix = prefix.trim();
    let number = strip_prefix_ci(prefix, "Office ")?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        OFFICE_PREFIXES
            .iter()
            .find(|p| p.text.eq_ignore_ascii_case(prefix))
            .map(|p| (p.release, p.confidence)),
    )
}

/// The Office prefix of a raw description, as [`office_name`] of the normalised description
/// reads it. Only the part before the first comma is normalised: marks and whitespace never
/// contain a comma, so the normalised prefix is the normalised raw prefix.
fn office_prefix_of_description(d: &str) -> Option<Option<(Release, Confidence)>> {
    let (head, _) = d.split_once(',')?;
    // Normalising only deletes characters: a prefix without an `f` cannot read `Office`
    // (Windows descriptions), and needs no normalising.
    if !head.bytes().any(|b| b.eq_ignore_ascii_case(&b'f')) {
        return None;
    }
    office_prefix(&normalize(head))
}

impl Sku {
    /// Reads a SKU from the names real tools and Microsoft pages print, as well as from the
    /// canonical ID:
    ///
    /// - the canonical ID (`windows-server-2019/standard`);
    /// - the marketing name of [`Sku::name`] (`Windows Server 2019 Standard`,
    ///   `Windows 10 Enterprise LTSC 2019`, `Office LTSC Professional Plus 2021`);
    /// - the other names Microsoft's pages use for a SKU (`Windows 10 Professional`,
    ///   `Windows HPC Server 2008 R2`, `Windows Server 2022 Datacenter Azure Edition`, ...);
    /// - Office licence names as `slmgr /dlv` and `ospp.vbs /dstatus` print them
    ///   (`Office 16, Office16ProPlusVL_KMS_Client edition`).
    ///
    /// Comparison is ASCII case-insensitive, ignores `(R)`, `®`, `(TM)`, `™`, a leading
    /// `Microsoft ` and repeated whitespace. Names that identify only an edition or a family
    /// (`Windows(R), Professional edition`) are not SKUs: read them with
    /// [`recognize_product`]. `Windows Server 2012` alone names the SKU Microsoft's GVLK table
    /// calls so (`windows-server-2012/base`).
    ///
    /// ```
    /// use volume_activation::Sku;
    ///
    /// assert_eq!(Sku::parse_lenient("Windows Server 2019 Standard")?.to_string(), "windows-server-2019/standard");
    /// assert_eq!(Sku::parse_lenient("Microsoft Windows 10 Enterprise LTSC 2019")?.to_string(), "windows-10-ltsc-2019/enterprise-ltsc");
    /// assert_eq!(
    ///     Sku::parse_lenient("Office 16, Office16ProPlusVL_KMS_Client edition")?.to_string(),
    ///     "office-2016/professional-plus"
    /// );
    /// assert!(Sku::parse_lenient("Windows(R) Operating System, VOLUME_KMSCLIENT channel").is_err());
    /// # Ok::<(), volume_activation::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the text names no SKU, e.g. `Windows 12 Pro`, `Windows(R), Professional edition`
    /// (no release) or a description line such as
    /// `Windows(R) Operating System, VOLUME_KMSCLIENT channel`.
    pub fn parse_lenient(s: &str) -> Result<Sku, Error> {
        if let Ok(sku) = s.trim().parse::<Sku>() {
            return Ok(sku);
        }
        sku_of_name(&normalize(s)).map(|(sku, _)| sku).ok_or_else(|| {
            Error::unknown(
                "product name",
                s,
                "a SKU ID such as windows-11/pro or a product name such as Windows Server 2019 Standard",
            )
        })
    }
}

/// What a product name (and its description) tells about a product, where it may identify
/// only part of it: `Windows(R), Professional edition` names the edition but not the release.
///
/// Built by [`recognize_product`]. Each part is `None` when the text does not say it.
///
/// ```
/// use volume_activation::{Channel, Edition, Family};
/// use volume_activation::catalog::recognize_product;
///
/// let r = recognize_product(
///     "Windows(R), Professional edition",
///     Some("Windows(R) Operating System, VOLUME_KMSCLIENT channel"),
/// );
/// assert_eq!(r.edition(), Some(Edition::Pro));
/// assert_eq!(r.family(), Some(Family::Client));
/// assert_eq!(r.release(), None);
/// assert_eq!(r.sku(), None);
/// assert_eq!(r.channel(), Some(Channel::VolumeGvlk));
/// ```
///
/// With the `serde` feature a record deserialises only if its parts agree, as
/// [`recognize_product`] builds them: an Office family with a Windows release, an edition outside the
/// family, or a release and edition that form no SKU are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RecognizedRepr")
)]
pub struct Recognized {
    release: Option<Release>,
    edition: Option<Edition>,
    family: Option<Family>,
    channel: Option<Channel>,
    confidence: Option<Confidence>,
}

impl Recognized {
    /// The release, if the text names it.
    #[must_use]
    pub const fn release(&self) -> Option<Release> {
        self.release
    }

    /// The edition, if the text names it.
    #[must_use]
    pub const fn edition(&self) -> Option<Edition> {
        self.edition
    }

    /// The family, if the text names it or the edition belongs to one family only.
    #[must_use]
    pub const fn family(&self) -> Option<Family> {
        self.family
    }

    /// The licence channel, if the description (or the name) names one.
    #[must_use]
    pub const fn channel(&self) -> Option<Channel> {
        self.channel
    }

    /// How sure the crate is of what it recognised: the weakest confidence of the names and
    /// aliases used (a marketing name or canonical ID is documented, an edition read from an
    /// edition name in `Windows(R), <edition> edition` is derived, an alias carries its own).
    /// `None` when nothing was recognised from the name.
    #[must_use]
    pub const fn confidence(&self) -> Option<Confidence> {
        self.confidence
    }

    /// The SKU, when both the release and the edition are known and form one.
    #[must_use]
    pub fn sku(&self) -> Option<Sku> {
        Sku::new(self.release?, self.edition?).ok()
    }

    /// Whether nothing was recognised.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Recognized::default()
    }

    /// Whether the parts agree, as [`recognize_product`] always builds them: the release
    /// belongs to the family; some SKU of the family has the edition; the release and edition
    /// form a SKU; a release or edition comes with a confidence, and a confidence with
    /// something recognised.
    #[cfg(feature = "serde")]
    fn check(&self) -> Result<(), &'static str> {
        if let (Some(r), Some(f)) = (self.release, self.family) {
            if r.family() != f {
                return Err("the release belongs to another family");
            }
        }
        if let (Some(e), Some(f)) = (self.edition, self.family) {
            if !Sku::all().any(|s| s.edition() == e && s.family() == f) {
                return Err("no sku of the family has the edition");
            }
        }
        if let (Some(r), Some(e)) = (self.release, self.edition) {
            if Sku::new(r, e).is_err() {
                return Err("the release and edition form no sku");
            }
        }
        let named = self.release.is_some() || self.edition.is_some();
        if named && self.confidence.is_none() {
            return Err("a release or edition needs a confidence");
        }
        if self.confidence.is_some() && !named && self.family.is_none() {
            return Err("a confidence needs something recognised");
        }
        Ok(())
    }
}

/// The serialised form of [`Recognized`], checked on read.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RecognizedRepr {
    release: Option<Release>,
    edition: Option<Edition>,
    family: Option<Family>,
    channel: Option<Channel>,
    confidence: Option<Confidence>,
}

#[cfg(feature = "serde")]
impl TryFrom<RecognizedRepr> for Recognized {
    type Error = Error;

    fn try_from(r: RecognizedRepr) -> Result<Self, Error> {
        let rec = Recognized {
            release: r.release,
            edition: r.edition,
            family: r.family,
            channel: r.channel,
            confidence: r.confidence,
        };
        rec.check().map(|()| rec).map_err(|why| {
            let parts = [
                rec.release.map(|x| x.to_string()),
                rec.edition.map(|x| x.to_string()),
                rec.family.map(|x| x.to_string()),
            ];
            let input: Vec<String> = parts.into_iter().flatten().collect();
            Error::invalid(
                "recognized product",
                &input.join(", "),
                format!("parts that agree ({why})"),
            )
        })
    }
}

/// The family every SKU of `edition` belongs to, if they all belong to one.
fn family_of_edition(edition: Edition) -> Option<Family> {
    let mut families = Sku::all()
        .filter(|s| s.edition() == edition)
        .map(Sku::family);
    let first = families.next()?;
    families.all(|f| f == first).then_some(first)
}

/// Reads what a product name, and optionally its description line, tell about a product.
///
/// `name` is WMI `SoftwareLicensingProduct.Name` / the `Name:` line of `slmgr /dlv` / the
/// `LICENSE NAME:` line of `ospp.vbs /dstatus`, or any name [`Sku::parse_lenient`] reads;
/// `description` is the matching `Description` line. Recognised:
///
/// - a full SKU name (see [`Sku::parse_lenient`]): release, edition and family;
/// - `Windows(R), <edition> edition`, where `<edition>` is one of the crate's edition names
///   (`Enterprise`, `Education N`, ...) or a word Microsoft prints for one (`Professional`):
///   the edition, and the family when the edition exists in one family only;
/// - `Office NN, <licence> edition`: family Office, and the release for the `Office NN`
///   prefixes the crate knows (`Office 16` = Office 2016);
/// - from the description: the channel (see [`Channel::parse_lenient`]), and for
///   `Office NN, ...` the Office family and release.
///
/// Text it cannot read yields empty parts, never an error.
///
/// ```
/// use volume_activation::{Family, Release};
/// use volume_activation::catalog::recognize_product;
///
/// let r = recognize_product("Office 16, OfficeKMSHostVL_KMS_Host edition", Some("Office 16, VOLUME_KMS channel"));
/// assert_eq!(r.family(), Some(Family::Office));
/// assert_eq!(r.release(), Some(Release::Office2016));
/// assert_eq!(r.edition(), None);
///
/// let r = recognize_product("Windows Server 2019 Datacenter", None);
/// assert_eq!(r.sku().map(|s| s.to_string()).as_deref(), Some("windows-server-2019/datacenter"));
/// ```
#[must_use]
pub fn recognize_product(name: &str, description: Option<&str>) -> Recognized {
    let mut r = Recognized::default();
    let n = normalize(name);
    // A canonical ID is `release/edition`; only then try the strict parse (its error is not
    // free to build).
    let strict = name
        .contains('/')
        .then(|| name.trim().parse::<Sku>().ok())
        .flatten();
    let full = match strict {
        Some(sku) => Some((sku, Confidence::Documented)),
        None => sku_of_name(&n),
    };
    if let Some((sku, confidence)) = full {
        r.release = Some(sku.release());
        r.edition = Some(sku.edition());
        r.family = Some(sku.family());
        r.confidence = Some(confidence);
    } else if let Some((release, _)) = office_name(&n) {
        r.family = Some(Family::Office);
        r.release = release.map(|(release, _)| release);
        r.confidence = Some(release.map_or(Confidence::Documented, |(_, c)| c));
    } else if let Some(word) = strip_prefix_ci(&n, "Windows,")
        .and_then(|rest| strip_suffix_ignore_case(rest.trim(), " edition"))
        .map(str::trim)
    {
        let found = WINDOWS_EDITION_WORDS
            .iter()
            .find(|a| a.text.eq_ignore_ascii_case(word))
            .map(|a| (a.edition, a.confidence))
            .or_else(|| {
                // Not the placeholder names of the Windows Server 2012 GVLK rows.
                Edition::iter()
                    .filter(|e| !matches!(e, Edition::Base | Edition::BaseN))
                    .find(|e| e.name().eq_ignore_ascii_case(word))
                    .map(|e| (e, Confidence::Derived))
            });
        r.edition = found.map(|(e, _)| e);
        r.family = r.edition.and_then(family_of_edition);
        r.confidence = found.map(|(_, c)| c);
    }
    if let Some(d) = description {
        r.channel = Channel::parse_lenient(d).ok();
        // An Office description does not make a Windows name (family or edition) Office.
        let office_fits = r.family.is_none_or(|f| f == Family::Office)
            && r.edition.is_none_or(|e| {
                Sku::all().any(|s| s.edition() == e && s.family() == Family::Office)
            });
        let office = office_fits
            .then(|| office_prefix_of_description(d))
            .flatten();
        if let Some(release) = office {
            r.family = Some(Family::Office);
            // The description's release only where it forms a SKU with the edition read
            // (Visio Premium exists only for Office 2010, so "Office 16" does not date it).
            let fits = |rel: Release| r.edition.is_none_or(|e| Sku::new(rel, e).is_ok());
            if r.release.is_none() {
                if let Some((release, c)) = release.filter(|(rel, _)| fits(*rel)) {
                    r.release = Some(release);
                    r.confidence = Some(r.confidence.map_or(c, |old| weaker(old, c)));
                }
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalize_drops_marks_and_spaces() {
        assert_eq!(
            normalize("  Windows(R),   Professional edition "),
            "Windows, Professional edition"
        );
        assert_eq!(
            normalize("Microsoft Windows Server® 2008 Standard"),
            "Windows Server 2008 Standard"
        );
        assert_eq!(normalize("Office(TM) 16"), "Office 16");
        assert_eq!(
            normalize("Windows (R) , Enterprise edition"),
            "Windows, Enterprise edition"
        );
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("Microsoft"), "Microsoft");
    }
}
