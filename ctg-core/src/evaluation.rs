//! Evaluation of a plan at a date: progress, expected progress and status of every node.
//!
//! (Being built: see issue 3. This module holds the rule types the plan format refers to.)

use crate::vocabulary::Status;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The rules that turn measurements into progress and statuses, with documented defaults.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationRules {}

/// Rules of one indicator that differ from the plan's.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesOverride {}

/// A status set by hand on a node or an indicator. The reason is required and shows in reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusOverride {
    /// The status to show.
    pub status: Status,
    /// Why, in words the comité de pilotage reads.
    pub reason: String,
}
