//! Validation of plan files: the valid fixtures and the embedded Civraisien plan pass; every
//! invalid fixture under `tests/fixtures/plans/invalid/` gives exactly the errors (kind and
//! JSON path) listed for it in `expected.json`.

use ctg_core::{ErrorKind, Plan, ValidationError};
use ctg_examples::fixture;
use serde_json::Value;
use std::collections::BTreeSet;

const INVALID: &str = "plans/invalid";

fn read(relative: &str) -> Vec<u8> {
    let path = fixture(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn expected_cases() -> Vec<(String, Vec<(String, String)>)> {
    let doc: Value = serde_json::from_slice(&read("plans/invalid/expected.json")).unwrap();
    let cases = doc["cases"].as_object().expect("expected.json has `cases`");
    cases
        .iter()
        .map(|(file, errors)| {
            let errors = errors
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e["kind"].as_str().unwrap().to_owned(),
                        e["path"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            (file.clone(), errors)
        })
        .collect()
}

fn errors_of(file: &str) -> Vec<ValidationError> {
    match Plan::from_slice(&read(&format!("{INVALID}/{file}"))) {
        Ok(_) => panic!("{file} should be invalid"),
        Err(errors) => errors.0,
    }
}

#[test]
fn valid_fixtures_and_the_civraisien_plan_are_valid() {
    for file in ["plans/valid/minimal.json", "plans/valid/full.json"] {
        if let Err(errors) = Plan::from_slice(&read(file)) {
            panic!("{file}: {errors:#?}");
        }
    }
    let plan = Plan::from_json(ctg_core::civraisien::PLAN_JSON).expect("Civraisien is valid");
    assert!(plan.validate().is_empty());
}

#[test]
fn every_invalid_fixture_is_listed_in_expected_json() {
    let listed: BTreeSet<String> = expected_cases().into_iter().map(|(f, _)| f).collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(fixture(INVALID))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json") && name != "expected.json")
        .collect();
    assert_eq!(listed, on_disk);
    assert!(
        on_disk.len() >= 25,
        "the issue asks for at least 25 invalid plans"
    );
}

#[test]
fn each_invalid_fixture_gives_its_expected_errors_and_no_other() {
    for (file, expected) in expected_cases() {
        let errors = errors_of(&file);
        let found: Vec<(String, String)> = errors
            .iter()
            .map(|e| (e.kind.code().to_owned(), e.path.clone()))
            .collect();
        assert_eq!(found, expected, "{file}");
        for error in &errors {
            assert!(
                error.message.chars().count() > 20,
                "{file}: terse message {error:?}"
            );
            assert!(error.path.starts_with('$'), "{file}: {error:?}");
        }
    }
}

#[test]
fn single_mistake_files_give_one_error_and_the_many_mistakes_file_gives_them_all() {
    for (file, expected) in expected_cases() {
        if file == "many_mistakes.json" {
            let kinds: BTreeSet<&str> = expected.iter().map(|(k, _)| k.as_str()).collect();
            assert!(expected.len() >= 8 && kinds.len() >= 6, "{expected:?}");
        } else if file == "structure_mistakes.json" {
            // Every structure problem at once (wrong type, unknown and missing fields,
            // impossible date), not only the first.
            assert!(expected.len() >= 8, "{expected:?}");
            assert!(expected.iter().all(|(kind, _)| kind == "structure"));
        } else {
            assert_eq!(expected.len(), 1, "{file} should hold one mistake");
        }
    }
}

#[test]
fn syntax_and_structure_errors_carry_line_and_column() {
    for (file, line) in [
        ("syntax_trailing_comma.json", 240),
        ("impossible_date.json", 117),
        ("not_utf8.json", 203),
    ] {
        let error = &errors_of(file)[0];
        assert_eq!(error.line, Some(line), "{file}: {error:?}");
        assert!(error.column.is_some());
    }
    let lines: Vec<Option<usize>> = errors_of("structure_mistakes.json")
        .iter()
        .map(|e| e.line)
        .collect();
    let expected = [5, 5, 6, 7, 9, 9, 10, 10];
    assert_eq!(lines, expected.map(Some));
    let semantic = &errors_of("blank_title.json")[0];
    assert_eq!((semantic.line, semantic.column), (None, None));
}

#[test]
fn messages_explain_the_mistake_in_french() {
    let message = |file: &str| errors_of(file)[0].message.clone();
    assert!(message("impossible_date.json").contains("date impossible"));
    assert!(message("impossible_date.json").contains("AAAA-MM-JJ"));
    assert!(message("unknown_field.json").contains("« titel »"));
    assert!(message("unknown_field.json").contains("title"));
    assert!(message("missing_axis_title.json").contains("« title » manque"));
    assert!(message("unknown_theme.json").contains("petite_enfance"));
    assert!(message("duplicate_axis_id.json").contains("$.axes[0].id"));
    assert!(message("reference_to_wrong_kind.json").contains("désigne un axe"));
    assert!(message("not_utf8.json").contains("UTF-8"));
}

#[test]
fn validate_reports_every_problem_of_a_plan_built_in_code() {
    let mut plan = Plan::from_slice(&read("plans/valid/full.json")).unwrap();
    plan.axes[0].title = String::new();
    plan.axes[1].weight = Some(f64::NAN);
    plan.diagnostic.indicators[0].value = f64::INFINITY;
    plan.format = "ctg-plan/1".into();
    let found: BTreeSet<(ErrorKind, String)> = plan
        .validate()
        .into_iter()
        .map(|e| (e.kind, e.path))
        .collect();
    let expected = BTreeSet::from([
        (ErrorKind::EmptyText, "$.axes[0].title".to_owned()),
        (ErrorKind::InvalidNumber, "$.axes[1].weight".to_owned()),
        (
            ErrorKind::InvalidNumber,
            "$.diagnostic.indicators[0].value".to_owned(),
        ),
    ]);
    assert_eq!(found, expected);
}
