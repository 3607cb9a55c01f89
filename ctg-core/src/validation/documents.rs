//! The readers ([`FromJson`](super::FromJson)) of the document types: the plan, the rights
//! catalogue, the situation, and the small values the WebAssembly layer reads (a question
//! reference, an explanation). Each line mirrors the serde attributes of the type: `required`
//! (no attribute), `default` (`#[serde(default)]`), `from_default` (`#[serde(default)]` on
//! the struct), `= "name"` (`rename`), `[deny_unknown_fields]`.
//!
//! The closed vocabularies of `vocabulary.rs` read themselves (their macro implements
//! [`FromJson`](super::FromJson)).

use crate::{json_enum, json_struct};

mod plan {
    use crate::diagnostic::{Diagnostic, Finding, ReferenceValue, TerritorialIndicator};
    use crate::evaluation::{
        ActionProgress, EvaluationRules, MissingData, RulesOverride, StatusBand, StatusOverride,
    };
    use crate::indicator::{DatedValue, Indicator, Measurement, Range};
    use crate::plan::{
        Action, Axis, BudgetLine, Contact, Due, Milestone, Partner, Period, Plan, Signature,
        Source, SpecificObjective, StrategicObjective,
    };
    use crate::territory::{Commune, Epci, Pole, Territory};

    use super::{json_enum, json_struct};

    json_struct!(Plan [deny_unknown_fields] {
        format: required, id: required, title: required, kind: default, summary: default,
        territory: required, partners: default, signature: default, period: required,
        contact: default, sources: default, diagnostic: default, axes: default,
        indicators: default, evaluation: default, notes: default,
    });
    json_struct!(Partner [deny_unknown_fields] {
        id: required, name: required, short_name: default, kind: required, roles: default,
        url: default,
    });
    json_struct!(Signature [deny_unknown_fields] {
        date: required, place: default, signatories: default,
    });
    json_struct!(Period [deny_unknown_fields] { start: required, end: required });
    json_struct!(Contact [deny_unknown_fields] {
        organisation: default, role: default, email: default, phone: default, url: default,
        source: default,
    });
    json_struct!(Source [deny_unknown_fields] {
        id: required, title: required, publisher: default, date: default, url: default,
        note: default,
    });
    json_struct!(Due [deny_unknown_fields] { date: required, text: default });
    json_struct!(Axis [deny_unknown_fields] {
        id: required, number: default, title: required, general_objective: default,
        themes: default, strategic_objectives: default, indicators: default, weight: default,
        status_override: default,
    });
    json_struct!(StrategicObjective [deny_unknown_fields] {
        id: required, title: required, due: default, themes: default,
        specific_objectives: default, indicators: default, weight: default,
        status_override: default,
    });
    json_struct!(SpecificObjective [deny_unknown_fields] {
        id: required, title: required, due: default, themes: default, publics: default,
        actions: default, indicators: default, weight: default, status_override: default,
    });
    json_struct!(Action [deny_unknown_fields] {
        id: required, title: required, description: default, lead: default,
        partners: default, publics: default, communes: default, poles: default,
        themes: default, start: default, end: default, status: default, budget: default,
        milestones: default, contributes_to: default, indicators: default, weight: default,
        status_override: default,
    });
    json_struct!(BudgetLine [deny_unknown_fields] {
        year: required, amount: required, funder: required, label: default,
    });
    json_struct!(Milestone [deny_unknown_fields] {
        title: required, date: required, done: default,
    });

    json_struct!(Territory [deny_unknown_fields] {
        epci: default, communes: default, poles: default, notes: default,
    });
    json_struct!(Epci [deny_unknown_fields] { siren: required, name: required });
    json_struct!(Commune [deny_unknown_fields] {
        insee: required, name: required, postal_codes: default, population: default,
        note: default,
    });
    json_struct!(Pole [deny_unknown_fields] {
        id: required, name: required, communes: default, note: default,
    });

    json_struct!(Diagnostic [deny_unknown_fields] {
        summary: default, indicators: default, findings: default,
    });
    json_struct!(TerritorialIndicator [deny_unknown_fields] {
        id: required, label: required, value: required, unit: required, year: default,
        date: default, period: default, scope: default, references: default, source: default,
        themes: default, note: default,
    });
    json_struct!(ReferenceValue [deny_unknown_fields] {
        level: required, value: required, year: default,
    });
    json_struct!(Finding [deny_unknown_fields] {
        id: required, title: required, text: required, axes: default, themes: default,
        source: default,
    });

    json_struct!(Indicator [deny_unknown_fields] {
        id: required, label: required, unit: required, kind: required, direction: required,
        baseline: default, target: default, target_range: default,
        intermediate_targets: default, cumulative: default, verification: default,
        source: default, responsible: default, illustrative: default, note: default,
        weight: default, rules: default, status_override: default, measurements: default,
    });
    json_struct!(DatedValue [deny_unknown_fields] { date: required, value: required });
    json_struct!(Range [deny_unknown_fields] { min: required, max: required });
    json_struct!(Measurement [deny_unknown_fields] {
        date: required, value: required, source: default, comment: default, commune: default,
        public: default,
    });

    json_struct!(StatusOverride [deny_unknown_fields] { status: required, reason: required });
    json_struct!(EvaluationRules [deny_unknown_fields] {
        bands: from_default, max_age_months: from_default, achieved_at: from_default,
        maintain_tolerance: from_default, range_falloff: from_default,
        missing_data: from_default, action_progress: from_default,
    });
    json_struct!(StatusBand [deny_unknown_fields] { status: required, from: default, to: default });
    json_enum!(MissingData { Exclude = "exclude", Zero = "zero" });
    json_struct!(ActionProgress [deny_unknown_fields] {
        prevue: from_default, engagee: from_default, realisee: from_default,
        abandonnee: from_default, reportee: from_default,
    });
    json_struct!(RulesOverride [deny_unknown_fields] {
        bands: default, max_age_months: default, achieved_at: default,
        maintain_tolerance: default, range_falloff: default,
    });
}

mod rights {
    use crate::rights::catalogue::{
        Benefit, BenefitKind, Catalogue, CatalogueSource, Category, Choice, Contact, Derived,
        HowToApply, Institution, InstitutionWhen, Parameter, ParameterValue, Place, PlaceKind,
        Question, QuestionType, Rule, Scope, Unit,
    };
    use crate::rights::expr::MemberRole;
    use crate::rights::situation::{MemberInput, QuestionRef, SituationInput};
    use crate::rights::verdict::{Explanation, ExplanationNode, FactUse, ParameterUse, Status};
    use crate::validation::{FromJson, Reader};
    use serde_json::Value;

    use super::{json_enum, json_struct};

    json_struct!(Catalogue [deny_unknown_fields] {
        format: required, id: required, title: required, version: default, territory: default,
        sources: default, questions: default, parameters: default, derived: default,
        benefits: default, places: default, notes: default,
    });
    json_struct!(CatalogueSource [deny_unknown_fields] { title: required, url: default });
    json_enum!(QuestionType {
        OuiNon = "oui_non", Entier = "entier", MontantMensuel = "montant_mensuel",
        MontantAnnuel = "montant_annuel", Date = "date", Choix = "choix", Commune = "commune",
    });
    json_enum!(Scope { Foyer = "foyer", Membre = "membre" });
    json_struct!(Question [deny_unknown_fields] {
        id: required, label: required, name: default, help: default, label_en: default,
        help_en: default, kind = "type": required, scope: default, min: default, max: default,
        options: default, priority: default,
    });
    json_struct!(Choice [deny_unknown_fields] { code: required, label: required, label_en: default });
    json_enum!(Unit {
        Euro = "euro", EuroParMois = "euro_par_mois", EuroParAn = "euro_par_an", Taux = "taux",
        Annees = "annees", Mois = "mois", Heures = "heures", Nombre = "nombre",
    });
    json_struct!(Parameter [deny_unknown_fields] {
        id: required, label: required, unit: required, values: required,
    });
    json_struct!(ParameterValue [deny_unknown_fields] {
        from: required, value: required, reference: required,
    });
    json_struct!(Derived [deny_unknown_fields] {
        id: required, label: required, scope: default, value: required,
    });
    json_enum!(Institution {
        Caf = "caf", Msa = "msa", Departement = "departement", Cdc = "cdc", Commune = "commune",
        Ccas = "ccas", FranceTravail = "france_travail", MissionLocale = "mission_locale",
        Cpam = "cpam", Etat = "etat", Region = "region", Association = "association",
        Autre = "autre",
    });
    json_struct!(InstitutionWhen [deny_unknown_fields] {
        question: required, answer: required, institution: required,
    });
    json_enum!(BenefitKind { Prestation = "prestation", Service = "service" });
    json_enum!(Category {
        Famille = "famille", PetiteEnfance = "petite_enfance", Jeunesse = "jeunesse",
        Logement = "logement", Solidarite = "solidarite", Handicap = "handicap",
        Seniors = "seniors", Sante = "sante", Energie = "energie", Education = "education",
        Emploi = "emploi", Mobilite = "mobilite", AccesAuxDroits = "acces_aux_droits",
        Loisirs = "loisirs", Autre = "autre",
    });
    json_struct!(HowToApply [deny_unknown_fields] { url: required, label: default });
    json_struct!(Benefit [deny_unknown_fields] {
        id: required, name: required, short_name: default, kind: default,
        institution: required, institution_when: default, category: required,
        summary: required, condition: required, valid_from: default, valid_until: default,
        apply: default, places: default, objectives: default, references: default,
        notes: default,
    });
    json_enum!(PlaceKind {
        FranceServices = "france_services", Caf = "caf", Msa = "msa", Ccas = "ccas",
        Mairie = "mairie", CentreSocial = "centre_social",
        ServiceDepartemental = "service_departemental", FranceTravail = "france_travail",
        MissionLocale = "mission_locale", RelaisPetiteEnfance = "relais_petite_enfance",
        ModeDeGarde = "mode_de_garde", Jeunesse = "jeunesse", Association = "association",
        Autre = "autre",
    });
    json_struct!(Contact [deny_unknown_fields] {
        address: default, phone: default, email: default, url: default, source: default,
    });
    json_struct!(Place [deny_unknown_fields] {
        id: required, name: required, kind: required, communes: default, themes: default,
        contact: default,
    });

    /// `#[serde(transparent)]`: any JSON value, checked when the catalogue is compiled.
    impl FromJson for Rule {
        fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
            Value::from_json(value, reader).map(Rule)
        }
    }

    json_struct!(SituationInput [deny_unknown_fields] {
        id: default, answers: default, members: default,
    });
    json_struct!(MemberInput [deny_unknown_fields] {
        role: required, age: default, birth_date: default, facts: default,
    });
    json_enum!(MemberRole { Adulte = "adulte", Enfant = "enfant" });
    json_struct!(QuestionRef [] { question: required, member: default });

    json_enum!(Status {
        Eligible = "eligible", NotEligible = "non_eligible", Undetermined = "indetermine",
        NotApplicable = "non_applicable",
    });
    json_struct!(ExplanationNode [] { text: required, value: required, children: default });
    json_struct!(FactUse [] { question: required, label: required, value: required });
    json_struct!(ParameterUse [] {
        parameter: required, label: required, value: required, from: required,
        reference: required,
    });
    json_struct!(Explanation [] {
        benefit: required, name: required, status: required, reason: default,
        condition: default, facts: default, parameters: default, missing: default,
    });
}
