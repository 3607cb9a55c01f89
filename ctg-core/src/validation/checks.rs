//! The checks of a plan's meaning, once its structure is read: ids, references, dates,
//! codes, texts and numbers. Every problem is reported, none stops the others.

use super::context::{IdKind, Validator};
use super::{evaluation_rules, tree_checks, ErrorKind, ValidationError};
use crate::diagnostic::{Diagnostic, Finding, TerritorialIndicator};
use crate::evaluation::StatusOverride;
use crate::indicator::Indicator;
use crate::plan::{Contact, Partner, FORMAT};
use crate::territory::{is_postal_code, is_siren, Territory};
use crate::Plan;

/// Every problem of meaning in `plan`, in the order of the file as far as possible.
pub(crate) fn validate(plan: &Plan) -> Vec<ValidationError> {
    let mut v = Validator::new(plan);
    register(&mut v);
    check_header(&mut v);
    check_territory(&mut v, &plan.territory);
    check_partners(&mut v, &plan.partners);
    check_sources(&mut v);
    check_diagnostic(&mut v, &plan.diagnostic);
    tree_checks::check_axes(&mut v);
    check_indicators(&mut v);
    evaluation_rules::check(&mut v);
    v.into_errors()
}

/// The `format` check: `None` when the plan's format is the one this library reads.
pub(crate) fn check_format(format: &str) -> Option<ValidationError> {
    (format != FORMAT).then(|| {
        ValidationError::new(
            ErrorKind::UnsupportedFormat,
            "$.format",
            format!(
                "le format « {format} » n'est pas lu par cette version de ctg, qui lit « {FORMAT} » ; \
                 écrivez \"format\": \"{FORMAT}\" ou utilisez une version de ctg qui lit ce format."
            ),
        )
    })
}

/// Registers every id (reporting malformed and duplicate ones), every commune and indicator.
fn register(v: &mut Validator<'_>) {
    let plan = v.plan();
    for (i, commune) in plan.territory.communes.iter().enumerate() {
        v.define_commune(&commune.insee, format!("$.territory.communes[{i}].insee"));
    }
    for (i, partner) in plan.partners.iter().enumerate() {
        v.define(&partner.id, IdKind::Partner, format!("$.partners[{i}].id"));
    }
    for (i, source) in plan.sources.iter().enumerate() {
        v.define(&source.id, IdKind::Source, format!("$.sources[{i}].id"));
    }
    for (i, pole) in plan.territory.poles.iter().enumerate() {
        v.define(&pole.id, IdKind::Pole, format!("$.territory.poles[{i}].id"));
    }
    for (i, figure) in plan.diagnostic.indicators.iter().enumerate() {
        let path = format!("$.diagnostic.indicators[{i}].id");
        v.define(&figure.id, IdKind::TerritorialIndicator, path);
    }
    for (i, finding) in plan.diagnostic.findings.iter().enumerate() {
        v.define(
            &finding.id,
            IdKind::Finding,
            format!("$.diagnostic.findings[{i}].id"),
        );
    }
    register_indicators(v, &plan.indicators, "$");
    tree_checks::register_axes(v);
}

/// Registers the indicators of the node at `node_path`.
pub(super) fn register_indicators<'p>(
    v: &mut Validator<'p>,
    indicators: &'p [Indicator],
    node_path: &str,
) {
    for (i, indicator) in indicators.iter().enumerate() {
        let path = format!("{node_path}.indicators[{i}]");
        v.define(&indicator.id, IdKind::Indicator, format!("{path}.id"));
        v.add_indicator(path, indicator);
    }
}

fn check_header(v: &mut Validator<'_>) {
    let plan = v.plan();
    v.check_text(&plan.title, "$.title", "le titre du plan");
    v.check_id(&plan.id, "$.id");
    v.check_code(&plan.kind, "$.kind", "type de plan");
    v.check_order(plan.period.start, plan.period.end, "$.period.end");
    if let Some(signature) = &plan.signature {
        if signature.date > plan.period.end {
            let message = format!(
                "la date de signature {} est après la fin de la période du plan ({}) ; \
                 corrigez l'une des deux.",
                signature.date, plan.period.end
            );
            v.push(ErrorKind::OutOfPeriod, "$.signature.date", message);
        }
        optional_text(
            v,
            signature.place.as_deref(),
            "$.signature.place",
            "le lieu de signature",
        );
        for (i, id) in signature.signatories.iter().enumerate() {
            let path = format!("$.signature.signatories[{i}]");
            v.check_reference(id, &[IdKind::Partner], &path);
        }
    }
    if let Some(contact) = &plan.contact {
        check_contact(v, contact);
    }
    for (i, note) in plan.notes.iter().enumerate() {
        v.check_text(note, &format!("$.notes[{i}]"), "la remarque");
    }
}

fn check_contact(v: &mut Validator<'_>, contact: &Contact) {
    let fields = [
        (
            &contact.organisation,
            "organisation",
            "l'organisme à contacter",
        ),
        (&contact.role, "role", "la fonction à contacter"),
        (&contact.email, "email", "l'adresse électronique"),
        (&contact.phone, "phone", "le téléphone"),
        (&contact.url, "url", "l'adresse web"),
    ];
    for (value, key, what) in fields {
        optional_text(v, value.as_deref(), &format!("$.contact.{key}"), what);
    }
    if let Some(email) = contact.email.as_deref().filter(|e| !e.trim().is_empty()) {
        if !email.contains('@') || email.chars().any(char::is_whitespace) {
            let message =
                format!("« {email} » n'est pas une adresse électronique (nom@domaine.fr).");
            v.push(ErrorKind::InvalidCode, "$.contact.email", message);
        }
    }
    source_reference(v, contact.source.as_deref(), "$.contact.source");
}

fn check_territory(v: &mut Validator<'_>, territory: &Territory) {
    if let Some(epci) = &territory.epci {
        v.check_text(&epci.name, "$.territory.epci.name", "le nom de l'EPCI");
        if !is_siren(&epci.siren) {
            let message = format!(
                "« {} » n'est pas un numéro SIREN : il faut 9 chiffres, sans espace \
                 (par exemple 200069862).",
                epci.siren
            );
            v.push(ErrorKind::InvalidCode, "$.territory.epci.siren", message);
        }
    }
    for (i, commune) in territory.communes.iter().enumerate() {
        let path = format!("$.territory.communes[{i}]");
        v.check_insee(&commune.insee, &format!("{path}.insee"));
        v.check_text(
            &commune.name,
            &format!("{path}.name"),
            "le nom de la commune",
        );
        for (j, code) in commune.postal_codes.iter().enumerate() {
            if !is_postal_code(code) {
                let message =
                    format!("« {code} » n'est pas un code postal : il faut 5 chiffres (86400).");
                v.push(
                    ErrorKind::InvalidCode,
                    format!("{path}.postal_codes[{j}]"),
                    message,
                );
            }
        }
    }
    for (i, pole) in territory.poles.iter().enumerate() {
        let path = format!("$.territory.poles[{i}]");
        v.check_text(&pole.name, &format!("{path}.name"), "le nom du pôle");
        for (j, insee) in pole.communes.iter().enumerate() {
            v.check_commune_reference(insee, &format!("{path}.communes[{j}]"));
        }
    }
    for (i, note) in territory.notes.iter().enumerate() {
        v.check_text(note, &format!("$.territory.notes[{i}]"), "la remarque");
    }
}

fn check_partners(v: &mut Validator<'_>, partners: &[Partner]) {
    for (i, partner) in partners.iter().enumerate() {
        let path = format!("$.partners[{i}]");
        v.check_text(
            &partner.name,
            &format!("{path}.name"),
            "le nom du partenaire",
        );
        let short = partner.short_name.as_deref();
        optional_text(v, short, &format!("{path}.short_name"), "le nom court");
        v.check_code(&partner.kind, &format!("{path}.kind"), "type de partenaire");
        v.check_codes(&partner.roles, &format!("{path}.roles"), "rôle");
    }
}

fn check_sources(v: &mut Validator<'_>) {
    for (i, source) in v.plan().sources.iter().enumerate() {
        let path = format!("$.sources[{i}].title");
        v.check_text(&source.title, &path, "le titre de la source");
    }
}

fn check_diagnostic(v: &mut Validator<'_>, diagnostic: &Diagnostic) {
    for (i, figure) in diagnostic.indicators.iter().enumerate() {
        check_figure(v, figure, &format!("$.diagnostic.indicators[{i}]"));
    }
    for (i, finding) in diagnostic.findings.iter().enumerate() {
        check_finding(v, finding, &format!("$.diagnostic.findings[{i}]"));
    }
}

fn check_figure(v: &mut Validator<'_>, figure: &TerritorialIndicator, path: &str) {
    v.check_text(
        &figure.label,
        &format!("{path}.label"),
        "le libellé du chiffre",
    );
    v.check_text(&figure.unit, &format!("{path}.unit"), "l'unité");
    v.check_finite(figure.value, &format!("{path}.value"));
    for (j, reference) in figure.references.iter().enumerate() {
        let ref_path = format!("{path}.references[{j}]");
        v.check_code(
            &reference.level,
            &format!("{ref_path}.level"),
            "niveau de référence",
        );
        v.check_finite(reference.value, &format!("{ref_path}.value"));
    }
    source_reference(v, figure.source.as_deref(), &format!("{path}.source"));
    v.check_codes(&figure.themes, &format!("{path}.themes"), "thème");
}

fn check_finding(v: &mut Validator<'_>, finding: &Finding, path: &str) {
    v.check_text(
        &finding.title,
        &format!("{path}.title"),
        "le titre du constat",
    );
    v.check_text(
        &finding.text,
        &format!("{path}.text"),
        "le texte du constat",
    );
    for (j, axis) in finding.axes.iter().enumerate() {
        v.check_reference(axis, &[IdKind::Axis], &format!("{path}.axes[{j}]"));
    }
    v.check_codes(&finding.themes, &format!("{path}.themes"), "thème");
    source_reference(v, finding.source.as_deref(), &format!("{path}.source"));
}

fn check_indicators(v: &mut Validator<'_>) {
    let indicators = v.indicators().to_vec();
    for (path, indicator) in indicators {
        check_indicator(v, indicator, &path);
    }
}

fn check_indicator(v: &mut Validator<'_>, indicator: &Indicator, path: &str) {
    v.check_text(
        &indicator.label,
        &format!("{path}.label"),
        "le libellé de l'indicateur",
    );
    v.check_text(
        &indicator.unit,
        &format!("{path}.unit"),
        "l'unité de l'indicateur",
    );
    v.check_code(
        &indicator.kind,
        &format!("{path}.kind"),
        "type d'indicateur",
    );
    v.check_code(
        &indicator.direction,
        &format!("{path}.direction"),
        "sens d'évolution",
    );
    let values = [
        (
            indicator.baseline.as_ref().map(|b| b.value),
            "baseline.value",
        ),
        (indicator.target.as_ref().map(|t| t.value), "target.value"),
        (
            indicator.target_range.as_ref().map(|r| r.min),
            "target_range.min",
        ),
        (
            indicator.target_range.as_ref().map(|r| r.max),
            "target_range.max",
        ),
    ];
    for (value, key) in values {
        if let Some(value) = value {
            v.check_finite(value, &format!("{path}.{key}"));
        }
    }
    for (j, step) in indicator.intermediate_targets.iter().enumerate() {
        v.check_finite(
            step.value,
            &format!("{path}.intermediate_targets[{j}].value"),
        );
    }
    v.check_weight(indicator.weight, &format!("{path}.weight"));
    let responsible = indicator.responsible.as_deref();
    if let Some(id) = responsible {
        v.check_reference(id, &[IdKind::Partner], &format!("{path}.responsible"));
    }
    source_reference(v, indicator.source.as_deref(), &format!("{path}.source"));
    check_override(v, indicator.status_override.as_ref(), path);
    check_measurements(v, indicator, path);
}

fn check_measurements(v: &mut Validator<'_>, indicator: &Indicator, path: &str) {
    for (j, measurement) in indicator.measurements.iter().enumerate() {
        let m_path = format!("{path}.measurements[{j}]");
        v.check_finite(measurement.value, &format!("{m_path}.value"));
        if let Some(insee) = &measurement.commune {
            v.check_commune_reference(insee, &format!("{m_path}.commune"));
        }
        if let Some(public) = &measurement.public {
            v.check_code(public, &format!("{m_path}.public"), "public");
        }
        let source = measurement.source.as_deref();
        source_reference(v, source, &format!("{m_path}.source"));
    }
}

/// Checks a status set by hand on the node at `node_path`.
pub(super) fn check_override(
    v: &mut Validator<'_>,
    status_override: Option<&StatusOverride>,
    node_path: &str,
) {
    let Some(status_override) = status_override else {
        return;
    };
    let path = format!("{node_path}.status_override");
    v.check_code(&status_override.status, &format!("{path}.status"), "statut");
    v.check_text(
        &status_override.reason,
        &format!("{path}.reason"),
        "la raison du statut forcé (elle s'affiche dans les rapports)",
    );
}

/// Checks an optional `source` field: it must name a source of the plan.
pub(super) fn source_reference(v: &mut Validator<'_>, source: Option<&str>, path: &str) {
    if let Some(id) = source {
        v.check_reference(id, &[IdKind::Source], path);
    }
}

/// An optional text, when present, must not be blank.
pub(super) fn optional_text(v: &mut Validator<'_>, text: Option<&str>, path: &str, what: &str) {
    if let Some(text) = text {
        v.check_text(text, path, what);
    }
}
