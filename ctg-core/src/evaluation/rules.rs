//! The evaluation rules, as data in the plan (`evaluation` field), with documented defaults.
//!
//! Every field has a default, so `{}` means the defaults listed in `docs/evaluation.md`.
//! An indicator may override some of them in its `rules` field ([`RulesOverride`]).

use crate::validation::{ErrorKind, ValidationError};
use crate::vocabulary::{ActionStatus, Status};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Tolerance used when comparing progress figures, so that `0.3 - 0.4` counts as `-0.1`.
pub(crate) const EPSILON: f64 = 1e-9;

/// The rules that turn measurements into progress and statuses, with documented defaults.
///
/// ```
/// use ctg_core::evaluation::{EvaluationRules, MissingData};
/// let rules: EvaluationRules = serde_json::from_str("{}").unwrap();
/// assert_eq!(rules, EvaluationRules::default());
/// assert_eq!(rules.max_age_months, 18);
/// assert_eq!(rules.missing_data, MissingData::Exclude);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct EvaluationRules {
    /// Status bands on the gap `progress − expected progress`. They must cover every gap
    /// exactly once: sorted, the first without `from`, the last without `to`, each `to`
    /// equal to the next `from`.
    pub bands: Vec<StatusBand>,
    /// A measurement older than this many months at the evaluation date makes the
    /// indicator `donnees_trop_anciennes`.
    pub max_age_months: u32,
    /// Progress at or above this value (after rounding tolerance) is `atteint`.
    pub achieved_at: f64,
    /// For `maintien`: the half-width of the range kept around the reference value, as a
    /// fraction of that value (0.05 = ±5 %).
    pub maintain_tolerance: f64,
    /// For `maintien` and `fourchette`: outside the range, progress falls linearly from 1
    /// at the edge to 0 at a distance of `range_falloff` × the width of the range.
    pub range_falloff: f64,
    /// What a child without data counts for in a roll-up.
    pub missing_data: MissingData,
    /// Progress of an action without indicators, by its status.
    pub action_progress: ActionProgress,
}

impl Default for EvaluationRules {
    fn default() -> Self {
        EvaluationRules {
            bands: default_bands(),
            max_age_months: 18,
            achieved_at: 1.0,
            maintain_tolerance: 0.05,
            range_falloff: 1.0,
            missing_data: MissingData::Exclude,
            action_progress: ActionProgress::default(),
        }
    }
}

/// The default bands: `en_bonne_voie` from −0.10, `a_surveiller` from −0.25 to −0.10,
/// `en_retard` below −0.25.
pub fn default_bands() -> Vec<StatusBand> {
    vec![
        StatusBand {
            status: Status::EnRetard,
            from: None,
            to: Some(-0.25),
        },
        StatusBand {
            status: Status::ASurveiller,
            from: Some(-0.25),
            to: Some(-0.10),
        },
        StatusBand {
            status: Status::EnBonneVoie,
            from: Some(-0.10),
            to: None,
        },
    ]
}

/// A band of the gap `progress − expected progress` and the status it gives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusBand {
    /// The status: `en_bonne_voie`, `a_surveiller` or `en_retard`.
    pub status: Status,
    /// Lowest gap of the band, included; none for no lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<f64>,
    /// Highest gap of the band, excluded; none for no upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<f64>,
}

/// What a child without data counts for in a roll-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MissingData {
    /// Left out of the weighted mean (listed, with the reason).
    #[default]
    Exclude,
    /// Counted as progress 0.
    Zero,
}

/// Progress of an action without indicators, by its status. `null` leaves actions with that
/// status out of the roll-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ActionProgress {
    /// `prevue` (default 0).
    pub prevue: Option<f64>,
    /// `engagee` (default 0.5).
    pub engagee: Option<f64>,
    /// `realisee` (default 1).
    pub realisee: Option<f64>,
    /// `abandonnee` (default `null`: left out of the roll-up).
    pub abandonnee: Option<f64>,
    /// `reportee` (default 0.25).
    pub reportee: Option<f64>,
}

impl Default for ActionProgress {
    fn default() -> Self {
        ActionProgress {
            prevue: Some(0.0),
            engagee: Some(0.5),
            realisee: Some(1.0),
            abandonnee: None,
            reportee: Some(0.25),
        }
    }
}

impl ActionProgress {
    /// The progress of a status; `None` when actions with that status are left out.
    pub fn progress(&self, status: &ActionStatus) -> Option<f64> {
        match status {
            ActionStatus::Prevue => self.prevue,
            ActionStatus::Engagee => self.engagee,
            ActionStatus::Realisee => self.realisee,
            ActionStatus::Abandonnee => self.abandonnee,
            ActionStatus::Reportee => self.reportee,
            ActionStatus::Unknown(_) => None,
        }
    }
}

/// Rules of one indicator that differ from the plan's. Every field is optional; a missing
/// field takes the plan's value. (`missing_data` and `action_progress` concern roll-ups and
/// actions, so they are set for the whole plan only.)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesOverride {
    /// Status bands, replacing the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<Vec<StatusBand>>,
    /// Maximum age of the last measurement, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age_months: Option<u32>,
    /// Progress from which the indicator is `atteint`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achieved_at: Option<f64>,
    /// Half-width of the `maintien` range, as a fraction of the reference value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintain_tolerance: Option<f64>,
    /// Fall-off of progress outside a range, in widths of the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_falloff: Option<f64>,
}

impl EvaluationRules {
    /// These rules with an indicator's overrides applied.
    pub fn with_override(&self, rules: Option<&RulesOverride>) -> EvaluationRules {
        let mut merged = self.clone();
        if let Some(o) = rules {
            if let Some(bands) = &o.bands {
                merged.bands = bands.clone();
            }
            if let Some(v) = o.max_age_months {
                merged.max_age_months = v;
            }
            if let Some(v) = o.achieved_at {
                merged.achieved_at = v;
            }
            if let Some(v) = o.maintain_tolerance {
                merged.maintain_tolerance = v;
            }
            if let Some(v) = o.range_falloff {
                merged.range_falloff = v;
            }
        }
        merged
    }

    /// The status the bands give to a gap `progress − expected`; `None` if no band holds it
    /// (only possible with bands that failed validation).
    pub fn band_status(&self, gap: f64) -> Option<Status> {
        band_status(&self.bands, gap)
    }
}

pub(crate) fn band_status(bands: &[StatusBand], gap: f64) -> Option<Status> {
    bands
        .iter()
        .find(|band| {
            band.from.is_none_or(|from| gap + EPSILON >= from)
                && band.to.is_none_or(|to| gap + EPSILON < to)
        })
        .map(|band| band.status.clone())
}

/// Checks the consistency of evaluation rules found at `path` (`$.evaluation`, or an
/// indicator's `rules`): bands without gap or overlap, statuses a band may give, numbers in
/// range. Returns every problem found.
pub fn validate_rules(rules: &EvaluationRules, path: &str) -> Vec<ValidationError> {
    let mut errors = validate_bands(&rules.bands, &format!("{path}.bands"));
    check_fraction(&mut errors, rules.achieved_at, path, "achieved_at", false);
    check_fraction(
        &mut errors,
        rules.maintain_tolerance,
        path,
        "maintain_tolerance",
        true,
    );
    check_positive(&mut errors, rules.range_falloff, path, "range_falloff");
    let ap = &rules.action_progress;
    for (name, value) in [
        ("prevue", ap.prevue),
        ("engagee", ap.engagee),
        ("realisee", ap.realisee),
        ("abandonnee", ap.abandonnee),
        ("reportee", ap.reportee),
    ] {
        if let Some(value) = value {
            if !(value.is_finite() && (0.0..=1.0).contains(&value)) {
                errors.push(ValidationError::new(
                    ErrorKind::InvalidRule,
                    format!("{path}.action_progress.{name}"),
                    format!("L'avancement d'une action « {name} » doit être un nombre entre 0 et 1 (ou null pour l'écarter du calcul), pas {value}."),
                ));
            }
        }
    }
    errors
}

/// Checks an indicator's overrides found at `path` (an indicator's `rules`).
pub fn validate_override(rules: &RulesOverride, path: &str) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    if let Some(bands) = &rules.bands {
        errors.extend(validate_bands(bands, &format!("{path}.bands")));
    }
    if let Some(v) = rules.achieved_at {
        check_fraction(&mut errors, v, path, "achieved_at", false);
    }
    if let Some(v) = rules.maintain_tolerance {
        check_fraction(&mut errors, v, path, "maintain_tolerance", true);
    }
    if let Some(v) = rules.range_falloff {
        check_positive(&mut errors, v, path, "range_falloff");
    }
    errors
}

fn check_fraction(
    errors: &mut Vec<ValidationError>,
    v: f64,
    path: &str,
    name: &str,
    zero_ok: bool,
) {
    let ok = v.is_finite() && v <= 1.0 && (v > 0.0 || (zero_ok && v == 0.0));
    if !ok {
        errors.push(ValidationError::new(
            ErrorKind::InvalidRule,
            format!("{path}.{name}"),
            format!("« {name} » doit être un nombre entre 0 et 1, pas {v}."),
        ));
    }
}

fn check_positive(errors: &mut Vec<ValidationError>, v: f64, path: &str, name: &str) {
    if !(v.is_finite() && v > 0.0) {
        errors.push(ValidationError::new(
            ErrorKind::InvalidRule,
            format!("{path}.{name}"),
            format!("« {name} » doit être un nombre strictement positif, pas {v}."),
        ));
    }
}

/// Checks that status bands cover every gap exactly once, in order, and give only
/// `en_bonne_voie`, `a_surveiller` or `en_retard`.
pub fn validate_bands(bands: &[StatusBand], path: &str) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    if bands.is_empty() {
        errors.push(ValidationError::new(
            ErrorKind::InvalidRule,
            path,
            "Il faut au moins une bande de statut ; supprimez le champ pour garder les bandes par défaut.",
        ));
        return errors;
    }
    for (i, band) in bands.iter().enumerate() {
        let bpath = format!("{path}[{i}]");
        if !matches!(
            band.status,
            Status::EnBonneVoie | Status::ASurveiller | Status::EnRetard
        ) {
            errors.push(ValidationError::new(
                ErrorKind::InvalidRule,
                format!("{bpath}.status"),
                format!(
                    "Une bande ne peut donner que « en_bonne_voie », « a_surveiller » ou « en_retard », pas « {} » (les autres statuts viennent des données).",
                    band.status.code()
                ),
            ));
        }
        for (name, value) in [("from", band.from), ("to", band.to)] {
            if let Some(v) = value {
                if !v.is_finite() {
                    errors.push(ValidationError::new(
                        ErrorKind::InvalidRule,
                        format!("{bpath}.{name}"),
                        "La borne d'une bande doit être un nombre fini.",
                    ));
                }
            }
        }
        if let (Some(from), Some(to)) = (band.from, band.to) {
            if from >= to {
                errors.push(ValidationError::new(
                    ErrorKind::InvalidRule,
                    bpath.clone(),
                    format!(
                        "La bande va de {from} à {to} : « from » doit être plus petit que « to »."
                    ),
                ));
            }
        }
        if i == 0 && band.from.is_some() {
            errors.push(ValidationError::new(
                ErrorKind::InvalidRule,
                format!("{bpath}.from"),
                "La première bande ne doit pas avoir de « from » : sinon les écarts les plus bas n'ont pas de statut (trou).",
            ));
        }
        if i > 0 && band.from.is_none() {
            errors.push(ValidationError::new(
                ErrorKind::InvalidRule,
                format!("{bpath}.from"),
                "Seule la première bande peut être sans « from » : les bandes se chevauchent. Classez les bandes de l'écart le plus bas au plus haut.",
            ));
        }
        if i + 1 == bands.len() && band.to.is_some() {
            errors.push(ValidationError::new(
                ErrorKind::InvalidRule,
                format!("{bpath}.to"),
                "La dernière bande ne doit pas avoir de « to » : sinon les écarts les plus hauts n'ont pas de statut (trou).",
            ));
        }
        if i + 1 < bands.len() && band.to.is_none() {
            errors.push(ValidationError::new(
                ErrorKind::InvalidRule,
                format!("{bpath}.to"),
                "Seule la dernière bande peut être sans « to » : les bandes se chevauchent. Classez les bandes de l'écart le plus bas au plus haut.",
            ));
        }
        if let (Some(next), Some(to)) = (bands.get(i + 1), band.to) {
            if let Some(next_from) = next.from {
                if next_from > to {
                    errors.push(ValidationError::new(
                        ErrorKind::InvalidRule,
                        format!("{path}[{}].from", i + 1),
                        format!("Trou entre les bandes : les écarts de {to} à {next_from} n'ont pas de statut. Mettez « from » à {to}."),
                    ));
                } else if next_from < to {
                    errors.push(ValidationError::new(
                        ErrorKind::InvalidRule,
                        format!("{path}[{}].from", i + 1),
                        format!("Chevauchement des bandes : les écarts de {next_from} à {to} sont dans deux bandes. Mettez « from » à {to}."),
                    ));
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_bands_are_valid_and_cover_the_documented_thresholds() {
        let rules = EvaluationRules::default();
        assert!(validate_rules(&rules, "$.evaluation").is_empty());
        assert_eq!(rules.band_status(0.0), Some(Status::EnBonneVoie));
        assert_eq!(rules.band_status(0.3 - 0.4), Some(Status::EnBonneVoie));
        assert_eq!(rules.band_status(-0.2), Some(Status::ASurveiller));
        assert_eq!(rules.band_status(-0.25), Some(Status::ASurveiller));
        assert_eq!(rules.band_status(-0.26), Some(Status::EnRetard));
    }

    #[test]
    fn gaps_and_overlaps_are_reported_with_their_path() {
        let gap: Vec<StatusBand> = serde_json::from_str(
            r#"[{"status":"en_retard","to":-0.3},{"status":"a_surveiller","from":-0.25,"to":-0.1},{"status":"en_bonne_voie","from":-0.1}]"#,
        )
        .unwrap();
        let errors = validate_bands(&gap, "$.evaluation.bands");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "$.evaluation.bands[1].from");
        assert!(errors[0].message.contains("Trou"));
        let overlap: Vec<StatusBand> = serde_json::from_str(
            r#"[{"status":"en_retard","to":-0.2},{"status":"a_surveiller","from":-0.25,"to":-0.1},{"status":"atteint","from":-0.1}]"#,
        )
        .unwrap();
        let errors = validate_bands(&overlap, "$.evaluation.bands");
        assert_eq!(errors.len(), 2);
        assert!(errors.iter().any(|e| e.message.contains("Chevauchement")));
        assert!(errors
            .iter()
            .any(|e| e.path == "$.evaluation.bands[2].status"));
    }
}
