//! Self-contained HTML reports: one file, inline CSS and SVG, no scripts, no external assets,
//! readable in a browser and printable. Shared by the reports of `plan` and `status`.
//!
//! The markup is also well-formed XML (every element closed, void elements self-closed,
//! text escaped), which the tests check.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

/// The page's style: plain, printable (tables do not split rows; sections start cleanly).
const STYLE: &str = "
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2em auto;
  max-width: 72em; padding: 0 1em; color: #1b1b1b; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #0b5cad; padding-bottom: 0.2em; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.92em; max-width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #eef3f9; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; }
.cards { display: flex; flex-wrap: wrap; gap: 0.8em; margin: 0.8em 0; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 0.5em 0.9em; min-width: 9em; }
.card b { display: block; font-size: 1.5em; }
.legend { color: #0b5cad; }
svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
";

/// Escapes text for an element's content or an attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An HTML page being built: a title, a line under it, and sections.
pub(crate) struct Page {
    title: String,
    body: String,
}

impl Page {
    /// A page with this title and a line of context under it.
    pub(crate) fn new(title: &str, meta: &str) -> Page {
        Page {
            title: title.to_owned(),
            body: format!(
                "<h1>{}</h1>\n<p class=\"meta\">{}</p>\n",
                escape(title),
                escape(meta)
            ),
        }
    }

    /// Adds a section with an `id` (for links and tests), a heading, and its HTML content.
    pub(crate) fn section(&mut self, id: &str, heading: &str, content: &str) {
        self.body.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n{content}</section>\n",
            escape(id),
            escape(heading)
        ));
    }

    /// The whole document.
    pub(crate) fn finish(self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{}\
             <footer><p class=\"meta\">volume-activation {} (data version {})</p></footer>\n\
             </body>\n</html>\n",
            escape(&self.title),
            self.body,
            env!("CARGO_PKG_VERSION"),
            volume_activation::DATA_VERSION
        )
    }
}

/// Summary cards: a big number and a label each.
pub(crate) fn cards(items: &[(String, &str)]) -> String {
    let mut out = String::from("<div class=\"cards\">\n");
    for (value, label) in items {
        out.push_str(&format!(
            "<div class=\"card\"><b>{}</b>{}</div>\n",
            escape(value),
            escape(label)
        ));
    }
    out.push_str("</div>\n");
    out
}

/// A paragraph of text.
pub(crate) fn para(text: &str) -> String {
    format!("<p>{}</p>\n", escape(text))
}

/// A table; cells that are whole numbers are right-aligned, and a line may break after a
/// `/` in a long word (paths would otherwise widen a column past the page).
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    if rows.is_empty() {
        return para("(none)");
    }
    let mut out = String::from("<table>\n<thead><tr>");
    for h in header {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let numeric = !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit());
            let class = if numeric { " class=\"num\"" } else { "" };
            let text = breakable(cell);
            out.push_str(&format!("<td{class}>{text}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// Words longer than this may break after a `/`.
const LONG_WORD: usize = 24;

/// Escaped text where each long word may break after its `/`s (`<wbr />`).
fn breakable(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let word = escape(word);
            if word.chars().count() > LONG_WORD {
                word.replace('/', "/<wbr />")
            } else {
                word
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A numbered list.
pub(crate) fn ordered_list(items: &[String]) -> String {
    if items.is_empty() {
        return para("(none)");
    }
    let mut out = String::from("<ol>\n");
    for i in items {
        out.push_str(&format!("<li>{}</li>\n", escape(i)));
    }
    out.push_str("</ol>\n");
    out
}

/// Weeks a chart shows at most (two years); later events are counted in the last bar's note.
const MAX_WEEKS: i64 = 104;

/// A weekly timeline: bars (machines per week) and dated markers (a threshold reached).
pub(crate) struct WeeklyChart {
    /// The first day shown (the chart starts on the Monday of its week).
    start: DateTime<Utc>,
    /// Counts per week from `start`.
    bars: Vec<u32>,
    /// Dated markers with their labels.
    markers: Vec<(DateTime<Utc>, String)>,
    /// What the bars count.
    bar_label: String,
}

impl WeeklyChart {
    /// A chart from the week of `start` through the week of `end` (at most two years).
    pub(crate) fn new(start: DateTime<Utc>, end: DateTime<Utc>, bar_label: &str) -> WeeklyChart {
        let into_day = Duration::days(i64::from(start.weekday().num_days_from_monday()))
            .checked_add(&Duration::seconds(i64::from(
                start.num_seconds_from_midnight(),
            )))
            .unwrap_or_default();
        let monday = start.checked_sub_signed(into_day).unwrap_or(start);
        let weeks = end
            .signed_duration_since(monday)
            .num_days()
            .div_euclid(7)
            .saturating_add(1)
            .clamp(1, MAX_WEEKS);
        WeeklyChart {
            start: monday,
            bars: vec![0; usize::try_from(weeks).unwrap_or(1)],
            markers: Vec::new(),
            bar_label: bar_label.to_owned(),
        }
    }

    /// The week index of `t`, clamped into the chart.
    fn week(&self, t: DateTime<Utc>) -> usize {
        let w = t
            .signed_duration_since(self.start)
            .num_days()
            .div_euclid(7)
            .max(0);
        usize::try_from(w)
            .unwrap_or(0)
            .min(self.bars.len().saturating_sub(1))
    }

    /// The first day of week `i`.
    fn week_start(&self, i: usize) -> DateTime<Utc> {
        let weeks = Duration::weeks(i64::try_from(i).unwrap_or(0));
        self.start.checked_add_signed(weeks).unwrap_or(self.start)
    }

    /// One more machine in the week of `t`.
    pub(crate) fn count(&mut self, t: DateTime<Utc>) {
        let w = self.week(t);
        if let Some(b) = self.bars.get_mut(w) {
            *b = b.saturating_add(1);
        }
    }

    /// A dated marker.
    pub(crate) fn mark(&mut self, t: DateTime<Utc>, label: String) {
        self.markers.push((t, label));
    }

    /// The chart as inline SVG (a title on each bar and line is its tooltip), followed by
    /// the markers' legend as a numbered list. Pixel positions are `f64`: at most
    /// [`MAX_WEEKS`] bars, so every value is small.
    pub(crate) fn svg(&self) -> String {
        const LEFT: f64 = 48.0;
        const TOP: f64 = 24.0;
        const PLOT_W: f64 = 960.0;
        const PLOT_H: f64 = 240.0;
        // Pixels between two date labels at least.
        const LABEL_GAP: f64 = 90.0;
        let n = f64::from(u32::try_from(self.bars.len()).unwrap_or(1).max(1));
        let bar_w = (PLOT_W / n).clamp(4.0, 60.0);
        let plot_w = bar_w * n;
        let right = LEFT + plot_w;
        let base = TOP + PLOT_H;
        let width = right + 24.0;
        let height = base + 40.0;
        let max = f64::from(self.bars.iter().copied().max().unwrap_or(0).max(1));
        let y_of = |v: f64| base - v * PLOT_H / max;
        let x_of = |week: usize| LEFT + f64::from(u32::try_from(week).unwrap_or(0)) * bar_w;
        let mut s = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" \
             font-family=\"sans-serif\" font-size=\"12\">\n",
            escape(&self.bar_label)
        );
        // Grid and y scale (0, half, max).
        let top_value = self.bars.iter().copied().max().unwrap_or(0).max(1);
        for v in [0, top_value / 2, top_value] {
            let y = y_of(f64::from(v));
            s.push_str(&format!(
                "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#ddd\" />\n\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{v}</text>\n",
                LEFT - 6.0,
                y + 4.0
            ));
        }
        s.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{base}\" stroke=\"#333\" />\n\
             <line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{right}\" y2=\"{base}\" stroke=\"#333\" />\n"
        ));
        // A date label every few weeks, at least LABEL_GAP pixels apart (whole weeks, >= 1).
        let label_every = (1..=self.bars.len().max(1))
            .find(|k| f64::from(u32::try_from(*k).unwrap_or(u32::MAX)) * bar_w >= LABEL_GAP)
            .unwrap_or(1);
        for (i, &v) in self.bars.iter().enumerate() {
            let x = x_of(i);
            let week_start = self.week_start(i);
            if v > 0 {
                let y = y_of(f64::from(v));
                s.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#c0392b\">\
                     <title>{}: {v} {}</title></rect>\n\
                     <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\">{v}</text>\n",
                    x + 1.0,
                    (bar_w - 2.0).max(1.0),
                    base - y,
                    week_start.format("week of %Y-%m-%d"),
                    escape(&self.bar_label),
                    x + bar_w / 2.0,
                    y - 3.0,
                ));
            }
            if i.checked_rem(label_every) == Some(0) {
                s.push_str(&format!(
                    "<line x1=\"{x:.1}\" y1=\"{base}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#333\" />\n\
                     <text x=\"{x:.1}\" y=\"{:.1}\">{}</text>\n",
                    base + 5.0,
                    base + 20.0,
                    week_start.format("%Y-%m-%d")
                ));
            }
        }
        // Markers, by date: a dashed line in the marker's week, numbered; the list below
        // names them.
        let mut markers: Vec<&(DateTime<Utc>, String)> = self.markers.iter().collect();
        markers.sort_by_key(|(t, _)| *t);
        let mut legend = String::from("<ol class=\"legend\">\n");
        for (k, (t, label)) in markers.into_iter().enumerate() {
            let x = x_of(self.week(*t)) + bar_w / 2.0;
            let number = k.saturating_add(1);
            let row = f64::from(u32::try_from(k % 6).unwrap_or(0));
            s.push_str(&format!(
                "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{base}\" stroke=\"#0b5cad\" \
                 stroke-width=\"2\" stroke-dasharray=\"5 4\"><title>{}</title></line>\n\
                 <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#0b5cad\" font-weight=\"bold\">{number}</text>\n",
                escape(label),
                x + 4.0,
                TOP + 10.0 + row * 14.0
            ));
            legend.push_str(&format!(
                "<li>{} {}</li>\n",
                t.format("%Y-%m-%d"),
                escape(label)
            ));
        }
        legend.push_str("</ol>\n");
        s.push_str("</svg>\n");
        if !self.markers.is_empty() {
            s.push_str(&legend);
        }
        s
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn escape_covers_markup_characters() {
        assert_eq!(
            escape("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn only_long_words_break_after_a_slash() {
        assert_eq!(
            breakable("Windows 10/11 Pro & examples/data/captures/pc-002.txt,"),
            "Windows 10/11 Pro &amp; examples/<wbr />data/<wbr />captures/<wbr />pc-002.txt,"
        );
    }

    #[test]
    fn chart_weeks_start_on_monday_and_clamp() {
        // 2026-12-01 is a Tuesday.
        let t = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mut c = WeeklyChart::new(t, t + Duration::days(20), "machines");
        assert_eq!(
            c.start,
            Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap()
        );
        // Through the week of 2026-12-21 (the end): four weeks.
        assert_eq!(c.bars.len(), 4);
        c.count(t);
        c.count(t + Duration::days(6));
        c.count(t + Duration::days(400));
        c.count(t - Duration::days(30));
        assert_eq!(c.bars, vec![2, 1, 0, 1]);
        let long = WeeklyChart::new(t, t + Duration::days(5000), "m");
        assert_eq!(long.bars.len(), 104);
    }
}
