//! A Windows 10 Enterprise KMS client: installed, activated, then its KMS host is retired.
//! Prints the dated timeline down to notification mode.
//!
//! Run with `cargo run --example lifecycle`.

// Date arithmetic on fixed 2026 dates: chrono's `+` cannot overflow here.
#![allow(clippy::arithmetic_side_effects)]

use chrono::{TimeDelta, TimeZone, Utc};
use volume_activation::lifecycle::Event;
use volume_activation::rules::{KmsInterval, oot_grace};
use volume_activation::{Channel, LicenseStatus, Lifecycle, Sku};

fn main() -> Result<(), volume_activation::Error> {
    let sku: Sku = "windows-10/enterprise".parse()?;
    let installed = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
    let mut machine = Lifecycle::install(sku, Channel::VolumeGvlk, installed)?;
    println!(
        "{}  installed {} ({})",
        installed.date_naive(),
        sku.name(),
        Channel::VolumeGvlk.name()
    );
    print_state(&machine, installed);

    // The client finds the KMS host on day 1 and renews every 7 days for 12 weeks.
    let activated = installed + TimeDelta::days(1);
    machine.apply(
        Event::KmsActivation {
            renewal_interval: KmsInterval::RENEWAL_DEFAULT,
        },
        activated,
    )?;
    println!("{}  KMS activation", activated.date_naive());
    print_state(&machine, activated);
    let mut last = activated;
    for week in 1..=12 {
        last = activated + TimeDelta::weeks(week);
        machine.apply(Event::KmsRenewal, last)?;
    }
    println!(
        "{}  last successful renewal (12 weekly renewals)",
        last.date_naive()
    );

    // The KMS host is retired: every renewal attempt from now on fails.
    let retired = last + TimeDelta::days(3);
    println!("{}  KMS host retired", retired.date_naive());
    let mut attempt = last + TimeDelta::weeks(1);
    let mut failures = 0;
    while machine.state_at(attempt).status() == LicenseStatus::Licensed {
        machine.apply(Event::KmsRenewalFailure, attempt)?;
        attempt += TimeDelta::weeks(1);
        failures += 1;
    }
    println!("            {failures} weekly renewal attempts fail; the 180-day validity runs out");

    let until = last + TimeDelta::days(400);
    for t in machine.timeline(retired, until) {
        println!(
            "{}  {} -> {}",
            t.at().format("%Y-%m-%d %H:%M"),
            t.from().name(),
            t.to().name()
        );
        print_state(&machine, t.at());
    }
    println!(
        "(the out-of-tolerance length is {}: {})",
        oot_grace(sku.release()).confidence(),
        oot_grace(sku.release()).note()
    );
    let ways: Vec<String> = machine
        .ways_to_licensed(until)
        .iter()
        .map(ToString::to_string)
        .collect();
    println!("back to Licensed by: {}", ways.join(", "));
    Ok(())
}

fn print_state(m: &Lifecycle, at: chrono::DateTime<Utc>) {
    let s = m.state_at(at);
    let reason = s
        .reason()
        .map(|r| format!(", reason {r:#010X}"))
        .unwrap_or_default();
    println!(
        "            status {} (WMI {}), GracePeriodRemaining {} min{reason}, {}",
        s.status().name(),
        s.status().wmi(),
        s.grace_period_remaining(),
        s.confidence()
    );
}
