//! Indicators of follow-up attached to the plan, an objective or an action, with their
//! dated measurements.

use crate::evaluation::{RulesOverride, StatusOverride};
use crate::vocabulary::{Direction, IndicatorKind, Public};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

fn is_false(value: &bool) -> bool {
    !*value
}

/// An indicator of follow-up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Identifier, unique in the plan.
    pub id: String,
    /// What is measured.
    pub label: String,
    /// Unit as people write it: `nombre`, `%`, `€`, `ratio`, `places`…
    pub unit: String,
    /// Résultat, moyens or contexte.
    pub kind: IndicatorKind,
    /// Which way is better.
    pub direction: Direction,
    /// The value at the start, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<DatedValue>,
    /// The value aimed at, and by when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<DatedValue>,
    /// For `fourchette`: the range aimed at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_range: Option<Range>,
    /// Intermediate targets between the baseline and the target.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intermediate_targets: Vec<DatedValue>,
    /// Whether measurements are counts to add up (each one counts what happened since the last).
    #[serde(default, skip_serializing_if = "is_false")]
    pub cumulative: bool,
    /// How the value is checked (moyen de vérification).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<String>,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The id of the partner responsible for measuring it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    /// Whether the baseline, target or measurements are illustrative rather than real.
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Weight in the roll-up of its node (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Evaluation rules that differ from the plan's for this indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<RulesOverride>,
    /// A status set by hand, with its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_override: Option<StatusOverride>,
    /// The measurements, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
}

/// A value at a date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    /// The date.
    pub date: NaiveDate,
    /// The value.
    pub value: f64,
}

/// A closed range of values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Lowest acceptable value.
    pub min: f64,
    /// Highest acceptable value.
    pub max: f64,
}

/// A dated measurement of an indicator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// The date the value describes.
    pub date: NaiveDate,
    /// The value.
    pub value: f64,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The INSEE code of the commune the value concerns, if only one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// The public the value concerns, if only one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<Public>,
}
