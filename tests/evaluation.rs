//! The evaluation engine against hand-computed cases (`tests/fixtures/evaluation/cases.json`,
//! shared with the JS tests), its invariants (property tests), comparisons and reports.

use chrono::NaiveDate;
use ctg_core::evaluation::{compare, evaluate, report, Evaluation};
use ctg_core::vocabulary::Status;
use ctg_core::Plan;
use proptest::prelude::*;
use serde_json::{json, Value};

fn load_cases() -> (Value, Vec<Value>) {
    let text = std::fs::read_to_string(ctg_examples::fixture("evaluation/cases.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    (
        doc["base"].clone(),
        doc["cases"].as_array().unwrap().clone(),
    )
}

fn plan_of(base: &Value, fragment: &Value) -> Plan {
    let mut plan = base.clone();
    for (k, v) in fragment.as_object().unwrap() {
        plan[k] = v.clone();
    }
    serde_json::from_value(plan).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn close(actual: Option<f64>, expected: &Value) -> bool {
    match (actual, expected.as_f64()) {
        (Some(a), Some(e)) => (a - e).abs() < 1e-6,
        (None, None) => expected.is_null(),
        _ => false,
    }
}

fn status_matches(actual: Option<&Status>, expected: &Value) -> bool {
    match expected.as_str() {
        Some(code) => actual.map(|s| s.code()) == Some(code),
        None => actual.is_none(),
    }
}

#[test]
fn hand_computed_cases() {
    let (base, cases) = load_cases();
    assert!(cases.len() >= 20, "at least 20 cases");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let plan = plan_of(&base, &case["plan"]);
        let problems = plan.validate();
        if !problems.is_empty() {
            failures.push(format!("{name}: the plan is not valid: {problems:?}"));
        }
        let evaluation = evaluate(&plan, date(case["at"].as_str().unwrap()));
        for expect in case["expect"].as_array().unwrap() {
            let id = expect["id"].as_str().unwrap();
            let (progress, expected, status, computed) = if let Some(i) = evaluation.indicator(id) {
                (
                    i.progress,
                    i.expected,
                    i.status.as_ref(),
                    i.computed_status.as_ref(),
                )
            } else if let Some(n) = evaluation.node(id) {
                (
                    n.progress,
                    n.expected,
                    n.status.as_ref(),
                    n.computed_status.as_ref(),
                )
            } else {
                failures.push(format!("{name}: no indicator or node {id}"));
                continue;
            };
            let obj = expect.as_object().unwrap();
            if obj.contains_key("progress") && !close(progress, &expect["progress"]) {
                failures.push(format!(
                    "{name}: {id} progress {progress:?}, expected {}",
                    expect["progress"]
                ));
            }
            if obj.contains_key("expected") && !close(expected, &expect["expected"]) {
                failures.push(format!(
                    "{name}: {id} expected progress {expected:?}, expected {}",
                    expect["expected"]
                ));
            }
            if obj.contains_key("status") && !status_matches(status, &expect["status"]) {
                failures.push(format!(
                    "{name}: {id} status {status:?}, expected {}",
                    expect["status"]
                ));
            }
            if obj.contains_key("computed_status")
                && !status_matches(computed, &expect["computed_status"])
            {
                failures.push(format!(
                    "{name}: {id} computed status {computed:?}, expected {}",
                    expect["computed_status"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rolled_up_figure_lists_its_contributions_and_overrides_show() {
    let (base, cases) = load_cases();
    let case = cases
        .iter()
        .find(|c| c["name"] == "statut forcé d'un axe")
        .unwrap();
    let plan = plan_of(&base, &case["plan"]);
    let evaluation = evaluate(&plan, date("2022-01-01"));
    let axis = evaluation.node("axe").unwrap();
    assert_eq!(axis.contributions.len(), 1);
    assert_eq!(axis.contributions[0].id, "os");
    assert!(axis.contributions[0].included);
    let md = report::markdown(&evaluation, None);
    assert!(md.contains("Financement 2022 non voté"));
    let html = report::html(&evaluation, None);
    assert!(html.contains("Financement 2022 non voté"));
    assert!(html.contains("(forcé)"));
}

fn one_indicator_plan(direction: &str, baseline: f64, target: f64, value: f64) -> Plan {
    serde_json::from_value(json!({
        "format": "ctg-plan/1", "id": "p", "title": "P", "territory": {},
        "period": {"start": "2020-01-01", "end": "2025-12-31"},
        "indicators": [{
            "id": "i", "label": "I", "unit": "u", "kind": "resultat", "direction": direction,
            "baseline": {"date": "2021-01-01", "value": baseline},
            "target": {"date": "2023-01-01", "value": target},
            "target_range": {"min": baseline.min(target), "max": baseline.max(target)},
            "measurements": [{"date": "2022-01-01", "value": value}]
        }]
    }))
    .unwrap()
}

fn progress_of(direction: &str, baseline: f64, target: f64, value: f64) -> f64 {
    let plan = one_indicator_plan(direction, baseline, target, value);
    evaluate(&plan, date("2022-06-01"))
        .indicator("i")
        .unwrap()
        .progress
        .unwrap()
}

fn tree_plan(weights: &[f64], values: &[f64]) -> Plan {
    let indicators: Vec<Value> = weights
        .iter()
        .zip(values)
        .enumerate()
        .map(|(k, (w, v))| {
            json!({
                "id": format!("i{k}"), "label": "I", "unit": "u", "kind": "resultat",
                "direction": "hausse", "weight": w,
                "baseline": {"date": "2021-01-01", "value": 0},
                "target": {"date": "2023-01-01", "value": 100},
                "measurements": [{"date": "2022-01-01", "value": v}]
            })
        })
        .collect();
    serde_json::from_value(json!({
        "format": "ctg-plan/1", "id": "p", "title": "P", "territory": {},
        "period": {"start": "2020-01-01", "end": "2025-12-31"},
        "axes": [{"id": "axe", "title": "A", "strategic_objectives": [{"id": "os", "title": "O",
            "specific_objectives": [{"id": "osp", "title": "S", "indicators": indicators}]}]}]
    }))
    .unwrap()
}

proptest! {
    #[test]
    fn progress_stays_in_unit_interval_and_is_monotone(
        direction in prop::sample::select(vec!["hausse", "baisse", "maintien", "fourchette"]),
        baseline in -1000.0f64..1000.0,
        target in -1000.0f64..1000.0,
        a in -3000.0f64..3000.0,
        b in -3000.0f64..3000.0,
    ) {
        // The target goes the indicator's way.
        let (baseline, target) = match direction {
            "hausse" => (baseline.min(target), baseline.max(target)),
            "baisse" => (baseline.max(target), baseline.min(target)),
            _ => (baseline, target),
        };
        let (low, high) = (a.min(b), a.max(b));
        let p_low = progress_of(direction, baseline, target, low);
        let p_high = progress_of(direction, baseline, target, high);
        prop_assert!((0.0..=1.0).contains(&p_low) && (0.0..=1.0).contains(&p_high));
        match direction {
            "hausse" => prop_assert!(p_high >= p_low),
            "baisse" => prop_assert!(p_low >= p_high),
            _ => {}
        }
    }

    #[test]
    fn rollup_of_identical_children_equals_the_child(
        n in 1usize..6,
        weights in prop::collection::vec(0.1f64..10.0, 6),
        value in -50.0f64..150.0,
    ) {
        let plan = tree_plan(&weights[..n], &vec![value; n]);
        let e = evaluate(&plan, date("2022-01-01"));
        let child = e.indicator("i0").unwrap();
        for id in ["osp", "os", "axe", "p"] {
            let node = e.node(id).unwrap();
            prop_assert!((node.progress.unwrap() - child.progress.unwrap()).abs() < 1e-9);
            prop_assert!((node.expected.unwrap() - child.expected.unwrap()).abs() < 1e-9);
            prop_assert_eq!(node.status.as_ref(), child.status.as_ref());
        }
    }

    #[test]
    fn scaling_all_weights_changes_nothing(
        weights in prop::collection::vec(0.1f64..10.0, 1..6),
        values in prop::collection::vec(-50.0f64..150.0, 6),
        factor in 0.01f64..100.0,
    ) {
        let n = weights.len();
        let scaled: Vec<f64> = weights.iter().map(|w| w * factor).collect();
        let a = evaluate(&tree_plan(&weights, &values[..n]), date("2022-01-01"));
        let b = evaluate(&tree_plan(&scaled, &values[..n]), date("2022-01-01"));
        let (na, nb) = (a.node("osp").unwrap(), b.node("osp").unwrap());
        prop_assert!((na.progress.unwrap() - nb.progress.unwrap()).abs() < 1e-9);
        prop_assert!((na.expected.unwrap() - nb.expected.unwrap()).abs() < 1e-9);
    }
}

fn civraisien_at(at: &str) -> Evaluation {
    let text =
        std::fs::read_to_string(ctg_examples::repo_path("examples/civraisien/plan.json")).unwrap();
    let plan = Plan::from_json(&text).unwrap();
    evaluate(&plan, date(at))
}

#[test]
fn civraisien_evaluates_with_its_illustrative_indicators() {
    let e = civraisien_at("2021-12-31");
    assert!(e.illustrative);
    assert!(!e.indicators.is_empty());
    assert_eq!(e.level(ctg_core::evaluation::Level::Axe).count(), 5);
    assert!(e.plan.progress.is_some());
    for ind in &e.indicators {
        if let Some(p) = ind.progress {
            assert!((0.0..=1.0).contains(&p), "{} progress {p}", ind.id);
        }
    }
    let md = report::markdown(&e, None);
    assert!(md.contains("valeurs illustratives"));
}

#[test]
fn comparison_since_the_last_comite() {
    let before = civraisien_at("2020-12-31");
    let after = civraisien_at("2021-12-31");
    let c = compare(&before, &after);
    assert_eq!(c.from, date("2020-12-31"));
    assert!(!c.changes.is_empty());
    assert!(c.added.is_empty() && c.removed.is_empty());
    for change in &c.changes {
        if let (Some(a), Some(b), Some(d)) = (
            change.progress_before,
            change.progress_after,
            change.progress_delta,
        ) {
            assert!((b - a - d).abs() < 1e-12);
        }
    }
    let same = compare(&after, &after);
    assert!(same.changes.is_empty() && same.new_data.is_empty() && same.lost_data.is_empty());
}

#[test]
fn reports_escape_plan_text() {
    let mut plan = tree_plan(&[1.0], &[50.0]);
    plan.axes[0].title = "<script>alert('x')</script> & co | \"cité\"".to_owned();
    let e = evaluate(&plan, date("2022-01-01"));
    let html = report::html(&e, None);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
    let md = report::markdown(&e, None);
    assert!(!md.contains("<script>"));
    let csv = report::csv(&e);
    assert!(csv.contains("\"<script>alert('x')</script> & co | \"\"cité\"\"\""));
    let json: Value = serde_json::from_str(&report::json(&e, None)).unwrap();
    assert_eq!(
        json["evaluation"]["nodes"][0]["title"],
        plan.axes[0].title.as_str()
    );
}

#[test]
fn html_report_is_self_contained_and_accessible() {
    let e = civraisien_at("2021-12-31");
    let c = compare(&civraisien_at("2020-12-31"), &e);
    let html = report::html(&e, Some(&c));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("@media print"));
    assert!(html.contains("<caption>"));
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("Ce qui a changé depuis le 31 décembre 2020"));
    for forbidden in [
        "<script",
        "<link",
        "src=\"http",
        "href=\"http",
        "@import",
        "url(",
    ] {
        assert!(
            !html.contains(forbidden),
            "external asset or script: {forbidden}"
        );
    }
    // Every SVG has a title.
    assert!(html.matches("<svg").count() > 5);
    let svgs = html
        .split("<svg")
        .skip(1)
        .filter(|s| !s.contains("<title>"))
        .count();
    assert_eq!(svgs, 0);
}

#[test]
fn rule_inconsistencies_are_validation_errors_with_paths() {
    let (base, _) = load_cases();
    let bad = json!({
        "evaluation": {"bands": [
            {"status": "en_retard", "to": -0.3},
            {"status": "a_surveiller", "from": -0.25, "to": -0.1},
            {"status": "en_bonne_voie", "from": -0.1}
        ]},
        "indicators": [{
            "id": "i", "label": "I", "unit": "u", "kind": "resultat", "direction": "hausse",
            "baseline": {"date": "2021-01-01", "value": 100},
            "target": {"date": "2023-01-01", "value": 50},
            "rules": {"bands": [{"status": "atteint"}]},
            "status_override": {"status": "en_retard", "reason": "  "}
        }]
    });
    let mut doc = base.clone();
    for (k, v) in bad.as_object().unwrap() {
        doc[k] = v.clone();
    }
    let errors = Plan::from_json(&doc.to_string()).unwrap_err();
    let paths: Vec<&str> = errors.errors().iter().map(|e| e.path.as_str()).collect();
    for expected in [
        "$.evaluation.bands[1].from",
        "$.indicators[0].target.value",
        "$.indicators[0].rules.bands[0].status",
        "$.indicators[0].status_override.reason",
    ] {
        assert!(
            paths.iter().any(|p| p.starts_with(expected)),
            "{expected} not in {paths:?}"
        );
    }
}
