//! `check`: can this KMS host activate that client? Exit 0 yes, 1 no, 3 undocumented.

use serde::Serialize;
use volume_activation::catalog::{Answer, Confidence, Coverage, Kb};
use volume_activation::rules::{Activation, UpdateNeed, activation_threshold, required_update};
use volume_activation::{Channel, Denial, KmsHost, KmsHostKey, Sku, check_activation};

use super::{SourceJson, distinct, parse_sku, parse_sku_or_release, source_lines};
use crate::args::CheckArgs;
use crate::fail::{Fail, Outcome, Run};
use crate::io::Output;

/// A coverage answer in the JSON output.
#[derive(Debug, Serialize)]
struct CoverageJson {
    answer: Answer,
    basis: String,
    basis_name: &'static str,
    confidence: Confidence,
}

impl From<Coverage> for CoverageJson {
    fn from(c: Coverage) -> CoverageJson {
        CoverageJson {
            answer: c.answer(),
            basis: c.basis().to_string(),
            basis_name: c.basis().name(),
            confidence: c.confidence(),
        }
    }
}

/// The answer of `check --json`.
#[derive(Debug, Serialize)]
struct CheckJson {
    host_os: String,
    host_os_note: Option<String>,
    host_key: String,
    client: String,
    channel: String,
    count: u32,
    /// Whether the count was taken as the client's threshold (no `--count`).
    count_assumed: bool,
    updates: Vec<String>,
    /// Whether the updates are those the key and client need (no `--kb`).
    updates_assumed: bool,
    /// `yes`, `no` or `undocumented`.
    answer: &'static str,
    coverage: Option<CoverageJson>,
    denial: Option<String>,
    error_code: Option<String>,
    error_symbol: Option<&'static str>,
    validity_days: Option<i64>,
    renewal_days: Option<i64>,
    sources: Vec<SourceJson>,
}

/// Runs `check`.
pub(crate) fn run(args: &CheckArgs, json: bool, out: &mut Output) -> Run {
    let (os, os_note) = parse_sku_or_release(&args.host_os)?;
    let key = KmsHostKey::parse_lenient(&args.host_key)?;
    let client: Sku = parse_sku(&args.client)?;
    let channel = Channel::parse_lenient(&args.channel)?;
    let count = args.count.unwrap_or_else(|| activation_threshold(client));
    let mut host = KmsHost::new(os, key);
    let updates_assumed = args.kbs.is_empty();
    if updates_assumed {
        for release in [key.issued_for(), client.release()] {
            let need = required_update(os.release(), release);
            if need.need() == UpdateNeed::Required {
                if let Some(kb) = need.kb() {
                    if !host.has_update(kb) {
                        host = host.with_update(kb);
                    }
                }
            }
        }
    } else {
        for kb in &args.kbs {
            let kb: Kb = kb.parse().map_err(|e| Fail::new(format!("--kb: {e}")))?;
            host = host.with_update(kb);
        }
    }
    let result = check_activation(&host, client, channel, count);
    let (outcome, answer) = match &result {
        Ok(_) => (Outcome::Yes, "yes"),
        Err(d) if undocumented(d) => (Outcome::Undocumented, "undocumented"),
        Err(_) => (Outcome::No, "no"),
    };
    let report = CheckJson {
        host_os: os.to_string(),
        host_os_note: os_note,
        host_key: key.to_string(),
        client: client.to_string(),
        channel: channel.to_string(),
        count,
        count_assumed: args.count.is_none(),
        updates: host.updates().iter().map(ToString::to_string).collect(),
        updates_assumed,
        answer,
        coverage: match &result {
            Ok(a) => Some(a.key_coverage().into()),
            Err(d) => d.coverage().map(Into::into),
        },
        denial: result.as_ref().err().map(ToString::to_string),
        error_code: result
            .as_ref()
            .err()
            .and_then(Denial::hresult)
            .map(|c| format!("0x{c:08X}")),
        error_symbol: result
            .as_ref()
            .err()
            .and_then(Denial::error_code)
            .and_then(|c| c.symbol()),
        validity_days: result.as_ref().ok().map(|a| a.validity().num_days()),
        renewal_days: result
            .as_ref()
            .ok()
            .map(|a| a.renewal_interval().num_days()),
        sources: match &result {
            Ok(a) => distinct(a.sources()),
            Err(d) => distinct(d.sources().iter().copied()),
        }
        .into_iter()
        .map(Into::into)
        .collect(),
    };
    if json {
        out.json(&report)?;
    } else {
        out.write(&text(&report, &result, key, client))?;
    }
    Ok(outcome)
}

/// Whether a denial is Microsoft's silence rather than a documented or derived no.
fn undocumented(d: &Denial) -> bool {
    matches!(
        d,
        Denial::CoverageUndocumented { .. }
            | Denial::HostOsUndocumented { .. }
            | Denial::UpdateUndocumented { .. }
    )
}

fn text(
    r: &CheckJson,
    result: &Result<Activation, Denial>,
    key: KmsHostKey,
    client: Sku,
) -> String {
    let mut t = format!(
        "host OS:   {}{}\nhost key:  {}\nclient:    {} ({})\n",
        r.host_os,
        r.host_os_note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default(),
        key.name(),
        client.name(),
        r.channel,
    );
    if r.count_assumed {
        t.push_str(&format!(
            "KMS count: {} (no --count: taken as meeting the threshold; the question is coverage)\n",
            r.count
        ));
    } else {
        t.push_str(&format!("KMS count: {}\n", r.count));
    }
    match (r.updates.is_empty(), r.updates_assumed) {
        (true, true) => t.push_str("updates:   none needed by the key or the client\n"),
        (true, false) => {}
        (false, true) => t.push_str(&format!(
            "updates:   {} (no --kb: taken as installed, as the key and client need them)\n",
            r.updates.join(", ")
        )),
        (false, false) => t.push_str(&format!("updates:   {}\n", r.updates.join(", "))),
    }
    t.push('\n');
    let coverage = |t: &mut String, c: &CoverageJson| {
        t.push_str(&format!(
            "  {}, confidence {}: {}\n",
            c.answer.name(),
            c.confidence,
            c.basis_name
        ));
    };
    match result {
        Ok(a) => {
            t.push_str("answer: yes\n");
            if let Some(c) = &r.coverage {
                coverage(&mut t, c);
            }
            t.push_str(&format!(
                "  activation valid {} days, renewed every {} days\n",
                a.validity().num_days(),
                a.renewal_interval().num_days()
            ));
            t.push_str("sources:\n");
            t.push_str(&source_lines(&distinct(a.sources())));
        }
        Err(d) => {
            t.push_str(&format!("answer: {}\n  {d}\n", r.answer));
            if let Some(c) = &r.coverage {
                coverage(&mut t, c);
            }
            match (&r.error_code, r.error_symbol) {
                (Some(code), Some(sym)) => t.push_str(&format!("  error code {code} ({sym})\n")),
                (Some(code), None) => t.push_str(&format!("  error code {code}\n")),
                _ => t.push_str("  no Windows error code is documented for this case\n"),
            }
            t.push_str("sources:\n");
            t.push_str(&source_lines(&distinct(d.sources().iter().copied())));
        }
    }
    t
}
