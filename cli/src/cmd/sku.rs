//! `sku`: one SKU with its IDs, threshold, GVLK, AVMA key and sources; the list; a GVLK's SKUs.

use serde::Serialize;
use volume_activation::catalog::{Source, recognize_product};
use volume_activation::rules::{
    activation_threshold, avma_key, avma_key_confidence, gvlk, gvlk_source, skus_for_gvlk,
    threshold_source,
};
use volume_activation::{Confidence, Family, ProductKey, Sku};

use super::SourceJson;
use crate::args::SkuArgs;
use crate::fail::{Fail, Outcome, Run};
use crate::io::Output;

/// A published key with its confidence and source (GVLKs and AVMA keys are published by
/// Microsoft for exactly this use, so they are shown whole).
#[derive(Debug, Serialize)]
struct PublishedKey {
    key: String,
    confidence: Confidence,
    source: SourceJson,
}

/// One SKU in the JSON output.
#[derive(Debug, Serialize)]
pub(crate) struct SkuJson {
    id: String,
    name: &'static str,
    release: String,
    release_name: &'static str,
    edition: String,
    edition_name: &'static str,
    family: String,
    family_name: &'static str,
    kms_threshold: u32,
    kms_threshold_source: SourceJson,
    gvlk: Option<PublishedKey>,
    avma_key: Option<PublishedKey>,
}

impl SkuJson {
    fn new(sku: Sku) -> SkuJson {
        let gvlk = gvlk(sku)
            .zip(gvlk_source(sku))
            .map(|(key, (source, confidence))| PublishedKey {
                key: key.reveal(),
                confidence,
                source: source.into(),
            });
        let avma = avma_key(sku)
            .zip(avma_key_confidence(sku))
            .map(|(key, confidence)| PublishedKey {
                key: key.reveal(),
                confidence,
                source: Source::AVMA.into(),
            });
        SkuJson {
            id: sku.to_string(),
            name: sku.name(),
            release: sku.release().to_string(),
            release_name: sku.release().name(),
            edition: sku.edition().to_string(),
            edition_name: sku.edition().name(),
            family: sku.family().to_string(),
            family_name: sku.family().name(),
            kms_threshold: activation_threshold(sku),
            kms_threshold_source: threshold_source().0.into(),
            gvlk,
            avma_key: avma,
        }
    }

    fn text(&self) -> String {
        let key = |k: &Option<PublishedKey>| match k {
            Some(k) => format!(
                "{}\n    {}, {} <{}>",
                k.key, k.confidence, k.source.title, k.source.url
            ),
            None => "none published".to_owned(),
        };
        format!(
            "{}\n  id:             {}\n  release:        {} ({})\n  edition:        {} ({})\n  \
             family:         {} ({})\n  KMS threshold:  {}\n    {} <{}>\n  GVLK:           {}\n  \
             AVMA key:       {}\n",
            self.name,
            self.id,
            self.release,
            self.release_name,
            self.edition,
            self.edition_name,
            self.family,
            self.family_name,
            self.kms_threshold,
            self.kms_threshold_source.title,
            self.kms_threshold_source.url,
            key(&self.gvlk),
            key(&self.avma_key),
        )
    }
}

/// The answer about a key given with `--gvlk`.
#[derive(Debug, Serialize)]
struct GvlkAnswer {
    /// The key in full, only when it is a published GVLK.
    key: Option<String>,
    /// The key's last five characters.
    key_ending: String,
    published: bool,
    skus: Vec<String>,
}

/// Runs `sku`.
pub(crate) fn run(args: &SkuArgs, json: bool, out: &mut Output) -> Run {
    if args.list {
        return list(args.family.as_deref(), json, out);
    }
    if let Some(key) = &args.gvlk {
        return by_gvlk(key, json, out);
    }
    let text = args.name.join(" ");
    match Sku::parse_lenient(&text) {
        Ok(sku) => {
            let s = SkuJson::new(sku);
            if json {
                out.json(&s)?
            } else {
                out.write(&s.text())?
            }
            Ok(Outcome::Yes)
        }
        Err(err) => not_one_sku(&text, err, json, out),
    }
}

/// A name that is no SKU: an error when nothing in it is recognised, otherwise what it tells
/// and the SKUs it may be (exit 1).
fn not_one_sku(text: &str, err: volume_activation::Error, json: bool, out: &mut Output) -> Run {
    let r = recognize_product(text, None);
    if r.is_empty() {
        return Err(err.into());
    }
    let candidates: Vec<Sku> = Sku::all()
        .filter(|s| r.release().is_none_or(|x| x == s.release()))
        .filter(|s| r.edition().is_none_or(|x| x == s.edition()))
        .filter(|s| r.family().is_none_or(|x| x == s.family()))
        .collect();
    if json {
        #[derive(Serialize)]
        struct Partial {
            one_sku: bool,
            release: Option<String>,
            edition: Option<String>,
            family: Option<String>,
            confidence: Option<Confidence>,
            candidates: Vec<String>,
        }
        out.json(&Partial {
            one_sku: false,
            release: r.release().map(|x| x.to_string()),
            edition: r.edition().map(|x| x.to_string()),
            family: r.family().map(|x| x.to_string()),
            confidence: r.confidence(),
            candidates: candidates.iter().map(ToString::to_string).collect(),
        })?;
    } else {
        let or_not = |s: Option<&str>| s.unwrap_or("(not named)").to_owned();
        let mut t = format!(
            "\"{}\" names no single SKU; it tells:\n  release: {}\n  edition: {}\n  family:  {}\n",
            crate::redact::redact(text).escape_default(),
            or_not(r.release().map(|x| x.name())),
            or_not(r.edition().map(|x| x.name())),
            or_not(r.family().map(|x| x.name())),
        );
        t.push_str(&format!("{} SKUs match:\n", candidates.len()));
        for s in &candidates {
            t.push_str(&format!("  {s:<44} {}\n", s.name()));
        }
        out.write(&t)?;
    }
    Ok(Outcome::No)
}

fn list(family: Option<&str>, json: bool, out: &mut Output) -> Run {
    let family: Option<Family> = family.map(str::parse).transpose()?;
    let skus: Vec<Sku> = Sku::all()
        .filter(|s| family.is_none_or(|f| f == s.family()))
        .collect();
    if json {
        let rows: Vec<SkuJson> = skus.into_iter().map(SkuJson::new).collect();
        out.json(&rows)?;
        return Ok(Outcome::Yes);
    }
    let mut t = format!("{:<46} {:<58} {:>9}  GVLK\n", "id", "name", "threshold");
    for s in skus {
        t.push_str(&format!(
            "{:<46} {:<58} {:>9}  {}\n",
            s.to_string(),
            s.name(),
            activation_threshold(s),
            if gvlk(s).is_some() { "yes" } else { "-" }
        ));
    }
    out.write(&t)?;
    Ok(Outcome::Yes)
}

fn by_gvlk(text: &str, json: bool, out: &mut Output) -> Run {
    let key = ProductKey::parse(text).map_err(|e| Fail::new(format!("--gvlk: {e}")))?;
    let skus: Vec<Sku> = skus_for_gvlk(&key).collect();
    let published = !skus.is_empty();
    let answer = GvlkAnswer {
        key: published.then(|| key.reveal()),
        key_ending: key.partial().to_owned(),
        published,
        skus: skus.iter().map(ToString::to_string).collect(),
    };
    if json {
        out.json(&answer)?;
    } else if published {
        let mut t = format!("{} is the published GVLK of:\n", key.reveal());
        for s in &skus {
            t.push_str(&format!("  {s:<44} {}\n", s.name()));
        }
        out.write(&t)?;
    } else {
        out.write(&format!(
            "the key ending {} is not a published GVLK\n",
            key.partial()
        ))?;
    }
    Ok(if published { Outcome::Yes } else { Outcome::No })
}
