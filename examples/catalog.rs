//! The catalogue: one SKU with its family, KMS threshold and published GVLK, then how many SKUs
//! each release has. The API behind `volume-activation sku`.
//!
//! Run with `cargo run --example catalog`.

use strum::IntoEnumIterator;
use volume_activation::rules::threshold_source;
use volume_activation::{DATA_VERSION, Family, Release, Sku};

fn main() -> Result<(), volume_activation::Error> {
    let sku = Sku::parse_lenient("Windows 10 Enterprise LTSC 2019")?;
    println!("{} ({sku})", sku.name());
    println!("  family:        {}", sku.family().name());
    println!(
        "  KMS threshold: {} ({})",
        sku.threshold(),
        threshold_source().0.url()
    );
    if let (Some(key), Some((source, confidence))) = (sku.gvlk(), sku.gvlk_source()) {
        // Microsoft publishes GVLKs for installing with slmgr /ipk: showing one whole is fine.
        println!(
            "  GVLK:          {} ({confidence}, {})",
            key.reveal(),
            source.url()
        );
    }

    println!("\ncatalogue, data version {DATA_VERSION}");
    for family in Family::iter() {
        for release in Release::of_family(family) {
            println!(
                "  {:<32} {} SKUs",
                release.name(),
                Sku::of_release(release).count()
            );
        }
    }
    Ok(())
}
