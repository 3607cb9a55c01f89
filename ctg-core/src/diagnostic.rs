//! The diagnostic of the territory: figures with their reference values, and the findings
//! (constats) that justify the axes.

use crate::vocabulary::{ReferenceLevel, Theme};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The shared diagnostic on which a plan is built.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// How and when the diagnostic was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Territorial indicators: the figures of the diagnostic.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<TerritorialIndicator>,
    /// Findings (constats), each tied to the axes it justifies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// One figure of the diagnostic.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TerritorialIndicator {
    /// Identifier, unique in the plan.
    pub id: String,
    /// What is measured, in French.
    pub label: String,
    /// The value on the territory.
    pub value: f64,
    /// The unit as people write it (`habitants`, `%`, `hab/km²`, `places`…).
    pub unit: String,
    /// The year the value describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The date the value describes, when more precise than a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// A period the value describes, such as `2009-2015`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The part of the population the value is about (`25-34 ans`, `moins de 20 ans`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Reference values for wider areas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<ReferenceValue>,
    /// The id of the source (in the plan's `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Themes the figure informs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// A remark (rounding, wording of the source…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The value of an indicator on a wider area, to compare the territory with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferenceValue {
    /// The area.
    pub level: ReferenceLevel,
    /// The value.
    pub value: f64,
    /// The year, when it differs from the indicator's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// A finding of the diagnostic.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Identifier, unique in the plan.
    pub id: String,
    /// A short title.
    pub title: String,
    /// The finding, in French.
    pub text: String,
    /// The ids of the axes it justifies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub axes: Vec<String>,
    /// Themes it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// The id of the source (in the plan's `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
