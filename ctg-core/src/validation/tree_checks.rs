//! The checks of the tree: axes → objectifs stratégiques → objectifs spécifiques → fiches actions.

use super::checks::{check_indicator_list, check_override, optional_text, register_indicators};
use super::context::{IdKind, Validator};
use super::path::JsonPath;
use super::ErrorKind;
use crate::number::Plain;
use crate::plan::{Action, Axis, Due, SpecificObjective, StrategicObjective};

/// Registers the ids and indicators of every node of the tree.
pub(super) fn register_axes(v: &mut Validator<'_>) {
    let axes = JsonPath::ROOT.key("axes");
    for (a, axis) in v.plan().axes.iter().enumerate() {
        let path = axes.index(a);
        v.define(&axis.id, IdKind::Axis, &path.key("id"));
        register_indicators(v, &axis.indicators, &path);
        let list = path.key("strategic_objectives");
        for (s, strategic) in axis.strategic_objectives.iter().enumerate() {
            let path = list.index(s);
            v.define(&strategic.id, IdKind::StrategicObjective, &path.key("id"));
            register_indicators(v, &strategic.indicators, &path);
            let list = path.key("specific_objectives");
            for (o, specific) in strategic.specific_objectives.iter().enumerate() {
                let path = list.index(o);
                v.define(&specific.id, IdKind::SpecificObjective, &path.key("id"));
                register_indicators(v, &specific.indicators, &path);
                let list = path.key("actions");
                for (n, action) in specific.actions.iter().enumerate() {
                    let path = list.index(n);
                    v.define(&action.id, IdKind::Action, &path.key("id"));
                    register_indicators(v, &action.indicators, &path);
                }
            }
        }
    }
}

/// Checks every node of the tree, with its indicators.
pub(super) fn check_axes(v: &mut Validator<'_>) {
    let axes = JsonPath::ROOT.key("axes");
    for (a, axis) in v.plan().axes.iter().enumerate() {
        check_axis(v, axis, &axes.index(a));
    }
}

fn check_axis(v: &mut Validator<'_>, axis: &Axis, path: &JsonPath<'_>) {
    v.check_text(&axis.title, &path.key("title"), "le titre de l'axe");
    let general = axis.general_objective.as_deref();
    optional_text(
        v,
        general,
        &path.key("general_objective"),
        "l'objectif général",
    );
    v.check_codes(&axis.themes, &path.key("themes"), "thème");
    v.check_weight(axis.weight, &path.key("weight"));
    check_override(v, axis.status_override.as_ref(), path);
    check_indicator_list(v, &axis.indicators, path);
    let list = path.key("strategic_objectives");
    for (s, strategic) in axis.strategic_objectives.iter().enumerate() {
        check_strategic(v, strategic, &list.index(s));
    }
}

fn check_strategic(v: &mut Validator<'_>, objective: &StrategicObjective, path: &JsonPath<'_>) {
    let what = "le titre de l'objectif stratégique";
    v.check_text(&objective.title, &path.key("title"), what);
    check_due(v, objective.due.as_ref(), path);
    v.check_codes(&objective.themes, &path.key("themes"), "thème");
    v.check_weight(objective.weight, &path.key("weight"));
    check_override(v, objective.status_override.as_ref(), path);
    check_indicator_list(v, &objective.indicators, path);
    let list = path.key("specific_objectives");
    for (o, specific) in objective.specific_objectives.iter().enumerate() {
        check_specific(v, specific, &list.index(o));
    }
}

fn check_specific(v: &mut Validator<'_>, objective: &SpecificObjective, path: &JsonPath<'_>) {
    let what = "le titre de l'objectif spécifique";
    v.check_text(&objective.title, &path.key("title"), what);
    check_due(v, objective.due.as_ref(), path);
    v.check_codes(&objective.themes, &path.key("themes"), "thème");
    v.check_codes(&objective.publics, &path.key("publics"), "public");
    v.check_weight(objective.weight, &path.key("weight"));
    check_override(v, objective.status_override.as_ref(), path);
    check_indicator_list(v, &objective.indicators, path);
    let list = path.key("actions");
    for (n, action) in objective.actions.iter().enumerate() {
        check_action(v, action, &list.index(n));
    }
}

fn check_due(v: &mut Validator<'_>, due: Option<&Due>, node: &JsonPath<'_>) {
    if let Some(due) = due {
        let path = node.key("due");
        v.check_in_period(due.date, &path.key("date"), "l'échéance");
        let text = due.text.as_deref();
        optional_text(v, text, &path.key("text"), "le texte de l'échéance");
    }
}

fn check_action(v: &mut Validator<'_>, action: &Action, path: &JsonPath<'_>) {
    v.check_text(
        &action.title,
        &path.key("title"),
        "le titre de la fiche action",
    );
    let description = action.description.as_deref();
    optional_text(v, description, &path.key("description"), "la description");
    check_action_people(v, action, path);
    check_action_places(v, action, path);
    v.check_codes(&action.themes, &path.key("themes"), "thème");
    v.check_code(
        &action.status,
        &path.key("status"),
        "statut de fiche action",
    );
    if let (Some(start), Some(end)) = (action.start, action.end) {
        v.check_order(start, end, &path.key("end"));
    }
    check_budget(v, action, path);
    check_milestones(v, action, path);
    let contributes_to = path.key("contributes_to");
    for (j, id) in action.contributes_to.iter().enumerate() {
        let objectives = [IdKind::StrategicObjective, IdKind::SpecificObjective];
        v.check_reference(id, &objectives, &contributes_to.index(j));
    }
    v.check_weight(action.weight, &path.key("weight"));
    check_override(v, action.status_override.as_ref(), path);
    check_indicator_list(v, &action.indicators, path);
}

fn check_action_people(v: &mut Validator<'_>, action: &Action, path: &JsonPath<'_>) {
    if let Some(lead) = &action.lead {
        v.check_reference(lead, &[IdKind::Partner], &path.key("lead"));
    }
    let partners = path.key("partners");
    for (j, partner) in action.partners.iter().enumerate() {
        v.check_reference(partner, &[IdKind::Partner], &partners.index(j));
    }
    v.check_codes(&action.publics, &path.key("publics"), "public");
}

fn check_action_places(v: &mut Validator<'_>, action: &Action, path: &JsonPath<'_>) {
    let communes = path.key("communes");
    for (j, insee) in action.communes.iter().enumerate() {
        v.check_commune_reference(insee, &communes.index(j));
    }
    let poles = path.key("poles");
    for (j, pole) in action.poles.iter().enumerate() {
        v.check_reference(pole, &[IdKind::Pole], &poles.index(j));
    }
}

fn check_budget(v: &mut Validator<'_>, action: &Action, path: &JsonPath<'_>) {
    let budget = path.key("budget");
    for (j, line) in action.budget.iter().enumerate() {
        let line_path = budget.index(j);
        if !line.amount.is_finite() || line.amount < 0.0 {
            let message = format!(
                "le montant {} est impossible : écrivez un nombre d'euros positif ou nul, \
                 sans espace ni symbole (12500.50).",
                Plain(line.amount)
            );
            v.push(ErrorKind::InvalidNumber, line_path.key("amount"), message);
        }
        v.check_reference(&line.funder, &[IdKind::Partner], &line_path.key("funder"));
        let label = line.label.as_deref();
        optional_text(v, label, &line_path.key("label"), "le libellé de la ligne");
    }
}

fn check_milestones(v: &mut Validator<'_>, action: &Action, path: &JsonPath<'_>) {
    let milestones = path.key("milestones");
    for (j, milestone) in action.milestones.iter().enumerate() {
        let m_path = milestones.index(j);
        v.check_text(&milestone.title, &m_path.key("title"), "le titre du jalon");
        v.check_in_period(milestone.date, &m_path.key("date"), "la date du jalon");
    }
}
