//! Comparison of two evaluations: what changed since the last comité.

use super::engine::{Evaluation, Level};
use crate::vocabulary::Status;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A node or indicator whose status or progress changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Its id.
    pub id: String,
    /// Its title or label.
    pub title: String,
    /// Its level (`indicateur` for an indicator).
    pub level: Level,
    /// Status before.
    pub status_before: Option<Status>,
    /// Status after.
    pub status_after: Option<Status>,
    /// Progress before.
    pub progress_before: Option<f64>,
    /// Progress after.
    pub progress_after: Option<f64>,
    /// `progress_after − progress_before`, when both are known.
    pub progress_delta: Option<f64>,
}

impl Change {
    /// Whether the status changed.
    pub fn status_changed(&self) -> bool {
        self.status_before != self.status_after
    }
}

/// What changed between two evaluations of the same plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The date of the earlier evaluation.
    pub from: NaiveDate,
    /// The date of the later evaluation.
    pub to: NaiveDate,
    /// Nodes and indicators whose status or progress changed, plan first, in file order.
    pub changes: Vec<Change>,
    /// Indicators with a measurement more recent than before (new data).
    pub new_data: Vec<String>,
    /// Indicators that had data before and have none now.
    pub lost_data: Vec<String>,
    /// Ids present only in the later evaluation.
    pub added: Vec<String>,
    /// Ids present only in the earlier evaluation.
    pub removed: Vec<String>,
}

const DELTA: f64 = 1e-9;

/// Compares two evaluations (usually of the same plan at two dates, or of two versions of
/// the plan): status changes, progress deltas, new and lost data.
///
/// ```
/// # use ctg_core::evaluation::{evaluate, compare};
/// # let plan: ctg_core::Plan = serde_json::from_value(serde_json::json!({
/// #   "format": "ctg-plan/1", "id": "p", "title": "Plan",
/// #   "territory": {},
/// #   "period": {"start": "2020-01-01", "end": "2023-12-31"},
/// #   "indicators": [{"id": "i1", "label": "Places", "unit": "places", "kind": "resultat",
/// #     "direction": "hausse", "baseline": {"date": "2020-01-01", "value": 10},
/// #     "target": {"date": "2022-01-01", "value": 20},
/// #     "measurements": [{"date": "2021-01-01", "value": 15}]}]})).unwrap();
/// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let comparison = compare(&evaluate(&plan, d(2020, 6, 1)), &evaluate(&plan, d(2021, 6, 1)));
/// assert_eq!(comparison.new_data, vec!["i1".to_string()]);
/// ```
pub fn compare(before: &Evaluation, after: &Evaluation) -> Comparison {
    use std::collections::HashMap;
    let mut changes = Vec::new();
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let before_nodes: HashMap<&str, _> = std::iter::once(&before.plan)
        .chain(before.nodes.iter())
        .map(|n| (n.id.as_str(), n))
        .collect();
    let after_ids: std::collections::HashSet<&str> = std::iter::once(&after.plan)
        .chain(after.nodes.iter())
        .map(|n| n.id.as_str())
        .chain(after.indicators.iter().map(|i| i.id.as_str()))
        .collect();
    for node in std::iter::once(&after.plan).chain(after.nodes.iter()) {
        match before_nodes.get(node.id.as_str()) {
            Some(old) => push_change(
                &mut changes,
                &node.id,
                &node.title,
                node.level,
                (old.status.clone(), node.status.clone()),
                (old.progress, node.progress),
            ),
            None => added.push(node.id.clone()),
        }
    }
    let before_indicators: HashMap<&str, _> = before
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i))
        .collect();
    let mut new_data = Vec::new();
    let mut lost_data = Vec::new();
    for ind in &after.indicators {
        match before_indicators.get(ind.id.as_str()) {
            Some(old) => {
                push_change(
                    &mut changes,
                    &ind.id,
                    &ind.label,
                    Level::Indicateur,
                    (old.status.clone(), ind.status.clone()),
                    (old.progress, ind.progress),
                );
                match (old.last_measurement, ind.last_measurement) {
                    (None, Some(_)) => new_data.push(ind.id.clone()),
                    (Some(a), Some(b)) if b > a || old.series.len() < ind.series.len() => {
                        new_data.push(ind.id.clone())
                    }
                    (Some(_), None) => lost_data.push(ind.id.clone()),
                    _ => {}
                }
            }
            None => {
                added.push(ind.id.clone());
                if ind.last_measurement.is_some() {
                    new_data.push(ind.id.clone());
                }
            }
        }
    }
    for id in std::iter::once(&before.plan)
        .chain(before.nodes.iter())
        .map(|n| n.id.as_str())
        .chain(before.indicators.iter().map(|i| i.id.as_str()))
    {
        if !after_ids.contains(id) {
            removed.push(id.to_owned());
        }
    }
    Comparison {
        from: before.at,
        to: after.at,
        changes,
        new_data,
        lost_data,
        added,
        removed,
    }
}

fn push_change(
    changes: &mut Vec<Change>,
    id: &str,
    title: &str,
    level: Level,
    (status_before, status_after): (Option<Status>, Option<Status>),
    (progress_before, progress_after): (Option<f64>, Option<f64>),
) {
    let progress_delta = match (progress_before, progress_after) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    let progress_changed = match progress_delta {
        Some(d) => d.abs() > DELTA,
        None => progress_before.is_some() != progress_after.is_some(),
    };
    if status_before != status_after || progress_changed {
        changes.push(Change {
            id: id.to_owned(),
            title: title.to_owned(),
            level,
            status_before,
            status_after,
            progress_before,
            progress_after,
            progress_delta,
        });
    }
}
