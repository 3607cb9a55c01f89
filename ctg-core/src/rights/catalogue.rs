//! The catalogue format `ctg-droits/1`: questions (facts), dated parameters, derived facts,
//! benefits and services, and the local places that help with them.
//!
//! The format is documented in `docs/rights-format.md`; its JSON Schema, generated from these
//! types, is `docs/rights.schema.json`. Eligibility conditions are expression trees
//! ([`Rule`]), parsed and checked by [`crate::rights::compile`].

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The version tag every catalogue carries in its `format` field.
pub const FORMAT: &str = "ctg-droits/1";

/// A catalogue of benefits and local services with their eligibility rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The format version: `ctg-droits/1`.
    pub format: String,
    /// Identifier of the catalogue.
    pub id: String,
    /// Title, in French.
    pub title: String,
    /// The version of the catalogue's contents (free text, e.g. a date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The territory the catalogue is written for, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    /// The documents the rules come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<CatalogueSource>,
    /// The questions a person may be asked (the facts of a situation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Dated legal parameters (ceilings, rates, ages…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<Parameter>,
    /// Named derived facts: reusable sub-rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<Derived>,
    /// Benefits and services.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<Benefit>,
    /// Local places that help people (lieux ressources).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// Remarks on the file (what is simplified, what is illustrative…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A document a catalogue's rules come from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueSource {
    /// Title of the document.
    pub title: String,
    /// Its public address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The type of the answer to a question.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    /// Yes or no (`true` / `false`).
    #[default]
    OuiNon,
    /// A whole number.
    Entier,
    /// An amount in euros per month.
    MontantMensuel,
    /// An amount in euros per year.
    MontantAnnuel,
    /// A date (`"2025-01-31"`).
    Date,
    /// One code among the question's `options`.
    Choix,
    /// A commune, by its 5-character INSEE code (`"86078"`, `"2A004"`).
    Commune,
}

impl QuestionType {
    /// The JSON code of the type.
    pub fn code(self) -> &'static str {
        match self {
            QuestionType::OuiNon => "oui_non",
            QuestionType::Entier => "entier",
            QuestionType::MontantMensuel => "montant_mensuel",
            QuestionType::MontantAnnuel => "montant_annuel",
            QuestionType::Date => "date",
            QuestionType::Choix => "choix",
            QuestionType::Commune => "commune",
        }
    }
}

/// Who a question is about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The household as a whole: asked once.
    #[default]
    Foyer,
    /// Each member of the household: asked per member, read with `{"member": "id"}`.
    Membre,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A question (a fact of the situation).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier, unique among questions and derived facts (lowercase ASCII, digits, `_`).
    pub id: String,
    /// The question as asked, in French.
    pub label: String,
    /// A short noun phrase for explanations (« loyer mensuel »); defaults to the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Help shown with the question, in French.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The question in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// Help in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_en: Option<String>,
    /// The type of the answer.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// Whether the question is about the household (`foyer`, default) or each member (`membre`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub scope: Scope,
    /// Smallest accepted answer (numbers and amounts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest accepted answer (numbers and amounts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The accepted codes of a `choix` question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Breaks ties in the choice of the next question: higher is asked first (default 0).
    #[serde(default, skip_serializing_if = "is_default")]
    pub priority: i32,
}

impl Question {
    /// The codes of its options, as a list for messages: `a, b, c`.
    pub fn option_codes(&self) -> String {
        let codes: Vec<&str> = self.options.iter().map(|o| o.code.as_str()).collect();
        codes.join(", ")
    }
}

/// One option of a `choix` question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The code written in situations and rules.
    pub code: String,
    /// The label shown, in French.
    pub label: String,
    /// The label in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
}

/// The unit of a parameter.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Euros.
    Euro,
    /// Euros per month.
    EuroParMois,
    /// Euros per year.
    EuroParAn,
    /// A rate as a fraction (0.5 = 50 %).
    Taux,
    /// A number of years.
    Annees,
    /// A number of months.
    Mois,
    /// A number of hours.
    Heures,
    /// A count or a plain number.
    #[default]
    Nombre,
}

impl Unit {
    /// The French word written after a value.
    pub fn label_fr(self) -> &'static str {
        match self {
            Unit::Euro => "€",
            Unit::EuroParMois => "€ par mois",
            Unit::EuroParAn => "€ par an",
            Unit::Taux => "(taux)",
            Unit::Annees => "ans",
            Unit::Mois => "mois",
            Unit::Heures => "heures",
            Unit::Nombre => "",
        }
    }
}

/// A legal parameter whose value changes over time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Identifier, unique among parameters.
    pub id: String,
    /// What the parameter is, in French.
    pub label: String,
    /// Its unit.
    pub unit: Unit,
    /// Its values, sorted by `from`; a date's value is the last one whose `from` is on or before it.
    pub values: Vec<ParameterValue>,
}

/// The value of a parameter from a date on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParameterValue {
    /// First day the value is in force.
    pub from: NaiveDate,
    /// The value.
    pub value: f64,
    /// The legal reference (text, article, or OpenFisca parameter path).
    pub reference: String,
}

/// A named derived fact: a reusable sub-rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Derived {
    /// Identifier, unique among questions and derived facts.
    pub id: String,
    /// What it means, in French.
    pub label: String,
    /// `foyer` (default): computed once for the household; `membre`: computed for each member,
    /// usable only inside a quantifier.
    #[serde(default, skip_serializing_if = "is_default")]
    pub scope: Scope,
    /// Its definition.
    pub value: Rule,
}

/// The institution that grants a benefit or runs a service.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Institution {
    /// Caisse d'Allocations Familiales.
    Caf,
    /// Mutualité Sociale Agricole.
    Msa,
    /// The Département.
    Departement,
    /// The community of communes (CdC).
    Cdc,
    /// A commune.
    Commune,
    /// A CCAS or CIAS.
    Ccas,
    /// France Travail.
    FranceTravail,
    /// A Mission Locale.
    MissionLocale,
    /// The health insurance (CPAM).
    Cpam,
    /// A service of the State.
    Etat,
    /// The Région.
    Region,
    /// An association.
    Association,
    /// Another institution.
    #[default]
    Autre,
}

impl Institution {
    /// The French name.
    pub fn label_fr(self) -> &'static str {
        match self {
            Institution::Caf => "CAF",
            Institution::Msa => "MSA",
            Institution::Departement => "Département",
            Institution::Cdc => "Communauté de communes",
            Institution::Commune => "Commune",
            Institution::Ccas => "CCAS / CIAS",
            Institution::FranceTravail => "France Travail",
            Institution::MissionLocale => "Mission Locale",
            Institution::Cpam => "Assurance maladie (CPAM)",
            Institution::Etat => "État",
            Institution::Region => "Région",
            Institution::Association => "Association",
            Institution::Autre => "Autre",
        }
    }
}

/// A paying body that replaces a benefit's `institution` when a household `choix` question has
/// a given answer (the MSA instead of the CAF for the agricultural regime).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstitutionWhen {
    /// The id of a household `choix` question.
    pub question: String,
    /// One of its option codes.
    pub answer: String,
    /// The paying body when the question has this answer.
    pub institution: Institution,
}

/// The kind of an entry of the catalogue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BenefitKind {
    /// A benefit paid or granted (allocation, aide…).
    #[default]
    Prestation,
    /// A local service (accueil, accompagnement, mode de garde…).
    Service,
}

/// The category of a benefit or service.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Family benefits.
    Famille,
    /// Early childhood and childcare.
    PetiteEnfance,
    /// Children and youth.
    Jeunesse,
    /// Housing.
    Logement,
    /// Minimum income and activity.
    Solidarite,
    /// Disability.
    Handicap,
    /// Older people.
    Seniors,
    /// Health.
    Sante,
    /// Energy.
    Energie,
    /// Education and school.
    Education,
    /// Employment and integration.
    Emploi,
    /// Mobility.
    Mobilite,
    /// Access to rights and digital help.
    AccesAuxDroits,
    /// Leisure, culture, sport.
    Loisirs,
    /// Anything else.
    #[default]
    Autre,
}

/// How to apply for a benefit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HowToApply {
    /// The official page (service-public.fr, caf.fr, msa.fr…).
    pub url: String,
    /// What to do, in French.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A benefit or a service, with its eligibility condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Benefit {
    /// Identifier, unique among benefits.
    pub id: String,
    /// Name, in French.
    pub name: String,
    /// Short name (`AF`, `RSA`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// A benefit (`prestation`, default) or a service.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: BenefitKind,
    /// Who grants it.
    pub institution: Institution,
    /// Other paying bodies according to a household answer (e.g. the MSA for the agricultural
    /// regime); the first that matches replaces `institution`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub institution_when: Vec<InstitutionWhen>,
    /// Its category.
    pub category: Category,
    /// What it is, in plain French.
    pub summary: String,
    /// The eligibility condition (a yes/no expression).
    pub condition: Rule,
    /// First day the benefit exists (none: no start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// Last day the benefit exists (none: no end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// How to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply: Option<HowToApply>,
    /// Ids of the local places that help with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Ids of the plan objectives it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    /// Legal references of the benefit as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// Remarks (simplifications of the rule…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The kind of a local place.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// An espace France Services.
    FranceServices,
    /// A CAF reception or office.
    Caf,
    /// An MSA reception or office.
    Msa,
    /// A CCAS or CIAS.
    Ccas,
    /// A town hall.
    Mairie,
    /// A social centre or espace de vie sociale.
    CentreSocial,
    /// A departmental social service (maison départementale des solidarités).
    ServiceDepartemental,
    /// A France Travail agency.
    FranceTravail,
    /// A Mission Locale.
    MissionLocale,
    /// A relais petite enfance.
    RelaisPetiteEnfance,
    /// A childcare facility.
    ModeDeGarde,
    /// A youth facility.
    Jeunesse,
    /// An association.
    Association,
    /// Another kind.
    #[default]
    Autre,
}

/// Public contact details, only as a public source gives them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Public phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Public e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Public website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where these details come from (required when any is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A local place that helps people (lieu ressource).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Identifier, unique among places.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: PlaceKind,
    /// INSEE codes of the communes it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communes: Vec<String>,
    /// Themes it works on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<crate::vocabulary::Theme>,
    /// Public contact, only where a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// An expression of the rule language, as written in JSON (see `docs/rights-format.md`).
///
/// Kept as raw JSON in the catalogue so that compilation can report every error with its
/// exact path; [`crate::rights::expr::Expr::parse`] turns it into a tree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rule(pub serde_json::Value);

impl JsonSchema for Rule {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Rule")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let r = serde_json::json!({ "$ref": "#/$defs/Rule" });
        let list = serde_json::json!({ "type": "array", "items": r });
        let pair = serde_json::json!({ "type": "array", "items": r, "minItems": 2, "maxItems": 2 });
        let triple =
            serde_json::json!({ "type": "array", "items": r, "minItems": 3, "maxItems": 3 });
        let mut variants = vec![
            serde_json::json!({ "type": "boolean" }),
            serde_json::json!({ "type": "number" }),
            serde_json::json!({ "type": "string", "description": "A code (option of a choix question, INSEE code)." }),
        ];
        let mut op = |key: &str, schema: serde_json::Value| {
            variants.push(serde_json::json!({
                "type": "object",
                "properties": { key: schema, "label": { "type": "string" } },
                "required": [key],
                "additionalProperties": false
            }));
        };
        for key in ["all", "any", "+", "*", "min", "max"] {
            op(key, list.clone());
        }
        for key in ["<", "<=", ">", ">=", "==", "!=", "-", "/"] {
            op(key, pair.clone());
        }
        op("between", triple.clone());
        op("if", triple);
        op("not", r.clone());
        op(
            "in",
            serde_json::json!({ "type": "array", "minItems": 2, "maxItems": 2,
            "prefixItems": [r, { "type": "array", "items": { "type": ["string", "number"] } }] }),
        );
        for key in ["fact", "param", "derived", "member", "role"] {
            op(key, serde_json::json!({ "type": "string" }));
        }
        op(
            "date",
            serde_json::json!({ "type": "string", "format": "date" }),
        );
        for key in ["age", "today"] {
            op(
                key,
                serde_json::json!({ "type": "object", "maxProperties": 0 }),
            );
        }
        op("years_since", r.clone());
        op(
            "count",
            serde_json::json!({ "type": "object", "properties": { "members": r },
            "required": ["members"], "additionalProperties": false }),
        );
        op(
            "sum",
            serde_json::json!({ "type": "object", "properties": { "members": r, "of": r },
            "required": ["members", "of"], "additionalProperties": false }),
        );
        op("any_member", r.clone());
        op("all_members", r);
        Schema::try_from(serde_json::json!({
            "description": "An expression of the rule language (see docs/rights-format.md).",
            "anyOf": variants
        }))
        .unwrap_or_default()
    }
}

/// The JSON Schema of the catalogue format, as committed in `docs/rights.schema.json`.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Catalogue);
    serde_json::to_value(schema).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed schema is the one generated from the types. Run with
    /// `UPDATE_SCHEMA=1 cargo test -p ctg-core rights_schema` to rewrite it.
    #[test]
    fn rights_schema_is_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rights.schema.json");
        let generated = serde_json::to_string_pretty(&json_schema()).unwrap() + "\n";
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "docs/rights.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p ctg-core rights_schema"
        );
    }
}
