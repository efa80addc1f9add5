//! `plan`: the fleet plan as text, JSON, and a self-contained HTML report.

use std::collections::BTreeMap;

use chrono::Duration;
use volume_activation::plan::{DEFAULT_RISK_HORIZON_DAYS, RecommendedMethod, plan_with_horizon};
use volume_activation::strum::IntoEnumIterator;
use volume_activation::{Fleet, Plan};

use super::{now, parse_date};
use crate::args::PlanArgs;
use crate::fail::{Fail, Outcome, Run};
use crate::html::{Page, WeeklyChart, cards, escape, ordered_list, para, table};
use crate::io::{Output, read_text};

/// Runs `plan`.
pub(crate) fn run(args: &PlanArgs, json: bool, out: &mut Output) -> Run {
    let at = match &args.at {
        Some(t) => parse_date("--at", t)?,
        None => now(),
    };
    let text = read_text(&args.fleet)?;
    let fleet = Fleet::from_json(&text).map_err(|e| Fail::file(&args.fleet, e))?;
    let plan = plan_with_horizon(
        &fleet,
        at,
        args.horizon.unwrap_or(DEFAULT_RISK_HORIZON_DAYS),
    );
    if let Some(path) = &args.html {
        std::fs::write(path, html(&plan)).map_err(|e| Fail::write(path, &e))?;
    }
    if json {
        out.json(&plan)?;
    } else {
        out.write(&format!("{plan}"))?;
    }
    Ok(Outcome::Yes)
}

/// The HTML report: summary, timeline chart, KMS hosts, methods, MAKs, risks, actions,
/// problems.
pub(crate) fn html(plan: &Plan) -> String {
    let day = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d").to_string();
    let mut page = Page::new(
        "Volume activation plan",
        &format!(
            "Planned at {} for {}: {} machines, {} PCs",
            plan.at().format("%Y-%m-%d %H:%M UTC"),
            plan.program().name(),
            plan.machines().len(),
            plan.pcs()
        ),
    );

    // Summary.
    let mut summary = cards(&[
        (plan.machines().len().to_string(), "machines"),
        (plan.risks().len().to_string(), "at risk"),
        (plan.actions().len().to_string(), "actions"),
        (plan.problems().len().to_string(), "problems"),
    ]);
    let rows: Vec<Vec<String>> = RecommendedMethod::iter()
        .map(|m| vec![m.name().to_owned(), plan.count(m).to_string()])
        .collect();
    summary.push_str(&table(&["method", "machines"], &rows));
    summary.push_str(&para(&format!(
        "Risks: machines reaching notification within {} days.",
        plan.horizon_days()
    )));
    page.section("summary", "Summary", &summary);

    // Timeline: notification per week, thresholds reached.
    let horizon_end = plan
        .at()
        .checked_add_signed(Duration::days(i64::from(plan.horizon_days())))
        .unwrap_or(plan.at());
    let end = plan
        .kms_hosts()
        .iter()
        .flat_map(|h| h.projections().iter().filter_map(|p| p.reached_on()))
        .chain(plan.risks().iter().map(|r| r.notification_at()))
        .fold(horizon_end, chrono::DateTime::max);
    let mut chart = WeeklyChart::new(plan.at(), end, "machines reaching notification");
    for r in plan.risks() {
        chart.count(r.notification_at());
    }
    for h in plan.kms_hosts() {
        for p in h.projections() {
            if let Some(t) = p.reached_on() {
                chart.mark(
                    t,
                    format!(
                        "{}: {} threshold {} reached (count {})",
                        h.name(),
                        p.class().name(),
                        p.threshold(),
                        p.count()
                    ),
                );
            }
        }
    }
    let mut timeline = para(
        "Bars: machines reaching notification per week (if nothing changes). Dashed lines: \
         the week a KMS host's count reaches a threshold.",
    );
    timeline.push_str(&chart.svg());
    page.section("timeline", "Timeline", &timeline);

    page.section("kms-hosts", "KMS hosts", &hosts(plan));

    // Machines per method and product.
    let mut per: BTreeMap<(usize, String), u32> = BTreeMap::new();
    for m in plan.machines() {
        let order = RecommendedMethod::iter()
            .position(|x| x == m.method())
            .unwrap_or(usize::MAX);
        let e = per.entry((order, m.sku().to_string())).or_insert(0);
        *e = e.saturating_add(1);
    }
    let methods: Vec<RecommendedMethod> = RecommendedMethod::iter().collect();
    let rows: Vec<Vec<String>> = per
        .iter()
        .map(|((order, sku), n)| {
            let name = methods.get(*order).map_or("", |m| m.name());
            vec![name.to_owned(), sku.clone(), n.to_string()]
        })
        .collect();
    page.section(
        "methods",
        "Machines per method",
        &table(&["method", "product", "machines"], &rows),
    );

    // MAKs.
    let mut rows: Vec<Vec<String>> = plan
        .mak_keys()
        .iter()
        .map(|k| {
            vec![
                k.name().to_owned(),
                k.partial_key().unwrap_or("-").to_owned(),
                k.machines().to_string(),
                k.reimages().to_string(),
                k.balance().needed().to_string(),
                k.balance().remaining().to_string(),
                k.balance().shortfall().to_string(),
            ]
        })
        .collect();
    for x in plan.missing_mak() {
        rows.push(vec![
            format!("(no MAK for {})", x.sku()),
            "-".to_owned(),
            x.machines().to_string(),
            "-".to_owned(),
            x.activations().to_string(),
            "0".to_owned(),
            x.activations().to_string(),
        ]);
    }
    page.section(
        "maks",
        "MAKs",
        &table(
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
        ),
    );

    // Risks, one row per machine, by date (the plan's order).
    let rows: Vec<Vec<String>> = plan
        .risks()
        .iter()
        .map(|r| {
            vec![
                r.machine().to_owned(),
                r.sku().to_string(),
                r.method().to_string(),
                day(r.online()),
                day(r.notification_at()),
                r.cause().name().to_owned(),
            ]
        })
        .collect();
    page.section(
        "risks",
        &format!("Risks (notification within {} days)", plan.horizon_days()),
        &table(
            &[
                "machine",
                "product",
                "method",
                "online",
                "notification",
                "cause",
            ],
            &rows,
        ),
    );

    let actions: Vec<String> = plan.actions().iter().map(ToString::to_string).collect();
    page.section("actions", "Actions", &ordered_list(&actions));

    let rows: Vec<Vec<String>> = plan
        .problems()
        .iter()
        .map(|p| vec![p.severity().to_string(), p.to_string()])
        .collect();
    page.section(
        "problems",
        "Problems",
        &table(&["severity", "problem"], &rows),
    );
    page.finish()
}

/// A sub-section per KMS host: its projections, what it activates, what it cannot.
fn hosts(plan: &Plan) -> String {
    let day = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d").to_string();
    let mut s = para("Windows client and Windows Server share one count; Office has its own.");
    if plan.kms_hosts().is_empty() {
        s.push_str(&para("(none)"));
    }
    for h in plan.kms_hosts() {
        s.push_str(&format!(
            "<h3>{}</h3>\n{}",
            escape(h.name()),
            para(&format!(
                "{} with host key {}{}",
                h.os(),
                h.host_key(),
                h.site().map(|x| format!(", site {x}")).unwrap_or_default()
            ))
        ));
        let rows: Vec<Vec<String>> = h
            .projections()
            .iter()
            .map(|p| {
                vec![
                    p.class().name().to_owned(),
                    p.machines().to_string(),
                    p.count().to_string(),
                    p.threshold().to_string(),
                    p.reached_on().map_or_else(|| "never".to_owned(), day),
                ]
            })
            .collect();
        if rows.is_empty() {
            s.push_str(&para("No KMS clients."));
        } else {
            s.push_str(&table(
                &["class", "machines", "count", "threshold", "reached"],
                &rows,
            ));
        }
        let mut rows: Vec<Vec<String>> = h
            .covers()
            .iter()
            .map(|c| {
                vec![
                    c.sku().to_string(),
                    c.machines().to_string(),
                    "activates".to_owned(),
                    String::new(),
                ]
            })
            .collect();
        for u in h.uncovered() {
            let code = u
                .denial()
                .hresult()
                .map(|c| format!(" (0x{c:08X})"))
                .unwrap_or_default();
            let fix = u.fix().map(|f| f.to_string()).unwrap_or_default();
            rows.push(vec![
                u.sku().to_string(),
                u.machines().to_string(),
                format!("cannot: {}{code}", u.denial()),
                fix,
            ]);
        }
        s.push_str(&table(&["product", "machines", "answer", "fix"], &rows));
    }
    s
}
