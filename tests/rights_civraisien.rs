//! The embedded Civraisien rights catalogue: it compiles, its table-driven cases give the
//! expected verdicts for every benefit (thresholds, parameter change dates, undetermined), and
//! it agrees with OpenFisca-France on `../shared/data/openfisca-cases.json`.

use chrono::NaiveDate;
use ctg_core::rights::{CompiledCatalogue, Situation, SituationInput, Status};
use serde_json::Value;
use std::collections::BTreeSet;

fn catalogue() -> CompiledCatalogue {
    CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes())
        .unwrap_or_else(|e| panic!("the embedded catalogue does not compile: {e:?}"))
}

fn cases() -> Value {
    let bytes = std::fs::read(ctg_examples::fixture("rights/civraisien-cases.json")).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn the_embedded_catalogue_compiles_and_is_the_example_file() {
    let cat = catalogue();
    let on_disk =
        std::fs::read_to_string(ctg_examples::repo_path("examples/civraisien/droits.json"))
            .unwrap();
    assert_eq!(on_disk, ctg_core::civraisien::DROITS_JSON);
    let c = cat.catalogue();
    for id in [
        "af",
        "ars",
        "cf",
        "asf",
        "paje_base",
        "aeeh",
        "aide_logement",
        "rsa",
        "ppa",
        "aah",
        "aspa",
        "css",
    ] {
        let b = c.benefits.iter().find(|b| b.id == id).unwrap();
        assert!(b.apply.is_some(), "{id}: no official page");
        assert!(
            !b.notes.is_empty(),
            "{id}: no note (simplifications, paying body)"
        );
        assert!(!b.objectives.is_empty(), "{id}: no plan objective");
    }
}

#[test]
fn every_parameter_value_cites_a_source_and_covers_2025_and_2026() {
    let cat = catalogue();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    for p in &cat.catalogue().parameters {
        assert!(
            p.values[0].from <= start,
            "{}: no value on 2025-01-01",
            p.id
        );
        for v in &p.values {
            assert!(
                v.reference
                    .contains("openfisca-france 176.1.8 : parameters/")
                    || p.id.starts_with("coef_salaire_"),
                "{}: reference without its OpenFisca file: {}",
                p.id,
                v.reference
            );
            assert!(v.reference.contains("art."), "{}: no legal article", p.id);
        }
    }
}

#[test]
fn benefits_and_places_link_to_objectives_of_the_embedded_plan() {
    let cat = catalogue();
    let plan: Value = serde_json::from_str(ctg_core::civraisien::PLAN_JSON).unwrap();
    let mut ids = BTreeSet::new();
    collect_ids(&plan, &mut ids);
    for b in &cat.catalogue().benefits {
        for o in &b.objectives {
            assert!(ids.contains(o.as_str()), "{}: unknown objective {o}", b.id);
        }
    }
}

fn collect_ids<'a>(v: &'a Value, ids: &mut BTreeSet<&'a str>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(id)) = m.get("id") {
                ids.insert(id);
            }
            m.values().for_each(|x| collect_ids(x, ids));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_ids(x, ids)),
        _ => {}
    }
}

#[test]
fn table_driven_cases_give_the_expected_verdict_for_every_benefit() {
    let cat = catalogue();
    let doc = cases();
    let cases = doc["cases"].as_array().unwrap();
    let mut covered: BTreeSet<(String, String)> = BTreeSet::new();
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let date = NaiveDate::parse_from_str(case["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let input: SituationInput = serde_json::from_value(case["situation"].clone()).unwrap();
        let situation = Situation::from_input(&cat, &input)
            .unwrap_or_else(|e| panic!("case {id}: situation refused: {e:?}"));
        let results = cat.at(date).evaluate(&situation);
        for (benefit, expected) in case["expected"].as_object().unwrap() {
            let r = results
                .iter()
                .find(|r| &r.benefit == benefit)
                .unwrap_or_else(|| panic!("case {id}: no benefit {benefit}"));
            assert_eq!(
                r.status.code(),
                expected.as_str().unwrap(),
                "case {id}, benefit {benefit}: {}",
                case["why"]
            );
            covered.insert((benefit.clone(), r.status.code().to_owned()));
        }
    }
    // Every national benefit is seen eligible, not eligible and undetermined.
    for b in [
        "af",
        "ars",
        "cf",
        "asf",
        "paje_base",
        "aeeh",
        "aide_logement",
        "rsa",
        "ppa",
        "aah",
        "aspa",
        "css",
    ] {
        for status in [Status::Eligible, Status::NotEligible] {
            assert!(
                covered.contains(&(b.to_owned(), status.code().to_owned())),
                "{b} never {}",
                status.code()
            );
        }
    }
    let undetermined: BTreeSet<&str> = covered
        .iter()
        .filter(|(_, s)| s == Status::Undetermined.code())
        .map(|(b, _)| b.as_str())
        .collect();
    for b in [
        "af",
        "ars",
        "paje_base",
        "asf",
        "aeeh",
        "aide_logement",
        "rsa",
        "ppa",
        "aah",
        "aspa",
        "css",
    ] {
        assert!(undetermined.contains(b), "{b} never undetermined");
    }
}

#[test]
fn openfisca_conformance_is_at_least_95_percent_per_benefit() {
    let path = ctg_examples::shared_path("data/openfisca-cases.json");
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (set CTG_SHARED_DIR)", path.display()));
    let report = ctg_cli::conformance::run_conformance(&catalogue(), &bytes).unwrap();
    assert_eq!(report.benefits.len(), ctg_cli::conformance::BENEFITS.len());
    for b in &report.benefits {
        assert!(b.cases >= 20, "{}: {} cases", b.benefit, b.cases);
        assert!(
            b.ratio >= 0.95,
            "{}: {:.3}\n{:#?}",
            b.benefit,
            b.ratio,
            report.disagreements
        );
    }
    assert!(report.passes(0.95));
}

#[test]
fn a_wrong_rule_is_reported_as_a_disagreement_with_its_explanation() {
    // Make the allocations familiales require 3 children: the 2-children cases now disagree.
    let mut cat: Value = serde_json::from_str(ctg_core::civraisien::DROITS_JSON).unwrap();
    let af = cat["benefits"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|b| b["id"] == "af")
        .unwrap();
    af["condition"] =
        serde_json::json!({">=": [{"derived": "nb_enfants_pf"}, 3], "label": "au moins 3 enfants"});
    let compiled = CompiledCatalogue::from_json(&serde_json::to_vec(&cat).unwrap()).unwrap();
    let bytes = std::fs::read(ctg_examples::shared_path("data/openfisca-cases.json")).unwrap();
    let report = ctg_cli::conformance::run_conformance(&compiled, &bytes).unwrap();
    let af = report.benefits.iter().find(|b| b.benefit == "af").unwrap();
    assert!(af.ratio < 0.95);
    assert!(!report.passes(0.95));
    let d = report
        .disagreements
        .iter()
        .find(|d| d.benefit == "af" && d.case == "F02")
        .unwrap();
    assert!(d.openfisca_granted);
    assert_eq!(d.ours, Status::NotEligible);
    assert!(
        d.explanation
            .iter()
            .any(|l| l.contains("au moins 3 enfants")),
        "{:?}",
        d.explanation
    );
}

#[test]
fn every_case_maps_to_a_valid_situation_with_all_members() {
    let bytes = std::fs::read(ctg_examples::shared_path("data/openfisca-cases.json")).unwrap();
    let doc: Value = serde_json::from_slice(&bytes).unwrap();
    let cat = catalogue();
    for case in doc["cases"].as_array().unwrap() {
        let s = ctg_cli::conformance::case_situation(case).unwrap();
        let n = case["situation"]["adults"].as_array().unwrap().len()
            + case["situation"]["children"].as_array().unwrap().len();
        assert_eq!(s["members"].as_array().unwrap().len(), n);
        let input: SituationInput = serde_json::from_value(s).unwrap();
        let situation = Situation::from_input(&cat, &input).unwrap();
        // Every question the rules need is answered: nothing is left undetermined.
        let date = ctg_cli::conformance::case_date(case).unwrap();
        for r in cat.at(date).evaluate(&situation) {
            assert!(
                r.status.is_decided(),
                "{}: {} undetermined",
                case["id"],
                r.benefit
            );
        }
    }
}

fn ctg(args: &[&str]) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut all = vec!["ctg"];
    all.extend_from_slice(args);
    let code = ctg_cli::run(all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn ctg_rights_conformance_exits_0_at_95_percent_and_reports_json() {
    let cases = ctg_examples::shared_path("data/openfisca-cases.json");
    let cases = cases.to_str().unwrap();
    let (code, _, err) = ctg(&["rights", "conformance", cases, "--min", "0.95"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = ctg(&["rights", "conformance", cases, "--format", "json"]);
    assert_eq!(code, 0);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["passes"], true);
    assert_eq!(report["cases"], 25);
    let benefits = report["benefits"].as_array().unwrap();
    assert_eq!(benefits.len(), 12);
    assert!(benefits
        .iter()
        .all(|b| b["ratio"].as_f64().unwrap() >= 0.95));
}

#[test]
fn ctg_rights_conformance_exits_1_below_the_threshold_and_2_on_unreadable_files() {
    let cases = ctg_examples::shared_path("data/openfisca-cases.json");
    let cases = cases.to_str().unwrap();
    let mut cat: Value = serde_json::from_str(ctg_core::civraisien::DROITS_JSON).unwrap();
    for b in cat["benefits"].as_array_mut().unwrap() {
        if b["id"] == "rsa" {
            b["condition"] = serde_json::json!(false);
        }
    }
    let dir = std::env::temp_dir().join(format!("ctg-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("droits.json");
    std::fs::write(&file, serde_json::to_vec(&cat).unwrap()).unwrap();
    let (code, out, _) = ctg(&[
        "rights",
        "conformance",
        cases,
        "--catalogue",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["passes"], false);
    let rsa = report["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["benefit"] == "rsa")
        .count();
    assert_eq!(rsa, 6, "the 6 cases where OpenFisca pays the RSA");
    let (code, _, _) = ctg(&["rights", "conformance", "/nonexistent/cases.json"]);
    assert_eq!(code, 2);
    let (code, _, _) = ctg(&["rights", "conformance", cases, "--min", "1.5"]);
    assert_eq!(code, 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_paying_body_follows_the_regime() {
    use ctg_core::rights::catalogue::Institution;
    let cat = catalogue();
    let with = |regime: Option<&str>| {
        let answers = match regime {
            Some(r) => serde_json::json!({ "regime": r }),
            None => serde_json::json!({}),
        };
        let input: SituationInput =
            serde_json::from_value(serde_json::json!({ "answers": answers })).unwrap();
        Situation::from_input(&cat, &input).unwrap()
    };
    let (general, agricole, unknown) = (with(Some("general")), with(Some("agricole")), with(None));
    for (id, default) in [
        ("af", Institution::Caf),
        ("rsa", Institution::Caf),
        ("aide_logement", Institution::Caf),
        ("css", Institution::Cpam),
        ("aspa", Institution::Autre),
    ] {
        let i = cat.benefit_position(id).unwrap();
        assert_eq!(cat.institution(i, &general), default, "{id}");
        assert_eq!(cat.institution(i, &unknown), default, "{id}");
        assert_eq!(cat.institution(i, &agricole), Institution::Msa, "{id}");
    }
    let evs = cat.benefit_position("evs").unwrap();
    assert_eq!(cat.institution(evs, &agricole), Institution::Association);
}

#[test]
fn institution_when_must_name_a_household_choice_question_and_one_of_its_options() {
    let mut cat: Value = serde_json::from_str(ctg_core::civraisien::DROITS_JSON).unwrap();
    let benefits = cat["benefits"].as_array_mut().unwrap();
    benefits[0]["institution_when"] = serde_json::json!([{"question": "regime_inconnu", "answer": "agricole", "institution": "msa"}]);
    benefits[1]["institution_when"] =
        serde_json::json!([{"question": "regime", "answer": "independant", "institution": "msa"}]);
    benefits[2]["institution_when"] =
        serde_json::json!([{"question": "loyer", "answer": "x", "institution": "msa"}]);
    let errors = CompiledCatalogue::from_json(&serde_json::to_vec(&cat).unwrap())
        .err()
        .unwrap()
        .0;
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.contains(&"$.benefits[0].institution_when[0].question"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"$.benefits[1].institution_when[0].answer"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"$.benefits[2].institution_when[0].question"),
        "{paths:?}"
    );
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn random_openfisca_households_agree_at_95_percent_and_disagree_only_where_documented() {
    let bytes = std::fs::read(ctg_examples::fixture("rights/openfisca-random-cases.json")).unwrap();
    let report = ctg_cli::conformance::run_conformance(&catalogue(), &bytes).unwrap();
    assert_eq!(report.cases, 60);
    assert!(report.passes(0.95), "{:#?}", report.benefits);
    // Each one is explained in docs/conformance.md.
    let mut got: Vec<(&str, &str)> = report
        .disagreements
        .iter()
        .map(|d| (d.case.as_str(), d.benefit.as_str()))
        .collect();
    got.sort();
    assert_eq!(got, vec![("R010", "aide_logement"), ("R013", "css")]);
    let docs = std::fs::read_to_string(ctg_examples::repo_path("docs/conformance.md")).unwrap();
    for (case, benefit) in got {
        assert!(
            docs.contains(&format!("{case} / `{benefit}`")),
            "{case} / {benefit} not documented"
        );
    }
}

mod monotonicity {
    //! More resources never open a means-tested benefit of the catalogue.
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn household() -> impl Strategy<Value = Value> {
        let adult = (
            18u32..90,
            0u32..4000,
            0u32..2500,
            0u32..2000,
            prop_oneof![Just(0u32), Just(50), Just(60), Just(80)],
            any::<bool>(),
        );
        (
            prop::collection::vec(adult, 1..=2),
            prop::collection::vec((0u32..24, prop_oneof![Just(0u32), Just(80)]), 0..5),
            prop_oneof![Just("locataire"), Just("locataire_hlm"), Just("locataire_meuble"), Just("proprietaire"), Just("heberge_gratuit")],
            200u32..1000,
            0u32..80000,
            0u32..400,
        )
            .prop_map(|(adults, children, logement, loyer, n2, pension)| {
                let mut members: Vec<Value> = adults
                    .into_iter()
                    .map(|(age, sal, cho, ret, taux, rsdae)| json!({"role": "adulte", "age": age, "facts": {
                        "salaire_net": sal, "chomage": cho, "retraite": ret, "etudiant": false,
                        "taux_incapacite": taux, "rsdae": rsdae}}))
                    .collect();
                members.extend(children.into_iter().map(|(age, taux)| json!({"role": "enfant", "age": age, "facts": {"taux_incapacite": taux}})));
                json!({"answers": {"regime": "general", "commune": "86078", "logement": logement, "loyer": loyer,
                    "revenus_n2": n2, "pension_alimentaire_recue": pension, "asf_parent_defaillant": true},
                    "members": members})
            })
    }

    fn statuses(cat: &CompiledCatalogue, v: &Value) -> Vec<(String, Status)> {
        let input: SituationInput = serde_json::from_value(v.clone()).unwrap();
        let s = Situation::from_input(cat, &input).unwrap();
        let date = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
        cat.at(date)
            .evaluate(&s)
            .into_iter()
            .map(|r| (r.benefit, r.status))
            .collect()
    }

    const MEANS_TESTED: &[&str] = &[
        "rsa",
        "aide_logement",
        "css",
        "aspa",
        "ars",
        "paje_base",
        "cf",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]
        #[test]
        fn more_unemployment_benefit_or_n2_income_never_opens_a_means_tested_benefit(
            h in household(), extra in 1u32..1500, extra_n2 in 1u32..20000, who in 0usize..2,
        ) {
            let cat = catalogue();
            let before = statuses(&cat, &h);
            let mut richer = h.clone();
            let adults = richer["members"].as_array().unwrap().iter().filter(|m| m["role"] == "adulte").count();
            let m = &mut richer["members"][who % adults]["facts"]["chomage"];
            *m = json!(m.as_u64().unwrap() + u64::from(extra));
            let n2 = &mut richer["answers"]["revenus_n2"];
            *n2 = json!(n2.as_u64().unwrap() + u64::from(extra_n2));
            let after = statuses(&cat, &richer);
            for ((id, b), (_, a)) in before.iter().zip(after.iter()) {
                prop_assert!(b.is_decided() && a.is_decided(), "{id} undetermined");
                // For a couple, the ceilings of the PAJE and the complément familial rise when
                // both parents have an income (biactivité, derived `biactif`): a second
                // income can open them, as in the law. Not a monotone case.
                if adults == 2 && ["paje_base", "cf"].contains(&id.as_str()) {
                    continue;
                }
                if MEANS_TESTED.contains(&id.as_str()) && *a == Status::Eligible {
                    prop_assert_eq!(*b, Status::Eligible, "{} opened by more income: {}", id, h);
                }
            }
        }
    }
}
