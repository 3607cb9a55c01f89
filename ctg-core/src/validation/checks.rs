//! The checks of a plan's meaning, once its structure is read: ids, references, dates,
//! codes, texts and numbers. Every problem is reported, none stops the others.

use super::context::{IdKind, Validator};
use super::path::JsonPath;
use super::{evaluation_rules, tree_checks, ErrorKind, ValidationError};
use crate::diagnostic::{Diagnostic, Finding, TerritorialIndicator};
use crate::evaluation::StatusOverride;
use crate::indicator::Indicator;
use crate::plan::{Contact, Partner, FORMAT};
use crate::territory::{is_postal_code, is_siren, Commune, Territory};
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
    let territory = ROOT.key("territory");
    let communes = territory.key("communes");
    for (i, commune) in plan.territory.communes.iter().enumerate() {
        v.define_commune(&commune.insee, &communes.index(i).key("insee"));
    }
    let partners = ROOT.key("partners");
    for (i, partner) in plan.partners.iter().enumerate() {
        v.define(&partner.id, IdKind::Partner, &partners.index(i).key("id"));
    }
    let sources = ROOT.key("sources");
    for (i, source) in plan.sources.iter().enumerate() {
        v.define(&source.id, IdKind::Source, &sources.index(i).key("id"));
    }
    let poles = territory.key("poles");
    for (i, pole) in plan.territory.poles.iter().enumerate() {
        v.define(&pole.id, IdKind::Pole, &poles.index(i).key("id"));
    }
    let diagnostic = ROOT.key("diagnostic");
    let figures = diagnostic.key("indicators");
    for (i, figure) in plan.diagnostic.indicators.iter().enumerate() {
        let path = figures.index(i);
        v.define(&figure.id, IdKind::TerritorialIndicator, &path.key("id"));
    }
    let findings = diagnostic.key("findings");
    for (i, finding) in plan.diagnostic.findings.iter().enumerate() {
        v.define(&finding.id, IdKind::Finding, &findings.index(i).key("id"));
    }
    register_indicators(v, &plan.indicators, &ROOT);
    tree_checks::register_axes(v);
}

const ROOT: JsonPath<'static> = JsonPath::ROOT;

/// Registers the indicators of the node at `node`.
pub(super) fn register_indicators<'p>(
    v: &mut Validator<'p>,
    indicators: &'p [Indicator],
    node: &JsonPath<'_>,
) {
    let list = node.key("indicators");
    for (i, indicator) in indicators.iter().enumerate() {
        let path = list.index(i);
        v.define(&indicator.id, IdKind::Indicator, &path.key("id"));
        v.add_indicator(&path, indicator);
    }
}

fn check_header(v: &mut Validator<'_>) {
    let plan = v.plan();
    v.check_text(&plan.title, &ROOT.key("title"), "le titre du plan");
    v.check_id(&plan.id, &ROOT.key("id"));
    v.check_code(&plan.kind, &ROOT.key("kind"), "type de plan");
    let period = ROOT.key("period");
    v.check_order(plan.period.start, plan.period.end, &period.key("end"));
    if let Some(signature) = &plan.signature {
        let path = ROOT.key("signature");
        if signature.date > plan.period.end {
            let message = format!(
                "la date de signature {} est après la fin de la période du plan ({}) ; \
                 corrigez l'une des deux.",
                signature.date, plan.period.end
            );
            v.push(ErrorKind::OutOfPeriod, path.key("date"), message);
        }
        let place = signature.place.as_deref();
        optional_text(v, place, &path.key("place"), "le lieu de signature");
        let signatories = path.key("signatories");
        for (i, id) in signature.signatories.iter().enumerate() {
            v.check_reference(id, &[IdKind::Partner], &signatories.index(i));
        }
    }
    if let Some(contact) = &plan.contact {
        check_contact(v, contact, &ROOT.key("contact"));
    }
    check_notes(v, &plan.notes, &ROOT.key("notes"));
}

fn check_notes(v: &mut Validator<'_>, notes: &[String], path: &JsonPath<'_>) {
    for (i, note) in notes.iter().enumerate() {
        v.check_text(note, &path.index(i), "la remarque");
    }
}

fn check_contact(v: &mut Validator<'_>, contact: &Contact, path: &JsonPath<'_>) {
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
        optional_text(v, value.as_deref(), &path.key(key), what);
    }
    if let Some(email) = contact.email.as_deref().filter(|e| !e.trim().is_empty()) {
        if !email.contains('@') || email.chars().any(char::is_whitespace) {
            let message =
                format!("« {email} » n'est pas une adresse électronique (nom@domaine.fr).");
            v.push(ErrorKind::InvalidCode, path.key("email"), message);
        }
    }
    source_reference(v, contact.source.as_deref(), &path.key("source"));
}

fn check_territory(v: &mut Validator<'_>, territory: &Territory) {
    let path = ROOT.key("territory");
    if let Some(epci) = &territory.epci {
        let epci_path = path.key("epci");
        v.check_text(&epci.name, &epci_path.key("name"), "le nom de l'EPCI");
        if !is_siren(&epci.siren) {
            let message = format!(
                "« {} » n'est pas un numéro SIREN : il faut 9 chiffres, sans espace \
                 (par exemple 200069862).",
                epci.siren
            );
            v.push(ErrorKind::InvalidCode, epci_path.key("siren"), message);
        }
    }
    let communes = path.key("communes");
    for (i, commune) in territory.communes.iter().enumerate() {
        check_commune(v, commune, &communes.index(i));
    }
    let poles = path.key("poles");
    for (i, pole) in territory.poles.iter().enumerate() {
        let pole_path = poles.index(i);
        v.check_text(&pole.name, &pole_path.key("name"), "le nom du pôle");
        let pole_communes = pole_path.key("communes");
        for (j, insee) in pole.communes.iter().enumerate() {
            v.check_commune_reference(insee, &pole_communes.index(j));
        }
    }
    check_notes(v, &territory.notes, &path.key("notes"));
}

fn check_commune(v: &mut Validator<'_>, commune: &Commune, path: &JsonPath<'_>) {
    v.check_insee(&commune.insee, &path.key("insee"));
    v.check_text(&commune.name, &path.key("name"), "le nom de la commune");
    let postal_codes = path.key("postal_codes");
    for (j, code) in commune.postal_codes.iter().enumerate() {
        if !is_postal_code(code) {
            let message =
                format!("« {code} » n'est pas un code postal : il faut 5 chiffres (86400).");
            v.push(ErrorKind::InvalidCode, postal_codes.index(j), message);
        }
    }
}

fn check_partners(v: &mut Validator<'_>, partners: &[Partner]) {
    let list = ROOT.key("partners");
    for (i, partner) in partners.iter().enumerate() {
        let path = list.index(i);
        v.check_text(&partner.name, &path.key("name"), "le nom du partenaire");
        let short = partner.short_name.as_deref();
        optional_text(v, short, &path.key("short_name"), "le nom court");
        v.check_code(&partner.kind, &path.key("kind"), "type de partenaire");
        v.check_codes(&partner.roles, &path.key("roles"), "rôle");
    }
}

fn check_sources(v: &mut Validator<'_>) {
    let list = ROOT.key("sources");
    for (i, source) in v.plan().sources.iter().enumerate() {
        let path = list.index(i);
        v.check_text(&source.title, &path.key("title"), "le titre de la source");
    }
}

fn check_diagnostic(v: &mut Validator<'_>, diagnostic: &Diagnostic) {
    let path = ROOT.key("diagnostic");
    let figures = path.key("indicators");
    for (i, figure) in diagnostic.indicators.iter().enumerate() {
        check_figure(v, figure, &figures.index(i));
    }
    let findings = path.key("findings");
    for (i, finding) in diagnostic.findings.iter().enumerate() {
        check_finding(v, finding, &findings.index(i));
    }
}

fn check_figure(v: &mut Validator<'_>, figure: &TerritorialIndicator, path: &JsonPath<'_>) {
    v.check_text(&figure.label, &path.key("label"), "le libellé du chiffre");
    v.check_text(&figure.unit, &path.key("unit"), "l'unité");
    v.check_finite(figure.value, &path.key("value"));
    let references = path.key("references");
    for (j, reference) in figure.references.iter().enumerate() {
        let ref_path = references.index(j);
        v.check_code(
            &reference.level,
            &ref_path.key("level"),
            "niveau de référence",
        );
        v.check_finite(reference.value, &ref_path.key("value"));
    }
    source_reference(v, figure.source.as_deref(), &path.key("source"));
    v.check_codes(&figure.themes, &path.key("themes"), "thème");
}

fn check_finding(v: &mut Validator<'_>, finding: &Finding, path: &JsonPath<'_>) {
    v.check_text(&finding.title, &path.key("title"), "le titre du constat");
    v.check_text(&finding.text, &path.key("text"), "le texte du constat");
    let axes = path.key("axes");
    for (j, axis) in finding.axes.iter().enumerate() {
        v.check_reference(axis, &[IdKind::Axis], &axes.index(j));
    }
    v.check_codes(&finding.themes, &path.key("themes"), "thème");
    source_reference(v, finding.source.as_deref(), &path.key("source"));
}

fn check_indicators(v: &mut Validator<'_>) {
    let plan = v.plan();
    check_indicator_list(v, &plan.indicators, &ROOT);
}

/// Checks the indicators of the node at `node`.
pub(super) fn check_indicator_list(
    v: &mut Validator<'_>,
    indicators: &[Indicator],
    node: &JsonPath<'_>,
) {
    let list = node.key("indicators");
    for (i, indicator) in indicators.iter().enumerate() {
        check_indicator(v, indicator, &list.index(i));
    }
}

fn check_indicator(v: &mut Validator<'_>, indicator: &Indicator, path: &JsonPath<'_>) {
    v.check_text(
        &indicator.label,
        &path.key("label"),
        "le libellé de l'indicateur",
    );
    v.check_text(
        &indicator.unit,
        &path.key("unit"),
        "l'unité de l'indicateur",
    );
    v.check_code(&indicator.kind, &path.key("kind"), "type d'indicateur");
    v.check_code(
        &indicator.direction,
        &path.key("direction"),
        "sens d'évolution",
    );
    let values = [
        (
            indicator.baseline.as_ref().map(|b| b.value),
            "baseline",
            "value",
        ),
        (
            indicator.target.as_ref().map(|t| t.value),
            "target",
            "value",
        ),
        (
            indicator.target_range.as_ref().map(|r| r.min),
            "target_range",
            "min",
        ),
        (
            indicator.target_range.as_ref().map(|r| r.max),
            "target_range",
            "max",
        ),
    ];
    for (value, object, key) in values {
        if let Some(value) = value {
            v.check_finite(value, &path.key(object).key(key));
        }
    }
    let steps = path.key("intermediate_targets");
    for (j, step) in indicator.intermediate_targets.iter().enumerate() {
        v.check_finite(step.value, &steps.index(j).key("value"));
    }
    v.check_weight(indicator.weight, &path.key("weight"));
    if let Some(id) = indicator.responsible.as_deref() {
        v.check_reference(id, &[IdKind::Partner], &path.key("responsible"));
    }
    source_reference(v, indicator.source.as_deref(), &path.key("source"));
    check_override(v, indicator.status_override.as_ref(), path);
    check_measurements(v, indicator, path);
}

fn check_measurements(v: &mut Validator<'_>, indicator: &Indicator, path: &JsonPath<'_>) {
    let list = path.key("measurements");
    for (j, measurement) in indicator.measurements.iter().enumerate() {
        let m_path = list.index(j);
        v.check_finite(measurement.value, &m_path.key("value"));
        if let Some(insee) = &measurement.commune {
            v.check_commune_reference(insee, &m_path.key("commune"));
        }
        if let Some(public) = &measurement.public {
            v.check_code(public, &m_path.key("public"), "public");
        }
        source_reference(v, measurement.source.as_deref(), &m_path.key("source"));
    }
}

/// Checks a status set by hand on the node at `node`.
pub(super) fn check_override(
    v: &mut Validator<'_>,
    status_override: Option<&StatusOverride>,
    node: &JsonPath<'_>,
) {
    let Some(status_override) = status_override else {
        return;
    };
    let path = node.key("status_override");
    v.check_code(&status_override.status, &path.key("status"), "statut");
    v.check_text(
        &status_override.reason,
        &path.key("reason"),
        "la raison du statut forcé (elle s'affiche dans les rapports)",
    );
}

/// Checks an optional `source` field: it must name a source of the plan.
pub(super) fn source_reference(v: &mut Validator<'_>, source: Option<&str>, path: &JsonPath<'_>) {
    if let Some(id) = source {
        v.check_reference(id, &[IdKind::Source], path);
    }
}

/// An optional text, when present, must not be blank.
pub(super) fn optional_text(
    v: &mut Validator<'_>,
    text: Option<&str>,
    path: &JsonPath<'_>,
    what: &str,
) {
    if let Some(text) = text {
        v.check_text(text, path, what);
    }
}
