//! The embedded Civraisien en Poitou CTG against its sources: the booklet text
//! (`../shared/seed/000_fc6b21f229632cdb.txt`) and the communes file
//! (`../shared/data/communes-civraisien.json`).

use chrono::NaiveDate;
use ctg_core::civraisien;
use ctg_core::plan::{Due, Plan};
use std::collections::{BTreeSet, HashSet};

const BOOKLET: &str = "seed/000_fc6b21f229632cdb.txt";
const COMMUNES: &str = "data/communes-civraisien.json";

fn read_shared(relative: &str) -> String {
    let path = ctg_examples::shared_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read {} ({error}); the shared data folder must sit beside the repository \
             or be named by CTG_SHARED_DIR",
            path.display()
        )
    })
}

fn plan() -> Plan {
    civraisien::plan()
}

/// The documented normalisation of the booklet text: lines are trimmed, blank lines dropped,
/// lines joined with one space, except after a line ending in `-` or `/`, which is joined
/// without a space and keeps the character; runs of spaces become one.
fn normalise(text: &str) -> String {
    let mut joined = String::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if !joined.is_empty() && !joined.ends_with('-') && !joined.ends_with('/') {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    joined
        .split(' ')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn counts_are_those_of_the_booklet() {
    let plan = plan();
    assert_eq!(plan.axes.len(), 5);
    let strategic: Vec<usize> = plan
        .axes
        .iter()
        .map(|axis| axis.strategic_objectives.len())
        .collect();
    assert_eq!(strategic, [2, 2, 3, 3, 3]);
    let specific: Vec<Vec<usize>> = plan
        .axes
        .iter()
        .map(|axis| {
            axis.strategic_objectives
                .iter()
                .map(|objective| objective.specific_objectives.len())
                .collect()
        })
        .collect();
    assert_eq!(
        specific,
        [
            vec![5, 7],
            vec![8, 6],
            vec![8, 9, 7],
            vec![5, 5, 7],
            vec![7, 7, 5]
        ]
    );
    let total: usize = specific.iter().flatten().sum();
    assert_eq!(total, 86);
    assert_eq!(strategic.iter().sum::<usize>(), 13);
    // The booklet has no fiches actions.
    assert!(plan
        .axes
        .iter()
        .flat_map(|axis| &axis.strategic_objectives)
        .flat_map(|objective| &objective.specific_objectives)
        .all(|objective| objective.actions.is_empty()));
}

#[test]
fn ids_follow_the_numbering_and_are_unique() {
    let plan = plan();
    let mut ids = Vec::new();
    for (a, axis) in plan.axes.iter().enumerate() {
        let a = a + 1;
        assert_eq!(axis.id, format!("axe-{a}"));
        assert_eq!(axis.number, Some(a as u32));
        ids.push(axis.id.clone());
        for (s, strategic) in axis.strategic_objectives.iter().enumerate() {
            let s = s + 1;
            assert_eq!(strategic.id, format!("os-{a}.{s}"));
            ids.push(strategic.id.clone());
            for (o, specific) in strategic.specific_objectives.iter().enumerate() {
                assert_eq!(specific.id, format!("osp-{a}.{s}.{}", o + 1));
                ids.push(specific.id.clone());
            }
        }
    }
    ids.extend(plan.partners.iter().map(|partner| partner.id.clone()));
    ids.extend(plan.sources.iter().map(|source| source.id.clone()));
    ids.extend(plan.territory.poles.iter().map(|pole| pole.id.clone()));
    ids.extend(
        plan.diagnostic
            .indicators
            .iter()
            .map(|indicator| indicator.id.clone()),
    );
    ids.extend(
        plan.diagnostic
            .findings
            .iter()
            .map(|finding| finding.id.clone()),
    );
    ids.extend(
        follow_up_indicators(&plan)
            .into_iter()
            .map(|(_, i)| i.id.clone()),
    );
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");
    for id in [
        "cc-civraisien",
        "caf",
        "msa",
        "livret-ctg-2019",
        "decoupage-administratif-6.0.0",
    ] {
        assert!(ids.iter().any(|known| known == id), "missing id {id}");
    }
    for id in ["pole-civray", "pole-couhe", "pole-gencay"] {
        assert!(ids.iter().any(|known| known == id), "missing id {id}");
    }
}

#[test]
fn objective_texts_are_verbatim_and_in_booklet_order() {
    let booklet = normalise(&read_shared(BOOKLET));
    let plan = plan();
    let mut from = 0;
    for axis in &plan.axes {
        for strategic in &axis.strategic_objectives {
            assert!(
                booklet.contains(&strategic.title),
                "{}: not in the booklet: {:?}",
                strategic.id,
                strategic.title
            );
            for specific in &strategic.specific_objectives {
                let found = booklet[from..].find(&specific.title).unwrap_or_else(|| {
                    panic!(
                        "{}: not in the booklet after the previous objective: {:?}",
                        specific.id, specific.title
                    )
                });
                from += found + specific.title.len();
            }
        }
    }
}

#[test]
fn axis_titles_are_those_of_the_booklet_list() {
    let booklet = normalise(&read_shared(BOOKLET));
    for axis in plan().axes {
        assert!(
            booklet.contains(&axis.title),
            "{}: {:?}",
            axis.id,
            axis.title
        );
        assert!(axis.general_objective.is_none());
    }
}

#[test]
fn the_five_deadlines_become_due_dates() {
    let plan = plan();
    let dues: Vec<(String, Due, String)> = plan
        .axes
        .iter()
        .flat_map(|axis| &axis.strategic_objectives)
        .flat_map(|objective| &objective.specific_objectives)
        .filter_map(|objective| {
            objective
                .due
                .clone()
                .map(|due| (objective.id.clone(), due, objective.title.clone()))
        })
        .collect();
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let expected = [
        ("osp-1.2.1", "avant fin 2019", date(2019, 12, 31)),
        ("osp-1.2.2", "d’ici 2020", date(2020, 12, 31)),
        ("osp-4.2.4", "dès 2019", date(2019, 12, 31)),
        ("osp-5.2.1", "fin 2019", date(2019, 12, 31)),
        ("osp-5.2.3", "dès 2020", date(2020, 12, 31)),
    ];
    assert_eq!(dues.len(), expected.len());
    for ((id, due, title), (expected_id, text, expected_date)) in dues.iter().zip(expected) {
        assert_eq!(id, expected_id);
        assert_eq!(due.text.as_deref(), Some(text));
        assert_eq!(due.date, expected_date);
        assert!(title.contains(text), "{id}: {text:?} not in {title:?}");
        assert!(plan.period.contains(due.date));
    }
}

#[test]
fn signature_period_and_partners() {
    let plan = plan();
    let signature = plan.signature.as_ref().expect("a signature");
    assert_eq!(signature.date, NaiveDate::from_ymd_opt(2019, 7, 1).unwrap());
    assert_eq!(signature.signatories, ["cc-civraisien", "caf", "msa"]);
    assert_eq!(plan.period.start, signature.date);
    assert_eq!(
        plan.period.end,
        NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()
    );
    let contact = plan.contact.as_ref().expect("a contact");
    assert_eq!(contact.email.as_deref(), Some("ctg@civraisienpoitou.fr"));
    assert!(
        contact.phone.is_none(),
        "the booklet's mobile number is personal data"
    );
}

#[test]
fn communes_are_those_of_the_communes_file() {
    let file: serde_json::Value =
        serde_json::from_str(&read_shared(COMMUNES)).expect("the communes file is JSON");
    let expected: BTreeSet<(String, String, Vec<String>, u64)> = file["communes"]
        .as_array()
        .expect("a communes array")
        .iter()
        .map(|commune| {
            (
                commune["insee"].as_str().unwrap().to_owned(),
                commune["nom"].as_str().unwrap().to_owned(),
                commune["codesPostaux"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|code| code.as_str().unwrap().to_owned())
                    .collect(),
                commune["population"].as_u64().unwrap(),
            )
        })
        .collect();
    let plan = plan();
    let actual: BTreeSet<(String, String, Vec<String>, u64)> = plan
        .territory
        .communes
        .iter()
        .map(|commune| {
            (
                commune.insee.clone(),
                commune.name.clone(),
                commune.postal_codes.clone(),
                commune.population.expect("a population"),
            )
        })
        .collect();
    assert_eq!(actual.len(), 35);
    assert_eq!(plan.territory.communes.len(), 35);
    assert_eq!(actual, expected);
    assert_eq!(
        plan.territory.epci.as_ref().map(|epci| epci.siren.as_str()),
        file["epci"]["siren"].as_str()
    );
    // Each pole names its central commune, which is one of the 35.
    let codes: HashSet<&str> = plan
        .territory
        .communes
        .iter()
        .map(|c| c.insee.as_str())
        .collect();
    for pole in &plan.territory.poles {
        assert!(!pole.communes.is_empty());
        assert!(pole
            .communes
            .iter()
            .all(|code| codes.contains(code.as_str())));
    }
}

#[test]
fn diagnostic_figures_are_sourced_and_findings_point_to_axes() {
    let plan = plan();
    let sources: HashSet<&str> = plan
        .sources
        .iter()
        .map(|source| source.id.as_str())
        .collect();
    let axes: HashSet<&str> = plan.axes.iter().map(|axis| axis.id.as_str()).collect();
    assert!(plan.diagnostic.indicators.len() >= 40);
    for indicator in &plan.diagnostic.indicators {
        let source = indicator
            .source
            .as_deref()
            .expect("every figure has a source");
        assert!(
            sources.contains(source),
            "{}: unknown source {source}",
            indicator.id
        );
        assert!(indicator.value.is_finite());
    }
    assert!(!plan.diagnostic.findings.is_empty());
    for finding in &plan.diagnostic.findings {
        assert!(!finding.axes.is_empty(), "{} justifies no axis", finding.id);
        assert!(finding.axes.iter().all(|axis| axes.contains(axis.as_str())));
    }
    // Every axis is justified by at least one finding.
    for axis in &plan.axes {
        assert!(
            plan.diagnostic
                .findings
                .iter()
                .any(|finding| finding.axes.contains(&axis.id)),
            "no finding for {}",
            axis.id
        );
    }
}

#[test]
fn embedded_text_round_trips() {
    let plan = plan();
    let text = serde_json::to_string(&plan).expect("serialises");
    let again: Plan = serde_json::from_str(&text).expect("parses again");
    assert_eq!(again, plan);
}

#[test]
fn every_vocabulary_code_is_known() {
    let plan = plan();
    for axis in &plan.axes {
        assert!(
            axis.themes.iter().all(|theme| theme.is_known()),
            "{}",
            axis.id
        );
        for strategic in &axis.strategic_objectives {
            assert!(
                strategic.themes.iter().all(|theme| theme.is_known()),
                "{}",
                strategic.id
            );
            for specific in &strategic.specific_objectives {
                assert!(
                    specific.themes.iter().all(|t| t.is_known()),
                    "{}",
                    specific.id
                );
                assert!(
                    specific.publics.iter().all(|p| p.is_known()),
                    "{}",
                    specific.id
                );
            }
        }
    }
    for partner in &plan.partners {
        assert!(partner.kind.is_known() && partner.roles.iter().all(|role| role.is_known()));
    }
    for indicator in &plan.diagnostic.indicators {
        assert!(
            indicator.themes.iter().all(|theme| theme.is_known()),
            "{}",
            indicator.id
        );
        assert!(
            indicator.references.iter().all(|r| r.level.is_known()),
            "{}",
            indicator.id
        );
    }
}

/// Every follow-up indicator of the plan, with the id of the node that carries it.
fn follow_up_indicators(plan: &Plan) -> Vec<(String, &ctg_core::indicator::Indicator)> {
    let mut all: Vec<(String, &ctg_core::indicator::Indicator)> = plan
        .indicators
        .iter()
        .map(|i| (plan.id.clone(), i))
        .collect();
    for axis in &plan.axes {
        all.extend(axis.indicators.iter().map(|i| (axis.id.clone(), i)));
        for strategic in &axis.strategic_objectives {
            all.extend(
                strategic
                    .indicators
                    .iter()
                    .map(|i| (strategic.id.clone(), i)),
            );
            for specific in &strategic.specific_objectives {
                all.extend(specific.indicators.iter().map(|i| (specific.id.clone(), i)));
            }
        }
    }
    all
}

#[test]
fn follow_up_indicators_are_illustrative_and_sourced() {
    let plan = plan();
    let indicators = follow_up_indicators(&plan);
    assert!(
        (8..=12).contains(&indicators.len()),
        "{} indicators",
        indicators.len()
    );
    let last = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
    let mut ids = HashSet::new();
    for (node, indicator) in &indicators {
        assert!(node.starts_with("osp-"), "{} sits on {node}", indicator.id);
        assert!(indicator.id.starts_with("ind-"), "{}", indicator.id);
        assert!(
            ids.insert(indicator.id.as_str()),
            "duplicate {}",
            indicator.id
        );
        assert!(
            indicator.illustrative,
            "{} must be marked illustrative",
            indicator.id
        );
        let note = indicator.note.as_deref().unwrap_or_default();
        assert!(
            note.contains("Illustratif"),
            "{}: the note must say it",
            indicator.id
        );
        assert!(indicator.kind.is_known() && indicator.direction.is_known());
        assert!(indicator.baseline.is_some() && indicator.target.is_some());
        for measurement in &indicator.measurements {
            assert!(
                measurement.date <= last,
                "{}: measurement after 2023",
                indicator.id
            );
            assert_eq!(measurement.source.as_deref(), Some("donnees-illustratives"));
        }
    }
    let dates: Vec<NaiveDate> = indicators
        .iter()
        .flat_map(|(_, i)| &i.measurements)
        .map(|m| m.date)
        .collect();
    assert!(dates
        .iter()
        .any(|date| date.format("%Y").to_string() == "2023"));
    assert!(plan.notes.iter().any(|note| note.contains("ILLUSTRATIFS")));
}

#[test]
fn booklet_baselines_match_the_diagnostic() {
    let plan = plan();
    let figure = |id: &str| {
        plan.diagnostic
            .indicators
            .iter()
            .find(|figure| figure.id == id)
            .unwrap_or_else(|| panic!("no figure {id}"))
            .value
    };
    let indicators = follow_up_indicators(&plan);
    let baseline_of = |id: &str| {
        let (_, indicator) = indicators
            .iter()
            .find(|(_, indicator)| indicator.id == id)
            .unwrap_or_else(|| panic!("no indicator {id}"));
        assert_eq!(indicator.source.as_deref(), Some("livret-ctg-2019"), "{id}");
        indicator.baseline.as_ref().expect("a baseline").value
    };
    assert_eq!(
        baseline_of("ind-places-accueil-moins-3-ans"),
        figure("diag-places-multi-accueil")
    );
    assert_eq!(
        baseline_of("ind-structures-accueil-moins-3-ans"),
        figure("diag-multi-accueil")
    );
    assert_eq!(
        baseline_of("ind-lieux-ressources"),
        figure("diag-espaces-vie-sociale")
    );
    // Indicators whose baseline is not in the booklet do not claim the booklet as source.
    for (_, indicator) in &indicators {
        if indicator.source.as_deref() == Some("livret-ctg-2019") {
            assert!(indicator
                .note
                .as_deref()
                .unwrap_or_default()
                .contains("livret"));
        }
    }
}

#[test]
fn the_embedded_plan_validates_without_error() {
    let plan = Plan::from_json(civraisien::PLAN_JSON)
        .unwrap_or_else(|errors| panic!("the embedded plan is invalid: {:?}", errors.errors()));
    assert!(plan.validate().is_empty());
    assert_eq!(plan, civraisien::plan());
}

#[test]
fn illustrative_measurements_show_every_status_at_the_start_of_2024() {
    use ctg_core::vocabulary::Status;
    let plan = plan();
    let at = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let evaluation = ctg_core::evaluation::evaluate(&plan, at);
    assert!(evaluation.illustrative);
    let statuses: HashSet<Status> = evaluation
        .indicators
        .iter()
        .filter_map(|indicator| indicator.status.clone())
        .collect();
    for status in [
        Status::Atteint,
        Status::EnBonneVoie,
        Status::ASurveiller,
        Status::EnRetard,
        Status::DonneesTropAnciennes,
        Status::PasDeDonnees,
    ] {
        assert!(statuses.contains(&status), "no indicator {}", status.code());
    }
}
