//! Every published GVLK against the crate, both ways, from the CSV copies of Microsoft's
//! tables in `tests/data/`.

// Tests may unwrap, index and panic: a failure is the point. The rest of the lints apply.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unreachable
)]

use std::collections::{BTreeMap, BTreeSet};

use volume_activation::catalog::Source;
use volume_activation::rules::{gvlk, gvlk_source, is_published_gvlk, skus_for_gvlk};
use volume_activation::{Confidence, Edition, ProductKey, Release, Sku};

/// Splits one CSV line into fields (double-quoted fields may hold commas; `""` is a quote).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(fields)
        .collect()
}

fn sku_named(name: &str) -> Sku {
    let found: Vec<Sku> = Sku::all().filter(|s| s.name() == name).collect();
    assert_eq!(found.len(), 1, "no single SKU named {name:?}");
    found[0]
}

/// The SKUs one row of `windows-gvlk.csv` names (an edition cell may list several, joined by
/// `<br>`; the Semi-Annual Channel rows name their release in the `tab` column).
fn windows_row_skus(tab: &str, edition_cell: &str) -> Vec<Sku> {
    edition_cell
        .split("<br>")
        .map(str::trim)
        .map(|name| match name {
            "Windows Server Standard" | "Windows Server Datacenter" => {
                let release = match tab {
                    "Windows Server, versions 20H2, 2004, 1909, 1903, and 1809" => {
                        Release::WindowsServerSac
                    }
                    "Windows Server, version 1803" => Release::WindowsServer1803,
                    "Windows Server, version 1709" => Release::WindowsServer1709,
                    other => panic!("unexpected tab {other:?}"),
                };
                let edition = if name.ends_with("Standard") {
                    Edition::Standard
                } else {
                    Edition::Datacenter
                };
                Sku::new(release, edition).unwrap()
            }
            _ => sku_named(name),
        })
        .collect()
}

/// (key text, SKUs, source) for every published row.
fn published() -> Vec<(String, Vec<Sku>, Source)> {
    let windows = rows(include_str!("data/windows-gvlk.csv"));
    assert_eq!(windows.len(), 82, "windows-gvlk.csv rows");
    let office = rows(include_str!("data/office-gvlk.csv"));
    assert_eq!(office.len(), 52, "office-gvlk.csv rows");
    let mut out = Vec::new();
    for r in &windows {
        assert_eq!(r.len(), 4, "{r:?}");
        out.push((
            r[3].clone(),
            windows_row_skus(&r[1], &r[2]),
            Source::KMS_CLIENT_KEYS,
        ));
    }
    for r in &office {
        assert_eq!(r.len(), 2, "{r:?}");
        out.push((r[1].clone(), vec![sku_named(&r[0])], Source::OFFICE_GVLK));
    }
    let older = rows(include_str!("data/office-2010-2013-gvlk.csv"));
    assert_eq!(older.len(), 31, "office-2010-2013-gvlk.csv rows");
    for r in &older {
        assert_eq!(r.len(), 3, "{r:?}");
        let source = if r[0].contains("2013") {
            Source::OFFICE_2013_GVLK
        } else {
            Source::OFFICE_2010_GVLK
        };
        assert_eq!(source.url(), r[2], "{r:?}");
        out.push((r[1].clone(), vec![office_2010_2013_sku(&r[0])], source));
    }
    out
}

/// The SKU a product of Microsoft's Office 2013 / 2010 GVLK tables names. The 2013 table
/// writes "Office 2013 Professional Plus", "Project 2013 Professional"; the SKU names are the
/// products' names ("Office Professional Plus 2013", "Project Professional 2013").
fn office_2010_2013_sku(product: &str) -> Sku {
    let name = match product {
        "Office 2013 Professional Plus" => "Office Professional Plus 2013",
        "Office 2013 Standard" => "Office Standard 2013",
        "Project 2013 Professional" => "Project Professional 2013",
        "Project 2013 Standard" => "Project Standard 2013",
        "Visio 2013 Professional" => "Visio Professional 2013",
        "Visio 2013 Standard" => "Visio Standard 2013",
        other => other,
    };
    sku_named(name)
}

#[test]
fn every_published_row_matches_gvlk_both_ways() {
    let published = published();
    assert_eq!(published.len(), 165);
    let mut by_key: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (key_text, skus, source) in &published {
        let key = ProductKey::parse(key_text).unwrap();
        assert_eq!(key.reveal(), *key_text);
        for &sku in skus {
            assert_eq!(gvlk(sku), Some(key), "gvlk({sku})");
            assert_eq!(gvlk_source(sku).map(|(s, _)| s), Some(*source), "{sku}");
            by_key
                .entry(key_text.clone())
                .or_default()
                .insert(sku.to_string());
        }
    }
    for (key_text, expected) in &by_key {
        let key = ProductKey::parse(key_text).unwrap();
        assert!(is_published_gvlk(&key));
        let got: BTreeSet<String> = skus_for_gvlk(&key).map(|s| s.to_string()).collect();
        assert_eq!(&got, expected, "skus_for_gvlk({key_text})");
    }
    // Lowercase input names the same key.
    let lower = ProductKey::parse(&"W269N-WFGWX-YVC9B-4J6C9-T83GX".to_lowercase()).unwrap();
    assert_eq!(skus_for_gvlk(&lower).count(), 2);
}

#[test]
fn skus_without_a_published_row_have_no_gvlk() {
    let with_row: BTreeSet<String> = published()
        .into_iter()
        .flat_map(|(_, skus, _)| skus)
        .map(|s| s.to_string())
        .collect();
    assert_eq!(with_row.len(), 182);
    for sku in Sku::all() {
        let listed = with_row.contains(&sku.to_string());
        assert_eq!(gvlk(sku).is_some(), listed, "{sku}");
        assert_eq!(gvlk_source(sku).is_some(), listed, "{sku}");
    }
    for id in [
        "small-business-server-2008/standard",
        "small-business-server-2008/premium",
        "small-business-server-2011/standard",
        "small-business-server-2011/essentials",
        "small-business-server-2011/premium-add-on",
    ] {
        let sku: Sku = id.parse().unwrap();
        assert_eq!(gvlk(sku), None, "{id}");
        assert_eq!(gvlk_source(sku), None, "{id}");
    }
}

/// Issue 10: Office 2010 and 2013 are volume products with published GVLKs: every SKU of
/// those releases has one, from Microsoft's archived table, and the KMS host key of its own
/// version covers it.
#[test]
fn office_2010_2013_every_sku_has_a_gvlk() {
    use volume_activation::KmsHostKey;
    use volume_activation::rules::host_key_coverage;
    let mut n = 0;
    for (release, source, key) in [
        (
            Release::Office2010,
            Source::OFFICE_2010_GVLK,
            KmsHostKey::Office2010,
        ),
        (
            Release::Office2013,
            Source::OFFICE_2013_GVLK,
            KmsHostKey::Office2013,
        ),
    ] {
        for sku in Sku::of_release(release) {
            assert_eq!(
                gvlk_source(sku),
                Some((source, Confidence::Unverified)),
                "{sku}"
            );
            assert!(host_key_coverage(key, sku).is_yes(), "{sku}");
            n += 1;
        }
    }
    assert_eq!(n, 31);
    let visio: Sku = "office-2010/visio-premium".parse().unwrap();
    assert_eq!(
        gvlk(visio).unwrap().to_string(),
        "*****-*****-*****-*****-WX8BJ"
    );
    let lync: Sku = "office-2013/lync".parse().unwrap();
    assert_eq!(lync.name(), "Lync 2013");
}

#[test]
fn shared_keys_serve_every_documented_release() {
    let pro = gvlk("windows-10/pro".parse().unwrap()).unwrap();
    assert_eq!(gvlk("windows-11/pro".parse().unwrap()), Some(pro));
    let ltsc = gvlk("windows-10-ltsc-2019/enterprise-ltsc".parse().unwrap()).unwrap();
    assert_eq!(
        gvlk("windows-10-ltsc-2021/enterprise-ltsc".parse().unwrap()),
        Some(ltsc)
    );
    assert_eq!(
        gvlk("windows-11-ltsc-2024/enterprise-ltsc".parse().unwrap()),
        Some(ltsc)
    );
    let iot = gvlk("windows-10-ltsc-2021/iot-enterprise-ltsc".parse().unwrap()).unwrap();
    assert_eq!(iot.reveal(), "KBN8V-HFGQ4-MGXVD-347P6-PDQGT");
    assert_eq!(
        gvlk("windows-11-ltsc-2024/iot-enterprise-ltsc".parse().unwrap()),
        Some(iot)
    );
}

#[test]
fn only_the_four_server_2012_rows_and_the_archived_office_tables_are_unverified() {
    let unverified: Vec<String> = Sku::all()
        .filter(|&s| gvlk_source(s).map(|(_, c)| c) == Some(Confidence::Unverified))
        .filter(|s| !matches!(s.release(), Release::Office2010 | Release::Office2013))
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        unverified,
        [
            "windows-server-2012/base",
            "windows-server-2012/base-n",
            "windows-server-2012/single-language",
            "windows-server-2012/country-specific",
        ]
    );
    // The Office 2010 / 2013 rows: all unverified, see office_2010_2013_every_sku_has_a_gvlk.
    for sku in Sku::all() {
        if let Some((_, c)) = gvlk_source(sku) {
            assert_ne!(c, Confidence::Derived, "{sku}");
        }
    }
}

#[test]
fn every_published_gvlk_uses_the_product_key_alphabet() {
    const ALPHABET: &str = "BCDFGHJKMPQRTVWXY2346789";
    for (key_text, _, _) in published() {
        let groups: Vec<&str> = key_text.split('-').collect();
        assert_eq!(groups.len(), 5, "{key_text}");
        assert!(groups.iter().all(|g| g.len() == 5), "{key_text}");
        let n_count = key_text.chars().filter(|&c| c == 'N').count();
        assert!(n_count <= 1, "{key_text}");
        assert!(
            key_text
                .chars()
                .all(|c| c == '-' || c == 'N' || ALPHABET.contains(c)),
            "{key_text}"
        );
    }
}

#[test]
fn no_published_key_shows_in_debug_display_or_errors() {
    for (key_text, skus, _) in published() {
        let key = ProductKey::parse(&key_text).unwrap();
        let first20 = &key_text[..23];
        let shown = [
            format!("{key}"),
            format!("{key:?}"),
            format!("{:?}", gvlk(skus[0])),
            format!("{:?}", skus_for_gvlk(&key).collect::<Vec<_>>()),
        ];
        for s in &shown {
            assert!(!s.contains(first20), "{s}");
            assert!(s.contains(key.partial()) || !s.contains("*****"), "{s}");
        }
        // Errors quoting the key, whatever parser receives it, never show it whole.
        let undashed = key_text.replace('-', "");
        for input in [
            key_text.clone(),
            undashed.clone(),
            format!("{key_text}X"),
            format!("key {key_text} here"),
        ] {
            let errors = [
                input.parse::<Sku>().map(|_| ()).unwrap_err(),
                Sku::parse_lenient(&input).map(|_| ()).unwrap_err(),
                input.parse::<Release>().map(|_| ()).unwrap_err(),
                input
                    .parse::<volume_activation::catalog::ApplicationId>()
                    .map(|_| ())
                    .unwrap_err(),
                volume_activation::Channel::parse_lenient(&input)
                    .map(|_| ())
                    .unwrap_err(),
            ];
            for e in errors {
                #[allow(unused_mut)]
                let mut texts = vec![e.to_string(), format!("{e:?}")];
                #[cfg(feature = "serde")]
                texts.push(serde_json::to_string(&e).unwrap());
                for t in texts {
                    assert!(!t.contains(first20), "{t}");
                    assert!(!t.contains(&undashed[..20]), "{t}");
                }
            }
        }
        let bad = format!("{}A", &key_text[..28]);
        let e = ProductKey::parse(&bad).unwrap_err();
        assert!(!e.to_string().contains(first20), "{e}");
        assert!(!format!("{e:?}").contains(first20), "{e:?}");
        #[cfg(feature = "serde")]
        assert!(!serde_json::to_string(&e).unwrap().contains(first20));
    }
}

#[test]
fn unpublished_keys_have_no_skus() {
    let key = ProductKey::parse("BBBBB-BBBBB-BBBBB-BBBBB-BBBBB").unwrap();
    assert_eq!(skus_for_gvlk(&key).count(), 0);
    assert!(!is_published_gvlk(&key));
}
