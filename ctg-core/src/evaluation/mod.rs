//! Evaluation of a plan at a date: progress, expected progress and status of every node and
//! every indicator, rolled up from fiches actions to objectives, axes and the plan.
//!
//! The rules are data in the plan ([`EvaluationRules`], field `evaluation`), with the
//! defaults documented in `docs/evaluation.md`. [`evaluate`] is a pure function: the date is
//! a parameter, nothing is read from the clock. [`compare`] tells what changed between two
//! evaluations ("what changed since the last comité"). The [`report`] module renders an
//! evaluation as Markdown, HTML or CSV.

mod compare;
mod engine;
pub mod report;
mod rules;

pub use compare::{compare, Change, Comparison};
pub use engine::{
    evaluate, validate_evaluation, validate_indicator_rules, Breakdown, Contribution, Evaluation,
    IndicatorEvaluation, Level, NodeEvaluation, Point,
};
pub use rules::{
    default_bands, validate_bands, validate_override, validate_rules, ActionProgress,
    EvaluationRules, MissingData, RulesOverride, StatusBand,
};

use crate::vocabulary::Status;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A status set by hand on a node or an indicator. The reason is required and shows in reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusOverride {
    /// The status to show.
    pub status: Status,
    /// Why, in words the comité de pilotage reads.
    pub reason: String,
}
