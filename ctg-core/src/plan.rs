//! The plan: identity, territory, partners, signature, period, diagnostic, and the tree
//! axes → objectif général → objectifs stratégiques → objectifs spécifiques → fiches actions.
//!
//! The JSON format is documented in `docs/plan-format.md`; its JSON Schema, generated from
//! these types, is `docs/plan.schema.json`.

use crate::diagnostic::Diagnostic;
use crate::evaluation::{EvaluationRules, StatusOverride};
use crate::indicator::Indicator;
use crate::territory::Territory;
use crate::vocabulary::{ActionStatus, PartnerKind, PlanKind, Public, Role, Theme};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version tag every plan file carries in its `format` field.
pub const FORMAT: &str = "ctg-plan/1";

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A Convention Territoriale Globale (or a comparable territorial social project).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The format version: `ctg-plan/1`.
    pub format: String,
    /// Identifier of the plan.
    pub id: String,
    /// Title.
    pub title: String,
    /// What kind of document this is.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: PlanKind,
    /// The plan's ambition in a few sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The territory covered.
    pub territory: Territory,
    /// Partners, each with its roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
    /// Where, when and by whom the plan was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// The period the plan covers.
    pub period: Period,
    /// The public contact for the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// The documents the plan's contents come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The territorial diagnostic.
    #[serde(default, skip_serializing_if = "is_default")]
    pub diagnostic: Diagnostic,
    /// The axes of the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub axes: Vec<Axis>,
    /// Indicators of the plan as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// The rules that turn measurements into progress and statuses.
    #[serde(default, skip_serializing_if = "is_default")]
    pub evaluation: EvaluationRules,
    /// Remarks on the file itself (what is illustrative, what was left out…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An organisation taking part in the plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Identifier, unique in the plan.
    pub id: String,
    /// Name as the plan writes it.
    pub name: String,
    /// A short name (`CAF`, `MSA`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// The kind of organisation.
    pub kind: PartnerKind,
    /// Its roles in the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Its public website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The signature of the plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The date of signature.
    pub date: NaiveDate,
    /// Where it was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The ids of the signatory partners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<String>,
}

/// A closed period of dates.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

impl Period {
    /// Whether `date` falls within the period, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A public contact. Only contacts a source publishes belong here.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The organisation to contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// A function (not a person's name, unless a source publishes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The source id that publishes this contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A document the plan's contents come from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier, unique in the plan.
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A remark on the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A due date written in an objective, with the words that set it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Due {
    /// The date by which the objective is due.
    pub date: NaiveDate,
    /// The wording of the plan (`avant fin 2019`, `d'ici 2020`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// An axe: a priority of the plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// Identifier, unique in the plan.
    pub id: String,
    /// Its number in the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Title.
    pub title: String,
    /// The objectif général of the axis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general_objective: Option<String>,
    /// Themes of the axis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// The objectifs stratégiques.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategic_objectives: Vec<StrategicObjective>,
    /// Indicators attached to the axis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Weight in the roll-up of the plan (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// A status set by hand, with its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_override: Option<StatusOverride>,
}

/// An objectif stratégique.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrategicObjective {
    /// Identifier, unique in the plan.
    pub id: String,
    /// Title.
    pub title: String,
    /// Due date, if the plan sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
    /// Themes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// The objectifs spécifiques.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specific_objectives: Vec<SpecificObjective>,
    /// Indicators attached to the objective.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Weight in the roll-up of its axis (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// A status set by hand, with its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_override: Option<StatusOverride>,
}

/// An objectif spécifique (opérationnel).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpecificObjective {
    /// Identifier, unique in the plan.
    pub id: String,
    /// Title: the objective as the plan writes it.
    pub title: String,
    /// Due date, if the plan sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
    /// Themes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// Publics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publics: Vec<Public>,
    /// The fiches actions that serve the objective.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Indicators attached to the objective.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Weight in the roll-up of its strategic objective (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// A status set by hand, with its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_override: Option<StatusOverride>,
}

/// A fiche action.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Identifier, unique in the plan.
    pub id: String,
    /// Title.
    pub title: String,
    /// What the action does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The id of the partner that leads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The ids of the partners that take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Publics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publics: Vec<Public>,
    /// INSEE codes of the communes concerned (none: the whole territory).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communes: Vec<String>,
    /// Ids of the poles concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub poles: Vec<String>,
    /// Themes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// Start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// End date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// How far it has come.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ActionStatus,
    /// Budget lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<BudgetLine>,
    /// Milestones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// Ids of other objectives the action also serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributes_to: Vec<String>,
    /// Indicators of the action.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Weight in the roll-up of its objective (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// A status set by hand, with its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_override: Option<StatusOverride>,
}

/// A line of an action's budget.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// The year.
    pub year: i32,
    /// The amount in euros.
    pub amount: f64,
    /// The id of the funding partner.
    pub funder: String,
    /// What the line pays for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A milestone of an action.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// What is to be reached.
    pub title: String,
    /// By when.
    pub date: NaiveDate,
    /// Whether it was reached.
    #[serde(default, skip_serializing_if = "is_default")]
    pub done: bool,
}
