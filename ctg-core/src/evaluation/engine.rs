//! The evaluation engine: indicators first, then the roll-up up the plan tree.

use super::rules::{
    band_status, validate_override, validate_rules, EvaluationRules, MissingData, EPSILON,
};
use super::StatusOverride;
use crate::indicator::{DatedValue, Indicator};
use crate::number::Plain;
use crate::plan::{Action, Period, Plan};
use crate::validation::{ErrorKind, ValidationError};
use crate::vocabulary::{ActionStatus, Direction, IndicatorKind, Public, Status};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

const REASON_CONTEXT: &str = "indicateur de contexte, hors calcul";
const REASON_STALE: &str = "données trop anciennes, dernière valeur comptée";
const REASON_EXCLUDED: &str = "pas de données, écarté du calcul";
const REASON_NOT_EVALUABLE: &str = "non évaluable, hors calcul (voir ses avertissements)";

/// The level of a node of the plan tree, or `indicateur` for an indicator in a contribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The plan as a whole.
    Plan,
    /// An axe.
    Axe,
    /// An objectif stratégique.
    ObjectifStrategique,
    /// An objectif spécifique.
    ObjectifSpecifique,
    /// A fiche action.
    Action,
    /// An indicator.
    Indicateur,
}

impl Level {
    /// The French label.
    pub fn label_fr(self) -> &'static str {
        match self {
            Level::Plan => "plan",
            Level::Axe => "axe",
            Level::ObjectifStrategique => "objectif stratégique",
            Level::ObjectifSpecifique => "objectif spécifique",
            Level::Action => "fiche action",
            Level::Indicateur => "indicateur",
        }
    }
}

/// What one child (node or indicator) brings to its parent's figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// The id of the child.
    pub id: String,
    /// Whether it is an indicator or a node, and which level.
    pub kind: Level,
    /// Its weight (default 1).
    pub weight: f64,
    /// Its progress, if any (0 when counted as zero for lack of data).
    pub progress: Option<f64>,
    /// Its expected progress, if any.
    pub expected: Option<f64>,
    /// Whether it is counted in the weighted mean.
    pub included: bool,
    /// Why it is left out, or why it counts as zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The evaluation of a node of the plan tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeEvaluation {
    /// The node's id (the plan's id for the plan).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its level.
    pub level: Level,
    /// The id of its parent (none for the plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Its weight in its parent's roll-up.
    pub weight: f64,
    /// Progress in [0, 1], the weighted mean of the included contributions.
    pub progress: Option<f64>,
    /// Expected progress at the date, weighted like `progress`.
    pub expected: Option<f64>,
    /// The status shown (the override's when there is one); none when nothing can be evaluated
    /// (an abandoned action left out).
    pub status: Option<Status>,
    /// The status computed from the data, before any override.
    pub computed_status: Option<Status>,
    /// The manual override, with its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_override: Option<StatusOverride>,
    /// For fiches actions: the action's own status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_status: Option<ActionStatus>,
    /// What the figure is made of.
    pub contributions: Vec<Contribution>,
    /// Warnings, in French.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A point of an indicator's series.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The date.
    pub date: NaiveDate,
    /// The value (the running total for a cumulative indicator).
    pub value: f64,
}

/// The latest value of an indicator for one commune or public.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// The commune's INSEE code, if the value concerns one commune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// The public, if the value concerns one public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<Public>,
    /// The date of the value.
    pub date: NaiveDate,
    /// The value (the running total for a cumulative indicator).
    pub value: f64,
}

/// The evaluation of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorEvaluation {
    /// The indicator's id.
    pub id: String,
    /// What is measured.
    pub label: String,
    /// The unit.
    pub unit: String,
    /// Résultat, moyens or contexte.
    pub kind: IndicatorKind,
    /// Which way is better.
    pub direction: Direction,
    /// The id of the node it is attached to.
    pub node: String,
    /// Whether its figures are illustrative.
    pub illustrative: bool,
    /// Its weight in its node's roll-up.
    pub weight: f64,
    /// The baseline used (the first measurement when the file gives none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<DatedValue>,
    /// The target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<DatedValue>,
    /// The target range (`fourchette`), or the range kept around the reference (`maintien`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<(f64, f64)>,
    /// The intermediate targets, by date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intermediate_targets: Vec<DatedValue>,
    /// The value at the date: the latest overall measurement, or their sum if cumulative.
    pub actual: Option<f64>,
    /// The date of the latest overall measurement up to the evaluation date.
    pub last_measurement: Option<NaiveDate>,
    /// Progress in [0, 1].
    pub progress: Option<f64>,
    /// Expected progress at the date.
    pub expected: Option<f64>,
    /// The status shown (the override's when there is one); none for context indicators and
    /// indicators that cannot be evaluated.
    pub status: Option<Status>,
    /// The status computed from the data, before any override.
    pub computed_status: Option<Status>,
    /// The manual override, with its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_override: Option<StatusOverride>,
    /// The overall measurements up to the date, by date (running totals if cumulative).
    pub series: Vec<Point>,
    /// The latest value per commune or public, reported apart from the overall value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<Breakdown>,
    /// Warnings, in French.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The evaluation of a whole plan at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The evaluation date.
    pub at: NaiveDate,
    /// The plan's id.
    pub plan_id: String,
    /// The plan's title.
    pub plan_title: String,
    /// The plan's period.
    pub period: Period,
    /// The rules applied (the plan's, defaults filled in).
    pub rules: EvaluationRules,
    /// Whether some indicators carry illustrative figures.
    pub illustrative: bool,
    /// The plan as a whole.
    pub plan: NodeEvaluation,
    /// Every node below the plan, in the order of the file (parents before children).
    pub nodes: Vec<NodeEvaluation>,
    /// Every indicator, in the order of the file.
    pub indicators: Vec<IndicatorEvaluation>,
}

impl Evaluation {
    /// The evaluation of the node (or the plan) with this id.
    pub fn node(&self, id: &str) -> Option<&NodeEvaluation> {
        if self.plan.id == id {
            return Some(&self.plan);
        }
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The evaluation of the indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorEvaluation> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The nodes of one level.
    pub fn level(&self, level: Level) -> impl Iterator<Item = &NodeEvaluation> {
        std::iter::once(&self.plan)
            .chain(self.nodes.iter())
            .filter(move |n| n.level == level)
    }
}

/// Evaluates `plan` at the date `at`: every indicator, every action, objective and axis,
/// and the plan. Pure: the same plan and date always give the same result.
///
/// ```
/// use ctg_core::evaluation::evaluate;
/// use ctg_core::vocabulary::Status;
/// let plan: ctg_core::Plan = serde_json::from_value(serde_json::json!({
///   "format": "ctg-plan/1", "id": "p", "title": "Plan",
///   "territory": {},
///   "period": {"start": "2020-01-01", "end": "2023-12-31"},
///   "indicators": [{
///     "id": "i1", "label": "Places", "unit": "places", "kind": "resultat", "direction": "hausse",
///     "baseline": {"date": "2020-01-01", "value": 10}, "target": {"date": "2022-01-01", "value": 20},
///     "measurements": [{"date": "2021-01-01", "value": 15}]
///   }]
/// })).unwrap();
/// let at = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
/// let evaluation = evaluate(&plan, at);
/// let indicator = evaluation.indicator("i1").unwrap();
/// assert_eq!(indicator.progress, Some(0.5));
/// assert_eq!(indicator.status, Some(Status::EnBonneVoie));
/// assert_eq!(evaluation.plan.progress, Some(0.5));
/// ```
pub fn evaluate(plan: &Plan, at: NaiveDate) -> Evaluation {
    let mut ctx = Ctx {
        rules: &plan.evaluation,
        at,
        period: plan.period,
        nodes: Vec::new(),
        indicators: Vec::new(),
    };
    let mut plan_contributions = ctx.indicators_of(&plan.indicators, &plan.id);
    for axis in &plan.axes {
        let mut contributions = ctx.indicators_of(&axis.indicators, &axis.id);
        let axis_index = ctx.reserve();
        for so in &axis.strategic_objectives {
            let mut so_contributions = ctx.indicators_of(&so.indicators, &so.id);
            let so_index = ctx.reserve();
            for sp in &so.specific_objectives {
                let mut sp_contributions = ctx.indicators_of(&sp.indicators, &sp.id);
                let sp_index = ctx.reserve();
                for action in &sp.actions {
                    let node = ctx.action(action, &sp.id);
                    sp_contributions.push(ctx.contribution_of_node(&node));
                    ctx.nodes.push(node);
                }
                let node = ctx.rollup(
                    &sp.id,
                    &sp.title,
                    Level::ObjectifSpecifique,
                    Some(&so.id),
                    sp.weight,
                    sp.status_override.as_ref(),
                    sp_contributions,
                );
                so_contributions.push(ctx.contribution_of_node(&node));
                ctx.nodes[sp_index] = node;
            }
            let node = ctx.rollup(
                &so.id,
                &so.title,
                Level::ObjectifStrategique,
                Some(&axis.id),
                so.weight,
                so.status_override.as_ref(),
                so_contributions,
            );
            contributions.push(ctx.contribution_of_node(&node));
            ctx.nodes[so_index] = node;
        }
        let node = ctx.rollup(
            &axis.id,
            &axis.title,
            Level::Axe,
            Some(&plan.id),
            axis.weight,
            axis.status_override.as_ref(),
            contributions,
        );
        plan_contributions.push(ctx.contribution_of_node(&node));
        ctx.nodes[axis_index] = node;
    }
    let plan_node = ctx.rollup(
        &plan.id,
        &plan.title,
        Level::Plan,
        None,
        None,
        None,
        plan_contributions,
    );
    let illustrative = ctx.indicators.iter().any(|i| i.illustrative);
    Evaluation {
        at,
        plan_id: plan.id.clone(),
        plan_title: plan.title.clone(),
        period: plan.period,
        rules: plan.evaluation.clone(),
        illustrative,
        plan: plan_node,
        nodes: ctx.nodes,
        indicators: ctx.indicators,
    }
}

struct Ctx<'a> {
    rules: &'a EvaluationRules,
    at: NaiveDate,
    period: Period,
    nodes: Vec<NodeEvaluation>,
    indicators: Vec<IndicatorEvaluation>,
}

fn weight_of(weight: Option<f64>) -> f64 {
    match weight {
        Some(w) if w.is_finite() && w >= 0.0 => w,
        _ => 1.0,
    }
}

impl Ctx<'_> {
    /// Reserves the place of a parent node so that parents come before their children.
    fn reserve(&mut self) -> usize {
        self.nodes.push(NodeEvaluation {
            id: String::new(),
            title: String::new(),
            level: Level::Plan,
            parent: None,
            weight: 1.0,
            progress: None,
            expected: None,
            status: None,
            computed_status: None,
            status_override: None,
            action_status: None,
            contributions: Vec::new(),
            warnings: Vec::new(),
        });
        self.nodes.len() - 1
    }

    fn indicators_of(&mut self, indicators: &[Indicator], node: &str) -> Vec<Contribution> {
        let mut contributions = Vec::with_capacity(indicators.len());
        for indicator in indicators {
            let evaluation = evaluate_indicator(indicator, self.rules, self.at, self.period, node);
            contributions.push(self.contribution_of_indicator(&evaluation));
            self.indicators.push(evaluation);
        }
        contributions
    }

    fn contribution_of_indicator(&self, ind: &IndicatorEvaluation) -> Contribution {
        let mut c = Contribution {
            id: ind.id.clone(),
            kind: Level::Indicateur,
            weight: ind.weight,
            progress: ind.progress,
            expected: ind.expected,
            included: ind.progress.is_some(),
            reason: None,
        };
        if ind.kind == IndicatorKind::Contexte {
            c.included = false;
            c.progress = None;
            c.reason = Some(REASON_CONTEXT.into());
        } else if ind.progress.is_none() {
            if ind.computed_status == Some(Status::PasDeDonnees) {
                self.missing(&mut c);
            } else {
                c.reason = Some(REASON_NOT_EVALUABLE.into());
            }
        } else if ind.computed_status == Some(Status::DonneesTropAnciennes) {
            c.reason = Some(REASON_STALE.into());
        }
        c
    }

    fn missing(&self, c: &mut Contribution) {
        match self.rules.missing_data {
            MissingData::Exclude => {
                c.included = false;
                c.reason = Some(REASON_EXCLUDED.into());
            }
            MissingData::Zero => {
                c.included = true;
                c.progress = Some(0.0);
                c.reason = Some("pas de données, compté 0".into());
            }
        }
    }

    fn contribution_of_node(&self, node: &NodeEvaluation) -> Contribution {
        let mut c = Contribution {
            id: node.id.clone(),
            kind: node.level,
            weight: node.weight,
            progress: node.progress,
            expected: node.expected,
            included: node.progress.is_some(),
            reason: None,
        };
        if node.progress.is_none() {
            if node.action_status == Some(ActionStatus::Abandonnee) && node.contributions.is_empty()
            {
                c.reason = Some("action abandonnée, écartée du calcul".into());
            } else {
                self.missing(&mut c);
            }
        }
        c
    }

    fn action(&mut self, action: &Action, parent: &str) -> NodeEvaluation {
        let contributions = self.indicators_of(&action.indicators, &action.id);
        let evaluable = contributions.iter().any(|c| {
            c.kind == Level::Indicateur
                && !matches!(
                    c.reason.as_deref(),
                    Some(REASON_CONTEXT | REASON_NOT_EVALUABLE)
                )
        });
        if evaluable {
            let mut node = self.rollup(
                &action.id,
                &action.title,
                Level::Action,
                Some(parent),
                action.weight,
                action.status_override.as_ref(),
                contributions,
            );
            node.action_status = Some(action.status.clone());
            return node;
        }
        // No indicator to steer by: progress comes from the action's status.
        let mut warnings = Vec::new();
        let progress = self.rules.action_progress.progress(&action.status);
        let expected = match (action.start, action.end) {
            (Some(start), Some(end)) if end > start => Some(linear(self.at, start, 0.0, end, 1.0)),
            (_, Some(end)) => Some(if self.at >= end { 1.0 } else { 0.0 }),
            _ => {
                if progress.is_some() {
                    warnings.push(
                        "pas de dates de début et de fin : l'avancement attendu n'est pas calculé"
                            .to_owned(),
                    );
                }
                None
            }
        };
        let computed = progress.map(|p| {
            if p + EPSILON >= self.rules.achieved_at {
                Status::Atteint
            } else {
                let gap = p - expected.unwrap_or(p);
                band_status(&self.rules.bands, gap).unwrap_or(Status::EnBonneVoie)
            }
        });
        if progress.is_none() {
            warnings.push(format!(
                "action « {} » : écartée du calcul de l'avancement",
                action.status.label_fr()
            ));
        }
        let status = action
            .status_override
            .as_ref()
            .map(|o| o.status.clone())
            .or_else(|| computed.clone());
        NodeEvaluation {
            id: action.id.clone(),
            title: action.title.clone(),
            level: Level::Action,
            parent: Some(parent.to_owned()),
            weight: weight_of(action.weight),
            progress,
            expected: progress.and(expected),
            status,
            computed_status: computed,
            status_override: action.status_override.clone(),
            action_status: Some(action.status.clone()),
            contributions,
            warnings,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn rollup(
        &self,
        id: &str,
        title: &str,
        level: Level,
        parent: Option<&str>,
        weight: Option<f64>,
        status_override: Option<&StatusOverride>,
        contributions: Vec<Contribution>,
    ) -> NodeEvaluation {
        let mut warnings = Vec::new();
        let (mut sum_w, mut sum_p, mut sum_e) = (0.0, 0.0, 0.0);
        let mut all_stale = true;
        let mut any = false;
        for c in contributions.iter().filter(|c| c.included) {
            if let Some(p) = c.progress {
                any = true;
                sum_w += c.weight;
                sum_p += c.weight * p;
                sum_e += c.weight * c.expected.unwrap_or(p);
                if c.reason.as_deref() != Some(REASON_STALE) {
                    all_stale = false;
                }
            }
        }
        let (progress, expected) = if any && sum_w > 0.0 {
            (
                Some((sum_p / sum_w).clamp(0.0, 1.0)),
                Some((sum_e / sum_w).clamp(0.0, 1.0)),
            )
        } else {
            if any {
                warnings.push("toutes les contributions ont un poids nul".to_owned());
            }
            (None, None)
        };
        let excluded = contributions
            .iter()
            .filter(|c| !c.included && c.reason.as_deref().is_some_and(|r| r == REASON_EXCLUDED))
            .count();
        if excluded > 0 {
            warnings.push(
                "des éléments sans données sont écartés du calcul (voir la composition)".to_owned(),
            );
        }
        if contributions.is_empty() {
            warnings.push("aucun indicateur ni élément rattaché".to_owned());
        }
        let computed = match (progress, expected) {
            (Some(p), Some(e)) => Some(if all_stale {
                Status::DonneesTropAnciennes
            } else if p + EPSILON >= self.rules.achieved_at {
                Status::Atteint
            } else {
                band_status(&self.rules.bands, p - e).unwrap_or(Status::EnBonneVoie)
            }),
            _ => Some(Status::PasDeDonnees),
        };
        let status = status_override
            .map(|o| o.status.clone())
            .or_else(|| computed.clone());
        NodeEvaluation {
            id: id.to_owned(),
            title: title.to_owned(),
            level,
            parent: parent.map(str::to_owned),
            weight: weight_of(weight),
            progress,
            expected,
            status,
            computed_status: computed,
            status_override: status_override.cloned(),
            action_status: None,
            contributions,
            warnings,
        }
    }
}

fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The value at `at` on the line from (`d0`, `v0`) to (`d1`, `v1`), flat outside.
fn linear(at: NaiveDate, d0: NaiveDate, v0: f64, d1: NaiveDate, v1: f64) -> f64 {
    if at <= d0 {
        v0
    } else if at >= d1 {
        v1
    } else {
        v0 + (v1 - v0) * (day_number(at) - day_number(d0)) / (day_number(d1) - day_number(d0))
    }
}

/// Progress of `value` from `base` towards `target` (`hausse` or `baisse`), clamped to [0, 1].
/// When the target equals the baseline, progress is 1 at or beyond the target in the
/// indicator's direction, else 0.
pub(crate) fn directional_progress(
    value: f64,
    base: f64,
    target: f64,
    direction: &Direction,
) -> f64 {
    if (target - base).abs() <= EPSILON * base.abs().max(1.0) {
        let reached = match direction {
            Direction::Baisse => value <= target + EPSILON,
            _ => value + EPSILON >= target,
        };
        return if reached { 1.0 } else { 0.0 };
    }
    let p = (value - base) / (target - base);
    if p.is_nan() {
        0.0
    } else {
        p.clamp(0.0, 1.0)
    }
}

/// Progress of `value` against the range [`lo`, `hi`]: 1 inside, falling linearly to 0 at a
/// distance of `falloff` × the width of the range (or × max(|centre|, 1) for a zero width).
pub(crate) fn range_progress(value: f64, lo: f64, hi: f64, falloff: f64) -> f64 {
    if value + EPSILON >= lo && value <= hi + EPSILON {
        return 1.0;
    }
    let distance = if value < lo { lo - value } else { value - hi };
    let width = hi - lo;
    let scale = if width > EPSILON {
        width
    } else {
        ((lo + hi) / 2.0).abs().max(1.0)
    };
    let p = 1.0 - distance / (falloff * scale);
    if p.is_nan() {
        0.0
    } else {
        p.clamp(0.0, 1.0)
    }
}

fn evaluate_indicator(
    indicator: &Indicator,
    plan_rules: &EvaluationRules,
    at: NaiveDate,
    period: Period,
    node: &str,
) -> IndicatorEvaluation {
    let merged;
    let rules = match &indicator.rules {
        Some(o) => {
            merged = plan_rules.with_override(Some(o));
            &merged
        }
        None => plan_rules,
    };
    let mut warnings = Vec::new();

    // Overall measurements up to the date, by date (file order kept for equal dates).
    let mut overall: Vec<(NaiveDate, f64)> = Vec::new();
    let mut broken_down: Vec<&crate::indicator::Measurement> = Vec::new();
    let mut ignored_future = 0usize;
    for m in &indicator.measurements {
        if m.date > at {
            ignored_future += 1;
        } else if m.commune.is_none() && m.public.is_none() {
            if m.value.is_finite() {
                overall.push((m.date, m.value));
            }
        } else {
            broken_down.push(m);
        }
    }
    let _ = ignored_future;
    let mut series: Vec<Point> = Vec::with_capacity(overall.len());
    let mut total = 0.0;
    for i in date_order(overall.iter().map(|&(date, _)| date)) {
        let (date, value) = overall[i];
        let value = if indicator.cumulative {
            total += value;
            total
        } else {
            value
        };
        // One point per date: the last value written for a date wins.
        match series.last_mut() {
            Some(last) if last.date == date && !indicator.cumulative => last.value = value,
            Some(last) if last.date == date => last.value = value,
            _ => series.push(Point { date, value }),
        }
    }
    let actual = series.last().map(|p| p.value);
    let last_measurement = series.last().map(|p| p.date);

    let breakdowns = breakdowns_of(&broken_down, indicator.cumulative);

    // Baseline: the file's, else 0 for a cumulative indicator, else the first measurement.
    let baseline = match &indicator.baseline {
        Some(b) => Some(b.clone()),
        None if indicator.cumulative => Some(DatedValue {
            date: period.start,
            value: 0.0,
        }),
        None => series.first().map(|p| {
            warnings.push(format!(
                "pas de valeur de référence : la première mesure ({} au {}) en tient lieu",
                fmt_num(p.value),
                p.date
            ));
            DatedValue {
                date: p.date,
                value: p.value,
            }
        }),
    };

    let target = indicator.target.clone();
    let mut range = None;
    let mut progress_of: Option<Box<dyn Fn(f64) -> f64>> = None;
    let mut expected: Option<f64> = None;
    let mut target_date = target.as_ref().map(|t| t.date);
    match &indicator.direction {
        Direction::Hausse | Direction::Baisse => match (&target, &baseline) {
            (Some(t), Some(b)) => {
                let (base, goal, dir) = (b.value, t.value, indicator.direction.clone());
                let f = move |v: f64| directional_progress(v, base, goal, &dir);
                let mut points: Vec<(NaiveDate, f64)> = vec![(b.date, 0.0)];
                for it in &indicator.intermediate_targets {
                    if it.date > b.date && it.date < t.date {
                        points.push((it.date, f(it.value)));
                    }
                }
                points.push((t.date, 1.0));
                let points: Vec<(NaiveDate, f64)> = date_order(points.iter().map(|&(d, _)| d))
                    .into_iter()
                    .map(|i| points[i])
                    .collect();
                expected = Some(piecewise(at, &points));
                progress_of = Some(Box::new(f));
            }
            (None, _) => warnings.push("pas de cible : l'indicateur n'est pas évalué".to_owned()),
            (Some(_), None) => {}
        },
        Direction::Maintien => {
            let reference = target.as_ref().or(baseline.as_ref()).map(|v| v.value);
            match reference {
                Some(r) => {
                    let half = rules.maintain_tolerance * r.abs();
                    let (lo, hi, falloff) = (r - half, r + half, rules.range_falloff);
                    range = Some((lo, hi));
                    expected = Some(1.0);
                    progress_of = Some(Box::new(move |v| range_progress(v, lo, hi, falloff)));
                }
                None => warnings.push(
                    "maintien sans valeur de référence ni cible : l'indicateur n'est pas évalué"
                        .to_owned(),
                ),
            }
        }
        Direction::Fourchette => match &indicator.target_range {
            Some(r) => {
                let (lo, hi, falloff) = (r.min.min(r.max), r.max.max(r.min), rules.range_falloff);
                range = Some((lo, hi));
                expected = Some(1.0);
                progress_of = Some(Box::new(move |v| range_progress(v, lo, hi, falloff)));
            }
            None => warnings.push(
                "fourchette sans « target_range » : l'indicateur n'est pas évalué".to_owned(),
            ),
        },
        Direction::Unknown(code) => {
            target_date = None;
            warnings.push(format!(
                "sens « {code} » inconnu : l'indicateur n'est pas évalué"
            ));
        }
    }

    let is_context = indicator.kind == IndicatorKind::Contexte;
    let progress = match (&progress_of, actual) {
        (Some(f), Some(v)) if !is_context => Some(f(v)),
        _ => None,
    };
    let expected = if is_context { None } else { expected };
    let stale = last_measurement.is_some_and(|last| {
        at.checked_sub_months(Months::new(rules.max_age_months))
            .is_some_and(|limit| last < limit)
    });
    let computed = if is_context || progress_of.is_none() {
        None
    } else {
        match (progress, expected) {
            (None, _) => Some(Status::PasDeDonnees),
            (Some(_), _) if stale => {
                warnings.push(format!(
                    "dernière mesure du {} : plus de {} mois avant le {}",
                    last_measurement.map(|d| d.to_string()).unwrap_or_default(),
                    rules.max_age_months,
                    at
                ));
                Some(Status::DonneesTropAnciennes)
            }
            (Some(p), e) => {
                let directional =
                    matches!(indicator.direction, Direction::Hausse | Direction::Baisse);
                let period_over = target_date.is_none_or(|d| at >= d);
                if p + EPSILON >= rules.achieved_at && (directional || period_over) {
                    Some(Status::Atteint)
                } else {
                    let gap = p - e.unwrap_or(p);
                    Some(band_status(&rules.bands, gap).unwrap_or(Status::EnBonneVoie))
                }
            }
        }
    };
    let status = indicator
        .status_override
        .as_ref()
        .map(|o| o.status.clone())
        .or_else(|| computed.clone());
    let targets = &indicator.intermediate_targets;
    let intermediate_targets: Vec<DatedValue> = date_order(targets.iter().map(|t| t.date))
        .into_iter()
        .map(|i| targets[i].clone())
        .collect();
    IndicatorEvaluation {
        id: indicator.id.clone(),
        label: indicator.label.clone(),
        unit: indicator.unit.clone(),
        kind: indicator.kind.clone(),
        direction: indicator.direction.clone(),
        node: node.to_owned(),
        illustrative: indicator.illustrative,
        weight: weight_of(indicator.weight),
        baseline,
        target,
        range,
        intermediate_targets,
        actual,
        last_measurement,
        progress,
        expected,
        status,
        computed_status: computed,
        status_override: indicator.status_override.clone(),
        series,
        breakdowns,
        warnings,
    }
}

fn breakdowns_of(
    measurements: &[&crate::indicator::Measurement],
    cumulative: bool,
) -> Vec<Breakdown> {
    let mut out: Vec<Breakdown> = Vec::new();
    for i in date_order(measurements.iter().map(|m| m.date)) {
        let m = measurements[i];
        if !m.value.is_finite() {
            continue;
        }
        match out
            .iter_mut()
            .find(|b| b.commune == m.commune && b.public == m.public)
        {
            Some(b) => {
                b.value = if cumulative {
                    b.value + m.value
                } else {
                    m.value
                };
                b.date = m.date;
            }
            None => out.push(Breakdown {
                commune: m.commune.clone(),
                public: m.public.clone(),
                date: m.date,
                value: m.value,
            }),
        }
    }
    out
}

/// The positions of `dates` from the earliest date to the latest, equal dates in their order
/// (what a stable sort by date gives), through the crate's one sort ([`crate::order`]).
fn date_order(dates: impl Iterator<Item = NaiveDate>) -> Vec<usize> {
    crate::order::stable_order(dates.map(crate::order::date_key))
}

/// Piecewise-linear value at `at` through `points` (sorted by date), flat outside.
fn piecewise(at: NaiveDate, points: &[(NaiveDate, f64)]) -> f64 {
    let Some(&(first_date, first_value)) = points.first() else {
        return 0.0;
    };
    if at <= first_date {
        return first_value;
    }
    for pair in points.windows(2) {
        let ((d0, v0), (d1, v1)) = (pair[0], pair[1]);
        if at <= d1 {
            return if d1 > d0 {
                linear(at, d0, v0, d1, v1)
            } else {
                v1
            };
        }
    }
    points
        .last()
        .map(|&(_, v)| v)
        .unwrap_or(0.0)
        .clamp(0.0, 1.0)
}

/// A number written the French way for warnings (`12,5`).
pub(crate) fn fmt_num(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if !rounded.is_finite() || rounded.abs() >= 1e15 {
        return Plain(value).to_string();
    }
    let text = if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        Plain(rounded).to_string()
    };
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    // Thousands separated by a no-break space from 10 000 up (French usage).
    let mut grouped = String::new();
    if int.len() > 4 {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
    } else {
        grouped.push_str(int);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// Checks the evaluation part of a plan: the rules, and each indicator's overrides, targets
/// and ranges. Returns every problem found, each with its JSON path. The plan validator
/// ([`Plan::validate`](crate::Plan)) runs these checks along with the others (weights, reasons
/// of status overrides and finite numbers are checked there).
pub fn validate_evaluation(plan: &Plan) -> Vec<ValidationError> {
    let mut errors = validate_rules(&plan.evaluation, "$.evaluation");
    let mut check = |path: &str, indicators: &[Indicator]| {
        for (k, indicator) in indicators.iter().enumerate() {
            errors.extend(validate_indicator_rules(
                indicator,
                &format!("{path}.indicators[{k}]"),
            ));
        }
    };
    check("$", &plan.indicators);
    for (a, axis) in plan.axes.iter().enumerate() {
        let path = format!("$.axes[{a}]");
        check(&path, &axis.indicators);
        for (s, so) in axis.strategic_objectives.iter().enumerate() {
            let path = format!("{path}.strategic_objectives[{s}]");
            check(&path, &so.indicators);
            for (p, sp) in so.specific_objectives.iter().enumerate() {
                let path = format!("{path}.specific_objectives[{p}]");
                check(&path, &sp.indicators);
                for (i, action) in sp.actions.iter().enumerate() {
                    check(&format!("{path}.actions[{i}]"), &action.indicators);
                }
            }
        }
    }
    errors
}

/// Checks the evaluation rules of one indicator found at `path`: its overrides, its target
/// against its direction and baseline, its intermediate targets and its range.
pub fn validate_indicator_rules(ind: &Indicator, path: &str) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let errors = &mut errors;
    {
        if let Some(rules) = &ind.rules {
            errors.extend(validate_override(rules, &format!("{path}.rules")));
        }
        let rule = |errors: &mut Vec<ValidationError>, field: &str, message: String| {
            errors.push(ValidationError::new(
                ErrorKind::InvalidRule,
                format!("{path}{field}"),
                message,
            ));
        };
        let steered = ind.kind != IndicatorKind::Contexte;
        match &ind.direction {
            Direction::Hausse | Direction::Baisse => {
                if steered && ind.target.is_none() {
                    rule(errors, "", format!("L'indicateur « {} » est en {} mais n'a pas de cible : ajoutez « target » (date et valeur), ou classez-le en « contexte ».", ind.id, ind.direction.code()));
                }
                if let (Some(b), Some(t)) = (&ind.baseline, &ind.target) {
                    if t.date <= b.date {
                        errors.push(ValidationError::new(ErrorKind::DateOrder, format!("{path}.target.date"), format!("La date de la cible ({}) doit suivre celle de la valeur de référence ({}).", t.date, b.date)));
                    }
                    let wrong_way = match ind.direction {
                        Direction::Hausse => t.value < b.value,
                        _ => t.value > b.value,
                    };
                    if wrong_way {
                        rule(errors, ".target.value", format!("La cible ({}) va dans le sens contraire de « {} » par rapport à la valeur de référence ({}) : corrigez le sens ou la cible.", fmt_num(t.value), ind.direction.code(), fmt_num(b.value)));
                    }
                    for (n, it) in ind.intermediate_targets.iter().enumerate() {
                        if it.date <= b.date || it.date >= t.date {
                            errors.push(ValidationError::new(ErrorKind::DateOrder, format!("{path}.intermediate_targets[{n}].date"), format!("Une cible intermédiaire ({}) doit tomber entre la date de référence ({}) et celle de la cible ({}).", it.date, b.date, t.date)));
                        }
                    }
                }
            }
            Direction::Fourchette => match &ind.target_range {
                None if steered => rule(errors, "", format!("L'indicateur « {} » vise une fourchette mais n'a pas de « target_range » (min, max).", ind.id)),
                Some(r) if !(r.min.is_finite() && r.max.is_finite() && r.min <= r.max) => rule(errors, ".target_range", format!("La fourchette cible doit aller d'un minimum à un maximum plus grand ou égal, pas de {} à {}.", fmt_num(r.min), fmt_num(r.max))),
                _ => {}
            },
            Direction::Maintien => {
                if steered && ind.target.is_none() && ind.baseline.is_none() {
                    rule(errors, "", format!("L'indicateur « {} » est en maintien mais n'a ni valeur de référence ni cible.", ind.id));
                }
            }
            Direction::Unknown(_) => {}
        }
    }
    std::mem::take(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `date_order` puts a list in the order of a stable sort by date.
        #[test]
        fn date_order_is_a_stable_sort(days in proptest::collection::vec(0i64..40, 0..60)) {
            let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
            let items: Vec<(NaiveDate, usize)> = days
                .iter()
                .enumerate()
                .map(|(i, &d)| (start + chrono::Days::new(d as u64), i))
                .collect();
            let mut stable = items.clone();
            stable.sort_by_key(|&(date, _)| date);
            let ordered: Vec<(NaiveDate, usize)> = date_order(items.iter().map(|&(date, _)| date))
                .into_iter()
                .map(|i| items[i])
                .collect();
            proptest::prop_assert_eq!(ordered, stable);
        }
    }

    #[test]
    fn target_equal_to_baseline_is_reached_or_not() {
        assert_eq!(directional_progress(5.0, 5.0, 5.0, &Direction::Hausse), 1.0);
        assert_eq!(directional_progress(4.0, 5.0, 5.0, &Direction::Hausse), 0.0);
        assert_eq!(directional_progress(4.0, 5.0, 5.0, &Direction::Baisse), 1.0);
        assert_eq!(directional_progress(6.0, 5.0, 5.0, &Direction::Baisse), 0.0);
    }

    #[test]
    fn range_progress_falls_off_outside() {
        assert_eq!(range_progress(5.0, 4.0, 6.0, 1.0), 1.0);
        assert_eq!(range_progress(7.0, 4.0, 6.0, 1.0), 0.5);
        assert_eq!(range_progress(2.0, 4.0, 6.0, 1.0), 0.0);
    }

    #[test]
    fn numbers_are_written_the_french_way() {
        assert_eq!(fmt_num(12.5), "12,5");
        assert_eq!(fmt_num(4000.0), "4000");
        assert_eq!(fmt_num(-12345.678), "-12\u{a0}345,68");
        assert_eq!(fmt_num(1234567.0), "1\u{a0}234\u{a0}567");
    }

    #[test]
    fn piecewise_goes_through_the_points() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let points = [
            (d(2020, 1, 1), 0.0),
            (d(2021, 1, 1), 0.8),
            (d(2022, 1, 1), 1.0),
        ];
        assert_eq!(piecewise(d(2019, 1, 1), &points), 0.0);
        assert_eq!(piecewise(d(2021, 1, 1), &points), 0.8);
        assert_eq!(piecewise(d(2023, 1, 1), &points), 1.0);
    }
}
