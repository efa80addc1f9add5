//! Lists the catalogue: every release by family, with its SKUs.
//!
//! ```sh
//! cargo run --example catalog
//! ```

use volume_activation::{DATA_VERSION, Family, Release, Sku};

fn main() {
    println!("volume-activation catalogue (data version {DATA_VERSION})");
    for family in Family::iter() {
        println!("\n{}", family.name());
        for release in Release::of_family(family) {
            let skus: Vec<&str> = Sku::of_release(release).map(|s| s.name()).collect();
            println!("  {:<28} {} SKUs", release.to_string(), skus.len());
            for name in skus {
                println!("    - {name}");
            }
        }
    }
}
