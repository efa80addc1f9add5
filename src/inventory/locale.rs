//! Labels slmgr prints in other display languages, each with the source that shows it.
//!
//! Only what a Microsoft string table or a public capture shows is here. Sources:
//!
//! - de-DE: the labels a public monitoring script reads from German `slmgr /dlv` output
//!   (`Lizenzstatus`, value `Lizenziert`; `Ablauf der zeitbegrenzten Aktivierung` with days
//!   as `Tag`; the banner `Copyright (C) Microsoft Corporation. Alle Rechte vorbehalten.`):
//!   <https://github.com/MichaelSchoenburg/Check-WindowsLizenz> (`Check-WindowsLizenz.ps1`,
//!   region "Mapping der SLMGR-Ausgabe"). Confidence: unverified against Microsoft's own
//!   German string table, which was not found in a public, citable copy.
//!
//! No source was found for zh-CN, fr-FR, es-ES, ja-JP, ru-RU, pt-BR or it-IT, so they are
//! left out: a capture in one of them is reported as a licensing capture in a language this
//! crate does not read (one warning). Searched: Microsoft's localized `slmgr.ini` tables
//! (`System32\slmgr\<LCID>\slmgr.ini`) have no public copy in the index searched (only
//! the English strings, inside copies of slmgr.vbs); the only localized lines found (a
//! Chinese `/dlv` paste in a blog post, `许可证状态: 已授权`; a Spanish test script expecting
//! `Estado de la licencia: con licencia`; a Portuguese script checking for
//! `Status da Licença: Licenciado`) came without a repository or address to cite, so they are
//! not used.

use crate::lifecycle::LicenseStatus;

/// A localized label: its language, the label as printed, and the English label's
/// normalized key (as `fields::norm` writes it) it stands for.
pub(crate) const LABELS: [(&str, &str, &[u8]); 2] = [
    ("de-DE", "Lizenzstatus", b"licensestatus"),
    (
        "de-DE",
        "Ablauf der zeitbegrenzten Aktivierung",
        b"timebasedactivationexpiration",
    ),
];

/// Localized licence status values.
pub(crate) const STATUS_VALUES: [(&str, &str, LicenseStatus); 1] =
    [("de-DE", "Lizenziert", LicenseStatus::Licensed)];

/// Localized script-host banners (never a record).
pub(crate) const BANNERS: [(&str, &str); 1] = [(
    "de-DE",
    "Copyright (C) Microsoft Corporation. Alle Rechte vorbehalten.",
)];

/// The English key a localized `key` (already normalized) stands for.
pub(crate) fn english_key(normalized: &[u8]) -> Option<&'static [u8]> {
    LABELS.iter().find_map(|(_, label, english)| {
        let mut buf = [0u8; super::fields::NORM_MAX];
        (super::fields::norm(label, &mut buf) == normalized).then_some(*english)
    })
}

/// A localized licence status value.
pub(crate) fn status(v: &str) -> Option<LicenseStatus> {
    STATUS_VALUES
        .iter()
        .find(|(_, printed, _)| printed.eq_ignore_ascii_case(v.trim()))
        .map(|(_, _, s)| *s)
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
