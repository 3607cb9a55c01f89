//! Reports of an evaluation: Markdown, a self-contained HTML page, CSV and JSON.
//!
//! Each function is pure and returns the whole document as a `String`. Every text that
//! comes from the plan is escaped for the target format.
//!
//! ```
//! use ctg_core::evaluation::{compare, evaluate, report};
//! let plan = ctg_core::civraisien::plan();
//! let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let evaluation = evaluate(&plan, d(2021, 12, 31));
//! let since = compare(&evaluate(&plan, d(2020, 12, 31)), &evaluation);
//! let page = report::html(&evaluation, Some(&since));
//! assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));
//! assert!(report::markdown(&evaluation, None).starts_with("# Évaluation"));
//! assert!(report::csv(&evaluation).starts_with("type,id,"));
//! ```

use super::compare::Comparison;
use super::engine::{Contribution, Evaluation, IndicatorEvaluation, Level, NodeEvaluation};
use super::rules::EvaluationRules;
use crate::vocabulary::{Direction, Status};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::fmt::Write;

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A date the French way: `31 décembre 2021` (`1er` for the first day).
pub fn date_fr(date: NaiveDate) -> String {
    let day = if date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!("{day} {} {}", MONTHS[date.month0() as usize], date.year())
}

/// A progress figure as a percentage (`45 %`), or `—` when unknown.
pub fn percent(value: Option<f64>) -> String {
    match value {
        Some(v) => format!("{}\u{a0}%", (v * 100.0).round() as i64),
        None => "—".to_owned(),
    }
}

/// A number the French way (`12,5`), or `—`.
pub fn number(value: Option<f64>) -> String {
    value
        .map(super::engine::fmt_num)
        .unwrap_or_else(|| "—".to_owned())
}

/// The French label of a status, `non évalué` for none.
pub fn status_label(status: Option<&Status>) -> &str {
    status.map(|s| s.label_fr()).unwrap_or("non évalué")
}

/// Escapes a text for HTML (`&`, `<`, `>`, `"`, `'`).
pub fn escape_html(text: &str) -> String {
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

/// Escapes a text for a Markdown table cell: pipes, line breaks, HTML and emphasis marks.
pub fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '*' | '_' | '`' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Quotes a CSV field when needed (RFC 4180).
pub fn escape_csv(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn composition(contributions: &[Contribution]) -> String {
    if contributions.is_empty() {
        return "aucun élément".to_owned();
    }
    contributions
        .iter()
        .map(|c| {
            let mut text = format!("{} (poids {}) : ", c.id, number(Some(c.weight)));
            match (&c.reason, c.included) {
                (Some(reason), false) => text.push_str(reason),
                (Some(reason), true) => {
                    let _ = write!(text, "{} ({reason})", percent(c.progress));
                }
                (None, _) => text.push_str(&percent(c.progress)),
            }
            text
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The id of the axis each node and indicator belongs to.
fn axis_of(evaluation: &Evaluation) -> HashMap<&str, &str> {
    let mut parent: HashMap<&str, &str> = HashMap::new();
    for node in &evaluation.nodes {
        if let Some(p) = &node.parent {
            parent.insert(node.id.as_str(), p.as_str());
        }
    }
    let mut axis = HashMap::new();
    for node in &evaluation.nodes {
        let mut id = node.id.as_str();
        let mut guard = 0;
        while let Some(&p) = parent.get(id) {
            if p == evaluation.plan.id || guard > 8 {
                break;
            }
            id = p;
            guard += 1;
        }
        axis.insert(node.id.as_str(), id);
    }
    axis
}

fn rules_lines(rules: &EvaluationRules) -> Vec<String> {
    let mut lines = Vec::new();
    for band in &rules.bands {
        let from = band.from.map(|v| format!("écart ≥ {}", number(Some(v))));
        let to = band.to.map(|v| format!("écart < {}", number(Some(v))));
        let range = match (from, to) {
            (Some(a), Some(b)) => format!("{a} et {b}"),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => "tout écart".to_owned(),
        };
        lines.push(format!(
            "{} : {range} (écart = avancement − avancement attendu)",
            band.status.label_fr()
        ));
    }
    lines.push(format!(
        "données trop anciennes : dernière mesure de plus de {} mois",
        rules.max_age_months
    ));
    lines.push(format!(
        "atteint : avancement ≥ {}",
        percent(Some(rules.achieved_at))
    ));
    lines.push(match rules.missing_data {
        super::MissingData::Exclude => "éléments sans données : écartés du calcul".to_owned(),
        super::MissingData::Zero => "éléments sans données : comptés comme 0".to_owned(),
    });
    let ap = &rules.action_progress;
    let f = |v: Option<f64>| {
        v.map(|v| percent(Some(v)))
            .unwrap_or_else(|| "écartée".to_owned())
    };
    lines.push(format!(
        "fiches actions sans indicateur : prévue {}, engagée {}, réalisée {}, reportée {}, abandonnée {}",
        f(ap.prevue),
        f(ap.engagee),
        f(ap.realisee),
        f(ap.reportee),
        f(ap.abandonnee)
    ));
    lines
}

fn target_text(ind: &IndicatorEvaluation) -> String {
    match (&ind.direction, ind.range, &ind.target) {
        (Direction::Fourchette, Some((lo, hi)), t) | (Direction::Maintien, Some((lo, hi)), t) => {
            let mut text = format!("entre {} et {}", number(Some(lo)), number(Some(hi)));
            if let Some(t) = t {
                let _ = write!(text, " au {}", date_fr(t.date));
            }
            text
        }
        (_, _, Some(t)) => format!("{} au {}", number(Some(t.value)), date_fr(t.date)),
        _ => "—".to_owned(),
    }
}

fn baseline_text(ind: &IndicatorEvaluation) -> String {
    ind.baseline
        .as_ref()
        .map(|b| format!("{} au {}", number(Some(b.value)), date_fr(b.date)))
        .unwrap_or_else(|| "—".to_owned())
}

fn actual_text(ind: &IndicatorEvaluation) -> String {
    match (ind.actual, ind.last_measurement) {
        (Some(v), Some(d)) => format!("{} au {}", number(Some(v)), date_fr(d)),
        _ => "pas de mesure".to_owned(),
    }
}

const ILLUSTRATIVE_NOTE: &str = "Certains indicateurs portent des valeurs illustratives (marquées « illustratif ») : elles montrent le fonctionnement du suivi et ne sont pas des mesures réelles.";

/// The evaluation as a Markdown document (French), with the comparison if one is given.
pub fn markdown(evaluation: &Evaluation, comparison: Option<&Comparison>) -> String {
    let mut md = String::new();
    let e = evaluation;
    let _ = writeln!(md, "# Évaluation : {}\n", escape_md(&e.plan_title));
    let _ = writeln!(
        md,
        "Évaluation au {} — période du plan du {} au {}.\n",
        date_fr(e.at),
        date_fr(e.period.start),
        date_fr(e.period.end)
    );
    if e.illustrative {
        let _ = writeln!(md, "> **Attention :** {ILLUSTRATIVE_NOTE}\n");
    }
    let _ = writeln!(
        md,
        "**Plan : {} — avancement {}, attendu {}.**\n",
        status_label(e.plan.status.as_ref()),
        percent(e.plan.progress),
        percent(e.plan.expected)
    );
    md.push_str("## Avancement par axe\n\n| Axe | Avancement | Attendu | Statut | Poids | Composition |\n|---|---|---|---|---|---|\n");
    for axis in e.nodes.iter().filter(|n| n.level == Level::Axe) {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            escape_md(&axis.title),
            percent(axis.progress),
            percent(axis.expected),
            node_status_md(axis),
            number(Some(axis.weight)),
            escape_md(&composition(&axis.contributions))
        );
    }
    if let Some(c) = comparison {
        md.push_str(&comparison_md(c));
    }
    md.push_str("\n## Objectifs et fiches actions\n\n| Niveau | Élément | Avancement | Attendu | Statut | Composition |\n|---|---|---|---|---|---|\n");
    for node in e.nodes.iter().filter(|n| n.level != Level::Axe) {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            node.level.label_fr(),
            escape_md(&node.title),
            percent(node.progress),
            percent(node.expected),
            node_status_md(node),
            escape_md(&composition(&node.contributions))
        );
    }
    md.push_str("\n## Indicateurs\n\n| Indicateur | Rattaché à | Référence | Cible | Valeur | Avancement | Attendu | Statut |\n|---|---|---|---|---|---|---|---|\n");
    for ind in &e.indicators {
        let mut label = escape_md(&ind.label);
        if ind.illustrative {
            label.push_str(" (illustratif)");
        }
        let _ = writeln!(
            md,
            "| {label} ({}) | {} | {} | {} | {} | {} | {} | {} |",
            escape_md(&ind.unit),
            escape_md(&ind.node),
            baseline_text(ind),
            target_text(ind),
            actual_text(ind),
            percent(ind.progress),
            percent(ind.expected),
            indicator_status_md(ind)
        );
    }
    let warnings = grouped_warnings(e);
    let overrides = overrides_of(e);
    if !overrides.is_empty() {
        md.push_str("\n## Statuts forcés\n\n");
        for (id, title, status, computed, reason) in &overrides {
            let _ = writeln!(
                md,
                "- **{}** ({}) : {} (calculé : {}) — raison : {}",
                escape_md(title),
                escape_md(id),
                status.label_fr(),
                status_label(computed.as_ref()),
                escape_md(reason)
            );
        }
    }
    if !warnings.is_empty() {
        md.push_str("\n## Avertissements\n\n");
        for (w, ids) in warnings {
            let _ = writeln!(md, "- {} : {}", escape_md(&w), escape_md(&ids.join(", ")));
        }
    }
    md.push_str("\n## Règles appliquées\n\n");
    for line in rules_lines(&e.rules) {
        let _ = writeln!(md, "- {line}");
    }
    md
}

/// The warnings of every node and indicator, each with the ids it concerns, in order of
/// first appearance.
fn grouped_warnings(e: &Evaluation) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let all = std::iter::once(&e.plan)
        .chain(e.nodes.iter())
        .flat_map(|n| n.warnings.iter().map(move |w| (&n.id, w)))
        .chain(
            e.indicators
                .iter()
                .flat_map(|i| i.warnings.iter().map(move |w| (&i.id, w))),
        );
    for (id, w) in all {
        match index.get(w.as_str()) {
            Some(&k) => groups[k].1.push(id.clone()),
            None => {
                index.insert(w.as_str(), groups.len());
                groups.push((w.clone(), vec![id.clone()]));
            }
        }
    }
    groups
}

type OverrideRow = (String, String, Status, Option<Status>, String);

fn overrides_of(e: &Evaluation) -> Vec<OverrideRow> {
    let mut rows = Vec::new();
    for n in std::iter::once(&e.plan).chain(e.nodes.iter()) {
        if let Some(o) = &n.status_override {
            rows.push((
                n.id.clone(),
                n.title.clone(),
                o.status.clone(),
                n.computed_status.clone(),
                o.reason.clone(),
            ));
        }
    }
    for i in &e.indicators {
        if let Some(o) = &i.status_override {
            rows.push((
                i.id.clone(),
                i.label.clone(),
                o.status.clone(),
                i.computed_status.clone(),
                o.reason.clone(),
            ));
        }
    }
    rows
}

fn node_status_md(node: &NodeEvaluation) -> String {
    let mut text = status_label(node.status.as_ref()).to_owned();
    if node.status_override.is_some() {
        text.push_str(" (forcé)");
    }
    text
}

fn indicator_status_md(ind: &IndicatorEvaluation) -> String {
    let mut text = status_label(ind.status.as_ref()).to_owned();
    if ind.status_override.is_some() {
        text.push_str(" (forcé)");
    }
    text
}

fn change_line(c: &super::Change) -> String {
    let status = if c.status_changed() {
        format!(
            "{} → {}",
            status_label(c.status_before.as_ref()),
            status_label(c.status_after.as_ref())
        )
    } else {
        status_label(c.status_after.as_ref()).to_owned()
    };
    let delta = match c.progress_delta {
        Some(d) => format!("{:+} points", (d * 100.0).round() as i64),
        None => "—".to_owned(),
    };
    format!(
        "{} → {} ({delta}) ; statut : {status}",
        percent(c.progress_before),
        percent(c.progress_after)
    )
}

fn comparison_md(c: &Comparison) -> String {
    let mut md = format!("\n## Ce qui a changé depuis le {}\n\n", date_fr(c.from));
    if c.changes.is_empty() && c.new_data.is_empty() && c.lost_data.is_empty() {
        md.push_str("Aucun changement.\n");
        return md;
    }
    md.push_str("| Niveau | Élément | Évolution |\n|---|---|---|\n");
    for change in &c.changes {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            change.level.label_fr(),
            escape_md(&change.title),
            change_line(change)
        );
    }
    if !c.new_data.is_empty() {
        let _ = writeln!(
            md,
            "\nNouvelles mesures : {}.",
            escape_md(&c.new_data.join(", "))
        );
    }
    if !c.lost_data.is_empty() {
        let _ = writeln!(
            md,
            "\nDonnées disparues : {}.",
            escape_md(&c.lost_data.join(", "))
        );
    }
    md
}

/// The evaluation as CSV: one row per node (plan first) then one per indicator, comma
/// separated, `.` as decimal mark, progress as fractions in [0, 1].
pub fn csv(evaluation: &Evaluation) -> String {
    let mut out = String::from(
        "type,id,parent,niveau,titre,poids,avancement,attendu,statut,statut_calcule,raison_forcage,valeur,derniere_mesure,illustratif,composition,avertissements\n",
    );
    let num = |v: Option<f64>| v.map(|v| format!("{v}")).unwrap_or_default();
    let code = |s: Option<&Status>| s.map(|s| s.code().to_owned()).unwrap_or_default();
    for n in std::iter::once(&evaluation.plan).chain(evaluation.nodes.iter()) {
        let fields = [
            "noeud".to_owned(),
            n.id.clone(),
            n.parent.clone().unwrap_or_default(),
            level_code(n.level).to_owned(),
            n.title.clone(),
            num(Some(n.weight)),
            num(n.progress),
            num(n.expected),
            code(n.status.as_ref()),
            code(n.computed_status.as_ref()),
            n.status_override
                .as_ref()
                .map(|o| o.reason.clone())
                .unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            composition(&n.contributions),
            n.warnings.join(" ; "),
        ];
        push_row(&mut out, &fields);
    }
    for i in &evaluation.indicators {
        let fields = [
            "indicateur".to_owned(),
            i.id.clone(),
            i.node.clone(),
            "indicateur".to_owned(),
            i.label.clone(),
            num(Some(i.weight)),
            num(i.progress),
            num(i.expected),
            code(i.status.as_ref()),
            code(i.computed_status.as_ref()),
            i.status_override
                .as_ref()
                .map(|o| o.reason.clone())
                .unwrap_or_default(),
            num(i.actual),
            i.last_measurement
                .map(|d| d.to_string())
                .unwrap_or_default(),
            if i.illustrative { "oui" } else { "non" }.to_owned(),
            String::new(),
            i.warnings.join(" ; "),
        ];
        push_row(&mut out, &fields);
    }
    out
}

fn level_code(level: Level) -> &'static str {
    match level {
        Level::Plan => "plan",
        Level::Axe => "axe",
        Level::ObjectifStrategique => "objectif_strategique",
        Level::ObjectifSpecifique => "objectif_specifique",
        Level::Action => "action",
        Level::Indicateur => "indicateur",
    }
}

fn push_row(out: &mut String, fields: &[String]) {
    let row: Vec<String> = fields.iter().map(|f| escape_csv(f)).collect();
    out.push_str(&row.join(","));
    out.push('\n');
}

/// The evaluation (and the comparison, if any) as pretty JSON:
/// `{"evaluation": …, "comparison": …}`.
pub fn json(evaluation: &Evaluation, comparison: Option<&Comparison>) -> String {
    let value = serde_json::json!({ "evaluation": evaluation, "comparison": comparison });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn status_class(status: Option<&Status>) -> &'static str {
    match status {
        Some(Status::Atteint) => "s-atteint",
        Some(Status::EnBonneVoie) => "s-bonne-voie",
        Some(Status::ASurveiller) => "s-surveiller",
        Some(Status::EnRetard) => "s-retard",
        Some(Status::PasDeDonnees) => "s-pas-de-donnees",
        Some(Status::DonneesTropAnciennes) => "s-anciennes",
        _ => "s-none",
    }
}

fn badge(status: Option<&Status>, forced: bool) -> String {
    format!(
        "<span class=\"badge {}\">{}{}</span>",
        status_class(status),
        escape_html(status_label(status)),
        if forced { " (forcé)" } else { "" }
    )
}

const CSS: &str = "
:root{--ink:#1b1b1b;--muted:#555;--line:#ccc;--bar:#2f5f8f;--exp:#b34700}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:70rem;padding:1.5rem;line-height:1.45}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}h3{font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.2rem;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.num{text-align:right;white-space:nowrap}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:.6rem;font-size:.85rem;white-space:nowrap;border:1px solid #0003}
.s-atteint{background:#cfe8cf}.s-bonne-voie{background:#d6ecf3}.s-surveiller{background:#ffe2b3}.s-retard{background:#f6c4c4}.s-pas-de-donnees{background:#e6e6e6}.s-anciennes{background:#e3dcef}.s-none{background:#fff}
.notice{border-left:4px solid #b34700;background:#fff4e5;padding:.6rem .8rem}
.summary{font-size:1.1rem}
.comp{font-size:.8rem;color:var(--muted)}
.warn{color:#8a3b00}
svg text{font-family:inherit}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media print{body{max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}tr,svg,figure{break-inside:avoid}a{color:inherit;text-decoration:none}.badge{border:1px solid #000}}
";

fn sparkline(ind: &IndicatorEvaluation) -> String {
    let (w, h, pad) = (160.0_f64, 44.0_f64, 4.0_f64);
    let mut dates: Vec<NaiveDate> = ind.series.iter().map(|p| p.date).collect();
    let mut values: Vec<f64> = ind.series.iter().map(|p| p.value).collect();
    if let Some(b) = &ind.baseline {
        dates.push(b.date);
        values.push(b.value);
    }
    if let Some(t) = &ind.target {
        dates.push(t.date);
        if ind.range.is_none() {
            values.push(t.value);
        }
    }
    for t in &ind.intermediate_targets {
        dates.push(t.date);
        values.push(t.value);
    }
    if let Some((lo, hi)) = ind.range {
        values.push(lo);
        values.push(hi);
    }
    let description = format!(
        "Évolution de « {} » : {} ; valeur de référence {} ; cible {}",
        ind.label,
        actual_text(ind),
        baseline_text(ind),
        target_text(ind)
    );
    let mut svg = format!(
        "<svg class=\"spark\" role=\"img\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        escape_html(&description)
    );
    let (Some(d0), Some(d1)) = (dates.iter().min().copied(), dates.iter().max().copied()) else {
        svg.push_str(
            "<text x=\"4\" y=\"26\" font-size=\"11\" fill=\"#555\">pas de mesure</text></svg>",
        );
        return svg;
    };
    let (mut v0, mut v1) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    if !(v0.is_finite() && v1.is_finite()) {
        svg.push_str("</svg>");
        return svg;
    }
    if (v1 - v0).abs() < 1e-12 {
        v0 -= 1.0;
        v1 += 1.0;
    }
    let span_days = (d1 - d0).num_days().max(1) as f64;
    let x = |d: NaiveDate| pad + (w - 2.0 * pad) * ((d - d0).num_days() as f64 / span_days);
    let y = |v: f64| h - pad - (h - 2.0 * pad) * ((v - v0) / (v1 - v0));
    if let Some((lo, hi)) = ind.range {
        let _ = write!(
            svg,
            "<rect x=\"{pad}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#cfe8cf\"/>",
            y(hi),
            w - 2.0 * pad,
            (y(lo) - y(hi)).max(1.0)
        );
    } else if let Some(t) = &ind.target {
        let _ = write!(
            svg,
            "<line x1=\"{pad}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#b34700\" stroke-dasharray=\"3 2\" stroke-width=\"1\"/><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"none\" stroke=\"#b34700\"/>",
            y(t.value),
            w - pad,
            y(t.value),
            x(t.date),
            y(t.value)
        );
    }
    for t in &ind.intermediate_targets {
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2\" fill=\"none\" stroke=\"#b34700\"/>",
            x(t.date),
            y(t.value)
        );
    }
    let mut points: Vec<(f64, f64)> = Vec::new();
    if let (Some(b), false) = (
        &ind.baseline,
        ind.series
            .first()
            .is_some_and(|p| Some(p.date) == ind.baseline.as_ref().map(|b| b.date)),
    ) {
        if ind.series.first().is_none_or(|p| p.date > b.date) {
            points.push((x(b.date), y(b.value)));
        }
    }
    points.extend(ind.series.iter().map(|p| (x(p.date), y(p.value))));
    if points.len() > 1 {
        let list: Vec<String> = points
            .iter()
            .map(|(a, b)| format!("{a:.1},{b:.1}"))
            .collect();
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#2f5f8f\" stroke-width=\"1.5\"/>",
            list.join(" ")
        );
    }
    if let Some(&(px, py)) = points.last() {
        let _ = write!(
            svg,
            "<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"2.5\" fill=\"#2f5f8f\"/>"
        );
    }
    svg.push_str("</svg>");
    svg
}

fn axis_bars(axes: &[&NodeEvaluation]) -> String {
    let row = 34.0;
    let (label_w, bar_w) = (230.0, 330.0);
    let h = row * axes.len() as f64 + 24.0;
    let mut description = String::from("Avancement par axe : ");
    description.push_str(
        &axes
            .iter()
            .map(|a| {
                format!(
                    "{} {} (attendu {})",
                    a.title,
                    percent(a.progress),
                    percent(a.expected)
                )
            })
            .collect::<Vec<_>>()
            .join(" ; "),
    );
    let mut svg = format!(
        "<svg class=\"bars\" role=\"img\" viewBox=\"0 0 640 {h}\" width=\"100%\" style=\"max-width:640px\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        escape_html(&description)
    );
    for (i, axis) in axes.iter().enumerate() {
        let top = 8.0 + row * i as f64;
        let mut label: String = axis.title.chars().take(34).collect();
        if axis.title.chars().count() > 34 {
            label.push('…');
        }
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"12\">{}</text>",
            top + 15.0,
            escape_html(&label)
        );
        let _ = write!(
            svg,
            "<rect x=\"{label_w}\" y=\"{top:.1}\" width=\"{bar_w}\" height=\"20\" fill=\"#eee\" stroke=\"#ccc\"/>"
        );
        if let Some(p) = axis.progress {
            let _ = write!(
                svg,
                "<rect x=\"{label_w}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"20\" fill=\"#2f5f8f\"/>",
                bar_w * p
            );
        }
        if let Some(e) = axis.expected {
            let ex = label_w + bar_w * e;
            let _ = write!(
                svg,
                "<line x1=\"{ex:.1}\" y1=\"{:.1}\" x2=\"{ex:.1}\" y2=\"{:.1}\" stroke=\"#b34700\" stroke-width=\"2\"/>",
                top - 3.0,
                top + 23.0
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{}</text>",
            label_w + bar_w + 8.0,
            top + 15.0,
            escape_html(&percent(axis.progress))
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{label_w}\" y=\"{:.1}\" font-size=\"10\" fill=\"#555\">barre : avancement ; trait orange : avancement attendu</text></svg>",
        h - 4.0
    );
    svg
}

fn node_row(node: &NodeEvaluation, html: &mut String) {
    let _ = write!(
        html,
        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"comp\">{}</td></tr>",
        escape_html(node.level.label_fr()),
        escape_html(&node.title),
        percent(node.progress),
        percent(node.expected),
        badge(node.status.as_ref(), node.status_override.is_some()),
        number(Some(node.weight)),
        escape_html(&composition(&node.contributions))
    );
}

fn indicator_rows(indicators: &[&IndicatorEvaluation], html: &mut String) {
    for ind in indicators {
        let mut label = escape_html(&ind.label);
        if ind.illustrative {
            label.push_str(" <em>(illustratif)</em>");
        }
        let mut extra = String::new();
        if !ind.breakdowns.is_empty() {
            let parts: Vec<String> = ind
                .breakdowns
                .iter()
                .map(|b| {
                    let who = [
                        b.commune.clone(),
                        b.public.as_ref().map(|p| p.label_fr().to_owned()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                    format!("{who} : {} au {}", number(Some(b.value)), date_fr(b.date))
                })
                .collect();
            let _ = write!(
                extra,
                "<div class=\"comp\">Détail : {}</div>",
                escape_html(&parts.join(" ; "))
            );
        }
        for w in &ind.warnings {
            let _ = write!(extra, "<div class=\"comp warn\">{}</div>", escape_html(w));
        }
        let _ = write!(
            html,
            "<tr><td>{label} <span class=\"comp\">({}, {}, {})</span>{extra}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&ind.unit),
            escape_html(ind.kind.label_fr()),
            escape_html(ind.direction.label_fr()),
            escape_html(&baseline_text(ind)),
            escape_html(&target_text(ind)),
            escape_html(&actual_text(ind)),
            percent(ind.progress),
            percent(ind.expected),
            badge(ind.status.as_ref(), ind.status_override.is_some()),
            sparkline(ind)
        );
    }
}

const INDICATOR_HEAD: &str = "<thead><tr><th scope=\"col\">Indicateur</th><th scope=\"col\">Référence</th><th scope=\"col\">Cible</th><th scope=\"col\">Valeur</th><th scope=\"col\">Avancement</th><th scope=\"col\">Attendu</th><th scope=\"col\">Statut</th><th scope=\"col\">Évolution</th></tr></thead>";
const NODE_HEAD: &str = "<thead><tr><th scope=\"col\">Niveau</th><th scope=\"col\">Élément</th><th scope=\"col\">Avancement</th><th scope=\"col\">Attendu</th><th scope=\"col\">Statut</th><th scope=\"col\">Poids</th><th scope=\"col\">Composition</th></tr></thead>";

/// The evaluation as one self-contained HTML page (French, inline CSS and SVG, no external
/// asset, printable), with the comparison if one is given.
pub fn html(evaluation: &Evaluation, comparison: Option<&Comparison>) -> String {
    let e = evaluation;
    let mut html = String::with_capacity(64 * 1024);
    let title = format!("Évaluation : {} au {}", e.plan_title, date_fr(e.at));
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header>\n<h1>Évaluation : {}</h1>\n<p>Au {} — période du plan du {} au {}.</p>\n",
        escape_html(&title),
        escape_html(&e.plan_title),
        date_fr(e.at),
        date_fr(e.period.start),
        date_fr(e.period.end)
    );
    if e.illustrative {
        let _ = writeln!(
            html,
            "<p class=\"notice\" role=\"note\"><strong>Attention :</strong> {}</p>",
            escape_html(ILLUSTRATIVE_NOTE)
        );
    }
    let _ = write!(
        html,
        "<p class=\"summary\">Plan : {} — avancement <strong>{}</strong>, attendu {}.</p>\n</header>\n<main>\n",
        badge(e.plan.status.as_ref(), e.plan.status_override.is_some()),
        percent(e.plan.progress),
        percent(e.plan.expected)
    );
    let axes: Vec<&NodeEvaluation> = e.nodes.iter().filter(|n| n.level == Level::Axe).collect();
    html.push_str("<section aria-labelledby=\"h-axes\">\n<h2 id=\"h-axes\">Avancement par axe</h2>\n<figure>\n");
    html.push_str(&axis_bars(&axes));
    html.push_str("</figure>\n<table>\n<caption>Avancement, avancement attendu et statut de chaque axe</caption>\n");
    html.push_str(NODE_HEAD);
    html.push_str("<tbody>");
    node_row(&e.plan, &mut html);
    for axis in &axes {
        node_row(axis, &mut html);
    }
    html.push_str("</tbody></table>\n</section>\n");

    if let Some(c) = comparison {
        let _ = write!(html, "<section aria-labelledby=\"h-changes\">\n<h2 id=\"h-changes\">Ce qui a changé depuis le {}</h2>\n", date_fr(c.from));
        if c.changes.is_empty() && c.new_data.is_empty() && c.lost_data.is_empty() {
            html.push_str("<p>Aucun changement.</p>\n");
        } else {
            let _ = write!(html, "<table><caption>Changements entre le {} et le {}</caption><thead><tr><th scope=\"col\">Niveau</th><th scope=\"col\">Élément</th><th scope=\"col\">Évolution</th></tr></thead><tbody>", date_fr(c.from), date_fr(c.to));
            for change in &c.changes {
                let _ = write!(
                    html,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape_html(change.level.label_fr()),
                    escape_html(&change.title),
                    escape_html(&change_line(change))
                );
            }
            html.push_str("</tbody></table>\n");
            if !c.new_data.is_empty() {
                let _ = writeln!(
                    html,
                    "<p>Nouvelles mesures : {}.</p>",
                    escape_html(&c.new_data.join(", "))
                );
            }
            if !c.lost_data.is_empty() {
                let _ = writeln!(
                    html,
                    "<p>Données disparues : {}.</p>",
                    escape_html(&c.lost_data.join(", "))
                );
            }
        }
        html.push_str("</section>\n");
    }

    let axis_map = axis_of(e);
    for axis in &axes {
        let _ = write!(
            html,
            "<section aria-labelledby=\"h-{0}\">\n<h2 id=\"h-{0}\">{1}</h2>\n<p>{2} — avancement {3}, attendu {4}.</p>\n",
            escape_html(&axis.id),
            escape_html(&axis.title),
            badge(axis.status.as_ref(), axis.status_override.is_some()),
            percent(axis.progress),
            percent(axis.expected)
        );
        let inds: Vec<&IndicatorEvaluation> = e
            .indicators
            .iter()
            .filter(|i| axis_map.get(i.node.as_str()).copied() == Some(axis.id.as_str()))
            .collect();
        if !inds.is_empty() {
            let _ = write!(
                html,
                "<table>\n<caption>Indicateurs de l'axe « {} »</caption>\n{INDICATOR_HEAD}<tbody>",
                escape_html(&axis.title)
            );
            indicator_rows(&inds, &mut html);
            html.push_str("</tbody></table>\n");
        }
        let _ = write!(html, "<table>\n<caption>Objectifs et fiches actions de l'axe « {} »</caption>\n{NODE_HEAD}<tbody>", escape_html(&axis.title));
        for node in e.nodes.iter().filter(|n| {
            n.level != Level::Axe && axis_map.get(n.id.as_str()).copied() == Some(axis.id.as_str())
        }) {
            node_row(node, &mut html);
        }
        html.push_str("</tbody></table>\n</section>\n");
    }
    let plan_inds: Vec<&IndicatorEvaluation> = e
        .indicators
        .iter()
        .filter(|i| i.node == e.plan.id)
        .collect();
    if !plan_inds.is_empty() {
        let _ = write!(html, "<section aria-labelledby=\"h-plan-ind\">\n<h2 id=\"h-plan-ind\">Indicateurs du plan</h2>\n<table><caption>Indicateurs du plan dans son ensemble</caption>\n{INDICATOR_HEAD}<tbody>");
        indicator_rows(&plan_inds, &mut html);
        html.push_str("</tbody></table>\n</section>\n");
    }
    let overrides = overrides_of(e);
    if !overrides.is_empty() {
        html.push_str("<section aria-labelledby=\"h-overrides\">\n<h2 id=\"h-overrides\">Statuts forcés</h2>\n<ul>");
        for (id, title, status, computed, reason) in &overrides {
            let _ = write!(
                html,
                "<li><strong>{}</strong> ({}) : {} (calculé : {}) — raison : {}</li>",
                escape_html(title),
                escape_html(id),
                escape_html(status.label_fr()),
                escape_html(status_label(computed.as_ref())),
                escape_html(reason)
            );
        }
        html.push_str("</ul>\n</section>\n");
    }
    let warnings = grouped_warnings(e);
    if !warnings.is_empty() {
        html.push_str(
            "<section aria-labelledby=\"h-warnings\">\n<h2 id=\"h-warnings\">Avertissements</h2>\n<ul>",
        );
        for (w, ids) in &warnings {
            let _ = write!(
                html,
                "<li>{} : <span class=\"comp\">{}</span></li>",
                escape_html(w),
                escape_html(&ids.join(", "))
            );
        }
        html.push_str("</ul>\n</section>\n");
    }
    html.push_str(
        "<section aria-labelledby=\"h-rules\">\n<h2 id=\"h-rules\">Règles appliquées</h2>\n<ul>",
    );
    for line in rules_lines(&e.rules) {
        let _ = write!(html, "<li>{}</li>", escape_html(&line));
    }
    html.push_str("</ul>\n<p>L'avancement d'un indicateur est (valeur − référence) / (cible − référence), borné entre 0 et 100 % ; celui d'un objectif, d'un axe ou du plan est la moyenne pondérée des éléments listés dans sa composition.</p>\n</section>\n</main>\n");
    let _ = write!(
        html,
        "<footer>Rapport produit par ctg à partir du fichier du plan « {} ». Évaluation au {}.</footer>\n</body>\n</html>\n",
        escape_html(&e.plan_id),
        date_fr(e.at)
    );
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            escape_html("<script>a&'\"</script>"),
            "&lt;script&gt;a&amp;&#39;&quot;&lt;/script&gt;"
        );
        assert_eq!(escape_csv("a,b"), "\"a,b\"");
        assert_eq!(escape_csv("a\"b"), "\"a\"\"b\"");
        assert_eq!(escape_md("a|b"), "a\\|b");
        assert_eq!(
            date_fr(NaiveDate::from_ymd_opt(2021, 12, 31).unwrap()),
            "31 décembre 2021"
        );
        assert_eq!(
            date_fr(NaiveDate::from_ymd_opt(2019, 7, 1).unwrap()),
            "1er juillet 2019"
        );
    }
}
