//! Labels slmgr prints in other display languages, each with the source that shows it.
//!
//! Only what a Microsoft string table, a Microsoft page or a public capture shows is here;
//! [`LANGUAGES`] names the source of each language and how far it is confirmed. A capture in
//! a language without a row here is reported as licensing output in a language this crate
//! does not read (one warning), never as an empty record.
//!
//! Matching: a printed label is compared as [`norm`](super::fields::norm) writes it (case
//! folded, every Unicode space dropped, letters outside ASCII kept), so `Estado de la licencia`
//! with a no-break space in it reads like the printed label; the table keeps each label in
//! that form next to the printed text (a unit test checks the two agree).

use super::record::ExpiryKind;
use crate::catalog::Confidence;
use crate::lifecycle::LicenseStatus;

/// A display language whose slmgr labels the parsers read, with the source of its strings.
///
/// Windows prints slmgr's labels in its display language (`Lizenzstatus: Lizenziert`). The
/// parsers read a language only where a Microsoft string or a public capture shows its
/// labels; [`DisplayLanguage::all`] lists them, each with its source and how far that is
/// confirmed, and [`Capture::display_language`](super::Capture::display_language) tells which
/// one a capture was printed in. With the `serde` feature a language serialises as its tag
/// and deserialises by looking the tag up.
///
/// ```
/// use volume_activation::catalog::Confidence;
/// use volume_activation::inventory::DisplayLanguage;
///
/// let de = DisplayLanguage::from_tag("de-DE").unwrap();
/// assert!(de.source().contains("https://"));
/// assert_eq!(de.confidence(), Confidence::Unverified);
/// assert!(DisplayLanguage::all().any(|l| l == de));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DisplayLanguage {
    tag: &'static str,
    source: &'static str,
    confidence: Confidence,
}

impl DisplayLanguage {
    /// The language tag (`de-DE`).
    #[must_use]
    pub const fn tag(&self) -> &'static str {
        self.tag
    }

    /// Where the strings come from: the address and what it shows.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }

    /// The addresses [`source`](Self::source) cites (the text between `<` and `>`).
    ///
    /// ```
    /// use volume_activation::inventory::DisplayLanguage;
    ///
    /// let ja = DisplayLanguage::from_tag("ja-JP").unwrap();
    /// assert!(ja.urls().all(|u| u.starts_with("https://jpwinsup.github.io/")));
    /// ```
    pub fn urls(&self) -> impl Iterator<Item = &'static str> + Clone + use<> {
        self.source
            .split('<')
            .skip(1)
            .filter_map(|part| part.split_once('>').map(|(url, _)| url))
    }

    /// How far the strings are confirmed against Microsoft's own text.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// The labels read in this language, as slmgr prints them.
    ///
    /// ```
    /// use volume_activation::inventory::DisplayLanguage;
    ///
    /// let de = DisplayLanguage::from_tag("de-DE").unwrap();
    /// assert!(de.labels().any(|l| l == "Lizenzstatus"));
    /// ```
    pub fn labels(&self) -> impl Iterator<Item = &'static str> + Clone + use<> {
        let tag = self.tag;
        LABELS
            .iter()
            .filter(move |l| l.lang == tag)
            .map(|l| l.printed)
    }

    /// Every language read besides English.
    pub fn all() -> impl ExactSizeIterator<Item = DisplayLanguage> + Clone {
        LANGUAGES.iter().copied()
    }

    /// The language with this tag (ASCII case ignored).
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<DisplayLanguage> {
        LANGUAGES
            .iter()
            .find(|l| l.tag.eq_ignore_ascii_case(tag))
            .copied()
    }
}

impl std::fmt::Display for DisplayLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DisplayLanguage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DisplayLanguage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DisplayLanguage::from_tag(&tag).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "a display language the parsers read ({}), not {tag:?}",
                LANGUAGES
                    .iter()
                    .map(|l| l.tag)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
    }
}

/// The languages read, with their sources.
const LANGUAGES: [DisplayLanguage; 5] = [
    DisplayLanguage {
        tag: "de-DE",
        source: "the labels a public monitoring script reads from German `slmgr /dlv` output \
                 (`Lizenzstatus`, value `Lizenziert`; `Ablauf der zeitbegrenzten Aktivierung` \
                 with days as `Tag`; the banner `Copyright (C) Microsoft Corporation. Alle \
                 Rechte vorbehalten.`): <https://github.com/MichaelSchoenburg/Check-WindowsLizenz> \
                 (`Check-WindowsLizenz.ps1`, region \"Mapping der SLMGR-Ausgabe\"); not \
                 Microsoft's own German string table, which was not found in a public, citable copy",
        confidence: Confidence::Unverified,
    },
    DisplayLanguage {
        tag: "ja-JP",
        source: "Microsoft Japan's Windows support blog: the `/dlv` output shows the product's \
                 `ライセンスの状態` as `ライセンスされています` (English `LICENSE STATUS` / \
                 `LICENSED`): <https://jpwinsup.github.io/blog/2025/09/29/Activation/Windows10-ESU-QA/> \
                 and <https://jpwinsup.github.io/blog/2025/12/11/Activation/PhoneActivation-changed/>; \
                 the blog quotes label and value apart, so the separator is not shown (the parser \
                 reads both the ASCII and the full-width colon)",
        confidence: Confidence::Documented,
    },
    DisplayLanguage {
        tag: "es-ES",
        source: "a public test that runs `slmgr.vbs /dlv` on a Spanish Windows 10 machine and \
                 expects the line `Estado de la licencia: con licencia`: \
                 <https://github.com/dvarrui/teuton-tests/blob/9ccc9604e45f9f9badf963b6c359c8f80b120c2c/en/systems.2/01-install-w10-vbox/windows-conf.rb> \
                 (line 10); Microsoft's translated troubleshooting guide words it differently \
                 (`Estado de licencia` / `Con licencia`, a free translation of the article, not \
                 printed text), so the printed line is taken",
        confidence: Confidence::Unverified,
    },
    DisplayLanguage {
        tag: "zh-CN",
        source: "a public tool that reads Chinese `slmgr.vbs -xpr` / `-dlv` output: \
                 <https://github.com/EternalNight996/os-active/blob/b600176d0173f5c0826ba925436babe6232cbb9c/src/detect/active.rs> \
                 (quotes `批量激活将于 2027/2/4 17:50:22 过期`; matches `永久激活`, `通知模式`, \
                 `已授权`, `未授权`); no source with an address shows the `/dli` labels, so they \
                 are not read",
        confidence: Confidence::Unverified,
    },
    DisplayLanguage {
        tag: "it-IT",
        source: "a public article quoting Italian `slmgr.vbs -xpr` on a permanently activated \
                 machine, `Il computer è attivato definitivamente.`: \
                 <https://ilsoftware.it/focus/come-controllare-se-la-licenza-di-windows-e-valida_19177>; \
                 no source with an address shows the `/dli` labels, so they are not read",
        confidence: Confidence::Unverified,
    },
];

/// The language of a localized label key (normalized), if it is one.
pub(crate) fn language_of(normalized: &[u8]) -> Option<DisplayLanguage> {
    let label = LABELS.iter().find(|l| l.normalized == normalized)?;
    DisplayLanguage::from_tag(label.lang)
}

/// The languages read, for messages: `English; in part de-DE, ja-JP, ...`.
pub(crate) fn read_languages() -> String {
    let tags: Vec<&str> = LANGUAGES.iter().map(|l| l.tag).collect();
    format!("English; in part {}", tags.join(", "))
}

/// A localized label.
pub(crate) struct Label {
    /// The language tag (a row of [`LANGUAGES`]).
    pub(crate) lang: &'static str,
    /// The label as printed.
    pub(crate) printed: &'static str,
    /// `printed` as `norm` writes it.
    pub(crate) normalized: &'static [u8],
    /// The English label's normalized key it stands for.
    pub(crate) english: &'static [u8],
}

/// Localized labels.
pub(crate) const LABELS: [Label; 4] = [
    Label {
        lang: "de-DE",
        printed: "Lizenzstatus",
        normalized: b"lizenzstatus",
        english: b"licensestatus",
    },
    Label {
        lang: "de-DE",
        printed: "Ablauf der zeitbegrenzten Aktivierung",
        normalized: b"ablaufderzeitbegrenztenaktivierung",
        english: b"timebasedactivationexpiration",
    },
    Label {
        lang: "ja-JP",
        printed: "ライセンスの状態",
        normalized: "ライセンスの状態".as_bytes(),
        english: b"licensestatus",
    },
    Label {
        lang: "es-ES",
        printed: "Estado de la licencia",
        normalized: b"estadodelalicencia",
        english: b"licensestatus",
    },
];

/// Localized licence status values: (language, value as printed, status).
pub(crate) const STATUS_VALUES: [(&str, &str, LicenseStatus); 5] = [
    ("de-DE", "Lizenziert", LicenseStatus::Licensed),
    ("ja-JP", "ライセンスされています", LicenseStatus::Licensed),
    ("es-ES", "con licencia", LicenseStatus::Licensed),
    ("zh-CN", "已授权", LicenseStatus::Licensed),
    ("zh-CN", "未授权", LicenseStatus::Unlicensed),
];

/// Localized unit words of a remaining time (`Tag(e)`): (language, word start, is days).
/// A word counts when it starts with the entry (case folded); English `minute`/`day` are
/// read by the value reader itself.
pub(crate) const UNIT_WORDS: [(&str, &str, bool); 1] = [("de-DE", "tag", true)];

/// What an undated `slmgr /xpr` sentence says (in English or another display language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum XprSays {
    /// `The machine is permanently activated.`
    Permanent,
    /// `Windows is in Notification mode`.
    Notification,
    /// `Unlicensed` (no localized form is read).
    Unlicensed,
}

/// Localized `/xpr` sentences without a date: (language, text the line contains, meaning).
/// Matched as contained text, as the sources read them (the zh-CN source matches the
/// substring only).
pub(crate) const XPR_SENTENCES: [(&str, &str, XprSays); 3] = [
    ("zh-CN", "永久激活", XprSays::Permanent),
    ("zh-CN", "通知模式", XprSays::Notification),
    (
        "it-IT",
        "Il computer è attivato definitivamente",
        XprSays::Permanent,
    ),
];

/// Localized dated `/xpr` sentences: (language, text before the date, text after it, which
/// expiry). zh-CN prints `批量激活将于 2027/2/4 17:50:22 过期` ("volume activation will expire
/// on ...").
pub(crate) const XPR_DATED: [(&str, &str, &str, ExpiryKind); 1] =
    [("zh-CN", "批量激活将于", "过期", ExpiryKind::Volume)];

/// A localized dated `/xpr` line: its language, expiry kind and the date text.
fn dated_row(line: &str) -> Option<(&'static str, ExpiryKind, &str)> {
    XPR_DATED.iter().find_map(|(lang, before, after, kind)| {
        let date = line.strip_prefix(before)?.trim_end().strip_suffix(after)?;
        Some((*lang, *kind, date.trim()))
    })
}

/// A localized dated `/xpr` line: its expiry kind and the date text.
pub(crate) fn xpr_dated(line: &str) -> Option<(ExpiryKind, &str)> {
    dated_row(line).map(|(_, kind, date)| (kind, date))
}

/// The row of a localized undated `/xpr` line.
fn sentence_row(line: &str) -> Option<&'static (&'static str, &'static str, XprSays)> {
    XPR_SENTENCES
        .iter()
        .find(|(_, text, _)| line.contains(text))
}

/// What a localized undated `/xpr` line says.
pub(crate) fn xpr_sentence(line: &str) -> Option<XprSays> {
    sentence_row(line).map(|(_, _, says)| *says)
}

/// The language of a localized `/xpr` sentence (dated or not), if `line` is one.
pub(crate) fn xpr_language(line: &str) -> Option<DisplayLanguage> {
    let lang = dated_row(line)
        .map(|(lang, _, _)| lang)
        .or_else(|| sentence_row(line).map(|(lang, _, _)| *lang))?;
    DisplayLanguage::from_tag(lang)
}

/// Localized script-host banners (never a record).
pub(crate) const BANNERS: [(&str, &str); 1] = [(
    "de-DE",
    "Copyright (C) Microsoft Corporation. Alle Rechte vorbehalten.",
)];

/// The English key a localized `key` (already normalized) stands for.
pub(crate) fn english_key(normalized: &[u8]) -> Option<&'static [u8]> {
    LABELS
        .iter()
        .find(|l| l.normalized == normalized)
        .map(|l| l.english)
}

/// The English keys of the localized labels on `lines` (`Key: value` lines), in order, at
/// most one per label kind.
pub(crate) fn english_keys<S: AsRef<str>>(lines: impl Iterator<Item = S>) -> Vec<&'static [u8]> {
    let mut found: Vec<&'static [u8]> = Vec::new();
    for line in lines {
        let (k, _) = super::text::split_kv(line.as_ref().trim());
        let mut buf = [0; super::fields::NORM_MAX];
        if let Some(e) = english_key(super::fields::norm(k, &mut buf)) {
            if !found.contains(&e) {
                found.push(e);
            }
        }
    }
    found
}

/// Whether the English label `printed` (`Activation ID:`) normalizes to `key`.
pub(crate) fn is_label(printed: &str, key: &[u8]) -> bool {
    let mut buf = [0; super::fields::NORM_MAX];
    super::fields::norm(printed.trim_end_matches(':'), &mut buf) == key
}

/// A localized licence status value.
pub(crate) fn status(v: &str) -> Option<LicenseStatus> {
    let v = v.trim();
    STATUS_VALUES
        .iter()
        .find(|(_, printed, _)| eq_fold(printed, v))
        .map(|(_, _, s)| *s)
}

/// Whether `word` is a localized unit word: `Some(true)` for days, `Some(false)` for minutes.
pub(crate) fn unit_word(word: &str) -> Option<bool> {
    UNIT_WORDS
        .iter()
        .find(|(_, start, _)| {
            let mut w = word.chars().flat_map(char::to_lowercase);
            start.chars().all(|c| w.next() == Some(c))
        })
        .map(|(_, _, days)| *days)
}

/// `a` and `b` equal with case folded (Unicode lowercase, char by char).
fn eq_fold(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether `text` looks like licensing output even though no label was read: it names
/// Windows' or Office's licensing Application ID, an SPP error code (`0xC004...`), the
/// `Windows(R)` / `Office 1x,` product names, or ospp's dashed states.
pub(crate) fn looks_like_licensing(text: &str) -> bool {
    const MARKERS: [&str; 7] = [
        "55c92734-d682-4d71-983e-d6ec3f16059f",
        "0ff1ce15-a989-479d-af46-f275c6370663",
        "0xC004",
        "Windows(R)",
        "Office 16,",
        "Office 15,",
        "---LICENSED---",
    ];
    MARKERS.iter().any(|m| text.contains(m))
}

#[cfg(test)]
mod tests {
    use super::super::fields::{NORM_MAX, norm};
    use super::*;

    #[test]
    fn each_label_is_kept_as_norm_writes_it() {
        for l in &LABELS {
            assert_eq!(
                norm(l.printed, &mut [0; NORM_MAX]),
                l.normalized,
                "{}",
                l.printed
            );
        }
    }

    #[test]
    fn every_row_names_a_language_with_a_source() {
        let tags: Vec<&str> = LANGUAGES.iter().map(|l| l.tag).collect();
        let rows = LABELS
            .iter()
            .map(|l| l.lang)
            .chain(STATUS_VALUES.iter().map(|r| r.0))
            .chain(UNIT_WORDS.iter().map(|r| r.0))
            .chain(XPR_SENTENCES.iter().map(|r| r.0))
            .chain(XPR_DATED.iter().map(|r| r.0))
            .chain(BANNERS.iter().map(|r| r.0));
        for lang in rows {
            assert!(tags.contains(&lang), "{lang} has no source row");
        }
        for l in &LANGUAGES {
            assert!(l.source.contains("<http"), "{}", l.tag);
        }
    }

    #[test]
    fn localized_values_read_whole_and_nothing_else() {
        assert_eq!(status(" Lizenziert "), Some(LicenseStatus::Licensed));
        assert_eq!(status("LIZENZIERT"), Some(LicenseStatus::Licensed));
        assert_eq!(status("Con licencia"), Some(LicenseStatus::Licensed));
        assert_eq!(status("未授权"), Some(LicenseStatus::Unlicensed));
        // A value is read whole: more or less text is not it.
        assert_eq!(status("Lizenziert nicht"), None);
        assert_eq!(status("licencia"), None);
        assert_eq!(status("Licensed"), None);
        assert_eq!(unit_word("Tag(e))"), Some(true));
        assert_eq!(unit_word("Minute(n)"), None);
        assert_eq!(unit_word("Ta"), None);
        assert_eq!(xpr_sentence("The machine is permanently activated."), None);
        assert_eq!(
            xpr_language("Il computer è attivato definitivamente.").map(|l| l.tag()),
            Some("it-IT")
        );
        assert_eq!(
            xpr_language("批量激活将于 2027/2/4 17:50:22 过期").map(|l| l.tag()),
            Some("zh-CN")
        );
        assert_eq!(
            xpr_language("Volume activation will expire 2/4/2027 5:50:22 PM"),
            None
        );
    }

    #[test]
    fn two_labels_never_read_alike() {
        for (i, a) in LABELS.iter().enumerate() {
            for b in LABELS.iter().skip(i + 1) {
                assert!(
                    a.normalized != b.normalized || a.english == b.english,
                    "{} / {}",
                    a.printed,
                    b.printed
                );
            }
        }
    }
}
