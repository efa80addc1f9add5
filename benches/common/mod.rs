//! The generated fleets the plan and fleet benches share.

/// A realistic mix of `n` machines over 20 sites: domain members (ADBA), workgroup clients and
/// servers (KMS, with a KMS host per site, one lacking an update), Office with and without a
/// domain, VMs on Datacenter Hyper-V hosts (AVMA), legacy machines, MAK and retail machines;
/// a rollout of three waves.
pub fn mixed_fleet_json(n: usize) -> String {
    const SITES: usize = 20;
    let mut machines = Vec::with_capacity(n);
    for s in 0..SITES {
        machines.push(format!(
            r#"{{"name":"hv-{s}","sku":"windows-server-2022/datacenter","channel":"volume-gvlk","hardware":"physical","domain":"corp","site":"s{s}"}}"#
        ));
    }
    for i in SITES..n {
        let site = i % SITES;
        let m = match i % 20 {
            0..=6 => format!(
                r#"{{"name":"pc-{i}","sku":"windows-11/enterprise","channel":"volume-gvlk","hardware":"physical","domain":"corp","site":"s{site}"}}"#
            ),
            7..=9 => format!(
                r#"{{"name":"lab-{i}","sku":"windows-10/enterprise","channel":"volume-gvlk","hardware":"physical","site":"s{site}"}}"#
            ),
            10 => format!(
                r#"{{"name":"w7-{i}","sku":"windows-7/pro","channel":"volume-gvlk","hardware":"physical","domain":"corp","site":"s{site}"}}"#
            ),
            11 | 12 => format!(
                r#"{{"name":"off-{i}","sku":"office-ltsc-2021/professional-plus","channel":"volume-gvlk","hardware":"physical","os":"windows-10","site":"s{site}"}}"#
            ),
            13 => format!(
                r#"{{"name":"offd-{i}","sku":"office-ltsc-2024/professional-plus","channel":"volume-gvlk","hardware":"physical","os":"windows-11","domain":"corp","site":"s{site}"}}"#
            ),
            14 | 15 => format!(
                r#"{{"name":"vm-{i}","sku":"windows-server-2022/standard","channel":"volume-gvlk","hardware":"virtual","hyperv_host":"hv-{site}","site":"s{site}"}}"#
            ),
            16 => format!(
                r#"{{"name":"srv-{i}","sku":"windows-server-2019/standard","channel":"volume-gvlk","hardware":"physical","site":"s{site}"}}"#
            ),
            17 => format!(
                r#"{{"name":"test-{i}","sku":"windows-server-2025/standard","channel":"volume-gvlk","hardware":"virtual","site":"s{site}"}}"#
            ),
            18 => format!(
                r#"{{"name":"mak-{i}","sku":"windows-11/pro","channel":"volume-mak","hardware":"physical","site":"s{site}","reimages":1}}"#
            ),
            _ => format!(
                r#"{{"name":"retail-{i}","sku":"windows-11/pro","channel":"retail","hardware":"physical","site":"s{site}"}}"#
            ),
        };
        machines.push(m);
    }
    let mut hosts = Vec::new();
    for s in 0..SITES {
        let (os, key, kb) = if s == 0 {
            ("windows-server-2016/standard", "windows-server-2019", "")
        } else {
            (
                "windows-server-2022/standard",
                "windows-server-2022",
                r#""KB5034765""#,
            )
        };
        hosts.push(format!(
            r#"{{"name":"kms-{s}","os":"{os}","host_key":"{key}","updates":[{kb}],"site":"s{s}"}}"#
        ));
        hosts.push(format!(
            r#"{{"name":"kms-office-{s}","os":"windows-server-2022/standard","host_key":"office-ltsc-2021","site":"s{s}"}}"#
        ));
    }
    let waves: Vec<String> = (0..3)
        .map(|w| {
            let names: Vec<String> = (SITES..n)
                .filter(|i| i % 20 <= 9 && i % 7 == w)
                .map(|i| {
                    let prefix = if i % 20 <= 6 { "pc" } else { "lab" };
                    format!("\"{prefix}-{i}\"")
                })
                .collect();
            format!(
                r#"{{"date":"2027-0{}-04T00:00:00Z","machines":[{}]}}"#,
                w + 1,
                names.join(",")
            )
        })
        .collect();
    format!(
        r#"{{"program":"enterprise-agreement","domains":[{{"name":"corp","forest_schema":"windows-server-2016"}}],"machines":[{}],
        "kms_hosts":[{}],
        "mak_keys":[{{"name":"Windows 11 Pro MAK","products":["windows-11/pro"],"activations_remaining":{}}}],
        "rollout":[{}]}}"#,
        machines.join(","),
        hosts.join(","),
        n / 25,
        waves.join(",")
    )
}
