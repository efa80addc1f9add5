//! A rule's answer together with where it comes from.

use crate::catalog::{Confidence, Source};
#[cfg(feature = "serde")]
use strum::IntoEnumIterator;

/// A rule's answer with its provenance: the value, the [`Source`] it is taken from, how sure
/// the crate is of it ([`Confidence`]) and the short passage of the source it rests on.
///
/// ```
/// use volume_activation::Confidence;
/// use volume_activation::catalog::AgreementProgram;
/// use volume_activation::rules::{key_delivery, KeyDelivery};
///
/// let answer = key_delivery(AgreementProgram::SelectPlus);
/// assert_eq!(answer.value(), KeyDelivery::PerProductPool);
/// assert_eq!(answer.confidence(), Confidence::Documented);
/// assert_eq!(answer.source().id(), "FAQ");
/// assert!(answer.passage().contains("Select Plus customers receive keys per product pool"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cited<T> {
    value: T,
    source: Source,
    confidence: Confidence,
    passage: &'static str,
}

impl<T: Copy> Cited<T> {
    /// An answer; `passage` quotes (or, for "undocumented", describes) what the source says.
    pub(crate) const fn new(
        value: T,
        source: Source,
        confidence: Confidence,
        passage: &'static str,
    ) -> Self {
        Cited {
            value,
            source,
            confidence,
            passage,
        }
    }

    /// The answer.
    #[must_use]
    pub const fn value(&self) -> T {
        self.value
    }

    /// The document the answer is taken from.
    #[must_use]
    pub const fn source(&self) -> Source {
        self.source
    }

    /// How sure the crate is of the answer.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// The passage of the source the answer rests on (a short quotation), or, when the answer
    /// is "undocumented", what the source leaves unsaid.
    #[must_use]
    pub const fn passage(&self) -> &'static str {
        self.passage
    }

    /// Whether the answer is documented or derived from a documented rule (not unverified).
    #[must_use]
    pub const fn is_sourced(&self) -> bool {
        matches!(
            self.confidence,
            Confidence::Documented | Confidence::Derived
        )
    }
}

/// Every answer the rules cite, type-erased, for checking a deserialised [`Cited`] against.
#[cfg(feature = "serde")]
fn known_answers() -> Vec<Box<dyn std::any::Any>> {
    use crate::catalog::{AgreementProgram, Family, Release, Sku};
    use crate::rules::mak::{
        MakActivationMethod, faq_advice_for_pc_count, faq_advice_for_virtual_machines,
        kms_and_mak_may_be_combined, mak_accounting_sources, mak_allotment_basis,
        open_license_example_mak_activations,
    };
    use crate::rules::program::{
        ProgramRight, key_delivery, keys_shareable_across_licensing_ids, kms_host_can_be_virtual,
        kms_host_key_limits, kms_host_key_max_hosts, office_key_covers_x86_and_x64, product_pool,
        program_right, reimaging_requirement, sbs_2003_downgrade_needs_cal_keys,
        sbs_2008_cals_need_activation, sbs_2008_only_on_physical_media, sbs_2011_activation,
        sbs_2011_mak, sbs_2011_standard_media_downloadable, setup_key_bypasses_activation,
        virtual_machines_count_toward_threshold,
    };

    fn boxed<T: 'static>(c: T) -> Box<dyn std::any::Any> {
        Box::new(c)
    }
    let mut all: Vec<Box<dyn std::any::Any>> = Vec::new();
    for p in AgreementProgram::iter() {
        all.push(boxed(mak_allotment_basis(p)));
        all.push(boxed(key_delivery(p)));
        all.push(boxed(reimaging_requirement(p)));
        all.extend(ProgramRight::iter().map(|r| boxed(program_right(p, r))));
    }
    for s in Sku::all() {
        all.push(boxed(product_pool(s)));
        all.extend(sbs_2011_mak(s).map(boxed));
    }
    for r in Release::iter() {
        all.extend(office_key_covers_x86_and_x64(r).map(boxed));
        all.push(boxed(virtual_machines_count_toward_threshold(r)));
    }
    for f in Family::iter() {
        all.push(boxed(kms_host_key_limits(f)));
        all.push(boxed(kms_host_key_max_hosts(f)));
    }
    all.extend(open_license_example_mak_activations(1).map(boxed));
    all.extend(faq_advice_for_pc_count(0).map(boxed));
    all.extend(MakActivationMethod::iter().map(|m| boxed(m.cited())));
    all.extend(mak_accounting_sources().map(boxed));
    all.push(boxed(faq_advice_for_virtual_machines()));
    all.push(boxed(kms_and_mak_may_be_combined()));
    all.push(boxed(setup_key_bypasses_activation()));
    all.push(boxed(keys_shareable_across_licensing_ids()));
    all.push(boxed(sbs_2011_activation()));
    all.push(boxed(sbs_2008_cals_need_activation()));
    all.push(boxed(sbs_2008_only_on_physical_media()));
    all.push(boxed(kms_host_can_be_virtual()));
    all.push(boxed(sbs_2011_standard_media_downloadable()));
    all.push(boxed(sbs_2003_downgrade_needs_cal_keys()));
    all
}

/// The serialised form of [`Cited`].
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CitedRepr<T> {
    value: T,
    source: Source,
    confidence: Confidence,
    passage: String,
}

/// A cited answer deserialises only if it is one the crate's rules give (value, source,
/// confidence and passage all match): a forged record is refused. Answers whose value is a
/// static slice (`Cited<&'static [T]>`) serialise but do not deserialise.
#[cfg(feature = "serde")]
impl<'de, T> serde::Deserialize<'de> for Cited<T>
where
    T: Copy + PartialEq + serde::Deserialize<'de> + 'static,
{
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = CitedRepr::<T>::deserialize(d)?;
        known_answers()
            .iter()
            .filter_map(|a| a.downcast_ref::<Cited<T>>())
            .find(|c| {
                c.value == r.value
                    && c.source == r.source
                    && c.confidence == r.confidence
                    && c.passage == r.passage
            })
            .copied()
            .ok_or_else(|| {
                serde::de::Error::custom(crate::error::Error::invalid(
                    "cited answer",
                    &r.passage,
                    "an answer the crate's rules give (value, source, confidence and passage)",
                ))
            })
    }
}
