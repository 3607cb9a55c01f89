//! The checks of the tree: axes → objectifs stratégiques → objectifs spécifiques → fiches actions.

use super::checks::{check_override, optional_text, register_indicators};
use super::context::{IdKind, Validator};
use super::ErrorKind;
use crate::plan::{Action, Axis, Due, SpecificObjective, StrategicObjective};

/// Registers the ids and indicators of every node of the tree.
pub(super) fn register_axes(v: &mut Validator<'_>) {
    for (a, axis) in v.plan().axes.iter().enumerate() {
        let path = format!("$.axes[{a}]");
        v.define(&axis.id, IdKind::Axis, format!("{path}.id"));
        register_indicators(v, &axis.indicators, &path);
        for (s, strategic) in axis.strategic_objectives.iter().enumerate() {
            let path = format!("{path}.strategic_objectives[{s}]");
            v.define(
                &strategic.id,
                IdKind::StrategicObjective,
                format!("{path}.id"),
            );
            register_indicators(v, &strategic.indicators, &path);
            for (o, specific) in strategic.specific_objectives.iter().enumerate() {
                let path = format!("{path}.specific_objectives[{o}]");
                v.define(
                    &specific.id,
                    IdKind::SpecificObjective,
                    format!("{path}.id"),
                );
                register_indicators(v, &specific.indicators, &path);
                for (n, action) in specific.actions.iter().enumerate() {
                    let path = format!("{path}.actions[{n}]");
                    v.define(&action.id, IdKind::Action, format!("{path}.id"));
                    register_indicators(v, &action.indicators, &path);
                }
            }
        }
    }
}

/// Checks every node of the tree.
pub(super) fn check_axes(v: &mut Validator<'_>) {
    for (a, axis) in v.plan().axes.iter().enumerate() {
        check_axis(v, axis, &format!("$.axes[{a}]"));
    }
}

fn check_axis(v: &mut Validator<'_>, axis: &Axis, path: &str) {
    v.check_text(&axis.title, &format!("{path}.title"), "le titre de l'axe");
    let general = axis.general_objective.as_deref();
    optional_text(
        v,
        general,
        &format!("{path}.general_objective"),
        "l'objectif général",
    );
    v.check_codes(&axis.themes, &format!("{path}.themes"), "thème");
    v.check_weight(axis.weight, &format!("{path}.weight"));
    check_override(v, axis.status_override.as_ref(), path);
    for (s, strategic) in axis.strategic_objectives.iter().enumerate() {
        check_strategic(v, strategic, &format!("{path}.strategic_objectives[{s}]"));
    }
}

fn check_strategic(v: &mut Validator<'_>, objective: &StrategicObjective, path: &str) {
    let what = "le titre de l'objectif stratégique";
    v.check_text(&objective.title, &format!("{path}.title"), what);
    check_due(v, objective.due.as_ref(), path);
    v.check_codes(&objective.themes, &format!("{path}.themes"), "thème");
    v.check_weight(objective.weight, &format!("{path}.weight"));
    check_override(v, objective.status_override.as_ref(), path);
    for (o, specific) in objective.specific_objectives.iter().enumerate() {
        check_specific(v, specific, &format!("{path}.specific_objectives[{o}]"));
    }
}

fn check_specific(v: &mut Validator<'_>, objective: &SpecificObjective, path: &str) {
    let what = "le titre de l'objectif spécifique";
    v.check_text(&objective.title, &format!("{path}.title"), what);
    check_due(v, objective.due.as_ref(), path);
    v.check_codes(&objective.themes, &format!("{path}.themes"), "thème");
    v.check_codes(&objective.publics, &format!("{path}.publics"), "public");
    v.check_weight(objective.weight, &format!("{path}.weight"));
    check_override(v, objective.status_override.as_ref(), path);
    for (n, action) in objective.actions.iter().enumerate() {
        check_action(v, action, &format!("{path}.actions[{n}]"));
    }
}

fn check_due(v: &mut Validator<'_>, due: Option<&Due>, node_path: &str) {
    if let Some(due) = due {
        v.check_in_period(due.date, &format!("{node_path}.due.date"), "l'échéance");
        optional_text(
            v,
            due.text.as_deref(),
            &format!("{node_path}.due.text"),
            "le texte de l'échéance",
        );
    }
}

fn check_action(v: &mut Validator<'_>, action: &Action, path: &str) {
    v.check_text(
        &action.title,
        &format!("{path}.title"),
        "le titre de la fiche action",
    );
    let description = action.description.as_deref();
    optional_text(
        v,
        description,
        &format!("{path}.description"),
        "la description",
    );
    check_action_people(v, action, path);
    check_action_places(v, action, path);
    v.check_codes(&action.themes, &format!("{path}.themes"), "thème");
    v.check_code(
        &action.status,
        &format!("{path}.status"),
        "statut de fiche action",
    );
    if let (Some(start), Some(end)) = (action.start, action.end) {
        v.check_order(start, end, &format!("{path}.end"));
    }
    check_budget(v, action, path);
    check_milestones(v, action, path);
    for (j, id) in action.contributes_to.iter().enumerate() {
        let objectives = [IdKind::StrategicObjective, IdKind::SpecificObjective];
        v.check_reference(id, &objectives, &format!("{path}.contributes_to[{j}]"));
    }
    v.check_weight(action.weight, &format!("{path}.weight"));
    check_override(v, action.status_override.as_ref(), path);
}

fn check_action_people(v: &mut Validator<'_>, action: &Action, path: &str) {
    if let Some(lead) = &action.lead {
        v.check_reference(lead, &[IdKind::Partner], &format!("{path}.lead"));
    }
    for (j, partner) in action.partners.iter().enumerate() {
        v.check_reference(
            partner,
            &[IdKind::Partner],
            &format!("{path}.partners[{j}]"),
        );
    }
    v.check_codes(&action.publics, &format!("{path}.publics"), "public");
}

fn check_action_places(v: &mut Validator<'_>, action: &Action, path: &str) {
    for (j, insee) in action.communes.iter().enumerate() {
        v.check_commune_reference(insee, &format!("{path}.communes[{j}]"));
    }
    for (j, pole) in action.poles.iter().enumerate() {
        v.check_reference(pole, &[IdKind::Pole], &format!("{path}.poles[{j}]"));
    }
}

fn check_budget(v: &mut Validator<'_>, action: &Action, path: &str) {
    for (j, line) in action.budget.iter().enumerate() {
        let line_path = format!("{path}.budget[{j}]");
        if !line.amount.is_finite() || line.amount < 0.0 {
            let message = format!(
                "le montant {} est impossible : écrivez un nombre d'euros positif ou nul, \
                 sans espace ni symbole (12500.50).",
                line.amount
            );
            v.push(
                ErrorKind::InvalidNumber,
                format!("{line_path}.amount"),
                message,
            );
        }
        v.check_reference(
            &line.funder,
            &[IdKind::Partner],
            &format!("{line_path}.funder"),
        );
        optional_text(
            v,
            line.label.as_deref(),
            &format!("{line_path}.label"),
            "le libellé de la ligne",
        );
    }
}

fn check_milestones(v: &mut Validator<'_>, action: &Action, path: &str) {
    for (j, milestone) in action.milestones.iter().enumerate() {
        let m_path = format!("{path}.milestones[{j}]");
        v.check_text(
            &milestone.title,
            &format!("{m_path}.title"),
            "le titre du jalon",
        );
        v.check_in_period(
            milestone.date,
            &format!("{m_path}.date"),
            "la date du jalon",
        );
    }
}
