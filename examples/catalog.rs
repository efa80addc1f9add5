//! The catalogue: list every release and SKU, or show one SKU with its family, KMS threshold
//! and published GVLK.
//!
//! ```sh
//! cargo run --example catalog                                   # the whole catalogue
//! cargo run --example catalog -- windows-server-2022/datacenter # one SKU by ID
//! cargo run --example catalog -- "Windows 10 Enterprise LTSC 2019"
//! cargo run --example catalog -- "Office 16, Office16ProPlusVL_KMS_Client edition"
//! cargo run --example catalog -- "Windows(R), Professional edition"
//! ```

use std::process::ExitCode;
use strum::IntoEnumIterator;

use volume_activation::catalog::recognize_product;
use volume_activation::rules::activation_threshold;
use volume_activation::rules::{gvlk, gvlk_source};
use volume_activation::{DATA_VERSION, Family, Release, Sku};

fn list() {
    println!("volume-activation catalogue (data version {DATA_VERSION})");
    for family in Family::iter() {
        println!("\n{}", family.name());
        for release in Release::of_family(family) {
            let skus: Vec<Sku> = Sku::of_release(release).collect();
            println!("  {:<28} {} SKUs", release.to_string(), skus.len());
            for sku in skus {
                let key = if gvlk(sku).is_some() {
                    "GVLK"
                } else {
                    "no GVLK"
                };
                println!("    - {:<58} {key}", sku.name());
            }
        }
    }
}

fn show(sku: Sku) {
    println!("{}", sku.name());
    println!("  id:              {sku}");
    println!(
        "  release:         {} ({})",
        sku.release().name(),
        sku.release()
    );
    println!(
        "  edition:         {} ({})",
        sku.edition().name(),
        sku.edition()
    );
    println!("  family:          {}", sku.family().name());
    println!("  KMS threshold:   {}", activation_threshold(sku));
    match (gvlk(sku), gvlk_source(sku)) {
        (Some(key), Some((source, confidence))) => {
            // GVLKs are published by Microsoft, so showing them whole is fine.
            println!("  GVLK:            {}", key.reveal());
            println!("  GVLK source:     {source}");
            println!("  GVLK confidence: {}", confidence.name());
        }
        _ => println!("  GVLK:            none published"),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        list();
        return ExitCode::SUCCESS;
    }
    let text = args.join(" ");
    match Sku::parse_lenient(&text) {
        Ok(sku) => {
            show(sku);
            ExitCode::SUCCESS
        }
        Err(err) => {
            let r = recognize_product(&text, None);
            if r.is_empty() {
                eprintln!("{err}");
                return ExitCode::FAILURE;
            }
            println!("{text:?} names no single SKU; it tells:");
            let or_unknown = |s: Option<&str>| s.unwrap_or("(not named)").to_string();
            println!("  release: {}", or_unknown(r.release().map(|x| x.name())));
            println!("  edition: {}", or_unknown(r.edition().map(|x| x.name())));
            println!("  family:  {}", or_unknown(r.family().map(|x| x.name())));
            if let Some(c) = r.confidence() {
                println!("  confidence: {}", c.name());
            }
            ExitCode::SUCCESS
        }
    }
}
