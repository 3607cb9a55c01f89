//! The access-to-rights engine on the toy fixture catalogue: table-driven verdicts, missing
//! questions, explanations, next question, sessions, and catalogue and situation errors.

use chrono::NaiveDate;
use ctg_core::rights::{
    render_explanation, CompiledCatalogue, QuestionRef, Session, Situation, SituationInput, Status,
};
use ctg_core::ErrorKind;
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn toy() -> CompiledCatalogue {
    let bytes = std::fs::read(ctg_examples::fixture("rights/toy.json")).unwrap();
    CompiledCatalogue::from_json(&bytes).unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn situation(cat: &CompiledCatalogue, v: &Value) -> Situation {
    let input: SituationInput = serde_json::from_value(v.clone()).unwrap();
    Situation::from_input(cat, &input).unwrap()
}

#[test]
fn toy_cases_give_the_expected_verdicts_and_missing_questions() {
    let cat = toy();
    let cases: Value = serde_json::from_slice(
        &std::fs::read(ctg_examples::fixture("rights/toy-cases.json")).unwrap(),
    )
    .unwrap();
    let cases = cases["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let s = situation(&cat, &case["situation"]);
        let at = cat.at(date(case["at"].as_str().unwrap()));
        let results = at.evaluate(&s);
        for (benefit, expected) in case["expected"].as_object().unwrap() {
            let r = results.iter().find(|r| &r.benefit == benefit).unwrap();
            assert_eq!(
                r.status.code(),
                expected.as_str().unwrap(),
                "case {id}, benefit {benefit}"
            );
        }
        if let Some(missing) = case.get("missing").and_then(Value::as_object) {
            for (benefit, expected) in missing {
                let r = results.iter().find(|r| &r.benefit == benefit).unwrap();
                let got: BTreeSet<QuestionRef> = r.missing.iter().cloned().collect();
                let want: BTreeSet<QuestionRef> = serde_json::from_value(expected.clone()).unwrap();
                assert_eq!(got, want, "case {id}, missing of {benefit}");
            }
        }
    }
}

#[test]
fn not_applicable_is_distinct_from_not_eligible_and_gives_a_reason() {
    let cat = toy();
    let s = Situation::empty(&cat);
    let results = cat.at(date("2025-09-01")).evaluate(&s);
    let hiver = results.iter().find(|r| r.benefit == "prime_hiver").unwrap();
    assert_eq!(hiver.status, Status::NotApplicable);
    assert!(hiver.reason.as_deref().unwrap().contains("01/01/2026"));
    let ancienne = results
        .iter()
        .find(|r| r.benefit == "prime_ancienne")
        .unwrap();
    assert!(ancienne.reason.as_deref().unwrap().contains("31/12/2024"));
}

#[test]
fn explanations_name_conditions_facts_and_parameters_with_references() {
    let cat = toy();
    let s = situation(
        &cat,
        &json!({"answers": {"statut_logement": "locataire", "loyer": 630, "ressources_annuelles": 25000, "en_couple": true}}),
    );
    let at = cat.at(date("2025-07-01"));
    let i = cat.benefit_position("aide_loyer").unwrap();
    let e = at.explain(&s, i);
    assert_eq!(e.status, Status::Eligible);
    let cond = e.condition.as_ref().unwrap();
    assert_eq!(cond.value, "oui");
    assert_eq!(cond.children.len(), 3);
    assert!(cond.children[0].text.contains("statut de logement"));
    let plafond = e
        .parameters
        .iter()
        .find(|p| p.parameter == "plafond_loyer")
        .unwrap();
    assert_eq!(plafond.reference, "illustratif, art. 2");
    assert_eq!(plafond.from, date("2025-07-01"));
    assert!(plafond.value.starts_with("650"));
    assert!(e
        .facts
        .iter()
        .any(|f| f.question.question == "loyer" && f.value.contains("630")));
    let lines = render_explanation(&e);
    assert!(lines[0].contains("éligible"));
    assert!(lines.iter().any(|l| l.contains("illustratif, art. 2")));

    // Member quantifiers explain each member.
    let s = situation(
        &cat,
        &json!({"members": [{"role": "adulte", "age": 30}, {"role": "enfant", "age": 3, "facts": {"handicap": true}}]}),
    );
    let e = cat
        .at(date("2025-09-01"))
        .explain(&s, cat.benefit_position("aide_enfant_handicap").unwrap());
    assert_eq!(e.status, Status::Eligible);
    let members = &e.condition.as_ref().unwrap().children;
    assert_eq!(members.len(), 2);
    assert_eq!(members[1].text, "enfant 1");
    assert_eq!(members[1].value, "oui");
    assert!(e.facts.iter().any(|f| f.question
        == QuestionRef {
            question: "handicap".into(),
            member: Some(1)
        }));
}

#[test]
fn next_question_ranks_by_undetermined_benefits_then_priority_then_order() {
    let cat = toy();
    let at = cat.at(date("2025-09-01"));
    let s = Situation::empty(&cat);
    let ranked = at.ranked_questions(&s, &[]);
    // nombre_adultes and nombre_enfants each appear in three benefits (alloc_famille,
    // aide_enfant_handicap, complement_activite); commune in one but with priority 1.
    assert_eq!(ranked[0].0.question, "nombre_adultes");
    assert_eq!(ranked[0].1, 3);
    assert_eq!(ranked[1].0.question, "nombre_enfants");
    let commune = ranked
        .iter()
        .position(|(q, _)| q.question == "commune")
        .unwrap();
    let date_arrivee = ranked
        .iter()
        .position(|(q, _)| q.question == "date_arrivee")
        .unwrap();
    assert!(commune < date_arrivee, "priority breaks the tie");
    // Declined questions are not proposed again.
    let declined = vec![QuestionRef {
        question: "nombre_adultes".into(),
        member: None,
    }];
    assert_eq!(
        at.next_question(&s, &declined).unwrap().question,
        "nombre_enfants"
    );
}

#[test]
fn a_session_asks_each_question_once_and_ends_with_nothing_undetermined() {
    let cat = toy();
    let mut session = Session::new(cat.at(date("2025-09-01")));
    let mut seen = BTreeSet::new();
    let mut steps = 0;
    while let Some(q) = session.next_question() {
        assert!(seen.insert(q.clone()), "asked twice: {q:?}");
        let answer = match q.question.as_str() {
            "nombre_adultes" => json!(1),
            "nombre_enfants" => json!(2),
            "age" => json!(10),
            "en_couple" | "handicap" => json!(false),
            "statut_logement" => json!("locataire"),
            "loyer" => json!(500),
            "ressources_annuelles" => json!(15000),
            "commune" => json!("86078"),
            "date_arrivee" => json!("2025-03-01"),
            "revenu_mensuel" => json!(900),
            other => panic!("unexpected question {other}"),
        };
        session.answer(&q, &answer).unwrap();
        steps += 1;
        assert!(steps < 50);
    }
    let results = session.results();
    assert!(results.iter().all(|r| r.status != Status::Undetermined));
    assert_eq!(
        results
            .iter()
            .find(|r| r.benefit == "alloc_famille")
            .unwrap()
            .status,
        Status::Eligible
    );
    // Changing an earlier answer re-plans: fewer children makes the family allowance ineligible.
    session
        .answer(
            &QuestionRef {
                question: "nombre_enfants".into(),
                member: None,
            },
            &json!(1),
        )
        .unwrap();
    assert_eq!(
        session
            .results()
            .iter()
            .find(|r| r.benefit == "alloc_famille")
            .unwrap()
            .status,
        Status::NotEligible
    );
    // Going back clears the last answer, which is asked again.
    let last = session.back().unwrap();
    assert_eq!(last.question, "nombre_enfants");
    assert_eq!(session.next_question().unwrap(), last);
}

#[test]
fn questions_that_cannot_change_any_result_are_not_asked() {
    let cat = toy();
    let at = cat.at(date("2025-09-01"));
    // A home owner: the rent and resources cannot change aide_loyer any more.
    let s = situation(
        &cat,
        &json!({"answers": {"statut_logement": "proprietaire"}}),
    );
    let ranked = at.ranked_questions(&s, &[]);
    assert!(ranked.iter().all(|(q, _)| q.question != "loyer"
        && q.question != "ressources_annuelles"
        && q.question != "en_couple"));
}

fn codes(cat_json: &Value) -> Vec<(ErrorKind, String)> {
    match CompiledCatalogue::from_json(cat_json.to_string().as_bytes()) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.into_iter().map(|e| (e.kind, e.path)).collect(),
    }
}

fn with(benefit_condition: Value, derived: Value) -> Value {
    let mut cat: Value =
        serde_json::from_slice(&std::fs::read(ctg_examples::fixture("rights/toy.json")).unwrap())
            .unwrap();
    cat["benefits"][0]["condition"] = benefit_condition;
    cat["derived"]
        .as_array_mut()
        .unwrap()
        .extend(derived.as_array().unwrap().iter().cloned());
    cat
}

#[test]
fn catalogue_errors_are_reported_all_at_once_with_paths() {
    // Unknown fact, unknown parameter, type mismatch, in one condition.
    let errs = codes(&with(
        json!({"all": [{"fact": "inconnu"}, {"<": [{"param": "nulle_part"}, 3]}, {"<": [{"fact": "en_couple"}, 3]}]}),
        json!([]),
    ));
    assert!(
        errs.contains(&(
            ErrorKind::DanglingReference,
            "$.benefits[0].condition.all[0].fact".into()
        )),
        "{errs:?}"
    );
    assert!(
        errs.contains(&(
            ErrorKind::DanglingReference,
            "$.benefits[0].condition.all[1]['<'][0].param".into()
        )),
        "{errs:?}"
    );
    assert!(
        errs.contains(&(
            ErrorKind::InvalidRule,
            "$.benefits[0].condition.all[2]['<'][0]".into()
        )),
        "{errs:?}"
    );

    // A cycle between derived facts.
    let errs = codes(&with(
        json!({"derived": "a"}),
        json!([{"id": "a", "label": "a", "value": {"derived": "b"}}, {"id": "b", "label": "b", "value": {"not": {"derived": "a"}}}]),
    ));
    assert!(
        errs.iter().any(|(k, p)| *k == ErrorKind::InvalidRule
            && p.ends_with(".derived")
            && p.starts_with("$.derived[")),
        "{errs:?}"
    );

    // Excessive depth.
    let mut deep = json!(true);
    for _ in 0..40 {
        deep = json!({"not": deep});
    }
    let errs = codes(&with(deep, json!([])));
    assert!(
        errs.iter()
            .any(|(k, p)| *k == ErrorKind::LimitExceeded
                && p.starts_with("$.benefits[0].condition.not")),
        "{errs:?}"
    );

    // Option not among the choices, member fact outside a quantifier.
    let errs = codes(&with(
        json!({"all": [{"==": [{"fact": "statut_logement"}, "chateau"]}, {"member": "handicap"}]}),
        json!([]),
    ));
    assert!(
        errs.contains(&(
            ErrorKind::InvalidRule,
            "$.benefits[0].condition.all[0]['=='][1]".into()
        )),
        "{errs:?}"
    );
    assert!(
        errs.contains(&(
            ErrorKind::InvalidRule,
            "$.benefits[0].condition.all[1].member".into()
        )),
        "{errs:?}"
    );

    // Date gaps: unsorted parameter values; validity starting before a parameter exists.
    let mut cat = with(json!(true), json!([]));
    cat["parameters"][1]["values"][1]["from"] = json!("2024-01-01");
    cat["benefits"][1]["valid_from"] = json!("2020-01-01");
    let errs = codes(&cat);
    assert!(
        errs.contains(&(
            ErrorKind::DateOrder,
            "$.parameters[1].values[1].from".into()
        )),
        "{errs:?}"
    );
    assert!(
        errs.contains(&(ErrorKind::InvalidRule, "$.benefits[1].valid_from".into())),
        "{errs:?}"
    );

    // Duplicate ids, unknown place, a condition that is not a yes/no.
    let mut cat = with(json!({"+": [1, 2]}), json!([]));
    cat["benefits"][1]["id"] = json!("alloc_famille");
    cat["benefits"][2]["places"] = json!(["nulle_part"]);
    let errs = codes(&cat);
    assert!(
        errs.contains(&(ErrorKind::DuplicateId, "$.benefits[1].id".into())),
        "{errs:?}"
    );
    assert!(
        errs.contains(&(
            ErrorKind::DanglingReference,
            "$.benefits[2].places[0]".into()
        )),
        "{errs:?}"
    );
    assert!(
        errs.contains(&(ErrorKind::InvalidRule, "$.benefits[0].condition".into())),
        "{errs:?}"
    );

    // Structure errors come from the reader with a path.
    let errs = codes(
        &json!({"format": "ctg-droits/1", "id": "x", "title": "x", "questions": [{"id": "a", "label": "a", "type": "texte"}]}),
    );
    assert_eq!(errs[0].0, ErrorKind::Structure);
    assert!(errs[0].1.starts_with("$.questions[0]"), "{errs:?}");
}

#[test]
fn situation_errors_have_paths_and_never_panic() {
    let cat = toy();
    let bad = json!({
        "answers": {"loyer": -5, "statut_logement": "chateau", "commune": "123", "en_couple": 3, "inconnue": 1},
        "members": [{"role": "enfant", "facts": {"handicap": "peut-etre", "loyer": 3}}]
    });
    let input: SituationInput = serde_json::from_value(bad).unwrap();
    let errs = Situation::from_input(&cat, &input).unwrap_err().0;
    let paths: Vec<(ErrorKind, String)> = errs.into_iter().map(|e| (e.kind, e.path)).collect();
    for (kind, path) in [
        (ErrorKind::InvalidNumber, "$.answers.loyer"),
        (ErrorKind::UnknownValue, "$.answers.statut_logement"),
        (ErrorKind::InvalidCode, "$.answers.commune"),
        (ErrorKind::Structure, "$.answers.en_couple"),
        (ErrorKind::DanglingReference, "$.answers.inconnue"),
        (ErrorKind::Structure, "$.members[0].facts.handicap"),
        (ErrorKind::Structure, "$.members[0].facts.loyer"),
    ] {
        assert!(
            paths.contains(&(kind, path.to_owned())),
            "{path}: {paths:?}"
        );
    }
    assert!(Situation::from_json(&cat, b"{not json").is_err());
}

#[test]
fn members_are_taken_adults_first_then_children_each_in_the_order_given() {
    let cat = toy();
    let roles = ["enfant", "adulte", "enfant", "adulte", "enfant"];
    let members: Vec<Value> = roles
        .iter()
        .enumerate()
        .map(|(i, role)| json!({"role": role, "age": 200 + i}))
        .collect();
    let input: SituationInput = serde_json::from_value(json!({ "members": members })).unwrap();
    let errs = Situation::from_input(&cat, &input).unwrap_err().0;
    let paths: Vec<String> = errs.into_iter().map(|e| e.path).collect();
    // What a stable sort of the members by « is a child » gives.
    let mut expected: Vec<(usize, &str)> = roles.iter().copied().enumerate().collect();
    expected.sort_by_key(|(_, role)| *role == "enfant");
    let expected: Vec<String> = expected
        .iter()
        .map(|(i, _)| format!("$.members[{i}].age"))
        .collect();
    assert_eq!(paths, expected);
}
