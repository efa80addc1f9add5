//! Can a Windows Server 2016 KMS host with a Windows Server 2019 host key activate Windows 10
//! Enterprise, and Windows 11 Enterprise? The API behind `volume-activation check`.
//!
//! Run with `cargo run --example can-activate`.

use volume_activation::catalog::Kb;
use volume_activation::{Channel, KmsHost, KmsHostKey, Sku, check_activation};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let os: Sku = "windows-server-2016/standard".parse()?;
    // The Windows Server 2019 key needs this update on a 2016 host (KMS activation planning).
    let host = KmsHost::new(os, KmsHostKey::WindowsServer2019)
        .with_update(Kb::new(4_478_877).ok_or("KB number")?);
    for client in ["windows-10/enterprise", "windows-11/enterprise"] {
        let client: Sku = client.parse()?;
        // 30 clients: above the threshold of 25, so only the key's coverage decides.
        match check_activation(&host, client, Channel::VolumeGvlk, 30) {
            Ok(a) => println!(
                "{}: {}: {}",
                client.name(),
                a.key_coverage().answer().name(),
                a.key_coverage().basis().name()
            ),
            Err(denial) => println!("{}: no: {denial}", client.name()),
        }
    }
    Ok(())
}
