//! Can this KMS host activate that client?
//!
//! ```sh
//! cargo run --example can-activate -- <host-os> <host-key> <client-sku> [count] [KB...]
//! cargo run --example can-activate -- windows-server-2016 windows-server-2019 "Windows 11 Enterprise"
//! cargo run --example can-activate -- windows-server-2016/standard "Volume License for Windows Server 2019" windows-10/enterprise 30 KB4478877
//! cargo run --example can-activate -- windows-7/enterprise windows-7 windows-10/enterprise   # a rule between the rows: no (derived), 0xC004F042
//! cargo run --example can-activate        # the question of issue 3
//! ```
//!
//! `<host-os>` is a SKU ID (`windows-server-2016/standard`), a SKU name ("Windows Server 2016
//! Standard"), or a release ID or name (`windows-server-2016`, then its Standard or Enterprise
//! SKU is assumed). `<host-key>` is a host key ID or name. `<client-sku>` is a SKU ID or name.
//! The count defaults to 1000 (well above every threshold); KBs are the updates installed on the
//! host. Without arguments the host is assumed to carry the update its key needs.

use std::process::ExitCode;
use strum::IntoEnumIterator;

use volume_activation::catalog::{Kb, ProductKey};
use volume_activation::rules::{UpdateNeed, required_update};
use volume_activation::{Channel, Edition, KmsHost, KmsHostKey, Release, Sku, check_activation};

fn parse_sku(s: &str) -> Result<(Sku, Option<String>), String> {
    if let Ok(sku) = s.parse::<Sku>() {
        return Ok((sku, None));
    }
    if let Some(sku) = Sku::all().find(|k| k.name().eq_ignore_ascii_case(s)) {
        return Ok((sku, None));
    }
    let release = s
        .parse::<Release>()
        .ok()
        .or_else(|| Release::iter().find(|r| r.name().eq_ignore_ascii_case(s)))
        .ok_or_else(|| {
            // What the user typed may be a product key: never print it whole.
            format!(
                "unknown SKU or release {:?} (try windows-server-2016/standard)",
                ProductKey::redact_text(s)
            )
        })?;
    let preferred = [Edition::Standard, Edition::Enterprise, Edition::Pro];
    let sku = preferred
        .iter()
        .find_map(|e| Sku::new(release, *e).ok())
        .or_else(|| Sku::of_release(release).next())
        .ok_or_else(|| format!("release {release} has no SKU"))?;
    Ok((
        sku,
        Some(format!("(assuming {} for {})", sku.name(), release.name())),
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let default_question = args.is_empty();
    let (os, key, client, count, kbs) = if default_question {
        println!(
            "Q: can a Windows Server 2016 host with a Windows Server 2019 host key activate \
             Windows 11 Enterprise?\n"
        );
        (
            "windows-server-2016/standard".to_string(),
            "windows-server-2019".to_string(),
            "windows-11/enterprise".to_string(),
            1000,
            Vec::new(),
        )
    } else {
        let (Some(os), Some(key), Some(client)) = (args.first(), args.get(1), args.get(2)) else {
            eprintln!("usage: can-activate <host-os> <host-key> <client-sku> [count] [KB...]");
            return ExitCode::from(2);
        };
        let count = match args.get(3).map(|c| c.parse::<u32>()) {
            None => 1000,
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                eprintln!(
                    "count must be a number, got {:?}",
                    args.get(3).map(|a| ProductKey::redact_text(a))
                );
                return ExitCode::from(2);
            }
        };
        (
            os.clone(),
            key.clone(),
            client.clone(),
            count,
            args.iter().skip(4).cloned().collect(),
        )
    };
    let run = || -> Result<bool, String> {
        let (os, os_note) = parse_sku(&os)?;
        let key = KmsHostKey::parse_lenient(&key).map_err(|e| e.to_string())?;
        let (client, client_note) = parse_sku(&client)?;
        let mut host = KmsHost::new(os, key);
        for kb in &kbs {
            host = host.with_update(kb.parse::<Kb>().map_err(|e| e.to_string())?);
        }
        // Without arguments, assume the host has the update its key needs.
        let key_update = required_update(os.release(), key.issued_for());
        if default_question && key_update.need() == UpdateNeed::Required {
            if let Some(kb) = key_update.kb() {
                host = host.with_update(kb);
            }
        }
        println!(
            "host OS:    {}{}",
            os.name(),
            os_note.map(|n| format!(" {n}")).unwrap_or_default()
        );
        println!("host key:   {}", key.name());
        if !host.updates().is_empty() {
            let list: Vec<String> = host.updates().iter().map(Kb::to_string).collect();
            println!("updates:    {}", list.join(", "));
        }
        println!(
            "client:     {}{}",
            client.name(),
            client_note.map(|n| format!(" {n}")).unwrap_or_default()
        );
        println!("KMS count:  {count}\n");
        match check_activation(&host, client, Channel::VolumeGvlk, count) {
            Ok(a) => {
                println!("A: yes.");
                println!(
                    "   {}, confidence {}: {}",
                    a.key_coverage().answer().name(),
                    a.key_coverage().confidence(),
                    a.key_coverage().basis().name()
                );
                println!(
                    "   activation valid {} days, renewed every {} days",
                    a.validity().num_days(),
                    a.renewal_interval().num_days()
                );
                println!("   sources:");
                let mut seen = Vec::new();
                for s in a.sources() {
                    if !seen.contains(&s) {
                        println!("   - {s}");
                        seen.push(s);
                    }
                }
                Ok(true)
            }
            Err(d) => {
                println!("A: no — {d}.");
                if let Some(c) = d.coverage() {
                    println!(
                        "   {}, confidence {}: {}",
                        c.answer().name(),
                        c.confidence(),
                        c.basis().name()
                    );
                }
                match d.hresult() {
                    Some(code) => println!("   Windows error code: {code:#010X}"),
                    None => println!("   Windows error code: none documented for this case"),
                }
                println!("   sources:");
                for s in d.sources() {
                    println!("   - {s}");
                }
                Ok(false)
            }
        }
    };
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
