//! The [`Validator`]: the state shared by the checks of a plan — the errors found so far and
//! the lookups (ids, communes) the checks need.

use super::path::JsonPath;
use super::{ErrorKind, ValidationError};
use crate::index::Index;
use crate::indicator::Indicator;
use crate::number::Plain;
use crate::vocabulary::Vocabulary;
use crate::Plan;
use chrono::NaiveDate;

/// What an id names. Every id of a plan lives in one namespace, whatever it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    /// A partner (`$.partners[*]`).
    Partner,
    /// A source (`$.sources[*]`).
    Source,
    /// A pole (`$.territory.poles[*]`).
    Pole,
    /// A figure of the diagnostic (`$.diagnostic.indicators[*]`).
    TerritorialIndicator,
    /// A finding of the diagnostic (`$.diagnostic.findings[*]`).
    Finding,
    /// An axe.
    Axis,
    /// An objectif stratégique.
    StrategicObjective,
    /// An objectif spécifique.
    SpecificObjective,
    /// A fiche action.
    Action,
    /// An indicator of follow-up, at any level.
    Indicator,
}

impl IdKind {
    /// The French name with its article (`un partenaire`), for messages.
    pub fn label_fr(self) -> &'static str {
        match self {
            IdKind::Partner => "un partenaire",
            IdKind::Source => "une source",
            IdKind::Pole => "un pôle",
            IdKind::TerritorialIndicator => "un chiffre du diagnostic",
            IdKind::Finding => "un constat",
            IdKind::Axis => "un axe",
            IdKind::StrategicObjective => "un objectif stratégique",
            IdKind::SpecificObjective => "un objectif spécifique",
            IdKind::Action => "une fiche action",
            IdKind::Indicator => "un indicateur",
        }
    }
}

/// The state of the validation of one plan.
///
/// Checks read the plan through [`Validator::plan`], look ids and communes up, and report
/// problems with [`Validator::push`] (or the `check_*` helpers); nothing stops at the first
/// problem. The ids are registered before any check runs, so lookups see the whole plan.
///
/// Other modules plug their checks in `validation/evaluation_rules.rs`, which receives the
/// validator after the checks of the plan's structure.
pub struct Validator<'p> {
    plan: &'p Plan,
    /// Each id defined, with its position in `definitions` (the crate's one map type,
    /// [`Index`], as the rights compiler's indexes: one copy of its code in the `.wasm`).
    ids: Index,
    /// What each id names and the path where it is defined.
    definitions: Vec<(IdKind, String)>,
    /// The INSEE codes of the territory's communes (with their position, unused).
    communes: Index,
    indicators: Vec<(String, &'p Indicator)>,
    errors: Vec<ValidationError>,
}

impl<'p> Validator<'p> {
    pub(super) fn new(plan: &'p Plan) -> Self {
        Validator {
            plan,
            ids: Index::new(),
            definitions: Vec::new(),
            communes: Index::new(),
            indicators: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// The plan being validated.
    pub fn plan(&self) -> &'p Plan {
        self.plan
    }

    /// Reports a problem at a JSON path.
    pub fn push(&mut self, kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ValidationError::new(kind, path, message));
    }

    /// The problems found so far.
    pub fn errors(&self) -> &[ValidationError] {
        &self.errors
    }

    pub(super) fn into_errors(self) -> Vec<ValidationError> {
        self.errors
    }

    /// What an id names, if the plan defines it.
    pub fn kind_of(&self, id: &str) -> Option<IdKind> {
        self.ids
            .get(id)
            .and_then(|at| self.definitions.get(at))
            .map(|(kind, _)| *kind)
    }

    /// Whether the territory lists a commune with this INSEE code.
    pub fn has_commune(&self, insee: &str) -> bool {
        self.communes.contains_key(insee)
    }

    /// Every indicator of the plan (plan, axes, objectives, actions) with its JSON path.
    pub fn indicators(&self) -> &[(String, &'p Indicator)] {
        &self.indicators
    }

    /// Registers an id defined at `path` (the path of the `id` field); reports a malformed
    /// or already used id.
    pub(super) fn define(&mut self, id: &'p str, kind: IdKind, path: &JsonPath<'_>) {
        if !self.check_id(id, path) {
            return;
        }
        if let Some((first_kind, first_path)) =
            self.ids.get(id).and_then(|at| self.definitions.get(at))
        {
            let message = format!(
                "l'identifiant « {id} » est déjà utilisé par {} ({first_path}) ; chaque \
                 identifiant doit être unique dans tout le plan, renommez l'un des deux.",
                first_kind.label_fr()
            );
            self.push(ErrorKind::DuplicateId, path, message);
        } else {
            self.ids.insert(id.to_owned(), self.definitions.len());
            self.definitions.push((kind, path.to_string()));
        }
    }

    pub(super) fn define_commune(&mut self, insee: &'p str, path: &JsonPath<'_>) {
        let count = self.communes.len();
        if self.communes.insert(insee.to_owned(), count).is_some() {
            let message = format!(
                "la commune de code INSEE « {insee} » figure deux fois dans le territoire ; \
                 supprimez le doublon."
            );
            self.push(ErrorKind::DuplicateId, path, message);
        }
    }

    pub(super) fn add_indicator(&mut self, path: &JsonPath<'_>, indicator: &'p Indicator) {
        self.indicators.push((path.to_string(), indicator));
    }

    /// Checks that an id is not empty and has no blank; reports it otherwise.
    pub fn check_id(&mut self, id: &str, path: &JsonPath<'_>) -> bool {
        if super::is_blank(id) {
            self.push(
                ErrorKind::InvalidId,
                path,
                "l'identifiant est vide ; donnez un identifiant court et unique (par exemple « axe-1 »).",
            );
            false
        } else if id.chars().any(char::is_whitespace) {
            let message = format!(
                "l'identifiant « {id} » contient des espaces ; utilisez des tirets ou des \
                 soulignés (« {} »).",
                id.split_whitespace().collect::<Vec<_>>().join("-")
            );
            self.push(ErrorKind::InvalidId, path, message);
            false
        } else if let Some(c) = id.chars().find(|c| super::is_invisible(*c)) {
            let message = format!(
                "l'identifiant « {id} » contient un caractère invisible (U+{:04X}) ; \
                 retapez-le sans copier-coller.",
                u32::from(c)
            );
            self.push(ErrorKind::InvalidId, path, message);
            false
        } else if id.chars().any(|c| {
            // Combining diacritical marks (and their supplements, extended, for symbols, half
            // marks): an accent typed as a separate character.
            matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
                | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
        }) {
            let message = format!(
                "l'identifiant « {id} » contient un accent combinant (forme non normalisée) : \
                 il ne serait pas reconnu par les références ; retapez-le, ou n'utilisez que \
                 des lettres sans accent, des chiffres et des tirets."
            );
            self.push(ErrorKind::InvalidId, path, message);
            false
        } else {
            true
        }
    }

    /// Checks that `id` names one of the `expected` kinds of element.
    pub fn check_reference(&mut self, id: &str, expected: &[IdKind], path: &JsonPath<'_>) {
        let wanted = || {
            expected
                .iter()
                .map(|kind| kind.label_fr())
                .collect::<Vec<_>>()
                .join(" ou ")
        };
        match self.kind_of(id) {
            Some(kind) if expected.contains(&kind) => {}
            Some(kind) => {
                let message = format!(
                    "« {id} » désigne {}, mais ce champ attend {}.",
                    kind.label_fr(),
                    wanted()
                );
                self.push(ErrorKind::DanglingReference, path, message);
            }
            None => {
                let message = format!(
                    "« {id} » ne correspond à aucun identifiant du plan ; déclarez {} \
                     portant cet identifiant, ou corrigez la référence.",
                    wanted()
                );
                self.push(ErrorKind::DanglingReference, path, message);
            }
        }
    }

    /// Checks an INSEE code that must be a commune of the territory.
    pub fn check_commune_reference(&mut self, insee: &str, path: &JsonPath<'_>) {
        if !self.check_insee(insee, path) {
            return;
        }
        if !self.has_commune(insee) {
            let message = format!(
                "la commune de code INSEE « {insee} » n'est pas dans le territoire du plan \
                 ($.territory.communes) ; ajoutez-la ou corrigez le code."
            );
            self.push(ErrorKind::DanglingReference, path, message);
        }
    }

    /// Checks the shape of an INSEE code; reports it otherwise.
    pub fn check_insee(&mut self, insee: &str, path: &JsonPath<'_>) -> bool {
        let valid = crate::territory::is_insee_code(insee);
        if !valid {
            let message = format!(
                "« {insee} » n'est pas un code INSEE de commune : 5 caractères, des chiffres \
                 (2A ou 2B en tête pour la Corse), par exemple 86070 ; attention, ce n'est pas \
                 le code postal."
            );
            self.push(ErrorKind::InvalidCode, path, message);
        }
        valid
    }

    /// Checks that a required text is not empty or blank. `what` names it (`le titre`).
    pub fn check_text(&mut self, text: &str, path: &JsonPath<'_>, what: &str) {
        if super::is_blank(text) {
            let message = format!(
                "{what} est vide ou ne contient que des espaces ou des caractères invisibles : ce champ est obligatoire."
            );
            self.push(ErrorKind::EmptyText, path, message);
        }
    }

    /// Checks that a code belongs to its vocabulary. `what` names the vocabulary (`thème`).
    pub fn check_code<V: Vocabulary>(&mut self, value: &V, path: &JsonPath<'_>, what: &str) {
        if !value.is_known() {
            let message = format!(
                "« {} » n'est pas un code de {what} connu ; codes possibles : {}.",
                value.code(),
                V::codes().join(", ")
            );
            self.push(ErrorKind::UnknownValue, path, message);
        }
    }

    /// Checks every code of a list, each with the path of its element.
    pub fn check_codes<V: Vocabulary>(&mut self, values: &[V], path: &JsonPath<'_>, what: &str) {
        for (i, value) in values.iter().enumerate() {
            self.check_code(value, &path.index(i), what);
        }
    }

    /// Checks that a number is finite.
    pub fn check_finite(&mut self, value: f64, path: &JsonPath<'_>) {
        if !value.is_finite() {
            self.push(
                ErrorKind::InvalidNumber,
                path,
                "la valeur n'est pas un nombre fini ; écrivez un nombre.",
            );
        }
    }

    /// Checks that a weight, if given, is a finite number above zero.
    pub fn check_weight(&mut self, weight: Option<f64>, path: &JsonPath<'_>) {
        match weight {
            Some(w) if !w.is_finite() || w <= 0.0 => {
                let message = format!(
                    "le poids {w} est impossible : il doit être un nombre strictement positif \
                     (1 par défaut) ; pour ne pas compter un élément, retirez-le plutôt.",
                    w = Plain(w)
                );
                self.push(ErrorKind::InvalidNumber, path, message);
            }
            _ => {}
        }
    }

    /// Checks that a date falls within the plan's period. `what` names it (`l'échéance`).
    pub fn check_in_period(&mut self, date: NaiveDate, path: &JsonPath<'_>, what: &str) {
        let period = self.plan.period;
        if period.start <= period.end && !period.contains(date) {
            let message = format!(
                "{what} {date} est hors de la période du plan ({} – {}) ; corrigez la date ou \
                 la période ($.period).",
                period.start, period.end
            );
            self.push(ErrorKind::OutOfPeriod, path, message);
        }
    }

    /// Checks that `end` is not before `start`, reporting at `end_path`.
    pub fn check_order(&mut self, start: NaiveDate, end: NaiveDate, end_path: &JsonPath<'_>) {
        if end < start {
            let message = format!(
                "la fin ({end}) précède le début ({start}) ; inversez-les ou corrigez l'une des dates."
            );
            self.push(ErrorKind::DateOrder, end_path, message);
        }
    }
}
