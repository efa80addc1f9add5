//! The text report of a [`Plan`]: summary, KMS hosts, methods, MAKs, risks, actions, problems.

use std::collections::HashMap;
use std::fmt;
use strum::VariantArray;

use crate::catalog::Sku;
use crate::plan::method::RecommendedMethod;
use crate::plan::planner::{Plan, SkuKey};

/// Risks listed one by one before the rest are summed up.
const RISKS_LISTED: usize = 20;

/// Writes rows as left-aligned columns (numbers right-aligned), two spaces apart, indented.
pub(crate) fn table(
    f: &mut fmt::Formatter<'_>,
    header: &[&str],
    rows: &[Vec<String>],
) -> fmt::Result {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    // A column of counts (digits, or "-" for none) is right-aligned.
    let count = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let numeric: Vec<bool> = (0..header.len())
        .map(|c| {
            let cells = || rows.iter().filter_map(|r| r.get(c));
            cells().any(|s| count(s)) && cells().all(|s| count(s) || s == "-")
        })
        .collect();
    let line = |f: &mut fmt::Formatter<'_>, cells: &mut dyn Iterator<Item = &str>| {
        f.write_str("  ")?;
        let mut out = String::new();
        for ((cell, w), num) in cells.zip(&widths).zip(&numeric) {
            if !out.is_empty() {
                out.push_str("  ");
            }
            if *num {
                out.push_str(&format!("{cell:>w$}"));
            } else {
                out.push_str(&format!("{cell:<w$}"));
            }
        }
        writeln!(f, "{}", out.trim_end())
    };
    line(f, &mut header.iter().copied())?;
    for row in rows {
        line(f, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

impl fmt::Display for Plan {
    /// The text report: a summary first, then a table per KMS host and per method, the MAKs,
    /// the risks, the actions to take, and the fleet's problems.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d").to_string();
        writeln!(
            f,
            "Volume activation plan at {} ({}, {} machines, {} PCs)",
            self.at.format("%Y-%m-%d %H:%M UTC"),
            self.program.name(),
            self.machines.len(),
            self.pcs
        )?;
        writeln!(f)?;
        writeln!(f, "Summary")?;
        let rows: Vec<Vec<String>> = RecommendedMethod::VARIANTS
            .iter()
            .map(|&m| vec![m.name().to_owned(), self.count(m).to_string()])
            .collect();
        table(f, &["method", "machines"], &rows)?;
        writeln!(
            f,
            "  {} risks within {} days, {} actions, {} problems",
            self.risks.len(),
            self.horizon_days,
            self.actions.len(),
            self.problems.len()
        )?;

        writeln!(f)?;
        writeln!(f, "KMS hosts")?;
        writeln!(
            f,
            "  (Windows client and Windows Server share one count; Office has its own)"
        )?;
        if self.kms_hosts.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for h in &self.kms_hosts {
            writeln!(
                f,
                "  {}: {} with host key {}{}",
                h.name,
                h.os,
                h.host_key,
                h.site
                    .as_deref()
                    .map(|s| format!(", site {s}"))
                    .unwrap_or_default()
            )?;
            if h.projections.is_empty() {
                writeln!(f, "    no kms clients")?;
            } else {
                let rows: Vec<Vec<String>> = h
                    .projections
                    .iter()
                    .map(|p| {
                        vec![
                            p.class.name().to_owned(),
                            p.machines.to_string(),
                            p.count.to_string(),
                            p.threshold.to_string(),
                            p.reached_on.map_or_else(|| "never".to_owned(), day),
                        ]
                    })
                    .collect();
                table(
                    f,
                    &["  class", "machines", "count", "threshold", "reached"],
                    &rows
                        .into_iter()
                        .map(|mut r| {
                            if let Some(c) = r.first_mut() {
                                c.insert_str(0, "  ");
                            }
                            r
                        })
                        .collect::<Vec<_>>(),
                )?;
            }
            if !h.covers.is_empty() {
                let list: Vec<String> = h
                    .covers
                    .iter()
                    .map(|c| format!("{} x {}", c.machines, c.sku))
                    .collect();
                writeln!(f, "    activates: {}", list.join(", "))?;
            }
            self.write_uncovered(f, h)?;
        }

        writeln!(f)?;
        writeln!(f, "Machines per method")?;
        let mut per: HashMap<(RecommendedMethod, Sku), u32> = HashMap::new();
        for m in &self.machines {
            let e = per.entry((m.method, m.sku)).or_insert(0);
            *e = e.saturating_add(1);
        }
        let mut per: Vec<_> = per.into_iter().collect();
        let order = |m: RecommendedMethod| RecommendedMethod::VARIANTS.iter().position(|&x| x == m);
        per.sort_by(|((ma, sa), na), ((mb, sb), nb)| {
            order(*ma)
                .cmp(&order(*mb))
                .then_with(|| nb.cmp(na))
                .then_with(|| sa.as_str_pair().cmp(&sb.as_str_pair()))
        });
        let rows: Vec<Vec<String>> = per
            .iter()
            .map(|((m, s), n)| vec![m.as_ref().to_owned(), s.to_string(), n.to_string()])
            .collect();
        table(f, &["method", "product", "machines"], &rows)?;

        writeln!(f)?;
        writeln!(f, "MAKs")?;
        if self.mak_keys.is_empty() && self.missing_mak.is_empty() {
            writeln!(f, "  (none)")?;
        } else {
            let mut rows: Vec<Vec<String>> = self
                .mak_keys
                .iter()
                .map(|k| {
                    vec![
                        k.name.clone(),
                        k.partial_key.clone().unwrap_or_else(|| "-".to_owned()),
                        k.machines.to_string(),
                        k.reimages.to_string(),
                        k.balance.needed().to_string(),
                        k.balance.remaining().to_string(),
                        k.balance.shortfall().to_string(),
                    ]
                })
                .collect();
            for x in &self.missing_mak {
                rows.push(vec![
                    format!("(no mak for {})", x.sku),
                    "-".to_owned(),
                    x.machines.to_string(),
                    "-".to_owned(),
                    x.activations.to_string(),
                    "0".to_owned(),
                    x.activations.to_string(),
                ]);
            }
            table(
                f,
                &[
                    "key",
                    "ends",
                    "machines",
                    "reimages",
                    "needed",
                    "remaining",
                    "short",
                ],
                &rows,
            )?;
        }

        writeln!(f)?;
        writeln!(f, "Risks (notification within {} days)", self.horizon_days)?;
        if self.risks.is_empty() {
            writeln!(f, "  (none)")?;
        } else {
            // Machines with the same product, method, dates and cause are one row.
            // Grouped through a hash index (first-seen order kept in `groups`): a linear
            // search made printing quadratic in the number of risks.
            let mut groups: Vec<(&crate::plan::risk::Risk, u32)> = Vec::new();
            let mut index: HashMap<_, usize> = HashMap::new();
            for r in &self.risks {
                let key = (r.sku, r.method, r.online, r.notification_at, r.cause);
                match index.get(&key).and_then(|&j| groups.get_mut(j)) {
                    Some((_, n)) => *n = n.saturating_add(1),
                    None => {
                        index.insert(key, groups.len());
                        groups.push((r, 1));
                    }
                }
            }
            let rows: Vec<Vec<String>> = groups
                .iter()
                .take(RISKS_LISTED)
                .map(|(r, n)| {
                    vec![
                        n.to_string(),
                        if *n > 1 {
                            format!("{} ...", r.machine)
                        } else {
                            r.machine.to_string()
                        },
                        r.sku.to_string(),
                        r.method.as_ref().to_owned(),
                        day(r.online),
                        day(r.notification_at),
                        r.cause.name().to_owned(),
                    ]
                })
                .collect();
            table(
                f,
                &[
                    "machines",
                    "first",
                    "product",
                    "method",
                    "online",
                    "notification",
                    "cause",
                ],
                &rows,
            )?;
            let rest = groups.len().saturating_sub(RISKS_LISTED);
            if rest > 0 {
                writeln!(f, "  ... and {rest} more groups")?;
            }
        }

        writeln!(f)?;
        writeln!(f, "Actions")?;
        if self.actions.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for (i, a) in self.actions.iter().enumerate() {
            writeln!(f, "  {}. {a}", i.saturating_add(1))?;
        }

        writeln!(f)?;
        writeln!(f, "Problems")?;
        if self.problems.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for p in &self.problems {
            writeln!(f, "  {}: {p}", p.severity())?;
        }
        Ok(())
    }
}

impl Plan {
    fn write_uncovered(
        &self,
        f: &mut fmt::Formatter<'_>,
        h: &crate::plan::host_plan::HostPlan,
    ) -> fmt::Result {
        if h.uncovered.is_empty() {
            return Ok(());
        }
        writeln!(f, "    cannot activate:")?;
        for u in &h.uncovered {
            write!(f, "      {} x {}: {}", u.machines, u.sku, u.denial)?;
            if let Some(code) = u.denial.hresult() {
                write!(f, " (0x{code:08X})")?;
            }
            if let Some(fix) = u.fix {
                write!(f, "; fix: {fix}")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
